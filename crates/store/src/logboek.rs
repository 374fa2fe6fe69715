//! Writing the access log (who saw or did what, from where): every view of a personal record,
//! every import, sign-in and refusal.
use crate::{Result, Store, toegang};
use chrono::{DateTime, Utc};

impl Store {
    /// Records an access (view, search, export, import, sign-in, refusal) in the access log, from
    /// the command line (no client address).
    pub async fn log(
        &self,
        gebruiker: &str,
        handeling: &str,
        object: &str,
        resultaat: &str,
        reden: Option<&str>,
    ) -> Result<()> {
        self.log_van(&toegang::Herkomst::default(), gebruiker, handeling, object, resultaat, reden).await
    }

    /// Records an access in the access log with the client it came from.
    pub async fn log_van(
        &self,
        herkomst: &toegang::Herkomst,
        gebruiker: &str,
        handeling: &str,
        object: &str,
        resultaat: &str,
        reden: Option<&str>,
    ) -> Result<()> {
        let regel = Logregel { gebruiker, handeling, object, resultaat, reden, herkomst };
        let nu = Utc::now();
        per_backend!(self, pool => {
            let mut conn = pool.acquire().await?;
            log_toegang(&mut *conn, nu, &regel).await
        })
    }

    /// One line per object with the same action, in one transaction: the youths a search showed.
    pub async fn log_reeks(
        &self,
        herkomst: &toegang::Herkomst,
        gebruiker: &str,
        handeling: &str,
        objecten: &[String],
        reden: Option<&str>,
    ) -> Result<()> {
        let nu = Utc::now();
        per_backend!(self, pool => {
            let mut tx = pool.begin().await?;
            for object in objecten {
                let regel = Logregel { gebruiker, handeling, object, resultaat: "gelukt", reden, herkomst };
                log_toegang(&mut *tx, nu, &regel).await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }
}

/// One line of the access log, as it is written.
pub(crate) struct Logregel<'a> {
    pub(crate) gebruiker: &'a str,
    pub(crate) handeling: &'a str,
    pub(crate) object: &'a str,
    pub(crate) resultaat: &'a str,
    pub(crate) reden: Option<&'a str>,
    pub(crate) herkomst: &'a toegang::Herkomst,
}

/// One line of the access log: time, user, action, object, result, reason, address, agent.
pub(crate) const TOEGANGSLOG_SQL: &str = "INSERT INTO toegangslog \
     (tijdstip, gebruiker, handeling, object, resultaat, reden, adres, agent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

/// An import run with its counters: start, bundle, user, new, changed, unchanged.
pub(crate) const IMPORTRUN_SQL: &str = "INSERT INTO importrun (gestart, bundel, gebruiker, nieuw, gewijzigd, ongewijzigd) \
     VALUES ($1, $2, $3, $4, $5, $6)";

pub(crate) async fn log_toegang<'c, E, DB>(conn: E, nu: DateTime<Utc>, r: &Logregel<'_>) -> Result<()>
where
    DB: sqlx::Database,
    E: sqlx::Executor<'c, Database = DB>,
    for<'q> DateTime<Utc>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    for<'q> &'q str: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    for<'q> Option<&'q str>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    for<'q> <DB as sqlx::Database>::Arguments: sqlx::IntoArguments<DB>,
{
    sqlx::query(TOEGANGSLOG_SQL)
        .bind(nu)
        .bind(r.gebruiker)
        .bind(r.handeling)
        .bind(r.object)
        .bind(r.resultaat)
        .bind(r.reden)
        .bind(r.herkomst.adres.as_deref())
        .bind(r.herkomst.agent.as_deref())
        .execute(conn)
        .await?;
    Ok(())
}
