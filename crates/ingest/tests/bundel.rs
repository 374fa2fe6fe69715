//! The exchange bundle against real databases: SQLite always, PostgreSQL when configured.
use leerspoor_ingest::{Fout, ImportOpties, IngestFout, exporteer, importeer};
use leerspoor_store::Store;
use std::path::{Path, PathBuf};

fn klein() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bundels/klein")
}

fn opties() -> ImportOpties {
    ImportOpties { dry_run: false, gebruiker: "test".into() }
}

async fn aantallen(store: &Store) -> Vec<i64> {
    let mut n = Vec::new();
    for t in ["jongere", "woonadres", "inschrijving", "zaak", "verzuimmelding", "actie", "vrijstelling", "rmc_traject"]
    {
        n.push(store.aantal(t).await.unwrap());
    }
    n
}

/// Copies a bundle folder so a test can damage it.
fn kopie(van: &Path) -> tempfile::TempDir {
    let map = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir(van).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), map.path().join(f.file_name())).unwrap();
    }
    map
}

fn lees_map(map: &Path) -> Vec<(String, Vec<u8>)> {
    let mut bestanden: Vec<_> = std::fs::read_dir(map)
        .unwrap()
        .map(|f| {
            let f = f.unwrap();
            (f.file_name().to_string_lossy().into_owned(), std::fs::read(f.path()).unwrap())
        })
        .collect();
    bestanden.sort();
    bestanden
}

#[tokio::test]
async fn a_bundle_imports_once_and_a_second_import_changes_nothing() {
    for db in leerspoor_testdb::alle().await {
        let eerste = importeer(&db.store, &klein(), &opties()).await.unwrap();
        assert_eq!(eerste.nieuw(), 39, "{}", db.store.soort());
        assert_eq!(eerste.gewijzigd(), 0);
        let na_eerste = aantallen(&db.store).await;
        assert_eq!(na_eerste, vec![4, 5, 3, 2, 2, 3, 1, 1]);

        let tweede = importeer(&db.store, &klein(), &opties()).await.unwrap();
        assert_eq!((tweede.nieuw(), tweede.gewijzigd(), tweede.ongewijzigd()), (0, 0, 39), "{}", db.store.soort());
        assert_eq!(aantallen(&db.store).await, na_eerste);
        // The shipped code lists were the first run.
        assert_eq!(db.store.aantal("importrun").await.unwrap(), 3);
    }
}

#[tokio::test]
async fn export_then_import_then_export_gives_the_same_files() {
    for db in leerspoor_testdb::alle().await {
        importeer(&db.store, &klein(), &opties()).await.unwrap();
        let eerste = tempfile::tempdir().unwrap();
        exporteer(&db.store, eerste.path(), "test").await.unwrap();

        let tweede_db = leerspoor_testdb::sqlite().await;
        importeer(&tweede_db.store, eerste.path(), &opties()).await.unwrap();
        let tweede = tempfile::tempdir().unwrap();
        exporteer(&tweede_db.store, tweede.path(), "test").await.unwrap();
        assert_eq!(lees_map(eerste.path()), lees_map(tweede.path()), "{}", db.store.soort());
    }
}

#[tokio::test]
async fn a_note_with_tabs_line_breaks_and_backslashes_is_stored_as_written() {
    // PostgreSQL bulk-loads through COPY, whose text format gives these characters a meaning.
    let toelichting = "Gesprek op school.\nVader zegt:\t\"ziek\" \\N of \\t\r\nZie map K:\\verzuim\\2020";
    for db in leerspoor_testdb::alle().await {
        let map = kopie(&klein());
        let acties = std::fs::read_to_string(map.path().join("acties.csv")).unwrap();
        let csv_cel = format!("\"{}\"", toelichting.replace('"', "\"\""));
        let acties = acties.replacen("Luxe verzuim van vijf dagen", &csv_cel, 1);
        schrijf(map.path(), "acties.csv", acties.as_bytes());
        importeer(&db.store, map.path(), &opties()).await.unwrap();
        let acties: Vec<leerspoor_domain::model::Actie> = db.store.lees_waar("id", "A2").await.unwrap();
        assert_eq!(acties[0].toelichting, toelichting, "{}", db.store.soort());
    }
}

