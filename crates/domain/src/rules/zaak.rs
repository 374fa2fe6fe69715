//! The lifecycle of a zaak: nieuw → in onderzoek → maatregel → gesloten (a closed zaak is
//! read-only; reopening is its own right, docs/regels.md "Verloop van een zaak").
use super::Weigering;
use crate::Datum;
use crate::code_enum::CodeEnum;
use crate::model::{ActieSoort, Medewerker, Rol, Zaak, ZaakStatus};

/// The status after an action: inviting or talking starts the investigation, a measure (warning,
/// referral to care, HALT, PV, escalation) makes it a maatregel; the status never moves back.
pub fn status_na_actie(huidig: ZaakStatus, soort: ActieSoort) -> ZaakStatus {
    use ActieSoort::*;
    let na = match soort {
        Uitnodiging | Gesprek | PreventiefGesprek => ZaakStatus::InOnderzoek,
        Waarschuwing | Hulpverlening | Halt | ProcesVerbaal | Escalatie => ZaakStatus::Maatregel,
    };
    let rang = |s: ZaakStatus| ZaakStatus::ALL.iter().position(|x| *x == s);
    if rang(na) > rang(huidig) { na } else { huidig }
}

/// Closes a zaak on `datum` for `reden` (a code of `zaak_reden_sluiting`, checked by the caller
/// against the code list): not twice, not before it was opened nor before its last action.
pub fn sluit(zaak: &Zaak, datum: Datum, reden: &str, laatste_actie: Option<Datum>) -> Result<Zaak, Weigering> {
    const REGEL: &str = "zaak sluiten";
    super::mas::zaak_open(zaak.status)?;
    if reden.trim().is_empty() {
        return Err(Weigering::new(REGEL, "kies een reden van sluiten"));
    }
    if datum < zaak.geopend_op {
        return Err(Weigering::new(
            REGEL,
            format!("de zaak is geopend op {}; sluiten op {datum} kan niet", zaak.geopend_op),
        ));
    }
    if let Some(laatste) = laatste_actie.filter(|l| *l > datum) {
        return Err(Weigering::new(
            REGEL,
            format!("de laatste actie is van {laatste}; sluit de zaak niet eerder dan die datum"),
        ));
    }
    Ok(Zaak {
        status: ZaakStatus::Gesloten,
        gesloten_op: Some(datum),
        reden_sluiting: Some(reden.to_string()),
        ..zaak.clone()
    })
}

/// Handling a zaak (taking it on, closing, reopening) is for the caseworkers and their teamleider.
pub fn mag_behandelen(rol: Rol) -> Result<(), Weigering> {
    if matches!(rol, Rol::Leerplichtambtenaar | Rol::RmcConsulent | Rol::Teamleider) {
        Ok(())
    } else {
        Err(Weigering::new(
            "rollen: zaken behandelen",
            format!("een {} behandelt geen zaken", rol.label().to_lowercase()),
        ))
    }
}

/// Taking a zaak on oneself is for every caseworker; giving it to somebody else is dividing the
/// work, which is the teamleider's (and the other must be able to handle it).
pub fn mag_toewijzen(door: &Medewerker, aan: &Medewerker) -> Result<(), Weigering> {
    mag_behandelen(door.rol)?;
    mag_behandelen(aan.rol)?;
    if door.id != aan.id && door.rol != Rol::Teamleider {
        return Err(Weigering::new(
            "rollen: werk verdelen",
            "alleen een teamleider wijst een zaak toe aan een ander; u kunt een zaak wel zelf oppakken",
        ));
    }
    Ok(())
}

/// Closing reasons that say there was no offence to answer for (a mistaken melding, no unauthorised
/// absence) or no one left to answer for it: these close without the mandatory PV for luxe verzuim.
pub fn sluiting_zonder_overtreding(reden: &str) -> bool {
    matches!(reden, "registratiefout" | "geen_verzuim" | "overleden")
}

/// Reopens a closed zaak (a new melding about the same absence, a closing by mistake): a right of
/// the caseworkers and their teamleider, back to "in onderzoek".
pub fn heropen(zaak: &Zaak, rol: Rol) -> Result<Zaak, Weigering> {
    if zaak.status != ZaakStatus::Gesloten {
        return Err(Weigering::new("zaak heropenen", "de zaak is niet gesloten"));
    }
    mag_behandelen(rol)?;
    Ok(Zaak { status: ZaakStatus::InOnderzoek, gesloten_op: None, reden_sluiting: None, ..zaak.clone() })
}

/// The next deadline of an open zaak on the werkvoorraad. These are the office's working
/// agreements under the MAS, not terms of the Leerplichtwet: first contact (an invitation or a
/// talk) within [`EERSTE_CONTACT_DAGEN`] days after the zaak opened, then a review at most
/// [`HEROVERWEGING_DAGEN`] days after the last action.
pub fn volgende_termijn(zaak: &Zaak, laatste_actie: Option<Datum>) -> Option<Termijn> {
    if zaak.status == ZaakStatus::Gesloten {
        return None;
    }
    Some(match laatste_actie {
        None => Termijn { datum: zaak.geopend_op + chrono::Days::new(EERSTE_CONTACT_DAGEN), wat: "eerste contact" },
        Some(l) => Termijn { datum: l + chrono::Days::new(HEROVERWEGING_DAGEN), wat: "heroverweging" },
    })
}

