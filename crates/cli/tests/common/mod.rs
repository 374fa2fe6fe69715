//! Running `leerspoor` as a user does, on a fresh database holding the small test bundle.
#![allow(dead_code, reason = "each test file uses its own part")]
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn leerspoor(database: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leerspoor"))
        .args(args)
        .env("LEERSPOOR_DATABASE_URL", database)
        .env_remove("LEERSPOOR_MEDEWERKER")
        .output()
        .expect("leerspoor starten")
}

pub fn klein() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ingest/tests/bundels/klein")
}

/// A new SQLite database with the small bundle imported; keep the folder alive while using it.
pub fn database_met_klein() -> (tempfile::TempDir, String) {
    let map = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", map.path().join("ls.sqlite").display());
    assert!(leerspoor(&db, &["import", klein().to_str().unwrap()]).status.success());
    (map, db)
}
