//! Letters and decisions from the dossier (docs/brieven.md): which letter fits which record, to whom
//! it goes, who may make it, and the terms it states. The wording is the office's template; what
//! the law fixes (the addressees, the bezwaar- or beroepstermijn, the beslistermijn) is computed
//! here so that no template or caseworker has to.
use super::Weigering;
use super::awb;
use super::leeftijd::verjaardag;
use super::status::Plichtstatus;
use super::vrijstelling::{stand, vrijstelt_van_inschrijving};
use crate::code_enum::CodeEnum;
use crate::kalender::werkdag;
use crate::model::{
    Actie, ActieSoort, Beslisser, Geadresseerde, Rol, Vrijstelling, VrijstellingStatus, Zaak, ZaakSoort, ZaakStatus,
};
use crate::{Datum, code_enum};

code_enum!(
    /// The kinds of letter the office sends, each from its own template.
    BriefSoort, "briefsoort" {
        UitnodigingGesprek = ("uitnodiging_gesprek", "Uitnodiging gesprek"),
        Waarschuwing = ("waarschuwing", "Waarschuwing"),
        OproepInschrijving = ("oproep_inschrijving", "Oproep tot inschrijving"),
        Ontvangstbevestiging = ("ontvangstbevestiging", "Ontvangstbevestiging aanvraag"),
        BeschikkingToekenning = ("beschikking_toekenning", "Beschikking: toekenning"),
        BeschikkingAfwijzing = ("beschikking_afwijzing", "Beschikking: afwijzing"),
        BeslissingOpBezwaar = ("beslissing_op_bezwaar", "Beslissing op bezwaar"),
        HaltVerwijzing = ("halt_verwijzing", "HALT-verwijzing"),
        ProcesVerbaal = ("proces_verbaal", "Proces-verbaal"),
        RmcUitnodiging = ("rmc_uitnodiging", "Uitnodiging RMC"),
        /// The RMC's summer letter to an oud-VSV-er: back to school in the new schooljaar? Made in a
        /// batch ([`toets_onderwerp`] with [`Onderwerp::Jongere`]).
        Zomeractie = ("zomeractie", "Zomeractie oud-VSV"),
        /// A granted vrijstelling ends while the youth is still leerplichtig or kwalificatieplichtig:
        /// enrol again, or ask in time for a new one. Made in a batch ([`toets_einde_vrijstelling`]).
        EindeVrijstelling = ("einde_vrijstelling", "Einde vrijstelling"),
    }
);

