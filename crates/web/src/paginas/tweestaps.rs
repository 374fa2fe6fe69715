//! The second step of signing in (docs/beveiliging.md): after the password, an account that can
//! open personal records enrols an authenticator app by QR code on its first sign-in, and gives a
//! code (or a recovery code) on every later one. Until then the door opens nothing else. A wrong
//! code counts toward the account's lock-out like a wrong password.
use crate::pagina::{self, Kop, Melding};
use crate::poort::{Gebruiker, sessie};
use crate::{AppState, aanmelden, rechten, tweestaps};
use askama::Template;
use axum::Extension;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

#[derive(Template, Default)]
#[template(path = "tweestaps.html")]
struct Tweestaps {
    kop: Kop,
    melding: Option<Melding>,
    /// Enrolment: the QR code and the same secret as text.
    qr: Option<String>,
    geheim: String,
    /// Just enrolled: the recovery codes, shown once, and where to go on.
    herstelcodes: Vec<String>,
    verder: String,
}

#[derive(serde::Deserialize)]
pub struct Invoer {
    #[serde(default)]
    code: String,
}

async fn wacht_op_tweede_stap(sessie: &Session) -> bool {
    sessie.get::<bool>(sessie::TWEEDE_STAP).await.ok().flatten().unwrap_or(false)
}

/// Where to go after the second step: the page asked for before signing in, or the start page.
async fn verder(sessie: &Session, g: &Gebruiker) -> String {
    let terug: Option<String> = sessie.remove(sessie::TERUG).await.ok().flatten();
    terug.unwrap_or_else(|| rechten::startpagina(g.medewerker.rol).to_string())
}

/// The secret being enrolled: kept in the session until a code proves the app has it.
async fn nieuw_geheim(sessie: &Session) -> Result<String, Response> {
    if let Ok(Some(g)) = sessie.get::<String>(sessie::NIEUW_GEHEIM).await {
        return Ok(g);
    }
    let g = tweestaps::nieuw_geheim();
    sessie
        .insert(sessie::NIEUW_GEHEIM, &g)
        .await
        .map_err(|_| pagina::fout(500, "De sessie kon niet bijgewerkt worden."))?;
    Ok(g)
}

async fn formulier_voor(
    state: &AppState,
    g: &Gebruiker,
    sessie: &Session,
    status: StatusCode,
    melding: Option<Melding>,
) -> Response {
    let ingesteld = match state.store.tweestaps(&g.account).await {
        Ok(t) => t.and_then(|t| t.geheim).is_some(),
        Err(e) => return pagina::serverfout(&e),
    };
    let mut t = Tweestaps { kop: Kop { csrf: g.csrf.clone(), ..Kop::default() }, melding, ..Tweestaps::default() };
    if !ingesteld {
        let geheim = match nieuw_geheim(sessie).await {
            Ok(x) => x,
            Err(antwoord) => return antwoord,
        };
        t.qr = tweestaps::qr_svg(&geheim, &g.account);
        t.geheim = geheim;
    }
    (status, pagina::toon(&t)).into_response()
}

pub async fn formulier(State(state): State<AppState>, Extension(g): Extension<Gebruiker>, sessie: Session) -> Response {
    if !wacht_op_tweede_stap(&sessie).await {
        return Redirect::to(rechten::startpagina(g.medewerker.rol)).into_response();
    }
    formulier_voor(&state, &g, &sessie, StatusCode::OK, None).await
}

