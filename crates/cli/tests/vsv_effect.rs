//! `leerspoor koppeling vsv-effect` on the small test bundle: Noor (J3, BSN 999990020, living in
//! GM9905) is the one VSV-er of 2019-2020 (melding S1, out on 1 February 2020); her traject R1 began
//! on 17 February 2020 and closed on 1 September 2020, so on 31 July 2020 it was still running.
mod common;
use common::*;
use leerspoor_store::Store;
use leerspoor_store::toegang::Toegang;
use std::process::Output;

fn tekst(o: &Output) -> (String, String) {
    (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

fn toegangslog(db: &str) -> Vec<Toegang> {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = Store::open_bestaand(db).await.unwrap();
        let log = store.toegang_van("vsv-effect:2019-2020").await.unwrap();
        store.sluit().await;
        log
    })
}

#[test]
fn the_file_for_duo_holds_noor_by_bsn_with_her_running_traject_and_is_logged() {
    let (map, db) = database_met_klein();
    let controle = leerspoor(&db, &["koppeling", "vsv-effect", "--jaar", "2019-2020", "--controle", "--als", "MW002"]);
    let (uit, fout) = tekst(&controle);
    assert!(controle.status.success(), "{fout}");
    assert_eq!(uit, "VSV-ers van 2019-2020 zonder resultaat: 0 van de 1\n");
    assert!(toegangslog(&db).is_empty(), "the check shows ids only: no export");

    let pad = map.path().join("vsv-effect.csv");
    let args = ["koppeling", "vsv-effect", "--jaar", "2019-2020", "--uit", pad.to_str().unwrap(), "--als", "MW002"];
    let gemaakt = leerspoor(&db, &args);
    let (uit, fout) = tekst(&gemaakt);
    assert!(gemaakt.status.success(), "{fout}");
    assert!(uit.starts_with("VSV-effectrapportage 2019-2020 (1 VSV-ers) geschreven naar"), "{uit}");
    assert!(!uit.contains("999990020"), "no BSN on the screen: {uit}");
    assert_eq!(
        std::fs::read_to_string(&pad).unwrap(),
        "BSN;Schooljaar;Uitvaldatum;Gemeente;Contact;Datum eerste contact;Resultaat;Omschrijving resultaat;Datum resultaat\n\
         999990020;2019-2020;01-02-2020;GM9905;J;17-02-2020;nog_in_traject;Nog in traject;17-02-2020\n"
    );
    let log = toegangslog(&db);
    assert_eq!(log.len(), 1);
    assert_eq!((log[0].gebruiker.as_str(), log[0].handeling.as_str()), ("MW002", "export vsv-effect"));
    assert_eq!((log[0].resultaat.as_str(), log[0].reden.as_deref()), ("gelukt", Some("1 VSV-ers")));

    // A leerplichtambtenaar does not send the RMC's BSNs; a year that has not ended has no report.
    let lpa = leerspoor(&db, &["koppeling", "vsv-effect", "--jaar", "2019-2020", "--controle", "--als", "MW001"]);
    assert_eq!(lpa.status.code(), Some(2));
    assert!(tekst(&lpa).1.contains("levert de VSV-effectrapportage niet aan"), "{}", tekst(&lpa).1);
    let later = leerspoor(&db, &["koppeling", "vsv-effect", "--jaar", "2099-2100", "--controle", "--als", "MW002"]);
    assert!(tekst(&later).1.contains("het schooljaar 2099-2100 loopt tot en met 2100-07-31"), "{}", tekst(&later).1);
    // Either the file or the check.
    let x = map.path().join("x.csv");
    let beide = leerspoor(
        &db,
        &[
            "koppeling",
            "vsv-effect",
            "--jaar",
            "2019-2020",
            "--controle",
            "--uit",
            x.to_str().unwrap(),
            "--als",
            "MW002",
        ],
    );
    assert!(!beide.status.success());
    assert!(tekst(&beide).1.contains("--controle"), "{}", tekst(&beide).1);
    assert!(!x.exists());
}

#[test]
fn a_vsv_er_without_a_result_stops_the_file_unless_onvolledig() {
    // The small bundle with Noor's traject closed on 1 June 2020 without a result.
    let map = tempfile::tempdir().unwrap();
    let bundel = map.path().join("bundel");
    std::fs::create_dir(&bundel).unwrap();
    for bestand in std::fs::read_dir(klein()).unwrap() {
        let bestand = bestand.unwrap().path();
        std::fs::copy(&bestand, bundel.join(bestand.file_name().unwrap())).unwrap();
    }
    let trajecten = bundel.join("rmc_trajecten.csv");
    let oud = std::fs::read_to_string(&trajecten).unwrap();
    let nieuw = oud.replace("2020-02-17,2020-09-01,scholing", "2020-02-17,2020-06-01,zonder_resultaat");
    assert_ne!(oud, nieuw);
    std::fs::write(&trajecten, nieuw).unwrap();
    let db = format!("sqlite:{}", map.path().join("ls.sqlite").display());
    assert!(leerspoor(&db, &["import", bundel.to_str().unwrap()]).status.success());

    let controle = leerspoor(&db, &["koppeling", "vsv-effect", "--jaar", "2019-2020", "--controle", "--als", "MW002"]);
    assert_eq!(
        tekst(&controle).0,
        "VSV-ers van 2019-2020 zonder resultaat: 1 van de 1\n  S1: traject afgesloten zonder resultaat\n"
    );

    let pad = map.path().join("vsv-effect.csv");
    let args = ["koppeling", "vsv-effect", "--jaar", "2019-2020", "--uit", pad.to_str().unwrap(), "--als", "MW002"];
    let geweigerd = leerspoor(&db, &args);
    let (_, fout) = tekst(&geweigerd);
    assert_eq!(geweigerd.status.code(), Some(2), "{fout}");
    assert!(
        fout.contains("1 van de 1 VSV-ers heeft geen resultaat:\n  S1: traject afgesloten zonder resultaat"),
        "{fout}"
    );
    assert!(!fout.contains("999990020") && !fout.contains("Noor"), "ids only: {fout}");
    assert!(!pad.exists(), "nothing written");
    let log = toegangslog(&db);
    assert_eq!((log[0].resultaat.as_str(), log[0].reden.as_deref()), ("geweigerd", Some("1 VSV-ers zonder resultaat")));

    let onvolledig = leerspoor(&db, &[&args[..], &["--onvolledig"]].concat());
    assert!(onvolledig.status.success(), "{}", tekst(&onvolledig).1);
    let csv = std::fs::read_to_string(&pad).unwrap();
    assert_eq!(
        csv.lines().nth(1),
        Some(
            "999990020;2019-2020;01-02-2020;GM9905;J;17-02-2020;;Resultaat ontbreekt: traject afgesloten zonder resultaat;"
        )
    );
    let log = toegangslog(&db);
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].reden.as_deref(), Some("1 VSV-ers, onvolledig: 1 zonder resultaat"));
}
