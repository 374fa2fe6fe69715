//! The PDF jaarverslag, typeset in-process by typst: title page, contents, a chapter per theme
//! with numbered tables and their charts, a factsheet page per gemeente.
//!
//! [`markup`] writes the document as calls of the layout functions in `sjabloon.typ`;
//! [`wereld`] gives typst those two sources, the chart SVGs and the bundled fonts.
mod markup;
pub(crate) mod wereld;

use crate::factsheet::{self, Factsheet};
use crate::hoofdstuk::{self, FACTSHEET};
use crate::{Fout, Publicatie, grafiek};
use leerspoor_report::Tabel;
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::Bytes;
use typst_layout::PagedDocument;

const SJABLOON: &str = include_str!("sjabloon.typ");

/// The PDF's bytes.
pub fn pdf(publicatie: &Publicatie, tabellen: &[Tabel]) -> Result<Vec<u8>, Fout> {
    let (document, _) = zet(publicatie, tabellen)?;
    let bytes = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(meldingen);
    // typst memoises across runs; a long-running server would otherwise keep every report's cache.
    typst::comemo::evict(10);
    bytes
}

/// One section of an [`overzicht`]: a title, the column headings and the rows.
pub struct Sectie {
    pub titel: String,
    pub kop: Vec<String>,
    pub rijen: Vec<Vec<String>>,
}

/// A plain PDF of sections with tables (the inzage of one person), typeset like the jaarverslag.
pub fn overzicht(titel: &str, ondertitel: &str, secties: &[Sectie], datum: chrono::NaiveDate) -> Result<Vec<u8>, Fout> {
    let document = zet_overzicht(overzicht_markup(titel, ondertitel, secties), datum)?;
    let bytes = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(meldingen);
    typst::comemo::evict(10);
    bytes
}

fn overzicht_markup(titel: &str, ondertitel: &str, secties: &[Sectie]) -> String {
    let mut hoofd = format!(
        "#import \"{}\": *\n#show: overzicht.with(titel: {}, ondertitel: {})\n",
        wereld::SJABLOON,
        markup::tekst(titel),
        markup::tekst(ondertitel)
    );
    for s in secties {
        let kop = markup::lijst(s.kop.iter().map(|k| markup::tekst(k)));
        let rijen = markup::lijst(s.rijen.iter().map(|r| markup::lijst(r.iter().map(|c| markup::tekst(c)))));
        hoofd += &format!("#sectie({}, {kop}, {rijen})\n", markup::tekst(&s.titel));
    }
    hoofd
}

const OVERZICHT: &str = include_str!("overzicht.typ");

fn zet_overzicht(hoofd: String, datum: chrono::NaiveDate) -> Result<PagedDocument, Fout> {
    let wereld = wereld::Wereld::nieuw(hoofd, OVERZICHT, Default::default(), datum);
    typst::compile::<PagedDocument>(&wereld).output.map_err(meldingen)
}

/// Lays out the document; also returns typst's warnings (the tests want none).
fn zet(publicatie: &Publicatie, tabellen: &[Tabel]) -> Result<(PagedDocument, Vec<String>), Fout> {
    let hoofdstukken = hoofdstuk::indelen(tabellen);
    let factsheets: Vec<Factsheet> = tabellen
        .iter()
        .filter(|t| t.id == FACTSHEET)
        .flat_map(|t| factsheet::factsheets(t, publicatie.drempel))
        .collect();
    let grafieken: Vec<(&str, grafiek::Grafiek)> =
        tabellen.iter().filter_map(|t| Some((t.id, grafiek::grafiek(t)?))).collect();
    let hoofd = markup::hoofd(publicatie, &hoofdstukken, &factsheets, &grafieken);
    let bestanden =
        grafieken.iter().map(|(id, g)| (markup::grafiek_pad(id), Bytes::from_string(g.svg.clone()))).collect();
    let wereld = wereld::Wereld::nieuw(hoofd, SJABLOON, bestanden, publicatie.datum);
    let Warned { output, warnings } = typst::compile::<PagedDocument>(&wereld);
    let document = output.map_err(meldingen)?;
    Ok((document, warnings.iter().map(|w| w.message.to_string()).collect()))
}

