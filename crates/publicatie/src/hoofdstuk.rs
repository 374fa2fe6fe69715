//! The report's chapters: which table goes under which theme, in the order of the seed reports.
//! Shared by the HTML and the PDF so both read the same.
use leerspoor_report::Tabel;

/// Theme, anchor, and its tables in order.
const HOOFDSTUKKEN: &[(&str, &str, &[&str])] = &[
    ("Jongeren", "jongeren", &["jongeren_schoolherkomst", "ingeschreven_pct"]),
    ("Vrijstellingen", "vrijstellingen", &["vrijstellingen", "vrijstellingen_gemeente", "vrijstelling_aanvragen"]),
    (
        "Verzuim",
        "verzuim",
        &[
            "verzuim_schoolherkomst",
            "verzuim_per_1000",
            "relatief_gemeente_onderwijssoort",
            "verzuim_per_school",
            "meldtermijn_per_school",
            "recidive",
        ],
    ),
    (
        "HALT en proces-verbaal",
        "halt-pv",
        &["halt_pv_soort", "halt_pv_afhandeling", "maatregelen_per_jaar", "pv_gemeente_onderwijssoort"],
    ),
    ("Thuiszitters", "thuiszitters", &["thuiszitters", "thuiszitters_verloop"]),
    (
        "VSV, RMC en JIKP",
        "vsv-rmc-jikp",
        &[
            "vsv_nieuw",
            "jikp_door_uitstroom",
            "rmc_aantal",
            "rmc_resultaat",
            "rmc_trajecten",
            "vsv_bestemming",
            "vsv_effect",
        ],
    ),
    ("Doelen", "doelen", &["doelen"]),
    ("Opgave art. 25 Leerplichtwet", "art25", &["art25_opgave"]),
];

/// The factsheets are pages of their own, not a table in a chapter.
pub const FACTSHEET: &str = "factsheet_gemeente";

pub struct Hoofdstuk<'t> {
    pub titel: &'static str,
    pub anker: &'static str,
    pub tabellen: Vec<&'t Tabel>,
}

/// The chapters that have tables; tables of an id not in the list go in "Overige tabellen", so a
/// new table is published before anyone files it under a theme.
pub fn indelen(tabellen: &[Tabel]) -> Vec<Hoofdstuk<'_>> {
    let mut uit: Vec<Hoofdstuk> = HOOFDSTUKKEN
        .iter()
        .map(|(titel, anker, ids)| Hoofdstuk {
            titel,
            anker,
            tabellen: ids.iter().flat_map(|id| tabellen.iter().filter(move |t| t.id == *id)).collect(),
        })
        .collect();
    let overig = tabellen
        .iter()
        .filter(|t| t.id != FACTSHEET && !HOOFDSTUKKEN.iter().any(|(_, _, ids)| ids.contains(&t.id)))
        .collect();
    uit.push(Hoofdstuk { titel: "Overige tabellen", anker: "overig", tabellen: overig });
    uit.retain(|h| !h.tabellen.is_empty());
    uit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::voorbeeld;

    #[test]
    fn tables_go_under_their_theme_and_unknown_ones_last() {
        let tabellen = voorbeeld();
        let h = indelen(&tabellen);
        assert_eq!(h[0].titel, "Jongeren");
        assert_eq!(h[0].tabellen[0].id, "jongeren_schoolherkomst");
        let laatste = h.last().unwrap();
        assert_eq!(laatste.titel, "Overige tabellen");
        assert!(laatste.tabellen.iter().any(|t| t.id == "iets_nieuws"));
        let alle: usize = h.iter().map(|h| h.tabellen.len()).sum();
        assert_eq!(alle, tabellen.len() - 1, "alles behalve de factsheet, precies één keer");
    }
}
