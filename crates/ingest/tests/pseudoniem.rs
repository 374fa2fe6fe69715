//! The pseudonymised export (`docs/pseudonimisering.md`): a register full of names, BSNs, addresses
//! and notes goes out with none of them, and the files still join.
use leerspoor_ingest::pseudoniem::{SleutelFout, maak_sleutel};
use leerspoor_ingest::{ImportOpties, IngestFout, exporteer_gepseudonimiseerd, importeer};
use leerspoor_store::Store;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Quirijntje and her brother Bartholomeus, their mother Hyacintha and their father Ebenezer; an
/// old system that numbered a youth by her name and a zaak by the BSN.
const BUNDEL: &[(&str, &str)] = &[
    (
        "jongeren.csv",
        "id,bsn,voornamen,tussenvoegsel,achternaam,geboortedatum,geslacht,overlijdensdatum\n\
         Quirijntje-2009,908301662,Quirijntje Xaveria,van der,Zwaluwstaart,2009-06-17,v,\n\
         J2,131860914,Bartholomeus,,Kwakernaak,2011-11-23,m,2024-04-19\n",
    ),
    (
        "woonadressen.csv",
        "id,jongere,gemeente,straat,huisnummer,postcode,woonplaats,begindatum,einddatum,vertrek\n\
         W1,Quirijntje-2009,GM9901,Kwikstaartsteeg,17-II,2613 XK,Kwelderhoek,2009-06-17,2018-02-14,\n\
         W2,Quirijntje-2009,GM9902,Wulpenhof,3,9902ZQ,Slikkerwaard,2018-02-15,,\n\
         W3,J2,GM9901,Kwikstaartsteeg,17-II,2613 XK,Kwelderhoek,2011-11-23,,\n",
    ),
    (
        "ouders.csv",
        "id,bsn,voornamen,tussenvoegsel,achternaam,telefoon,email\n\
         O1,390996038,Hyacintha,,Zwaluwstaart,06-48213977,hyacintha.zwaluwstaart@proef.example\n\
         O2,,Ebenezer,,Kwakernaak,+31 20 7654321,\n",
    ),
    (
        "gezinsrelaties.csv",
        "jongere,ouder,relatie,gezag\nQuirijntje-2009,O1,moeder,ja\nJ2,O1,moeder,ja\nJ2,O2,vader,ja\n",
    ),
    (
        "medewerkers.csv",
        "id,naam,email,rol,boa,fte,gemeente,in_dienst,uit_dienst\n\
         MW001,Aleidis Roerdomp,a.roerdomp@bureau.example,leerplichtambtenaar,ja,0.8,,2015-01-01,\n",
    ),
    (
        "inschrijvingen.csv",
        "id,jongere,brin,vestiging,onderwijssoort,niveau,vso_profiel,begindatum,einddatum\n\
         I1,Quirijntje-2009,99AA,00,bao,,,2013-08-01,2021-07-31\n\
         I2,Quirijntje-2009,99BB,00,vo,havo,,2021-08-01,\n\
         I3,J2,99AA,00,bao,,,2015-08-01,\n",
    ),
    (
        "zaken.csv",
        "id,jongere,soort,medewerker,geopend_op,status,gesloten_op,reden_sluiting\n\
         Z-908301662,Quirijntje-2009,relatief_verzuim,MW001,2022-10-15,gesloten,2023-03-01,proces_verbaal\n",
    ),
    (
        "verzuimmeldingen.csv",
        "id,jongere,brin,vestiging,soort,meldingsdatum,verzuim_van,verzuim_tot,uren,reden,status,reden_afsluiting,zaak,preventief\n\
         VM1,Quirijntje-2009,99BB,00,luxe,2022-10-14,2022-10-07,2022-10-11,25,Quirijntje zegt dat oma Zwaluwstaart ziek was,afgesloten,terug_naar_school,Z-908301662,nee\n",
    ),
    (
        "acties.csv",
        "id,jongere,zaak,soort,datum,medewerker,pv_tegen,ouder,overmacht,uitkomst,uitkomst_datum,toelichting\n\
         A1,Quirijntje-2009,Z-908301662,gesprek,2022-10-20,MW001,,,Begrafenis van opa Kwakernaak,,,Gesprek met Hyacintha op Kwikstaartsteeg 17-II\n\
         A2,Quirijntje-2009,Z-908301662,proces_verbaal,2022-11-04,MW001,ouder,O1,,schikking,2023-02-20,\"Bel 0648213977, zegt Aleidis Roerdomp\"\n",
    ),
    (
        "vrijstellingen.csv",
        "id,jongere,artikel,status,aanvraagdatum,besluitdatum,geldig_van,geldig_tot,beslisser,medewerker,artsverklaring_datum,swv_advies_datum,dagen,toelichting\n\
         V1,J2,art5_sub_a,toegekend,2021-02-01,2021-03-15,2021-04-01,2022-07-31,leerplichtambtenaar,MW001,2021-02-20,2021-03-01,,Verklaring over Bartholomeus Kwakernaak (geb. 23-11-2011)\n",
    ),
    (
        "dagbestedingen.csv",
        "id,jongere,datum,soort,medewerker,toelichting\n\
         DB1,Quirijntje-2009,2023-05-01,werk,MW001,Werkt bij bakkerij Zwaluwstaart in Kwelderhoek\n",
    ),
];

