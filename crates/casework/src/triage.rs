//! Risk triage of an 18-23 melding (docs/regels.md): the facts from the dossier, the points from
//! [`leerspoor_domain::rules::triage`].
use crate::Result;
use crate::dossier::Dossier;
use chrono::Months;
use leerspoor_domain::Datum;
use leerspoor_domain::onderwijs::DiplomaSoort;
use leerspoor_domain::rules::melding;
use leerspoor_domain::rules::triage::{Factoren, Feiten, Triage, beoordeel};
use leerspoor_domain::rules::{jikp_groep, leeftijd_op};
use leerspoor_store::Store;

pub async fn beoordeel_jongere(store: &Store, jongere: &str, peildatum: Datum, factoren: &Factoren) -> Result<Triage> {
    let d = Dossier::laad(store, jongere).await?;
    Ok(beoordeel(&feiten(&d, peildatum), factoren))
}

/// What the dossier says on the peildatum.
pub fn feiten(d: &Dossier, peildatum: Datum) -> Feiten {
    let hoogste_diploma =
        d.diplomas.iter().filter(|x| x.datum <= peildatum).map(|x| x.soort).max_by_key(|s| niveau(*s));
    let mut inschrijvingen: Vec<_> = d.inschrijvingen.iter().filter(|i| i.begindatum <= peildatum).collect();
    inschrijvingen.sort_by_key(|i| i.begindatum);
    let drie_jaar = peildatum - Months::new(36);
    let schoolwissels = inschrijvingen
        .windows(2)
        .filter(|w| {
            w[1].begindatum >= drie_jaar
                && (w[0].brin.as_str(), w[0].vestiging.as_str()) != (w[1].brin.as_str(), w[1].vestiging.as_str())
        })
        .count() as u32;
    let eerdere_meldingen =
        d.meldingen.iter().filter(|m| m.meldingsdatum < peildatum && melding::telt(m)).count() as u32;
    Feiten {
        hoogste_diploma,
        schoolwissels,
        eerdere_meldingen,
        leeftijd: leeftijd_op(d.jongere.geboortedatum, peildatum),
        jikp: inschrijvingen.iter().any(|i| jikp_groep(i.onderwijssoort, i.niveau, i.vso_profiel).is_some()),
    }
}

/// How far a diploma goes towards a startkwalificatie.
fn niveau(s: DiplomaSoort) -> u8 {
    use DiplomaSoort::*;
    match s {
        Pro | ProVerklaring => 0,
        VmboBb | Mbo1 => 1,
        VmboKb => 2,
        VmboGt => 3,
        Mbo2 => 4,
        Havo | Mbo3 => 5,
        Vwo | Mbo4 => 6,
    }
}
