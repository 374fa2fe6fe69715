//! API keys of machine clients (migration 0015): what the web application's API door reads on
//! every request, and what beheer issues and revokes.
use crate::{Result, Store};
use chrono::{DateTime, Utc};
use sqlx::Row;

/// An API key; its secret is never stored, only its SHA-256.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiSleutel {
    /// The public part of the key, shown in lists and in the access log.
    pub id: String,
    /// What the key is for ("DUO-koppelserver").
    pub naam: String,
    /// The medewerker the key acts for.
    pub medewerker: String,
    /// Hex SHA-256 of the secret.
    pub geheim_hash: String,
    pub aangemaakt: DateTime<Utc>,
    pub aangemaakt_door: String,
    pub ingetrokken: Option<DateTime<Utc>>,
}

const KOLOMMEN: &str = "id, naam, medewerker, geheim_hash, aangemaakt, aangemaakt_door, ingetrokken";

impl Store {
    pub async fn nieuwe_api_sleutel(&self, s: &ApiSleutel) -> Result<()> {
        per_backend!(self, pool => {
            sqlx::query(crate::veilig(&format!("INSERT INTO api_sleutel ({KOLOMMEN}) VALUES ($1, $2, $3, $4, $5, $6, $7)")))
                .bind(&s.id)
                .bind(&s.naam)
                .bind(&s.medewerker)
                .bind(&s.geheim_hash)
                .bind(s.aangemaakt)
                .bind(&s.aangemaakt_door)
                .bind(s.ingetrokken)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    pub async fn api_sleutel(&self, id: &str) -> Result<Option<ApiSleutel>> {
        Ok(self.lees_api_sleutels("WHERE id = $1", Some(id)).await?.pop())
    }

    /// Every key, newest first (revoked ones too: they explain the access log).
    pub async fn api_sleutels(&self) -> Result<Vec<ApiSleutel>> {
        self.lees_api_sleutels("", None).await
    }

    /// Revokes a key from `nu` on; `false` when there is no such key or it was revoked already.
    pub async fn trek_api_sleutel_in(&self, id: &str, nu: DateTime<Utc>) -> Result<bool> {
        per_backend!(self, pool => {
            let n = sqlx::query("UPDATE api_sleutel SET ingetrokken = $1 WHERE id = $2 AND ingetrokken IS NULL")
                .bind(nu)
                .bind(id)
                .execute(pool)
                .await?
                .rows_affected();
            Ok(n == 1)
        })
    }

    async fn lees_api_sleutels(&self, waar: &'static str, waarde: Option<&str>) -> Result<Vec<ApiSleutel>> {
        let sql = format!("SELECT {KOLOMMEN} FROM api_sleutel {waar} ORDER BY aangemaakt DESC, id");
        per_backend!(self, pool => {
            let mut q = sqlx::query(crate::veilig(&sql));
            if let Some(w) = waarde {
                q = q.bind(w);
            }
            q.fetch_all(pool)
                .await?
                .into_iter()
                .map(|r| {
                    Ok(ApiSleutel {
                        id: r.try_get(0)?,
                        naam: r.try_get(1)?,
                        medewerker: r.try_get(2)?,
                        geheim_hash: r.try_get(3)?,
                        aangemaakt: r.try_get(4)?,
                        aangemaakt_door: r.try_get(5)?,
                        ingetrokken: r.try_get(6)?,
                    })
                })
                .collect()
        })
    }
}
