//! RMC-trajecten (docs/regels.md): who may start which traject for whom, how it ends, and how the
//! outcome taxonomy of seed 000 Tabel 10 is grouped.
use super::Weigering;
use super::leeftijd::leeftijd_op;
use crate::code_enum::CodeEnum;
use crate::model::{RmcTraject, Rol, TrajectSoort};
use crate::{Datum, SchoolJaar, code_enum};
use std::collections::BTreeMap;

code_enum!(
    /// The subtotals of seed 000 Tabel 10.
    ResultaatGroep, "resultaatgroep" {
        Scholing = ("scholing", "Subtotaal herplaatsing naar een vorm van scholing"),
        NietNaarScholing = ("niet_naar_scholing", "Subtotaal niet herplaatst naar scholing"),
        Overig = ("overig", "Subtotaal overig"),
        Monitoring = ("monitoring", "Subtotaal monitoring/in traject"),
    }
);

/// What a traject closed without a result shows (imported history: Leerspoor itself always asks
/// for one). Not "nog in traject": it ended.
pub const ZONDER_RESULTAAT: &str = "zonder_resultaat";

/// The group of a code of the list `rmc_resultaat` (seed 000 Tabel 10); `None` for a code the
/// office added itself.
pub fn resultaat_groep(code: &str) -> Option<ResultaatGroep> {
    use ResultaatGroep::*;
    Some(match code {
        "scholing" | "werk_en_scholing" | "stage_wet" | "opvangvoorziening" => Scholing,
        "werk" | "niet_herplaatst" => NietNaarScholing,
        "geen_rmc_vsv" | "overig_verhuisd" | "niet_doelgroep" | ZONDER_RESULTAAT => Overig,
        "nog_in_traject"
        | "jikp_arbeid"
        | "jikp_pwet"
        | "jikp_wajong"
        | "jikp_ketenpartner"
        | "buitenlands_onderwijs"
        | "statushouder_inburgering"
        | "statushouder_scholing" => Monitoring,
        _ => return None,
    })
}

code_enum!(
    /// Seed 000 Tabel 10's columns: reported before the verslagjaar, or new in it.
    SoortRmcer, "soort RMC-er" {
        GemeldVoorVerslagjaar = ("gemeld_voor_verslagjaar", "Gemeld vóór verslagjaar"),
        Nieuw = ("nieuw", "Nieuwe RMC-ers"),
    }
);

pub fn soort_rmcer(aangemeld_op: Datum, verslagjaar: SchoolJaar) -> SoortRmcer {
    if aangemeld_op < verslagjaar.eerste_dag() { SoortRmcer::GemeldVoorVerslagjaar } else { SoortRmcer::Nieuw }
}

/// Who counts as an RMC-er (seed 000 Tabel 9 and 10): the youths the RMC supports, in every kind of
/// traject but one. The P-wet scholingsadvies talks with 23-27-year-olds who apply for a benefit are
/// the RMC's work too, but the region reports them apart ("zijn dus 223 jongeren gesproken in het
/// kader van hun P-wet"), not among its 3.118 RMC-ers.
pub fn telt_als_rmcer(soort: TrajectSoort) -> bool {
    soort != TrajectSoort::PwetScholingsadvies
}

/// Who may start a traject for whom (docs/regels.md): RMC-trajectbegeleiders and their teamleider
/// start them; the regular work is for youths under 23 (the RMC-doelgroep and younger drop-outs),
/// P-wet scholingsadvies for 23 up to 27, statushouder advice for 16 up to 27, the VO→MBO
/// transition for pupils up to 18.
pub fn mag_starten(rol: Rol, soort: TrajectSoort, geboortedatum: Datum, begindatum: Datum) -> Result<(), Weigering> {
    use TrajectSoort::*;
    mag_begeleiden(rol)?;
    let leeftijd = leeftijd_op(geboortedatum, begindatum);
    let (van, tot) = match soort {
        Regulier | Wet | Leerwerkmakelaar | Zomeractie => (12, 23),
        PwetScholingsadvies => (23, 27),
        Statushouder => (16, 27),
        OverstapVoMbo => (12, 18),
    };
    if !(van..tot).contains(&leeftijd) {
        return Err(Weigering::new(
            "RMC: doelgroep van het traject",
            format!("{} is voor jongeren van {van} tot {tot}; de jongere is op {begindatum} {leeftijd}", soort.label()),
        ));
    }
    Ok(())
}

