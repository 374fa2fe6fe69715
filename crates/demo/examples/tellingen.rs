//! Generates the demo region and prints what it holds per schooljaar.
//!
//! `cargo run --release -p leerspoor-demo --example tellingen -- [scale] [seed]`
use chrono::{Datelike, NaiveDate};
use leerspoor_demo::{DemoOpties, EERSTE_SCHOOLJAAR, LAATSTE_SCHOOLJAAR, genereer};
use leerspoor_domain::model::{ActieSoort, Dataset, VrijstellingStatus};
use std::collections::BTreeMap;
use std::time::Instant;

fn sj(d: NaiveDate) -> i32 {
    if d.month() >= 8 { d.year() } else { d.year() - 1 }
}

fn leeftijd(geb: NaiveDate, op: NaiveDate) -> i32 {
    op.year() - geb.year() - i32::from((op.month(), op.day()) < (geb.month(), geb.day()))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let scale: f64 = args.next().map_or(1.0, |s| s.parse().expect("scale"));
    let seed: u64 = args.next().map_or(2021, |s| s.parse().expect("seed"));
    let start = Instant::now();
    let ds = genereer(&DemoOpties { seed, scale });
    println!("genereer(seed {seed}, scale {scale}): {:.2} s", start.elapsed().as_secs_f64());
    print_totalen(&ds);
    if scale <= 5.0 {
        print_per_jaar(&ds);
    }
}

fn print_totalen(ds: &Dataset) {
    println!(
        "{} gemeenten, {} scholen, {} medewerkers, {} jongeren, {} woonadressen, {} ouders, {} gezinsrelaties",
        ds.gemeenten.len(),
        ds.scholen.len(),
        ds.medewerkers.len(),
        ds.jongeren.len(),
        ds.woonadressen.len(),
        ds.ouders.len(),
        ds.gezinsrelaties.len()
    );
    println!(
        "{} inschrijvingen, {} diploma's, {} VSV, {} zaken, {} meldingen, {} acties, {} vrijstellingen, {} thuiszit, {} RMC",
        ds.inschrijvingen.len(),
        ds.diplomas.len(),
        ds.vsv_meldingen.len(),
        ds.zaken.len(),
        ds.verzuimmeldingen.len(),
        ds.acties.len(),
        ds.vrijstellingen.len(),
        ds.thuiszitperioden.len(),
        ds.rmc_trajecten.len()
    );
}

