//! The BRP client against the local BRP, which holds every request and answer to the published
//! OpenAPI document: what the client sends is what the contract allows, and what it reads is what
//! the contract promises.
use leerspoor_brp::client::{Brp, BrpFout, BrpInstellingen};
use leerspoor_brp::persoon::{BrpGezag, BrpOuder, Gezaghebber};
use leerspoor_brp::proefserver::{Proefpersoon, Proefserver};
use leerspoor_domain::{Bsn, Datum};
use std::time::Duration;

fn d(s: &str) -> Datum {
    s.parse().unwrap()
}

/// Sara, who lives in Zandvoorde since 2015, as the BRP gives her.
fn sara() -> serde_json::Value {
    Proefpersoon {
        bsn: "111222333",
        voornamen: "Sara",
        voorvoegsel: "de",
        geslachtsnaam: "Vries",
        geboren: d("2008-03-14"),
        overleden: None,
        adres: ("Strandweg", 1, "9901AA", "Zandvoorde", "9901", d("2015-08-01")),
        ouders: Vec::new(),
        gezag: None,
    }
    .json()
}

/// Sara, and Kevin who died in 2020.
async fn brp() -> Proefserver {
    let kevin = Proefpersoon {
        bsn: "100000022",
        voornamen: "Kevin",
        voorvoegsel: "de",
        geslachtsnaam: "Vries",
        geboren: d("1996-02-02"),
        overleden: Some(d("2020-10-13")),
        adres: ("Strandweg", 5, "9901AA", "Zandvoorde", "9901", d("2000-01-01")),
        ouders: Vec::new(),
        gezag: None,
    };
    Proefserver::start(vec![sara(), kevin.json()], "geheim").await.unwrap()
}

fn client(url: &str, api_key: &str, per_seconde: f64) -> Brp {
    Brp::nieuw(BrpInstellingen {
        url: url.to_string(),
        api_key: api_key.to_string(),
        certificaat: None,
        ca: None,
        per_seconde,
        time_out: Duration::from_secs(5),
    })
    .unwrap()
}

#[tokio::test]
async fn the_client_asks_by_bsn_in_requests_of_twenty_and_reads_address_and_death() {
    let server = brp().await;
    let brp = client(&server.url, "geheim", 1000.0);
    // 25 numbers: two requests; only the two the BRP knows come back.
    let mut bsns = vec![Bsn::parse("111222333").unwrap(), Bsn::parse("100000022").unwrap()];
    bsns.extend((0..23).map(|i| Bsn::try_from(100_000_046 + 12 * i).unwrap_or(Bsn::parse("100000046").unwrap())));
    let personen = brp.raadpleeg(&bsns).await.unwrap();
    assert_eq!(server.verzoeken(), 2);
    assert_eq!(server.afwijkingen(), Vec::<String>::new(), "requests and answers meet the contract");
    let sara = personen.iter().find(|p| p.voornamen == "Sara").unwrap();
    let adres = sara.adres.as_ref().unwrap();
    assert_eq!(
        (adres.postcode.as_str(), adres.sinds, sara.gemeente.as_deref()),
        ("9901AA", Some(d("2015-08-01")), Some("9901"))
    );
    let kevin = personen.iter().find(|p| p.voornamen == "Kevin").unwrap();
    assert_eq!((kevin.overleden, kevin.overlijdensdatum), (true, Some(d("2020-10-13"))));
}

#[tokio::test]
async fn a_busy_brp_is_asked_again_and_a_refusal_is_said_with_the_brps_words() {
    let server = brp().await;
    let brp = client(&server.url, "geheim", 1000.0);
    server.storing(&[503, 429]);
    let sara = [Bsn::parse("111222333").unwrap()];
    assert_eq!(brp.raadpleeg(&sara).await.unwrap().len(), 1, "after a 503 and a 429");
    assert_eq!(server.verzoeken(), 3);
    let fout = client(&server.url, "verkeerd", 1000.0).raadpleeg(&sara).await.unwrap_err();
    assert_eq!(fout, BrpFout::Geweigerd { status: 401, titel: "Niet geauthenticeerd: Geen geldige API key.".into() });
    server.storing(&[503, 503, 503, 503]);
    let fout = brp.raadpleeg(&sara).await.unwrap_err();
    assert!(matches!(fout, BrpFout::Verbinding(ref m) if m.contains("na 4 pogingen")), "{fout}");
}

