//! The door, tested the way an attacker or a curious colleague would: every route for every role
//! (with and without the right, inside and outside the gemeente), without a session, without a
//! CSRF token, and the lock-out after five wrong passwords. On SQLite and PostgreSQL.
use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use chrono::NaiveDate;
use leerspoor_domain::model::{Dataset, Medewerker, Rol};
use leerspoor_store::Store;
use leerspoor_store::toegang::Account;
use leerspoor_web::poort::Toegang;
use leerspoor_web::rechten::{Recht, heeft};
use leerspoor_web::{AppState, Instellingen};
use tower::ServiceExt;

const WACHTWOORD: &str = "een lange zin als wachtwoord";

fn vandaag() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 6, 15).unwrap()
}

struct Regio {
    store: Store,
    app: Router,
    dataset: Dataset,
    _db: leerspoor_testdb::TestDb,
}

/// A small demo region with one account per role (named after the role's code).
async fn regio(db: leerspoor_testdb::TestDb) -> Regio {
    regio_met(db, None).await
}

/// [`regio`], with a BRP for the dossier's *BRP bijwerken*.
async fn regio_met(db: leerspoor_testdb::TestDb, brp: Option<leerspoor_brp::client::Brp>) -> Regio {
    let dataset = leerspoor_demo::genereer(&leerspoor_demo::DemoOpties { seed: 7, scale: 0.02 });
    let opties = leerspoor_ingest::ImportOpties { dry_run: false, gebruiker: "test".into() };
    leerspoor_ingest::importeer_dataset(&db.store, dataset.clone(), "test", &opties).await.unwrap();
    let hash = leerspoor_web::aanmelden::hash(WACHTWOORD);
    for rol in <Rol as leerspoor_domain::code_enum::CodeEnum>::ALL {
        let m = medewerker(&dataset, *rol);
        db.store.bewaar_account(&Account::nieuw(&rol.to_string(), &m.id, hash.clone())).await.unwrap();
    }
    // The second step of signing in has tests of its own (`mit_tweestaps`); here it is off.
    let instellingen = Instellingen {
        vandaag: Some(vandaag()),
        tweestaps: false,
        brp: brp.map(std::sync::Arc::new),
        ..Instellingen::default()
    };
    Regio { store: db.store.clone(), app: leerspoor_web::app(db.store.clone(), &instellingen), dataset, _db: db }
}

fn medewerker(ds: &Dataset, rol: Rol) -> &Medewerker {
    let nu = chrono::Local::now().date_naive();
    ds.medewerkers
        .iter()
        .find(|m| m.rol == rol && m.in_dienst <= nu && m.uit_dienst.is_none_or(|u| u >= nu))
        .unwrap_or_else(|| panic!("een medewerker met rol {rol}"))
}

/// A youth living in (or outside) the gemeente on the application's today.
fn jongere(ds: &Dataset, gemeente: &leerspoor_domain::Gemeentecode, binnen: bool) -> String {
    let d = vandaag();
    ds.woonadressen
        .iter()
        .find(|a| a.begindatum <= d && a.einddatum.is_none_or(|e| e >= d) && (&a.gemeente == gemeente) == binnen)
        .map(|a| a.jongere.clone())
        .expect("een jongere")
}

#[derive(Debug)]
struct Antwoord {
    status: StatusCode,
    cookie: Option<String>,
    body: String,
}

async fn vraag(app: &Router, methode: &str, pad: &str, cookie: Option<&str>, form: Option<String>) -> Antwoord {
    vraag_met(app, methode, pad, cookie, form).await.0
}

/// [`vraag`], with the response's headers.
async fn vraag_met(
    app: &Router,
    methode: &str,
    pad: &str,
    cookie: Option<&str>,
    form: Option<String>,
) -> (Antwoord, axum::http::HeaderMap) {
    let mut req = Request::builder().method(methode).uri(pad);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    let req = match form {
        Some(f) => req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(Body::from(f)),
        None => req.body(Body::empty()),
    }
    .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let cookie = headers.get(header::SET_COOKIE).map(|v| v.to_str().unwrap().split(';').next().unwrap().to_string());
    // Lossy: the route walker also opens downloads (a PDF).
    let body = String::from_utf8_lossy(&to_bytes(res.into_body(), usize::MAX).await.unwrap()).into_owned();
    (Antwoord { status, cookie, body }, headers)
}

fn csrf(html: &str) -> String {
    let i = html.find("name=\"csrf\" value=\"").expect("een formulier met CSRF-token") + 19;
    html[i..i + 64].to_string()
}

/// Sends the sign-in form; the response (a redirect with the new session's cookie, or a refusal).
async fn probeer_aan_te_melden(app: &Router, naam: &str, wachtwoord: &str) -> Antwoord {
    let a = vraag(app, "GET", "/aanmelden", None, None).await;
    let cookie = a.cookie.clone().expect("het cookie van het aanmeldformulier");
    let form =
        format!("csrf={}&gebruikersnaam={naam}&wachtwoord={}&terug=", csrf(&a.body), wachtwoord.replace(' ', "+"));
    vraag(app, "POST", "/aanmelden", Some(&cookie), Some(form)).await
}

/// Signs in; the session cookie and the CSRF token of the signed-in session.
async fn aanmelden(app: &Router, naam: &str, wachtwoord: &str) -> Result<(String, String), Antwoord> {
    let b = probeer_aan_te_melden(app, naam, wachtwoord).await;
    if b.status != StatusCode::SEE_OTHER {
        return Err(b);
    }
    let cookie = b.cookie.expect("een nieuwe sessie-id na het aanmelden");
    let start = leerspoor_web::rechten::startpagina(naam.parse_rol());
    let c = vraag(app, "GET", start, Some(&cookie), None).await;
    assert_eq!(c.status, StatusCode::OK, "{naam} opent {start}");
    Ok((cookie, csrf(&c.body)))
}

trait RolNaam {
    fn parse_rol(&self) -> Rol;
}
impl RolNaam for str {
    fn parse_rol(&self) -> Rol {
        <Rol as leerspoor_domain::code_enum::CodeEnum>::from_code(self).unwrap()
    }
}

fn invullen(pad: &str, jongere: &str) -> String {
    pad.replace("{jongere}", jongere)
        .replace("{zaak}", "Z-ONBEKEND")
        .replace("{actie}", "A-ONBEKEND")
        .replace("{vrijstelling}", "V-ONBEKEND")
        .replace("{traject}", "R-ONBEKEND")
        .replace("{ouder}", "O-ONBEKEND")
        .replace("{bestand}", "leerspoor.css")
        .replace("{levering}", "L-ONBEKEND")
        .replace("{verzending}", "V-ONBEKEND")
        .replace("{document}", "D-ONBEKEND")
        .replace("{reeks}", "R-ONBEKEND")
        .replace("{contactgegeven}", "C-ONBEKEND")
}

#[tokio::test]
async fn every_route_for_every_role_opens_exactly_what_the_role_needs() {
    for db in leerspoor_testdb::alle().await {
        let r = regio(db).await;
        let viewer = medewerker(&r.dataset, Rol::Gemeente);
        let eigen_gemeente = viewer.gemeente.clone().unwrap();
        let binnen = jongere(&r.dataset, &eigen_gemeente, true);
        let buiten = jongere(&r.dataset, &eigen_gemeente, false);
        let state = AppState::new(r.store.clone(), Some(vandaag()));
        let mut routes = leerspoor_web::routes(state).lijst;
        // Signing out ends the session: walk it last.
        routes.sort_by_key(|route| route.pad == "/afmelden");
        for rol in <Rol as leerspoor_domain::code_enum::CodeEnum>::ALL {
            let (cookie, token) = aanmelden(&r.app, rol.to_string().as_str(), WACHTWOORD).await.unwrap_or_else(|a| {
                panic!("{rol} meldt zich aan: {} {}", a.status, a.body);
            });
            for route in &routes {
                for (jongere, in_gemeente) in [(&binnen, true), (&buiten, false)] {
                    if !route.pad.contains("{jongere}") && !in_gemeente {
                        continue;
                    }
                    let pad = invullen(route.pad, jongere);
                    let form = (route.methode == "POST").then(|| format!("csrf={token}"));
                    let a = vraag(&r.app, route.methode, &pad, Some(&cookie), form).await;
                    let mag = match route.toegang {
                        Toegang::Openbaar | Toegang::Aangemeld => true,
                        Toegang::Recht(recht) => heeft(*rol, recht) && (*rol != Rol::Gemeente || in_gemeente),
                    };
                    let wat =
                        format!("{rol} {} {pad}: {} {}", route.methode, a.status, &a.body[..a.body.len().min(300)]);
                    let buiten_gemeente = *rol == Rol::Gemeente && !in_gemeente && heeft(*rol, Recht::DossierLezen);
                    if mag {
                        assert!(
                            !matches!(a.status, StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED)
                                && a.status.as_u16() < 500,
                            "toegestaan: {wat}"
                        );
                    } else if buiten_gemeente && route.toegang == Toegang::Recht(Recht::DossierLezen) {
                        // Another gemeente's youth reads as an unknown one.
                        assert_eq!(a.status, StatusCode::NOT_FOUND, "verborgen: {wat}");
                    } else {
                        assert_eq!(a.status, StatusCode::FORBIDDEN, "geweigerd: {wat}");
                    }
                }
            }
        }
        // Every refusal is in the access log.
        let geweigerd = r
            .store
            .vraag(
                "SELECT COUNT(*) FROM toegangslog WHERE resultaat = 'geweigerd'",
                &[],
                &[leerspoor_store::rij::Type::Geheel],
            )
            .await
            .unwrap();
        assert!(matches!(geweigerd[0][0], leerspoor_store::rij::Waarde::Geheel(Some(n)) if n > 50), "{geweigerd:?}");
    }
}

#[tokio::test]
async fn without_a_session_pages_send_to_sign_in_and_forms_are_refused() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let a = vraag(&r.app, "GET", "/zoeken?q=jansen", None, None).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let (cookie, _) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
    let zonder_token = vraag(&r.app, "POST", "/afmelden", Some(&cookie), Some(String::new())).await;
    assert_eq!(zonder_token.status, StatusCode::FORBIDDEN, "geen CSRF-token");
    assert!(zonder_token.body.contains("CSRF-controle"));
    let vals = vraag(&r.app, "POST", "/afmelden", Some(&cookie), Some(format!("csrf={}", "0".repeat(64)))).await;
    assert_eq!(vals.status, StatusCode::FORBIDDEN, "een verzonnen token");
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_account_even_for_the_right_one() {
    for db in leerspoor_testdb::alle().await {
        let r = regio(db).await;
        for poging in 1..=5 {
            let a = probeer_aan_te_melden(&r.app, "teamleider", "verkeerd wachtwoord!").await;
            assert_eq!(a.status, StatusCode::UNAUTHORIZED, "poging {poging}");
            assert!(a.body.contains("Aanmelden is niet gelukt."), "poging {poging}: {}", a.body);
        }
        let geblokkeerd = probeer_aan_te_melden(&r.app, "teamleider", WACHTWOORD).await;
        assert_eq!(geblokkeerd.status, StatusCode::UNAUTHORIZED, "geblokkeerd, ook met het juiste wachtwoord");
        assert!(aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.is_ok(), "andere accounts niet");
        let onbekend = probeer_aan_te_melden(&r.app, "niemand", WACHTWOORD).await;
        // Locked, unknown and wrong read alike: the page does not tell which accounts exist.
        assert_eq!(melding(&onbekend.body), melding(&geblokkeerd.body));
        let fout = probeer_aan_te_melden(&r.app, "leerplichtambtenaar", "verkeerd wachtwoord!").await;
        assert_eq!(melding(&fout.body), melding(&geblokkeerd.body));
    }
}

/// The error message of the sign-in page.
fn melding(html: &str) -> &str {
    let i = html.find("id=\"aanmeldfout\"><p>").expect("een foutmelding") + 20;
    &html[i..i + html[i..].find("</p>").unwrap()]
}

/// The failed-attempt count of an account.
async fn pogingen(store: &Store, naam: &str) -> i64 {
    store.account(naam).await.unwrap().unwrap().mislukte_pogingen
}

