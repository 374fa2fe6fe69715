//! A person as the BRP gives them, in Leerspoor's terms: the part of the answer the register uses.
//! The BRP's dates may be incomplete (only a year, or a year and month, or unknown); Leerspoor keeps
//! only whole dates and says so where it matters.
use leerspoor_domain::{Bsn, Datum};
use serde_json::Value;

/// The fields Leerspoor asks about the person (the API's `fields`): only what the register
/// compares, nothing more (data minimisation; a gemeente authorises its users per field).
pub const VELDEN: &[&str] =
    &["burgerservicenummer", "naam", "geboorte", "overlijden", "verblijfplaats", "gemeenteVanInschrijving"];

/// The fields about the family, asked besides [`VELDEN`] unless the gemeente is not authorised
/// for them. Of the parents only who they are (number, name, sex for moeder or vader), not their
/// birth or the date of the familierechtelijke betrekking; `gezag` whole, since its parts depend
/// on its type.
pub const VELDEN_GEZIN: &[&str] = &[
    "ouders.burgerservicenummer",
    "ouders.geslacht",
    "ouders.naam.voornamen",
    "ouders.naam.voorvoegsel",
    "ouders.naam.geslachtsnaam",
    "gezag",
];

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
    /// The legal parents (at most two; a parent the BRP knows nothing of is left out).
    pub ouders: Vec<BrpOuder>,
    /// Parents the answer gives in a shape the register cannot read (an invalid BSN), left out of
    /// `ouders`, each with the reason naming the field: shown, never compared.
    pub ouders_onleesbaar: Vec<String>,
    /// Who has gezag over this person; `None` when the BRP gives none (an adult, or not asked).
    pub gezag: Option<BrpGezag>,
    /// The BRP has the gezagsrelatie in onderzoek (`inOnderzoek`): what it says may change.
    pub gezag_in_onderzoek: bool,
}

/// A parent as the BRP gives one (the API's `Ouder`).
#[derive(Debug, Clone, PartialEq)]
pub struct BrpOuder {
    pub bsn: Option<Bsn>,
    pub voornamen: String,
    pub voorvoegsel: String,
    pub geslachtsnaam: String,
    /// The code of the BRP's table Geslacht: `V`, `M` or `O` (onbekend); empty if not given.
    pub geslacht: String,
    /// Some of this parent's data is in onderzoek at the BRP (`inOnderzoek`, of the parent or of
    /// her name; sent without being asked).
    pub in_onderzoek: bool,
}

/// Someone with gezag as the BRP names them: a parent (`GezagOuder`) or a third (`BekendeDerde`).
/// The BRP gives their name only whole (`volledigeNaam`). An institution as voogd, or an
/// `OnbekendeDerde`, has no BSN (and the latter no name either).
#[derive(Debug, Clone, PartialEq)]
pub struct Gezaghebber {
    pub bsn: Option<Bsn>,
    pub naam: String,
}

/// The gezag over a minor, one variant per type of the API's `Gezagsrelatie`.
#[derive(Debug, Clone, PartialEq)]
pub enum BrpGezag {
    /// Both parents (`GezamenlijkOuderlijkGezag`).
    GezamenlijkOuderlijk(Vec<Gezaghebber>),
    /// One parent (`EenhoofdigOuderlijkGezag`).
    EenhoofdigOuderlijk(Gezaghebber),
    /// A parent with a third, such as a stepparent (`GezamenlijkGezag`).
    Gezamenlijk { ouder: Gezaghebber, derde: Gezaghebber },
    /// One or two voogden (`Voogdij`); none named when the voogd is an institution the BRP does
    /// not name.
    Voogdij(Vec<Gezaghebber>),
    /// Nobody has gezag for now (`TijdelijkGeenGezag`), with the BRP's explanation.
    TijdelijkGeen(String),
    /// The BRP cannot say who has gezag (`GezagNietTeBepalen`), with its explanation.
    NietTeBepalen(String),
    /// Gezag the register cannot compare, with the reason: a shape outside the contract (an
    /// unknown type, an invalid BSN), or one within it that leaves out whom it is about (an
    /// `EenhoofdigOuderlijkGezag` without `ouder`, a `GezamenlijkOuderlijkGezag` without `ouders`:
    /// not "nobody", but not said). Never read as anyone having or lacking gezag.
    Onleesbaar(String),
}

