//! `leerspoor api-sleutel` as a beheerder on the server runs it: a key issued for a caseworker
//! with an account, printed once, listed without its secret, revoked once.
mod common;
use common::{database_met_klein, leerspoor};
use std::process::Command;

fn tekst(o: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

#[test]
fn a_key_is_printed_once_listed_without_its_secret_and_revoked_once() {
    let (_map, db) = database_met_klein();
    let zonder_account = leerspoor(&db, &["api-sleutel", "nieuw", "--medewerker", "MW001", "--naam", "DUO"]);
    assert_eq!(zonder_account.status.code(), Some(2));
    assert!(tekst(&zonder_account).contains("heeft geen account"), "{}", tekst(&zonder_account));

    let account = Command::new(env!("CARGO_BIN_EXE_leerspoor"))
        .args(["account", "anna", "--medewerker", "MW001"])
        .env("LEERSPOOR_DATABASE_URL", &db)
        .env("LEERSPOOR_WACHTWOORD", "een lange zin als wachtwoord")
        .output()
        .unwrap();
    assert!(account.status.success(), "{}", tekst(&account));

    let nieuw = leerspoor(&db, &["api-sleutel", "nieuw", "--medewerker", "MW001", "--naam", "DUO-koppelserver"]);
    assert!(nieuw.status.success(), "{}", tekst(&nieuw));
    let uit = tekst(&nieuw);
    let sleutel = uit.lines().find(|r| r.starts_with("lsk_")).expect("the key on a line of its own");
    assert_eq!(sleutel.len(), 81);
    let id = &sleutel[4..16];

    let lijst = tekst(&leerspoor(&db, &["api-sleutel", "lijst"]));
    assert!(lijst.contains(id) && lijst.contains("DUO-koppelserver") && !lijst.contains(&sleutel[17..]), "{lijst}");

    assert!(leerspoor(&db, &["api-sleutel", "intrekken", id]).status.success());
    let weer = leerspoor(&db, &["api-sleutel", "intrekken", id]);
    assert_eq!(weer.status.code(), Some(2));
    assert!(tekst(&weer).contains("geen API-sleutel die nog geldt"));
}
