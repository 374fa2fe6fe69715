//! The factsheet per gemeente (seed 001): table `factsheet_gemeente` has one column per gemeente
//! (key = code, label = name) and one row per key figure; the row keys' prefixes put the figures
//! in blocks. Shared by the HTML and the PDF.
use crate::getal::{self, Cel};
use leerspoor_report::Tabel;

/// Block titles and which row keys belong to them, in the order of the page.
const BLOKKEN: &[(&str, &[&str])] = &[
    ("Leerplichtige jongeren", &["jongeren_5_17", "ingeschreven_pct"]),
    ("Leerplicht en verzuim", &["meldingen_", "jongeren_verzuim", "niet_opnieuw_pct", "absoluut_"]),
    ("RMC / voortijdig schoolverlaten", &["vsv_", "oud_vsv_"]),
    ("Jongeren in een kwetsbare positie", &["jikp_"]),
    ("Vrijstellingen", &["vrijstelling_", "aanvragen_"]),
];
/// The block for figures whose key matches no prefix: shown, not dropped.
const OVERIG: &str = "Overige cijfers";

/// One gemeente's page.
pub struct Factsheet {
    pub code: String,
    pub naam: String,
    pub blokken: Vec<Blok>,
    /// The table's notes: what was counted, on which peildatum.
    pub noten: Vec<String>,
}

pub struct Blok {
    pub titel: &'static str,
    /// (value as shown, label).
    pub cijfers: Vec<(String, String)>,
}

/// The block of a row key: a key ending in `_` in [`BLOKKEN`] is a prefix, others match exactly.
fn blok_van(key: &str) -> &'static str {
    BLOKKEN
        .iter()
        .find(|(_, keys)| keys.iter().any(|k| if k.ends_with('_') { key.starts_with(k) } else { key == *k }))
        .map_or(OVERIG, |(titel, _)| titel)
}

/// A figure as printed on the factsheet: percentages with a % sign.
fn waarde(t: &Tabel, rij: usize, kolom: usize, drempel: Option<u32>) -> String {
    match Cel::van(t, rij, kolom, drempel) {
        Cel::Getal(v) if t.rows[rij].key.ends_with("pct") => format!("{}%", getal::los(v)),
        Cel::Getal(v) => getal::los(v),
        cel => cel.tekst(0),
    }
}

/// A factsheet per column of `t`, blocks in page order, empty blocks left out.
pub fn factsheets(t: &Tabel, drempel: Option<u32>) -> Vec<Factsheet> {
    let titels = BLOKKEN.iter().map(|(titel, _)| *titel).chain([OVERIG]);
    let indeling: Vec<(&'static str, Vec<usize>)> = titels
        .map(|titel| (titel, (0..t.rows.len()).filter(|&r| blok_van(&t.rows[r].key) == titel).collect()))
        .filter(|(_, rijen): &(_, Vec<usize>)| !rijen.is_empty())
        .collect();
    t.columns
        .iter()
        .enumerate()
        .map(|(k, kolom)| Factsheet {
            code: kolom.key.clone(),
            naam: kolom.label.clone(),
            blokken: indeling
                .iter()
                .map(|(titel, rijen)| Blok {
                    titel,
                    cijfers: rijen.iter().map(|&r| (waarde(t, r, k, drempel), t.rows[r].label.clone())).collect(),
                })
                .collect(),
            noten: t.notes.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::voorbeeld;

    #[test]
    fn rows_fall_into_blocks_by_their_key() {
        assert_eq!(blok_van("jongeren_5_17"), "Leerplichtige jongeren");
        assert_eq!(blok_van("jongeren_verzuim"), "Leerplicht en verzuim");
        assert_eq!(blok_van("absoluut_naar_school"), "Leerplicht en verzuim");
        assert_eq!(blok_van("oud_vsv_werk"), "RMC / voortijdig schoolverlaten");
        assert_eq!(blok_van("jikp_geen_inkomen"), "Jongeren in een kwetsbare positie");
        assert_eq!(blok_van("aanvragen_afgewezen"), "Vrijstellingen");
        assert_eq!(blok_van("iets_anders"), OVERIG);
    }

    #[test]
    fn one_factsheet_per_gemeente_with_dutch_figures() {
        let tabellen = voorbeeld();
        let t = tabellen.iter().find(|t| t.id == "factsheet_gemeente").unwrap();
        let f = factsheets(t, Some(5));
        assert_eq!(f.len(), t.columns.len());
        assert_eq!((f[0].code.as_str(), f[0].naam.as_str()), ("GM0193", "Zwolle"));
        assert_eq!(f[0].blokken[0].titel, "Leerplichtige jongeren");
        assert_eq!(f[0].blokken[0].cijfers[0].0, "18.437");
        assert_eq!(f[0].blokken[0].cijfers[1].0, "93,5%");
    }
}
