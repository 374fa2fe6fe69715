//! Accounts, sessions and the reads of the audit trail that the web application needs.
//!
//! Accounts and sessions are not part of the register: the exchange bundle never carries them
//! (a password hash has no business in a CSV file), so they live outside [`crate::rij::Rij`].
use crate::{Result, Store};
use chrono::{DateTime, Utc};
use sqlx::Row;

/// A sign-in account of a medewerker.
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub gebruikersnaam: String,
    pub medewerker: String,
    /// argon2id in PHC form (`$argon2id$v=19$…`).
    pub wachtwoord_hash: String,
    pub mislukte_pogingen: i64,
    pub geblokkeerd_tot: Option<DateTime<Utc>>,
    pub actief: bool,
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
}

impl Store {
    pub async fn account(&self, gebruikersnaam: &str) -> Result<Option<Account>> {
        Ok(self.accounts().await?.into_iter().find(|a| a.gebruikersnaam == gebruikersnaam))
    }

    /// The accounts, ordered by name (for beheer and sign-in: an office has tens of them).
    pub async fn accounts(&self) -> Result<Vec<Account>> {
        per_backend!(self, pool => {
            let rijen = sqlx::query(
                "SELECT gebruikersnaam, medewerker, wachtwoord_hash, mislukte_pogingen, geblokkeerd_tot, actief \
                 FROM account ORDER BY gebruikersnaam",
            )
            .fetch_all(pool)
            .await?;
            rijen
                .into_iter()
                .map(|r| {
                    Ok(Account {
                        gebruikersnaam: r.try_get(0)?,
                        medewerker: r.try_get(1)?,
                        wachtwoord_hash: r.try_get(2)?,
                        mislukte_pogingen: r.try_get(3)?,
                        geblokkeerd_tot: r.try_get(4)?,
                        actief: r.try_get(5)?,
                    })
                })
                .collect()
        })
    }

    /// Creates an account or replaces it (a new password resets the lock-out).
    pub async fn bewaar_account(&self, a: &Account) -> Result<()> {
        per_backend!(self, pool => {
            sqlx::query(
                "INSERT INTO account (gebruikersnaam, medewerker, wachtwoord_hash, mislukte_pogingen, geblokkeerd_tot, actief) \
                 VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (gebruikersnaam) DO UPDATE SET medewerker = $2, wachtwoord_hash = $3, \
                 mislukte_pogingen = $4, geblokkeerd_tot = $5, actief = $6",
            )
            .bind(&a.gebruikersnaam)
            .bind(&a.medewerker)
            .bind(&a.wachtwoord_hash)
            .bind(a.mislukte_pogingen)
            .bind(a.geblokkeerd_tot)
            .bind(a.actief)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// Records the outcome of a sign-in attempt on the account: the failure count and lock.
    pub async fn zet_pogingen(
        &self,
        gebruikersnaam: &str,
        mislukt: i64,
        geblokkeerd_tot: Option<DateTime<Utc>>,
    ) -> Result<()> {
        per_backend!(self, pool => {
            sqlx::query("UPDATE account SET mislukte_pogingen = $1, geblokkeerd_tot = $2 WHERE gebruikersnaam = $3")
                .bind(mislukt)
                .bind(geblokkeerd_tot)
                .bind(gebruikersnaam)
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
        per_backend!(self, pool => {
            let rijen = sqlx::query(
                "SELECT tijdstip, gebruiker, handeling, object, resultaat, reden FROM toegangslog \
                 WHERE object = $1 ORDER BY tijdstip DESC, id DESC",
            )
            .bind(object)
            .fetch_all(pool)
            .await?;
            rijen
                .into_iter()
                .map(|r| {
                    Ok(Toegang {
                        tijdstip: r.try_get(0)?,
                        gebruiker: r.try_get(1)?,
                        handeling: r.try_get(2)?,
                        object: r.try_get(3)?,
                        resultaat: r.try_get(4)?,
                        reden: r.try_get(5)?,
                    })
                })
                .collect()
        })
    }

    /// The change log of a set of records (`(tabel, sleutel)`), newest first.
    pub async fn wijzigingen_van(&self, records: &[(&str, &str)]) -> Result<Vec<Wijziging>> {
        let mut uit = Vec::new();
        for (tabel, sleutel) in records {
            per_backend!(self, pool => {
                let rijen = sqlx::query(
                    "SELECT tijdstip, gebruiker, tabel, sleutel, handeling, veld, oud, nieuw FROM wijzigingslog \
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
                    });
                }
            });
        }
        uit.sort_by_key(|w| std::cmp::Reverse(w.tijdstip));
        Ok(uit)
    }
}
