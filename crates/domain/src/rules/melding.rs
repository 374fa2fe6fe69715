//! Which meldingen the office takes on: a melding is about a youth the law puts in its care on the
//! first day of the absence (docs/regels.md; Lpw art. 2, 4a, 18, 21; RMC 18-23).
use super::Weigering;
use super::status::Plichtstatus;
use crate::Datum;
use crate::code_enum::CodeEnum;
use crate::kalender::Rooster;
use crate::model::{Verzuimmelding, ZaakSoort};

/// What a registered melding becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeldingDoel {
    /// It opens or joins a zaak of this kind.
    Zaak(ZaakSoort),
    /// A voluntary contact about a youth outside the office's legal care: recorded and counted, no zaak.
    Preventief,
}

/// Checks a melding of verzuimsoort `soort` about a youth who has `status` on `verzuim_van`.
///
/// - A youth who is not leer- or kwalificatieplichtig and not in the RMC-doelgroep is outside the
///   office's care: only a preventive (voluntary) contact can be recorded.
/// - A preventive contact is only for such a youth; for the others the melding is a case.
/// - 18+ verzuim is for the RMC-doelgroep; absoluut verzuim for a leer- or kwalificatieplichtige.
pub fn toets_melding(
    soort: &str,
    status: Plichtstatus,
    preventief: bool,
    verzuim_van: Datum,
) -> Result<MeldingDoel, Weigering> {
    use Plichtstatus::*;
    let plichtig = matches!(status, Leerplichtig | Kwalificatieplichtig);
    let op = |s: Plichtstatus| format!("op {verzuim_van} is de jongere {}", s.label().to_lowercase());
    match status {
        NogNietLeerplichtig | Geen if preventief => Ok(MeldingDoel::Preventief),
        NogNietLeerplichtig | Geen => Err(Weigering::new(
            "Lpw art. 2, 4a; RMC 18-23",
            format!(
                "{}: buiten de leerplicht, de kwalificatieplicht en de RMC-doelgroep; leg het vast als preventief (vrijwillig) contact",
                op(status)
            ),
        )),
        _ if preventief => Err(Weigering::new(
            "preventief contact",
            format!(
                "{}: registreer een gewone melding, preventief contact is voor jongeren zonder leer- of kwalificatieplicht",
                op(status)
            ),
        )),
        _ if soort == "absoluut" && !plichtig => Err(Weigering::new(
            "Lpw art. 2, 4b",
            format!("absoluut verzuim geldt voor een leer- of kwalificatieplichtige jongere; {}", op(status)),
        )),
        _ if soort == "absoluut" => Ok(MeldingDoel::Zaak(ZaakSoort::AbsoluutVerzuim)),
        _ if soort == "luxe" && !plichtig => Err(Weigering::new(
            "Lpw art. 11, 13a: luxe verzuim",
            format!("luxe verzuim is verzuim van een leer- of kwalificatieplichtige; {}: kies 18+-verzuim", op(status)),
        )),
        _ if soort == "achttien_plus" && plichtig => Err(Weigering::new(
            "18+ verzuim: RMC-doelgroep",
            format!(
                "18+-verzuim is voor jongeren van 18 tot 23 zonder startkwalificatie; {}: kies een andere soort",
                op(status)
            ),
        )),
        RmcDoelgroep => Ok(MeldingDoel::Zaak(ZaakSoort::Rmc)),
        _ => Ok(MeldingDoel::Zaak(ZaakSoort::RelatiefVerzuim)),
    }
}

/// The kind of verzuim a school's melding counts as for the office. DUO delivers the meldingen
/// about students of 18 to 23 without a startkwalificatie (the RMC-doelgroep) with the same kinds
/// as the others (Besluit verzuimmelding, bijlage: "18+ meldingen likewise"): for the office they
/// are 18+ verzuim, the RMC's. A leer- or kwalificatieplichtige keeps the kind the school chose, as
/// do absoluut verzuim and zorgwekkend ziekteverzuim (not unauthorised absence).
pub fn soort_van_schoolmelding(soort: &str, status: Plichtstatus) -> &str {
    let schoolverzuim = matches!(soort, "wettelijk_16_uur" | "luxe" | "signaal" | "beginnend" | "langdurig_1_maand");
    if status == Plichtstatus::RmcDoelgroep && schoolverzuim { "achttien_plus" } else { soort }
}

