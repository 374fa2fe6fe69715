//! The terugmelding to DUO (docs/koppelingen.md, "Terugmelding aan DUO"): what the office reports
//! about a melding it received through DUO's Register Onderwijsdeelnemers, as it follows from the
//! casework. Besluit register onderwijsdeelnemers art. 14 onder m-p: "de status van de melding;
//! indien de melding is afgesloten, de reden daarvoor; indien de melding is afgesloten, een
//! opmerking daarbij" and the gemeentelijke contactpersoon. The lists are those of the bijlage of
//! the former Besluit Verzuimmelding (status: in behandeling, afgesloten, ter kennisgeving
//! aangenomen — DUO's wording since August 2020; seven redenen; three toelichtingen).
use crate::Datum;
use crate::model::ZaakStatus;

/// Codes of the list `meldingstatus` the office reports.
pub const IN_BEHANDELING: &str = "in_behandeling";
pub const AFGESLOTEN: &str = "afgesloten";
pub const TER_KENNISGEVING: &str = "ter_kennisgeving";

/// The toelichting afsluiting, in the bijlage's words.
pub const GEZIEN: &str = "leerling / deelnemer is gezien door gemeente";
pub const ACTIE: &str = "er wordt actie ondernomen richting leerling / deelnemer door gemeente";
pub const GEEN_ACTIE: &str = "er loopt geen actie meer richting leerling / deelnemer";

/// What the office reports about one melding, from `datum` on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stand {
    pub status: &'static str,
    /// Code of the list `reden_afsluiting`; only for a closed melding.
    pub reden_afsluiting: Option<String>,
    /// Only for a closed melding.
    pub toelichting: Option<&'static str>,
    pub datum: Datum,
}

/// The zaak a melding joined, as far as the terugmelding needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Behandeling<'a> {
    pub status: ZaakStatus,
    /// A caseworker took it on.
    pub toegewezen: bool,
    /// An action (an invitation, a talk, a warning …) was recorded.
    pub acties: bool,
    /// A talk with the youth (gesprek, preventief spreekuurgesprek) was recorded.
    pub gesproken: bool,
    /// The youth was enrolled on the day the zaak closed.
    pub ingeschreven_bij_sluiting: bool,
    pub gesloten_op: Option<Datum>,
    /// Code of the list `zaak_reden_sluiting`.
    pub reden_sluiting: Option<&'a str>,
}

/// A melding outside the office's care (the youth was not leer- or kwalificatieplichtig nor in the
/// RMC-doelgroep on the first day of absence): noted, no action.
pub fn ter_kennisgeving(ontvangen: Datum) -> Stand {
    Stand { status: TER_KENNISGEVING, reden_afsluiting: None, toelichting: None, datum: ontvangen }
}

/// What to report about a melding the office registered: nothing while it waits unassigned in the
/// werkvoorraad (DUO shows it as geregistreerd) or after the school withdrew it; in behandeling once
/// a caseworker takes it on; afgesloten, with the reden afsluiting, when its zaak or the melding
/// itself was closed.
///
/// `melding_status` and `soort` are the melding's; `reden_afsluiting` is one the caseworker chose
/// for the melding itself, which goes before the one following from the zaak's reason.
pub fn stand(
    melding_status: &str,
    soort: &str,
    reden_afsluiting: Option<&str>,
    zaak: Option<Behandeling>,
    vandaag: Datum,
) -> Option<Stand> {
    if melding_status == "ingetrokken" {
        return None;
    }
    let gesloten = zaak.filter(|z| z.status == ZaakStatus::Gesloten);
    if melding_status == AFGESLOTEN || gesloten.is_some() {
        let reden_zaak = gesloten.and_then(|z| z.reden_sluiting);
        let ingeschreven = gesloten.is_some_and(|z| z.ingeschreven_bij_sluiting);
        let uit_zaak = reden_zaak.map(|r| reden_uit_zaak(r, soort, ingeschreven));
        return Some(Stand {
            status: AFGESLOTEN,
            reden_afsluiting: Some(reden_afsluiting.map_or(uit_zaak.unwrap_or("beeindigd_overig"), |r| r).to_string()),
            toelichting: Some(toelichting(reden_zaak, zaak.is_some_and(|z| z.gesproken))),
            datum: gesloten.and_then(|z| z.gesloten_op).unwrap_or(vandaag),
        });
    }
    let opgepakt = melding_status == IN_BEHANDELING
        || zaak.is_some_and(|z| z.toegewezen || z.acties || z.status != ZaakStatus::Nieuw);
    opgepakt.then_some(Stand { status: IN_BEHANDELING, reden_afsluiting: None, toelichting: None, datum: vandaag })
}

/// The toelichting afsluiting: the office's work goes on after the melding closes when it closed
/// with HALT, a proces-verbaal, a dwangsom or a handover to care; else the youth was seen when a
/// talk with them was recorded (a letter is not seeing them), and otherwise nothing more is done.
fn toelichting(reden_zaak: Option<&str>, gesproken: bool) -> &'static str {
    match reden_zaak {
        Some("halt" | "proces_verbaal" | "dwangsom" | "hulpverlening") => ACTIE,
        _ if gesproken => GEZIEN,
        _ => GEEN_ACTIE,
    }
}

