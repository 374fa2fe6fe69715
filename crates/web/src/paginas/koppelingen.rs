//! Koppelingen (docs/koppelingen.md): a delivery of verzuimmeldingen or a week of the P-levering
//! from DUO uploaded and applied (all or nothing, as `leerspoor koppeling duo-verzuim|duo-p`), the
//! delivery log with every refusal's
//! reasons, and the terugmelding to DUO: made, downloaded, acknowledged.
use crate::AppState;
use crate::api::sleutel::{self, SleutelFout};
use crate::bestemming::Bestemming;
use crate::pagina::{self, Kop, Melding};
use crate::poort::{self, Gebruiker};
use askama::Template;
use axum::Extension;
use axum::extract::{Form, Multipart, Path, State};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_koppeling::duo_c;
use leerspoor_koppeling::duo_p;
use leerspoor_koppeling::duo_verzuim;
use leerspoor_koppeling::levering::{Koppeltabel, LeesFout};
use leerspoor_koppeling::logboek::{Aanbod, KoppelFout};
use leerspoor_koppeling::records::{Levering, LeveringFout, Verzending};
use leerspoor_koppeling::rio;
use leerspoor_store::sleutels::ApiSleutel;
use std::collections::HashMap;

/// The errors shown of a refused delivery at most; the log keeps them all.
const MAX_FOUTEN: usize = 200;
/// The deliveries and verzendingen listed: the latest.
const MAX_REGELS: usize = 50;

#[derive(Template)]
#[template(path = "koppelingen.html")]
struct Koppelingen {
    kop: Kop,
    melding: Option<Melding>,
    /// What a delivery or a terugmelding did, line by line.
    samenvatting: String,
    fouten: Vec<LeesFout>,
    /// A C-levering's differences with the register, the first [`MAX_FOUTEN`], and their number.
    verschillen: Vec<duo_c::Verschil>,
    aantal_verschillen: usize,
    leveringen: Vec<Levering>,
    /// The terugmelding and the vrijstellingen to DUO, each with its verzendingen.
    uitgaande: Vec<(Bestemming, Vec<Verzending>)>,
    /// One delivery opened from the log, with its reasons if it was refused.
    gekozen: Option<(Levering, Vec<LeveringFout>)>,
    /// The signed-in medewerker's API keys, revoked ones too.
    sleutels: Vec<ApiSleutel>,
}

impl Koppelingen {
    fn soort(&self, v: &duo_c::Verschil) -> &'static str {
        v.soort.label()
    }

    fn uitkomst(&self, l: &Levering) -> &'static str {
        l.uitkomst.label()
    }

    fn tijdstip(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        pagina::tijdstip(t)
    }

    /// A moment the log keeps as RFC 3339 (UTC), in local time.
    fn tijd(&self, rfc3339: &str) -> String {
        chrono::DateTime::parse_from_rfc3339(rfc3339)
            .map_or_else(|_| rfc3339.to_string(), |t| pagina::tijdstip(&t.with_timezone(&chrono::Utc)))
    }
}

/// What to show besides the lists.
#[derive(Default)]
struct Uitslag {
    melding: Option<Melding>,
    samenvatting: String,
    fouten: Vec<LeesFout>,
    verschillen: Vec<duo_c::Verschil>,
    gekozen: Option<(Levering, Vec<LeveringFout>)>,
}

