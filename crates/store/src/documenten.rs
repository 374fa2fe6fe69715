//! Documents of the dossier and the office's templates (migration 0019, docs/brieven.md): the PDF
//! of a document apart from its record, and the template versions.
use crate::{Result, Schrijver, Store, StoreFout, Transactie};
use chrono::{DateTime, Utc};
use sqlx::Row;

/// One version of one template.
#[derive(Debug, Clone, PartialEq)]
pub struct Sjabloon {
    /// A letter kind's code, or `briefhoofd` (the letterhead and signature every letter uses).
    pub naam: String,
    pub versie: i64,
    pub inhoud: String,
    pub gewijzigd: DateTime<Utc>,
    pub door: String,
}

impl Schrijver {
    /// Stores the PDF of a document added in this transaction ([`Schrijver::nieuw`] of its record).
    pub async fn document_inhoud(&mut self, document: &str, pdf: &[u8]) -> Result<()> {
        const SQL: &str = "INSERT INTO document_inhoud (document, inhoud) VALUES ($1, $2)";
        match &mut self.tx {
            Transactie::Sqlite(tx) => {
                sqlx::query(SQL).bind(document).bind(pdf).execute(&mut **tx).await?.rows_affected()
            }
            Transactie::Postgres(tx) => {
                sqlx::query(SQL).bind(document).bind(pdf).execute(&mut **tx).await?.rows_affected()
            }
        };
        Ok(())
    }
}

impl Store {
    /// The PDF of a document.
    pub async fn document_inhoud(&self, document: &str) -> Result<Option<Vec<u8>>> {
        per_backend!(self, pool => {
            let rij = sqlx::query("SELECT inhoud FROM document_inhoud WHERE document = $1")
                .bind(document)
                .fetch_optional(pool)
                .await?;
            Ok(match rij {
                Some(r) => Some(r.try_get::<Vec<u8>, _>(0)?),
                None => None,
            })
        })
    }

    /// The newest version of each template the office saved.
    pub async fn sjablonen(&self) -> Result<Vec<Sjabloon>> {
        self.lees_sjablonen(
            "WHERE versie = (SELECT MAX(versie) FROM sjabloon s WHERE s.naam = sjabloon.naam) ORDER BY naam",
            None,
        )
        .await
    }

    /// Every version of one template, newest first.
    pub async fn sjabloonversies(&self, naam: &str) -> Result<Vec<Sjabloon>> {
        self.lees_sjablonen("WHERE naam = $1 ORDER BY versie DESC", Some(naam)).await
    }

    async fn lees_sjablonen(&self, waar: &'static str, naam: Option<&str>) -> Result<Vec<Sjabloon>> {
        let sql = format!("SELECT naam, versie, inhoud, gewijzigd, door FROM sjabloon {waar}");
        per_backend!(self, pool => {
            let mut q = sqlx::query(crate::veilig(&sql));
            if let Some(n) = naam {
                q = q.bind(n);
            }
            q.fetch_all(pool)
                .await?
                .into_iter()
                .map(|r| {
                    Ok(Sjabloon {
                        naam: r.try_get(0)?,
                        versie: r.try_get(1)?,
                        inhoud: r.try_get(2)?,
                        gewijzigd: r.try_get(3)?,
                        door: r.try_get(4)?,
                    })
                })
                .collect()
        })
    }

    /// Saves a new version of a template: one more than the newest. Two saves at once cannot both
    /// take the same number ([`StoreFout::Gelijktijdig`] for the second).
    pub async fn sjabloon_opslaan(&self, naam: &str, inhoud: &str, door: &str, nu: DateTime<Utc>) -> Result<i64> {
        let versie = self.sjabloonversies(naam).await?.first().map_or(1, |s| s.versie + 1);
        let uitkomst = per_backend!(self, pool => {
            sqlx::query("INSERT INTO sjabloon (naam, versie, inhoud, gewijzigd, door) VALUES ($1, $2, $3, $4, $5)")
                .bind(naam)
                .bind(versie)
                .bind(inhoud)
                .bind(nu)
                .bind(door)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        });
        match uitkomst {
            Ok(_) => Ok(versie),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                Err(StoreFout::Gelijktijdig { tabel: "sjabloon", sleutel: format!("{naam}/{versie}") })
            }
            Err(e) => Err(e.into()),
        }
    }
}
