//! CSRF protection with a per-session token (the synchronizer-token pattern): every form carries
//! the token in a hidden field `csrf`, and a file upload (multipart) in its action URL's query.
//! The session cookie is also `SameSite=Strict`; the token covers browsers and proxies that ignore it.
use crate::pagina;
use axum::body::{Body, to_bytes};
use axum::extract::{Form, FromRequest, Query, Request};
use axum::http::header::CONTENT_TYPE;
use axum::response::Response;
use tower_sessions::Session;

const SESSIE_CSRF: &str = "csrf";
/// Larger bodies are refused before they are read (forms are small; bundles go as multipart).
const MAX_FORMULIER: usize = 1 << 20;

#[derive(serde::Deserialize)]
struct Veld {
    #[serde(default)]
    csrf: String,
}

/// The session's token, made on first use.
pub async fn token(sessie: &Session) -> String {
    if let Ok(Some(t)) = sessie.get::<String>(SESSIE_CSRF).await {
        return t;
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("willekeurige bytes van het besturingssysteem");
    let t: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let _ = sessie.insert(SESSIE_CSRF, &t).await;
    t
}

/// Checks the token of a POST; gives the request back (body restored) or the refusal.
pub async fn controleer(sessie: &Session, req: Request) -> Result<Request, Response> {
    let verwacht: Option<String> = sessie.get(SESSIE_CSRF).await.unwrap_or(None);
    let multipart = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let (req, gegeven) = if multipart {
        let gegeven = Query::<Veld>::try_from_uri(req.uri()).map(|q| q.0.csrf).unwrap_or_default();
        (req, gegeven)
    } else {
        let (parts, body) = req.into_parts();
        let Ok(bytes) = to_bytes(body, MAX_FORMULIER).await else {
            return Err(pagina::fout(413, "Het formulier is te groot."));
        };
        let kopie = Request::from_parts(parts.clone(), Body::from(bytes.clone()));
        let gegeven = Form::<Veld>::from_request(kopie, &()).await.map(|f| f.0.csrf).unwrap_or_default();
        (Request::from_parts(parts, Body::from(bytes)), gegeven)
    };
    match verwacht {
        Some(v) if !gegeven.is_empty() && gelijk(v.as_bytes(), gegeven.as_bytes()) => Ok(req),
        _ => Err(pagina::fout(
            403,
            "Het formulier is verlopen of kwam niet van Leerspoor (CSRF-controle). Laad de pagina opnieuw en probeer het nog eens.",
        )),
    }
}

/// Compares in constant time, so the token cannot be guessed byte by byte.
fn gelijk(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::gelijk;

    #[test]
    fn tokens_compare_whole() {
        assert!(gelijk(b"abc", b"abc"));
        assert!(!gelijk(b"abc", b"abd"));
        assert!(!gelijk(b"abc", b"ab"));
    }
}
