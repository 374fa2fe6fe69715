//! The facts about one youth that the leerplicht rules need, and what the law asks of them on a
//! peildatum.
use super::leeftijd::{leeftijd_op, verjaardag};
use super::leerplicht::{kwalificatieplicht_einde, leerplicht_begin, leerplicht_einde};
use super::rmc::rmc_doelgroep;
use crate::onderwijs::VsoProfiel;
use crate::{Datum, code_enum};
use chrono::Datelike;

code_enum!(
    /// What the law asks of a youth on a peildatum.
    Plichtstatus, "status" {
        /// Before [`leerplicht_begin`].
        NogNietLeerplichtig = ("nog_niet_leerplichtig", "Nog niet leerplichtig"),
        /// From [`leerplicht_begin`] up to and including [`leerplicht_einde`] (Lpw art. 3 and 4).
        Leerplichtig = ("leerplichtig", "Leerplichtig"),
        /// After leerplicht, before [`kwalificatieplicht_einde`] (Lpw art. 4a).
        Kwalificatieplichtig = ("kwalificatieplichtig", "Kwalificatieplichtig"),
        /// From the 18th up to the 23rd birthday, without startkwalificatie ([`rmc_doelgroep`]).
        RmcDoelgroep = ("rmc_doelgroep", "RMC-doelgroep (18-23 zonder startkwalificatie)"),
        /// None of the above: e.g. 16 or 17 with a startkwalificatie, or 23 and older.
        Geen = ("geen", "Geen leer- of kwalificatieplicht, geen RMC-doelgroep"),
    }
);

/// Facts that cannot hold together, with a Dutch message for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RegelFout {
    #[error("de peildatum {peildatum} ligt vóór de geboortedatum {geboortedatum}")]
    PeildatumVoorGeboorte { peildatum: Datum, geboortedatum: Datum },
    #[error("een startkwalificatie op {datum} is onmogelijk: de jongere wordt pas op {twaalfde_verjaardag} 12 jaar")]
    StartkwalificatieVoorTwaalf { datum: Datum, twaalfde_verjaardag: Datum },
    #[error("twaalf volledige schooljaren eindigen aan het einde van een schooljaar (31 juli), niet op {0}")]
    TwaalfSchooljarenGeenEindeSchooljaar(Datum),
    #[error(
        "twaalf volledige schooljaren voltooid op {datum} is onmogelijk: de jongere is dan pas {leeftijd} jaar (vroegst mogelijk: {vroegst})"
    )]
    TwaalfSchooljarenTeJong { datum: Datum, leeftijd: u32, vroegst: Datum },
}

/// The youngest age at which twelve full schooljaren can have been completed (see
/// [`Leerplichtfeiten::nieuw`]).
const MINIMUMLEEFTIJD_TWAALF_SCHOOLJAREN: u32 = 12;

/// The facts about one youth that decide leerplicht, kwalificatieplicht and the RMC-doelgroep,
/// checked to be possible together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leerplichtfeiten {
    geboortedatum: Datum,
    startkwalificatie: Option<Datum>,
    twaalf_schooljaren_op: Option<Datum>,
    vso_profiel: Option<VsoProfiel>,
    diploma_praktijkonderwijs: Option<Datum>,
}

/// The computed dates of a youth and their status on one peildatum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leerplichtstatus {
    /// First day of leerplicht ([`leerplicht_begin`]).
    pub leerplicht_begin: Datum,
    /// Last day of volledige leerplicht, a 31 July ([`leerplicht_einde`]).
    pub leerplicht_einde: Datum,
    /// First day no longer kwalificatieplichtig; `None` when it never applied
    /// ([`kwalificatieplicht_einde`]).
    pub kwalificatieplicht_einde: Option<Datum>,
    pub status: Plichtstatus,
}