#[tokio::test]
async fn requests_are_spaced_to_the_agreed_rate() {
    let server = brp().await;
    let brp = client(&server.url, "geheim", 10.0);
    let sara = [Bsn::parse("111222333").unwrap()];
    let start = tokio::time::Instant::now();
    for _ in 0..4 {
        brp.raadpleeg(&sara).await.unwrap();
    }
    // Four requests at ten a second: the last goes no sooner than 0,3 s after the first.
    assert!(start.elapsed() >= Duration::from_millis(300), "{:?}", start.elapsed());
}

#[tokio::test]
async fn the_local_brp_refuses_what_the_contract_does_not_allow() {
    let server = brp().await;
    let http = reqwest::Client::new();
    let te_veel = serde_json::json!({"type": "RaadpleegMetBurgerservicenummer", "fields": ["naam"], "burgerservicenummer": vec!["111222333"; 21]});
    let r = http
        .post(format!("{}/personen", server.url))
        .header("X-API-KEY", "geheim")
        .json(&te_veel)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert!(
        server.afwijkingen().iter().any(|a| a.starts_with("verzoek /burgerservicenummer")),
        "{:?}",
        server.afwijkingen()
    );
}

#[tokio::test]
async fn a_test_person_the_contract_does_not_allow_is_caught_by_the_local_brp() {
    let mut p = sara();
    // A postcode beginning with 0: the contract's pattern does not allow it. (Only found through the
    // verblijfplaats' discriminator: the abstract part has no address.)
    p["verblijfplaats"]["verblijfadres"]["postcode"] = "0901AA".into();
    let server = Proefserver::start(vec![p], "geheim").await.unwrap();
    let fout = client(&server.url, "geheim", 1000.0).raadpleeg(&[Bsn::parse("111222333").unwrap()]).await;
    assert!(fout.is_err());
    assert!(
        server.afwijkingen().iter().any(|a| a.starts_with("antwoord /personen/0/verblijfplaats")),
        "{:?}",
        server.afwijkingen()
    );
    // A kind of verblijfplaats the discriminator does not name.
    let mut p = sara();
    p["verblijfplaats"]["type"] = "Woonwagen".into();
    let server = Proefserver::start(vec![p], "geheim").await.unwrap();
    assert!(client(&server.url, "geheim", 1000.0).raadpleeg(&[Bsn::parse("111222333").unwrap()]).await.is_err());
    assert!(
        server.afwijkingen().iter().any(|a| a.starts_with("antwoord /personen/0/verblijfplaats/type")),
        "{:?}",
        server.afwijkingen()
    );
}

#[tokio::test]
async fn a_brp_that_does_not_answer_is_said_after_the_retries() {
    let weg = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", weg.local_addr().unwrap());
    drop(weg);
    let fout = client(&url, "geheim", 1000.0).raadpleeg(&[Bsn::parse("111222333").unwrap()]).await.unwrap_err();
    assert!(matches!(fout, BrpFout::Verbinding(_)), "{fout}");
    assert!(
        Brp::nieuw(BrpInstellingen {
            url,
            api_key: String::new(),
            certificaat: Some(("bestaat-niet.pem".into(), "sleutel.pem".into())),
            ca: None,
            per_seconde: 1.0,
            time_out: Duration::from_secs(1),
        })
        .is_err_and(|e| e.to_string().starts_with("BRP-instellingen: bestaat-niet.pem: niet te lezen"))
    );
}

#[tokio::test]
async fn who_lives_at_an_address_is_found_by_postcode_and_huisnummer_within_the_contract() {
    let moeder = Proefpersoon {
        bsn: "100000046",
        voornamen: "Marja",
        voorvoegsel: "de",
        geslachtsnaam: "Vries",
        geboren: d("1980-05-05"),
        overleden: None,
        adres: ("Strandweg", 1, "9901AA", "Zandvoorde", "9901", d("2015-08-01")),
        ouders: Vec::new(),
        gezag: None,
    };
    let server = Proefserver::start(vec![sara(), moeder.json()], "geheim").await.unwrap();
    let brp = client(&server.url, "geheim", 1000.0);
    let thuis = brp.zoek_op_adres("9901 aa", 1, None).await.unwrap();
    let namen: Vec<&str> = thuis.iter().map(|h| h.naam.as_str()).collect();
    assert_eq!(namen, ["Marja de Vries", "Sara de Vries"]);
    assert_eq!(thuis[1].geboortedatum, Some(d("2008-03-14")));
    assert!(brp.zoek_op_adres("9901AA", 1, Some("b")).await.unwrap().is_empty(), "another huisletter");
    assert!(brp.zoek_op_adres("9901AA", 3, None).await.unwrap().is_empty());
    assert_eq!(server.afwijkingen(), Vec::<String>::new(), "requests and answers within the contract");
}

