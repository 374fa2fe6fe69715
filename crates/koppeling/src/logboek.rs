//! The delivery log (docs/koppelingen.md, "Leveringen"): every delivery offered is recorded with
//! what it did, or why it was refused. A delivery is applied whole or not at all; the same file
//! offered again changes nothing.
use crate::levering::LeesFout;
use crate::records::{Levering, LeveringFout, Uitkomst};
use leerspoor_store::{Store, StoreFout};
use sha2::{Digest, Sha256};

/// Why a delivery changed nothing.
#[derive(Debug, thiserror::Error)]
pub enum KoppelFout {
    /// The delivery was refused whole: every reason, with row and column. `levering` is its line in
    /// the log (none for a trial run, which records nothing).
    #[error("levering geweigerd: {} {}", fouten.len(), if fouten.len() == 1 { "fout" } else { "fouten" })]
    Geweigerd { levering: Option<String>, fouten: Vec<LeesFout> },
    /// Who runs it may not (their role), or is unknown.
    #[error(transparent)]
    Niet(#[from] leerspoor_casework::Fout),
    /// A request that cannot be done, said why.
    #[error("{0}")]
    Ongeldig(String),
    #[error(transparent)]
    Store(#[from] StoreFout),
}

/// A delivery as offered: its source, its file's name and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Aanbod<'a> {
    pub bron: &'a str,
    pub bestand: &'a str,
    pub bytes: &'a [u8],
}

impl Aanbod<'_> {
    /// The log line for this delivery, before anything is known of what it does.
    pub fn levering(&self, door: &str) -> Levering {
        let bestand = std::path::Path::new(self.bestand)
            .file_name()
            .map_or_else(|| self.bestand.to_string(), |n| n.to_string_lossy().into_owned());
        Levering {
            id: leerspoor_casework::ids::nieuw("L"),
            bron: self.bron.to_string(),
            bestand,
            inhoud: format!("{:x}", Sha256::digest(self.bytes)),
            ontvangen: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            door: door.to_string(),
            uitkomst: Uitkomst::Toegepast,
            rijen: 0,
            toegepast: 0,
            samenvatting: String::new(),
            periode: None,
        }
    }
}

/// The earlier delivery of the same source with the same content that was applied, if any.
async fn eerder_toegepast(store: &Store, levering: &Levering) -> Result<Option<Levering>, StoreFout> {
    let eerder: Vec<Levering> = store.lees_waar("inhoud", &levering.inhoud).await?;
    Ok(eerder.into_iter().find(|l| l.bron == levering.bron && l.uitkomst == Uitkomst::Toegepast))
}

/// Records a delivery that changed nothing (refused, or offered again), with its reasons, in a
/// write of its own.
async fn leg_vast_zonder_gevolg(
    store: &Store,
    mut levering: Levering,
    uitkomst: Uitkomst,
    fouten: &[LeesFout],
) -> Result<Levering, StoreFout> {
    levering.uitkomst = uitkomst;
    levering.toegepast = 0;
    let mut s = store.schrijver(&levering.door, &format!("koppeling {}", levering.bron)).await?;
    s.nieuw(&levering).await?;
    for (i, f) in fouten.iter().enumerate() {
        let fout = LeveringFout {
            levering: levering.id.clone(),
            volgnummer: i as u64 + 1,
            rij: f.rij.map(|r| r as u64),
            kolom: f.kolom.clone(),
            melding: f.melding.clone(),
        };
        s.nieuw(&fout).await?;
    }
    s.vastleggen(&format!("koppeling {} {}", levering.bron, uitkomst), &levering.id).await?;
    Ok(levering)
}

/// A refused delivery: its line in the log with every reason (not for a trial run, which records
/// nothing), as the error to return.
pub async fn weiger(store: &Store, log: Levering, fouten: Vec<LeesFout>, proef: bool) -> KoppelFout {
    if proef {
        return KoppelFout::Geweigerd { levering: None, fouten };
    }
    match leg_vast_zonder_gevolg(store, log, Uitkomst::Geweigerd, &fouten).await {
        Ok(l) => KoppelFout::Geweigerd { levering: Some(l.id), fouten },
        Err(e) => e.into(),
    }
}

/// When the same file of the same source was applied before: the delivery's line saying so
/// (recorded, except in a trial run). `None` for a file not seen before.
pub async fn al_verwerkt(store: &Store, log: &Levering, proef: bool) -> Result<Option<Levering>, StoreFout> {
    let Some(eerder) = eerder_toegepast(store, log).await? else { return Ok(None) };
    let mut log = log.clone();
    log.samenvatting = format!("dezelfde levering is op {} al verwerkt ({})\n", eerder.ontvangen, eerder.id);
    Ok(Some(if proef { log } else { leg_vast_zonder_gevolg(store, log, Uitkomst::Herhaald, &[]).await? }))
}

/// A row's refusal by the casework rules as an error of the delivery, the field named by its
/// column; a database failure is not a row's fault and ends the delivery.
pub fn rijfout(
    rij: usize,
    fout: leerspoor_casework::Fout,
    kolom: impl Fn(&str) -> String,
) -> Result<LeesFout, KoppelFout> {
    use leerspoor_casework::Fout;
    match fout {
        Fout::Store(e) => Err(e.into()),
        Fout::Invoer { veld, melding } => Ok(LeesFout { rij: Some(rij), kolom: Some(kolom(veld)), melding }),
        e => Ok(LeesFout { rij: Some(rij), kolom: None, melding: e.to_string() }),
    }
}

/// One line of a delivery's summary: a count and what it counts, aligned.
pub fn regel(wat: &str, aantal: u64) -> String {
    format!("  {wat:<60}{aantal:>7}\n")
}
