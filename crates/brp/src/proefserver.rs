//! A local BRP for tests and the demo: answers `POST /personen` with `RaadpleegMetBurgerservicenummer`
//! and `ZoekMetPostcodeEnHuisnummer` from a set of persons, and checks every request and every answer against the schemas of the
//! published OpenAPI document. A request that does not meet them gets a 400, as the real API would;
//! an answer that would not meet them (a bad test person) is a 500. Both are kept in
//! [`Proefserver::afwijkingen`], so a test can assert that the client kept to the contract.
use crate::contract::{afwijkingen, schema_voor, validator};
use crate::persoon::{BrpGezag, BrpOuder, Gezaghebber};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use leerspoor_domain::Datum;
use serde_json::{Value, json};
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

const RAADPLEEG: &str = "RaadpleegMetBurgerservicenummer";
const OP_ADRES: &str = "ZoekMetPostcodeEnHuisnummer";

struct Gedeeld {
    personen: HashMap<String, Value>,
    api_key: String,
    /// Per kind of request it answers: the schemas of the request and of its answer.
    schemas: HashMap<&'static str, (jsonschema::Validator, jsonschema::Validator)>,
    afwijkingen: Mutex<Vec<String>>,
    verzoeken: AtomicUsize,
    /// Statuses to answer the next requests with instead (a 503, a 429), to test retrying.
    storingen: Mutex<VecDeque<u16>>,
}

pub struct Proefserver {
    /// The base URL, to configure the client with.
    pub url: String,
    gedeeld: Arc<Gedeeld>,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl Proefserver {
    /// Starts on a free port of 127.0.0.1 with these persons (each as the API gives a person).
    pub async fn start(personen: Vec<Value>, api_key: &str) -> Result<Proefserver, String> {
        let mut schemas = HashMap::new();
        for soort in [RAADPLEEG, OP_ADRES] {
            let antwoord = schema_voor("PersonenQueryResponse", soort).ok_or("geen antwoordschema")?;
            schemas.insert(soort, (validator(soort)?, validator(&antwoord)?));
        }
        let personen = personen
            .into_iter()
            .filter_map(|p| Some((p.get("burgerservicenummer")?.as_str()?.to_string(), p)))
            .collect();
        let gedeeld = Arc::new(Gedeeld {
            personen,
            api_key: api_key.to_string(),
            schemas,
            afwijkingen: Mutex::new(Vec::new()),
            verzoeken: AtomicUsize::new(0),
            storingen: Mutex::new(VecDeque::new()),
        });
        let app = axum::Router::new().route("/personen", axum::routing::post(raadpleeg)).with_state(gedeeld.clone());
        let luister = tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(|e| e.to_string())?;
        let url = format!("http://{}", luister.local_addr().map_err(|e| e.to_string())?);
        let (stop, gestopt) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            axum::serve(luister, app)
                .with_graceful_shutdown(async {
                    gestopt.await.ok();
                })
                .await
                .ok();
        });
        Ok(Proefserver { url, gedeeld, _stop: stop })
    }

    /// What did not meet the contract so far: requests and answers, with the schema's words.
    pub fn afwijkingen(&self) -> Vec<String> {
        self.gedeeld.afwijkingen.lock().expect("slot").clone()
    }

    /// Requests received so far.
    pub fn verzoeken(&self) -> usize {
        self.gedeeld.verzoeken.load(Ordering::Relaxed)
    }

    /// The next requests get these statuses (e.g. 503, 429) instead of an answer; a 200 in the
    /// list is a request answered as usual (to fail later in a run).
    pub fn storing(&self, statussen: &[u16]) {
        self.gedeeld.storingen.lock().expect("slot").extend(statussen);
    }
}

/// An error as the API gives it (RFC 7807, the contract's Foutbericht).
fn fout(status: StatusCode, titel: &str, detail: &str) -> Response {
    let body = json!({"type": "https://www.rfc-editor.org/rfc/rfc9110", "title": titel, "status": status.as_u16(), "detail": detail, "code": "proefserver"});
    (status, [(header::CONTENT_TYPE, "application/problem+json")], body.to_string()).into_response()
}

