//! `leerspoor archief` on the demo region, on SQLite and PostgreSQL: the list, its destruction on a
//! teamleider's approval, last years' report unchanged after it, the register whole, and the
//! destruction list.
mod common;
use common::leerspoor;

fn tekst(o: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// The report of a completed year as JSON, without the notes (a kept table says it was kept).
fn verslag(db: &str) -> serde_json::Value {
    let o = leerspoor(db, &["report", "--jaar", "2019-2020", "--format", "json"]);
    assert!(o.status.success(), "{}", tekst(&o));
    let mut v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for t in v["tables"].as_array_mut().unwrap() {
        t.as_object_mut().unwrap().remove("notes");
    }
    v
}

fn ronde(db: &str) {
    let map = tempfile::tempdir().unwrap();
    let bundel = map.path().join("demo");
    let o = leerspoor(db, &["demo", "--scale", "0.02", "--export", bundel.to_str().unwrap()]);
    assert!(o.status.success(), "{}", tekst(&o));
    assert!(leerspoor(db, &["import", bundel.to_str().unwrap()]).status.success());
    let medewerkers = std::fs::read_to_string(bundel.join("medewerkers.csv")).unwrap();
    let rij = |rol: &str| {
        medewerkers.lines().find(|r| r.split(',').nth(3) == Some(rol)).unwrap().split(',').next().unwrap().to_string()
    };
    let (teamleider, lpa) = (rij("teamleider"), rij("leerplichtambtenaar"));
    let voor = verslag(db);

    // The demo's youths born in the 1990s are past every period today.
    let lijst = leerspoor(db, &["archief"]);
    assert!(lijst.status.success(), "{}", tekst(&lijst));
    let uit = tekst(&lijst);
    assert!(uit.contains("persoon") && uit.contains("12.1.3"), "{uit}");
    let kenmerk = uit.split("Kenmerk ").nth(1).unwrap().split('.').next().unwrap().to_string();
    assert_eq!(kenmerk.len(), 16, "{uit}");

    let fout = leerspoor(db, &["archief", "--vernietig", &kenmerk, "--goedgekeurd-door", &lpa]);
    assert_eq!(fout.status.code(), Some(2), "{}", tekst(&fout));
    assert!(tekst(&fout).contains("geen teamleider"), "{}", tekst(&fout));
    let vooruit = leerspoor(
        db,
        &["archief", "--peildatum", "2099-01-01", "--vernietig", &kenmerk, "--goedgekeurd-door", &teamleider],
    );
    assert_eq!(vooruit.status.code(), Some(2));
    assert!(tekst(&vooruit).contains("kan niet vooruit"), "{}", tekst(&vooruit));

    let weg = leerspoor(db, &["archief", "--vernietig", &kenmerk, "--goedgekeurd-door", &teamleider]);
    assert!(weg.status.success(), "{}", tekst(&weg));
    assert!(tekst(&weg).contains("Rapportages vastgesteld"), "{}", tekst(&weg));
    assert_eq!(verslag(db), voor, "last years' counts stay");
    let heel = leerspoor(db, &["controle", "integriteit"]);
    assert!(heel.status.success(), "{}", tekst(&heel));

    let nog_eens = leerspoor(db, &["archief"]);
    assert!(tekst(&nog_eens).contains("  niets"), "{}", tekst(&nog_eens));
    let opnieuw = leerspoor(db, &["archief", "--vernietig", &kenmerk, "--goedgekeurd-door", &teamleider]);
    assert_eq!(opnieuw.status.code(), Some(2), "{}", tekst(&opnieuw));
    let lijst = tekst(&leerspoor(db, &["archief", "--lijst"]));
    assert!(lijst.contains(&format!("goedgekeurd door {teamleider}")) && lijst.contains("persoon"), "{lijst}");
    assert!(lijst.contains("Vastgestelde rapportages"), "{lijst}");
}

#[test]
fn a_sqlite_register_destroys_what_is_due_and_keeps_its_counts() {
    let map = tempfile::tempdir().unwrap();
    ronde(&format!("sqlite:{}", map.path().join("ls.sqlite").display()));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_postgresql_register_destroys_what_is_due_and_keeps_its_counts() {
    let Some(db) = leerspoor_testdb::postgres().await else { return };
    let url = db.url.clone();
    tokio::task::spawn_blocking(move || ronde(&url)).await.unwrap();
}
