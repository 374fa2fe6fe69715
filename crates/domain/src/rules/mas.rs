//! Who may take which MAS measure, against whom, and when a proces-verbaal is required
//! (docs/regels.md; Lpw art. 16a–26; Methodische Aanpak Schoolverzuim).
use super::Weigering;
use super::leeftijd::verjaardag;
use super::status::Plichtstatus;
use crate::Datum;
use crate::code_enum;
use crate::code_enum::CodeEnum;
use crate::kalender::Rooster;
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
/// date of the offence (Wetboek van Strafvordering art. 486: no prosecution under 12; seed 000: "vanaf
/// de 12e verjaardag ook tegen een jongere zelf").
pub fn mag_pv_tegen(tegen: PvTegen, geboortedatum: Datum, overtreding: Datum) -> Result<(), Weigering> {
    let twaalf = verjaardag(geboortedatum, 12);
    match tegen {
        PvTegen::Jongere if overtreding < twaalf => Err(Weigering::new(
            "Sv art. 486: niet onder de 12",
            format!(
                "de jongere was op {overtreding} nog geen 12 (12 op {twaalf}): maak het proces-verbaal op tegen een ouder"
            ),
        )),
        _ => Ok(()),
    }
}

/// Luxe verzuim of more than one day, or repeated luxe verzuim, always gets a proces-verbaal unless
/// overmacht is shown (docs/regels.md; seed 000 "Voor luxe verzuim van meer dan 1 dag en voor herhaald
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

/// A HALT-afdoening is for a youth of 12 up to 18 on the date of the offence (Wetboek van Strafrecht
/// art. 77e; Besluit aanwijzing Halt-feiten: "schoolverzuim" by a jeugdige).
pub fn mag_halt(geboortedatum: Datum, overtreding: Datum) -> Result<(), Weigering> {
    let (twaalf, achttien) = (verjaardag(geboortedatum, 12), verjaardag(geboortedatum, 18));
    if overtreding < twaalf || overtreding >= achttien {
        return Err(Weigering::new(
            "Sr art. 77e: HALT van 12 tot 18",
            format!(
                "HALT is voor jongeren van 12 tot 18 op de datum van het verzuim ({overtreding}); deze jongere is 12 op {twaalf} en 18 op {achttien}"
            ),
        ));
    }
    Ok(())
}

/// HALT and proces-verbaal enforce the Leerplichtwet: the youth was leer- or kwalificatieplichtig on
/// the date of the offence (seed 000: "HALT en proces-verbaal (alleen leerplicht)"). For an 18+
/// RMC case there is no offence to report.
pub fn vereist_plicht(soort: ActieSoort, status: Plichtstatus, overtreding: Datum) -> Result<(), Weigering> {
    let plichtig = matches!(status, Plichtstatus::Leerplichtig | Plichtstatus::Kwalificatieplichtig);
    if matches!(soort, ActieSoort::Halt | ActieSoort::ProcesVerbaal) && !plichtig {
        return Err(Weigering::new(
            "Lpw art. 26: alleen bij leer- of kwalificatieplicht",
            format!(
                "een {} kan alleen bij een overtreding van de Leerplichtwet; op {overtreding} was de jongere {}",
                soort.label(),
                status.label().to_lowercase()
            ),
        ));
    }
    Ok(())
}

/// The outcomes of the list `maatregel_uitkomst` that the rules below know by name.
pub mod uitkomst {
    pub const HALT_POSITIEF: &str = "halt_positief";
    pub const HALT_NEGATIEF: &str = "halt_negatief";
    /// The OM sends the proces-verbaal on to HALT: a leerstraf (seed 000 Tabel 5).
    pub const OM_HALT: &str = "om_halt";
    pub const SCHIKKING: &str = "schikking";
    pub const ZITTING: &str = "zitting";
    pub const SEPOT: &str = "sepot";
    pub const OVERIG: &str = "overig";
    pub const ONBEKEND: &str = "onbekend";
}

/// Does the outcome fit the measure? A HALT ends positive or negative (what the HALT bureau
/// reports); a proces-verbaal in what the OM or the court did with it — including a referral to
/// HALT and a code the office added to the list — or is still unknown.
pub fn uitkomst_past(soort: ActieSoort, code: &str) -> Result<(), Weigering> {
    let halt = matches!(code, uitkomst::HALT_POSITIEF | uitkomst::HALT_NEGATIEF);
    let past = match soort {
        ActieSoort::Halt => halt,
        ActieSoort::ProcesVerbaal => !halt,
        _ => false,
    };
    if past {
        Ok(())
    } else {
        Err(Weigering::new("afhandeling HALT/PV", format!("uitkomst '{code}' past niet bij een {}", soort.label())))
    }
}

