//! The web application for caseworkers (issue 7): server-rendered Dutch pages over the service
//! layer (`leerspoor_casework`) and the report engine. Every route passes the door
//! ([`poort`]): session, role, gemeente scope, CSRF and the access log.
pub mod aanmelden;
mod afremmen;
pub mod api;
mod bestemming;
mod blokkerend;
mod codes;
mod csrf;
mod formulier;
pub mod inzage;
pub mod pagina;
mod paginas;
pub use paginas::brief::zetter as brief_zetter;
pub mod poort;
pub mod rechten;
mod sessies;
mod statisch;
mod tweestaps;
mod veiligheid;
mod verzoek;

use leerspoor_store::Store;
use poort::{Routes, Toegang};
use rechten::Recht;
use std::net::SocketAddr;
use std::sync::Arc;

/// Durations of the settings (the `time` crate's, as tower-sessions uses).
pub type Duur = time::Duration;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// What every handler may reach.
#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Store,
    /// The date the application treats as today (see [`Instellingen::vandaag`]).
    vandaag: Option<leerspoor_domain::Datum>,
    /// The werkvoorraad's region-wide lists, kept between visits.
    pub(crate) werkvoorraad: Arc<paginas::werkvoorraad::Bewaarde>,
    /// See [`Instellingen::sessie_inactief`].
    pub(crate) sessie_inactief: time::Duration,
    /// See [`Instellingen::sessie_max`].
    pub(crate) sessie_max: time::Duration,
    /// See [`Instellingen::achter_proxy`].
    pub(crate) achter_proxy: bool,
    pub(crate) veilige_cookie: bool,
    /// See [`Instellingen::tweestaps`].
    pub(crate) tweestaps: bool,
    pub(crate) afremmer: Arc<afremmen::Afremmer>,
    /// Wrong API keys per client address: apart from the sign-in's, so that neither can hold
    /// the other back (an office behind one address).
    pub(crate) api_afremmer: Arc<afremmen::Afremmer>,
    pub(crate) wachtwoorden: aanmelden::Wachtwoorden,
    /// PDF rendering of report downloads.
    pub(crate) pdf: blokkerend::Blokkerend,
    /// See [`Instellingen::brp`].
    pub(crate) brp: Option<Arc<leerspoor_brp::client::Brp>>,
}

impl AppState {
    pub fn new(store: Store, vandaag: Option<leerspoor_domain::Datum>) -> AppState {
        AppState::met(store, &Instellingen { vandaag, ..Instellingen::default() })
    }

    fn met(store: Store, i: &Instellingen) -> AppState {
        AppState {
            store,
            vandaag: i.vandaag,
            werkvoorraad: Default::default(),
            sessie_inactief: i.sessie_inactief,
            sessie_max: i.sessie_max,
            achter_proxy: i.achter_proxy,
            veilige_cookie: i.veilige_cookie,
            tweestaps: i.tweestaps,
            afremmer: Default::default(),
            api_afremmer: Default::default(),
            wachtwoorden: Default::default(),
            pdf: Default::default(),
            brp: i.brp.clone(),
        }
    }

    pub fn vandaag(&self) -> leerspoor_domain::Datum {
        self.vandaag.unwrap_or_else(|| chrono::Local::now().date_naive())
    }
}

/// How the application runs.
#[derive(Debug, Clone)]
pub struct Instellingen {
    /// Send the session cookie only over HTTPS (and send HSTS). Off only for a demo on plain
    /// http beyond localhost.
    pub veilige_cookie: bool,
    /// A session ends after this long without a request (BIO: a screen left alone locks).
    pub sessie_inactief: time::Duration,
    /// A session ends this long after signing in, however busy (one working day).
    pub sessie_max: time::Duration,
    /// Leerspoor runs behind a reverse proxy that sets `X-Forwarded-For`: the client's address is
    /// the last one it adds. Off, the header is ignored (a client could write anything in it).
    pub achter_proxy: bool,
    /// Accounts that can open personal records sign in with a second step (TOTP). Off only for
    /// `leerspoor demo`, whose accounts and data are fictional and whose password is published.
    pub tweestaps: bool,
    /// The werkvoorraad's today; `None` is the calendar date. The demo region ends on 31 July
    /// 2021, so its demo runs on a day inside its last schooljaar.
    pub vandaag: Option<leerspoor_domain::Datum>,
    /// The BRP, for *BRP bijwerken* in the dossier; without it the dossier does not offer it.
    pub brp: Option<Arc<leerspoor_brp::client::Brp>>,
}