/// A melding the office counts at all: not withdrawn by the school, not a preventive contact.
pub fn telt(m: &Verzuimmelding) -> bool {
    m.status != "ingetrokken" && !m.preventief
}

/// Closed by the office as no absence after all (DUO's reden afsluiting "geen verzuim – langdurig
/// ziek" or "– legitiem afwezig"): the school's report did not hold.
pub fn geen_verzuim(m: &Verzuimmelding) -> bool {
    matches!(m.reden_afsluiting.as_deref(), Some("geen_verzuim_ziek" | "geen_verzuim_legitiem"))
}

/// Unauthorised absence of an enrolled youth: a counted melding that is not about illness
/// (zorgwekkend ziekteverzuim is signalled to the jeugdarts) or about not being enrolled
/// (absoluut verzuim), and was not closed as no absence.
pub fn ongeoorloofd(m: &Verzuimmelding) -> bool {
    telt(m) && !matches!(m.soort.as_str(), "zorgwekkend_ziekteverzuim" | "absoluut") && !geen_verzuim(m)
}

/// The youth missed every lesson of the period: DUO's "alle lessen gemist". A melding from before
/// that was recorded counts as full absence only when it is a "verzuim van 1 maand of langer";
/// late arrival or a number of hours missed (the 16-uur melding, signaalverzuim) is partial.
pub fn volledig_afwezig(m: &Verzuimmelding) -> bool {
    m.alle_lessen_gemist.unwrap_or(m.soort == "langdurig_1_maand")
}

/// The school's duty to report (Lpw art. 21a): 16 hours of unauthorised absence within four
/// consecutive lesweken.
pub const MELDPLICHT_UREN: u32 = 16;

/// Relatief verzuim as the art. 25 opgave (Leerplichttelling) and the BBV indicator count it:
/// unauthorised absence of 16 hours or more in four consecutive lesweken. A 16-uur melding and a
/// verzuim of a month or longer are that by their kind; luxe verzuim of 16 hours or more counts
/// too; signaal- and beginnend verzuim only when they reached 16 hours. 18+ verzuim is RMC's, not
/// leerplicht's, and a melding the office closed as no absence does not count.
pub fn relatief_verzuim(m: &Verzuimmelding) -> bool {
    ongeoorloofd(m)
        && match m.soort.as_str() {
            "wettelijk_16_uur" | "langdurig_1_maand" => true,
            "luxe" | "signaal" | "beginnend" => m.uren.is_some_and(|u| u >= MELDPLICHT_UREN),
            _ => false,
        }
}

/// The last day a school may report a 16-uur melding in time (Lpw art. 21a: the school reports
/// "onverwijld" once a pupil missed 16 hours within four consecutive lesweken): the Sunday ending
/// the fourth lesweek counted from the first day of absence, on the school's `rooster`.
pub fn meldtermijn(verzuim_van: Datum, rooster: &Rooster) -> Datum {
    rooster.einde_lesweek(verzuim_van, 4)
}

/// How many lesdagen after [`meldtermijn`] a 16-uur melding came; `None` for one in time or of
/// another kind (the duty to report is about the 16 hours).
pub fn lesdagen_te_laat(m: &Verzuimmelding, rooster: &Rooster) -> Option<u32> {
    if m.soort != "wettelijk_16_uur" {
        return None;
    }
    let termijn = meldtermijn(m.verzuim_van, rooster);
    (m.meldingsdatum > termijn).then(|| rooster.schooldagen_tussen(termijn + chrono::Days::new(1), m.meldingsdatum))
}