pub async fn bevestig(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    sessie: Session,
    Form(f): Form<Invoer>,
) -> Response {
    if !wacht_op_tweede_stap(&sessie).await {
        return Redirect::to(rechten::startpagina(g.medewerker.rol)).into_response();
    }
    let opgeslagen = match state.store.tweestaps(&g.account).await {
        Ok(Some(t)) => t,
        Ok(None) => return pagina::fout(401, "U bent niet (meer) aangemeld."),
        Err(e) => return pagina::serverfout(&e),
    };
    let code: String = f.code.chars().take(32).collect();
    let nu = chrono::Utc::now().timestamp().max(0) as u64;
    let object = format!("account:{}", g.account);
    let Some(geheim) = &opgeslagen.geheim else {
        return inschrijven(&state, &g, &sessie, &code, nu).await;
    };
    let gelukt = match tweestaps::klopt(geheim, &code, nu, opgeslagen.stap) {
        Some(stap) => state.store.gebruik_stap(&g.account, stap).await.map(|ok| ok.then_some("code")),
        None => {
            let hash = tweestaps::herstelcode_hash(&code);
            if opgeslagen.herstelcodes.contains(&hash) {
                state
                    .store
                    .gebruik_herstelcode(&g.account, &opgeslagen.herstelcodes, &hash)
                    .await
                    .map(|ok| ok.then_some("herstelcode"))
            } else {
                Ok(None)
            }
        }
    };
    match gelukt {
        Ok(Some(hoe)) => {
            let over = opgeslagen.herstelcodes.len() - usize::from(hoe == "herstelcode");
            let reden = format!("met {hoe}; nog {over} herstelcodes");
            if let Err(e) = state.store.aanmelding_gelukt(&g.account).await {
                return pagina::serverfout(&e);
            }
            if let Err(e) = g.log(&state, "tweede stap", &object, "gelukt", Some(&reden)).await {
                return pagina::serverfout(&e);
            }
            if sessie.cycle_id().await.is_err() || sessie.remove::<bool>(sessie::TWEEDE_STAP).await.is_err() {
                return pagina::fout(500, "De sessie kon niet bijgewerkt worden.");
            }
            Redirect::to(&verder(&sessie, &g).await).into_response()
        }
        Ok(None) => weiger(&state, &g, &sessie, &object).await,
        Err(e) => pagina::serverfout(&e),
    }
}

/// A wrong code (also while enrolling): counted like a wrong password; the fifth ends the session
/// and locks the account.
async fn weiger(state: &AppState, g: &Gebruiker, sessie: &Session, object: &str) -> Response {
    let nu = chrono::Utc::now();
    let nu = chrono::DateTime::from_timestamp(nu.timestamp(), 0).unwrap_or(nu);
    let geteld = state.store.reserveer_poging(&g.account, nu, aanmelden::MAX_POGINGEN, nu + aanmelden::BLOKKADE).await;
    let open = match geteld {
        Ok(Some(n)) => n < aanmelden::MAX_POGINGEN,
        Ok(None) => false,
        Err(e) => return pagina::serverfout(&e),
    };
    if let Err(e) = g.log(state, "tweede stap", object, "geweigerd", Some("code onjuist of al gebruikt")).await {
        return pagina::serverfout(&e);
    }
    if !open {
        let _ = sessie.flush().await;
        return Redirect::to("/aanmelden").into_response();
    }
    let melding = Melding::fout(
        "Deze code klopt niet of is al gebruikt. Wacht op de volgende code van de app, en controleer bij het \
         instellen of de app de QR-code van deze pagina gebruikt.",
    );
    formulier_voor(state, g, sessie, StatusCode::UNPROCESSABLE_ENTITY, Some(melding)).await
}

/// Enrolment: the first code from the app proves it holds the secret; then the secret is the
/// account's and the recovery codes are shown, once.
async fn inschrijven(state: &AppState, g: &Gebruiker, sessie: &Session, code: &str, nu: u64) -> Response {
    let geheim = match nieuw_geheim(sessie).await {
        Ok(x) => x,
        Err(antwoord) => return antwoord,
    };
    let Some(stap) = tweestaps::klopt(&geheim, code, nu, 0) else {
        return weiger(state, g, sessie, &format!("account:{}", g.account)).await;
    };
    let codes = tweestaps::herstelcodes();
    let hashes: Vec<String> = codes.iter().map(|c| tweestaps::herstelcode_hash(c)).collect();
    let object = format!("account:{}", g.account);
    let opgeslagen = async {
        state.store.zet_tweestaps(&g.account, Some(&geheim), stap, &hashes).await?;
        state.store.aanmelding_gelukt(&g.account).await?;
        g.log(state, "tweestaps ingesteld", &object, "gelukt", None).await
    };
    if let Err(e) = opgeslagen.await {
        return pagina::serverfout(&e);
    }
    if sessie.cycle_id().await.is_err()
        || sessie.remove::<bool>(sessie::TWEEDE_STAP).await.is_err()
        || sessie.remove::<String>(sessie::NIEUW_GEHEIM).await.is_err()
    {
        return pagina::fout(500, "De sessie kon niet bijgewerkt worden.");
    }
    let t = Tweestaps {
        kop: Kop::voor(g, ""),
        herstelcodes: codes,
        verder: verder(sessie, g).await,
        ..Tweestaps::default()
    };
    pagina::toon(&t)
}
