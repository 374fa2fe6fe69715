//! Absoluut verzuim and thuiszitters (Lpw art. 2 and 4b; Thuiszitterspact; `docs/regels.md`).
use super::Weigering;
use super::melding;
use super::status::Plichtstatus;
use crate::code_enum::CodeEnum;
use crate::kalender::Rooster;
use crate::model::{ThuiszitEinde, ThuiszitSoort, Thuiszitperiode, Verzuimmelding};
use crate::{Datum, SchoolJaar};
use chrono::{Days, Months};

/// What is known about a youth on one date, as far as absence goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Situatie {
    pub status: Plichtstatus,
    pub ingeschreven: bool,
    pub vrijstelling: bool,
}

/// Absoluut verzuim: a leer- or kwalificatieplichtige youth who is not enrolled at any school and has
/// no running vrijstelling (Lpw art. 2 lid 1 and art. 4b: the duty to enrol).
pub fn absoluut_verzuim(s: Situatie) -> bool {
    matches!(s.status, Plichtstatus::Leerplichtig | Plichtstatus::Kwalificatieplichtig)
        && !s.ingeschreven
        && !s.vrijstelling
}

/// A thuiszitter (Thuiszitterspact; Ingrado: "langer dan vier weken niet naar school zonder geldige
/// reden en/of niet ingeschreven"): a leer- or kwalificatieplichtige youth without vrijstelling who
/// is out of school — not enrolled (absoluut verzuim), or enrolled and missing every lesson without
/// valid reason (langdurig relatief verzuim) — since `uit_school_sinds`, for four weeks or more,
/// the school holidays of `rooster` not counted. An ill youth (`ziek`, [`ziek_op`]) is not a
/// thuiszitter, unless "wel ziek, maar conform plan van aanpak in staat om (gedeeltelijk) naar school
/// te gaan" and still missing every lesson ([`ziek_maar_lesbaar`]).
pub fn thuiszitter(s: Situatie, uit_school_sinds: Option<Datum>, ziek: bool, op: Datum, rooster: &Rooster) -> bool {
    if ziek || s.vrijstelling || !matches!(s.status, Plichtstatus::Leerplichtig | Plichtstatus::Kwalificatieplichtig) {
        return false;
    }
    uit_school_sinds.is_some_and(|sinds| thuiszitter_vanaf(sinds, rooster) <= op)
}

/// The day a youth out of school since `sinds` has been so for four weeks, holidays not counted.
pub fn thuiszitter_vanaf(sinds: Datum, rooster: &Rooster) -> Datum {
    rooster.na_weken_buiten_vakanties(sinds, 4)
}

/// [`thuiszitter`] with the reason when not: is the youth a thuiszitter of kind `soort` on `op`,
/// absent without valid reason since `sinds` (for absoluut verzuim: not enrolled since `sinds`)?
pub fn toets_thuiszitter(
    s: Situatie,
    soort: ThuiszitSoort,
    sinds: Datum,
    ziek: bool,
    op: Datum,
    rooster: &Rooster,
) -> Result<(), Weigering> {
    if !matches!(s.status, Plichtstatus::Leerplichtig | Plichtstatus::Kwalificatieplichtig) {
        return Err(Weigering::new(
            "thuiszitter: leer- of kwalificatieplicht (Lpw art. 2, 4a)",
            format!(
                "op {op} is de jongere {}; alleen een leer- of kwalificatieplichtige jongere (5-18) kan thuiszitter zijn",
                s.status.label().to_lowercase()
            ),
        ));
    }
    if s.vrijstelling {
        return Err(Weigering::new(
            "thuiszitter: vrijstelling",
            format!("op {op} heeft de jongere een lopende vrijstelling; een vrijgestelde jongere is geen thuiszitter"),
        ));
    }
    if ziek {
        return Err(Weigering::new(
            "thuiszitter: ziek",
            format!(
                "op {op} is de jongere ziek gemeld (zorgwekkend ziekteverzuim); een zieke jongere is geen thuiszitter"
            ),
        ));
    }
    match (soort, s.ingeschreven) {
        (ThuiszitSoort::Absoluut, true) => Err(Weigering::new(
            "thuiszitter: soort",
            format!("op {op} is de jongere ingeschreven op een school: geen absoluut verzuim"),
        )),
        (ThuiszitSoort::LangdurigRelatief, false) => Err(Weigering::new(
            "thuiszitter: soort",
            format!("op {op} is de jongere niet ingeschreven: dat is absoluut verzuim, geen relatief verzuim"),
        )),
        _ if op < thuiszitter_vanaf(sinds, rooster) => Err(Weigering::new(
            "thuiszitter: 4 weken",
            format!(
                "op {op} is de jongere {} dagen buiten vakanties niet op school (sinds {sinds}); thuiszitter pas na 4 weken, vanaf {}",
                rooster.dagen_buiten_vakanties(sinds, op),
                thuiszitter_vanaf(sinds, rooster)
            ),
        )),
        _ => Ok(()),
    }
}

