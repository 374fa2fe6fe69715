//! Signing in: argon2id passwords and the lock-out after repeated failures.
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use chrono::{DateTime, Duration, Utc};
use leerspoor_store::Store;
use leerspoor_store::toegang::Account;

/// After this many failed attempts in a row the account is locked for [`BLOKKADE`].
pub const MAX_POGINGEN: i64 = 5;
pub const BLOKKADE: Duration = Duration::minutes(15);

/// The PHC string of a new password (argon2id with the crate's recommended parameters and a
/// random salt).
pub fn hash(wachtwoord: &str) -> String {
    Argon2::default().hash_password(wachtwoord.as_bytes()).expect("argon2id-hash").to_string()
}

fn klopt(wachtwoord: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| Argon2::default().verify_password(wachtwoord.as_bytes(), &h).is_ok())
}

/// Why signing in failed, in words that do not tell an attacker which accounts exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Geweigerd {
    #[error("De combinatie van gebruikersnaam en wachtwoord is onjuist.")]
    Onjuist,
    #[error(
        "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het na {0} opnieuw of vraag de beheerder."
    )]
    Geblokkeerd(String),
}

/// Checks a password against the account and counts the attempt. The medewerker's id on success.
pub async fn controleer(store: &Store, naam: &str, wachtwoord: &str, nu: DateTime<Utc>) -> Result<String, AanmeldFout> {
    let Some(account) = store.account(naam.trim()).await? else {
        // Spend the same time as a real check, so response times do not reveal the account list.
        let _ = klopt(wachtwoord, DUMMY_HASH);
        return Err(Geweigerd::Onjuist.into());
    };
    if let Some(tot) = account.geblokkeerd_tot.filter(|t| *t > nu) {
        return Err(Geweigerd::Geblokkeerd(tot.with_timezone(&chrono::Local).format("%H:%M").to_string()).into());
    }
    if account.actief && klopt(wachtwoord, &account.wachtwoord_hash) {
        store.zet_pogingen(&account.gebruikersnaam, 0, None).await?;
        return Ok(account.medewerker);
    }
    let (pogingen, blokkade) = na_mislukking(&account, nu);
    store.zet_pogingen(&account.gebruikersnaam, pogingen, blokkade).await?;
    Err(match blokkade {
        Some(tot) => Geweigerd::Geblokkeerd(tot.with_timezone(&chrono::Local).format("%H:%M").to_string()),
        None => Geweigerd::Onjuist,
    }
    .into())
}

/// The failure count after one more failure, and the lock it triggers: the count starts again
/// after a lock has expired.
fn na_mislukking(a: &Account, nu: DateTime<Utc>) -> (i64, Option<DateTime<Utc>>) {
    let eerder = if a.geblokkeerd_tot.is_some_and(|t| t <= nu) { 0 } else { a.mislukte_pogingen };
    let pogingen = eerder + 1;
    (pogingen, (pogingen >= MAX_POGINGEN).then(|| nu + BLOKKADE))
}

#[derive(Debug, thiserror::Error)]
pub enum AanmeldFout {
    #[error(transparent)]
    Geweigerd(#[from] Geweigerd),
    #[error(transparent)]
    Store(#[from] leerspoor_store::StoreFout),
}

/// A valid argon2id hash of no one's password, for the timing of unknown names.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$9w0BvvXZQq1jTq8ggwIHQH5bJ0n3u4KqEEUTn8z6xzo";

#[cfg(test)]
mod tests {
    use super::*;

    fn account(pogingen: i64, geblokkeerd_tot: Option<DateTime<Utc>>) -> Account {
        Account {
            gebruikersnaam: "lpa".into(),
            medewerker: "M1".into(),
            wachtwoord_hash: hash("juist"),
            mislukte_pogingen: pogingen,
            geblokkeerd_tot,
            actief: true,
        }
    }

    #[test]
    fn a_password_is_stored_as_argon2id_and_only_the_right_one_matches() {
        let h = hash("correct paard batterij");
        assert!(h.starts_with("$argon2id$"));
        assert!(klopt("correct paard batterij", &h));
        assert!(!klopt("Correct paard batterij", &h));
        assert!(!klopt("x", "geen hash"));
    }

    #[test]
    fn the_fifth_failure_in_a_row_locks_the_account_for_a_quarter_of_an_hour() {
        let nu = Utc::now();
        assert_eq!(na_mislukking(&account(3, None), nu), (4, None));
        assert_eq!(na_mislukking(&account(4, None), nu), (5, Some(nu + Duration::minutes(15))));
    }

    #[test]
    fn after_an_expired_lock_counting_starts_again() {
        let nu = Utc::now();
        assert_eq!(na_mislukking(&account(5, Some(nu - Duration::minutes(1))), nu), (1, None));
    }

    #[test]
    fn the_timing_dummy_is_a_valid_hash() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