#[tokio::test]
async fn a_dry_run_checks_and_counts_but_writes_nothing() {
    let db = leerspoor_testdb::sqlite().await;
    let s = importeer(&db.store, &klein(), &ImportOpties { dry_run: true, gebruiker: "test".into() }).await.unwrap();
    assert_eq!(s.nieuw(), 39);
    assert!(s.to_string().starts_with("Bundel is geldig"));
    assert_eq!(aantallen(&db.store).await, vec![0; 8]);
}

#[tokio::test]
async fn a_changed_field_is_updated_and_logged_with_old_and_new_value() {
    for db in leerspoor_testdb::alle().await {
        importeer(&db.store, &klein(), &opties()).await.unwrap();
        let map = kopie(&klein());
        let pad = map.path().join("jongeren.csv");
        let tekst = std::fs::read_to_string(&pad).unwrap().replace("Lotte,van,Proefstra", "Lotte,van,Proefstra-Duin");
        std::fs::write(&pad, tekst).unwrap();

        let s = importeer(&db.store, map.path(), &opties()).await.unwrap();
        assert_eq!((s.nieuw(), s.gewijzigd()), (0, 1));
        let jongeren: Vec<leerspoor_domain::model::Jongere> = db.store.lees().await.unwrap();
        assert_eq!(jongeren.iter().find(|j| j.id == "J2").unwrap().achternaam, "Proefstra-Duin");
        assert_eq!(db.store.aantal("wijzigingslog").await.unwrap(), 1, "{}", db.store.soort());
    }
}

fn schrijf(map: &Path, bestand: &str, inhoud: &[u8]) {
    std::fs::write(map.join(bestand), inhoud).unwrap();
}

fn bevat(fouten: &[Fout], bestand: &str, rij: u64, kolom: Option<&str>, stuk: &str) {
    assert!(
        fouten.iter().any(|f| f.bestand == bestand
            && f.rij == Some(rij)
            && f.kolom.as_deref() == kolom
            && f.melding.contains(stuk)),
        "verwacht: {bestand}, rij {rij}, kolom {kolom:?}: …{stuk}…\nwel gemeld:\n{}",
        fouten.iter().map(|f| format!("  {f}")).collect::<Vec<_>>().join("\n")
    );
}

