//! `jongeren_schoolherkomst` (seed 000 Tabel 1): the youths of 5 up to 23 living in the scope on
//! the peildatum, by the schoolherkomst of their enrolment that day; 5-18 by sex, 18-23 per subregio.
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{Geslacht, Subregio};
use leerspoor_domain::onderwijs::{Onderwijssoort, Schoolherkomst};
use leerspoor_domain::rules::{leeftijd_op, schoolherkomst};
use leerspoor_store::rij::{self, Type, Waarde as Cel};
use std::collections::HashMap;

/// Youths born after $2 up to $3, alive on $1, with the onderwijssoort of the enrolment begun last
/// among those running on $1 (none: not enrolled).
const JONGEREN: &str = "SELECT j.id, j.geboortedatum, j.geslacht, \
       (SELECT i.onderwijssoort FROM inschrijving i WHERE i.jongere = j.id AND i.begindatum <= $1 \
          AND (i.einddatum IS NULL OR i.einddatum >= $1) ORDER BY i.begindatum DESC, i.id DESC LIMIT 1) \
     FROM jongere j WHERE j.geboortedatum > $2 AND j.geboortedatum <= $3 \
       AND (j.overlijdensdatum IS NULL OR j.overlijdensdatum > $1)";

pub async fn bereken(kader: &mut Kader<'_>) -> Result<Tabel, Fout> {
    let peildatum = kader.jaar.een_oktober();
    kader.laad_woonplaats(peildatum).await?;
    let rijen = kader
        .store
        .vraag(
            JONGEREN,
            &[
                rij::datum(peildatum),
                // A margin of two days around the 23rd birthday; leeftijd_op decides (29 February).
                rij::datum(peildatum - chrono::Months::new(23 * 12) - chrono::Days::new(2)),
                rij::datum(peildatum - chrono::Months::new(5 * 12)),
            ],
            &[Type::Tekst, Type::Datum, Type::Tekst, Type::Tekst],
        )
        .await?;
    // Per row key: a count per schoolherkomst (Schoolherkomst::ALL order).
    let mut tel: HashMap<String, [u32; 6]> = HashMap::new();
    for r in rijen {
        let Ok([Cel::Tekst(Some(id)), Cel::Datum(Some(geboren)), Cel::Tekst(geslacht), Cel::Tekst(soort)]) =
            <[Cel; 4]>::try_from(r)
        else {
            continue;
        };
        let leeftijd = leeftijd_op(geboren, peildatum);
        // Residence on the peildatum, also in the regio scope: a population count, not a register list.
        let Some(gemeente) = kader.gemeente_van(&id, peildatum).filter(|g| kader.in_scope(g)) else { continue };
        let Some(gemeente) = kader.regio.get(gemeente) else { continue };
        let rij = match leeftijd {
            // Leerplicht in a gemeente that does it itself is not the region's (reports.md).
            5..18 if gemeente.leerplicht_lokaal => continue,
            5..18 => match geslacht.as_deref().and_then(Geslacht::from_code) {
                Some(Geslacht::Man) => "jongens_5_18".to_string(),
                Some(Geslacht::Vrouw) => "meisjes_5_18".to_string(),
                _ => "overig_5_18".to_string(),
            },
            18..23 => format!("jongeren_18_23_{}", gemeente.subregio),
            _ => continue,
        };
        let onderwijs = soort.as_deref().map(|s| Onderwijssoort::parse_code(s).unwrap_or(Onderwijssoort::Onbekend));
        let herkomst = schoolherkomst(onderwijs);
        let k = Schoolherkomst::ALL.iter().position(|s| *s == herkomst).expect("bekende schoolherkomst");
        tel.entry(rij).or_default()[k] += 1;
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