code_enum!(
    /// The columns of seed 000 Tabel 5, "HALT en PV's naar afhandeling".
    Afhandeling, "afhandeling" {
        Leerstraf = ("halt_leerstraf", "HALT (leerstraf)"),
        Schikking = ("schikking", "Schikking"),
        Zitting = ("zitting", "Zitting"),
        Overig = ("overig", "Overig (hulp en steun, sepot)"),
        Onbekend = ("onbekend", "Nog onbekend"),
    }
);

/// The Tabel 5 column of a HALT or PV by its outcome. Seed 000: "HALT-afdoeningen zijn standaard
/// leerstraffen, alle HALT-verwijzingen zijn dus onder dit kopje opgenomen", so a HALT counts as a
/// leerstraf whatever its outcome, and so does a PV the OM referred to HALT; "onder overig wordt
/// bedoeld een maatregel hulp en steun … of een sepot" — and a code the office added itself; without
/// an outcome it is "nog onbekend" ("nog geen terugkoppeling … van het OM").
pub fn afhandeling(soort: ActieSoort, code: Option<&str>) -> Afhandeling {
    match (soort, code) {
        (ActieSoort::Halt, _) | (_, Some(uitkomst::OM_HALT)) => Afhandeling::Leerstraf,
        (_, None | Some(uitkomst::ONBEKEND)) => Afhandeling::Onbekend,
        (_, Some(uitkomst::SCHIKKING)) => Afhandeling::Schikking,
        (_, Some(uitkomst::ZITTING)) => Afhandeling::Zitting,
        (_, Some(_)) => Afhandeling::Overig,
    }
}

/// School days (lesdagen of the school's `rooster`) in an absence period, for "luxe verzuim van meer
/// dan 1 dag": weekends, feestdagen and school holidays are no days of absence. An open period
/// counts its first day only, as the school has not yet said how long it lasted.
pub fn schooldagen(van: Datum, tot: Option<Datum>, rooster: &Rooster) -> u32 {
    rooster.schooldagen_tussen(van, tot.unwrap_or(van))
}

/// Registering meldingen is the work of the caseworkers, their teamleider and the administrative staff
/// who take in the schools' reports.
pub fn mag_melding_registreren(rol: Rol) -> Result<(), Weigering> {
    match rol {
        Rol::Leerplichtambtenaar | Rol::RmcConsulent | Rol::Administratief | Rol::Teamleider => Ok(()),
        rol => Err(Weigering::new(
            "rollen: meldingen registreren",
            format!("een {} registreert geen verzuimmeldingen", rol.label().to_lowercase()),
        )),
    }
}

