//! Contact details of the youth and her parents (docs/brieven.md "Contactgegevens"): recording one,
//! which ends the open one of the same person and kind in the same transaction, and ending one.
//! The rules are [`leerspoor_domain::rules::contact`]; the change log keeps every value with who
//! recorded or ended it, the access log the write on the youth.
use crate::{Fout, Result, ids};
use leerspoor_domain::Datum;
use leerspoor_domain::model::{ContactSoort, Contactgegeven, Gezinsrelatie, Jongere, Medewerker};
use leerspoor_domain::rules::contact;
use leerspoor_store::Store;

/// A contact detail as entered; the value as typed, checked and normalised here.
#[derive(Debug, Clone)]
pub struct NieuwContactgegeven {
    pub jongere: String,
    /// A parent linked to the youth; `None` for the youth's own.
    pub ouder: Option<String>,
    pub soort: ContactSoort,
    pub waarde: String,
    pub vanaf: Datum,
    pub bron: String,
}

/// Records a contact detail under the staff member who heard it; an open one of the same person
/// and kind ends on the new one's `vanaf`. The detail as stored.
pub async fn leg_vast(store: &Store, door: &Medewerker, n: NieuwContactgegeven) -> Result<Contactgegeven> {
    contact::mag_vastleggen(door.rol)?;
    let waarde = contact::waarde(n.soort, &n.waarde).map_err(|m| Fout::invoer("waarde", m))?;
    let bron = contact::bron(&n.bron).map_err(|m| Fout::invoer("bron", m))?;
    let vandaag = chrono::Local::now().date_naive();

    let mut s = store.schrijver(&door.id, "contactgegeven vastleggen").await?;
    // Two colleagues adding the same person's number take turns: the second sees the first's.
    s.vergrendel(&n.jongere).await?;
    let Some(jongere) = s.lees_waar::<Jongere>("id", &n.jongere).await?.pop() else {
        return Err(Fout::Onbekend { wat: "jongere", id: n.jongere });
    };
    contact::toets_vanaf(n.vanaf, jongere.geboortedatum, vandaag).map_err(|m| Fout::invoer("vanaf", m))?;
    if let Some(ouder) = &n.ouder {
        let relaties: Vec<Gezinsrelatie> = s.lees_waar("jongere", &jongere.id).await?;
        if !relaties.iter().any(|r| &r.ouder == ouder) {
            return Err(Fout::Onbekend { wat: "ouder", id: ouder.clone() });
        }
    }
    let c = Contactgegeven {
        id: ids::nieuw("CG"),
        jongere: jongere.id.clone(),
        ouder: n.ouder,
        soort: n.soort,
        waarde,
        vanaf: n.vanaf,
        tot: None,
        bron,
        medewerker: door.id.clone(),
    };
    let bestaand: Vec<Contactgegeven> = s.lees_waar("jongere", &jongere.id).await?;
    let beeindigd = contact::beeindigt(&bestaand, &c).map_err(|(veld, m)| Fout::invoer(veld, m))?;
    for (oud, nieuw) in &beeindigd {
        s.wijzig(*oud, nieuw).await?;
    }
    s.nieuw(&c).await?;
    s.vastleggen("contactgegeven vastleggen", &format!("jongere:{}", jongere.id)).await?;
    Ok(c)
}

/// Ends a contact detail of `jongere` from `tot` on: it no longer holds (a number out of use, an
/// address that bounces). The detail as stored.
pub async fn beeindig(store: &Store, door: &Medewerker, jongere: &str, id: &str, tot: Datum) -> Result<Contactgegeven> {
    contact::mag_vastleggen(door.rol)?;
    let vandaag = chrono::Local::now().date_naive();
    let mut s = store.schrijver(&door.id, "contactgegeven beëindigen").await?;
    s.vergrendel(jongere).await?;
    let oud = match s.lees_waar::<Contactgegeven>("id", id).await?.pop() {
        Some(c) if c.jongere == jongere => c,
        _ => return Err(Fout::Onbekend { wat: "contactgegeven", id: id.to_string() }),
    };
    if let Some(al) = oud.tot {
        return Err(Fout::invoer("tot", format!("dit gegeven geldt al niet meer sinds {al}")));
    }
    contact::toets_tot(oud.vanaf, tot, vandaag).map_err(|m| Fout::invoer("tot", m))?;
    let nieuw = Contactgegeven { tot: Some(tot), ..oud.clone() };
    s.wijzig(&oud, &nieuw).await?;
    s.vastleggen("contactgegeven beëindigen", &format!("jongere:{jongere}")).await?;
    Ok(nieuw)
}
