//! Forms as values: every registration form is a [`Formulier`] rendered by one accessible
//! template (labels, help and error text tied to the field). When the service refuses, the same
//! form comes back with what the user typed and the Dutch message beside the field it concerns.
use crate::pagina::{self, Kop};
use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use leerspoor_casework::Fout;
use leerspoor_domain::Datum;
use leerspoor_store::StoreFout;
use std::collections::HashMap;

/// The longest one-line text (a name, a reference) and the longest explanation a form accepts.
pub const MAX_TEKST: usize = 200;
pub const MAX_TEKSTVAK: usize = 4000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soort {
    Tekst,
    Datum,
    Getal,
    Keuze,
    Tekstvak,
    Vinkje,
    /// A file upload: the form is then sent as multipart, its token in the action's query.
    Bestand,
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
            Soort::Bestand => "file",
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

    /// Whether the form sends a file (multipart, [`Soort::Bestand`]).
    pub fn is_upload(&self) -> bool {
        self.velden.iter().any(|v| v.soort == Soort::Bestand)
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
        // Two caseworkers at one record: the store refused the later write whole rather than
        // overwrite the first. The user's to look at again (409), not a failure of Leerspoor.
        let gelijktijdig = matches!(fout, Fout::Store(StoreFout::Gelijktijdig { .. }));
        match self.zet_weigering(fout, regelveld) {
            Ok(()) if gelijktijdig => (StatusCode::CONFLICT, pagina::toon(&self)).into_response(),
            Ok(()) => self.terug_met_fouten(),
            Err(e) => pagina::serverfout(&e),
        }
    }

    /// [`Formulier::weigering`] for a page that shows the form itself: the message is put in the
    /// form; a failure of the database comes back, for the error page. A record someone else
    /// changed meanwhile goes above the form.
    pub fn zet_weigering(&mut self, fout: Fout, regelveld: &str) -> Result<(), StoreFout> {
        match fout {
            Fout::Invoer { veld, melding } => self.fout(veld, melding),
            Fout::Weigering(w) => self.fout(regelveld, format!("{} ({})", w.reden, w.regel)),
            Fout::Onbekend { wat, id } => self.fout(wat, format!("{wat} '{id}' bestaat niet")),
            Fout::Store(e @ StoreFout::Gelijktijdig { .. }) => self.algemeen = Some(zin(&e.to_string())),
            e @ Fout::Opmaak(_) => self.algemeen = Some(zin(&e.to_string())),
            Fout::Store(e) => return Err(e),
        }
        Ok(())
    }

    /// The form again, with its messages, as 422 (the browser keeps the page, tests can tell).
    pub fn terug_met_fouten(&self) -> Response {
        (StatusCode::UNPROCESSABLE_ENTITY, pagina::toon(self)).into_response()
    }

    /// A text field: filled in if required, and no longer than its kind allows.
    pub fn tekst(&mut self, naam: &'static str) -> Option<String> {
        let w = self.waarde(naam).trim().to_string();
        if w.is_empty() && self.is_verplicht(naam) {
            self.fout(naam, "Vul dit veld in.");
            return None;
        }
        let max = if self.velden.iter().any(|v| v.naam == naam && v.soort == Soort::Tekstvak) {
            MAX_TEKSTVAK
        } else {
            MAX_TEKST
        };
        let lengte = w.chars().count();
        if lengte > max {
            self.fout(naam, format!("Ten hoogste {max} tekens (nu {lengte})."));
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

    /// A yes/no choice that may be left open ("— kies —" means unknown).
    pub fn ja_nee(&mut self, naam: &'static str) -> Option<Option<bool>> {
        match self.waarde(naam).trim() {
            "" => Some(None),
            "ja" => Some(Some(true)),
            "nee" => Some(Some(false)),
            _ => {
                self.fout(naam, "Kies ja, nee of laat leeg.");
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

/// A message as a sentence: a capital first, a full stop at the end.
fn zin(melding: &str) -> String {
    let mut tekens = melding.chars();
    let eerste = tekens.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
    let rest = tekens.as_str().trim_end_matches('.');
    format!("{eerste}{rest}.")
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

    #[tokio::test]
    async fn a_closing_a_colleague_made_first_is_a_conflict_with_its_reason_not_a_server_error() {
        let fout = Fout::Store(StoreFout::Gelijktijdig { tabel: "zaak", sleutel: "Z-1".into() });
        let antwoord = formulier().weigering(fout, "meldingsdatum");
        assert_eq!(antwoord.status(), StatusCode::CONFLICT);
        let html = axum::body::to_bytes(antwoord.into_body(), usize::MAX).await.unwrap();
        let html = String::from_utf8(html.to_vec()).unwrap();
        assert!(
            html.contains("Zaak Z-1 is intussen door een ander gewijzigd of vastgelegd; er is niets opgeslagen"),
            "{html}"
        );
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
    fn a_text_longer_than_its_kind_allows_is_refused_beside_its_field() {
        let mut f = formulier();
        f.velden.push(Veld::new("kenmerk", "Kenmerk", Soort::Tekst));
        f.velden.push(Veld::new("toelichting", "Toelichting", Soort::Tekstvak));
        let invoer = HashMap::from([
            ("kenmerk".to_string(), "x".repeat(MAX_TEKST + 1)),
            ("toelichting".to_string(), "y".repeat(MAX_TEKST + 1)),
        ]);
        let mut f = f.met_invoer(&invoer);
        assert_eq!(f.tekst("kenmerk"), None);
        assert_eq!(f.velden[3].fout.as_deref(), Some("Ten hoogste 200 tekens (nu 201)."));
        assert_eq!(f.tekst("toelichting").map(|t| t.len()), Some(201), "an explanation may be longer");
        f.velden[4].waarde = "y".repeat(MAX_TEKSTVAK + 1);
        assert_eq!(f.tekst("toelichting"), None);
    }

    #[test]
    fn a_refusal_for_an_unknown_field_goes_above_the_form() {
        let mut f = formulier();
        f.fout("elders", "Niet toegestaan");
        assert_eq!(f.algemeen.as_deref(), Some("Niet toegestaan"));
    }
}
