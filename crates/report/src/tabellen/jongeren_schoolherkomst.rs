//! `jongeren_schoolherkomst` (seed 000 Tabel 1): the youths of 5 up to 23 living in the scope on
//! the peildatum, by the schoolherkomst of their enrolment that day; 5-18 by sex, 18-23 per subregio.
use super::bevolking::{Band, bevolking};
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{Geslacht, Subregio};
use leerspoor_domain::onderwijs::Schoolherkomst;
use leerspoor_domain::rules::schoolherkomst;
use std::collections::HashMap;

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let peildatum = kader.jaar.een_oktober();
    let groepen = bevolking(kader, peildatum).await?;
    // Per row key: a count per schoolherkomst (Schoolherkomst::ALL order).
    let mut tel: HashMap<String, [u32; 6]> = HashMap::new();
    for g in groepen.iter() {
        // Residence on the peildatum, also in the regio scope: a population count, not a register list.
        let Some(gemeente) = kader.regio.get(&g.gemeente).filter(|gm| kader.in_scope(&gm.code)) else { continue };
        let rij = match g.band {
            // Leerplicht in a gemeente that does it itself is not the region's (docs/tabellen.md).
            _ if g.band.onder_achttien() && gemeente.leerplicht_lokaal => continue,
            Band::Achttien => format!("jongeren_18_23_{}", gemeente.subregio),
            _ => match Geslacht::from_code(&g.geslacht) {
                Some(Geslacht::Man) => "jongens_5_18".to_string(),
                Some(Geslacht::Vrouw) => "meisjes_5_18".to_string(),
                _ => "overig_5_18".to_string(),
            },
        };
        let herkomst = schoolherkomst(g.onderwijssoort);
        let k = Schoolherkomst::ALL.iter().position(|s| *s == herkomst).expect("bekende schoolherkomst");
        tel.entry(rij).or_default()[k] += g.aantal;
    }

    let kolommen: Vec<(&str, &str)> =
        Schoolherkomst::ALL.iter().map(|s| (s.code(), s.label())).chain([("totaal", "Totaal")]).collect();
    let mut t = Tabel::nieuw(
        "jongeren_schoolherkomst",
        format!("Jongeren van 5 tot 23 jaar naar schoolherkomst en sekse op {peildatum}"),
        &kolommen,
    );
    // 5-18 only where the region holds leerplicht: empty when no gemeente of the scope does.
    let leerplicht_hier = kader.gemeenten.iter().any(|g| !g.leerplicht_lokaal);
    let som = |keys: &[String]| {
        let mut s = [0u32; 6];
        for k in keys {
            for (a, b) in s.iter_mut().zip(tel.get(k).copied().unwrap_or_default()) {
                *a += b;
            }
        }
        s
    };
    let rij = |t: &mut Tabel, key: &str, label: &str, v: Option<[u32; 6]>| {
        let waarden = match v {
            Some(v) => v.iter().chain([&v.iter().sum()]).map(|n| Waarde::getal(*n)).collect(),
            None => vec![Waarde(None); 7],
        };
        t.rij(key, label, waarden);
    };
    let jong = ["jongens_5_18", "meisjes_5_18", "overig_5_18"].map(String::from);
    for (key, label) in jong.iter().zip(["Jongens 5-18", "Meisjes 5-18", "Sekse onbekend/anders 5-18"]) {
        rij(&mut t, key, label, leerplicht_hier.then(|| som(std::slice::from_ref(key))));
    }
    rij(&mut t, "subtotaal_5_18", "Subtotaal 5-18", leerplicht_hier.then(|| som(&jong)));
    let subregios: Vec<Subregio> = kader.store.lees().await?;
    let oud: Vec<(String, String)> = subregios
        .iter()
        .filter(|s| kader.gemeenten.iter().any(|g| g.subregio == s.code))
        .map(|s| (format!("jongeren_18_23_{}", s.code), format!("Jongeren 18-23 {}", s.naam)))
        .collect();
    for (key, label) in &oud {
        rij(&mut t, key, label, Some(som(std::slice::from_ref(key))));
    }
    let oud_keys: Vec<String> = oud.iter().map(|(k, _)| k.clone()).collect();
    rij(&mut t, "subtotaal_18_23", "Subtotaal 18-23", Some(som(&oud_keys)));
    let alle: Vec<String> = jong.iter().chain(&oud_keys).cloned().collect();
    let totaal = if leerplicht_hier { som(&alle) } else { som(&oud_keys) };
    rij(&mut t, "totaal", "Totaal", Some(totaal));

    let kol: Vec<&str> = kolommen.iter().map(|(k, _)| *k).collect();
    t.som_van_rijen("subtotaal_5_18", &jong.iter().map(String::as_str).collect::<Vec<_>>(), &kol);
    t.som_van_rijen("subtotaal_18_23", &oud_keys.iter().map(String::as_str).collect::<Vec<_>>(), &kol);
    t.som_van_rijen("totaal", &["subtotaal_5_18", "subtotaal_18_23"], &kol);
    let herkomsten: Vec<&str> = Schoolherkomst::ALL.iter().map(|s| s.code()).collect();
    t.som_van_kolommen("totaal", &herkomsten);
    t.noot(format!("Per jongere: in leven en woonachtig in het gebied op {peildatum}; leeftijd op die dag (5 tot 18, 18 tot 23: wie op {peildatum} 18 wordt telt bij 18-23)."));
    t.noot(format!("Schoolherkomst: de inschrijving op {peildatum} (bij twee de laatst begonnen); zonder inschrijving: geen inschrijving."));
    t.noot("Sekse onbekend of anders staat in een eigen rij en telt mee in het subtotaal 5-18.");
    if kader.gemeenten.iter().any(|g| g.leerplicht_lokaal) {
        let namen: Vec<&str> =
            kader.gemeenten.iter().filter(|g| g.leerplicht_lokaal).map(|g| g.naam.as_str()).collect();
        t.noot(format!("{} voert de leerplicht zelf uit: alleen 18-23.", namen.join(", ")));
    }
    Ok(t)
}
