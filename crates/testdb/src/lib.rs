//! Fresh databases for integration tests: a SQLite file in a temporary folder, and a new database
//! on the PostgreSQL server named by `LEERSPOOR_TEST_POSTGRES` (e.g. `postgres://postgres@localhost/postgres`).
//!
//! Without that variable the PostgreSQL half of a test is skipped with a notice, so `cargo test`
//! passes with only the Rust toolchain; under `CI=true` a missing or unreachable server fails.
use leerspoor_store::Store;
use sqlx::Connection;
use std::sync::atomic::{AtomicU32, Ordering};

pub struct TestDb {
    pub store: Store,
    pub url: String,
    _map: Option<tempfile::TempDir>,
}

/// A new, empty, migrated SQLite database.
pub async fn sqlite() -> TestDb {
    let map = tempfile::tempdir().expect("tijdelijke map");
    let url = format!("sqlite:{}", map.path().join("leerspoor.sqlite").display());
    let store = Store::open(&url).await.expect("SQLite openen");
    TestDb { store, url, _map: Some(map) }
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
    let naam = format!(
        "leerspoor_test_{}_{}_{}",
        std::process::id(),
        TELLER.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("klok").subsec_nanos()
    );
    let mut beheer = sqlx::PgConnection::connect(&basis)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL op {basis} niet bereikbaar: {e}"));
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {naam}")))
        .execute(&mut beheer)
        .await
        .expect("CREATE DATABASE");
    beheer.close().await.ok();
    let (zonder_db, _) = basis.rsplit_once('/').expect("URL met /database");
    let url = format!("{zonder_db}/{naam}");
    let store = Store::open(&url).await.expect("PostgreSQL openen");
    Some(TestDb { store, url, _map: None })
}

/// SQLite, and PostgreSQL when available: run the same test against each.
pub async fn alle() -> Vec<TestDb> {
    let mut dbs = vec![sqlite().await];
    dbs.extend(postgres().await);
    dbs
}
