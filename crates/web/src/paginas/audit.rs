//! The audit trail of one dossier for the teamleider: who opened it, searched, refused, and every
//! field change of its records and of her parents', with the reason of a correction (the access log
//! and the change log are two tables, docs/beveiliging.md).
use crate::AppState;
use crate::pagina::{self, Kop};
use crate::paginas::naam_van;
use crate::poort::Gebruiker;
use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::response::Response;
use leerspoor_casework::Dossier;
use leerspoor_domain::model::*;
use leerspoor_store::rij::Rij;
use leerspoor_store::toegang::{Toegang, Wijziging};

#[derive(Template)]
#[template(path = "audit.html")]
struct Audit {
    kop: Kop,
    id: String,
    naam: String,
    toegang: Vec<Toegang>,
    wijzigingen: Vec<Wijziging>,
}

impl Audit {
    fn tijd(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        pagina::tijdstip(t)
    }
}

fn sleutels<R: Rij>(rijen: &[R], id: impl Fn(&R) -> &str) -> Vec<(&'static str, String)> {
    rijen.iter().map(|r| (R::TABEL, id(r).to_string())).collect()
}

pub async fn pagina(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
) -> Response {
    let kop = Kop::voor(&g, "/zoeken");
    let d = match Dossier::laad(&state.store, &jongere).await {
        Ok(d) => d,
        Err(leerspoor_casework::Fout::Onbekend { .. }) => return crate::poort::niet_gevonden(&g),
        Err(e) => return pagina::serverfout(&e),
    };
    let mut records = vec![(Jongere::TABEL, d.jongere.id.clone())];
    records.extend(sleutels(&d.woonadressen, |r| &r.id));
    records.extend(sleutels(&d.inschrijvingen, |r| &r.id));
    records.extend(sleutels(&d.diplomas, |r| &r.id));
    records.extend(sleutels(&d.zaken, |r| &r.id));
    records.extend(sleutels(&d.meldingen, |r| &r.id));
    records.extend(sleutels(&d.acties, |r| &r.id));
    records.extend(sleutels(&d.vrijstellingen, |r| &r.id));
    records.extend(sleutels(&d.thuiszitperioden, |r| &r.id));
    records.extend(sleutels(&d.vsv_meldingen, |r| &r.id));
    records.extend(sleutels(&d.rmc_trajecten, |r| &r.id));
    records.extend(sleutels(&d.dagbestedingen, |r| &r.id));
    // Her parents' records: a correction of a parent made from her dossier shows here.
    match state.store.lees_waar::<Gezinsrelatie>("jongere", &d.jongere.id).await {
        Ok(relaties) => records.extend(relaties.into_iter().map(|r| (Ouder::TABEL, r.ouder))),
        Err(e) => return pagina::serverfout(&e),
    }
    let paren: Vec<(&str, &str)> = records.iter().map(|(t, s)| (*t, s.as_str())).collect();
    let object = format!("jongere:{jongere}");
    let gelezen = async {
        g.log(&state, "inzage auditlog", &object, "gelukt", None).await?;
        Ok::<_, leerspoor_store::StoreFout>((
            state.store.toegang_van(&object).await?,
            state.store.wijzigingen_van(&paren).await?,
        ))
    };
    match gelezen.await {
        Ok((toegang, wijzigingen)) => {
            pagina::toon(&Audit { kop, id: jongere, naam: naam_van(&d.jongere), toegang, wijzigingen })
        }
        Err(e) => pagina::serverfout(&e),
    }
}

/// The inzage of this youth (AVG art. 15) as a download: `?formaat=pdf` (standard) or `json`.
pub async fn inzage(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
    axum::extract::Query(vraag): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Response {
    use crate::inzage::{self, InzageFout};
    use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
    use axum::response::IntoResponse;
    let formaat = match vraag.get("formaat").map(String::as_str) {
        None | Some("pdf") => "pdf",
        Some("json") => "json",
        Some(_) => return pagina::fout(400, "Formaat: kies pdf of json."),
    };
    let i = match inzage::verzamel(&state.store, &g.herkomst, &g.medewerker, &jongere, formaat).await {
        Ok(i) => i,
        Err(InzageFout::Store(e)) => return pagina::serverfout(&e),
        Err(e) => return pagina::fout(403, &e.to_string()),
    };
    let (inhoud, soort) = if formaat == "json" {
        (serde_json::to_vec_pretty(&i.json()).expect("JSON"), "application/json")
    } else {
        match state.pdf.voer_uit(move || i.pdf()).await {
            Ok(b) => (b, "application/pdf"),
            Err(e) => return pagina::serverfout(&e),
        }
    };
    let naam = format!("inzage-{jongere}.{formaat}");
    ([(CONTENT_TYPE, soort.to_string()), (CONTENT_DISPOSITION, format!("attachment; filename=\"{naam}\""))], inhoud)
        .into_response()
}
