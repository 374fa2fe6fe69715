//! The school calendar: which days are lesdagen, and how many lesweken and schooldagen lie between
//! two dates.
//!
//! A lesdag is a weekday that is not a feestdag ([`feestdag`]) and not in a school holiday. School
//! holidays are data ([`Vakantie`]): the dates OCW sets or advises per vakantieregio, and a school
//! location's own deviating holidays and free days. A lesweek is a calendar week, Monday to Sunday,
//! with at least one lesdag: "16 uur in 4 opeenvolgende lesweken" (Lpw art. 21a) and "de eerste twee
//! lesweken van het schooljaar" (Lpw art. 13a) count those. `docs/regels.md` lists the sources.
use crate::code_enum::CodeEnum;
use crate::model::{Gemeente, School, Vakantie, Vakantieregio, Vakantiesoort};
use crate::{Datum, Gemeentecode, SchoolJaar};
use chrono::{Datelike, Days, Weekday};
use std::collections::HashMap;

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher).
pub fn pasen(jaar: i32) -> Datum {
    let (a, b, c) = (jaar % 19, jaar / 100, jaar % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (b - (b + 8) / 25 + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let l = (32 + 2 * e + 2 * (c / 4) - h - c % 4) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    Datum::from_ymd_opt(jaar, (n / 31) as u32, (n % 31 + 1) as u32).expect("Pasen valt in maart of april")
}

/// The king's or queen's birthday as celebrated: Koningsdag 27 April since 2014, Koninginnedag
/// 30 April before; on a Sunday it moves to the Saturday before.
fn koningsdag(jaar: i32) -> Datum {
    let dag = Datum::from_ymd_opt(jaar, 4, if jaar >= 2014 { 27 } else { 30 }).expect("bestaat");
    if dag.weekday() == Weekday::Sun { dag - Days::new(1) } else { dag }
}

/// The national feestdag `datum` is, if any: the generally recognised feestdagen of the Algemene
/// termijnenwet (art. 3 lid 1) on which schools give no lessons. Eerste Paasdag and Pinksterdag
/// always fall on a Sunday. Goede Vrijdag is not among them: a school that closes records it as
/// its own free day.
pub fn feestdag(datum: Datum) -> Option<&'static str> {
    let jaar = datum.year();
    let pasen = pasen(jaar);
    let (maand, dag) = (datum.month(), datum.day());
    match () {
        _ if (maand, dag) == (1, 1) => Some("Nieuwjaarsdag"),
        _ if datum == pasen + Days::new(1) => Some("Tweede Paasdag"),
        _ if datum == koningsdag(jaar) => Some("Koningsdag"),
        _ if (maand, dag) == (5, 5) => Some("Bevrijdingsdag"),
        _ if datum == pasen + Days::new(39) => Some("Hemelvaartsdag"),
        _ if datum == pasen + Days::new(50) => Some("Tweede Pinksterdag"),
        _ if (maand, dag) == (12, 25) => Some("Eerste Kerstdag"),
        _ if (maand, dag) == (12, 26) => Some("Tweede Kerstdag"),
        _ => None,
    }
}

/// A weekday that is no feestdag: a working day in the sense of the Algemene termijnenwet (art. 1),
/// and a lesdag unless the school is on holiday.
pub fn werkdag(datum: Datum) -> bool {
    datum.weekday().number_from_monday() <= 5 && feestdag(datum).is_none()
}

/// The school holidays the office recorded, with each gemeente's vakantieregio and each school
/// location's gemeente: gives the [`Rooster`] of a school or a gemeente.
#[derive(Debug, Clone, Default)]
pub struct Kalender {
    vakanties: Vec<Vakantie>,
    regio_van: HashMap<Gemeentecode, Vakantieregio>,
    gemeente_van: HashMap<(String, String), Gemeentecode>,
}

impl Kalender {
    pub fn nieuw(vakanties: Vec<Vakantie>, gemeenten: &[Gemeente], scholen: &[School]) -> Kalender {
        Kalender {
            vakanties,
            regio_van: gemeenten.iter().filter_map(|g| Some((g.code.clone(), g.vakantieregio?))).collect(),
            gemeente_van: scholen
                .iter()
                .filter_map(|s| Some(((s.brin.clone(), s.vestiging.clone()), s.gemeente.clone()?)))
                .collect(),
        }
    }

    /// The holidays of the youths living in `gemeente` and not enrolled at a school.
    pub fn van_gemeente(&self, gemeente: &Gemeentecode) -> Rooster {
        self.rooster(self.regio_van.get(gemeente).copied(), None)
    }

    /// The holidays of a school location: its gemeente's region (or, for a school outside the
    /// register's gemeenten, the region of the youth's `woongemeente`) and its own deviations.
    pub fn van_school(&self, brin: &str, vestiging: &str, woongemeente: Option<&Gemeentecode>) -> Rooster {
        let gemeente = self.gemeente_van.get(&(brin.to_string(), vestiging.to_string())).or(woongemeente);
        self.rooster(gemeente.and_then(|g| self.regio_van.get(g)).copied(), Some((brin, vestiging)))
    }

    /// The holidays of one school location in `regio`, or of the region alone when `school` is
    /// `None`. A school's own holiday replaces the region's holiday of the same kind in the same
    /// schooljaar; its free days add to them.
    pub fn rooster(&self, regio: Option<Vakantieregio>, school: Option<(&str, &str)>) -> Rooster {
        let van_school = |v: &&Vakantie| {
            school.is_some_and(|(b, s)| v.brin.as_deref() == Some(b) && v.vestiging.as_deref() == Some(s))
        };
        let eigen: Vec<&Vakantie> = self.vakanties.iter().filter(van_school).collect();
        let vervangen = |v: &Vakantie| {
            eigen.iter().any(|e| {
                e.soort != Vakantiesoort::VrijeDag
                    && e.soort == v.soort
                    && SchoolJaar::van(e.begindatum) == SchoolJaar::van(v.begindatum)
            })
        };
        let mut vrij: Vec<(Vakantiesoort, Datum, Datum)> = self
            .vakanties
            .iter()
            .filter(|v| regio.is_some() && v.regio == regio && !vervangen(v))
            .chain(eigen.iter().copied())
            .map(|v| (v.soort, v.begindatum, v.einddatum))
            .collect();
        vrij.sort_by_key(|&(_, van, _)| van);
        Rooster { vrij }
    }
}

/// The holidays that apply to one school location or region: answers which days are lesdagen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rooster {
    /// (kind, first day, last day), sorted by first day.
    vrij: Vec<(Vakantiesoort, Datum, Datum)>,
}