/// Every type of gezag the contract has, written by the local BRP and read by the client: both
/// within the schemas (the discriminators of `Gezagsrelatie` and `Derde` included), and read back
/// as written.
#[tokio::test]
async fn parents_and_every_type_of_gezag_are_answered_within_the_contract_and_read_back() {
    let bsn = |b: &str| Bsn::parse(b).ok();
    let marja = Gezaghebber { bsn: bsn("100000046"), naam: "Marja de Vries".into() };
    let joost = Gezaghebber { bsn: bsn("100000058"), naam: "Joost de Vries".into() };
    let instelling = Gezaghebber { bsn: None, naam: String::new() };
    let soorten = [
        BrpGezag::GezamenlijkOuderlijk(vec![marja.clone(), joost.clone()]),
        BrpGezag::EenhoofdigOuderlijk(marja.clone()),
        BrpGezag::Gezamenlijk { ouder: marja.clone(), derde: joost.clone() },
        BrpGezag::Gezamenlijk { ouder: marja.clone(), derde: instelling.clone() },
        BrpGezag::Voogdij(vec![joost.clone()]),
        BrpGezag::Voogdij(vec![]),
        BrpGezag::TijdelijkGeen("Gezag is tijdelijk beëindigd.".into()),
        BrpGezag::NietTeBepalen("Gezag kan niet worden bepaald omdat de ouder onbekend is.".into()),
    ];
    let nummers: Vec<Bsn> =
        ["100000071", "100000083", "100000095", "100000101", "100000113", "100000125", "100000137", "100000149"]
            .iter()
            .map(|n| Bsn::parse(n).unwrap())
            .collect();
    let ouders = vec![
        BrpOuder {
            bsn: bsn("100000046"),
            voornamen: "Marja".into(),
            voorvoegsel: "de".into(),
            geslachtsnaam: "Vries".into(),
            geslacht: "V".into(),
            in_onderzoek: false,
        },
        BrpOuder {
            bsn: None,
            voornamen: String::new(),
            voorvoegsel: String::new(),
            geslachtsnaam: "Bakker".into(),
            geslacht: "O".into(),
            in_onderzoek: false,
        },
    ];
    let digits: Vec<String> = nummers.iter().map(Bsn::as_digits).collect();
    let personen = soorten
        .iter()
        .zip(&digits)
        .map(|(g, b)| {
            Proefpersoon {
                bsn: b,
                voornamen: "Emma",
                voorvoegsel: "de",
                geslachtsnaam: "Vries",
                geboren: d("2012-09-01"),
                overleden: None,
                adres: ("Strandweg", 4, "9901AA", "Zandvoorde", "9901", d("2012-09-01")),
                ouders: ouders.clone(),
                gezag: Some(g.clone()),
            }
            .json()
        })
        .collect();
    let server = Proefserver::start(personen, "geheim").await.unwrap();
    let mut gelezen = client(&server.url, "geheim", 1000.0).raadpleeg(&nummers).await.unwrap();
    assert_eq!(server.afwijkingen(), Vec::<String>::new(), "requests and answers within the contract");
    gelezen.sort_by_key(|p| nummers.iter().position(|n| *n == p.bsn));
    assert_eq!(gelezen.iter().map(|p| p.gezag.clone()).collect::<Vec<_>>(), soorten.map(Some));
    assert_eq!(gelezen[0].ouders, ouders);
}