pub const EERSTE_CONTACT_DAGEN: u64 = 7;
pub const HEROVERWEGING_DAGEN: u64 = 42;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Termijn {
    pub datum: Datum,
    pub wat: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ZaakSoort;
    use ActieSoort::*;
    use ZaakStatus::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    fn zaak() -> Zaak {
        Zaak {
            id: "Z1".into(),
            jongere: "J1".into(),
            soort: ZaakSoort::RelatiefVerzuim,
            medewerker: None,
            geopend_op: d("2020-10-12"),
            status: Nieuw,
            gesloten_op: None,
            reden_sluiting: None,
        }
    }

    #[test]
    fn a_talk_starts_the_investigation_a_measure_makes_it_a_maatregel_and_nothing_moves_back() {
        assert_eq!(status_na_actie(Nieuw, Uitnodiging), InOnderzoek);
        assert_eq!(status_na_actie(Nieuw, Halt), Maatregel);
        assert_eq!(status_na_actie(InOnderzoek, Waarschuwing), Maatregel);
        assert_eq!(status_na_actie(Maatregel, Gesprek), Maatregel);
    }

    #[test]
    fn closing_needs_a_reason_and_a_date_after_the_opening_and_the_last_action() {
        let z = sluit(&zaak(), d("2020-12-01"), "verzuim_gestopt", Some(d("2020-11-20"))).unwrap();
        assert_eq!(
            (z.status, z.gesloten_op, z.reden_sluiting.as_deref()),
            (Gesloten, Some(d("2020-12-01")), Some("verzuim_gestopt"))
        );
        assert!(sluit(&zaak(), d("2020-12-01"), " ", None).unwrap_err().reden.contains("reden"));
        assert!(
            sluit(&zaak(), d("2020-10-11"), "verzuim_gestopt", None)
                .unwrap_err()
                .reden
                .contains("geopend op 2020-10-12")
        );
        assert!(
            sluit(&zaak(), d("2020-11-01"), "verzuim_gestopt", Some(d("2020-11-20")))
                .unwrap_err()
                .reden
                .contains("2020-11-20")
        );
        assert_eq!(
            sluit(&z, d("2020-12-02"), "verzuim_gestopt", None).unwrap_err().regel,
            "zaak gesloten",
            "niet twee keer"
        );
    }

    #[test]
    fn reopening_is_the_caseworkers_right() {
        let gesloten = sluit(&zaak(), d("2020-12-01"), "verzuim_gestopt", None).unwrap();
        let z = heropen(&gesloten, Rol::Teamleider).unwrap();
        assert_eq!((z.status, z.gesloten_op, z.reden_sluiting), (InOnderzoek, None, None));
        assert_eq!(
            heropen(&gesloten, Rol::Administratief).unwrap_err().reden,
            "een administratief medewerker behandelt geen zaken"
        );
        assert!(heropen(&zaak(), Rol::Teamleider).is_err(), "een open zaak");
    }

    #[test]
    fn a_new_zaak_is_due_for_first_contact_in_a_week_then_a_review_six_weeks_after_each_action() {
        assert_eq!(volgende_termijn(&zaak(), None), Some(Termijn { datum: d("2020-10-19"), wat: "eerste contact" }));
        let t = volgende_termijn(&zaak(), Some(d("2020-12-31"))).unwrap();
        assert_eq!((t.datum, t.wat), (d("2021-02-11"), "heroverweging"), "over de jaargrens");
        let gesloten = sluit(&zaak(), d("2020-12-01"), "verzuim_gestopt", None).unwrap();
        assert_eq!(volgende_termijn(&gesloten, None), None);
    }

    fn medewerker(id: &str, rol: Rol) -> Medewerker {
        Medewerker {
            id: id.into(),
            naam: id.into(),
            email: String::new(),
            rol,
            boa: false,
            fte: 1.0,
            gemeente: None,
            in_dienst: d("2020-01-01"),
            uit_dienst: None,
        }
    }

    #[test]
    fn a_caseworker_takes_a_zaak_on_but_only_the_teamleider_gives_it_to_another() {
        let lpa = medewerker("M1", Rol::Leerplichtambtenaar);
        let collega = medewerker("M2", Rol::Leerplichtambtenaar);
        let teamleider = medewerker("M3", Rol::Teamleider);
        assert!(mag_toewijzen(&lpa, &lpa).is_ok());
        assert!(mag_toewijzen(&lpa, &collega).unwrap_err().to_string().contains("alleen een teamleider"));
        assert!(mag_toewijzen(&teamleider, &collega).is_ok());
        let administratie = medewerker("M4", Rol::Administratief);
        assert!(mag_toewijzen(&teamleider, &administratie).is_err(), "to someone who handles no zaken");
    }
}
