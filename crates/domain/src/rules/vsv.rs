//! Voortijdig schoolverlaten (docs/regels.md): who is a VSV-er, an oud-VSV-er, and where a VSV-er
//! is a year later.
use super::leeftijd::leeftijd_op;
use crate::model::{Dagbesteding, RmcTraject};
use crate::onderwijs::Onderwijssoort;
use crate::{Datum, code_enum};
use chrono::{Datelike, Months};

code_enum!(
    /// Why leaving education is not voortijdig schoolverlaten.
    GeenVsv, "reden geen VSV" {
        Overstap = ("overstap", "Overstap: binnen de overstaptermijn weer ingeschreven"),
        Startkwalificatie = ("startkwalificatie", "Heeft een startkwalificatie"),
        TeJong = ("te_jong", "Jonger dan 12"),
        DrieentwintigOfOuder = ("23_of_ouder", "23 jaar of ouder"),
        Verhuisd = ("verhuisd", "Verhuisd buiten de regio of naar het buitenland"),
        Overleden = ("overleden", "Overleden"),
    }
);

/// The facts about one uitschrijving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uitschrijving {
    pub geboortedatum: Datum,
    /// First day no longer enrolled (the day after the last day enrolled).
    pub uitvaldatum: Datum,
    /// The first startkwalificatie, if any.
    pub startkwalificatie: Option<Datum>,
    /// The next enrolment's first day, if the youth enrolled again.
    pub weer_ingeschreven: Option<Datum>,
    /// The day the youth left the region (abroad, or to another RMC-regio, which then follows them).
    pub vertrokken: Option<Datum>,
    pub overleden: Option<Datum>,
}

/// How long a youth may take to switch schools before leaving counts as dropping out: a month, and
/// for who leaves in the summer (August, September) until 1 October, DUO's peildatum, as the new
/// school year's programmes start through September.
pub fn overstaptermijn(uitvaldatum: Datum) -> Datum {
    let maand = uitvaldatum + Months::new(1);
    if matches!(uitvaldatum.month(), 8 | 9) {
        let een_oktober = Datum::from_ymd_opt(uitvaldatum.year(), 10, 1).expect("1 oktober bestaat");
        maand.max(een_oktober)
    } else {
        maand
    }
}

/// A VSV-er: a youth of 12 up to 23 who leaves education without a startkwalificatie (docs/regels.md)
/// and does not enrol again within the [`overstaptermijn`]. Leaving the region (abroad, or to another
/// region, whose schools the register does not see) or dying within that term is not dropping out.
pub fn is_vsv(u: &Uitschrijving) -> Result<(), GeenVsv> {
    let termijn = overstaptermijn(u.uitvaldatum);
    let binnen_termijn = |d: Option<Datum>| d.is_some_and(|d| d <= termijn);
    let leeftijd = leeftijd_op(u.geboortedatum, u.uitvaldatum);
    // A switch first: most uitschrijvingen are one, whatever else holds.
    if binnen_termijn(u.weer_ingeschreven) {
        Err(GeenVsv::Overstap)
    } else if u.startkwalificatie.is_some_and(|sq| sq <= u.uitvaldatum) {
        Err(GeenVsv::Startkwalificatie)
    } else if leeftijd < 12 {
        Err(GeenVsv::TeJong)
    } else if leeftijd >= 23 {
        Err(GeenVsv::DrieentwintigOfOuder)
    } else if binnen_termijn(u.overleden) {
        Err(GeenVsv::Overleden)
    } else if binnen_termijn(u.vertrokken) {
        Err(GeenVsv::Verhuisd)
    } else {
        Ok(())
    }
}

code_enum!(
    /// The sectors of the VSV-cijfers (seed 000 Tabel 7): VO is the WVO (vo and praktijkonderwijs);
    /// VSO, under the WEC, is none.
    VsvSector, "VSV-sector" {
        Vo = ("vo", "Voortgezet onderwijs"),
        Mbo = ("mbo", "Middelbaar beroepsonderwijs"),
        Vavo = ("vavo", "VAVO"),
    }
);