/// Do two absence periods overlap? An open end means the absence goes on.
pub fn perioden_overlappen(a: (Datum, Option<Datum>), b: (Datum, Option<Datum>)) -> bool {
    a.1.is_none_or(|tot| b.0 <= tot) && b.1.is_none_or(|tot| a.0 <= tot)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Plichtstatus::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    #[test]
    fn a_schools_melding_about_a_student_of_18_without_startkwalificatie_is_18_plus_verzuim() {
        // An mbo college reports luxe verzuim of a 19-year-old: the RMC's 18+ verzuim, not a
        // leerplicht case (and luxe verzuim of a non-plichtige would be refused).
        assert_eq!(soort_van_schoolmelding("luxe", RmcDoelgroep), "achttien_plus");
        assert_eq!(soort_van_schoolmelding("wettelijk_16_uur", RmcDoelgroep), "achttien_plus");
        assert_eq!(soort_van_schoolmelding("langdurig_1_maand", RmcDoelgroep), "achttien_plus");
        assert_eq!(soort_van_schoolmelding("zorgwekkend_ziekteverzuim", RmcDoelgroep), "zorgwekkend_ziekteverzuim");
        // A 17-year-old is kwalificatieplichtig: the school's kind stands.
        assert_eq!(soort_van_schoolmelding("luxe", Kwalificatieplichtig), "luxe");
        assert_eq!(soort_van_schoolmelding("wettelijk_16_uur", Leerplichtig), "wettelijk_16_uur");
    }

    #[test]
    fn a_melding_about_a_plichtige_youth_becomes_a_case_of_the_right_kind() {
        let van = d("2020-10-05");
        assert_eq!(
            toets_melding("wettelijk_16_uur", Leerplichtig, false, van),
            Ok(MeldingDoel::Zaak(ZaakSoort::RelatiefVerzuim))
        );
        assert_eq!(
            toets_melding("luxe", Kwalificatieplichtig, false, van),
            Ok(MeldingDoel::Zaak(ZaakSoort::RelatiefVerzuim))
        );
        assert_eq!(
            toets_melding("absoluut", Leerplichtig, false, van),
            Ok(MeldingDoel::Zaak(ZaakSoort::AbsoluutVerzuim))
        );
        assert_eq!(toets_melding("achttien_plus", RmcDoelgroep, false, van), Ok(MeldingDoel::Zaak(ZaakSoort::Rmc)));
        assert_eq!(
            toets_melding("zorgwekkend_ziekteverzuim", RmcDoelgroep, false, van),
            Ok(MeldingDoel::Zaak(ZaakSoort::Rmc))
        );
    }

    #[test]
    fn a_youth_outside_the_law_only_as_a_preventive_contact() {
        let van = d("2020-10-05");
        let w = toets_melding("signaal", Geen, false, van).unwrap_err();
        assert_eq!(w.regel, "Lpw art. 2, 4a; RMC 18-23");
        assert!(w.reden.starts_with("op 2020-10-05 is de jongere geen leer- of kwalificatieplicht"), "{w}");
        assert!(w.reden.ends_with("leg het vast als preventief (vrijwillig) contact"), "{w}");
        assert_eq!(toets_melding("signaal", Geen, true, van), Ok(MeldingDoel::Preventief));
        assert_eq!(toets_melding("signaal", NogNietLeerplichtig, true, van), Ok(MeldingDoel::Preventief));
        assert!(toets_melding("signaal", NogNietLeerplichtig, false, van).is_err(), "een kleuter van 4");
    }

    #[test]
    fn preventive_only_for_youths_outside_the_law_and_each_kind_for_its_group() {
        let van = d("2020-10-05");
        assert_eq!(toets_melding("signaal", Leerplichtig, true, van).unwrap_err().regel, "preventief contact");
        let w = toets_melding("achttien_plus", Kwalificatieplichtig, false, van).unwrap_err();
        assert!(w.reden.contains("op 2020-10-05 is de jongere kwalificatieplichtig"), "{w}");
        let w = toets_melding("absoluut", RmcDoelgroep, false, van).unwrap_err();
        assert_eq!(w.regel, "Lpw art. 2, 4b");
        let w = toets_melding("luxe", RmcDoelgroep, false, van).unwrap_err();
        assert_eq!(w.regel, "Lpw art. 11, 13a: luxe verzuim");
    }

    fn melding(soort: &str, uren: Option<u32>) -> Verzuimmelding {
        Verzuimmelding {
            id: "M1".into(),
            jongere: "J".into(),
            brin: Some("10AB".into()),
            vestiging: Some("00".into()),
            soort: soort.into(),
            meldingsdatum: d("2020-10-12"),
            verzuim_van: d("2020-10-05"),
            verzuim_tot: None,
            uren,
            reden: String::new(),
            status: "in_behandeling".into(),
            reden_afsluiting: None,
            zaak: None,
            preventief: false,
            vervolg_op: None,
            alle_lessen_gemist: None,
            deels_lesbaar: None,
        }
    }

    #[test]
    fn relatief_verzuim_is_sixteen_hours_in_four_lesweken_whatever_the_school_called_it() {
        // "relatief verzuim: unieke leerlingen met meer dan 16 uur in 4 opeenvolgende lesweken (luxe
        // verzuim boven 16 uur inbegrepen, signaal- en beginnend verzuim onder 16 uur niet)"
        assert!(relatief_verzuim(&melding("wettelijk_16_uur", None)));
        assert!(relatief_verzuim(&melding("langdurig_1_maand", None)));
        assert!(relatief_verzuim(&melding("luxe", Some(16))));
        assert!(!relatief_verzuim(&melding("luxe", Some(15))));
        assert!(!relatief_verzuim(&melding("luxe", None)), "uren onbekend: niet aangetoond");
        assert!(!relatief_verzuim(&melding("signaal", Some(8))));
        assert!(relatief_verzuim(&melding("signaal", Some(20))), "signaalverzuim dat 16 uur haalde");
        assert!(!relatief_verzuim(&melding("beginnend", Some(12))));
        for soort in ["achttien_plus", "zorgwekkend_ziekteverzuim", "absoluut"] {
            assert!(!relatief_verzuim(&melding(soort, Some(40))), "{soort}");
        }
        let legitiem = Verzuimmelding {
            status: "afgesloten".into(),
            reden_afsluiting: Some("geen_verzuim_legitiem".into()),
            ..melding("wettelijk_16_uur", Some(16))
        };
        assert!(!relatief_verzuim(&legitiem), "afgesloten als legitiem afwezig");
        let ingetrokken = Verzuimmelding { status: "ingetrokken".into(), ..melding("wettelijk_16_uur", Some(16)) };
        assert!(!relatief_verzuim(&ingetrokken));
    }

    #[test]
    fn a_school_reports_sixteen_hours_by_the_end_of_the_fourth_lesweek() {
        // Absent from Wednesday 30 September 2020 in regio noord, whose herfstvakantie (10-18
        // October) is no lesweek: the fourth lesweek ends on Sunday 1 November.
        let noord = crate::kalender::Kalender::nieuw(crate::kalender::ocw_vakanties(), &[], &[])
            .rooster(Some(crate::model::Vakantieregio::Noord), None);
        assert_eq!(meldtermijn(d("2020-09-30"), &noord), d("2020-11-01"));
        let mut m = Verzuimmelding { verzuim_van: d("2020-09-30"), ..melding("wettelijk_16_uur", Some(16)) };
        m.meldingsdatum = d("2020-11-01");
        assert_eq!(lesdagen_te_laat(&m, &noord), None, "op tijd");
        m.meldingsdatum = d("2020-11-06");
        assert_eq!(lesdagen_te_laat(&m, &noord), Some(5), "maandag 2 tot en met vrijdag 6 november");
        let signaal = Verzuimmelding { soort: "signaal".into(), ..m };
        assert_eq!(lesdagen_te_laat(&signaal, &noord), None, "de meldplicht gaat over 16 uur");
    }

    #[test]
    fn periods_overlap_when_they_share_a_day_or_one_is_still_running() {
        let p = |a: &str, b: Option<&str>| (d(a), b.map(d));
        assert!(perioden_overlappen(p("2020-10-01", Some("2020-10-10")), p("2020-10-10", Some("2020-10-20"))));
        assert!(!perioden_overlappen(p("2020-10-01", Some("2020-10-09")), p("2020-10-10", Some("2020-10-20"))));
        assert!(perioden_overlappen(p("2020-10-01", None), p("2021-03-01", Some("2021-03-05"))));
        assert!(!perioden_overlappen(p("2021-03-06", None), p("2021-03-01", Some("2021-03-05"))));
    }
}