#[tokio::test]
async fn thirty_parallel_wrong_passwords_check_only_five_and_lock_the_account() {
    for db in leerspoor_testdb::alle().await {
        let r = regio(db).await;
        let pogingen_tegelijk = (0..30).map(|i| {
            let app = r.app.clone();
            tokio::spawn(
                async move { probeer_aan_te_melden(&app, "teamleider", &format!("verkeerd wachtwoord {i}")).await },
            )
        });
        for p in pogingen_tegelijk {
            assert_eq!(p.await.unwrap().status, StatusCode::UNAUTHORIZED);
        }
        assert_eq!(pogingen(&r.store, "teamleider").await, 5, "each attempt counted once, in one statement");
        let account = r.store.account("teamleider").await.unwrap().unwrap();
        assert!(account.geblokkeerd_tot.is_some(), "geblokkeerd");
        let gecontroleerd = r
            .store
            .vraag(
                "SELECT COUNT(*) FROM toegangslog WHERE handeling = 'aanmelden' AND reden = 'wachtwoord onjuist'",
                &[],
                &[leerspoor_store::rij::Type::Geheel],
            )
            .await
            .unwrap();
        assert_eq!(gecontroleerd[0][0], leerspoor_store::rij::Waarde::Geheel(Some(5)), "only five passwords checked");
        assert_eq!(probeer_aan_te_melden(&r.app, "teamleider", WACHTWOORD).await.status, StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn one_client_typing_colleagues_names_is_held_back_before_it_locks_them_out() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    // Four wrong passwords for each of five colleagues: twenty failures from one address.
    let namen = ["leerplichtambtenaar", "rmc_consulent", "administratief", "beleidsmedewerker", "gemeente"];
    for naam in namen {
        for _ in 0..4 {
            probeer_aan_te_melden(&r.app, naam, "raden maar ergens").await;
        }
        assert_eq!(pogingen(&r.store, naam).await, 4);
    }
    // From now on this address is refused without any account being tried or counted.
    let a = probeer_aan_te_melden(&r.app, "teamleider", "raden maar ergens").await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    assert_eq!(pogingen(&r.store, "teamleider").await, 0, "not counted against the account");
    let juist = probeer_aan_te_melden(&r.app, "teamleider", WACHTWOORD).await;
    assert_eq!(juist.status, StatusCode::UNAUTHORIZED, "held back, whatever the password");
    assert_eq!(melding(&juist.body), melding(&a.body));
}

#[tokio::test]
async fn a_visitor_who_does_not_sign_in_leaves_no_session_behind() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    for _ in 0..10 {
        let a = vraag(&r.app, "GET", "/aanmelden", None, None).await;
        assert!(a.cookie.unwrap().starts_with("leerspoor_aanmelden="), "only the form's token cookie");
    }
    probeer_aan_te_melden(&r.app, "niemand", "verkeerd wachtwoord!").await;
    vraag(&r.app, "GET", "/jongeren/J1", None, None).await;
    assert_eq!(r.store.aantal("sessie").await.unwrap(), 0);
    // A sign-in form from elsewhere (no token cookie) is refused.
    let a = vraag(&r.app, "GET", "/aanmelden", None, None).await;
    let form = format!("csrf={}&gebruikersnaam=teamleider&wachtwoord={}", csrf(&a.body), WACHTWOORD.replace(' ', "+"));
    let zonder_cookie = vraag(&r.app, "POST", "/aanmelden", None, Some(form)).await;
    assert_eq!(zonder_cookie.status, StatusCode::FORBIDDEN);
    assert_eq!(r.store.aantal("sessie").await.unwrap(), 0);
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let (cookie, token) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
    let a = vraag(&r.app, "POST", "/afmelden", Some(&cookie), Some(format!("csrf={token}"))).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let b = vraag(&r.app, "GET", "/zoeken", Some(&cookie), None).await;
    assert_eq!(b.status, StatusCode::SEE_OTHER, "het oude cookie opent niets meer");
}

/// The count in the werkvoorraad tile with this title.
fn teller(html: &str, titel: &str) -> usize {
    let i = html.find(titel).unwrap_or_else(|| panic!("tegel {titel}"));
    let rest = &html[i..];
    let j = rest.find("in totaal\">").expect("een teller") + 11;
    rest[j..].split('<').next().unwrap().parse().unwrap()
}

/// The werkvoorraad's region-wide lists are kept between visits (every caseworker opens it all
/// day): a change made outside the app shows within a minute, a form sent through the app at once.
#[tokio::test]
async fn a_form_sent_through_the_app_refreshes_the_werkvoorraad_at_once() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let (cookie, token) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
    const TEGEL: &str = "Thuiszitters zonder passend aanbod";
    let voor = teller(&vraag(&r.app, "GET", "/", Some(&cookie), None).await.body, TEGEL);

    // A thuiszitter registered outside the app (an import, say).
    let jongere = jongere(&r.dataset, &r.dataset.gemeenten[0].code, true);
    let periode = leerspoor_domain::model::Thuiszitperiode {
        id: "T-TEST".into(),
        jongere: jongere.clone(),
        zaak: None,
        soort: leerspoor_domain::model::ThuiszitSoort::Absoluut,
        begindatum: vandaag() - chrono::Days::new(100),
        einddatum: None,
        reden_einde: None,
        aanbod_datum: None,
    };
    let mut s = r.store.schrijver("test", "test").await.unwrap();
    s.nieuw(&periode).await.unwrap();
    s.vastleggen("thuiszitperiode", "T-TEST").await.unwrap();
    let kort_daarna = teller(&vraag(&r.app, "GET", "/", Some(&cookie), None).await.body, TEGEL);
    assert_eq!(kort_daarna, voor, "binnen een minuut mag de werkvoorraad de wijziging van buiten nog missen");

    // Any form sent through the app, even one refused, reads the lists anew.
    let form = format!("csrf={token}&soort=&meldingsdatum=&verzuim_van=");
    let melding = vraag(&r.app, "POST", &format!("/jongeren/{jongere}/melding"), Some(&cookie), Some(form)).await;
    assert_eq!(melding.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", melding.body);
    let na = teller(&vraag(&r.app, "GET", "/", Some(&cookie), None).await.body, TEGEL);
    assert_eq!(na, voor + 1);
}

/// The beheer form for an account, as the beheerder sends it.
fn accountformulier(token: &str, m: &Medewerker, naam: &str, wachtwoord: &str, actief: bool) -> String {
    let gemeente = m.gemeente.as_ref().map(|g| g.to_string()).unwrap_or_default();
    let mut form = format!(
        "csrf={token}&medewerker={}&gebruikersnaam={naam}&wachtwoord={}&rol={}&gemeente={gemeente}",
        m.id,
        wachtwoord.replace(' ', "+"),
        m.rol
    );
    if m.boa {
        form.push_str("&boa=ja");
    }
    if actief {
        form.push_str("&actief=ja");
    }
    form
}

#[tokio::test]
async fn deactivating_an_account_or_resetting_its_password_ends_its_sessions_at_once() {
    for db in leerspoor_testdb::alle().await {
        let r = regio(db).await;
        let lpa = medewerker(&r.dataset, Rol::Leerplichtambtenaar).clone();
        let (beheer, token) = aanmelden(&r.app, "beheerder", WACHTWOORD).await.unwrap();
        let (sessie, _) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
        assert_eq!(vraag(&r.app, "GET", "/zoeken", Some(&sessie), None).await.status, StatusCode::OK);

        let nieuw = "paars konijn fietst naar Zwolle";
        let form = accountformulier(&token, &lpa, "leerplichtambtenaar", nieuw, true);
        let a = vraag(&r.app, "POST", "/beheer/accounts", Some(&beheer), Some(form)).await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
        assert_eq!(vraag(&r.app, "GET", "/zoeken", Some(&sessie), None).await.status, StatusCode::SEE_OTHER);

        let (sessie, _) = aanmelden_en_wijzigen(&r.app, "leerplichtambtenaar", nieuw, WACHTWOORD).await;
        assert_eq!(vraag(&r.app, "GET", "/zoeken", Some(&sessie), None).await.status, StatusCode::OK);
        let form = accountformulier(&token, &lpa, "leerplichtambtenaar", "", false);
        assert_eq!(vraag(&r.app, "POST", "/beheer/accounts", Some(&beheer), Some(form)).await.status, StatusCode::OK);
        assert_eq!(vraag(&r.app, "GET", "/zoeken", Some(&sessie), None).await.status, StatusCode::SEE_OTHER);
        let inactief = probeer_aan_te_melden(&r.app, "leerplichtambtenaar", WACHTWOORD).await;
        assert_eq!(inactief.status, StatusCode::UNAUTHORIZED);
        assert!(inactief.body.contains("Aanmelden is niet gelukt."));
    }
}

#[tokio::test]
async fn a_caseworker_issues_her_own_api_key_shown_once_and_a_beheerder_can_revoke_any() {
    for db in leerspoor_testdb::alle().await {
        let r = regio(db).await;
        let (lpa, token) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
        let form = format!("csrf={token}&sleutel_naam=DUO-koppelserver");
        let a = vraag(&r.app, "POST", "/koppelingen/api-sleutels", Some(&lpa), Some(form)).await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
        let begin = a.body.find("lsk_").expect("the key, shown once");
        let sleutel = a.body[begin..begin + 81].to_string();
        let api = |sleutel: String| {
            let app = r.app.clone();
            async move {
                let req = Request::builder()
                    .uri("/api/v1/verzendingen/terugmelding")
                    .header(header::AUTHORIZATION, format!("Bearer {sleutel}"))
                    .body(Body::empty())
                    .unwrap();
                app.oneshot(req).await.unwrap().status()
            }
        };
        assert_eq!(api(sleutel.clone()).await, StatusCode::OK);
        let weer = vraag(&r.app, "GET", "/koppelingen", Some(&lpa), None).await;
        let id = sleutel[4..16].to_string();
        assert!(!weer.body.contains(&sleutel) && weer.body.contains(&id), "listed, the secret not shown again");
        let grant = r.store.toegang_van("account:leerplichtambtenaar").await.unwrap();
        assert_eq!(grant[0].handeling, "rechten toegekend", "the teamleider sees the key as a grant");

        // Her own key she revokes; another's she cannot; a beheerder revokes any.
        let rmc = medewerker(&r.dataset, Rol::RmcConsulent).id.clone();
        let h = leerspoor_store::toegang::Herkomst::default();
        let ander = leerspoor_web::api::sleutel::geef_uit(&r.store, &h, "test", &rmc, "RMC").await.unwrap().0.id;
        let pad = format!("/koppelingen/api-sleutels/{ander}/intrekken");
        let b = vraag(&r.app, "POST", &pad, Some(&lpa), Some(format!("csrf={token}"))).await;
        assert_eq!(b.status, StatusCode::UNPROCESSABLE_ENTITY, "not her key");
        let pad = format!("/koppelingen/api-sleutels/{id}/intrekken");
        let c = vraag(&r.app, "POST", &pad, Some(&lpa), Some(format!("csrf={token}"))).await;
        assert_eq!(c.status, StatusCode::OK, "{}", c.body);
        assert_eq!(api(sleutel).await, StatusCode::UNAUTHORIZED);

        let (beheer, btoken) = aanmelden(&r.app, "beheerder", WACHTWOORD).await.unwrap();
        assert!(vraag(&r.app, "GET", "/beheer", Some(&beheer), None).await.body.contains(&ander));
        let pad = format!("/beheer/api-sleutels/{ander}/intrekken");
        let d = vraag(&r.app, "POST", &pad, Some(&beheer), Some(format!("csrf={btoken}"))).await;
        assert_eq!(d.status, StatusCode::OK, "{}", d.body);
        let log = r.store.toegang_van(&format!("api-sleutel:{ander}")).await.unwrap();
        let handelingen: Vec<&str> = log.iter().map(|l| l.handeling.as_str()).collect();
        assert_eq!(handelingen, ["api-sleutel intrekken", "api-sleutel uitgeven"]);
    }
}

#[tokio::test]
async fn the_teamleider_answers_an_inzage_request_with_everything_held_and_it_is_logged() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let jongere = r.dataset.zaken[0].jongere.clone();
    let j = r.dataset.jongeren.iter().find(|j| j.id == jongere).unwrap();
    let (tl, _) = aanmelden(&r.app, "teamleider", WACHTWOORD).await.unwrap();
    // The dossier is opened first: that view is in the inzage.
    assert_eq!(vraag(&r.app, "GET", &format!("/jongeren/{jongere}"), Some(&tl), None).await.status, StatusCode::OK);
    let a = vraag(&r.app, "GET", &format!("/jongeren/{jongere}/inzage?formaat=json"), Some(&tl), None).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let json: serde_json::Value = serde_json::from_str(&a.body).unwrap();
    assert_eq!(json["gegevens"]["jongere"][0]["bsn"], j.bsn.as_digits());
    let zaken = r.dataset.zaken.iter().filter(|z| z.jongere == jongere).count();
    assert_eq!(json["gegevens"]["zaak"].as_array().unwrap().len(), zaken);
    let adressen = r.dataset.woonadressen.iter().filter(|w| w.jongere == jongere).count();
    assert_eq!(json["gegevens"]["woonadres"].as_array().unwrap().len(), adressen);
    let inzage = json["inzage_in_het_dossier"].as_array().unwrap();
    assert!(inzage.iter().any(|t| t["handeling"] == "inzage dossier"), "who viewed the dossier: {inzage:?}");

    let req = Request::builder()
        .uri(format!("/jongeren/{jongere}/inzage"))
        .header(header::COOKIE, &tl)
        .body(Body::empty())
        .unwrap();
    let pdf = r.app.clone().oneshot(req).await.unwrap();
    assert_eq!(pdf.headers().get(header::CONTENT_TYPE).unwrap(), "application/pdf");
    assert!(to_bytes(pdf.into_body(), usize::MAX).await.unwrap().starts_with(b"%PDF"));
    let log = r.store.toegang_van(&format!("jongere:{jongere}")).await.unwrap();
    let exports: Vec<_> =
        log.iter().filter(|l| l.handeling == "inzage-export").map(|l| l.reden.clone().unwrap()).collect();
    assert_eq!(exports, ["AVG art. 15, pdf", "AVG art. 15, json"]);

    let (lpa, _) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
    let geweigerd = vraag(&r.app, "GET", &format!("/jongeren/{jongere}/inzage"), Some(&lpa), None).await;
    assert_eq!(geweigerd.status, StatusCode::FORBIDDEN, "the teamleider handles AVG requests");
}