async fn raadpleeg(State(g): State<Arc<Gedeeld>>, koppen: HeaderMap, body: String) -> Response {
    g.verzoeken.fetch_add(1, Ordering::Relaxed);
    let storing = g.storingen.lock().expect("slot").pop_front().filter(|s| *s != 200);
    if let Some(status) = storing {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
        return fout(status, "Tijdelijke storing", "Probeer het later opnieuw.");
    }
    if koppen.get("x-api-key").and_then(|k| k.to_str().ok()) != Some(g.api_key.as_str()) {
        return fout(StatusCode::UNAUTHORIZED, "Niet geauthenticeerd", "Geen geldige API key.");
    }
    let Ok(verzoek) = serde_json::from_str::<Value>(&body) else {
        return fout(StatusCode::BAD_REQUEST, "Ongeldig verzoek", "Het verzoek is geen JSON.");
    };
    let soort = verzoek.get("type").and_then(Value::as_str).unwrap_or_default();
    let Some((verzoekschema, antwoordschema)) = g.schemas.get(soort) else {
        return fout(
            StatusCode::BAD_REQUEST,
            "Ongeldig verzoek",
            "Alleen RaadpleegMetBurgerservicenummer en ZoekMetPostcodeEnHuisnummer.",
        );
    };
    let fouten = afwijkingen(verzoekschema, &verzoek);
    if !fouten.is_empty() {
        g.afwijkingen.lock().expect("slot").extend(fouten.iter().map(|f| format!("verzoek {f}")));
        return fout(StatusCode::BAD_REQUEST, "Een of meerdere parameters zijn niet correct", "Zie het schema.");
    }
    let velden: Vec<&str> = verzoek["fields"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    let gevonden: Vec<Value> = if soort == RAADPLEEG {
        verzoek["burgerservicenummer"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|b| g.personen.get(b.as_str()?))
            .map(|p| alleen(p, &velden))
            .collect()
    } else {
        let mut op_adres: Vec<&Value> = g.personen.values().filter(|p| woont_op(p, &verzoek)).collect();
        op_adres.sort_by_key(|p| p["burgerservicenummer"].as_str().map(str::to_string));
        op_adres.into_iter().map(|p| alleen(p, &velden)).collect()
    };
    let antwoord = json!({"type": soort, "personen": gevonden});
    let fouten = afwijkingen(antwoordschema, &antwoord);
    if !fouten.is_empty() {
        g.afwijkingen.lock().expect("slot").extend(fouten.iter().map(|f| format!("antwoord {f}")));
        return fout(StatusCode::INTERNAL_SERVER_ERROR, "Interne fout", "Het antwoord voldoet niet aan het schema.");
    }
    Json(antwoord).into_response()
}

/// Whether `p` lives at the postcode and huisnummer (and huisletter, if asked) of the search.
fn woont_op(p: &Value, zoek: &Value) -> bool {
    let adres = &p["verblijfplaats"]["verblijfadres"];
    let postcode = |v: &Value| v.as_str().map(|s| s.replace(' ', "").to_uppercase());
    postcode(&adres["postcode"]) == postcode(&zoek["postcode"])
        && adres["huisnummer"] == zoek["huisnummer"]
        && zoek.get("huisletter").is_none_or(|l| adres.get("huisletter") == Some(l))
}

/// Fields the API sends with what is asked, without being asked (and which may not be asked).
const AUTOMATISCH: &[&str] =
    &["inOnderzoek", "geheimhoudingPersoonsgegevens", "opschortingBijhouding", "rni", "verificatie"];

/// The person with only the asked fields, by their whole paths as the API does: `naam` gives the
/// whole name, `ouders.naam.voornamen` of each parent only the first names (the fields asked of a
/// list are of its items). With every part the API sends unasked ([`AUTOMATISCH`]), and the
/// `type` of an object that has one (the schemas' discriminators require it).
fn alleen(p: &Value, velden: &[&str]) -> Value {
    let paden: Vec<Vec<&str>> = velden.iter().map(|v| v.split('.').collect()).collect();
    let paden: Vec<&[&str]> = paden.iter().map(Vec::as_slice).collect();
    filter(p, &paden)
}

/// `v` with only the `paden` (each relative to `v`); an empty path keeps `v` whole.
fn filter(v: &Value, paden: &[&[&str]]) -> Value {
    if paden.iter().any(|p| p.is_empty()) {
        return v.clone();
    }
    match v {
        Value::Array(items) => Value::Array(items.iter().map(|i| filter(i, paden)).collect()),
        Value::Object(o) => Value::Object(
            o.iter()
                .filter_map(|(k, w)| {
                    if AUTOMATISCH.contains(&k.as_str()) || k == "type" {
                        return Some((k.clone(), w.clone()));
                    }
                    let onder: Vec<&[&str]> = paden.iter().filter(|p| p[0] == k).map(|p| &p[1..]).collect();
                    (!onder.is_empty()).then(|| (k.clone(), filter(w, &onder)))
                })
                .collect(),
        ),
        // A part of something that has no parts: asked of nothing.
        _ => v.clone(),
    }
}

/// A date as the API gives a whole one.
pub fn datum(d: Datum) -> Value {
    json!({"type": "Datum", "datum": d.format("%Y-%m-%d").to_string(), "langFormaat": d.format("%-d %m %Y").to_string()})
}

/// A test person living at an address in the Netherlands, in the API's shape.
pub struct Proefpersoon<'a> {
    pub bsn: &'a str,
    pub voornamen: &'a str,
    pub voorvoegsel: &'a str,
    pub geslachtsnaam: &'a str,
    pub geboren: Datum,
    pub overleden: Option<Datum>,
    /// Straat, huisnummer, postcode, woonplaats, gemeentecode (4 digits), since.
    pub adres: (&'a str, i64, &'a str, &'a str, &'a str, Datum),
    pub ouders: Vec<BrpOuder>,
    /// The gezag over this person (give it a minor only, as the BRP does).
    pub gezag: Option<BrpGezag>,
}