async fn toon(state: &AppState, g: &Gebruiker, status: StatusCode, u: Uitslag) -> Response {
    let lijsten = async {
        let mut leveringen: Vec<Levering> = state.store.lees().await?;
        leveringen.sort_by(|a, b| (&b.ontvangen, &b.id).cmp(&(&a.ontvangen, &a.id)));
        leveringen.truncate(MAX_REGELS);
        let mut uitgaande = Vec::new();
        for b in Bestemming::ALLE {
            let mut verzendingen = b.verzendingen(&state.store).await?;
            verzendingen.truncate(MAX_REGELS);
            uitgaande.push((b, verzendingen));
        }
        let mut sleutels = state.store.api_sleutels().await?;
        sleutels.retain(|s| s.medewerker == g.id());
        Ok::<_, leerspoor_store::StoreFout>((leveringen, uitgaande, sleutels))
    };
    let (leveringen, uitgaande, sleutels) = match lijsten.await {
        Ok(x) => x,
        Err(e) => return pagina::serverfout(&e),
    };
    let t = Koppelingen {
        kop: Kop::voor(g, "/koppelingen"),
        melding: u.melding,
        samenvatting: u.samenvatting,
        fouten: u.fouten,
        aantal_verschillen: u.verschillen.len(),
        verschillen: u.verschillen.into_iter().take(MAX_FOUTEN).collect(),
        leveringen,
        uitgaande,
        gekozen: u.gekozen,
        sleutels,
    };
    (status, pagina::toon(&t)).into_response()
}

pub async fn pagina(State(state): State<AppState>, Extension(g): Extension<Gebruiker>) -> Response {
    toon(&state, &g, StatusCode::OK, Uitslag::default()).await
}

/// One delivery from the log, with its summary or the reasons it was refused.
pub async fn levering(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(id): Path<String>,
) -> Response {
    let gekozen = async {
        let Some(l) = state.store.lees_een::<Levering>(&id).await? else { return Ok(None) };
        let fouten: Vec<LeveringFout> = state.store.lees_waar("levering", &id).await?;
        Ok::<_, leerspoor_store::StoreFout>(Some((l, fouten)))
    };
    match gekozen.await {
        Ok(Some(gekozen)) => {
            toon(&state, &g, StatusCode::OK, Uitslag { gekozen: Some(gekozen), ..Uitslag::default() }).await
        }
        Ok(None) => poort::niet_gevonden(&g),
        Err(e) => pagina::serverfout(&e),
    }
}

/// A delivery of verzuimmeldingen from DUO: one CSV file, applied whole or refused whole.
pub async fn duo_verzuim(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    delen: Multipart,
) -> Response {
    let u = match upload(delen).await {
        Ok(u) => u,
        Err(tekst) => return weiger(&state, &g, tekst).await,
    };
    let tabel = match Koppeltabel::lees("duo-verzuim.toml", duo_verzuim::KOPPELTABEL) {
        Ok(t) => t,
        Err(e) => return pagina::serverfout(&e),
    };
    let aanbod = Aanbod { bron: duo_verzuim::BRON, bestand: &u.naam, bytes: &u.bytes };
    let uit = duo_verzuim::verwerk(&state.store, &g.medewerker, aanbod, &tabel, state.vandaag(), u.controle).await;
    verwerkt(&state, &g, uit.map(|v| (v.levering, v.proef))).await
}

/// A week of DUO's P-levering, its week named in the form when it has no mutations.
pub async fn duo_p(State(state): State<AppState>, Extension(g): Extension<Gebruiker>, delen: Multipart) -> Response {
    let u = match upload(delen).await {
        Ok(u) => u,
        Err(tekst) => return weiger(&state, &g, tekst).await,
    };
    let week = match u.week.as_deref().map(duo_p::Week::lees).transpose() {
        Ok(w) => w,
        Err(m) => return weiger(&state, &g, format!("Week: {m}.")).await,
    };
    let tabel = match Koppeltabel::lees("duo-p.toml", duo_p::KOPPELTABEL) {
        Ok(t) => t,
        Err(e) => return pagina::serverfout(&e),
    };
    let aanbod = Aanbod { bron: duo_p::BRON, bestand: &u.naam, bytes: &u.bytes };
    let uit = duo_p::verwerk(&state.store, &g.medewerker, aanbod, week, &tabel, state.vandaag(), u.controle).await;
    verwerkt(&state, &g, uit.map(|v| (v.levering, v.proef))).await
}