/// RMC-trajectbegeleiders and their teamleider run trajecten.
pub fn mag_begeleiden(rol: Rol) -> Result<(), Weigering> {
    if matches!(rol, Rol::RmcConsulent | Rol::Teamleider) {
        Ok(())
    } else {
        Err(Weigering::new(
            "rollen: RMC-trajecten",
            format!("een {} begeleidt geen RMC-trajecten", rol.label().to_lowercase()),
        ))
    }
}

/// A closed traject has a result; "nog in traject" is what a running one shows, and the
/// statushouder advice belongs to a statushouder traject and only there.
pub fn toets_resultaat(soort: TrajectSoort, resultaat: &str) -> Result<(), Weigering> {
    const REGEL: &str = "RMC: resultaat van het traject";
    if resultaat == "nog_in_traject" {
        return Err(Weigering::new(REGEL, "een afgesloten traject is niet meer 'nog in traject': kies het resultaat"));
    }
    if resultaat == ZONDER_RESULTAAT {
        return Err(Weigering::new(REGEL, "wie een traject afsluit, legt het resultaat vast: kies het resultaat"));
    }
    let statushouder = resultaat.starts_with("statushouder_");
    if statushouder != (soort == TrajectSoort::Statushouder) {
        return Err(Weigering::new(
            REGEL,
            if statushouder {
                "een statushouderadvies hoort bij een traject 'Advies statushouder'".to_string()
            } else {
                "een traject 'Advies statushouder' eindigt met een advies inburgering of scholing".to_string()
            },
        ));
    }
    Ok(())
}

/// Seed 000 Tabel 10 for a verslagjaar: every traject of an RMC-er ([`telt_als_rmcer`])
/// that ran in it, by its result at the end of the year ("nog in traject" while it runs on,
/// [`ZONDER_RESULTAAT`] when it closed without one) and by the kind of RMC-er. Per traject, as the table's total equals Tabel 9's "aantal RMC-ers" begeleid.
pub fn resultaten(trajecten: &[RmcTraject], jaar: SchoolJaar) -> BTreeMap<String, [u32; 2]> {
    let mut uit: BTreeMap<String, [u32; 2]> = BTreeMap::new();
    for t in trajecten.iter().filter(|t| telt_als_rmcer(t.soort) && liep_in(t, jaar)) {
        let resultaat = resultaat_op(t, jaar.laatste_dag());
        let kolom = match soort_rmcer(t.aangemeld_op, jaar) {
            SoortRmcer::GemeldVoorVerslagjaar => 0,
            SoortRmcer::Nieuw => 1,
        };
        uit.entry(resultaat.to_string()).or_default()[kolom] += 1;
    }
    uit
}

/// The result of a traject on `dag`: its recorded result if it ended by then ([`ZONDER_RESULTAAT`]
/// when it ended without one), else "nog in traject".
pub fn resultaat_op(t: &RmcTraject, dag: Datum) -> &str {
    match t.einddatum {
        Some(e) if e <= dag => t.resultaat.as_deref().unwrap_or(ZONDER_RESULTAAT),
        _ => "nog_in_traject",
    }
}

