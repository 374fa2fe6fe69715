//! The JSON API for machine clients (docs/api.md): the office's connection to DUO's package
//! fetches the verzendingen (terugmelding, vrijstellingen, doorsturen), makes new ones and
//! acknowledges what arrived, as an employee does on the Koppelingen page.
//!
//! A client signs in with an API key (`Authorization: Bearer lsk_…`) instead of a session: no
//! cookie, hence no CSRF. Its own door checks the key on every request, counts failures per client
//! address with the sign-in's throttle, and writes every refusal and every read of a verzending's
//! contents to the access log, in the name of the key's medewerker with the key's id.
pub mod sleutel;
mod verzendingen;

use crate::AppState;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use leerspoor_domain::model::Medewerker;
use leerspoor_store::toegang::Herkomst;
use std::net::IpAddr;

/// A signed-in API client, for the handlers (request extension set by the door).
#[derive(Debug, Clone)]
pub struct Client {
    pub medewerker: Medewerker,
    pub sleutel: String,
    pub herkomst: Herkomst,
}

impl Client {
    /// A line in the access log in the medewerker's name, naming the key.
    async fn log(
        &self,
        state: &AppState,
        handeling: &str,
        object: &str,
        resultaat: &str,
        reden: Option<&str>,
    ) -> Result<(), leerspoor_store::StoreFout> {
        let reden = match reden {
            Some(r) => format!("API-sleutel {}: {r}", self.sleutel),
            None => format!("API-sleutel {}", self.sleutel),
        };
        state.store.log_van(&self.herkomst, &self.medewerker.id, handeling, object, resultaat, Some(&reden)).await
    }
}

/// A JSON answer.
pub(crate) fn json(status: StatusCode, waarde: &serde_json::Value) -> Response {
    (status, [(CONTENT_TYPE, "application/json")], waarde.to_string()).into_response()
}

/// A refusal as JSON: `{"fout": "…"}`, in Dutch, naming what was wrong.
pub(crate) fn fout(status: StatusCode, tekst: &str) -> Response {
    json(status, &serde_json::json!({ "fout": tekst }))
}

/// A server error: the cause goes to the server's log, not to the client.
pub(crate) fn serverfout(e: &dyn std::fmt::Display) -> Response {
    tracing::error!("API: {e}");
    fout(StatusCode::INTERNAL_SERVER_ERROR, "Er ging iets mis op de server; probeer het later opnieuw.")
}

/// The API's routes, each behind its door.
pub fn routes(state: AppState) -> Router<AppState> {
    use verzendingen::*;
    Router::new()
        .route("/api/v1/verzendingen/{bestemming}", get(lijst).post(klaarzetten))
        .route("/api/v1/verzendingen/{bestemming}/{verzending}", get(inhoud))
        .route("/api/v1/verzendingen/{bestemming}/{verzending}/bevestiging", axum::routing::post(bevestiging))
        .route_layer(from_fn_with_state(state, deur))
}

/// The longest path written to the access log for a refused request (a client chooses it).
const MAX_PAD: usize = 200;

/// The key in an `Authorization` header: the scheme `Bearer`, in any case (RFC 9110, 11.1).
fn sleutel_uit(kop: &str) -> Option<&str> {
    let (schema, sleutel) = kop.split_once(' ')?;
    schema.eq_ignore_ascii_case("bearer").then(|| sleutel.trim())
}

/// Checks the key of every API request (see the module's description).
async fn deur(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let herkomst = crate::poort::herkomst(&parts, state.achter_proxy);
    let adres = herkomst.adres.as_deref().and_then(|a| a.parse::<IpAddr>().ok());
    let pad: String = parts.uri.path().chars().take(MAX_PAD).collect();
    let nu = std::time::Instant::now();
    let weiger = |wie: String, reden: String| {
        let (store, herkomst, pad) = (state.store.clone(), herkomst.clone(), pad.clone());
        async move { store.log_van(&herkomst, &wie, "api", &pad, "geweigerd", Some(&reden)).await }
    };
    if state.api_afremmer.geremd(adres, nu) {
        if let Err(e) = weiger("anoniem".into(), "te veel geweigerde verzoeken vanaf dit adres".into()).await {
            return serverfout(&e);
        }
        let mut antwoord = fout(
            StatusCode::TOO_MANY_REQUESTS,
            "Te veel geweigerde verzoeken vanaf dit adres; probeer het over een kwartier opnieuw.",
        );
        antwoord.headers_mut().insert(RETRY_AFTER, HeaderValue::from_static("900"));
        return antwoord;
    }
    let token = parts.headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(sleutel_uit);
    let geldig = match sleutel::controleer(&state.store, token).await {
        Ok(Ok(g)) => g,
        Ok(Err(afgewezen)) => {
            if afgewezen.is_gok() {
                state.api_afremmer.mislukt(adres, nu);
            }
            let wie = afgewezen.medewerker().unwrap_or("anoniem").to_string();
            if let Err(e) = weiger(wie, afgewezen.to_string()).await {
                return serverfout(&e);
            }
            let mut antwoord = fout(
                StatusCode::UNAUTHORIZED,
                "Geen geldige API-sleutel: stuur de kop 'Authorization: Bearer <sleutel>' met een sleutel die niet \
                 is ingetrokken en waarvan de medewerker nog toegang heeft.",
            );
            antwoord.headers_mut().insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"leerspoor\""));
            return antwoord;
        }
        Err(e) => return serverfout(&e),
    };
    let account = format!("api-sleutel {}", geldig.sleutel);
    tracing::Span::current().record("account", account.as_str());
    let wijzigt = parts.method == axum::http::Method::POST;
    parts.extensions.insert(Client { medewerker: geldig.medewerker, sleutel: geldig.sleutel, herkomst });
    let antwoord = next.run(Request::from_parts(parts, body)).await;
    if wijzigt {
        // A verzending made or acknowledged changes what the werkvoorraad may show.
        state.werkvoorraad.verouderd();
    }
    antwoord
}

/// An answer of axum itself (no route, wrong method, a body too large, an unreadable path) to an
/// API client, as JSON like every other API answer.
pub(crate) fn als_json(antwoord: Response) -> Response {
    let json = antwoord.headers().get(CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    let status = antwoord.status();
    if json || !status.is_client_error() {
        return antwoord;
    }
    let tekst = match status {
        StatusCode::NOT_FOUND => "Dit eindpunt bestaat niet; zie docs/api.md.",
        StatusCode::METHOD_NOT_ALLOWED => "Deze methode kan niet op dit eindpunt.",
        StatusCode::PAYLOAD_TOO_LARGE => "Wat u verstuurde is te groot.",
        _ => "Het verzoek kon niet gelezen worden.",
    };
    fout(status, tekst)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bearer_scheme_is_read_in_any_case() {
        assert_eq!(super::sleutel_uit("Bearer lsk_x"), Some("lsk_x"));
        assert_eq!(super::sleutel_uit("bearer lsk_x"), Some("lsk_x"));
        assert_eq!(super::sleutel_uit("Basic bHNrX3g="), None);
        assert_eq!(super::sleutel_uit("Bearer"), None);
    }
}
