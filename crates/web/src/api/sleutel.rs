//! API keys: `lsk_<id>_<geheim>`, the id public (lists, access log), the secret 256 random bits of
//! which only the SHA-256 is kept. A key acts for one medewerker and is worth no more than her
//! access: it works only while her account is active, she is in service and her role may do
//! casework (the koppelingen are casework).
use crate::rechten::{Recht, heeft};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::Medewerker;
use leerspoor_store::sleutels::ApiSleutel;
use leerspoor_store::toegang::Herkomst;
use leerspoor_store::{Store, StoreFout};
use sha2::{Digest, Sha256};

const VOORVOEGSEL: &str = "lsk_";
/// The longest name a key may have.
pub const MAX_NAAM: usize = 100;

/// Why a key is refused: said in the access log, never to the client (one answer for all).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Afgewezen {
    #[error("geen of geen geldige API-sleutel")]
    Vorm,
    #[error("onbekende API-sleutel")]
    Onbekend,
    #[error("onjuist geheim van API-sleutel {sleutel}")]
    Geheim { sleutel: String, medewerker: String },
    #[error("API-sleutel {sleutel} is ingetrokken")]
    Ingetrokken { sleutel: String, medewerker: String },
    /// The key is right, its medewerker may no longer (account off, out of service, role).
    #[error("API-sleutel {sleutel}: {reden}")]
    Medewerker { sleutel: String, medewerker: String, reden: String },
}

impl Afgewezen {
    /// The medewerker of the key presented, when it is known: the refusal is logged in her name.
    pub fn medewerker(&self) -> Option<&str> {
        match self {
            Afgewezen::Vorm | Afgewezen::Onbekend => None,
            Afgewezen::Geheim { medewerker, .. }
            | Afgewezen::Ingetrokken { medewerker, .. }
            | Afgewezen::Medewerker { medewerker, .. } => Some(medewerker),
        }
    }

    /// A guess (a key that is no key, or a wrong secret), which the throttle counts. A revoked key
    /// or one whose medewerker lost her access had its secret right: a connection server still
    /// polling with it is not guessing, and must not hold back others at its address.
    pub fn is_gok(&self) -> bool {
        matches!(self, Afgewezen::Vorm | Afgewezen::Onbekend | Afgewezen::Geheim { .. })
    }
}

/// Why a key was not issued or revoked.
#[derive(Debug, thiserror::Error)]
pub enum SleutelFout {
    /// Said to the user, naming the field.
    #[error("{0}")]
    Ongeldig(String),
    /// The database failed: for the server's log, not the user.
    #[error(transparent)]
    Store(#[from] StoreFout),
}

/// A key accepted by [`controleer`]: its id and the medewerker it acts for.
#[derive(Debug, Clone)]
pub struct Geldig {
    pub sleutel: String,
    pub medewerker: Medewerker,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hash(geheim: &str) -> String {
    hex(&Sha256::digest(geheim.as_bytes()))
}

fn willekeurig<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("willekeurige bytes van het besturingssysteem");
    bytes
}

/// The id and secret of a presented key, if it has the key's form.
fn lees(token: &str) -> Option<(&str, &str)> {
    let (id, geheim) = token.strip_prefix(VOORVOEGSEL)?.split_once('_')?;
    let hexadecimaal = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_hexdigit());
    (hexadecimaal(id, 12) && hexadecimaal(geheim, 64)).then_some((id, geheim))
}

