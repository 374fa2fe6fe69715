//! `leerspoor demo` publishes its accounts' password, so it must never run on a register it did
//! not make itself: on a server where `LEERSPOOR_DATABASE_URL` names the office's database, that
//! would be a backdoor.
mod common;
use common::{database_met_klein, leerspoor};

#[test]
fn demo_refuses_a_database_it_did_not_make() {
    let (_map, db) = database_met_klein();
    let uit = leerspoor(&db, &["demo", "--alleen-maken", "--scale", "0.01"]);
    assert_eq!(uit.status.code(), Some(2));
    let fout = String::from_utf8_lossy(&uit.stderr);
    assert!(fout.contains("niet door `leerspoor demo` gemaakt"), "{fout}");
    let uit = leerspoor(&db, &["demo", "--adres", "127.0.0.1:0"]);
    assert_eq!(uit.status.code(), Some(2), "and does not start the app with demo accounts");
}

#[test]
fn demo_uses_its_own_database_again() {
    let map = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", map.path().join("demo.sqlite").display());
    assert!(leerspoor(&db, &["demo", "--alleen-maken", "--scale", "0.01"]).status.success());
    let weer = leerspoor(&db, &["demo", "--alleen-maken", "--scale", "0.01"]);
    assert!(weer.status.success());
    assert!(String::from_utf8_lossy(&weer.stdout).contains("bevat al een demoregio"));
}
