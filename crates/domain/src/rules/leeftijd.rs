//! Age: the day someone reaches an age, and someone's age on a day.
//!
//! The Leerplichtwet counts in ages reached ("de leeftijd van vijf jaren heeft bereikt", art. 3;
//! "de leeftijd van 16 jaren", art. 4; "18 jaren", art. 4a), so every other rule goes through
//! [`verjaardag`].
use crate::Datum;
use chrono::Datelike;

/// The date on which someone born on `geboortedatum` reaches the age of `jaren`.
///
/// Normally the same day and month `jaren` years later. Someone born on 29 February reaches their
/// age on **1 March** in a year without 29 February: no Dutch statute fixes the day, and the
/// Dutch legal position (followed by e.g. the CBR for the rijbewijs) is that a full year has only
/// passed once 28 February is over ("juridisch ben je als schrikkelkind pas op 1 maart een jaar
/// ouder"). This matters for the rules: a schrikkelkind becomes leerplichtig a month later than
/// the 28-February reading would give (see [`super::leerplicht_begin`]).
///
/// # Panics
/// When the date falls outside chrono's calendar (about 262,000 years from now).
pub fn verjaardag(geboortedatum: Datum, jaren: u32) -> Datum {
    let jaar = i32::try_from(jaren)
        .ok()
        .and_then(|j| geboortedatum.year().checked_add(j))
        .expect("leeftijd binnen het bereik van de kalender");
    Datum::from_ymd_opt(jaar, geboortedatum.month(), geboortedatum.day())
        // Only 29 February can be missing from the target year.
        .or_else(|| Datum::from_ymd_opt(jaar, 3, 1))
        .expect("datum binnen het bereik van de kalender")
}

/// Someone's age in whole years on `peildatum`: the largest `n` with `verjaardag(geboortedatum, n)
/// <= peildatum`, so it agrees with [`verjaardag`] (a schrikkelkind is still 17 on 28 February of a
/// common year and 18 on 1 March). Before birth the age is 0.
pub fn leeftijd_op(geboortedatum: Datum, peildatum: Datum) -> u32 {
    if peildatum < geboortedatum {
        return 0;
    }
    let jaren = u32::try_from(peildatum.year() - geboortedatum.year()).unwrap_or(0);
    if verjaardag(geboortedatum, jaren) > peildatum { jaren - 1 } else { jaren }
}

/// The last date of birth of someone who has reached `jaren` on `peildatum`: everyone born on or
/// before it is at least that old. Lets a database count age bands by comparing dates, with the
/// cut-off taken from [`leeftijd_op`] itself (so 29 February follows [`verjaardag`]).
pub fn geboren_uiterlijk(peildatum: Datum, jaren: u32) -> Datum {
    let mut d =
        peildatum.with_day(1).and_then(|p| p.checked_sub_months(chrono::Months::new(12 * jaren))).expect("datum");
    // Age falls as the birth date rises: step to the last date that still has the age.
    while leeftijd_op(d.succ_opt().expect("datum"), peildatum) >= jaren {
        d = d.succ_opt().expect("datum");
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    #[test]
    fn an_ordinary_birthday_is_the_same_day_and_month() {
        assert_eq!(verjaardag(d("2004-09-10"), 16), d("2020-09-10"));
        assert_eq!(verjaardag(d("2004-09-10"), 0), d("2004-09-10"));
        assert_eq!(verjaardag(d("2003-12-31"), 18), d("2021-12-31"));
    }

    #[test]
    fn a_schrikkelkind_is_a_year_older_on_1_march_in_a_common_year() {
        // "Juridisch ben je als schrikkelkind pas op 1 maart een jaar ouder."
        assert_eq!(verjaardag(d("2016-02-29"), 5), d("2021-03-01"));
        assert_eq!(verjaardag(d("2004-02-29"), 18), d("2022-03-01"));
        // In a leap year the birthday is 29 February itself.
        assert_eq!(verjaardag(d("2004-02-29"), 16), d("2020-02-29"));
        // 2100 is not a leap year (divisible by 100, not by 400); 2000 was.
        assert_eq!(verjaardag(d("2084-02-29"), 16), d("2100-03-01"));
        assert_eq!(verjaardag(d("1984-02-29"), 16), d("2000-02-29"));
    }

    #[test]
    fn age_turns_on_the_birthday_itself() {
        let geboren = d("2004-09-10");
        assert_eq!(leeftijd_op(geboren, d("2022-09-09")), 17);
        assert_eq!(leeftijd_op(geboren, d("2022-09-10")), 18);
        assert_eq!(leeftijd_op(geboren, geboren), 0);
        assert_eq!(leeftijd_op(geboren, d("2004-09-09")), 0, "before birth");
        assert_eq!(leeftijd_op(geboren, d("2005-09-09")), 0);
        assert_eq!(leeftijd_op(geboren, d("2005-09-10")), 1);
    }

    #[test]
    fn a_schrikkelkind_is_still_17_on_28_february() {
        let geboren = d("2004-02-29");
        assert_eq!(leeftijd_op(geboren, d("2022-02-28")), 17);
        assert_eq!(leeftijd_op(geboren, d("2022-03-01")), 18);
        assert_eq!(leeftijd_op(geboren, d("2020-02-28")), 15);
        assert_eq!(leeftijd_op(geboren, d("2020-02-29")), 16);
    }

    #[test]
    fn geboren_uiterlijk_geeft_de_laatste_geboortedatum_met_die_leeftijd() {
        // On 1 October 2020 whoever was born on 1 October 2002 has just turned 18.
        assert_eq!(geboren_uiterlijk(d("2020-10-01"), 18), d("2002-10-01"));
        assert_eq!(geboren_uiterlijk(d("2020-10-31"), 5), d("2015-10-31"));
        // A schrikkelkind turns 17 on 1 March 2021, so on 28 February it is not yet 17 …
        assert_eq!(geboren_uiterlijk(d("2021-02-28"), 17), d("2004-02-28"));
        // … and on 1 March everyone born up to 1 March 2004 is.
        assert_eq!(geboren_uiterlijk(d("2021-03-01"), 17), d("2004-03-01"));
        // On 29 February 2024 someone born on 29 February 2008 turns 16.
        assert_eq!(geboren_uiterlijk(d("2024-02-29"), 16), d("2008-02-29"));
        for (p, j) in [("2020-10-01", 5), ("2021-02-28", 12), ("2024-02-29", 23), ("2021-07-31", 16)] {
            let g = geboren_uiterlijk(d(p), j);
            assert!(leeftijd_op(g, d(p)) >= j && leeftijd_op(g.succ_opt().unwrap(), d(p)) < j, "{p} {j}");
        }
    }
}
