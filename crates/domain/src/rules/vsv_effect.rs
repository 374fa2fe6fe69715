//! The VSV-effectrapportage (docs/regels.md "Effect van de RMC-inzet"): per VSV-er of a schooljaar,
//! whether the RMC reached them and what came of its effort, on the last day of that schooljaar.
//!
//! The RMC-contactgemeente reports the effect of its work on the past schooljaar's drop-outs to DUO
//! every year ("De RMC-effectrapportage wordt jaarlijks voor 1 december van het jaar volgend op het
//! studiejaar waarop deze betrekking heeft door alle RMC-coördinatoren ingevuld en ingediend bij
//! DUO", Regeling regionale aanpak voortijdig schoolverlaten 2017, bijlage B; WEB art. 8.3.2 lid 7,
//! WVO art. 118h lid 7). The categories below are the RMC outcome taxonomy (seed 000 Tabel 10)
//! folded into the effects the issue names: back to school, work, work and school, care or
//! benefit, not reached.
use super::Weigering;
use super::traject::ZONDER_RESULTAAT;
use crate::code_enum::CodeEnum;
use crate::model::{Dagbesteding, RmcTraject, Rol};
use crate::{Datum, SchoolJaar, code_enum};
use chrono::Months;

code_enum!(
    /// What came of the RMC's effort for a VSV-er.
    Effect, "effect" {
        School = ("school", "Terug naar school"),
        WerkEnSchool = ("werk_en_school", "Werk en school"),
        Werk = ("werk", "Werk"),
        ZorgUitkering = ("zorg_uitkering", "Zorg of uitkering"),
        NietHerplaatst = ("niet_herplaatst", "Bereikt, niet herplaatst"),
        GeenVsv = ("geen_vsv", "Geen VSV meer (startkwalificatie, vrijstelling, niet in de doelgroep)"),
        Verhuisd = ("verhuisd", "Verhuisd"),
        Overig = ("overig", "Overig"),
        NogInTraject = ("nog_in_traject", "Nog in traject"),
        NietBereikt = ("niet_bereikt", "Niet bereikt"),
    }
);

code_enum!(
    /// Why a VSV-er has no result: the gaps the check lists before the file goes to DUO.
    Ontbreekt, "ontbrekend resultaat" {
        ContactZonderResultaat = ("contact_zonder_resultaat", "contact gemaakt, maar geen traject of dagbesteding vastgelegd"),
        TrajectZonderResultaat = ("traject_zonder_resultaat", "traject afgesloten zonder resultaat"),
    }
);

/// The effect of a closed traject's result (a code of the list `rmc_resultaat`), or `None` for a
/// traject closed without one. Tabel 10's groups decide, with three choices of our own:
/// - `opvangvoorziening` is care, not school (Tabel 10 counts it as herplaatsing; the issue asks
///   for care apart from school);
/// - JIKP arbeid and ketenpartner re-integratie are werk, P-wet and Wajong uitkering, as the
///   bestemming of a VSV-er reads them (`vsv::bestemming`);
/// - a code the office added itself is a result the RMC recorded, counted as overig.
pub fn uit_traject(resultaat: &str) -> Option<Effect> {
    use Effect::*;
    Some(match resultaat {
        ZONDER_RESULTAAT => return None,
        "scholing" | "stage_wet" | "buitenlands_onderwijs" | "statushouder_scholing" => School,
        "werk_en_scholing" => WerkEnSchool,
        "werk" | "jikp_arbeid" | "jikp_ketenpartner" => Werk,
        "opvangvoorziening" | "jikp_pwet" | "jikp_wajong" => ZorgUitkering,
        "niet_herplaatst" => NietHerplaatst,
        "geen_rmc_vsv" | "niet_doelgroep" => GeenVsv,
        "overig_verhuisd" => Verhuisd,
        "nog_in_traject" => NogInTraject,
        _ => Overig,
    })
}

/// The effect of a dagbesteding (a code of the list `dagbesteding`): werk; an uitkering or zorg;
/// at home without either is reached and not placed; a code of the office's own is overig.
pub fn uit_dagbesteding(soort: &str) -> Effect {
    match soort {
        "werk" => Effect::Werk,
        "uitkering_gemeente" | "uitkering_uwv" | "zorg" => Effect::ZorgUitkering,
        "thuis" => Effect::NietHerplaatst,
        _ => Effect::Overig,
    }
}

/// What the register holds about one VSV-er, as far as the effect needs it.
#[derive(Debug, Clone, Copy)]
pub struct Inzet<'a> {
    /// The first day of an enrolment that runs on the last day of the schooljaar, if any.
    pub ingeschreven_sinds: Option<Datum>,
    pub trajecten: &'a [&'a RmcTraject],
    pub dagbestedingen: &'a [&'a Dagbesteding],
    /// The days of talks with the youth (actions `gesprek`, `preventief_gesprek`).
    pub gesprekken: &'a [Datum],
}

