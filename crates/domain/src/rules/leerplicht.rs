//! Leerplicht (Lpw art. 3 and 4) and kwalificatieplicht (Lpw art. 4a).
use super::leeftijd::verjaardag;
use crate::onderwijs::VsoProfiel;
use crate::{Datum, SchoolJaar};
use chrono::Datelike;

/// The first day of leerplicht: the 1st of the month after the month of the 5th birthday.
///
/// Lpw art. 3 lid 1: "Een kind is leerplichtig met ingang van de eerste schooldag van de maand
/// volgende op die waarin het de leeftijd van vijf jaren heeft bereikt."
///
/// The law says the first *school day* of that month; we return the 1st of the month. No school day
/// of that month can come before the 1st, so on every school day the answer "leerplichtig or not"
/// is the same, and the rule stays a pure calendar rule (school days differ per school and
/// region). The 5th birthday is [`verjaardag`]`(geboortedatum, 5)`: a child born on 29 February
/// turns 5 on 1 March, so becomes leerplichtig on 1 April.
pub fn leerplicht_begin(geboortedatum: Datum) -> Datum {
    eerste_van_volgende_maand(verjaardag(geboortedatum, 5))
}

/// The last day of volledige leerplicht (always a 31 July).
///
/// Lpw art. 4 lid 1: "De leerplicht eindigt: a. aan het einde van het schooljaar na afloop waarvan
/// de jongere ten minste twaalf volledige schooljaren een of meer scholen heeft bezocht; b. aan het
/// einde van het schooljaar waarin de jongere de leeftijd van zestien jaren heeft bereikt", whichever
/// comes first. The schooljaar runs "van 1 augustus tot en met 31 juli" (Lpw art. 1).
///
/// `twaalf_schooljaren_op` is the last day (31 July) of the schooljaar after which the youth had
/// completed twelve full schooljaren (a skipped group counts as a full year); any other date is
/// read as "some day in that schooljaar" and rounded to its 31 July. [`super::Leerplichtfeiten`]
/// refuses dates that are not a 31 July.
pub fn leerplicht_einde(geboortedatum: Datum, twaalf_schooljaren_op: Option<Datum>) -> Datum {
    let zestien = SchoolJaar::van(verjaardag(geboortedatum, 16)).laatste_dag();
    match twaalf_schooljaren_op {
        Some(twaalf) => zestien.min(SchoolJaar::van(twaalf).laatste_dag()),
        None => zestien,
    }
}

/// The first day on which the youth is **no longer** kwalificatieplichtig, or `None` when
/// kwalificatieplicht never applied.
///
/// Lpw art. 4a lid 1: from the end of leerplicht, a youth without a startkwalificatie is
/// kwalificatieplichtig until the day on which they reach "de leeftijd van 18 jaren", or until
/// they have obtained a startkwalificatie if that is earlier. So the answer is the 18th birthday
/// or the date of the startkwalificatie, whichever is first. It never applied when:
/// - the startkwalificatie was obtained on or before `leerplicht_einde` (the duty "follows"
///   leerplicht only for a youth without one);
/// - the youth followed VSO with uitstroomprofiel *arbeidsmarkt* or *dagbesteding*: art. 4a lid 2,
///   the duty "geldt niet ten aanzien van … jongeren die voortgezet speciaal onderwijs in het
///   uitstroomprofiel, bedoeld in artikel 14, eerste lid, onderdeel b dan wel onderdeel c, van de
///   Wet op de expertisecentra hebben gevolgd". Profile *vervolgonderwijs* (onderdeel a) prepares
///   for a diploma and does not exempt.
///
/// `diploma_praktijkonderwijs` is the date of a schooldiploma or verklaring praktijkonderwijs (same
/// lid 2, [`super::startkwalificatie::vrijgesteld_van_kwalificatieplicht`]): from that day the duty
/// no longer applies, as with a startkwalificatie.
pub fn kwalificatieplicht_einde(
    geboortedatum: Datum,
    leerplicht_einde: Datum,
    startkwalificatie: Option<Datum>,
    diploma_praktijkonderwijs: Option<Datum>,
    vso_profiel: Option<VsoProfiel>,
) -> Option<Datum> {
    if matches!(vso_profiel, Some(VsoProfiel::Arbeidsmarkt | VsoProfiel::Dagbesteding)) {
        return None;
    }
    let achttien = verjaardag(geboortedatum, 18);
    let einde = [Some(achttien), startkwalificatie, diploma_praktijkonderwijs].into_iter().flatten().min()?;
    // Nothing left after leerplicht: SQ already obtained (or a leerplicht_einde past 18, which
    // `leerplicht_einde` never returns).
    (einde > leerplicht_einde).then_some(einde)
}

