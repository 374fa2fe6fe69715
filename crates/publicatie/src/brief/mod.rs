//! Letters of the dossier typeset as PDF/A-2b (docs/brieven.md): the letter kind's template with the
//! briefhoofd, the fields as `/velden.json`. A template reads its fields as data (`json`), so no
//! value from the dossier is ever read as markup; it reaches no file, package or network.
mod bundel;

pub use bundel::bundel;

use crate::Fout;
use crate::pdf::{meldingen, wereld::Wereld};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::rules::brief::BriefSoort;
use std::collections::HashMap;
use typst::foundations::{Bytes, Datetime};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// The letterhead, address block, signature and the remedy clause every letter uses.
pub const BRIEFHOOFD: &str = include_str!("briefhoofd.typ");
/// Where a letter imports the briefhoofd from.
const BRIEFHOOFD_PAD: &str = "/briefhoofd.typ";
const VELDEN_PAD: &str = "/velden.json";

/// The template Leerspoor ships for a letter kind; an office saves its own versions over it.
pub fn standaard(soort: BriefSoort) -> &'static str {
    use BriefSoort::*;
    match soort {
        UitnodigingGesprek => include_str!("sjablonen/uitnodiging_gesprek.typ"),
        Waarschuwing => include_str!("sjablonen/waarschuwing.typ"),
        OproepInschrijving => include_str!("sjablonen/oproep_inschrijving.typ"),
        Ontvangstbevestiging => include_str!("sjablonen/ontvangstbevestiging.typ"),
        BeschikkingToekenning => include_str!("sjablonen/beschikking_toekenning.typ"),
        BeschikkingAfwijzing => include_str!("sjablonen/beschikking_afwijzing.typ"),
        BeslissingOpBezwaar => include_str!("sjablonen/beslissing_op_bezwaar.typ"),
        HaltVerwijzing => include_str!("sjablonen/halt_verwijzing.typ"),
        ProcesVerbaal => include_str!("sjablonen/proces_verbaal.typ"),
        RmcUitnodiging => include_str!("sjablonen/rmc_uitnodiging.typ"),
        Zomeractie => include_str!("sjablonen/zomeractie.typ"),
        EindeVrijstelling => include_str!("sjablonen/einde_vrijstelling.typ"),
    }
}

/// One letter as PDF/A-2b: `brief` and `briefhoofd` are the office's templates, `None` the shipped
/// ones; `velden` the fields; `datum` the letter's date (also the PDF's, so the same letter gives
/// the same bytes).
pub fn brief(
    soort: BriefSoort,
    brief: Option<&str>,
    briefhoofd: Option<&str>,
    velden: &impl serde::Serialize,
    datum: chrono::NaiveDate,
) -> Result<Vec<u8>, Fout> {
    let document = zet(soort, brief, briefhoofd, velden, datum)?;
    use chrono::Datelike;
    let tijd = Datetime::from_ymd_hms(datum.year(), datum.month() as u8, datum.day() as u8, 0, 0, 0);
    let opties = PdfOptions {
        standards: PdfStandards::new(&[PdfStandard::A_2b]).map_err(|e| Fout::Pdf(vec![e.message().to_string()]))?,
        timestamp: tijd.map(Timestamp::new_utc),
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &opties).map_err(meldingen);
    typst::comemo::evict(10);
    bytes
}

fn zet(
    soort: BriefSoort,
    brief: Option<&str>,
    briefhoofd: Option<&str>,
    velden: &impl serde::Serialize,
    datum: chrono::NaiveDate,
) -> Result<PagedDocument, Fout> {
    let json = serde_json::to_vec(velden).map_err(|e| Fout::Pdf(vec![e.to_string()]))?;
    let bestanden = HashMap::from([(VELDEN_PAD.to_string(), Bytes::new(json))]);
    let sjabloon = brief.unwrap_or(standaard(soort)).to_string();
    let wereld = Wereld::met_sjabloon(sjabloon, (BRIEFHOOFD_PAD, briefhoofd.unwrap_or(BRIEFHOOFD)), bestanden, datum);
    typst::compile::<PagedDocument>(&wereld).output.map_err(meldingen)
}

