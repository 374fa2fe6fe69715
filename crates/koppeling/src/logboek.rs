//! The delivery log (docs/koppelingen.md, "Leveringen"): every delivery offered is recorded with
//! what it did, or why it was refused. A delivery is applied whole or not at all; the same file
//! offered again changes nothing.
use crate::levering::{Koppeltabel, LeesFout, Levering as Bestand, zonder_nummers};
use crate::records::{Levering, LeveringFout, Uitkomst};
use leerspoor_domain::model::{Medewerker, Rol};
use leerspoor_domain::rules::Weigering;
use leerspoor_store::{Schrijver, Store, StoreFout};
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
        // The name without its folder (a browser may send a Windows path), and without a number
        // that could be a BSN.
        let bestand = zonder_nummers(self.bestand.rsplit(['/', '\\']).next().unwrap_or(self.bestand));
        Levering {
            id: leerspoor_casework::ids::nieuw("L"),
            bron: self.bron.to_string(),
            bestand,
            inhoud: format!("{:x}", Sha256::digest(self.bytes)),
            ontvangen: crate::uitgaand::nu(),
            door: door.to_string(),
            uitkomst: Uitkomst::Toegepast,
            rijen: 0,
            toegepast: 0,
            samenvatting: String::new(),
            periode: None,
        }
    }
}

/// The start of every delivery: whether `door` may apply it, and its file read by the koppeltabel
/// and then by the source's own reader (`rijen`); a file that does not read is refused (and
/// recorded). With what was read: the file's rows and the delivery's line for the log.
pub async fn lees<T>(
    store: &Store,
    door: &Medewerker,
    aanbod: Aanbod<'_>,
    tabel: &Koppeltabel,
    proef: bool,
    rijen: impl FnOnce(&Bestand) -> Result<T, Vec<LeesFout>>,
) -> Result<(T, Bestand, Levering), KoppelFout> {
    lees_als(leerspoor_domain::rules::mas::mag_melding_registreren, store, door, aanbod, tabel, proef, rijen).await
}

/// [`lees`], for a source whose deliveries another set of roles applies (`mag`).
pub async fn lees_als<T>(
    mag: fn(Rol) -> Result<(), Weigering>,
    store: &Store,
    door: &Medewerker,
    aanbod: Aanbod<'_>,
    tabel: &Koppeltabel,
    proef: bool,
    rijen: impl FnOnce(&Bestand) -> Result<T, Vec<LeesFout>>,
) -> Result<(T, Bestand, Levering), KoppelFout> {
    mag(door.rol).map_err(leerspoor_casework::Fout::from)?;
    let log = aanbod.levering(&door.id);
    match crate::levering::lees(aanbod.bytes, tabel).and_then(|b| Ok((rijen(&b)?, b))) {
        Ok((t, b)) => Ok((t, b, log)),
        Err(fouten) => Err(weiger(store, log, fouten, proef).await),
    }
}

/// The earlier delivery of the same source with the same content and period that was applied, if
/// any: read inside the delivery's own write, after it locked its source, so that two offers of one
/// file at once apply it once. (Two empty weeks have the same content, but not the same period.)
pub async fn eerder_toegepast(s: &mut Schrijver, levering: &Levering) -> Result<Option<Levering>, StoreFout> {
    let eerder: Vec<Levering> = s.lees_waar("inhoud", &levering.inhoud).await?;
    Ok(eerder
        .into_iter()
        .find(|l| l.bron == levering.bron && l.periode == levering.periode && l.uitkomst == Uitkomst::Toegepast))
}

/// The line of a delivery offered again: it says when it was applied (recorded, except in a trial
/// run).
pub async fn herhaald(store: &Store, log: &Levering, eerder: &Levering, proef: bool) -> Result<Levering, StoreFout> {
    let mut log = log.clone();
    log.samenvatting = format!("dezelfde levering is op {} al verwerkt ({})\n", eerder.ontvangen, eerder.id);
    log.uitkomst = Uitkomst::Herhaald;
    if proef { Ok(log) } else { leg_vast_zonder_gevolg(store, log, Uitkomst::Herhaald, &[]).await }
}

/// The errors of a refused delivery the log keeps at most, and a line saying how many more: enough
/// to see what is wrong with a file, without a broken file of a million rows filling the log.
const MAX_BEWAARD: usize = 1000;

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
    let meer = fouten.len().saturating_sub(MAX_BEWAARD);
    let rest = LeesFout { rij: None, kolom: None, melding: format!("en nog {meer} fouten") };
    let bewaard = fouten.iter().take(MAX_BEWAARD).chain((meer > 0).then_some(&rest));
    for (i, f) in bewaard.enumerate() {
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
        Fout::Invoer { veld, melding } => {
            Ok(LeesFout { rij: Some(rij), kolom: Some(kolom(veld)), melding: zonder_nummers(&melding) })
        }
        e => Ok(LeesFout { rij: Some(rij), kolom: None, melding: zonder_nummers(&e.to_string()) }),
    }
}

/// One line of a delivery's summary: a count and what it counts, aligned.
pub fn regel(wat: &str, aantal: u64) -> String {
    format!("  {wat:<60}{aantal:>7}\n")
}

/// The period a delivery covers (a P-levering's week, a C-levering's peildatum): the file's, or as
/// whoever offers it names it (for a file that cannot say); when both are there they must agree.
pub(crate) fn periode<T: PartialEq + std::fmt::Display>(
    in_bestand: Option<T>,
    genoemd: Option<T>,
    wat: &str,
    geen: &str,
) -> Result<T, LeesFout> {
    match (in_bestand, genoemd) {
        (Some(p), None) | (None, Some(p)) => Ok(p),
        (Some(p), Some(g)) if p == g => Ok(p),
        (Some(p), Some(g)) => {
            Err(crate::levering::fout(None, None, format!("het bestand is van {wat} {p}, opgegeven is {wat} {g}")))
        }
        (None, None) => Err(crate::levering::fout(None, None, geen)),
    }
}
