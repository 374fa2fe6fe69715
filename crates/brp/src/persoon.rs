//! A person as the BRP gives them, in Leerspoor's terms: the part of the answer the register uses.
//! The BRP's dates may be incomplete (only a year, or a year and month, or unknown); Leerspoor keeps
//! only whole dates and says so where it matters.
use leerspoor_domain::{Bsn, Datum};
use serde_json::Value;

/// The fields Leerspoor asks for (the API's `fields`): only what the register uses.
pub const VELDEN: &[&str] =
    &["burgerservicenummer", "naam", "geboorte", "overlijden", "verblijfplaats", "gemeenteVanInschrijving", "ouders"];

#[derive(Debug, Clone, PartialEq)]
pub struct BrpPersoon {
    pub bsn: Bsn,
    pub voornamen: String,
    pub voorvoegsel: String,
    pub geslachtsnaam: String,
    /// `None` when the BRP has no whole date.
    pub geboortedatum: Option<Datum>,
    pub overlijdensdatum: Option<Datum>,
    /// Overleden according to the BRP, also when the date is incomplete.
    pub overleden: bool,
    /// The address in the Netherlands, if the verblijfplaats is one.
    pub adres: Option<BrpAdres>,
    /// The four digits of the gemeente van inschrijving (`0599`), as the BRP writes them.
    pub gemeente: Option<String>,
    pub ouders: Vec<BrpOuder>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BrpAdres {
    pub straat: String,
    /// Huisnummer with huisletter and toevoeging, as on a letter: `12a-2`.
    pub huisnummer: String,
    pub postcode: String,
    pub woonplaats: String,
    /// Living there since (the BRP's `datumVan`).
    pub sinds: Option<Datum>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BrpOuder {
    pub bsn: Option<Bsn>,
    pub naam: String,
    /// `1` or `2`, the BRP's ouderAanduiding.
    pub aanduiding: String,
}

fn tekst(v: &Value, pad: &str) -> String {
    v.pointer(pad).and_then(Value::as_str).unwrap_or_default().to_string()
}

/// A whole date from the BRP's date object (`{"type": "Datum", "datum": "2010-05-31"}`).
fn datum(v: &Value, pad: &str) -> Option<Datum> {
    let d = v.pointer(pad)?;
    (d.get("type")?.as_str()? == "Datum").then_some(())?;
    Datum::parse_from_str(d.get("datum")?.as_str()?, "%Y-%m-%d").ok()
}

fn naam(v: &Value) -> String {
    [tekst(v, "/voornamen"), tekst(v, "/voorvoegsel"), tekst(v, "/geslachtsnaam")]
        .into_iter()
        .filter(|d| !d.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl BrpPersoon {
    /// One person of an answer; `None` without a valid BSN (the API always gives one when asked).
    pub fn lees(p: &Value) -> Option<BrpPersoon> {
        let bsn = Bsn::parse(p.get("burgerservicenummer")?.as_str()?).ok()?;
        let adres = (p.pointer("/verblijfplaats/type").and_then(Value::as_str) == Some("Adres")).then(|| {
            let nummer = [
                p.pointer("/verblijfplaats/verblijfadres/huisnummer").and_then(Value::as_i64).map(|n| n.to_string()),
                Some(tekst(p, "/verblijfplaats/verblijfadres/huisletter")),
                Some(tekst(p, "/verblijfplaats/verblijfadres/huisnummertoevoeging"))
                    .filter(|t| !t.is_empty())
                    .map(|t| format!("-{t}")),
            ];
            BrpAdres {
                straat: tekst(p, "/verblijfplaats/verblijfadres/officieleStraatnaam"),
                huisnummer: nummer.into_iter().flatten().collect(),
                postcode: tekst(p, "/verblijfplaats/verblijfadres/postcode"),
                woonplaats: tekst(p, "/verblijfplaats/verblijfadres/woonplaats"),
                sinds: datum(p, "/verblijfplaats/datumVan"),
            }
        });
        let ouders = p
            .get("ouders")
            .and_then(Value::as_array)
            .map(|os| {
                os.iter()
                    .map(|o| BrpOuder {
                        bsn: o.get("burgerservicenummer").and_then(Value::as_str).and_then(|b| Bsn::parse(b).ok()),
                        naam: o.get("naam").map(naam).unwrap_or_default(),
                        aanduiding: tekst(o, "/ouderAanduiding"),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(BrpPersoon {
            bsn,
            voornamen: tekst(p, "/naam/voornamen"),
            voorvoegsel: tekst(p, "/naam/voorvoegsel"),
            geslachtsnaam: tekst(p, "/naam/geslachtsnaam"),
            geboortedatum: datum(p, "/geboorte/datum"),
            overlijdensdatum: datum(p, "/overlijden/datum"),
            overleden: p.pointer("/overlijden/datum").is_some(),
            adres,
            gemeente: p.pointer("/gemeenteVanInschrijving/code").and_then(Value::as_str).map(str::to_string),
            ouders,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_person_with_an_incomplete_birth_date_keeps_no_date_and_an_address_with_its_huisletter() {
        let p = json!({
            "burgerservicenummer": "999993653",
            "naam": {"voornamen": "Suzanne", "voorvoegsel": "van", "geslachtsnaam": "Moulin"},
            "geboorte": {"datum": {"type": "JaarMaandDatum", "jaar": 2010, "maand": 5, "langFormaat": "mei 2010"}},
            "verblijfplaats": {"type": "Adres", "datumVan": {"type": "Datum", "datum": "2015-08-01", "langFormaat": "1 augustus 2015"},
                "verblijfadres": {"officieleStraatnaam": "Borgesiusstraat", "huisnummer": 103, "huisletter": "b",
                    "huisnummertoevoeging": "2", "postcode": "2497BV", "woonplaats": "Scheveningen"}},
            "gemeenteVanInschrijving": {"code": "0518", "omschrijving": "'s-Gravenhage"},
            "ouders": [{"burgerservicenummer": "999993665", "ouderAanduiding": "1", "naam": {"voornamen": "Marie", "geslachtsnaam": "Moulin"}}]
        });
        let b = BrpPersoon::lees(&p).unwrap();
        assert_eq!(b.geboortedatum, None);
        let a = b.adres.unwrap();
        assert_eq!((a.huisnummer.as_str(), a.sinds), ("103b-2", Datum::from_ymd_opt(2015, 8, 1)));
        assert_eq!(b.gemeente.as_deref(), Some("0518"));
        assert_eq!(b.ouders[0].naam, "Marie Moulin");
        assert!(!b.overleden);
    }
}
