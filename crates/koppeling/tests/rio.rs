//! Schools from RIO in Zuidkust, against SQLite and PostgreSQL: a renamed vestiging is updated, a
//! new one added, a closed one kept with its einddatum and named; soort, address and dates taken
//! over where RIO gives them; the same file again changes nothing, and a file with a bad row
//! changes nothing at all.
#[path = "../../casework/tests/common/mod.rs"]
mod common;
use common::*;
use leerspoor_domain::model::School;
use leerspoor_domain::onderwijs::Onderwijssoort;
use leerspoor_koppeling::levering::Koppeltabel;
use leerspoor_koppeling::logboek::{Aanbod, KoppelFout};
use leerspoor_koppeling::records::Uitkomst;
use leerspoor_koppeling::rio::{self, KOPPELTABEL};
use leerspoor_store::Store;

async fn lever(s: &Store, door: &str, csv: &str) -> Result<rio::Verslag, KoppelFout> {
    let aanbod = Aanbod { bron: rio::BRON, bestand: "rio.csv", bytes: csv.as_bytes() };
    let tabel = Koppeltabel::lees("rio.toml", KOPPELTABEL).unwrap();
    rio::verwerk(s, &mw(s, door).await, aanbod, &tabel, d("2021-03-01"), false).await
}

async fn school(s: &Store, brin: &str, vestiging: &str) -> Option<School> {
    s.lees::<School>().await.unwrap().into_iter().find(|sc| sc.brin == brin && sc.vestiging == vestiging)
}

#[tokio::test]
async fn a_rio_export_updates_the_schools_and_keeps_a_closed_one() {
    for db in regio().await {
        let s = &db.store;
        let zelfde = school(s, "20CD", "00").await.unwrap();
        let zelfde_30ef = school(s, "30EF", "01").await.unwrap();
        let gemeente = zelfde.gemeente.as_ref().map_or(String::new(), |g| g.as_str().to_string());
        let csv = format!(
            "BRIN;Vestigingsnummer;Vestigingsnaam;Plaatsnaam;Gemeentecode;Einddatum\n\
             10AB;00;Het Nieuwe Lyceum;Zandvoorde;9901;\n\
             {};{};{};{};{gemeente};\n\
             30EF;01;Oude Locatie;Zandvoorde;GM9901;31-07-2020\n\
             40GH;00;Nieuwe School;Duinwijk;GM9902;\n\
             50JK;0;Door een spreadsheet ingekort;Duinwijk;9902;\n\
             60LM;60LM01;Zesteken Vestigingscode;Zandvoorde;9901;\n\
             70NP;00;School in Amsterdam;Amsterdam;GM0363;\n",
            zelfde.brin, zelfde.vestiging, zelfde.naam, zelfde.plaats
        );
        let v = lever(s, ADMIN, &csv).await.unwrap();
        assert_eq!((v.nieuw, v.gewijzigd, v.al_zo, v.overgeslagen), (3, 2, 1, 1));
        assert_eq!(v.gesloten, [("30EF/01".to_string(), d("2020-07-31"))]);
        assert_eq!(school(s, "10AB", "00").await.unwrap().naam, "Het Nieuwe Lyceum");
        assert_eq!(school(s, "40GH", "00").await.unwrap().gemeente.unwrap().as_str(), "GM9902");
        assert!(school(s, "50JK", "00").await.is_some(), "a vestiging a spreadsheet shortened to 0");
        assert!(school(s, "60LM", "01").await.is_some(), "DUO's six-character vestigingscode");
        assert!(school(s, "70NP", "00").await.is_none(), "a new school outside the region is not added");
        let gesloten = School { naam: "Oude Locatie".into(), einddatum: Some(d("2020-07-31")), ..zelfde_30ef };
        assert_eq!(school(s, "30EF", "01").await, Some(gesloten), "closed: it stays, with its einddatum");

        let weer = lever(s, ADMIN, &csv).await.unwrap();
        assert_eq!(weer.levering.uitkomst, Uitkomst::Herhaald);
        assert!(lever(s, LPA, &csv).await.is_err(), "a leerplichtambtenaar does not keep the schools");
    }
}