impl Rooster {
    /// Only weekends and feestdagen: for a school or region whose holidays are not recorded.
    pub fn zonder_vakanties() -> Rooster {
        Rooster::default()
    }

    /// In a school holiday or on a free day of the school (weekends and feestdagen aside).
    pub fn in_vakantie(&self, datum: Datum) -> bool {
        self.vrij.iter().any(|&(_, van, tot)| van <= datum && datum <= tot)
    }

    pub fn is_lesdag(&self, datum: Datum) -> bool {
        werkdag(datum) && !self.in_vakantie(datum)
    }

    /// Lesdagen from `van` up to and including `tot`.
    pub fn schooldagen_tussen(&self, van: Datum, tot: Datum) -> u32 {
        dagen(van, tot).filter(|d| self.is_lesdag(*d)).count() as u32
    }

    /// Lesweken that have a lesdag from `van` up to and including `tot`.
    pub fn lesweken_tussen(&self, van: Datum, tot: Datum) -> u32 {
        weken(van, tot).filter(|&(ma, zo)| self.schooldagen_tussen(ma.max(van), zo.min(tot)) > 0).count() as u32
    }

    /// The Sunday that ends the `n`-th lesweek counted from the week of `van` (that week counts
    /// when it has a lesdag on or after `van`).
    pub fn einde_lesweek(&self, van: Datum, n: u32) -> Datum {
        let mut geteld = 0;
        let mut ma = maandag(van);
        loop {
            let zo = ma + Days::new(6);
            geteld += u32::from(self.schooldagen_tussen(ma.max(van), zo) > 0);
            if geteld >= n.max(1) {
                return zo;
            }
            ma = ma + Days::new(7);
        }
    }

    /// The day on which `weken` weeks have passed since `van`, not counting the days in school
    /// holidays: absent since a Monday four weeks before the herfstvakantie, a youth has been
    /// absent four weeks on the Monday after it.
    pub fn na_weken_buiten_vakanties(&self, van: Datum, weken: u32) -> Datum {
        let mut te_gaan = weken * 7;
        let mut dag = van;
        while te_gaan > 0 {
            te_gaan -= u32::from(!self.in_vakantie(dag));
            dag = dag + Days::new(1);
        }
        dag
    }