fn dekt(m: &Verzuimmelding, op: Datum) -> bool {
    m.verzuim_van <= op && m.verzuim_tot.is_none_or(|tot| op <= tot)
}

/// Ill on `op`, which excuses: a melding of zorgwekkend ziekteverzuim covers that day (signalled to
/// the jeugdarts, not unauthorised) — unless by plan the youth could go to school part of the time
/// and misses every lesson ([`ziek_maar_lesbaar`]).
pub fn ziek_op(meldingen: &[Verzuimmelding], op: Datum) -> bool {
    meldingen
        .iter()
        .any(|m| melding::telt(m) && m.soort == "zorgwekkend_ziekteverzuim" && !ziek_maar_lesbaar(m) && dekt(m, op))
}

/// A melding of zorgwekkend ziekteverzuim of a youth who "conform plan van aanpak in staat [is] om
/// (gedeeltelijk) naar school te gaan" and yet misses every lesson: out of school like an
/// unauthorised absence, for the thuiszitter count.
pub fn ziek_maar_lesbaar(m: &Verzuimmelding) -> bool {
    m.soort == "zorgwekkend_ziekteverzuim" && m.deels_lesbaar == Some(true) && m.alle_lessen_gemist == Some(true)
}

/// Since when the youth has missed every lesson without valid reason, without a break, up to and
/// including `op`, as the meldingen show it: the melding covering `op`, extended back through
/// meldingen that overlap it or end the day before. Only meldingen of unauthorised, full absence
/// count ([`melding::ongeoorloofd`], [`melding::volledig_afwezig`]): coming late or missing some
/// hours is not being out of school. An open end means the absence goes on.
pub fn ongeoorloofd_afwezig_sinds(meldingen: &[Verzuimmelding], op: Datum) -> Option<Datum> {
    let ongeoorloofd: Vec<&Verzuimmelding> = meldingen
        .iter()
        .filter(|m| {
            (melding::ongeoorloofd(m) && melding::volledig_afwezig(m)) || (melding::telt(m) && ziek_maar_lesbaar(m))
        })
        .collect();
    let mut sinds = ongeoorloofd.iter().filter(|m| dekt(m, op)).map(|m| m.verzuim_van).min()?;
    while let Some(eerder) = ongeoorloofd
        .iter()
        .filter(|m| m.verzuim_van < sinds && m.verzuim_tot.is_none_or(|tot| tot + Days::new(1) >= sinds))
        .map(|m| m.verzuim_van)
        .min()
    {
        sinds = eerder;
    }
    Some(sinds)
}

/// Since when the youth has not been enrolled, as the open absoluut-verzuim meldingen covering `op`
/// say it (the run dates the melding from the day after the last enrolment).
pub fn niet_ingeschreven_sinds(meldingen: &[Verzuimmelding], op: Datum) -> Option<Datum> {
    meldingen.iter().filter(|m| melding::telt(m) && m.soort == "absoluut" && dekt(m, op)).map(|m| m.verzuim_van).min()
}

/// One thuiszitter period at a time per youth: a new one (from `begin`) may not overlap a period
/// that is still open or ended on or after `begin` — that absence is already counted.
pub fn toets_nieuwe_periode(bestaande: &[Thuiszitperiode], begin: Datum) -> Result<(), Weigering> {
    const REGEL: &str = "thuiszitter: één periode tegelijk";
    match bestaande.iter().find(|p| p.einddatum.is_none_or(|e| e >= begin)) {
        Some(p) if p.einddatum.is_none() => Err(Weigering::new(
            REGEL,
            format!("de jongere zit al thuis sinds {} (periode {} loopt nog); beëindig die eerst", p.begindatum, p.id),
        )),
        Some(p) => Err(Weigering::new(
            REGEL,
            format!(
                "periode {} liep van {} tot {}; een nieuwe periode begint na die einddatum, niet op {begin}",
                p.id,
                p.begindatum,
                p.einddatum.unwrap_or(begin)
            ),
        )),
        None => Ok(()),
    }
}

