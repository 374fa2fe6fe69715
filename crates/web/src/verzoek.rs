//! Every request in a `tracing` span (request id, method, route, and the account once the door
//! knows it), the errors of the web layer as one type, and Dutch pages where axum would answer
//! in plain English (a form it cannot read, a method a route does not take).
//!
//! The log holds ids and routes, never a request's body or query: no BSN, no password.
use crate::pagina;
use axum::extract::{MatchedPath, Request};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::atomic::{AtomicU64, Ordering};
use tracing::Instrument;

/// What can go wrong in the web layer, each with its Dutch page.
#[derive(Debug, thiserror::Error)]
pub enum Fout {
    #[error("niet gevonden")]
    NietGevonden,
    #[error("geweigerd: {0}")]
    Geweigerd(String),
    #[error("invoer: {0}")]
    Invoer(String),
    /// A failure of the database or the machine: the cause goes to the log, not to the user.
    #[error("intern: {0}")]
    Intern(String),
}

impl IntoResponse for Fout {
    fn into_response(self) -> Response {
        match self {
            Fout::NietGevonden => pagina::fout(404, "Deze pagina bestaat niet."),
            Fout::Geweigerd(tekst) => pagina::fout(403, &tekst),
            Fout::Invoer(tekst) => pagina::fout(400, &tekst),
            Fout::Intern(oorzaak) => {
                tracing::error!(%oorzaak, "interne fout");
                pagina::fout(
                    500,
                    "Er ging iets mis aan de kant van Leerspoor. Er is niets opgeslagen; probeer het later opnieuw.",
                )
            }
        }
    }
}

/// Wraps each request in its span; logs server errors with their status; and replaces axum's
/// plain-text refusals by Dutch pages (all of Leerspoor's own pages are HTML), or by JSON for
/// the API.
pub async fn volg(req: Request, next: Next) -> Response {
    static TELLER: AtomicU64 = AtomicU64::new(1);
    let route = req.extensions().get::<MatchedPath>().map_or("(geen route)", |p| p.as_str()).to_string();
    let api = req.uri().path().starts_with("/api/");
    let span = tracing::info_span!(
        "verzoek",
        id = TELLER.fetch_add(1, Ordering::Relaxed),
        methode = %req.method(),
        route = %route,
        account = tracing::field::Empty,
    );
    async move {
        let antwoord = next.run(req).await;
        let status = antwoord.status();
        if status.is_server_error() {
            tracing::error!(status = status.as_u16(), "antwoord");
        } else {
            tracing::debug!(status = status.as_u16(), "antwoord");
        }
        if api { crate::api::als_json(antwoord) } else { in_het_nederlands(antwoord) }
    }
    .instrument(span)
    .await
}

fn in_het_nederlands(antwoord: Response) -> Response {
    let status = antwoord.status();
    let tekst = antwoord.headers().get(CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"text/plain"));
    let leeg = antwoord.headers().get(CONTENT_TYPE).is_none();
    match status {
        StatusCode::METHOD_NOT_ALLOWED if tekst || leeg => {
            pagina::fout(405, "Deze pagina kan zo niet opgevraagd worden. Gebruik de knoppen en links van Leerspoor.")
        }
        StatusCode::PAYLOAD_TOO_LARGE if tekst || leeg => pagina::fout(413, "Wat u verstuurde is te groot."),
        s if s.is_client_error() && tekst => Fout::Invoer(
            "Het formulier kon niet gelezen worden: een veld ontbreekt of heeft een waarde die niet kan. \
             Laad de pagina opnieuw en probeer het nog eens."
                .into(),
        )
        .into_response(),
        _ => antwoord,
    }
}
