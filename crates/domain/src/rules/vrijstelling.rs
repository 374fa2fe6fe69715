//! Vrijstellingen (Lpw art. 3a, 3b, 5, 5a, 15) and verlof (art. 11 sub f, g, art. 13a, 14): what must
//! be true before one is granted or recorded (docs/regels.md).
use super::Weigering;
use super::awb;
use super::leeftijd::verjaardag;
use super::status::{Leerplichtfeiten, Plichtstatus};
use crate::code_enum::CodeEnum;
use crate::kalender::Rooster;
use crate::model::{Beslisser, Rol, Vrijstelling, VrijstellingStatus};
use crate::{Datum, SchoolJaar};
use chrono::Months;

/// The youth's other granted leave in the same schooljaar: art. 11 sub f is once a year (art. 13a),
/// and the school head gives art. 11 sub g leave up to 10 school days per schooljaar (art. 14).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EerderVerlof {
    pub art11f: bool,
    pub dagen_11g: u32,
}

/// The granted leave among `andere` (the youth's other records) in the schooljaar `v` starts in.
pub fn eerder_verlof(v: &Vrijstelling, andere: &[Vrijstelling]) -> EerderVerlof {
    let Some(jaar) = v.geldig_van.map(SchoolJaar::van) else { return EerderVerlof::default() };
    let eerder = || {
        andere.iter().filter(move |e| {
            e.id != v.id
                && e.status == VrijstellingStatus::Toegekend
                && e.geldig_van.is_some_and(|van| SchoolJaar::van(van) == jaar)
        })
    };
    EerderVerlof {
        art11f: eerder().any(|e| e.artikel == "art11_sub_f"),
        dagen_11g: eerder().filter(|e| e.artikel == "art11_sub_g").filter_map(|e| e.dagen).sum(),
    }
}

/// Checks a vrijstelling or verlof that is being granted (or, for leave the school head gives,
/// recorded). `rooster` holds the lesdagen of the youth's school (for vakantieverlof).
pub fn toets_toekenning(
    v: &Vrijstelling,
    feiten: &Leerplichtfeiten,
    eerder: EerderVerlof,
    rooster: &Rooster,
) -> Result<(), Weigering> {
    let Some(van) = v.geldig_van else {
        return Err(Weigering::new("vrijstelling", "vul in vanaf wanneer de vrijstelling geldt"));
    };
    toets_beslisser(&v.artikel, v.dagen, eerder.dagen_11g, v.beslisser)?;
    let besluit = v.besluitdatum.unwrap_or(v.aanvraagdatum);
    match v.artikel.as_str() {
        "art3a" => vanaf_veertien(feiten, van),
        "art3b" => laatste_leerplichtjaar(feiten, van),
        "art5_sub_a" => lichamelijk_of_psychisch(v, besluit),
        "art5_sub_b" => richting(v, feiten, van),
        "art5_sub_c" => een_schooljaar(v, van, "Lpw art. 5 sub c, art. 9"),
        "art11_sub_f" => beroep_ouder(v, van, eerder.art11f, rooster),
        "art15" => ander_onderwijs(feiten, van),
        _ => Ok(()),
    }
}

/// Who decides (Lpw art. 11, 13a, 14): the school head on leave for a parent's job (11 sub f) and
/// on leave for important circumstances (11 sub g) while the youth's 11 sub g leave stays within
/// 10 school days per schooljaar; the leerplichtambtenaar on longer leave and on every vrijstelling.
///
/// `eerder_dagen_11g`: the 11 sub g days the youth already has this schooljaar.
pub fn toets_beslisser(
    artikel: &str,
    dagen: Option<u32>,
    eerder_dagen_11g: u32,
    wie: Beslisser,
) -> Result<(), Weigering> {
    use Beslisser::*;
    match (artikel, wie) {
        ("art11_sub_f", Leerplichtambtenaar) => Err(Weigering::new(
            "Lpw art. 11 sub f, art. 13a",
            "over verlof wegens het beroep van een ouder beslist alleen de directeur van de school",
        )),
        ("art11_sub_g", _) => {
            const REGEL: &str = "Lpw art. 11 sub g, art. 14";
            let Some(d) = dagen else { return Err(Weigering::new(REGEL, "vul het aantal schooldagen verlof in")) };
            let totaal = eerder_dagen_11g + d;
            let hoeveel = if eerder_dagen_11g == 0 {
                format!("over {d} dagen verlof")
            } else {
                format!("over {d} dagen verlof (met de {eerder_dagen_11g} eerdere dagen dit schooljaar {totaal})")
            };
            match wie {
                Schoolleider if totaal > 10 => Err(Weigering::new(
                    REGEL,
                    format!(
                        "{hoeveel}: meer dan 10 per schooljaar, daarover beslist de leerplichtambtenaar, niet de directeur"
                    ),
                )),
                Leerplichtambtenaar if totaal <= 10 => Err(Weigering::new(
                    REGEL,
                    format!(
                        "{hoeveel}: 10 of minder per schooljaar, daarover beslist de directeur; de leerplichtambtenaar legt het alleen vast"
                    ),
                )),
                _ => Ok(()),
            }
        }
        (a, Schoolleider) if !a.starts_with("art11") => Err(Weigering::new(
            "Lpw art. 11, 13a, 14",
            format!(
                "de directeur van de school geeft alleen verlof (art. 11 sub f en g); over een vrijstelling op grond van {} beslist de leerplichtambtenaar",
                artikelnaam(a)
            ),
        )),
        _ => Ok(()),
    }
}

