//! `leerspoor report` on the small test bundle: the JSON document for scripts, CSV per table, the
//! published formats (XLSX, HTML, PDF), and refusals in Dutch.
mod common;
use common::*;

#[test]
fn json_for_scripts_with_every_table_and_plain_numbers() {
    let (_map, db) = database_met_klein();
    let uit = leerspoor(&db, &["report", "--jaar", "2019-2020", "--format", "json"]);
    assert!(uit.status.success(), "{}", String::from_utf8_lossy(&uit.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&uit.stdout).unwrap();
    assert_eq!((doc["jaar"].as_str(), doc["scope"].as_str()), (Some("2019-2020"), Some("regio")));
    let tabellen = doc["tables"].as_array().unwrap();
    assert!(tabellen.len() >= 10, "{}", tabellen.len());
    // Noor (J3) had an RMC traject from February 2020, aangemeld that schooljaar: a new RMC-er.
    let rmc = tabellen.iter().find(|t| t["id"] == "rmc_aantal").unwrap();
    let rij = rmc["rows"].as_array().unwrap().iter().find(|r| r["key"] == "2019_2020").unwrap();
    assert_eq!(rij["values"], serde_json::json!([1, 0]), "één RMC-er, geen P-wet-gesprek");
    assert!(rmc["notes"].as_array().is_some_and(|n| !n.is_empty()));
}

#[test]
fn csv_writes_one_file_per_table_and_refusals_are_dutch() {
    let (map, db) = database_met_klein();
    let uit = map.path().join("csv");
    let o = leerspoor(
        &db,
        &[
            "report",
            "--jaar",
            "2019-2020",
            "--tabel",
            "rmc_resultaat",
            "--format",
            "csv",
            "--out",
            uit.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = std::fs::read_to_string(uit.join("rmc_resultaat.csv")).unwrap();
    assert!(csv.starts_with("key,label,gemeld_voor_verslagjaar_2018_2019,nieuw_2018_2019,totaal_2018_2019,"), "{csv}");
    // Her traject ran until 1 September 2020: on 31 July still "nog in traject".
    assert!(csv.contains("\nnog_in_traject,Nog in traject RMC,0,0,0,0,1,1\n"), "{csv}");
    assert!(csv.contains("\nscholing,Herplaatst naar scholing,0,0,0,0,0,0\n"), "{csv}");

    let o = leerspoor(&db, &["report", "--jaar", "2019-2020", "--tabel", "bestaat_niet", "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("fout: onbekende tabel 'bestaat_niet'; beschikbaar: "));
    let o = leerspoor(&db, &["report", "--jaar", "2019-2020", "--scope", "gemeente:GM0001", "--format", "json"]);
    assert_eq!(String::from_utf8_lossy(&o.stderr), "fout: gemeente GM0001 hoort niet bij de regio\n");
    let o = leerspoor(&db, &["report", "--jaar", "2019-2020", "--format", "csv"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("geef een map met --out"));
}

#[test]
fn for_publication_small_counts_are_hidden_and_cannot_be_derived_back() {
    let (_map, db) = database_met_klein();
    let o = leerspoor(
        &db,
        &["report", "--jaar", "2019-2020", "--tabel", "rmc_resultaat", "--format", "json", "--publicatie"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let t = &doc["tables"][0];
    let rij = |key: &str| t["rows"].as_array().unwrap().iter().find(|r| r["key"] == key).unwrap()["values"].clone();
    // Noor is the one RMC-er: her 1 is hidden, and so is every total that would give it away.
    assert_eq!(rij("nog_in_traject"), serde_json::json!([0, 0, 0, 0, null, null]));
    assert_eq!(rij("totaal"), serde_json::json!([0, 0, 0, 0, null, null]));
    assert!(t["notes"].as_array().unwrap().iter().any(|n| n.as_str().unwrap().starts_with("Aantallen van 1 tot 5")));
    let zonder = leerspoor(&db, &["report", "--jaar", "2019-2020", "--format", "json", "--drempel", "3"]);
    assert_eq!(zonder.status.code(), Some(2), "--drempel hoort bij --publicatie");
}

#[test]
fn national_vsv_figures_come_from_a_json_file_and_a_wrong_one_is_named() {
    let (map, db) = database_met_klein();
    let pad = map.path().join("landelijk.json");
    std::fs::write(
        &pad,
        r#"{"vo": {"deelnemers": 912240, "vsv": 3607}, "mbo": {"deelnemers": 403254, "vsv": 18512},
            "vavo": {"deelnemers": 7492, "vsv": 666}}"#,
    )
    .unwrap();
    let args = |pad: &str| {
        ["report", "--jaar", "2019-2020", "--tabel", "vsv_nieuw", "--format", "json", "--landelijk", pad]
            .map(String::from)
    };
    let o = leerspoor(&db, &args(pad.to_str().unwrap()).each_ref().map(String::as_str));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let totaal = doc["tables"][0]["rows"].as_array().unwrap().iter().find(|r| r["key"] == "totaal").unwrap().clone();
    // Seed 000 Tabel 7's national figures: 1,72 % over all sectors.
    assert_eq!(
        totaal["values"].as_array().unwrap()[3..],
        [serde_json::json!(1_322_986), serde_json::json!(22_785), serde_json::json!(1.72)]
    );

    std::fs::write(&pad, r#"{"vo": {"deelnemers": 912240, "vsv": 3607}, "mbo": {"deelnemers": 403254}}"#).unwrap();
    let o = leerspoor(&db, &args(pad.to_str().unwrap()).each_ref().map(String::as_str));
    assert_eq!(o.status.code(), Some(2));
    let fout = String::from_utf8_lossy(&o.stderr);
    assert!(fout.contains(&format!("{}: veld 'mbo.vsv' ontbreekt of is geen geheel getal", pad.display())), "{fout}");
}

#[test]
fn xlsx_and_pdf_are_files_and_need_out() {
    let (map, db) = database_met_klein();
    let xlsx = map.path().join("jaarverslag.xlsx");
    let o = leerspoor(&db, &["report", "--jaar", "2019-2020", "--format", "xlsx", "--out", xlsx.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    use calamine::Reader;
    let boek = calamine::open_workbook::<calamine::Xlsx<_>, _>(&xlsx).unwrap();
    let namen = boek.sheet_names();
    assert!(namen.iter().any(|n| n == "rmc_aantal") && namen.iter().any(|n| n == "vrijstellingen"), "{namen:?}");

    let pdf = map.path().join("jaarverslag.pdf");
    let o = leerspoor(&db, &["report", "--jaar", "2019-2020", "--format", "pdf", "--out", pdf.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    for formaat in ["xlsx", "pdf"] {
        let o = leerspoor(&db, &["report", "--jaar", "2019-2020", "--format", formaat]);
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).contains("geef een bestand met --out"), "{formaat}");
    }
}

#[test]
fn html_is_one_accessible_page_with_hidden_cells_for_publication() {
    let (_map, db) = database_met_klein();
    let o = leerspoor(
        &db,
        &["report", "--jaar", "2019-2020", "--tabel", "rmc_resultaat", "--format", "html", "--publicatie"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = String::from_utf8(o.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
    assert!(html.contains("<caption id=\"t-rmc_resultaat-titel\">Tabel 1 – "), "{html}");
    assert!(html.contains("<th scope=\"col\">"));
    // Noor's 1 is hidden: "< 5", not an empty cell.
    assert!(html.contains(">&lt; 5</abbr></td>"), "{html}");
}

#[test]
fn the_art25_opgave_is_a_workbook_with_a_sheet_per_gemeente() {
    let (map, db) = database_met_klein();
    let json = leerspoor(&db, &["report", "--jaar", "2019-2020", "--tabel", "art25_opgave", "--format", "json"]);
    assert!(json.status.success(), "{}", String::from_utf8_lossy(&json.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let opgave = &doc["tables"][0];
    let gemeenten: Vec<&str> = opgave["columns"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["key"] != "totaal")
        .map(|k| k["label"].as_str().unwrap())
        .collect();
    assert!(!gemeenten.is_empty());

    let xlsx = map.path().join("opgave.xlsx");
    let o =
        leerspoor(&db, &["report", "--jaar", "2019-2020", "--format", "art25-xlsx", "--out", xlsx.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("de art. 25-opgave geschreven naar"));
    use calamine::Reader;
    let mut boek = calamine::open_workbook::<calamine::Xlsx<_>, _>(&xlsx).unwrap();
    assert_eq!(boek.sheet_names(), gemeenten, "een blad per gemeente, geen totaal");
    let blad = boek.worksheet_range(gemeenten[0]).unwrap();
    let teksten: Vec<String> = blad.rows().filter_map(|r| r.first().map(|c| c.to_string())).collect();
    for deel in ["1. Leerplichtigen", "2. Absoluut verzuim", "3. Vrijstellingen", "5. Langdurig relatief verzuim"] {
        assert!(teksten.iter().any(|t| t == deel), "{deel} in {teksten:?}");
    }

    let o = leerspoor(&db, &["report", "--jaar", "2019-2020", "--format", "art25-xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("art25-xlsx schrijft een werkmap"));
    let o = leerspoor(
        &db,
        &[
            "report",
            "--jaar",
            "2019-2020",
            "--tabel",
            "doelen",
            "--format",
            "art25-xlsx",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("laat --tabel weg"));
}