impl Default for Instellingen {
    fn default() -> Self {
        Instellingen {
            veilige_cookie: true,
            sessie_inactief: time::Duration::minutes(30),
            sessie_max: time::Duration::hours(10),
            achter_proxy: false,
            tweestaps: true,
            vandaag: None,
            brp: None,
        }
    }
}

/// The routes, each with the right the door checks.
pub fn routes(state: AppState) -> Routes {
    use Recht::*;
    use Toegang::{Aangemeld, Openbaar};
    use paginas::*;
    Routes::new(state)
        .get("/static/{bestand}", Openbaar, statisch::bestand)
        .get("/aanmelden", Openbaar, inloggen::formulier)
        .post("/aanmelden", Openbaar, inloggen::aanmelden)
        .post("/afmelden", Aangemeld, inloggen::afmelden)
        .get("/tweestaps", Aangemeld, tweestaps::formulier)
        .post("/tweestaps", Aangemeld, tweestaps::bevestig)
        .get("/wachtwoord", Aangemeld, wachtwoord::formulier)
        .post("/wachtwoord", Aangemeld, wachtwoord::wijzig)
        .get("/", Aangemeld, werkvoorraad::pagina)
        .get("/zoeken", Toegang::Recht(DossierLezen), zoeken::pagina)
        .post_zonder_wijziging("/zoeken", Toegang::Recht(DossierLezen), zoeken::zoeken)
        .get("/jongeren/{jongere}", Toegang::Recht(DossierLezen), dossier::pagina)
        .get("/jongeren/{jongere}/audit", Toegang::Recht(AuditLezen), audit::pagina)
        .get("/jongeren/{jongere}/inzage", Toegang::Recht(AuditLezen), audit::inzage)
        .get("/jongeren/{jongere}/melding", Toegang::Recht(CasusSchrijven), melding::formulier)
        .post("/jongeren/{jongere}/melding", Toegang::Recht(CasusSchrijven), melding::registreer)
        // AVG art. 16: the caseworkers and the administration correct what they register.
        .get("/jongeren/{jongere}/corrigeren", Toegang::Recht(CasusSchrijven), correctie::formulier)
        .post("/jongeren/{jongere}/corrigeren", Toegang::Recht(CasusSchrijven), correctie::corrigeer)
        .get(
            "/jongeren/{jongere}/ouders/{ouder}/corrigeren",
            Toegang::Recht(CasusSchrijven),
            correctie::ouder_formulier,
        )
        .post(
            "/jongeren/{jongere}/ouders/{ouder}/corrigeren",
            Toegang::Recht(CasusSchrijven),
            correctie::corrigeer_ouder,
        )
        .get("/jongeren/{jongere}/zaken/{zaak}/actie", Toegang::Recht(CasusSchrijven), actie::formulier)
        .post("/jongeren/{jongere}/zaken/{zaak}/actie", Toegang::Recht(CasusSchrijven), actie::neem)
        .post("/jongeren/{jongere}/acties/{actie}/uitkomst", Toegang::Recht(CasusSchrijven), actie::uitkomst)
        .post("/jongeren/{jongere}/zaken/{zaak}/toewijzen", Toegang::Recht(CasusSchrijven), werkvoorraad::toewijzen)
        .post("/jongeren/{jongere}/zaken/{zaak}/sluiten", Toegang::Recht(CasusSchrijven), actie::sluit_zaak)
        .get("/jongeren/{jongere}/vrijstelling", Toegang::Recht(CasusSchrijven), vrijstelling::formulier)
        .post("/jongeren/{jongere}/vrijstelling", Toegang::Recht(CasusSchrijven), vrijstelling::aanvragen)
        .get("/jongeren/{jongere}/schoolverlof", Toegang::Recht(CasusSchrijven), vrijstelling::schoolverlof_formulier)
        .post("/jongeren/{jongere}/schoolverlof", Toegang::Recht(CasusSchrijven), vrijstelling::schoolverlof)
        .post(
            "/jongeren/{jongere}/vrijstellingen/{vrijstelling}/besluit",
            Toegang::Recht(CasusSchrijven),
            vrijstelling::besluit,
        )
        .post(
            "/jongeren/{jongere}/vrijstellingen/{vrijstelling}/verdagen",
            Toegang::Recht(CasusSchrijven),
            vrijstelling::verdaag,
        )
        .post(
            "/jongeren/{jongere}/vrijstellingen/{vrijstelling}/bezwaar",
            Toegang::Recht(CasusSchrijven),
            vrijstelling::bezwaar,
        )
        .post(
            "/jongeren/{jongere}/vrijstellingen/{vrijstelling}/hoorzitting",
            Toegang::Recht(CasusSchrijven),
            vrijstelling::hoorzitting,
        )
        .get("/jongeren/{jongere}/brief", Toegang::Recht(CasusSchrijven), brief::formulier)
        .post("/jongeren/{jongere}/brief", Toegang::Recht(CasusSchrijven), brief::maak)
        .get("/jongeren/{jongere}/documenten", Toegang::Recht(CasusSchrijven), ontvangen::toon)
        .post("/jongeren/{jongere}/documenten", Toegang::Recht(CasusSchrijven), ontvangen::ontvang)
        .get("/jongeren/{jongere}/documenten/{document}", Toegang::Recht(DossierLezen), brief::document)
        .get("/brieven", Toegang::Recht(CasusSchrijven), reeksen::pagina)
        .post("/brieven", Toegang::Recht(CasusSchrijven), reeksen::maak)
        .get("/brieven/reeksen/{reeks}/afdruk", Toegang::Recht(CasusSchrijven), reeksen::afdruk)
        .get("/brieven/reeksen/{reeks}/verzendlijst", Toegang::Recht(CasusSchrijven), reeksen::verzendlijst)
        .get("/jongeren/{jongere}/traject", Toegang::Recht(CasusSchrijven), traject::formulier)
        .post("/jongeren/{jongere}/traject", Toegang::Recht(CasusSchrijven), traject::start)
        .post("/jongeren/{jongere}/trajecten/{traject}/sluiten", Toegang::Recht(CasusSchrijven), traject::sluit)
        .post_zonder_wijziging("/jongeren/{jongere}/brp", Toegang::Recht(CasusSchrijven), brp::voorstellen)
        .post("/jongeren/{jongere}/brp/overnemen", Toegang::Recht(CasusSchrijven), brp::neem_over)
        .post_zonder_wijziging("/jongeren/{jongere}/brp/huishouden", Toegang::Recht(CasusSchrijven), brp::huishouden)
        .get("/jongeren/{jongere}/dagbesteding", Toegang::Recht(CasusSchrijven), traject::dagbesteding_formulier)
        .post("/jongeren/{jongere}/dagbesteding", Toegang::Recht(CasusSchrijven), traject::dagbesteding)
        // Shown in the dossier (DossierLezen); recorded and ended by who keeps it.
        .get("/jongeren/{jongere}/contactgegevens", Toegang::Recht(CasusSchrijven), contactgegevens::toon)
        .post("/jongeren/{jongere}/contactgegevens", Toegang::Recht(CasusSchrijven), contactgegevens::leg_vast)
        .post(
            "/jongeren/{jongere}/contactgegevens/{contactgegeven}/beeindigen",
            Toegang::Recht(CasusSchrijven),
            contactgegevens::beeindig,
        )
        .get("/koppelingen", Toegang::Recht(CasusSchrijven), koppelingen::pagina)
        .post("/koppelingen/duo-verzuim", Toegang::Recht(CasusSchrijven), koppelingen::duo_verzuim)
        .post("/koppelingen/duo-p", Toegang::Recht(CasusSchrijven), koppelingen::duo_p)
        .post("/koppelingen/duo-c", Toegang::Recht(CasusSchrijven), koppelingen::duo_c)
        .post("/koppelingen/rio", Toegang::Recht(CasusSchrijven), koppelingen::rio)
        .post("/koppelingen/api-sleutels", Toegang::Recht(CasusSchrijven), koppelingen::api_sleutel)
        .post(
            "/koppelingen/api-sleutels/{sleutel}/intrekken",
            Toegang::Recht(CasusSchrijven),
            koppelingen::api_sleutel_intrekken,
        )
        .get("/koppelingen/leveringen/{levering}", Toegang::Recht(CasusSchrijven), koppelingen::levering)
        .post("/koppelingen/terugmelding", Toegang::Recht(CasusSchrijven), koppelingen::terugmelding)
        .get(
            "/koppelingen/terugmelding/{verzending}",
            Toegang::Recht(CasusSchrijven),
            koppelingen::terugmelding_bestand,
        )
        .post(
            "/koppelingen/terugmelding/{verzending}/bevestiging",
            Toegang::Recht(CasusSchrijven),
            koppelingen::bevestiging,
        )
        .post("/koppelingen/vrijstellingen", Toegang::Recht(CasusSchrijven), koppelingen::vrijstellingen)
        .get(
            "/koppelingen/vrijstellingen/{verzending}",
            Toegang::Recht(CasusSchrijven),
            koppelingen::vrijstellingen_bestand,
        )
        .post(
            "/koppelingen/vrijstellingen/{verzending}/bevestiging",
            Toegang::Recht(CasusSchrijven),
            koppelingen::vrijstellingen_bevestiging,
        )
        .post("/koppelingen/doorsturen", Toegang::Recht(CasusSchrijven), koppelingen::doorsturen)
        .get("/koppelingen/doorsturen/{verzending}", Toegang::Recht(CasusSchrijven), koppelingen::doorsturen_bestand)
        .post(
            "/koppelingen/doorsturen/{verzending}/bevestiging",
            Toegang::Recht(CasusSchrijven),
            koppelingen::doorsturen_bevestiging,
        )
        .get("/rapportages", Toegang::Recht(Rapportage), rapportage::pagina)
        .get("/rapportages/download", Toegang::Recht(Rapportage), rapportage::download)
        .get("/beheer", Toegang::Recht(Beheer), beheer::pagina)
        .get("/accounts", Toegang::Recht(AccountsLezen), accounts::pagina)
        .post("/beheer/accounts", Toegang::Recht(Beheer), beheer::account)
        .post("/beheer/bundel", Toegang::Recht(Beheer), beheer::bundel)
        .get("/beheer/sjablonen", Toegang::Recht(Beheer), sjablonen::pagina)
        .post("/beheer/sjablonen", Toegang::Recht(Beheer), sjablonen::opslaan)
        .post_zonder_wijziging("/beheer/sjablonen/voorbeeld", Toegang::Recht(Beheer), sjablonen::voorbeeld)
        .post("/beheer/api-sleutels/{sleutel}/intrekken", Toegang::Recht(Beheer), beheer::api_sleutel_intrekken)
}