/// A form body: every byte but letters and digits percent-encoded.
fn formulier(velden: &[(&str, &str)]) -> String {
    let codeer = |w: &str| {
        w.bytes()
            .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
            .collect::<String>()
    };
    velden.iter().map(|(k, w)| format!("{k}={}", codeer(w))).collect::<Vec<_>>().join("&")
}

/// The hidden field `naam` of a form.
fn verborgen(html: &str, naam: &str) -> String {
    let begin = format!("name=\"{naam}\" value=\"");
    let i = html.find(&begin).unwrap_or_else(|| panic!("een veld {naam}")) + begin.len();
    html[i..].split('"').next().unwrap().to_string()
}

/// A leerplichtambtenaar corrects a youth's first names at her request (AVG art. 16): the form
/// comes filled with the register's facts; without a reason it comes back with what she typed;
/// with one, the dossier confirms it and the teamleider's audit page shows the change, who made it
/// and why. Her parent's form is reached from hers. Nothing personal is in the URL; without the
/// CSRF token nothing is written.
#[tokio::test]
async fn a_caseworker_corrects_a_name_with_a_reason_and_the_audit_page_shows_why() {
    for db in leerspoor_testdb::alle().await {
        let r = regio(db).await;
        let relatie = &r.dataset.gezinsrelaties[0];
        let j = r.dataset.jongeren.iter().find(|j| j.id == relatie.jongere).unwrap();
        let pad = format!("/jongeren/{}/corrigeren", j.id);
        let (lpa, token) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
        let dossier = vraag(&r.app, "GET", &format!("/jongeren/{}", j.id), Some(&lpa), None).await;
        assert!(dossier.body.contains(&format!("href=\"{pad}\"")), "a link from the dossier");
        let leeg = vraag(&r.app, "GET", &pad, Some(&lpa), None).await;
        assert_eq!(leeg.status, StatusCode::OK, "{}", leeg.body);
        assert!(leeg.body.contains(&format!("value=\"{}\"", j.bsn.as_digits())), "filled with her BSN");
        assert!(leeg.body.contains(&format!("value=\"{}\"", j.geboortedatum)), "and her birth date");
        let versie = verborgen(&leeg.body, "versie");
        let geboren = j.geboortedatum.to_string();
        let overleden = j.overlijdensdatum.map(|d| d.to_string()).unwrap_or_default();
        let velden = |grond: &'static str| {
            vec![
                ("csrf", token.clone()),
                ("versie", versie.clone()),
                ("bsn", j.bsn.as_digits()),
                ("voornamen", "Correctia Maria".to_string()),
                ("tussenvoegsel", j.tussenvoegsel.clone()),
                ("achternaam", j.achternaam.clone()),
                ("geboortedatum", geboren.clone()),
                ("geslacht", leerspoor_domain::code_enum::CodeEnum::code(j.geslacht).to_string()),
                ("overlijdensdatum", overleden.clone()),
                ("grond", grond.to_string()),
                ("toelichting", "zo staat het in haar paspoort".to_string()),
            ]
        };
        let tekst = |v: &[(&str, String)]| formulier(&v.iter().map(|(k, w)| (*k, w.as_str())).collect::<Vec<_>>());
        let log = r.store.aantal("wijzigingslog").await.unwrap();

        let zonder_reden = vraag(&r.app, "POST", &pad, Some(&lpa), Some(tekst(&velden("")))).await;
        assert_eq!(zonder_reden.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(zonder_reden.body.contains("Vul dit veld in."), "the reason is required");
        assert!(zonder_reden.body.contains("value=\"Correctia Maria\""), "what she typed is kept");
        let mut fout_bsn = velden("invoerfout");
        fout_bsn[2].1 = "123456789".into();
        let a = vraag(&r.app, "POST", &pad, Some(&lpa), Some(tekst(&fout_bsn))).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(a.body.contains("elfproef"), "the BSN's field says why");
        let mut zonder_token = velden("verzoek_betrokkene");
        zonder_token.remove(0);
        let a = vraag(&r.app, "POST", &pad, Some(&lpa), Some(tekst(&zonder_token))).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "without the CSRF token");
        assert_eq!(r.store.aantal("wijzigingslog").await.unwrap(), log, "nothing written");

        let (gelukt, koppen) =
            vraag_met(&r.app, "POST", &pad, Some(&lpa), Some(tekst(&velden("verzoek_betrokkene")))).await;
        assert_eq!(gelukt.status, StatusCode::SEE_OTHER, "{}", gelukt.body);
        let naar = koppen.get(header::LOCATION).unwrap().to_str().unwrap();
        assert_eq!(naar, format!("/jongeren/{}?gelukt=correctie", j.id));
        let terug = vraag(&r.app, "GET", naar, Some(&lpa), None).await;
        assert!(terug.body.contains("De correctie is vastgelegd"));
        // The same form again, on the version it showed: someone (she herself) changed it since.
        let nog_eens = vraag(&r.app, "POST", &pad, Some(&lpa), Some(tekst(&velden("invoerfout")))).await;
        assert_eq!(nog_eens.status, StatusCode::CONFLICT);
        assert!(nog_eens.body.contains("Iemand anders heeft deze gegevens gewijzigd"));

        let (tl, _) = aanmelden(&r.app, "teamleider", WACHTWOORD).await.unwrap();
        let audit = vraag(&r.app, "GET", &format!("/jongeren/{}/audit", j.id), Some(&tl), None).await;
        let lpa_id = &medewerker(&r.dataset, Rol::Leerplichtambtenaar).id;
        let tabel = &audit.body[audit.body.find("id=\"wijzigingen\"").expect("a table of changes")..];
        let regel = tabel.split("<tr>").find(|t| t.contains("Correctia Maria")).expect("the change in the audit");
        assert!(regel.contains(lpa_id) && regel.contains("voornamen"), "{regel}");
        assert!(regel.contains("Verzoek van de betrokkene (AVG art. 16): zo staat het in haar paspoort"), "{regel}");
        let inzage = vraag(&r.app, "GET", &format!("/jongeren/{}/inzage?formaat=json", j.id), Some(&tl), None).await;
        let json: serde_json::Value = serde_json::from_str(&inzage.body).unwrap();
        let wijziging =
            json["wijzigingen"].as_array().unwrap().iter().find(|w| w["nieuw"] == "Correctia Maria").cloned();
        assert_eq!(
            wijziging.unwrap()["reden"],
            "Verzoek van de betrokkene (AVG art. 16): zo staat het in haar paspoort"
        );

        // Her parent, from her form: the telephone number corrected, the e-mail address refused.
        let ouderpad = format!("/jongeren/{}/ouders/{}/corrigeren", j.id, relatie.ouder);
        assert!(leeg.body.contains(&format!("href=\"{ouderpad}\"")), "her parents are on her form");
        let o = r.dataset.ouders.iter().find(|o| o.id == relatie.ouder).unwrap();
        let form = vraag(&r.app, "GET", &ouderpad, Some(&lpa), None).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        let ouder = |email: &str| {
            let versie = verborgen(&form.body, "versie");
            let velden = [
                ("csrf", token.as_str()),
                ("versie", &versie),
                ("voornamen", &o.voornamen),
                ("tussenvoegsel", &o.tussenvoegsel),
                ("achternaam", &o.achternaam),
                ("telefoon", "06-12121212"),
                ("email", email),
                ("grond", "verzoek_betrokkene"),
                ("toelichting", ""),
            ];
            formulier(&velden)
        };
        let a = vraag(&r.app, "POST", &ouderpad, Some(&lpa), Some(ouder("geen adres"))).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(a.body.contains("geen e-mailadres"), "the e-mail field says why");
        let a = vraag(&r.app, "POST", &ouderpad, Some(&lpa), Some(ouder(""))).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let nu: leerspoor_domain::model::Ouder = r.store.lees_een(&o.id).await.unwrap().unwrap();
        assert_eq!((nu.telefoon.as_str(), nu.email.as_str()), ("06-12121212", ""));

        // The gemeente viewer and beleid do not reach the form.
        for rol in ["gemeente", "beleidsmedewerker"] {
            let (c, _) = aanmelden(&r.app, rol, WACHTWOORD).await.unwrap();
            assert_eq!(vraag(&r.app, "GET", &pad, Some(&c), None).await.status, StatusCode::FORBIDDEN, "{rol}");
        }
    }
}