fn print_per_jaar(ds: &Dataset) {
    let peil = NaiveDate::from_ymd_opt(2020, 10, 1).unwrap();
    let geb: BTreeMap<&str, NaiveDate> = ds.jongeren.iter().map(|j| (j.id.as_str(), j.geboortedatum)).collect();
    let zuid: Vec<&str> = ds.gemeenten.iter().filter(|g| !g.leerplicht_lokaal).map(|g| g.code.as_str()).collect();
    let mut woont: BTreeMap<&str, &str> = BTreeMap::new();
    for a in &ds.woonadressen {
        if a.begindatum <= peil && a.einddatum.is_none_or(|e| peil <= e) {
            woont.insert(&a.jongere, a.gemeente.as_str());
        }
    }
    let mut ingeschreven: BTreeMap<&str, &str> = BTreeMap::new();
    for i in &ds.inschrijvingen {
        if i.begindatum <= peil && i.einddatum.is_none_or(|e| peil <= e) {
            ingeschreven.insert(&i.jongere, leerspoor_domain::code_enum::CodeEnum::code(i.onderwijssoort));
        }
    }
    let sq: BTreeMap<&str, NaiveDate> = ds
        .diplomas
        .iter()
        .filter(|d| matches!(d.soort.to_string().as_str(), "havo" | "vwo" | "mbo2" | "mbo3" | "mbo4"))
        .map(|d| (d.jongere.as_str(), d.datum))
        .collect();
    let mut geen_leeftijd: BTreeMap<i32, (usize, usize)> = BTreeMap::new();
    let mut zonder_sq_1823 = 0;
    let (mut n523, mut z517, mut n1823, mut n1823_geen) = (0, 0, 0, 0);
    let mut per_soort: BTreeMap<&str, usize> = BTreeMap::new();
    for (j, g) in &woont {
        let a = leeftijd(geb[j], peil);
        if (5..23).contains(&a) {
            n523 += 1;
        }
        if (5..18).contains(&a) && zuid.contains(g) {
            z517 += 1;
            *per_soort.entry(ingeschreven.get(j).copied().unwrap_or("geen")).or_default() += 1;
            if !ingeschreven.contains_key(j) {
                let e = geen_leeftijd.entry(a).or_default();
                e.0 += 1;
                e.1 += usize::from(sq.get(j).is_some_and(|d| *d <= peil));
            }
        }
        if (18..23).contains(&a) {
            n1823 += 1;
            n1823_geen += usize::from(!ingeschreven.contains_key(j));
            zonder_sq_1823 += usize::from(!ingeschreven.contains_key(j) && sq.get(j).is_none_or(|d| *d > peil));
        }
    }
    println!("op 2020-10-01: {n523} jongeren 5-22 in de regio; zuid 5-17: {z517} {per_soort:?}");
    println!("  18-22: {n1823}, waarvan {n1823_geen} zonder inschrijving, {zonder_sq_1823} ook zonder SQ");
    println!("  zuid 5-17 zonder inschrijving per leeftijd (aantal, met SQ): {geen_leeftijd:?}");
    for jaar in EERSTE_SCHOOLJAAR..=LAATSTE_SCHOOLJAAR {
        let mut soorten: BTreeMap<&str, usize> = BTreeMap::new();
        for m in ds.verzuimmeldingen.iter().filter(|m| sj(m.meldingsdatum) == jaar) {
            *soorten.entry(m.soort.as_str()).or_default() += 1;
        }
        let meldingen: usize = soorten.values().sum();
        let acties = |s: ActieSoort| ds.acties.iter().filter(|a| a.soort == s && sj(a.datum) == jaar).count();
        let vrij = ds
            .vrijstellingen
            .iter()
            .filter(|v| v.status == VrijstellingStatus::Toegekend && v.geldig_van.is_some_and(|d| sj(d) == jaar))
            .count();
        let a = NaiveDate::from_ymd_opt(jaar, 8, 1).unwrap();
        let b = NaiveDate::from_ymd_opt(jaar + 1, 7, 31).unwrap();
        let thuis: Vec<_> =
            ds.thuiszitperioden.iter().filter(|t| t.begindatum <= b && t.einddatum.is_none_or(|e| e >= a)).collect();
        let lang = thuis.iter().filter(|t| (t.einddatum.unwrap_or(b) - t.begindatum).num_days() > 91).count();
        let rmc: Vec<_> =
            ds.rmc_trajecten.iter().filter(|r| r.begindatum <= b && r.einddatum.is_none_or(|e| e >= a)).collect();
        let voor = rmc.iter().filter(|r| r.aangemeld_op < a).count();
        let vsv = ds.vsv_meldingen.iter().filter(|v| sj(v.uitvaldatum) == jaar).count();
        println!(
            "{jaar}-{}: {meldingen} meldingen {soorten:?}\n    HALT {} PV {} preventief {}, vrijstellingen {vrij}, thuiszitters {} (> 3 mnd {lang}), RMC {} (vóór {voor}), VSV {vsv}",
            jaar + 1,
            acties(ActieSoort::Halt),
            acties(ActieSoort::ProcesVerbaal),
            acties(ActieSoort::PreventiefGesprek),
            thuis.len(),
            rmc.len(),
        );
        if jaar == LAATSTE_SCHOOLJAAR {
            let mut resultaat: BTreeMap<&str, usize> = BTreeMap::new();
            for r in &rmc {
                *resultaat.entry(r.resultaat.as_deref().unwrap_or("-")).or_default() += 1;
            }
            println!("    RMC-resultaten: {resultaat:?}");
        }
    }
}
