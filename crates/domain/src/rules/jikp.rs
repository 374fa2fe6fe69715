//! Jongeren in kwetsbare posities (JIKP): the groups RMC monitors at their transitions.
use super::vsv::Bestemming;
use crate::onderwijs::{JikpGroep, Niveau, Onderwijssoort, VsoProfiel};
use crate::{Datum, code_enum};
use std::collections::BTreeMap;

/// The JIKP group of an enrolment, if it belongs to one.
///
/// docs/regels.md: "youths from praktijkonderwijs (PRO), VSO, Entree (mbo 1) and vmbo-basis (BBL)";
/// the groups are those of seed 000 Tabel 8 (MBO1, PRO, VMBO-BBL, VSO-arbeidsmarkt,
/// VSO-vervolgonderwijs).
///
/// VSO with profile *dagbesteding* gives `None`: those youths go on to dagbesteding rather than
/// to school or work, are not kwalificatieplichtig, and Tabel 8 lists only the two other VSO
/// profiles. VSO without a known profile also gives `None`: the group cannot be told.
pub fn jikp_groep(
    onderwijssoort: Onderwijssoort,
    niveau: Option<Niveau>,
    vso_profiel: Option<VsoProfiel>,
) -> Option<JikpGroep> {
    match (onderwijssoort, niveau, vso_profiel) {
        (Onderwijssoort::Pro, _, _) => Some(JikpGroep::Pro),
        (Onderwijssoort::Vso, _, Some(VsoProfiel::Arbeidsmarkt)) => Some(JikpGroep::VsoArbeidsmarkt),
        (Onderwijssoort::Vso, _, Some(VsoProfiel::Vervolgonderwijs)) => Some(JikpGroep::VsoVervolgonderwijs),
        (Onderwijssoort::Mbo, Some(Niveau::Mbo1), _) => Some(JikpGroep::Mbo1),
        (Onderwijssoort::Vo, Some(Niveau::VmboBb), _) => Some(JikpGroep::VmboBbl),
        _ => None,
    }
}

/// Where a JIKP pupil of one schooljaar is on 1 October of the next (seed 000 Tabel 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overgang {
    /// Still in the same kind of education (PRO, VMBO-BBL, VSO): not a transition. An MBO1 student
    /// who stays in MBO1 is counted as doorstroom to MBO1 instead (Tabel 8, toelichting).
    Blijft,
    NaarMbo1,
    NaarMbo2,
    /// Out of education.
    Uitstroom,
    /// Elsewhere in education (mbo 3/4, havo, …): a transition, not a vulnerable one.
    Elders,
}

impl Overgang {
    /// Counted as door- or uitstroom (Tabel 8's "totale door- en uitstroom").
    pub fn telt(self) -> bool {
        self != Overgang::Blijft
    }

    /// MBO1, MBO2 or out of education: "kwetsbaar" (Tabel 8).
    pub fn kwetsbaar(self) -> bool {
        matches!(self, Overgang::NaarMbo1 | Overgang::NaarMbo2 | Overgang::Uitstroom)
    }
}

/// The transition of a pupil of `groep`, given their enrolment a year later (`None`: not enrolled).
pub fn overgang(groep: JikpGroep, volgend: Option<(Onderwijssoort, Option<Niveau>)>) -> Overgang {
    let Some((soort, niveau)) = volgend else { return Overgang::Uitstroom };
    let zelfde = match groep {
        JikpGroep::Pro => soort == Onderwijssoort::Pro,
        JikpGroep::VmboBbl => soort == Onderwijssoort::Vo && niveau == Some(Niveau::VmboBb),
        JikpGroep::VsoArbeidsmarkt | JikpGroep::VsoVervolgonderwijs => soort == Onderwijssoort::Vso,
        JikpGroep::Mbo1 => false,
    };
    match (soort, niveau) {
        _ if zelfde => Overgang::Blijft,
        (Onderwijssoort::Mbo, Some(Niveau::Mbo1)) => Overgang::NaarMbo1,
        (Onderwijssoort::Mbo, Some(Niveau::Mbo2)) => Overgang::NaarMbo2,
        _ => Overgang::Elders,
    }
}

code_enum!(
    /// Where a JIKP pupil is at the end of the verslagjaar (seed 002 "Bestemming jkp").
    JikpBestemming, "JIKP-bestemming" {
        VolgtOpleiding = ("volgt_opleiding", "Volgt opleiding"),
        Werk = ("werk", "Werk"),
        Uitkering = ("uitkering", "Uitkering"),
        Startkwalificatie = ("startkwalificatie", "Startkwalificatie behaald"),
        Verhuisd = ("verhuisd", "Verhuisd"),
        InBegeleiding = ("in_begeleiding", "In begeleiding"),
        Onbekend = ("onbekend", "Onbekend"),
    }
);

