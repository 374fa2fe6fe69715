//! Startkwalificatie (Lpw art. 1).
use crate::Datum;
use crate::model::Diploma;
use crate::onderwijs::DiplomaSoort;

/// Whether a diploma is a startkwalificatie.
///
/// Lpw art. 1: a startkwalificatie is a diploma of an mbo programme at level 2, 3 or 4 (WEB
/// art. 7.2.2), a havo diploma or a vwo diploma. A vmbo diploma, the Entree diploma (mbo 1) and
/// the praktijkonderwijs diploma and verklaring are not.
pub fn is_startkwalificatie(diploma: DiplomaSoort) -> bool {
    use DiplomaSoort::*;
    match diploma {
        Havo | Vwo | Mbo2 | Mbo3 | Mbo4 => true,
        VmboBb | VmboKb | VmboGt | Mbo1 | Pro | ProVerklaring => false,
    }
}

/// The date of the youth's first startkwalificatie, if any: the day the kwalificatieplicht ends.
pub fn eerste_startkwalificatie(diplomas: &[Diploma]) -> Option<Datum> {
    diplomas.iter().filter(|d| is_startkwalificatie(d.soort)).map(|d| d.datum).min()
}

/// Lpw art. 4a lid 2: the kwalificatieplicht "geldt niet ten aanzien van jongeren die in het bezit
/// zijn van een schooldiploma praktijkonderwijs, als bedoeld in artikel 2.58, derde lid, van de Wet
/// voortgezet onderwijs 2020, of een verklaring als bedoeld in artikel 2.59, tweede lid, van die
/// wet". Neither is a startkwalificatie (art. 1): the youth stays in the RMC-doelgroep.
pub fn vrijgesteld_van_kwalificatieplicht(diploma: DiplomaSoort) -> bool {
    matches!(diploma, DiplomaSoort::Pro | DiplomaSoort::ProVerklaring)
}

/// The date of the youth's first schooldiploma or verklaring praktijkonderwijs, if any: from that
/// day the kwalificatieplicht no longer applies ([`vrijgesteld_van_kwalificatieplicht`]).
pub fn eerste_diploma_praktijkonderwijs(diplomas: &[Diploma]) -> Option<Datum> {
    diplomas.iter().filter(|d| vrijgesteld_van_kwalificatieplicht(d.soort)).map(|d| d.datum).min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code_enum::CodeEnum;

    // Lpw art. 1: "startkwalificatie": a diploma havo or vwo, or mbo "niveau 2, 3 of 4"
    // (docs/regels.md: "diploma havo, vwo, or mbo level 2, 3 or 4").
    #[test]
    fn havo_vwo_and_mbo_2_to_4_are_a_startkwalificatie() {
        let sq: Vec<&str> = DiplomaSoort::ALL.iter().filter(|d| is_startkwalificatie(**d)).map(|d| d.code()).collect();
        assert_eq!(sq, ["havo", "vwo", "mbo2", "mbo3", "mbo4"]);
    }

    #[test]
    fn vmbo_entree_and_pro_are_not() {
        use DiplomaSoort::*;
        for d in [VmboBb, VmboKb, VmboGt, Mbo1, Pro, ProVerklaring] {
            assert!(!is_startkwalificatie(d), "{d}");
        }
    }

    // Lpw art. 4a lid 2: "schooldiploma praktijkonderwijs … of een verklaring als bedoeld in
    // artikel 2.59, tweede lid".
    #[test]
    fn the_praktijkonderwijs_diploma_and_its_verklaring_lift_the_kwalificatieplicht_the_day_they_are_had() {
        let diploma = |soort, datum: &str| Diploma {
            id: datum.into(),
            jongere: "J".into(),
            soort,
            datum: datum.parse().unwrap(),
            brin: None,
        };
        let lijst = [
            diploma(DiplomaSoort::VmboBb, "2020-06-30"),
            diploma(DiplomaSoort::ProVerklaring, "2021-07-09"),
            diploma(DiplomaSoort::Pro, "2022-07-08"),
        ];
        assert_eq!(eerste_diploma_praktijkonderwijs(&lijst), Some("2021-07-09".parse().unwrap()));
        assert_eq!(eerste_startkwalificatie(&lijst), None);
        assert_eq!(eerste_diploma_praktijkonderwijs(&lijst[..1]), None);
    }
}