impl BrpGezag {
    /// Who has gezag; `Err` with the BRP's explanation when it names nobody (tijdelijk geen gezag,
    /// niet te bepalen) or the reason it cannot be read.
    pub fn gezaghebbers(&self) -> Result<Vec<&Gezaghebber>, &str> {
        match self {
            BrpGezag::GezamenlijkOuderlijk(h) | BrpGezag::Voogdij(h) => Ok(h.iter().collect()),
            BrpGezag::EenhoofdigOuderlijk(h) => Ok(vec![h]),
            BrpGezag::Gezamenlijk { ouder, derde } => Ok(vec![ouder, derde]),
            BrpGezag::TijdelijkGeen(t) | BrpGezag::NietTeBepalen(t) | BrpGezag::Onleesbaar(t) => Err(t),
        }
    }
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

    /// One person of an answer. An error only when she has no valid BSN (the API always gives one
    /// when asked): parents or gezag in a shape the register cannot read never cost the check of
    /// the person herself (her address, her death); they are kept as unreadable, with the reason
    /// naming the field ([`BrpPersoon::ouders_onleesbaar`], [`BrpGezag::Onleesbaar`]).
    pub fn lees(p: &Value) -> Result<BrpPersoon, String> {
        let bsn = p
            .get("burgerservicenummer")
            .and_then(Value::as_str)
            .and_then(|b| Bsn::parse(b).ok())
            .ok_or("burgerservicenummer: een persoon zonder geldig BSN")?;
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
        let (ouders, ouders_onleesbaar) = lees_ouders(p);
        let (gezag, gezag_in_onderzoek) = match lees_gezag(p, bsn) {
            Ok(Some((g, in_onderzoek))) => (Some(g), in_onderzoek),
            Ok(None) => (None, false),
            Err(reden) => (Some(BrpGezag::Onleesbaar(reden)), false),
        };
        Ok(BrpPersoon {
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
            ouders_onleesbaar,
            gezag,
            gezag_in_onderzoek,
        })
    }
}

/// The `burgerservicenummer` of `v`, if it has one: then it must be valid. `veld` names `v` in an
/// error.
fn bsn_bij(v: &Value, veld: &str) -> Result<Option<Bsn>, String> {
    match v.get("burgerservicenummer") {
        None => Ok(None),
        Some(b) => b
            .as_str()
            .and_then(|b| Bsn::parse(b).ok())
            .map(Some)
            .ok_or_else(|| format!("{veld}.burgerservicenummer: geen geldig BSN")),
    }
}

/// Whether the BRP marks `v` as in onderzoek: `inOnderzoek` is only sent when something is (a
/// boolean on a gezagsrelatie, an object saying which fields elsewhere).
fn in_onderzoek(v: Option<&Value>) -> bool {
    v.is_some_and(|v| !matches!(v, Value::Null | Value::Bool(false)))
}