/// A RIO export: the register's schools brought up to date (administration; the rule says who).
pub async fn rio(State(state): State<AppState>, Extension(g): Extension<Gebruiker>, delen: Multipart) -> Response {
    let u = match upload(delen).await {
        Ok(u) => u,
        Err(tekst) => return weiger(&state, &g, tekst).await,
    };
    let tabel = match Koppeltabel::lees("rio.toml", rio::KOPPELTABEL) {
        Ok(t) => t,
        Err(e) => return pagina::serverfout(&e),
    };
    let aanbod = Aanbod { bron: rio::BRON, bestand: &u.naam, bytes: &u.bytes };
    let uit = rio::verwerk(&state.store, &g.medewerker, aanbod, &tabel, state.vandaag(), u.controle).await;
    verwerkt(&state, &g, uit.map(|v| (v.levering, v.proef))).await
}

/// A C-levering held against the register on its peildatum (named in the form when the file has
/// none); the register does not change. The differences are listed, the first 200 on the page.
pub async fn duo_c(State(state): State<AppState>, Extension(g): Extension<Gebruiker>, delen: Multipart) -> Response {
    let u = match upload(delen).await {
        Ok(u) => u,
        Err(tekst) => return weiger(&state, &g, tekst).await,
    };
    let peildatum = match u.peildatum.as_deref().map(leerspoor_koppeling::levering::lees_datum).transpose() {
        Ok(d) => d,
        Err(m) => return weiger(&state, &g, format!("Peildatum: {m}.")).await,
    };
    let tabel = match Koppeltabel::lees("duo-c.toml", duo_c::KOPPELTABEL) {
        Ok(t) => t,
        Err(e) => return pagina::serverfout(&e),
    };
    let aanbod = Aanbod { bron: duo_c::BRON, bestand: &u.naam, bytes: &u.bytes };
    match duo_c::vergelijk(&state.store, &g.medewerker, aanbod, peildatum, &tabel, u.controle).await {
        Ok(v) => {
            let tekst = format!(
                "C-levering {} vergeleken met het register op {}: {} verschil(len); het register is niet veranderd.",
                v.levering.bestand,
                pagina::datum(&v.peildatum),
                v.verschillen.len()
            );
            let u = Uitslag {
                melding: Some(Melding::ok(tekst)),
                samenvatting: v.levering.samenvatting,
                verschillen: v.verschillen,
                ..Uitslag::default()
            };
            toon(&state, &g, StatusCode::OK, u).await
        }
        Err(e) => verwerkt(&state, &g, Err(e)).await,
    }
}

/// A delivery file as uploaded, with the form's choices.
struct Upload {
    naam: String,
    bytes: Vec<u8>,
    /// Only check, record nothing.
    controle: bool,
    week: Option<String>,
    peildatum: Option<String>,
}

/// Reads the upload form; a missing or empty file, or a broken upload, is said in Dutch. (The body's
/// size is limited for every route by the server.)
async fn upload(mut delen: Multipart) -> Result<Upload, String> {
    let afgebroken = |e: axum::extract::multipart::MultipartError| format!("De upload is afgebroken: {e}");
    let mut u = Upload { naam: String::new(), bytes: Vec::new(), controle: false, week: None, peildatum: None };
    let kort = |t: String| Some(t.trim().chars().take(20).collect()).filter(|t: &String| !t.is_empty());
    while let Some(deel) = delen.next_field().await.map_err(afgebroken)? {
        match deel.name() {
            Some("controle") => u.controle = true,
            Some("week") => u.week = kort(deel.text().await.map_err(afgebroken)?),
            Some("peildatum") => u.peildatum = kort(deel.text().await.map_err(afgebroken)?),
            Some("bestand") => {
                // The client's name for the file, cut: it goes into the log.
                u.naam = deel.file_name().unwrap_or("levering.csv").chars().take(100).collect();
                u.bytes = deel.bytes().await.map_err(afgebroken)?.to_vec();
            }
            _ => {}
        }
    }
    if u.bytes.is_empty() {
        return Err("Kies het CSV-bestand van de levering.".into());
    }
    Ok(u)
}