/// "art5_sub_a" → "art. 5 sub a", for messages.
pub fn artikelnaam(artikel: &str) -> String {
    match artikel.strip_prefix("art") {
        Some(rest) => format!("art. {}", rest.replace("_sub_", " sub ")),
        None => artikel.to_string(),
    }
}

/// Art. 3a: vervangende leerplicht is for a youth from 14.
fn vanaf_veertien(feiten: &Leerplichtfeiten, van: Datum) -> Result<(), Weigering> {
    let veertien = verjaardag(feiten.geboortedatum(), 14);
    if van < veertien {
        return Err(Weigering::new(
            "Lpw art. 3a",
            format!("vervangende leerplicht kan pas vanaf 14 jaar; de jongere wordt 14 op {veertien}"),
        ));
    }
    Ok(())
}

/// Art. 3b: only in the last schooljaar of volledige leerplicht.
fn laatste_leerplichtjaar(feiten: &Leerplichtfeiten, van: Datum) -> Result<(), Weigering> {
    let einde = feiten.op(van).map_err(|e| Weigering::new("Lpw art. 3b", e.to_string()))?.leerplicht_einde;
    let laatste = SchoolJaar::van(einde);
    if SchoolJaar::van(van) != laatste {
        return Err(Weigering::new(
            "Lpw art. 3b",
            format!("art. 3b geldt alleen in het laatste leerplichtjaar ({laatste}), niet in {}", SchoolJaar::van(van)),
        ));
    }
    Ok(())
}

/// Art. 5 sub a: a statement of an independent doctor, at most 3 months old when the request is
/// made (Lpw art. 7 lid 2), and the samenwerkingsverband's advice before the decision.
fn lichamelijk_of_psychisch(v: &Vrijstelling, besluit: Datum) -> Result<(), Weigering> {
    const REGEL: &str = "Lpw art. 5 sub a, art. 7";
    let Some(arts) = v.artsverklaring_datum else {
        return Err(Weigering::new(
            REGEL,
            "een vrijstelling op grond van art. 5 sub a vraagt een verklaring van een onafhankelijk arts; die ontbreekt",
        ));
    };
    artsverklaring_actueel(arts, v.aanvraagdatum)?;
    match v.swv_advies_datum {
        None => Err(Weigering::new(REGEL, "vraag eerst advies aan het samenwerkingsverband; dat advies ontbreekt")),
        Some(advies) if advies > besluit => Err(Weigering::new(
            REGEL,
            format!("het advies van het samenwerkingsverband ({advies}) kwam na het besluit ({besluit})"),
        )),
        Some(_) => Ok(()),
    }
}

/// Lpw art. 7 lid 2: the doctor's statement of `arts` was at most 3 months old on the request's
/// `aanvraagdatum`. Read both for a request and for the statement received with it.
pub fn artsverklaring_actueel(arts: Datum, aanvraagdatum: Datum) -> Result<(), Weigering> {
    if arts + Months::new(3) < aanvraagdatum {
        return Err(Weigering::new(
            "Lpw art. 5 sub a, art. 7",
            format!("de artsverklaring van {arts} was bij de aanvraag ({aanvraagdatum}) ouder dan 3 maanden"),
        ));
    }
    Ok(())
}

/// Art. 5 sub b: for one schooljaar at a time, notified before 1 July (the first time: at least a
/// month before leerplicht starts) (Lpw art. 8).
fn richting(v: &Vrijstelling, feiten: &Leerplichtfeiten, van: Datum) -> Result<(), Weigering> {
    const REGEL: &str = "Lpw art. 5 sub b, art. 8";
    een_schooljaar(v, van, REGEL)?;
    let schooljaar = SchoolJaar::van(van);
    let begin = feiten.op(van).map_err(|e| Weigering::new(REGEL, e.to_string()))?.leerplicht_begin;
    let eerste_keer = SchoolJaar::van(begin) == schooljaar;
    let uiterlijk = if eerste_keer {
        begin - Months::new(1)
    } else {
        Datum::from_ymd_opt(schooljaar.beginjaar(), 6, 30).expect("30 juni bestaat")
    };
    if v.aanvraagdatum > uiterlijk {
        let wanneer = if eerste_keer { "een maand voor het begin van de leerplicht" } else { "vóór 1 juli" };
        return Err(Weigering::new(
            REGEL,
            format!(
                "de kennisgeving voor {schooljaar} moest {wanneer} binnen zijn (uiterlijk {uiterlijk}), niet op {}",
                v.aanvraagdatum
            ),
        ));
    }
    Ok(())
}

/// Art. 5 sub b (a notification each year, art. 8) and 5 sub c (proof each year, art. 9) hold for
/// one schooljaar at a time: an end date is required, at the latest 31 July of that schooljaar.
fn een_schooljaar(v: &Vrijstelling, van: Datum, regel: &'static str) -> Result<(), Weigering> {
    let schooljaar = SchoolJaar::van(van);
    match v.geldig_tot {
        Some(tot) if SchoolJaar::van(tot) == schooljaar => Ok(()),
        _ => Err(Weigering::new(
            regel,
            format!(
                "deze vrijstelling geldt voor één schooljaar ({schooljaar}): vul een einddatum in, uiterlijk {}",
                schooljaar.laatste_dag()
            ),
        )),
    }
}

