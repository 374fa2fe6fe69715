//! Who may take which MAS measure, against whom, and when a proces-verbaal is required
//! (domain.md §3; Lpw art. 16a–26; Methodische Aanpak Schoolverzuim).
use super::Weigering;
use super::leeftijd::verjaardag;
use crate::Datum;
use crate::code_enum::CodeEnum;
use crate::model::{ActieSoort, PvTegen, Rol, ZaakStatus};

/// The person taking a measure: their role and whether they are a BOA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uitvoerder {
    pub rol: Rol,
    pub boa: bool,
}

/// May this person take this measure?
///
/// - HALT and proces-verbaal are acts of investigation (opsporing): only a leerplichtambtenaar who is
///   a buitengewoon opsporingsambtenaar (BOA) may issue them (Lpw art. 16a; seed 000 "HALT en
///   proces-verbaal (alleen leerplicht)").
/// - "De RMC-trajectbegeleider heeft voor de afhandeling van verzuim alleen het eerste middel tot zijn
///   beschikking" (seed 000): referral to care, besides inviting and talking — no warning, HALT or PV.
/// - Escalation (doorzettingsmacht) is for leerplichtambtenaren, RMC-consulenten and their teamleider.
/// - Staff without casework (administratief, beleid, gemeente, beheer) take no measures.
pub fn mag_maatregel(wie: Uitvoerder, soort: ActieSoort) -> Result<(), Weigering> {
    use ActieSoort::*;
    match (wie.rol, soort) {
        (Rol::Leerplichtambtenaar, Halt | ProcesVerbaal) if !wie.boa => Err(Weigering::new(
            "Lpw art. 16a: alleen een BOA",
            format!("alleen een leerplichtambtenaar met BOA-bevoegdheid mag een {} uitvaardigen", soort.label()),
        )),
        (Rol::Leerplichtambtenaar, _) => Ok(()),
        (Rol::RmcConsulent, Uitnodiging | Gesprek | Hulpverlening | PreventiefGesprek | Escalatie) => Ok(()),
        (Rol::RmcConsulent, _) => Err(Weigering::new(
            "MAS: RMC alleen het eerste middel",
            format!(
                "een RMC-trajectbegeleider heeft alleen het eerste middel (doorverwijzing naar hulpverlening), geen {}",
                soort.label()
            ),
        )),
        (Rol::Teamleider, Escalatie) => Ok(()),
        (rol, _) => Err(Weigering::new(
            "rollen: geen casuïstiek",
            format!("een {} neemt geen maatregelen in een zaak", rol.label().to_lowercase()),
        )),
    }
}

/// A proces-verbaal is made against a parent, or against the youth from the 12th birthday on the
/// date of the offence (Wetboek van Strafrecht art. 486: no prosecution under 12; seed 000: "vanaf
/// de 12e verjaardag ook tegen een jongere zelf").
pub fn mag_pv_tegen(tegen: PvTegen, geboortedatum: Datum, overtreding: Datum) -> Result<(), Weigering> {
    let twaalf = verjaardag(geboortedatum, 12);
    match tegen {
        PvTegen::Jongere if overtreding < twaalf => Err(Weigering::new(
            "Sr art. 486: niet onder de 12",
            format!(
                "de jongere was op {overtreding} nog geen 12 (12 op {twaalf}): maak het proces-verbaal op tegen een ouder"
            ),
        )),
        _ => Ok(()),
    }
}

/// Luxe verzuim of more than one day, or repeated luxe verzuim, always gets a proces-verbaal unless
/// overmacht is shown (domain.md §3; seed 000 "Voor luxe verzuim van meer dan 1 dag en voor herhaald
/// luxe verzuim (recidive) wordt … altijd proces-verbaal opgemaakt, tenzij … overmacht").
///
/// Returns the refusal for closing such a zaak without a PV; `overmacht` is the recorded reason.
pub fn luxe_verzuim_vereist_pv(
    verzuimdagen: u32,
    eerder_luxe_verzuim: bool,
    pv_opgemaakt: bool,
    overmacht: Option<&str>,
) -> Result<(), Weigering> {
    let verplicht = verzuimdagen > 1 || eerder_luxe_verzuim;
    let overmacht = overmacht.is_some_and(|o| !o.trim().is_empty());
    if !verplicht || pv_opgemaakt || overmacht {
        return Ok(());
    }
    let waarom =
        if verzuimdagen > 1 { format!("{verzuimdagen} dagen luxe verzuim") } else { "herhaald luxe verzuim".into() };
    Err(Weigering::new(
        "MAS: luxe verzuim > 1 dag of herhaald",
        format!("{waarom} vraagt om een proces-verbaal; leg anders de overmacht vast met een reden"),
    ))
}

