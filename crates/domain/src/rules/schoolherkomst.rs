//! Schoolherkomst: the law a youth's education falls under (the columns of the verzuim tables).
#[cfg(test)]
use crate::code_enum::CodeEnum;
use crate::onderwijs::{Onderwijssoort, Schoolherkomst};

/// The schoolherkomst of an enrolment's onderwijssoort, or of no enrolment at all (`None`).
///
/// docs/regels.md: WPO (basisonderwijs, SBO), WEC (SO/VSO), WVO (VO, PRO), WEB (MBO, VAVO),
/// *onderwijs onbekend* (enrolled, kind unknown), *geen inschrijving*. VAVO falls under the WEB
/// (WEB art. 7.3.1), praktijkonderwijs under the WVO. Hoger onderwijs falls under the WHW, for
/// which the tables have no column: it counts as *onderwijs onbekend*, enrolled outside the four
/// laws.
pub fn schoolherkomst(onderwijssoort: Option<Onderwijssoort>) -> Schoolherkomst {
    use Onderwijssoort::*;
    match onderwijssoort {
        None => Schoolherkomst::GeenInschrijving,
        Some(Bao | Sbo) => Schoolherkomst::Wpo,
        Some(So | Vso) => Schoolherkomst::Wec,
        Some(Vo | Pro) => Schoolherkomst::Wvo,
        Some(Mbo | Vavo) => Schoolherkomst::Web,
        Some(Ho | Onbekend) => Schoolherkomst::Onbekend,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // docs/regels.md: "WPO (basisonderwijs, SBO), WEC (SO/VSO), WVO (VO, PRO), WEB (MBO, VAVO),
    // onderwijs onbekend (enrolled, kind unknown, e.g. private), geen inschrijving".
    #[test]
    fn every_onderwijssoort_has_its_law() {
        use Onderwijssoort::*;
        let verwacht = [
            (Bao, Schoolherkomst::Wpo),
            (Sbo, Schoolherkomst::Wpo),
            (So, Schoolherkomst::Wec),
            (Vso, Schoolherkomst::Wec),
            (Vo, Schoolherkomst::Wvo),
            (Pro, Schoolherkomst::Wvo),
            (Mbo, Schoolherkomst::Web),
            (Vavo, Schoolherkomst::Web),
            (Ho, Schoolherkomst::Onbekend),
            (Onbekend, Schoolherkomst::Onbekend),
        ];
        assert_eq!(verwacht.len(), Onderwijssoort::ALL.len(), "elke onderwijssoort");
        for (soort, herkomst) in verwacht {
            assert_eq!(schoolherkomst(Some(soort)), herkomst, "{soort}");
        }
    }

    #[test]
    fn no_enrolment_is_geen_inschrijving() {
        assert_eq!(schoolherkomst(None), Schoolherkomst::GeenInschrijving);
    }
}