#[tokio::test]
async fn a_broken_bundle_is_refused_whole_with_every_error_listed() {
    let map = kopie(&klein());
    let p = map.path();
    // Bad BSN (row 3), impossible date (row 4), unknown sex (row 5), and a duplicate key (row 6).
    schrijf(
        p,
        "jongeren.csv",
        b"id,bsn,voornamen,tussenvoegsel,achternaam,geboortedatum,geslacht,overlijdensdatum\n\
          J1,999990007,Sem,,Proefman,2010-03-14,m,\n\
          J2,999990018,Lotte,van,Proefstra,2004-09-10,v,\n\
          J3,999990020,Noor,de,Testkamp,2002-02-30,v,\n\
          J4,999990032,Daan,,Voorbeeld,2016-02-29,jongen,\n\
          J1,999990056,Sem,,Dubbel,2010-03-14,m,\n",
    );
    // An unknown gemeente, and an address that ends before it starts.
    schrijf(
        p,
        "woonadressen.csv",
        b"id,jongere,gemeente,straat,huisnummer,postcode,woonplaats,begindatum,einddatum,vertrek\n\
          W1,J1,GM9909,Schelpenpad,3,9901 AB,Zeedorp,2010-03-14,,\n\
          W5,J4,GM9901,Schelpenpad,5,9901 AB,Zeedorp,2016-02-29,2015-01-01,\n",
    );
    // A truncated line (row 3), and bytes that are not UTF-8 (row 4, Latin-1 'e acute').
    schrijf(
        p,
        "inschrijvingen.csv",
        b"id,jongere,brin,vestiging,onderwijssoort,niveau,vso_profiel,begindatum,einddatum\n\
          I1,J1,99AA,00,bao,,,2014-08-01,2022-07-31\n\
          I2,J2,99BB,00,vo,havo\n\
          I3,J3,99CC,01,mbo,mbo2,,2018-08-01,2020-01-31\n",
    );
    let mut inschrijvingen = std::fs::read(p.join("inschrijvingen.csv")).unwrap();
    inschrijvingen.extend_from_slice(b"I4,J1,99AA,00,bao,,,2022-08-01,\xe9\n");
    schrijf(p, "inschrijvingen.csv", &inschrijvingen);

    for db in leerspoor_testdb::alle().await {
        let voor = aantallen(&db.store).await;
        let runs = db.store.aantal("importrun").await.unwrap();
        let Err(IngestFout::Ongeldig(fouten)) = importeer(&db.store, p, &opties()).await else {
            panic!("de kapotte bundel had geweigerd moeten worden");
        };
        bevat(&fouten, "jongeren.csv", 3, Some("bsn"), "elfproef");
        bevat(&fouten, "jongeren.csv", 4, Some("geboortedatum"), "'2002-02-30' is geen bestaande datum");
        bevat(&fouten, "jongeren.csv", 5, Some("geslacht"), "geslacht 'jongen' bestaat niet; toegestaan: m, v, x");
        bevat(&fouten, "inschrijvingen.csv", 3, None, "rij heeft 6 velden, de kopregel 9");
        bevat(&fouten, "inschrijvingen.csv", 5, Some("einddatum"), "geen UTF-8");
        // In the same run, the errors between records: a duplicate key, an unknown gemeente, an end
        // before the begin — but no "onbekende jongere" for J2, J3 and J4, whose own rows are refused.
        bevat(&fouten, "jongeren.csv", 6, Some("id"), "dubbele sleutel 'J1': staat ook op rij 2");
        bevat(&fouten, "woonadressen.csv", 2, Some("gemeente"), "onbekende gemeente 'GM9909'");
        bevat(&fouten, "woonadressen.csv", 3, Some("einddatum"), "ligt vóór begindatum 2016-02-29");
        assert!(!fouten.iter().any(|f| f.melding.contains("onbekende jongere")), "{fouten:?}");
        assert_eq!(aantallen(&db.store).await, voor, "er is toch iets geschreven");
        assert_eq!(db.store.aantal("importrun").await.unwrap(), runs);
    }

    // Reference and order errors in a bundle whose fields all read well.
    let map = kopie(&klein());
    let p = map.path();
    schrijf(
        p,
        "jongeren.csv",
        b"id,bsn,voornamen,tussenvoegsel,achternaam,geboortedatum,geslacht,overlijdensdatum\n\
          J1,999990007,Sem,,Proefman,2010-03-14,m,\n\
          J2,999990019,Lotte,van,Proefstra,2004-09-10,v,\n\
          J3,999990020,Noor,de,Testkamp,2002-02-28,v,\n\
          J4,999990032,Daan,,Voorbeeld,2016-02-29,m,\n\
          J1,999990056,Sem,,Dubbel,2010-03-14,m,\n",
    );
    schrijf(
        p,
        "woonadressen.csv",
        b"id,jongere,gemeente,straat,huisnummer,postcode,woonplaats,begindatum,einddatum,vertrek\n\
          W1,J1,GM9909,Schelpenpad,3,9901 AB,Zeedorp,2010-03-14,,\n\
          W5,J4,GM9901,Schelpenpad,5,9901 AB,Zeedorp,2016-02-29,2016-01-01,\n",
    );
    // An unknown code in a code list, valid elsewhere.
    let acties = std::fs::read_to_string(p.join("acties.csv")).unwrap().replace("schikking", "boete");
    schrijf(p, "acties.csv", acties.as_bytes());
    for db in leerspoor_testdb::alle().await {
        let Err(IngestFout::Ongeldig(fouten)) = importeer(&db.store, p, &opties()).await else {
            panic!("de bundel had geweigerd moeten worden");
        };
        bevat(&fouten, "jongeren.csv", 6, Some("id"), "dubbele sleutel 'J1': staat ook op rij 2");
        bevat(&fouten, "woonadressen.csv", 2, Some("gemeente"), "onbekende gemeente 'GM9909'");
        bevat(
            &fouten,
            "woonadressen.csv",
            3,
            Some("einddatum"),
            "einddatum 2016-01-01 ligt vóór begindatum 2016-02-29",
        );
        bevat(&fouten, "acties.csv", 3, Some("uitkomst"), "onbekende code 'boete' in codelijst maatregel_uitkomst");
        assert_eq!(aantallen(&db.store).await, vec![0; 8]);
    }
}

