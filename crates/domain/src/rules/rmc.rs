//! RMC-doelgroep: youths 18 up to 23 without a startkwalificatie.
use super::leeftijd::leeftijd_op;
use crate::Datum;

/// Whether a youth belongs to the RMC-doelgroep on `peildatum`: at least 18, not yet 23 (the
/// doelgroep ends on the 23rd birthday), and no startkwalificatie obtained on or before
/// `peildatum`.
///
/// docs/regels.md: "RMC-doelgroep: youths 18 up to 23 (until the 23rd birthday) without SQ". Ages
/// are counted with [`super::verjaardag`], so a schrikkelkind enters on 1 March of the year they
/// turn 18 and leaves on 1 March of the year they turn 23.
///
/// This is the office's 18-23 caseload. The statutory RMC-functie (WEB art. 8.3.1) covers every
/// school leaver without startkwalificatie under 23 who is not leer- or kwalificatieplichtig, so
/// also a 16- or 17-year-old freed from kwalificatieplicht (VSO arbeidsmarkt/dagbesteding); those
/// are not counted here.
pub fn rmc_doelgroep(geboortedatum: Datum, startkwalificatie: Option<Datum>, peildatum: Datum) -> bool {
    (18..23).contains(&leeftijd_op(geboortedatum, peildatum)) && startkwalificatie.is_none_or(|sq| sq > peildatum)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    // docs/regels.md: "youths 18 up to 23 (until the 23rd birthday) without SQ".
    #[test]
    fn from_the_18th_up_to_the_23rd_birthday() {
        let geboren = d("2004-09-10");
        assert!(!rmc_doelgroep(geboren, None, d("2022-09-09")));
        assert!(rmc_doelgroep(geboren, None, d("2022-09-10")));
        assert!(rmc_doelgroep(geboren, None, d("2027-09-09")));
        assert!(!rmc_doelgroep(geboren, None, d("2027-09-10")));
        assert!(!rmc_doelgroep(geboren, None, d("2000-01-01")), "before birth");
    }

    #[test]
    fn a_startkwalificatie_ends_it_from_the_day_it_is_obtained() {
        let geboren = d("2004-09-10");
        let sq = Some(d("2024-06-30"));
        assert!(rmc_doelgroep(geboren, sq, d("2024-06-29")));
        assert!(!rmc_doelgroep(geboren, sq, d("2024-06-30")));
        assert!(!rmc_doelgroep(geboren, Some(d("2021-06-30")), d("2023-01-01")));
    }

    #[test]
    fn a_schrikkelkind_enters_and_leaves_on_1_march() {
        let geboren = d("2004-02-29");
        assert!(!rmc_doelgroep(geboren, None, d("2022-02-28")));
        assert!(rmc_doelgroep(geboren, None, d("2022-03-01")));
        assert!(rmc_doelgroep(geboren, None, d("2027-02-28")));
        assert!(!rmc_doelgroep(geboren, None, d("2027-03-01")));
    }
}
