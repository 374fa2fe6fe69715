//! Renderers: the JSON document for scripts and CSV files for spreadsheets. They lay out the
//! [`Tabel`] values; they never compute.
use crate::{Fout, Tabel};
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
struct Document<'a> {
    jaar: String,
    scope: String,
    tables: &'a [Tabel],
}

/// `{"jaar":"2020-2021","scope":"regio","tables":[…]}`.
pub fn json(jaar: &str, scope: &str, tabellen: &[Tabel]) -> String {
    let doc = Document { jaar: jaar.to_string(), scope: scope.to_string(), tables: tabellen };
    serde_json::to_string_pretty(&doc).expect("een tabel is altijd als JSON te schrijven")
}

/// One CSV file per table in `map` (`{id}.csv`), each as [`csv_tabel`] writes it.
pub fn csv(map: &Path, tabellen: &[Tabel]) -> Result<(), Fout> {
    let fout = |e: &dyn std::fmt::Display| Fout::Schrijven(format!("{}: {e}", map.display()));
    std::fs::create_dir_all(map).map_err(|e| fout(&e))?;
    for t in tabellen {
        std::fs::write(map.join(format!("{}.csv", t.id)), csv_tabel(t)).map_err(|e| fout(&e))?;
    }
    Ok(())
}

/// One table as CSV: a header of keys, then `key,label,values…` with plain numbers and empty
/// cells for empty values. A label a spreadsheet would run as a formula is written as text
/// (`leerspoor_domain::spreadsheet`).
pub fn csv_tabel(t: &Tabel) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let kop: Vec<&str> = ["key", "label"].into_iter().chain(t.columns.iter().map(|c| c.key.as_str())).collect();
    let mut rijen = vec![kop.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    for r in &t.rows {
        let cellen = r
            .values
            .iter()
            .map(|v| v.0.map(|g| if g.fract() == 0.0 { format!("{g:.0}") } else { g.to_string() }).unwrap_or_default());
        let tekst = |t: &str| leerspoor_domain::spreadsheet::als_cel(t).into_owned();
        rijen.push([tekst(&r.key), tekst(&r.label)].into_iter().chain(cellen).collect());
    }
    for rij in rijen {
        w.write_record(&rij).expect("CSV in het geheugen schrijven");
    }
    w.into_inner().expect("CSV in het geheugen schrijven")
}
