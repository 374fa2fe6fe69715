//! Letters in batches (docs/brieven.md "Reeksen"): the zomeractie letter to the oud-VSV-ers and the
//! announcement of vrijstellingen that end. *Bekijken* (a GET: what the batch would hold, nothing
//! written) lists the youths and who is left out and why; *Reeks maken* (POST) makes every letter
//! as from the dossier and stores each with its own; a batch's print file and mail list are
//! downloads made from the stored letters.
use crate::AppState;
use crate::pagina::{self, Kop, Melding};
use crate::poort::{self, Gebruiker};
use askama::Template;
use axum::Extension;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use leerspoor_casework::Fout;
use leerspoor_casework::brieven::reeks::{self, Reeks, Reeksverzoek, Voorstel};
use leerspoor_casework::brieven::zet;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::Gemeente;
use leerspoor_domain::rules::brief::BriefSoort;
use std::collections::BTreeMap;

/// The kinds made in batches.
const SOORTEN: [BriefSoort; 2] = [BriefSoort::Zomeractie, BriefSoort::EindeVrijstelling];

/// The choices of the form, as sent (a GET's query or a POST's body).
#[derive(Debug, Default, serde::Deserialize)]
pub struct Keuze {
    soort: Option<String>,
    datum: Option<String>,
    gemeente: Option<String>,
    einde_tot: Option<String>,
}

pub struct Optie {
    pub code: String,
    pub label: String,
    pub gekozen: bool,
}

/// One youth in a batch: how many letters, or why none.
pub struct Regel {
    pub jongere: String,
    pub naam: String,
    pub brieven: usize,
    pub reden: String,
}

pub struct Overzicht {
    pub titel: String,
    pub jongeren: Vec<Regel>,
    pub overgeslagen: Vec<Regel>,
    /// A preview: the button to make it follows.
    pub proef: bool,
}

#[derive(Template)]
#[template(path = "reeksen.html")]
struct Pagina {
    kop: Kop,
    melding: Option<Melding>,
    soorten: Vec<Optie>,
    gemeenten: Vec<Optie>,
    datum: String,
    einde_tot: String,
    overzicht: Option<Overzicht>,
    reeksen: Vec<Reeks>,
}

impl Pagina {
    fn soort(&self, r: &Reeks) -> &'static str {
        r.soort.label()
    }
}

async fn toon(
    state: &AppState,
    g: &Gebruiker,
    status: StatusCode,
    k: &Keuze,
    overzicht: Option<Overzicht>,
    melding: Option<Melding>,
) -> Response {
    let gegevens =
        async { Ok::<_, Fout>((state.store.lees::<Gemeente>().await?, reeks::reeksen(&state.store).await?)) };
    let (gemeenten, reeksen) = match gegevens.await {
        Ok(x) => x,
        Err(e) => return pagina::serverfout(&e),
    };
    let gekozen = |veld: &Option<String>, code: &str| veld.as_deref() == Some(code);
    let t = Pagina {
        kop: Kop::voor(g, "/brieven"),
        melding,
        soorten: SOORTEN
            .iter()
            .map(|s| Optie { code: s.code().into(), label: s.label().into(), gekozen: gekozen(&k.soort, s.code()) })
            .collect(),
        gemeenten: gemeenten
            .into_iter()
            .map(|gm| Optie {
                gekozen: gekozen(&k.gemeente, gm.code.as_str()),
                code: gm.code.as_str().into(),
                label: gm.naam,
            })
            .collect(),
        datum: k.datum.clone().unwrap_or_else(|| state.vandaag().to_string()),
        einde_tot: k.einde_tot.clone().unwrap_or_default(),
        overzicht,
        reeksen,
    };
    (status, pagina::toon(&t)).into_response()
}

/// The request the choices make, or what is wrong with them (naming the field).
fn verzoek(k: &Keuze, vandaag: leerspoor_domain::Datum) -> Result<Reeksverzoek, String> {
    let soort = k
        .soort
        .as_deref()
        .and_then(BriefSoort::from_code)
        .filter(|s| SOORTEN.contains(s))
        .ok_or("Soort brief: kies zomeractie of einde vrijstelling")?;
    let datum = |veld: &Option<String>, naam: &str| -> Result<Option<leerspoor_domain::Datum>, String> {
        match veld.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(v) => v.parse().map(Some).map_err(|_| format!("{naam}: '{v}' is geen datum (JJJJ-MM-DD)")),
        }
    };
    Ok(Reeksverzoek {
        soort,
        datum: datum(&k.datum, "Datum van de brieven")?.unwrap_or(vandaag),
        gemeente: k.gemeente.clone().filter(|g| !g.is_empty()),
        einde_tot: datum(&k.einde_tot, "Vrijstellingen die aflopen tot en met")?,
    })
}

fn regels(v: &Voorstel) -> (Vec<Regel>, Vec<Regel>) {
    // Each youth once, with her name and how many letters she gets (parents and herself).
    let mut per: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    for o in &v.opgesteld {
        per.entry(o.document.jongere.as_str()).or_insert((o.velden.jongere.naam.as_str(), 0)).1 += 1;
    }
    let mut jongeren: Vec<Regel> = per
        .into_iter()
        .map(|(j, (naam, n))| Regel { jongere: j.into(), naam: naam.into(), brieven: n, reden: String::new() })
        .collect();
    jongeren.sort_by(|a, b| a.naam.cmp(&b.naam));
    let overgeslagen = v
        .overgeslagen
        .iter()
        .map(|o| Regel {
            jongere: o.kandidaat.jongere.clone(),
            naam: o.kandidaat.naam.clone(),
            brieven: 0,
            reden: o.reden.clone(),
        })
        .collect();
    (jongeren, overgeslagen)
}

