//! Documents the office receives (docs/brieven.md, "Ontvangen documenten"): which kind belongs with
//! which record, the dates on it, and what its content must be. A statement's own date is what the
//! vrijstelling rules read ([`super::vrijstelling`]), so it is checked here before it is stored.
use super::Weigering;
use super::vrijstelling::artsverklaring_actueel;
use crate::code_enum::CodeEnum;
use crate::{Datum, code_enum};

code_enum!(
    /// The kinds of document the office receives.
    InkomendSoort, "soort ontvangen document" {
        /// Lpw art. 7 lid 1: the statement of a physician, psychologist or orthopedagoog-generalist
        /// for a vrijstelling under art. 5 sub a.
        Artsverklaring = ("artsverklaring", "artsverklaring"),
        /// Lpw art. 7 lid 1: the samenwerkingsverband's advice on an art. 5 sub a request.
        SwvAdvies = ("swv_advies", "advies samenwerkingsverband"),
        /// The school's record of a pupil's absence (Lpw art. 21), with a verzuimzaak.
        Verzuimstaat = ("verzuimstaat", "verzuimstaat"),
        /// The parents' written request for a vrijstelling or leave (Lpw art. 5, 11, 14).
        VerzoekOuders = ("verzoek_ouders", "verzoek ouders"),
        /// Lpw art. 13a / 11 sub f: the employer's statement that the parent cannot take leave in
        /// any school holiday.
        Werkgeversverklaring = ("werkgeversverklaring", "werkgeversverklaring"),
        Overig = ("overig", "overig document"),
    }
);

/// The largest document accepted: a scanned statement of a few pages fits many times over.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// The record a received document is linked to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Koppeling<'a> {
    Geen,
    /// A request for vrijstelling or verlof, with its article code (`art5_sub_a`, ...).
    Vrijstelling {
        artikel: &'a str,
    },
    Zaak,
}

/// What a document's bytes are, by their first bytes (never the file name or what the browser
/// says): PDF (`%PDF-`, ISO 32000-1 §7.5.2), PNG (its 8-byte signature, RFC 2083 §3.1) or JPEG
/// (the SOI marker `FF D8` followed by a marker `FF`). Anything else is refused.
pub fn mediatype(inhoud: &[u8]) -> Result<&'static str, String> {
    const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    if inhoud.is_empty() {
        return Err("het bestand is leeg".into());
    }
    if inhoud.len() > MAX_BYTES {
        return Err(format!(
            "het bestand is {} MB; het grootste dat past is {} MB",
            inhoud.len().div_ceil(1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        ));
    }
    if inhoud.starts_with(b"%PDF-") {
        Ok("application/pdf")
    } else if inhoud.starts_with(PNG) {
        Ok("image/png")
    } else if inhoud.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok("image/jpeg")
    } else {
        Err("dit is geen PDF, PNG of JPEG (gekeken naar de inhoud, niet naar de naam); scan het document als PDF"
            .into())
    }
}

/// Which record a kind belongs with. The doctor's statement and the samenwerkingsverband's advice
/// are what Lpw art. 7 lid 1 asks for an art. 5 sub a request; the employer's statement is the
/// proof for leave under art. 11 sub f; a verzuimstaat belongs with the zaak about that absence;
/// the parents' request with the request it makes (or on its own); anything else where it fits.
pub fn toets_koppeling(soort: InkomendSoort, koppeling: Koppeling) -> Result<(), Weigering> {
    use InkomendSoort::*;
    let (regel, nodig) = match soort {
        Artsverklaring | SwvAdvies => {
            ("Lpw art. 5 sub a, art. 7", "een aanvraag voor vrijstelling op grond van art. 5 sub a")
        }
        Werkgeversverklaring => ("Lpw art. 11 sub f, art. 13a", "een aanvraag voor verlof op grond van art. 11 sub f"),
        Verzuimstaat => ("Lpw art. 21", "een zaak"),
        VerzoekOuders => ("Lpw art. 5, 11", "een aanvraag voor vrijstelling of verlof"),
        Overig => return Ok(()),
    };
    let past = match (soort, koppeling) {
        (Artsverklaring | SwvAdvies, Koppeling::Vrijstelling { artikel }) => artikel == "art5_sub_a",
        (Werkgeversverklaring, Koppeling::Vrijstelling { artikel }) => artikel == "art11_sub_f",
        (Verzuimstaat, Koppeling::Zaak) => true,
        (VerzoekOuders, Koppeling::Vrijstelling { .. } | Koppeling::Geen) => true,
        _ => false,
    };
    if past { Ok(()) } else { Err(Weigering::new(regel, format!("een {} hoort bij {nodig}", soort.label()))) }
}

