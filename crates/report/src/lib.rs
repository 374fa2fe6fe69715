//! The jaarverslag engine (spec/reports.md): every table is computed from the dated records for a
//! verslagjaar and a scope, as a [`Tabel`] value; renderers (JSON, CSV) only lay it out.
//!
//! Tables that rest on a rule of the casework (recidive, Tabel 10, JIKP, thuiszitters) call the same
//! pure functions the services use, so the report and the caseworker's screen cannot disagree.

mod kader;
pub mod tabel;
pub mod tabellen;
pub mod uitvoer;

pub use kader::{Kader, Scope};
pub use tabel::{Kolom, Rij, Tabel, Waarde};

#[derive(Debug, thiserror::Error)]
pub enum Fout {
    #[error("{0}")]
    Scope(String),
    #[error("onbekende tabel '{0}'; beschikbaar: {1}")]
    OnbekendeTabel(String, String),
    #[error(transparent)]
    Store(#[from] leerspoor_store::StoreFout),
    #[error(transparent)]
    Dienst(#[from] leerspoor_casework::Fout),
    #[error("schrijven mislukt: {0}")]
    Schrijven(String),
    /// The self-check found totals that are not the sum of their parts: not for publication.
    #[error("niet gepubliceerd, de totalen kloppen niet:\n  {}", .0.join("\n  "))]
    Controle(Vec<String>),
}

/// Tables computed at the same time: while one waits for the database, another counts. Two, for
/// the two cores of the office's server; more only raised the peak memory.
const TEGELIJK: usize = 2;

/// The tables of one report: all of the catalogue that is built, or the ones asked for, in the
/// catalogue's order.
pub async fn bereken(kader: &Kader<'_>, ids: &[String]) -> Result<Vec<Tabel>, Fout> {
    use futures_util::stream::{StreamExt, TryStreamExt};
    let alle = tabellen::IDS;
    for id in ids {
        if !alle.contains(&id.as_str()) {
            return Err(Fout::OnbekendeTabel(id.clone(), alle.join(", ")));
        }
    }
    let gevraagd: Vec<&'static str> =
        alle.iter().copied().filter(|id| ids.is_empty() || ids.iter().any(|i| i == id)).collect();
    // The futures are made before the stream (they start only when it polls them): a stream that
    // maps with a closure makes rustc unable to prove the report's future `Send` for axum
    // (rust-lang/rust#102211).
    let tabellen: Vec<futures_util::future::BoxFuture<'_, Result<Tabel, Fout>>> =
        gevraagd.into_iter().map(|id| Box::pin(tabellen::bereken(kader, id)) as _).collect();
    futures_util::stream::iter(tabellen).buffered(TEGELIJK).try_collect().await
}