/// What a letter is about: the record it is made from.
#[derive(Debug, Clone, Copy)]
pub enum Onderwerp<'a> {
    /// A MAS action (the invitation, warning, HALT referral or PV it records), in its zaak.
    Actie(&'a Actie, &'a Zaak),
    Zaak(&'a Zaak),
    /// A request for vrijstelling or verlof; `bezwaar_beslist` is the date of a bezwaar the
    /// current decision answered, if it did.
    Vrijstelling(&'a Vrijstelling, Option<Datum>),
    /// The youth as such; `oud_vsv` says whether they are an oud-VSV-er on the letter's date
    /// ([`super::vsv::is_oud_vsv`]).
    Jongere {
        oud_vsv: bool,
    },
}

/// Whether a letter of `soort` can be made from `onderwerp`: each letter belongs to the record whose
/// step it announces or makes known.
pub fn toets_onderwerp(soort: BriefSoort, onderwerp: Onderwerp) -> Result<(), Weigering> {
    use BriefSoort::*;
    const REGEL: &str = "brief bij het dossier";
    let fout = |reden: String| Err(Weigering::new(REGEL, reden));
    match (soort, onderwerp) {
        (UitnodigingGesprek | RmcUitnodiging, Onderwerp::Actie(a, z)) if a.soort == ActieSoort::Uitnodiging => {
            match (soort, z.soort == ZaakSoort::Rmc) {
                (UitnodigingGesprek, true) => fout("in een RMC-zaak is de uitnodiging die van het RMC".into()),
                (RmcUitnodiging, false) => fout("de RMC-uitnodiging hoort bij een RMC-zaak".into()),
                _ => Ok(()),
            }
        }
        (Waarschuwing, Onderwerp::Actie(a, _)) if a.soort == ActieSoort::Waarschuwing => Ok(()),
        (HaltVerwijzing, Onderwerp::Actie(a, _)) if a.soort == ActieSoort::Halt => Ok(()),
        (ProcesVerbaal, Onderwerp::Actie(a, _)) if a.soort == ActieSoort::ProcesVerbaal => Ok(()),
        (OproepInschrijving, Onderwerp::Zaak(z)) => match (z.soort, z.status) {
            (ZaakSoort::AbsoluutVerzuim, s) if s != ZaakStatus::Gesloten => Ok(()),
            (ZaakSoort::AbsoluutVerzuim, _) => fout("de zaak is gesloten".into()),
            _ => fout("een oproep tot inschrijving hoort bij een zaak absoluut verzuim (Lpw art. 2 lid 1)".into()),
        },
        (Zomeractie, Onderwerp::Jongere { oud_vsv: true }) => Ok(()),
        (Zomeractie, Onderwerp::Jongere { oud_vsv: false }) => fout(
            "de jongere is op de datum van de brief geen oud-VSV'er (jonger dan 23, geen startkwalificatie, \
             niet ingeschreven, uitgevallen vóór dit schooljaar)"
                .into(),
        ),
        (
            Ontvangstbevestiging
            | BeschikkingToekenning
            | BeschikkingAfwijzing
            | BeslissingOpBezwaar
            | EindeVrijstelling,
            Onderwerp::Vrijstelling(v, bezwaar),
        ) => {
            if v.beslisser != Beslisser::Leerplichtambtenaar {
                return fout(
                    "over dit verlof beslist de directeur van de school; het bureau schrijft daarover geen besluit"
                        .into(),
                );
            }
            let beslist =
                |s| if s == VrijstellingStatus::Toegekend { BeschikkingToekenning } else { BeschikkingAfwijzing };
            if soort == EindeVrijstelling {
                // A grant under bezwaar stays in force (Awb art. 6:16), and so does its end.
                return match (vrijstelt_van_inschrijving(&v.artikel), v.status, v.geldig_tot) {
                    (false, ..) => {
                        fout("verlof loopt vanzelf af; alleen het einde van een vrijstelling wordt aangekondigd".into())
                    }
                    (true, VrijstellingStatus::Toegekend, Some(_)) => Ok(()),
                    (true, VrijstellingStatus::Toegekend, None) => {
                        fout("deze vrijstelling heeft geen einddatum".into())
                    }
                    (true, s, _) => fout(format!("de aanvraag is {}", s.label().to_lowercase())),
                };
            }
            match (soort, stand(v)) {
                (Ontvangstbevestiging, VrijstellingStatus::Aangevraagd | VrijstellingStatus::InBehandeling) => Ok(()),
                (Ontvangstbevestiging, s) => fout(format!("de aanvraag is al {}", s.label().to_lowercase())),
                (BeslissingOpBezwaar, s @ (VrijstellingStatus::Toegekend | VrijstellingStatus::Afgewezen))
                    if bezwaar.is_some() && v.status == s =>
                {
                    Ok(())
                }
                (BeslissingOpBezwaar, _) => fout("er is (nog) niet op een bezwaar beslist".into()),
                (_, s @ (VrijstellingStatus::Toegekend | VrijstellingStatus::Afgewezen)) if beslist(s) == soort => {
                    if bezwaar.is_some() {
                        return fout("dit besluit is een beslissing op bezwaar: kies die brief".into());
                    }
                    Ok(())
                }
                (_, s) => fout(format!("de aanvraag is {}", s.label().to_lowercase())),
            }
        }
        (soort, _) => {
            fout(format!("een {} hoort niet bij dit onderdeel van het dossier", soort.label().to_lowercase()))
        }
    }
}

/// Who may make a letter: everyone who works cases prepares and prints them; the letter is signed
/// by whoever took the step it makes known ([`ondertekenaar`]). A proces-verbaal is a statement of
/// the verbalisant himself: only the BOA who recorded it makes it up (Lpw art. 16a: opsporing is for
/// the leerplichtambtenaar with BOA status; Sv art. 152, 153).
pub fn mag_opstellen(
    soort: BriefSoort,
    rol: Rol,
    boa: bool,
    door: &str,
    verbalisant: Option<&str>,
) -> Result<(), Weigering> {
    if !matches!(rol, Rol::Leerplichtambtenaar | Rol::RmcConsulent | Rol::Administratief | Rol::Teamleider) {
        return Err(Weigering::new("rollen", format!("een {} schrijft geen brieven", rol.label().to_lowercase())));
    }
    if soort == BriefSoort::ProcesVerbaal {
        if !boa {
            return Err(Weigering::new(
                "Lpw art. 16a",
                "alleen een buitengewoon opsporingsambtenaar (BOA) maakt een proces-verbaal op",
            ));
        }
        if verbalisant.is_some_and(|v| v != door) {
            return Err(Weigering::new(
                "Sv art. 152, 153",
                "het proces-verbaal maakt de BOA op die het vastlegde; hij ondertekent het op zijn ambtseed",
            ));
        }
    }
    Ok(())
}

/// Who signs: whoever took the step the letter makes known (the action's, the zaak's or the
/// decision's medewerker), else whoever makes the letter.
pub fn ondertekenaar<'a>(stap: Option<&'a str>, door: &'a str) -> &'a str {
    stap.unwrap_or(door)
}

/// Letters that make a decision known: the bezwaar- or beroepstermijn runs from the day they are sent
/// (Awb art. 3:41, 6:8), so they carry the day they are made.
pub fn maakt_besluit_bekend(soort: BriefSoort) -> bool {
    matches!(
        soort,
        BriefSoort::BeschikkingToekenning | BriefSoort::BeschikkingAfwijzing | BriefSoort::BeslissingOpBezwaar
    )
}

/// The addressees of a letter on `datum` about a youth born on `geboortedatum`; [`Geadresseerde::Ouder`]
/// stands for each parent with gezag, one letter each.
///
/// Lpw art. 2 lid 1: the parents with gezag answer for enrolment and attendance; art. 2 lid 3 makes
/// the youth of 12 or older answerable for attendance too, so talks and warnings go to both. A
/// request for vrijstelling or verlof is the parents' (art. 5, 11), so its decisions go to them;
/// from 18 there is no gezag and every letter goes to the youth (art. 4a, the RMC task).
pub fn ontvangers(soort: BriefSoort, geboortedatum: Datum, datum: Datum) -> Vec<Geadresseerde> {
    use BriefSoort::*;
    match soort {
        HaltVerwijzing => return vec![Geadresseerde::Halt],
        ProcesVerbaal => return vec![Geadresseerde::OpenbaarMinisterie],
        _ => {}
    }
    if datum >= verjaardag(geboortedatum, 18) {
        return vec![Geadresseerde::Jongere];
    }
    match soort {
        UitnodigingGesprek | Waarschuwing | RmcUitnodiging | Zomeractie if datum >= verjaardag(geboortedatum, 12) => {
            vec![Geadresseerde::Ouder, Geadresseerde::Jongere]
        }
        _ => vec![Geadresseerde::Ouder],
    }
}

/// The remedy a decision states (Awb art. 3:45): against a decision, bezwaar to the body that made it
/// within six weeks (art. 6:7, 7:1); against a beslissing op bezwaar, beroep to the rechtbank of the
/// body's seat within six weeks (art. 8:1, 8:7 lid 2). The term begins the day after the letter
/// makes the decision known (art. 6:8); one posted in time and received within a week after is in
/// time too (art. 6:9 lid 2), which the letter says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rechtsmiddel {
    /// `bezwaar` or `beroep`.
    pub soort: &'static str,
    /// Where: the bestuursorgaan or the rechtbank.
    pub bij: String,
    /// The last day it must be received.
    pub uiterlijk: Datum,
}

