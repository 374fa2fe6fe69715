//! Verzendingen: batches of messages to an outside party (`bestemming`: the terugmelding or the
//! vrijstellingen to DUO). A verzending holds the changes since the one before and never changes
//! after it is made: its file can be made again as often as needed, and acknowledging it confirms
//! exactly what the other party received.
use crate::logboek::KoppelFout;
use crate::records::Verzending;
use leerspoor_casework::ids;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::codes::Code;
use leerspoor_domain::model::Medewerker;
use leerspoor_store::{Schrijver, Store, StoreFout};

/// Now, as the koppelingen keep moments: RFC 3339 in UTC, to the second.
pub(crate) fn nu() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A new verzending to `bestemming`, made now by `door`, written in `s`.
pub(crate) async fn nieuw(
    s: &mut Schrijver,
    door: &Medewerker,
    bestemming: &str,
    aangemaakt: &str,
) -> Result<Verzending, StoreFout> {
    let verzending = Verzending {
        id: ids::nieuw("V"),
        bestemming: bestemming.into(),
        aangemaakt: aangemaakt.into(),
        door: door.id.clone(),
        bevestigd: None,
        bevestigd_door: None,
    };
    s.nieuw(&verzending).await?;
    Ok(verzending)
}

/// The verzendingen to `bestemming`: those not yet acknowledged first, then the latest.
pub async fn verzendingen(store: &Store, bestemming: &str) -> Result<Vec<Verzending>, StoreFout> {
    let mut alle: Vec<Verzending> = store.lees_waar("bestemming", bestemming).await?;
    alle.sort_by(|a, b| {
        (a.bevestigd.is_some(), &b.aangemaakt, &b.id).cmp(&(b.bevestigd.is_some(), &a.aangemaakt, &a.id))
    });
    Ok(alle)
}

/// One verzending to `bestemming`, if it is one.
pub async fn verzending(store: &Store, bestemming: &str, id: &str) -> Result<Option<Verzending>, StoreFout> {
    Ok(store.lees_een::<Verzending>(id).await?.filter(|v| v.bestemming == bestemming))
}

/// Records the receipt of a verzending to `bestemming` (`wat` names it in messages): what it held
/// counts as sent. Whether `door` may is for the caller to check.
pub(crate) async fn bevestig(
    store: &Store,
    door: &Medewerker,
    bestemming: &str,
    wat: &str,
    id: &str,
) -> Result<Verzending, KoppelFout> {
    let mut s = store.schrijver(&door.id, &format!("koppeling {bestemming}")).await?;
    s.vergrendel(bestemming).await?;
    let oud = s
        .lees_waar::<Verzending>("id", id)
        .await?
        .pop()
        .filter(|v| v.bestemming == bestemming)
        .ok_or_else(|| KoppelFout::Ongeldig(format!("verzending '{id}' van {wat} bestaat niet")))?;
    if let Some(op) = &oud.bevestigd {
        return Err(KoppelFout::Ongeldig(format!("verzending '{id}' is al bevestigd ({op})")));
    }
    let nieuw = Verzending { bevestigd: Some(nu()), bevestigd_door: Some(door.id.clone()), ..oud.clone() };
    s.wijzig(&oud, &nieuw).await?;
    s.vastleggen(&format!("koppeling {bestemming} bevestigd"), id).await?;
    Ok(nieuw)
}

/// The description of `code` in the code list `lijst` (the words DUO uses), or the code itself.
pub(crate) fn omschrijving(codes: &[Code], lijst: &str, code: &str) -> String {
    codes
        .iter()
        .find(|c| c.lijst.code() == lijst && c.code == code)
        .map_or_else(|| code.to_string(), |c| c.omschrijving.clone())
}

/// A code with its description, as the JSON of the verzendingen carries codes.
pub(crate) fn code_json(codes: &[Code], lijst: &str, code: &str) -> serde_json::Value {
    serde_json::json!({ "code": code, "omschrijving": omschrijving(codes, lijst, code) })
}

/// A verzending's heading in JSON: what it is and whether its receipt was confirmed.
pub fn als_json(v: &Verzending) -> serde_json::Value {
    serde_json::json!({
        "id": v.id,
        "bestemming": v.bestemming,
        "aangemaakt": v.aangemaakt,
        "bevestigd": v.bevestigd,
    })
}
