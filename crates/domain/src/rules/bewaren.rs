//! Bewaren en vernietigen (docs/beheer.md, "Bewaren en vernietigen"): from which day a part of a
//! youth's dossier may be destroyed.
//!
//! Source: the *Selectielijst gemeenten en intergemeentelijke organen 2020* (VNG; the list under
//! Archiefwet 1995 art. 5 by which a gemeente's archive decision destroys), process 12.1
//! *Toezien en handhaven*:
//! - result **12.1.3 Leerplicht** (Lpw art. 3 en 4b): *vernietigen, 19 jaar*; "de bewaartermijn
//!   loopt vanaf de geboortedatum van de leerling";
//! - result **12.1.4 Kwalificatieplicht**: *vernietigen, 2 jaar* after the duty ended (Lpw art. 4a:
//!   at 18, or with the startkwalificatie). Verzuim from the kwalificatieplicht years is kept at
//!   least that long, even in the leerplicht part. Leerspoor also applies 12.1.4 to the RMC task,
//!   which follows a youth without startkwalificatie up to 23 (WEB art. 8.3.1): two years after the
//!   startkwalificatie or the 23rd birthday. That is an interpretation (the selectielijst has no
//!   result of its own for the RMC), the one the VHIC's answer on the handreiking gives; an office
//!   whose archive decision reads otherwise sets its own periods.
//!
//! The office's archive decision may set other periods ([`Bewaartermijnen`]); these are the
//! defaults. Two rules of Leerspoor's own come on top, because reports are computed from records:
//! - a part is never destroyed before the **second 1 August after its last date**: the running
//!   schooljaar's report and the one before it (which looks back to 1 October of the year before)
//!   still count it; older years are *vastgesteld* (their tables kept, counts without people)
//!   before anything they count is destroyed;
//! - the register's facts of the person (name, addresses, enrolments, parents) serve both tasks and
//!   the counts of every year she was in: they go with the last part, and not before the second
//!   1 August after her 23rd birthday, the last day the RMC counts her.
use super::leeftijd::verjaardag;
use crate::{Datum, SchoolJaar};

/// The parts of a youth's dossier, each with its own retention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dossierdeel {
    /// Leerplicht and verzuim: meldingen, zaken over verzuim with their actions, vrijstellingen,
    /// thuiszitperioden (selectielijst 12.1.3).
    Leerplicht,
    /// Kwalificatieplicht and RMC: RMC zaken with their actions, VSV meldingen, trajecten,
    /// dagbesteding (selectielijst 12.1.4).
    Rmc,
    /// The person as the register knows her: personal data, addresses, enrolments, diplomas,
    /// parents.
    Persoon,
}

impl Dossierdeel {
    pub const ALLE: [Dossierdeel; 3] = [Dossierdeel::Leerplicht, Dossierdeel::Rmc, Dossierdeel::Persoon];

    pub fn code(self) -> &'static str {
        match self {
            Dossierdeel::Leerplicht => "leerplicht",
            Dossierdeel::Rmc => "rmc",
            Dossierdeel::Persoon => "persoon",
        }
    }

    /// The ground a destruction list names.
    pub fn grondslag(self, termijnen: &Bewaartermijnen) -> String {
        match self {
            Dossierdeel::Leerplicht => format!(
                "Selectielijst gemeenten 2020, 12.1.3 Leerplicht: vernietigen {} jaar na de geboortedatum",
                termijnen.leerplicht_jaren
            ),
            Dossierdeel::Rmc => format!(
                "Selectielijst gemeenten 2020, 12.1.4 Kwalificatieplicht: vernietigen {} jaar na de startkwalificatie \
                 of de 23ste verjaardag",
                termijnen.rmc_jaren
            ),
            Dossierdeel::Persoon => {
                "met het laatste deel van het dossier, niet vóór het einde van de RMC-leeftijd (23)".to_string()
            }
        }
    }
}

/// The retention periods of the office's archive decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bewaartermijnen {
    /// Years from the date of birth for the leerplicht part (12.1.3: 19).
    pub leerplicht_jaren: u32,
    /// Years after the RMC task ended for the RMC part (12.1.4: 2).
    pub rmc_jaren: u32,
}

impl Default for Bewaartermijnen {
    fn default() -> Self {
        Bewaartermijnen { leerplicht_jaren: 19, rmc_jaren: 2 }
    }
}

/// The age up to which the RMC follows a youth without startkwalificatie (WEB art. 8.3.1).
const RMC_LEEFTIJD: u32 = 23;

/// The last day of the RMC task: the startkwalificatie, or the 23rd birthday if earlier.
fn rmc_einde(geboortedatum: Datum, startkwalificatie: Option<Datum>) -> Datum {
    let drieentwintig = verjaardag(geboortedatum, RMC_LEEFTIJD);
    startkwalificatie.map_or(drieentwintig, |sq| sq.min(drieentwintig))
}

