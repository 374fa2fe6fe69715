//! The fields a letter's template receives (docs/brieven.md), all taken or computed from the
//! dossier: a template only words and lays them out. Dates are Dutch text (`15 juni 2021`), as
//! printed.
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Velden {
    /// The letter kind's code and its name.
    pub soort: &'static str,
    pub titel: &'static str,
    /// The document's id: "ons kenmerk".
    pub kenmerk: String,
    pub datum: String,
    /// The region the office works for, by its name.
    pub regio: String,
    /// To whom: `jongere`, `ouder`, `halt` or `openbaar_ministerie`.
    pub aan: &'static str,
    pub geadresseerde: Adresblok,
    pub aanhef: String,
    pub jongere: JongereVelden,
    /// The gemeente the youth lives in on the letter's date.
    pub gemeente: String,
    /// The school the youth is enrolled at on the letter's date: `naam, plaats`.
    pub school: Option<String>,
    /// The parents with gezag, by name.
    pub ouders: Vec<String>,
    pub afzender: Afzender,
    pub zaak: Option<ZaakVelden>,
    /// The meldingen of the zaak received by the letter's date, oldest first.
    pub meldingen: Vec<MeldingVelden>,
    /// The talks and measures of the zaak up to the letter's date, oldest first, with what was
    /// recorded; not the action the letter itself is about.
    pub contacten: Vec<ContactVelden>,
    pub gesprek: Option<GesprekVelden>,
    /// Oproep tot inschrijving: enrol before this date.
    pub inschrijven_voor: Option<String>,
    pub aanvraag: Option<AanvraagVelden>,
    pub rechtsmiddel: Option<RechtsmiddelVelden>,
    pub proces_verbaal: Option<PvVelden>,
    /// The addressee's preferred language by its Dutch name, when it is not Dutch.
    pub taal: Option<String>,
    /// Zomeractie: the youth's last drop-out.
    pub uitval: Option<UitvalVelden>,
    /// Einde vrijstelling: when it ends and what the law asks after.
    pub einde: Option<EindeVelden>,
    /// A correction names the document it replaces: `kenmerk van datum`.
    pub vervangt: Option<String>,
}

/// The address block: a name and its lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Adresblok {
    pub naam: String,
    pub regels: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JongereVelden {
    pub naam: String,
    /// The first of the voornamen, for "Beste Daan".
    pub roepnaam: String,
    pub geboortedatum: String,
    /// Only on what goes to Halt or the Openbaar Ministerie, who must identify the youth.
    pub bsn: Option<String>,
    pub adres: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Afzender {
    pub naam: String,
    pub functie: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZaakVelden {
    pub kenmerk: String,
    pub soort: String,
    pub geopend_op: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeldingVelden {
    pub meldingsdatum: String,
    pub school: Option<String>,
    pub soort: String,
    pub verzuim_van: String,
    pub verzuim_tot: Option<String>,
    pub uren: Option<u32>,
    pub reden: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactVelden {
    pub datum: String,
    pub soort: String,
    pub toelichting: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GesprekVelden {
    pub datum: String,
    pub tijd: String,
    pub plaats: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AanvraagVelden {
    pub artikel: String,
    pub ontvangen: String,
    /// By when the office decides (Awb art. 4:13, 4:14).
    pub beslistermijn: String,
    pub besluitdatum: Option<String>,
    pub geldig_van: Option<String>,
    pub geldig_tot: Option<String>,
    pub dagen: Option<u32>,
    /// `toegekend` or `afgewezen`: the decision in force.
    pub besluit: Option<String>,
    /// The reasons recorded with the decision in force (Awb art. 3:46), without the request's other
    /// notes.
    pub motivering: String,
    /// Who decides: the college or the leerplichtambtenaar (Lpw art. 14 lid 3).
    pub bestuursorgaan: String,
    /// On a beslissing op bezwaar: when the bezwaar was received.
    pub bezwaar_ontvangen: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RechtsmiddelVelden {
    /// `bezwaar` or `beroep`.
    pub soort: String,
    pub bij: String,
    pub uiterlijk: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PvVelden {
    /// Against whom: the youth's or the parent's name.
    pub tegen: String,
    /// `jongere` or `ouder`.
    pub tegen_soort: String,
    /// The date of the verzuim the PV is about: the first day of the zaak's first melding.
    pub pleegdatum: String,
    pub verbalisant: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UitvalVelden {
    /// The day the youth left school without a startkwalificatie.
    pub datum: String,
    /// The education left: `MBO`, `VO`, ...
    pub onderwijs: String,
    pub school: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EindeVelden {
    /// The vrijstelling's last day.
    pub laatste_dag: String,
    /// The day the duty applies again.
    pub vanaf: String,
    /// `leerplichtig` or `kwalificatieplichtig` on that day.
    pub plicht: &'static str,
}