pub fn vsv_sector(soort: Onderwijssoort) -> Option<VsvSector> {
    match soort {
        Onderwijssoort::Vo | Onderwijssoort::Pro => Some(VsvSector::Vo),
        Onderwijssoort::Mbo => Some(VsvSector::Mbo),
        Onderwijssoort::Vavo => Some(VsvSector::Vavo),
        _ => None,
    }
}

/// What the 1-oktober method needs to know of a youth enrolled on 1 October of year T.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peilingen {
    pub geboortedatum: Datum,
    /// The onderwijssoort on 1 October T (of two enrolments, the one begun last).
    pub onderwijssoort: Onderwijssoort,
    /// Enrolled anywhere (any onderwijssoort, hoger onderwijs too) on 1 October T+1.
    pub ingeschreven_een_jaar_later: bool,
    /// The first startkwalificatie, if any.
    pub startkwalificatie: Option<Datum>,
    /// The first schooldiploma or verklaring praktijkonderwijs, if any.
    pub diploma_praktijkonderwijs: Option<Datum>,
    /// The day the youth died or moved out of the region (abroad, or to a region whose schools the
    /// register does not see), if any.
    pub uit_beeld: Option<Datum>,
}

/// A new VSV-er of schooljaar `jaar` by OCW/DUO's 1-oktober method, and the sector they count in:
/// "een jongere die jonger is dan 23 jaar en die in enig jaar is ingeschreven bij een
/// onderwijsinstelling en die het daaropvolgend jaar niet is ingeschreven aan een
/// onderwijsinstelling en het onderwijs heeft verlaten zonder een startkwalificatie" — enrolled in
/// VO, MBO or VAVO on 1 October T, under 23 that day, not enrolled on 1 October T+1, and no
/// startkwalificatie by then. Who died or left the region before T+1 is out of sight, not a
/// drop-out; who leaves praktijkonderwijs with its diploma or verklaring has no kwalificatieplicht
/// (Lpw art. 4a lid 2) and did not leave too early. (A youth with such a diploma who drops out of
/// mbo later is a drop-out of mbo.) Unlike [`is_vsv`] (the casework's signal, per uitschrijving) a youth who returns to
/// school within the year is no VSV-er, and one whose school never reported the drop-out is.
pub fn nieuwe_vsv_er(jaar: crate::SchoolJaar, p: &Peilingen) -> Option<VsvSector> {
    let (t, t1) = (jaar.een_oktober(), jaar.volgend().een_oktober());
    let sector = vsv_sector(p.onderwijssoort)?;
    (leeftijd_op(p.geboortedatum, t) < 23
        && !p.ingeschreven_een_jaar_later
        && p.startkwalificatie.is_none_or(|sq| sq > t1)
        && !(p.onderwijssoort == Onderwijssoort::Pro && p.diploma_praktijkonderwijs.is_some_and(|d| d <= t1))
        && p.uit_beeld.is_none_or(|d| d > t1))
    .then_some(sector)
}

/// Oud-VSV on the peildatum 1 October of a schooljaar: under 23, no startkwalificatie, not enrolled,
/// and the (last) drop-out before that schooljaar began.
pub fn is_oud_vsv(
    geboortedatum: Datum,
    startkwalificatie: Option<Datum>,
    ingeschreven: bool,
    laatste_uitval: Datum,
    een_oktober: Datum,
) -> bool {
    let begin_schooljaar = crate::SchoolJaar::van(een_oktober).eerste_dag();
    leeftijd_op(geboortedatum, een_oktober) < 23
        && startkwalificatie.is_none_or(|sq| sq > een_oktober)
        && !ingeschreven
        && laatste_uitval < begin_schooljaar
}

