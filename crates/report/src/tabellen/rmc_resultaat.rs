//! `rmc_resultaat` (seed 000 Tabel 10): the result of every RMC-traject of the verslagjaar and the
//! year before, by outcome (with Tabel 10's subtotals) and by kind of RMC-er.
use super::sleutel;
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::codes::{Code, CodeLijst, standaard};
use leerspoor_domain::model::RmcTraject;
use leerspoor_domain::rules::traject;
use leerspoor_domain::rules::traject::{ResultaatGroep, resultaat_groep};
use std::collections::BTreeMap;

/// Per outcome code: [gemeld vóór verslagjaar, nieuw].
type Telling = BTreeMap<String, [u32; 2]>;

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let alle = kader.rmc_trajecten().await?;
    let codes: Vec<Code> = kader.store.lees_waar("lijst", CodeLijst::RmcResultaat.code()).await?;
    let jaren = [kader.jaar.vorig(), kader.jaar];
    let mut kolommen = Vec::new();
    for jaar in jaren {
        for (k, l) in
            [("gemeld_voor_verslagjaar", "Gemeld vóór verslagjaar"), ("nieuw", "Nieuwe RMC-ers"), ("totaal", "Totaal")]
        {
            kolommen.push((format!("{k}_{}", sleutel(jaar)), format!("{l} {jaar}")));
        }
    }
    let kolommen: Vec<(&str, &str)> = kolommen.iter().map(|(k, l)| (k.as_str(), l.as_str())).collect();
    let mut t = Tabel::nieuw("rmc_resultaat", "Resultaat RMC naar soort herplaatsing en soort RMC-er", &kolommen);

    let mut per_jaar: Vec<Telling> = Vec::new();
    kader.bereid_scope().await?;
    for jaar in jaren {
        let peildatum = jaar.een_oktober();
        let eigen: Vec<RmcTraject> = alle.iter().filter(|r| kader.telt(&r.jongere, peildatum)).cloned().collect();
        per_jaar.push(traject::resultaten(&eigen, jaar));
    }
    // The cells of a row: per year gemeld vóór, nieuw, totaal over the outcomes that `past`.
    let cellen = |past: &dyn Fn(&str) -> bool| -> Vec<Waarde> {
        per_jaar
            .iter()
            .flat_map(|m: &Telling| {
                let [voor, nieuw] =
                    m.iter().filter(|(k, _)| past(k)).fold([0, 0], |a, (_, v)| [a[0] + v[0], a[1] + v[1]]);
                [voor, nieuw, voor + nieuw].map(Waarde::getal)
            })
            .collect()
    };
    // Tabel 10's order (the shipped list's), each group followed by its subtotal; labels as the
    // office keeps them; its own codes after.
    let volgorde: Vec<String> =
        standaard().into_iter().filter(|c| c.lijst == CodeLijst::RmcResultaat).map(|c| c.code).collect();
    let mut codes = codes;
    codes.sort_by_key(|c| volgorde.iter().position(|v| *v == c.code).unwrap_or(usize::MAX));
    for groep in ResultaatGroep::ALL {
        for c in codes.iter().filter(|c| resultaat_groep(&c.code) == Some(*groep)) {
            t.rij(c.code.clone(), c.omschrijving.clone(), cellen(&|k| k == c.code));
        }
        t.rij(format!("subtotaal_{}", groep.code()), groep.label(), cellen(&|k| resultaat_groep(k) == Some(*groep)));
    }
    for c in codes.iter().filter(|c| resultaat_groep(&c.code).is_none()) {
        t.rij(c.code.clone(), c.omschrijving.clone(), cellen(&|k| k == c.code));
    }
    t.rij("totaal", "Totaal", cellen(&|_| true));
    let telkolommen: Vec<String> = t.columns.iter().map(|c| c.key.clone()).collect();
    let telkolommen: Vec<&str> = telkolommen.iter().map(String::as_str).collect();
    for groep in ResultaatGroep::ALL {
        let delen: Vec<&str> =
            codes.iter().filter(|c| resultaat_groep(&c.code) == Some(*groep)).map(|c| c.code.as_str()).collect();
        t.som_van_rijen(&format!("subtotaal_{}", groep.code()), &delen, &telkolommen);
    }
    let subtotalen: Vec<String> = ResultaatGroep::ALL.iter().map(|g| format!("subtotaal_{}", g.code())).collect();
    let delen: Vec<&str> = subtotalen
        .iter()
        .map(String::as_str)
        .chain(codes.iter().filter(|c| resultaat_groep(&c.code).is_none()).map(|c| c.code.as_str()))
        .collect();
    t.som_van_rijen("totaal", &delen, &telkolommen);
    for jaar in jaren {
        let j = sleutel(jaar);
        t.som_van_kolommen(&format!("totaal_{j}"), &[&format!("gemeld_voor_verslagjaar_{j}"), &format!("nieuw_{j}")]);
    }
    t.noot("Per traject dat in het schooljaar liep; het resultaat op 31 juli ('nog in traject' als het doorloopt).");
    t.noot("Gemeld vóór verslagjaar: aangemeld bij RMC vóór 1 augustus van het schooljaar.");
    t.noot(kader.noot_woonplaats("op 1 oktober van dat schooljaar"));
    Ok(t)
}