/// Whether and when the RMC reached a VSV-er, and the result (or why it is missing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uitkomst {
    /// The first contact in the period: a talk, a dagbesteding heard, or the start of a traject.
    pub contact: Option<Datum>,
    /// The effect and the day of the fact it rests on (none for "niet bereikt").
    pub resultaat: Result<(Effect, Option<Datum>), Ontbreekt>,
}

/// A fact about the youth, dated; on one day a traject that closes goes before one that starts
/// (the next traject follows it) and both before a dagbesteding (heard at a later contact, as
/// `vsv::stand_op` reads it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Feit {
    Afgesloten(Option<Effect>),
    Lopend,
    Dagbesteding(Effect),
}

/// The effect for a VSV-er of `jaar` whose first drop-out that year was on `eerste_uitval`.
///
/// The period runs from a month before that drop-out (the RMC may start before the school
/// deregisters, as `vsv::bestemming_op` counts) up to and including 31 July, the last day of the
/// schooljaar the report is about; what happens after is next year's news.
/// - **Contact**: a traject that ran in the period, a dagbesteding recorded in it, or a talk in it.
///   An invitation alone is no contact.
/// - **Result**: enrolled on 31 July is back at school (work and school if the newest fact says
///   so); otherwise the newest fact: the result of the traject that closed last (the latest
///   finding supersedes an earlier one: a youth placed in school in October who is found at work
///   in May is at work), a traject still running on 31 July ("nog in traject"), or a dagbesteding.
///   Contact without any of these, or a traject closed without a result, is a gap to fill before
///   the file goes to DUO; no contact at all is "niet bereikt".
pub fn effect(jaar: SchoolJaar, eerste_uitval: Datum, inzet: Inzet<'_>) -> Uitkomst {
    let (van, tot) = (eerste_uitval - Months::new(1), jaar.laatste_dag());
    let trajecten: Vec<&RmcTraject> = inzet
        .trajecten
        .iter()
        .copied()
        .filter(|t| t.begindatum <= tot && t.einddatum.is_none_or(|e| e >= van))
        .collect();
    let dagbestedingen = inzet.dagbestedingen.iter().filter(|d| van <= d.datum && d.datum <= tot);
    let gesprekken = inzet.gesprekken.iter().copied().filter(|d| van <= *d && *d <= tot);

    let contact =
        trajecten.iter().map(|t| t.begindatum).chain(dagbestedingen.clone().map(|d| d.datum)).chain(gesprekken).min();
    let feiten = trajecten
        .iter()
        .map(|t| match t.einddatum.filter(|e| *e <= tot) {
            Some(e) => (e, Feit::Afgesloten(t.resultaat.as_deref().and_then(uit_traject))),
            None => (t.begindatum, Feit::Lopend),
        })
        .chain(dagbestedingen.map(|d| (d.datum, Feit::Dagbesteding(uit_dagbesteding(&d.soort)))));
    let nieuwste: Option<Result<(Effect, Datum), Ontbreekt>> = feiten.max().map(|(datum, feit)| match feit {
        Feit::Afgesloten(Some(e)) | Feit::Dagbesteding(e) => Ok((e, datum)),
        Feit::Afgesloten(None) => Err(Ontbreekt::TrajectZonderResultaat),
        Feit::Lopend => Ok((Effect::NogInTraject, datum)),
    });
    let resultaat = match (inzet.ingeschreven_sinds, nieuwste) {
        (Some(_), Some(Ok((Effect::WerkEnSchool, d)))) => Ok((Effect::WerkEnSchool, Some(d))),
        (Some(sinds), _) => Ok((Effect::School, Some(sinds))),
        (None, Some(r)) => r.map(|(e, d)| (e, Some(d))),
        (None, None) if contact.is_some() => Err(Ontbreekt::ContactZonderResultaat),
        (None, None) => Ok((Effect::NietBereikt, None)),
    };
    Uitkomst { contact, resultaat }
}