/// The peildatum the zomeractie works towards: the first 1 October on or after `datum`. Who is then
/// oud-VSV ([`is_oud_vsv`]) unless enrolled by then is whom the summer letter is for: also who
/// dropped out in the schooljaar now ending, and the same youths on either side of 1 August.
pub fn komende_een_oktober(datum: Datum) -> Datum {
    let dit_jaar = crate::SchoolJaar::beginnend_in(chrono::Datelike::year(&datum)).een_oktober();
    if datum <= dit_jaar {
        dit_jaar
    } else {
        crate::SchoolJaar::beginnend_in(chrono::Datelike::year(&datum) + 1).een_oktober()
    }
}

code_enum!(
    /// Where a VSV-er is a year after dropping out (seed 002 "Bestemming VSV").
    Bestemming, "bestemming" {
        WeerOpSchool = ("weer_op_school", "Weer op school"),
        Werk = ("werk", "Werk"),
        Uitkering = ("uitkering", "Uitkering"),
        InBegeleiding = ("in_begeleiding", "In begeleiding"),
        OuderDan23 = ("ouder_dan_23", ">23 jaar, onbekend"),
        Onbekend = ("onbekend", "Onbekend"),
    }
);

/// The destination on a date: enrolled is back at school; otherwise what the last closed
/// RMC-traject found (a code of `rmc_resultaat`), a running traject, or unknown.
pub fn bestemming(ingeschreven: bool, leeftijd: u32, laatste_resultaat: Option<&str>, in_traject: bool) -> Bestemming {
    if ingeschreven {
        return Bestemming::WeerOpSchool;
    }
    match laatste_resultaat {
        Some("werk" | "werk_en_scholing" | "jikp_arbeid" | "jikp_ketenpartner") => Bestemming::Werk,
        Some("jikp_pwet" | "jikp_wajong") => Bestemming::Uitkering,
        _ if in_traject => Bestemming::InBegeleiding,
        _ if leeftijd >= 23 => Bestemming::OuderDan23,
        _ => Bestemming::Onbekend,
    }
}

/// Where a VSV-er who dropped out on `uitvaldatum` is on `op`, from their records: enrolled on
/// `op` (an enrolment runs that day); else what the RMC found since a month before the drop-out
/// (about this drop-out, [`stand_op`]).
pub fn bestemming_op(
    uitvaldatum: Datum,
    geboortedatum: Datum,
    ingeschreven: bool,
    rmc: Rmc<'_>,
    op: Datum,
) -> Bestemming {
    stand_op(ingeschreven, leeftijd_op(geboortedatum, op), rmc, uitvaldatum - Months::new(1), op)
}

/// What the RMC recorded about one youth: their trajecten and dagbestedingen.
#[derive(Debug, Clone, Copy)]
pub struct Rmc<'a> {
    pub trajecten: &'a [&'a RmcTraject],
    pub dagbestedingen: &'a [&'a Dagbesteding],
}

/// [`bestemming`] from what the RMC recorded about a youth not enrolled on `op`, since `sinds`: the
/// newest of the result of a traject that closed by then and a dagbesteding
/// ([`super::dagbesteding::bestemming`]; one that says neither werk nor uitkering, such as "thuis",
/// makes an older werk unknown); else a traject running on `op` is "in begeleiding". For a VSV-er,
/// an oud-VSV-er and a JIKP pupil alike.
pub fn stand_op(ingeschreven: bool, leeftijd: u32, rmc: Rmc<'_>, sinds: Datum, op: Datum) -> Bestemming {
    let laatste = rmc
        .trajecten
        .iter()
        .filter(|t| t.einddatum.is_some_and(|e| e <= op) && t.begindatum >= sinds)
        .max_by_key(|t| t.einddatum);
    let in_traject = rmc.trajecten.iter().any(|t| t.begindatum <= op && t.einddatum.is_none_or(|e| e > op));
    let dag = rmc.dagbestedingen.iter().filter(|d| sinds <= d.datum && d.datum <= op).max_by_key(|d| d.datum);
    // A dagbesteding recorded on or after the last traject closed is the newer news.
    match dag.filter(|d| laatste.is_none_or(|t| t.einddatum.is_some_and(|e| e <= d.datum))) {
        Some(d) => match super::dagbesteding::bestemming(&d.soort) {
            Some(b) if !ingeschreven => b,
            _ => bestemming(ingeschreven, leeftijd, None, in_traject),
        },
        None => bestemming(ingeschreven, leeftijd, laatste.and_then(|t| t.resultaat.as_deref()), in_traject),
    }
}

