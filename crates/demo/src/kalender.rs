//! Dates of the demo world and small random helpers.
//!
//! The generator never reads the clock: "now" is [`DATA_EIND`], the last day of the last schooljaar
//! with casework.
use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use leerspoor_domain::rules;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

pub(crate) type Datum = NaiveDate;
pub(crate) type Rng = ChaCha8Rng;

pub(crate) const fn d(jaar: i32, maand: u32, dag: u32) -> Datum {
    match NaiveDate::from_ymd_opt(jaar, maand, dag) {
        Some(x) => x,
        None => panic!("ongeldige datum"),
    }
}

/// First schooljaar with casework (2016-2017) and the last (2020-2021).
pub(crate) const EERSTE_JAAR: i32 = 2016;
pub(crate) const LAATSTE_JAAR: i32 = 2020;
/// The register's "now": nothing happens after this day.
pub(crate) const DATA_EIND: Datum = d(LAATSTE_JAAR + 1, 7, 31);
/// Enrolments that ended before this day are not in the register (diplomas are).
pub(crate) const HISTORIE_VAN: Datum = d(2014, 8, 1);
/// A youth who left the region before the first schooljaar is not in the register.
pub(crate) const VENSTER_VAN: Datum = d(EERSTE_JAAR, 8, 1);

pub(crate) fn plus(x: Datum, dagen: i64) -> Datum {
    x + TimeDelta::days(dagen)
}

pub(crate) fn dagen(van: Datum, tot: Datum) -> i64 {
    (tot - van).num_days()
}

/// The date `jaren` years after `geboren`, by the law's rule (a schrikkelkind turns a year older on
/// 1 March in a common year).
pub(crate) fn verjaardag(geboren: Datum, jaren: i32) -> Datum {
    rules::verjaardag(geboren, u32::try_from(jaren).expect("een leeftijd is niet negatief"))
}

pub(crate) fn leeftijd(geboren: Datum, op: Datum) -> i32 {
    i32::try_from(rules::leeftijd_op(geboren, op)).expect("een leeftijd past in i32")
}

/// First day of the month after the month of the 5th birthday (Lpw art. 3).
pub(crate) fn leerplicht_begin(geboren: Datum) -> Datum {
    rules::leerplicht_begin(geboren)
}

pub(crate) fn eerste_volgende_maand(x: Datum) -> Datum {
    if x.month() == 12 { d(x.year() + 1, 1, 1) } else { d(x.year(), x.month() + 1, 1) }
}

pub(crate) fn sj_begin(jaar: i32) -> Datum {
    d(jaar, 8, 1)
}

pub(crate) fn sj_eind(jaar: i32) -> Datum {
    d(jaar + 1, 7, 31)
}

pub(crate) fn schooljaar_van(x: Datum) -> i32 {
    if x.month() >= 8 { x.year() } else { x.year() - 1 }
}

pub(crate) fn kans(rng: &mut Rng, p: f64) -> bool {
    rng.random::<f64>() < p
}

/// Uniform in `van..=tot` (`tot` before `van` gives `van`).
pub(crate) fn tussen(rng: &mut Rng, van: Datum, tot: Datum) -> Datum {
    let n = dagen(van, tot);
    if n <= 0 { van } else { plus(van, rng.random_range(0..=n)) }
}

pub(crate) fn getal(rng: &mut Rng, van: i64, tot: i64) -> i64 {
    if tot <= van { van } else { rng.random_range(van..=tot) }
}

pub(crate) fn index(rng: &mut Rng, n: usize) -> usize {
    if n <= 1 { 0 } else { rng.random_range(0..n) }
}

pub(crate) fn gewogen(rng: &mut Rng, gewichten: &[f64]) -> usize {
    let totaal: f64 = gewichten.iter().sum();
    let mut x = rng.random::<f64>() * totaal;
    for (i, g) in gewichten.iter().enumerate() {
        if x < *g {
            return i;
        }
        x -= g;
    }
    gewichten.len() - 1
}

