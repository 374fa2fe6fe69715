//! The door every route passes (DESIGN.md: access is checked at the door). Each route is
//! registered with the [`Recht`] it needs; before the handler runs, the door
//! - finds the signed-in medewerker (still in service) in the session,
//! - checks the role's right for the route,
//! - limits a gemeente viewer to the youths living in its gemeente (routes with `{jongere}`),
//! - checks the CSRF token of every POST,
//! - and writes each refusal to the access log.
//!
//! The list of registered routes ([`Routes::lijst`]) lets a test walk every route for every role.
use crate::pagina::{self, Melding};
use crate::rechten::{Recht, heeft};
use crate::{AppState, csrf};
use axum::Router;
use axum::extract::{FromRequestParts, Path, Request, State};
use axum::handler::Handler;
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get, post};
use leerspoor_domain::model::{Jongere, Medewerker, Rol, Woonadres};
use std::collections::HashMap;
use tower_sessions::Session;

/// The session key of the signed-in medewerker's id.
pub const SESSIE_MEDEWERKER: &str = "medewerker";

/// The signed-in medewerker, for the handlers (request extension set by the door).
#[derive(Debug, Clone)]
pub struct Gebruiker {
    pub medewerker: Medewerker,
    /// The CSRF token every form of this session carries.
    pub csrf: String,
}

impl Gebruiker {
    pub fn id(&self) -> &str {
        &self.medewerker.id
    }
}

/// Who may use a route: anyone (sign-in, styles), anyone signed in, or the holders of a right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toegang {
    Openbaar,
    Aangemeld,
    Recht(Recht),
}

/// A registered route, for the test that walks them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteInfo {
    pub methode: &'static str,
    pub pad: &'static str,
    pub toegang: Toegang,
}

/// Builds the router and the list of its routes together, so no route escapes the door.
pub struct Routes {
    router: Router<AppState>,
    pub lijst: Vec<RouteInfo>,
    state: AppState,
}

impl Routes {
    pub fn new(state: AppState) -> Routes {
        Routes { router: Router::new(), lijst: Vec::new(), state }
    }

    pub fn get<H, T>(self, pad: &'static str, toegang: Toegang, h: H) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.voeg_toe("GET", pad, toegang, get(h))
    }

    pub fn post<H, T>(self, pad: &'static str, toegang: Toegang, h: H) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.voeg_toe("POST", pad, toegang, post(h))
    }

    fn voeg_toe(
        mut self,
        methode: &'static str,
        pad: &'static str,
        toegang: Toegang,
        m: MethodRouter<AppState>,
    ) -> Routes {
        let m = m.route_layer(from_fn_with_state((self.state.clone(), toegang), deur));
        self.router = self.router.route(pad, m);
        self.lijst.push(RouteInfo { methode, pad, toegang });
        self
    }

    pub fn router(self) -> Router<AppState> {
        self.router
    }
}

async fn deur(State((state, toegang)): State<(AppState, Toegang)>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let Ok(sessie) = Session::from_request_parts(&mut parts, &state).await else {
        return pagina::fout(500, "De sessie kon niet gelezen worden.");
    };
    let mut req = Request::from_parts(parts, body);
    if req.method() == axum::http::Method::POST {
        req = match csrf::controleer(&sessie, req).await {
            Ok(req) => req,
            Err(antwoord) => return antwoord,
        };
    }
    if toegang == Toegang::Openbaar {
        return next.run(req).await;
    }
    let gebruiker = match aangemelde(&state, &sessie).await {
        Ok(Some(g)) => g,
        Ok(None) => return naar_aanmelden(&req),
        Err(antwoord) => return antwoord,
    };
    let pad = req.uri().path().to_string();
    if let Toegang::Recht(recht) = toegang
        && !heeft(gebruiker.medewerker.rol, recht)
    {
        return weiger(&state, &gebruiker, &pad, "uw rol geeft geen toegang tot deze pagina").await;
    }
    let (mut parts, body) = req.into_parts();
    if let Ok(Path(params)) = Path::<HashMap<String, String>>::from_request_parts(&mut parts, &state).await
        && let Some(jongere) = params.get("jongere")
    {
        match binnen_gemeente(&state, &gebruiker.medewerker, jongere).await {
            Ok(true) => {}
            Ok(false) => {
                return weiger(&state, &gebruiker, &format!("jongere:{jongere}"), "jongere woont niet in uw gemeente")
                    .await;
            }
            Err(antwoord) => return antwoord,
        }
    }
    parts.extensions.insert(gebruiker);
    let wijziging = parts.method == axum::http::Method::POST;
    let antwoord = next.run(Request::from_parts(parts, body)).await;
    if wijziging {
        // A form may have changed the register: the werkvoorraad is read anew.
        state.werkvoorraad.verouderd();
    }
    antwoord
}

/// The medewerker of the session, if signed in and still in service; a session whose medewerker
/// left service is ended.
async fn aangemelde(state: &AppState, sessie: &Session) -> Result<Option<Gebruiker>, Response> {
    let id: Option<String> = sessie.get(SESSIE_MEDEWERKER).await.unwrap_or(None);
    let Some(id) = id else { return Ok(None) };
    match leerspoor_casework::medewerker(&state.store, &id).await {
        Ok(medewerker) => Ok(Some(Gebruiker { medewerker, csrf: csrf::token(sessie).await })),
        Err(leerspoor_casework::Fout::Store(e)) => Err(pagina::serverfout(&e)),
        Err(_) => {
            let _ = sessie.flush().await;
            Ok(None)
        }
    }
}

fn naar_aanmelden(req: &Request) -> Response {
    if req.method() == axum::http::Method::GET {
        let terug = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
        let terug: String = terug.bytes().map(|b| format!("%{b:02X}")).collect();
        Redirect::to(&format!("/aanmelden?terug={terug}")).into_response()
    } else {
        pagina::fout(401, "U bent niet (meer) aangemeld. Meld u opnieuw aan; wat u invulde is niet opgeslagen.")
    }
}

/// A gemeente viewer sees only youths who live in its gemeente today (the application's today);
/// other roles the whole region. An unknown youth passes: the handler answers 404 in its own words.
async fn binnen_gemeente(state: &AppState, m: &Medewerker, jongere: &str) -> Result<bool, Response> {
    if m.rol != Rol::Gemeente {
        return Ok(true);
    }
    let Some(eigen) = &m.gemeente else { return Ok(false) };
    let adressen: Vec<Woonadres> =
        state.store.lees_waar("jongere", jongere).await.map_err(|e| pagina::serverfout(&e))?;
    let vandaag = state.vandaag();
    let huidig = adressen
        .iter()
        .filter(|a| a.begindatum <= vandaag && a.einddatum.is_none_or(|e| vandaag <= e))
        .max_by_key(|a| a.begindatum);
    if let Some(a) = huidig {
        return Ok(&a.gemeente == eigen);
    }
    let bestaat = state.store.lees_een::<Jongere>(jongere).await.map_err(|e| pagina::serverfout(&e))?.is_some();
    Ok(!bestaat)
}

async fn weiger(state: &AppState, g: &Gebruiker, object: &str, reden: &str) -> Response {
    if let Err(e) = state.store.log(g.id(), "openen", object, "geweigerd", Some(reden)).await {
        return pagina::serverfout(&e);
    }
    pagina::met_kop(
        403,
        &pagina::Kop::voor(g, ""),
        "Geen toegang",
        Melding::fout(format!("U hebt geen toegang tot deze pagina: {reden}. De poging is vastgelegd.")),
    )
}