/// Signs in with the password a beheerder chose, is sent to choose a new one, and does.
async fn aanmelden_en_wijzigen(app: &Router, naam: &str, gekregen: &str, eigen: &str) -> (String, String) {
    let a = probeer_aan_te_melden(app, naam, gekregen).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let cookie = a.cookie.unwrap();
    let b = vraag(app, "GET", "/", Some(&cookie), None).await;
    assert_eq!(b.status, StatusCode::SEE_OTHER, "every page sends to /wachtwoord first");
    let c = vraag(app, "GET", "/wachtwoord", Some(&cookie), None).await;
    assert!(c.body.contains("De beheerder heeft een wachtwoord voor u gekozen"));
    let token = csrf(&c.body);
    let form = |nieuw: &str| {
        format!(
            "csrf={token}&huidig={}&nieuw={}&herhaling={}",
            gekregen.replace(' ', "+"),
            nieuw.replace(' ', "+"),
            nieuw.replace(' ', "+")
        )
    };
    let zwak = vraag(app, "POST", "/wachtwoord", Some(&cookie), Some(form("welkom12345678"))).await;
    assert_eq!(zwak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(zwak.body.contains("te makkelijk te raden"), "{}", zwak.body);
    let goed = vraag(app, "POST", "/wachtwoord", Some(&cookie), Some(form(eigen))).await;
    assert_eq!(goed.status, StatusCode::OK, "{}", goed.body);
    let cookie = goed.cookie.expect("a new session id after the change");
    let d = vraag(app, "GET", "/", Some(&cookie), None).await;
    assert!(d.status.is_success() || d.status == StatusCode::SEE_OTHER);
    (cookie.clone(), csrf(&vraag(app, "GET", "/wachtwoord", Some(&cookie), None).await.body))
}

#[tokio::test]
async fn the_beheerder_cannot_make_a_second_account_nor_change_its_own_role() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let (beheer, token) = aanmelden(&r.app, "beheerder", WACHTWOORD).await.unwrap();
    let teamleider = medewerker(&r.dataset, Rol::Teamleider).clone();
    let schaduw = accountformulier(&token, &teamleider, "schaduw", "paars konijn fietst naar Zwolle", true);
    let a = vraag(&r.app, "POST", "/beheer/accounts", Some(&beheer), Some(schaduw)).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a.body.contains("heeft al het account"), "{}", a.body);
    assert!(r.store.account("schaduw").await.unwrap().is_none());

    let mut zelf = medewerker(&r.dataset, Rol::Beheerder).clone();
    zelf.rol = Rol::Teamleider;
    let form = accountformulier(&token, &zelf, "beheerder", "", true);
    let b = vraag(&r.app, "POST", "/beheer/accounts", Some(&beheer), Some(form)).await;
    assert_eq!(b.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(b.body.contains("eigen rol niet wijzigen"), "{}", b.body);
}

#[tokio::test]
async fn a_medewerker_out_of_service_cannot_sign_in_and_the_page_does_not_say_who() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let vandaag = chrono::Local::now().date_naive();
    let weg =
        r.dataset.medewerkers.iter().find(|m| m.uit_dienst.is_some_and(|u| u < vandaag)).expect("een oud-medewerker");
    let hash = leerspoor_web::aanmelden::hash(WACHTWOORD);
    r.store.bewaar_account(&Account::nieuw("oud-collega", &weg.id, hash)).await.unwrap();
    let a = probeer_aan_te_melden(&r.app, "oud-collega", WACHTWOORD).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    assert!(!a.body.contains(&weg.naam), "the name is not shown");
    let onbekend = probeer_aan_te_melden(&r.app, "niemand", WACHTWOORD).await;
    assert_eq!(melding(&a.body), melding(&onbekend.body));
}

#[tokio::test]
async fn a_session_ends_after_its_idle_time_and_after_its_maximum_however_busy() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let kort = Instellingen {
        vandaag: Some(vandaag()),
        sessie_inactief: time::Duration::seconds(3),
        sessie_max: time::Duration::seconds(5),
        tweestaps: false,
        ..Instellingen::default()
    };
    let app = leerspoor_web::app(r.store.clone(), &kort);
    let (sessie, _) = aanmelden(&app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(3500)).await;
    assert_eq!(vraag(&app, "GET", "/zoeken", Some(&sessie), None).await.status, StatusCode::SEE_OTHER, "idle");

    // A request every 0.8 s keeps the session alive until the maximum (times are whole seconds).
    let (sessie, _) = aanmelden(&app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
    let begin = std::time::Instant::now();
    let beeindigd = loop {
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        let a = vraag(&app, "GET", "/zoeken", Some(&sessie), None).await;
        if a.status == StatusCode::SEE_OTHER {
            break begin.elapsed();
        }
        assert_eq!(a.status, StatusCode::OK);
        assert!(begin.elapsed() < std::time::Duration::from_secs(8), "no end after 8 s");
    };
    assert!(beeindigd >= std::time::Duration::from_secs(4), "kept alive while busy: ended after {beeindigd:?}");
}

#[tokio::test]
async fn another_gemeentes_youth_reads_as_an_unknown_id_and_the_attempt_is_logged() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let viewer = medewerker(&r.dataset, Rol::Gemeente);
    let buiten = jongere(&r.dataset, viewer.gemeente.as_ref().unwrap(), false);
    let (cookie, _) = aanmelden(&r.app, "gemeente", WACHTWOORD).await.unwrap();
    let ander = vraag(&r.app, "GET", &format!("/jongeren/{buiten}"), Some(&cookie), None).await;
    let onbekend = vraag(&r.app, "GET", "/jongeren/J-BESTAAT-NIET", Some(&cookie), None).await;
    assert_eq!(ander.status, StatusCode::NOT_FOUND);
    assert_eq!(
        (ander.status, ander.body.replace(&buiten, "")),
        (onbekend.status, onbekend.body.replace("J-BESTAAT-NIET", ""))
    );
    let log = r.store.toegang_van(&format!("jongere:{buiten}")).await.unwrap();
    assert_eq!(log[0].resultaat, "geweigerd");
    assert_eq!(log[0].reden.as_deref(), Some("jongere woont niet in uw gemeente"));
    let log = r.store.toegang_van("jongere:J-BESTAAT-NIET").await.unwrap();
    assert_eq!(log[0].reden.as_deref(), Some("onbekende jongere"));
}

/// Every route with a second id, filled with a record of another youth.
#[tokio::test]
async fn a_record_of_one_youth_cannot_be_reached_through_another_youths_url() {
    for db in leerspoor_testdb::alle().await {
        let r = regio(db).await;
        let ds = &r.dataset;
        let a = &ds.jongeren[0].id;
        let van_ander = |jongere: &str| jongere != a.as_str();
        let zaak = &ds
            .zaken
            .iter()
            .find(|z| van_ander(&z.jongere) && z.status != leerspoor_domain::model::ZaakStatus::Gesloten)
            .unwrap()
            .id;
        let actie = &ds.acties.iter().find(|x| van_ander(&x.jongere)).unwrap().id;
        let vrijstelling = &ds.vrijstellingen.iter().find(|x| van_ander(&x.jongere)).unwrap().id;
        let traject = &ds.rmc_trajecten.iter().find(|x| van_ander(&x.jongere)).unwrap().id;
        let haar_ouder = |ouder: &str| ds.gezinsrelaties.iter().any(|x| &x.jongere == a && x.ouder == ouder);
        let ouder = &ds.gezinsrelaties.iter().find(|x| van_ander(&x.jongere) && !haar_ouder(&x.ouder)).unwrap().ouder;
        let contactgegeven = ander_telefoonnummer(&r, &ds.jongeren[1].id).await;
        let (cookie, token) = aanmelden(&r.app, "teamleider", WACHTWOORD).await.unwrap();
        let state = AppState::new(r.store.clone(), Some(vandaag()));
        let routes = leerspoor_web::routes(state).lijst;
        let mut getest = 0;
        for route in routes.iter().filter(|r| {
            ["{zaak}", "{actie}", "{vrijstelling}", "{traject}", "{ouder}", "{contactgegeven}"]
                .iter()
                .any(|p| r.pad.contains(p))
        }) {
            let pad = route
                .pad
                .replace("{jongere}", a)
                .replace("{zaak}", zaak)
                .replace("{actie}", actie)
                .replace("{vrijstelling}", vrijstelling)
                .replace("{traject}", traject)
                .replace("{ouder}", ouder)
                .replace("{contactgegeven}", &contactgegeven);
            let form =
                (route.methode == "POST").then(|| format!("csrf={token}&aan=&datum=2021-06-01&reden=verzuim_gestopt"));
            let voor = r.store.aantal("wijzigingslog").await.unwrap();
            let antwoord = vraag(&r.app, route.methode, &pad, Some(&cookie), form).await;
            assert_eq!(antwoord.status, StatusCode::NOT_FOUND, "{} {pad}", route.methode);
            assert_eq!(r.store.aantal("wijzigingslog").await.unwrap(), voor, "nothing changed by {pad}");
            getest += 1;
        }
        assert!(getest >= 9, "{getest} routes met een tweede id");
    }
}

/// A telephone number of another youth, written as the service would: its id.
async fn ander_telefoonnummer(r: &Regio, jongere: &str) -> String {
    let c = leerspoor_domain::model::Contactgegeven {
        id: "CG-ANDER".into(),
        jongere: jongere.into(),
        ouder: None,
        soort: leerspoor_domain::model::ContactSoort::Telefoon,
        waarde: "+31612345678".into(),
        vanaf: vandaag(),
        tot: None,
        bron: "jongere zelf".into(),
        medewerker: medewerker(&r.dataset, Rol::Leerplichtambtenaar).id.clone(),
    };
    let mut s = r.store.schrijver("test", "test").await.unwrap();
    s.nieuw(&c).await.unwrap();
    s.vastleggen("test", "contactgegeven").await.unwrap();
    c.id
}

/// A leerplichtambtenaar records a mother's telephone number and the youth's e-mail address in the
/// dossier: a number with a letter comes back with the Dutch reason beside the field and writes
/// nothing; the numbers show as `tel:` and `mailto:` links (the app's own URLs hold only ids), an
/// ended one under "Niet meer geldig"; the teamleider's inzage has them. A beleidsmedewerker, who
/// opens no personal record, neither sees nor posts them.
#[tokio::test]
async fn contact_details_are_kept_in_the_dossier_and_beleid_neither_sees_nor_posts_them() {
    for db in leerspoor_testdb::alle().await {
        let r = regio(db).await;
        let relatie = &r.dataset.gezinsrelaties[0];
        let j = &relatie.jongere;
        let pad = format!("/jongeren/{j}/contactgegevens");
        let (lpa, token) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
        let dossier = vraag(&r.app, "GET", &format!("/jongeren/{j}"), Some(&lpa), None).await;
        assert!(dossier.body.contains("id=\"kop-contact\""), "a section in the dossier");
        assert!(dossier.body.contains(&format!("href=\"{pad}\"")), "with a link to the form");
        let leeg = vraag(&r.app, "GET", &pad, Some(&lpa), None).await;
        assert_eq!(leeg.status, StatusCode::OK, "{}", leeg.body);
        assert!(leeg.body.contains(&format!("value=\"{}\"", relatie.ouder)), "her parent to choose");
        let tel = |waarde: &str, token: &str| {
            formulier(&[
                ("csrf", token),
                ("persoon", &relatie.ouder),
                ("soort", "telefoon"),
                ("waarde", waarde),
                ("vanaf", "2021-06-14"),
                ("bron", "moeder, telefonisch"),
            ])
        };
        let log = r.store.aantal("wijzigingslog").await.unwrap();

        let fout = vraag(&r.app, "POST", &pad, Some(&lpa), Some(tel("06-1234567a", &token))).await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.store.soort());
        let veld = &fout.body[fout.body.find("id=\"waarde-fout\"").expect("a message beside the field")..];
        assert!(veld.starts_with("id=\"waarde-fout\">een telefoonnummer bevat geen letters</p>"), "{veld}");
        assert!(fout.body.contains("value=\"06-1234567a\""), "what she typed is kept");
        assert_eq!(r.store.aantal("contactgegeven").await.unwrap(), 0, "nothing written");
        assert_eq!(r.store.aantal("wijzigingslog").await.unwrap(), log);
        let zonder_token = vraag(&r.app, "POST", &pad, Some(&lpa), Some(tel("06-12345678", ""))).await;
        assert_eq!(zonder_token.status, StatusCode::FORBIDDEN, "without the CSRF token");

        let (gelukt, koppen) = vraag_met(&r.app, "POST", &pad, Some(&lpa), Some(tel("06-12345678", &token))).await;
        assert_eq!(gelukt.status, StatusCode::SEE_OTHER, "{}", gelukt.body);
        assert_eq!(koppen[header::LOCATION], format!("/jongeren/{j}?gelukt=contactgegeven").as_str());
        let eigen = formulier(&[
            ("csrf", &token),
            ("persoon", "jongere"),
            ("soort", "email"),
            ("waarde", "Jongere@Voorbeeld.NL"),
            ("vanaf", "2021-06-14"),
            ("bron", "zelf, op het spreekuur"),
        ]);
        assert_eq!(vraag(&r.app, "POST", &pad, Some(&lpa), Some(eigen)).await.status, StatusCode::SEE_OTHER);
        let dossier = vraag(&r.app, "GET", &format!("/jongeren/{j}"), Some(&lpa), None).await;
        assert!(dossier.body.contains("href=\"tel:+31612345678\""), "a tel: link");
        assert!(dossier.body.contains("href=\"mailto:Jongere@voorbeeld.nl\""), "a mailto: link");
        assert!(dossier.body.contains("moeder, telefonisch"), "and from whom");

        // The number no longer holds: ended from the dossier, it stays visible as no longer valid.
        let c: Vec<leerspoor_domain::model::Contactgegeven> = r.store.lees_waar("jongere", j).await.unwrap();
        let nummer = c.iter().find(|c| c.ouder.is_some()).unwrap();
        let einde = format!("/jongeren/{j}/contactgegevens/{}/beeindigen", nummer.id);
        assert!(dossier.body.contains(&format!("action=\"{einde}\"")));
        let te_vroeg = formulier(&[("csrf", &token), ("tot", "2021-06-13")]);
        let a = vraag(&r.app, "POST", &einde, Some(&lpa), Some(te_vroeg)).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(a.body.contains("ligt vóór de dag dat het gegeven bekend werd"), "{}", a.body);
        let a = vraag(&r.app, "POST", &einde, Some(&lpa), Some(formulier(&[("csrf", &token), ("tot", "2021-06-15")])))
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let dossier = vraag(&r.app, "GET", &format!("/jongeren/{j}"), Some(&lpa), None).await;
        assert!(!dossier.body.contains("href=\"tel:"), "no longer a number to call");
        assert!(dossier.body.contains("Niet meer geldig (1)"));

        // AVG art. 15: in the teamleider's inzage.
        let (tl, _) = aanmelden(&r.app, "teamleider", WACHTWOORD).await.unwrap();
        let inzage = vraag(&r.app, "GET", &format!("/jongeren/{j}/inzage?formaat=json"), Some(&tl), None).await;
        let json: serde_json::Value = serde_json::from_str(&inzage.body).unwrap();
        let waarden: Vec<&str> = json["gegevens"]["contactgegeven"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["waarde"].as_str().unwrap())
            .collect();
        assert_eq!(waarden.len(), 2);
        assert!(waarden.contains(&"+31612345678") && waarden.contains(&"Jongere@voorbeeld.nl"), "{waarden:?}");

        let (beleid, beleid_token) = aanmelden(&r.app, "beleidsmedewerker", WACHTWOORD).await.unwrap();
        let dossier = vraag(&r.app, "GET", &format!("/jongeren/{j}"), Some(&beleid), None).await;
        assert_eq!(dossier.status, StatusCode::FORBIDDEN);
        assert!(!dossier.body.contains("+31612345678"));
        assert_eq!(vraag(&r.app, "GET", &pad, Some(&beleid), None).await.status, StatusCode::FORBIDDEN);
        let a = vraag(&r.app, "POST", &pad, Some(&beleid), Some(tel("0687654321", &beleid_token))).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN);
        let a = vraag(&r.app, "POST", &einde, Some(&beleid), Some(formulier(&[("csrf", &beleid_token)]))).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN);
        assert_eq!(r.store.aantal("contactgegeven").await.unwrap(), 2, "nothing written by beleid");
    }
}