    /// Days from `van` up to (not including) `tot` that are not in a school holiday.
    pub fn dagen_buiten_vakanties(&self, van: Datum, tot: Datum) -> u32 {
        van.iter_days().take_while(|d| *d < tot).filter(|d| !self.in_vakantie(*d)).count() as u32
    }

    /// The zomervakantie that ends at the start of `jaar`.
    fn zomer_voor(&self, jaar: SchoolJaar) -> Option<Datum> {
        self.vrij
            .iter()
            .filter(|&&(soort, _, tot)| {
                soort == Vakantiesoort::Zomer && tot.year() == jaar.beginjaar() && tot.month() >= 7
            })
            .map(|&(_, _, tot)| tot)
            .max()
    }

    /// Are the holidays of `jaar` recorded: the zomervakantie before it and the one that ends it?
    pub fn bekend(&self, jaar: SchoolJaar) -> bool {
        self.zomer_voor(jaar).is_some() && self.zomer_voor(jaar.volgend()).is_some()
    }

    /// The first two lesweken of `jaar`: from the first lesdag after the zomervakantie to the
    /// Sunday of the second lesweek. `None` when the zomervakantie is not recorded.
    pub fn eerste_lesweken(&self, jaar: SchoolJaar) -> Option<(Datum, Datum)> {
        let mut eerste = self.zomer_voor(jaar)? + Days::new(1);
        while !self.is_lesdag(eerste) {
            eerste = eerste + Days::new(1);
        }
        Some((eerste, self.einde_lesweek(eerste, 2)))
    }
}

fn dagen(van: Datum, tot: Datum) -> impl Iterator<Item = Datum> {
    van.iter_days().take_while(move |d| *d <= tot)
}

fn maandag(datum: Datum) -> Datum {
    datum - Days::new(u64::from(datum.weekday().num_days_from_monday()))
}

/// The calendar weeks (Monday, Sunday) that overlap `van..=tot`.
fn weken(van: Datum, tot: Datum) -> impl Iterator<Item = (Datum, Datum)> {
    std::iter::successors(Some(maandag(van)), |ma| Some(*ma + Days::new(7)))
        .take_while(move |ma| *ma <= tot)
        .map(|ma| (ma, ma + Days::new(6)))
}

/// OCW's school holidays per vakantieregio as shipped with Leerspoor (`data/schoolvakanties`, in
/// the bundle's format; its `BRONNEN.md` names the source of each schooljaar). An office imports
/// that file, or a newer one, like any bundle file; the demo region uses it directly.
pub fn ocw_vakanties() -> Vec<Vakantie> {
    const BESTAND: &str = include_str!("../../../data/schoolvakanties/vakanties.csv");
    BESTAND
        .lines()
        .skip(1)
        .filter(|regel| !regel.is_empty())
        .map(|regel| {
            let v: Vec<&str> = regel.split(',').collect();
            let fout = |veld: &str| format!("data/schoolvakanties/vakanties.csv: {veld} in '{regel}'");
            let datum = |t: &str| crate::datum::parse_datum(t).unwrap_or_else(|_| panic!("{}", fout("datum")));
            Vakantie {
                id: v[0].to_string(),
                soort: Vakantiesoort::parse_code(v[1]).unwrap_or_else(|_| panic!("{}", fout("soort"))),
                regio: Some(Vakantieregio::parse_code(v[2]).unwrap_or_else(|_| panic!("{}", fout("regio")))),
                brin: None,
                vestiging: None,
                begindatum: datum(v[5]),
                einddatum: datum(v[6]),
                advies: v[7] == "ja",
            }
        })
        .collect()
}