/// The import writes each table while it reads the next, before the checks are done: an error in
/// the last file it writes must still leave the database as it was.
#[tokio::test]
async fn an_error_in_the_last_file_undoes_the_tables_already_written() {
    let map = kopie(&klein());
    let p = map.path();
    let goed = std::fs::read_to_string(p.join("rmc_trajecten.csv")).unwrap();
    schrijf(p, "rmc_trajecten.csv", goed.replace(",scholing", ",vakantiebaan").as_bytes());
    for db in leerspoor_testdb::alle().await {
        let runs = db.store.aantal("importrun").await.unwrap();
        let Err(IngestFout::Ongeldig(fouten)) = importeer(&db.store, p, &opties()).await else {
            panic!("de bundel had geweigerd moeten worden ({})", db.store.soort());
        };
        assert_eq!(fouten.len(), 1, "{fouten:?}");
        bevat(&fouten, "rmc_trajecten.csv", 2, Some("resultaat"), "vakantiebaan");
        assert_eq!(aantallen(&db.store).await, vec![0; 8], "{}", db.store.soort());
        assert_eq!(db.store.aantal("gemeente").await.unwrap(), 0);
        assert_eq!(db.store.aantal("importrun").await.unwrap(), runs);
    }
    // The same bundle mended imports whole.
    schrijf(p, "rmc_trajecten.csv", goed.as_bytes());
    for db in leerspoor_testdb::alle().await {
        importeer(&db.store, p, &opties()).await.unwrap();
        assert_eq!(aantallen(&db.store).await, vec![4, 5, 3, 2, 2, 3, 1, 1]);
    }
}

#[tokio::test]
async fn a_misspelt_file_or_column_is_refused_rather_than_ignored() {
    let map = kopie(&klein());
    std::fs::rename(map.path().join("diplomas.csv"), map.path().join("diploma.csv")).unwrap();
    let v =
        std::fs::read_to_string(map.path().join("vrijstellingen.csv")).unwrap().replacen("geldig_tot", "geldig_tm", 1);
    schrijf(map.path(), "vrijstellingen.csv", v.as_bytes());
    let db = leerspoor_testdb::sqlite().await;
    let Err(IngestFout::Ongeldig(fouten)) = importeer(&db.store, map.path(), &opties()).await else {
        panic!("geweigerd verwacht")
    };
    assert!(fouten.iter().any(|f| f.bestand == "diploma.csv" && f.melding.starts_with("onbekend bestand")));
    bevat(&fouten, "vrijstellingen.csv", 1, None, "onbekende kolom 'geldig_tm'");
}

#[tokio::test]
async fn semicolon_separated_files_from_a_dutch_spreadsheet_are_read() {
    let map = kopie(&klein());
    let g = std::fs::read_to_string(map.path().join("gemeenten.csv")).unwrap().replace(',', ";");
    schrijf(map.path(), "gemeenten.csv", format!("\u{feff}{g}").as_bytes());
    let db = leerspoor_testdb::sqlite().await;
    importeer(&db.store, map.path(), &opties()).await.unwrap();
    assert_eq!(db.store.aantal("gemeente").await.unwrap(), 3);
}

#[tokio::test]
async fn both_databases_have_the_same_tables_and_columns() {
    let sqlite = leerspoor_testdb::sqlite().await;
    let Some(pg) = leerspoor_testdb::postgres().await else { return };
    assert_eq!(sqlite.store.schema().await.unwrap(), pg.store.schema().await.unwrap());
}

#[tokio::test]
async fn an_unknown_database_scheme_is_refused() {
    let fout = Store::open("mysql://localhost/leerspoor").await.unwrap_err();
    assert!(fout.to_string().starts_with("onbekend databasetype"), "{fout}");
}

#[test]
fn the_format_document_describes_every_file_and_column() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/uitwisselformaat.md")).unwrap();
    leerspoor_ingest::voor_elke_entiteit!(|R| {
        let kop = format!("### `{}`", R::BESTAND);
        let start = doc.find(&kop).unwrap_or_else(|| panic!("{} ontbreekt in docs/uitwisselformaat.md", R::BESTAND));
        let sectie = &doc[start..doc[start + 4..].find("### ").map_or(doc.len(), |e| start + 4 + e)];
        for k in R::KOLOMMEN {
            let verplicht = if k.verplicht { "V" } else { "O" };
            assert!(
                sectie
                    .lines()
                    .any(|l| l.starts_with(&format!("| `{}` |", k.naam)) && l.contains(&format!("| {verplicht} |"))),
                "{}: kolom {} ({verplicht}) niet (goed) beschreven",
                R::BESTAND,
                k.naam
            );
        }
    });
}