#[tokio::test]
async fn only_the_teamleider_gives_a_zaak_to_somebody_else() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let zaak = r.dataset.zaken.iter().find(|z| z.status != leerspoor_domain::model::ZaakStatus::Gesloten).unwrap();
    let collega = r.dataset.medewerkers.iter().filter(|m| m.rol == Rol::Leerplichtambtenaar).nth(1).unwrap();
    let pad = format!("/jongeren/{}/zaken/{}/toewijzen", zaak.jongere, zaak.id);
    let (lpa, token) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
    let a = vraag(&r.app, "POST", &pad, Some(&lpa), Some(format!("csrf={token}&aan={}", collega.id))).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    assert!(a.body.contains("alleen een teamleider"));
    let zelf = vraag(&r.app, "POST", &pad, Some(&lpa), Some(format!("csrf={token}&aan="))).await;
    assert_eq!(zelf.status, StatusCode::SEE_OTHER, "taking it on oneself: {}", zelf.body);
    let (tl, token) = aanmelden(&r.app, "teamleider", WACHTWOORD).await.unwrap();
    let b = vraag(&r.app, "POST", &pad, Some(&tl), Some(format!("csrf={token}&aan={}", collega.id))).await;
    assert_eq!(b.status, StatusCode::SEE_OTHER, "{}", b.body);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let (cookie, _) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
    let jongere = &r.dataset.jongeren[0].id;
    for (pad, cookie) in [
        ("/aanmelden", None),
        ("/", Some(cookie.as_str())),
        (&format!("/jongeren/{jongere}") as &str, Some(cookie.as_str())),
        ("/bestaat-niet", None),
        ("/static/leerspoor.css", None),
        ("/api/v1/verzendingen/terugmelding", None),
    ] {
        let (_, h) = vraag_met(&r.app, "GET", pad, cookie, None).await;
        let kop = |naam: &str| h.get(naam).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
        assert!(
            kop("content-security-policy").contains("default-src 'self'; frame-ancestors 'none'; form-action 'self'"),
            "{pad}"
        );
        assert_eq!(kop("x-content-type-options"), "nosniff", "{pad}");
        assert_eq!(kop("referrer-policy"), "no-referrer", "{pad}");
        assert!(kop("strict-transport-security").starts_with("max-age="), "{pad}");
        let bewaren = kop("cache-control");
        assert_eq!(bewaren == "no-store", !pad.starts_with("/static/"), "{pad}: {bewaren}");
    }
}

#[tokio::test]
async fn an_oversized_request_is_refused_before_it_is_read() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let (cookie, token) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
    let jongere = &r.dataset.jongeren[0].id;
    let groot = format!("csrf={token}&toelichting={}", "x".repeat(2 << 20));
    let a = vraag(&r.app, "POST", &format!("/jongeren/{jongere}/melding"), Some(&cookie), Some(groot)).await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
}

/// Uploads one CSV file through beheer; the status and the page.
async fn upload(r: &Regio, cookie: &str, token: &str, bestand: &str, csv: &str) -> (StatusCode, String) {
    stuur_bestand(r, (cookie, token), "/beheer/bundel", ("bestanden", bestand), csv, &[]).await
}

/// Sends one file as a form's multipart upload (field and file name) to `pad`, with the form's
/// other fields; the status and the page.
async fn stuur_bestand(
    r: &Regio,
    (cookie, token): (&str, &str),
    pad: &str,
    (veld, bestand): (&str, &str),
    csv: &str,
    velden: &[(&str, &str)],
) -> (StatusCode, String) {
    let grens = "leerspoor-grens";
    let mut body = String::new();
    for (naam, waarde) in velden {
        body.push_str(&format!("--{grens}\r\nContent-Disposition: form-data; name=\"{naam}\"\r\n\r\n{waarde}\r\n"));
    }
    body.push_str(&format!(
        "--{grens}\r\nContent-Disposition: form-data; name=\"{veld}\"; filename=\"{bestand}\"\r\n\
         Content-Type: text/csv\r\n\r\n{csv}\r\n--{grens}--\r\n"
    ));
    let req = Request::builder()
        .method("POST")
        .uri(format!("{pad}?csrf={token}"))
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={grens}"))
        .body(Body::from(body))
        .unwrap();
    let res = r.app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    (status, String::from_utf8(to_bytes(res.into_body(), usize::MAX).await.unwrap().to_vec()).unwrap())
}

#[tokio::test]
async fn a_refused_upload_shows_its_first_two_hundred_errors_and_the_count() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let (cookie, token) = aanmelden(&r.app, "beheerder", WACHTWOORD).await.unwrap();
    let mut csv = String::from("code,naam,subregio,leerplicht_lokaal\n");
    for i in 0..950 {
        csv.push_str(&format!("XX{i},Nergens,ONBEKEND,misschien\n"));
    }
    let (status, html) = upload(&r, &cookie, &token, "gemeenten.csv", &csv).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Hieronder de eerste 200"), "{}", &html[..html.len().min(2000)]);
    let tabel = &html[html.find("id=\"validatie\"").unwrap()..];
    assert_eq!(tabel[..tabel.find("</table>").unwrap()].matches("<tr>").count(), 201, "a header and 200 rows");
    assert!(html.len() < 200_000, "a page, not {} bytes", html.len());
}

#[tokio::test]
async fn beheer_uploads_only_the_organisations_files_and_every_upload_is_logged() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let (cookie, token) = aanmelden(&r.app, "beheerder", WACHTWOORD).await.unwrap();
    let voor = r.store.aantal("jongere").await.unwrap();
    let (status, html) = upload(&r, &cookie, &token, "jongeren.csv", "id,bsn\nJ-NIEUW,111222333\n").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("leerspoor import"), "{html}");
    assert_eq!(r.store.aantal("jongere").await.unwrap(), voor);
    let log = r.store.toegang_van("bundel:jongeren.csv").await.unwrap();
    assert_eq!((log[0].handeling.as_str(), log[0].resultaat.as_str()), ("upload bundel", "geweigerd"));
    assert!(log[0].reden.as_deref().unwrap().contains("gaat over jongeren"));
}

/// The rows of a search result page: the dossier ids.
fn gevonden(html: &str) -> Vec<String> {
    html.match_indices("<a href=\"/jongeren/")
        .map(|(i, _)| html[i + 19..].split('"').next().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_gemeente_viewer_searches_its_own_gemeente_in_full_and_every_hit_is_logged() {
    for db in leerspoor_testdb::alle().await {
        let r = regio(db).await;
        let viewer = medewerker(&r.dataset, Rol::Gemeente);
        let eigen = viewer.gemeente.clone().unwrap();
        let d = vandaag();
        let woont_hier: std::collections::HashSet<&str> = r
            .dataset
            .woonadressen
            .iter()
            .filter(|a| a.begindatum <= d && a.einddatum.is_none_or(|e| e >= d) && a.gemeente == eigen)
            .map(|a| a.jongere.as_str())
            .collect();
        let verwacht = r
            .dataset
            .jongeren
            .iter()
            .filter(|j| woont_hier.contains(j.id.as_str()))
            .filter(|j| format!("{} {} {}", j.voornamen, j.tussenvoegsel, j.achternaam).to_lowercase().contains("an"))
            .count();
        assert!(verwacht >= 10, "genoeg treffers in de gemeente: {verwacht}");

        let (cookie, token) = aanmelden(&r.app, "gemeente", WACHTWOORD).await.unwrap();
        let a = vraag(&r.app, "POST", "/zoeken", Some(&cookie), Some(format!("csrf={token}&q=an"))).await;
        assert_eq!(a.status, StatusCode::OK);
        let ids = gevonden(&a.body);
        assert_eq!(ids.len(), verwacht.min(50), "all of its own, not what was left of the region's first 51");
        assert!(ids.iter().all(|id| woont_hier.contains(id.as_str())));
        let log = r.store.toegang_van(&format!("jongere:{}", ids[0])).await.unwrap();
        assert_eq!((log[0].handeling.as_str(), log[0].reden.as_deref()), ("zoekresultaat", Some("an")));
    }
}

#[tokio::test]
async fn the_report_screen_hides_small_counts_from_who_may_not_see_single_youths() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let (lpa, _) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
    let (beleid, _) = aanmelden(&r.app, "beleidsmedewerker", WACHTWOORD).await.unwrap();
    const VERBORGEN: &str = "minder dan 5, niet getoond";
    let mut getoond = 0;
    for tabel in ["halt_pv_soort", "vrijstellingen", "vrijstelling_aanvragen"] {
        let pad = format!("/rapportages?jaar=2020-2021&scope=regio&tabel={tabel}");
        let a = vraag(&r.app, "GET", &pad, Some(&beleid), None).await;
        let b = vraag(&r.app, "GET", &pad, Some(&lpa), None).await;
        assert_eq!((a.status, b.status), (StatusCode::OK, StatusCode::OK));
        assert!(!b.body.contains(VERBORGEN), "the caseworker sees every count of {tabel}");
        if a.body.contains(VERBORGEN) {
            getoond += 1;
        }
    }
    assert!(getoond > 0, "a table of the small demo region has counts under 5, hidden for beleid");
}

#[tokio::test]
async fn opening_a_form_about_a_youth_is_a_view_in_the_access_log() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let (cookie, _) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
    let jongere = &r.dataset.jongeren[0].id;
    for formulier in ["melding", "vrijstelling", "schoolverlof", "traject"] {
        let a = vraag(&r.app, "GET", &format!("/jongeren/{jongere}/{formulier}"), Some(&cookie), None).await;
        assert_eq!(a.status, StatusCode::OK, "{formulier}");
        let log = r.store.toegang_van(&format!("jongere:{jongere}")).await.unwrap();
        assert_eq!(log[0].handeling, "inzage formulier", "{formulier}");
    }
    // With the client's user agent (and address, which a test without a socket does not have).
    let req = Request::builder()
        .uri(format!("/jongeren/{jongere}/melding"))
        .header(header::COOKIE, &cookie)
        .header(header::USER_AGENT, "Testbrowser/1.0")
        .body(Body::empty())
        .unwrap();
    assert_eq!(r.app.clone().oneshot(req).await.unwrap().status(), StatusCode::OK);
    let log = r.store.toegang_van(&format!("jongere:{jongere}")).await.unwrap();
    assert_eq!(log[0].agent.as_deref(), Some("Testbrowser/1.0"));
}

