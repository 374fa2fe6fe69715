//! `/api/v1/verzendingen/{bestemming}`: the verzendingen of a destination listed, made, read and
//! acknowledged. The same rules as on the Koppelingen page ([`Bestemming`]): a verzending never
//! changes once made, may be read as often as needed, and is sent once acknowledged.
use super::{Client, fout, json, serverfout};
use crate::AppState;
use crate::bestemming::Bestemming;
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use leerspoor_koppeling::logboek::KoppelFout;
use leerspoor_koppeling::uitgaand;

fn onbekend(pad: &str) -> Response {
    let bekend: Vec<&str> = Bestemming::ALLE.iter().map(|b| b.pad()).collect();
    fout(StatusCode::NOT_FOUND, &format!("bestemming: '{pad}' bestaat niet (wel: {})", bekend.join(", ")))
}

/// The verzendingen, those not yet acknowledged first.
pub async fn lijst(State(state): State<AppState>, Path(pad): Path<String>) -> Response {
    let Some(b) = Bestemming::uit_pad(&pad) else { return onbekend(&pad) };
    match b.verzendingen(&state.store).await {
        Ok(v) => {
            let lijst: Vec<_> = v.iter().map(uitgaand::als_json).collect();
            json(StatusCode::OK, &serde_json::json!({ "verzendingen": lijst }))
        }
        Err(e) => serverfout(&e),
    }
}

/// Makes a verzending of what changed since the one before: 201 with its contents, or 200 with
/// `"verzending": null` when nothing changed.
pub async fn klaarzetten(
    State(state): State<AppState>,
    Extension(c): Extension<Client>,
    Path(pad): Path<String>,
) -> Response {
    let Some(b) = Bestemming::uit_pad(&pad) else { return onbekend(&pad) };
    if let Some(geweigerd) = mag(&state, &c, b, "download", &format!("verzendingen:{pad}")).await {
        return geweigerd;
    }
    let k = match b.klaarzetten(&state.store, &c.medewerker, state.vandaag()).await {
        Ok(k) => k,
        Err(e) => return koppelfout(e),
    };
    let Some(v) = k.verzending else {
        return json(
            StatusCode::OK,
            &serde_json::json!({ "verzending": null, "melding": b.niets(), "overgeslagen": k.overgeslagen }),
        );
    };
    match lees(&state, &c, b, &v.id).await {
        Ok(Some(mut inhoud)) => {
            inhoud["overgeslagen"] = serde_json::json!(k.overgeslagen);
            json(StatusCode::CREATED, &inhoud)
        }
        Ok(None) => serverfout(&format!("verzending {} verdween na het klaarzetten", v.id)),
        Err(antwoord) => antwoord,
    }
}

/// What a verzending holds, as often as needed.
pub async fn inhoud(
    State(state): State<AppState>,
    Extension(c): Extension<Client>,
    Path((pad, id)): Path<(String, String)>,
) -> Response {
    let Some(b) = Bestemming::uit_pad(&pad) else { return onbekend(&pad) };
    if let Some(geweigerd) = mag(&state, &c, b, "download", &format!("verzending:{id}")).await {
        return geweigerd;
    }
    match lees(&state, &c, b, &id).await {
        Ok(Some(inhoud)) => json(StatusCode::OK, &inhoud),
        Ok(None) => niet_gevonden(b, &id),
        Err(antwoord) => antwoord,
    }
}

/// The other party received a verzending: what it held counts as sent.
pub async fn bevestiging(
    State(state): State<AppState>,
    Extension(c): Extension<Client>,
    Path((pad, id)): Path<(String, String)>,
) -> Response {
    let Some(b) = Bestemming::uit_pad(&pad) else { return onbekend(&pad) };
    if let Some(geweigerd) = mag(&state, &c, b, "bevestigen", &format!("verzending:{id}")).await {
        return geweigerd;
    }
    match b.verzending(&state.store, &id).await {
        Ok(Some(_)) => {}
        Ok(None) => return niet_gevonden(b, &id),
        Err(e) => return serverfout(&e),
    }
    match b.bevestig(&state.store, &c.medewerker, &id).await {
        Ok(v) => json(StatusCode::OK, &serde_json::json!({ "verzending": uitgaand::als_json(&v) })),
        Err(KoppelFout::Ongeldig(tekst)) => fout(StatusCode::CONFLICT, &tekst),
        Err(e) => koppelfout(e),
    }
}

fn niet_gevonden(b: Bestemming, id: &str) -> Response {
    fout(StatusCode::NOT_FOUND, &format!("verzending: '{id}' is geen verzending van {}", b.titel().to_lowercase()))
}

fn koppelfout(e: KoppelFout) -> Response {
    match e {
        KoppelFout::Store(e) => serverfout(&e),
        KoppelFout::Niet(f) => fout(StatusCode::FORBIDDEN, &f.to_string()),
        e => fout(StatusCode::UNPROCESSABLE_ENTITY, &e.to_string()),
    }
}

/// `None` if this client may handle this destination's verzendingen (read what they hold, make or
/// acknowledge one); else the refusal, logged as the `handeling` it refused.
async fn mag(state: &AppState, c: &Client, b: Bestemming, handeling: &str, object: &str) -> Option<Response> {
    let w = b.mag_lezen(c.medewerker.rol).err()?;
    let handeling = format!("{handeling} {}", b.pad());
    if let Err(e) = c.log(state, &handeling, object, "geweigerd", Some(&w.to_string())).await {
        return Some(serverfout(&e));
    }
    Some(fout(StatusCode::FORBIDDEN, &w.to_string()))
}

/// A verzending's contents, its read in the access log (the vrijstellingen carry BSNs) as a
/// download on the page is.
async fn lees(state: &AppState, c: &Client, b: Bestemming, id: &str) -> Result<Option<serde_json::Value>, Response> {
    let Some(inhoud) = b.als_json(&state.store, id).await.map_err(|e| serverfout(&e))? else { return Ok(None) };
    let handeling = format!("download {}", b.pad());
    c.log(state, &handeling, &format!("verzending:{id}"), "gelukt", None).await.map_err(|e| serverfout(&e))?;
    Ok(Some(inhoud))
}