/// The parents that can be read, and per parent that cannot, the reason (naming the field).
fn lees_ouders(p: &Value) -> (Vec<BrpOuder>, Vec<String>) {
    let Some(ouders) = p.get("ouders") else { return (Vec::new(), Vec::new()) };
    let Some(ouders) = ouders.as_array() else { return (Vec::new(), vec!["ouders: geen lijst".into()]) };
    let mut uit = Vec::with_capacity(ouders.len());
    let mut onleesbaar = Vec::new();
    for (i, o) in ouders.iter().enumerate() {
        let bsn = match bsn_bij(o, &format!("ouders[{i}]")) {
            Ok(b) => b,
            Err(reden) => {
                onleesbaar.push(reden);
                continue;
            }
        };
        let ouder = BrpOuder {
            bsn,
            voornamen: tekst(o, "/naam/voornamen"),
            voorvoegsel: tekst(o, "/naam/voorvoegsel"),
            geslachtsnaam: tekst(o, "/naam/geslachtsnaam"),
            geslacht: tekst(o, "/geslacht/code"),
            in_onderzoek: in_onderzoek(o.get("inOnderzoek")) || in_onderzoek(o.pointer("/naam/inOnderzoek")),
        };
        // A parent the BRP knows nothing of (no number, no name: the "puntouder") is no parent
        // to compare.
        if ouder.bsn.is_some() || !ouder.geslachtsnaam.trim().is_empty() {
            uit.push(ouder);
        }
    }
    (uit, onleesbaar)
}

/// The gezag over `bsn` itself, and whether the BRP has it in onderzoek: a youth who is a parent
/// herself also has gezag over her child, which is no business of the register. `Err` with the
/// reason when it cannot be read, or when a relation cannot be told to be about someone else.
fn lees_gezag(p: &Value, bsn: Bsn) -> Result<Option<(BrpGezag, bool)>, String> {
    let Some(relaties) = p.get("gezag") else { return Ok(None) };
    let relaties = relaties.as_array().ok_or("gezag: geen lijst")?;
    let mut over_zelf = Vec::new();
    for (i, r) in relaties.iter().enumerate() {
        let veld = format!("gezag[{i}]");
        let minderjarige = r.get("minderjarige").ok_or_else(|| format!("{veld}.minderjarige: ontbreekt"))?;
        if bsn_bij(minderjarige, &format!("{veld}.minderjarige"))? == Some(bsn) {
            over_zelf.push((gezagsrelatie(r, &veld)?, in_onderzoek(r.get("inOnderzoek"))));
        }
    }
    match over_zelf.len() {
        0 | 1 => Ok(over_zelf.pop()),
        n => Err(format!("gezag: {n} gezagsrelaties over dezelfde minderjarige")),
    }
}

fn gezagsrelatie(r: &Value, veld: &str) -> Result<BrpGezag, String> {
    // The contract leaves `ouder` and `ouders` optional: left out, the BRP does not say who, which
    // is not the same as nobody.
    let niet_genoemd = |naam: &str| BrpGezag::Onleesbaar(format!("{veld}.{naam}: de BRP noemt niet wie"));
    let hebber = |v: &Value, naam: &str| gezaghebber(v, &format!("{veld}.{naam}"));
    let lijst = |v: &Value, naam: &str| -> Result<Vec<Gezaghebber>, String> {
        let v = v.as_array().ok_or_else(|| format!("{veld}.{naam}: geen lijst"))?;
        v.iter().enumerate().map(|(i, h)| gezaghebber(h, &format!("{veld}.{naam}[{i}]"))).collect()
    };
    let toelichting = || tekst(r, "/toelichting");
    match r.get("type").and_then(Value::as_str) {
        Some("GezamenlijkOuderlijkGezag") => match r.get("ouders") {
            Some(o) => Ok(BrpGezag::GezamenlijkOuderlijk(lijst(o, "ouders")?)),
            None => Ok(niet_genoemd("ouders")),
        },
        Some("EenhoofdigOuderlijkGezag") => match r.get("ouder") {
            Some(o) => Ok(BrpGezag::EenhoofdigOuderlijk(hebber(o, "ouder")?)),
            None => Ok(niet_genoemd("ouder")),
        },
        // Without a derde the BRP names nobody: an unknown third, as `OnbekendeDerde`.
        Some("GezamenlijkGezag") => match r.get("ouder") {
            Some(o) => Ok(BrpGezag::Gezamenlijk {
                ouder: hebber(o, "ouder")?,
                derde: match r.get("derde") {
                    Some(d) => hebber(d, "derde")?,
                    None => Gezaghebber { bsn: None, naam: String::new() },
                },
            }),
            None => Ok(niet_genoemd("ouder")),
        },
        // No `derden`: an institution the BRP does not name (the contract allows none).
        Some("Voogdij") => Ok(BrpGezag::Voogdij(r.get("derden").map_or(Ok(Vec::new()), |d| lijst(d, "derden"))?)),
        Some("TijdelijkGeenGezag") => Ok(BrpGezag::TijdelijkGeen(toelichting())),
        Some("GezagNietTeBepalen") => Ok(BrpGezag::NietTeBepalen(toelichting())),
        Some(t) => Err(format!("{veld}.type: onbekend type gezag '{t}'")),
        None => Err(format!("{veld}.type: ontbreekt")),
    }
}

