//! The exchange bundle: a folder of CSV files, one per entity (`docs/uitwisselformaat.md`).
//!
//! Import is all-or-nothing: every file is read and every row checked (fields, references, dates,
//! code lists) before anything is written, and then everything is written in one transaction.
//! Rows are matched to the database by their stable key, so importing the same bundle twice
//! changes nothing.

pub mod cel;
pub mod entiteit;
mod exporteren;
mod importeren;
mod lezen;
pub mod pseudoniem;
mod valideren;

pub use exporteren::{exporteer, exporteer_gepseudonimiseerd, schrijf_bundel};
pub use importeren::{ImportOpties, Samenvatting, importeer, importeer_dataset};
pub use lezen::{Bundel, lees_bundel};
pub use valideren::valideer;

use std::fmt;

/// One problem in a bundle, located as precisely as it can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fout {
    pub bestand: String,
    /// Line in the file (the header is line 1).
    pub rij: Option<u64>,
    pub kolom: Option<String>,
    pub melding: String,
}

impl Fout {
    pub fn bestand(bestand: &str, melding: impl Into<String>) -> Fout {
        Fout { bestand: bestand.to_string(), rij: None, kolom: None, melding: melding.into() }
    }
}

impl fmt::Display for Fout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.bestand)?;
        if let Some(r) = self.rij {
            write!(f, ", rij {r}")?;
        }
        if let Some(k) = &self.kolom {
            write!(f, ", kolom {k}")?;
        }
        write!(f, ": {}", self.melding)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum IngestFout {
    #[error("de bundel is geweigerd: {} fout(en); er is niets geschreven", .0.len())]
    Ongeldig(Vec<Fout>),
    #[error(transparent)]
    Sleutel(#[from] pseudoniem::SleutelFout),
    #[error(transparent)]
    Store(#[from] leerspoor_store::StoreFout),
    #[error("{pad}: {bron}")]
    Io { pad: String, bron: std::io::Error },
}
