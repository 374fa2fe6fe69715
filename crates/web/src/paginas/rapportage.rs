//! The jaarverslag in the browser: a table with its chart per year and scope, and the whole
//! report as PDF or XLSX (or one table as CSV). A gemeente viewer sees only its own gemeente.
//! Downloads are publications: small cells are hidden and a table whose totals do not add up is
//! refused (the report engine's self-check).
use crate::pagina::{self, Kop, Melding};
use crate::poort::Gebruiker;
use crate::{AppState, rechten};
use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use leerspoor_domain::SchoolJaar;
use leerspoor_domain::model::{Gemeente, Rol, Subregio};
use leerspoor_publicatie::Publicatie;
use leerspoor_report::tabellen::{IDS, menunaam};
use leerspoor_report::{Kader, Scope, Tabel};

/// Published figures hide counts below this (spec: default 5).
const DREMPEL: u32 = 5;

#[derive(serde::Deserialize, Default)]
pub struct Keuze {
    #[serde(default)]
    jaar: String,
    #[serde(default)]
    scope: String,
    #[serde(default)]
    tabel: String,
    #[serde(default)]
    formaat: String,
}

#[derive(Template)]
#[template(path = "rapportage.html")]
struct Rapportage {
    kop: Kop,
    jaar: String,
    jaren: Vec<String>,
    scope: String,
    scopes: Vec<(String, String)>,
    tabel: String,
    tabellen: Vec<(String, String)>,
    inhoud: String,
    melding: Option<Melding>,
}

/// The scopes the user may choose: a gemeente viewer only its own gemeente.
async fn scopes(state: &AppState, g: &Gebruiker) -> Result<Vec<(String, String)>, leerspoor_store::StoreFout> {
    let gemeenten: Vec<Gemeente> = state.store.lees().await?;
    if g.medewerker.rol == Rol::Gemeente {
        return Ok(gemeenten
            .into_iter()
            .filter(|gm| Some(&gm.code) == g.medewerker.gemeente.as_ref())
            .map(|gm| (format!("gemeente:{}", gm.code), gm.naam))
            .collect());
    }
    let subregios: Vec<Subregio> = state.store.lees().await?;
    let mut uit = vec![("regio".to_string(), "De hele regio".to_string())];
    uit.extend(subregios.into_iter().map(|s| (format!("subregio:{}", s.code), format!("Subregio {}", s.naam))));
    uit.extend(gemeenten.into_iter().map(|gm| (format!("gemeente:{}", gm.code), format!("Gemeente {}", gm.naam))));
    Ok(uit)
}

/// The verslagjaren with records: from the first schooljaar with a melding up to the current one.
async fn jaren(state: &AppState) -> Result<Vec<String>, leerspoor_store::StoreFout> {
    let rijen = state
        .store
        .vraag("SELECT MIN(meldingsdatum) FROM verzuimmelding", &[], &[leerspoor_store::rij::Type::Datum])
        .await?;
    let huidig = SchoolJaar::van(state.vandaag());
    let eerste = match rijen.first().and_then(|r| r.first()) {
        Some(leerspoor_store::rij::Waarde::Datum(Some(d))) => SchoolJaar::van(*d),
        _ => huidig,
    };
    let mut uit = Vec::new();
    let mut j = huidig;
    while j >= eerste {
        uit.push(j.to_string());
        j = j.vorig();
    }
    Ok(uit)
}

/// The year, scope and table asked for, checked against what the user may see. Defaults: the last
/// completed schooljaar, the widest scope, the first table.
async fn kies(
    state: &AppState,
    g: &Gebruiker,
    k: &Keuze,
) -> Result<(SchoolJaar, String, Vec<(String, String)>, Vec<String>), String> {
    let scopes = scopes(state, g).await.map_err(|e| e.to_string())?;
    let jaren = jaren(state).await.map_err(|e| e.to_string())?;
    let jaar = if k.jaar.is_empty() {
        SchoolJaar::van(state.vandaag()).vorig()
    } else {
        SchoolJaar::parse(&k.jaar).map_err(|e| format!("Verslagjaar: {e}"))?
    };
    let scope =
        if k.scope.is_empty() { scopes.first().map(|s| s.0.clone()).unwrap_or_default() } else { k.scope.clone() };
    if !scopes.iter().any(|(s, _)| *s == scope) {
        return Err(format!("U kunt geen rapportage over '{scope}' opvragen."));
    }
    Ok((jaar, scope, scopes, jaren))
}