/// A `GezagOuder` or a `Derde` (`BekendeDerde`, `OnbekendeDerde`).
fn gezaghebber(v: &Value, veld: &str) -> Result<Gezaghebber, String> {
    match v.get("type").and_then(Value::as_str) {
        None | Some("BekendeDerde") => {
            Ok(Gezaghebber { bsn: bsn_bij(v, veld)?, naam: tekst(v, "/naam/volledigeNaam") })
        }
        Some("OnbekendeDerde") => Ok(Gezaghebber { bsn: None, naam: String::new() }),
        Some(t) => Err(format!("{veld}.type: onbekend type derde '{t}'")),
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

    #[test]
    fn parents_are_read_with_their_sex_and_gezag_only_over_the_person_herself() {
        // A mother of 17: gezag over herself (her parents) and over her baby (herself).
        let p = json!({
            "burgerservicenummer": "999993653",
            "ouders": [
                {"ouderAanduiding": "1", "burgerservicenummer": "100000046", "geslacht": {"code": "V", "omschrijving": "vrouw"},
                    "naam": {"voornamen": "Marja", "voorvoegsel": "de", "geslachtsnaam": "Vries"}},
                {"ouderAanduiding": "2", "naam": {"geslachtsnaam": "."}},
                {"ouderAanduiding": "2"}
            ],
            "gezag": [
                {"type": "EenhoofdigOuderlijkGezag", "minderjarige": {"burgerservicenummer": "100000058"},
                    "ouder": {"burgerservicenummer": "999993653", "naam": {"volledigeNaam": "Suzanne de Vries"}}},
                {"type": "GezamenlijkGezag", "minderjarige": {"burgerservicenummer": "999993653"},
                    "ouder": {"burgerservicenummer": "100000046", "naam": {"volledigeNaam": "Marja de Vries"}},
                    "derde": {"type": "OnbekendeDerde"}}
            ]
        });
        let b = BrpPersoon::lees(&p).unwrap();
        // The "puntouder" (a name of only a dot counts as a name: the BRP's way of "unknown") is
        // kept to be shown; a parent with neither number nor name is not.
        assert_eq!(b.ouders.len(), 2);
        assert_eq!((b.ouders[0].geslacht.as_str(), b.ouders[0].bsn), ("V", Bsn::parse("100000046").ok()));
        let marja = Gezaghebber { bsn: Bsn::parse("100000046").ok(), naam: "Marja de Vries".into() };
        let onbekend = Gezaghebber { bsn: None, naam: String::new() };
        assert_eq!(b.gezag, Some(BrpGezag::Gezamenlijk { ouder: marja, derde: onbekend }));
    }

    #[test]
    fn family_data_the_register_cannot_read_keeps_the_person_and_says_why_naming_the_field() {
        let met = |extra: Value| {
            let mut p = json!({"burgerservicenummer": "999993653",
                "verblijfplaats": {"type": "Locatie", "verblijfadres": {"locatiebeschrijving": "Woonboot"}}});
            p.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
            let b = BrpPersoon::lees(&p).unwrap();
            // The person herself is read all the same: her address can still be checked.
            assert!(b.adres.is_some());
            b
        };
        let onleesbaar = |extra: Value| match met(extra).gezag {
            Some(BrpGezag::Onleesbaar(reden)) => reden,
            g => panic!("{g:?}"),
        };
        let zelf = json!({"burgerservicenummer": "999993653"});
        assert_eq!(
            onleesbaar(json!({"gezag": [{"type": "Bewind", "minderjarige": zelf}]})),
            "gezag[0].type: onbekend type gezag 'Bewind'"
        );
        assert_eq!(
            onleesbaar(
                json!({"gezag": [{"type": "Voogdij", "minderjarige": zelf, "derden": [{"type": "Instelling"}]}]})
            ),
            "gezag[0].derden[0].type: onbekend type derde 'Instelling'"
        );
        // Within the contract, but whom it is about left out: not comparable, not "nobody".
        assert_eq!(
            onleesbaar(json!({"gezag": [{"type": "EenhoofdigOuderlijkGezag", "minderjarige": zelf}]})),
            "gezag[0].ouder: de BRP noemt niet wie"
        );
        assert_eq!(
            onleesbaar(json!({"gezag": [{"type": "GezamenlijkOuderlijkGezag", "minderjarige": zelf}]})),
            "gezag[0].ouders: de BRP noemt niet wie"
        );
        assert_eq!(
            onleesbaar(json!({"gezag": [{"type": "GezamenlijkGezag", "minderjarige": zelf}]})),
            "gezag[0].ouder: de BRP noemt niet wie"
        );
        let twee = json!({"type": "GezagNietTeBepalen", "minderjarige": zelf, "toelichting": "x"});
        assert_eq!(
            onleesbaar(json!({"gezag": [twee.clone(), twee]})),
            "gezag: 2 gezagsrelaties over dezelfde minderjarige"
        );
        // A parent with an invalid BSN is left out with the reason; the other parent stays.
        let b = met(
            json!({"ouders": [{"burgerservicenummer": "123"}, {"burgerservicenummer": "100000046", "naam": {"geslachtsnaam": "Vries"}}]}),
        );
        assert_eq!(b.ouders_onleesbaar, ["ouders[0].burgerservicenummer: geen geldig BSN"]);
        assert_eq!(b.ouders.len(), 1);
        // Gezag over her child only, whatever its shape: none of the register's business.
        let kind = json!({"type": "Bewind", "minderjarige": {"burgerservicenummer": "100000058"}});
        assert_eq!(met(json!({"gezag": [kind]})).gezag, None);
        assert_eq!(
            BrpPersoon::lees(&json!({"naam": {}})).unwrap_err(),
            "burgerservicenummer: een persoon zonder geldig BSN"
        );
    }

    #[test]
    fn in_onderzoek_is_read_from_the_gezagsrelatie_and_from_a_parent_or_her_name() {
        let p = json!({
            "burgerservicenummer": "999993653",
            "ouders": [
                {"burgerservicenummer": "100000046", "naam": {"geslachtsnaam": "Vries"},
                    "inOnderzoek": {"burgerservicenummer": true, "datumIngangOnderzoek": {"type": "Datum", "datum": "2024-01-01"}}},
                {"burgerservicenummer": "100000058", "naam": {"geslachtsnaam": "Vries", "inOnderzoek": {"geslachtsnaam": true}}},
                {"burgerservicenummer": "100000071", "naam": {"geslachtsnaam": "Jansen"}}
            ],
            "gezag": [{"type": "EenhoofdigOuderlijkGezag", "minderjarige": {"burgerservicenummer": "999993653"},
                "ouder": {"burgerservicenummer": "100000046", "naam": {"volledigeNaam": "Marja de Vries"}}, "inOnderzoek": true}]
        });
        let b = BrpPersoon::lees(&p).unwrap();
        assert_eq!(b.ouders.iter().map(|o| o.in_onderzoek).collect::<Vec<_>>(), [true, true, false]);
        assert!(b.gezag_in_onderzoek);
        assert!(matches!(b.gezag, Some(BrpGezag::EenhoofdigOuderlijk(_))));
    }
}