#[tokio::test]
async fn awkward_files_get_exact_row_numbers_and_never_a_panic() {
    let map = kopie(&klein());
    let p = map.path();
    // Windows line endings and a blank line: the broken BSN is on line 4 as an editor counts.
    schrijf(
        p,
        "jongeren.csv",
        b"id,bsn,voornamen,tussenvoegsel,achternaam,geboortedatum,geslacht,overlijdensdatum\r\n\
          J1,999990007,Sem,,Proefman,2010-03-14,m,\r\n\r\n\
          J2,999990018,Lotte,van,Proefstra,2004-09-10,v,\r\n\
          J3,999990020,Noor,de,\"Test\r\nkamp\",2002-02-28,v,\r\n\
          J4,999990032,Daan,,Voor\0beeld,2016-02-29,m,\r\n",
    );
    // A BRIN with a character of more than one byte.
    schrijf(p, "scholen.csv", "brin,vestiging,naam,plaats,gemeente\n9€,00,Basisschool,Zeedorp,GM9901\n".as_bytes());
    schrijf(p, "regio.csv", b"");
    std::fs::rename(p.join("diplomas.csv"), p.join("diplomas.CSV")).unwrap();
    let acties = std::fs::read_to_string(p.join("acties.csv"))
        .unwrap()
        .replace("A1,J1,Z1,uitnodiging,2019-10-16,MW001,,,", "A1,J1,Z1,uitnodiging,2019-10-16,MW001,,O99,");
    schrijf(p, "acties.csv", acties.as_bytes());

    let db = leerspoor_testdb::sqlite().await;
    let Err(IngestFout::Ongeldig(fouten)) = importeer(&db.store, p, &opties()).await else {
        panic!("geweigerd verwacht")
    };
    bevat(&fouten, "jongeren.csv", 4, Some("bsn"), "elfproef");
    bevat(&fouten, "jongeren.csv", 7, Some("achternaam"), "stuurteken");
    bevat(&fouten, "scholen.csv", 2, Some("brin"), "geen BRIN-nummer");
    assert!(fouten.iter().any(|f| f.bestand == "regio.csv" && f.melding.contains("leeg")), "{fouten:?}");
    assert!(fouten.iter().any(|f| f.bestand == "diplomas.CSV" && f.melding.contains("kleine letters")), "{fouten:?}");

    // With the fields repaired, the unknown parent of a non-PV action is found.
    let map = kopie(&klein());
    schrijf(map.path(), "acties.csv", acties.as_bytes());
    let Err(IngestFout::Ongeldig(fouten)) = importeer(&db.store, map.path(), &opties()).await else {
        panic!("geweigerd")
    };
    bevat(&fouten, "acties.csv", 2, Some("ouder"), "onbekende ouder 'O99'");
    bevat(&fouten, "acties.csv", 2, Some("ouder"), "alleen bij een proces-verbaal tegen een ouder");
}

#[tokio::test]
async fn a_column_left_out_keeps_what_the_database_has() {
    for db in leerspoor_testdb::alle().await {
        importeer(&db.store, &klein(), &opties()).await.unwrap();
        let map = tempfile::tempdir().unwrap();
        // Only corrections of names, without the optional columns tussenvoegsel and overlijdensdatum.
        schrijf(
            map.path(),
            "jongeren.csv",
            b"id,bsn,voornamen,achternaam,geboortedatum,geslacht\n\
              J2,999990019,Lotte,Proefstra-Duin,2004-09-10,v\n\
              J3,999990020,Noor,Testkamp,2002-02-28,v\n",
        );
        let s = importeer(&db.store, map.path(), &opties()).await.unwrap();
        assert_eq!((s.gewijzigd(), s.ongewijzigd()), (1, 1), "{}", db.store.soort());
        let jongeren: Vec<leerspoor_domain::model::Jongere> = db.store.lees().await.unwrap();
        let j2 = jongeren.iter().find(|j| j.id == "J2").unwrap();
        assert_eq!((j2.tussenvoegsel.as_str(), j2.achternaam.as_str()), ("van", "Proefstra-Duin"));
    }
}

