//! Lays out a report saved by `leerspoor report --format json` as PDF, HTML and XLSX, and prints
//! how long each took: for looking at the layout and timing it without the database.
//!
//! `cargo run --release -p leerspoor-publicatie --example uit_json -- rapport.json UITMAP`
use leerspoor_publicatie::Publicatie;
use leerspoor_report::{Kolom, Rij, Tabel, Waarde};
use serde_json::Value;
use std::time::Instant;

fn tabel(v: &Value) -> Tabel {
    let tekst = |v: &Value| v.as_str().unwrap_or_default().to_string();
    // Table ids are `&'static str` (the catalogue's); a handful leaked here is fine.
    let id: &'static str = Box::leak(tekst(&v["id"]).into_boxed_str());
    let mut t = Tabel::nieuw(id, tekst(&v["title"]), &[]);
    t.columns = v["columns"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| Kolom { key: tekst(&c["key"]), label: tekst(&c["label"]) })
        .collect();
    t.rows = v["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| Rij {
            key: tekst(&r["key"]),
            label: tekst(&r["label"]),
            values: r["values"].as_array().into_iter().flatten().map(|w| Waarde(w.as_f64())).collect(),
        })
        .collect();
    t.notes = v["notes"].as_array().into_iter().flatten().map(tekst).collect();
    t
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(json), Some(uit)) = (args.next(), args.next()) else {
        eprintln!("gebruik: uit_json RAPPORT.json UITMAP");
        std::process::exit(2);
    };
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&json).expect("json lezen")).expect("json");
    let tabellen: Vec<Tabel> = doc["tables"].as_array().expect("tables").iter().map(tabel).collect();
    let publicatie = Publicatie {
        jaar: doc["jaar"].as_str().unwrap_or_default().to_string(),
        gebied: doc["scope"].as_str().unwrap_or_default().to_string(),
        datum: chrono::Local::now().date_naive(),
        drempel: None,
    };
    let uit = std::path::Path::new(&uit);
    std::fs::create_dir_all(uit).expect("uitmap");
    for ronde in ["koud", "warm"] {
        let t = Instant::now();
        let pdf = leerspoor_publicatie::pdf(&publicatie, &tabellen).expect("pdf");
        let pdf_tijd = t.elapsed();
        let t = Instant::now();
        let html = leerspoor_publicatie::html(&publicatie, &tabellen);
        let html_tijd = t.elapsed();
        let t = Instant::now();
        let xlsx = leerspoor_publicatie::xlsx(&publicatie, &tabellen).expect("xlsx");
        let xlsx_tijd = t.elapsed();
        println!("{ronde}: pdf {pdf_tijd:.0?}, html {html_tijd:.0?}, xlsx {xlsx_tijd:.0?}");
        std::fs::write(uit.join("jaarverslag.pdf"), pdf).expect("schrijven");
        std::fs::write(uit.join("jaarverslag.html"), html).expect("schrijven");
        std::fs::write(uit.join("jaarverslag.xlsx"), xlsx).expect("schrijven");
    }
}
