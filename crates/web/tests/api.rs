//! The JSON API of the verzendingen, used as the office's connection server to DUO would: a key in
//! the `Authorization` header, never a session; and as an attacker would: no key, a guessed key, a
//! revoked one, a key whose medewerker lost her access, a flood of guesses. On SQLite and
//! PostgreSQL.
#[path = "../../casework/tests/common/mod.rs"]
mod common;
use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, Request, StatusCode, header};
use common::*;
use leerspoor_casework::vrijstellingen::{self, Besluit};
use leerspoor_domain::model::{Medewerker, Rol};
use leerspoor_koppeling::duo_verzuim::{self, KOPPELTABEL};
use leerspoor_koppeling::levering::Koppeltabel;
use leerspoor_koppeling::logboek::Aanbod;
use leerspoor_store::Store;
use leerspoor_store::toegang::{Account, Herkomst};
use leerspoor_web::Instellingen;
use leerspoor_web::api::sleutel;
use serde_json::Value;
use tower::ServiceExt;

const DAG: &str = "Meldingnummer;BSN;BRIN;Leslocatie;Datum melding;Begindatum verzuim;Vermoedelijke soort verzuim\n\
                   DUO-1001;111222333;10AB;00;12-10-2020;05-10-2020;Luxe verzuim\n\
                   DUO-1003;100000022;30EF;01;12-10-2020;14-09-2020;Signaalverzuim\n";

const TERUGMELDING: &str = "/api/v1/verzendingen/terugmelding";

async fn dag_in(s: &Store) {
    let aanbod = Aanbod { bron: duo_verzuim::BRON, bestand: "dag.csv", bytes: DAG.as_bytes() };
    let tabel = Koppeltabel::lees("duo-verzuim.toml", KOPPELTABEL).unwrap();
    duo_verzuim::verwerk(s, &mw(s, ADMIN).await, aanbod, &tabel, d("2020-10-12"), false).await.unwrap();
}

fn app(s: &Store) -> Router {
    let instellingen = Instellingen { vandaag: Some(d("2020-10-13")), tweestaps: false, ..Instellingen::default() };
    leerspoor_web::app(s.clone(), &instellingen)
}

/// A key for `medewerker`, who gets an account first (a key is worth no more than her access).
async fn sleutel_voor(s: &Store, medewerker: &str) -> String {
    let hash = leerspoor_web::aanmelden::hash("een lange zin als wachtwoord");
    s.bewaar_account(&Account::nieuw(&medewerker.to_lowercase(), medewerker, hash)).await.unwrap();
    let (_, token) = sleutel::geef_uit(s, &Herkomst::default(), "test", medewerker, "DUO-koppelserver").await.unwrap();
    token
}

async fn vraag(app: &Router, methode: &str, pad: &str, sleutel: Option<&str>) -> (StatusCode, HeaderMap, Value) {
    let mut req = Request::builder().method(methode).uri(pad);
    if let Some(s) = sleutel {
        req = req.header(header::AUTHORIZATION, format!("Bearer {s}"));
    }
    let res = app.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let body = to_bytes(res.into_body(), usize::MAX).await.unwrap();
    let json = serde_json::from_slice(&body).unwrap_or_else(|_| panic!("JSON: {}", String::from_utf8_lossy(&body)));
    (status, headers, json)
}

