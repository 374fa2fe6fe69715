//! Properties the rules must have for every birth date, checked with proptest.
use super::*;
use crate::Datum;
use crate::onderwijs::VsoProfiel;
use chrono::{Datelike, Days};
use proptest::prelude::*;

fn d(s: &str) -> Datum {
    s.parse().unwrap()
}

/// Birth dates 1950-2090, with extra weight on the days where calendars bite: 29 February,
/// month ends, and 31 July / 1 August (the turn of the schooljaar).
fn geboortedatum() -> impl Strategy<Value = Datum> {
    let elke_dag = (0u64..51_500).prop_map(|n| d("1950-01-01") + Days::new(n));
    let schrikkeldag = (0i32..35).prop_map(|n| Datum::from_ymd_opt(1952 + 4 * n, 2, 29).unwrap());
    let randdag = (1950i32..2090, 1u32..=12, prop::bool::ANY).prop_map(|(jaar, maand, eerste)| {
        let eerste_dag = Datum::from_ymd_opt(jaar, maand, 1).unwrap();
        if eerste { eerste_dag } else { eerste_dag + chrono::Months::new(1) - Days::new(1) }
    });
    prop_oneof![4 => elke_dag, 1 => schrikkeldag, 1 => randdag]
}

fn vso_profiel() -> impl Strategy<Value = Option<VsoProfiel>> {
    prop::option::of(prop::sample::select(vec![
        VsoProfiel::Vervolgonderwijs,
        VsoProfiel::Arbeidsmarkt,
        VsoProfiel::Dagbesteding,
    ]))
}

/// Valid facts: a startkwalificatie somewhere between the 12th and 26th birthday, twelve
/// schooljaren completed at the end of a schooljaar in which the youth turned 12 to 17, a
/// praktijkonderwijs diploma between the 14th and 22nd birthday.
fn feiten() -> impl Strategy<Value = Leerplichtfeiten> {
    (
        geboortedatum(),
        prop::option::of(0u64..14 * 366),
        prop::option::of(12u32..=17),
        vso_profiel(),
        prop::option::of(0u64..8 * 366),
    )
        .prop_map(|(geboren, sq, twaalf, vso, pro)| {
            let sq = sq.map(|n| verjaardag(geboren, 12) + Days::new(n));
            let twaalf = twaalf.map(|k| crate::SchoolJaar::van(verjaardag(geboren, k)).laatste_dag());
            Leerplichtfeiten::nieuw(geboren, sq, twaalf, vso)
                .expect("valid by construction")
                .met_diploma_praktijkonderwijs(pro.map(|n| verjaardag(geboren, 14) + Days::new(n)))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn leeftijd_op_agrees_with_verjaardag(geboren in geboortedatum(), jaren in 1u32..30) {
        let dag = verjaardag(geboren, jaren);
        prop_assert_eq!(leeftijd_op(geboren, dag), jaren);
        prop_assert_eq!(leeftijd_op(geboren, dag - Days::new(1)), jaren - 1);
        prop_assert!(verjaardag(geboren, jaren - 1) < dag);
    }

    #[test]
    fn leerplicht_begins_on_a_first_shortly_after_the_fifth_birthday(geboren in geboortedatum()) {
        let vijf = verjaardag(geboren, 5);
        let begin = leerplicht_begin(geboren);
        prop_assert_eq!(begin.day(), 1);
        prop_assert!(begin > vijf);
        // At most a month of 31 days: 5 on the 1st of such a month gives 31 days.
        prop_assert!((begin - vijf).num_days() <= 31);
        // Precisely the month after the month of the 5th birthday.
        prop_assert_eq!(begin.with_day(1).unwrap() - chrono::Months::new(1), vijf.with_day(1).unwrap());
    }

    #[test]
    fn leerplicht_ends_on_31_july_at_16(geboren in geboortedatum()) {
        let einde = leerplicht_einde(geboren, None);
        prop_assert_eq!((einde.month(), einde.day()), (7, 31));
        prop_assert_eq!(leeftijd_op(geboren, einde), 16);
        prop_assert!(leeftijd_op(geboren, einde + Days::new(1)) <= 17);
    }

    #[test]
    fn twelve_schooljaren_only_ever_shorten_leerplicht(geboren in geboortedatum(), k in 15u32..=17) {
        let twaalf = crate::SchoolJaar::van(verjaardag(geboren, k)).laatste_dag();
        let einde = leerplicht_einde(geboren, Some(twaalf));
        prop_assert_eq!((einde.month(), einde.day()), (7, 31));
        prop_assert!(einde <= leerplicht_einde(geboren, None));
        prop_assert!((15..=16).contains(&leeftijd_op(geboren, einde)));
    }

    #[test]
    fn kwalificatieplicht_never_outlasts_the_18th_birthday(f in feiten()) {
        let einde = leerplicht_einde(f.geboortedatum(), f.twaalf_schooljaren_op());
        let k = kwalificatieplicht_einde(
            f.geboortedatum(),
            einde,
            f.startkwalificatie(),
            f.diploma_praktijkonderwijs(),
            f.vso_profiel(),
        );
        if let Some(k) = k {
            prop_assert!(k <= verjaardag(f.geboortedatum(), 18));
            prop_assert!(k > einde);
        }
        // Without a startkwalificatie, a praktijkonderwijs diploma and an exempting VSO profile it
        // always applies.
        if f.startkwalificatie().is_none() && f.diploma_praktijkonderwijs().is_none() && f.vso_profiel().is_none() {
            prop_assert_eq!(k, Some(verjaardag(f.geboortedatum(), 18)));
        }
    }
}

proptest! {
    // Each case walks about 8,800 days.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn status_changes_only_on_the_computed_dates(f in feiten()) {
        let geboren = f.geboortedatum();
        let eerste = f.op(geboren).unwrap();
        let mut wissels = vec![
            eerste.leerplicht_begin,
            eerste.leerplicht_einde + Days::new(1),
            verjaardag(geboren, 18),
            verjaardag(geboren, 23),
        ];
        wissels.extend(eerste.kwalificatieplicht_einde);
        wissels.extend(f.startkwalificatie());

        let mut vorige = eerste.status;
        let mut dag = geboren;
        while dag < verjaardag(geboren, 24) {
            dag = dag + Days::new(1);
            let nu = f.op(dag).unwrap();
            // The dates do not depend on the peildatum.
            prop_assert_eq!(nu.leerplicht_begin, eerste.leerplicht_begin);
            prop_assert_eq!(nu.kwalificatieplicht_einde, eerste.kwalificatieplicht_einde);
            if nu.status != vorige {
                prop_assert!(wissels.contains(&dag), "{} → {} on {}", vorige, nu.status, dag);
            }
            vorige = nu.status;
        }
        prop_assert_eq!(vorige, Plichtstatus::Geen, "nothing is left at 24");
    }
}

#[test]
fn the_generators_reach_the_edges() {
    // A sanity check on the strategies above, so the properties do test the edges they claim.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategie = geboortedatum();
    let dagen: Vec<Datum> = (0..2000).map(|_| strategie.new_tree(&mut runner).unwrap().current()).collect();
    assert!(dagen.iter().any(|d| (d.month(), d.day()) == (2, 29)));
    assert!(dagen.iter().any(|d| d.day() == 1));
    assert!(dagen.iter().any(|d| (d.month(), d.day()) == (7, 31)));
}
