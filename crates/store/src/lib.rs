//! Persistence of the register on SQLite (embedded default) or PostgreSQL (production).
//!
//! One code path serves both: SQL is written once with `$n` placeholders, which both accept, and
//! [`per_backend!`] runs the same body against either pool. Backend-specific SQL stays in the
//! migrations (`migrations/sqlite`, `migrations/postgres`, same names and same tables).
//!
//! Opening a database is `openen`, reading `leespad` (on SQLite through `lezer`), writing
//! `schrijver` (large loads through `bulk`), the access log `logboek`; what a report for part of the
//! region reads, its youths only, is `kring`.

use sqlx::postgres::PgPool;
use sqlx::sqlite::SqlitePool;

#[derive(Debug, thiserror::Error)]
pub enum StoreFout {
    #[error(
        "onbekend databasetype in '{0}': gebruik sqlite:PAD (of een bestandspad) of postgres://gebruiker@host/database"
    )]
    OnbekendSchema(String),
    #[error("kan de database niet openen ({url}): {bron}")]
    Openen { url: String, bron: sqlx::Error },
    #[error("de database {0} bestaat niet (maak hem met `leerspoor import` of `leerspoor demo`)")]
    BestaatNiet(String),
    #[error("migratie van de database mislukt: {0}")]
    Migratie(#[from] sqlx::migrate::MigrateError),
    #[error("databasefout: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("databasefout bij het lezen: {0}")]
    Lezen(String),
    #[error("databasefout bij het schrijven: {0}")]
    Schrijven(String),
    #[error("onverwachte inhoud in tabel {tabel}: {melding}")]
    Inhoud { tabel: &'static str, melding: String },
    /// Someone else changed or added the same record meanwhile; nothing was written.
    #[error(
        "{tabel} {sleutel} is intussen door een ander gewijzigd of vastgelegd; er is niets opgeslagen, probeer het opnieuw"
    )]
    Gelijktijdig { tabel: &'static str, sleutel: String },
}

pub type Result<T> = std::result::Result<T, StoreFout>;

/// An open register database.
#[derive(Debug, Clone)]
pub enum Store {
    /// The sqlx pool writes; reads outside a transaction go through [`lezer::Lezers`] (none for an
    /// in-memory database, which lives only in the pool's one connection).
    Sqlite(SqlitePool, Option<std::sync::Arc<lezer::Lezers>>),
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to whichever pool the store has; the body is compiled once per
/// backend, so it can use sqlx's typed binds directly.
macro_rules! per_backend {
    ($store:expr, $pool:ident => $body:expr) => {
        match $store {
            Store::Sqlite($pool, _) => $body,
            Store::Postgres($pool) => $body,
        }
    };
}

macro_rules! bind_waarde {
    ($q:expr, $w:expr) => {
        match $w {
            Waarde::Tekst(t) => $q.bind(t.clone()),
            Waarde::Datum(d) => $q.bind(*d),
            Waarde::Geheel(n) => $q.bind(*n),
            Waarde::Bool(b) => $q.bind(*b),
            Waarde::Getal(g) => $q.bind(*g),
        }
    };
}

macro_rules! lees_waarde {
    ($row:expr, $i:expr, $ty:expr) => {
        match $ty {
            Type::Tekst => Waarde::Tekst($row.try_get::<Option<String>, _>($i)?),
            Type::Datum => Waarde::Datum($row.try_get::<Option<Datum>, _>($i)?),
            Type::Geheel => Waarde::Geheel($row.try_get::<Option<i64>, _>($i)?),
            Type::Bool => Waarde::Bool($row.try_get::<bool, _>($i)?),
            Type::Getal => Waarde::Getal($row.try_get::<Option<f64>, _>($i)?),
        }
    };
}

/// Runs a query on an executor and reads each row as values of the given types.
macro_rules! vraag_op {
    ($exec:expr, $sql:expr, $binds:expr, $typen:expr) => {{
        let mut q = sqlx::query(veilig($sql));
        for w in $binds {
            q = bind_waarde!(q, w);
        }
        let rows = q.fetch_all($exec).await?;
        let mut uit = Vec::with_capacity(rows.len());
        for row in rows {
            let mut w = Vec::with_capacity($typen.len());
            for (i, ty) in $typen.iter().enumerate() {
                w.push(lees_waarde!(row, i, ty));
            }
            uit.push(w);
        }
        uit
    }};
}

mod bulk;
mod copy_uit;
mod importschrijver;
mod kring;
mod leespad;
mod lezer;
mod logboek;
mod openen;
mod personen;
mod schrijver;
mod telling;

pub mod archief;
pub mod backup;
pub mod documenten;
pub mod integriteit;
pub mod records;
pub mod rij;
pub mod sleutels;
pub mod toegang;

pub use importschrijver::Importschrijver;
pub use kring::Kring;
pub use leespad::Lezer;
pub use openen::{STANDAARD_DATABASE, zonder_wachtwoord};
pub use personen::{Behaald, Personen, Persoon, Schoolperiode, Verblijf};
pub(crate) use schrijver::Transactie;
pub use schrijver::{GewijzigdeRij, Schrijver, TabelWijziging};

/// SQL built here only ever joins the static table and column names of [`rij::Rij`] types with `$n`
/// placeholders; values are always bound.
pub(crate) fn veilig(sql: &str) -> sqlx::AssertSqlSafe<&str> {
    sqlx::AssertSqlSafe(sql)
}
