//! Vrijstellingen (Lpw art. 3a, 3b, 5, 5a, 15) and verlof (art. 11 sub f, g, art. 13a, 14): what must
//! be true before one is granted or recorded (domain.md §5 and §7).
use super::Weigering;
use super::leeftijd::verjaardag;
use super::status::{Leerplichtfeiten, Plichtstatus};
use crate::code_enum::CodeEnum;
use crate::model::{Beslisser, Vrijstelling};
use crate::{Datum, SchoolJaar};
use chrono::{Days, Months};

/// Checks a vrijstelling or verlof that is being granted (or, for leave up to 10 days, recorded).
///
/// `eerder_11f_dit_schooljaar`: the youth already had art. 11 sub f leave this schooljaar.
pub fn toets_toekenning(
    v: &Vrijstelling,
    feiten: &Leerplichtfeiten,
    eerder_11f_dit_schooljaar: bool,
) -> Result<(), Weigering> {
    let Some(van) = v.geldig_van else {
        return Err(Weigering::new("vrijstelling", "vul in vanaf wanneer de vrijstelling geldt"));
    };
    let besluit = v.besluitdatum.unwrap_or(v.aanvraagdatum);
    match v.artikel.as_str() {
        "art3a" => vanaf_veertien(feiten, van),
        "art3b" => laatste_leerplichtjaar(feiten, van),
        "art5_sub_a" => lichamelijk_of_psychisch(v, besluit),
        "art5_sub_b" => richting(v, feiten, van),
        "art11_sub_f" => beroep_ouder(v, van, eerder_11f_dit_schooljaar),
        "art11_sub_g" => gewichtige_omstandigheden(v),
        "art15" => ander_onderwijs(feiten, van),
        _ => Ok(()),
    }
}

/// Art. 3a: vervangende leerplicht is for a youth from 14.
fn vanaf_veertien(feiten: &Leerplichtfeiten, van: Datum) -> Result<(), Weigering> {
    let veertien = verjaardag(feiten.geboortedatum(), 14);
    if van < veertien {
        return Err(Weigering::new(
            "Lpw art. 3a",
            format!("vervangende leerplicht kan pas vanaf 14 jaar; de jongere wordt 14 op {veertien}"),
        ));
    }
    Ok(())
}

/// Art. 3b: only in the last schooljaar of volledige leerplicht.
fn laatste_leerplichtjaar(feiten: &Leerplichtfeiten, van: Datum) -> Result<(), Weigering> {
    let einde = feiten.op(van).map_err(|e| Weigering::new("Lpw art. 3b", e.to_string()))?.leerplicht_einde;
    let laatste = SchoolJaar::van(einde);
    if SchoolJaar::van(van) != laatste {
        return Err(Weigering::new(
            "Lpw art. 3b",
            format!("art. 3b geldt alleen in het laatste leerplichtjaar ({laatste}), niet in {}", SchoolJaar::van(van)),
        ));
    }
    Ok(())
}

/// Art. 5 sub a: a statement of an independent doctor, at most 3 months old when the request is
/// made (Lpw art. 7 lid 2), and the samenwerkingsverband's advice before the decision.
fn lichamelijk_of_psychisch(v: &Vrijstelling, besluit: Datum) -> Result<(), Weigering> {
    const REGEL: &str = "Lpw art. 5 sub a, art. 7";
    let Some(arts) = v.artsverklaring_datum else {
        return Err(Weigering::new(
            REGEL,
            "een vrijstelling op grond van art. 5 sub a vraagt een verklaring van een onafhankelijk arts; die ontbreekt",
        ));
    };
    if arts + Months::new(3) < v.aanvraagdatum {
        return Err(Weigering::new(
            REGEL,
            format!("de artsverklaring van {arts} was bij de aanvraag ({}) ouder dan 3 maanden", v.aanvraagdatum),
        ));
    }
    match v.swv_advies_datum {
        None => Err(Weigering::new(REGEL, "vraag eerst advies aan het samenwerkingsverband; dat advies ontbreekt")),
        Some(advies) if advies > besluit => Err(Weigering::new(
            REGEL,
            format!("het advies van het samenwerkingsverband ({advies}) kwam na het besluit ({besluit})"),
        )),
        Some(_) => Ok(()),
    }
}