/// What the periods of a youth's part depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bewaarfeiten {
    pub geboortedatum: Datum,
    /// The first startkwalificatie, if any.
    pub startkwalificatie: Option<Datum>,
    /// The part's last date (for the person: of any part); `None` for a part without dated records.
    pub laatste: Option<Datum>,
    /// The part holds verzuim from the 16th birthday on: possibly of the kwalificatieplicht, which
    /// full-time leerplicht no longer covers from the end of that schooljaar (Lpw art. 4). Taking the
    /// birthday keeps a few months longer rather than shorter.
    pub kwalificatieplicht: bool,
}

/// The age at which the kwalificatieplicht ends without startkwalificatie (Lpw art. 4a).
const KWALIFICATIEPLICHT_LEEFTIJD: u32 = 18;

/// The day the archive decision's period for a part ends: from then on it may be destroyed, by the
/// selectielijst alone. A period of years after a date ends on the same day that many years later,
/// 29 February on 1 March ([`verjaardag`]).
pub fn termijn_einde(deel: Dossierdeel, termijnen: &Bewaartermijnen, feiten: &Bewaarfeiten) -> Datum {
    let geboren = feiten.geboortedatum;
    let leerplicht = verjaardag(geboren, termijnen.leerplicht_jaren);
    let kwalificatieplicht_einde =
        feiten.startkwalificatie.map_or(verjaardag(geboren, KWALIFICATIEPLICHT_LEEFTIJD), |sq| {
            sq.min(verjaardag(geboren, KWALIFICATIEPLICHT_LEEFTIJD))
        });
    let kwalificatieplicht = verjaardag(kwalificatieplicht_einde, termijnen.rmc_jaren);
    let rmc = verjaardag(rmc_einde(geboren, feiten.startkwalificatie), termijnen.rmc_jaren);
    match deel {
        Dossierdeel::Leerplicht if feiten.kwalificatieplicht => leerplicht.max(kwalificatieplicht),
        Dossierdeel::Leerplicht => leerplicht,
        Dossierdeel::Rmc => rmc,
        Dossierdeel::Persoon => leerplicht.max(rmc),
    }
}

/// The first day a part may be destroyed: its period has ended and the second schooljaar after its
/// last date has begun.
pub fn vernietigbaar_vanaf(deel: Dossierdeel, termijnen: &Bewaartermijnen, feiten: &Bewaarfeiten) -> Datum {
    let laatste = match deel {
        Dossierdeel::Persoon => feiten.laatste.max(Some(verjaardag(feiten.geboortedatum, RMC_LEEFTIJD))),
        _ => feiten.laatste,
    };
    let na_rapportage = laatste.map(|d| SchoolJaar::van(d).volgend().volgend().eerste_dag());
    termijn_einde(deel, termijnen, feiten).max(na_rapportage.unwrap_or(Datum::MIN))
}