/// The local BRP answers only the fields asked, by their whole paths, as the API does: a field
/// the client forgot to ask is not in the answer (so a test notices), what the API sends unasked
/// (`inOnderzoek`) is.
#[tokio::test]
async fn the_local_brp_gives_only_the_fields_asked_by_their_whole_paths() {
    let ouder = BrpOuder {
        bsn: Bsn::parse("100000046").ok(),
        voornamen: "Marja".into(),
        voorvoegsel: "de".into(),
        geslachtsnaam: "Vries".into(),
        geslacht: "V".into(),
        in_onderzoek: true,
    };
    let emma = Proefpersoon {
        bsn: "100000010",
        voornamen: "Emma",
        voorvoegsel: "de",
        geslachtsnaam: "Vries",
        geboren: d("2012-09-01"),
        overleden: None,
        adres: ("Strandweg", 4, "9901AA", "Zandvoorde", "9901", d("2012-09-01")),
        ouders: vec![ouder.clone()],
        gezag: None,
    };
    let server = Proefserver::start(vec![emma.json()], "geheim").await.unwrap();
    let vraag = |velden: serde_json::Value| {
        let url = format!("{}/personen", server.url);
        async move {
            let verzoek = serde_json::json!({"type": "RaadpleegMetBurgerservicenummer", "fields": velden, "burgerservicenummer": ["100000010"]});
            let r = reqwest::Client::new().post(url).header("X-API-KEY", "geheim").json(&verzoek).send().await.unwrap();
            assert_eq!(r.status(), 200);
            r.json::<serde_json::Value>().await.unwrap()["personen"][0].clone()
        }
    };
    let p = vraag(serde_json::json!(["ouders.burgerservicenummer", "naam.voornamen"])).await;
    assert_eq!(p["naam"], serde_json::json!({"voornamen": "Emma"}));
    let o = p["ouders"][0].as_object().unwrap();
    let mut sleutels: Vec<&str> = o.keys().map(String::as_str).collect();
    sleutels.sort();
    assert_eq!(sleutels, ["burgerservicenummer", "inOnderzoek"], "{o:?}");
    assert!(p.get("verblijfplaats").is_none());
    let p = vraag(serde_json::json!(["verblijfplaats.verblijfadres.postcode"])).await;
    assert_eq!(p["verblijfplaats"], serde_json::json!({"type": "Adres", "verblijfadres": {"postcode": "9901AA"}}));
    assert_eq!(server.afwijkingen(), Vec::<String>::new());
    // The client's own fields give the parent whole as it reads her.
    let gelezen = client(&server.url, "geheim", 1000.0).raadpleeg(&[Bsn::parse("100000010").unwrap()]).await.unwrap();
    assert_eq!(gelezen[0].ouders, [ouder]);
}

/// For a gemeente not authorised for the family: neither parents nor gezag asked (the real BRP
/// would refuse the request), the person herself read as ever.
#[tokio::test]
async fn without_the_family_neither_parents_nor_gezag_are_asked() {
    let marja = Gezaghebber { bsn: Bsn::parse("100000046").ok(), naam: "Marja de Vries".into() };
    let ouder = BrpOuder {
        bsn: Bsn::parse("100000046").ok(),
        voornamen: "Marja".into(),
        voorvoegsel: "de".into(),
        geslachtsnaam: "Vries".into(),
        geslacht: "V".into(),
        in_onderzoek: false,
    };
    let emma = Proefpersoon {
        bsn: "100000010",
        voornamen: "Emma",
        voorvoegsel: "de",
        geslachtsnaam: "Vries",
        geboren: d("2012-09-01"),
        overleden: None,
        adres: ("Strandweg", 4, "9901AA", "Zandvoorde", "9901", d("2012-09-01")),
        ouders: vec![ouder],
        gezag: Some(BrpGezag::EenhoofdigOuderlijk(marja)),
    };
    let server = Proefserver::start(vec![emma.json()], "geheim").await.unwrap();
    let emma = [Bsn::parse("100000010").unwrap()];
    let met = client(&server.url, "geheim", 1000.0).raadpleeg(&emma).await.unwrap();
    assert!(met[0].gezag.is_some() && met[0].ouders.len() == 1);
    let zonder = client(&server.url, "geheim", 1000.0).zonder_gezin().raadpleeg(&emma).await.unwrap();
    assert_eq!((zonder[0].gezag.as_ref(), zonder[0].ouders.len()), (None, 0));
    assert_eq!(zonder[0].adres, met[0].adres);
    assert_eq!(server.afwijkingen(), Vec::<String>::new());
}