/// Art. 11 sub f with art. 13a (vakantieverlof): leave for a parent's job (granted by the school
/// head only, see [`toets_beslisser`]) on the employer's statement, at most 10 school days, once per
/// schooljaar, and never in the first two lesweken of the schooljaar (art. 13a lid 2: "kan geen
/// betrekking hebben op de eerste twee lesweken van het schooljaar"), which the school's calendar
/// decides.
fn beroep_ouder(v: &Vrijstelling, van: Datum, eerder: bool, rooster: &Rooster) -> Result<(), Weigering> {
    const REGEL: &str = "Lpw art. 11 sub f, art. 13a";
    if v.dagen.is_none_or(|d| d > 10) {
        return Err(Weigering::new(
            REGEL,
            "verlof wegens het beroep van een ouder is ten hoogste 10 schooldagen; vul het aantal dagen in",
        ));
    }
    if eerder {
        return Err(Weigering::new(REGEL, "verlof wegens het beroep van een ouder kan één keer per schooljaar"));
    }
    if v.werkgeversverklaring_datum.is_none() {
        return Err(Weigering::new(
            REGEL,
            "vul de datum van de werkgeversverklaring in: die toont dat de ouder in geen enkele schoolvakantie vrij kan nemen",
        ));
    }
    let jaar = SchoolJaar::van(van);
    let Some((eerste, tweede_einde)) = rooster.eerste_lesweken(jaar) else {
        return Err(Weigering::new(
            REGEL,
            format!(
                "de zomervakantie vóór {jaar} staat niet in de schoolkalender van deze school; zonder de eerste twee lesweken is dit verlof niet te toetsen (voer de schoolvakanties in)"
            ),
        ));
    };
    if van <= tweede_einde && v.geldig_tot.unwrap_or(van) >= eerste {
        return Err(Weigering::new(
            REGEL,
            format!(
                "dit verlof valt in de eerste twee lesweken van het schooljaar ({eerste} tot en met {tweede_einde}); daarin kan het niet"
            ),
        ));
    }
    Ok(())
}

/// Art. 15: only for a kwalificatieplichtige youth.
fn ander_onderwijs(feiten: &Leerplichtfeiten, van: Datum) -> Result<(), Weigering> {
    let status = feiten.op(van).map_err(|e| Weigering::new("Lpw art. 15", e.to_string()))?.status;
    if status != Plichtstatus::Kwalificatieplichtig {
        return Err(Weigering::new(
            "Lpw art. 15",
            format!(
                "art. 15 geldt alleen voor een kwalificatieplichtige jongere; op {van} is de jongere {}",
                status.label().to_lowercase()
            ),
        ));
    }
    Ok(())
}

/// By when the office must decide on `v`, if it waits on the office: a request (Awb art. 4:13, 4:14)
/// or a bezwaar against its decision (Awb art. 7:10; twelve weeks when the gemeente has a
/// `bezwaarcommissie`, art. 7:13). Leave the school head decides is not the office's.
pub fn beslissen_uiterlijk(v: &Vrijstelling, bezwaarcommissie: bool) -> Option<Datum> {
    if v.beslisser != Beslisser::Leerplichtambtenaar {
        return None;
    }
    match stand(v) {
        VrijstellingStatus::Aangevraagd | VrijstellingStatus::InBehandeling => {
            Some(awb::beslistermijn(v.aanvraagdatum, v.verdaagd_tot))
        }
        VrijstellingStatus::BezwaarBeroep => {
            let bezwaar = v.bezwaar_op?;
            Some(awb::beslistermijn_bezwaar(v.besluitdatum.unwrap_or(bezwaar), bezwaar, bezwaarcommissie))
        }
        _ => None,
    }
}

/// Verlof (art. 11) is leave from a school the youth stays enrolled at; every other article frees
/// the youth from enrolment or from attending, so only those exclude absoluut verzuim.
pub fn vrijstelt_van_inschrijving(artikel: &str) -> bool {
    !artikel.starts_with("art11")
}

/// What DUO's register should hold of `v` (the vrijstellingsgegevens of the register
/// onderwijsdeelnemers, Besluit register onderwijsdeelnemers § 2.2; before August 2020 the register
/// vrijstellingen en vervangende leerplicht; the office registers through its package): from and until when, for a granted
/// vrijstelling or vervangende leerplicht (art. 3a, 3b, 5, 5a, 15). Not for verlof (art. 11: the
/// youth stays enrolled), a request not yet decided, a refusal or a withdrawn request. A grant under
/// bezwaar stays in force (Awb art. 6:16) and stays registered.
pub fn in_duo_register(v: &Vrijstelling) -> Option<(Datum, Option<Datum>)> {
    (v.status == VrijstellingStatus::Toegekend && vrijstelt_van_inschrijving(&v.artikel))
        .then_some(())
        .and(v.geldig_van.map(|van| (van, v.geldig_tot)))
}

/// Is a granted vrijstelling running on this date (it then excludes absoluut verzuim)?
pub fn loopt_op(v: &Vrijstelling, datum: Datum) -> bool {
    use crate::model::VrijstellingStatus::Toegekend;
    v.status == Toegekend && v.geldig_van.is_some_and(|van| van <= datum) && v.geldig_tot.is_none_or(|tot| datum <= tot)
}

/// Does `v` count among the vrijstellingen of schooljaar `jaar` in the art. 25 opgave, and on which
/// date are the youth's gemeente and age taken? The opgave counts "youths living in the gemeente on
/// 1 August with a vrijstelling, plus those granted later that schooljaar": a vrijstelling (not
/// verlof) running on 1 August counts on 1 August; one granted later in the schooljaar on its
/// besluitdatum.
pub fn art25_peildatum(v: &Vrijstelling, jaar: SchoolJaar) -> Option<Datum> {
    if !vrijstelt_van_inschrijving(&v.artikel) || v.status != VrijstellingStatus::Toegekend {
        return None;
    }
    if loopt_op(v, jaar.eerste_dag()) {
        return Some(jaar.eerste_dag());
    }
    v.besluitdatum.filter(|b| jaar.bevat(*b))
}

