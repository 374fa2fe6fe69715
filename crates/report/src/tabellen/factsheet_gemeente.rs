//! `factsheet_gemeente` (seed 001, docs/tabellen.md): the key figures of the one-page factsheet, one
//! column per gemeente of the scope. Each figure comes from the table or rule that defines
//! it (ingeschreven_pct, recidive, vrijstellingen_gemeente, vrijstelling_aanvragen, VSV
//! bestemming, JIKP); rows are grouped by key prefix for the renderer.
use super::{bevolking, vrijstellingen_overzicht};
use crate::tabel::{Waarde, percentage};
use crate::{Fout, Kader, Scope, Tabel, register};
use leerspoor_domain::model::{Vrijstelling, VsvMelding, Zaak};
use leerspoor_domain::onderwijs::{Niveau, Onderwijssoort};
use leerspoor_domain::rules::startkwalificatie::is_startkwalificatie;
use leerspoor_domain::rules::vrijstelling::loopt_op;
use leerspoor_domain::rules::vsv::{Bestemming, is_oud_vsv, stand_op};
use leerspoor_domain::rules::{self, leeftijd_op, melding};
use leerspoor_domain::{Datum, Gemeentecode};
use leerspoor_store::{Schoolperiode, rij};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Row key, label, and whether it is leerplicht work (empty for a gemeente that does it itself).
const RIJEN: &[(&str, &str, bool)] = &[
    ("jongeren_5_17", "Jongeren van 5 t/m 17 jaar", false),
    ("ingeschreven_pct", "% leerplichtige jongeren ingeschreven op een school", false),
    ("meldingen_luxe", "Meldingen luxe verzuim", true),
    ("meldingen_signaal", "Meldingen signaalverzuim (overig relatief verzuim)", true),
    ("jongeren_verzuim", "Jongeren met een melding van luxe of signaalverzuim", true),
    ("niet_opnieuw_pct", "% jongeren verzuimden na interventie van leerplicht niet meer", true),
    ("meldingen_absoluut", "Meldingen absoluut verzuim", true),
    ("absoluut_naar_school", "Daarna ingeschreven op een school", true),
    ("absoluut_naar_school_pct", "% ingeschreven na interventie van leerplicht", true),
    ("vsv_meldingen", "Meldingen van voortijdig schoolverlaters", false),
    ("vsv_werk", "VSV: aan het werk", false),
    ("vsv_school_sq", "VSV: terug naar school of startkwalificatie", false),
    ("vsv_uitkering_zorg", "VSV: uitkering of zorg", false),
    ("oud_vsv_gevolgd", "Oud-VSV-ers gemonitord", false),
    ("oud_vsv_werk", "Oud-VSV: aan het werk", false),
    ("oud_vsv_uitkering", "Oud-VSV: uitkering van UWV of gemeente", false),
    ("oud_vsv_school", "Oud-VSV: weer naar school", false),
    ("jikp_gevolgd", "Jongeren in een kwetsbare positie gemonitord (niet op school)", false),
    ("jikp_werk", "JIKP: aan het werk", false),
    ("jikp_uitkering", "JIKP: uitkering van UWV of gemeente", false),
    ("jikp_geen_inkomen", "JIKP: geen inkomen", false),
    ("jikp_pro", "JIKP ingeschreven: praktijkonderwijs", false),
    ("jikp_vso", "JIKP ingeschreven: VSO", false),
    ("jikp_entree", "JIKP ingeschreven: Entree (mbo 1)", false),
    ("jikp_mbo2_4", "JIKP ingeschreven: mbo 2-4", false),
    ("vrijstelling_art_3a", "Lopende vrijstellingen art. 3a", true),
    ("vrijstelling_art_3b", "Lopende vrijstellingen art. 3b", true),
    ("vrijstelling_art_5a", "Lopende vrijstellingen art. 5 sub a", true),
    ("vrijstelling_art_5b", "Lopende vrijstellingen art. 5 sub b", true),
    ("vrijstelling_art_5c", "Lopende vrijstellingen art. 5 sub c", true),
    ("vrijstelling_art_5a_trekkend", "Lopende vrijstellingen art. 5a (trekkend bestaan)", true),
    ("vrijstelling_art_11g", "Lopend verlof art. 11 sub g (meer dan 10 dagen)", true),
    ("vrijstelling_art_15", "Lopende vrijstellingen art. 15", true),
    ("aanvragen_toegekend", "Aanvragen vrijstelling/verlof: toegekend", true),
    ("aanvragen_afgewezen", "Aanvragen vrijstelling/verlof: afgewezen", true),
    ("aanvragen_in_behandeling", "Aanvragen vrijstelling/verlof: in behandeling", true),
];

