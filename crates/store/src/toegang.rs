//! Accounts, sessions and the reads of the audit trail that the web application needs.
//!
//! Accounts and sessions are not part of the register: the exchange bundle never carries them
//! (a password hash has no business in a CSV file), so they live outside [`crate::rij::Rij`].
use crate::rij::Type;
use crate::{Result, Store};
use chrono::{DateTime, Utc};
use sqlx::Row;

/// A sign-in account of a medewerker (at most one per medewerker).
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub gebruikersnaam: String,
    pub medewerker: String,
    /// argon2id in PHC form (`$argon2id$v=19$…`).
    pub wachtwoord_hash: String,
    pub mislukte_pogingen: i64,
    pub geblokkeerd_tot: Option<DateTime<Utc>>,
    pub actief: bool,
    /// Goes up when the account is deactivated, its password reset or its role changed; a session
    /// signed in under another generation has ended.
    pub generatie: i64,
    /// A beheerder chose the password: its owner chooses a new one before anything else.
    pub moet_wijzigen: bool,
}

impl Account {
    /// A new, active account with no failed attempts.
    pub fn nieuw(gebruikersnaam: &str, medewerker: &str, wachtwoord_hash: String) -> Account {
        Account {
            gebruikersnaam: gebruikersnaam.to_string(),
            medewerker: medewerker.to_string(),
            wachtwoord_hash,
            mislukte_pogingen: 0,
            geblokkeerd_tot: None,
            actief: true,
            generatie: 0,
            moet_wijzigen: false,
        }
    }
}

/// The second factor of an account: its TOTP secret once enrolled, the last step a code was
/// accepted for, and the hashes of its unused recovery codes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tweestaps {
    pub geheim: Option<String>,
    pub stap: i64,
    pub herstelcodes: Vec<String>,
}

/// An account as the door checks it on every request ([`Store::sessie_account`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SessieAccount {
    pub medewerker: String,
    pub actief: bool,
    pub generatie: i64,
    pub moet_wijzigen: bool,
}

/// Where a request came from, for the access log.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Herkomst {
    /// The client's IP address (from the proxy's `X-Forwarded-For` when one is configured).
    pub adres: Option<String>,
    pub agent: Option<String>,
}

/// One line of the access log.
#[derive(Debug, Clone, PartialEq)]
pub struct Toegang {
    pub tijdstip: DateTime<Utc>,
    pub gebruiker: String,
    pub handeling: String,
    pub object: String,
    pub resultaat: String,
    pub reden: Option<String>,
    /// The client's address and user agent (web requests only).
    pub adres: Option<String>,
    pub agent: Option<String>,
}

/// One field change of the change log.
#[derive(Debug, Clone, PartialEq)]
pub struct Wijziging {
    pub tijdstip: DateTime<Utc>,
    pub gebruiker: String,
    pub tabel: String,
    pub sleutel: String,
    pub handeling: String,
    pub veld: Option<String>,
    pub oud: Option<String>,
    pub nieuw: Option<String>,
    /// Why (a correction's ground and explanation); empty for other changes.
    pub reden: Option<String>,
}

impl Store {
    pub async fn account(&self, gebruikersnaam: &str) -> Result<Option<Account>> {
        Ok(self.lees_accounts("WHERE gebruikersnaam = $1", Some(gebruikersnaam)).await?.pop())
    }

    /// The account of a medewerker, if it has one.
    pub async fn account_van(&self, medewerker: &str) -> Result<Option<Account>> {
        Ok(self.lees_accounts("WHERE medewerker = $1", Some(medewerker)).await?.pop())
    }

    /// What the door needs of a signed-in account on every request, read through the fast read
    /// path ([`Store::vraag`]): its medewerker, whether it is active, its generation and whether
    /// its password must be changed.
    pub async fn sessie_account(&self, gebruikersnaam: &str) -> Result<Option<SessieAccount>> {
        let rijen = self
            .vraag(
                "SELECT medewerker, actief, generatie, moet_wijzigen FROM account WHERE gebruikersnaam = $1",
                &[crate::rij::tekst(gebruikersnaam)],
                &[Type::Tekst, Type::Bool, Type::Geheel, Type::Bool],
            )
            .await?;
        Ok(rijen.into_iter().next().map(|w| {
            let mut v = crate::rij::Velden::new(w);
            SessieAccount {
                medewerker: v.tekst(),
                actief: v.bool(),
                generatie: v.opt_geheel().unwrap_or(0),
                moet_wijzigen: v.bool(),
            }
        }))
    }

    /// The accounts, ordered by name (for beheer: an office has tens of them).
    pub async fn accounts(&self) -> Result<Vec<Account>> {
        self.lees_accounts("", None).await
    }

