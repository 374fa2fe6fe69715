//! The account audit page, for the teamleider and the beheerder: who signed in (or failed), which
//! accounts and roles changed, who was given access to dossiers, second steps. The grants stand
//! out, so that a role given by one beheerder is seen by a second person.
use crate::AppState;
use crate::pagina::{self, Kop};
use crate::poort::Gebruiker;
use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::response::Response;
use leerspoor_store::toegang::Toegang;

/// Lines shown at most: the newest, which is what a check needs.
const MAX: i64 = 500;

#[derive(Template)]
#[template(path = "accounts.html")]
struct Accounts {
    kop: Kop,
    regels: Vec<Toegang>,
    max: i64,
}

impl Accounts {
    fn tijd(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        pagina::tijdstip(t)
    }
}

pub async fn pagina(State(state): State<AppState>, Extension(g): Extension<Gebruiker>) -> Response {
    let regels = match state.store.toegang_accounts(MAX).await {
        Ok(r) => r,
        Err(e) => return pagina::serverfout(&e),
    };
    if let Err(e) = g.log(&state, "inzage accountlog", "accounts", "gelukt", None).await {
        return pagina::serverfout(&e);
    }
    pagina::toon(&Accounts { kop: Kop::voor(&g, "/accounts"), regels, max: MAX })
}
