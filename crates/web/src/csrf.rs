//! CSRF protection with a per-session token (the synchronizer-token pattern): every form carries
//! the token in a hidden field `csrf`, and a file upload (multipart) in its action URL's query.
//! The session cookie is also `SameSite=Strict`; the token covers browsers and proxies that ignore it.
//!
//! Before sign-in there is no session (a row per anonymous visitor would let anyone fill the
//! table): the sign-in form carries a random token that is also set as a cookie of its own, and a
//! sign-in is accepted only when the two are equal (the double-submit pattern). Another site can
//! neither read nor set that cookie.
use crate::pagina;
use axum::body::{Body, to_bytes};
use axum::extract::{Form, FromRequest, Query, Request};
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
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
    let t = nieuw_token();
    let _ = sessie.insert(SESSIE_CSRF, &t).await;
    t
}

/// The cookie of the sign-in form's token.
pub const AANMELDCOOKIE: &str = "leerspoor_aanmelden";

/// A new random token: 32 bytes as hex.
fn nieuw_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("willekeurige bytes van het besturingssysteem");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A token for the sign-in form and the `Set-Cookie` value that goes with it.
pub fn aanmeldtoken(veilige_cookie: bool) -> (String, String) {
    let t = nieuw_token();
    let veilig = if veilige_cookie { "; Secure" } else { "" };
    let cookie = format!("{AANMELDCOOKIE}={t}; Path=/aanmelden; HttpOnly; SameSite=Strict; Max-Age=3600{veilig}");
    (t, cookie)
}

/// Whether the sign-in form's token equals its cookie.
pub fn aanmeldtoken_klopt(headers: &axum::http::HeaderMap, gegeven: &str) -> bool {
    let cookie = headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(naam, _)| *naam == AANMELDCOOKIE)
        .map(|(_, waarde)| waarde);
    cookie.is_some_and(|c| gegeven.len() == 64 && gelijk(c.as_bytes(), gegeven.as_bytes()))
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
        _ => Err(crate::verzoek::Fout::Geweigerd(
            "Het formulier is verlopen of kwam niet van Leerspoor (CSRF-controle). Laad de pagina opnieuw en probeer het nog eens."
                .into(),
        )
        .into_response()),
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
    fn the_sign_in_token_must_equal_its_cookie() {
        let (t, set_cookie) = super::aanmeldtoken(true);
        assert!(
            set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict") && set_cookie.contains("Secure")
        );
        let mut headers = axum::http::HeaderMap::new();
        headers.insert("cookie", format!("andere=1; {}={t}", super::AANMELDCOOKIE).parse().unwrap());
        assert!(super::aanmeldtoken_klopt(&headers, &t));
        assert!(!super::aanmeldtoken_klopt(&headers, &"0".repeat(64)), "another token");
        assert!(!super::aanmeldtoken_klopt(&axum::http::HeaderMap::new(), &t), "no cookie (another site's form)");
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(gelijk(b"abc", b"abc"));
        assert!(!gelijk(b"abc", b"abd"));
        assert!(!gelijk(b"abc", b"ab"));
    }
}