/// The application as `serve` runs it: with the second step of signing in.
fn met_tweestaps(r: &Regio) -> Router {
    leerspoor_web::app(r.store.clone(), &Instellingen { vandaag: Some(vandaag()), ..Instellingen::default() })
}

/// The code an authenticator app shows for this secret, `stappen` periods of 30 s from now.
fn code(geheim: &str, stappen: i64) -> String {
    let totp = totp_rs::Builder::new().with_secret(totp_rs::Secret::try_from_base32(geheim).unwrap()).build().unwrap();
    let t = (chrono::Utc::now().timestamp() + 30 * stappen) as u64;
    totp.generate(t).to_string()
}

/// Sends the second step's form.
async fn tweede_stap(app: &Router, cookie: &str, code: &str) -> Antwoord {
    let pagina = vraag(app, "GET", "/tweestaps", Some(cookie), None).await;
    let form = format!("csrf={}&code={}", csrf(&pagina.body), code.replace(' ', "+"));
    vraag(app, "POST", "/tweestaps", Some(cookie), Some(form)).await
}

#[tokio::test]
async fn a_caseworker_enrols_by_qr_code_and_each_code_opens_one_sign_in() {
    for db in leerspoor_testdb::alle().await {
        let r = regio(db).await;
        let app = met_tweestaps(&r);
        let a = probeer_aan_te_melden(&app, "leerplichtambtenaar", WACHTWOORD).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER);
        let cookie = a.cookie.unwrap();
        let dossier = format!("/jongeren/{}", r.dataset.jongeren[0].id);
        let wacht = vraag(&app, "GET", &dossier, Some(&cookie), None).await;
        assert_eq!(wacht.status, StatusCode::SEE_OTHER, "nothing opens before the second step");
        let inschrijven = vraag(&app, "GET", "/tweestaps", Some(&cookie), None).await;
        assert!(inschrijven.body.contains("<svg role=\"img\""), "a QR code");
        let i = inschrijven.body.find("<code id=\"geheim\">").unwrap() + 18;
        let geheim = inschrijven.body[i..].split('<').next().unwrap().to_string();

        assert_eq!(tweede_stap(&app, &cookie, "000000").await.status, StatusCode::UNPROCESSABLE_ENTITY);
        let eerste = code(&geheim, 0);
        let ingesteld = tweede_stap(&app, &cookie, &eerste).await;
        assert_eq!(ingesteld.status, StatusCode::OK, "{}", ingesteld.body);
        let herstelcodes: Vec<String> = ingesteld
            .body
            .match_indices("<li><code>")
            .map(|(i, _)| ingesteld.body[i + 10..].split('<').next().unwrap().to_string())
            .collect();
        assert_eq!(herstelcodes.len(), 10);
        let cookie = ingesteld.cookie.expect("a new session id after the second step");
        assert_eq!(vraag(&app, "GET", &dossier, Some(&cookie), None).await.status, StatusCode::OK);

        // The next sign-in asks a code; the code of the step already used does not open it.
        let b = probeer_aan_te_melden(&app, "leerplichtambtenaar", WACHTWOORD).await;
        let cookie = b.cookie.unwrap();
        // The very code used to enrol (recomputing it could give the next step's).
        let opnieuw = tweede_stap(&app, &cookie, &eerste).await;
        assert_eq!(opnieuw.status, StatusCode::UNPROCESSABLE_ENTITY, "a code counts once (RFC 6238 5.2)");
        let volgende = tweede_stap(&app, &cookie, &code(&geheim, 1)).await;
        assert_eq!(volgende.status, StatusCode::SEE_OTHER, "the next step's code, within the skew");
        let cookie = volgende.cookie.unwrap();
        assert_eq!(vraag(&app, "GET", &dossier, Some(&cookie), None).await.status, StatusCode::OK);

        // A recovery code opens one sign-in.
        for (poging, verwacht) in [(1, StatusCode::SEE_OTHER), (2, StatusCode::UNPROCESSABLE_ENTITY)] {
            let c = probeer_aan_te_melden(&app, "leerplichtambtenaar", WACHTWOORD).await;
            let a = tweede_stap(&app, &c.cookie.unwrap(), &herstelcodes[0].to_lowercase()).await;
            assert_eq!(a.status, verwacht, "recovery code, use {poging}");
        }
        let log = r.store.toegang_van("account:leerplichtambtenaar").await.unwrap();
        assert!(
            log.iter()
                .any(|t| t.handeling == "tweede stap"
                    && t.reden.as_deref() == Some("met herstelcode; nog 9 herstelcodes"))
        );
    }
}

