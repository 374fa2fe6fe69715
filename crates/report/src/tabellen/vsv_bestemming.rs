//! `vsv_bestemming` (seed 002 "Bestemming VSV" and "Bestemming jkp"): where the verslagjaar's
//! VSV-ers are at its end, and where the JIKP cohort (the pupils of `jikp_door_uitstroom`) is then.
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel, register};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::rules::jikp::{JikpBestemming, jikp_bestemming};
use leerspoor_domain::rules::leeftijd_op;
use leerspoor_domain::rules::startkwalificatie::is_startkwalificatie;
use leerspoor_domain::rules::vsv::{Bestemming, stand_op};
use std::collections::BTreeMap;

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let jaar = kader.jaar;
    let einde = jaar.laatste_dag();
    let o = kader.vsv_bestemmingen_einde().await?;
    let peildatum = jaar.een_oktober();
    kader.bereid_scope().await?;
    let hier: Vec<Bestemming> =
        o.per_jongere.iter().filter(|(j, _)| kader.telt(j, peildatum)).map(|(_, b)| *b).collect();
    let mut t = Tabel::nieuw("vsv_bestemming", format!("Bestemming VSV-ers en JIKP {jaar}"), &[("aantal", "Aantal")]);
    for b in Bestemming::ALL {
        t.rij(b.code(), b.label(), vec![Waarde::getal(hier.iter().filter(|x| *x == b).count() as u32)]);
    }
    t.rij("totaal", "Totaal VSV", vec![Waarde::getal(hier.len() as u32)]);
    let delen: Vec<&str> = Bestemming::ALL.iter().map(|b| b.code()).collect();
    t.som_van_rijen("totaal", &delen, &["aantal"]);

    let jikp = jikp_bestemmingen(kader).await?;
    let sleutel = |b: JikpBestemming| format!("jikp_{}", b.code());
    for b in JikpBestemming::ALL {
        let n = jikp.get(b).copied().unwrap_or(0);
        t.rij(sleutel(*b), format!("JIKP: {}", b.label().to_lowercase()), vec![Waarde::getal(n)]);
    }
    t.rij("jikp_totaal", "Totaal JIKP", vec![Waarde::getal(jikp.values().sum::<u32>())]);
    let delen: Vec<String> = JikpBestemming::ALL.iter().map(|b| sleutel(*b)).collect();
    t.som_van_rijen("jikp_totaal", &delen.iter().map(String::as_str).collect::<Vec<_>>(), &["aantal"]);

    t.noot(format!("VSV: VSV-meldingen met een uitvaldatum in {jaar}; de bestemming op {einde}: ingeschreven is weer op school, anders het resultaat van het laatst afgesloten RMC-traject, een lopend traject is in begeleiding."));
    t.noot(format!("JIKP: de leerlingen van praktijkonderwijs, vso (arbeidsmarkt, vervolgonderwijs), Entree en vmbo-basis op {} (als jikp_door_uitstroom), hun bestemming op {einde}: ingeschreven is volgt opleiding; anders een behaalde startkwalificatie, verhuisd uit de regio, of wat het laatst afgesloten RMC-traject vond (werk, uitkering), een lopend traject is in begeleiding.", jaar.vorig().een_oktober()));
    t.noot(kader.noot_woonplaats(&format!("op {peildatum} (VSV) en op {} (JIKP)", jaar.vorig().een_oktober())));
    Ok(t)
}

/// The JIKP cohort of `jikp_door_uitstroom` by [`jikp_bestemming`] at the end of the verslagjaar.
async fn jikp_bestemmingen(kader: &Kader) -> Result<BTreeMap<JikpBestemming, u32>, Fout> {
    let (jaar, einde) = (kader.jaar, kader.jaar.laatste_dag());
    let van = jaar.vorig().een_oktober();
    let leerlingen = kader.jikp_leerlingen().await?;
    let personen = kader.personen().await?;
    let cohort: Vec<usize> =
        leerlingen.iter().map(|l| l.jongere).filter(|n| kader.telt(personen.id(*n), van)).collect();
    let (trajecten, dagbestedingen) = (kader.rmc_trajecten().await?, kader.dagbestedingen().await?);
    let rmc = register::RmcPerJongere::nieuw(&trajecten, &dagbestedingen);
    let mut uit: BTreeMap<JikpBestemming, u32> = BTreeMap::new();
    for n in cohort {
        let ingeschreven = personen.ingeschreven_op(n, einde).is_some();
        let leeftijd = leeftijd_op(personen.geboren(n), einde);
        let gevonden = stand_op(ingeschreven, leeftijd, rmc.van(personen.id(n)), van, einde);
        let sq = register::eerste_diploma(personen.diplomas(n), is_startkwalificatie);
        let vertrokken = register::vertrokken(&personen, n, van);
        *uit.entry(jikp_bestemming(ingeschreven, sq, vertrokken, gevonden, einde)).or_default() += 1;
    }
    Ok(uit)
}
