//! Terms of the Algemene wet bestuursrecht for the office's decisions: the beslistermijn of a
//! request and its verdaging, the bezwaartermijn and the term for deciding on a bezwaar. A term "in een wet gesteld" that ends on a Saturday, Sunday or
//! generally recognised feestdag runs on to the next day that is none (Algemene termijnenwet art. 1).
use super::Weigering;
use crate::Datum;
use crate::kalender::werkdag;
use chrono::Days;

/// Awb art. 4:13 lid 2: the reasonable term for a decision "is in ieder geval verstreken wanneer het
/// bestuursorgaan binnen acht weken na ontvangst van de aanvraag geen beschikking heeft gegeven".
/// The Leerplichtwet sets no other term for a vrijstelling or for leave.
pub const BESLISTERMIJN_WEKEN: u64 = 8;

/// The last day to decide on a request received on `ontvangen`: eight weeks later, moved past a
/// weekend or feestdag (Algemene termijnenwet art. 1), or the day the office set when it verdaagde
/// (Awb art. 4:14 lid 3).
pub fn beslistermijn(ontvangen: Datum, verdaagd_tot: Option<Datum>) -> Datum {
    verdaagd_tot.unwrap_or_else(|| werkdag_vanaf(ontvangen + Days::new(7 * BESLISTERMIJN_WEKEN)))
}

/// `datum`, or the first day after it that is no Saturday, Sunday or feestdag.
fn werkdag_vanaf(datum: Datum) -> Datum {
    let mut d = datum;
    while !werkdag(d) {
        d = d + Days::new(1);
    }
    d
}

/// Verdaging (Awb art. 4:14 lid 3): when the decision cannot be given in time, the office tells the
/// applicant before the term ends and names a reasonable later term. Refused after the term, or to a
/// day not after it.
pub fn toets_verdaging(
    ontvangen: Datum,
    verdaagd_tot: Option<Datum>,
    nieuw: Datum,
    op: Datum,
) -> Result<(), Weigering> {
    const REGEL: &str = "Awb art. 4:14: verdaging";
    let termijn = beslistermijn(ontvangen, verdaagd_tot);
    if op > termijn {
        return Err(Weigering::new(
            REGEL,
            format!("de beslistermijn liep af op {termijn}; verdagen kan alleen binnen de termijn"),
        ));
    }
    if nieuw <= termijn {
        return Err(Weigering::new(
            REGEL,
            format!("de beslistermijn loopt al tot en met {termijn}; kies een latere datum"),
        ));
    }
    Ok(())
}

/// Awb art. 6:7 and 6:8 lid 1: "De termijn voor het indienen van een bezwaar- of beroepschrift
/// bedraagt zes weken", beginning the day after the decision was made known. The last day to
/// receive a bezwaar against a decision made known on `bekendgemaakt`.
pub fn bezwaartermijn(bekendgemaakt: Datum) -> Datum {
    werkdag_vanaf(bekendgemaakt + Days::new(42))
}

/// Is a bezwaar received on `ontvangen` in time (Awb art. 6:9 lid 1: received before the term
/// ended)? A late one is still recorded: the office declares it niet-ontvankelijk unless the
/// lateness is verschoonbaar (Awb art. 6:11).
pub fn bezwaar_tijdig(bekendgemaakt: Datum, ontvangen: Datum) -> bool {
    ontvangen <= bezwaartermijn(bekendgemaakt)
}

/// Awb art. 7:10 lid 1: the decision on a bezwaar within six weeks, or twelve when an advisory
/// committee hears it (art. 7:13), from the end of the bezwaartermijn; a bezwaar that came late is
/// decided within the same term from its receipt.
pub fn beslistermijn_bezwaar(bekendgemaakt: Datum, ontvangen: Datum, adviescommissie: bool) -> Datum {
    let weken = if adviescommissie { 12 } else { 6 };
    let vanaf = bezwaartermijn(bekendgemaakt).max(ontvangen);
    werkdag_vanaf(vanaf + Days::new(7 * weken))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    #[test]
    fn eight_weeks_after_receipt_past_weekends_and_feestdagen() {
        // "binnen acht weken na ontvangst van de aanvraag"
        assert_eq!(beslistermijn(d("2021-01-04"), None), d("2021-03-01"), "maandag + 8 weken");
        // Ending on a Saturday, the term runs to the Monday (Algemene termijnenwet art. 1).
        assert_eq!(beslistermijn(d("2021-01-09"), None), d("2021-03-08"));
        // Ending on Tweede Paasdag 2021 (5 April), it runs to Tuesday 6 April.
        assert_eq!(beslistermijn(d("2021-02-08"), None), d("2021-04-06"));
        // Received on 29 February: eight weeks on is 25 April 2020, a Saturday; Monday the 27th is
        // Koningsdag, so Tuesday 28 April.
        assert_eq!(beslistermijn(d("2020-02-29"), None), d("2020-04-28"));
        assert_eq!(beslistermijn(d("2021-01-04"), Some(d("2021-04-01"))), d("2021-04-01"), "verdaagd");
    }

    #[test]
    fn a_bezwaar_within_six_weeks_of_the_decision_is_in_time() {
        // Made known on Monday 1 March 2021: the six weeks end on Monday 12 April.
        assert_eq!(bezwaartermijn(d("2021-03-01")), d("2021-04-12"));
        assert!(bezwaar_tijdig(d("2021-03-01"), d("2021-04-12")));
        assert!(!bezwaar_tijdig(d("2021-03-01"), d("2021-04-13")), "een dag te laat");
        // Ending on Koningsdag 2021 (Tuesday 27 April), the term runs to the 28th.
        assert_eq!(bezwaartermijn(d("2021-03-16")), d("2021-04-28"));
        // The decision on it: six weeks after the bezwaartermijn, 24 May 2021, is Tweede Pinksterdag:
        // the 25th. Twelve weeks with a committee.
        assert_eq!(beslistermijn_bezwaar(d("2021-03-01"), d("2021-03-20"), false), d("2021-05-25"));
        assert_eq!(beslistermijn_bezwaar(d("2021-03-01"), d("2021-03-20"), true), d("2021-07-05"));
        // A late bezwaar: from its receipt.
        assert_eq!(beslistermijn_bezwaar(d("2021-03-01"), d("2021-05-03"), false), d("2021-06-14"));
    }

    #[test]
    fn verdaging_within_the_term_to_a_later_day() {
        let ontvangen = d("2021-01-04");
        assert_eq!(toets_verdaging(ontvangen, None, d("2021-04-01"), d("2021-02-20")), Ok(()));
        assert_eq!(toets_verdaging(ontvangen, None, d("2021-04-01"), d("2021-03-01")), Ok(()), "de laatste dag");
        let w = toets_verdaging(ontvangen, None, d("2021-04-01"), d("2021-03-02")).unwrap_err();
        assert_eq!(w.reden, "de beslistermijn liep af op 2021-03-01; verdagen kan alleen binnen de termijn");
        let w = toets_verdaging(ontvangen, None, d("2021-03-01"), d("2021-02-20")).unwrap_err();
        assert!(w.reden.contains("kies een latere datum"), "{w}");
        // A second verdaging runs from the first.
        assert!(toets_verdaging(ontvangen, Some(d("2021-04-01")), d("2021-05-01"), d("2021-03-15")).is_ok());
    }
}
