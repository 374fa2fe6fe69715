//! Security headers on every response and the limit on request bodies (docs/beveiliging.md).
use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::middleware::Next;
use axum::response::Response;

/// The largest request body: a bundle upload of a region's organisation files fits well within
/// it; a form is a few kilobytes.
pub const MAX_VERZOEK: usize = 20 << 20;

/// Only this application's own styles and fonts, no scripts from elsewhere, no framing, forms
/// only to itself.
const CSP: &str = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

/// Adds the headers to every response. Pages and downloads hold personal data: no browser or
/// proxy keeps a copy (`no-store`); only the static styles and fonts may be cached.
pub async fn koppen(State(https): State<bool>, req: Request, next: Next) -> Response {
    let statisch = req.uri().path().starts_with("/static/");
    let mut antwoord = next.run(req).await;
    let h = antwoord.headers_mut();
    h.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !statisch {
        h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if https {
        // Only sent over HTTPS matters to browsers; behind a TLS proxy this is that origin's.
        h.insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    antwoord
}