/// Who sends the file to DUO: it holds every VSV-er's BSN, so those who register VSV-ers — the
/// RMC-trajectbegeleider, the administratief medewerker and the teamleider — and no one who sees
/// only aggregates.
pub fn mag_aanleveren(rol: Rol) -> Result<(), Weigering> {
    if matches!(rol, Rol::RmcConsulent | Rol::Administratief | Rol::Teamleider) {
        Ok(())
    } else {
        Err(Weigering::new(
            "rollen: VSV-effectrapportage",
            format!("een {} levert de VSV-effectrapportage niet aan", rol.label().to_lowercase()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::{CodeLijst, standaard};
    use crate::model::TrajectSoort;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    fn jaar() -> SchoolJaar {
        SchoolJaar::beginnend_in(2020)
    }

    fn traject(begin: &str, einde: Option<&str>, resultaat: Option<&str>) -> RmcTraject {
        RmcTraject {
            id: format!("R-{begin}"),
            jongere: "J".into(),
            soort: TrajectSoort::Regulier,
            medewerker: None,
            aangemeld_op: d(begin),
            begindatum: d(begin),
            einddatum: einde.map(d),
            resultaat: resultaat.map(String::from),
        }
    }

    fn dag(datum: &str, soort: &str) -> Dagbesteding {
        Dagbesteding {
            id: format!("DB-{datum}"),
            jongere: "J".into(),
            datum: d(datum),
            soort: soort.into(),
            medewerker: None,
            toelichting: String::new(),
        }
    }

    fn met(
        trajecten: &[&RmcTraject],
        dagbestedingen: &[&Dagbesteding],
        gesprekken: &[Datum],
        uitval: &str,
    ) -> Uitkomst {
        effect(jaar(), d(uitval), Inzet { ingeschreven_sinds: None, trajecten, dagbestedingen, gesprekken })
    }

    // The issue: "per VSV-er whether contact was made and the result of the RMC's effort (back to
    // school, work, work and school, care/benefit, not reached, ...)".
    #[test]
    fn no_traject_and_no_contact_is_niet_bereikt() {
        let u = met(&[], &[], &[], "2020-11-14");
        assert_eq!(u, Uitkomst { contact: None, resultaat: Ok((Effect::NietBereikt, None)) });
    }

    #[test]
    fn contact_with_a_running_traject_is_nog_in_traject() {
        let t = traject("2020-12-01", None, None);
        let u = met(&[&t], &[], &[], "2020-11-14");
        assert_eq!(u.contact, Some(d("2020-12-01")));
        assert_eq!(u.resultaat, Ok((Effect::NogInTraject, Some(d("2020-12-01")))));
    }

    #[test]
    fn the_result_of_a_closed_traject_through_the_taxonomy() {
        for (code, effect) in [
            ("scholing", Effect::School),
            ("werk_en_scholing", Effect::WerkEnSchool),
            ("werk", Effect::Werk),
            ("jikp_wajong", Effect::ZorgUitkering),
            ("opvangvoorziening", Effect::ZorgUitkering),
            ("niet_herplaatst", Effect::NietHerplaatst),
            ("geen_rmc_vsv", Effect::GeenVsv),
            ("overig_verhuisd", Effect::Verhuisd),
        ] {
            let t = traject("2020-12-01", Some("2021-03-01"), Some(code));
            assert_eq!(met(&[&t], &[], &[], "2020-11-14").resultaat, Ok((effect, Some(d("2021-03-01")))), "{code}");
        }
    }

    #[test]
    fn every_shipped_rmc_result_has_an_effect_but_zonder_resultaat() {
        for c in standaard().into_iter().filter(|c| c.lijst == CodeLijst::RmcResultaat) {
            assert_eq!(uit_traject(&c.code).is_none(), c.code == ZONDER_RESULTAAT, "{}", c.code);
        }
        assert_eq!(uit_traject("eigen_code_van_het_bureau"), Some(Effect::Overig));
    }

    // Several trajecten: the one that closed last in the period decides, as the RMC's latest
    // finding; one still running after it is newer still.
    #[test]
    fn the_last_traject_closing_in_the_period_decides() {
        let school = traject("2020-09-01", Some("2020-10-15"), Some("scholing"));
        let werk = traject("2020-11-01", Some("2021-05-01"), Some("werk"));
        assert_eq!(met(&[&werk, &school], &[], &[], "2020-09-14").resultaat, Ok((Effect::Werk, Some(d("2021-05-01")))));
        let opnieuw = traject("2021-05-01", None, None);
        assert_eq!(
            met(&[&school, &werk, &opnieuw], &[], &[], "2020-09-14").resultaat,
            Ok((Effect::NogInTraject, Some(d("2021-05-01")))),
            "the next traject starts the day the last one closed"
        );
        // A traject begun before the last one closed (running beside it) is older news.
        let ernaast = traject("2021-02-01", None, None);
        assert_eq!(
            met(&[&werk, &ernaast], &[], &[], "2020-09-14").resultaat,
            Ok((Effect::Werk, Some(d("2021-05-01"))))
        );
    }

    // Edge dates: the schooljaar 2020-2021 ends on 31 July 2021.
    #[test]
    fn a_traject_closing_on_31_july_counts_one_closing_on_1_august_is_still_running() {
        let op_31_juli = traject("2020-12-01", Some("2021-07-31"), Some("werk"));
        assert_eq!(met(&[&op_31_juli], &[], &[], "2020-11-14").resultaat, Ok((Effect::Werk, Some(d("2021-07-31")))));
        let op_1_augustus = traject("2020-12-01", Some("2021-08-01"), Some("werk"));
        assert_eq!(
            met(&[&op_1_augustus], &[], &[], "2020-11-14").resultaat,
            Ok((Effect::NogInTraject, Some(d("2020-12-01"))))
        );
        // A talk on 1 August is next year's contact.
        assert_eq!(met(&[], &[], &[d("2021-08-01")], "2021-07-31").contact, None);
        assert_eq!(met(&[], &[], &[d("2021-07-31")], "2021-07-31").contact, Some(d("2021-07-31")));
    }

    // Uitval on 1 October: the period starts on 1 September. A traject closed on 31 August was
    // about something before; one closed on 1 September is this drop-out's.
    #[test]
    fn the_period_starts_a_month_before_the_drop_out() {
        let ervoor = traject("2020-06-01", Some("2020-08-31"), Some("scholing"));
        assert_eq!(met(&[&ervoor], &[], &[], "2020-10-01").resultaat, Ok((Effect::NietBereikt, None)));
        let binnen = traject("2020-06-01", Some("2020-09-01"), Some("scholing"));
        let u = met(&[&binnen], &[], &[], "2020-10-01");
        assert_eq!(u.resultaat, Ok((Effect::School, Some(d("2020-09-01")))));
        assert_eq!(u.contact, Some(d("2020-06-01")), "the traject's start, before the period: contact all along");
        assert_eq!(met(&[], &[], &[d("2020-08-31")], "2020-10-01").contact, None);
        assert_eq!(met(&[], &[], &[d("2020-09-01")], "2020-10-01").contact, Some(d("2020-09-01")));
    }

    #[test]
    fn a_talk_without_traject_or_dagbesteding_is_a_gap() {
        let u = met(&[], &[], &[d("2020-12-03")], "2020-11-14");
        assert_eq!(u.contact, Some(d("2020-12-03")));
        assert_eq!(u.resultaat, Err(Ontbreekt::ContactZonderResultaat));
        let zonder = traject("2020-12-01", Some("2021-02-01"), Some(ZONDER_RESULTAAT));
        assert_eq!(met(&[&zonder], &[], &[], "2020-11-14").resultaat, Err(Ontbreekt::TrajectZonderResultaat));
    }

    #[test]
    fn a_dagbesteding_heard_after_the_traject_closed_is_the_newer_news() {
        let t = traject("2020-12-01", Some("2021-03-01"), Some("werk"));
        let thuis = dag("2021-05-01", "thuis");
        assert_eq!(
            met(&[&t], &[&thuis], &[], "2020-11-14").resultaat,
            Ok((Effect::NietHerplaatst, Some(d("2021-05-01"))))
        );
        let zelfde_dag = dag("2021-03-01", "uitkering_uwv");
        assert_eq!(met(&[&t], &[&zelfde_dag], &[], "2020-11-14").resultaat.unwrap().0, Effect::ZorgUitkering);
        let eerder = dag("2021-02-01", "zorg");
        assert_eq!(met(&[&t], &[&eerder], &[], "2020-11-14").resultaat.unwrap().0, Effect::Werk);
        assert_eq!(uit_dagbesteding("eigen_code"), Effect::Overig);
    }

    #[test]
    fn enrolled_on_31_july_is_back_at_school_unless_working_beside_it() {
        fn ingeschreven(trajecten: &[&RmcTraject]) -> Uitkomst {
            let sinds = Some(d("2021-02-01"));
            let inzet = Inzet { ingeschreven_sinds: sinds, trajecten, dagbestedingen: &[], gesprekken: &[] };
            effect(jaar(), d("2020-11-14"), inzet)
        }
        assert_eq!(
            ingeschreven(&[]),
            Uitkomst { contact: None, resultaat: Ok((Effect::School, Some(d("2021-02-01")))) }
        );
        let niet_herplaatst = traject("2020-12-01", Some("2021-01-15"), Some("niet_herplaatst"));
        assert_eq!(ingeschreven(&[&niet_herplaatst]).resultaat.unwrap().0, Effect::School);
        let bbl = traject("2020-12-01", Some("2021-02-01"), Some("werk_en_scholing"));
        assert_eq!(ingeschreven(&[&bbl]).resultaat.unwrap().0, Effect::WerkEnSchool);
    }

    #[test]
    fn only_who_registers_vsv_ers_sends_their_bsns() {
        assert!(mag_aanleveren(Rol::RmcConsulent).is_ok());
        assert!(mag_aanleveren(Rol::Administratief).is_ok());
        let w = mag_aanleveren(Rol::Beleidsmedewerker).unwrap_err();
        assert_eq!(w.reden, "een beleidsmedewerker levert de VSV-effectrapportage niet aan");
    }
}
