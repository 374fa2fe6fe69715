//! What every page shares: the header with the signed-in medewerker and the menu of what the role
//! may open, messages, and the error pages.
use crate::poort::Gebruiker;
use crate::rechten::{Recht, heeft};
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use leerspoor_domain::code_enum::CodeEnum;

/// The page header: who is signed in, the menu, and the session's CSRF token for forms.
#[derive(Debug, Clone, Default)]
pub struct Kop {
    pub naam: String,
    pub rol: String,
    pub menu: Vec<MenuItem>,
    pub csrf: String,
}

#[derive(Debug, Clone)]
pub struct MenuItem {
    pub href: &'static str,
    pub label: &'static str,
    pub actief: bool,
}

impl Kop {
    /// The header for a page of `actief` (its menu path).
    pub fn voor(g: &Gebruiker, actief: &str) -> Kop {
        let rol = g.medewerker.rol;
        let mut menu = Vec::new();
        let mut item = |href, label, recht| {
            if heeft(rol, recht) {
                menu.push(MenuItem { href, label, actief: href == actief });
            }
        };
        item("/", "Werkvoorraad", Recht::Werkvoorraad);
        item("/zoeken", "Zoeken", Recht::DossierLezen);
        item("/rapportages", "Rapportages", Recht::Rapportage);
        item("/brieven", "Brieven", Recht::CasusSchrijven);
        item("/koppelingen", "Koppelingen", Recht::CasusSchrijven);
        item("/beheer", "Beheer", Recht::Beheer);
        item("/accounts", "Accounts", Recht::AccountsLezen);
        let mut rol_label = rol.label().to_string();
        if g.medewerker.boa {
            rol_label.push_str(" (BOA)");
        }
        if let Some(gm) = &g.medewerker.gemeente {
            rol_label = format!("{rol_label}, {gm}");
        }
        Kop { naam: g.medewerker.naam.clone(), rol: rol_label, menu, csrf: g.csrf.clone() }
    }
}

/// A message above the content: `soort` is `ok` or `fout` (the NL Design System alert types).
#[derive(Debug, Clone)]
pub struct Melding {
    pub soort: &'static str,
    pub tekst: String,
}

impl Melding {
    pub fn ok(tekst: impl Into<String>) -> Melding {
        Melding { soort: "ok", tekst: tekst.into() }
    }
    pub fn fout(tekst: impl Into<String>) -> Melding {
        Melding { soort: "fout", tekst: tekst.into() }
    }
}

#[derive(Template)]
#[template(path = "bericht.html")]
struct Bericht<'a> {
    kop: &'a Kop,
    titel: &'a str,
    melding: Melding,
}

/// A page with only a message, with the header.
pub fn met_kop(status: u16, kop: &Kop, titel: &str, melding: Melding) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, toon(&Bericht { kop, titel, melding })).into_response()
}

/// An error page without header (no one signed in, or before the door knows who).
pub fn fout(status: u16, tekst: &str) -> Response {
    let titel = match status {
        401 => "Niet aangemeld",
        403 => "Geen toegang",
        404 => "Niet gevonden",
        405 => "Niet zo op te vragen",
        413 => "Te groot",
        _ => "Er ging iets mis",
    };
    met_kop(status, &Kop::default(), titel, Melding::fout(tekst))
}

/// A failure of the database or the machine: the cause goes to the log (in the request's span),
/// the user gets a plain message ([`crate::verzoek::Fout::Intern`]).
pub fn serverfout(oorzaak: &dyn std::fmt::Display) -> Response {
    crate::verzoek::Fout::Intern(oorzaak.to_string()).into_response()
}

/// Renders a template, or the error page if the template fails (it is checked at compile time,
/// so that would be a bug).
pub fn toon(t: &impl Template) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => serverfout(&e),
    }
}

/// A youth's or parent's name as it is written: `Sanne van der Berg`.
pub fn naam(voornamen: &str, tussenvoegsel: &str, achternaam: &str) -> String {
    leerspoor_domain::datum::volledige_naam(voornamen, tussenvoegsel, achternaam)
}

/// Dutch date, `3 maart 2021`, for people; forms use ISO dates.
pub fn datum(d: &leerspoor_domain::Datum) -> String {
    leerspoor_publicatie::datum_tekst(*d)
}

/// A moment of a log line, in local time: `15-06-2021 10:04:31`.
pub fn tijdstip(t: &chrono::DateTime<chrono::Utc>) -> String {
    t.with_timezone(&chrono::Local).format("%d-%m-%Y %H:%M:%S").to_string()
}

/// Dutch date of an optional value, or a dash.
pub fn datum_of_streep(d: &Option<leerspoor_domain::Datum>) -> String {
    d.as_ref().map(datum).unwrap_or_else(|| "–".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_dutch() {
        let d = chrono::NaiveDate::from_ymd_opt(2020, 2, 29).unwrap();
        assert_eq!(datum(&d), "29 februari 2020");
        assert_eq!(datum_of_streep(&None), "–");
        assert_eq!(naam("Sanne", "van der", "Berg"), "Sanne van der Berg");
        assert_eq!(naam("Ali", "", "Yilmaz"), "Ali Yilmaz");
    }
}