#[tokio::test]
async fn the_connection_server_makes_fetches_and_acknowledges_the_terugmelding() {
    for db in regio().await {
        let s = &db.store;
        dag_in(s).await;
        let app = app(s);
        let k = sleutel_voor(s, LPA).await;

        let (status, _, leeg) = vraag(&app, "GET", TERUGMELDING, Some(&k)).await;
        assert_eq!((status, leeg), (StatusCode::OK, serde_json::json!({ "verzendingen": [] })));

        // Kevin (24) was taken ter kennisgeving when the melding came in: that goes to DUO.
        let (status, _, nieuw) = vraag(&app, "POST", TERUGMELDING, Some(&k)).await;
        assert_eq!(status, StatusCode::CREATED, "{nieuw}");
        let id = nieuw["verzending"]["id"].as_str().unwrap().to_string();
        assert_eq!(nieuw["verzending"]["bevestigd"], Value::Null);
        let t = &nieuw["terugmeldingen"].as_array().unwrap()[..];
        assert_eq!(t.len(), 1);
        assert_eq!(t[0]["meldingnummer"], "DUO-1003");
        assert_eq!(t[0]["status"]["code"], "ter_kennisgeving");
        assert!(!nieuw.to_string().contains("100000022"), "DUO knows the melding by its number, not the BSN");

        let (status, _, niets) = vraag(&app, "POST", TERUGMELDING, Some(&k)).await;
        assert_eq!((status, &niets["verzending"]), (StatusCode::OK, &Value::Null), "nothing changed since");

        // Read again as often as needed: the same; each read in the access log with the key.
        let pad = format!("{TERUGMELDING}/{id}");
        let (status, _, weer) = vraag(&app, "GET", &pad, Some(&k)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(weer["terugmeldingen"], nieuw["terugmeldingen"]);
        let log = s.toegang_van(&format!("verzending:{id}")).await.unwrap();
        assert_eq!(log.len(), 2, "made and read: two reads of its contents");
        assert!(log.iter().all(|l| l.gebruiker == LPA && l.reden.as_deref().unwrap().starts_with("API-sleutel ")));

        let (status, _, bevestigd) = vraag(&app, "POST", &format!("{pad}/bevestiging"), Some(&k)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(bevestigd["verzending"]["bevestigd"].is_string());
        let (status, _, al) = vraag(&app, "POST", &format!("{pad}/bevestiging"), Some(&k)).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(al["fout"].as_str().unwrap().contains("al bevestigd"));

        let (status, _, f) = vraag(&app, "GET", "/api/v1/verzendingen/onzin", Some(&k)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(f["fout"].as_str().unwrap().starts_with("bestemming: 'onzin' bestaat niet"));
        let (status, _, _) = vraag(&app, "GET", &format!("{TERUGMELDING}/V-BESTAATNIET"), Some(&k)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _, _) =
            vraag(&app, "POST", &format!("/api/v1/verzendingen/doorsturen/{id}/bevestiging"), Some(&k)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "a terugmelding is not acknowledged as a doorsturen");
    }
}

#[tokio::test]
async fn without_a_valid_key_nothing_opens_and_every_refusal_is_logged() {
    for db in regio().await {
        let s = &db.store;
        let app = app(s);
        let k = sleutel_voor(s, LPA).await;
        let (id, geheim) = k.strip_prefix("lsk_").unwrap().split_once('_').unwrap();
        let ander_geheim = format!("lsk_{id}_{}", "0".repeat(geheim.len()));
        for sleutel in
            [None, Some("lsk_kapot"), Some(ander_geheim.as_str()), Some(&format!("lsk_{}_{geheim}", "f".repeat(12)))]
        {
            let (status, headers, f) = vraag(&app, "GET", TERUGMELDING, sleutel).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{sleutel:?}");
            assert!(headers.get(header::WWW_AUTHENTICATE).is_some());
            assert!(f["fout"].as_str().unwrap().starts_with("Geen geldige API-sleutel"));
        }
        let log = s.toegang_van(TERUGMELDING).await.unwrap();
        assert_eq!(log.len(), 4);
        let reden = format!("onjuist geheim van API-sleutel {id}");
        let geheim_fout = log.iter().find(|l| l.reden.as_deref() == Some(reden.as_str())).unwrap();
        assert_eq!(geheim_fout.gebruiker, LPA);
        assert!(log.iter().all(|l| l.resultaat == "geweigerd" && !l.reden.as_deref().unwrap().contains(geheim)));

        // The key works until revoked, or until its medewerker's account is switched off.
        assert_eq!(vraag(&app, "GET", TERUGMELDING, Some(&k)).await.0, StatusCode::OK);
        let mut account = s.account_van(LPA).await.unwrap().unwrap();
        account.actief = false;
        s.bewaar_account(&account).await.unwrap();
        assert_eq!(vraag(&app, "GET", TERUGMELDING, Some(&k)).await.0, StatusCode::UNAUTHORIZED);
        let tweede = sleutel_voor(s, LPA).await;
        assert_eq!(vraag(&app, "GET", TERUGMELDING, Some(&tweede)).await.0, StatusCode::OK);
        let tweede_id = &tweede[4..16];
        sleutel::trek_in(s, &Herkomst::default(), "test", tweede_id, None).await.unwrap();
        assert_eq!(vraag(&app, "GET", TERUGMELDING, Some(&tweede)).await.0, StatusCode::UNAUTHORIZED);
        let nog_eens =
            sleutel::trek_in(s, &Herkomst::default(), "test", tweede_id, None).await.unwrap_err().to_string();
        assert!(nog_eens.starts_with("sleutel: "), "{nog_eens}");
        let log = s.toegang_van(TERUGMELDING).await.unwrap();
        let ingetrokken =
            log.iter().find(|l| l.reden.as_deref().is_some_and(|r| r.ends_with("is ingetrokken"))).unwrap();
        assert_eq!(ingetrokken.gebruiker, LPA, "a refused key of a known medewerker is logged in her name");
    }
}

#[tokio::test]
async fn a_flood_of_wrong_keys_holds_the_client_back_even_with_a_right_one() {
    for db in regio().await {
        let s = &db.store;
        let app = app(s);
        let k = sleutel_voor(s, LPA).await;
        for _ in 0..20 {
            assert_eq!(vraag(&app, "GET", TERUGMELDING, Some("lsk_geraden")).await.0, StatusCode::UNAUTHORIZED);
        }
        let (status, headers, _) = vraag(&app, "GET", TERUGMELDING, Some(&k)).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(headers.get(header::RETRY_AFTER).unwrap(), "900");
        let log = s.toegang_van(TERUGMELDING).await.unwrap();
        assert_eq!(
            log[0].reden.as_deref(),
            Some("te veel geweigerde verzoeken vanaf dit adres"),
            "the 429 is logged too"
        );
    }
}

#[tokio::test]
async fn a_server_polling_with_a_revoked_key_is_refused_but_not_held_back_as_a_guesser() {
    for db in regio().await {
        let s = &db.store;
        let app = app(s);
        let oud = sleutel_voor(s, LPA).await;
        sleutel::trek_in(s, &Herkomst::default(), "test", &oud[4..16], None).await.unwrap();
        for _ in 0..25 {
            assert_eq!(vraag(&app, "GET", TERUGMELDING, Some(&oud)).await.0, StatusCode::UNAUTHORIZED);
        }
        let nieuw = sleutel::geef_uit(s, &Herkomst::default(), "test", LPA, "nieuw").await.unwrap().1;
        assert_eq!(vraag(&app, "GET", TERUGMELDING, Some(&nieuw)).await.0, StatusCode::OK);
    }
}

#[tokio::test]
async fn a_key_stops_when_its_medewerker_leaves_service_or_loses_the_role() {
    for db in regio().await {
        let s = &db.store;
        let app = app(s);
        let k = sleutel_voor(s, LPA).await;
        let lotte = mw(s, LPA).await;
        let wijzig = |nieuw: Medewerker| async move {
            let oud: Medewerker = s.lees_een(LPA).await.unwrap().unwrap();
            let mut w = s.schrijver("test", "test").await.unwrap();
            w.wijzig(&oud, &nieuw).await.unwrap();
            w.vastleggen("test", LPA).await.unwrap();
        };
        wijzig(Medewerker { uit_dienst: Some(d("2020-01-01")), ..lotte.clone() }).await;
        assert_eq!(vraag(&app, "GET", TERUGMELDING, Some(&k)).await.0, StatusCode::UNAUTHORIZED, "out of service");
        wijzig(lotte.clone()).await;
        assert_eq!(vraag(&app, "GET", TERUGMELDING, Some(&k)).await.0, StatusCode::OK, "back in service");
        wijzig(Medewerker { rol: Rol::Beleidsmedewerker, ..lotte }).await;
        assert_eq!(
            vraag(&app, "GET", TERUGMELDING, Some(&k)).await.0,
            StatusCode::UNAUTHORIZED,
            "a role without casework"
        );
    }
}

#[tokio::test]
async fn every_api_route_answers_json_and_opens_nothing_without_a_key() {
    for db in regio().await {
        let s = &db.store;
        let app = app(s);
        for (methode, pad) in [
            ("GET", TERUGMELDING),
            ("POST", TERUGMELDING),
            ("GET", "/api/v1/verzendingen/terugmelding/V-1"),
            ("POST", "/api/v1/verzendingen/terugmelding/V-1/bevestiging"),
        ] {
            let (status, _, f) = vraag(&app, methode, pad, None).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{methode} {pad}");
            assert!(f["fout"].is_string());
        }
        let (status, _, f) = vraag(&app, "GET", "/api/v1/bestaat-niet", None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{f}");
        let k = sleutel_voor(s, LPA).await;
        let (status, _, f) = vraag(&app, "DELETE", TERUGMELDING, Some(&k)).await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{f}");
    }
}

/// Emma's vrijstelling (art. 5 sub a) requested and granted.
async fn emma_vrijgesteld(s: &Store) {
    let v = vrijstellingen::vraag_aan(s, &mw(s, ADMIN).await, emma_aanvraag()).await.unwrap();
    let besluit = Besluit {
        toekennen: true,
        besluitdatum: d("2021-03-15"),
        geldig_van: None,
        geldig_tot: None,
        toelichting: String::new(),
    };
    vrijstellingen::besluit(s, &mw(s, LPA).await, &v.id, besluit).await.unwrap();
}

#[tokio::test]
async fn the_rmc_reads_the_terugmelding_but_not_the_vrijstellingen_with_their_bsns() {
    for db in regio().await {
        let s = &db.store;
        let app = app(s);
        emma_vrijgesteld(s).await;
        let lpa = sleutel_voor(s, LPA).await;
        let (status, _, gemaakt) = vraag(&app, "POST", "/api/v1/verzendingen/vrijstellingen", Some(&lpa)).await;
        assert_eq!(status, StatusCode::CREATED, "{gemaakt}");
        assert_eq!(gemaakt["vrijstellingen"][0]["bsn"], "100000010", "DUO's register is kept by BSN");
        let id = gemaakt["verzending"]["id"].as_str().unwrap();

        let k = sleutel_voor(s, RMC).await;
        assert_eq!(vraag(&app, "GET", TERUGMELDING, Some(&k)).await.0, StatusCode::OK);
        for (methode, pad) in [
            ("POST", "/api/v1/verzendingen/vrijstellingen".to_string()),
            ("GET", format!("/api/v1/verzendingen/vrijstellingen/{id}")),
            ("POST", format!("/api/v1/verzendingen/vrijstellingen/{id}/bevestiging")),
        ] {
            let (status, _, f) = vraag(&app, methode, &pad, Some(&k)).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{pad}: {f}");
            assert!(!f.to_string().contains("100000010"));
        }
        let log = s.toegang_van(&format!("verzending:{id}")).await.unwrap();
        let rmc: Vec<(&str, &str)> =
            log.iter().filter(|l| l.gebruiker == RMC).map(|l| (l.handeling.as_str(), l.resultaat.as_str())).collect();
        assert_eq!(rmc, [("bevestigen vrijstellingen", "geweigerd"), ("download vrijstellingen", "geweigerd")]);
    }
}

#[tokio::test]
async fn a_key_is_issued_only_with_a_name_and_for_someone_who_may_do_casework() {
    for db in regio().await {
        let s = &db.store;
        let h = Herkomst::default();
        let geen_account = sleutel::geef_uit(s, &h, "test", LPA, "DUO-koppelserver").await.unwrap_err().to_string();
        assert!(geen_account.contains("geen account"), "{geen_account}");
        sleutel_voor(s, LPA).await;
        let naamloos = sleutel::geef_uit(s, &h, "test", LPA, "  ").await.unwrap_err().to_string();
        assert!(naamloos.starts_with("naam: "), "{naamloos}");
        let onbekend = sleutel::geef_uit(s, &h, "test", "MW-NIEMAND", "x").await.unwrap_err().to_string();
        assert!(onbekend.starts_with("medewerker: "), "{onbekend}");
        let hash = leerspoor_web::aanmelden::hash("een lange zin als wachtwoord");
        s.bewaar_account(&Account::nieuw("beleid", BELEID, hash)).await.unwrap();
        let beleid = sleutel::geef_uit(s, &h, "test", BELEID, "rapportages").await.unwrap_err().to_string();
        assert!(beleid.contains("geeft geen toegang tot de koppelingen"), "{beleid}");
        let sleutels = s.api_sleutels().await.unwrap();
        assert_eq!(sleutels.len(), 1);
        assert_eq!(sleutels[0].geheim_hash.len(), 64, "only the hash of the secret is kept");
        let toegekend = s.toegang_van(&format!("account:{}", LPA.to_lowercase())).await.unwrap();
        assert_eq!(toegekend[0].handeling, "rechten toegekend", "the teamleider sees a key as a grant of access");
    }
}