/// The whole application: routes behind the door, with sessions in the database, security
/// headers on every response and a limit on every request body.
pub fn app(store: Store, instellingen: &Instellingen) -> axum::Router {
    let state = AppState::met(store.clone(), instellingen);
    let sessies = SessionManagerLayer::new(sessies::DatabaseSessies(store))
        .with_name("leerspoor_sessie")
        .with_secure(instellingen.veilige_cookie)
        .with_http_only(true)
        .with_same_site(SameSite::Strict)
        .with_expiry(Expiry::OnInactivity(instellingen.sessie_inactief));
    routes(state.clone())
        .router()
        .merge(api::routes(state.clone()))
        .fallback(|| async { verzoek::Fout::NietGevonden })
        .layer(sessies)
        .layer(axum::middleware::from_fn(verzoek::volg))
        .layer(axum::extract::DefaultBodyLimit::max(veiligheid::MAX_VERZOEK))
        .layer(axum::middleware::from_fn_with_state(instellingen.veilige_cookie, veiligheid::koppen))
        .with_state(state)
}

/// Serves the application on a bound listener until the process is stopped; expired sessions are
/// cleared hourly. The caller binds, so that it can say the server is up only once it listens.
pub async fn serve(
    store: Store,
    luisteraar: tokio::net::TcpListener,
    instellingen: Instellingen,
) -> std::io::Result<()> {
    let opruimen = store.clone();
    tokio::spawn(async move {
        loop {
            let _ = opruimen.verwijder_verlopen_sessies(chrono::Utc::now()).await;
            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
        }
    });
    let app = app(store, &instellingen).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(luisteraar, app).await
}