#[tokio::test]
async fn two_youths_whose_bsns_were_swapped_can_be_corrected_in_one_import() {
    for db in leerspoor_testdb::alle().await {
        importeer(&db.store, &klein(), &opties()).await.unwrap();
        let map = kopie(&klein());
        let pad = map.path().join("jongeren.csv");
        let tekst = std::fs::read_to_string(&pad)
            .unwrap()
            .replace("J1,999990007", "J1,TIJDELIJK")
            .replace("J2,999990019", "J2,999990007")
            .replace("J1,TIJDELIJK", "J1,999990019");
        std::fs::write(&pad, tekst).unwrap();
        let s = importeer(&db.store, map.path(), &opties()).await.unwrap();
        assert_eq!(s.gewijzigd(), 2, "{}", db.store.soort());
        let jongeren: Vec<leerspoor_domain::model::Jongere> = db.store.lees().await.unwrap();
        assert_eq!(jongeren[0].bsn.to_string(), "999990019");
        assert_eq!(jongeren[1].bsn.to_string(), "999990007");
    }
}

/// The school calendar: the OCW dates Leerspoor ships import as a bundle of their own, and a
/// school's own holidays with mistakes are refused row by row, naming the column.
#[tokio::test]
async fn the_shipped_school_holidays_import_and_a_wrong_holiday_is_refused() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/schoolvakanties");
    for db in leerspoor_testdb::alle().await {
        let uit = importeer(&db.store, &data, &opties()).await.unwrap();
        assert_eq!(uit.nieuw() as i64, db.store.aantal("vakantie").await.unwrap(), "{}", db.store.soort());
        assert!(uit.nieuw() > 180);
        importeer(&db.store, &klein(), &opties()).await.unwrap();

        let map = kopie(&klein());
        let p = map.path();
        schrijf(
            p,
            "vakanties.csv",
            b"id,soort,regio,brin,vestiging,begindatum,einddatum,advies\n\
              E1,herfst,,99AA,00,2020-10-17,2020-10-25,nee\n\
              E2,vrije_dag,noord,,,2021-04-02,2021-04-02,nee\n\
              E3,kerst,noord,99AA,00,2020-12-19,2021-01-03,nee\n\
              E4,herfst,,99ZZ,00,2020-10-17,2020-10-25,nee\n\
              E5,zomer,zuid,,,2021-07-24,2021-07-04,nee\n\
              E6,herfst,,99AA,00,2020-10-17,2020-10-25,ja\n",
        );
        let Err(IngestFout::Ongeldig(fouten)) = importeer(&db.store, p, &opties()).await else {
            panic!("de bundel had geweigerd moeten worden")
        };
        let f = "vakanties.csv";
        bevat(&fouten, f, 3, Some("soort"), "een vrije dag hoort bij een school");
        bevat(&fouten, f, 4, Some("regio"), "óf een vakantieregio óf een school");
        bevat(&fouten, f, 5, Some("brin"), "onbekende school 99ZZ vestiging 00");
        bevat(&fouten, f, 6, Some("einddatum"), "eindigt (2021-07-04) vóór hij begint (2021-07-24)");
        bevat(&fouten, f, 7, Some("advies"), "alleen voor de data van OCW");
        assert!(!fouten.iter().any(|f| f.rij == Some(2)), "E1 is goed: {fouten:?}");
        schrijf(
            p,
            "vakanties.csv",
            b"id,soort,regio,brin,vestiging,begindatum,einddatum,advies\n\
              E7,carnaval,zuid,,,2021-02-13,2021-02-21,ja\n",
        );
        let Err(IngestFout::Ongeldig(fouten)) = importeer(&db.store, p, &opties()).await else {
            panic!("de bundel had geweigerd moeten worden")
        };
        bevat(&fouten, f, 2, Some("soort"), "vakantiesoort 'carnaval' bestaat niet");
        // Nothing of the refused bundle was written.
        assert_eq!(db.store.aantal("vakantie").await.unwrap(), uit.nieuw() as i64);
    }
}