/// The traject ran on a day of the schooljaar `jaar`.
pub fn liep_in(t: &RmcTraject, jaar: SchoolJaar) -> bool {
    t.begindatum <= jaar.laatste_dag() && t.einddatum.is_none_or(|e| e >= jaar.eerste_dag())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::{CodeLijst, standaard};

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    #[test]
    fn every_outcome_of_tabel_10_has_its_subtotal() {
        let codes: Vec<_> = standaard().into_iter().filter(|c| c.lijst == CodeLijst::RmcResultaat).collect();
        assert_eq!(codes.len(), 18);
        let in_groep = |g| codes.iter().filter(|c| resultaat_groep(&c.code) == Some(g)).count();
        // Tabel 10: four rows of scholing, two not, three overig, eight monitoring/in traject;
        // Leerspoor adds "zonder resultaat" to overig.
        assert_eq!(
            [
                ResultaatGroep::Scholing,
                ResultaatGroep::NietNaarScholing,
                ResultaatGroep::Overig,
                ResultaatGroep::Monitoring
            ]
            .map(in_groep),
            [4, 2, 4, 8]
        );
        assert_eq!(resultaat_groep("eigen_code"), None);
    }

    #[test]
    fn a_pwet_talk_is_reported_apart_from_the_rmcers() {
        assert!(!telt_als_rmcer(TrajectSoort::PwetScholingsadvies));
        for soort in TrajectSoort::ALL.iter().filter(|s| **s != TrajectSoort::PwetScholingsadvies) {
            assert!(telt_als_rmcer(*soort), "{soort}");
        }
    }

    #[test]
    fn reported_before_the_verslagjaar_or_new() {
        let jaar = SchoolJaar::beginnend_in(2020);
        assert_eq!(soort_rmcer(d("2020-07-31"), jaar), SoortRmcer::GemeldVoorVerslagjaar);
        assert_eq!(soort_rmcer(d("2020-08-01"), jaar), SoortRmcer::Nieuw);
    }

    #[test]
    fn each_traject_for_its_age_group_and_only_by_rmc() {
        let rmc = Rol::RmcConsulent;
        assert!(mag_starten(rmc, TrajectSoort::Regulier, d("2001-06-05"), d("2020-11-20")).is_ok());
        let w = mag_starten(rmc, TrajectSoort::PwetScholingsadvies, d("2001-06-05"), d("2020-11-20")).unwrap_err();
        assert_eq!(
            w.reden,
            "Scholingsadvies P-wet (23-27) is voor jongeren van 23 tot 27; de jongere is op 2020-11-20 19"
        );
        assert!(mag_starten(rmc, TrajectSoort::PwetScholingsadvies, d("1996-02-02"), d("2020-11-20")).is_ok());
        assert!(
            mag_starten(rmc, TrajectSoort::Regulier, d("1997-11-20"), d("2020-11-20")).is_err(),
            "op de 23e verjaardag"
        );
        let w = mag_starten(Rol::Leerplichtambtenaar, TrajectSoort::Regulier, d("2001-06-05"), d("2020-11-20"))
            .unwrap_err();
        assert_eq!(w.regel, "rollen: RMC-trajecten");
    }

    fn traject(id: &str, begin: &str, einde: Option<&str>, resultaat: Option<&str>) -> RmcTraject {
        RmcTraject {
            id: id.into(),
            jongere: format!("J-{id}"),
            soort: TrajectSoort::Regulier,
            medewerker: None,
            aangemeld_op: d("2019-09-01"),
            begindatum: d(begin),
            einddatum: einde.map(d),
            resultaat: resultaat.map(String::from),
        }
    }

    // Seed 000 Tabel 10, "Nog in traject RMC": a traject that runs on at the end of the year. One
    // that ended without a recorded result did not run on.
    #[test]
    fn a_traject_closed_without_a_result_is_not_nog_in_traject() {
        let jaar = SchoolJaar::beginnend_in(2020);
        let lijst = [
            traject("A", "2020-09-01", None, None),
            traject("B", "2020-09-01", Some("2021-03-01"), None),
            traject("C", "2020-09-01", Some("2021-03-01"), Some("werk")),
            // Closed after the year: still running on 31 July.
            traject("D", "2020-09-01", Some("2021-08-15"), Some("scholing")),
        ];
        let r = resultaten(&lijst, jaar);
        assert_eq!(r.get("nog_in_traject"), Some(&[2, 0]));
        assert_eq!(r.get(ZONDER_RESULTAAT), Some(&[1, 0]));
        assert_eq!(r.get("werk"), Some(&[1, 0]));
        assert_eq!(r.get("scholing"), None);
    }

    #[test]
    fn a_closed_traject_has_a_result_that_fits_it() {
        assert!(toets_resultaat(TrajectSoort::Regulier, "scholing").is_ok());
        assert!(toets_resultaat(TrajectSoort::Regulier, "nog_in_traject").is_err());
        assert!(toets_resultaat(TrajectSoort::Regulier, ZONDER_RESULTAAT).is_err());
        assert!(toets_resultaat(TrajectSoort::Regulier, "statushouder_scholing").is_err());
        assert!(toets_resultaat(TrajectSoort::Statushouder, "statushouder_inburgering").is_ok());
        assert!(toets_resultaat(TrajectSoort::Statushouder, "werk").is_err());
    }
}
