//! Forms as values: every registration form is a [`Formulier`] rendered by one accessible
//! template (labels, help and error text tied to the field). When the service refuses, the same
//! form comes back with what the user typed and the Dutch message beside the field it concerns.
use crate::pagina::{self, Kop};
use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use leerspoor_casework::Fout;
use leerspoor_domain::Datum;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soort {
    Tekst,
    Datum,
    Getal,
    Keuze,
    Tekstvak,
    Vinkje,
}

#[derive(Debug, Clone)]
pub struct Veld {
    pub naam: &'static str,
    pub label: &'static str,
    pub hulp: &'static str,
    pub soort: Soort,
    pub waarde: String,
    pub keuzes: Vec<(String, String)>,
    pub verplicht: bool,
    pub fout: Option<String>,
}

impl Veld {
    pub fn new(naam: &'static str, label: &'static str, soort: Soort) -> Veld {
        Veld { naam, label, hulp: "", soort, waarde: String::new(), keuzes: Vec::new(), verplicht: false, fout: None }
    }
    pub fn verplicht(mut self) -> Veld {
        self.verplicht = true;
        self
    }
    pub fn hulp(mut self, hulp: &'static str) -> Veld {
        self.hulp = hulp;
        self
    }
    pub fn keuzes(mut self, keuzes: Vec<(String, String)>) -> Veld {
        self.keuzes = keuzes;
        self
    }
    pub fn waarde(mut self, w: impl Into<String>) -> Veld {
        self.waarde = w.into();
        self
    }
    pub fn is_keuze(&self) -> bool {
        self.soort == Soort::Keuze
    }
    pub fn is_tekstvak(&self) -> bool {
        self.soort == Soort::Tekstvak
    }
    pub fn is_vinkje(&self) -> bool {
        self.soort == Soort::Vinkje
    }
    pub fn aangevinkt(&self) -> bool {
        self.waarde == "ja"
    }
    pub fn input_type(&self) -> &'static str {
        match self.soort {
            Soort::Datum => "date",
            Soort::Getal => "number",
            _ => "text",
        }
    }
}

#[derive(Template, Debug, Clone)]
#[template(path = "formulier.html")]
pub struct Formulier {
    pub kop: Kop,
    pub titel: String,
    pub intro: String,
    pub actie: String,
    pub knop: &'static str,
    pub terug: String,
    pub velden: Vec<Veld>,
    /// A refusal that concerns the whole form rather than one field.
    pub algemeen: Option<String>,
}

impl Formulier {
    /// Fills the fields with what was posted (a checkbox posts only when ticked).
    pub fn met_invoer(mut self, invoer: &HashMap<String, String>) -> Formulier {
        for v in &mut self.velden {
            v.waarde = match v.soort {
                Soort::Vinkje => {
                    if invoer.contains_key(v.naam) {
                        "ja".into()
                    } else {
                        String::new()
                    }
                }
                _ => invoer.get(v.naam).cloned().unwrap_or_default(),
            };
        }
        self
    }

    pub fn heeft_fouten(&self) -> bool {
        self.algemeen.is_some() || self.velden.iter().any(|v| v.fout.is_some())
    }

    /// Puts a message beside a field (or above the form if there is no such field).
    pub fn fout(&mut self, veld: &str, melding: impl Into<String>) {
        let melding = melding.into();
        match self.velden.iter_mut().find(|v| v.naam == veld) {
            Some(v) if v.fout.is_none() => v.fout = Some(melding),
            Some(_) => {}
            None => self.algemeen = Some(melding),
        }
    }

    /// The service's refusal beside its field: an input error names the field; a rule refusal
    /// goes beside `regelveld` (the choice the rule is about).
    pub fn weigering(mut self, fout: Fout, regelveld: &str) -> Response {
        match fout {
            Fout::Invoer { veld, melding } => self.fout(veld, melding),
            Fout::Weigering(w) => self.fout(regelveld, format!("{} ({})", w.reden, w.regel)),
            Fout::Onbekend { wat, id } => self.fout(wat, format!("{wat} '{id}' bestaat niet")),
            Fout::Store(e) => return pagina::serverfout(&e),
        }
        self.terug_met_fouten()
    }

    /// The form again, with its messages, as 422 (the browser keeps the page, tests can tell).
    pub fn terug_met_fouten(&self) -> Response {
        (StatusCode::UNPROCESSABLE_ENTITY, pagina::toon(self)).into_response()
    }

