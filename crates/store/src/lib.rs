//! Persistence of the register on SQLite (embedded default) or PostgreSQL (production).
//!
//! One code path serves both: SQL is written once with `$n` placeholders, which both accept, and
//! [`per_backend!`] runs the same body against either pool. Backend-specific SQL stays in the
//! migrations (`migrations/sqlite`, `migrations/postgres`, same names and same tables).

mod lezer;
pub mod records;
pub mod rij;

use chrono::{DateTime, Utc};
use leerspoor_domain::Datum;
use leerspoor_domain::codes::{Code, CodeLijst};
use rij::{Rij, Type, Waarde};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, migrate::Migrator};
use std::str::FromStr;
use std::time::Duration;

static SQLITE_MIGRATIES: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIES: Migrator = sqlx::migrate!("./migrations/postgres");

/// Where the embedded database lives when no URL is given.
pub const STANDAARD_DATABASE: &str = "sqlite:leerspoor.sqlite";

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

/// Writes one table's changes inside an open transaction (a macro: once per backend).
macro_rules! schrijf_tabel {
    ($tx:expr, $tabel:expr, $bulk:expr, $nu:expr, $gebruiker:expr, $bron:expr, $reden:expr, $voortgang:expr) => {{
        let tabel = $tabel;
        $bulk(&mut **$tx, tabel, &mut $voortgang).await?;
        for kolom in tabel.uniek {
            let parkeer = format!("UPDATE {} SET {kolom} = $1 WHERE {} = $2", tabel.tabel, tabel.kolommen[0].naam);
            for rij in tabel.gewijzigd.iter().filter(|r| r.velden.iter().any(|(v, _, _)| v == kolom)) {
                sqlx::query(veilig(&parkeer))
                    .bind(format!("~{}", rij.sleutel))
                    .bind(&rij.sleutel)
                    .execute(&mut **$tx)
                    .await?;
            }
        }
        let update = update_statement(tabel);
        for rij in &tabel.gewijzigd {
            let mut q = sqlx::query(veilig(&update));
            for v in rij.waarden[tabel.sleutel..].iter().chain(&rij.waarden[..tabel.sleutel]) {
                q = bind_waarde!(q, v);
            }
            q.execute(&mut **$tx).await?;
            for (veld, oud, nieuw) in &rij.velden {
                sqlx::query(
                    "INSERT INTO wijzigingslog (tijdstip, gebruiker, tabel, sleutel, handeling, veld, oud, nieuw, bron, reden) \
                     VALUES ($1, $2, $3, $4, 'gewijzigd', $5, $6, $7, $8, $9)",
                )
                .bind($nu)
                .bind($gebruiker)
                .bind(tabel.tabel)
                .bind(&rij.sleutel)
                .bind(*veld)
                .bind(oud)
                .bind(nieuw)
                .bind($bron)
                .bind($reden)
                .execute(&mut **$tx)
                .await?;
            }
            $voortgang(1);
        }
    }};
}

/// Rows to write to one table: new ones, and existing ones whose fields changed.
#[derive(Debug, Clone)]
pub struct TabelWijziging {
    pub tabel: &'static str,
    pub kolommen: &'static [rij::Kolom],
    pub sleutel: usize,
    /// Unique text columns: a changed value is first parked on a unique placeholder, so that two
    /// records may swap values (two youths' BSNs corrected) without a conflict halfway.
    pub uniek: &'static [&'static str],
    pub nieuw: Vec<Vec<Waarde>>,
    pub gewijzigd: Vec<GewijzigdeRij>,
}

#[derive(Debug, Clone)]
pub struct GewijzigdeRij {
    pub waarden: Vec<Waarde>,
    /// The key as text, for the change log.
    pub sleutel: String,
    /// (column, old, new) as they read in the bundle.
    pub velden: Vec<(&'static str, String, String)>,
}

pub mod archief;
pub mod backup;
mod bulk;
mod copy_uit;
pub mod documenten;
pub mod integriteit;
mod personen;
pub mod sleutels;
pub mod toegang;
pub use personen::{Behaald, Personen, Persoon, Schoolperiode, Verblijf};

impl Store {
    /// Opens (and creates, for SQLite) the database at `url` and brings its schema up to date.
    pub async fn open(url: &str) -> Result<Store> {
        Store::open_met(url, true).await
    }

    /// Opens an existing database only: for export and checks, where creating an empty register
    /// at a mistyped path would hide the mistake.
    pub async fn open_bestaand(url: &str) -> Result<Store> {
        Store::open_met(url, false).await
    }

