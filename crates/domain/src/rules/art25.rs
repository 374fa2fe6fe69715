//! The art. 25 opgave: the figures a gemeente sends the Minister of OCW each year (Lpw art. 25),
//! published as the Leerplichttelling, counted as its toelichting says (docs/tabellen.md,
//! `art25_opgave`; the toelichting as the Vensters encyclopedie reproduces it per indicator:
//! "Absoluut verzuim", "Relatief verzuim", "Langdurig relatief verzuim").
//!
//! Relatief verzuim itself is [`melding::relatief_verzuim`] and the vrijstellingen are
//! [`super::vrijstelling::art25_peildatum`]: the jaarverslag's tables count them with the same rules.
use super::melding;
use super::thuiszitten::langer_dan_drie_maanden;
use crate::model::{ThuiszitEinde, ThuiszitSoort, Thuiszitperiode, Verzuimmelding};
use crate::{Datum, SchoolJaar};

/// Absoluut verzuim as the opgave counts it: "het aantal leer- of kwalificatieplichtige jongeren
/// dat absoluut verzuimer is (geweest) gedurende het schooljaar", with the administrative
/// corrections made: a melding of absoluut verzuim the office counts ([`melding::telt`]) and did not
/// close as no absence after all ([`melding::geen_verzuim`]: a vrijstelling, a school abroad found).
/// The youth counts once, whatever the number of meldingen ("tel alléén de unieke personen").
pub fn absoluut_verzuim(m: &Verzuimmelding) -> bool {
    melding::telt(m) && m.soort == "absoluut" && !melding::geen_verzuim(m)
}

/// Luxe verzuim (art. 13a) as the opgave counts it: "het aantal leerlingen waarvan luxe verzuim is
/// geconstateerd" — a melding of luxe verzuim that is unauthorised absence
/// ([`melding::ongeoorloofd`]), whatever its hours.
pub fn luxe_verzuim(m: &Verzuimmelding) -> bool {
    melding::ongeoorloofd(m) && m.soort == "luxe"
}

/// "Waarvan herhaald": of one pupil's meldingen of the schooljaar, "meerdere gevallen van
/// ongeoorloofd verzuim van steeds meer dan 16 uur gedurende 4 opeenvolgende lesweken" — at least
/// two meldingen of relatief verzuim that are each a case of their own: a melding `vervolg_op`
/// another is the same absence reported again.
pub fn herhaald(meldingen: &[&Verzuimmelding]) -> bool {
    meldingen.iter().filter(|m| melding::relatief_verzuim(m) && m.vervolg_op.is_none()).count() >= 2
}

/// "Bij aanvang schooljaar (per 1 september)": the day the stock of langdurig relatief verzuim is
/// taken, after the summer holiday.
pub fn aanvang(jaar: SchoolJaar) -> Datum {
    Datum::from_ymd_opt(jaar.beginjaar(), 9, 1).expect("1 september bestaat")
}

/// The day a thuiszitperiode enters the opgave of `jaar` as langdurig relatief verzuim, which is
/// also the day its gemeente is taken: 1 September when it runs then ("bij aanvang"), its first
/// day when it begins later, up to 31 July ("nieuwe gevallen daarna"). `None` for absoluut
/// verzuim, and for a period that ended before 1 September or begins after the schooljaar. Ill
/// youths have no period (`thuiszitten::toets_thuiszitter`: "(langdurige) afwezigheid wegens
/// ziekte niet meetellen").
pub fn langdurig_relatief_vanaf(p: &Thuiszitperiode, jaar: SchoolJaar) -> Option<Datum> {
    let aanvang = aanvang(jaar);
    if p.soort != ThuiszitSoort::LangdurigRelatief || p.einddatum.is_some_and(|e| e < aanvang) {
        return None;
    }
    match p.begindatum {
        b if b <= aanvang => Some(aanvang),
        b if b <= jaar.laatste_dag() => Some(b),
        _ => None,
    }
}

/// The opgave's langdurig relatief verzuim of a schooljaar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LangdurigRelatief {
    /// Running on 1 September: "leerlingen die de laatste vier weken voor de vakantie al
    /// ongeoorloofd verzuimden en bij aanvang van het schooljaar nog steeds langdurig relatief
    /// verzuimer waren".
    pub bij_aanvang: u32,
    /// Begun after 1 September, up to 31 July: "nieuwe gevallen daarna (toename)".
    pub nieuw: u32,
    /// `bij_aanvang` + `nieuw`.
    pub totaal: u32,
    /// Of the total, "langer dan 3 maanden aaneensluitend": "de periode van drie maanden kan ook al
    /// zijn gestart in het voorafgaande schooljaar"; measured up to the end or 31 July.
    pub langer_dan_drie_maanden: u32,
    /// Of the total, ended by 31 July because the youth moved ("verhuisd (in geval van overlijden,
    /// hier meetellen)").
    pub verhuisd_overleden: u32,
}