/// Fictitious fields of every kind at once, for the preview of a template in beheer (no person's
/// data) and the tests.
pub const VOORBEELD: &str = include_str!("voorbeeld.json");

/// The fictitious fields a template of `soort` must typeset before an office version is saved: all
/// filled in, and as sparse as the dossier can make them — to the youth, no school, no meldingen or
/// contacts, no parents, a correction, and of the optional parts only those this kind always has.
pub fn proefvelden(soort: BriefSoort) -> [serde_json::Value; 2] {
    use BriefSoort::*;
    let mut vol: serde_json::Value = serde_json::from_str(VOORBEELD).expect("het voorbeeld is geldige JSON");
    vol["soort"] = soort.code().into();
    vol["titel"] = soort.label().into();
    let mut kaal = vol.clone();
    let altijd: &[&str] = match soort {
        UitnodigingGesprek | RmcUitnodiging => &["zaak", "gesprek"],
        Waarschuwing | HaltVerwijzing => &["zaak"],
        ProcesVerbaal => &["zaak", "proces_verbaal"],
        OproepInschrijving => &["zaak", "inschrijven_voor"],
        Ontvangstbevestiging => &["aanvraag"],
        BeschikkingToekenning | BeschikkingAfwijzing | BeslissingOpBezwaar => &["aanvraag", "rechtsmiddel"],
        Zomeractie => &[],
        EindeVrijstelling => &["aanvraag", "einde"],
    };
    let optioneel = [
        "zaak",
        "gesprek",
        "inschrijven_voor",
        "aanvraag",
        "rechtsmiddel",
        "proces_verbaal",
        "school",
        "uitval",
        "einde",
    ];
    for veld in optioneel {
        if !altijd.contains(&veld) {
            kaal[veld] = serde_json::Value::Null;
        }
    }
    for lijst in ["meldingen", "contacten", "ouders"] {
        kaal[lijst] = serde_json::json!([]);
    }
    kaal["aan"] = "jongere".into();
    kaal["taal"] = serde_json::Value::Null;
    kaal["jongere"]["bsn"] = serde_json::Value::Null;
    kaal["vervangt"] = "D-EERDER van 1 juni 2021".into();
    for veld in ["besluit", "besluitdatum", "geldig_van", "geldig_tot", "dagen", "bezwaar_ontvangen"] {
        if kaal["aanvraag"].is_object() {
            kaal["aanvraag"][veld] = serde_json::Value::Null;
        }
    }
    [vol, kaal]
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::layout::FrameItem;

    fn voorbeeld(soort: BriefSoort) -> serde_json::Value {
        let mut v: serde_json::Value = serde_json::from_str(VOORBEELD).unwrap();
        v["soort"] = soort.code().into();
        v["titel"] = soort.label().into();
        v
    }

    fn datum() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2021, 6, 15).unwrap()
    }

    fn tekst(doc: &PagedDocument) -> String {
        fn frame(f: &typst::layout::Frame, uit: &mut String) {
            for (_, item) in f.items() {
                match item {
                    FrameItem::Group(g) => frame(&g.frame, uit),
                    FrameItem::Text(t) => uit.push_str(&t.text),
                    _ => {}
                }
            }
        }
        let mut uit = String::new();
        for p in doc.pages() {
            frame(&p.frame, &mut uit);
        }
        uit.chars().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn every_shipped_template_sets_the_sparsest_fields_a_dossier_gives() {
        for soort in BriefSoort::ALL {
            let [_, kaal] = proefvelden(*soort);
            let doc = zet(*soort, None, None, &kaal, datum()).unwrap_or_err_panic(*soort);
            assert!(tekst(&doc).contains("vervangtonzebriefmetkenmerkD-EERDER"), "{soort}");
        }
    }

    trait OfPaniek {
        fn unwrap_or_err_panic(self, soort: BriefSoort) -> PagedDocument;
    }

    impl OfPaniek for Result<PagedDocument, Fout> {
        fn unwrap_or_err_panic(self, soort: BriefSoort) -> PagedDocument {
            self.unwrap_or_else(|e| panic!("{soort}: {e}"))
        }
    }

    #[test]
    fn every_shipped_template_sets_its_fields_as_pdf_a() {
        for soort in BriefSoort::ALL {
            let velden = voorbeeld(*soort);
            let doc = zet(*soort, None, None, &velden, datum()).unwrap_or_else(|e| panic!("{soort}: {e}"));
            let t = tekst(&doc);
            for s in ["LeerplichtenRMCVoorbeeldregio", "D-VOORBEELD", "15juni2021"] {
                assert!(t.contains(s), "{soort}: {s} ontbreekt in {t}");
            }
            let pdf = brief(*soort, None, None, &velden, datum()).unwrap();
            assert!(pdf.starts_with(b"%PDF-"), "{soort}");
            // PDF/A-2b identifies itself in the XMP metadata.
            assert!(pdf.windows(10).any(|w| w == b"pdfaid:par"), "{soort}: geen PDF/A");
            // Left behind for a look (pdftoppm).
            std::fs::write(std::env::temp_dir().join(format!("leerspoor-brief-{soort}.pdf")), pdf).unwrap();
        }
    }

    #[test]
    fn a_decision_states_where_and_until_when_to_object() {
        let doc =
            zet(BriefSoort::BeschikkingAfwijzing, None, None, &voorbeeld(BriefSoort::BeschikkingAfwijzing), datum())
                .unwrap();
        let t = tekst(&doc);
        assert!(t.contains("bezwaarmakenbijdeleerplichtambtenaarvandegemeenteVoorbeeldstad"), "{t}");
        assert!(t.contains("uiterlijk27juli2021"), "{t}");
        assert!(t.contains("Gewichtigeomstandigheden"), "{t}");
    }

    #[test]
    fn a_field_that_looks_like_markup_is_printed_as_it_is() {
        let mut velden = voorbeeld(BriefSoort::Waarschuwing);
        velden["jongere"]["naam"] = "#panic(\"x\") *Sam* $x$ <a> @b".into();
        let doc = zet(BriefSoort::Waarschuwing, None, None, &velden, datum()).unwrap();
        assert!(tekst(&doc).contains("#panic(\"x\")*Sam*$x$<a>@b"), "{}", tekst(&doc));
    }

    #[test]
    fn the_same_letter_gives_the_same_bytes() {
        let velden = voorbeeld(BriefSoort::UitnodigingGesprek);
        let a = brief(BriefSoort::UitnodigingGesprek, None, None, &velden, datum()).unwrap();
        let b = brief(BriefSoort::UitnodigingGesprek, None, None, &velden, datum()).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn an_office_template_with_an_error_is_refused_with_the_reason() {
        let velden = voorbeeld(BriefSoort::Waarschuwing);
        let fout = zet(
            BriefSoort::Waarschuwing,
            Some("#import \"/briefhoofd.typ\": *\n#veld.onbekend"),
            None,
            &velden,
            datum(),
        )
        .unwrap_err();
        assert!(fout.to_string().contains("veld"), "{fout}");
        let fout = zet(BriefSoort::Waarschuwing, Some("#read(\"/etc/passwd\")"), None, &velden, datum()).unwrap_err();
        assert!(fout.to_string().contains("not found"), "{fout}");
        let fout =
            zet(BriefSoort::Waarschuwing, Some("#import \"@preview/x:0.1.0\""), None, &velden, datum()).unwrap_err();
        assert!(fout.to_string().contains("pakketten worden niet geladen"), "{fout}");
    }
}