/// The statements whose own date a rule reads: the doctor's statement (at most 3 months old at the
/// request, Lpw art. 7 lid 2), the advice (before the decision, art. 7 lid 1), the employer's
/// statement (art. 13a). Their date is required.
pub fn draagt_datum(soort: InkomendSoort) -> bool {
    use InkomendSoort::*;
    matches!(soort, Artsverklaring | SwvAdvies | Werkgeversverklaring)
}

/// The dates of a received document: received `ontvangen` not after `vandaag` and not before the
/// date it bears (`opgesteld`); a statement a rule reads carries its date; a doctor's statement
/// for a request made on `aanvraagdatum` is at most 3 months old then.
pub fn toets_datums(
    soort: InkomendSoort,
    ontvangen: Datum,
    opgesteld: Option<Datum>,
    vandaag: Datum,
    aanvraagdatum: Option<Datum>,
) -> Result<(), Weigering> {
    const REGEL: &str = "ontvangen document";
    if ontvangen > vandaag {
        return Err(Weigering::new(REGEL, format!("ontvangen op {ontvangen} ligt na vandaag ({vandaag})")));
    }
    match opgesteld {
        Some(o) if o > ontvangen => {
            return Err(Weigering::new(
                REGEL,
                format!("het document is gedateerd {o}, na de dag van ontvangst ({ontvangen})"),
            ));
        }
        None if draagt_datum(soort) => {
            return Err(Weigering::new(REGEL, format!("vul de datum op de {} in", soort.label())));
        }
        _ => {}
    }
    if let (InkomendSoort::Artsverklaring, Some(arts), Some(aanvraag)) = (soort, opgesteld, aanvraagdatum) {
        artsverklaring_actueel(arts, aanvraag)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use InkomendSoort::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    #[test]
    fn the_content_decides_what_a_file_is_not_its_name() {
        assert_eq!(mediatype(b"%PDF-1.7\n%\xe2\xe3"), Ok("application/pdf"));
        assert_eq!(mediatype(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Ok("image/png"));
        assert_eq!(mediatype(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F']), Ok("image/jpeg"));
        // A Word file renamed to .pdf, a text, an HTML page with a script: refused.
        for vals in [&b"PK\x03\x04word/document.xml"[..], b"Hierbij verklaar ik", b"<html><script>", b" %PDF-1.7"] {
            assert!(mediatype(vals).unwrap_err().contains("geen PDF, PNG of JPEG"));
        }
        // Only a PNG signature's start, or an SOI without a marker after it, is not enough.
        assert!(mediatype(b"\x89PNG").is_err());
        assert!(mediatype(&[0xFF, 0xD8, 0x00]).is_err());
        assert_eq!(mediatype(b"").unwrap_err(), "het bestand is leeg");
    }

    #[test]
    fn a_file_of_ten_megabytes_fits_and_one_byte_more_does_not() {
        let mut pdf = b"%PDF-1.7".to_vec();
        pdf.resize(MAX_BYTES, b' ');
        assert_eq!(mediatype(&pdf), Ok("application/pdf"));
        pdf.push(b' ');
        assert_eq!(mediatype(&pdf).unwrap_err(), "het bestand is 11 MB; het grootste dat past is 10 MB");
    }

    #[test]
    fn a_statement_belongs_with_the_request_the_law_asks_it_for() {
        let art5a = Koppeling::Vrijstelling { artikel: "art5_sub_a" };
        let art11f = Koppeling::Vrijstelling { artikel: "art11_sub_f" };
        // Lpw art. 7 lid 1: the statement of an independent doctor, psychologist or
        // orthopedagoog-generalist and the samenwerkingsverband's advice, for art. 5 sub a.
        assert!(toets_koppeling(Artsverklaring, art5a).is_ok());
        assert!(toets_koppeling(SwvAdvies, art5a).is_ok());
        let w = toets_koppeling(Artsverklaring, art11f).unwrap_err();
        assert_eq!(w.regel, "Lpw art. 5 sub a, art. 7");
        assert!(w.reden.contains("art. 5 sub a"), "{w}");
        assert!(toets_koppeling(Artsverklaring, Koppeling::Zaak).is_err());
        assert!(toets_koppeling(SwvAdvies, Koppeling::Geen).is_err());
        // Art. 13a: leave for the parent's job needs the employer's statement.
        assert!(toets_koppeling(Werkgeversverklaring, art11f).is_ok());
        assert!(toets_koppeling(Werkgeversverklaring, art5a).is_err());
        assert!(toets_koppeling(Verzuimstaat, Koppeling::Zaak).is_ok());
        assert!(toets_koppeling(Verzuimstaat, art5a).is_err());
        assert!(toets_koppeling(VerzoekOuders, art11f).is_ok());
        assert!(toets_koppeling(VerzoekOuders, Koppeling::Geen).is_ok());
        assert!(toets_koppeling(VerzoekOuders, Koppeling::Zaak).is_err());
        for k in [Koppeling::Geen, Koppeling::Zaak, art5a] {
            assert!(toets_koppeling(Overig, k).is_ok());
        }
    }

    #[test]
    fn a_document_is_not_received_tomorrow_nor_before_its_own_date() {
        let vandaag = d("2021-03-10");
        assert!(toets_datums(Overig, vandaag, None, vandaag, None).is_ok());
        let w = toets_datums(Overig, d("2021-03-11"), None, vandaag, None).unwrap_err();
        assert!(w.reden.contains("na vandaag"), "{w}");
        // Dated the day it came in: fine; a day later: a typing error.
        assert!(toets_datums(SwvAdvies, d("2021-03-01"), Some(d("2021-03-01")), vandaag, None).is_ok());
        let w = toets_datums(SwvAdvies, d("2021-03-01"), Some(d("2021-03-02")), vandaag, None).unwrap_err();
        assert!(w.reden.contains("na de dag van ontvangst"), "{w}");
    }

    #[test]
    fn a_statement_a_rule_reads_needs_its_date() {
        for soort in [Artsverklaring, SwvAdvies, Werkgeversverklaring] {
            let w = toets_datums(soort, d("2021-03-01"), None, d("2021-03-01"), None).unwrap_err();
            assert!(w.reden.contains("vul de datum"), "{soort}: {w}");
        }
        assert!(toets_datums(Verzuimstaat, d("2021-03-01"), None, d("2021-03-01"), None).is_ok());
    }

    #[test]
    fn the_doctors_statement_is_at_most_three_months_old_at_the_request() {
        // Lpw art. 7 lid 2: the statement is at most three months old at the request; the edge is
        // the same day three months on (2020-10-31 + 3 months = 2021-01-31).
        let aanvraag = Some(d("2021-01-31"));
        let ontvangen = d("2021-02-01");
        assert!(toets_datums(Artsverklaring, ontvangen, Some(d("2020-10-31")), ontvangen, aanvraag).is_ok());
        let w = toets_datums(Artsverklaring, ontvangen, Some(d("2020-10-30")), ontvangen, aanvraag).unwrap_err();
        assert!(w.reden.contains("ouder dan 3 maanden"), "{w}");
        // The advice's age is not bounded by that rule.
        assert!(toets_datums(SwvAdvies, ontvangen, Some(d("2020-01-01")), ontvangen, aanvraag).is_ok());
    }
}
