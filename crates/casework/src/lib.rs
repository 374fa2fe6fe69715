//! The service layer of the caseworker's day (docs/regels.md): registering meldingen, the zaak
//! and its MAS actions, the absoluut-verzuim run, thuiszitters and vrijstellingen; and for RMC the
//! VSV-registration, oud-VSV, JIKP transitions, trajecten and their results, and risk triage; the
//! contact details of a youth and her parents; and corrections of the register's facts about them
//! (AVG art. 16).
//!
//! The web app and the CLI both call these functions; they never write casework records
//! themselves. Every function checks its input and the rules of [`leerspoor_domain::rules`], and
//! writes in one transaction with the change log, or writes nothing and says why in Dutch.

pub mod absoluut;
pub mod actie;
pub mod archief;
pub mod brieven;
pub mod contactgegevens;
pub mod correctie;
pub mod dagbesteding;
pub mod dossier;
pub mod ids;
pub mod kalender;
pub mod melding;
pub mod ontvangen;
pub mod thuiszitters;
pub mod trajecten;
pub mod triage;
pub mod vrijstellingen;
pub mod vsv;
pub mod zaak;

use leerspoor_domain::model::Medewerker;
use leerspoor_domain::rules::Weigering;
use leerspoor_domain::rules::mas::Uitvoerder;
use leerspoor_store::{Store, StoreFout};

pub use dossier::Dossier;

/// Why a service call wrote nothing. [`Fout::Weigering`] and [`Fout::Invoer`] are for the user as they are.
#[derive(Debug, thiserror::Error)]
pub enum Fout {
    /// A legal or workflow rule refuses: which rule and why.
    #[error("{0}")]
    Weigering(#[from] Weigering),
    /// A field is missing or impossible.
    #[error("{veld}: {melding}")]
    Invoer { veld: &'static str, melding: String },
    #[error("{wat} '{id}' bestaat niet")]
    Onbekend { wat: &'static str, id: String },
    #[error(transparent)]
    Store(#[from] StoreFout),
    /// The template could not be laid out: the office's template holds an error.
    #[error("de brief kon niet worden opgemaakt: {0}")]
    Opmaak(String),
}

impl Fout {
    fn invoer(veld: &'static str, melding: impl Into<String>) -> Fout {
        Fout::Invoer { veld, melding: melding.into() }
    }
}

pub type Result<T> = std::result::Result<T, Fout>;

/// The medewerker on whose behalf a service acts; refused when unknown or out of service today.
pub async fn medewerker(store: &Store, id: &str) -> Result<Medewerker> {
    let m = store
        .lees_een::<Medewerker>(id)
        .await?
        .ok_or_else(|| Fout::Onbekend { wat: "medewerker", id: id.to_string() })?;
    let vandaag = chrono::Local::now().date_naive();
    if m.in_dienst > vandaag || m.uit_dienst.is_some_and(|u| u < vandaag) {
        return Err(Weigering::new(
            "rollen: in dienst",
            format!("{} ({}) is op {vandaag} niet in dienst", m.naam, m.id),
        )
        .into());
    }
    Ok(m)
}

fn uitvoerder(m: &Medewerker) -> Uitvoerder {
    Uitvoerder { rol: m.rol, boa: m.boa }
}

/// Reads a record that must exist.
async fn bestaand<R: leerspoor_store::rij::Rij>(store: &Store, wat: &'static str, id: &str) -> Result<R> {
    store.lees_een::<R>(id).await?.ok_or_else(|| Fout::Onbekend { wat, id: id.to_string() })
}

/// Checks a code against its list on a date (the lists are rows with validity dates).
async fn code_geldig(
    mut store: impl leerspoor_store::Lezer,
    veld: &'static str,
    lijst: leerspoor_domain::codes::CodeLijst,
    code: &str,
    op: leerspoor_domain::Datum,
) -> Result<()> {
    use leerspoor_domain::code_enum::CodeEnum;
    let codes = store.lees_waar::<leerspoor_domain::codes::Code>("lijst", lijst.code()).await?;
    match codes.iter().find(|c| c.code == code) {
        Some(c) if c.geldig_op(op) => Ok(()),
        Some(_) => Err(Fout::invoer(veld, format!("code '{code}' ({}) is niet geldig op {op}", lijst.label()))),
        None => {
            let toegestaan: Vec<&str> = codes.iter().filter(|c| c.geldig_op(op)).map(|c| c.code.as_str()).collect();
            Err(Fout::invoer(
                veld,
                format!("code '{code}' bestaat niet in {}; toegestaan: {}", lijst.label(), toegestaan.join(", ")),
            ))
        }
    }
}
