//! The door every route passes (access is checked here, never in a handler). Each route is
//! registered with the [`Recht`] it needs; before the handler runs, the door
//! - notes where the request came from (client address and user agent, for the access log),
//! - finds the signed-in account in the session and ends the session if the account was
//!   deactivated, its password reset or its role changed since, if its medewerker left service,
//!   or if the session is older than the absolute maximum,
//! - sends an account whose password a beheerder chose to the page to choose its own,
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
use axum::extract::ConnectInfo;
use axum::extract::{FromRequestParts, Path, Request, State};
use axum::handler::Handler;
use axum::http::header::USER_AGENT;
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get, post};
use leerspoor_domain::model::{
    Actie, Contactgegeven, Gezinsrelatie, Jongere, Medewerker, RmcTraject, Rol, Vrijstelling, Woonadres, Zaak,
};
use leerspoor_store::toegang::Herkomst;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use tower_sessions::Session;

/// What a signed-in session holds (besides its CSRF token).
pub mod sessie {
    /// The account's name.
    pub const ACCOUNT: &str = "account";
    /// The account's generation at sign-in ([`leerspoor_store::toegang::Account::generatie`]).
    pub const GENERATIE: &str = "generatie";
    /// When the account signed in (Unix seconds), for the absolute maximum.
    pub const AANGEMELD: &str = "aangemeld";
    /// When the idle timeout was last pushed back (Unix seconds).
    pub const VERVERST: &str = "ververst";
    /// The password was right, the second step (a TOTP code) is still to come.
    pub const TWEEDE_STAP: &str = "tweede_stap";
    /// The TOTP secret being enrolled, until the first code proves the app holds it.
    pub const NIEUW_GEHEIM: &str = "nieuw_geheim";
    /// The page asked for before signing in, for after the second step.
    pub const TERUG: &str = "terug";
}

/// How often a request pushes the idle timeout back (a write of the session row): at most once a
/// minute, so that 50 caseworkers clicking do not write a row per click, and well within a short
/// idle time.
fn ververs_na(inactief: time::Duration) -> i64 {
    (inactief.whole_seconds() / 3).clamp(1, 60)
}

/// The signed-in medewerker, for the handlers (request extension set by the door).
#[derive(Debug, Clone)]
pub struct Gebruiker {
    pub medewerker: Medewerker,
    /// The account signed in with (one per medewerker).
    pub account: String,
    /// The CSRF token every form of this session carries.
    pub csrf: String,
    pub herkomst: Herkomst,
}

impl Gebruiker {
    pub fn id(&self) -> &str {
        &self.medewerker.id
    }

    /// A line in the access log in this user's name, with the client it came from.
    pub async fn log(
        &self,
        state: &AppState,
        handeling: &str,
        object: &str,
        resultaat: &str,
        reden: Option<&str>,
    ) -> Result<(), leerspoor_store::StoreFout> {
        state.store.log_van(&self.herkomst, self.id(), handeling, object, resultaat, reden).await
    }
}

/// The client of a request: its address (the socket's, or the proxy's `X-Forwarded-For` when
/// Leerspoor runs behind one) and user agent, cut to a length a log line can hold.
pub fn herkomst(parts: &axum::http::request::Parts, achter_proxy: bool) -> Herkomst {
    let socket = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let doorgestuurd = achter_proxy
        .then(|| parts.headers.get("x-forwarded-for")?.to_str().ok()?.rsplit(',').next()?.trim().parse::<IpAddr>().ok())
        .flatten();
    let agent = parts.headers.get(USER_AGENT).and_then(|v| v.to_str().ok()).map(|a| a.chars().take(200).collect());
    Herkomst { adres: doorgestuurd.or(socket).map(|a| a.to_string()), agent }
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
        self.voeg_toe("GET", pad, toegang, get(h), false)
    }

    pub fn post<H, T>(self, pad: &'static str, toegang: Toegang, h: H) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.voeg_toe("POST", pad, toegang, post(h), true)
    }

    /// A POST that only reads (a search sent as a form, to keep its terms out of the URL): it does
    /// not make the werkvoorraad read its lists anew.
    pub fn post_zonder_wijziging<H, T>(self, pad: &'static str, toegang: Toegang, h: H) -> Routes
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.voeg_toe("POST", pad, toegang, post(h), false)
    }

    fn voeg_toe(
        mut self,
        methode: &'static str,
        pad: &'static str,
        toegang: Toegang,
        m: MethodRouter<AppState>,
        wijzigt: bool,
    ) -> Routes {
        let m = m.route_layer(from_fn_with_state((self.state.clone(), Deur { toegang, wijzigt }), deur));
        self.router = self.router.route(pad, m);
        self.lijst.push(RouteInfo { methode, pad, toegang });
        self
    }

    pub fn router(self) -> Router<AppState> {
        self.router
    }
}