/// Hoger onderwijs is an enrolment like any other (a havo graduate of 17 at a hogeschool), without
/// a VO or MBO level.
#[tokio::test]
async fn an_enrolment_in_hoger_onderwijs_is_accepted_without_a_level() {
    for db in leerspoor_testdb::alle().await {
        importeer(&db.store, &klein(), &opties()).await.unwrap();
        let map = tempfile::tempdir().unwrap();
        let p = map.path();
        schrijf(
            p,
            "inschrijvingen.csv",
            b"id,jongere,brin,vestiging,onderwijssoort,niveau,vso_profiel,begindatum,einddatum\n\
              I4,J2,99CC,01,ho,,,2021-09-01,\n",
        );
        assert_eq!(importeer(&db.store, p, &opties()).await.unwrap().nieuw(), 1, "{}", db.store.soort());
        schrijf(
            p,
            "inschrijvingen.csv",
            b"id,jongere,brin,vestiging,onderwijssoort,niveau,vso_profiel,begindatum,einddatum\n\
              I5,J2,99CC,01,ho,havo,,2021-09-01,\n",
        );
        let Err(IngestFout::Ongeldig(fouten)) = importeer(&db.store, p, &opties()).await else {
            panic!("een niveau bij hoger onderwijs had geweigerd moeten worden")
        };
        bevat(&fouten, "inschrijvingen.csv", 2, Some("niveau"), "niveau 'havo' past niet bij onderwijssoort 'ho'");
    }
}

/// The new dated facts are checked as the rules ask: twelve schooljaren end on a 31 July of a
/// youth of at least 12, and "alle lessen gemist" is ja, nee or left empty.
#[tokio::test]
async fn twelve_schooljaren_and_alle_lessen_gemist_are_refused_when_impossible() {
    for db in leerspoor_testdb::alle().await {
        importeer(&db.store, &klein(), &opties()).await.unwrap();
        let map = tempfile::tempdir().unwrap();
        let p = map.path();
        schrijf(
            p,
            "jongeren.csv",
            b"id,bsn,voornamen,tussenvoegsel,achternaam,geboortedatum,geslacht,overlijdensdatum,twaalf_schooljaren_op\n\
              J1,999990007,Sem,,Proefman,2010-03-14,m,,2020-06-30\n\
              J2,999990019,Lotte,van,Proefstra,2004-09-10,v,,2015-07-31\n",
        );
        schrijf(
            p,
            "verzuimmeldingen.csv",
            b"id,jongere,brin,vestiging,soort,meldingsdatum,verzuim_van,verzuim_tot,uren,reden,status,reden_afsluiting,zaak,preventief,alle_lessen_gemist\n\
              VM9,J1,99AA,00,wettelijk_16_uur,2020-10-12,2020-10-05,,16,,geregistreerd,,,nee,misschien\n",
        );
        let Err(IngestFout::Ongeldig(fouten)) = importeer(&db.store, p, &opties()).await else {
            panic!("de bundel had geweigerd moeten worden")
        };
        bevat(&fouten, "verzuimmeldingen.csv", 2, Some("alle_lessen_gemist"), "'misschien' is geen ja of nee");
        // Once the melding is right, the youths' facts are judged by the rule.
        schrijf(
            p,
            "verzuimmeldingen.csv",
            b"id,jongere,brin,vestiging,soort,meldingsdatum,verzuim_van,verzuim_tot,uren,reden,status,reden_afsluiting,zaak,preventief,alle_lessen_gemist\n\
              VM9,J1,99AA,00,wettelijk_16_uur,2020-10-12,2020-10-05,,16,,geregistreerd,,,nee,ja\n",
        );
        let Err(IngestFout::Ongeldig(fouten)) = importeer(&db.store, p, &opties()).await else {
            panic!("de bundel had geweigerd moeten worden")
        };
        bevat(&fouten, "jongeren.csv", 2, Some("twaalf_schooljaren_op"), "31 juli");
        bevat(&fouten, "jongeren.csv", 3, Some("twaalf_schooljaren_op"), "");
        assert_eq!(db.store.aantal("verzuimmelding").await.unwrap(), 2, "niets half geschreven");
    }
}

