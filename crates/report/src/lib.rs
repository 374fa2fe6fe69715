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

/// The tables of one report: all of the catalogue that is built, or the ones asked for.
pub async fn bereken(kader: &mut Kader<'_>, ids: &[String]) -> Result<Vec<Tabel>, Fout> {
    let alle = tabellen::IDS;
    for id in ids {
        if !alle.contains(&id.as_str()) {
            return Err(Fout::OnbekendeTabel(id.clone(), alle.join(", ")));
        }
    }
    let mut uit = Vec::new();
    for id in alle.iter().filter(|id| ids.is_empty() || ids.iter().any(|i| i == *id)) {
        uit.push(tabellen::bereken(kader, id).await?);
    }
    Ok(uit)
}