    /// A required text field.
    pub fn tekst(&mut self, naam: &'static str) -> Option<String> {
        let w = self.waarde(naam).trim().to_string();
        if w.is_empty() && self.is_verplicht(naam) {
            self.fout(naam, "Vul dit veld in.");
            return None;
        }
        Some(w)
    }

    /// A date field: required or empty, written as the browser's date input sends it (jjjj-mm-dd)
    /// or as people type it (dd-mm-jjjj).
    pub fn datum(&mut self, naam: &'static str) -> Option<Option<Datum>> {
        let w = self.waarde(naam).trim().to_string();
        if w.is_empty() {
            if self.is_verplicht(naam) {
                self.fout(naam, "Vul een datum in.");
                return None;
            }
            return Some(None);
        }
        match lees_datum(&w) {
            Some(d) => Some(Some(d)),
            None => {
                self.fout(naam, format!("'{w}' is geen bestaande datum (dd-mm-jjjj)."));
                None
            }
        }
    }

    /// A whole number (hours, days): empty or at least 0.
    pub fn aantal(&mut self, naam: &'static str) -> Option<Option<u32>> {
        let w = self.waarde(naam).trim().to_string();
        if w.is_empty() {
            if self.is_verplicht(naam) {
                self.fout(naam, "Vul een aantal in.");
                return None;
            }
            return Some(None);
        }
        match w.parse::<u32>() {
            Ok(n) => Some(Some(n)),
            Err(_) => {
                self.fout(naam, format!("'{w}' is geen heel getal van 0 of meer."));
                None
            }
        }
    }

    pub fn vinkje(&self, naam: &str) -> bool {
        self.velden.iter().any(|v| v.naam == naam && v.aangevinkt())
    }

    fn waarde(&self, naam: &str) -> &str {
        self.velden.iter().find(|v| v.naam == naam).map(|v| v.waarde.as_str()).unwrap_or("")
    }

    fn is_verplicht(&self, naam: &str) -> bool {
        self.velden.iter().any(|v| v.naam == naam && v.verplicht)
    }
}

pub fn lees_datum(s: &str) -> Option<Datum> {
    ["%Y-%m-%d", "%d-%m-%Y"].iter().find_map(|f| Datum::parse_from_str(s.trim(), f).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn formulier() -> Formulier {
        Formulier {
            kop: Kop::default(),
            titel: "Melding".into(),
            intro: String::new(),
            actie: "/x".into(),
            knop: "Opslaan",
            terug: "/".into(),
            velden: vec![
                Veld::new("meldingsdatum", "Meldingsdatum", Soort::Datum).verplicht(),
                Veld::new("uren", "Uren", Soort::Getal),
                Veld::new("preventief", "Preventief", Soort::Vinkje),
            ],
            algemeen: None,
        }
    }

    #[test]
    fn an_impossible_date_is_named_beside_its_field_and_the_typed_text_stays() {
        let invoer = HashMap::from([("meldingsdatum".to_string(), "31-04-2021".to_string())]);
        let mut f = formulier().met_invoer(&invoer);
        assert_eq!(f.datum("meldingsdatum"), None);
        assert_eq!(f.velden[0].fout.as_deref(), Some("'31-04-2021' is geen bestaande datum (dd-mm-jjjj)."));
        assert_eq!(f.velden[0].waarde, "31-04-2021");
    }

    #[test]
    fn dates_are_read_as_the_browser_sends_them_and_as_people_type_them() {
        assert_eq!(lees_datum("2020-02-29"), "2020-02-29".parse().ok());
        assert_eq!(lees_datum("01-08-2021"), "2021-08-01".parse().ok());
        assert_eq!(lees_datum("29-02-2021"), None);
    }

    #[test]
    fn a_required_field_left_empty_and_a_negative_count_are_refused() {
        let invoer =
            HashMap::from([("uren".to_string(), "-3".to_string()), ("preventief".to_string(), "on".to_string())]);
        let mut f = formulier().met_invoer(&invoer);
        assert_eq!(f.datum("meldingsdatum"), None);
        assert_eq!(f.aantal("uren"), None);
        assert!(f.vinkje("preventief"));
        assert!(f.heeft_fouten());
        assert_eq!(f.velden[1].fout.as_deref(), Some("'-3' is geen heel getal van 0 of meer."));
    }

    #[test]
    fn a_refusal_for_an_unknown_field_goes_above_the_form() {
        let mut f = formulier();
        f.fout("elders", "Niet toegestaan");
        assert_eq!(f.algemeen.as_deref(), Some("Niet toegestaan"));
    }
}