    async fn open_met(url: &str, aanmaken: bool) -> Result<Store> {
        let store = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let openen = |bron| StoreFout::Openen { url: zonder_wachtwoord(url), bron };
            // Dates as text (COPY TO, `copy_uit`) in ISO order whatever the server's default;
            // values bound and read by sqlx are binary and do not depend on it.
            let opties = PgConnectOptions::from_str(url).map_err(openen)?.options([("DateStyle", "ISO, YMD")]);
            let pool = PgPoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opties)
                .await
                .map_err(openen)?;
            POSTGRES_MIGRATIES.run(&pool).await?;
            Store::Postgres(pool)
        } else if url.starts_with("sqlite:") || !url.contains("://") {
            let pad = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).unwrap_or(url);
            let geheugen = pad == ":memory:";
            if !aanmaken && !geheugen && !std::path::Path::new(pad).exists() {
                return Err(StoreFout::BestaatNiet(pad.to_string()));
            }
            let opties = SqliteConnectOptions::from_str(&format!("sqlite:{pad}"))
                .map_err(|bron| StoreFout::Openen { url: url.to_string(), bron })?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                // 64 MiB of page cache per connection instead of 2: the register's runs and reports
                // read large parts of the big tables.
                .pragma("cache_size", "-65536")
                .foreign_keys(true);
            // An in-memory database lives as long as its one connection.
            let pool = if geheugen {
                SqlitePoolOptions::new().max_connections(1).min_connections(1).idle_timeout(None).max_lifetime(None)
            } else {
                SqlitePoolOptions::new().max_connections(4)
            };
            let pool =
                pool.connect_with(opties).await.map_err(|bron| StoreFout::Openen { url: url.to_string(), bron })?;
            SQLITE_MIGRATIES.run(&pool).await?;
            Store::Sqlite(pool, (!geheugen).then(|| lezer::Lezers::nieuw(pad)))
        } else {
            return Err(StoreFout::OnbekendSchema(zonder_wachtwoord(url)));
        };
        store.zaai_codelijsten().await?;
        Ok(store)
    }

    pub fn soort(&self) -> &'static str {
        match self {
            Store::Sqlite(..) => "SQLite",
            Store::Postgres(_) => "PostgreSQL",
        }
    }

    /// The database gets the codes Leerspoor ships with that it does not have yet: all of them when
    /// it is new, a release's new codes (a new list, a new outcome) when it is not. A code the
    /// office changed or ended (`geldig_tot`) is left as the office keeps it.
    async fn zaai_codelijsten(&self) -> Result<()> {
        let bekend: std::collections::HashSet<(CodeLijst, String)> =
            self.lees::<Code>().await?.into_iter().map(|c| (c.lijst, c.code)).collect();
        let nieuw: Vec<Code> = leerspoor_domain::codes::standaard()
            .into_iter()
            .filter(|c| !bekend.contains(&(c.lijst, c.code.clone())))
            .collect();
        if nieuw.is_empty() {
            return Ok(());
        }
        let tabel = TabelWijziging {
            nieuw: nieuw.iter().map(Rij::waarden).collect(),
            ..TabelWijziging::leeg::<leerspoor_domain::codes::Code>()
        };
        let mut schrijver = self.schrijver("leerspoor", "standaard codelijsten").await?;
        schrijver.tabel(&tabel, |_| {}).await?;
        schrijver.klaar(0).await?;
        Ok(())
    }

    /// Every row of a record type, ordered by key.
    pub async fn lees<R: Rij>(&self) -> Result<Vec<R>> {
        self.lees_sql::<R>("", &[]).await
    }

    /// The rows of a record type whose column `kolom` holds `waarde` (all zaken of one youth, the
    /// actions of one zaak), ordered by key.
    pub async fn lees_waar<R: Rij>(&self, kolom: &'static str, waarde: &str) -> Result<Vec<R>> {
        assert!(R::KOLOMMEN.iter().any(|k| k.naam == kolom), "{} heeft geen kolom {kolom}", R::TABEL);
        self.lees_sql::<R>(&format!("WHERE {kolom} = $1"), &[rij::tekst(waarde)]).await
    }

    /// The rows of a record type that match a condition (`WHERE …` with `$n` placeholders).
    pub async fn lees_met<R: Rij>(&self, waar: &'static str, binds: &[Waarde]) -> Result<Vec<R>> {
        self.lees_sql::<R>(waar, binds).await
    }

    /// The rows whose date column `kolom` lies from `van` up to and including `tot`, ordered by
    /// key: the years a report counts.
    ///
    /// SQLite takes a date's index for any range, knowing nothing of how many rows it holds, and
    /// then looks up each row and sorts them: for a report's window of years, most of the table,
    /// 3 s at national scale where one pass through the table in key order takes 1 s. So on
    /// SQLite the column is written `+kolom`, which keeps the index out. PostgreSQL's planner
    /// chooses from its statistics.
    pub async fn lees_tussen<R: Rij>(&self, kolom: &'static str, van: Datum, tot: Datum) -> Result<Vec<R>> {
        assert!(R::KOLOMMEN.iter().any(|k| k.naam == kolom), "{} heeft geen kolom {kolom}", R::TABEL);
        let k = match self {
            Store::Sqlite(..) => format!("+{kolom}"),
            Store::Postgres(_) => kolom.to_string(),
        };
        self.lees_sql::<R>(&format!("WHERE {k} >= $1 AND {k} <= $2"), &[rij::datum(van), rij::datum(tot)]).await
    }

    /// One record by its (single-column) key.
    pub async fn lees_een<R: Rij>(&self, sleutel: &str) -> Result<Option<R>> {
        Ok(self.lees_waar::<R>(R::KOLOMMEN[0].naam, sleutel).await?.pop())
    }

    async fn lees_sql<R: Rij>(&self, waar: &str, binds: &[Waarde]) -> Result<Vec<R>> {
        let kolommen: Vec<&str> = R::KOLOMMEN.iter().map(|k| k.naam).collect();
        let sleutel = kolommen[..R::SLEUTEL].join(", ");
        let sql = format!("SELECT {} FROM {} {waar} ORDER BY {sleutel}", kolommen.join(", "), R::TABEL);
        // Each row becomes its record as it is read: no list of rows beside the list of records.
        let per_rij = |uit: &mut Result<Vec<R>>, rij: Vec<Waarde>| {
            if let Ok(lijst) = uit {
                match uit_rij::<R>(rij) {
                    Ok(r) => lijst.push(r),
                    Err(e) => *uit = Err(e),
                }
            }
        };
        self.vouw(&sql, binds, &kolom_typen::<R>(), Ok(Vec::new()), per_rij).await?
    }

    /// Runs a query written once for both backends (`$n` placeholders) and reads each row as
    /// values of the given types: for the selections that services and reports make.
    ///
    /// The SQL is `'static`: values are always bound, never spliced in.
    pub async fn vraag(&self, sql: &'static str, binds: &[Waarde], typen: &[Type]) -> Result<Vec<Vec<Waarde>>> {
        self.vouw(sql, binds, typen, Vec::new(), |v, r| v.push(r)).await
    }

    /// As [`Store::vraag`], but each row is folded into `acc` as it is read instead of kept: for
    /// selections of millions of rows that a report only counts. (PostgreSQL reads them at once.)
    pub async fn vraag_per_rij<A, F>(
        &self,
        sql: &'static str,
        binds: &[Waarde],
        typen: &[Type],
        acc: A,
        per_rij: F,
    ) -> Result<A>
    where
        A: Send + 'static,
        F: FnMut(&mut A, Vec<Waarde>) + Send + 'static,
    {
        self.vouw(sql, binds, typen, acc, per_rij).await
    }

    /// The one read path outside a transaction: rusqlite on SQLite, sqlx otherwise.
    async fn vouw<A, F>(&self, sql: &str, binds: &[Waarde], typen: &[Type], mut acc: A, mut per_rij: F) -> Result<A>
    where
        A: Send + 'static,
        F: FnMut(&mut A, Vec<Waarde>) + Send + 'static,
    {
        if let Store::Sqlite(_, Some(lezers)) = self {
            return lezers.vraag(sql, binds, typen, acc, per_rij).await;
        }
        for r in per_backend!(self, pool => vraag_op!(pool, sql, binds, typen)) {
            per_rij(&mut acc, r);
        }
        Ok(acc)
    }

    /// Starts one all-or-nothing write (an import): tables are written one by one into a single
    /// transaction, which [`Schrijver::klaar`] commits together with the import run and the access log.
    pub async fn schrijver(&self, gebruiker: &str, bron: &str) -> Result<Schrijver> {
        // SQLite: take the write lock at the start, so that what a service checks inside the
        // transaction is what it writes against (a deferred one would read an older snapshot).
        let tx = match self {
            Store::Sqlite(pool, _) => Transactie::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Store::Postgres(pool) => Transactie::Postgres(pool.begin().await?),
        };
        Ok(Schrijver {
            tx,
            nu: Utc::now(),
            gebruiker: gebruiker.to_string(),
            bron: bron.to_string(),
            reden: None,
            nieuw: 0,
            gewijzigd: 0,
            geschreven: Vec::new(),
        })
    }

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

    /// Number of rows in a table (for summaries and tests).
    pub async fn aantal(&self, tabel: &str) -> Result<i64> {
        assert!(tabel.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "tabelnaam: {tabel}");
        let sql = format!("SELECT COUNT(*) FROM {tabel}");
        per_backend!(self, pool => Ok(sqlx::query(veilig(&sql)).fetch_one(pool).await?.try_get(0)?))
    }

    /// The tables and their columns as the database sees them, to compare the two backends.
    pub async fn schema(&self) -> Result<Vec<(String, Vec<String>)>> {
        let tabellen: Vec<String> = match self {
            Store::Sqlite(pool, _) => sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name",
            )
            .fetch_all(pool)
            .await?,
            Store::Postgres(pool) => sqlx::query_scalar(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() \
                 AND table_name NOT LIKE '_sqlx%' ORDER BY table_name",
            )
            .fetch_all(pool)
            .await?,
        };
        let mut uit = Vec::new();
        for t in tabellen {
            let kolommen: Vec<String> = match self {
                Store::Sqlite(pool, _) => {
                    sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
                        .bind(&t)
                        .fetch_all(pool)
                        .await?
                }
                Store::Postgres(pool) => sqlx::query_scalar(
                    "SELECT column_name::text FROM information_schema.columns WHERE table_schema = current_schema() \
                     AND table_name = $1 ORDER BY ordinal_position",
                )
                .bind(&t)
                .fetch_all(pool)
                .await?,
            };
            uit.push((t, kolommen));
        }
        Ok(uit)
    }

    pub async fn sluit(self) {
        per_backend!(self, pool => pool.close().await)
    }
}

