//! Fresh databases for integration tests: a SQLite file in a temporary folder, and a new database
//! on the PostgreSQL server named by `LEERSPOOR_TEST_POSTGRES` (e.g. `postgres://postgres@localhost/postgres`).
//!
//! Without that variable the PostgreSQL half of a test is skipped with a notice, so `cargo test`
//! passes with only the Rust toolchain; under `CI=true` a missing or unreachable server fails.
//!
//! Each PostgreSQL database is dropped when its `TestDb` goes, and the first test of a process
//! drops those left by test processes that no longer run (killed, or from before this cleanup):
//! without that, every CI run left a few hundred databases and the disk filled up.
use leerspoor_store::Store;
use sqlx::Connection;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

pub struct TestDb {
    pub store: Store,
    pub url: String,
    _map: Option<tempfile::TempDir>,
    _postgres: Option<Opruimen>,
}

/// Drops a PostgreSQL test database when it goes: the server's maintenance URL and the name.
/// A field of its own, so a test may still move the store out of its `TestDb`.
struct Opruimen {
    basis: String,
    naam: String,
}

impl Drop for Opruimen {
    fn drop(&mut self) {
        let (basis, naam) = (self.basis.clone(), self.naam.clone());
        // Drop runs inside the test's runtime, which cannot be blocked on: a thread of its own,
        // and a time limit, so that a server that does not answer never hangs a test.
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            // The timer is made inside the runtime: `timeout` needs one to exist.
            let klaar = rt.block_on(async {
                tokio::time::timeout(std::time::Duration::from_secs(30), verwijder(&basis, &[naam], true)).await
            });
            if klaar.is_err() {
                eprintln!("let op: testdatabase niet binnen 30 s verwijderd");
            }
        })
        .join()
        .ok();
    }
}

/// Drops the named databases; `force` ends connections still open in a pool (our own test's);
/// without it, a database someone is connected to stays.
async fn verwijder(basis: &str, namen: &[String], force: bool) {
    let Ok(mut beheer) = sqlx::PgConnection::connect(basis).await else { return };
    for naam in namen {
        let sql = format!("DROP DATABASE IF EXISTS \"{naam}\"{}", if force { " WITH (FORCE)" } else { "" });
        if let Err(e) = sqlx::raw_sql(sqlx::AssertSqlSafe(sql)).execute(&mut beheer).await {
            eprintln!("let op: testdatabase {naam} niet verwijderd: {e}");
        }
    }
    beheer.close().await.ok();
}

/// Test databases whose process (the pid in the name) no longer runs on this machine, and that no
/// one is connected to (a test process on another machine sharing the server keeps its own).
/// Only where `/proc` tells which processes run.
async fn achtergelaten(beheer: &mut sqlx::PgConnection) -> Vec<String> {
    if !std::path::Path::new("/proc/self").exists() {
        return Vec::new();
    }
    let namen: Vec<String> = sqlx::query_scalar(
        "SELECT datname FROM pg_database WHERE datname LIKE 'leerspoor\\_test\\_%' \
             AND datname NOT IN (SELECT datname FROM pg_stat_activity WHERE datname IS NOT NULL)",
    )
    .fetch_all(beheer)
    .await
    .unwrap_or_default();
    namen
        .into_iter()
        .filter(|naam| {
            let delen: Vec<&str> = naam.trim_start_matches("leerspoor_test_").split('_').collect();
            let getallen = delen.len() == 3 && delen.iter().all(|d| d.parse::<u32>().is_ok());
            getallen
                && delen[0].parse::<u32>().is_ok_and(|pid| {
                    pid != std::process::id() && !std::path::Path::new(&format!("/proc/{pid}")).exists()
                })
        })
        .collect()
}

/// A new, empty, migrated SQLite database.
pub async fn sqlite() -> TestDb {
    let map = tempfile::tempdir().expect("tijdelijke map");
    let url = format!("sqlite:{}", map.path().join("leerspoor.sqlite").display());
    let store = Store::open(&url).await.expect("SQLite openen");
    TestDb { store, url, _map: Some(map), _postgres: None }
}

/// A new, empty, migrated PostgreSQL database, or `None` (with a notice) when no server is configured.
pub async fn postgres() -> Option<TestDb> {
    let Some(basis) = std::env::var("LEERSPOOR_TEST_POSTGRES").ok().filter(|u| !u.is_empty()) else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true maar LEERSPOOR_TEST_POSTGRES is niet gezet: de PostgreSQL-tests mogen in CI niet overgeslagen worden"
        );
        eprintln!("let op: LEERSPOOR_TEST_POSTGRES niet gezet, PostgreSQL-deel overgeslagen");
        return None;
    };
    static TELLER: AtomicU32 = AtomicU32::new(0);
    static OPGERUIMD: AtomicBool = AtomicBool::new(false);
    let naam = format!(
        "leerspoor_test_{}_{}_{}",
        std::process::id(),
        TELLER.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("klok").subsec_nanos()
    );
    let mut beheer = sqlx::PgConnection::connect(&basis)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL op {basis} niet bereikbaar: {e}"));
    if !OPGERUIMD.swap(true, Ordering::Relaxed) {
        let oud = achtergelaten(&mut beheer).await;
        verwijder(&basis, &oud, false).await;
    }
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {naam}")))
        .execute(&mut beheer)
        .await
        .expect("CREATE DATABASE");
    beheer.close().await.ok();
    let (zonder_db, _) = basis.rsplit_once('/').expect("URL met /database");
    let url = format!("{zonder_db}/{naam}");
    // Made before the migrations run: a test that fails there still drops its database.
    let opruimen = Opruimen { basis: basis.clone(), naam };
    let store = Store::open(&url).await.expect("PostgreSQL openen");
    Some(TestDb { store, url, _map: None, _postgres: Some(opruimen) })
}

/// SQLite, and PostgreSQL when available: run the same test against each.
pub async fn alle() -> Vec<TestDb> {
    let mut dbs = vec![sqlite().await];
    dbs.extend(postgres().await);
    dbs
}
