//! A person as the BRP gives them, in Leerspoor's terms: the part of the answer the register uses.
//! The BRP's dates may be incomplete (only a year, or a year and month, or unknown); Leerspoor keeps
//! only whole dates and says so where it matters.
use leerspoor_domain::{Bsn, Datum};
use serde_json::Value;

/// The fields Leerspoor asks for (the API's `fields`): only what the register compares, nothing
/// more (data minimisation; a gemeente authorises its users per field).
pub const VELDEN: &[&str] =
    &["burgerservicenummer", "naam", "geboorte", "overlijden", "verblijfplaats", "gemeenteVanInschrijving"];

/// The fields asked of a search by address: who lives there, not their whole record.
pub const VELDEN_ZOEKEN: &[&str] = &["burgerservicenummer", "naam", "geboorte"];

/// A person found living at an address (the API's `PersoonBeperkt`).
#[derive(Debug, Clone, PartialEq)]
pub struct Huisgenoot {
    pub bsn: Option<Bsn>,
    /// Voornamen, voorvoegsel and geslachtsnaam.
    pub naam: String,
    pub geboortedatum: Option<Datum>,
}

impl Huisgenoot {
    pub fn lees(p: &Value) -> Huisgenoot {
        let naam = [tekst(p, "/naam/voornamen"), tekst(p, "/naam/voorvoegsel"), tekst(p, "/naam/geslachtsnaam")]
            .into_iter()
            .filter(|d| !d.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Huisgenoot {
            bsn: p.get("burgerservicenummer").and_then(Value::as_str).and_then(|b| Bsn::parse(b).ok()),
            naam,
            geboortedatum: datum(p, "/geboorte/datum"),
        }
    }
}

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
    /// The verblijfplaats in the Netherlands: an address, or a location without one (a houseboat,
    /// a caravan). `None` abroad or unknown.
    pub adres: Option<BrpAdres>,
    /// The four digits of the gemeente van inschrijving (`0599`), as the BRP writes them.
    pub gemeente: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BrpAdres {
    /// The street, or for a location the BRP's description of it.
    pub straat: String,
    /// Huisnummer with huisletter and toevoeging, as on a letter: `12a-2`; empty for a location.
    pub huisnummer: String,
    /// Empty for a location.
    pub postcode: String,
    pub woonplaats: String,
    /// Living there since (the BRP's `datumVan`).
    pub sinds: Option<Datum>,
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

impl BrpPersoon {
    /// The gemeente van inschrijving as the register writes it (`GM0599`), if the BRP gave one.
    pub fn gemeentecode(&self) -> Option<leerspoor_domain::Gemeentecode> {
        leerspoor_domain::Gemeentecode::parse(&format!("GM{}", self.gemeente.as_deref()?)).ok()
    }

    /// One person of an answer; `None` without a valid BSN (the API always gives one when asked).
    pub fn lees(p: &Value) -> Option<BrpPersoon> {
        let bsn = Bsn::parse(p.get("burgerservicenummer")?.as_str()?).ok()?;
        let adres = match p.pointer("/verblijfplaats/type").and_then(Value::as_str) {
            Some("Adres") => {
                let nummer = [
                    p.pointer("/verblijfplaats/verblijfadres/huisnummer")
                        .and_then(Value::as_i64)
                        .map(|n| n.to_string()),
                    Some(tekst(p, "/verblijfplaats/verblijfadres/huisletter")),
                    Some(tekst(p, "/verblijfplaats/verblijfadres/huisnummertoevoeging"))
                        .filter(|t| !t.is_empty())
                        .map(|t| format!("-{t}")),
                ];
                Some(BrpAdres {
                    straat: tekst(p, "/verblijfplaats/verblijfadres/officieleStraatnaam"),
                    huisnummer: nummer.into_iter().flatten().collect(),
                    postcode: tekst(p, "/verblijfplaats/verblijfadres/postcode"),
                    woonplaats: tekst(p, "/verblijfplaats/verblijfadres/woonplaats"),
                    sinds: datum(p, "/verblijfplaats/datumVan"),
                })
            }
            Some("Locatie") => Some(BrpAdres {
                straat: tekst(p, "/verblijfplaats/verblijfadres/locatiebeschrijving"),
                huisnummer: String::new(),
                postcode: String::new(),
                woonplaats: String::new(),
                sinds: datum(p, "/verblijfplaats/datumVan"),
            }),
            _ => None,
        };
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
            "gemeenteVanInschrijving": {"code": "0518", "omschrijving": "'s-Gravenhage"}
        });
        let b = BrpPersoon::lees(&p).unwrap();
        assert_eq!(b.geboortedatum, None);
        let a = b.adres.unwrap();
        assert_eq!((a.huisnummer.as_str(), a.sinds), ("103b-2", Datum::from_ymd_opt(2015, 8, 1)));
        assert_eq!(b.gemeente.as_deref(), Some("0518"));
        assert!(!b.overleden);
    }

    #[test]
    fn a_houseboat_is_a_verblijfplaats_in_the_netherlands_without_postcode_and_abroad_is_none() {
        let op_het_water = json!({
            "burgerservicenummer": "999993653",
            "verblijfplaats": {"type": "Locatie", "verblijfadres": {"locatiebeschrijving": "Woonboot bij de Nieuwe Brug"}},
            "gemeenteVanInschrijving": {"code": "0363", "omschrijving": "Amsterdam"}
        });
        let a = BrpPersoon::lees(&op_het_water).unwrap().adres.unwrap();
        assert_eq!((a.straat.as_str(), a.postcode.as_str()), ("Woonboot bij de Nieuwe Brug", ""));
        let buitenland =
            json!({"burgerservicenummer": "999993653", "verblijfplaats": {"type": "VerblijfplaatsBuitenland"}});
        assert_eq!(BrpPersoon::lees(&buitenland).unwrap().adres, None);
    }
}
