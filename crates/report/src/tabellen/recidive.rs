//! `recidive` (seed 002: "in 22% van de gevallen sprake van herhaald verzuim"): of the youths whose
//! verzuim case closed in a schooljaar, the share reported again in that or the next schooljaar.
use super::{jaren_tot, sleutel};
use crate::tabel::{Waarde, percentage};
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::model::Zaak;
use leerspoor_domain::rules::recidive;
use leerspoor_store::rij;

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let jaren = jaren_tot(kader.jaar, 4);
    let zaken: Vec<Zaak> = kader
        .lees_met(
            "WHERE gesloten_op >= $1 AND gesloten_op <= $2",
            &[rij::datum(jaren[0].eerste_dag()), rij::datum(kader.jaar.laatste_dag())],
        )
        .await?;
    // From the year before the first: the meldingen of a case that opened then, for `vervolg_op`.
    let meldingen = kader.alle_verzuimmeldingen().await?;
    let mut t = Tabel::nieuw(
        "recidive",
        "Herhaald verzuim na een afgesloten zaak",
        &[
            ("jongeren", "Jongeren met een afgesloten zaak"),
            ("recidive", "Opnieuw gemeld"),
            ("pct", "% opnieuw gemeld"),
        ],
    );
    kader.bereid_scope().await?;
    for jaar in jaren {
        let peildatum = jaar.een_oktober();
        let r = recidive::recidive(jaar, &zaken, meldingen);
        let jongeren: Vec<_> = r.jongeren.iter().filter(|j| kader.telt(&j.jongere, peildatum)).collect();
        let n = jongeren.len() as f64;
        let terug = jongeren.iter().filter(|j| j.nieuwe_melding.is_some()).count() as f64;
        t.rij(sleutel(jaar), jaar.to_string(), vec![Waarde::getal(n), Waarde::getal(terug), percentage(terug, n, 1)]);
    }
    t.afgeleide_kolommen(&["pct"]);
    t.noot("Per jongere: de eerste zaak (relatief of 18+ verzuim) die in het schooljaar sloot, en een nieuwe melding daarna in hetzelfde of het volgende schooljaar.");
    t.noot(kader.noot_woonplaats("op 1 oktober van dat schooljaar"));
    t.noot(format!("Voor {} is het volgende schooljaar nog niet voorbij: een voorlopig cijfer.", kader.jaar));
    Ok(t)
}