/// The page after a delivery: what it did, or every reason it was refused.
async fn verwerkt(state: &AppState, g: &Gebruiker, uit: Result<(Levering, bool), KoppelFout>) -> Response {
    match uit {
        Ok((l, proef)) => {
            let tekst = if proef {
                format!("Gecontroleerd, niets vastgelegd: zo zou levering {} verwerkt worden.", l.bestand)
            } else {
                format!("Levering {} ({}): {}.", l.bestand, l.id, l.uitkomst.label().to_lowercase())
            };
            let u = Uitslag { melding: Some(Melding::ok(tekst)), samenvatting: l.samenvatting, ..Uitslag::default() };
            toon(state, g, StatusCode::OK, u).await
        }
        Err(KoppelFout::Geweigerd { levering, mut fouten }) => {
            let waar = levering.map_or(String::new(), |l| format!(" (in het logboek als {l})"));
            let mut tekst =
                format!("De levering is geweigerd{waar}: {} fout(en); er is niets vastgelegd.", fouten.len());
            if fouten.len() > MAX_FOUTEN {
                tekst.push_str(&format!(" Hieronder de eerste {MAX_FOUTEN}; het logboek heeft ze alle."));
                fouten.truncate(MAX_FOUTEN);
            }
            let u = Uitslag { melding: Some(Melding::fout(tekst)), fouten, ..Uitslag::default() };
            toon(state, g, StatusCode::UNPROCESSABLE_ENTITY, u).await
        }
        Err(KoppelFout::Store(e)) => pagina::serverfout(&e),
        Err(e) => weiger(state, g, e.to_string()).await,
    }
}

async fn weiger(state: &AppState, g: &Gebruiker, tekst: String) -> Response {
    let u = Uitslag { melding: Some(Melding::fout(tekst)), ..Uitslag::default() };
    toon(state, g, StatusCode::UNPROCESSABLE_ENTITY, u).await
}

/// Makes a verzending of what changed since the one before; what cannot go yet is said.
async fn klaarzetten(state: &AppState, g: &Gebruiker, b: Bestemming) -> Response {
    let k = match b.klaarzetten(&state.store, &g.medewerker, state.vandaag()).await {
        Ok(k) => k,
        Err(KoppelFout::Store(e)) => return pagina::serverfout(&e),
        Err(e) => return weiger(state, g, e.to_string()).await,
    };
    let mut tekst = match &k.verzending {
        Some(v) => format!(
            "Verzending {} staat klaar met {} {}. Download het bestand en bevestig de ontvangst zodra de \
             ontvanger het heeft.",
            v.id,
            k.aantal,
            b.wat()
        ),
        None => b.niets().to_string(),
    };
    if !k.overgeslagen.is_empty() {
        tekst += &format!(
            " {} vrijstelling(en) gaan nog niet mee: de jongere heeft geen woongemeente in het register ({}).",
            k.overgeslagen.len(),
            k.overgeslagen.join(", ")
        );
    }
    toon(state, g, StatusCode::OK, Uitslag { melding: Some(Melding::ok(tekst)), ..Uitslag::default() }).await
}

pub async fn terugmelding(State(state): State<AppState>, Extension(g): Extension<Gebruiker>) -> Response {
    klaarzetten(&state, &g, Bestemming::Terugmelding).await
}

pub async fn vrijstellingen(State(state): State<AppState>, Extension(g): Extension<Gebruiker>) -> Response {
    klaarzetten(&state, &g, Bestemming::Vrijstellingen).await
}

pub async fn doorsturen(State(state): State<AppState>, Extension(g): Extension<Gebruiker>) -> Response {
    klaarzetten(&state, &g, Bestemming::Doorsturen).await
}

pub async fn doorsturen_bestand(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(id): Path<String>,
) -> Response {
    bestand(&state, &g, Bestemming::Doorsturen, &id).await
}

pub async fn doorsturen_bevestiging(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(id): Path<String>,
) -> Response {
    bevestig(&state, &g, Bestemming::Doorsturen, &id).await
}