impl Leerplichtfeiten {
    /// Checks the facts:
    /// - `startkwalificatie`, the date the first startkwalificatie was obtained, cannot be before
    ///   the 12th birthday (a havo diploma takes at least eight years of primary school and five of
    ///   secondary; 12 is a generous lower bound that still catches typing errors);
    /// - `twaalf_schooljaren_op`, the end of the schooljaar after which twelve full schooljaren were
    ///   completed (Lpw art. 4 lid 1), must be a 31 July, and the youth must be at least 12 then.
    ///   School can start at 4, so without skipping twelve schooljaren end at 15 at the earliest;
    ///   a skipped group counts as a full year, and the bound allows three of them.
    /// - `vso_profiel`: the uitstroomprofiel of the VSO the youth followed, if any.
    pub fn nieuw(
        geboortedatum: Datum,
        startkwalificatie: Option<Datum>,
        twaalf_schooljaren_op: Option<Datum>,
        vso_profiel: Option<VsoProfiel>,
    ) -> Result<Leerplichtfeiten, RegelFout> {
        if let Some(datum) = startkwalificatie {
            let twaalfde_verjaardag = verjaardag(geboortedatum, 12);
            if datum < twaalfde_verjaardag {
                return Err(RegelFout::StartkwalificatieVoorTwaalf { datum, twaalfde_verjaardag });
            }
        }
        if let Some(datum) = twaalf_schooljaren_op {
            if (datum.month(), datum.day()) != (7, 31) {
                return Err(RegelFout::TwaalfSchooljarenGeenEindeSchooljaar(datum));
            }
            let leeftijd = leeftijd_op(geboortedatum, datum);
            if leeftijd < MINIMUMLEEFTIJD_TWAALF_SCHOOLJAREN {
                let twaalf = verjaardag(geboortedatum, MINIMUMLEEFTIJD_TWAALF_SCHOOLJAREN);
                let vroegst = crate::SchoolJaar::van(twaalf).laatste_dag();
                return Err(RegelFout::TwaalfSchooljarenTeJong { datum, leeftijd, vroegst });
            }
        }
        Ok(Leerplichtfeiten {
            geboortedatum,
            startkwalificatie,
            twaalf_schooljaren_op,
            vso_profiel,
            diploma_praktijkonderwijs: None,
        })
    }

    /// With the date of the first schooldiploma or verklaring praktijkonderwijs, which lifts the
    /// kwalificatieplicht (Lpw art. 4a lid 2) but is no startkwalificatie.
    pub fn met_diploma_praktijkonderwijs(self, datum: Option<Datum>) -> Leerplichtfeiten {
        Leerplichtfeiten { diploma_praktijkonderwijs: datum, ..self }
    }

    pub fn geboortedatum(&self) -> Datum {
        self.geboortedatum
    }

    pub fn startkwalificatie(&self) -> Option<Datum> {
        self.startkwalificatie
    }

    pub fn twaalf_schooljaren_op(&self) -> Option<Datum> {
        self.twaalf_schooljaren_op
    }

    pub fn vso_profiel(&self) -> Option<VsoProfiel> {
        self.vso_profiel
    }

    pub fn diploma_praktijkonderwijs(&self) -> Option<Datum> {
        self.diploma_praktijkonderwijs
    }