/// Rows computed from others: percentages.
const PERCENTAGES: [&str; 3] = ["ingeschreven_pct", "niet_opnieuw_pct", "absoluut_naar_school_pct"];

/// The cells: (row, gemeente) → value; a count missing is 0, a percentage missing is empty.
#[derive(Default)]
struct Cellen(HashMap<(&'static str, Gemeentecode), f64>);

impl Cellen {
    fn tel(&mut self, rij: &'static str, g: &Gemeentecode) {
        *self.0.entry((rij, g.clone())).or_default() += 1.0;
    }

    fn zet(&mut self, rij: &'static str, g: &Gemeentecode, v: Option<f64>) {
        if let Some(v) = v {
            self.0.insert((rij, g.clone()), v);
        }
    }

    fn get(&self, rij: &'static str, g: &Gemeentecode) -> f64 {
        self.0.get(&(rij, g.clone())).copied().unwrap_or(0.0)
    }
}

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let jaar = kader.jaar;
    let (peildatum, einde) = (jaar.een_oktober(), jaar.laatste_dag());
    let mut c = Cellen::default();

    // Population: the ingeschreven_pct table itself.
    let ingeschreven = bevolking::ingeschreven_pct(kader).await?;
    for g in &kader.gemeenten {
        c.zet("jongeren_5_17", &g.code, ingeschreven.cel(g.code.as_str(), "aantal"));
        c.zet("ingeschreven_pct", &g.code, ingeschreven.cel(g.code.as_str(), "pct"));
    }

    // Verzuim: per melding in the gemeente of residence on the melding date; youths per gemeente.
    let meldingen = kader.verzuimmeldingen(jaar.eerste_dag(), einde).await?;
    // Residence on each date, and the JIKP pupils' ages: the register's youths, read once.
    let personen = kader.personen().await?;
    let mut verzuimers: BTreeSet<(Gemeentecode, &str)> = BTreeSet::new();
    for m in meldingen.iter().filter(|m| melding::telt(m)) {
        let Some(g) = kader.gemeente_op(&m.jongere, m.meldingsdatum).filter(|g| kader.in_scope(&g.code)) else {
            continue;
        };
        // Signaalverzuim here is every kind of unauthorised absence but luxe and 18+.
        if melding::ongeoorloofd(m) && m.soort != "achttien_plus" {
            c.tel(if m.soort == "luxe" { "meldingen_luxe" } else { "meldingen_signaal" }, &g.code);
            verzuimers.insert((g.code.clone(), &m.jongere));
        } else if m.soort == "absoluut" {
            c.tel("meldingen_absoluut", &g.code);
            let begonnen = |i: &Schoolperiode| m.meldingsdatum <= i.begindatum && i.begindatum <= einde;
            if personen.van(&m.jongere).is_some_and(|j| j.schoolperioden().iter().any(begonnen)) {
                c.tel("absoluut_naar_school", &g.code);
            }
        }
    }
    for (g, _) in &verzuimers {
        c.tel("jongeren_verzuim", g);
    }

    // Recidive: the domain rule, youths by residence on 1 October (as the recidive table).
    let zaken: Vec<Zaak> = kader
        .lees_met("WHERE gesloten_op >= $1 AND gesloten_op <= $2", &[rij::datum(jaar.eerste_dag()), rij::datum(einde)])
        .await?;
    let alle_meldingen = kader.alle_verzuimmeldingen().await?;
    let mut na_interventie: HashMap<Gemeentecode, (f64, f64)> = HashMap::new();
    let na = rules::recidive::recidive(jaar, &zaken, alle_meldingen).jongeren;
    for j in na {
        if let Some(g) = kader.gemeente_op(&j.jongere, peildatum) {
            let e = na_interventie.entry(g.code.clone()).or_default();
            e.0 += 1.0;
            e.1 += f64::from(u8::from(j.nieuwe_melding.is_none()));
        }
    }
    for (g, (n, niet_opnieuw)) in &na_interventie {
        c.zet("niet_opnieuw_pct", g, percentage(*niet_opnieuw, *n, 0).0);
    }
    for g in &kader.gemeenten {
        let (n, naar_school) = (c.get("meldingen_absoluut", &g.code), c.get("absoluut_naar_school", &g.code));
        c.zet("absoluut_naar_school_pct", &g.code, percentage(naar_school, n, 0).0);
    }

    // VSV of the year: where they are on 31 July, as the vsv_bestemming table.
    let o = kader.vsv_bestemmingen_einde().await?;
    for (jongere, b) in &o.per_jongere {
        let Some(g) = kader.gemeente_op(jongere, peildatum).map(|g| g.code.clone()) else { continue };
        c.tel("vsv_meldingen", &g);
        match b {
            Bestemming::Werk => c.tel("vsv_werk", &g),
            Bestemming::WeerOpSchool => c.tel("vsv_school_sq", &g),
            Bestemming::Uitkering => c.tel("vsv_uitkering_zorg", &g),
            _ => {}
        }
    }

    let (trajecten, dagbestedingen) = (kader.rmc_trajecten().await?, kader.dagbestedingen().await?);
    let rmc = register::RmcPerJongere::nieuw(&trajecten, &dagbestedingen);

    // Oud-VSV on 1 October (the rule is_oud_vsv), and where they are on 31 July.
    let mut laatste_uitval: BTreeMap<String, Datum> = BTreeMap::new();
    for v in kader.lees_met::<VsvMelding>("", &[]).await? {
        let e = laatste_uitval.entry(v.jongere).or_insert(v.uitvaldatum);
        *e = (*e).max(v.uitvaldatum);
    }
    for (id, uitval) in &laatste_uitval {
        let Some(j) = personen.van(id).filter(|j| j.leeft_op(peildatum)) else { continue };
        let sq = register::eerste_diploma(j.diplomas(), is_startkwalificatie);
        let ingeschreven = j.ingeschreven_op(peildatum).is_some();
        let Some(g) = kader.gemeente_op(id, peildatum).map(|g| g.code.clone()) else { continue };
        if !is_oud_vsv(j.geboren(), sq, ingeschreven, *uitval, peildatum) {
            continue;
        }
        c.tel("oud_vsv_gevolgd", &g);
        let nu = j.ingeschreven_op(einde).is_some();
        let sinds = *uitval - chrono::Months::new(1);
        match stand_op(nu, leeftijd_op(j.geboren(), einde), rmc.van(id), sinds, einde) {
            Bestemming::Werk => c.tel("oud_vsv_werk", &g),
            Bestemming::Uitkering => c.tel("oud_vsv_uitkering", &g),
            Bestemming::WeerOpSchool => c.tel("oud_vsv_school", &g),
            _ => {}
        }
    }

    // JIKP: the pupils of the JIKP groups on 1 October of the year before (as Tabel 8), where
    // they are on 1 October of the verslagjaar; who is not at school is followed to 31 July.
    let van = jaar.vorig().een_oktober();
    for l in kader.jikp_leerlingen().await?.iter() {
        let id = personen.id(l.jongere);
        let Some(g) = kader.gemeente_op(id, van).map(|g| g.code.clone()) else { continue };
        let Some(nu) = l.later else {
            c.tel("jikp_gevolgd", &g);
            let leeftijd = leeftijd_op(personen.geboren(l.jongere), einde);
            match stand_op(false, leeftijd, rmc.van(id), van, einde) {
                Bestemming::Werk => c.tel("jikp_werk", &g),
                Bestemming::Uitkering => c.tel("jikp_uitkering", &g),
                _ => c.tel("jikp_geen_inkomen", &g),
            }
            continue;
        };
        match (nu.onderwijssoort, nu.niveau) {
            (Onderwijssoort::Pro, _) => c.tel("jikp_pro", &g),
            (Onderwijssoort::Vso, _) => c.tel("jikp_vso", &g),
            (Onderwijssoort::Mbo, Some(Niveau::Mbo1)) => c.tel("jikp_entree", &g),
            (Onderwijssoort::Mbo, Some(Niveau::Mbo2 | Niveau::Mbo3 | Niveau::Mbo4)) => c.tel("jikp_mbo2_4", &g),
            _ => {}
        }
    }

    // Vrijstellingen as art. 25 counts them: the vrijstellingen_gemeente table; verlof art. 11 sub g
    // (not a vrijstelling of the inschrijving, so not in that table) running on 1 October.
    let lopend = vrijstellingen_overzicht::per_gemeente(kader).await?;
    for g in &kader.gemeenten {
        for (rij, kolom) in [
            ("vrijstelling_art_3a", "art_3a"),
            ("vrijstelling_art_3b", "art_3b"),
            ("vrijstelling_art_5a", "art_5a"),
            ("vrijstelling_art_5b", "art_5b"),
            ("vrijstelling_art_5c", "art_5c"),
            ("vrijstelling_art_5a_trekkend", "art_5a_trekkend"),
            ("vrijstelling_art_15", "art_15"),
        ] {
            c.zet(rij, &g.code, lopend.cel(g.code.as_str(), kolom));
        }
    }
    let verlof: Vec<Vrijstelling> = kader.lees_met("WHERE artikel = $1", &[rij::tekst("art11_sub_g")]).await?;
    for v in verlof.iter().filter(|v| loopt_op(v, peildatum)) {
        if let Some(g) = bevolking::woonplaats_5_17(kader, &personen, &v.jongere, peildatum) {
            c.tel("vrijstelling_art_11g", g);
        }
    }

    // Requests of the year: the vrijstelling_aanvragen table of each gemeente.
    for g in kader.gemeenten.clone() {
        let eigen = kader.ander(jaar, Scope::Gemeente(g.code.clone())).await?;
        let t = vrijstellingen_overzicht::aanvragen(&eigen).await?;
        for (rij, bron) in [
            ("aanvragen_toegekend", "toegekend"),
            ("aanvragen_afgewezen", "afgewezen"),
            ("aanvragen_in_behandeling", "in_behandeling"),
        ] {
            c.zet(rij, &g.code, t.cel(bron, "totaal"));
        }
    }

    let kolommen: Vec<(&str, &str)> = kader.gemeenten.iter().map(|g| (g.code.as_str(), g.naam.as_str())).collect();
    let mut t = Tabel::nieuw("factsheet_gemeente", format!("Factsheet per gemeente {jaar}"), &kolommen);
    for (key, label, leerplicht) in RIJEN {
        let waarden = kader
            .gemeenten
            .iter()
            .map(|g| match c.0.get(&(*key, g.code.clone())) {
                _ if *leerplicht && g.leerplicht_lokaal => Waarde(None),
                None if PERCENTAGES.contains(key) => Waarde(None),
                v => Waarde::getal(v.copied().unwrap_or(0.0)),
            })
            .collect();
        t.rij(*key, *label, waarden);
    }
    let alle: Vec<&str> = kolommen.iter().map(|(k, _)| *k).collect();
    t.som_van_rijen("jikp_gevolgd", &["jikp_werk", "jikp_uitkering", "jikp_geen_inkomen"], &alle);
    t.afgeleide_rijen(&PERCENTAGES);
    t.noot(format!("Eén kolom per gemeente. Jongeren 5 t/m 17 en % ingeschreven: op {peildatum}, zoals ingeschreven_pct (1 decimaal); de andere percentages in hele procenten, half naar boven."));
    t.noot(format!("Verzuim: per melding in {jaar} (niet ingetrokken of preventief) in de gemeente waar de jongere op de meldingsdatum woonde. Signaalverzuim is al het relatief verzuim dat geen luxe verzuim is (16 uur, signaal-, beginnend verzuim, 1 maand of langer; zonder ziekte en 18+). Jongeren: uniek per gemeente."));
    t.noot(format!("Niet meer verzuimd: jongeren van wie in {jaar} een zaak (relatief of 18+ verzuim) sloot zonder nieuwe melding in dat of het volgende schooljaar (de telling van recidive; woonplaats op {peildatum}); voorlopig zolang het volgende schooljaar loopt."));
    t.noot(format!("Absoluut verzuim: meldingen in {jaar}; naar school: de jongere schreef zich na de meldingsdatum en uiterlijk {einde} in; % = ingeschreven / meldingen."));
    t.noot(format!("VSV: meldingen met een uitvaldatum in {jaar} en de bestemming op {einde}, zoals vsv_bestemming (school = weer ingeschreven; uitkering/zorg = P-wet of Wajong); woonplaats op {peildatum}."));
    t.noot(format!("Oud-VSV: op {peildatum} jonger dan 23, zonder startkwalificatie, niet ingeschreven en uitgevallen vóór het schooljaar; hun stand op {einde} (ingeschreven, of het resultaat van het laatst afgesloten RMC-traject)."));
    t.noot(format!("JIKP: leerlingen van pro, vso (arbeidsmarkt, vervolgonderwijs), Entree en vmbo-basis op {van} (woonplaats toen, zoals jikp_door_uitstroom). Ingeschreven: hun inschrijving op {peildatum}. Gemonitord: niet ingeschreven op {peildatum}; werk of uitkering volgens het laatst afgesloten RMC-traject tot {einde}, anders geen inkomen."));
    t.noot(format!("Vrijstellingen: zoals de art. 25-opgave en vrijstellingen_gemeente ze tellen (lopend op 1 augustus of later in {jaar} toegekend, 5 t/m 17 jaar, in de gemeente van die datum); 11 sub g is verlof van meer dan 10 dagen dat op {peildatum} liep."));
    t.noot(format!("Aanvragen: met een aanvraagdatum in {jaar}, zoals ze nu staan (zoals vrijstelling_aanvragen)."));
    if kader.gemeenten.iter().any(|g| g.leerplicht_lokaal) {
        t.noot("Gemeenten die de leerplicht zelf uitvoeren: de leerplichtcijfers (verzuim, vrijstellingen, aanvragen) zijn leeg; hun RMC-cijfers staan er wel.");
    }
    Ok(t)
}