/// Picks one of `(value, weight)`.
pub(crate) fn kies<T: Copy>(rng: &mut Rng, opties: &[(T, f64)]) -> T {
    let totaal: f64 = opties.iter().map(|o| o.1).sum();
    let mut x = rng.random::<f64>() * totaal;
    for (v, g) in opties {
        if x < *g {
            return *v;
        }
        x -= g;
    }
    opties[opties.len() - 1].0
}

/// `basis · scale`, rounded stochastically so that small scales still get their share on average.
pub(crate) fn aantal(rng: &mut Rng, basis: f64, scale: f64) -> usize {
    let x = (basis * scale).max(0.0);
    let heel = x.floor();
    let rest = x - heel;
    heel as usize + usize::from(kans(rng, rest))
}

/// Monday to Friday: a weekend day moves to the nearest weekday inside `van..=tot`.
pub(crate) fn werkdag(x: Datum, van: Datum, tot: Datum) -> Datum {
    let (vooruit, achteruit) = match x.weekday() {
        Weekday::Sat => (2, 1),
        Weekday::Sun => (1, 2),
        _ => return x,
    };
    let v = plus(x, vooruit);
    if v <= tot {
        return v;
    }
    let a = plus(x, -achteruit);
    if a >= van { a } else { x }
}

/// Relative weight of each month of a schooljaar (August first) for meldingen.
pub(crate) type Maandgewichten = [f64; 12];
pub(crate) const NORMAAL: Maandgewichten = [0.25, 1.0, 0.95, 1.2, 0.8, 1.1, 1.0, 1.15, 0.9, 0.85, 1.0, 0.3];
/// 2019-2020: schools closed from mid-March to May.
pub(crate) const CORONA_2019: Maandgewichten = [0.25, 1.0, 0.95, 1.2, 0.8, 1.1, 1.0, 0.6, 0.3, 0.5, 1.0, 0.3];
/// 2020-2021: closed from mid-December to February.
pub(crate) const CORONA_2020: Maandgewichten = [0.3, 1.1, 1.1, 1.3, 0.7, 0.5, 0.6, 1.2, 1.1, 1.1, 1.2, 0.35];

pub(crate) fn maandgewichten(jaar: i32) -> &'static Maandgewichten {
    match jaar {
        2019 => &CORONA_2019,
        2020 => &CORONA_2020,
        _ => &NORMAAL,
    }
}

/// A weekday in schooljaar `jaar`, months weighted.
pub(crate) fn schooldag(rng: &mut Rng, jaar: i32, gewichten: &Maandgewichten) -> Datum {
    let i = gewogen(rng, gewichten) as u32;
    let (j, m) = if i < 5 { (jaar, 8 + i) } else { (jaar + 1, i - 4) };
    let laatste = dagen_in_maand(j, m);
    let x = d(j, m, rng.random_range(1..=laatste));
    werkdag(x, sj_begin(jaar), sj_eind(jaar))
}

pub(crate) fn dagen_in_maand(jaar: i32, maand: u32) -> u32 {
    let eerste = d(jaar, maand, 1);
    dagen(eerste, eerste_volgende_maand(eerste)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leeftijd_telt_de_verjaardag_mee() {
        let g = d(2004, 9, 10);
        assert_eq!(leeftijd(g, d(2022, 9, 9)), 17);
        assert_eq!(leeftijd(g, d(2022, 9, 10)), 18);
    }

    #[test]
    fn leerplicht_begint_de_maand_na_de_vijfde_verjaardag() {
        assert_eq!(leerplicht_begin(d(2015, 3, 14)), d(2020, 4, 1));
        assert_eq!(leerplicht_begin(d(2015, 12, 2)), d(2021, 1, 1));
    }

    #[test]
    fn werkdag_blijft_binnen_de_grenzen() {
        // 2021-07-31 is a Saturday: the next Monday is outside the schooljaar.
        let x = werkdag(d(2021, 7, 31), d(2020, 8, 1), d(2021, 7, 31));
        assert_eq!(x, d(2021, 7, 30));
    }
}
