//! `leerspoor controle` as the office runs it, on the small test bundle: Daan (J4) was born on
//! 29 February 2016, so his leerplicht begins on 1 April 2021; he has a vrijstelling (art. 5 sub a)
//! up to 31 July 2022 and is enrolled nowhere. Sem (J1, 12) leaves primary school on 31 July 2022
//! and the bundle knows no secondary school for him.
mod common;
use common::*;

fn controle(db: &str, peildatum: &str) -> String {
    let uit = leerspoor(db, &["controle", "absoluut-verzuim", "--peildatum", peildatum, "--als", "MW001"]);
    assert!(uit.status.success(), "{}", String::from_utf8_lossy(&uit.stderr));
    String::from_utf8(uit.stdout).unwrap()
}

fn regel(uitvoer: &str, begin: &str) -> u64 {
    let r =
        uitvoer.lines().find(|r| r.trim_start().starts_with(begin)).unwrap_or_else(|| panic!("{begin}:\n{uitvoer}"));
    r.split_whitespace().last().unwrap().parse().unwrap()
}

#[test]
fn the_absoluut_verzuim_run_follows_leerplicht_and_vrijstelling_and_opens_a_case_once() {
    let (_map, db) = database_met_klein();

    let maart = controle(&db, "2021-03-31");
    assert!(maart.starts_with("Controle absoluut verzuim op 2021-03-31\n"), "{maart}");
    assert_eq!(regel(&maart, "geen leer- of kwalificatieplicht"), 1, "nog niet leerplichtig");

    let oktober = controle(&db, "2021-10-01");
    assert_eq!(regel(&oktober, "lopende vrijstelling"), 1);
    assert_eq!(regel(&oktober, "absoluut verzuim"), 0);

    let volgend_jaar = controle(&db, "2022-10-01");
    assert_eq!(regel(&volgend_jaar, "nieuwe zaak geopend"), 2, "Daan's vrijstelling liep tot 31 juli; Sem");
    let opnieuw = controle(&db, "2022-10-01");
    assert_eq!((regel(&opnieuw, "nieuwe zaak geopend"), regel(&opnieuw, "zaak was al open")), (0, 2));
}

#[test]
fn an_unknown_medewerker_or_a_missing_date_is_refused_in_dutch() {
    let (_map, db) = database_met_klein();
    let uit = leerspoor(&db, &["controle", "thuiszitters", "--peildatum", "2021-10-01", "--als", "MW999"]);
    assert_eq!(uit.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&uit.stderr), "fout: medewerker 'MW999' bestaat niet\n");
    let uit = leerspoor(&db, &["controle", "thuiszitters", "--peildatum", "2021-02-29", "--als", "MW001"]);
    assert_eq!(uit.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&uit.stderr).contains("'2021-02-29' is geen bestaande datum"));
}
