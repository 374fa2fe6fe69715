//! Signing in and out. A new session id at sign-in (no session fixation), a new CSRF token, and
//! each attempt in the access log.
use crate::aanmelden::{self, AanmeldFout};
use crate::pagina::{self, Kop};
use crate::poort::{Gebruiker, SESSIE_MEDEWERKER};
use crate::{AppState, csrf, rechten};
use askama::Template;
use axum::Extension;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
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

pub async fn formulier(sessie: Session, Query(q): Query<Terug>) -> Response {
    let t = Aanmelden {
        kop: Kop::default(),
        csrf: csrf::token(&sessie).await,
        terug: q.terug,
        gebruikersnaam: String::new(),
        fout: None,
    };
    pagina::toon(&t)
}

#[derive(serde::Deserialize)]
pub struct Invoer {
    gebruikersnaam: String,
    wachtwoord: String,
    #[serde(default)]
    terug: String,
}

pub async fn aanmelden(State(state): State<AppState>, sessie: Session, Form(f): Form<Invoer>) -> Response {
    let naam = f.gebruikersnaam.trim().to_string();
    match aanmelden::controleer(&state.store, &naam, &f.wachtwoord, chrono::Utc::now()).await {
        Ok(medewerker) => {
            let m = match leerspoor_casework::medewerker(&state.store, &medewerker).await {
                Ok(m) => m,
                Err(e) => return weiger(&state, &sessie, naam, f.terug, e.to_string()).await,
            };
            if sessie.cycle_id().await.is_err()
                || sessie.remove::<String>("csrf").await.is_err()
                || sessie.insert(SESSIE_MEDEWERKER, &m.id).await.is_err()
            {
                return pagina::fout(500, "De sessie kon niet gestart worden.");
            }
            if let Err(e) = state.store.log(&m.id, "aanmelden", &format!("account:{naam}"), "gelukt", None).await {
                return pagina::serverfout(&e);
            }
            Redirect::to(veilig_terug(&f.terug).unwrap_or(rechten::startpagina(m.rol))).into_response()
        }
        Err(AanmeldFout::Geweigerd(g)) => weiger(&state, &sessie, naam, f.terug, g.to_string()).await,
        Err(AanmeldFout::Store(e)) => pagina::serverfout(&e),
    }
}

async fn weiger(state: &AppState, sessie: &Session, naam: String, terug: String, reden: String) -> Response {
    if let Err(e) = state.store.log("anoniem", "aanmelden", &format!("account:{naam}"), "geweigerd", Some(&reden)).await
    {
        return pagina::serverfout(&e);
    }
    let t = Aanmelden {
        kop: Kop::default(),
        csrf: csrf::token(sessie).await,
        terug,
        gebruikersnaam: naam,
        fout: Some(reden),
    };
    (StatusCode::UNAUTHORIZED, pagina::toon(&t)).into_response()
}

/// Only a path on this site: never `//elders.nl` or `https://…` (an open redirect).
fn veilig_terug(terug: &str) -> Option<&str> {
    (terug.starts_with('/') && !terug.starts_with("//") && !terug.contains('\\')).then_some(terug)
}

pub async fn afmelden(State(state): State<AppState>, sessie: Session, Extension(g): Extension<Gebruiker>) -> Response {
    let _ = state.store.log(g.id(), "afmelden", &format!("medewerker:{}", g.id()), "gelukt", None).await;
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
    }
}
