//! The jaarverslag for publication: lays out the [`Tabel`] values of one verslagjaar and scope as
//! XLSX, HTML and PDF, with charts. It never computes a figure (renderers only lay
//! out); the tables arrive computed and, for publication, with small counts already hidden
//! ([`leerspoor_report::Tabel::publiceer`]).
//!
//! - [`xlsx`]: one sheet per table, numbers as numbers.
//! - [`html`]: a standalone, accessible document; [`html_tabel`] and [`grafiek`] for embedding.
//! - [`pdf`]: the jaarverslag typeset in-process by typst, with a factsheet per gemeente.
//! - [`art25_xlsx`]: the art. 25 opgave in the layout of the form, a sheet per gemeente.
//! - [`brief`]: the letters of the dossier, as PDF/A.
mod art25;
pub mod brief;
mod factsheet;
pub mod getal;
mod grafiek;
mod hoofdstuk;
mod html;
mod pdf;
mod xlsx;

pub use art25::art25_xlsx;
pub use grafiek::{Grafiek, grafiek};
pub use html::{STIJL, html, html_tabel};
pub use pdf::{Sectie, overzicht, pdf};
pub use xlsx::xlsx;

pub use leerspoor_domain::datum::datum_tekst;

/// What the published document is about, beside its tables.
#[derive(Debug, Clone)]
pub struct Publicatie {
    /// The verslagjaar, `2020-2021`.
    pub jaar: String,
    /// The area by name for the title page: `Regio IJsselland`, `Gemeente Zwolle`.
    pub gebied: String,
    /// The date printed on the title page.
    pub datum: chrono::NaiveDate,
    /// The threshold the tables were published with: their hidden cells show as "< drempel".
    /// `None` for tables not prepared for publication (they have no hidden cells).
    pub drempel: Option<u32>,
}

impl Publicatie {
    pub fn titel(&self) -> String {
        format!("Jaarverslag leerplicht en RMC {}", self.jaar)
    }

