//! Recording what a youth out of school does (docs/regels.md "Dagbesteding"), as the RMC finds it
//! at a contact; the destinations in the annual report follow the latest.
use crate::{Fout, Result, bestaand, code_geldig, ids};
use leerspoor_domain::Datum;
use leerspoor_domain::codes::CodeLijst;
use leerspoor_domain::model::{Dagbesteding, Jongere, Medewerker};
use leerspoor_domain::rules::dagbesteding;
use leerspoor_store::Store;

#[derive(Debug, Clone)]
pub struct NieuweDagbesteding {
    pub jongere: String,
    pub datum: Datum,
    /// Code of the list `dagbesteding`, valid on `datum`.
    pub soort: String,
    pub toelichting: String,
}

/// Records a dagbesteding under the staff member who found it.
pub async fn leg_vast(store: &Store, door: &Medewerker, n: NieuweDagbesteding) -> Result<Dagbesteding> {
    dagbesteding::mag_vastleggen(door.rol)?;
    let jongere: Jongere = bestaand(store, "jongere", &n.jongere).await?;
    if n.datum < jongere.geboortedatum {
        return Err(Fout::invoer("datum", format!("{} ligt vóór de geboortedatum van de jongere", n.datum)));
    }
    code_geldig(store, "soort", CodeLijst::Dagbesteding, &n.soort, n.datum).await?;
    let d = Dagbesteding {
        id: ids::nieuw("DB"),
        jongere: n.jongere,
        datum: n.datum,
        soort: n.soort,
        medewerker: Some(door.id.clone()),
        toelichting: n.toelichting.trim().to_string(),
    };
    let mut s = store.schrijver(&door.id, "dagbesteding vastleggen").await?;
    s.nieuw(&d).await?;
    s.vastleggen("dagbesteding vastleggen", &d.id).await?;
    Ok(d)
}
