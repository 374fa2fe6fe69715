//! `vsv_bestemming` (seed 002 "Bestemming VSV" and "Bestemming jkp"): where the verslagjaar's
//! VSV-ers are at its end, and where the JIKP cohort (the pupils of `jikp_door_uitstroom`) is then.
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel, register};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::rules::jikp::{JikpBestemming, jikp_bestemming, jikp_groep};
use leerspoor_domain::rules::leeftijd_op;
use leerspoor_domain::rules::vsv::{Bestemming, stand_op};
use std::collections::{BTreeMap, HashMap};

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
    let ins = kader.jikp_inschrijvingen().await?;
    // Of two enrolments on 1 October, the one begun last decides the group (as Tabel 8).
    let mut cohort: HashMap<&str, &leerspoor_domain::model::Inschrijving> = HashMap::new();
    for i in &ins.op {
        if cohort.get(i.jongere.as_str()).is_none_or(|x| (x.begindatum, &x.id) < (i.begindatum, &i.id)) {
            cohort.insert(i.jongere.as_str(), i);
        }
    }
    cohort.retain(|_, i| jikp_groep(i.onderwijssoort, i.niveau, i.vso_profiel).is_some());
    kader.bereid_scope().await?;
    cohort.retain(|j, _| kader.telt(j, van));
    let stand = register::jikp_stand(&kader.store, jaar.vorig(), einde).await?;
    let personen = kader.personen().await?;
    let (trajecten, dagbestedingen) = (kader.rmc_trajecten().await?, kader.dagbestedingen().await?);
    let rmc = register::RmcPerJongere::nieuw(&trajecten, &dagbestedingen);
    let mut uit: BTreeMap<JikpBestemming, u32> = BTreeMap::new();
    for j in cohort.keys() {
        let Some(s) = stand.get(*j) else { continue };
        let leeftijd = personen.zoek(j).map_or(0, |n| leeftijd_op(personen.geboren(n), einde));
        let gevonden = stand_op(s.ingeschreven, leeftijd, rmc.van(j), van, einde);
        *uit.entry(jikp_bestemming(s.ingeschreven, s.startkwalificatie, s.vertrokken, gevonden, einde)).or_default() +=
            1;
    }
    Ok(uit)
}