/// What the door knows of a route: who may use it, and whether it may change the register.
#[derive(Debug, Clone, Copy)]
struct Deur {
    toegang: Toegang,
    wijzigt: bool,
}

async fn deur(
    State((state, Deur { toegang, wijzigt })): State<(AppState, Deur)>,
    req: Request,
    next: Next,
) -> Response {
    let (mut parts, body) = req.into_parts();
    let herkomst = herkomst(&parts, state.achter_proxy);
    parts.extensions.insert(herkomst.clone());
    let Ok(sessie) = Session::from_request_parts(&mut parts, &state).await else {
        return pagina::fout(500, "De sessie kon niet gelezen worden.");
    };
    let mut req = Request::from_parts(parts, body);
    if toegang == Toegang::Openbaar {
        // Before sign-in there is no session (no row for every anonymous visitor): the sign-in
        // form checks its own token (csrf::aanmeldtoken).
        return next.run(req).await;
    }
    let gebruiker = match aangemelde(&state, &sessie, herkomst).await {
        Ok(Some(Aangemelde { gebruiker, moet_wijzigen, tweede_stap })) => {
            let pad = req.uri().path();
            if tweede_stap && !matches!(pad, "/tweestaps" | "/afmelden") {
                return Redirect::to("/tweestaps").into_response();
            }
            if moet_wijzigen && !tweede_stap && !matches!(pad, "/wachtwoord" | "/afmelden") {
                return Redirect::to("/wachtwoord").into_response();
            }
            gebruiker
        }
        Ok(None) => return naar_aanmelden(&req),
        Err(antwoord) => return antwoord,
    };
    if req.method() == axum::http::Method::POST {
        let pad = req.uri().path().to_string();
        req = match csrf::controleer(&sessie, req).await {
            Ok(req) => req,
            Err(antwoord) => {
                if let Err(e) = gebruiker.log(&state, "formulier", &pad, "geweigerd", Some("CSRF-controle")).await {
                    return pagina::serverfout(&e);
                }
                return antwoord;
            }
        };
    }
    tracing::Span::current().record("account", gebruiker.account.as_str());
    let (mut parts, body) = req.into_parts();
    let params = Path::<HashMap<String, String>>::from_request_parts(&mut parts, &state).await.map(|p| p.0).ok();
    let jongere = params.as_ref().and_then(|p| p.get("jongere"));
    if let Toegang::Recht(recht) = toegang
        && !heeft(gebruiker.medewerker.rol, recht)
    {
        // A refusal about a youth is logged on the youth, so that her audit page shows it.
        let object = jongere.map_or_else(|| parts.uri.path().to_string(), |j| format!("jongere:{j}"));
        return weiger(&state, &gebruiker, &object, parts.uri.path(), "uw rol geeft geen toegang tot deze pagina")
            .await;
    }
    if let (Some(params), Some(jongere)) = (&params, jongere) {
        match zichtbaar(&state, &gebruiker.medewerker, jongere, params).await {
            Ok(None) => {}
            // Unknown, of another youth, or outside the gemeente: one answer for all three, so
            // that an id in a URL tells nothing about the register.
            Ok(Some(reden)) => return verborgen(&state, &gebruiker, jongere, reden).await,
            Err(e) => return pagina::serverfout(&e),
        }
    }
    parts.extensions.insert(gebruiker);
    let antwoord = next.run(Request::from_parts(parts, body)).await;
    if wijzigt {
        // A form may have changed the register: the werkvoorraad is read anew.
        state.werkvoorraad.verouderd();
    }
    antwoord
}

struct Aangemelde {
    gebruiker: Gebruiker,
    /// A beheerder chose the password: only `/wachtwoord` (and signing out) until it is changed.
    moet_wijzigen: bool,
    /// The second step of signing in is still to come: only `/tweestaps` (and signing out).
    tweede_stap: bool,
}

