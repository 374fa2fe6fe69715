//! Styles and fonts, compiled into the binary: nothing is loaded from elsewhere at run time.
use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

const BESTANDEN: &[(&str, &str, &[u8])] = &[
    ("voorbeeld-theme.css", "text/css; charset=utf-8", include_bytes!("../static/vendor/voorbeeld-theme.css")),
    ("utrecht-html.css", "text/css; charset=utf-8", include_bytes!("../static/vendor/utrecht-html.css")),
    ("leerspoor.css", "text/css; charset=utf-8", include_bytes!("../static/leerspoor.css")),
    ("Inter-Regular.otf", "font/otf", include_bytes!("../../publicatie/fonts/Inter-Regular.otf")),
    ("Inter-Bold.otf", "font/otf", include_bytes!("../../publicatie/fonts/Inter-Bold.otf")),
];

pub async fn bestand(Path(naam): Path<String>) -> Response {
    match BESTANDEN.iter().find(|(n, _, _)| *n == naam) {
        Some((_, soort, inhoud)) => {
            ([(CONTENT_TYPE, *soort), (CACHE_CONTROL, "public, max-age=86400")], *inhoud).into_response()
        }
        None => crate::pagina::fout(404, "Dit bestand bestaat niet."),
    }
}