/// Every direct identifier in [`BUNDEL`], as someone would search for it. (A tussenvoegsel alone
/// names no one, and `van` is an ordinary word.)
const IDENTIFICATIES: &[&str] = &[
    "908301662",
    "131860914",
    "390996038",
    "Quirijntje",
    "Xaveria",
    "Zwaluwstaart",
    "Bartholomeus",
    "Kwakernaak",
    "Hyacintha",
    "Ebenezer",
    "Aleidis",
    "Roerdomp",
    "Kwikstaartsteeg",
    "Wulpenhof",
    "Kwelderhoek",
    "Slikkerwaard",
    "17-II",
    "2613 XK",
    "2613XK",
    "9902ZQ",
    "9902 ZQ",
    "06-48213977",
    "0648213977",
    "+31 20 7654321",
    "7654321",
    "hyacintha.zwaluwstaart@proef.example",
    "proef.example",
    "a.roerdomp@bureau.example",
    "bureau.example",
    "2009-06-17",
    "17-06-2009",
    "2011-11-23",
    "23-11-2011",
    "2024-04-19",
    "19-04-2024",
];

/// The reference data of the small test bundle, and the register above.
fn bundel() -> tempfile::TempDir {
    let map = tempfile::tempdir().unwrap();
    let klein = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bundels/klein");
    for bestand in ["regio.csv", "subregios.csv", "gemeenten.csv", "scholen.csv"] {
        std::fs::copy(klein.join(bestand), map.path().join(bestand)).unwrap();
    }
    for (bestand, inhoud) in BUNDEL {
        std::fs::write(map.path().join(bestand), inhoud).unwrap();
    }
    map
}

async fn register(store: &Store) {
    let opties = ImportOpties { dry_run: false, gebruiker: "test".into() };
    importeer(store, bundel().path(), &opties).await.unwrap();
}

fn sleutel(map: &Path, naam: &str) -> PathBuf {
    let pad = map.join(naam);
    maak_sleutel(&pad).unwrap();
    pad
}

fn lees_map(map: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(map)
        .unwrap()
        .map(|f| {
            let f = f.unwrap();
            (f.file_name().to_string_lossy().into_owned(), std::fs::read(f.path()).unwrap())
        })
        .collect()
}

/// A file as rows of column → value.
fn rijen(map: &Path, bestand: &str) -> Vec<BTreeMap<String, String>> {
    let mut lezer = csv::Reader::from_path(map.join(bestand)).unwrap();
    let kop = lezer.headers().unwrap().clone();
    lezer.records().map(|r| kop.iter().zip(r.unwrap().iter()).map(|(k, w)| (k.into(), w.into())).collect()).collect()
}

