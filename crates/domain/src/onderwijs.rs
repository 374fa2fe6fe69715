//! Kinds of education, levels and diplomas, as DUO (BRON) registers them.
use crate::code_enum;
use crate::code_enum::CodeEnum;

code_enum!(
    /// The kind of education of an enrolment.
    Onderwijssoort, "onderwijssoort" {
        Bao = ("bao", "Basisonderwijs"),
        Sbo = ("sbo", "Speciaal basisonderwijs"),
        So = ("so", "Speciaal onderwijs"),
        Vso = ("vso", "Voortgezet speciaal onderwijs"),
        Vo = ("vo", "Voortgezet onderwijs"),
        Pro = ("pro", "Praktijkonderwijs"),
        Mbo = ("mbo", "Middelbaar beroepsonderwijs"),
        Vavo = ("vavo", "Voortgezet algemeen volwassenenonderwijs"),
        /// Hoger onderwijs (WHW): a youth who left havo or vwo at 16 or 17 for a hogeschool or
        /// university is enrolled, not in absoluut verzuim.
        Ho = ("ho", "Hoger onderwijs"),
        /// Enrolled, but the school falls under none of the four laws (e.g. private education).
        Onbekend = ("onbekend", "Onderwijs onbekend"),
    }
);

code_enum!(
    /// The law a youth's education falls under; the columns of every verzuim table.
    Schoolherkomst, "schoolherkomst" {
        Wpo = ("wpo", "WPO"),
        Wec = ("wec", "WEC"),
        Wvo = ("wvo", "WVO"),
        Web = ("web", "WEB"),
        Onbekend = ("onbekend", "Onderwijs onbekend"),
        GeenInschrijving = ("geen_inschrijving", "Geen inschrijving"),
    }
);

code_enum!(
    /// Level or leerweg within VO, VAVO and MBO.
    Niveau, "niveau" {
        VmboBb = ("vmbo_bb", "vmbo basisberoepsgerichte leerweg"),
        VmboKb = ("vmbo_kb", "vmbo kaderberoepsgerichte leerweg"),
        VmboGt = ("vmbo_gt", "vmbo gemengde/theoretische leerweg"),
        Havo = ("havo", "havo"),
        Vwo = ("vwo", "vwo"),
        Mbo1 = ("mbo1", "mbo niveau 1 (Entree)"),
        Mbo2 = ("mbo2", "mbo niveau 2"),
        Mbo3 = ("mbo3", "mbo niveau 3"),
        Mbo4 = ("mbo4", "mbo niveau 4"),
    }
);

code_enum!(
    /// Uitstroomprofiel of VSO (WEC art. 14a).
    VsoProfiel, "VSO-uitstroomprofiel" {
        Vervolgonderwijs = ("vervolgonderwijs", "vervolgonderwijs"),
        Arbeidsmarkt = ("arbeidsmarkt", "arbeidsmarktgericht"),
        Dagbesteding = ("dagbesteding", "dagbesteding"),
    }
);

code_enum!(
    /// A diploma (or certificate) a youth obtained.
    DiplomaSoort, "diplomasoort" {
        VmboBb = ("vmbo_bb", "vmbo-diploma basisberoepsgerichte leerweg"),
        VmboKb = ("vmbo_kb", "vmbo-diploma kaderberoepsgerichte leerweg"),
        VmboGt = ("vmbo_gt", "vmbo-diploma gemengde/theoretische leerweg"),
        Havo = ("havo", "havo-diploma"),
        Vwo = ("vwo", "vwo-diploma"),
        Mbo1 = ("mbo1", "mbo-diploma niveau 1 (Entree)"),
        Mbo2 = ("mbo2", "mbo-diploma niveau 2"),
        Mbo3 = ("mbo3", "mbo-diploma niveau 3"),
        Mbo4 = ("mbo4", "mbo-diploma niveau 4"),
        /// WVO 2020 art. 2.58 lid 3; before 1 August 2021 the "getuigschrift" of WVO art. 29a.
        Pro = ("pro", "schooldiploma praktijkonderwijs"),
        /// WVO 2020 art. 2.59 lid 2: for a pupil who leaves praktijkonderwijs with part of the
        /// programme done and no schooldiploma.
        ProVerklaring = ("pro_verklaring", "verklaring praktijkonderwijs"),
    }
);

code_enum!(
    /// Groups of jongeren in kwetsbare posities (JIKP) that RMC monitors at transitions (seed 000 Tabel 8).
    JikpGroep, "JIKP-groep" {
        Mbo1 = ("mbo1", "MBO1 (Entree)"),
        Pro = ("pro", "PRO"),
        VmboBbl = ("vmbo_bbl", "VMBO-BBL"),
        VsoArbeidsmarkt = ("vso_arbeidsmarkt", "VSO-arbeidsmarkt"),
        VsoVervolgonderwijs = ("vso_vervolgonderwijs", "VSO-vervolgonderwijs"),
    }
);

/// Which levels an onderwijssoort can have (BRON): VO has a leerweg or havo/vwo (none in the
/// onderbouw), MBO always a level, VAVO a VO-level programme, the rest none.
pub fn niveau_past_bij(soort: Onderwijssoort, niveau: Option<Niveau>) -> Result<(), String> {
    use Niveau::*;
    let toegestaan: &[Niveau] = match soort {
        Onderwijssoort::Vo => &[VmboBb, VmboKb, VmboGt, Havo, Vwo],
        Onderwijssoort::Mbo => &[Mbo1, Mbo2, Mbo3, Mbo4],
        Onderwijssoort::Vavo => &[VmboGt, Havo, Vwo],
        _ => &[],
    };
    match niveau {
        None if soort == Onderwijssoort::Mbo => Err("een mbo-inschrijving heeft een niveau (mbo1 t/m mbo4)".into()),
        None => Ok(()),
        Some(n) if toegestaan.contains(&n) => Ok(()),
        Some(n) => Err(format!("niveau '{}' past niet bij onderwijssoort '{}'", n.code(), soort.code())),
    }
}

/// VSO has an uitstroomprofiel; no other kind of education has one.
pub fn profiel_past_bij(soort: Onderwijssoort, profiel: Option<VsoProfiel>) -> Result<(), String> {
    match (soort, profiel) {
        (Onderwijssoort::Vso, None) => Err("een vso-inschrijving heeft een uitstroomprofiel".into()),
        (Onderwijssoort::Vso, Some(_)) | (_, None) => Ok(()),
        (s, Some(_)) => Err(format!("alleen vso heeft een uitstroomprofiel, niet '{}'", s.code())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mbo_needs_a_level_and_vo_takes_only_vo_levels() {
        assert!(niveau_past_bij(Onderwijssoort::Mbo, None).is_err());
        assert!(niveau_past_bij(Onderwijssoort::Mbo, Some(Niveau::Mbo2)).is_ok());
        assert!(niveau_past_bij(Onderwijssoort::Vo, None).is_ok());
        assert!(niveau_past_bij(Onderwijssoort::Vo, Some(Niveau::Mbo2)).is_err());
        assert!(niveau_past_bij(Onderwijssoort::Bao, Some(Niveau::Havo)).is_err());
    }

    #[test]
    fn only_vso_has_a_profile() {
        assert!(profiel_past_bij(Onderwijssoort::Vso, None).is_err());
        assert!(profiel_past_bij(Onderwijssoort::Vso, Some(VsoProfiel::Arbeidsmarkt)).is_ok());
        assert!(profiel_past_bij(Onderwijssoort::Pro, Some(VsoProfiel::Arbeidsmarkt)).is_err());
    }
}