/// The destination of a JIKP pupil on a day: enrolled is "volgt opleiding"; else a startkwalificatie
/// obtained by then; else moved out of the region (another RMC follows them); else what the RMC
/// found (`na_trajecten`, [`super::vsv::stand_op`]): werk, uitkering or in begeleiding;
/// else unknown.
pub fn jikp_bestemming(
    ingeschreven: bool,
    startkwalificatie: Option<Datum>,
    vertrokken: Option<Datum>,
    na_trajecten: Bestemming,
    op: Datum,
) -> JikpBestemming {
    if ingeschreven {
        JikpBestemming::VolgtOpleiding
    } else if startkwalificatie.is_some_and(|d| d <= op) {
        JikpBestemming::Startkwalificatie
    } else if vertrokken.is_some_and(|d| d <= op) {
        JikpBestemming::Verhuisd
    } else {
        match na_trajecten {
            Bestemming::Werk => JikpBestemming::Werk,
            Bestemming::Uitkering => JikpBestemming::Uitkering,
            Bestemming::InBegeleiding => JikpBestemming::InBegeleiding,
            Bestemming::WeerOpSchool | Bestemming::OuderDan23 | Bestemming::Onbekend => JikpBestemming::Onbekend,
        }
    }
}

/// One row of Tabel 8.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stroom {
    pub deelnemers: u32,
    /// Who did not stay in the same kind of education (for MBO1: everyone).
    pub door_uitstroom: u32,
    pub mbo1: u32,
    pub mbo2: u32,
    pub uitstroom: u32,
}

impl Stroom {
    pub fn kwetsbaar(&self) -> u32 {
        self.mbo1 + self.mbo2 + self.uitstroom
    }

    /// Kwetsbare door- en uitstroom as a share of all door- en uitstroom, in percent.
    pub fn percentage(&self) -> Option<f64> {
        (self.door_uitstroom > 0).then(|| 100.0 * f64::from(self.kwetsbaar()) / f64::from(self.door_uitstroom))
    }

    fn tel(&mut self, o: Overgang) {
        self.deelnemers += 1;
        if !o.telt() {
            return;
        }
        self.door_uitstroom += 1;
        match o {
            Overgang::NaarMbo1 => self.mbo1 += 1,
            Overgang::NaarMbo2 => self.mbo2 += 1,
            Overgang::Uitstroom => self.uitstroom += 1,
            Overgang::Blijft | Overgang::Elders => {}
        }
    }
}