/// Where the VSV-ers of a schooljaar are on a day (a year after dropping out for the follow-up; the
/// end of the verslagjaar for the annual report), against the 2021-2024 targets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opvolging {
    pub schooljaar: crate::SchoolJaar,
    /// Per VSV-melding: the youth and their destination.
    pub per_jongere: Vec<(String, Bestemming)>,
}

/// The targets of the 2021-2024 VSV-aanpak (docs/regels.md): 30% back at school, 30% at work.
pub const DOEL_WEER_OP_SCHOOL: f64 = 30.0;
pub const DOEL_WERK: f64 = 30.0;

impl Opvolging {
    pub fn aantal(&self, b: Bestemming) -> usize {
        self.per_jongere.iter().filter(|(_, x)| *x == b).count()
    }

    /// Share in percent; `None` without VSV-ers.
    pub fn percentage(&self, b: Bestemming) -> Option<f64> {
        (!self.per_jongere.is_empty()).then(|| 100.0 * self.aantal(b) as f64 / self.per_jongere.len() as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // "The newest fact wins": a traject's result, then what the RMC heard later.
    #[test]
    fn the_newest_of_a_trajects_result_and_a_dagbesteding_decides() {
        let d = |s: &str| s.parse::<Datum>().unwrap();
        let traject = RmcTraject {
            id: "R1".into(),
            jongere: "J".into(),
            soort: crate::model::TrajectSoort::Regulier,
            medewerker: None,
            aangemeld_op: d("2020-10-01"),
            begindatum: d("2020-10-05"),
            einddatum: Some(d("2021-03-01")),
            resultaat: Some("werk".into()),
        };
        let dag = |datum: &str, soort: &str| Dagbesteding {
            id: format!("DB-{datum}"),
            jongere: "J".into(),
            datum: d(datum),
            soort: soort.into(),
            medewerker: None,
            toelichting: String::new(),
        };
        let (sinds, op) = (d("2020-09-01"), d("2021-07-31"));
        let stand = |trajecten: &[&RmcTraject], dagen: &[&Dagbesteding]| {
            stand_op(false, 19, Rmc { trajecten, dagbestedingen: dagen }, sinds, op)
        };
        assert_eq!(stand(&[&traject], &[]), Bestemming::Werk);
        let uitkering = dag("2021-05-01", "uitkering_gemeente");
        assert_eq!(stand(&[&traject], &[&uitkering]), Bestemming::Uitkering, "later than the traject");
        let eerder = dag("2021-02-01", "uitkering_gemeente");
        assert_eq!(stand(&[&traject], &[&eerder]), Bestemming::Werk, "older than the traject");
        // At home since May: the werk of March no longer holds.
        let thuis = dag("2021-05-01", "thuis");
        assert_eq!(stand(&[&traject], &[&thuis]), Bestemming::Onbekend);
        let werk = dag("2020-11-01", "werk");
        assert_eq!(stand(&[], &[&werk, &thuis]), Bestemming::Onbekend, "werk, then thuis");
        assert_eq!(stand(&[], &[&werk]), Bestemming::Werk);
        let voor_sinds = dag("2020-08-01", "werk");
        assert_eq!(stand(&[], &[&voor_sinds]), Bestemming::Onbekend, "before this drop-out");
    }

    // The 1-oktober method, verslagjaar 2020-2021: enrolled on 1 October 2020, not on 1 October 2021.
    #[test]
    fn a_new_vsv_er_is_enrolled_on_1_october_and_not_a_year_later_without_startkwalificatie() {
        let jaar = crate::SchoolJaar::beginnend_in(2020);
        let d = |s: &str| s.parse::<Datum>().unwrap();
        let basis = Peilingen {
            geboortedatum: d("2002-06-06"),
            onderwijssoort: Onderwijssoort::Mbo,
            ingeschreven_een_jaar_later: false,
            startkwalificatie: None,
            diploma_praktijkonderwijs: None,
            uit_beeld: None,
        };
        assert_eq!(nieuwe_vsv_er(jaar, &basis), Some(VsvSector::Mbo));
        let pro = Peilingen { onderwijssoort: Onderwijssoort::Pro, ..basis };
        assert_eq!(nieuwe_vsv_er(jaar, &pro), Some(VsvSector::Vo), "praktijkonderwijs is VO");
        let vso = Peilingen { onderwijssoort: Onderwijssoort::Vso, ..basis };
        assert_eq!(nieuwe_vsv_er(jaar, &vso), None, "VSO is no VSV sector");
        let terug = Peilingen { ingeschreven_een_jaar_later: true, ..basis };
        assert_eq!(nieuwe_vsv_er(jaar, &terug), None, "back at school on 1 October 2021");
        // A startkwalificatie by 1 October 2021 (that day included) is no drop-out; a later one is.
        for (sq, vsv) in [("2021-10-01", false), ("2021-10-02", true)] {
            let p = Peilingen { startkwalificatie: Some(d(sq)), ..basis };
            assert_eq!(nieuwe_vsv_er(jaar, &p).is_some(), vsv, "{sq}");
        }
        // "Jonger dan 23" on 1 October 2020: 23 that very day is too old; 22 who turns 23 in the
        // year still counts.
        let drieentwintig = Peilingen { geboortedatum: d("1997-10-01"), ..basis };
        assert_eq!(nieuwe_vsv_er(jaar, &drieentwintig), None);
        let bijna = Peilingen { geboortedatum: d("1997-10-02"), ..basis };
        assert_eq!(nieuwe_vsv_er(jaar, &bijna), Some(VsvSector::Mbo));
        let pro_diploma = Peilingen { diploma_praktijkonderwijs: Some(d("2021-07-09")), ..pro };
        assert_eq!(nieuwe_vsv_er(jaar, &pro_diploma), None, "Lpw art. 4a lid 2: no kwalificatieplicht");
        let later_mbo = Peilingen { diploma_praktijkonderwijs: Some(d("2019-07-09")), ..basis };
        assert_eq!(nieuwe_vsv_er(jaar, &later_mbo), Some(VsvSector::Mbo), "dropped out of mbo");
        let weg = Peilingen { uit_beeld: Some(d("2021-03-01")), ..basis };
        assert_eq!(nieuwe_vsv_er(jaar, &weg), None, "died or moved out: out of sight");
    }

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    fn uit(geboren: &str, uitval: &str) -> Uitschrijving {
        Uitschrijving {
            geboortedatum: d(geboren),
            uitvaldatum: d(uitval),
            startkwalificatie: None,
            weer_ingeschreven: None,
            vertrokken: None,
            overleden: None,
        }
    }

    #[test]
    fn a_youth_of_12_to_23_leaving_without_sq_is_a_vsv_er() {
        assert_eq!(is_vsv(&uit("2001-06-05", "2020-11-14")), Ok(()));
        // The 23rd birthday is the last day of the doelgroep's reach.
        assert_eq!(is_vsv(&uit("1997-11-14", "2020-11-14")), Err(GeenVsv::DrieentwintigOfOuder));
        assert_eq!(is_vsv(&uit("1997-11-15", "2020-11-14")), Ok(()));
        assert_eq!(is_vsv(&uit("2009-11-15", "2021-11-14")), Err(GeenVsv::TeJong));
        let met_sq = Uitschrijving { startkwalificatie: Some(d("2020-07-03")), ..uit("2003-03-01", "2020-08-01") };
        assert_eq!(is_vsv(&met_sq), Err(GeenVsv::Startkwalificatie));
    }

    #[test]
    fn switching_schools_within_the_term_is_no_drop_out() {
        // Leaving on 31 July: until 1 October to start somewhere else.
        assert_eq!(overstaptermijn(d("2020-08-01")), d("2020-10-01"));
        assert_eq!(overstaptermijn(d("2020-09-15")), d("2020-10-15"));
        assert_eq!(overstaptermijn(d("2021-01-31")), d("2021-02-28"), "een maand, tot de laatste dag van februari");
        let overstap = Uitschrijving { weer_ingeschreven: Some(d("2020-10-01")), ..uit("2004-06-02", "2020-08-01") };
        assert_eq!(is_vsv(&overstap), Err(GeenVsv::Overstap));
        let te_laat = Uitschrijving { weer_ingeschreven: Some(d("2020-10-02")), ..overstap };
        assert_eq!(is_vsv(&te_laat), Ok(()), "weer op school, maar wel uitgevallen");
        let verhuisd = Uitschrijving { vertrokken: Some(d("2020-08-20")), ..uit("2004-06-02", "2020-08-01") };
        assert_eq!(is_vsv(&verhuisd), Err(GeenVsv::Verhuisd));
    }

    #[test]
    fn the_zomeractie_looks_ahead_to_the_first_1_october_on_or_after_the_letter() {
        assert_eq!(komende_een_oktober(d("2022-06-15")), d("2022-10-01"));
        assert_eq!(komende_een_oktober(d("2022-07-31")), d("2022-10-01"));
        assert_eq!(komende_een_oktober(d("2022-08-01")), d("2022-10-01"));
        assert_eq!(komende_een_oktober(d("2022-10-01")), d("2022-10-01"));
        assert_eq!(komende_een_oktober(d("2022-10-02")), d("2023-10-01"));
        assert_eq!(komende_een_oktober(d("2024-02-29")), d("2024-10-01"));
    }

    #[test]
    fn oud_vsv_on_1_october_dropped_out_before_the_schooljaar() {
        let okt = d("2020-10-01");
        assert!(is_oud_vsv(d("2001-03-01"), None, false, d("2019-03-01"), okt));
        assert!(!is_oud_vsv(d("2001-03-01"), None, false, d("2020-08-01"), okt), "nieuwe VSV-er van dit schooljaar");
        assert!(!is_oud_vsv(d("2001-03-01"), None, true, d("2019-03-01"), okt), "weer ingeschreven");
        assert!(!is_oud_vsv(d("1997-10-01"), None, false, d("2019-03-01"), okt), "23 op de peildatum");
        assert!(!is_oud_vsv(d("2001-03-01"), Some(d("2020-06-30")), false, d("2019-03-01"), okt));
    }

    #[test]
    fn a_year_later_the_destination_follows_enrolment_then_the_trajects_result() {
        assert_eq!(bestemming(true, 19, Some("niet_herplaatst"), false), Bestemming::WeerOpSchool);
        assert_eq!(bestemming(false, 19, Some("jikp_arbeid"), false), Bestemming::Werk);
        assert_eq!(bestemming(false, 19, Some("jikp_wajong"), false), Bestemming::Uitkering);
        assert_eq!(
            bestemming(false, 19, Some("scholing"), true),
            Bestemming::InBegeleiding,
            "uitgevallen, opnieuw in traject"
        );
        assert_eq!(bestemming(false, 23, None, false), Bestemming::OuderDan23);
        assert_eq!(bestemming(false, 20, Some("niet_herplaatst"), false), Bestemming::Onbekend);
    }
}