/// Art. 5 sub b: for one schooljaar at a time, notified before 1 July (the first time: at least a
/// month before leerplicht starts) (Lpw art. 8).
fn richting(v: &Vrijstelling, feiten: &Leerplichtfeiten, van: Datum) -> Result<(), Weigering> {
    const REGEL: &str = "Lpw art. 5 sub b, art. 8";
    let schooljaar = SchoolJaar::van(van);
    if v.geldig_tot.is_some_and(|tot| SchoolJaar::van(tot) != schooljaar) {
        return Err(Weigering::new(
            REGEL,
            format!("een vrijstelling op grond van 5 sub b geldt voor één schooljaar ({schooljaar})"),
        ));
    }
    let begin = feiten.op(van).map_err(|e| Weigering::new(REGEL, e.to_string()))?.leerplicht_begin;
    let eerste_keer = SchoolJaar::van(begin) == schooljaar;
    let uiterlijk = if eerste_keer {
        begin - Months::new(1)
    } else {
        Datum::from_ymd_opt(schooljaar.beginjaar(), 6, 30).expect("30 juni bestaat")
    };
    if v.aanvraagdatum > uiterlijk {
        let wanneer = if eerste_keer { "een maand voor het begin van de leerplicht" } else { "vóór 1 juli" };
        return Err(Weigering::new(
            REGEL,
            format!(
                "de kennisgeving voor {schooljaar} moest {wanneer} binnen zijn (uiterlijk {uiterlijk}), niet op {}",
                v.aanvraagdatum
            ),
        ));
    }
    Ok(())
}

/// Art. 11 sub f with art. 13a: leave for a parent's job, granted by the school head only, at most
/// 10 school days, once per schooljaar, never in the first two weeks of the schooljaar.
fn beroep_ouder(v: &Vrijstelling, van: Datum, eerder: bool) -> Result<(), Weigering> {
    const REGEL: &str = "Lpw art. 11 sub f, art. 13a";
    if v.beslisser != Beslisser::Schoolleider {
        return Err(Weigering::new(
            REGEL,
            "over verlof wegens het beroep van een ouder beslist alleen de directeur van de school",
        ));
    }
    if v.dagen.is_none_or(|d| d > 10) {
        return Err(Weigering::new(
            REGEL,
            "verlof wegens het beroep van een ouder is ten hoogste 10 schooldagen; vul het aantal dagen in",
        ));
    }
    if eerder {
        return Err(Weigering::new(REGEL, "verlof wegens het beroep van een ouder kan één keer per schooljaar"));
    }
    let twee_weken = SchoolJaar::van(van).eerste_dag() + Days::new(14);
    if van < twee_weken {
        return Err(Weigering::new(
            REGEL,
            format!("dit verlof kan niet in de eerste twee weken van het schooljaar (vóór {twee_weken})"),
        ));
    }
    Ok(())
}

/// Art. 11 sub g with art. 14: up to 10 school days the school head decides (Leerspoor only records
/// it); more than 10 the leerplichtambtenaar.
fn gewichtige_omstandigheden(v: &Vrijstelling) -> Result<(), Weigering> {
    const REGEL: &str = "Lpw art. 11 sub g, art. 14";
    match (v.dagen, v.beslisser) {
        (None, _) => Err(Weigering::new(REGEL, "vul het aantal schooldagen verlof in")),
        (Some(d), Beslisser::Schoolleider) if d > 10 => Err(Weigering::new(
            REGEL,
            format!("over {d} dagen verlof (meer dan 10) beslist de leerplichtambtenaar, niet de directeur"),
        )),
        (Some(d), Beslisser::Leerplichtambtenaar) if d <= 10 => Err(Weigering::new(
            REGEL,
            format!(
                "over {d} dagen verlof (10 of minder) beslist de directeur; de leerplichtambtenaar legt het alleen vast"
            ),
        )),
        _ => Ok(()),
    }
}