fn eerste_van_volgende_maand(datum: Datum) -> Datum {
    let (jaar, maand) = if datum.month() == 12 { (datum.year() + 1, 1) } else { (datum.year(), datum.month() + 1) };
    Datum::from_ymd_opt(jaar, maand, 1).expect("de eerste van een maand bestaat")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    // Lpw art. 3 lid 1: "Een kind is leerplichtig met ingang van de eerste schooldag van de maand
    // volgende op die waarin het de leeftijd van vijf jaren heeft bereikt."
    #[test]
    fn leerplicht_begins_the_month_after_the_fifth_birthday() {
        // docs/regels.md examples.
        assert_eq!(leerplicht_begin(d("2015-03-14")), d("2020-04-01"));
        assert_eq!(leerplicht_begin(d("2015-12-02")), d("2021-01-01"));
    }

    #[test]
    fn leerplicht_begin_edges() {
        // Born on the 1st: 5 on 1 March, still "the month in which" → the next month.
        assert_eq!(leerplicht_begin(d("2015-03-01")), d("2020-04-01"));
        // Born on the last day of a month.
        assert_eq!(leerplicht_begin(d("2015-01-31")), d("2020-02-01"));
        assert_eq!(leerplicht_begin(d("2015-12-31")), d("2021-01-01"));
        // Schrikkelkind: 5 on 1 March 2021 (2021 has no 29 February), so from 1 April, not 1 March.
        assert_eq!(leerplicht_begin(d("2016-02-29")), d("2021-04-01"));
        assert_eq!(leerplicht_begin(d("2012-02-29")), d("2017-04-01"));
        // Born 28 February: 5 on 28 February, from 1 March.
        assert_eq!(leerplicht_begin(d("2016-02-28")), d("2021-03-01"));
    }

    // Lpw art. 4 lid 1: "De leerplicht eindigt: […] b. aan het einde van het schooljaar waarin de
    // jongere de leeftijd van zestien jaren heeft bereikt."
    #[test]
    fn leerplicht_ends_at_the_end_of_the_schooljaar_of_the_16th_birthday() {
        assert_eq!(leerplicht_einde(d("2004-09-10"), None), d("2021-07-31"));
        assert_eq!(leerplicht_einde(d("2005-03-14"), None), d("2021-07-31"));
    }

    #[test]
    fn leerplicht_einde_edges_around_1_august() {
        // 16 on 31 July: that day is the last of the schooljaar in which they turned 16.
        assert_eq!(leerplicht_einde(d("2005-07-31"), None), d("2021-07-31"));
        // 16 on 1 August: a new schooljaar, which they must finish.
        assert_eq!(leerplicht_einde(d("2005-08-01"), None), d("2022-07-31"));
    }

    #[test]
    fn leerplicht_einde_of_a_schrikkelkind() {
        assert_eq!(leerplicht_einde(d("2004-02-29"), None), d("2020-07-31"));
        // 16 on 1 March 2100 (not a leap year): still the schooljaar 2099-2100.
        assert_eq!(leerplicht_einde(d("2084-02-29"), None), d("2100-07-31"));
    }

    // Lpw art. 4 lid 1: "a. aan het einde van het schooljaar na afloop waarvan de jongere ten minste
    // twaalf volledige schooljaren een of meer scholen heeft bezocht" — if earlier than b.
    #[test]
    fn twelve_full_schooljaren_can_end_leerplicht_a_year_earlier() {
        // Born 1 August 2005, at school from the 4th birthday (1 August 2009): twelve full
        // schooljaren 2009-2010 … 2020-2021, one year before the 16-year rule.
        assert_eq!(leerplicht_einde(d("2005-08-01"), Some(d("2021-07-31"))), d("2021-07-31"));
        // A later twelfth year does not extend leerplicht.
        assert_eq!(leerplicht_einde(d("2004-09-10"), Some(d("2022-07-31"))), d("2021-07-31"));
        // A date inside a schooljaar counts as that schooljaar's end.
        assert_eq!(leerplicht_einde(d("2005-08-01"), Some(d("2021-06-15"))), d("2021-07-31"));
    }

    // Lpw art. 4a lid 1: kwalificatieplichtig from the end of leerplicht "tot de dag waarop" the
    // youth reaches "de leeftijd van 18 jaren", or earlier when a startkwalificatie is obtained.
    #[test]
    fn kwalificatieplicht_ends_on_the_18th_birthday() {
        let geboren = d("2004-09-10");
        let einde = leerplicht_einde(geboren, None);
        assert_eq!(kwalificatieplicht_einde(geboren, einde, None, None, None), Some(d("2022-09-10")));
        // Schrikkelkind: 18 on 1 March.
        let geboren = d("2004-02-29");
        let einde = leerplicht_einde(geboren, None);
        assert_eq!(kwalificatieplicht_einde(geboren, einde, None, None, None), Some(d("2022-03-01")));
    }

    #[test]
    fn kwalificatieplicht_ends_with_an_earlier_startkwalificatie() {
        let geboren = d("2004-09-10");
        let einde = d("2021-07-31");
        let sq = Some(d("2022-06-30"));
        assert_eq!(kwalificatieplicht_einde(geboren, einde, sq, None, None), Some(d("2022-06-30")));
        // A startkwalificatie after the 18th birthday changes nothing.
        let laat = Some(d("2023-06-30"));
        assert_eq!(kwalificatieplicht_einde(geboren, einde, laat, None, None), Some(d("2022-09-10")));
        // Obtained the day after leerplicht ended: kwalificatieplicht lasts zero days.
        let direct = Some(d("2021-08-01"));
        assert_eq!(kwalificatieplicht_einde(geboren, einde, direct, None, None), Some(d("2021-08-01")));
    }

    #[test]
    fn no_kwalificatieplicht_with_a_startkwalificatie_during_leerplicht() {
        let geboren = d("2004-09-10");
        let einde = d("2021-07-31");
        for sq in ["2021-07-31", "2021-06-30", "2020-07-01"] {
            assert_eq!(kwalificatieplicht_einde(geboren, einde, Some(d(sq)), None, None), None, "{sq}");
        }
    }

    #[test]
    fn vso_arbeidsmarkt_and_dagbesteding_are_not_kwalificatieplichtig() {
        // docs/regels.md: "A youth who followed VSO with profile arbeidsmarkt or dagbesteding is no
        // longer kwalificatieplichtig."
        let geboren = d("2004-09-10");
        let einde = d("2021-07-31");
        for profiel in [VsoProfiel::Arbeidsmarkt, VsoProfiel::Dagbesteding] {
            assert_eq!(kwalificatieplicht_einde(geboren, einde, None, None, Some(profiel)), None);
        }
        assert_eq!(
            kwalificatieplicht_einde(geboren, einde, None, None, Some(VsoProfiel::Vervolgonderwijs)),
            Some(d("2022-09-10"))
        );
    }
}