fn kolom(map: &Path, bestand: &str, naam: &str) -> BTreeSet<String> {
    rijen(map, bestand).into_iter().map(|r| r[naam].clone()).filter(|w| !w.is_empty()).collect()
}

#[tokio::test]
async fn no_file_of_the_pseudonymised_export_holds_a_direct_identifier() {
    for db in leerspoor_testdb::alle().await {
        register(&db.store).await;
        let werk = tempfile::tempdir().unwrap();
        let uit = werk.path().join("onderzoek");
        let n = exporteer_gepseudonimiseerd(&db.store, &uit, &sleutel(werk.path(), "bureau.sleutel"), "test")
            .await
            .unwrap();
        assert!(n > 0);

        for (bestand, inhoud) in lees_map(&uit) {
            let tekst = String::from_utf8(inhoud).unwrap().to_lowercase();
            for id in IDENTIFICATIES {
                assert!(!tekst.contains(&id.to_lowercase()), "{bestand} bevat '{id}' ({})", db.store.soort());
            }
        }
        // What stays, coarsened: the month of birth and of death, the postcode's digits.
        let jongeren = rijen(&uit, "jongeren.csv");
        let maanden: BTreeSet<_> = jongeren.iter().map(|j| j["geboortedatum"].as_str()).collect();
        assert_eq!(maanden, BTreeSet::from(["2009-06", "2011-11"]));
        assert_eq!(kolom(&uit, "jongeren.csv", "overlijdensdatum"), BTreeSet::from(["2024-04".to_string()]));
        assert_eq!(kolom(&uit, "woonadressen.csv", "postcode"), BTreeSet::from(["2613".into(), "9902".into()]));
        assert_eq!(kolom(&uit, "medewerkers.csv", "id"), BTreeSet::from(["MW001".to_string()]));
        assert_eq!(kolom(&uit, "acties.csv", "uitkomst"), BTreeSet::from(["schikking".to_string()]));
        let ids = kolom(&uit, "jongeren.csv", "id");
        assert!(ids.iter().all(|id| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())), "{ids:?}");
    }
}

#[tokio::test]
async fn the_pseudonymised_files_still_join() {
    let db = leerspoor_testdb::sqlite().await;
    register(&db.store).await;
    let werk = tempfile::tempdir().unwrap();
    let uit = werk.path().join("onderzoek");
    exporteer_gepseudonimiseerd(&db.store, &uit, &sleutel(werk.path(), "k"), "test").await.unwrap();

    let quirijntje = rijen(&uit, "jongeren.csv").into_iter().find(|j| j["geboortedatum"] == "2009-06").unwrap();
    let haar_inschrijvingen =
        rijen(&uit, "inschrijvingen.csv").into_iter().filter(|i| i["jongere"] == quirijntje["id"]);
    assert_eq!(haar_inschrijvingen.count(), 2);

    // Every reference names a record of its file, as in the register.
    let verwijzingen = [
        (
            "jongeren.csv",
            "id",
            &[
                "woonadressen.csv",
                "gezinsrelaties.csv",
                "inschrijvingen.csv",
                "zaken.csv",
                "verzuimmeldingen.csv",
                "acties.csv",
                "vrijstellingen.csv",
                "dagbestedingen.csv",
            ][..],
            "jongere",
        ),
        ("ouders.csv", "id", &["gezinsrelaties.csv", "acties.csv"][..], "ouder"),
        ("zaken.csv", "id", &["verzuimmeldingen.csv", "acties.csv"][..], "zaak"),
    ];
    for (bestand, sleutel, verwijzers, kolomnaam) in verwijzingen {
        let bestaand = kolom(&uit, bestand, sleutel);
        for verwijzer in verwijzers {
            let genoemd = kolom(&uit, verwijzer, kolomnaam);
            assert!(!genoemd.is_empty() && genoemd.is_subset(&bestaand), "{verwijzer}.{kolomnaam} → {bestand}");
        }
    }
    // A parent without a BSN stays without one: no pseudonym of nothing.
    assert_eq!(kolom(&uit, "ouders.csv", "bsn").len(), 1);
}