/// The page, with the preview of the batch the query describes.
pub async fn pagina(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Query(k): Query<Keuze>,
) -> Response {
    if k.soort.is_none() {
        return toon(&state, &g, StatusCode::OK, &k, None, None).await;
    }
    let r = match verzoek(&k, state.vandaag()) {
        Ok(r) => r,
        Err(m) => return toon(&state, &g, StatusCode::UNPROCESSABLE_ENTITY, &k, None, Some(Melding::fout(m))).await,
    };
    match reeks::stel_op(&state.store, &g.medewerker, &r, state.vandaag()).await {
        Ok(v) => {
            let (jongeren, overgeslagen) = regels(&v);
            let titel = format!(
                "Voorbeeld: {} brieven aan {} jongeren; {} overgeslagen. Er is nog niets gemaakt.",
                v.opgesteld.len(),
                jongeren.len(),
                overgeslagen.len()
            );
            let overzicht = Overzicht { titel, jongeren, overgeslagen, proef: !v.opgesteld.is_empty() };
            toon(&state, &g, StatusCode::OK, &k, Some(overzicht), None).await
        }
        Err(e) => weigering(&state, &g, &k, e).await,
    }
}

async fn weigering(state: &AppState, g: &Gebruiker, k: &Keuze, e: Fout) -> Response {
    match e {
        Fout::Weigering(_) | Fout::Invoer { .. } => {
            toon(state, g, StatusCode::UNPROCESSABLE_ENTITY, k, None, Some(Melding::fout(e.to_string()))).await
        }
        e => pagina::serverfout(&e),
    }
}

/// Makes the batch: every letter typeset on the blocking pool, then all stored in one transaction.
pub async fn maak(State(state): State<AppState>, Extension(g): Extension<Gebruiker>, Form(k): Form<Keuze>) -> Response {
    let r = match verzoek(&k, state.vandaag()) {
        Ok(r) => r,
        Err(m) => return toon(&state, &g, StatusCode::UNPROCESSABLE_ENTITY, &k, None, Some(Melding::fout(m))).await,
    };
    let gemaakt = async {
        let v = reeks::stel_op(&state.store, &g.medewerker, &r, state.vandaag()).await?;
        let (jongeren, overgeslagen) = regels(&v);
        let sjablonen = state.store.sjablonen().await?;
        let opgesteld = v.opgesteld;
        let gezet = state.pdf.voer_uit(move || zet(&sjablonen, opgesteld, &super::brief::zetter)).await?;
        let n = if gezet.is_empty() { 0 } else { reeks::leg_vast(&state.store, &g.medewerker, gezet).await?.len() };
        Ok::<_, Fout>((v.reeks, n, jongeren, overgeslagen))
    };
    match gemaakt.await {
        Ok((id, n, jongeren, overgeslagen)) => {
            let titel = if n == 0 {
                "Er is geen brief gemaakt: de selectie is leeg.".to_string()
            } else {
                format!("Reeks {id} gemaakt: {n} brieven, elk bij het dossier bewaard. Druk ze hieronder af.")
            };
            let melding = Melding::ok(titel);
            let overzicht = Overzicht { titel: "Wie in de reeks zit".into(), jongeren, overgeslagen, proef: false };
            toon(&state, &g, StatusCode::OK, &Keuze::default(), Some(overzicht), Some(melding)).await
        }
        Err(e) => weigering(&state, &g, &k, e).await,
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct Afdrukkeuze {
    dubbelzijdig: Option<String>,
}

/// The print file of a batch (one PDF, in postcode order).
pub async fn afdruk(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(id): Path<String>,
    Query(k): Query<Afdrukkeuze>,
) -> Response {
    let dubbelzijdig = k.dubbelzijdig.as_deref() == Some("ja");
    bestand(&state, &g, &id, dubbelzijdig, true).await
}

/// The mail room's list of a batch (CSV).
pub async fn verzendlijst(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(id): Path<String>,
    Query(k): Query<Afdrukkeuze>,
) -> Response {
    let dubbelzijdig = k.dubbelzijdig.as_deref() == Some("ja");
    bestand(&state, &g, &id, dubbelzijdig, false).await
}

async fn bestand(state: &AppState, g: &Gebruiker, id: &str, dubbelzijdig: bool, pdf: bool) -> Response {
    let stukken = match reeks::stukken(&state.store, &g.medewerker, id).await {
        Ok(s) => s,
        Err(Fout::Onbekend { .. }) => return poort::niet_gevonden(g),
        Err(e @ Fout::Weigering(_)) => {
            return pagina::met_kop(403, &Kop::voor(g, "/brieven"), "Brieven in reeksen", Melding::fout(e.to_string()));
        }
        Err(e) => return pagina::serverfout(&e),
    };
    let bundelaar =
        move |pdfs: &[&[u8]]| leerspoor_publicatie::brief::bundel(pdfs, dubbelzijdig).map_err(|e| e.to_string());
    let afdruk = match state.pdf.voer_uit(move || stukken.afdruk(&bundelaar)).await {
        Ok(a) => a,
        Err(e) => return pagina::serverfout(&e),
    };
    let (soort, naam, inhoud) = if pdf {
        ("application/pdf", format!("reeks-{id}.pdf"), afdruk.pdf)
    } else {
        ("text/csv; charset=utf-8", format!("verzendlijst-{id}.csv"), afdruk.csv)
    };
    (
        [
            (CONTENT_TYPE, soort.to_string()),
            (CONTENT_DISPOSITION, format!("attachment; filename=\"{naam}\"")),
            (CACHE_CONTROL, "no-store".to_string()),
        ],
        inhoud,
    )
        .into_response()
}