/// The file of a verzending, as often as needed: reading it changes nothing; every download is in
/// the access log (the vrijstellingen carry BSNs).
async fn bestand(state: &AppState, g: &Gebruiker, b: Bestemming, id: &str) -> Response {
    let inhoud = match b.als_csv(&state.store, id).await {
        Ok(Some(i)) => i,
        Ok(None) => return poort::niet_gevonden(g),
        Err(e) => return pagina::serverfout(&e),
    };
    let handeling = format!("download {}", b.pad());
    let object = format!("verzending:{id}");
    if let Err(w) = b.mag_lezen(g.medewerker.rol) {
        if let Err(e) = g.log(state, &handeling, &object, "geweigerd", Some(&w.to_string())).await {
            return pagina::serverfout(&e);
        }
        return pagina::met_kop(403, &Kop::voor(g, "/koppelingen"), b.titel(), Melding::fout(w.to_string()));
    }
    if let Err(e) = g.log(state, &handeling, &object, "gelukt", None).await {
        return pagina::serverfout(&e);
    }
    let naam = format!("{}-{id}.csv", b.pad());
    (
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (CONTENT_DISPOSITION, format!("attachment; filename=\"{naam}\"")),
        ],
        inhoud,
    )
        .into_response()
}

pub async fn terugmelding_bestand(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(id): Path<String>,
) -> Response {
    bestand(&state, &g, Bestemming::Terugmelding, &id).await
}

pub async fn vrijstellingen_bestand(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(id): Path<String>,
) -> Response {
    bestand(&state, &g, Bestemming::Vrijstellingen, &id).await
}

/// DUO received a verzending.
async fn bevestig(state: &AppState, g: &Gebruiker, b: Bestemming, id: &str) -> Response {
    match b.bevestig(&state.store, &g.medewerker, id).await {
        Ok(v) => {
            let tekst = format!("Verzending {} bevestigd: wat erin stond telt als verzonden.", v.id);
            toon(state, g, StatusCode::OK, Uitslag { melding: Some(Melding::ok(tekst)), ..Uitslag::default() }).await
        }
        Err(KoppelFout::Store(e)) => pagina::serverfout(&e),
        Err(e) => weiger(state, g, e.to_string()).await,
    }
}

pub async fn bevestiging(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(id): Path<String>,
) -> Response {
    bevestig(&state, &g, Bestemming::Terugmelding, &id).await
}

pub async fn vrijstellingen_bevestiging(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(id): Path<String>,
) -> Response {
    bevestig(&state, &g, Bestemming::Vrijstellingen, &id).await
}

/// Issues an API key for the signed-in medewerker herself (docs/api.md), shown on this page once:
/// nobody issues a key in another's name, which would give access to the register's data in her
/// name without her second step.
pub async fn api_sleutel(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Form(invoer): Form<HashMap<String, String>>,
) -> Response {
    let naam = invoer.get("sleutel_naam").map(String::as_str).unwrap_or_default();
    match sleutel::geef_uit(&state.store, &g.herkomst, g.id(), g.id(), naam).await {
        Ok((s, token)) => {
            let tekst = format!(
                "API-sleutel {} ({}) is uitgegeven. Kopieer hem nu naar de koppelserver; hij wordt niet meer getoond: \
                 {token}",
                s.id, s.naam
            );
            toon(&state, &g, StatusCode::OK, Uitslag { melding: Some(Melding::ok(tekst)), ..Uitslag::default() }).await
        }
        Err(SleutelFout::Ongeldig(e)) => weiger(&state, &g, format!("API-sleutel: {e}")).await,
        Err(SleutelFout::Store(e)) => pagina::serverfout(&e),
    }
}

/// Revokes one of the signed-in medewerker's own API keys.
pub async fn api_sleutel_intrekken(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(id): Path<String>,
) -> Response {
    match sleutel::trek_in(&state.store, &g.herkomst, g.id(), &id, Some(g.id())).await {
        Ok(()) => {
            let tekst = format!("API-sleutel {id} is ingetrokken.");
            toon(&state, &g, StatusCode::OK, Uitslag { melding: Some(Melding::ok(tekst)), ..Uitslag::default() }).await
        }
        Err(SleutelFout::Ongeldig(e)) => weiger(&state, &g, format!("API-sleutel: {e}")).await,
        Err(SleutelFout::Store(e)) => pagina::serverfout(&e),
    }
}