/// DUO's reden afsluiting for a zaak closed for `reden` (list `zaak_reden_sluiting`). DUO asks how
/// the absence ended for the pupil, not what the office did; the register knows whether the youth
/// was enrolled on the closing day. Absence the office found legitimate (a vrijstelling, a
/// registration error, no unauthorised absence) is "geen verzuim", for zorgwekkend ziekteverzuim
/// "langdurig ziek". A case that ended the absence (it stopped, the youth enrolled, after a warning,
/// HALT, a proces-verbaal, a dwangsom or care) with the youth enrolled is "terug naar school,
/// opleiding hervat". Everything else — a move, the end of the duty, not enrolled, an office's own
/// reason — is "inschrijving beëindigd, overige redenen": the list has nothing closer.
pub fn reden_uit_zaak(reden: &str, soort: &str, ingeschreven: bool) -> &'static str {
    match reden {
        "overleden" => "leerling_overleden",
        "geen_verzuim" | "vrijstelling" | "registratiefout" if soort == "zorgwekkend_ziekteverzuim" => {
            "geen_verzuim_ziek"
        }
        "geen_verzuim" | "vrijstelling" | "registratiefout" => "geen_verzuim_legitiem",
        "verzuim_gestopt" | "ingeschreven" | "dwangsom" | "halt" | "proces_verbaal" | "hulpverlening"
            if ingeschreven =>
        {
            "terug_naar_school"
        }
        _ => "beeindigd_overig",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    fn zaak(status: ZaakStatus, toegewezen: bool) -> Behandeling<'static> {
        Behandeling {
            status,
            toegewezen,
            acties: false,
            gesproken: false,
            ingeschreven_bij_sluiting: true,
            gesloten_op: None,
            reden_sluiting: None,
        }
    }

    const VANDAAG: &str = "2020-10-20";

    #[test]
    fn a_melding_waiting_unassigned_is_not_reported_yet() {
        assert_eq!(stand("geregistreerd", "luxe", None, Some(zaak(ZaakStatus::Nieuw, false)), d(VANDAAG)), None);
    }

    #[test]
    fn a_melding_taken_on_is_in_behandeling() {
        let s = stand("geregistreerd", "luxe", None, Some(zaak(ZaakStatus::Nieuw, true)), d(VANDAAG)).unwrap();
        assert_eq!((s.status, s.toelichting, s.datum), (IN_BEHANDELING, None, d(VANDAAG)));
        let s = stand("geregistreerd", "luxe", None, Some(zaak(ZaakStatus::InOnderzoek, false)), d(VANDAAG));
        assert_eq!(s.unwrap().status, IN_BEHANDELING);
    }

    #[test]
    fn a_closed_zaak_closes_the_melding_with_the_reden_that_follows_from_it_on_the_closing_day() {
        let z = Behandeling {
            status: ZaakStatus::Gesloten,
            toegewezen: true,
            acties: true,
            gesproken: true,
            ingeschreven_bij_sluiting: true,
            gesloten_op: Some(d("2020-10-16")),
            reden_sluiting: Some("verzuim_gestopt"),
        };
        let s = stand("afgesloten", "luxe", None, Some(z), d(VANDAAG)).unwrap();
        assert_eq!(s.status, AFGESLOTEN);
        assert_eq!(
            (s.reden_afsluiting.as_deref(), s.toelichting, s.datum),
            (Some("terug_naar_school"), Some(GEZIEN), d("2020-10-16"))
        );
        // The caseworker's own reden for the melding goes first.
        let s = stand("afgesloten", "luxe", Some("beeindigd_werk"), Some(z), d(VANDAAG)).unwrap();
        assert_eq!(s.reden_afsluiting.as_deref(), Some("beeindigd_werk"));
        // After a proces-verbaal the office's work goes on; closed without any action, none does.
        let pv = Behandeling { reden_sluiting: Some("proces_verbaal"), ..z };
        assert_eq!(stand("afgesloten", "luxe", None, Some(pv), d(VANDAAG)).unwrap().toelichting, Some(ACTIE));
        let stil = Behandeling { acties: false, gesproken: false, reden_sluiting: Some("geen_verzuim"), ..z };
        let s = stand("afgesloten", "signaal", None, Some(stil), d(VANDAAG)).unwrap();
        assert_eq!((s.reden_afsluiting.as_deref(), s.toelichting), (Some("geen_verzuim_legitiem"), Some(GEEN_ACTIE)));
    }

    #[test]
    fn a_withdrawn_melding_is_not_reported() {
        assert_eq!(stand("ingetrokken", "luxe", None, Some(zaak(ZaakStatus::InOnderzoek, true)), d(VANDAAG)), None);
    }

    #[test]
    fn how_the_absence_ended_for_the_pupil() {
        assert_eq!(reden_uit_zaak("overleden", "wettelijk_16_uur", false), "leerling_overleden");
        assert_eq!(reden_uit_zaak("geen_verzuim", "zorgwekkend_ziekteverzuim", true), "geen_verzuim_ziek");
        assert_eq!(reden_uit_zaak("geen_verzuim", "signaal", true), "geen_verzuim_legitiem");
        // After HALT the pupil is back at school, if the register says so.
        assert_eq!(reden_uit_zaak("halt", "wettelijk_16_uur", true), "terug_naar_school");
        assert_eq!(reden_uit_zaak("halt", "wettelijk_16_uur", false), "beeindigd_overig");
        // A move does not end an enrolment, nor does it bring a pupil back: the list has nothing closer.
        assert_eq!(reden_uit_zaak("verhuisd", "wettelijk_16_uur", true), "beeindigd_overig");
        assert_eq!(reden_uit_zaak("eigen_code_van_het_bureau", "luxe", true), "beeindigd_overig");
    }
}
