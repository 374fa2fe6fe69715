//! Signing in: argon2id passwords, the lock-out of an account after repeated failures, and the
//! password policy (docs/beveiliging.md).
//!
//! Every refusal reads the same and costs the same argon2 work, whether the account is unknown,
//! locked, inactive, of a medewerker out of service, or the password wrong: neither the message
//! nor the response time tells an attacker which accounts exist.
use crate::blokkerend::Blokkerend;
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use chrono::{DateTime, Duration, Utc};
use leerspoor_domain::model::Medewerker;
use leerspoor_store::Store;
use leerspoor_store::toegang::Account;

/// The attempt that reaches this count in a row locks the account for [`BLOKKADE`].
pub const MAX_POGINGEN: i64 = 5;
pub const BLOKKADE: Duration = Duration::minutes(15);
/// The shortest password accepted (NCSC: length over complexity).
pub const MIN_WACHTWOORD: usize = 12;
/// The longest password accepted: enough for any passphrase, short of a denial of service.
pub const MAX_WACHTWOORD: usize = 128;

/// The one message for every refused sign-in.
pub const GEWEIGERD: &str = "Aanmelden is niet gelukt. Controleer uw gebruikersnaam en wachtwoord. Na vijf mislukte \
     pogingen wordt een account een kwartier geblokkeerd; de beheerder kan het eerder vrijgeven.";

/// The PHC string of a new password (argon2id with the crate's recommended parameters and a
/// random salt).
pub fn hash(wachtwoord: &str) -> String {
    Argon2::default().hash_password(wachtwoord.as_bytes()).expect("argon2id-hash").to_string()
}

fn klopt(wachtwoord: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| Argon2::default().verify_password(wachtwoord.as_bytes(), &h).is_ok())
}

/// argon2 takes tens of milliseconds of a core and 19 MiB: it runs on the blocking pool, at most
/// one per core at a time ([`Blokkerend`]).
#[derive(Debug, Clone, Default)]
pub struct Wachtwoorden {
    pool: Blokkerend,
}

impl Wachtwoorden {
    pub async fn klopt(&self, wachtwoord: &str, phc: &str) -> bool {
        let (w, p) = (wachtwoord.to_string(), phc.to_string());
        self.pool.voer_uit(move || klopt(&w, &p)).await
    }

    /// The work of a real check against no one's password: a refusal without an account to check
    /// takes as long as one with, so response times do not reveal the account list.
    pub async fn zelfde_werk(&self, wachtwoord: &str) {
        let w: String = wachtwoord.chars().take(MAX_WACHTWOORD).collect();
        self.klopt(&w, DUMMY_HASH).await;
    }

    pub async fn hash(&self, wachtwoord: &str) -> String {
        let w = wachtwoord.to_string();
        self.pool.voer_uit(move || hash(&w)).await
    }
}

/// A successful sign-in.
#[derive(Debug, Clone)]
pub struct Aangemeld {
    pub account: Account,
    pub medewerker: Medewerker,
}

