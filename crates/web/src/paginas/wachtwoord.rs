//! Choosing one's own password: after a beheerder set one (the door sends the account here until
//! it is done), or whenever its owner wants. The other sessions of the account end.
use crate::AppState;
use crate::aanmelden::{self, wachtwoord_zwak};
use crate::pagina::{self, Kop, Melding};
use crate::poort::{self, Gebruiker};
use askama::Template;
use axum::Extension;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

#[derive(Template)]
#[template(path = "wachtwoord.html")]
struct Wachtwoord {
    kop: Kop,
    verplicht: bool,
    melding: Option<Melding>,
}

async fn toon(state: &AppState, g: &Gebruiker, status: StatusCode, melding: Option<Melding>) -> Response {
    let verplicht = match state.store.account(&g.account).await {
        Ok(a) => a.is_some_and(|a| a.moet_wijzigen),
        Err(e) => return pagina::serverfout(&e),
    };
    (status, pagina::toon(&Wachtwoord { kop: Kop::voor(g, ""), verplicht, melding })).into_response()
}

pub async fn formulier(State(state): State<AppState>, Extension(g): Extension<Gebruiker>) -> Response {
    toon(&state, &g, StatusCode::OK, None).await
}

#[derive(serde::Deserialize)]
pub struct Invoer {
    #[serde(default)]
    huidig: String,
    #[serde(default)]
    nieuw: String,
    #[serde(default)]
    herhaling: String,
}

pub async fn wijzig(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    sessie: Session,
    Form(f): Form<Invoer>,
) -> Response {
    let weiger = |tekst: String| toon(&state, &g, StatusCode::UNPROCESSABLE_ENTITY, Some(Melding::fout(tekst)));
    let account = match state.store.account(&g.account).await {
        Ok(Some(a)) => a,
        Ok(None) => return pagina::fout(401, "U bent niet (meer) aangemeld."),
        Err(e) => return pagina::serverfout(&e),
    };
    if f.huidig.chars().count() > aanmelden::MAX_WACHTWOORD
        || !state.wachtwoorden.klopt(&f.huidig, &account.wachtwoord_hash).await
    {
        let _ = g
            .log(
                &state,
                "wachtwoord wijzigen",
                &format!("account:{}", g.account),
                "geweigerd",
                Some("huidig wachtwoord onjuist"),
            )
            .await;
        return weiger("Het huidige wachtwoord is onjuist.".into()).await;
    }
    if f.nieuw != f.herhaling {
        return weiger("Het nieuwe wachtwoord en de herhaling verschillen.".into()).await;
    }
    if f.nieuw == f.huidig {
        return weiger("Kies een ander wachtwoord dan het huidige.".into()).await;
    }
    if let Some(reden) = wachtwoord_zwak(&f.nieuw, &[&g.account, &g.medewerker.naam]) {
        return weiger(format!("Nieuw wachtwoord: {reden}.")).await;
    }
    let hash = state.wachtwoorden.hash(&f.nieuw).await;
    let generatie = match state.store.wijzig_wachtwoord(&g.account, &hash).await {
        Ok(n) => n,
        Err(e) => return pagina::serverfout(&e),
    };
    // This session continues under the new generation, with a new id; the others have ended.
    if sessie.cycle_id().await.is_err() || sessie.insert(poort::sessie::GENERATIE, generatie).await.is_err() {
        return pagina::fout(500, "De sessie kon niet bijgewerkt worden.");
    }
    if let Err(e) = g.log(&state, "wachtwoord wijzigen", &format!("account:{}", g.account), "gelukt", None).await {
        return pagina::serverfout(&e);
    }
    let kop = Kop::voor(&g, "");
    pagina::met_kop(
        200,
        &kop,
        "Wachtwoord gewijzigd",
        Melding::ok("Uw nieuwe wachtwoord is opgeslagen. Andere sessies van uw account zijn beëindigd."),
    )
}