    /// `23 november 2026`.
    pub fn datum_tekst(&self) -> String {
        datum_tekst(self.datum)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Fout {
    #[error("XLSX maken mislukt: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// Typst's diagnostics: a fault in the generated markup, so a bug here rather than in the data.
    #[error("PDF zetten mislukt: {}", .0.join("; "))]
    Pdf(Vec<String>),
}

/// Total and subtotal rows are set in bold in every published format.
fn is_totaal(rij_key: &str) -> bool {
    rij_key.starts_with("totaal") || rij_key.starts_with("subtotaal")
}

#[cfg(test)]
mod tests {
    //! A synthetic report: every theme, the tables still being built elsewhere
    //! (`jongeren_schoolherkomst`, `vsv_nieuw`, `factsheet_gemeente`, …), an unknown id, labels
    //! full of markup characters, a wide and a long table.
    use super::Publicatie;
    use leerspoor_report::{Tabel, Waarde};

    pub fn publicatie(drempel: Option<u32>) -> Publicatie {
        Publicatie {
            jaar: "2020-2021".into(),
            gebied: "Regio IJsselland".into(),
            datum: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            drempel,
        }
    }

    /// A label with every character that means something in typst, HTML or CSV.
    pub const LASTIG: &str = r#"Art. 5 #a *b* _c_ <d> $e$ @f [g] \h "i" & 'j' ~k `l` // m = n"#;

    fn rij(t: &mut Tabel, key: &str, label: &str, waarden: &[f64]) {
        t.rij(key, label, waarden.iter().map(|v| Waarde::getal(*v)).collect());
    }

    const GEMEENTEN: [(&str, &str); 4] =
        [("GM0193", "Zwolle"), ("GM0166", "Kampen"), ("GM0148", "Dalfsen"), ("GM0175", "Ommen")];

    pub fn voorbeeld() -> Vec<Tabel> {
        let mut uit = Vec::new();

        let soorten = [
            ("wpo", "WPO"),
            ("wec", "WEC"),
            ("wvo", "WVO"),
            ("web", "WEB"),
            ("onbekend", "Onbekend"),
            ("geen_inschrijving", "Geen inschrijving"),
            ("totaal", "Totaal"),
        ];
        let mut t = Tabel::nieuw("jongeren_schoolherkomst", "Jongeren naar schoolherkomst op 1 oktober 2020", &soorten);
        rij(&mut t, "jongens_5_18", "Jongens 5-18", &[18437.0, 3.0, 9000.0, 2000.0, 12.0, 40.0, 29492.0]);
        rij(&mut t, "meisjes_5_18", "Meisjes 5-18", &[17000.0, 2.0, 8800.0, 2100.0, 10.0, 35.0, 27947.0]);
        rij(&mut t, "subtotaal_5_18", "Subtotaal 5-18", &[35437.0, 5.0, 17800.0, 4100.0, 22.0, 75.0, 57439.0]);
        rij(&mut t, "totaal", "Totaal", &[35437.0, 5.0, 17800.0, 4100.0, 22.0, 75.0, 57439.0]);
        t.noot("Peildatum 1 oktober 2020.");
        uit.push(t);

        let mut t = Tabel::nieuw(
            "ingeschreven_pct",
            "Jongeren van 5 tot en met 17 jaar en het deel dat op een school staat ingeschreven",
            &[("aantal", "Jongeren 5 t/m 17"), ("ingeschreven", "Ingeschreven"), ("pct", "% ingeschreven")],
        );
        for (i, (code, naam)) in GEMEENTEN.iter().enumerate() {
            rij(&mut t, code, naam, &[2009.0 + i as f64, 1878.0, 93.5 - i as f64]);
        }
        rij(&mut t, "totaal", "Totaal", &[8042.0, 7512.0, 92.0]);
        t.noot("Jongeren die op 1 oktober 2020 in de gemeente woonden.");
        uit.push(t);

        let mut t = Tabel::nieuw(
            "verzuim_per_1000",
            "Absoluut en relatief verzuimers per 1000 jongeren van 5 tot en met 17 jaar",
            &[
                ("pop_5_17", "Jongeren 5-17"),
                ("relatief", "Relatief verzuimers"),
                ("relatief_per_1000", "Relatief per 1000"),
                ("regio_gemiddelde", "Regio: relatief per 1000"),
            ],
        );
        for (i, (code, naam)) in GEMEENTEN.iter().enumerate() {
            rij(&mut t, code, naam, &[2000.0, 20.0, [12.4, 5.0, 7.5, 3.3][i], 8.1]);
        }
        rij(&mut t, "regio", "Regio", &[8000.0, 65.0, 8.1, 8.1]);
        uit.push(t);

        let mut t = Tabel::nieuw(
            "maatregelen_per_jaar",
            "Maatregelen ingezet per schooljaar",
            &[("preventief_gesprek", "Preventief gesprek"), ("halt", "HALT"), ("pv", "Proces-verbaal")],
        );
        for (i, jaar) in ["2018-2019", "2019-2020", "2020-2021"].iter().enumerate() {
            rij(&mut t, &jaar.replace('-', "_"), jaar, &[1100.0 + 52.0 * i as f64, 80.0 - i as f64, 40.0]);
        }
        uit.push(t);

        let mut t = Tabel::nieuw("rmc_aantal", "Aantal RMC-ers", &[("aantal", "Aantal RMC-ers")]);
        for (i, jaar) in ["2018-2019", "2019-2020", "2020-2021"].iter().enumerate() {
            rij(&mut t, &jaar.replace('-', "_"), jaar, &[600.0 + 30.0 * i as f64]);
        }
        uit.push(t);

        let mut t = Tabel::nieuw(
            "recidive",
            "Herhaald verzuim na een afgesloten zaak",
            &[("jongeren", "Jongeren"), ("recidive", "Opnieuw gemeld"), ("pct", "% opnieuw gemeld")],
        );
        rij(&mut t, "2019_2020", "2019-2020", &[400.0, 100.0, 25.0]);
        rij(&mut t, "2020_2021", "2020-2021", &[380.0, 80.0, 21.1]);
        uit.push(t);

        let mut t = Tabel::nieuw(
            "vsv_nieuw",
            "Nieuwe voortijdig schoolverlaters",
            &[
                ("deelnemers", "Deelnemers"),
                ("vsv", "VSV-ers"),
                ("pct", "VSV% regio"),
                ("landelijk_pct", "VSV% landelijk"),
            ],
        );
        rij(&mut t, "vo", "VO", &[20543.0, 80.0, 0.39, 0.5]);
        rij(&mut t, "mbo", "MBO", &[15000.0, 600.0, 4.0, 4.8]);
        rij(&mut t, "totaal", "Totaal", &[35543.0, 680.0, 1.91, 2.2]);
        uit.push(t);

        let mut t = Tabel::nieuw(
            "relatief_gemeente_onderwijssoort",
            "Relatief verzuimers per gemeente en onderwijssoort",
            &[
                ("bo_sbo", "BO/SBO"),
                ("vo", "VO"),
                ("vso_so", "VSO/SO"),
                ("beroepsonderwijs", "MBO"),
                ("onbekend", "Onbekend"),
                ("geen", "Geen"),
            ],
        );
        for (code, naam) in GEMEENTEN {
            rij(&mut t, code, naam, &[4.0, 30.0, 2.0, 10.0, 0.0, 1.0]);
        }
        uit.push(t);

        let mut t = Tabel::nieuw(
            "verzuim_per_school",
            "Jongeren met een verzuimmelding per school",
            &[("2019_2020", "2019-2020"), ("2020_2021", "2020-2021")],
        );
        for i in 0..60 {
            rij(
                &mut t,
                &format!("school_{i}"),
                &format!("School {i} voor voortgezet onderwijs"),
                &[i as f64, 2.0 * i as f64],
            );
        }
        uit.push(t);

        let mut t = Tabel::nieuw(
            "doelen",
            "Doelen ten opzichte van basisjaar 2018-2019",
            &[
                ("basisjaar", "Basisjaar"),
                ("streefwaarde", "Streefwaarde"),
                ("actueel", "Actueel"),
                ("verschil_pct", "Verschil %"),
            ],
        );
        rij(&mut t, "thuiszitters", "Thuiszitters", &[120.0, 100.0, 95.0, -20.8]);
        uit.push(t);

        // A table nobody filed under a theme yet, wide enough for a landscape page.
        let kolommen: Vec<(String, String)> =
            (0..16).map(|i| (format!("k{i}"), format!("Kolom {i} met een kop"))).collect();
        let kolommen: Vec<(&str, &str)> = kolommen.iter().map(|(k, l)| (k.as_str(), l.as_str())).collect();
        let mut t = Tabel::nieuw("iets_nieuws", LASTIG, &kolommen);
        rij(&mut t, "a", LASTIG, &[1234.5; 16]);
        rij(&mut t, "totaal", "Totaal", &[2469.0; 16]);
        t.noot(LASTIG);
        uit.push(t);

        let mut kolommen: Vec<(&str, &str)> = GEMEENTEN.to_vec();
        kolommen.truncate(3);
        let mut t = Tabel::nieuw("factsheet_gemeente", "Factsheet per gemeente", &kolommen);
        let cijfers: &[(&str, &str, f64)] = &[
            ("jongeren_5_17", "leerplichtige jongeren van 5 t/m 17 jaar", 18437.0),
            ("ingeschreven_pct", "staat ingeschreven op een school", 93.5),
            ("meldingen_luxe_signaal", "meldingen van luxe en signaal verzuim", 213.0),
            ("jongeren_verzuim", "jongeren in totaal", 158.0),
            ("niet_opnieuw_pct", "verzuimde na interventie niet meer", 75.0),
            ("absoluut_meldingen", "meldingen van absoluut verzuim", 75.0),
            ("absoluut_naar_school", "gingen uiteindelijk naar school", 48.0),
            ("vsv_meldingen", "meldingen van voortijdig schoolverlaters", 336.0),
            ("vsv_werk", "gingen aan het werk", 64.0),
            ("oud_vsv_gemonitord", "oud-voortijdig schoolverlaters gemonitord", 402.0),
            ("jikp_gemonitord", "jongeren in een kwetsbare positie gemonitord", 200.0),
            ("jikp_geen_inkomen", "hadden geen inkomen", 71.0),
            ("vrijstelling_art_5a", "lopende vrijstellingen art. 5 onder a", 31.0),
            ("aanvragen_afgewezen", "aanvragen afgewezen", 3.0),
        ];
        for (key, label, v) in cijfers {
            rij(&mut t, key, label, &[*v, v / 2.0, *v]);
        }
        uit.push(t);
        uit
    }
}
