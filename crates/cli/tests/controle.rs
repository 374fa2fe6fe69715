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

#[tokio::test(flavor = "multi_thread")]
async fn the_integrity_check_finds_overlapping_addresses_and_a_zaak_closed_without_a_date() {
    use leerspoor_domain::model::{Woonadres, Zaak, ZaakStatus};
    let (_map, db) = common::database_met_klein();
    let heel = leerspoor(&db, &["controle", "integriteit"]);
    assert!(heel.status.success(), "{}", String::from_utf8_lossy(&heel.stdout));
    assert!(String::from_utf8_lossy(&heel.stdout).contains("Geen bevindingen"));

    // Damage no Leerspoor transaction would leave: a second address over the first, a zaak closed
    // without its date.
    let store = leerspoor_store::Store::open_bestaand(&db).await.unwrap();
    let adres = store.lees::<Woonadres>().await.unwrap().remove(0);
    assert!(adres.id.as_str() > "W-DUBBEL", "a pair is named in id order");
    let zaak = store.lees::<Zaak>().await.unwrap().remove(0);
    let mut s = store.schrijver("test", "schade").await.unwrap();
    s.nieuw(&Woonadres { id: "W-DUBBEL".into(), einddatum: None, ..adres.clone() }).await.unwrap();
    s.wijzig(&zaak, &Zaak { status: ZaakStatus::Gesloten, gesloten_op: None, ..zaak.clone() }).await.unwrap();
    s.vastleggen("schade", "test").await.unwrap();
    store.sluit().await;

    let uit = tokio::task::spawn_blocking(move || leerspoor(&db, &["controle", "integriteit"])).await.unwrap();
    let tekst = String::from_utf8_lossy(&uit.stdout).into_owned();
    assert_eq!(uit.status.code(), Some(3), "{tekst}");
    assert!(
        tekst.contains(&format!("woonadressen van één jongere die elkaar overlappen (1): W-DUBBEL en {}", adres.id)),
        "{tekst}"
    );
    assert!(
        tekst.contains(&format!("zaak gesloten zonder datum, of open met een sluitdatum (1): {}", zaak.id)),
        "{tekst}"
    );
}
