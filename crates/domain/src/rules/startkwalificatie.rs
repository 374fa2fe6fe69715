//! Startkwalificatie (Lpw art. 1).
use crate::Datum;
use crate::model::Diploma;
use crate::onderwijs::DiplomaSoort;

/// Whether a diploma is a startkwalificatie.
///
/// Lpw art. 1: a startkwalificatie is a diploma of an mbo programme at level 2, 3 or 4 (WEB
/// art. 7.2.2), a havo diploma or a vwo diploma. A vmbo diploma, the Entree diploma (mbo 1) and
/// the praktijkonderwijs certificate are not.
pub fn is_startkwalificatie(diploma: DiplomaSoort) -> bool {
    use DiplomaSoort::*;
    match diploma {
        Havo | Vwo | Mbo2 | Mbo3 | Mbo4 => true,
        VmboBb | VmboKb | VmboGt | Mbo1 | Pro => false,
    }
}

/// The date of the youth's first startkwalificatie, if any: the day the kwalificatieplicht ends.
pub fn eerste_startkwalificatie(diplomas: &[Diploma]) -> Option<Datum> {
    diplomas.iter().filter(|d| is_startkwalificatie(d.soort)).map(|d| d.datum).min()
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
        for d in [VmboBb, VmboKb, VmboGt, Mbo1, Pro] {
            assert!(!is_startkwalificatie(d), "{d}");
        }
    }
}