/// Whether a date falls on or after the 16th birthday (see [`Bewaarfeiten::kwalificatieplicht`]).
pub fn na_zestiende(geboortedatum: Datum, datum: Datum) -> bool {
    datum >= verjaardag(geboortedatum, 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    const STANDAARD: Bewaartermijnen = Bewaartermijnen { leerplicht_jaren: 19, rmc_jaren: 2 };

    fn feiten(geboren: &str, sq: Option<&str>, laatste: Option<&str>) -> Bewaarfeiten {
        Bewaarfeiten {
            geboortedatum: d(geboren),
            startkwalificatie: sq.map(d),
            laatste: laatste.map(d),
            kwalificatieplicht: false,
        }
    }

    #[test]
    fn leerplicht_is_kept_nineteen_years_from_the_date_of_birth() {
        // 12.1.3: "19 jaar; de bewaartermijn loopt vanaf de geboortedatum van de leerling".
        assert_eq!(
            termijn_einde(Dossierdeel::Leerplicht, &STANDAARD, &feiten("2001-03-01", None, None)),
            d("2020-03-01")
        );
        assert_eq!(
            termijn_einde(Dossierdeel::Leerplicht, &STANDAARD, &feiten("2001-01-31", None, None)),
            d("2020-01-31")
        );
        // Born on 29 February: 19 years later is a common year, so 1 March.
        assert_eq!(
            termijn_einde(Dossierdeel::Leerplicht, &STANDAARD, &feiten("2004-02-29", None, None)),
            d("2023-03-01")
        );
    }

    #[test]
    fn rmc_is_kept_two_years_after_the_startkwalificatie_or_the_twenty_third_birthday() {
        // 12.1.4 as the handreiking reads it: two years after the duty (the RMC task) ended.
        assert_eq!(termijn_einde(Dossierdeel::Rmc, &STANDAARD, &feiten("2000-05-31", None, None)), d("2025-05-31"));
        assert_eq!(
            termijn_einde(Dossierdeel::Rmc, &STANDAARD, &feiten("2000-05-31", Some("2019-07-01"), None)),
            d("2021-07-01")
        );
        // A startkwalificatie after 23 does not lengthen the task.
        assert_eq!(
            termijn_einde(Dossierdeel::Rmc, &STANDAARD, &feiten("2000-05-31", Some("2024-07-01"), None)),
            d("2025-05-31")
        );
    }

    #[test]
    fn the_person_goes_with_the_last_part() {
        assert_eq!(termijn_einde(Dossierdeel::Persoon, &STANDAARD, &feiten("2000-05-31", None, None)), d("2025-05-31"));
        // A startkwalificatie at 16: the leerplicht part is the later one.
        assert_eq!(
            termijn_einde(Dossierdeel::Persoon, &STANDAARD, &feiten("2000-05-31", Some("2017-03-01"), None)),
            d("2019-05-31")
        );
    }

    #[test]
    fn verzuim_from_the_kwalificatieplicht_years_is_kept_two_years_after_that_duty_ended() {
        // Born 1 March 2000, verzuim at 17: 12.1.4 keeps it until two years after the 18th birthday,
        // later than 12.1.3's 19 years.
        let met = Bewaarfeiten { kwalificatieplicht: true, ..feiten("2000-03-01", None, Some("2017-11-01")) };
        assert_eq!(termijn_einde(Dossierdeel::Leerplicht, &STANDAARD, &met), d("2020-03-01"));
        assert_eq!(vernietigbaar_vanaf(Dossierdeel::Leerplicht, &STANDAARD, &met), d("2020-03-01"));
        // A startkwalificatie at 16 ended that duty early: 12.1.3's 19 years decide.
        let sq = Bewaarfeiten { startkwalificatie: Some(d("2016-09-01")), ..met };
        assert_eq!(termijn_einde(Dossierdeel::Leerplicht, &STANDAARD, &sq), d("2019-03-01"));
        // The 16th birthday is the cut.
        assert!(na_zestiende(d("2000-03-01"), d("2016-03-01")));
        assert!(!na_zestiende(d("2000-03-01"), d("2016-02-29")));
        assert!(na_zestiende(d("2000-02-29"), d("2016-02-29")));
        assert!(!na_zestiende(d("2001-02-28"), d("2017-02-27")));
    }

    #[test]
    fn an_archive_decision_may_set_other_periods() {
        let langer = Bewaartermijnen { leerplicht_jaren: 23, rmc_jaren: 5 };
        assert_eq!(termijn_einde(Dossierdeel::Leerplicht, &langer, &feiten("2001-03-01", None, None)), d("2024-03-01"));
        assert_eq!(termijn_einde(Dossierdeel::Rmc, &langer, &feiten("2000-05-31", None, None)), d("2028-05-31"));
    }

    const GEBOREN: &str = "1990-01-01";

    #[test]
    fn nothing_goes_before_the_second_first_of_august_after_its_last_date() {
        // The period ended long ago, but a melding of 31 July 2020 (schooljaar 2019-2020) still
        // counts in the report of 2020-2021: destroyable from 1 August 2021.
        assert_eq!(
            vernietigbaar_vanaf(Dossierdeel::Leerplicht, &STANDAARD, &feiten(GEBOREN, None, Some("2020-07-31"))),
            d("2021-08-01")
        );
        // One day later is schooljaar 2020-2021: a year more.
        assert_eq!(
            vernietigbaar_vanaf(Dossierdeel::Leerplicht, &STANDAARD, &feiten(GEBOREN, None, Some("2020-08-01"))),
            d("2022-08-01")
        );
        // The period itself ends later than that: the period decides.
        assert_eq!(
            vernietigbaar_vanaf(Dossierdeel::Leerplicht, &STANDAARD, &feiten("2003-10-15", None, Some("2018-11-01"))),
            d("2022-10-15")
        );
        // No dated record: the period alone.
        assert_eq!(
            vernietigbaar_vanaf(Dossierdeel::Rmc, &STANDAARD, &feiten("2000-05-31", None, None)),
            d("2025-05-31")
        );
    }

    #[test]
    fn the_person_stays_until_the_second_first_of_august_after_her_twenty_third_birthday() {
        // Startkwalificatie at 17, no casework: by the selectielijst at 19, but she counts in the
        // RMC's figures up to 23 (31 May 2023, schooljaar 2022-2023): from 1 August 2024.
        assert_eq!(
            vernietigbaar_vanaf(Dossierdeel::Persoon, &STANDAARD, &feiten("2000-05-31", Some("2017-07-01"), None)),
            d("2024-08-01")
        );
        // Born 1 August: the 23rd birthday opens a schooljaar.
        assert_eq!(
            vernietigbaar_vanaf(Dossierdeel::Persoon, &STANDAARD, &feiten("2000-08-01", None, None)),
            d("2025-08-01")
        );
    }
}
