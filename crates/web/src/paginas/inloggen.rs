//! Signing in and out. A new session id at sign-in (no session fixation), a new CSRF token, and
//! each attempt in the access log.
use crate::aanmelden::{self, Aangemeld, AanmeldFout};
use crate::pagina::{self, Kop};
use crate::poort::{self, Gebruiker};
use crate::{AppState, csrf, rechten};
use askama::Template;
use axum::Extension;
use axum::extract::{Form, Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leerspoor_store::toegang::Herkomst;
use std::net::IpAddr;
use std::time::Instant;
use tower_sessions::Session;

#[derive(Template)]
#[template(path = "aanmelden.html")]
struct Aanmelden {
    kop: Kop,
    csrf: String,
    terug: String,
    gebruikersnaam: String,
    fout: Option<String>,
}

#[derive(serde::Deserialize, Default)]
pub struct Terug {
    #[serde(default)]
    terug: String,
}

/// The sign-in form, with a fresh token in the form and in its cookie (no session yet).
pub async fn formulier(State(state): State<AppState>, Query(q): Query<Terug>) -> Response {
    toon_formulier(&state, StatusCode::OK, q.terug, String::new(), None)
}

fn toon_formulier(state: &AppState, status: StatusCode, terug: String, naam: String, fout: Option<String>) -> Response {
    let (csrf, cookie) = csrf::aanmeldtoken(state.veilige_cookie);
    let terug = veilig_terug(&terug).unwrap_or_default().to_string();
    let t = Aanmelden { kop: Kop::default(), csrf, terug, gebruikersnaam: naam, fout };
    (status, [(SET_COOKIE, cookie)], pagina::toon(&t)).into_response()
}

#[derive(serde::Deserialize)]
pub struct Invoer {
    #[serde(default)]
    csrf: String,
    gebruikersnaam: String,
    wachtwoord: String,
    #[serde(default)]
    terug: String,
}

pub async fn aanmelden(
    State(state): State<AppState>,
    sessie: Session,
    Extension(herkomst): Extension<Herkomst>,
    headers: HeaderMap,
    Form(f): Form<Invoer>,
) -> Response {
    let naam: String = f.gebruikersnaam.trim().chars().take(aanmelden::MAX_GEBRUIKERSNAAM).collect();
    if !csrf::aanmeldtoken_klopt(&headers, &f.csrf) {
        let _ = state
            .store
            .log_van(&herkomst, "anoniem", "aanmelden", "aanmeldformulier", "geweigerd", Some("CSRF-controle"))
            .await;
        let tekst = "Het aanmeldformulier is verlopen of kwam niet van Leerspoor. Probeer het nog eens.".to_string();
        return toon_formulier(&state, StatusCode::FORBIDDEN, f.terug, naam, Some(tekst));
    }
    let adres = herkomst.adres.as_deref().and_then(|a| a.parse::<IpAddr>().ok());
    let nu = Instant::now();
    let uitslag = if state.afremmer.geremd(adres, nu) {
        // The usual refusal after the usual work: a throttled client learns nothing new.
        state.wachtwoorden.zelfde_werk(&f.wachtwoord).await;
        Err(AanmeldFout::Geweigerd { reden: "te veel mislukte pogingen van dit adres" })
    } else {
        aanmelden::controleer(&state.store, &state.wachtwoorden, &naam, &f.wachtwoord, chrono::Utc::now()).await
    };
    match uitslag {
        Ok(Aangemeld { account, medewerker }) => {
            if sessie.cycle_id().await.is_err()
                || sessie.remove::<String>("csrf").await.is_err()
                || sessie.insert(poort::sessie::ACCOUNT, &account.gebruikersnaam).await.is_err()
                || sessie.insert(poort::sessie::GENERATIE, account.generatie).await.is_err()
                || sessie.insert(poort::sessie::AANGEMELD, chrono::Utc::now().timestamp()).await.is_err()
            {
                return pagina::fout(500, "De sessie kon niet gestart worden.");
            }
            let object = format!("account:{}", account.gebruikersnaam);
            if let Err(e) = state.store.log_van(&herkomst, &medewerker.id, "aanmelden", &object, "gelukt", None).await {
                return pagina::serverfout(&e);
            }
            // The second step: for every account that can open personal records, and for any
            // account that enrolled. The page asked for waits until after it.
            let tweede_stap = match state.store.tweestaps(&account.gebruikersnaam).await {
                Ok(t) => {
                    state.tweestaps
                        && (rechten::tweestaps_verplicht(medewerker.rol) || t.is_some_and(|t| t.geheim.is_some()))
                }
                Err(e) => return pagina::serverfout(&e),
            };
            let terug = veilig_terug(&f.terug).map(str::to_string);
            if tweede_stap {
                let bewaard = sessie.insert(poort::sessie::TWEEDE_STAP, true).await.is_ok()
                    && (terug.is_none() || sessie.insert(poort::sessie::TERUG, &terug).await.is_ok());
                if !bewaard {
                    return pagina::fout(500, "De sessie kon niet gestart worden.");
                }
                return Redirect::to("/tweestaps").into_response();
            }
            let naar = if account.moet_wijzigen {
                "/wachtwoord".to_string()
            } else {
                terug.unwrap_or_else(|| rechten::startpagina(medewerker.rol).to_string())
            };
            Redirect::to(&naar).into_response()
        }
        Err(AanmeldFout::Geweigerd { reden }) => {
            state.afremmer.mislukt(adres, nu);
            let object = format!("account:{naam}");
            if let Err(e) =
                state.store.log_van(&herkomst, "anoniem", "aanmelden", &object, "geweigerd", Some(reden)).await
            {
                return pagina::serverfout(&e);
            }
            toon_formulier(&state, StatusCode::UNAUTHORIZED, f.terug, naam, Some(aanmelden::GEWEIGERD.to_string()))
        }
        Err(AanmeldFout::Store(e)) => pagina::serverfout(&e),
    }
}

/// Only a path on this site: it starts with one `/`, and holds no backslash, no control
/// character (browsers drop a tab or newline, so `/<TAB>/elders.nl` would become `//elders.nl`)
/// and nothing outside printable ASCII.
fn veilig_terug(terug: &str) -> Option<&str> {
    let mut tekens = terug.chars();
    let pad = tekens.next() == Some('/') && tekens.next() != Some('/');
    (pad && terug.chars().all(|c| c.is_ascii_graphic() && c != '\\')).then_some(terug)
}

pub async fn afmelden(State(state): State<AppState>, sessie: Session, Extension(g): Extension<Gebruiker>) -> Response {
    let _ = g.log(&state, "afmelden", &format!("account:{}", g.account), "gelukt", None).await;
    let _ = sessie.flush().await;
    Redirect::to("/aanmelden").into_response()
}

#[cfg(test)]
mod tests {
    use super::veilig_terug;

    #[test]
    fn after_sign_in_only_a_local_page_is_followed() {
        assert_eq!(veilig_terug("/jongeren/J1"), Some("/jongeren/J1"));
        assert_eq!(veilig_terug("//elders.nl/"), None);
        assert_eq!(veilig_terug("https://elders.nl/"), None);
        assert_eq!(veilig_terug(""), None);
        assert_eq!(veilig_terug("/\t/elders.nl/"), None, "a tab, which browsers drop");
        assert_eq!(veilig_terug("/\n/elders.nl/"), None);
        assert_eq!(veilig_terug("/\\elders.nl/"), None, "a backslash, which browsers read as a slash");
        assert_eq!(veilig_terug("/zoeken?q=\u{202e}"), None, "nothing outside printable ASCII");
        assert_eq!(veilig_terug("/zoeken?q=de%20vries"), Some("/zoeken?q=de%20vries"));
    }
}
