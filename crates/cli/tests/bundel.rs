//! `leerspoor import` and `export` as a user runs them.
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn klein() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ingest/tests/bundels/klein")
}

fn leerspoor(database: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leerspoor"))
        .args(args)
        .env("LEERSPOOR_DATABASE_URL", database)
        .output()
        .expect("leerspoor starten")
}

fn tekst(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn import_prints_one_summary_line_and_a_second_run_changes_nothing() {
    let map = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", map.path().join("ls.sqlite").display());
    let uit = leerspoor(&db, &["import", klein().to_str().unwrap()]);
    assert!(uit.status.success(), "{}", tekst(&uit.stderr));
    assert_eq!(tekst(&uit.stdout), "Geïmporteerd: 39 nieuw, 0 gewijzigd, 0 ongewijzigd (18 bestanden)\n");
    let uit = leerspoor(&db, &["import", klein().to_str().unwrap()]);
    assert_eq!(tekst(&uit.stdout), "Geïmporteerd: 0 nieuw, 0 gewijzigd, 39 ongewijzigd (18 bestanden)\n");

    let export = map.path().join("export");
    let uit = leerspoor(&db, &["export", export.to_str().unwrap()]);
    assert!(uit.status.success(), "{}", tekst(&uit.stderr));
    // All 21 files, the shipped code lists included.
    assert_eq!(std::fs::read_dir(&export).unwrap().count(), 21);
}

#[test]
fn a_refused_bundle_exits_with_2_and_lists_every_error_in_dutch() {
    let map = tempfile::tempdir().unwrap();
    let bundel = map.path().join("bundel");
    std::fs::create_dir(&bundel).unwrap();
    std::fs::write(
        bundel.join("jongeren.csv"),
        "id,bsn,voornamen,tussenvoegsel,achternaam,geboortedatum,geslacht,overlijdensdatum\n\
         J1,123456789,Sem,,Proefman,2010-03-14,m,\n\
         J2,999990019,Lotte,van,Proefstra,2004-09-31,v,\n",
    )
    .unwrap();
    let db = format!("sqlite:{}", map.path().join("ls.sqlite").display());
    let uit = leerspoor(&db, &["import", bundel.to_str().unwrap()]);
    assert_eq!(uit.status.code(), Some(2));
    let fout = tekst(&uit.stderr);
    assert!(fout.contains("de bundel is geweigerd: 2 fout(en); er is niets geschreven"), "{fout}");
    assert!(fout.contains("jongeren.csv, rij 2, kolom bsn: '123456789' is geen geldig BSN"), "{fout}");
    assert!(fout.contains("jongeren.csv, rij 3, kolom geboortedatum: '2004-09-31' is geen bestaande datum"), "{fout}");
}

#[test]
fn dry_run_says_what_it_would_do() {
    let map = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", map.path().join("ls.sqlite").display());
    let uit = leerspoor(&db, &["import", "--dry-run", klein().to_str().unwrap()]);
    assert_eq!(
        tekst(&uit.stdout),
        "Bundel is geldig; zou importeren: 39 nieuw, 0 gewijzigd, 0 ongewijzigd (18 bestanden)\n"
    );
    let uit = leerspoor(&db, &["import", "--dry-run", klein().to_str().unwrap()]);
    assert!(tekst(&uit.stdout).contains("39 nieuw"), "er is toch geschreven");
}

#[test]
fn an_unknown_database_scheme_is_refused_in_dutch() {
    let uit = leerspoor("mysql://localhost/ls", &["import", klein().to_str().unwrap()]);
    assert_eq!(uit.status.code(), Some(1));
    assert!(tekst(&uit.stderr).starts_with("fout: onbekend databasetype"), "{}", tekst(&uit.stderr));
}

#[test]
fn a_mistyped_command_line_is_answered_in_dutch_with_the_usage() {
    let uit = leerspoor("sqlite::memory:", &["import", "--droog"]);
    assert_eq!(uit.status.code(), Some(2));
    let fout = tekst(&uit.stderr);
    assert!(fout.starts_with("fout: onbekende optie '--droog'"), "{fout}");
    assert!(fout.contains("Gebruik: leerspoor import"), "{fout}");
}

#[test]
fn export_and_a_dry_run_never_create_a_database_at_a_mistyped_path() {
    let map = tempfile::tempdir().unwrap();
    let pad = map.path().join("tikfout.sqlite");
    let db = format!("sqlite:{}", pad.display());
    let uit = leerspoor(&db, &["export", map.path().join("uit").to_str().unwrap()]);
    assert_eq!(uit.status.code(), Some(1));
    assert!(tekst(&uit.stderr).contains("bestaat niet"), "{}", tekst(&uit.stderr));
    let uit = leerspoor(&db, &["import", "--dry-run", klein().to_str().unwrap()]);
    assert!(uit.status.success(), "{}", tekst(&uit.stderr));
    assert!(!pad.exists(), "er is toch een database aangemaakt");
}

#[test]
fn the_demo_region_is_the_same_for_the_same_seed_and_imports_without_errors() {
    let map = tempfile::tempdir().unwrap();
    let a = map.path().join("a");
    let b = map.path().join("b");
    for uit in [&a, &b] {
        let o = leerspoor(
            "sqlite::memory:",
            &["demo", "--seed", "5", "--scale", "0.01", "--export", uit.to_str().unwrap()],
        );
        assert!(o.status.success(), "{}", tekst(&o.stderr));
    }
    // The bundle's files and the example deliveries beside them (`leveringen/`).
    for map in [std::path::PathBuf::new(), "leveringen".into()] {
        for bestand in std::fs::read_dir(a.join(&map)).unwrap() {
            let naam = map.join(bestand.unwrap().file_name());
            if a.join(&naam).is_file() {
                assert_eq!(std::fs::read(a.join(&naam)).unwrap(), std::fs::read(b.join(&naam)).unwrap(), "{naam:?}");
            }
        }
    }
    assert!(a.join("leveringen/duo-verzuim-2021-03-15.csv").is_file());
    let db = format!("sqlite:{}", map.path().join("ls.sqlite").display());
    let o = leerspoor(&db, &["import", a.to_str().unwrap()]);
    assert!(o.status.success(), "{}", tekst(&o.stderr));

    let o = leerspoor(&db, &["demo", "--scale", "0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(tekst(&o.stderr).starts_with("fout: --scale"), "{}", tekst(&o.stderr));
}

#[test]
fn a_pseudonymised_export_needs_a_key_the_office_made_and_keeps() {
    let map = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", map.path().join("ls.sqlite").display());
    assert!(leerspoor(&db, &["import", klein().to_str().unwrap()]).status.success());
    let sleutel = map.path().join("bureau.sleutel");
    let (sleutel, uit) = (sleutel.to_str().unwrap(), map.path().join("onderzoek"));

    let o = leerspoor(&db, &["export", "--nieuwe-sleutel", sleutel]);
    assert!(o.status.success(), "{}", tekst(&o.stderr));
    assert!(tekst(&o.stdout).starts_with("Sleutel gemaakt: "), "{}", tekst(&o.stdout));
    let o = leerspoor(&db, &["export", "--nieuwe-sleutel", sleutel]);
    assert_eq!(o.status.code(), Some(2));
    assert!(tekst(&o.stderr).contains("bestaat al; een sleutel wordt nooit overschreven"), "{}", tekst(&o.stderr));

    let o = leerspoor(&db, &["export", "--pseudoniem", uit.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(tekst(&o.stderr).starts_with("fout: ontbreekt: --sleutel <SLEUTELBESTAND>"), "{}", tekst(&o.stderr));
    let kort = map.path().join("kort");
    std::fs::write(&kort, b"te kort").unwrap();
    let o = leerspoor(&db, &["export", "--pseudoniem", "--sleutel", kort.to_str().unwrap(), uit.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(tekst(&o.stderr).contains("is te kort: 7 bytes, er zijn er minstens 32 nodig"), "{}", tekst(&o.stderr));
    assert!(!uit.exists(), "er is toch geschreven");

    let o = leerspoor(&db, &["export", "--pseudoniem", "--sleutel", sleutel, uit.to_str().unwrap()]);
    assert!(o.status.success(), "{}", tekst(&o.stderr));
    assert!(tekst(&o.stdout).starts_with("Gepseudonimiseerd geëxporteerd: "), "{}", tekst(&o.stdout));
    let jongeren = std::fs::read_to_string(uit.join("jongeren.csv")).unwrap();
    assert!(!jongeren.contains("999990007") && !jongeren.contains("Proefman"), "{jongeren}");
    // Not a bundle to read back: no second register comes of it.
    let o = leerspoor(&db, &["import", "--dry-run", uit.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(tekst(&o.stderr).contains("jongeren.csv, rij 2, kolom geboortedatum: '20"), "{}", tekst(&o.stderr));
}