#[tokio::test]
async fn a_rio_file_with_a_bad_row_is_refused_whole_with_every_error() {
    for db in regio().await {
        let s = &db.store;
        let voor: Vec<School> = s.lees().await.unwrap();
        let csv = "BRIN;Vestiging;Naam;Gemeentecode\n\
                   50JK;00;Nog Een School;GM9901\n\
                   1X;00;Te Kort;GM9901\n\
                   50JK;00;Dubbel;GM9901\n\
                   60LM;00;Verkeerde Gemeente;Zandvoorde\n";
        let Err(KoppelFout::Geweigerd { fouten, .. }) = lever(s, ADMIN, csv).await else { panic!("geweigerd") };
        let rijen: Vec<Option<usize>> = fouten.iter().map(|f| f.rij).collect();
        assert_eq!(rijen, [Some(3), Some(4), Some(5)], "{fouten:?}");
        assert!(fouten[1].melding.contains("staat ook op rij 2"), "{}", fouten[1].melding);
        assert_eq!(s.lees::<School>().await.unwrap(), voor, "nothing changed");
    }
}

#[tokio::test]
async fn rio_gives_the_onderwijssoort_address_and_dates_and_an_empty_cell_erases_nothing() {
    for db in regio().await {
        let s = &db.store;
        let csv = "BRIN;Vestigingscode;Vestigingsnaam;Gemeentecode;Soort onderwijs;Straatnaam;Huisnummer;\
                   Huisnummertoevoeging;Postcode;Datum in bedrijf\n\
                   10AB;10AB00;Duinlyceum;GM9901;VO;Duinweg;12;a;9901 ab;01-08-1975\n\
                   40GH;00;Nieuwe School;GM9902;PO;Kerkplein;1;;9902CD;2021-08-01\n";
        let v = lever(s, ADMIN, csv).await.unwrap();
        assert_eq!((v.nieuw, v.gewijzigd), (1, 1));
        let duinlyceum = school(s, "10AB", "00").await.unwrap();
        assert_eq!(duinlyceum.onderwijssoort, Some(Onderwijssoort::Vo));
        assert_eq!((duinlyceum.adres.as_str(), duinlyceum.postcode.as_str()), ("Duinweg 12a", "9901AB"));
        assert_eq!((duinlyceum.begindatum, duinlyceum.einddatum), (Some(d("1975-08-01")), None));
        assert_eq!(school(s, "40GH", "00").await.unwrap().onderwijssoort, Some(Onderwijssoort::Bao), "PO");

        // A later export without addresses or soort: the name changes, nothing else is erased.
        let kaal = "BRIN;Vestiging;Naam;Gemeentecode;Einddatum\n10AB;00;Duinlyceum Zandvoorde;GM9901;31-07-2022\n";
        lever(s, ADMIN, kaal).await.unwrap();
        let later = school(s, "10AB", "00").await.unwrap();
        let verwacht =
            School { naam: "Duinlyceum Zandvoorde".into(), einddatum: Some(d("2022-07-31")), ..duinlyceum.clone() };
        assert_eq!(later, verwacht);
        let log = s.wijzigingen_van(&[("school", "10AB/00")]).await.unwrap();
        assert!(log.iter().any(|w| w.veld.as_deref() == Some("einddatum")), "the closing date is in the change log");
    }
}

#[tokio::test]
async fn an_unknown_onderwijssoort_a_bad_postcode_and_a_closing_before_opening_are_named() {
    for db in regio().await {
        let s = &db.store;
        let csv = "BRIN;Vestiging;Naam;Onderwijssoort;Postcode;Begindatum;Einddatum\n\
                   10AB;00;Duinlyceum;Hogeschool;9901AB;;\n\
                   20CD;00;De Wieken;bao;0123AB;;\n\
                   30EF;01;ROC;mbo;9901AB;01-08-2020;31-07-2020\n";
        let Err(KoppelFout::Geweigerd { fouten, .. }) = lever(s, ADMIN, csv).await else { panic!("geweigerd") };
        let waar: Vec<(Option<usize>, Option<&str>)> = fouten.iter().map(|f| (f.rij, f.kolom.as_deref())).collect();
        assert_eq!(
            waar,
            [(Some(2), Some("Onderwijssoort")), (Some(3), Some("Postcode")), (Some(4), Some("Einddatum"))]
        );
        assert!(fouten[0].melding.contains("geen onderwijssoort"), "{}", fouten[0].melding);
    }
}

#[test]
fn rio_and_duo_words_for_the_kinds_of_education_are_read() {
    assert_eq!(rio::onderwijssoort("PO"), Ok(Onderwijssoort::Bao));
    assert_eq!(rio::onderwijssoort(" vo "), Ok(Onderwijssoort::Vo));
    assert_eq!(rio::onderwijssoort("BVE"), Ok(Onderwijssoort::Mbo));
    assert_eq!(rio::onderwijssoort("Praktijkonderwijs"), Ok(Onderwijssoort::Pro));
    assert_eq!(rio::onderwijssoort("WO"), Ok(Onderwijssoort::Ho));
    assert!(rio::onderwijssoort("kinderopvang").is_err());
}