    async fn lees_accounts(&self, waar: &'static str, waarde: Option<&str>) -> Result<Vec<Account>> {
        let sql = format!(
            "SELECT gebruikersnaam, medewerker, wachtwoord_hash, mislukte_pogingen, geblokkeerd_tot, actief, \
             generatie, moet_wijzigen FROM account {waar} ORDER BY gebruikersnaam"
        );
        per_backend!(self, pool => {
            let mut q = sqlx::query(crate::veilig(&sql));
            if let Some(w) = waarde {
                q = q.bind(w);
            }
            q.fetch_all(pool)
                .await?
                .into_iter()
                .map(|r| {
                    Ok(Account {
                        gebruikersnaam: r.try_get(0)?,
                        medewerker: r.try_get(1)?,
                        wachtwoord_hash: r.try_get(2)?,
                        mislukte_pogingen: r.try_get(3)?,
                        geblokkeerd_tot: r.try_get(4)?,
                        actief: r.try_get(5)?,
                        generatie: r.try_get(6)?,
                        moet_wijzigen: r.try_get(7)?,
                    })
                })
                .collect()
        })
    }

    /// Creates an account or replaces it. A second account for the same medewerker is refused by
    /// the database (a unique index).
    pub async fn bewaar_account(&self, a: &Account) -> Result<()> {
        per_backend!(self, pool => {
            sqlx::query(
                "INSERT INTO account (gebruikersnaam, medewerker, wachtwoord_hash, mislukte_pogingen, geblokkeerd_tot, \
                 actief, generatie, moet_wijzigen) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                 ON CONFLICT (gebruikersnaam) DO UPDATE SET medewerker = $2, wachtwoord_hash = $3, \
                 mislukte_pogingen = $4, geblokkeerd_tot = $5, actief = $6, generatie = $7, moet_wijzigen = $8",
            )
            .bind(&a.gebruikersnaam)
            .bind(&a.medewerker)
            .bind(&a.wachtwoord_hash)
            .bind(a.mislukte_pogingen)
            .bind(a.geblokkeerd_tot)
            .bind(a.actief)
            .bind(a.generatie)
            .bind(a.moet_wijzigen)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Counts a sign-in attempt *before* its password is checked, in one statement, so that
    /// parallel attempts cannot all read the same count. The `max`-th attempt sets the lock until
    /// `blokkade_tot`; after a lock has expired the count starts again. `None`: no such account, or
    /// it is locked (the attempt is not counted and its password must not be checked).
    pub async fn reserveer_poging(
        &self,
        gebruikersnaam: &str,
        nu: DateTime<Utc>,
        max: i64,
        blokkade_tot: DateTime<Utc>,
    ) -> Result<Option<i64>> {
        // Both databases evaluate every right-hand side against the row as it was.
        let sql = "UPDATE account SET \
             mislukte_pogingen = CASE WHEN geblokkeerd_tot IS NOT NULL THEN 1 ELSE mislukte_pogingen + 1 END, \
             geblokkeerd_tot = CASE WHEN geblokkeerd_tot IS NULL AND mislukte_pogingen + 1 >= $3 THEN $4 END \
             WHERE gebruikersnaam = $1 AND (geblokkeerd_tot IS NULL OR geblokkeerd_tot <= $2) \
             RETURNING mislukte_pogingen";
        per_backend!(self, pool => {
            let rij = sqlx::query(sql)
                .bind(gebruikersnaam)
                .bind(nu)
                .bind(max)
                .bind(blokkade_tot)
                .fetch_optional(pool)
                .await?;
            Ok(match rij {
                Some(r) => Some(r.try_get(0)?),
                None => None,
            })
        })
    }

    /// A right password: the count of failed attempts starts again and a lock is lifted.
    pub async fn aanmelding_gelukt(&self, gebruikersnaam: &str) -> Result<()> {
        per_backend!(self, pool => {
            sqlx::query("UPDATE account SET mislukte_pogingen = 0, geblokkeerd_tot = NULL WHERE gebruikersnaam = $1")
                .bind(gebruikersnaam)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// The owner chose a new password: it replaces the old one and the obligation to change it,
    /// and the account's other sessions end. The new generation, for the session that changed it.
    pub async fn wijzig_wachtwoord(&self, gebruikersnaam: &str, wachtwoord_hash: &str) -> Result<i64> {
        per_backend!(self, pool => {
            let rij = sqlx::query(
                "UPDATE account SET wachtwoord_hash = $2, moet_wijzigen = $3, generatie = generatie + 1 \
                 WHERE gebruikersnaam = $1 RETURNING generatie",
            )
            .bind(gebruikersnaam)
            .bind(wachtwoord_hash)
            .bind(false)
            .fetch_one(pool)
            .await?;
            Ok(rij.try_get(0)?)
        })
    }

    /// The second factor of an account (`None`: no such account).
    pub async fn tweestaps(&self, gebruikersnaam: &str) -> Result<Option<Tweestaps>> {
        let rijen = self
            .vraag(
                "SELECT totp_geheim, totp_stap, herstelcodes FROM account WHERE gebruikersnaam = $1",
                &[crate::rij::tekst(gebruikersnaam)],
                &[Type::Tekst, Type::Geheel, Type::Tekst],
            )
            .await?;
        Ok(rijen.into_iter().next().map(|w| {
            let mut v = crate::rij::Velden::new(w);
            let geheim = v.opt_tekst();
            let stap = v.opt_geheel().unwrap_or(0);
            let herstelcodes =
                v.opt_tekst().unwrap_or_default().split(',').filter(|h| !h.is_empty()).map(String::from).collect();
            Tweestaps { geheim, stap, herstelcodes }
        }))
    }

    /// Enrols (a secret and the hashes of new recovery codes) or, with `None` and no codes, resets
    /// the second factor; a reset also ends the account's sessions (a new generation).
    pub async fn zet_tweestaps(
        &self,
        gebruikersnaam: &str,
        geheim: Option<&str>,
        stap: i64,
        herstelcodes: &[String],
    ) -> Result<()> {
        let reset = i64::from(geheim.is_none());
        per_backend!(self, pool => {
            sqlx::query(
                "UPDATE account SET totp_geheim = $2, totp_stap = $3, herstelcodes = $4, generatie = generatie + $5 \
                 WHERE gebruikersnaam = $1",
            )
            .bind(gebruikersnaam)
            .bind(geheim)
            .bind(stap)
            .bind(herstelcodes.join(","))
            .bind(reset)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Records that a code of `stap` was accepted, unless one of that step or later was already:
    /// in one statement, so two requests with the same code cannot both pass.
    pub async fn gebruik_stap(&self, gebruikersnaam: &str, stap: i64) -> Result<bool> {
        per_backend!(self, pool => {
            let n = sqlx::query("UPDATE account SET totp_stap = $2 WHERE gebruikersnaam = $1 AND totp_stap < $2")
                .bind(gebruikersnaam)
                .bind(stap)
                .execute(pool)
                .await?
                .rows_affected();
            Ok(n == 1)
        })
    }

    /// Uses up one recovery code: its hash leaves the list, if the list is still as it was read.
    pub async fn gebruik_herstelcode(&self, gebruikersnaam: &str, was: &[String], hash: &str) -> Result<bool> {
        let over: Vec<&str> = was.iter().map(String::as_str).filter(|h| *h != hash).collect();
        per_backend!(self, pool => {
            let n = sqlx::query("UPDATE account SET herstelcodes = $3 WHERE gebruikersnaam = $1 AND herstelcodes = $2")
                .bind(gebruikersnaam)
                .bind(was.join(","))
                .bind(over.join(","))
                .execute(pool)
                .await?
                .rows_affected();
            Ok(n == 1)
        })
    }

    /// A fact about the database itself (table `systeem`).
    pub async fn systeem(&self, sleutel: &str) -> Result<Option<String>> {
        per_backend!(self, pool => {
            Ok(sqlx::query_scalar("SELECT waarde FROM systeem WHERE sleutel = $1")
                .bind(sleutel)
                .fetch_optional(pool)
                .await?)
        })
    }

    pub async fn zet_systeem(&self, sleutel: &str, waarde: &str) -> Result<()> {
        per_backend!(self, pool => {
            sqlx::query(
                "INSERT INTO systeem (sleutel, waarde) VALUES ($1, $2) ON CONFLICT (sleutel) DO UPDATE SET waarde = $2",
            )
            .bind(sleutel)
            .bind(waarde)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// A session's data if it has not expired.
    pub async fn sessie(&self, id: &str, nu: DateTime<Utc>) -> Result<Option<(String, DateTime<Utc>)>> {
        per_backend!(self, pool => {
            let rij = sqlx::query("SELECT gegevens, verloopt FROM sessie WHERE id = $1 AND verloopt > $2")
                .bind(id)
                .bind(nu)
                .fetch_optional(pool)
                .await?;
            Ok(match rij {
                Some(r) => Some((r.try_get(0)?, r.try_get(1)?)),
                None => None,
            })
        })
    }

    /// Writes a session; `nieuw` refuses an id that exists (the caller draws another).
    pub async fn bewaar_sessie(&self, id: &str, gegevens: &str, verloopt: DateTime<Utc>, nieuw: bool) -> Result<bool> {
        let sql = if nieuw {
            "INSERT INTO sessie (id, gegevens, verloopt) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING"
        } else {
            "INSERT INTO sessie (id, gegevens, verloopt) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET gegevens = $2, verloopt = $3"
        };
        per_backend!(self, pool => {
            let n = sqlx::query(sql).bind(id).bind(gegevens).bind(verloopt).execute(pool).await?.rows_affected();
            Ok(n == 1)
        })
    }

    pub async fn verwijder_sessie(&self, id: &str) -> Result<()> {
        per_backend!(self, pool => {
            sqlx::query("DELETE FROM sessie WHERE id = $1").bind(id).execute(pool).await?;
            Ok(())
        })
    }

    pub async fn verwijder_verlopen_sessies(&self, nu: DateTime<Utc>) -> Result<u64> {
        per_backend!(self, pool => {
            Ok(sqlx::query("DELETE FROM sessie WHERE verloopt <= $1").bind(nu).execute(pool).await?.rows_affected())
        })
    }

    /// The access log of one object (`jongere:J123`), newest first.
    pub async fn toegang_van(&self, object: &str) -> Result<Vec<Toegang>> {
        self.lees_toegang("WHERE object = $1 ORDER BY tijdstip DESC, id DESC LIMIT $2", Some(object), i64::MAX).await
    }

    /// Access-log lines: `waar` binds the object (if any) as `$1`, then the maximum.
    async fn lees_toegang(&self, waar: &'static str, object: Option<&str>, max: i64) -> Result<Vec<Toegang>> {
        let sql = format!(
            "SELECT tijdstip, gebruiker, handeling, object, resultaat, reden, adres, agent FROM toegangslog {waar}"
        );
        per_backend!(self, pool => {
            let mut q = sqlx::query(crate::veilig(&sql));
            if let Some(o) = object {
                q = q.bind(o);
            }
            q.bind(max)
                .fetch_all(pool)
                .await?
                .into_iter()
                .map(|r| {
                    Ok(Toegang {
                        tijdstip: r.try_get(0)?,
                        gebruiker: r.try_get(1)?,
                        handeling: r.try_get(2)?,
                        object: r.try_get(3)?,
                        resultaat: r.try_get(4)?,
                        reden: r.try_get(5)?,
                        adres: r.try_get(6)?,
                        agent: r.try_get(7)?,
                    })
                })
                .collect()
        })
    }

    /// The access log of the accounts (sign-ins, changes, grants, second steps), newest first, at
    /// most `max` lines: the account audit page.
    pub async fn toegang_accounts(&self, max: i64) -> Result<Vec<Toegang>> {
        self.lees_toegang("WHERE object LIKE 'account:%' ORDER BY tijdstip DESC, id DESC LIMIT $1", None, max).await
    }

    /// How many grants of access to personal records were made since `sinds` (for the teamleider).
    pub async fn toekenningen_sinds(&self, sinds: DateTime<Utc>) -> Result<i64> {
        per_backend!(self, pool => {
            Ok(sqlx::query_scalar("SELECT COUNT(*) FROM toegangslog WHERE handeling = 'rechten toegekend' AND tijdstip >= $1")
                .bind(sinds)
                .fetch_one(pool)
                .await?)
        })
    }

    /// The change log of a set of records (`(tabel, sleutel)`), newest first.
    pub async fn wijzigingen_van(&self, records: &[(&str, &str)]) -> Result<Vec<Wijziging>> {
        let mut uit = Vec::new();
        for (tabel, sleutel) in records {
            per_backend!(self, pool => {
                let rijen = sqlx::query(
                    "SELECT tijdstip, gebruiker, tabel, sleutel, handeling, veld, oud, nieuw, reden FROM wijzigingslog \
                     WHERE tabel = $1 AND sleutel = $2",
                )
                .bind(*tabel)
                .bind(*sleutel)
                .fetch_all(pool)
                .await?;
                for r in rijen {
                    uit.push(Wijziging {
                        tijdstip: r.try_get(0)?,
                        gebruiker: r.try_get(1)?,
                        tabel: r.try_get(2)?,
                        sleutel: r.try_get(3)?,
                        handeling: r.try_get(4)?,
                        veld: r.try_get(5)?,
                        oud: r.try_get(6)?,
                        nieuw: r.try_get(7)?,
                        reden: r.try_get(8)?,
                    });
                }
            });
        }
        uit.sort_by_key(|w| std::cmp::Reverse(w.tijdstip));
        Ok(uit)
    }
}