/// Checks one recorded holiday: a region's or a school's, in order, of a plausible length. The
/// error names the field that is wrong.
pub fn toets_vakantie(v: &Vakantie) -> Result<(), (&'static str, String)> {
    let school = v.brin.is_some() || v.vestiging.is_some();
    if v.regio.is_some() == school {
        return Err(("regio", "vul óf een vakantieregio óf een school (brin en vestiging) in".into()));
    }
    if school && (v.brin.is_none() || v.vestiging.is_none()) {
        return Err(("vestiging", "een eigen vakantie van een school heeft brin én vestiging".into()));
    }
    if v.soort == Vakantiesoort::VrijeDag && !school {
        return Err(("soort", "een vrije dag hoort bij een school, niet bij een vakantieregio".into()));
    }
    if v.advies && school {
        return Err(("advies", "advies geldt alleen voor de data van OCW per vakantieregio".into()));
    }
    if v.einddatum < v.begindatum {
        return Err(("einddatum", format!("de vakantie eindigt ({}) vóór hij begint ({})", v.einddatum, v.begindatum)));
    }
    // The longest holiday, the zomervakantie, is six weeks with the weekends around it.
    if (v.einddatum - v.begindatum).num_days() > 63 {
        let m = format!("{} tot {} is langer dan negen weken; is een datum verkeerd?", v.begindatum, v.einddatum);
        return Err(("einddatum", m));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    fn regio(id: &str, soort: Vakantiesoort, r: Vakantieregio, van: &str, tot: &str) -> Vakantie {
        Vakantie {
            id: id.into(),
            soort,
            regio: Some(r),
            brin: None,
            vestiging: None,
            begindatum: d(van),
            einddatum: d(tot),
            advies: matches!(soort, Vakantiesoort::Herfst | Vakantiesoort::Voorjaar),
        }
    }

    fn eigen(id: &str, soort: Vakantiesoort, van: &str, tot: &str) -> Vakantie {
        Vakantie {
            brin: Some("99AA".into()),
            vestiging: Some("00".into()),
            regio: None,
            advies: false,
            ..regio(id, soort, Vakantieregio::Noord, van, tot)
        }
    }

    /// Regio noord in 2020-2021, as OCW published it.
    fn noord_2020() -> Kalender {
        use Vakantiesoort::*;
        let n = Vakantieregio::Noord;
        let gemeente = |code: &str, r| Gemeente {
            code: Gemeentecode::parse(code).unwrap(),
            naam: code.into(),
            subregio: "s".into(),
            leerplicht_lokaal: false,
            vakantieregio: Some(r),
            bezwaarcommissie: false,
        };
        let gemeenten = [gemeente("GM0392", n), gemeente("GM0344", Vakantieregio::Midden)];
        let school = |brin: &str, gm: &str| School {
            brin: brin.into(),
            vestiging: "00".into(),
            naam: brin.into(),
            plaats: "p".into(),
            gemeente: Some(Gemeentecode::parse(gm).unwrap()),
            ..School::default()
        };
        let scholen = [school("99AA", "GM0392"), school("99AB", "GM0344")];
        Kalender::nieuw(
            vec![
                regio("z19", Zomer, n, "2020-07-04", "2020-08-16"),
                regio("h20", Herfst, n, "2020-10-10", "2020-10-18"),
                regio("k20", Kerst, n, "2020-12-19", "2021-01-03"),
                regio("v20", Voorjaar, n, "2021-02-20", "2021-02-28"),
                regio("m20", Mei, n, "2021-05-01", "2021-05-09"),
                regio("z20", Zomer, n, "2021-07-10", "2021-08-22"),
                regio("hm", Herfst, Vakantieregio::Midden, "2020-10-17", "2020-10-25"),
            ],
            &gemeenten,
            &scholen,
        )
    }

    #[test]
    fn easter_and_the_feestdagen_that_hang_on_it() {
        assert_eq!(pasen(2019), d("2019-04-21"));
        assert_eq!(pasen(2020), d("2020-04-12"));
        assert_eq!(pasen(2021), d("2021-04-04"));
        assert_eq!(pasen(2024), d("2024-03-31"));
        assert_eq!(pasen(2038), d("2038-04-25"), "de laatst mogelijke datum");
        assert_eq!(feestdag(d("2021-04-05")), Some("Tweede Paasdag"));
        assert_eq!(feestdag(d("2021-05-13")), Some("Hemelvaartsdag"));
        assert_eq!(feestdag(d("2021-05-24")), Some("Tweede Pinksterdag"));
        assert_eq!(feestdag(d("2021-04-02")), None, "Goede Vrijdag is geen algemeen erkende feestdag");
        assert_eq!(feestdag(d("2021-01-01")), Some("Nieuwjaarsdag"));
        assert_eq!(feestdag(d("2020-12-26")), Some("Tweede Kerstdag"));
    }

    #[test]
    fn koningsdag_moves_to_saturday_when_the_27th_is_a_sunday() {
        assert_eq!(feestdag(d("2021-04-27")), Some("Koningsdag"));
        assert_eq!(feestdag(d("2025-04-26")), Some("Koningsdag"), "27 april 2025 is een zondag");
        assert_eq!(feestdag(d("2025-04-27")), None);
        assert_eq!(feestdag(d("2013-04-30")), Some("Koningsdag"), "Koninginnedag tot 2014");
    }

    #[test]
    fn weekends_feestdagen_and_holidays_are_not_lesdagen() {
        let r = noord_2020().rooster(Some(Vakantieregio::Noord), None);
        assert!(r.is_lesdag(d("2020-10-09")), "vrijdag voor de herfstvakantie");
        assert!(!r.is_lesdag(d("2020-10-12")), "maandag in de herfstvakantie");
        assert!(r.is_lesdag(d("2020-10-19")));
        assert!(!r.is_lesdag(d("2020-10-17")), "zaterdag");
        assert!(!r.is_lesdag(d("2021-05-24")), "Tweede Pinksterdag");
        assert!(!r.is_lesdag(d("2021-07-30")), "31 juli-week in de zomervakantie");
        assert!(!r.is_lesdag(d("2020-08-03")) && r.is_lesdag(d("2020-08-17")), "1 augustus is nog vakantie");
        // Midden has its herfstvakantie a week later: Utrecht's schools and youths follow it.
        let m = noord_2020().rooster(Some(Vakantieregio::Midden), None);
        assert!(m.is_lesdag(d("2020-10-12")) && !m.is_lesdag(d("2020-10-19")));
        let k = noord_2020();
        assert_eq!(k.van_gemeente(&Gemeentecode::parse("GM0344").unwrap()), m);
        assert_eq!(k.van_school("99AB", "00", None), m);
        assert_eq!(k.van_school("99AA", "00", None), r);
        // A school outside the register follows the region where the youth lives; without any region
        // only weekends and feestdagen remain.
        assert_eq!(k.van_school("12XY", "00", Some(&Gemeentecode::parse("GM0344").unwrap())), m);
        assert_eq!(k.van_school("12XY", "00", None), Rooster::zonder_vakanties());
    }

    #[test]
    fn a_school_deviates_from_the_advice_and_adds_free_days() {
        let mut k = noord_2020();
        k.vakanties.push(eigen("e1", Vakantiesoort::Herfst, "2020-10-17", "2020-10-25"));
        k.vakanties.push(eigen("e2", Vakantiesoort::VrijeDag, "2021-04-02", "2021-04-02"));
        let school = k.rooster(Some(Vakantieregio::Noord), Some(("99AA", "00")));
        assert!(school.is_lesdag(d("2020-10-12")), "de regio-herfstvakantie vervalt");
        assert!(!school.is_lesdag(d("2020-10-19")));
        assert!(!school.is_lesdag(d("2021-04-02")), "Goede Vrijdag als eigen vrije dag");
        assert!(!school.is_lesdag(d("2020-12-21")), "de kerstvakantie van de regio blijft");
        let andere = k.rooster(Some(Vakantieregio::Noord), Some(("99AA", "01")));
        assert!(!andere.is_lesdag(d("2020-10-12")) && andere.is_lesdag(d("2021-04-02")));
    }

    #[test]
    fn schooldagen_and_lesweken_skip_holidays() {
        let r = noord_2020().rooster(Some(Vakantieregio::Noord), None);
        // Luxe verzuim from the Friday before the kerstvakantie to the Friday a week later: one
        // school day, not the six weekdays.
        assert_eq!(r.schooldagen_tussen(d("2020-12-18"), d("2020-12-25")), 1);
        assert_eq!(r.schooldagen_tussen(d("2020-12-18"), d("2021-01-08")), 6, "18 dec en 4-8 jan");
        assert_eq!(r.schooldagen_tussen(d("2020-10-12"), d("2020-10-16")), 0);
        // Four weeks in October span five calendar weeks, the herfstvakantie among them.
        assert_eq!(r.lesweken_tussen(d("2020-09-28"), d("2020-11-01")), 4);
        assert_eq!(r.lesweken_tussen(d("2020-10-09"), d("2020-10-19")), 2, "de vrijdag ervoor en de maandag erna");
        assert_eq!(r.einde_lesweek(d("2020-09-28"), 4), d("2020-11-01"));
        assert_eq!(r.einde_lesweek(d("2020-10-10"), 1), d("2020-10-25"), "gestart in de vakantie");
    }

    #[test]
    fn four_weeks_of_absence_do_not_count_the_holidays() {
        let r = noord_2020().rooster(Some(Vakantieregio::Noord), None);
        assert_eq!(r.na_weken_buiten_vakanties(d("2020-09-07"), 4), d("2020-10-05"));
        assert_eq!(r.na_weken_buiten_vakanties(d("2020-09-21"), 4), d("2020-10-28"), "+ 9 dagen herfstvakantie");
        assert_eq!(Rooster::zonder_vakanties().na_weken_buiten_vakanties(d("2021-02-01"), 4), d("2021-03-01"));
    }

    #[test]
    fn the_first_two_lesweken_follow_the_zomervakantie() {
        let r = noord_2020().rooster(Some(Vakantieregio::Noord), None);
        assert_eq!(r.eerste_lesweken(SchoolJaar::beginnend_in(2020)), Some((d("2020-08-17"), d("2020-08-30"))));
        assert!(r.bekend(SchoolJaar::beginnend_in(2020)));
        assert!(!r.bekend(SchoolJaar::beginnend_in(2021)), "de zomer van 2022 ontbreekt");
        assert_eq!(r.eerste_lesweken(SchoolJaar::beginnend_in(2022)), None);
        assert_eq!(Rooster::zonder_vakanties().eerste_lesweken(SchoolJaar::beginnend_in(2020)), None);
    }

    #[test]
    fn the_shipped_ocw_holidays_are_whole_weeks_for_every_region_and_year() {
        use std::collections::BTreeMap;
        let vakanties = ocw_vakanties();
        let mut per_jaar: BTreeMap<(SchoolJaar, Vakantieregio), Vec<Vakantiesoort>> = BTreeMap::new();
        for v in &vakanties {
            assert_eq!(toets_vakantie(v), Ok(()), "{v:?}");
            assert_eq!(v.begindatum.weekday(), Weekday::Sat, "{}: begint op zaterdag", v.id);
            assert_eq!(v.einddatum.weekday(), Weekday::Sun, "{}: eindigt op zondag", v.id);
            let dagen = (v.einddatum - v.begindatum).num_days() + 1;
            let verwacht = match v.soort {
                Vakantiesoort::Kerst => 16,
                Vakantiesoort::Zomer => 44,
                _ => 9,
            };
            assert_eq!(dagen, verwacht, "{}", v.id);
            per_jaar.entry((SchoolJaar::van(v.begindatum), v.regio.unwrap())).or_default().push(v.soort);
        }
        // Every region has all five holidays from 2015-2016 to 2026-2027 (2014-2015 lacks its
        // voorjaarsvakantie in the sources).
        for jaar in 2015..=2026 {
            for regio in Vakantieregio::ALL {
                let soorten = &per_jaar[&(SchoolJaar::beginnend_in(jaar), *regio)];
                for soort in &Vakantiesoort::ALL[..5] {
                    assert!(soorten.contains(soort), "{jaar} {regio}: {soort} ontbreekt");
                }
            }
        }
        // The demo region's years are known in every region, and a known year has its first lesweken.
        let k = Kalender::nieuw(vakanties, &[], &[]);
        for jaar in 2016..=2020 {
            let r = k.rooster(Some(Vakantieregio::Noord), None);
            assert!(r.bekend(SchoolJaar::beginnend_in(jaar)), "{jaar}");
        }
        let noord = k.rooster(Some(Vakantieregio::Noord), None);
        assert_eq!(noord.eerste_lesweken(SchoolJaar::beginnend_in(2020)), Some((d("2020-08-17"), d("2020-08-30"))));
    }

    #[test]
    fn a_recorded_holiday_is_a_regions_or_a_schools_and_plausible() {
        let goed = regio("h", Vakantiesoort::Herfst, Vakantieregio::Noord, "2020-10-10", "2020-10-18");
        assert_eq!(toets_vakantie(&goed), Ok(()));
        assert_eq!(toets_vakantie(&eigen("e", Vakantiesoort::VrijeDag, "2021-04-02", "2021-04-02")), Ok(()));
        let beide = Vakantie { brin: Some("99AA".into()), vestiging: Some("00".into()), ..goed.clone() };
        assert!(toets_vakantie(&beide).unwrap_err().1.contains("óf een vakantieregio"));
        let regio_vrij = Vakantie { soort: Vakantiesoort::VrijeDag, ..goed.clone() };
        assert!(toets_vakantie(&regio_vrij).unwrap_err().1.contains("vrije dag"));
        let om = Vakantie { einddatum: d("2020-10-09"), ..goed.clone() };
        assert_eq!(toets_vakantie(&om).unwrap_err().0, "einddatum");
        let lang = Vakantie { einddatum: d("2020-12-31"), ..goed };
        assert!(toets_vakantie(&lang).unwrap_err().1.contains("negen weken"));
    }
}