pub fn rechtsmiddel(
    soort: BriefSoort,
    bestuursorgaan: &str,
    gemeente: &str,
    bekendgemaakt: Datum,
) -> Option<Rechtsmiddel> {
    let uiterlijk = awb::bezwaartermijn(bekendgemaakt);
    match soort {
        BriefSoort::BeschikkingToekenning | BriefSoort::BeschikkingAfwijzing => {
            Some(Rechtsmiddel { soort: "bezwaar", bij: bestuursorgaan.to_string(), uiterlijk })
        }
        // Awb art. 8:7 lid 2: the rechtbank where the gemeente's body has its seat.
        BriefSoort::BeslissingOpBezwaar => Some(Rechtsmiddel {
            soort: "beroep",
            bij: format!("de rechtbank (team bestuursrecht) van het arrondissement waarin de gemeente {gemeente} ligt"),
            uiterlijk,
        }),
        _ => None,
    }
}

/// Who decides on a request: leave (art. 11) for more than ten schooldagen the leerplichtambtenaar
/// herself (Lpw art. 14 lid 3); a vrijstelling burgemeester en wethouders (art. 3a, 5, 15), for whom
/// the leerplichtambtenaar signs by mandate.
pub fn bestuursorgaan(artikel: &str, gemeente: &str) -> String {
    if artikel.starts_with("art11") {
        format!("de leerplichtambtenaar van de gemeente {gemeente}")
    } else {
        format!("het college van burgemeester en wethouders van de gemeente {gemeente}")
    }
}

