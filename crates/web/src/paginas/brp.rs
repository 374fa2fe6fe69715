//! *BRP bijwerken* in the dossier (docs/koppelingen.md): the BRP consulted about one youth, its
//! differences with the register shown as proposals, and those the employee chooses taken over.
//! The form carries only which proposals (their kenmerk), never the data: what is taken over is
//! what the BRP says when asked again.
use super::naam_van;
use crate::AppState;
use crate::pagina::{self, Kop, Melding};
use crate::poort::{self, Gebruiker};
use askama::Template;
use axum::Extension;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leerspoor_brp::client::Brp;
use leerspoor_domain::model::Jongere;
use leerspoor_koppeling::brp;
use leerspoor_koppeling::logboek::KoppelFout;
use std::collections::HashMap;
use std::sync::Arc;

/// More proposals than one youth can honestly have (her own five kinds, and per parent, voogd or
/// gezag one) is no honest form.
const MAX_GEKOZEN: usize = 20;

pub struct Regel {
    pub gegeven: &'static str,
    pub register: String,
    pub brp: String,
    pub bezwaar: Option<String>,
    pub kenmerk: String,
}

#[derive(Template)]
#[template(path = "brp.html")]
struct BrpPagina {
    kop: Kop,
    melding: Option<Melding>,
    id: String,
    naam: String,
    /// Whether the BRP answered (otherwise only the message and "again").
    gevraagd: bool,
    voorstellen: Vec<Regel>,
    over_te_nemen: bool,
    /// Who lives at the register's address according to the BRP: the address, and per person name
    /// and birth date.
    huishouden: Option<(String, Vec<(String, String)>)>,
}

/// The youth and the BRP, or the answer for a youth that does not exist or a BRP that is not
/// configured.
async fn jongere(state: &AppState, g: &Gebruiker, id: &str) -> Result<(Jongere, Arc<Brp>), Response> {
    let Some(brp) = state.brp.clone() else {
        let melding = Melding::fout("De BRP is niet ingesteld voor deze installatie (zie LEERSPOOR_BRP_URL).");
        return Err(pagina::met_kop(404, &Kop::voor(g, "/zoeken"), "BRP bijwerken", melding));
    };
    match state.store.lees_een::<Jongere>(id).await {
        Ok(Some(j)) => Ok((j, brp)),
        Ok(None) => Err(poort::niet_gevonden(g)),
        Err(e) => Err(pagina::serverfout(&e)),
    }
}

/// The calendar date, not the application's `vandaag` (the demo's lies in 2021): the BRP answers
/// about now, and whether a youth is a minor (gezag) is decided on the same day.
fn kalenderdag() -> leerspoor_domain::Datum {
    chrono::Local::now().date_naive()
}

fn pagina_met(g: &Gebruiker, j: &Jongere, melding: Option<Melding>) -> BrpPagina {
    BrpPagina {
        kop: Kop::voor(g, "/zoeken"),
        melding,
        id: j.id.clone(),
        naam: naam_van(j),
        gevraagd: false,
        voorstellen: Vec::new(),
        over_te_nemen: false,
        huishouden: None,
    }
}

/// A refusal on the page: a role that may not (403), a BRP that failed or a proposal that no
/// longer holds (422, with the way back).
fn weigering(g: &Gebruiker, j: &Jongere, fout: KoppelFout) -> Response {
    let status = match &fout {
        KoppelFout::Store(e) => return pagina::serverfout(e),
        KoppelFout::Niet(leerspoor_casework::Fout::Store(e)) => return pagina::serverfout(e),
        KoppelFout::Niet(_) => StatusCode::FORBIDDEN,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let tekst = fout.to_string();
    let mut tekst = tekst.chars();
    let eerste = tekst.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
    let melding = Melding::fout(format!("{eerste}{}.", tekst.as_str()));
    (status, pagina::toon(&pagina_met(g, j, Some(melding)))).into_response()
}

pub async fn voorstellen(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(id): Path<String>,
) -> Response {
    let (j, client) = match jongere(&state, &g, &id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    match brp::voorstellen(&state.store, &client, &g.medewerker, &g.herkomst, &j.id, kalenderdag()).await {
        Ok(v) => {
            let voorstellen: Vec<Regel> = v
                .voorstellen
                .iter()
                .map(|p| {
                    let (register, brp) = p.verschil.waarden();
                    Regel {
                        gegeven: p.verschil.gegeven(),
                        register,
                        brp,
                        bezwaar: p.bezwaar.clone(),
                        kenmerk: p.kenmerk.clone(),
                    }
                })
                .collect();
            let over_te_nemen = voorstellen.iter().any(|r| r.bezwaar.is_none());
            pagina::toon(&BrpPagina { gevraagd: true, voorstellen, over_te_nemen, ..pagina_met(&g, &v.jongere, None) })
        }
        Err(e) => weigering(&g, &j, e),
    }
}

pub async fn neem_over(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(id): Path<String>,
    Form(invoer): Form<HashMap<String, String>>,
) -> Response {
    let (j, client) = match jongere(&state, &g, &id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let kenmerken: Vec<String> = invoer
        .iter()
        .filter(|(_, w)| w.as_str() == "ja")
        .filter_map(|(k, _)| k.strip_prefix("neem_"))
        .map(str::to_string)
        .take(MAX_GEKOZEN + 1)
        .collect();
    if kenmerken.len() > MAX_GEKOZEN {
        return weigering(&g, &j, KoppelFout::Ongeldig("te veel voorstellen gekozen".into()));
    }
    match brp::neem_over(&state.store, &client, &g.medewerker, &g.herkomst, &j.id, &kenmerken, kalenderdag()).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=brp", j.id)).into_response(),
        Err(e) => weigering(&g, &j, e),
    }
}

/// Who lives at the youth's address according to the BRP (shown, not kept; in the access log).
pub async fn huishouden(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(id): Path<String>,
) -> Response {
    let (j, client) = match jongere(&state, &g, &id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    match brp::huisgenoten(&state.store, &client, &g.medewerker, &g.herkomst, &j.id).await {
        Ok((adres, personen)) => {
            let personen = personen
                .into_iter()
                .map(|h| (h.naam, h.geboortedatum.as_ref().map_or_else(|| "onbekend".into(), pagina::datum)))
                .collect();
            pagina::toon(&BrpPagina { huishouden: Some((adres, personen)), ..pagina_met(&g, &j, None) })
        }
        Err(e) => weigering(&g, &j, e),
    }
}