/// An import into a SQLite file writes through rusqlite; one into an in-memory SQLite (and every
/// service's write) through sqlx. Both must store the same values in the same form: text, ISO
/// dates, booleans as 0/1, numbers as numbers, NULL for an empty cell, and the same change log,
/// access log and import run.
#[tokio::test]
async fn an_import_into_a_sqlite_file_stores_every_value_as_sqlx_does() {
    let bestand = leerspoor_testdb::sqlite().await;
    let geheugen = Store::open("sqlite::memory:").await.unwrap();
    let gewijzigd = kopie(&klein());
    let vervang = |naam: &str, van: &str, naar: &str| {
        let pad = gewijzigd.path().join(naam);
        let tekst = std::fs::read_to_string(&pad).unwrap();
        assert!(tekst.contains(van), "{naam}: {van}");
        std::fs::write(&pad, tekst.replace(van, naar)).unwrap();
    };
    vervang("jongeren.csv", "Lotte,van,Proefstra,2004-09-10", "Lotte,,Proefstra-Duin,2004-09-09");
    vervang("medewerkers.csv", "ja,0.8,,2015-01-01,", "nee,0.6,,2015-01-01,2026-01-31");
    for store in [&bestand.store, &geheugen] {
        importeer(store, &klein(), &opties()).await.unwrap();
        let s = importeer(store, gewijzigd.path(), &opties()).await.unwrap();
        assert_eq!((s.nieuw(), s.gewijzigd()), (0, 2), "{}", store.soort());
    }
    let (rusqlite, sqlx) = (inhoud(&bestand.store).await, inhoud(&geheugen).await);
    assert!(rusqlite.iter().any(|r| r.starts_with("medewerker: 'MW001'") && r.contains("|0|0.6|")), "{rusqlite:#?}");
    assert!(rusqlite.iter().any(|r| r.starts_with("wijzigingslog:") && r.contains("'2004-09-09'")), "{rusqlite:#?}");
    assert_eq!(rusqlite, sqlx);
    // The times written read back as times.
    let wijzigingen = bestand.store.wijzigingen_van(&[("jongere", "J2")]).await.unwrap();
    assert_eq!(wijzigingen.len(), 3, "{wijzigingen:?}");
    let object = format!("import {}", gewijzigd.path().display());
    assert_eq!(bestand.store.toegang_van(&object).await.unwrap().len(), 1);
}

/// Every row of every table of a SQLite register as SQL literals (`quote`), which show a value's
/// stored type as well as its text. A time is shown by its form only (ISO 8601 in UTC): two
/// imports never run at the same instant.
async fn inhoud(store: &Store) -> Vec<String> {
    let Store::Sqlite(pool, _) = store else { panic!("alleen SQLite") };
    let tabellen: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' \
         AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut uit = Vec::new();
    for tabel in tabellen {
        let kolommen: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
            .bind(&tabel)
            .fetch_all(pool)
            .await
            .unwrap();
        let velden: Vec<String> = kolommen
            .iter()
            .map(|k| match k.as_str() {
                "tijdstip" | "gestart" => format!("typeof({k}) || substr({k}, 11, 1) || substr({k}, -6)"),
                _ => format!("quote({k})"),
            })
            .collect();
        let sql = format!("SELECT '{tabel}: ' || {} FROM {tabel} ORDER BY 1", velden.join(" || '|' || "));
        uit.extend(sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql)).fetch_all(pool).await.unwrap());
    }
    uit
}

/// sqlx takes options after `?` in a SQLite URL; the import's and the reports' own connections
/// open the file the URL names, not a file with the options in its name.
#[tokio::test]
async fn a_sqlite_url_with_options_imports_into_and_reads_from_the_file_it_names() {
    let map = tempfile::tempdir().unwrap();
    let store =
        Store::open(&format!("sqlite:{}?mode=rwc", map.path().join("register.sqlite").display())).await.unwrap();
    importeer(&store, &klein(), &opties()).await.unwrap();
    let jongeren: Vec<leerspoor_domain::model::Jongere> = store.lees().await.unwrap();
    assert_eq!(jongeren.len() as i64, store.aantal("jongere").await.unwrap());
    assert!(!jongeren.is_empty());
    let namen: Vec<String> =
        std::fs::read_dir(map.path()).unwrap().map(|f| f.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(namen.iter().all(|n| n.starts_with("register.sqlite") && !n.contains('?')), "{namen:?}");
}