    /// The dates and the status on `peildatum`; a peildatum before birth is an error.
    ///
    /// The statuses follow each other in time and the first that applies wins: leerplicht
    /// (Lpw art. 3, 4) before kwalificatieplicht (art. 4a) before the RMC-doelgroep. A youth with
    /// a startkwalificatie is still leerplichtig until [`leerplicht_einde`]: art. 4 ends
    /// leerplicht by age or schooljaren only.
    pub fn op(&self, peildatum: Datum) -> Result<Leerplichtstatus, RegelFout> {
        if peildatum < self.geboortedatum {
            return Err(RegelFout::PeildatumVoorGeboorte { peildatum, geboortedatum: self.geboortedatum });
        }
        let begin = leerplicht_begin(self.geboortedatum);
        let einde = leerplicht_einde(self.geboortedatum, self.twaalf_schooljaren_op);
        let kwalificatie_einde = kwalificatieplicht_einde(
            self.geboortedatum,
            einde,
            self.startkwalificatie,
            self.diploma_praktijkonderwijs,
            self.vso_profiel,
        );
        let status = if peildatum < begin {
            Plichtstatus::NogNietLeerplichtig
        } else if peildatum <= einde {
            Plichtstatus::Leerplichtig
        } else if kwalificatie_einde.is_some_and(|k| peildatum < k) {
            Plichtstatus::Kwalificatieplichtig
        } else if rmc_doelgroep(self.geboortedatum, self.startkwalificatie, peildatum) {
            Plichtstatus::RmcDoelgroep
        } else {
            Plichtstatus::Geen
        };
        Ok(Leerplichtstatus {
            leerplicht_begin: begin,
            leerplicht_einde: einde,
            kwalificatieplicht_einde: kwalificatie_einde,
            status,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Plichtstatus::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    fn feiten(geboren: &str) -> Leerplichtfeiten {
        Leerplichtfeiten::nieuw(d(geboren), None, None, None).unwrap()
    }

    fn status(f: &Leerplichtfeiten, peildatum: &str) -> Plichtstatus {
        f.op(d(peildatum)).unwrap().status
    }

    #[test]
    fn the_example_of_the_status_command() {
        let f = Leerplichtfeiten::nieuw(d("2004-09-10"), None, None, None).unwrap();
        let s = f.op(d("2021-08-01")).unwrap();
        assert_eq!(s.leerplicht_begin, d("2009-10-01"));
        assert_eq!(s.leerplicht_einde, d("2021-07-31"));
        assert_eq!(s.kwalificatieplicht_einde, Some(d("2022-09-10")));
        assert_eq!(s.status, Kwalificatieplichtig);
    }

    // Lpw art. 3 lid 1 ("met ingang van de eerste schooldag van de maand volgende op die waarin
    // het de leeftijd van vijf jaren heeft bereikt"), art. 4 lid 1 ("aan het einde van het
    // schooljaar waarin de jongere de leeftijd van zestien jaren heeft bereikt") and art. 4a
    // (kwalificatieplicht until "de leeftijd van 18 jaren").
    #[test]
    fn a_life_without_startkwalificatie() {
        let f = feiten("2004-09-10");
        assert_eq!(status(&f, "2004-09-10"), NogNietLeerplichtig);
        assert_eq!(status(&f, "2009-09-30"), NogNietLeerplichtig);
        assert_eq!(status(&f, "2009-10-01"), Leerplichtig);
        assert_eq!(status(&f, "2021-07-31"), Leerplichtig);
        assert_eq!(status(&f, "2021-08-01"), Kwalificatieplichtig);
        assert_eq!(status(&f, "2022-09-09"), Kwalificatieplichtig);
        assert_eq!(status(&f, "2022-09-10"), RmcDoelgroep);
        assert_eq!(status(&f, "2027-09-09"), RmcDoelgroep);
        assert_eq!(status(&f, "2027-09-10"), Geen);
    }

    #[test]
    fn a_startkwalificatie_at_17_ends_kwalificatieplicht_and_keeps_them_out_of_rmc() {
        let f = Leerplichtfeiten::nieuw(d("2004-09-10"), Some(d("2022-06-30")), None, None).unwrap();
        assert_eq!(status(&f, "2022-06-29"), Kwalificatieplichtig);
        assert_eq!(status(&f, "2022-06-30"), Geen);
        assert_eq!(status(&f, "2023-01-01"), Geen);
    }

    #[test]
    fn a_startkwalificatie_after_18_ends_the_rmc_doelgroep() {
        let f = Leerplichtfeiten::nieuw(d("2004-09-10"), Some(d("2024-06-30")), None, None).unwrap();
        let s = f.op(d("2024-06-29")).unwrap();
        assert_eq!(s.kwalificatieplicht_einde, Some(d("2022-09-10")));
        assert_eq!(s.status, RmcDoelgroep);
        assert_eq!(status(&f, "2024-06-30"), Geen);
    }

    #[test]
    fn a_startkwalificatie_during_leerplicht_does_not_end_leerplicht() {
        // Art. 4 ends leerplicht by age or schooljaren, not by diploma.
        let f = Leerplichtfeiten::nieuw(d("2005-06-10"), Some(d("2021-06-30")), None, None).unwrap();
        let s = f.op(d("2021-07-01")).unwrap();
        assert_eq!(s.status, Leerplichtig);
        assert_eq!(s.kwalificatieplicht_einde, None);
        assert_eq!(status(&f, "2021-08-01"), Geen);
    }

    #[test]
    fn vso_arbeidsmarkt_goes_from_leerplicht_to_nothing_until_18() {
        let f = Leerplichtfeiten::nieuw(d("2004-09-10"), None, None, Some(VsoProfiel::Arbeidsmarkt)).unwrap();
        assert_eq!(f.op(d("2021-08-01")).unwrap().kwalificatieplicht_einde, None);
        assert_eq!(status(&f, "2021-07-31"), Leerplichtig);
        assert_eq!(status(&f, "2021-08-01"), Geen);
        assert_eq!(status(&f, "2022-09-10"), RmcDoelgroep);
    }

    // Lpw art. 4a lid 2: the duty "geldt niet ten aanzien van jongeren die in het bezit zijn van een
    // schooldiploma praktijkonderwijs". Not a startkwalificatie: at 18 the youth is RMC-doelgroep.
    #[test]
    fn a_praktijkonderwijs_diploma_at_17_ends_the_kwalificatieplicht_that_day() {
        let f = Leerplichtfeiten::nieuw(d("2004-09-10"), None, None, None)
            .unwrap()
            .met_diploma_praktijkonderwijs(Some(d("2022-07-08")));
        assert_eq!(f.op(d("2021-08-01")).unwrap().kwalificatieplicht_einde, Some(d("2022-07-08")));
        assert_eq!(status(&f, "2022-07-07"), Kwalificatieplichtig);
        assert_eq!(status(&f, "2022-07-08"), Geen);
        assert_eq!(status(&f, "2022-09-10"), RmcDoelgroep);
        // Had before leerplicht ended: the kwalificatieplicht never applied.
        let vroeg = Leerplichtfeiten::nieuw(d("2004-09-10"), None, None, None)
            .unwrap()
            .met_diploma_praktijkonderwijs(Some(d("2021-07-09")));
        assert_eq!(vroeg.op(d("2021-08-01")).unwrap().kwalificatieplicht_einde, None);
        assert_eq!(status(&vroeg, "2021-08-01"), Geen);
    }

    // Lpw art. 4 lid 1 sub a: "aan het einde van het schooljaar na afloop waarvan de jongere ten
    // minste twaalf volledige schooljaren een of meer scholen heeft bezocht".
    #[test]
    fn twelve_schooljaren_end_leerplicht_early() {
        let f = Leerplichtfeiten::nieuw(d("2005-08-01"), None, Some(d("2021-07-31")), None).unwrap();
        let s = f.op(d("2021-08-01")).unwrap();
        assert_eq!(s.leerplicht_einde, d("2021-07-31"));
        assert_eq!(s.status, Kwalificatieplichtig);
        assert_eq!(s.kwalificatieplicht_einde, Some(d("2023-08-01")));
    }

    #[test]
    fn schrikkelkind() {
        let f = feiten("2016-02-29");
        assert_eq!(status(&f, "2021-03-31"), NogNietLeerplichtig);
        assert_eq!(status(&f, "2021-04-01"), Leerplichtig);
        let s = f.op(d("2030-01-01")).unwrap();
        assert_eq!(s.leerplicht_einde, d("2032-07-31"));
        assert_eq!(s.kwalificatieplicht_einde, Some(d("2034-03-01")));
        assert_eq!(status(&f, "2034-02-28"), Kwalificatieplichtig);
        assert_eq!(status(&f, "2034-03-01"), RmcDoelgroep);
        assert_eq!(status(&f, "2039-02-28"), RmcDoelgroep);
        assert_eq!(status(&f, "2039-03-01"), Geen);
    }

    #[test]
    fn peildatum_before_birth_is_refused() {
        let f = feiten("2004-09-10");
        assert_eq!(
            f.op(d("2004-09-09")),
            Err(RegelFout::PeildatumVoorGeboorte { peildatum: d("2004-09-09"), geboortedatum: d("2004-09-10") })
        );
        assert!(f.op(d("2004-09-10")).is_ok(), "the day of birth itself is fine");
    }

    #[test]
    fn a_startkwalificatie_before_12_is_refused() {
        let fout = Leerplichtfeiten::nieuw(d("2004-09-10"), Some(d("2016-09-09")), None, None);
        assert_eq!(
            fout,
            Err(RegelFout::StartkwalificatieVoorTwaalf {
                datum: d("2016-09-09"),
                twaalfde_verjaardag: d("2016-09-10")
            })
        );
        assert_eq!(
            fout.unwrap_err().to_string(),
            "een startkwalificatie op 2016-09-09 is onmogelijk: de jongere wordt pas op 2016-09-10 12 jaar"
        );
        assert!(Leerplichtfeiten::nieuw(d("2004-09-10"), Some(d("2016-09-10")), None, None).is_ok());
    }

    #[test]
    fn twaalf_schooljaren_op_must_be_a_31_july_at_12_or_older() {
        let geboren = d("2005-08-01");
        let fout = Leerplichtfeiten::nieuw(geboren, None, Some(d("2021-06-30")), None);
        assert_eq!(fout, Err(RegelFout::TwaalfSchooljarenGeenEindeSchooljaar(d("2021-06-30"))));
        let fout = Leerplichtfeiten::nieuw(geboren, None, Some(d("2017-07-31")), None);
        assert_eq!(
            fout,
            Err(RegelFout::TwaalfSchooljarenTeJong { datum: d("2017-07-31"), leeftijd: 11, vroegst: d("2018-07-31") })
        );
        assert!(Leerplichtfeiten::nieuw(geboren, None, Some(d("2018-07-31")), None).is_ok());
    }

    #[test]
    fn the_getters_return_the_facts() {
        let f = Leerplichtfeiten::nieuw(
            d("2004-09-10"),
            Some(d("2022-06-30")),
            Some(d("2021-07-31")),
            Some(VsoProfiel::Vervolgonderwijs),
        )
        .unwrap();
        assert_eq!(f.geboortedatum(), d("2004-09-10"));
        assert_eq!(f.startkwalificatie(), Some(d("2022-06-30")));
        assert_eq!(f.twaalf_schooljaren_op(), Some(d("2021-07-31")));
        assert_eq!(f.vso_profiel(), Some(VsoProfiel::Vervolgonderwijs));
    }
}