pub async fn pagina(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Query(k): Query<Keuze>,
) -> Response {
    let kop = Kop::voor(&g, "/rapportages");
    let (jaar, scope, scopes, jaren) = match kies(&state, &g, &k).await {
        Ok(x) => x,
        Err(e) => return pagina::met_kop(403, &kop, "Rapportages", Melding::fout(e)),
    };
    let tabel = if IDS.contains(&k.tabel.as_str()) { k.tabel.clone() } else { IDS[0].to_string() };
    let (inhoud, melding) = match bereken(&state, jaar, &scope, std::slice::from_ref(&tabel)).await {
        Ok((mut tabellen, _)) => {
            let mut t = tabellen.remove(0);
            let fouten = t.controleer();
            let melding = (!fouten.is_empty()).then(|| {
                Melding::fout(format!(
                    "Let op, de totalen van deze tabel kloppen niet; zo wordt ze niet gepubliceerd: {}",
                    fouten.join("; ")
                ))
            });
            // The same small-cell protection as the downloads, for who may not see single youths.
            let drempel = (!rechten::ziet_kleine_aantallen(g.medewerker.rol)).then_some(DREMPEL);
            if let Some(d) = drempel {
                t.publiceer(d);
            }
            (leerspoor_publicatie::html_tabel(&t, None, drempel), melding)
        }
        Err(e) => (String::new(), Some(Melding::fout(e.to_string()))),
    };
    if let Err(e) = g.log(&state, "rapportage", &format!("{jaar} {scope} {tabel}"), "gelukt", None).await {
        return pagina::serverfout(&e);
    }
    let titels = IDS.iter().map(|id| (id.to_string(), menunaam(id).to_string())).collect();
    pagina::toon(&Rapportage {
        kop,
        jaar: jaar.to_string(),
        jaren,
        scope,
        scopes,
        tabel,
        tabellen: titels,
        inhoud,
        melding,
    })
}

async fn bereken(
    state: &AppState,
    jaar: SchoolJaar,
    scope: &str,
    ids: &[String],
) -> Result<(Vec<Tabel>, String), leerspoor_report::Fout> {
    let scope = Scope::parse(scope).map_err(leerspoor_report::Fout::Scope)?;
    let mut kader = Kader::nieuw(&state.store, jaar, scope).await?;
    kader.stand = state.vandaag();
    let kader = std::sync::Arc::new(kader);
    let tabellen = leerspoor_report::bereken(&kader, ids).await?;
    Ok((tabellen, kader.gebied().await?))
}

pub async fn download(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Query(k): Query<Keuze>,
) -> Response {
    let kop = Kop::voor(&g, "/rapportages");
    let (jaar, scope, _, _) = match kies(&state, &g, &k).await {
        Ok(x) => x,
        Err(e) => return pagina::met_kop(403, &kop, "Rapportages", Melding::fout(e)),
    };
    let ids: Vec<String> = match k.formaat.as_str() {
        "csv" if IDS.contains(&k.tabel.as_str()) => vec![k.tabel.clone()],
        "csv" => {
            return pagina::met_kop(400, &kop, "Rapportages", Melding::fout("Kies de tabel voor een CSV-bestand."));
        }
        "pdf" | "xlsx" => Vec::new(),
        // The opgave with the jaarverslag tables its self-check holds it against.
        "art25-xlsx" => leerspoor_report::art25_met_controle(),
        f => {
            return pagina::met_kop(
                400,
                &kop,
                "Rapportages",
                Melding::fout(format!("Onbekend formaat '{f}': kies pdf, xlsx, art25-xlsx of csv.")),
            );
        }
    };
    let (mut tabellen, gebied) = match bereken(&state, jaar, &scope, &ids).await {
        Ok(x) => x,
        Err(leerspoor_report::Fout::Store(e)) => return pagina::serverfout(&e),
        Err(e) => return pagina::met_kop(422, &kop, "Rapportages", Melding::fout(e.to_string())),
    };
    let fouten = leerspoor_report::controleer(&tabellen);
    if !fouten.is_empty() {
        let e = leerspoor_report::Fout::Controle(fouten);
        return pagina::met_kop(422, &kop, "Rapportages", Melding::fout(e.to_string()));
    }
    for t in &mut tabellen {
        t.publiceer(DREMPEL);
    }
    let publicatie = Publicatie { jaar: jaar.to_string(), gebied, datum: state.vandaag(), drempel: Some(DREMPEL) };
    let bestandsnaam = format!("jaarverslag-{jaar}-{}", scope.replace(':', "-"));
    let (soort, naam, inhoud) = match k.formaat.as_str() {
        "pdf" => (
            "application/pdf",
            format!("{bestandsnaam}.pdf"),
            // Typst takes a core for half a second: on the blocking pool, a few at a time.
            state
                .pdf
                .voer_uit(move || leerspoor_publicatie::pdf(&publicatie, &tabellen).map_err(|e| e.to_string()))
                .await,
        ),
        "xlsx" => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            format!("{bestandsnaam}.xlsx"),
            leerspoor_publicatie::xlsx(&publicatie, &tabellen).map_err(|e| e.to_string()),
        ),
        "art25-xlsx" => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            format!("opgave-art25-{jaar}-{}.xlsx", scope.replace(':', "-")),
            tabellen.iter().find(|t| t.id == "art25_opgave").map_or_else(
                || Err("art25_opgave ontbreekt".to_string()),
                |t| leerspoor_publicatie::art25_xlsx(&publicatie, t).map_err(|e| e.to_string()),
            ),
        ),
        _ => (
            "text/csv; charset=utf-8",
            format!("{}-{jaar}-{}.csv", k.tabel, scope.replace(':', "-")),
            Ok(leerspoor_report::uitvoer::csv_tabel(&tabellen[0])),
        ),
    };
    let inhoud = match inhoud {
        Ok(i) => i,
        Err(e) => return pagina::serverfout(&e),
    };
    if let Err(e) = g.log(&state, "export rapportage", &format!("{jaar} {scope} {}", k.formaat), "gelukt", None).await {
        return pagina::serverfout(&e);
    }
    ([(CONTENT_TYPE, soort.to_string()), (CONTENT_DISPOSITION, format!("attachment; filename=\"{naam}\""))], inhoud)
        .into_response()
}
