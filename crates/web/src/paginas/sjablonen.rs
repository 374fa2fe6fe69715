//! Beheer: the office's letter templates (docs/brieven.md). A template is edited as typst text,
//! previewed on fictitious fields, and saved as a new version only if every letter it is part of
//! still typesets; older versions stay, and each document names the versions that made it.
use crate::AppState;
use crate::pagina::{self, Kop, Melding};
use crate::poort::Gebruiker;
use askama::Template;
use axum::Extension;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use leerspoor_casework::brieven::BRIEFHOOFD;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::rules::brief::BriefSoort;
use leerspoor_publicatie::brief as opmaak;
use leerspoor_store::documenten::Sjabloon;
use std::collections::HashMap;

/// A template is a page or two of text; more is a mistake or an attack on the typesetter.
const MAX_SJABLOON: usize = 64 * 1024;

pub struct Naam {
    pub code: String,
    pub label: String,
    pub versie: i64,
    pub gekozen: bool,
}

#[derive(Template)]
#[template(path = "sjablonen.html")]
struct Pagina {
    kop: Kop,
    melding: Option<Melding>,
    namen: Vec<Naam>,
    naam: String,
    label: String,
    inhoud: String,
    versies: Vec<Sjabloon>,
}

impl Pagina {
    fn tijd(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        pagina::tijdstip(t)
    }
}

#[derive(serde::Deserialize, Default)]
pub struct Keuze {
    naam: Option<String>,
}

/// `briefhoofd` or a letter kind: what a template name stands for.
fn naam_van(naam: &str) -> Option<String> {
    if naam == BRIEFHOOFD {
        return Some("Briefhoofd (alle brieven)".into());
    }
    BriefSoort::from_code(naam).map(|s| s.label().to_string())
}

/// The shipped text of a template.
fn meegeleverd(naam: &str) -> &'static str {
    BriefSoort::from_code(naam).map_or(opmaak::BRIEFHOOFD, opmaak::standaard)
}

async fn toon(
    state: &AppState,
    g: &Gebruiker,
    status: StatusCode,
    naam: &str,
    inhoud: Option<String>,
    melding: Option<Melding>,
) -> Response {
    let Some(label) = naam_van(naam) else {
        return crate::poort::niet_gevonden(g);
    };
    let gegevens = async {
        Ok::<_, leerspoor_store::StoreFout>((state.store.sjablonen().await?, state.store.sjabloonversies(naam).await?))
    };
    let (nieuwste, versies) = match gegevens.await {
        Ok(x) => x,
        Err(e) => return pagina::serverfout(&e),
    };
    let versie = |code: &str| nieuwste.iter().find(|s| s.naam == code).map_or(0, |s| s.versie);
    let namen = std::iter::once(BRIEFHOOFD.to_string())
        .chain(BriefSoort::ALL.iter().map(|s| s.code().to_string()))
        .map(|code| Naam {
            label: naam_van(&code).unwrap_or_default(),
            versie: versie(&code),
            gekozen: code == naam,
            code,
        })
        .collect();
    let inhoud =
        inhoud.unwrap_or_else(|| versies.first().map_or_else(|| meegeleverd(naam).to_string(), |s| s.inhoud.clone()));
    let t = Pagina { kop: Kop::voor(g, "/beheer"), melding, namen, naam: naam.to_string(), label, inhoud, versies };
    (status, pagina::toon(&t)).into_response()
}

pub async fn pagina(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Query(k): Query<Keuze>,
) -> Response {
    let naam = k.naam.unwrap_or_else(|| BRIEFHOOFD.to_string());
    toon(&state, &g, StatusCode::OK, &naam, None, None).await
}

/// The name and text sent, checked for size.
fn invoer(form: &HashMap<String, String>) -> Result<(String, String), String> {
    let naam = form.get("naam").cloned().unwrap_or_default();
    let inhoud = form.get("inhoud").cloned().unwrap_or_default().replace("\r\n", "\n");
    if naam_van(&naam).is_none() {
        return Err(format!("onbekend sjabloon '{naam}'"));
    }
    if inhoud.len() > MAX_SJABLOON {
        return Err(format!("een sjabloon is ten hoogste {} kB (nu {} kB)", MAX_SJABLOON / 1024, inhoud.len() / 1024));
    }
    Ok((naam, inhoud))
}