/// The register of schools from a RIO export: the beheerder (on the command line) and the office's
/// administration (also on the Koppelingen page).
pub fn mag_scholen_bijwerken(rol: Rol) -> Result<(), Weigering> {
    match rol {
        Rol::Beheerder | Rol::Administratief => Ok(()),
        rol => Err(Weigering::new(
            "rollen: scholen bijwerken",
            format!("een {} werkt het register van scholen niet bij", rol.label().to_lowercase()),
        )),
    }
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
    fn halt_from_the_twelfth_up_to_the_eighteenth_birthday() {
        assert!(mag_halt(d("2008-05-31"), d("2020-05-31")).is_ok(), "op de 12e verjaardag");
        assert!(mag_halt(d("2008-05-31"), d("2020-05-30")).is_err());
        let w = mag_halt(d("2002-05-31"), d("2020-05-31")).unwrap_err();
        assert!(w.reden.contains("18 op 2020-05-31"), "{w}");
        assert!(mag_halt(d("2002-05-31"), d("2020-05-30")).is_ok(), "de dag voor de 18e verjaardag");
    }

    #[test]
    fn halt_and_pv_only_for_an_offence_against_the_leerplichtwet() {
        let op = d("2020-11-02");
        assert!(vereist_plicht(ProcesVerbaal, Plichtstatus::Kwalificatieplichtig, op).is_ok());
        let w = vereist_plicht(ProcesVerbaal, Plichtstatus::RmcDoelgroep, op).unwrap_err();
        assert!(
            w.reden.ends_with("op 2020-11-02 was de jongere rmc-doelgroep (18-23 zonder startkwalificatie)"),
            "{w}"
        );
        assert!(vereist_plicht(Halt, Plichtstatus::Geen, op).is_err());
        assert!(vereist_plicht(Hulpverlening, Plichtstatus::RmcDoelgroep, op).is_ok());
    }

    #[test]
    fn a_halt_ends_positive_or_negative_a_pv_with_the_oms_decision() {
        assert!(uitkomst_past(Halt, "halt_negatief").is_ok());
        assert!(uitkomst_past(ProcesVerbaal, "schikking").is_ok());
        assert!(uitkomst_past(ProcesVerbaal, "om_halt").is_ok());
        assert!(uitkomst_past(ProcesVerbaal, "onbekend").is_ok());
        assert!(uitkomst_past(ProcesVerbaal, "taakstraf").is_ok(), "a code the office added");
        assert_eq!(
            uitkomst_past(Halt, "sepot").unwrap_err().reden,
            "uitkomst 'sepot' past niet bij een HALT-verwijzing"
        );
        assert!(uitkomst_past(ProcesVerbaal, "halt_positief").is_err());
        assert!(uitkomst_past(Gesprek, "onbekend").is_err());
    }

    // Seed 000 Tabel 5, footnotes 3-5: every HALT is a leerstraf, a PV the OM sends to HALT too;
    // overig is hulp en steun or sepot; onbekend is "nog geen terugkoppeling … van het OM".
    #[test]
    fn tabel_5_counts_a_pv_referred_to_halt_as_a_leerstraf() {
        use Afhandeling::*;
        assert_eq!(afhandeling(Halt, Some("halt_negatief")), Leerstraf);
        assert_eq!(afhandeling(Halt, None), Leerstraf);
        assert_eq!(afhandeling(ProcesVerbaal, Some("om_halt")), Leerstraf);
        assert_eq!(afhandeling(ProcesVerbaal, Some("schikking")), Schikking);
        assert_eq!(afhandeling(ProcesVerbaal, Some("zitting")), Zitting);
        assert_eq!(afhandeling(ProcesVerbaal, Some("sepot")), Overig);
        assert_eq!(afhandeling(ProcesVerbaal, Some("overig")), Overig);
        assert_eq!(afhandeling(ProcesVerbaal, Some("taakstraf")), Overig, "a code the office added");
        assert_eq!(afhandeling(ProcesVerbaal, Some("onbekend")), Onbekend);
        assert_eq!(afhandeling(ProcesVerbaal, None), Onbekend);
    }

    #[test]
    fn every_shipped_outcome_fits_halt_or_pv() {
        use crate::codes::{CodeLijst, standaard};
        for c in standaard().into_iter().filter(|c| c.lijst == CodeLijst::MaatregelUitkomst) {
            assert!(
                uitkomst_past(Halt, &c.code).is_ok() != uitkomst_past(ProcesVerbaal, &c.code).is_ok(),
                "{}",
                c.code
            );
        }
    }

    #[test]
    fn school_days_skip_weekends_feestdagen_and_holidays() {
        let geen = Rooster::zonder_vakanties();
        // Friday 1 May up to Friday 8 May 2020: six weekdays, Bevrijdingsdag among them.
        assert_eq!(schooldagen(d("2020-05-01"), Some(d("2020-05-08")), &geen), 5);
        assert_eq!(schooldagen(d("2020-05-01"), Some(d("2020-05-01")), &geen), 1);
        assert_eq!(schooldagen(d("2020-05-02"), Some(d("2020-05-03")), &geen), 0, "een weekend");
        assert_eq!(schooldagen(d("2020-05-04"), None, &geen), 1);
        // Away from the Friday before the kerstvakantie (regio noord, 19 December 2020 to 3 January
        // 2021) to the Friday a week later: one school day of luxe verzuim, not six.
        let noord = crate::kalender::Kalender::nieuw(crate::kalender::ocw_vakanties(), &[], &[])
            .rooster(Some(crate::model::Vakantieregio::Noord), None);
        assert_eq!(schooldagen(d("2020-12-18"), Some(d("2020-12-25")), &noord), 1);
        assert_eq!(
            schooldagen(d("2020-12-18"), Some(d("2020-12-25")), &geen),
            5,
            "zonder kalender telt alleen Eerste Kerstdag niet"
        );
    }

    #[test]
    fn meldingen_are_registered_by_caseworkers_and_administrative_staff() {
        assert!(mag_melding_registreren(Rol::Administratief).is_ok());
        assert!(mag_melding_registreren(Rol::Gemeente).unwrap_err().reden.contains("registreert geen"));
    }

    #[test]
    fn no_action_on_a_closed_zaak() {
        assert!(zaak_open(ZaakStatus::Maatregel).is_ok());
        assert_eq!(zaak_open(ZaakStatus::Gesloten).unwrap_err().regel, "zaak gesloten");
    }
}
