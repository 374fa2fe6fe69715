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
use leerspoor_web::rechten::heeft;
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
    let dataset = leerspoor_demo::genereer(&leerspoor_demo::DemoOpties { seed: 7, scale: 0.02 });
    let opties = leerspoor_ingest::ImportOpties { dry_run: false, gebruiker: "test".into() };
    leerspoor_ingest::importeer_dataset(&db.store, dataset.clone(), "test", &opties).await.unwrap();
    let hash = leerspoor_web::aanmelden::hash(WACHTWOORD);
    for rol in <Rol as leerspoor_domain::code_enum::CodeEnum>::ALL {
        let m = medewerker(&dataset, *rol);
        let account = Account {
            gebruikersnaam: rol.to_string(),
            medewerker: m.id.clone(),
            wachtwoord_hash: hash.clone(),
            mislukte_pogingen: 0,
            geblokkeerd_tot: None,
            actief: true,
        };
        db.store.bewaar_account(&account).await.unwrap();
    }
    let instellingen = Instellingen { vandaag: Some(vandaag()), ..Instellingen::default() };
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
    let cookie =
        res.headers().get(header::SET_COOKIE).map(|v| v.to_str().unwrap().split(';').next().unwrap().to_string());
    let body = String::from_utf8(to_bytes(res.into_body(), usize::MAX).await.unwrap().to_vec()).unwrap();
    Antwoord { status, cookie, body }
}

fn csrf(html: &str) -> String {
    let i = html.find("name=\"csrf\" value=\"").expect("een formulier met CSRF-token") + 19;
    html[i..i + 64].to_string()
}

/// Signs in; the session cookie and the CSRF token of the signed-in session.
async fn aanmelden(app: &Router, naam: &str, wachtwoord: &str) -> Result<(String, String), Antwoord> {
    let a = vraag(app, "GET", "/aanmelden", None, None).await;
    let cookie = a.cookie.clone().unwrap();
    let form =
        format!("csrf={}&gebruikersnaam={naam}&wachtwoord={}&terug=", csrf(&a.body), wachtwoord.replace(' ', "+"));
    let b = vraag(app, "POST", "/aanmelden", Some(&cookie), Some(form)).await;
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
        .replace("{bestand}", "leerspoor.css")
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
                    if mag {
                        assert!(
                            !matches!(a.status, StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED)
                                && a.status.as_u16() < 500,
                            "toegestaan: {wat}"
                        );
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
            let a = aanmelden(&r.app, "teamleider", "verkeerd wachtwoord!").await.unwrap_err();
            assert_eq!(a.status, StatusCode::UNAUTHORIZED);
            let verwacht = if poging < 5 { "onjuist" } else { "tijdelijk geblokkeerd" };
            assert!(a.body.contains(verwacht), "poging {poging}: {}", a.body);
        }
        let a = aanmelden(&r.app, "teamleider", WACHTWOORD).await.expect_err("geblokkeerd");
        assert!(a.body.contains("tijdelijk geblokkeerd"));
        assert!(aanmelden(&r.app, "leerplichtambtenaar", WACHTWOORD).await.is_ok(), "andere accounts niet");
        let onbekend = aanmelden(&r.app, "niemand", WACHTWOORD).await.unwrap_err();
        assert!(
            onbekend.body.contains("De combinatie van gebruikersnaam en wachtwoord is onjuist."),
            "verraadt niet dat het account niet bestaat"
        );
    }
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