/// One line of the access log, as it is written.
struct Logregel<'a> {
    gebruiker: &'a str,
    handeling: &'a str,
    object: &'a str,
    resultaat: &'a str,
    reden: Option<&'a str>,
    herkomst: &'a toegang::Herkomst,
}

async fn log_toegang<'c, E, DB>(conn: E, nu: DateTime<Utc>, r: &Logregel<'_>) -> Result<()>
where
    DB: sqlx::Database,
    E: sqlx::Executor<'c, Database = DB>,
    for<'q> DateTime<Utc>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    for<'q> &'q str: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    for<'q> Option<&'q str>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    for<'q> <DB as sqlx::Database>::Arguments: sqlx::IntoArguments<DB>,
{
    sqlx::query(
        "INSERT INTO toegangslog (tijdstip, gebruiker, handeling, object, resultaat, reden, adres, agent) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
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

fn sleuteltekst<R: Rij>(waarden: &[Waarde]) -> String {
    R::sleutel(waarden).iter().map(Waarde::als_tekst).collect::<Vec<_>>().join("/")
}

impl TabelWijziging {
    /// No rows yet, for record type `R`.
    pub fn leeg<R: Rij>() -> TabelWijziging {
        TabelWijziging {
            tabel: R::TABEL,
            kolommen: R::KOLOMMEN,
            sleutel: R::SLEUTEL,
            uniek: R::UNIEK,
            nieuw: Vec::new(),
            gewijzigd: Vec::new(),
        }
    }
}

enum Transactie {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// Reading records by a column, from the committed state ([`Store`]) or from inside an open write
/// ([`Schrijver`], which sees its own changes): a service that decides from what it reads can then
/// run on its own or as one step of a larger all-or-nothing write (a delivery of many meldingen).
pub trait Lezer: Send {
    fn lees_waar<R: Rij>(
        &mut self,
        kolom: &'static str,
        waarde: &str,
    ) -> impl std::future::Future<Output = Result<Vec<R>>> + Send;
}

impl Lezer for &Store {
    async fn lees_waar<R: Rij>(&mut self, kolom: &'static str, waarde: &str) -> Result<Vec<R>> {
        Store::lees_waar(self, kolom, waarde).await
    }
}

impl Lezer for Schrijver {
    async fn lees_waar<R: Rij>(&mut self, kolom: &'static str, waarde: &str) -> Result<Vec<R>> {
        Schrijver::lees_waar(self, kolom, waarde).await
    }
}

impl<L: Lezer> Lezer for &mut L {
    async fn lees_waar<R: Rij>(&mut self, kolom: &'static str, waarde: &str) -> Result<Vec<R>> {
        L::lees_waar(self, kolom, waarde).await
    }
}

/// An open all-or-nothing write; dropped without [`Schrijver::klaar`], everything is rolled back.
pub struct Schrijver {
    tx: Transactie,
    nu: DateTime<Utc>,
    gebruiker: String,
    bron: String,
    /// Why, on every change-log row of this write (a correction's ground and explanation).
    reden: Option<String>,
    nieuw: u64,
    gewijzigd: u64,
    /// The tables [`Schrijver::tabel`] wrote to, with their number of new and changed rows.
    geschreven: Vec<(&'static str, u64)>,
}

impl Schrijver {
    /// Gives every change-log row of this write its reason (AVG art. 16: a correction says why).
    pub fn met_reden(mut self, reden: impl Into<String>) -> Schrijver {
        self.reden = Some(reden.into());
        self
    }

    /// Inserts the new rows and updates the changed ones (with one change-log row per field).
    pub async fn tabel(&mut self, tabel: &TabelWijziging, mut voortgang: impl FnMut(u64)) -> Result<()> {
        let (nu, gebruiker, bron, reden) = (self.nu, &self.gebruiker, &self.bron, &self.reden);
        match &mut self.tx {
            Transactie::Sqlite(tx) => schrijf_tabel!(tx, tabel, bulk::sqlite, nu, gebruiker, bron, reden, voortgang),
            Transactie::Postgres(tx) => {
                schrijf_tabel!(tx, tabel, bulk::postgres, nu, gebruiker, bron, reden, voortgang)
            }
        }
        self.nieuw += tabel.nieuw.len() as u64;
        self.gewijzigd += tabel.gewijzigd.len() as u64;
        let rijen = (tabel.nieuw.len() + tabel.gewijzigd.len()) as u64;
        if rijen > 0 {
            self.geschreven.push((tabel.tabel, rijen));
        }
        Ok(())
    }

    /// Adds one new record, with a line in the change log. A record someone else added meanwhile
    /// (same key or unique value) is [`StoreFout::Gelijktijdig`].
    pub async fn nieuw<R: Rij>(&mut self, r: &R) -> Result<()> {
        let waarden = r.waarden();
        let sleutel = sleuteltekst::<R>(&waarden);
        match self.tabel(&TabelWijziging { nieuw: vec![waarden], ..TabelWijziging::leeg::<R>() }, |_| {}).await {
            Err(StoreFout::Sql(sqlx::Error::Database(e))) if e.is_unique_violation() => {
                return Err(StoreFout::Gelijktijdig { tabel: R::TABEL, sleutel });
            }
            anders => anders?,
        }
        self.log_wijziging(R::TABEL, &sleutel, None).await
    }

    /// Writes the changed fields of a record, each with its old and new value in the change log; an
    /// unchanged record writes nothing. Only if the stored fields still hold the old values: a
    /// change someone else made meanwhile is never overwritten ([`StoreFout::Gelijktijdig`]).
    pub async fn wijzig<R: Rij>(&mut self, oud: &R, nieuw: &R) -> Result<()> {
        let (o, n) = (oud.waarden(), nieuw.waarden());
        assert_eq!(R::sleutel(&o), R::sleutel(&n), "{}: de sleutel van een record verandert niet", R::TABEL);
        let gewijzigd: Vec<usize> = (0..o.len()).filter(|i| o[*i] != n[*i]).collect();
        if gewijzigd.is_empty() {
            return Ok(());
        }
        let mut binds: Vec<Waarde> = Vec::new();
        let plaats = |w: &Waarde, binds: &mut Vec<Waarde>| {
            binds.push(w.clone());
            format!("${}", binds.len())
        };
        let set: Vec<String> =
            gewijzigd.iter().map(|i| format!("{} = {}", R::KOLOMMEN[*i].naam, plaats(&n[*i], &mut binds))).collect();
        let mut waar: Vec<String> =
            (0..R::SLEUTEL).map(|i| format!("{} = {}", R::KOLOMMEN[i].naam, plaats(&o[i], &mut binds))).collect();
        for i in &gewijzigd {
            let kolom = R::KOLOMMEN[*i].naam;
            waar.push(if o[*i].is_leeg() {
                format!("{kolom} IS NULL")
            } else {
                format!("{kolom} = {}", plaats(&o[*i], &mut binds))
            });
        }
        let sql = format!("UPDATE {} SET {} WHERE {}", R::TABEL, set.join(", "), waar.join(" AND "));
        let sleutel = sleuteltekst::<R>(&n);
        // A unique value (a corrected BSN) that another write took meanwhile is a conflict too.
        let geraakt = match self.voer_uit(&sql, &binds).await {
            Err(StoreFout::Sql(sqlx::Error::Database(e))) if e.is_unique_violation() => 0,
            anders => anders?,
        };
        if geraakt != 1 {
            return Err(StoreFout::Gelijktijdig { tabel: R::TABEL, sleutel });
        }
        for i in gewijzigd {
            let veld = (R::KOLOMMEN[i].naam, o[i].als_tekst(), n[i].als_tekst());
            self.log_wijziging(R::TABEL, &sleutel, Some(veld)).await?;
        }
        self.gewijzigd += 1;
        Ok(())
    }

    /// Waits until no other writer holds `sleutel` (a youth's id), up to the end of this
    /// transaction: two services checking the same youth's open zaken then take turns. SQLite's
    /// writers already take turns (`BEGIN IMMEDIATE`).
    pub async fn vergrendel(&mut self, sleutel: &str) -> Result<()> {
        if let Transactie::Postgres(tx) = &mut self.tx {
            sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))").bind(sleutel).execute(&mut **tx).await?;
        }
        Ok(())
    }

    /// Reads inside the transaction (after [`Schrijver::vergrendel`]): what is there now.
    pub async fn lees_waar<R: Rij>(&mut self, kolom: &'static str, waarde: &str) -> Result<Vec<R>> {
        assert!(R::KOLOMMEN.iter().any(|k| k.naam == kolom), "{} heeft geen kolom {kolom}", R::TABEL);
        self.lees_sql(&format!("WHERE {kolom} = $1"), &[rij::tekst(waarde)]).await
    }

    /// Every row of a record type, read inside the transaction.
    pub async fn lees<R: Rij>(&mut self) -> Result<Vec<R>> {
        self.lees_sql("", &[]).await
    }

    /// The rows whose column `kolom` holds one of `waarden`, read inside the transaction: one query
    /// per thousand values instead of one per value (a delivery's youths by BSN).
    pub async fn lees_in<R: Rij>(&mut self, kolom: &'static str, waarden: &[String]) -> Result<Vec<R>> {
        assert!(R::KOLOMMEN.iter().any(|k| k.naam == kolom), "{} heeft geen kolom {kolom}", R::TABEL);
        let mut uit = Vec::with_capacity(waarden.len());
        for deel in waarden.chunks(1000) {
            let plaatsen: Vec<String> = (1..=deel.len()).map(|i| format!("${i}")).collect();
            let binds: Vec<Waarde> = deel.iter().map(|w| rij::tekst(w)).collect();
            uit.extend(self.lees_sql::<R>(&format!("WHERE {kolom} IN ({})", plaatsen.join(", ")), &binds).await?);
        }
        Ok(uit)
    }

    async fn lees_sql<R: Rij>(&mut self, waar: &str, binds: &[Waarde]) -> Result<Vec<R>> {
        let kolommen: Vec<&str> = R::KOLOMMEN.iter().map(|k| k.naam).collect();
        let sql = format!("SELECT {} FROM {} {waar}", kolommen.join(", "), R::TABEL);
        let rijen = self.vraag_sql(&sql, binds, &kolom_typen::<R>()).await?;
        rijen.into_iter().map(uit_rij::<R>).collect()
    }

    /// [`Store::vraag`] inside the transaction: a selection a service decides from as it writes.
    pub async fn vraag(&mut self, sql: &'static str, binds: &[Waarde], typen: &[Type]) -> Result<Vec<Vec<Waarde>>> {
        self.vraag_sql(sql, binds, typen).await
    }

    async fn vraag_sql(&mut self, sql: &str, binds: &[Waarde], typen: &[Type]) -> Result<Vec<Vec<Waarde>>> {
        Ok(match &mut self.tx {
            Transactie::Sqlite(tx) => vraag_op!(&mut **tx, sql, binds, typen),
            Transactie::Postgres(tx) => vraag_op!(&mut **tx, sql, binds, typen),
        })
    }

    /// Removes a record that a source withdrew (DUO removing an enrolment it registered in error),
    /// only if it still holds the values read; the change log keeps every field's last value, so
    /// nothing is lost. A record changed or removed meanwhile is [`StoreFout::Gelijktijdig`].
    pub async fn verwijder<R: Rij>(&mut self, oud: &R) -> Result<()> {
        let o = oud.waarden();
        let mut binds = Vec::new();
        let waar: Vec<String> = (0..o.len())
            .map(|i| {
                let kolom = R::KOLOMMEN[i].naam;
                if o[i].is_leeg() {
                    format!("{kolom} IS NULL")
                } else {
                    binds.push(o[i].clone());
                    format!("{kolom} = ${}", binds.len())
                }
            })
            .collect();
        let sql = format!("DELETE FROM {} WHERE {}", R::TABEL, waar.join(" AND "));
        let sleutel = sleuteltekst::<R>(&o);
        if self.voer_uit(&sql, &binds).await? != 1 {
            return Err(StoreFout::Gelijktijdig { tabel: R::TABEL, sleutel });
        }
        for (i, w) in o.iter().enumerate().filter(|(_, w)| !w.is_leeg()) {
            self.log_regel(R::TABEL, &sleutel, "verwijderd", Some(R::KOLOMMEN[i].naam), Some(w.als_tekst()), None)
                .await?;
        }
        self.gewijzigd += 1;
        Ok(())
    }

    /// One line of the change log: a new record (`veld` None) or one changed field with old and new value.
    async fn log_wijziging(&mut self, tabel: &str, sleutel: &str, veld: Option<(&str, String, String)>) -> Result<()> {
        let (handeling, veld, oud, nieuw) = match veld {
            Some((v, o, n)) => ("gewijzigd", Some(v), Some(o), Some(n)),
            None => ("nieuw", None, None, None),
        };
        self.log_regel(tabel, sleutel, handeling, veld, oud, nieuw).await
    }

    async fn log_regel(
        &mut self,
        tabel: &str,
        sleutel: &str,
        handeling: &str,
        veld: Option<&str>,
        oud: Option<String>,
        nieuw: Option<String>,
    ) -> Result<()> {
        macro_rules! loggen {
            ($tx:expr) => {
                sqlx::query(
                    "INSERT INTO wijzigingslog (tijdstip, gebruiker, tabel, sleutel, handeling, veld, oud, nieuw, bron, reden) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(self.nu)
                .bind(&self.gebruiker)
                .bind(tabel)
                .bind(sleutel)
                .bind(handeling)
                .bind(veld)
                .bind(&oud)
                .bind(&nieuw)
                .bind(&self.bron)
                .bind(&self.reden)
                .execute(&mut **$tx)
                .await?
                .rows_affected()
            };
        }
        match &mut self.tx {
            Transactie::Sqlite(tx) => loggen!(tx),
            Transactie::Postgres(tx) => loggen!(tx),
        };
        Ok(())
    }

    /// Runs one statement in the transaction; the number of rows it touched.
    async fn voer_uit(&mut self, sql: &str, binds: &[Waarde]) -> Result<u64> {
        macro_rules! uitvoeren {
            ($tx:expr) => {{
                let mut q = sqlx::query(veilig(sql));
                for w in binds {
                    q = bind_waarde!(q, w);
                }
                q.execute(&mut **$tx).await?.rows_affected()
            }};
        }
        Ok(match &mut self.tx {
            Transactie::Sqlite(tx) => uitvoeren!(tx),
            Transactie::Postgres(tx) => uitvoeren!(tx),
        })
    }

    /// Commits a change made by a person through a service (no import run), with a line in the
    /// access log.
    pub async fn vastleggen(self, handeling: &str, object: &str) -> Result<()> {
        let Schrijver { tx, nu, gebruiker, .. } = self;
        let herkomst = toegang::Herkomst::default();
        let regel = Logregel {
            gebruiker: &gebruiker,
            handeling,
            object,
            resultaat: "gelukt",
            reden: None,
            herkomst: &herkomst,
        };
        match tx {
            Transactie::Sqlite(mut tx) => {
                log_toegang(&mut *tx, nu, &regel).await?;
                tx.commit().await?;
            }
            Transactie::Postgres(mut tx) => {
                log_toegang(&mut *tx, nu, &regel).await?;
                tx.commit().await?;
            }
        }
        Ok(())
    }

    /// Records the import run and commits.
    pub async fn klaar(self, ongewijzigd: u64) -> Result<()> {
        let Schrijver { tx, nu, gebruiker, bron, nieuw, gewijzigd, geschreven, .. } = self;
        let herkomst = toegang::Herkomst::default();
        let regel = Logregel {
            gebruiker: &gebruiker,
            handeling: "import",
            object: &bron,
            resultaat: "gelukt",
            reden: None,
            herkomst: &herkomst,
        };
        macro_rules! afronden {
            ($tx:expr) => {{
                let mut tx = $tx;
                sqlx::query(
                    "INSERT INTO importrun (gestart, bundel, gebruiker, nieuw, gewijzigd, ongewijzigd) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(nu)
                .bind(&bron)
                .bind(&gebruiker)
                .bind(nieuw as i64)
                .bind(gewijzigd as i64)
                .bind(ongewijzigd as i64)
                .execute(&mut *tx)
                .await?;
                log_toegang(&mut *tx, nu, &regel).await?;
                tx.commit().await?;
            }};
        }
        match tx {
            Transactie::Sqlite(tx) => afronden!(tx),
            Transactie::Postgres(mut tx) => {
                planner_statistiek(&mut tx, &geschreven).await?;
                afronden!(tx)
            }
        }
        Ok(())
    }
}

/// PostgreSQL plans from statistics that autovacuum gathers some time after a bulk write: right
/// after importing a region, a report ran 50 s instead of 0,5 s. So an import analyzes the tables
/// it changed by as much as autovacuum waits for (50 rows + 10 % of the table), inside its own
/// transaction (which counts its own new rows), before the first query needs them.
async fn planner_statistiek(tx: &mut sqlx::PgConnection, geschreven: &[(&'static str, u64)]) -> Result<()> {
    for &(tabel, rijen) in geschreven {
        let (rijen_er_al,): (f32,) = sqlx::query_as("SELECT reltuples FROM pg_class WHERE oid = to_regclass($1)")
            .bind(tabel)
            .fetch_one(&mut *tx)
            .await?;
        // -1: never analyzed.
        if rijen_er_al < 0.0 || rijen as f32 >= 50.0 + 0.1 * rijen_er_al {
            sqlx::query(veilig(&format!("ANALYZE {tabel}"))).execute(&mut *tx).await?;
        }
    }
    Ok(())
}

fn uit_rij<R: Rij>(w: Vec<Waarde>) -> Result<R> {
    R::uit_waarden(w).map_err(|f| StoreFout::Inhoud {
        tabel: R::TABEL,
        melding: f.into_iter().map(|f| f.melding).collect::<Vec<_>>().join("; "),
    })
}

fn kolom_typen<R: Rij>() -> Vec<Type> {
    R::KOLOMMEN.iter().map(|k| k.ty).collect()
}

/// SQL built here only ever joins the static table and column names of [`Rij`] types with `$n`
/// placeholders; values are always bound.
pub(crate) fn veilig(sql: &str) -> sqlx::AssertSqlSafe<&str> {
    sqlx::AssertSqlSafe(sql)
}

/// `UPDATE … SET non-key columns … WHERE key columns …`; binds: non-key values, then key values.
fn update_statement(t: &TabelWijziging) -> String {
    let (sleutel, rest) = t.kolommen.split_at(t.sleutel);
    let set: Vec<String> = rest.iter().enumerate().map(|(i, k)| format!("{} = ${}", k.naam, i + 1)).collect();
    let waar: Vec<String> =
        sleutel.iter().enumerate().map(|(i, k)| format!("{} = ${}", k.naam, rest.len() + i + 1)).collect();
    format!("UPDATE {} SET {} WHERE {}", t.tabel, set.join(", "), waar.join(" AND "))
}

/// A URL fit for a message or a log: the password replaced.
pub fn zonder_wachtwoord(url: &str) -> String {
    let url = match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(a)) if a > s => match url[s + 3..a].split_once(':') {
            Some((naam, _)) => format!("{}{}:***{}", &url[..s + 3], naam, &url[a..]),
            None => url.to_string(),
        },
        _ => url.to_string(),
    };
    // libpq also takes the password as a query parameter.
    match url.split_once('?') {
        Some((basis, query)) => {
            let query: Vec<String> = query
                .split('&')
                .map(|p| if p.starts_with("password=") { "password=***".to_string() } else { p.to_string() })
                .collect();
            format!("{basis}?{}", query.join("&"))
        }
        None => url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_an_error_message() {
        assert_eq!(zonder_wachtwoord("postgres://lp:geheim@db/leerspoor"), "postgres://lp:***@db/leerspoor");
        assert_eq!(zonder_wachtwoord("postgres://lp@db/leerspoor"), "postgres://lp@db/leerspoor");
        assert_eq!(
            zonder_wachtwoord("postgres://db/leerspoor?user=lp&password=geheim&sslmode=require"),
            "postgres://db/leerspoor?user=lp&password=***&sslmode=require"
        );
    }
}
