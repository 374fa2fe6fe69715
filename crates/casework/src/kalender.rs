//! The school calendar as the casework needs it: read once from the register, and the rooster that
//! applies to a youth on a day (the school they are enrolled at, or else the gemeente they live in).
use crate::Result;
use crate::dossier::Dossier;
use leerspoor_domain::kalender::{Kalender, Rooster};
use leerspoor_domain::model::{Gemeente, School, Vakantie, Verzuimmelding, Woonadres};
use leerspoor_domain::{Datum, Gemeentecode};
use leerspoor_store::Store;

pub async fn laad(store: &Store) -> Result<Kalender> {
    let vakanties = store.lees::<Vakantie>().await?;
    Ok(Kalender::nieuw(vakanties, &store.lees::<Gemeente>().await?, &store.lees::<School>().await?))
}

impl Dossier {
    /// The lesdagen that apply to the youth on `op`: those of the school location they are enrolled
    /// at, or, when not enrolled, of the gemeente they live in.
    pub fn rooster_op(&self, kalender: &Kalender, op: Datum) -> Rooster {
        let woont = woongemeente(&self.woonadressen, op);
        match self.inschrijvingen.iter().find(|i| i.begindatum <= op && i.einddatum.is_none_or(|e| op <= e)) {
            Some(i) => kalender.van_school(&i.brin, &i.vestiging, woont),
            None => woont.map_or_else(Rooster::zonder_vakanties, |g| kalender.van_gemeente(g)),
        }
    }
}

/// The lesdagen of the school that reported `m` (for a melding without school, of the gemeente the
/// youth lived in when the absence began).
pub fn van_melding(kalender: &Kalender, m: &Verzuimmelding, adressen: &[Woonadres]) -> Rooster {
    let woont = woongemeente(adressen, m.verzuim_van);
    match (&m.brin, &m.vestiging, woont) {
        (Some(b), Some(v), _) => kalender.van_school(b, v, woont),
        (_, _, Some(g)) => kalender.van_gemeente(g),
        _ => Rooster::zonder_vakanties(),
    }
}

/// The gemeente of the address running on `op`.
pub(crate) fn woongemeente(adressen: &[Woonadres], op: Datum) -> Option<&Gemeentecode> {
    adressen.iter().find(|w| w.begindatum <= op && w.einddatum.is_none_or(|e| op <= e)).map(|w| &w.gemeente)
}