#[tokio::test]
async fn five_wrong_codes_end_the_session_and_lock_the_account() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let app = met_tweestaps(&r);
    let a = probeer_aan_te_melden(&app, "teamleider", WACHTWOORD).await;
    let cookie = a.cookie.unwrap();
    vraag(&app, "GET", "/tweestaps", Some(&cookie), None).await;
    for _ in 0..4 {
        assert_eq!(tweede_stap(&app, &cookie, "123456").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let laatste = tweede_stap(&app, &cookie, "123456").await;
    assert_eq!(laatste.status, StatusCode::SEE_OTHER);
    assert_eq!(vraag(&app, "GET", "/tweestaps", Some(&cookie), None).await.status, StatusCode::SEE_OTHER, "signed out");
    assert!(r.store.account("teamleider").await.unwrap().unwrap().geblokkeerd_tot.is_some());
    assert_eq!(probeer_aan_te_melden(&app, "teamleider", WACHTWOORD).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_role_without_personal_records_signs_in_without_a_second_step_and_the_beheerder_resets_one() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let app = met_tweestaps(&r);
    let beleid = probeer_aan_te_melden(&app, "beleidsmedewerker", WACHTWOORD).await;
    assert_eq!(beleid.status, StatusCode::SEE_OTHER);
    let cookie = beleid.cookie.unwrap();
    assert_eq!(
        vraag(&app, "GET", "/rapportages?jaar=2020-2021&tabel=halt_pv_soort", Some(&cookie), None).await.status,
        StatusCode::OK
    );

    // A caseworker enrols; the beheerder resets it (a lost phone): the caseworker's session ends and
    // the next sign-in enrols anew.
    let lpa = probeer_aan_te_melden(&app, "leerplichtambtenaar", WACHTWOORD).await.cookie.unwrap();
    let pagina = vraag(&app, "GET", "/tweestaps", Some(&lpa), None).await;
    let i = pagina.body.find("<code id=\"geheim\">").unwrap() + 18;
    let geheim = pagina.body[i..].split('<').next().unwrap().to_string();
    let lpa = tweede_stap(&app, &lpa, &code(&geheim, 0)).await.cookie.unwrap();
    assert_eq!(vraag(&app, "GET", "/zoeken", Some(&lpa), None).await.status, StatusCode::OK);

    // The beheerder enrols too (it manages the accounts that open records).
    let beheer = probeer_aan_te_melden(&app, "beheerder", WACHTWOORD).await.cookie.unwrap();
    let pagina = vraag(&app, "GET", "/tweestaps", Some(&beheer), None).await;
    let i = pagina.body.find("<code id=\"geheim\">").unwrap() + 18;
    let eigen = pagina.body[i..].split('<').next().unwrap().to_string();
    let beheer = tweede_stap(&app, &beheer, &code(&eigen, 0)).await.cookie.unwrap();
    let token = csrf(&vraag(&app, "GET", "/beheer", Some(&beheer), None).await.body);
    let m = medewerker(&r.dataset, Rol::Leerplichtambtenaar).clone();
    let form = accountformulier(&token, &m, "leerplichtambtenaar", "", true) + "&tweestaps_wissen=ja";
    assert_eq!(vraag(&app, "POST", "/beheer/accounts", Some(&beheer), Some(form)).await.status, StatusCode::OK);
    assert_eq!(vraag(&app, "GET", "/zoeken", Some(&lpa), None).await.status, StatusCode::SEE_OTHER, "session ended");
    let opnieuw = probeer_aan_te_melden(&app, "leerplichtambtenaar", WACHTWOORD).await.cookie.unwrap();
    assert!(
        vraag(&app, "GET", "/tweestaps", Some(&opnieuw), None).await.body.contains("<code id=\"geheim\">"),
        "enrols anew"
    );
    let log = r.store.toegang_van("account:leerplichtambtenaar").await.unwrap();
    assert!(log.iter().any(|t| t.reden.as_deref().is_some_and(|r| r.contains("tweestapsverificatie gewist"))));
}

#[tokio::test]
async fn a_grant_of_access_to_dossiers_is_put_before_the_teamleider() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let (tl, _) = aanmelden(&r.app, "teamleider", WACHTWOORD).await.unwrap();
    assert!(!vraag(&r.app, "GET", "/", Some(&tl), None).await.body.contains("id=\"toekenningen\""));

    // The beheerder gives a colleague without an account one as leerplichtambtenaar.
    let (beheer, token) = aanmelden(&r.app, "beheerder", WACHTWOORD).await.unwrap();
    let vandaag = chrono::Local::now().date_naive();
    let accounts = r.store.accounts().await.unwrap();
    let nieuw = r
        .dataset
        .medewerkers
        .iter()
        .find(|m| {
            m.rol == Rol::Leerplichtambtenaar
                && m.in_dienst <= vandaag
                && m.uit_dienst.is_none_or(|u| u >= vandaag)
                && !accounts.iter().any(|a| a.medewerker == m.id)
        })
        .expect("a leerplichtambtenaar without an account");
    let form = accountformulier(&token, nieuw, "nieuwe-collega", "paars konijn fietst naar Zwolle", true);
    assert_eq!(vraag(&r.app, "POST", "/beheer/accounts", Some(&beheer), Some(form)).await.status, StatusCode::OK);

    let werkvoorraad = vraag(&r.app, "GET", "/", Some(&tl), None).await.body;
    assert!(werkvoorraad.contains("kreeg 1 keer een account inzage in dossiers"), "the teamleider is told");
    let log = vraag(&r.app, "GET", "/accounts", Some(&tl), None).await;
    assert_eq!(log.status, StatusCode::OK);
    assert!(log.body.contains("rechten toegekend") && log.body.contains("nieuwe-collega"));
    let (lpa, _) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
    assert_eq!(vraag(&r.app, "GET", "/accounts", Some(&lpa), None).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_form_axum_cannot_read_or_a_wrong_method_gets_a_dutch_page_not_an_english_line() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    // The sign-in form without its password field.
    let a = vraag(&r.app, "GET", "/aanmelden", None, None).await;
    let form = format!("csrf={}&gebruikersnaam=lpa", csrf(&a.body));
    let b = vraag(&r.app, "POST", "/aanmelden", a.cookie.as_deref(), Some(form)).await;
    assert_eq!(b.status, StatusCode::BAD_REQUEST);
    assert!(b.body.contains("Het formulier kon niet gelezen worden"), "{}", b.body);
    assert!(!b.body.contains("Failed to deserialize"));
    // Signing out by GET.
    let c = vraag(&r.app, "GET", "/afmelden", None, None).await;
    assert_eq!(c.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(c.body.contains("kan zo niet opgevraagd worden"), "{}", c.body);
    // A path that does not exist.
    let d = vraag(&r.app, "GET", "/bestaat-niet", None, None).await;
    assert_eq!(d.status, StatusCode::NOT_FOUND);
    assert!(d.body.contains("Deze pagina bestaat niet."));
}

#[tokio::test]
async fn a_refusal_about_a_youth_is_logged_on_the_youth() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let (beleid, _) = aanmelden(&r.app, "beleidsmedewerker", WACHTWOORD).await.unwrap();
    let jongere = &r.dataset.jongeren[0].id;
    let a = vraag(&r.app, "GET", &format!("/jongeren/{jongere}/melding"), Some(&beleid), None).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    let log = r.store.toegang_van(&format!("jongere:{jongere}")).await.unwrap();
    assert_eq!(log[0].resultaat, "geweigerd");
    assert_eq!(
        log[0].reden.as_deref(),
        Some(format!("uw rol geeft geen toegang tot deze pagina (/jongeren/{jongere}/melding)").as_str())
    );
}

/// Uploads a delivery of verzuimmeldingen from DUO on the koppelingen page; the status and the page.
async fn lever(r: &Regio, cookie: &str, token: &str, csv: &str) -> (StatusCode, String) {
    stuur_bestand(r, (cookie, token), "/koppelingen/duo-verzuim", ("bestand", "duo-verzuim.csv"), csv, &[]).await
}

#[tokio::test]
async fn a_week_of_the_p_levering_is_applied_and_an_empty_week_needs_its_week_named() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let (cookie, token) = aanmelden(&r.app, "administratief", WACHTWOORD).await.unwrap();
    let p = |csv: String, velden: &'static [(&'static str, &'static str)]| {
        let (r, cookie, token) = (&r, cookie.clone(), token.clone());
        async move { stuur_bestand(r, (&cookie, &token), "/koppelingen/duo-p", ("bestand", "p.csv"), &csv, velden).await }
    };
    let week = leerspoor_demo::leveringen::duo_p_week(&r.dataset, 20);
    let (status, html) = p(week.clone(), &[]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains(": toegepast."), "{html}");
    // The next week had no mutations: only the heading.
    let leeg = week.lines().next().unwrap().to_string() + "\n";
    let (status, html) = p(leeg.clone(), &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("geef de week op (jjjj-ww; --week of het veld Week)"), "{html}");
    let (status, html) = p(leeg.clone(), &[("week", "2021-1x")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("Week: &#39;2021-1x&#39; is geen week") || html.contains("Week: '2021-1x' is geen week"),
        "{html}"
    );
    let (status, html) = p(leeg, &[("week", "2021-12")]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let log: Vec<leerspoor_koppeling::records::Levering> = r.store.lees().await.unwrap();
    let toegepast: Vec<_> = log
        .iter()
        .filter(|l| l.uitkomst == leerspoor_koppeling::records::Uitkomst::Toegepast)
        .filter_map(|l| l.periode.as_deref())
        .collect();
    assert_eq!(toegepast.len(), 2);
    assert!(toegepast.contains(&"2021-11") && toegepast.contains(&"2021-12"));
}

#[tokio::test]
async fn a_caseworker_applies_a_day_of_duo_meldingen_and_downloads_the_terugmelding_without_a_bsn() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let (cookie, token) = aanmelden(&r.app, "administratief", WACHTWOORD).await.unwrap();
    // The demo's example day: among others a student of 24, taken ter kennisgeving and reported back.
    let dag = leerspoor_demo::leveringen::duo_verzuimmeldingen(&r.dataset);
    let (status, html) = lever(&r, &cookie, &token, &dag).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("meldingen in de levering"), "{html}");
    assert!(html.contains(": toegepast."), "{html}");
    // A broken copy: refused whole, every error named by row and column, nothing written.
    let zaken = r.store.aantal("zaak").await.unwrap();
    let kapot = dag.replacen("01-03-2021", "31-02-2021", 1).replace("DUO-", "X-");
    let (status, html) = lever(&r, &cookie, &token, &kapot).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("De levering is geweigerd"), "{html}");
    assert!(
        html.contains("&#39;31-02-2021&#39; is geen bestaande datum")
            || html.contains("'31-02-2021' is geen bestaande datum"),
        "{html}"
    );
    assert_eq!(r.store.aantal("zaak").await.unwrap(), zaken);
    // The terugmelding: queued, downloaded as a file without any BSN, acknowledged.
    let a = vraag(&r.app, "POST", "/koppelingen/terugmelding", Some(&cookie), Some(format!("csrf={token}"))).await;
    assert_eq!(a.status, StatusCode::OK);
    let v = a.body.split("Verzending ").nth(1).and_then(|s| s.split_whitespace().next()).expect(&a.body).to_string();
    let (bestand, koppen) =
        vraag_met(&r.app, "GET", &format!("/koppelingen/terugmelding/{v}"), Some(&cookie), None).await;
    assert_eq!(bestand.status, StatusCode::OK);
    assert_eq!(koppen.get(header::CONTENT_TYPE).unwrap(), "text/csv; charset=utf-8");
    assert!(bestand.body.contains(";Ter kennisgeving aangenomen;"), "{}", bestand.body);
    let negen_cijfers = |v: &str| v.len() == 9 && v.bytes().all(|b| b.is_ascii_digit());
    assert!(!bestand.body.split([';', '\n']).any(negen_cijfers), "no BSN: {}", bestand.body);
    let pad = format!("/koppelingen/terugmelding/{v}/bevestiging");
    let b = vraag(&r.app, "POST", &pad, Some(&cookie), Some(format!("csrf={token}"))).await;
    assert!(b.body.contains("bevestigd: wat erin stond telt als verzonden"), "{}", b.body);
    let log = r.store.toegang_van(&format!("verzending:{v}")).await.unwrap();
    assert_eq!(log[0].handeling, "download terugmelding");
    // A beleidsmedewerker may not.
    let (cookie, token) = aanmelden(&r.app, "beleidsmedewerker", WACHTWOORD).await.unwrap();
    let (status, _) = lever(&r, &cookie, &token, &dag).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

/// *BRP bijwerken* takes over only what the BRP says when asked again: a made-up or stale proposal,
/// or a form naming more than there can be, changes nothing; a role without casework is stopped
/// at the door. The youth here moved next door on 1 March 2021 according to the BRP.
#[tokio::test]
async fn brp_bijwerken_takes_over_only_what_the_brp_says_and_a_forged_proposal_changes_nothing() {
    use leerspoor_domain::model::{Jongere, Woonadres};
    let dataset = leerspoor_demo::genereer(&leerspoor_demo::DemoOpties { seed: 7, scale: 0.02 });
    let id = jongere(&dataset, &dataset.gemeenten[0].code, true);
    let j: &Jongere = dataset.jongeren.iter().find(|j| j.id == id).unwrap();
    let a: &Woonadres = dataset.woonadressen.iter().filter(|a| a.jongere == id).max_by_key(|a| a.begindatum).unwrap();
    let bsn = j.bsn.as_digits();
    let persoon = leerspoor_brp::proefserver::Proefpersoon {
        bsn: &bsn,
        voornamen: &j.voornamen,
        voorvoegsel: &j.tussenvoegsel,
        geslachtsnaam: &j.achternaam,
        geboren: j.geboortedatum,
        overleden: None,
        adres: (
            "Nieuwe Weg",
            7,
            "9999ZZ",
            "Ergens",
            &a.gemeente.as_str()[2..],
            NaiveDate::from_ymd_opt(2021, 3, 1).unwrap(),
        ),
        ouders: Vec::new(),
        gezag: None,
    };
    let server = leerspoor_brp::proefserver::Proefserver::start(vec![persoon.json()], "sleutel").await.unwrap();
    let brp = leerspoor_brp::client::Brp::nieuw(leerspoor_brp::client::BrpInstellingen {
        url: server.url.clone(),
        api_key: "sleutel".into(),
        certificaat: None,
        ca: None,
        per_seconde: 100.0,
        time_out: std::time::Duration::from_secs(5),
    })
    .unwrap();
    let r = regio_met(leerspoor_testdb::sqlite().await, Some(brp)).await;
    let (cookie, token) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
    let pagina =
        vraag(&r.app, "POST", &format!("/jongeren/{id}/brp"), Some(&cookie), Some(format!("csrf={token}"))).await;
    assert_eq!(pagina.status, StatusCode::OK, "{}", pagina.body);
    let i = pagina.body.find("name=\"neem_").expect("een voorstel om over te nemen") + 11;
    // The whole SHA-256 of the difference (64 hex).
    let kenmerk = &pagina.body[i..i + 64];
    assert!(kenmerk.chars().all(|c| c.is_ascii_hexdigit()), "{kenmerk}");
    let overnemen = |velden: String| {
        let (app, cookie, token, pad) =
            (r.app.clone(), cookie.clone(), token.clone(), format!("/jongeren/{id}/brp/overnemen"));
        async move { vraag(&app, "POST", &pad, Some(&cookie), Some(format!("csrf={token}{velden}"))).await }
    };
    // The youth and her addresses, whole: a forged form must change neither.
    let stand = || async {
        let mut adressen = r.store.lees_waar::<Woonadres>("jongere", &id).await.unwrap();
        adressen.sort_by(|a, b| a.id.cmp(&b.id));
        (r.store.lees_een::<Jongere>(&id).await.unwrap(), adressen)
    };
    let voor = stand().await;

    let verzonnen = overnemen("&neem_0123456789abcdef=ja".into()).await;
    assert_eq!(verzonnen.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(verzonnen.body.contains("De BRP zegt inmiddels iets anders"), "{}", verzonnen.body);
    let te_veel: String = (0..21).map(|n| format!("&neem_{n:016x}=ja")).collect();
    assert!(overnemen(te_veel).await.body.contains("Te veel voorstellen gekozen"));
    assert!(overnemen(String::new()).await.body.contains("Kies de voorstellen die u overneemt"));
    assert_eq!(stand().await, voor, "nothing changed");

    let goed = overnemen(format!("&neem_{kenmerk}=ja")).await;
    assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);
    assert_eq!(stand().await.1.len(), voor.1.len() + 1, "the old address ended, the new one began");
    assert!(server.afwijkingen().is_empty(), "{:?}", server.afwijkingen());
    let log = r.store.toegang_van(&format!("jongere:{id}")).await.unwrap();
    assert!(log.iter().any(|t| t.handeling == "brp bijwerken"), "{log:?}");
    // Asked to show the proposals, and again for each taking over that named one.
    assert_eq!(log.iter().filter(|t| t.handeling == "brp raadplegen").count(), 3);

    let (cookie, token) = aanmelden(&r.app, "beleidsmedewerker", WACHTWOORD).await.unwrap();
    let beleid =
        vraag(&r.app, "POST", &format!("/jongeren/{id}/brp"), Some(&cookie), Some(format!("csrf={token}"))).await;
    assert_eq!(beleid.status, StatusCode::FORBIDDEN);
}

/// The file of vrijstellingen for DUO carries BSNs: an RMC-consulent, who reaches the Koppelingen
/// page, may not download it, and the attempt is logged.
#[tokio::test]
async fn the_rmc_may_not_download_the_vrijstellingen_for_duo() {
    let r = regio(leerspoor_testdb::sqlite().await).await;
    let (cookie, token) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
    let klaar =
        vraag(&r.app, "POST", "/koppelingen/vrijstellingen", Some(&cookie), Some(format!("csrf={token}"))).await;
    assert_eq!(klaar.status, StatusCode::OK);
    let link = "href=\"/koppelingen/vrijstellingen/";
    let i = klaar.body.find(link).expect("een verzending") + link.len();
    let id = &klaar.body[i..i + klaar.body[i..].find('"').unwrap()];
    let pad = format!("/koppelingen/vrijstellingen/{id}");
    assert_eq!(vraag(&r.app, "GET", &pad, Some(&cookie), None).await.status, StatusCode::OK);
    let (rmc, _) = aanmelden(&r.app, "rmc_consulent", WACHTWOORD).await.unwrap();
    assert_eq!(vraag(&r.app, "GET", &pad, Some(&rmc), None).await.status, StatusCode::FORBIDDEN);
    let log = r.store.toegang_van(&format!("verzending:{id}")).await.unwrap();
    assert_eq!(log.iter().map(|t| t.resultaat.as_str()).collect::<Vec<_>>(), ["geweigerd", "gelukt"]);
}