#[tokio::test]
async fn the_same_key_gives_the_same_files_and_another_key_unrelated_pseudonyms() {
    let db = leerspoor_testdb::sqlite().await;
    register(&db.store).await;
    let werk = tempfile::tempdir().unwrap();
    let (bureau, ander) = (sleutel(werk.path(), "bureau"), sleutel(werk.path(), "ander"));
    let mut exports = Vec::new();
    for (naam, sleutel) in [("een", &bureau), ("twee", &bureau), ("met-de-andere", &ander)] {
        let uit = werk.path().join(naam);
        exporteer_gepseudonimiseerd(&db.store, &uit, sleutel, "test").await.unwrap();
        exports.push(uit);
    }
    assert_eq!(lees_map(&exports[0]), lees_map(&exports[1]));
    for (bestand, kolomnaam) in
        [("jongeren.csv", "id"), ("jongeren.csv", "bsn"), ("ouders.csv", "bsn"), ("zaken.csv", "id")]
    {
        let (een, ander) = (kolom(&exports[0], bestand, kolomnaam), kolom(&exports[2], bestand, kolomnaam));
        assert!(een.is_disjoint(&ander), "{bestand}.{kolomnaam}: {een:?} {ander:?}");
    }
    // The export is in the access log as its own action, and the key is not.
    let log = db.store.toegang_van(&exports[0].display().to_string()).await.unwrap();
    assert_eq!(log.iter().map(|t| t.handeling.as_str()).collect::<Vec<_>>(), ["export (gepseudonimiseerd)"]);
    assert!(log.iter().all(|t| !format!("{t:?}").contains("bureau")));
}

#[tokio::test]
async fn a_missing_short_or_enclosed_key_is_refused_in_dutch_and_nothing_is_written() {
    let db = leerspoor_testdb::sqlite().await;
    register(&db.store).await;
    let werk = tempfile::tempdir().unwrap();
    let uit = werk.path().join("onderzoek");
    let kort = werk.path().join("kort");
    std::fs::write(&kort, [7u8; 31]).unwrap();

    let fout = exporteer_gepseudonimiseerd(&db.store, &uit, &werk.path().join("weg"), "test").await.unwrap_err();
    assert!(matches!(fout, IngestFout::Sleutel(SleutelFout::Ontbreekt(_))), "{fout}");
    assert!(fout.to_string().contains("bestaat niet; maak er een met: leerspoor export --nieuwe-sleutel"), "{fout}");
    let fout = exporteer_gepseudonimiseerd(&db.store, &uit, &kort, "test").await.unwrap_err();
    assert!(fout.to_string().ends_with("is te kort: 31 bytes, er zijn er minstens 32 nodig"), "{fout}");
    assert!(!uit.exists(), "er is toch geschreven");

    // A key inside the folder that goes out would go out with it.
    std::fs::create_dir(&uit).unwrap();
    let binnen = sleutel(&uit, "sleutel");
    let fout = exporteer_gepseudonimiseerd(&db.store, &uit, &binnen, "test").await.unwrap_err();
    assert!(fout.to_string().contains("staat in de exportmap"), "{fout}");
    assert_eq!(std::fs::read_dir(&uit).unwrap().count(), 1, "er is toch geschreven");
    assert!(db.store.toegang_van(&uit.display().to_string()).await.unwrap().is_empty());
}

#[test]
fn a_new_key_is_32_random_bytes_for_the_owner_only_and_never_overwritten() {
    let werk = tempfile::tempdir().unwrap();
    let (a, b) = (sleutel(werk.path(), "a"), sleutel(werk.path(), "b"));
    let inhoud = std::fs::read(&a).unwrap();
    assert_eq!(inhoud.len(), 32);
    assert_ne!(inhoud, std::fs::read(&b).unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&a).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let fout = maak_sleutel(&a).unwrap_err();
    assert!(fout.to_string().contains("bestaat al; een sleutel wordt nooit overschreven"), "{fout}");
    assert_eq!(std::fs::read(&a).unwrap(), inhoud);
}