/// Equal without an early return: the time taken tells nothing about how much of it matched.
fn gelijk(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Why this medewerker cannot hold a key now, if she cannot.
async fn bezwaar(store: &Store, m: &Medewerker) -> Result<Option<String>, StoreFout> {
    if !heeft(m.rol, Recht::CasusSchrijven) {
        return Ok(Some(format!("de rol {} geeft geen toegang tot de koppelingen", m.rol.label())));
    }
    Ok(match store.account_van(&m.id).await? {
        Some(a) if a.actief => None,
        Some(_) => Some("het account van de medewerker is gedeactiveerd".into()),
        None => Some("de medewerker heeft geen account".into()),
    })
}

/// The medewerker of `id` if she is in service, else why not.
async fn in_dienst(store: &Store, id: &str) -> Result<Result<Medewerker, String>, StoreFout> {
    match leerspoor_casework::medewerker(store, id).await {
        Ok(m) => Ok(Ok(m)),
        Err(leerspoor_casework::Fout::Store(e)) => Err(e),
        Err(e) => Ok(Err(e.to_string())),
    }
}

/// Issues a key named `naam` acting for medewerker `voor`, by `door` from `herkomst`; who may is
/// the caller's check (on the web a medewerker issues her own key only, see
/// `paginas::koppelingen`). Issuing grants access to the register's data without a second step:
/// it is logged as a grant on her account, where the teamleider sees it. Returns the key's record
/// and the key itself, which is shown once and kept nowhere.
pub async fn geef_uit(
    store: &Store,
    herkomst: &Herkomst,
    door: &str,
    voor: &str,
    naam: &str,
) -> Result<(ApiSleutel, String), SleutelFout> {
    let naam = naam.trim();
    if naam.is_empty() || naam.chars().count() > MAX_NAAM || naam.chars().any(char::is_control) {
        return Err(SleutelFout::Ongeldig(format!(
            "naam: geef de sleutel een naam van 1 tot {MAX_NAAM} tekens, zonder regeleinden"
        )));
    }
    let m = in_dienst(store, voor).await?.map_err(|r| SleutelFout::Ongeldig(format!("medewerker: {r}")))?;
    if let Some(reden) = bezwaar(store, &m).await? {
        return Err(SleutelFout::Ongeldig(format!("medewerker {}: {reden}", m.id)));
    }
    let id = hex(&willekeurig::<6>());
    let geheim = hex(&willekeurig::<32>());
    let sleutel = ApiSleutel {
        id: id.clone(),
        naam: naam.to_string(),
        medewerker: m.id.clone(),
        geheim_hash: hash(&geheim),
        aangemaakt: chrono::Utc::now(),
        aangemaakt_door: door.to_string(),
        ingetrokken: None,
    };
    store.nieuwe_api_sleutel(&sleutel).await?;
    let object = format!("api-sleutel:{id}");
    let reden = format!("voor medewerker {}", m.id);
    store.log_van(herkomst, door, "api-sleutel uitgeven", &object, "gelukt", Some(&reden)).await?;
    let account = store.account_van(&m.id).await?.map(|a| a.gebruikersnaam).unwrap_or_default();
    let reden = format!("{} krijgt API-sleutel {id} ({})", m.naam, sleutel.naam);
    store.log_van(herkomst, door, "rechten toegekend", &format!("account:{account}"), "gelukt", Some(&reden)).await?;
    Ok((sleutel, format!("{VOORVOEGSEL}{id}_{geheim}")))
}

/// Revokes key `id`, by `door` from `herkomst`, in the access log; from now on it opens nothing.
/// `van`: only a key of this medewerker (a medewerker revoking her own on the web).
pub async fn trek_in(
    store: &Store,
    herkomst: &Herkomst,
    door: &str,
    id: &str,
    van: Option<&str>,
) -> Result<(), SleutelFout> {
    let geldt =
        store.api_sleutel(id).await?.filter(|s| s.ingetrokken.is_none() && van.is_none_or(|m| s.medewerker == m));
    if geldt.is_none() || !store.trek_api_sleutel_in(id, chrono::Utc::now()).await? {
        return Err(SleutelFout::Ongeldig(format!("sleutel: '{id}' is geen API-sleutel die nog geldt")));
    }
    let object = format!("api-sleutel:{id}");
    Ok(store.log_van(herkomst, door, "api-sleutel intrekken", &object, "gelukt", None).await?)
}

/// The key presented in a request, checked: its form, its secret, not revoked, and its
/// medewerker still allowed.
pub async fn controleer(store: &Store, token: Option<&str>) -> Result<Result<Geldig, Afgewezen>, StoreFout> {
    let Some((id, geheim)) = token.and_then(lees) else { return Ok(Err(Afgewezen::Vorm)) };
    let Some(s) = store.api_sleutel(id).await? else { return Ok(Err(Afgewezen::Onbekend)) };
    if !gelijk(&hash(geheim), &s.geheim_hash) {
        return Ok(Err(Afgewezen::Geheim { sleutel: s.id, medewerker: s.medewerker }));
    }
    if s.ingetrokken.is_some() {
        return Ok(Err(Afgewezen::Ingetrokken { sleutel: s.id, medewerker: s.medewerker }));
    }
    let afgewezen =
        |reden: String| Afgewezen::Medewerker { sleutel: s.id.clone(), medewerker: s.medewerker.clone(), reden };
    let m = match in_dienst(store, &s.medewerker).await? {
        Ok(m) => m,
        Err(reden) => return Ok(Err(afgewezen(reden))),
    };
    Ok(match bezwaar(store, &m).await? {
        Some(reden) => Err(afgewezen(reden)),
        None => Ok(Geldig { sleutel: s.id, medewerker: m }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_has_a_twelve_digit_id_and_a_secret_of_256_bits_in_hex() {
        let geheim = "ab".repeat(32);
        let token = format!("lsk_0123456789ab_{geheim}");
        assert_eq!(lees(&token), Some(("0123456789ab", geheim.as_str())));
        assert_eq!(lees(&format!("lsk_0123456789ab_{}", &geheim[1..])), None, "a secret one digit short");
        assert_eq!(lees(&format!("lsk_0123456789a_{geheim}")), None, "an id one digit short");
        assert_eq!(lees(&format!("Bearer lsk_0123456789ab_{geheim}")), None);
        assert_eq!(lees(&format!("lsk_0123456789ab_{}zz", &geheim[2..])), None, "not hex");
        assert_eq!(lees(""), None);
    }

    #[test]
    fn secrets_compare_equal_only_when_equal() {
        assert!(gelijk(&hash("geheim"), &hash("geheim")));
        assert!(!gelijk(&hash("geheim"), &hash("Geheim")));
        assert!(!gelijk("abc", "abcd"));
    }
}