/// The signed-in account of the session, if it still may be: the account active and of the
/// generation the session signed in under, its medewerker in service, and the session younger
/// than the absolute maximum. Otherwise the session is ended (its row deleted).
async fn aangemelde(state: &AppState, sessie: &Session, herkomst: Herkomst) -> Result<Option<Aangemelde>, Response> {
    let naam: Option<String> = sessie.get(sessie::ACCOUNT).await.unwrap_or(None);
    let Some(naam) = naam else { return Ok(None) };
    let generatie: Option<i64> = sessie.get(sessie::GENERATIE).await.unwrap_or(None);
    let aangemeld: i64 = sessie.get(sessie::AANGEMELD).await.unwrap_or(None).unwrap_or(0);
    let nu = chrono::Utc::now().timestamp();
    let account = state.store.sessie_account(&naam).await.map_err(|e| pagina::serverfout(&e))?;
    let geldig = account
        .filter(|a| a.actief && Some(a.generatie) == generatie && nu - aangemeld < state.sessie_max.whole_seconds());
    let medewerker = match geldig.as_ref().map(|a| a.medewerker.clone()) {
        Some(id) => match leerspoor_casework::medewerker(&state.store, &id).await {
            Ok(m) => Some(m),
            Err(leerspoor_casework::Fout::Store(e)) => return Err(pagina::serverfout(&e)),
            Err(_) => None,
        },
        None => None,
    };
    let (Some(account), Some(medewerker)) = (geldig, medewerker) else {
        let _ = sessie.flush().await;
        return Ok(None);
    };
    let ververst: i64 = sessie.get(sessie::VERVERST).await.unwrap_or(None).unwrap_or(0);
    if nu - ververst >= ververs_na(state.sessie_inactief) {
        // A changed session is saved with a new idle deadline (tower-sessions' OnInactivity).
        let _ = sessie.insert(sessie::VERVERST, nu).await;
    }
    let gebruiker = Gebruiker { medewerker, account: naam, csrf: csrf::token(sessie).await, herkomst };
    let tweede_stap = sessie.get::<bool>(sessie::TWEEDE_STAP).await.ok().flatten().unwrap_or(false);
    Ok(Some(Aangemelde { gebruiker, moet_wijzigen: account.moet_wijzigen, tweede_stap }))
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

/// Whether the youth of a path may be shown to this medewerker, and the other ids of the path
/// (zaak, actie, vrijstelling, traject, contactgegeven, a linked ouder) are records of that youth:
/// `None` if so, else the reason for the access log. A gemeente viewer sees only youths who live
/// in its gemeente today (the application's today); other roles the whole region.
async fn zichtbaar(
    state: &AppState,
    m: &Medewerker,
    jongere: &str,
    params: &HashMap<String, String>,
) -> Result<Option<&'static str>, leerspoor_store::StoreFout> {
    let store = &state.store;
    if store.lees_een::<Jongere>(jongere).await?.is_none() {
        return Ok(Some("onbekende jongere"));
    }
    if m.rol == Rol::Gemeente {
        let adressen: Vec<Woonadres> = store.lees_waar("jongere", jongere).await?;
        let vandaag = state.vandaag();
        let huidig = adressen
            .iter()
            .filter(|a| a.begindatum <= vandaag && a.einddatum.is_none_or(|e| vandaag <= e))
            .max_by_key(|a| a.begindatum);
        if m.gemeente.is_none() || huidig.map(|a| &a.gemeente) != m.gemeente.as_ref() {
            return Ok(Some("jongere woont niet in uw gemeente"));
        }
    }
    for (naam, id) in params {
        let van = match naam.as_str() {
            "zaak" => store.lees_een::<Zaak>(id).await?.map(|r| r.jongere),
            "actie" => store.lees_een::<Actie>(id).await?.map(|r| r.jongere),
            "vrijstelling" => store.lees_een::<Vrijstelling>(id).await?.map(|r| r.jongere),
            "traject" => store.lees_een::<RmcTraject>(id).await?.map(|r| r.jongere),
            "contactgegeven" => store.lees_een::<Contactgegeven>(id).await?.map(|r| r.jongere),
            // A parent is hers when linked to her (one parent record serves all her children).
            "ouder" => store
                .lees_waar::<Gezinsrelatie>("jongere", jongere)
                .await?
                .into_iter()
                .find(|r| &r.ouder == id)
                .map(|r| r.jongere),
            _ => continue,
        };
        if van.as_deref() != Some(jongere) {
            return Ok(Some(if van.is_none() {
                "onbekend dossieronderdeel"
            } else {
                "dossieronderdeel van een andere jongere"
            }));
        }
    }
    Ok(None)
}

/// A refusal by the door: logged on `object` with the reason and the path, shown with the reason.
async fn weiger(state: &AppState, g: &Gebruiker, object: &str, pad: &str, reden: &str) -> Response {
    if let Err(e) = g.log(state, "openen", object, "geweigerd", Some(&format!("{reden} ({pad})"))).await {
        return pagina::serverfout(&e);
    }
    pagina::met_kop(
        403,
        &pagina::Kop::voor(g, ""),
        "Geen toegang",
        Melding::fout(format!("U hebt geen toegang tot deze pagina: {reden}. De poging is vastgelegd.")),
    )
}

/// A path naming a youth this user may not see, or records that are not that youth's: logged
/// as the refusal it is, answered as an unknown id.
async fn verborgen(state: &AppState, g: &Gebruiker, jongere: &str, reden: &str) -> Response {
    let object = format!("jongere:{jongere}");
    if let Err(e) = g.log(state, "openen", &object, "geweigerd", Some(reden)).await {
        return pagina::serverfout(&e);
    }
    niet_gevonden(g)
}

/// The page for an id that is not in the register (or not for this user).
pub fn niet_gevonden(g: &Gebruiker) -> Response {
    pagina::met_kop(
        404,
        &pagina::Kop::voor(g, ""),
        "Niet gevonden",
        Melding::fout("Deze jongere of dit dossieronderdeel is niet gevonden."),
    )
}