/// A closed zaak is read-only: reopening it is its own, separate act.
pub fn zaak_open(status: ZaakStatus) -> Result<(), Weigering> {
    if status == ZaakStatus::Gesloten {
        Err(Weigering::new("zaak gesloten", "de zaak is gesloten; heropen hem eerst om een actie toe te voegen"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ActieSoort::*;

    const BOA: Uitvoerder = Uitvoerder { rol: Rol::Leerplichtambtenaar, boa: true };
    const LPA: Uitvoerder = Uitvoerder { rol: Rol::Leerplichtambtenaar, boa: false };
    const RMC: Uitvoerder = Uitvoerder { rol: Rol::RmcConsulent, boa: false };

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    #[test]
    fn only_a_boa_issues_halt_or_a_proces_verbaal() {
        assert!(mag_maatregel(BOA, Halt).is_ok());
        assert!(mag_maatregel(BOA, ProcesVerbaal).is_ok());
        let w = mag_maatregel(LPA, Halt).unwrap_err();
        assert_eq!(w.regel, "Lpw art. 16a: alleen een BOA");
        assert!(w.reden.contains("HALT-verwijzing"), "{w}");
        assert!(mag_maatregel(LPA, Waarschuwing).is_ok());
    }

    #[test]
    fn an_rmc_consulent_has_only_the_first_means() {
        for soort in [Uitnodiging, Gesprek, Hulpverlening, PreventiefGesprek, Escalatie] {
            assert!(mag_maatregel(RMC, soort).is_ok(), "{soort}");
        }
        for soort in [Waarschuwing, Halt, ProcesVerbaal] {
            let w = mag_maatregel(RMC, soort).unwrap_err();
            assert_eq!(w.regel, "MAS: RMC alleen het eerste middel", "{soort}");
        }
        // Even an RMC-consulent who happens to be a BOA.
        assert!(mag_maatregel(Uitvoerder { boa: true, ..RMC }, ProcesVerbaal).is_err());
    }

    #[test]
    fn staff_without_casework_take_no_measures() {
        let beleid = Uitvoerder { rol: Rol::Beleidsmedewerker, boa: false };
        assert_eq!(
            mag_maatregel(beleid, Gesprek).unwrap_err().reden,
            "een beleidsmedewerker neemt geen maatregelen in een zaak"
        );
        assert!(mag_maatregel(Uitvoerder { rol: Rol::Teamleider, boa: false }, Escalatie).is_ok());
    }

    #[test]
    fn a_pv_against_the_youth_from_the_twelfth_birthday_on_the_offence_date() {
        assert!(mag_pv_tegen(PvTegen::Jongere, d("2009-03-14"), d("2021-03-14")).is_ok());
        let w = mag_pv_tegen(PvTegen::Jongere, d("2009-03-14"), d("2021-03-13")).unwrap_err();
        assert!(w.reden.contains("nog geen 12 (12 op 2021-03-14)"), "{w}");
        // Against a parent at any age of the child.
        assert!(mag_pv_tegen(PvTegen::Ouder, d("2015-03-14"), d("2021-03-13")).is_ok());
        // Born on 29 February: 12 on 1 March in a non-leap year.
        assert!(mag_pv_tegen(PvTegen::Jongere, d("2008-02-29"), d("2020-02-29")).is_ok());
        assert!(mag_pv_tegen(PvTegen::Jongere, d("2009-02-28"), d("2021-02-28")).is_ok());
        assert!(mag_pv_tegen(PvTegen::Jongere, d("2008-02-29"), d("2019-02-28")).is_err());
    }

    #[test]
    fn luxe_verzuim_of_more_than_a_day_or_repeated_needs_a_pv_unless_overmacht() {
        assert!(luxe_verzuim_vereist_pv(1, false, false, None).is_ok(), "één dag, eerste keer");
        let w = luxe_verzuim_vereist_pv(5, false, false, None).unwrap_err();
        assert!(w.reden.starts_with("5 dagen luxe verzuim vraagt om een proces-verbaal"), "{w}");
        assert!(luxe_verzuim_vereist_pv(1, true, false, None).unwrap_err().reden.starts_with("herhaald"));
        assert!(luxe_verzuim_vereist_pv(5, false, true, None).is_ok(), "PV opgemaakt");
        assert!(luxe_verzuim_vereist_pv(5, false, false, Some("begrafenis grootouder in Marokko")).is_ok());
        assert!(luxe_verzuim_vereist_pv(5, false, false, Some("  ")).is_err(), "overmacht zonder reden telt niet");
    }

    #[test]
    fn no_action_on_a_closed_zaak() {
        assert!(zaak_open(ZaakStatus::Maatregel).is_ok());
        assert_eq!(zaak_open(ZaakStatus::Gesloten).unwrap_err().regel, "zaak gesloten");
    }
}