/// A warning made from the dossier: the form, the letter stored as PDF and opened from the
/// dossier (in the access log); never through another youth's address, neither made nor opened.
#[tokio::test]
async fn a_letter_is_made_from_the_dossier_and_opened_only_through_its_own_youth() {
    use leerspoor_domain::model::{ActieSoort, Document};
    for db in leerspoor_testdb::alle().await {
        let r = regio(db).await;
        let ds = &r.dataset;
        let dag = vandaag();
        let woont = |j: &str| {
            ds.woonadressen
                .iter()
                .any(|a| a.jongere == j && a.begindatum <= dag && a.einddatum.is_none_or(|e| dag <= e))
        };
        let gezag = |j: &str| ds.gezinsrelaties.iter().any(|g| g.jongere == j && g.gezag);
        let actie = ds
            .acties
            .iter()
            .find(|a| a.soort == ActieSoort::Waarschuwing && a.datum <= dag && woont(&a.jongere) && gezag(&a.jongere))
            .expect("een waarschuwing in de demoregio");
        let jongere = &actie.jongere;
        let ander = &ds.jongeren.iter().find(|j| &j.id != jongere).unwrap().id;
        let (cookie, token) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
        let pad = format!("/jongeren/{jongere}/brief?soort=waarschuwing&actie={}", actie.id);
        let a = vraag(&r.app, "GET", &pad, Some(&cookie), None).await;
        assert_eq!(a.status, StatusCode::OK, "{}", r.store.soort());
        assert!(a.body.contains("Waarschuwing"), "{}", a.body);
        let form = format!("csrf={token}&datum=2021-06-15");

        // Another youth's address with this youth's action: unknown, nothing made.
        let via_ander = format!("/jongeren/{ander}/brief?soort=waarschuwing&actie={}", actie.id);
        let a = vraag(&r.app, "POST", &via_ander, Some(&cookie), Some(form.clone())).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
        // A date ahead of today is refused beside the field.
        let vooruit = format!("csrf={token}&datum=2021-06-16");
        let a = vraag(&r.app, "POST", &pad, Some(&cookie), Some(vooruit)).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(a.body.contains("vooruit gedateerd"), "{}", a.body);
        assert_eq!(r.store.aantal("document").await.unwrap(), 0);

        let a = vraag(&r.app, "POST", &pad, Some(&cookie), Some(form)).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let documenten: Vec<Document> = r.store.lees_waar("jongere", jongere).await.unwrap();
        assert!(!documenten.is_empty());
        let d = &documenten[0];
        let dossier = vraag(&r.app, "GET", &format!("/jongeren/{jongere}?gelukt=brief"), Some(&cookie), None).await;
        assert!(
            dossier.body.contains(&format!("/jongeren/{jongere}/documenten/{}", d.id)),
            "het dossier toont de brief"
        );

        let (a, headers) =
            vraag_met(&r.app, "GET", &format!("/jongeren/{jongere}/documenten/{}", d.id), Some(&cookie), None).await;
        assert_eq!(a.status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
        assert!(a.body.starts_with("%PDF-"));
        let a = vraag(&r.app, "GET", &format!("/jongeren/{ander}/documenten/{}", d.id), Some(&cookie), None).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
        // AVG art. 15: the letter and who opened it are in the inzage.
        let (tl, _) = aanmelden(&r.app, "teamleider", WACHTWOORD).await.unwrap();
        let a = vraag(&r.app, "GET", &format!("/jongeren/{jongere}/inzage?formaat=json"), Some(&tl), None).await;
        let json: serde_json::Value = serde_json::from_str(&a.body).unwrap();
        assert!(json["gegevens"]["document"].as_array().unwrap().iter().any(|x| x["id"] == d.id.as_str()), "{json}");
        let inzage = json["inzage_in_het_dossier"].as_array().unwrap();
        assert!(inzage.iter().any(|t| t["handeling"] == "inzage document"), "{inzage:?}");
        let gezien = r
            .store
            .vraag(
                "SELECT COUNT(*) FROM toegangslog WHERE handeling = 'inzage document' AND object = $1 \
                 GROUP BY resultaat ORDER BY resultaat",
                &[leerspoor_store::rij::Waarde::Tekst(Some(format!("document:{}", d.id)))],
                &[leerspoor_store::rij::Type::Geheel],
            )
            .await
            .unwrap();
        // Once opened ("gelukt"), once refused through the other youth ("geweigerd").
        let een = vec![leerspoor_store::rij::Waarde::Geheel(Some(1))];
        assert_eq!(gezien, [een.clone(), een]);
    }
}

/// A received statement is uploaded from the dossier: a text named .pdf is refused by its content,
/// a PDF is stored, listed as received, served as what it is and only through its own youth; the
/// view is in the access log.
#[tokio::test]
async fn a_received_document_is_uploaded_checked_by_content_and_opened_only_through_its_own_youth() {
    use leerspoor_domain::model::Document;
    for db in leerspoor_testdb::alle().await {
        let r = regio(db).await;
        let jongere = &r.dataset.jongeren[0].id;
        let ander = &r.dataset.jongeren[1].id;
        let (cookie, token) = aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.unwrap();
        let pad = format!("/jongeren/{jongere}/documenten");
        let a = vraag(&r.app, "GET", &pad, Some(&cookie), None).await;
        assert_eq!(a.status, StatusCode::OK, "{}", r.store.soort());
        assert!(a.body.contains("enctype=\"multipart/form-data\""), "{}", a.body);
        let velden = [("soort", "overig"), ("afzender", "Huisarts Zandvoorde"), ("ontvangen_op", "2021-06-14")];

        let (status, html) =
            stuur_bestand(&r, (&cookie, &token), &pad, ("bestand", "verklaring.pdf"), "Hierbij verklaar ik", &velden)
                .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(html.contains("geen PDF, PNG of JPEG"), "{html}");
        // The day after today is refused beside its field.
        let morgen = [("soort", "overig"), ("afzender", "Huisarts Zandvoorde"), ("ontvangen_op", "2021-06-16")];
        let pdf = "%PDF-1.4\n%%EOF\n";
        let (status, html) = stuur_bestand(&r, (&cookie, &token), &pad, ("bestand", "scan.pdf"), pdf, &morgen).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(html.contains("na vandaag"), "{html}");
        assert_eq!(r.store.aantal("document").await.unwrap(), 0);

        let (status, html) = stuur_bestand(&r, (&cookie, &token), &pad, ("bestand", "scan.pdf"), pdf, &velden).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
        let documenten: Vec<Document> = r.store.lees_waar("jongere", jongere).await.unwrap();
        let [d] = &documenten[..] else { panic!("één document: {documenten:?}") };
        assert_eq!(d.ontvangst.as_ref().map(|o| o.afzender.as_str()), Some("Huisarts Zandvoorde"));
        let dossier = vraag(&r.app, "GET", &format!("/jongeren/{jongere}?gelukt=document"), Some(&cookie), None).await;
        assert!(dossier.body.contains("Ontvangen: overig document van Huisarts Zandvoorde"), "{}", dossier.body);

        let (a, headers) =
            vraag_met(&r.app, "GET", &format!("/jongeren/{jongere}/documenten/{}", d.id), Some(&cookie), None).await;
        assert_eq!(a.status, StatusCode::OK);
        assert_eq!(a.body, pdf);
        assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
        assert_eq!(headers[header::CONTENT_DISPOSITION], format!("inline; filename=\"{}.pdf\"", d.id).as_str());
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        let a = vraag(&r.app, "GET", &format!("/jongeren/{ander}/documenten/{}", d.id), Some(&cookie), None).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
        let gezien = r
            .store
            .vraag(
                "SELECT resultaat FROM toegangslog WHERE handeling = 'inzage document' AND object = $1 ORDER BY resultaat",
                &[leerspoor_store::rij::Waarde::Tekst(Some(format!("document:{}", d.id)))],
                &[leerspoor_store::rij::Type::Tekst],
            )
            .await
            .unwrap();
        let tekst = |t: &str| vec![leerspoor_store::rij::Waarde::Tekst(Some(t.into()))];
        assert_eq!(gezien, [tekst("gelukt"), tekst("geweigerd")], "opened once, refused once through the other youth");
    }
}

/// The beheerder edits a letter template: a version is saved only if it typesets (an error keeps
/// her text and says why), is limited in size, previews as PDF on fictitious fields, and the
/// versions list it.
#[tokio::test]
async fn a_template_version_is_saved_only_if_it_typesets_and_fits_its_limit() {
    use leerspoor_domain::rules::brief::BriefSoort;
    for db in leerspoor_testdb::alle().await {
        let r = regio(db).await;
        let (cookie, token) = aanmelden(&r.app, "beheerder", WACHTWOORD).await.unwrap();
        let a = vraag(&r.app, "GET", "/beheer/sjablonen?naam=waarschuwing", Some(&cookie), None).await;
        assert_eq!(a.status, StatusCode::OK, "{}", r.store.soort());
        assert!(a.body.contains("brief.with(veld"), "the shipped template, to edit");

        let kapot = "#import \"/briefhoofd.typ\": *\n#let veld = json(\"/velden.json\")\n#veld.bestaat_niet";
        let form = formulier(&[("csrf", &token), ("naam", "waarschuwing"), ("inhoud", kapot)]);
        let a = vraag(&r.app, "POST", "/beheer/sjablonen", Some(&cookie), Some(form)).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(a.body.contains("Niet opgeslagen") && a.body.contains("bestaat_niet"), "{}", a.body);
        let te_groot = "a".repeat(70 * 1024);
        let form = formulier(&[("csrf", &token), ("naam", "waarschuwing"), ("inhoud", &te_groot)]);
        let a = vraag(&r.app, "POST", "/beheer/sjablonen", Some(&cookie), Some(form)).await;
        assert!(a.body.contains("ten hoogste 64 kB"), "{}", a.status);
        assert!(r.store.sjabloonversies("waarschuwing").await.unwrap().is_empty());

        let eigen = leerspoor_publicatie::brief::standaard(BriefSoort::Waarschuwing)
            .replace("Met deze brief geven wij", "Met deze brief van Zuidkust geven wij");
        let form = formulier(&[("csrf", &token), ("naam", "waarschuwing"), ("inhoud", &eigen)]);
        let (a, headers) =
            vraag_met(&r.app, "POST", "/beheer/sjablonen/voorbeeld", Some(&cookie), Some(form.clone())).await;
        assert_eq!((a.status, &headers[header::CONTENT_TYPE]), (StatusCode::OK, &"application/pdf".parse().unwrap()));
        assert!(r.store.sjabloonversies("waarschuwing").await.unwrap().is_empty(), "a preview saves nothing");
        let a = vraag(&r.app, "POST", "/beheer/sjablonen", Some(&cookie), Some(form)).await;
        assert_eq!(a.status, StatusCode::OK);
        assert!(a.body.contains("Versie 1 is opgeslagen"), "{}", a.body);
        let versies = r.store.sjabloonversies("waarschuwing").await.unwrap();
        assert_eq!((versies.len(), versies[0].inhoud.as_str()), (1, eigen.as_str()));

        // An unknown template name is refused, not stored.
        let form = formulier(&[("csrf", &token), ("naam", "../etc"), ("inhoud", "x")]);
        let a = vraag(&r.app, "POST", "/beheer/sjablonen", Some(&cookie), Some(form)).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.store.sjabloonversies("../etc").await.unwrap().is_empty());
    }
}