/// Typesets the fictitious letters that `naam` with `inhoud` is part of (the kind itself, or, for the
/// briefhoofd, every kind with the office's own texts), each filled in and as sparse as a dossier
/// gives ([`opmaak::proefvelden`]), on the blocking pool: the first letter's PDF, or the first error.
async fn zet_voorbeelden(
    state: &AppState,
    naam: &str,
    inhoud: &str,
) -> Result<Result<Vec<u8>, String>, leerspoor_store::StoreFout> {
    let opgeslagen = state.store.sjablonen().await?;
    let (naam, inhoud) = (naam.to_string(), inhoud.to_string());
    Ok(state
        .pdf
        .voer_uit(move || {
            let eigen = |code: &str| opgeslagen.iter().find(|s| s.naam == code).map(|s| s.inhoud.as_str());
            let soorten: Vec<BriefSoort> = match BriefSoort::from_code(&naam) {
                Some(s) => vec![s],
                None => BriefSoort::ALL.to_vec(),
            };
            let datum = chrono::NaiveDate::from_ymd_opt(2021, 6, 15).expect("datum");
            let mut eerste = None;
            for soort in soorten {
                let (brief, hoofd) = if naam == BRIEFHOOFD {
                    (eigen(soort.code()), Some(inhoud.as_str()))
                } else {
                    (Some(inhoud.as_str()), eigen(BRIEFHOOFD))
                };
                for velden in opmaak::proefvelden(soort) {
                    match opmaak::brief(soort, brief, hoofd, &velden, datum) {
                        Ok(pdf) => {
                            eerste.get_or_insert(pdf);
                        }
                        Err(e) => return Err(format!("{}: {e}", soort.label())),
                    }
                }
            }
            Ok(eerste.unwrap_or_default())
        })
        .await)
}

/// The template sent, checked and typeset on fictitious fields: its name, text and first PDF, or the
/// page again with why not (`kop` begins the message).
async fn getoetst(
    state: &AppState,
    g: &Gebruiker,
    form: &HashMap<String, String>,
    kop: &str,
) -> Result<(String, String, Vec<u8>), Response> {
    let (naam, inhoud) = match invoer(form) {
        Ok(x) => x,
        Err(m) => {
            return Err(
                toon(state, g, StatusCode::UNPROCESSABLE_ENTITY, BRIEFHOOFD, None, Some(Melding::fout(m))).await
            );
        }
    };
    match zet_voorbeelden(state, &naam, &inhoud).await {
        Ok(Ok(pdf)) => Ok((naam, inhoud, pdf)),
        Ok(Err(m)) => {
            let melding = Melding::fout(format!("{kop}het sjabloon geeft geen brief: {m}"));
            Err(toon(state, g, StatusCode::UNPROCESSABLE_ENTITY, &naam, Some(inhoud), Some(melding)).await)
        }
        Err(e) => Err(pagina::serverfout(&e)),
    }
}

/// The preview: the fictitious letter as PDF, nothing saved.
pub async fn voorbeeld(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    match getoetst(&state, &g, &form, "Geen voorbeeld: ").await {
        Ok((naam, _, pdf)) => (
            [
                (CONTENT_TYPE, "application/pdf".to_string()),
                (CONTENT_DISPOSITION, format!("inline; filename=\"voorbeeld-{naam}.pdf\"")),
                (CACHE_CONTROL, "no-store".to_string()),
            ],
            pdf,
        )
            .into_response(),
        Err(pagina) => pagina,
    }
}

/// Saves a new version, if every letter it is part of still typesets.
pub async fn opslaan(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let (naam, inhoud) = match getoetst(&state, &g, &form, "Niet opgeslagen: ").await {
        Ok((naam, inhoud, _)) => (naam, inhoud),
        Err(pagina) => return pagina,
    };
    let versie = match state.store.sjabloon_opslaan(&naam, &inhoud, &g.medewerker.id, chrono::Utc::now()).await {
        Ok(v) => v,
        Err(e @ leerspoor_store::StoreFout::Gelijktijdig { .. }) => {
            return toon(&state, &g, StatusCode::CONFLICT, &naam, Some(inhoud), Some(Melding::fout(e.to_string())))
                .await;
        }
        Err(e) => return pagina::serverfout(&e),
    };
    if let Err(e) = g.log(&state, "sjabloon opgeslagen", &format!("sjabloon:{naam}/{versie}"), "gelukt", None).await {
        return pagina::serverfout(&e);
    }
    let melding = Melding::ok(format!("Versie {versie} is opgeslagen; nieuwe brieven gebruiken haar."));
    toon(&state, &g, StatusCode::OK, &naam, None, Some(melding)).await
}
