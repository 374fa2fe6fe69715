//! Opening a register: the URL chooses SQLite or PostgreSQL, the schema is brought up to date
//! and the code lists Leerspoor ships with are sown.
use crate::rij::Rij;
use crate::{Result, Store, StoreFout, TabelWijziging, lezer};
use leerspoor_domain::codes::{Code, CodeLijst};
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

pub(crate) static SQLITE_MIGRATIES: Migrator = sqlx::migrate!("./migrations/sqlite");
pub(crate) static POSTGRES_MIGRATIES: Migrator = sqlx::migrate!("./migrations/postgres");

/// Where the embedded database lives when no URL is given.
pub const STANDAARD_DATABASE: &str = "sqlite:leerspoor.sqlite";

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
            let opties = PgConnectOptions::from_str(url).map_err(openen)?;
            let pool = PgPoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(10))
                .after_connect(|verbinding, _| Box::pin(index_uit_geheugen(verbinding)))
                .connect_with(opties)
                .await
                .map_err(openen)?;
            POSTGRES_MIGRATIES.run(&pool).await?;
            Store::Postgres(pool)
        } else if url.starts_with("sqlite:") || !url.contains("://") {
            let adres = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).unwrap_or(url);
            // The file without the options sqlx takes after `?` (`?mode=rwc`): rusqlite opens the
            // file by its name.
            let pad = adres.split_once('?').map_or(adres, |(pad, _)| pad);
            let geheugen = pad == ":memory:";
            if !aanmaken && !geheugen && !std::path::Path::new(pad).exists() {
                return Err(StoreFout::BestaatNiet(pad.to_string()));
            }
            let opties = SqliteConnectOptions::from_str(&format!("sqlite:{adres}"))
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

    pub async fn sluit(self) {
        per_backend!(self, pool => pool.close().await)
    }
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

/// Tells PostgreSQL's planner, for this connection, that a page found through an index costs little
/// more than one read in order (`random_page_cost` 1.1, the value PostgreSQL's documentation gives for
/// solid-state drives, instead of its default 4, priced for a spinning disk): the register's indexes are read from
/// memory. With 4, a gemeente's report on the national register found its 255.000 youths by
/// hashing a scan of all 6,5 million addresses (and of every youth and enrolment), on three
/// processes per read; looked up in the indexes the four reads side by side took 2,9 s instead of
/// 4,5 (docs/tabellen.md). A value the server's administrator set (in postgresql.conf, for the
/// database or the role) is theirs and stays.
async fn index_uit_geheugen(verbinding: &mut sqlx::PgConnection) -> sqlx::Result<()> {
    sqlx::query(
        "SELECT set_config('random_page_cost', '1.1', false) FROM pg_settings \
         WHERE name = 'random_page_cost' AND source = 'default'",
    )
    .execute(verbinding)
    .await?;
    Ok(())
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