/// Art. 15: only for a kwalificatieplichtige youth.
fn ander_onderwijs(feiten: &Leerplichtfeiten, van: Datum) -> Result<(), Weigering> {
    let status = feiten.op(van).map_err(|e| Weigering::new("Lpw art. 15", e.to_string()))?.status;
    if status != Plichtstatus::Kwalificatieplichtig {
        return Err(Weigering::new(
            "Lpw art. 15",
            format!(
                "art. 15 geldt alleen voor een kwalificatieplichtige jongere; op {van} is de jongere {}",
                status.label().to_lowercase()
            ),
        ));
    }
    Ok(())
}

/// Verlof (art. 11) is leave from a school the youth stays enrolled at; every other article frees
/// the youth from enrolment or from attending, so only those exclude absoluut verzuim.
pub fn vrijstelt_van_inschrijving(artikel: &str) -> bool {
    !artikel.starts_with("art11")
}

/// Is a granted vrijstelling running on this date (it then excludes absoluut verzuim)?
pub fn loopt_op(v: &Vrijstelling, datum: Datum) -> bool {
    use crate::model::VrijstellingStatus::Toegekend;
    v.status == Toegekend && v.geldig_van.is_some_and(|van| van <= datum) && v.geldig_tot.is_none_or(|tot| datum <= tot)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::VrijstellingStatus;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    fn feiten(geboren: &str) -> Leerplichtfeiten {
        Leerplichtfeiten::nieuw(d(geboren), None, None, None).unwrap()
    }

    fn aanvraag(artikel: &str, aanvraag: &str, van: &str) -> Vrijstelling {
        Vrijstelling {
            id: "V1".into(),
            jongere: "J1".into(),
            artikel: artikel.into(),
            status: VrijstellingStatus::Toegekend,
            aanvraagdatum: d(aanvraag),
            besluitdatum: Some(d(aanvraag)),
            geldig_van: Some(d(van)),
            geldig_tot: None,
            beslisser: Beslisser::Leerplichtambtenaar,
            medewerker: None,
            artsverklaring_datum: None,
            swv_advies_datum: None,
            dagen: None,
            toelichting: String::new(),
        }
    }

    #[test]
    fn art_5_sub_a_is_refused_without_the_doctors_statement() {
        let mut v = aanvraag("art5_sub_a", "2021-02-01", "2021-04-01");
        v.besluitdatum = Some(d("2021-03-15"));
        v.swv_advies_datum = Some(d("2021-03-01"));
        let w = toets_toekenning(&v, &feiten("2012-05-05"), false).unwrap_err();
        assert_eq!(w.regel, "Lpw art. 5 sub a, art. 7");
        assert!(w.reden.contains("verklaring van een onafhankelijk arts"), "{w}");

        v.artsverklaring_datum = Some(d("2021-01-20"));
        assert!(toets_toekenning(&v, &feiten("2012-05-05"), false).is_ok());
        v.artsverklaring_datum = Some(d("2020-10-31"));
        assert!(toets_toekenning(&v, &feiten("2012-05-05"), false).unwrap_err().reden.contains("ouder dan 3 maanden"));
        v.artsverklaring_datum = Some(d("2021-01-20"));
        v.swv_advies_datum = None;
        assert!(toets_toekenning(&v, &feiten("2012-05-05"), false).unwrap_err().reden.contains("samenwerkingsverband"));
    }

    #[test]
    fn art_5_sub_b_is_per_schooljaar_and_notified_before_1_july() {
        let kind = feiten("2010-05-05");
        assert!(toets_toekenning(&aanvraag("art5_sub_b", "2021-06-30", "2021-08-01"), &kind, false).is_ok());
        let w = toets_toekenning(&aanvraag("art5_sub_b", "2021-07-01", "2021-08-01"), &kind, false).unwrap_err();
        assert!(w.reden.contains("vóór 1 juli binnen zijn (uiterlijk 2021-06-30)"), "{w}");
        let mut twee_jaar = aanvraag("art5_sub_b", "2021-06-01", "2021-08-01");
        twee_jaar.geldig_tot = Some(d("2022-08-31"));
        assert!(toets_toekenning(&twee_jaar, &kind, false).unwrap_err().reden.contains("één schooljaar"));
        // The first time: a month before leerplicht starts (born 2016-09-14 → leerplichtig 2021-10-01).
        let jong = feiten("2016-09-14");
        assert!(toets_toekenning(&aanvraag("art5_sub_b", "2021-09-01", "2021-10-01"), &jong, false).is_ok());
        assert!(toets_toekenning(&aanvraag("art5_sub_b", "2021-09-02", "2021-10-01"), &jong, false).is_err());
    }

    #[test]
    fn leave_under_art_11_g_over_ten_days_is_the_leerplichtambtenaars_decision() {
        let kind = feiten("2012-05-05");
        let mut v = aanvraag("art11_sub_g", "2021-03-01", "2021-03-15");
        v.dagen = Some(12);
        assert!(toets_toekenning(&v, &kind, false).is_ok());
        v.beslisser = Beslisser::Schoolleider;
        assert!(toets_toekenning(&v, &kind, false).unwrap_err().reden.contains("beslist de leerplichtambtenaar"));
        v.dagen = Some(10);
        assert!(toets_toekenning(&v, &kind, false).is_ok(), "tot en met 10 dagen: de directeur, alleen vastgelegd");
        v.beslisser = Beslisser::Leerplichtambtenaar;
        assert!(toets_toekenning(&v, &kind, false).unwrap_err().reden.contains("beslist de directeur"));
    }

    #[test]
    fn leave_under_art_11_f_once_a_year_at_most_ten_days_not_in_the_first_two_weeks() {
        let kind = feiten("2012-05-05");
        let mut v = aanvraag("art11_sub_f", "2021-06-01", "2021-08-15");
        v.beslisser = Beslisser::Schoolleider;
        v.dagen = Some(10);
        assert!(toets_toekenning(&v, &kind, false).is_ok());
        assert!(toets_toekenning(&v, &kind, true).unwrap_err().reden.contains("één keer per schooljaar"));
        v.geldig_van = Some(d("2021-08-14"));
        assert!(toets_toekenning(&v, &kind, false).unwrap_err().reden.contains("eerste twee weken"));
        v.geldig_van = Some(d("2021-09-01"));
        v.dagen = Some(11);
        assert!(toets_toekenning(&v, &kind, false).is_err());
    }

    #[test]
    fn art_15_only_for_the_kwalificatieplichtige() {
        // Born 2004-09-10: leerplicht ends 2021-07-31, kwalificatieplichtig until 2022-09-10.
        let jongere = feiten("2004-09-10");
        assert!(toets_toekenning(&aanvraag("art15", "2021-07-01", "2021-08-01"), &jongere, false).is_ok());
        let w = toets_toekenning(&aanvraag("art15", "2021-07-01", "2021-07-31"), &jongere, false).unwrap_err();
        assert!(w.reden.ends_with("is de jongere leerplichtig"), "{w}");
    }

    #[test]
    fn art_3b_only_in_the_last_leerplicht_year_and_3a_from_fourteen() {
        let jongere = feiten("2004-09-10");
        assert!(toets_toekenning(&aanvraag("art3b", "2020-06-01", "2020-08-01"), &jongere, false).is_ok());
        let w = toets_toekenning(&aanvraag("art3b", "2019-06-01", "2019-08-01"), &jongere, false).unwrap_err();
        assert!(w.reden.contains("laatste leerplichtjaar (2020-2021), niet in 2019-2020"), "{w}");
        assert!(toets_toekenning(&aanvraag("art3a", "2018-09-01", "2018-09-10"), &jongere, false).is_ok());
        assert!(toets_toekenning(&aanvraag("art3a", "2018-09-01", "2018-09-09"), &jongere, false).is_err());
    }

    #[test]
    fn a_granted_vrijstelling_runs_from_its_first_to_its_last_day() {
        let mut v = aanvraag("art5_sub_c", "2021-06-01", "2021-08-01");
        v.geldig_tot = Some(d("2022-07-31"));
        assert!(!loopt_op(&v, d("2021-07-31")));
        assert!(loopt_op(&v, d("2021-08-01")) && loopt_op(&v, d("2022-07-31")));
        assert!(!loopt_op(&v, d("2022-08-01")));
        v.status = VrijstellingStatus::Afgewezen;
        assert!(!loopt_op(&v, d("2021-09-01")));
    }
}