/// A granted vrijstelling (not verlof) whose validity ends within `binnen` days from `datum`: 5 sub b
/// holds for one schooljaar and 5 sub c needs proof every year (Lpw art. 8, 9), so the office asks
/// in time.
pub fn te_verlengen(v: &Vrijstelling, datum: Datum, binnen: u32) -> bool {
    vrijstelt_van_inschrijving(&v.artikel)
        && v.status == VrijstellingStatus::Toegekend
        && v.geldig_tot.is_some_and(|tot| datum <= tot && tot <= datum + chrono::Days::new(binnen.into()))
}

/// Registering requests, leave the school granted, completions and objections: the office's
/// leerplichtambtenaren, its administration and the teamleider.
pub fn mag_registreren(rol: Rol) -> Result<(), Weigering> {
    match rol {
        Rol::Leerplichtambtenaar | Rol::Administratief | Rol::Teamleider => Ok(()),
        rol => Err(Weigering::new(
            "rollen: vrijstellingen registreren",
            format!("een {} registreert geen vrijstellingen of verlof", rol.label().to_lowercase()),
        )),
    }
}

/// Deciding on a vrijstelling or on leave over 10 days is the leerplichtambtenaar's (Lpw art. 14
/// lid 3; for the vrijstellingen of art. 3a–15 under mandate of burgemeester en wethouders).
pub fn mag_beslissen(rol: Rol) -> Result<(), Weigering> {
    match rol {
        Rol::Leerplichtambtenaar => Ok(()),
        rol => Err(Weigering::new(
            "rollen: besluiten over vrijstelling en verlof",
            format!(
                "alleen een leerplichtambtenaar besluit over vrijstelling en verlof, een {} niet",
                rol.label().to_lowercase()
            ),
        )),
    }
}

const VERLOOP: &str = "verloop van een aanvraag";

/// Where a request stands in its procedure: its status, or bezwaar/beroep while one is pending
/// against the decision. The decision itself stays in `status` and stays in force (Awb art. 6:16),
/// so a contested grant keeps running ([`loopt_op`]).
pub fn stand(v: &Vrijstelling) -> VrijstellingStatus {
    use VrijstellingStatus::*;
    match v.status {
        Toegekend | Afgewezen if v.bezwaar_op.is_some() => BezwaarBeroep,
        s => s,
    }
}

/// A request's course: aangevraagd → in behandeling → toegekend or afgewezen; withdrawn only
/// before the decision; a decision stands unless bezwaar or beroep is made, which a new decision
/// ends (Awb art. 6:4, 7:11).
pub fn overgang(van: VrijstellingStatus, naar: VrijstellingStatus) -> Result<(), Weigering> {
    use VrijstellingStatus::*;
    let mag = match naar {
        Aangevraagd => false,
        InBehandeling => van == Aangevraagd,
        Toegekend | Afgewezen => matches!(van, Aangevraagd | InBehandeling | BezwaarBeroep),
        BezwaarBeroep => matches!(van, Toegekend | Afgewezen),
        Ingetrokken => matches!(van, Aangevraagd | InBehandeling),
    };
    if mag {
        return Ok(());
    }
    let besloten = |van: VrijstellingStatus| van.label().to_lowercase();
    let reden = match (van, naar) {
        (Ingetrokken, _) => "de aanvraag is ingetrokken; registreer zo nodig een nieuwe aanvraag".to_string(),
        (Toegekend | Afgewezen, Toegekend | Afgewezen) => format!(
            "op deze aanvraag is al besloten ({}); een nieuw besluit volgt alleen op bezwaar of beroep",
            besloten(van)
        ),
        (Toegekend | Afgewezen, Ingetrokken) => {
            format!("na het besluit ({}) kan de aanvraag niet meer worden ingetrokken", besloten(van))
        }
        (BezwaarBeroep, BezwaarBeroep) => "er loopt al bezwaar of beroep".to_string(),
        (BezwaarBeroep, _) => "er loopt bezwaar of beroep; dat eindigt met een nieuw besluit".to_string(),
        (_, BezwaarBeroep) => "bezwaar of beroep kan pas tegen een besluit".to_string(),
        (_, _) => format!("een aanvraag die {} is, gaat niet naar {}", besloten(van), besloten(naar)),
    };
    Err(Weigering::new(VERLOOP, reden))
}

/// A request can be completed (doctor's statement, advice, dates) while no decision stands.
pub fn nog_open(status: VrijstellingStatus) -> Result<(), Weigering> {
    use VrijstellingStatus::*;
    match status {
        Aangevraagd | InBehandeling | BezwaarBeroep => Ok(()),
        s => Err(Weigering::new(
            VERLOOP,
            format!("de aanvraag is {}; aanvullen kan alleen zolang er niet besloten is", s.label().to_lowercase()),
        )),
    }
}