/// The talk an invitation names lies after the letter's date and after today (a letter dated back
/// still goes out today), on a working day (not on a weekend or feestdag), so that it can reach the
/// addressee first.
pub fn toets_gesprek(brief: Datum, vandaag: Datum, gesprek: Datum) -> Result<(), Weigering> {
    const REGEL: &str = "uitnodiging";
    let na = brief.max(vandaag);
    if gesprek <= na {
        return Err(Weigering::new(
            REGEL,
            format!("het gesprek ({gesprek}) moet na de datum van de brief en na vandaag ({na}) liggen"),
        ));
    }
    if !werkdag(gesprek) {
        return Err(Weigering::new(REGEL, format!("{gesprek} is geen werkdag; kies een andere dag voor het gesprek")));
    }
    Ok(())
}

/// An oproep tot inschrijving gives the parents a term to enrol the child, after the letter's date
/// and after today.
pub fn toets_inschrijftermijn(brief: Datum, vandaag: Datum, uiterlijk: Datum) -> Result<(), Weigering> {
    let na = brief.max(vandaag);
    if uiterlijk <= na {
        return Err(Weigering::new(
            "Lpw art. 2 lid 1",
            format!(
                "de termijn om in te schrijven ({uiterlijk}) moet na de datum van de brief en na vandaag ({na}) liggen"
            ),
        ));
    }
    Ok(())
}

/// The end of a vrijstelling on `einde` is announced before it comes, and only while the youth is
/// still leerplichtig (Lpw art. 2, 3) or kwalificatieplichtig (art. 4a) the day after: then the
/// parents must enrol the child again, or ask in time for a new vrijstelling.
pub fn toets_einde_vrijstelling(brief: Datum, einde: Datum, plicht_na: Plichtstatus) -> Result<(), Weigering> {
    const REGEL: &str = "einde vrijstelling";
    if brief > einde {
        return Err(Weigering::new(REGEL, format!("de vrijstelling is al afgelopen ({einde})")));
    }
    if !matches!(plicht_na, Plichtstatus::Leerplichtig | Plichtstatus::Kwalificatieplichtig) {
        return Err(Weigering::new(
            REGEL,
            format!("na {einde} is de jongere niet meer leer- of kwalificatieplichtig; er hoeft niets te gebeuren"),
        ));
    }
    Ok(())
}