/// Tabel 8 from the pupils of the JIKP groups on the first peildatum, each with their enrolment a
/// year later (`None`: not enrolled then).
pub fn door_uitstroom(
    deelnemers: impl IntoIterator<Item = (JikpGroep, Option<(Onderwijssoort, Option<Niveau>)>)>,
) -> BTreeMap<JikpGroep, Stroom> {
    let mut uit: BTreeMap<JikpGroep, Stroom> = BTreeMap::new();
    for (groep, volgend) in deelnemers {
        uit.entry(groep).or_default().tel(overgang(groep, volgend));
    }
    uit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code_enum::CodeEnum;

    // Seed 002, "Bestemming jkp": volgt opleiding, werk, uitkering, startkwalificatie behaald,
    // verhuisd, in begeleiding.
    #[test]
    fn a_jikp_pupil_follows_education_else_has_a_startkwalificatie_moved_or_what_the_rmc_found() {
        let op: Datum = "2021-07-31".parse().unwrap();
        let vroeger: Option<Datum> = Some("2021-03-01".parse().unwrap());
        let later: Option<Datum> = Some("2021-08-15".parse().unwrap());
        use JikpBestemming::*;
        assert_eq!(jikp_bestemming(true, vroeger, vroeger, Bestemming::Werk, op), VolgtOpleiding);
        assert_eq!(jikp_bestemming(false, vroeger, vroeger, Bestemming::Werk, op), Startkwalificatie);
        assert_eq!(jikp_bestemming(false, later, vroeger, Bestemming::Werk, op), Verhuisd);
        assert_eq!(jikp_bestemming(false, None, later, Bestemming::Werk, op), Werk);
        assert_eq!(jikp_bestemming(false, None, None, Bestemming::Uitkering, op), Uitkering);
        assert_eq!(jikp_bestemming(false, None, None, Bestemming::InBegeleiding, op), InBegeleiding);
        assert_eq!(jikp_bestemming(false, None, None, Bestemming::OuderDan23, op), Onbekend);
        assert_eq!(jikp_bestemming(false, None, None, Bestemming::Onbekend, op), Onbekend);
        assert_eq!(JikpBestemming::ALL.len(), 7);
    }

    #[test]
    fn door_and_uitstroom_as_tabel_8_counts_it() {
        use Onderwijssoort::*;
        // Tabel 8, toelichting: "Voor mbo1 geldt hierbij dat de jongeren die doorgaan in mbo1 ook tot
        // doorstroom worden gerekend."
        assert_eq!(overgang(JikpGroep::Mbo1, Some((Mbo, Some(Niveau::Mbo1)))), Overgang::NaarMbo1);
        // "Voor de jongeren uit het pro, vmbo-bbl en vso gaat het bij de doorstroom om jongeren die niet
        // doorgaan in dezelfde onderwijsrichting."
        assert!(!overgang(JikpGroep::Pro, Some((Pro, None))).telt());
        assert!(!overgang(JikpGroep::VsoArbeidsmarkt, Some((Vso, None))).telt());
        assert_eq!(overgang(JikpGroep::VmboBbl, Some((Mbo, Some(Niveau::Mbo2)))), Overgang::NaarMbo2);
        assert_eq!(overgang(JikpGroep::VmboBbl, Some((Vo, Some(Niveau::VmboKb)))), Overgang::Elders);
        let werk = overgang(JikpGroep::Pro, None);
        assert!(werk.telt() && werk.kwetsbaar());
        assert!(!overgang(JikpGroep::VsoVervolgonderwijs, Some((Mbo, Some(Niveau::Mbo3)))).kwetsbaar());
    }

    // Seed 000, Tabel 8 ("jongeren tot 23 jaar in een kwetsbare positie"): rows MBO1, PRO,
    // VMBO-BBL, VSO-arbeidsmarkt, VSO-vervolgonderwijs.
    #[test]
    fn the_five_groups_of_tabel_8() {
        use Onderwijssoort::*;
        assert_eq!(jikp_groep(Pro, None, None), Some(JikpGroep::Pro));
        assert_eq!(jikp_groep(Vso, None, Some(VsoProfiel::Arbeidsmarkt)), Some(JikpGroep::VsoArbeidsmarkt));
        assert_eq!(jikp_groep(Vso, None, Some(VsoProfiel::Vervolgonderwijs)), Some(JikpGroep::VsoVervolgonderwijs));
        assert_eq!(jikp_groep(Mbo, Some(Niveau::Mbo1), None), Some(JikpGroep::Mbo1));
        assert_eq!(jikp_groep(Vo, Some(Niveau::VmboBb), None), Some(JikpGroep::VmboBbl));
    }

    #[test]
    fn vso_dagbesteding_and_unknown_profile_are_not_in_the_table() {
        assert_eq!(jikp_groep(Onderwijssoort::Vso, None, Some(VsoProfiel::Dagbesteding)), None);
        assert_eq!(jikp_groep(Onderwijssoort::Vso, None, None), None);
    }

    #[test]
    fn other_education_is_not_jikp() {
        use Onderwijssoort::*;
        for niveau in Niveau::ALL.iter().copied().filter(|n| *n != Niveau::VmboBb) {
            assert_eq!(jikp_groep(Vo, Some(niveau), None), None, "vo {niveau}");
        }
        for niveau in Niveau::ALL.iter().copied().filter(|n| *n != Niveau::Mbo1) {
            assert_eq!(jikp_groep(Mbo, Some(niveau), None), None, "mbo {niveau}");
        }
        for soort in [Bao, Sbo, So, Vavo, Onbekend] {
            assert_eq!(jikp_groep(soort, None, None), None, "{soort}");
        }
        // A VSO profile on a non-VSO enrolment means nothing.
        assert_eq!(jikp_groep(Vo, Some(Niveau::Havo), Some(VsoProfiel::Arbeidsmarkt)), None);
        // Mbo 1 level on a VO enrolment or vmbo-bb on an mbo enrolment is not Entree / BBL.
        assert_eq!(jikp_groep(Vo, Some(Niveau::Mbo1), None), None);
        assert_eq!(jikp_groep(Mbo, Some(Niveau::VmboBb), None), None);
    }
}