pub(crate) fn meldingen(fouten: impl IntoIterator<Item = SourceDiagnostic>) -> Fout {
    Fout::Pdf(fouten.into_iter().map(|d| d.message.to_string()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::{LASTIG, publicatie, voorbeeld};
    use typst::layout::{Frame, FrameItem};

    /// All text of a page, in layout order.
    fn tekst(frame: &Frame, uit: &mut String) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(g) => tekst(&g.frame, uit),
                FrameItem::Text(t) => uit.push_str(&t.text),
                _ => {}
            }
        }
    }

    /// The text of page `i`, without whitespace: typst shapes text in runs and leaves the spaces
    /// between them out of the frame.
    fn pagina_tekst(doc: &PagedDocument, i: usize) -> String {
        let mut uit = String::new();
        tekst(&doc.pages()[i].frame, &mut uit);
        zonder_wit(&uit)
    }

    fn zonder_wit(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn an_overzicht_sets_every_value_as_text_even_one_that_looks_like_markup() {
        let secties = [
            Sectie {
                titel: "Jongere".into(),
                kop: vec!["veld".into(), "waarde".into()],
                rijen: vec![vec!["naam".into(), "#panic(\"x\") *vet* \\ \"".into()]],
            },
            Sectie { titel: "Vrijstellingen".into(), kop: vec!["id".into()], rijen: vec![] },
        ];
        let datum = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let doc = zet_overzicht(overzicht_markup("Inzage", "AVG art. 15", &secties), datum).unwrap();
        let tekst = pagina_tekst(&doc, 0);
        assert!(tekst.contains("#panic(\"x\")*vet*\\\""), "{tekst}");
        assert!(tekst.contains("Geengegevens."), "{tekst}");
        assert!(overzicht("Inzage", "", &secties, datum).unwrap().starts_with(b"%PDF"));
    }

    #[test]
    fn a_multi_table_report_renders_without_warnings() {
        let tabellen = voorbeeld();
        let (doc, waarschuwingen) = zet(&publicatie(Some(5)), &tabellen).unwrap();
        assert!(waarschuwingen.is_empty(), "{waarschuwingen:?}");
        // Title, contents, 7 themes plus "overige", a long table, 3 factsheets.
        assert!(doc.pages().len() >= 14, "{} pagina's", doc.pages().len());
        let bevat = |i: usize, s: &str| pagina_tekst(&doc, i).contains(&zonder_wit(s));
        assert!(bevat(0, "Jaarverslag leerplicht en RMC 2020-2021"));
        assert!(bevat(1, "Inhoud") && bevat(1, "Factsheet Zwolle"));
        let alles: String = (0..doc.pages().len()).map(|i| pagina_tekst(&doc, i)).collect();
        for s in ["Tabel 1 – Jongeren naar schoolherkomst", "18.437", "Grafiek 1 –", "Factsheet Dalfsen"] {
            assert!(alles.contains(&zonder_wit(s)), "{s}");
        }
        let laatste = doc.pages().len() - 1;
        assert!(bevat(laatste, "Factsheet Dalfsen") && bevat(laatste, "93,5%"), "{}", pagina_tekst(&doc, laatste));

        let bytes = pdf(&publicatie(Some(5)), &tabellen).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        // Left behind for a look at the layout (pdftoppm), factsheets included.
        std::fs::write(std::env::temp_dir().join("leerspoor-publicatie-voorbeeld.pdf"), bytes).unwrap();
    }

    #[test]
    fn markup_characters_in_labels_are_printed_as_they_are() {
        let tabellen: Vec<Tabel> = voorbeeld().into_iter().filter(|t| t.id == "iets_nieuws").collect();
        let (doc, _) = zet(&publicatie(None), &tabellen).unwrap();
        let alles: String = (0..doc.pages().len()).map(|i| pagina_tekst(&doc, i)).collect();
        assert!(alles.contains(&zonder_wit(LASTIG)), "{alles}");
    }

    #[test]
    fn packages_and_unknown_files_are_refused() {
        let wereld =
            |hoofd: &str| wereld::Wereld::nieuw(hoofd.into(), SJABLOON, Default::default(), publicatie(None).datum);
        let fout = |hoofd: &str| {
            let w = wereld(hoofd);
            typst::compile::<PagedDocument>(&w).output.err().unwrap()[0].message.to_string()
        };
        assert!(fout("#import \"@preview/cetz:0.3.0\"").contains("pakketten worden niet geladen"));
        assert!(fout("#image(\"/etc/passwd\")").contains("not found"));
    }
}
