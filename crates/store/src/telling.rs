//! Counts a report keeps between runs, for one stand of the register (migration 0026): the
//! region's population on a peildatum is a pass through every youth and address of the country,
//! and every gemeente's report sets it beside its own. Kept once, it is read in a millisecond until
//! the youths or their addresses change. The region's verzuimers likewise, until also a
//! verzuimmelding changes (migration 0028).
use crate::{Result, Store};
use leerspoor_domain::Datum;

impl Store {
    /// The register's stand: it goes up, in the same transaction, with every change to a youth or
    /// an address. Read it before the records a count is made of.
    pub async fn stand(&self) -> Result<i64> {
        per_backend!(self, pool => Ok(sqlx::query_scalar("SELECT stand FROM register_stand WHERE id = 1").fetch_one(pool).await?))
    }

    /// The stand of the register and of its verzuimmeldingen together (migration 0028), for a
    /// count of both: each only goes up, so their sum goes up with every change to either.
    pub async fn stand_met_meldingen(&self) -> Result<i64> {
        per_backend!(self, pool => Ok(
            sqlx::query_scalar("SELECT stand + meldingen FROM register_stand WHERE id = 1").fetch_one(pool).await?
        ))
    }

    /// The count of this kind on this peildatum, if kept at this stand.
    pub async fn telling(&self, soort: &str, peildatum: Datum, stand: i64) -> Result<Option<String>> {
        per_backend!(self, pool => Ok(
            sqlx::query_scalar("SELECT inhoud FROM telling WHERE soort = $1 AND peildatum = $2 AND stand = $3")
                .bind(soort)
                .bind(peildatum)
                .bind(stand)
                .fetch_optional(pool)
                .await?
        ))
    }

    /// Keeps a count made of the records as they were at `stand`, in place of an older one.
    pub async fn bewaar_telling(&self, soort: &str, peildatum: Datum, stand: i64, inhoud: &str) -> Result<()> {
        per_backend!(self, pool => {
            sqlx::query(
                "INSERT INTO telling (soort, peildatum, stand, inhoud) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (soort, peildatum) DO UPDATE SET stand = excluded.stand, inhoud = excluded.inhoud",
            )
            .bind(soort)
            .bind(peildatum)
            .bind(stand)
            .bind(inhoud)
            .execute(pool)
            .await?;
            Ok(())
        })
    }
}
