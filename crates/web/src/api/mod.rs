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

/// Checks the key of every API request (see the module's description).
async fn deur(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let herkomst = crate::poort::herkomst(&parts, state.achter_proxy);
    let adres = herkomst.adres.as_deref().and_then(|a| a.parse::<IpAddr>().ok());
    let nu = std::time::Instant::now();
    if state.afremmer.geremd(adres, nu) {
        let mut antwoord = fout(
            StatusCode::TOO_MANY_REQUESTS,
            "Te veel geweigerde verzoeken vanaf dit adres; probeer het over een kwartier opnieuw.",
        );
        antwoord.headers_mut().insert(RETRY_AFTER, HeaderValue::from_static("900"));
        return antwoord;
    }
    let token = parts.headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    let geldig = match sleutel::controleer(&state.store, token).await {
        Ok(Ok(g)) => g,
        Ok(Err(afgewezen)) => {
            state.afremmer.mislukt(adres, nu);
            let wie = match &afgewezen {
                sleutel::Afgewezen::Medewerker { medewerker, .. } => medewerker.as_str(),
                _ => "anoniem",
            };
            let reden = afgewezen.to_string();
            if let Err(e) =
                state.store.log_van(&herkomst, wie, "api", parts.uri.path(), "geweigerd", Some(&reden)).await
            {
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