/// A letter is dated today or earlier (a letter written after a phone call may carry that day), never
/// ahead, and not before the record it makes known; a letter that makes a decision known carries
/// the day it is sent, from which the bezwaar term runs ([`maakt_besluit_bekend`]).
pub fn toets_datum(soort: BriefSoort, datum: Datum, vandaag: Datum, niet_voor: Datum) -> Result<(), Weigering> {
    if maakt_besluit_bekend(soort) && datum != vandaag {
        return Err(Weigering::new(
            "Awb art. 3:41, 6:8",
            format!(
                "een besluit wordt bekendgemaakt op de dag dat de brief verzonden wordt; dateer de brief vandaag ({vandaag})"
            ),
        ));
    }
    if datum > vandaag {
        return Err(Weigering::new("briefdatum", format!("een brief kan niet vooruit gedateerd worden ({datum})")));
    }
    if datum < niet_voor {
        return Err(Weigering::new("briefdatum", format!("de brief ligt vóór wat hij bekendmaakt ({niet_voor})")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PvTegen;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    fn zaak(soort: ZaakSoort, status: ZaakStatus) -> Zaak {
        Zaak {
            id: "Z1".into(),
            jongere: "J1".into(),
            soort,
            medewerker: None,
            geopend_op: d("2021-01-04"),
            status,
            gesloten_op: None,
            reden_sluiting: None,
        }
    }

    fn actie(soort: ActieSoort) -> Actie {
        Actie {
            id: "A1".into(),
            jongere: "J1".into(),
            zaak: Some("Z1".into()),
            soort,
            datum: d("2021-01-05"),
            medewerker: None,
            pv_tegen: (soort == ActieSoort::ProcesVerbaal).then_some(PvTegen::Ouder),
            ouder: None,
            overmacht: None,
            uitkomst: None,
            uitkomst_datum: None,
            toelichting: String::new(),
        }
    }

    fn aanvraag(status: VrijstellingStatus, bezwaar_op: Option<Datum>) -> Vrijstelling {
        Vrijstelling {
            id: "V1".into(),
            jongere: "J1".into(),
            artikel: "art5_sub_a".into(),
            status,
            aanvraagdatum: d("2021-01-04"),
            besluitdatum: None,
            geldig_van: None,
            geldig_tot: None,
            beslisser: Beslisser::Leerplichtambtenaar,
            medewerker: None,
            artsverklaring_datum: None,
            swv_advies_datum: None,
            werkgeversverklaring_datum: None,
            verdaagd_tot: None,
            hoorzitting_op: None,
            dagen: None,
            toelichting: String::new(),
            bezwaar_op,
        }
    }

    #[test]
    fn each_letter_belongs_to_the_step_it_makes_known() {
        let relatief = zaak(ZaakSoort::RelatiefVerzuim, ZaakStatus::InOnderzoek);
        let rmc = zaak(ZaakSoort::Rmc, ZaakStatus::InOnderzoek);
        let uitnodiging = actie(ActieSoort::Uitnodiging);
        assert!(toets_onderwerp(BriefSoort::UitnodigingGesprek, Onderwerp::Actie(&uitnodiging, &relatief)).is_ok());
        assert!(toets_onderwerp(BriefSoort::RmcUitnodiging, Onderwerp::Actie(&uitnodiging, &rmc)).is_ok());
        assert!(toets_onderwerp(BriefSoort::UitnodigingGesprek, Onderwerp::Actie(&uitnodiging, &rmc)).is_err());
        assert!(toets_onderwerp(BriefSoort::RmcUitnodiging, Onderwerp::Actie(&uitnodiging, &relatief)).is_err());
        let halt = actie(ActieSoort::Halt);
        assert!(toets_onderwerp(BriefSoort::HaltVerwijzing, Onderwerp::Actie(&halt, &relatief)).is_ok());
        let fout = toets_onderwerp(BriefSoort::ProcesVerbaal, Onderwerp::Actie(&halt, &relatief)).unwrap_err();
        assert!(fout.reden.contains("proces-verbaal hoort niet"), "{fout}");
        let pv = actie(ActieSoort::ProcesVerbaal);
        assert!(toets_onderwerp(BriefSoort::ProcesVerbaal, Onderwerp::Actie(&pv, &relatief)).is_ok());
        assert!(
            toets_onderwerp(BriefSoort::Waarschuwing, Onderwerp::Actie(&actie(ActieSoort::Waarschuwing), &relatief))
                .is_ok()
        );
    }

    #[test]
    fn an_oproep_tot_inschrijving_is_for_an_open_zaak_absoluut_verzuim() {
        let open = zaak(ZaakSoort::AbsoluutVerzuim, ZaakStatus::Nieuw);
        assert!(toets_onderwerp(BriefSoort::OproepInschrijving, Onderwerp::Zaak(&open)).is_ok());
        let gesloten = zaak(ZaakSoort::AbsoluutVerzuim, ZaakStatus::Gesloten);
        assert!(toets_onderwerp(BriefSoort::OproepInschrijving, Onderwerp::Zaak(&gesloten)).is_err());
        let relatief = zaak(ZaakSoort::RelatiefVerzuim, ZaakStatus::Nieuw);
        let fout = toets_onderwerp(BriefSoort::OproepInschrijving, Onderwerp::Zaak(&relatief)).unwrap_err();
        assert!(fout.reden.contains("absoluut verzuim"), "{fout}");
    }

    #[test]
    fn a_decision_letter_follows_where_the_request_stands() {
        use BriefSoort::*;
        use VrijstellingStatus::*;
        let brief = |soort, v: &Vrijstelling, bezwaar| toets_onderwerp(soort, Onderwerp::Vrijstelling(v, bezwaar));
        let open = aanvraag(InBehandeling, None);
        assert!(brief(Ontvangstbevestiging, &open, None).is_ok());
        assert!(brief(BeschikkingToekenning, &open, None).is_err(), "nog niet besloten");
        let toegekend = aanvraag(Toegekend, None);
        assert!(brief(BeschikkingToekenning, &toegekend, None).is_ok());
        assert!(brief(BeschikkingAfwijzing, &toegekend, None).is_err());
        assert!(brief(Ontvangstbevestiging, &toegekend, None).unwrap_err().reden.contains("al toegekend"));
        let afgewezen = aanvraag(Afgewezen, None);
        assert!(brief(BeschikkingAfwijzing, &afgewezen, None).is_ok());
        // Under bezwaar no new decision is made known until it is decided.
        let bestreden = aanvraag(Afgewezen, Some(d("2021-03-01")));
        assert!(brief(BeschikkingAfwijzing, &bestreden, None).is_err());
        assert!(brief(BeslissingOpBezwaar, &bestreden, None).is_err());
        // Decided on the bezwaar: that letter, not a first decision.
        assert!(brief(BeslissingOpBezwaar, &toegekend, Some(d("2021-03-01"))).is_ok());
        assert!(brief(BeschikkingToekenning, &toegekend, Some(d("2021-03-01"))).is_err());
        // Leave up to ten days is the school head's decision, not the office's.
        let school = Vrijstelling { beslisser: Beslisser::Schoolleider, ..aanvraag(Toegekend, None) };
        assert!(brief(BeschikkingToekenning, &school, None).unwrap_err().reden.contains("directeur"));
    }

    #[test]
    fn only_the_boa_who_recorded_it_makes_up_a_proces_verbaal() {
        use BriefSoort::*;
        assert!(mag_opstellen(ProcesVerbaal, Rol::Leerplichtambtenaar, true, "MW1", Some("MW1")).is_ok());
        let fout = mag_opstellen(ProcesVerbaal, Rol::Leerplichtambtenaar, false, "MW1", Some("MW1")).unwrap_err();
        assert_eq!(fout.regel, "Lpw art. 16a");
        // A colleague, BOA too, does not sign another's PV.
        let fout = mag_opstellen(ProcesVerbaal, Rol::Leerplichtambtenaar, true, "MW2", Some("MW1")).unwrap_err();
        assert_eq!(fout.regel, "Sv art. 152, 153");
        assert!(mag_opstellen(UitnodigingGesprek, Rol::Administratief, false, "MW3", Some("MW1")).is_ok());
        assert!(mag_opstellen(UitnodigingGesprek, Rol::Beleidsmedewerker, false, "MW4", None).is_err());
        assert!(mag_opstellen(Waarschuwing, Rol::Gemeente, false, "MW5", None).is_err());
        // The administration prints the letter; the leerplichtambtenaar who warned signs it.
        assert_eq!(ondertekenaar(Some("MW1"), "MW3"), "MW1");
        assert_eq!(ondertekenaar(None, "MW3"), "MW3");
    }

    #[test]
    fn letters_go_to_the_parents_and_from_twelve_also_to_the_youth() {
        use Geadresseerde::*;
        let geboren = d("2009-03-31");
        // Lpw art. 2 lid 3: from the 12th birthday the youth answers for attendance too.
        assert_eq!(ontvangers(BriefSoort::UitnodigingGesprek, geboren, d("2021-03-30")), vec![Ouder]);
        assert_eq!(ontvangers(BriefSoort::UitnodigingGesprek, geboren, d("2021-03-31")), vec![Ouder, Jongere]);
        // A decision on the parents' request goes to them.
        assert_eq!(ontvangers(BriefSoort::BeschikkingAfwijzing, geboren, d("2024-01-10")), vec![Ouder]);
        // From 18 no one has gezag: the youth only.
        assert_eq!(ontvangers(BriefSoort::Waarschuwing, geboren, d("2027-03-31")), vec![Jongere]);
        assert_eq!(ontvangers(BriefSoort::BeschikkingToekenning, geboren, d("2027-03-31")), vec![Jongere]);
        assert_eq!(ontvangers(BriefSoort::ProcesVerbaal, geboren, d("2021-03-31")), vec![OpenbaarMinisterie]);
        assert_eq!(ontvangers(BriefSoort::HaltVerwijzing, geboren, d("2021-03-31")), vec![Halt]);
    }

    #[test]
    fn born_on_29_february_the_youth_is_addressed_from_1_march() {
        let geboren = d("2008-02-29");
        assert_eq!(ontvangers(BriefSoort::Waarschuwing, geboren, d("2020-02-28")).len(), 1);
        assert_eq!(ontvangers(BriefSoort::Waarschuwing, geboren, d("2020-02-29")).len(), 2, "2020 is a leap year");
        assert_eq!(ontvangers(BriefSoort::Waarschuwing, geboren, d("2026-02-28")).len(), 2);
        assert_eq!(ontvangers(BriefSoort::Waarschuwing, geboren, d("2026-03-01")), vec![Geadresseerde::Jongere]);
    }

    #[test]
    fn a_decision_names_bezwaar_within_six_weeks_and_a_decision_on_bezwaar_beroep() {
        // Awb art. 6:8: the term begins the day after bekendmaking; 42 days after Monday 4 January
        // 2021 is Monday 15 February.
        let b = rechtsmiddel(BriefSoort::BeschikkingAfwijzing, "het college", "Zwolle", d("2021-01-04")).unwrap();
        assert_eq!((b.soort, b.uiterlijk), ("bezwaar", d("2021-02-15")));
        assert_eq!(b.bij, "het college");
        // Ending on a Saturday, it runs on to the Monday (Algemene termijnenwet art. 1).
        let b = rechtsmiddel(BriefSoort::BeslissingOpBezwaar, "het college", "Zwolle", d("2021-01-09")).unwrap();
        assert_eq!((b.soort, b.uiterlijk), ("beroep", d("2021-02-22")));
        // Awb art. 8:7 lid 2: the court of the body's seat, not of the appellant's home.
        assert!(b.bij.contains("rechtbank") && b.bij.contains("gemeente Zwolle ligt"), "{}", b.bij);
        assert_eq!(rechtsmiddel(BriefSoort::Waarschuwing, "het college", "Zwolle", d("2021-01-04")), None);
    }

    #[test]
    fn leave_over_ten_days_is_the_leerplichtambtenaars_decision_a_vrijstelling_the_colleges() {
        assert_eq!(bestuursorgaan("art11_sub_g", "Zwolle"), "de leerplichtambtenaar van de gemeente Zwolle");
        assert!(bestuursorgaan("art5_sub_a", "Zwolle").starts_with("het college van burgemeester en wethouders"));
        assert!(bestuursorgaan("art15", "Zwolle").contains("college"));
    }

    #[test]
    fn the_summer_letter_is_for_an_oud_vsv_er_only() {
        assert!(toets_onderwerp(BriefSoort::Zomeractie, Onderwerp::Jongere { oud_vsv: true }).is_ok());
        let fout = toets_onderwerp(BriefSoort::Zomeractie, Onderwerp::Jongere { oud_vsv: false }).unwrap_err();
        assert!(fout.reden.contains("geen oud-VSV'er"), "{fout}");
        // Only the summer letter is about the youth as such.
        assert!(toets_onderwerp(BriefSoort::Waarschuwing, Onderwerp::Jongere { oud_vsv: true }).is_err());
        let vrijstelling =
            Vrijstelling { geldig_tot: Some(d("2021-07-31")), ..aanvraag(VrijstellingStatus::Toegekend, None) };
        assert!(toets_onderwerp(BriefSoort::Zomeractie, Onderwerp::Vrijstelling(&vrijstelling, None)).is_err());
    }

    #[test]
    fn the_end_of_a_granted_vrijstelling_with_an_end_date_is_announced() {
        use VrijstellingStatus::*;
        let einde = |v: &Vrijstelling| toets_onderwerp(BriefSoort::EindeVrijstelling, Onderwerp::Vrijstelling(v, None));
        let tot = Some(d("2021-07-31"));
        assert!(einde(&Vrijstelling { geldig_tot: tot, ..aanvraag(Toegekend, None) }).is_ok());
        let zonder = einde(&aanvraag(Toegekend, None)).unwrap_err();
        assert!(zonder.reden.contains("geen einddatum"), "{zonder}");
        assert!(einde(&Vrijstelling { geldig_tot: tot, ..aanvraag(Afgewezen, None) }).is_err());
        // Bezwaar against a grant does not suspend it (Awb art. 6:16): it still ends on its day.
        assert!(einde(&Vrijstelling { geldig_tot: tot, ..aanvraag(Toegekend, Some(d("2021-03-01"))) }).is_ok());
        let verlof = Vrijstelling { artikel: "art11_sub_g".into(), geldig_tot: tot, ..aanvraag(Toegekend, None) };
        assert!(einde(&verlof).unwrap_err().reden.contains("verlof"));
    }

    #[test]
    fn the_end_is_announced_before_it_and_only_while_a_duty_follows() {
        use Plichtstatus::*;
        let einde = d("2021-07-31");
        assert!(toets_einde_vrijstelling(d("2021-06-15"), einde, Leerplichtig).is_ok());
        // On the last day itself still in time; the day after too late.
        assert!(toets_einde_vrijstelling(einde, einde, Kwalificatieplichtig).is_ok());
        let laat = toets_einde_vrijstelling(d("2021-08-01"), einde, Leerplichtig).unwrap_err();
        assert!(laat.reden.contains("al afgelopen"), "{laat}");
        // Eighteen, or a startkwalificatie, the day after: no duty left to announce.
        for geen in [RmcDoelgroep, Geen] {
            let fout = toets_einde_vrijstelling(d("2021-06-15"), einde, geen).unwrap_err();
            assert!(fout.reden.contains("niet meer leer- of kwalificatieplichtig"), "{fout}");
        }
    }

    #[test]
    fn the_summer_letter_goes_to_the_parents_and_the_youth_and_from_eighteen_to_the_youth() {
        let geboren = d("2004-08-01");
        assert_eq!(
            ontvangers(BriefSoort::Zomeractie, geboren, d("2022-06-15")),
            vec![Geadresseerde::Ouder, Geadresseerde::Jongere]
        );
        assert_eq!(ontvangers(BriefSoort::Zomeractie, geboren, d("2022-08-01")), vec![Geadresseerde::Jongere]);
        assert_eq!(ontvangers(BriefSoort::EindeVrijstelling, geboren, d("2020-06-15")), vec![Geadresseerde::Ouder]);
    }

    #[test]
    fn a_talk_lies_after_the_letter_and_today_on_a_working_day() {
        let vandaag = d("2021-06-14");
        assert!(toets_gesprek(d("2021-06-14"), vandaag, d("2021-06-21")).is_ok());
        assert!(toets_gesprek(d("2021-06-14"), vandaag, d("2021-06-14")).is_err(), "dezelfde dag");
        let zaterdag = toets_gesprek(d("2021-06-14"), vandaag, d("2021-06-19")).unwrap_err();
        assert!(zaterdag.reden.contains("geen werkdag"), "{zaterdag}");
        // Tweede Pinksterdag 2021.
        assert!(toets_gesprek(d("2021-05-20"), d("2021-05-20"), d("2021-05-24")).is_err());
        // A letter dated back still goes out today: the talk lies after today.
        assert!(toets_gesprek(d("2021-06-01"), vandaag, d("2021-06-08")).is_err());
    }

    #[test]
    fn a_letter_is_not_dated_ahead_nor_before_what_it_makes_known_and_a_decision_goes_out_today() {
        use BriefSoort::*;
        let vandaag = d("2021-06-15");
        assert!(toets_datum(Waarschuwing, d("2021-06-15"), vandaag, d("2021-06-01")).is_ok());
        assert!(toets_datum(Waarschuwing, d("2021-06-10"), vandaag, d("2021-06-01")).is_ok(), "after a phone call");
        assert!(toets_datum(Waarschuwing, d("2021-06-16"), vandaag, d("2021-06-01")).is_err());
        assert!(toets_datum(Waarschuwing, d("2021-05-31"), vandaag, d("2021-06-01")).is_err());
        // A decision is made known the day it is sent: its bezwaar term cannot start earlier.
        let fout = toets_datum(BeschikkingAfwijzing, d("2021-06-10"), vandaag, d("2021-06-01")).unwrap_err();
        assert_eq!(fout.regel, "Awb art. 3:41, 6:8");
        assert!(toets_datum(BeslissingOpBezwaar, vandaag, vandaag, d("2021-06-01")).is_ok());
        assert!(toets_inschrijftermijn(d("2021-06-15"), vandaag, d("2021-06-15")).is_err());
        assert!(toets_inschrijftermijn(d("2021-06-15"), vandaag, d("2021-06-29")).is_ok());
        assert!(toets_inschrijftermijn(d("2021-06-01"), vandaag, d("2021-06-10")).is_err(), "dated back");
    }
}