impl Proefpersoon<'_> {
    pub fn json(&self) -> Value {
        let (straat, huisnummer, postcode, woonplaats, gemeente, sinds) = self.adres;
        let mut p = json!({
            "burgerservicenummer": self.bsn,
            "naam": {"voornamen": self.voornamen, "geslachtsnaam": self.geslachtsnaam},
            "geboorte": {"datum": datum(self.geboren)},
            "verblijfplaats": {"type": "Adres", "datumVan": datum(sinds),
                "verblijfadres": {"officieleStraatnaam": straat, "huisnummer": huisnummer, "postcode": postcode, "woonplaats": woonplaats}},
            "gemeenteVanInschrijving": {"code": gemeente, "omschrijving": woonplaats},
        });
        if !self.voorvoegsel.is_empty() {
            p["naam"]["voorvoegsel"] = self.voorvoegsel.into();
        }
        if let Some(d) = self.overleden {
            p["overlijden"] = json!({"datum": datum(d)});
        }
        if !self.ouders.is_empty() {
            p["ouders"] = self.ouders.iter().enumerate().map(|(i, o)| ouder(o, i + 1)).collect();
        }
        if let Some(g) = self.gezag.as_ref().and_then(|g| gezagsrelatie(g, self.bsn)) {
            p["gezag"] = json!([g]);
        }
        p
    }
}

/// A parent as the API gives one; `aanduiding` is the BRP's ouder 1 or 2.
fn ouder(o: &BrpOuder, aanduiding: usize) -> Value {
    let mut naam = json!({"geslachtsnaam": o.geslachtsnaam});
    for (veld, waarde) in [("voornamen", &o.voornamen), ("voorvoegsel", &o.voorvoegsel)] {
        if !waarde.is_empty() {
            naam[veld] = waarde.as_str().into();
        }
    }
    let mut uit = json!({"ouderAanduiding": aanduiding.to_string(), "naam": naam});
    if let Some(b) = o.bsn {
        uit["burgerservicenummer"] = b.as_digits().into();
    }
    if !o.geslacht.is_empty() {
        let omschrijving = match o.geslacht.as_str() {
            "V" => "vrouw",
            "M" => "man",
            _ => "onbekend",
        };
        uit["geslacht"] = json!({"code": o.geslacht, "omschrijving": omschrijving});
    }
    if o.in_onderzoek {
        uit["inOnderzoek"] = json!({"burgerservicenummer": true, "datumIngangOnderzoek": datum(Datum::from_ymd_opt(2024, 1, 1).expect("datum"))});
    }
    uit
}

/// A `GezagOuder` or `BekendeDerde` (with `derde`); a third without BSN and name is an
/// `OnbekendeDerde`.
fn gezaghebber(h: &Gezaghebber, derde: bool) -> Value {
    if derde && h.bsn.is_none() && h.naam.is_empty() {
        return json!({"type": "OnbekendeDerde"});
    }
    let mut uit = json!({"naam": {"volledigeNaam": h.naam}});
    if let Some(b) = h.bsn {
        uit["burgerservicenummer"] = b.as_digits().into();
    }
    if derde {
        uit["type"] = "BekendeDerde".into();
    }
    uit
}

/// The gezag over the minor `bsn` as the API gives it; none for gezag the register could not read
/// (the contract has no shape for it).
fn gezagsrelatie(g: &BrpGezag, bsn: &str) -> Option<Value> {
    let minderjarige = json!({"burgerservicenummer": bsn});
    let ouders = |h: &[Gezaghebber]| h.iter().map(|h| gezaghebber(h, false)).collect::<Vec<_>>();
    Some(match g {
        BrpGezag::GezamenlijkOuderlijk(h) => {
            json!({"type": "GezamenlijkOuderlijkGezag", "minderjarige": minderjarige, "ouders": ouders(h)})
        }
        BrpGezag::EenhoofdigOuderlijk(h) => {
            json!({"type": "EenhoofdigOuderlijkGezag", "minderjarige": minderjarige, "ouder": gezaghebber(h, false)})
        }
        BrpGezag::Gezamenlijk { ouder, derde } => json!({"type": "GezamenlijkGezag", "minderjarige": minderjarige,
            "ouder": gezaghebber(ouder, false), "derde": gezaghebber(derde, true)}),
        BrpGezag::Voogdij(h) => json!({"type": "Voogdij", "minderjarige": minderjarige,
            "derden": h.iter().map(|h| gezaghebber(h, true)).collect::<Vec<_>>()}),
        BrpGezag::TijdelijkGeen(t) => {
            json!({"type": "TijdelijkGeenGezag", "minderjarige": minderjarige, "toelichting": t})
        }
        BrpGezag::NietTeBepalen(t) => {
            json!({"type": "GezagNietTeBepalen", "minderjarige": minderjarige, "toelichting": t})
        }
        BrpGezag::Onleesbaar(_) => return None,
    })
}