/// Records the suitable offer (passend aanbod) of the pact: the first one counts for the norm, and
/// it falls within the period.
pub fn met_aanbod(p: &Thuiszitperiode, datum: Datum) -> Result<Thuiszitperiode, Weigering> {
    const REGEL: &str = "thuiszitter: passend aanbod";
    if let Some(eerder) = p.aanbod_datum {
        return Err(Weigering::new(
            REGEL,
            format!("op {eerder} is al een passend aanbod vastgelegd; de norm van het pact telt het eerste aanbod"),
        ));
    }
    if datum < p.begindatum {
        return Err(Weigering::new(
            REGEL,
            format!("de periode begint op {}; een aanbod op {datum} ligt daarvóór", p.begindatum),
        ));
    }
    if let Some(einde) = p.einddatum.filter(|e| datum > *e) {
        return Err(Weigering::new(
            REGEL,
            format!("de periode is beëindigd op {einde}; een aanbod op {datum} valt erbuiten"),
        ));
    }
    Ok(Thuiszitperiode { aanbod_datum: Some(datum), ..p.clone() })
}

/// Ends a period on `datum` (its last day) for `reden`: once, and not before it began.
pub fn beeindigd(p: &Thuiszitperiode, datum: Datum, reden: ThuiszitEinde) -> Result<Thuiszitperiode, Weigering> {
    const REGEL: &str = "thuiszitperiode beëindigen";
    if let Some(einde) = p.einddatum {
        let eerder = p.reden_einde.map_or(String::new(), |r| format!(" ({})", r.label().to_lowercase()));
        return Err(Weigering::new(REGEL, format!("de periode is al beëindigd op {einde}{eerder}")));
    }
    if datum < p.begindatum {
        return Err(Weigering::new(
            REGEL,
            format!("de periode begint op {}; beëindigen op {datum} kan niet", p.begindatum),
        ));
    }
    Ok(Thuiszitperiode { einddatum: Some(datum), reden_einde: Some(reden), ..p.clone() })
}

/// "Langer dan 3 maanden": the period, its first and last day included (up to its end, or up to
/// `peildatum` while it runs), lasts beyond three calendar months: three months from 1 September
/// are 1 September to 30 November, so a period 1 September to 1 December is longer.
pub fn langer_dan_drie_maanden(begin: Datum, einde: Option<Datum>, peildatum: Datum) -> bool {
    let tot = einde.map_or(peildatum, |e| e.min(peildatum));
    tot >= begin + Months::new(3)
}

/// The last day of the pact's 3 months for a suitable offer (seed 003), for the werkvoorraad: the
/// same three months as [`langer_dan_drie_maanden`], first day included (from 1 September: 30
/// November).
pub fn aanbod_uiterlijk(begin: Datum) -> Datum {
    begin + Months::new(3) - Days::new(1)
}

/// The pact's norm: a suitable offer within 3 months of the start. `None` while the 3 months have not
/// passed and no offer was made yet (too early to tell).
pub fn aanbod_binnen_norm(begin: Datum, aanbod: Option<Datum>, peildatum: Datum) -> Option<bool> {
    let norm = aanbod_uiterlijk(begin);
    match aanbod {
        Some(a) => Some(a <= norm),
        None if peildatum > norm => Some(false),
        None => None,
    }
}

/// Why a thuiszitter period ends when its zaak closes (the categories of the thuiszitters monitor):
/// moved or died, turned 18, or else resolved.
pub fn einde_bij_sluiting(reden_sluiting: &str, achttien_geworden: bool) -> ThuiszitEinde {
    match reden_sluiting {
        "verhuisd" | "verhuisd_buitenland" | "overleden" => ThuiszitEinde::VerhuisdOverleden,
        "niet_meer_plichtig" if achttien_geworden => ThuiszitEinde::AchttienGeworden,
        _ => ThuiszitEinde::Opgelost,
    }
}

/// The thuiszitters monitor for one schooljaar (docs/regels.md). `totaal` = `bij_begin` + `nieuw`;
/// each of those either ended in the year (by reason) or is `open_einde_jaar`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Jaartelling {
    /// Running on 1 August, begun before.
    pub bij_begin: u32,
    /// Begun in the schooljaar.
    pub nieuw: u32,
    pub totaal: u32,
    /// Of the total: longer than 3 months, measured up to 31 July.
    pub langer_dan_drie_maanden: u32,
    pub opgelost: u32,
    pub verhuisd_overleden: u32,
    pub achttien_geworden: u32,
    /// Still running after 31 July: monitored the next year.
    pub open_einde_jaar: u32,
}