/// Awb art. 3:46: a decision rests on reasons; a refusal without them is not taken.
pub fn motivering(toekennen: bool, toelichting: &str) -> Result<(), Weigering> {
    if !toekennen && toelichting.trim().is_empty() {
        return Err(Weigering::new(
            "Awb art. 3:46",
            "een afwijzing vermeldt waarom; vul de reden in de toelichting in",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GEEN: EerderVerlof = EerderVerlof { art11f: false, dagen_11g: 0 };

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    fn feiten(geboren: &str) -> Leerplichtfeiten {
        Leerplichtfeiten::nieuw(d(geboren), None, None, None).unwrap()
    }

    fn noord() -> Rooster {
        crate::kalender::Kalender::nieuw(crate::kalender::ocw_vakanties(), &[], &[])
            .rooster(Some(crate::model::Vakantieregio::Noord), None)
    }

    #[test]
    fn duos_register_holds_granted_vrijstellingen_and_vervangende_leerplicht_but_no_verlof() {
        let v = aanvraag("art5_sub_a", "2020-09-01", "2020-10-01");
        assert_eq!(in_duo_register(&v), Some((d("2020-10-01"), None)));
        let tot = Vrijstelling { geldig_tot: Some(d("2021-07-31")), ..aanvraag("art3a", "2020-09-01", "2020-10-01") };
        assert_eq!(in_duo_register(&tot), Some((d("2020-10-01"), Some(d("2021-07-31")))));
        assert_eq!(in_duo_register(&aanvraag("art11_sub_f", "2020-09-01", "2020-10-01")), None, "verlof");
        for status in [VrijstellingStatus::Aangevraagd, VrijstellingStatus::Afgewezen, VrijstellingStatus::Ingetrokken]
        {
            assert_eq!(in_duo_register(&Vrijstelling { status, ..v.clone() }), None, "{status}");
        }
        // Under bezwaar the grant stands (Awb art. 6:16).
        let betwist = Vrijstelling { bezwaar_op: Some(d("2020-11-01")), ..v.clone() };
        assert!(in_duo_register(&betwist).is_some());
    }

    fn aanvraag(artikel: &str, aanvraag: &str, van: &str) -> Vrijstelling {
        Vrijstelling {
            id: "V1".into(),
            jongere: "J1".into(),
            artikel: artikel.into(),
            status: VrijstellingStatus::Toegekend,
            aanvraagdatum: d(aanvraag),
            besluitdatum: Some(d(aanvraag)),
            geldig_van: Some(d(van)),
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
            bezwaar_op: None,
        }
    }

    #[test]
    fn a_yearly_vrijstelling_needs_an_end_within_its_schooljaar() {
        // Art. 9: "jaarlijks" proof of the school abroad; art. 8: a notification per schooljaar.
        let zonder_einde = aanvraag("art5_sub_c", "2020-07-01", "2020-08-01");
        let w = toets_toekenning(
            &zonder_einde,
            &feiten("2010-01-10"),
            EerderVerlof::default(),
            &Rooster::zonder_vakanties(),
        )
        .unwrap_err();
        assert_eq!(w.regel, "Lpw art. 5 sub c, art. 9");
        assert!(w.reden.ends_with("vul een einddatum in, uiterlijk 2021-07-31"), "{w}");
        let een_jaar = Vrijstelling { geldig_tot: Some(d("2021-07-31")), ..zonder_einde };
        assert!(
            toets_toekenning(&een_jaar, &feiten("2010-01-10"), EerderVerlof::default(), &Rooster::zonder_vakanties())
                .is_ok()
        );
    }

    #[test]
    fn art_5_sub_a_is_refused_without_the_doctors_statement() {
        let mut v = aanvraag("art5_sub_a", "2021-02-01", "2021-04-01");
        v.besluitdatum = Some(d("2021-03-15"));
        v.swv_advies_datum = Some(d("2021-03-01"));
        let w = toets_toekenning(&v, &feiten("2012-05-05"), GEEN, &Rooster::zonder_vakanties()).unwrap_err();
        assert_eq!(w.regel, "Lpw art. 5 sub a, art. 7");
        assert!(w.reden.contains("verklaring van een onafhankelijk arts"), "{w}");

        v.artsverklaring_datum = Some(d("2021-01-20"));
        assert!(toets_toekenning(&v, &feiten("2012-05-05"), GEEN, &Rooster::zonder_vakanties()).is_ok());
        v.artsverklaring_datum = Some(d("2020-10-31"));
        assert!(
            toets_toekenning(&v, &feiten("2012-05-05"), GEEN, &Rooster::zonder_vakanties())
                .unwrap_err()
                .reden
                .contains("ouder dan 3 maanden")
        );
        v.artsverklaring_datum = Some(d("2021-01-20"));
        v.swv_advies_datum = None;
        assert!(
            toets_toekenning(&v, &feiten("2012-05-05"), GEEN, &Rooster::zonder_vakanties())
                .unwrap_err()
                .reden
                .contains("samenwerkingsverband")
        );
    }

    #[test]
    fn art_5_sub_b_is_per_schooljaar_and_notified_before_1_july() {
        let kind = feiten("2010-05-05");
        let richting = |aanvraagdatum, van| Vrijstelling {
            geldig_tot: Some(d("2022-07-31")),
            ..aanvraag("art5_sub_b", aanvraagdatum, van)
        };
        assert!(
            toets_toekenning(&richting("2021-06-30", "2021-08-01"), &kind, GEEN, &Rooster::zonder_vakanties()).is_ok()
        );
        let w = toets_toekenning(&richting("2021-07-01", "2021-08-01"), &kind, GEEN, &Rooster::zonder_vakanties())
            .unwrap_err();
        assert!(w.reden.contains("vóór 1 juli binnen zijn (uiterlijk 2021-06-30)"), "{w}");
        let mut twee_jaar = richting("2021-06-01", "2021-08-01");
        twee_jaar.geldig_tot = Some(d("2022-08-31"));
        assert!(
            toets_toekenning(&twee_jaar, &kind, GEEN, &Rooster::zonder_vakanties())
                .unwrap_err()
                .reden
                .contains("één schooljaar")
        );
        twee_jaar.geldig_tot = None;
        assert!(
            toets_toekenning(&twee_jaar, &kind, GEEN, &Rooster::zonder_vakanties())
                .unwrap_err()
                .reden
                .contains("vul een einddatum in")
        );
        // The first time: a month before leerplicht starts (born 2016-09-14 → leerplichtig 2021-10-01).
        let jong = feiten("2016-09-14");
        assert!(
            toets_toekenning(&richting("2021-09-01", "2021-10-01"), &jong, GEEN, &Rooster::zonder_vakanties()).is_ok()
        );
        assert!(
            toets_toekenning(&richting("2021-09-02", "2021-10-01"), &jong, GEEN, &Rooster::zonder_vakanties()).is_err()
        );
    }

    #[test]
    fn leave_under_art_11_g_over_ten_days_is_the_leerplichtambtenaars_decision() {
        let kind = feiten("2012-05-05");
        let mut v = aanvraag("art11_sub_g", "2021-03-01", "2021-03-15");
        v.dagen = Some(12);
        assert!(toets_toekenning(&v, &kind, GEEN, &Rooster::zonder_vakanties()).is_ok());
        v.beslisser = Beslisser::Schoolleider;
        assert!(
            toets_toekenning(&v, &kind, GEEN, &Rooster::zonder_vakanties())
                .unwrap_err()
                .reden
                .contains("beslist de leerplichtambtenaar")
        );
        v.dagen = Some(10);
        assert!(
            toets_toekenning(&v, &kind, GEEN, &Rooster::zonder_vakanties()).is_ok(),
            "tot en met 10 dagen: de directeur, alleen vastgelegd"
        );
        v.beslisser = Beslisser::Leerplichtambtenaar;
        assert!(
            toets_toekenning(&v, &kind, GEEN, &Rooster::zonder_vakanties())
                .unwrap_err()
                .reden
                .contains("beslist de directeur")
        );
    }

    #[test]
    fn the_office_decides_a_request_within_eight_weeks_and_a_bezwaar_within_six_after_its_term() {
        let mut v = aanvraag("art5_sub_c", "2021-01-04", "2021-02-01");
        v.status = VrijstellingStatus::Aangevraagd;
        v.besluitdatum = None;
        assert_eq!(beslissen_uiterlijk(&v, false), Some(d("2021-03-01")));
        assert_eq!(beslissen_uiterlijk(&v, true), Some(d("2021-03-01")), "the committee is for bezwaren");
        v.status = VrijstellingStatus::Toegekend;
        v.besluitdatum = Some(d("2021-03-01"));
        assert_eq!(beslissen_uiterlijk(&v, false), None, "besloten, geen bezwaar");
        v.bezwaar_op = Some(d("2021-03-20"));
        assert_eq!(
            beslissen_uiterlijk(&v, false),
            Some(d("2021-05-25")),
            "bezwaartermijn tot 12 april, + 6 weken, Pinksteren"
        );
        // Awb art. 7:10 lid 1: "binnen twaalf weken" when a committee (art. 7:13) is set up.
        assert_eq!(beslissen_uiterlijk(&v, true), Some(d("2021-07-05")));
        let school = Vrijstelling { beslisser: Beslisser::Schoolleider, ..v };
        assert_eq!(beslissen_uiterlijk(&school, false), None);
    }

    #[test]
    fn art_25_counts_who_had_one_on_1_august_and_who_got_one_later_in_the_year() {
        let jaar = SchoolJaar::beginnend_in(2020);
        let lopend =
            Vrijstelling { geldig_tot: Some(d("2020-09-30")), ..aanvraag("art5_sub_c", "2019-10-01", "2019-10-01") };
        assert_eq!(
            art25_peildatum(&lopend, jaar),
            Some(d("2020-08-01")),
            "liep op 1 augustus, ook al eindigt hij in september"
        );
        let later = aanvraag("art5_sub_a", "2021-01-15", "2021-02-01");
        assert_eq!(art25_peildatum(&later, jaar), Some(d("2021-01-15")), "toegekend in januari");
        let verlopen = Vrijstelling { geldig_tot: Some(d("2020-07-31")), ..lopend.clone() };
        assert_eq!(art25_peildatum(&verlopen, jaar), None, "liep af op 31 juli");
        let volgend_jaar = aanvraag("art5_sub_b", "2021-08-01", "2021-08-01");
        assert_eq!(art25_peildatum(&volgend_jaar, jaar), None);
        let verlof = aanvraag("art11_sub_g", "2020-09-01", "2020-09-14");
        assert_eq!(art25_peildatum(&verlof, jaar), None, "verlof is geen vrijstelling");
        let afgewezen = Vrijstelling { status: VrijstellingStatus::Afgewezen, ..later };
        assert_eq!(art25_peildatum(&afgewezen, jaar), None);
    }

    #[test]
    fn leave_under_art_11_f_once_a_year_at_most_ten_days_not_in_the_first_two_lesweken() {
        // Art. 13a: "eenmaal per schooljaar … ten hoogste tien schooldagen … niet … gedurende de
        // eerste twee lesweken van het schooljaar". Regio noord's zomervakantie 2021 ended on
        // Sunday 22 August: the first two lesweken run from 23 August to 5 September.
        let (kind, noord) = (feiten("2012-05-05"), noord());
        let mut v = aanvraag("art11_sub_f", "2021-06-01", "2021-09-06");
        v.geldig_tot = Some(d("2021-09-17"));
        v.beslisser = Beslisser::Schoolleider;
        v.dagen = Some(10);
        v.werkgeversverklaring_datum = Some(d("2021-05-20"));
        assert_eq!(toets_toekenning(&v, &kind, GEEN, &noord), Ok(()), "vanaf de derde lesweek");
        let w = toets_toekenning(&v, &kind, EerderVerlof { art11f: true, ..GEEN }, &noord).unwrap_err();
        assert!(w.reden.contains("één keer per schooljaar"), "{w}");
        // Not from 15 August any more: that is still the zomervakantie, and 15 to 27 August ends
        // in the first lesweek.
        let in_eerste_weken =
            Vrijstelling { geldig_van: Some(d("2021-08-15")), geldig_tot: Some(d("2021-08-27")), ..v.clone() };
        let w = toets_toekenning(&in_eerste_weken, &kind, GEEN, &noord).unwrap_err();
        assert_eq!(
            w.reden,
            "dit verlof valt in de eerste twee lesweken van het schooljaar (2021-08-23 tot en met 2021-09-05); daarin kan het niet"
        );
        let laatste_dag = Vrijstelling { geldig_van: Some(d("2021-09-03")), ..v.clone() };
        assert!(toets_toekenning(&laatste_dag, &kind, GEEN, &noord).is_err(), "vrijdag van de tweede lesweek");
        // Without the school's calendar the rule cannot be checked: said, not guessed.
        let w = toets_toekenning(&v, &kind, GEEN, &Rooster::zonder_vakanties()).unwrap_err();
        assert!(w.reden.contains("voer de schoolvakanties in"), "{w}");
        let zonder_verklaring = Vrijstelling { werkgeversverklaring_datum: None, ..v.clone() };
        let w = toets_toekenning(&zonder_verklaring, &kind, GEEN, &noord).unwrap_err();
        assert!(w.reden.contains("werkgeversverklaring"), "{w}");
        v.dagen = Some(11);
        assert!(toets_toekenning(&v, &kind, GEEN, &noord).is_err());
    }

    #[test]
    fn art_15_only_for_the_kwalificatieplichtige() {
        // Born 2004-09-10: leerplicht ends 2021-07-31, kwalificatieplichtig until 2022-09-10.
        let jongere = feiten("2004-09-10");
        assert!(
            toets_toekenning(
                &aanvraag("art15", "2021-07-01", "2021-08-01"),
                &jongere,
                GEEN,
                &Rooster::zonder_vakanties()
            )
            .is_ok()
        );
        let w = toets_toekenning(
            &aanvraag("art15", "2021-07-01", "2021-07-31"),
            &jongere,
            GEEN,
            &Rooster::zonder_vakanties(),
        )
        .unwrap_err();
        assert!(w.reden.ends_with("is de jongere leerplichtig"), "{w}");
    }

    #[test]
    fn art_3b_only_in_the_last_leerplicht_year_and_3a_from_fourteen() {
        let jongere = feiten("2004-09-10");
        assert!(
            toets_toekenning(
                &aanvraag("art3b", "2020-06-01", "2020-08-01"),
                &jongere,
                GEEN,
                &Rooster::zonder_vakanties()
            )
            .is_ok()
        );
        let w = toets_toekenning(
            &aanvraag("art3b", "2019-06-01", "2019-08-01"),
            &jongere,
            GEEN,
            &Rooster::zonder_vakanties(),
        )
        .unwrap_err();
        assert!(w.reden.contains("laatste leerplichtjaar (2020-2021), niet in 2019-2020"), "{w}");
        assert!(
            toets_toekenning(
                &aanvraag("art3a", "2018-09-01", "2018-09-10"),
                &jongere,
                GEEN,
                &Rooster::zonder_vakanties()
            )
            .is_ok()
        );
        assert!(
            toets_toekenning(
                &aanvraag("art3a", "2018-09-01", "2018-09-09"),
                &jongere,
                GEEN,
                &Rooster::zonder_vakanties()
            )
            .is_err()
        );
    }

    #[test]
    fn a_granted_vrijstelling_runs_from_its_first_to_its_last_day() {
        let mut v = aanvraag("art5_sub_c", "2021-06-01", "2021-08-01");
        v.geldig_tot = Some(d("2022-07-31"));
        assert!(!loopt_op(&v, d("2021-07-31")));
        assert!(loopt_op(&v, d("2021-08-01")) && loopt_op(&v, d("2022-07-31")));
        assert!(!loopt_op(&v, d("2022-08-01")));
        v.status = VrijstellingStatus::Afgewezen;
        assert!(!loopt_op(&v, d("2021-09-01")));
    }

    #[test]
    fn the_school_head_gives_11_g_leave_up_to_ten_days_per_schooljaar_in_total() {
        let mut eerder = aanvraag("art11_sub_g", "2020-10-01", "2020-10-12");
        (eerder.dagen, eerder.beslisser) = (Some(6), Beslisser::Schoolleider);
        let mut afgewezen = eerder.clone();
        (afgewezen.id, afgewezen.status) = ("V0".into(), VrijstellingStatus::Afgewezen);
        let mut v = aanvraag("art11_sub_g", "2021-02-01", "2021-03-01");
        (v.id, v.dagen, v.beslisser) = ("V2".into(), Some(5), Beslisser::Schoolleider);
        let andere = [eerder.clone(), afgewezen];
        assert_eq!(eerder_verlof(&v, &andere), EerderVerlof { art11f: false, dagen_11g: 6 });
        let w = toets_toekenning(&v, &feiten("2012-05-05"), eerder_verlof(&v, &andere), &Rooster::zonder_vakanties())
            .unwrap_err();
        assert_eq!(w.regel, "Lpw art. 11 sub g, art. 14");
        assert!(
            w.reden.starts_with("over 5 dagen verlof (met de 6 eerdere dagen dit schooljaar 11): meer dan 10"),
            "{w}"
        );
        v.beslisser = Beslisser::Leerplichtambtenaar;
        assert!(
            toets_toekenning(&v, &feiten("2012-05-05"), eerder_verlof(&v, &andere), &Rooster::zonder_vakanties())
                .is_ok()
        );
        // The next schooljaar starts again.
        v.geldig_van = Some(d("2021-08-20"));
        assert_eq!(eerder_verlof(&v, &andere), GEEN);
        assert!(toets_beslisser("art11_sub_g", Some(5), 0, Beslisser::Schoolleider).is_ok());
        let mut f = eerder;
        (f.id, f.artikel) = ("V3".into(), "art11_sub_f".into());
        assert!(eerder_verlof(&aanvraag("art11_sub_f", "2021-01-01", "2021-02-01"), &[f]).art11f);
    }

    #[test]
    fn the_school_head_gives_only_leave_and_the_leerplichtambtenaar_no_11_f_leave() {
        let mut v = aanvraag("art5_sub_c", "2020-06-01", "2020-08-01");
        v.beslisser = Beslisser::Schoolleider;
        let w = toets_toekenning(&v, &feiten("2012-05-05"), GEEN, &Rooster::zonder_vakanties()).unwrap_err();
        assert_eq!(w.regel, "Lpw art. 11, 13a, 14");
        assert!(w.reden.ends_with("op grond van art. 5 sub c beslist de leerplichtambtenaar"), "{w}");
        let w = toets_beslisser("art11_sub_f", Some(3), 0, Beslisser::Leerplichtambtenaar).unwrap_err();
        assert!(w.reden.contains("alleen de directeur"), "{w}");
        assert_eq!(artikelnaam("art11_sub_g"), "art. 11 sub g");
        assert_eq!(artikelnaam("art15"), "art. 15");
    }

    #[test]
    fn the_office_registers_and_only_the_leerplichtambtenaar_decides() {
        for rol in [Rol::Leerplichtambtenaar, Rol::Administratief, Rol::Teamleider] {
            assert!(mag_registreren(rol).is_ok(), "{rol}");
        }
        let w = mag_registreren(Rol::Beleidsmedewerker).unwrap_err();
        assert_eq!(w.reden, "een beleidsmedewerker registreert geen vrijstellingen of verlof");
        assert!(mag_beslissen(Rol::Leerplichtambtenaar).is_ok());
        for rol in [Rol::RmcConsulent, Rol::Administratief, Rol::Teamleider, Rol::Beleidsmedewerker] {
            assert_eq!(mag_beslissen(rol).unwrap_err().regel, "rollen: besluiten over vrijstelling en verlof");
        }
        assert!(mag_beslissen(Rol::RmcConsulent).unwrap_err().reden.ends_with("een rmc-trajectbegeleider niet"));
    }

    #[test]
    fn a_contested_grant_keeps_running_until_a_new_decision() {
        let mut v = aanvraag("art5_sub_c", "2020-07-01", "2020-08-01");
        v.geldig_tot = Some(d("2021-07-31"));
        v.bezwaar_op = Some(d("2020-08-20"));
        assert_eq!(stand(&v), VrijstellingStatus::BezwaarBeroep);
        assert!(loopt_op(&v, d("2020-09-01")), "Awb 6:16: bezwaar schorst de werking niet");
    }

    #[test]
    fn a_request_is_decided_once_unless_contested_and_withdrawn_only_before_the_decision() {
        use VrijstellingStatus::*;
        let mag = |van, naar| overgang(van, naar).is_ok();
        assert!(mag(Aangevraagd, InBehandeling) && mag(Aangevraagd, Toegekend) && mag(InBehandeling, Afgewezen));
        assert!(mag(Aangevraagd, Ingetrokken) && mag(InBehandeling, Ingetrokken));
        assert!(mag(Afgewezen, BezwaarBeroep) && mag(Toegekend, BezwaarBeroep));
        assert!(mag(BezwaarBeroep, Toegekend) && mag(BezwaarBeroep, Afgewezen));
        let w = overgang(Toegekend, Afgewezen).unwrap_err();
        assert_eq!(
            w.reden,
            "op deze aanvraag is al besloten (toegekend); een nieuw besluit volgt alleen op bezwaar of beroep"
        );
        assert!(overgang(Afgewezen, Ingetrokken).unwrap_err().reden.contains("niet meer worden ingetrokken"));
        assert!(overgang(Ingetrokken, Toegekend).unwrap_err().reden.starts_with("de aanvraag is ingetrokken"));
        assert!(overgang(InBehandeling, BezwaarBeroep).unwrap_err().reden.contains("pas tegen een besluit"));
        assert!(overgang(BezwaarBeroep, BezwaarBeroep).is_err() && overgang(BezwaarBeroep, Ingetrokken).is_err());
        assert!(overgang(InBehandeling, InBehandeling).is_err() && overgang(Toegekend, Aangevraagd).is_err());
        assert!(nog_open(BezwaarBeroep).is_ok() && nog_open(Afgewezen).is_err() && nog_open(Ingetrokken).is_err());
        assert_eq!(motivering(false, "  ").unwrap_err().regel, "Awb art. 3:46");
        assert!(motivering(false, "geen bewijs van inschrijving").is_ok() && motivering(true, "").is_ok());
    }

    #[test]
    fn a_vrijstelling_ending_soon_is_to_be_renewed_leave_is_not() {
        let mut v = aanvraag("art5_sub_b", "2021-06-01", "2021-08-01");
        v.geldig_tot = Some(d("2022-07-31"));
        assert!(te_verlengen(&v, d("2022-06-01"), 60) && te_verlengen(&v, d("2022-07-31"), 0));
        assert!(!te_verlengen(&v, d("2022-05-31"), 60) && !te_verlengen(&v, d("2022-08-01"), 60));
        v.artikel = "art11_sub_g".into();
        assert!(!te_verlengen(&v, d("2022-06-01"), 60));
    }
}