#[derive(Debug, thiserror::Error)]
pub enum AanmeldFout {
    /// Refused, for whatever reason (see the module comment); the reason is for the access log only.
    #[error("{GEWEIGERD}")]
    Geweigerd { reden: &'static str },
    #[error(transparent)]
    Store(#[from] leerspoor_store::StoreFout),
}

fn geweigerd(reden: &'static str) -> AanmeldFout {
    AanmeldFout::Geweigerd { reden }
}

/// Checks a password against the account. The attempt is counted before the password is checked
/// ([`Store::reserveer_poging`]), so that of any number of parallel attempts only the first
/// [`MAX_POGINGEN`] are checked at all.
pub async fn controleer(
    store: &Store,
    wachtwoorden: &Wachtwoorden,
    naam: &str,
    wachtwoord: &str,
    nu: DateTime<Utc>,
) -> Result<Aangemeld, AanmeldFout> {
    // Whole seconds: SQLite compares the stored times as text.
    let nu = DateTime::from_timestamp(nu.timestamp(), 0).unwrap_or(nu);
    let naam = naam.trim();
    let te_lang = wachtwoord.chars().count() > MAX_WACHTWOORD || naam.chars().count() > MAX_GEBRUIKERSNAAM;
    let gereserveerd =
        if te_lang { None } else { store.reserveer_poging(naam, nu, MAX_POGINGEN, nu + BLOKKADE).await? };
    let account = match gereserveerd {
        Some(_) => store.account(naam).await?,
        None => None,
    };
    let Some(account) = account else {
        wachtwoorden.zelfde_werk(wachtwoord).await;
        return Err(geweigerd(if te_lang { "te lang" } else { "onbekend of geblokkeerd" }));
    };
    if !wachtwoorden.klopt(wachtwoord, &account.wachtwoord_hash).await {
        return Err(geweigerd("wachtwoord onjuist"));
    }
    if !account.actief {
        return Err(geweigerd("account inactief"));
    }
    let medewerker = match leerspoor_casework::medewerker(store, &account.medewerker).await {
        Ok(m) => m,
        Err(leerspoor_casework::Fout::Store(e)) => return Err(e.into()),
        Err(_) => return Err(geweigerd("medewerker niet in dienst")),
    };
    store.aanmelding_gelukt(naam).await?;
    Ok(Aangemeld { account, medewerker })
}

/// Dutch words that lists of breached Dutch passwords start with (zxcvbn's own lists are English),
/// and the words of this office: a password built on them is guessed early.
const NEDERLANDS: [&str; 40] = [
    "wachtwoord",
    "welkom",
    "geheim",
    "leerspoor",
    "leerplicht",
    "gemeente",
    "regio",
    "bureau",
    "school",
    "voorjaar",
    "lente",
    "zomer",
    "herfst",
    "najaar",
    "winter",
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "maandag",
    "vrijdag",
    "ajax",
    "feyenoord",
    "psv",
    "oranje",
    "nederland",
    "holland",
    "amsterdam",
    "rotterdam",
    "utrecht",
    "schatje",
    "liefde",
];

/// Longer names are no account's (beheer refuses them) and are not looked up.
pub const MAX_GEBRUIKERSNAAM: usize = 64;

/// Why a new password is not accepted, in the words of the form; `None` when it is.
/// `persoonlijk` are words of the account (its name, the medewerker's name) that a password must
/// not rest on.
pub fn wachtwoord_zwak(wachtwoord: &str, persoonlijk: &[&str]) -> Option<String> {
    let lengte = wachtwoord.chars().count();
    if lengte < MIN_WACHTWOORD {
        return Some(format!("ten minste {MIN_WACHTWOORD} tekens (een zin van een paar woorden werkt goed)"));
    }
    if lengte > MAX_WACHTWOORD {
        return Some(format!("ten hoogste {MAX_WACHTWOORD} tekens"));
    }
    if wachtwoord.chars().any(char::is_control) {
        return Some("geen tabs, regeleinden of andere stuurtekens".into());
    }
    // Each word of a name, and the name written as one word ("devries").
    let aaneen: Vec<String> = persoonlijk.iter().map(|w| w.split_whitespace().collect()).collect();
    let mut woorden: Vec<&str> = persoonlijk.iter().flat_map(|w| w.split_whitespace()).collect();
    woorden.extend(aaneen.iter().map(String::as_str));
    woorden.extend(NEDERLANDS);
    // zxcvbn: the dictionaries of common and breached passwords, names and keyboard patterns
    // (English), with the Dutch words above as a dictionary of their own.
    let schatting = zxcvbn::zxcvbn(wachtwoord, &woorden);
    if (schatting.score() as u8) < 3 {
        return Some(
            "te makkelijk te raden (een veelgebruikt of uitgelekt wachtwoord, uw naam, of een patroon); \
             kies een zin van een paar woorden die niet bij elkaar horen"
                .into(),
        );
    }
    None
}

/// A valid argon2id hash of no one's password, for the timing of unknown names.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$9w0BvvXZQq1jTq8ggwIHQH5bJ0n3u4KqEEUTn8z6xzo";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_stored_as_argon2id_and_only_the_right_one_matches() {
        let h = hash("correct paard batterij");
        assert!(h.starts_with("$argon2id$"));
        assert!(klopt("correct paard batterij", &h));
        assert!(!klopt("Correct paard batterij", &h));
        assert!(!klopt("x", "geen hash"));
    }

    #[test]
    fn the_timing_dummy_is_a_valid_hash() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }

    #[test]
    fn common_and_personal_passwords_are_refused() {
        for zwak in ["welkom123456", "Wachtwoord2024!", "qwertyuiop123", "123456789012", "leerspoor-demo"] {
            assert!(wachtwoord_zwak(zwak, &[]).is_some(), "{zwak}");
        }
        assert!(wachtwoord_zwak("SanneDeVries1990", &["sdevries", "Sanne de Vries"]).is_some());
        assert!(wachtwoord_zwak("sdevries!2021", &["sdevries", "Sanne de Vries"]).is_some());
        assert!(wachtwoord_zwak("kort", &[]).unwrap().contains("ten minste 12"));
        assert!(wachtwoord_zwak(&"lang ".repeat(30), &[]).unwrap().contains("ten hoogste 128"));
        assert!(wachtwoord_zwak("een\tzin met een tab erin", &[]).unwrap().contains("stuurtekens"));
    }

    #[test]
    fn a_sentence_of_unrelated_words_is_accepted() {
        assert_eq!(wachtwoord_zwak("paars konijn fietst naar Zwolle", &["sdevries"]), None);
        assert_eq!(wachtwoord_zwak("een lange zin als wachtwoord", &[]), None);
    }
}
