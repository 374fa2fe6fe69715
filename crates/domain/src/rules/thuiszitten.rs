//! Absoluut verzuim and thuiszitters (domain.md §3, §4; Lpw art. 2 and 4b; Thuiszitterspact).
use super::status::Plichtstatus;
use crate::Datum;
use crate::model::ThuiszitEinde;
use chrono::Months;

/// What is known about a youth on one date, as far as absence goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Situatie {
    pub status: Plichtstatus,
    pub ingeschreven: bool,
    pub vrijstelling: bool,
}

/// Absoluut verzuim: a leer- or kwalificatieplichtige youth who is not enrolled at any school and has
/// no running vrijstelling (Lpw art. 2 lid 1 and art. 4b: the duty to enrol).
pub fn absoluut_verzuim(s: Situatie) -> bool {
    matches!(s.status, Plichtstatus::Leerplichtig | Plichtstatus::Kwalificatieplichtig)
        && !s.ingeschreven
        && !s.vrijstelling
}

/// A thuiszitter (domain.md §4): a leer- or kwalificatieplichtige youth without vrijstelling who is
/// not enrolled (absoluut verzuim) or enrolled but absent without valid reason for 4 weeks or more
/// (langdurig relatief verzuim). An ill youth is not a thuiszitter.
pub fn thuiszitter(s: Situatie, ongeoorloofd_afwezig_sinds: Option<Datum>, ziek: bool, op: Datum) -> bool {
    if ziek || s.vrijstelling || !matches!(s.status, Plichtstatus::Leerplichtig | Plichtstatus::Kwalificatieplichtig) {
        return false;
    }
    !s.ingeschreven || ongeoorloofd_afwezig_sinds.is_some_and(|sinds| sinds + chrono::Days::new(28) <= op)
}

/// "Langer dan 3 maanden": the period (up to its end, or up to `peildatum` while it runs) lasts
/// beyond three calendar months from its first day.
pub fn langer_dan_drie_maanden(begin: Datum, einde: Option<Datum>, peildatum: Datum) -> bool {
    let tot = einde.map_or(peildatum, |e| e.min(peildatum));
    tot > begin + Months::new(3)
}

/// The pact's norm: a suitable offer within 3 months of the start. `None` while the 3 months have not
/// passed and no offer was made yet (too early to tell).
pub fn aanbod_binnen_norm(begin: Datum, aanbod: Option<Datum>, peildatum: Datum) -> Option<bool> {
    let norm = begin + Months::new(3);
    match aanbod {
        Some(a) => Some(a <= norm),
        None if peildatum > norm => Some(false),
        None => None,
    }
}

/// Why a thuiszitter period ends when its zaak closes (the categories of the thuiszitters monitor):
/// moved or died, turned 18, or else resolved.
pub fn einde_bij_sluiting(reden_sluiting: &str, achttien_geworden: bool) -> ThuiszitEinde {
    match reden_sluiting {
        "verhuisd" | "verhuisd_buitenland" | "overleden" => ThuiszitEinde::VerhuisdOverleden,
        "niet_meer_plichtig" if achttien_geworden => ThuiszitEinde::AchttienGeworden,
        _ => ThuiszitEinde::Opgelost,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Plichtstatus::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    const NIET_INGESCHREVEN: Situatie = Situatie { status: Leerplichtig, ingeschreven: false, vrijstelling: false };

    #[test]
    fn absoluut_verzuim_is_plichtig_not_enrolled_and_no_vrijstelling() {
        assert!(absoluut_verzuim(NIET_INGESCHREVEN));
        assert!(absoluut_verzuim(Situatie { status: Kwalificatieplichtig, ..NIET_INGESCHREVEN }));
        assert!(!absoluut_verzuim(Situatie { vrijstelling: true, ..NIET_INGESCHREVEN }));
        assert!(!absoluut_verzuim(Situatie { ingeschreven: true, ..NIET_INGESCHREVEN }));
        // An 18-year-old without SQ is RMC's, not absoluut verzuim.
        assert!(!absoluut_verzuim(Situatie { status: RmcDoelgroep, ..NIET_INGESCHREVEN }));
        assert!(!absoluut_verzuim(Situatie { status: NogNietLeerplichtig, ..NIET_INGESCHREVEN }));
    }

    #[test]
    fn a_thuiszitter_after_four_weeks_of_unauthorised_absence_but_not_when_ill() {
        let ingeschreven = Situatie { ingeschreven: true, ..NIET_INGESCHREVEN };
        let op = d("2021-03-01");
        assert!(thuiszitter(ingeschreven, Some(d("2021-02-01")), false, op), "28 dagen");
        assert!(!thuiszitter(ingeschreven, Some(d("2021-02-02")), false, op), "27 dagen");
        assert!(!thuiszitter(ingeschreven, Some(d("2021-01-01")), true, op), "ziek");
        assert!(!thuiszitter(ingeschreven, None, false, op));
        assert!(thuiszitter(NIET_INGESCHREVEN, None, false, op), "absoluut verzuim");
        assert!(!thuiszitter(Situatie { vrijstelling: true, ..NIET_INGESCHREVEN }, None, false, op));
    }

    #[test]
    fn a_period_ends_as_the_monitor_counts_it() {
        assert_eq!(einde_bij_sluiting("ingeschreven", false), ThuiszitEinde::Opgelost);
        assert_eq!(einde_bij_sluiting("verhuisd_buitenland", false), ThuiszitEinde::VerhuisdOverleden);
        assert_eq!(einde_bij_sluiting("overleden", false), ThuiszitEinde::VerhuisdOverleden);
        assert_eq!(einde_bij_sluiting("niet_meer_plichtig", true), ThuiszitEinde::AchttienGeworden);
        assert_eq!(einde_bij_sluiting("niet_meer_plichtig", false), ThuiszitEinde::Opgelost, "startkwalificatie");
    }

    #[test]
    fn longer_than_three_months_counts_calendar_months() {
        // Resolved after 4 months: "> 3 maanden".
        assert!(langer_dan_drie_maanden(d("2020-10-01"), Some(d("2021-02-01")), d("2021-07-31")));
        assert!(!langer_dan_drie_maanden(d("2020-10-01"), Some(d("2021-01-01")), d("2021-07-31")), "precies 3");
        assert!(langer_dan_drie_maanden(d("2020-10-01"), Some(d("2021-01-02")), d("2021-07-31")));
        // Still running: measured up to the peildatum; 30 November + 3 months = 28 February.
        assert!(!langer_dan_drie_maanden(d("2020-11-30"), None, d("2021-02-28")));
        assert!(langer_dan_drie_maanden(d("2020-11-30"), None, d("2021-03-01")));
    }

    #[test]
    fn an_offer_within_three_months_meets_the_pacts_norm() {
        assert_eq!(aanbod_binnen_norm(d("2020-10-01"), Some(d("2021-01-01")), d("2021-07-31")), Some(true));
        assert_eq!(aanbod_binnen_norm(d("2020-10-01"), Some(d("2021-01-02")), d("2021-07-31")), Some(false));
        assert_eq!(aanbod_binnen_norm(d("2020-10-01"), None, d("2020-12-15")), None, "nog binnen de termijn");
        assert_eq!(aanbod_binnen_norm(d("2020-10-01"), None, d("2021-01-02")), Some(false), "signaal");
    }
}