pub fn jaartelling(perioden: &[Thuiszitperiode], jaar: SchoolJaar) -> Jaartelling {
    let (eerste, laatste) = (jaar.eerste_dag(), jaar.laatste_dag());
    let mut t = Jaartelling::default();
    for p in perioden.iter().filter(|p| p.begindatum <= laatste && p.einddatum.is_none_or(|e| e >= eerste)) {
        if p.begindatum < eerste {
            t.bij_begin += 1;
        } else {
            t.nieuw += 1;
        }
        t.langer_dan_drie_maanden += u32::from(langer_dan_drie_maanden(p.begindatum, p.einddatum, laatste));
        match p.einddatum.filter(|e| *e <= laatste).map(|_| p.reden_einde) {
            None => t.open_einde_jaar += 1,
            // An end without a reason (an old import) counts as resolved.
            Some(Some(ThuiszitEinde::Opgelost) | None) => t.opgelost += 1,
            Some(Some(ThuiszitEinde::VerhuisdOverleden)) => t.verhuisd_overleden += 1,
            Some(Some(ThuiszitEinde::AchttienGeworden)) => t.achttien_geworden += 1,
        }
    }
    t.totaal = t.bij_begin + t.nieuw;
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use Plichtstatus::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    const NIET_INGESCHREVEN: Situatie = Situatie { status: Leerplichtig, ingeschreven: false, vrijstelling: false };

    #[test]
    fn absoluut_verzuim_is_plichtig_not_enrolled_and_no_vrijstelling() {
        assert!(absoluut_verzuim(NIET_INGESCHREVEN));
        assert!(absoluut_verzuim(Situatie { status: Kwalificatieplichtig, ..NIET_INGESCHREVEN }));
        assert!(!absoluut_verzuim(Situatie { vrijstelling: true, ..NIET_INGESCHREVEN }));
        assert!(!absoluut_verzuim(Situatie { ingeschreven: true, ..NIET_INGESCHREVEN }));
        // An 18-year-old without SQ is RMC's, not absoluut verzuim.
        assert!(!absoluut_verzuim(Situatie { status: RmcDoelgroep, ..NIET_INGESCHREVEN }));
        assert!(!absoluut_verzuim(Situatie { status: NogNietLeerplichtig, ..NIET_INGESCHREVEN }));
    }

    fn geen_vakanties() -> Rooster {
        Rooster::zonder_vakanties()
    }

    /// Regio noord's herfstvakantie 2020 (10 to 18 October) and kerstvakantie 2020-2021.
    fn noord() -> Rooster {
        use crate::model::{Vakantie, Vakantieregio, Vakantiesoort};
        let vakantie = |id: &str, soort, van: &str, tot: &str| Vakantie {
            id: id.into(),
            soort,
            regio: Some(Vakantieregio::Noord),
            brin: None,
            vestiging: None,
            begindatum: d(van),
            einddatum: d(tot),
            advies: false,
        };
        crate::kalender::Kalender::nieuw(
            vec![
                vakantie("h", Vakantiesoort::Herfst, "2020-10-10", "2020-10-18"),
                vakantie("k", Vakantiesoort::Kerst, "2020-12-19", "2021-01-03"),
            ],
            &[],
            &[],
        )
        .rooster(Some(Vakantieregio::Noord), None)
    }

    #[test]
    fn a_thuiszitter_is_out_of_school_four_weeks_holidays_not_counted() {
        // "langer dan vier weken niet naar school zonder geldige reden en/of niet ingeschreven"
        let ingeschreven = Situatie { ingeschreven: true, ..NIET_INGESCHREVEN };
        let op = d("2021-03-01");
        let r = geen_vakanties();
        assert!(thuiszitter(ingeschreven, Some(d("2021-02-01")), false, op, &r), "28 dagen");
        assert!(!thuiszitter(ingeschreven, Some(d("2021-02-02")), false, op, &r), "27 dagen");
        assert!(!thuiszitter(ingeschreven, Some(d("2021-01-01")), true, op, &r), "ziek");
        assert!(!thuiszitter(ingeschreven, None, false, op, &r));
        // Not enrolled: also only after four weeks, not on the day the absoluut-verzuim run finds it.
        assert!(thuiszitter(NIET_INGESCHREVEN, Some(d("2021-02-01")), false, op, &r), "absoluut verzuim");
        assert!(!thuiszitter(NIET_INGESCHREVEN, Some(d("2021-02-15")), false, op, &r), "pas twee weken");
        assert!(!thuiszitter(
            Situatie { vrijstelling: true, ..NIET_INGESCHREVEN },
            Some(d("2020-01-01")),
            false,
            op,
            &r
        ));
        // Absent since 5 October: the herfstvakantie's nine days do not count, so 4 weeks are
        // reached on 11 November instead of 2 November.
        let (sinds, noord) = (d("2020-10-05"), noord());
        assert_eq!(thuiszitter_vanaf(sinds, &noord), d("2020-11-11"));
        assert!(!thuiszitter(ingeschreven, Some(sinds), false, d("2020-11-10"), &noord));
        assert!(thuiszitter(ingeschreven, Some(sinds), false, d("2020-11-11"), &noord));
        // Over the kerstvakantie: 16 days not counted.
        assert_eq!(thuiszitter_vanaf(d("2020-12-07"), &noord), d("2021-01-20"));
    }

    #[test]
    fn a_period_ends_as_the_monitor_counts_it() {
        assert_eq!(einde_bij_sluiting("ingeschreven", false), ThuiszitEinde::Opgelost);
        assert_eq!(einde_bij_sluiting("verhuisd_buitenland", false), ThuiszitEinde::VerhuisdOverleden);
        assert_eq!(einde_bij_sluiting("overleden", false), ThuiszitEinde::VerhuisdOverleden);
        assert_eq!(einde_bij_sluiting("niet_meer_plichtig", true), ThuiszitEinde::AchttienGeworden);
        assert_eq!(einde_bij_sluiting("niet_meer_plichtig", false), ThuiszitEinde::Opgelost, "startkwalificatie");
    }

    #[test]
    fn longer_than_three_months_counts_calendar_months() {
        // Resolved after 4 months: "> 3 maanden".
        let jaar_einde = d("2021-07-31");
        assert!(langer_dan_drie_maanden(d("2020-10-01"), Some(d("2021-02-01")), jaar_einde));
        // First and last day count: 1 September to 30 November is three months, to 1 December more.
        assert!(!langer_dan_drie_maanden(d("2020-09-01"), Some(d("2020-11-30")), jaar_einde), "precies 3");
        assert!(langer_dan_drie_maanden(d("2020-09-01"), Some(d("2020-12-01")), jaar_einde));
        assert!(langer_dan_drie_maanden(d("2020-10-01"), Some(d("2021-01-01")), jaar_einde));
        // Still running: measured up to the peildatum; from 30 November the months end on 27 February.
        assert!(!langer_dan_drie_maanden(d("2020-11-30"), None, d("2021-02-27")));
        assert!(langer_dan_drie_maanden(d("2020-11-30"), None, d("2021-02-28")));
        // A period from the last day of a month in a leap year.
        assert!(!langer_dan_drie_maanden(d("2019-11-30"), None, d("2020-02-28")));
        assert!(langer_dan_drie_maanden(d("2019-11-30"), None, d("2020-02-29")));
    }

    #[test]
    fn an_offer_within_three_months_meets_the_pacts_norm() {
        // The same three months as "langer dan 3 maanden": from 1 September up to 30 November.
        assert_eq!(aanbod_uiterlijk(d("2020-09-01")), d("2020-11-30"));
        assert!(!langer_dan_drie_maanden(d("2020-09-01"), None, aanbod_uiterlijk(d("2020-09-01"))));
        assert_eq!(aanbod_uiterlijk(d("2019-11-30")), d("2020-02-28"), "schrikkeljaar: 29 februari is de dag erna");
        assert_eq!(aanbod_uiterlijk(d("2020-11-30")), d("2021-02-27"));
        assert_eq!(aanbod_uiterlijk(d("2020-05-01")), d("2020-07-31"), "tot en met 31 juli");
        assert_eq!(aanbod_binnen_norm(d("2020-10-01"), Some(d("2020-12-31")), d("2021-07-31")), Some(true));
        assert_eq!(aanbod_binnen_norm(d("2020-10-01"), Some(d("2021-01-01")), d("2021-07-31")), Some(false));
        assert_eq!(aanbod_binnen_norm(d("2020-10-01"), None, d("2020-12-15")), None, "nog binnen de termijn");
        assert_eq!(aanbod_binnen_norm(d("2020-10-01"), None, d("2021-01-01")), Some(false), "signaal");
    }

    const INGESCHREVEN: Situatie = Situatie { status: Leerplichtig, ingeschreven: true, vrijstelling: false };

    fn regel(r: Result<(), Weigering>) -> &'static str {
        r.map_or_else(|w| w.regel, |_| "ok")
    }

    #[test]
    fn a_thuiszitter_is_refused_with_the_rule_that_fails() {
        use ThuiszitSoort::*;
        let (sinds, op, r) = (d("2020-10-05"), d("2020-11-02"), &geen_vakanties());
        assert_eq!(regel(toets_thuiszitter(INGESCHREVEN, LangdurigRelatief, sinds, false, op, r)), "ok");
        assert_eq!(regel(toets_thuiszitter(NIET_INGESCHREVEN, Absoluut, sinds, false, op, r)), "ok");
        let w = toets_thuiszitter(NIET_INGESCHREVEN, Absoluut, sinds, false, sinds, r).unwrap_err();
        assert_eq!(w.regel, "thuiszitter: 4 weken", "ook wie niet is ingeschreven: pas na 4 weken");
        let w = toets_thuiszitter(INGESCHREVEN, LangdurigRelatief, sinds, false, d("2020-11-01"), r).unwrap_err();
        assert!(w.reden.contains("27 dagen") && w.reden.contains("vanaf 2020-11-02"), "{w}");
        let w = toets_thuiszitter(INGESCHREVEN, LangdurigRelatief, sinds, false, op, &noord()).unwrap_err();
        assert!(w.reden.contains("19 dagen buiten vakanties") && w.reden.contains("vanaf 2020-11-11"), "{w}");
        let rmc = Situatie { status: RmcDoelgroep, ..INGESCHREVEN };
        let w = toets_thuiszitter(rmc, LangdurigRelatief, sinds, false, op, r).unwrap_err();
        assert_eq!(w.regel, "thuiszitter: leer- of kwalificatieplicht (Lpw art. 2, 4a)");
        assert!(w.reden.contains("rmc-doelgroep"), "{w}");
        let vrij = Situatie { vrijstelling: true, ..INGESCHREVEN };
        assert_eq!(regel(toets_thuiszitter(vrij, LangdurigRelatief, sinds, false, op, r)), "thuiszitter: vrijstelling");
        assert_eq!(regel(toets_thuiszitter(INGESCHREVEN, LangdurigRelatief, sinds, true, op, r)), "thuiszitter: ziek");
        assert_eq!(regel(toets_thuiszitter(INGESCHREVEN, Absoluut, sinds, false, op, r)), "thuiszitter: soort");
        assert_eq!(
            regel(toets_thuiszitter(NIET_INGESCHREVEN, LangdurigRelatief, sinds, false, op, r)),
            "thuiszitter: soort"
        );
    }

    #[test]
    fn the_reasoned_check_agrees_with_the_rule() {
        let sinds = d("2021-01-04");
        for status in Plichtstatus::ALL.iter().copied() {
            for (ingeschreven, vrijstelling, ziek) in
                [false, true].into_iter().flat_map(|a| [(a, false, false), (a, true, false), (a, false, true)])
            {
                let s = Situatie { status, ingeschreven, vrijstelling };
                for op in [sinds, sinds + Days::new(27), sinds + Days::new(28), sinds + Days::new(90)] {
                    let soort = if ingeschreven { ThuiszitSoort::LangdurigRelatief } else { ThuiszitSoort::Absoluut };
                    let r = noord();
                    assert_eq!(
                        toets_thuiszitter(s, soort, sinds, ziek, op, &r).is_ok(),
                        thuiszitter(s, Some(sinds), ziek, op, &r),
                        "{s:?} ziek={ziek} op={op}"
                    );
                }
            }
        }
    }

    fn melding(soort: &str, van: &str, tot: Option<&str>) -> Verzuimmelding {
        Verzuimmelding {
            id: format!("M-{van}"),
            jongere: "J".into(),
            brin: Some("10AB".into()),
            vestiging: Some("00".into()),
            soort: soort.into(),
            meldingsdatum: d(van),
            verzuim_van: d(van),
            verzuim_tot: tot.map(d),
            uren: Some(16),
            reden: String::new(),
            status: "geregistreerd".into(),
            reden_afsluiting: None,
            zaak: None,
            preventief: false,
            vervolg_op: None,
            alle_lessen_gemist: Some(true),
            deels_lesbaar: None,
        }
    }

    #[test]
    fn unauthorised_absence_runs_back_through_adjoining_meldingen() {
        let op = d("2020-11-16");
        let open = melding("wettelijk_16_uur", "2020-10-05", None);
        assert_eq!(ongeoorloofd_afwezig_sinds(std::slice::from_ref(&open), op), Some(d("2020-10-05")));
        // Ended before the peildatum: not absent now.
        let voorbij = melding("wettelijk_16_uur", "2020-10-05", Some("2020-11-13"));
        assert_eq!(ongeoorloofd_afwezig_sinds(std::slice::from_ref(&voorbij), op), None);
        // A second melding from the next day on continues the absence; after a gap it starts anew.
        let aansluitend = melding("langdurig_1_maand", "2020-11-14", None);
        assert_eq!(ongeoorloofd_afwezig_sinds(&[voorbij.clone(), aansluitend], op), Some(d("2020-10-05")));
        let na_gat = melding("langdurig_1_maand", "2020-11-15", None);
        assert_eq!(ongeoorloofd_afwezig_sinds(&[voorbij, na_gat], op), Some(d("2020-11-15")));
        // Withdrawn, ill or absoluut: not unauthorised absence of an enrolled youth.
        let ingetrokken = Verzuimmelding { status: "ingetrokken".into(), ..open.clone() };
        assert_eq!(ongeoorloofd_afwezig_sinds(&[ingetrokken], op), None);
        assert_eq!(ongeoorloofd_afwezig_sinds(&[melding("zorgwekkend_ziekteverzuim", "2020-10-05", None)], op), None);
        assert_eq!(ongeoorloofd_afwezig_sinds(&[melding("absoluut", "2020-10-05", None)], op), None);
        let geen_verzuim = Verzuimmelding { reden_afsluiting: Some("geen_verzuim_legitiem".into()), ..open.clone() };
        assert_eq!(ongeoorloofd_afwezig_sinds(&[geen_verzuim], op), None, "afgesloten als legitiem afwezig");
    }

    #[test]
    fn partial_absence_is_not_being_out_of_school() {
        // A signaal melding about coming late, a 16-uur melding of some hours a week: the school says
        // the youth did not miss every lesson.
        let op = d("2020-11-16");
        let deels =
            |soort: &str| Verzuimmelding { alle_lessen_gemist: Some(false), ..melding(soort, "2020-10-05", None) };
        assert_eq!(ongeoorloofd_afwezig_sinds(&[deels("signaal"), deels("wettelijk_16_uur")], op), None);
        // Before DUO's "alle lessen gemist" was recorded, only a verzuim of a month or longer says so.
        let onbekend = |soort: &str| Verzuimmelding { alle_lessen_gemist: None, ..melding(soort, "2020-10-05", None) };
        assert_eq!(ongeoorloofd_afwezig_sinds(&[onbekend("wettelijk_16_uur")], op), None);
        assert_eq!(ongeoorloofd_afwezig_sinds(&[onbekend("langdurig_1_maand")], op), Some(d("2020-10-05")));
    }

    #[test]
    fn not_enrolled_since_the_absoluut_melding_began() {
        let op = d("2020-11-16");
        let absoluut = melding("absoluut", "2020-09-01", None);
        assert_eq!(niet_ingeschreven_sinds(std::slice::from_ref(&absoluut), op), Some(d("2020-09-01")));
        assert_eq!(niet_ingeschreven_sinds(&[melding("wettelijk_16_uur", "2020-09-01", None)], op), None);
        let voorbij = melding("absoluut", "2020-09-01", Some("2020-10-01"));
        assert_eq!(niet_ingeschreven_sinds(&[voorbij], op), None, "weer ingeschreven");
    }

    #[test]
    fn ill_while_a_zorgwekkend_ziekteverzuim_melding_covers_the_day() {
        let ziek = [melding("zorgwekkend_ziekteverzuim", "2020-10-19", Some("2020-12-18"))];
        assert!(ziek_op(&ziek, d("2020-10-19")) && ziek_op(&ziek, d("2020-12-18")));
        assert!(!ziek_op(&ziek, d("2020-10-18")) && !ziek_op(&ziek, d("2020-12-19")));
        assert!(!ziek_op(&[melding("wettelijk_16_uur", "2020-10-01", None)], d("2020-11-01")));
    }

    // Thuiszitter: "is niet ziek of; is wel ziek, maar conform plan van aanpak in staat om
    // (gedeeltelijk) naar school te gaan" — and still four weeks or more not at school.
    #[test]
    fn an_ill_youth_who_by_plan_could_attend_part_time_and_misses_every_lesson_is_out_of_school() {
        let op = d("2020-11-16");
        let ziek = |deels_lesbaar, alle_lessen_gemist| Verzuimmelding {
            deels_lesbaar,
            alle_lessen_gemist,
            ..melding("zorgwekkend_ziekteverzuim", "2020-10-05", None)
        };
        let plan_niet_gevolgd = ziek(Some(true), Some(true));
        assert!(!ziek_op(std::slice::from_ref(&plan_niet_gevolgd), op), "illness does not excuse");
        assert_eq!(ongeoorloofd_afwezig_sinds(&[plan_niet_gevolgd], op), Some(d("2020-10-05")));
        // Following the plan part of the time, or no plan, or unable to attend: ill, not out of school.
        for m in [ziek(Some(true), Some(false)), ziek(Some(false), Some(true)), ziek(None, Some(true))] {
            assert!(ziek_op(std::slice::from_ref(&m), op), "{m:?}");
            assert_eq!(ongeoorloofd_afwezig_sinds(&[m], op), None);
        }
        let geen_ziek = Situatie { status: Plichtstatus::Leerplichtig, ingeschreven: true, vrijstelling: false };
        let rooster = Rooster::zonder_vakanties();
        let sinds = ongeoorloofd_afwezig_sinds(&[ziek(Some(true), Some(true))], op);
        assert!(thuiszitter(geen_ziek, sinds, false, op, &rooster), "six weeks out of school");
    }

    fn periode(begin: &str, einde: Option<&str>, reden: Option<ThuiszitEinde>) -> Thuiszitperiode {
        Thuiszitperiode {
            id: format!("T-{begin}"),
            jongere: "J".into(),
            zaak: None,
            soort: ThuiszitSoort::LangdurigRelatief,
            begindatum: d(begin),
            einddatum: einde.map(d),
            reden_einde: reden,
            aanbod_datum: None,
        }
    }

    #[test]
    fn one_period_at_a_time() {
        let open = periode("2020-10-05", None, None);
        let w = toets_nieuwe_periode(std::slice::from_ref(&open), d("2021-01-01")).unwrap_err();
        assert_eq!(w.regel, "thuiszitter: één periode tegelijk");
        assert!(w.reden.contains("sinds 2020-10-05"), "{w}");
        let voorbij = periode("2020-10-05", Some("2020-12-01"), Some(ThuiszitEinde::Opgelost));
        let w = toets_nieuwe_periode(std::slice::from_ref(&voorbij), d("2020-12-01")).unwrap_err();
        assert!(w.reden.contains("tot 2020-12-01"), "{w}");
        assert!(toets_nieuwe_periode(&[voorbij], d("2020-12-02")).is_ok());
        assert!(toets_nieuwe_periode(&[], d("2020-12-02")).is_ok());
    }

    #[test]
    fn an_offer_once_within_the_period() {
        let p = periode("2020-10-05", None, None);
        let met = met_aanbod(&p, d("2020-12-01")).unwrap();
        assert_eq!(met.aanbod_datum, Some(d("2020-12-01")));
        let w = met_aanbod(&met, d("2020-12-02")).unwrap_err();
        assert_eq!(w.regel, "thuiszitter: passend aanbod");
        assert!(w.reden.contains("eerste aanbod"), "{w}");
        assert!(met_aanbod(&p, d("2020-10-04")).unwrap_err().reden.contains("daarvóór"));
        let voorbij = periode("2020-10-05", Some("2020-11-30"), Some(ThuiszitEinde::Opgelost));
        assert!(met_aanbod(&voorbij, d("2020-12-01")).unwrap_err().reden.contains("valt erbuiten"));
    }

    #[test]
    fn a_period_ends_once_and_not_before_it_began() {
        let p = periode("2020-10-05", None, None);
        let einde = beeindigd(&p, d("2021-02-08"), ThuiszitEinde::AchttienGeworden).unwrap();
        assert_eq!(
            (einde.einddatum, einde.reden_einde),
            (Some(d("2021-02-08")), Some(ThuiszitEinde::AchttienGeworden))
        );
        let w = beeindigd(&einde, d("2021-03-01"), ThuiszitEinde::Opgelost).unwrap_err();
        assert_eq!(w.regel, "thuiszitperiode beëindigen");
        assert_eq!(w.reden, "de periode is al beëindigd op 2021-02-08 (18 geworden)");
        assert!(beeindigd(&p, d("2020-10-04"), ThuiszitEinde::Opgelost).unwrap_err().reden.contains("begint op"));
        assert!(beeindigd(&p, d("2020-10-05"), ThuiszitEinde::Opgelost).is_ok(), "zelfde dag");
    }

    #[test]
    fn the_monitor_counts_a_schooljaar() {
        use ThuiszitEinde::*;
        let perioden = [
            // Begun the year before, resolved in this one after more than 3 months.
            periode("2020-05-01", Some("2020-09-15"), Some(Opgelost)),
            // Ended before this year: not counted.
            periode("2020-03-01", Some("2020-07-31"), Some(Opgelost)),
            // New, moved within 3 months.
            periode("2020-10-05", Some("2020-11-20"), Some(VerhuisdOverleden)),
            // New, turned 18 on the last day of the year.
            periode("2021-03-01", Some("2021-07-31"), Some(AchttienGeworden)),
            // New, still running at the end of the year; from before, running on past it.
            periode("2021-06-01", None, None),
            periode("2019-11-01", Some("2021-09-01"), Some(Opgelost)),
            // Next year.
            periode("2021-08-01", None, None),
        ];
        let t = jaartelling(&perioden, SchoolJaar::beginnend_in(2020));
        assert_eq!(
            t,
            Jaartelling {
                bij_begin: 2,
                nieuw: 3,
                totaal: 5,
                langer_dan_drie_maanden: 3,
                opgelost: 1,
                verhuisd_overleden: 1,
                achttien_geworden: 1,
                open_einde_jaar: 2,
            }
        );
        assert_eq!(t.totaal, t.opgelost + t.verhuisd_overleden + t.achttien_geworden + t.open_einde_jaar);
        assert_eq!(jaartelling(&[], SchoolJaar::beginnend_in(2020)), Jaartelling::default());
    }
}