/// Counts the periods of langdurig relatief verzuim in the opgave of `jaar` (the others, see
/// [`langdurig_relatief_vanaf`], are left out).
pub fn langdurig_relatief(perioden: &[&Thuiszitperiode], jaar: SchoolJaar) -> LangdurigRelatief {
    let (aanvang, einde) = (aanvang(jaar), jaar.laatste_dag());
    let mut t = LangdurigRelatief::default();
    for p in perioden {
        let Some(vanaf) = langdurig_relatief_vanaf(p, jaar) else { continue };
        if vanaf == aanvang {
            t.bij_aanvang += 1;
        } else {
            t.nieuw += 1;
        }
        t.langer_dan_drie_maanden += u32::from(langer_dan_drie_maanden(p.begindatum, p.einddatum, einde));
        let verhuisd = p.reden_einde == Some(ThuiszitEinde::VerhuisdOverleden);
        t.verhuisd_overleden += u32::from(verhuisd && p.einddatum.is_some_and(|e| e <= einde));
    }
    t.totaal = t.bij_aanvang + t.nieuw;
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    /// 2020-2021.
    fn jaar() -> SchoolJaar {
        SchoolJaar::beginnend_in(2020)
    }

    fn melding(id: &str, soort: &str, uren: Option<u32>) -> Verzuimmelding {
        Verzuimmelding {
            id: id.into(),
            jongere: "J-1".into(),
            brin: None,
            vestiging: None,
            soort: soort.into(),
            meldingsdatum: d("2020-10-05"),
            verzuim_van: d("2020-09-14"),
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
    fn absoluut_verzuim_after_the_administrative_corrections() {
        // "Neemt u het gehele schooljaar in beschouwing … en tel alléén de unieke personen".
        let m = melding("M1", "absoluut", None);
        assert!(absoluut_verzuim(&m));
        assert!(!absoluut_verzuim(&Verzuimmelding { status: "ingetrokken".into(), ..m.clone() }));
        assert!(!absoluut_verzuim(&Verzuimmelding { preventief: true, ..m.clone() }));
        // "… die reeds een vrijstelling hebben": closed as legitimately absent.
        let vrijgesteld = Verzuimmelding { reden_afsluiting: Some("geen_verzuim_legitiem".into()), ..m.clone() };
        assert!(!absoluut_verzuim(&vrijgesteld));
        // Closed because the youth enrolled after all: was an absoluut verzuimer that year.
        let ingeschreven = Verzuimmelding { reden_afsluiting: Some("terug_naar_school".into()), ..m };
        assert!(absoluut_verzuim(&ingeschreven));
        assert!(!absoluut_verzuim(&melding("M2", "wettelijk_16_uur", Some(16))));
    }

    #[test]
    fn luxe_verzuim_is_any_established_luxe_melding() {
        // "Het aantal leerlingen waarvan luxe verzuim is geconstateerd": also under 16 hours.
        assert!(luxe_verzuim(&melding("M1", "luxe", Some(8))));
        assert!(luxe_verzuim(&melding("M1", "luxe", None)));
        let legitiem =
            Verzuimmelding { reden_afsluiting: Some("geen_verzuim_legitiem".into()), ..melding("M1", "luxe", Some(8)) };
        assert!(!luxe_verzuim(&legitiem), "verlof bleek verleend");
        assert!(!luxe_verzuim(&melding("M2", "signaal", Some(20))));
    }

    #[test]
    fn herhaald_is_two_cases_of_more_than_16_hours_each() {
        let a = melding("M1", "wettelijk_16_uur", Some(16));
        let b = Verzuimmelding { meldingsdatum: d("2021-02-01"), ..melding("M2", "wettelijk_16_uur", Some(18)) };
        assert!(!herhaald(&[&a]));
        assert!(herhaald(&[&a, &b]));
        // "van steeds meer dan 16 uur": a second melding of signaalverzuim under 16 hours is not.
        let signaal = melding("M3", "signaal", Some(10));
        assert!(!herhaald(&[&a, &signaal]));
        // Luxe verzuim over 16 hours counts as relatief verzuim, so as a second case.
        assert!(herhaald(&[&a, &melding("M4", "luxe", Some(24))]));
        // The same absence reported again is one case.
        let opnieuw = Verzuimmelding { vervolg_op: Some("M1".into()), ..b.clone() };
        assert!(!herhaald(&[&a, &opnieuw]));
        // Illness is no unauthorised absence.
        assert!(!herhaald(&[&a, &melding("M5", "zorgwekkend_ziekteverzuim", Some(40))]));
    }

    fn periode(soort: ThuiszitSoort, begin: &str, einde: Option<(&str, ThuiszitEinde)>) -> Thuiszitperiode {
        Thuiszitperiode {
            id: "T".into(),
            jongere: "J-1".into(),
            zaak: None,
            soort,
            begindatum: d(begin),
            einddatum: einde.map(|(e, _)| d(e)),
            reden_einde: einde.map(|(_, r)| r),
            aanbod_datum: None,
        }
    }

    #[test]
    fn the_stock_is_taken_on_1_september_and_new_cases_follow() {
        use ThuiszitEinde::*;
        use ThuiszitSoort::*;
        let jaar = jaar();
        assert_eq!(aanvang(jaar), d("2020-09-01"));
        let vanaf = |p: &Thuiszitperiode| langdurig_relatief_vanaf(p, jaar);
        // Absent since May, still on 1 September: "bij aanvang".
        assert_eq!(vanaf(&periode(LangdurigRelatief, "2020-05-11", None)), Some(d("2020-09-01")));
        // Begun on 1 September itself: at the start too.
        assert_eq!(vanaf(&periode(LangdurigRelatief, "2020-09-01", None)), Some(d("2020-09-01")));
        // The day after: new.
        assert_eq!(vanaf(&periode(LangdurigRelatief, "2020-09-02", None)), Some(d("2020-09-02")));
        assert_eq!(vanaf(&periode(LangdurigRelatief, "2021-07-31", None)), Some(d("2021-07-31")));
        assert_eq!(vanaf(&periode(LangdurigRelatief, "2021-08-01", None)), None, "volgend schooljaar");
        // Resolved in the summer holiday, before 1 September: not in this year's opgave.
        assert_eq!(vanaf(&periode(LangdurigRelatief, "2020-04-01", Some(("2020-08-31", Opgelost)))), None);
        assert_eq!(
            vanaf(&periode(LangdurigRelatief, "2020-04-01", Some(("2020-09-01", Opgelost)))),
            Some(d("2020-09-01"))
        );
        // Absoluut verzuim is a thuiszitter, but not langdurig relatief verzuim.
        assert_eq!(vanaf(&periode(Absoluut, "2020-10-01", None)), None);
    }

    #[test]
    fn the_years_langdurig_relatief_verzuim() {
        use ThuiszitEinde::*;
        use ThuiszitSoort::*;
        let perioden = [
            // Bij aanvang; begun in the previous year, so longer than 3 months by 31 July even
            // though it ended on 15 September: "kan ook al zijn gestart in het voorafgaande
            // schooljaar".
            periode(LangdurigRelatief, "2020-05-11", Some(("2020-09-15", Opgelost))),
            // New; 1 October to 31 December is 3 months and a day: longer.
            periode(LangdurigRelatief, "2020-10-01", Some(("2021-01-01", Opgelost))),
            // Begun on 1 September: at the start; exactly 3 months (first and last day counted):
            // not longer. Moved away.
            periode(LangdurigRelatief, "2020-09-01", Some(("2020-11-30", VerhuisdOverleden))),
            // New, still running on 31 July; from 1 May only 3 months: not longer.
            periode(LangdurigRelatief, "2021-05-01", None),
            // Died on 3 August 2021 (counted with verhuisd), but after the year: still open on 31 July.
            periode(LangdurigRelatief, "2021-03-01", Some(("2021-08-03", VerhuisdOverleden))),
            // Not counted: absoluut verzuim; ended in the summer holiday.
            periode(Absoluut, "2020-10-01", None),
            periode(LangdurigRelatief, "2020-03-02", Some(("2020-08-20", VerhuisdOverleden))),
        ];
        let refs: Vec<&Thuiszitperiode> = perioden.iter().collect();
        let t = langdurig_relatief(&refs, jaar());
        assert_eq!(
            t,
            super::LangdurigRelatief {
                bij_aanvang: 2,
                nieuw: 3,
                totaal: 5,
                langer_dan_drie_maanden: 3,
                verhuisd_overleden: 1
            }
        );
    }
}
