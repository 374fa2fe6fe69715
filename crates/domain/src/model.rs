//! The records of the register: dated facts about youths, their schools and the office's work.
//!
//! Every record has a stable external key (`id`), chosen by the office or its old system, so that a
//! bundle can be imported twice without duplicates. Statuses such as "leerplichtig" or "thuiszitter"
//! are not stored here: they are computed for a peildatum by [`crate::rules`].
use crate::onderwijs::{DiplomaSoort, Niveau, Onderwijssoort, VsoProfiel};
use crate::{Bsn, Datum, code_enum};
use std::fmt;

/// CBS gemeentecode, "GM" and four digits (GM0392 = Haarlem).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Gemeentecode(String);

impl Gemeentecode {
    pub fn parse(s: &str) -> Result<Gemeentecode, String> {
        let s = s.trim().to_ascii_uppercase();
        let ok = s.len() == 6 && s.starts_with("GM") && s[2..].bytes().all(|b| b.is_ascii_digit());
        if ok {
            Ok(Gemeentecode(s))
        } else {
            Err(format!("'{s}' is geen gemeentecode; verwacht GM en vier cijfers, bijv. GM0392"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Gemeentecode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

code_enum!(Geslacht, "geslacht" {
    Man = ("m", "man"),
    Vrouw = ("v", "vrouw"),
    Onbekend = ("x", "onbekend/anders"),
});

code_enum!(
    /// Staff roles (docs/regels.md).
    Rol, "rol" {
        Leerplichtambtenaar = ("leerplichtambtenaar", "Leerplichtambtenaar"),
        RmcConsulent = ("rmc_consulent", "RMC-trajectbegeleider"),
        Administratief = ("administratief", "Administratief medewerker"),
        Teamleider = ("teamleider", "Teamleider"),
        Beleidsmedewerker = ("beleidsmedewerker", "Beleidsmedewerker"),
        Gemeente = ("gemeente", "Gemeente (alleen eigen gemeente)"),
        Beheerder = ("beheerder", "Beheerder"),
    }
);

code_enum!(
    /// Where a youth went when an address in the region ended without a next one.
    Vertrek, "vertrek" {
        BuitenRegio = ("buiten_regio", "Verhuisd buiten de regio"),
        Buitenland = ("buitenland", "Verhuisd naar het buitenland"),
    }
);

code_enum!(OuderRelatie, "relatie" {
    Moeder = ("moeder", "moeder"),
    Vader = ("vader", "vader"),
    Verzorger = ("verzorger", "verzorger"),
});

code_enum!(
    /// Which part of the office's work a zaak belongs to.
    ZaakSoort, "zaaksoort" {
        RelatiefVerzuim = ("relatief_verzuim", "Relatief verzuim"),
        AbsoluutVerzuim = ("absoluut_verzuim", "Absoluut verzuim"),
        Rmc = ("rmc", "RMC (18-23)"),
    }
);

code_enum!(
    /// Lifecycle of a zaak: nieuw → in onderzoek → maatregel → gesloten.
    ZaakStatus, "zaakstatus" {
        Nieuw = ("nieuw", "Nieuw"),
        InOnderzoek = ("in_onderzoek", "In onderzoek"),
        Maatregel = ("maatregel", "Maatregel"),
        Gesloten = ("gesloten", "Gesloten"),
    }
);

code_enum!(
    /// Means of the MAS (docs/regels.md).
    ActieSoort, "actiesoort" {
        Uitnodiging = ("uitnodiging", "Uitnodiging"),
        Gesprek = ("gesprek", "Gesprek"),
        Waarschuwing = ("waarschuwing", "Waarschuwing"),
        Hulpverlening = ("hulpverlening", "Doorverwijzing hulpverlening"),
        Halt = ("halt", "HALT-verwijzing"),
        ProcesVerbaal = ("proces_verbaal", "Proces-verbaal"),
        Escalatie = ("escalatie", "Escalatie (doorzettingsmacht)"),
        PreventiefGesprek = ("preventief_gesprek", "Preventief spreekuurgesprek"),
    }
);

code_enum!(
    /// The kinds of contact detail a dossier keeps for the youth and each parent
    /// ([`crate::rules::contact`]).
    ContactSoort, "soort contactgegeven" {
        Telefoon = ("telefoon", "Telefoon"),
        Email = ("email", "E-mail"),
        Voorkeurstaal = ("voorkeurstaal", "Voorkeurstaal"),
    }
);

code_enum!(
    /// To whom a document of the dossier is addressed.
    Geadresseerde, "geadresseerde" {
        Jongere = ("jongere", "de jongere"),
        Ouder = ("ouder", "ouder/verzorger"),
        Halt = ("halt", "Halt"),
        OpenbaarMinisterie = ("openbaar_ministerie", "het Openbaar Ministerie"),
        /// The office itself: the addressee of a document it received.
        Bureau = ("bureau", "het bureau"),
    }
);

code_enum!(
    /// Against whom a proces-verbaal is made.
    PvTegen, "PV tegen" {
        Jongere = ("jongere", "de jongere"),
        Ouder = ("ouder", "een ouder/verzorger"),
    }
);

code_enum!(
    /// Status of a vrijstelling or verlof request.
    VrijstellingStatus, "status" {
        Aangevraagd = ("aangevraagd", "Aangevraagd"),
        InBehandeling = ("in_behandeling", "In behandeling"),
        Toegekend = ("toegekend", "Toegekend"),
        Afgewezen = ("afgewezen", "Afgewezen"),
        BezwaarBeroep = ("bezwaar_beroep", "Bezwaar/beroep"),
        Ingetrokken = ("ingetrokken", "Ingetrokken"),
    }
);

code_enum!(
    /// Who decided a vrijstelling or verlof (art. 11: the school head up to 10 days).
    Beslisser, "beslisser" {
        Leerplichtambtenaar = ("leerplichtambtenaar", "Leerplichtambtenaar"),
        Schoolleider = ("schoolleider", "Directeur/schoolleider"),
    }
);

code_enum!(
    /// The three regions of the school holidays (OCW's vakantieregeling): which one a gemeente is in
    /// decides the dates of its herfst-, voorjaars- and zomervakantie.
    Vakantieregio, "vakantieregio" {
        Noord = ("noord", "Regio noord"),
        Midden = ("midden", "Regio midden"),
        Zuid = ("zuid", "Regio zuid"),
    }
);

code_enum!(
    /// Kinds of school holiday: the five of the vakantieregeling and a school's own free days.
    Vakantiesoort, "vakantiesoort" {
        Herfst = ("herfst", "Herfstvakantie"),
        Kerst = ("kerst", "Kerstvakantie"),
        Voorjaar = ("voorjaar", "Voorjaarsvakantie"),
        Mei = ("mei", "Meivakantie"),
        Zomer = ("zomer", "Zomervakantie"),
        VrijeDag = ("vrije_dag", "Vrije dag of studiedag"),
    }
);

code_enum!(ThuiszitSoort, "soort thuiszitter" {
    Absoluut = ("absoluut", "Absoluut verzuim"),
    LangdurigRelatief = ("langdurig_relatief", "Langdurig relatief verzuim"),
});

code_enum!(ThuiszitEinde, "reden einde" {
    Opgelost = ("opgelost", "Opgelost"),
    VerhuisdOverleden = ("verhuisd_overleden", "Verhuisd/overleden"),
    AchttienGeworden = ("achttien_geworden", "18 geworden"),
});

code_enum!(VsvBron, "bron" {
    Duo = ("duo", "DUO (uitschrijving zonder startkwalificatie)"),
    School = ("school", "Melding van de school"),
    Handmatig = ("handmatig", "Handmatig geregistreerd"),
});

code_enum!(
    /// Kinds of RMC-traject (docs/regels.md).
    TrajectSoort, "trajectsoort" {
        Regulier = ("regulier", "Reguliere begeleiding"),
        Wet = ("wet", "Werkervaringstraject (WET)"),
        Leerwerkmakelaar = ("leerwerkmakelaar", "Leerwerkmakelaar/jobcoach"),
        PwetScholingsadvies = ("pwet_scholingsadvies", "Scholingsadvies P-wet (23-27)"),
        Statushouder = ("statushouder", "Advies statushouder"),
        Zomeractie = ("zomeractie", "Zomeractie"),
        OverstapVoMbo = ("overstap_vo_mbo", "Overstap VO-MBO (risicoleerling)"),
    }
);

#[derive(Debug, Clone, PartialEq)]
pub struct Regio {
    pub code: String,
    pub naam: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Subregio {
    pub code: String,
    pub naam: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Gemeente {
    pub code: Gemeentecode,
    pub naam: String,
    pub subregio: String,
    /// The gemeente does leerplicht itself: the region holds only its RMC (18-23) work.
    pub leerplicht_lokaal: bool,
    /// Decides the school holidays of its schools and youths; unknown means weekends and feestdagen
    /// are the only days without lessons.
    pub vakantieregio: Option<Vakantieregio>,
    /// The college has an advisory committee for bezwaren (Awb art. 7:13): twelve weeks to decide
    /// on a bezwaar instead of six.
    pub bezwaarcommissie: bool,
}

/// A school location: BRIN (instelling) and vestigingsnummer. What RIO adds (soort, address,
/// dates) is empty for a school typed in, until a RIO export fills it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct School {
    pub brin: String,
    pub vestiging: String,
    pub naam: String,
    pub plaats: String,
    pub gemeente: Option<Gemeentecode>,
    /// The main kind of education given here (RIO's onderwijssoort of the location).
    pub onderwijssoort: Option<crate::onderwijs::Onderwijssoort>,
    /// Street and number; empty when unknown.
    pub adres: String,
    pub postcode: String,
    /// Opened (RIO's "in bedrijf").
    pub begindatum: Option<Datum>,
    /// Last day open; a closed location stays in the register, enrolments point at it.
    pub einddatum: Option<Datum>,
}

impl School {
    /// A BRIN-nummer: two digits and two capitals or digits (`12AB`).
    pub fn brin(s: &str) -> Result<String, String> {
        let ok = s.len() == 4
            && s.is_ascii()
            && s[..2].bytes().all(|b| b.is_ascii_digit())
            && s[2..].bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if ok {
            Ok(s.to_string())
        } else {
            Err(format!("'{s}' is geen BRIN-nummer; verwacht 2 cijfers en 2 hoofdletters of cijfers, bijv. 12AB"))
        }
    }

    /// A vestigingsnummer: two digits (`00`).
    pub fn vestiging(s: &str) -> Result<String, String> {
        if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(s.to_string())
        } else {
            Err(format!("'{s}' is geen vestigingsnummer; verwacht 2 cijfers, bijv. 00"))
        }
    }
}

/// A school holiday, from `begindatum` up to and including `einddatum`: either the dates OCW sets
/// or advises for a vakantieregio, or a school location's own (a deviating holiday replaces the
/// regio's holiday of the same kind in that schooljaar; a free day adds to them). See
/// [`crate::kalender`].
#[derive(Debug, Clone, PartialEq)]
pub struct Vakantie {
    pub id: String,
    pub soort: Vakantiesoort,
    /// Set for OCW's dates of a region; empty for a school's own.
    pub regio: Option<Vakantieregio>,
    /// Set (with `vestiging`) for a school's own holiday or free day.
    pub brin: Option<String>,
    pub vestiging: Option<String>,
    pub begindatum: Datum,
    pub einddatum: Datum,
    /// OCW's advice a school may deviate from (herfst- and voorjaarsvakantie, the second week of
    /// the meivakantie), as opposed to the fixed dates.
    pub advies: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Medewerker {
    pub id: String,
    pub naam: String,
    pub email: String,
    pub rol: Rol,
    /// Buitengewoon opsporingsambtenaar: only a BOA may issue HALT or PV.
    pub boa: bool,
    pub fte: f64,
    /// For gemeente viewers: the one gemeente they may see.
    pub gemeente: Option<Gemeentecode>,
    pub in_dienst: Datum,
    pub uit_dienst: Option<Datum>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Jongere {
    pub id: String,
    pub bsn: Bsn,
    pub voornamen: String,
    pub tussenvoegsel: String,
    pub achternaam: String,
    pub geboortedatum: Datum,
    pub geslacht: Geslacht,
    pub overlijdensdatum: Option<Datum>,
    /// Lpw art. 4 lid 1: the last day (31 July) of the schooljaar in which the youth completed twelve
    /// full schooljaren, when the school reported it; volledige leerplicht ends then if that is
    /// before the end of the schooljaar of the 16th birthday.
    pub twaalf_schooljaren_op: Option<Datum>,
}

/// Where a youth lived, from `begindatum` up to and including `einddatum`. Residence on a peildatum
/// decides which gemeente a youth counts in.
#[derive(Debug, Clone, PartialEq)]
pub struct Woonadres {
    pub id: String,
    pub jongere: String,
    pub gemeente: Gemeentecode,
    pub straat: String,
    pub huisnummer: String,
    pub postcode: String,
    pub woonplaats: String,
    pub begindatum: Datum,
    pub einddatum: Option<Datum>,
    /// Set when the youth left the region at `einddatum`.
    pub vertrek: Option<Vertrek>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ouder {
    pub id: String,
    pub bsn: Option<Bsn>,
    pub voornamen: String,
    pub tussenvoegsel: String,
    pub achternaam: String,
    pub telefoon: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Gezinsrelatie {
    pub jongere: String,
    pub ouder: String,
    pub relatie: OuderRelatie,
    pub gezag: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Inschrijving {
    pub id: String,
    pub jongere: String,
    pub brin: String,
    pub vestiging: String,
    pub onderwijssoort: Onderwijssoort,
    pub niveau: Option<Niveau>,
    pub vso_profiel: Option<VsoProfiel>,
    pub begindatum: Datum,
    /// Last day enrolled (the uitschrijfdatum), if the enrolment ended.
    pub einddatum: Option<Datum>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diploma {
    pub id: String,
    pub jongere: String,
    pub soort: DiplomaSoort,
    pub datum: Datum,
    pub brin: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Verzuimmelding {
    pub id: String,
    pub jongere: String,
    /// The reporting school; empty for absoluut verzuim.
    pub brin: Option<String>,
    pub vestiging: Option<String>,
    /// Code from the list `verzuimsoort`.
    pub soort: String,
    pub meldingsdatum: Datum,
    pub verzuim_van: Datum,
    pub verzuim_tot: Option<Datum>,
    pub uren: Option<u32>,
    pub reden: String,
    /// Code from the list `meldingstatus`.
    pub status: String,
    /// Code from the list `reden_afsluiting`.
    pub reden_afsluiting: Option<String>,
    pub zaak: Option<String>,
    /// A voluntary (preventive) contact about a youth who is not leer- or kwalificatieplichtig.
    pub preventief: bool,
    /// A repeated melding about the same absence (same school, overlapping period) points at the
    /// first one: it joins that case and is not counted as a new one.
    pub vervolg_op: Option<String>,
    /// DUO's "alle lessen gemist" (J/N): the youth missed every lesson of the period, as opposed to
    /// partial absence (late arrival, some hours). Unknown for meldingen from before it was asked.
    pub alle_lessen_gemist: Option<bool>,
    /// On zorgwekkend ziekteverzuim: by a plan (with the jeugdarts) the youth could attend school
    /// part of the time. Ill and able to attend by plan, yet missing every lesson, the youth can be
    /// a thuiszitter after all.
    pub deels_lesbaar: Option<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Zaak {
    pub id: String,
    pub jongere: String,
    pub soort: ZaakSoort,
    pub medewerker: Option<String>,
    pub geopend_op: Datum,
    pub status: ZaakStatus,
    pub gesloten_op: Option<Datum>,
    /// Code from the list `zaak_reden_sluiting`.
    pub reden_sluiting: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Actie {
    pub id: String,
    pub jongere: String,
    /// Every action but a preventive spreekuur talk belongs to a zaak.
    pub zaak: Option<String>,
    pub soort: ActieSoort,
    pub datum: Datum,
    pub medewerker: Option<String>,
    /// For a proces-verbaal: against the youth or a parent.
    pub pv_tegen: Option<PvTegen>,
    pub ouder: Option<String>,
    /// Recorded overmacht that excuses luxe verzuim from the mandatory PV.
    pub overmacht: Option<String>,
    /// How a HALT or PV ended: a code of the list `maatregel_uitkomst`.
    pub uitkomst: Option<String>,
    pub uitkomst_datum: Option<Datum>,
    pub toelichting: String,
}

/// A letter or decision the office made from the dossier (docs/brieven.md). Never changed once
/// made; a correction is a new document that [`Document::vervangt`] this one.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: String,
    pub jongere: String,
    pub zaak: Option<String>,
    pub vrijstelling: Option<String>,
    pub actie: Option<String>,
    /// A [`crate::rules::brief::BriefSoort`] code, or for a received document an
    /// [`crate::rules::inkomend::InkomendSoort`] code.
    pub soort: String,
    pub ontvanger: Geadresseerde,
    /// The parent it is addressed to, with [`Geadresseerde::Ouder`].
    pub ouder: Option<String>,
    pub datum: Datum,
    pub auteur: String,
    /// The template versions that made it: `uitnodiging_gesprek 3, briefhoofd 1` (0: as shipped).
    pub sjabloon: String,
    /// SHA-256 of the PDF, hex.
    pub sha256: String,
    pub bytes: i64,
    pub vervangt: Option<String>,
    /// The batch it was printed in.
    pub reeks: Option<String>,
    /// What the bytes are, checked by their content: `application/pdf`, `image/png`, `image/jpeg`.
    pub mediatype: String,
    /// For a document the office received (its [`Document::datum`] is the day it came in, its
    /// `soort` an [`crate::rules::inkomend::InkomendSoort`] code); `None` for what it sent.
    pub ontvangst: Option<Ontvangst>,
    /// Where a letter went, as printed in its window: the name, then the address lines.
    pub adres: Vec<String>,
}

/// Who sent a received document and the date it bears.
#[derive(Debug, Clone, PartialEq)]
pub struct Ontvangst {
    /// Free text: "GGD, jeugdarts J. de Vries".
    pub afzender: String,
    /// The date on the statement itself (art. 5 sub a: the doctor's statement's date).
    pub opgesteld_op: Option<Datum>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Vrijstelling {
    pub id: String,
    pub jongere: String,
    /// Code from the list `vrijstelling_artikel`.
    pub artikel: String,
    pub status: VrijstellingStatus,
    pub aanvraagdatum: Datum,
    pub besluitdatum: Option<Datum>,
    pub geldig_van: Option<Datum>,
    pub geldig_tot: Option<Datum>,
    pub beslisser: Beslisser,
    pub medewerker: Option<String>,
    /// Art. 5 sub a: date of the independent doctor's statement.
    pub artsverklaring_datum: Option<Datum>,
    /// Art. 5 sub a: date of the samenwerkingsverband's advice.
    pub swv_advies_datum: Option<Datum>,
    /// Art. 11 sub f: date of the employer's statement that the parent's job allows no holiday in the
    /// school holidays.
    pub werkgeversverklaring_datum: Option<Datum>,
    /// The beslistermijn as the office verdaagde it (Awb art. 4:14 lid 3); without it, eight weeks
    /// after the request ([`crate::rules::awb::beslistermijn`]).
    pub verdaagd_tot: Option<Datum>,
    /// The hearing on a pending bezwaar (Awb art. 7:2).
    pub hoorzitting_op: Option<Datum>,
    /// Verlof (art. 11): number of school days.
    pub dagen: Option<u32>,
    pub toelichting: String,
    /// Bezwaar or beroep lodged against the decision in `status`, pending until a new decision. The
    /// decision stands meanwhile (Awb art. 6:16): a contested grant keeps running.
    pub bezwaar_op: Option<Datum>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Thuiszitperiode {
    pub id: String,
    pub jongere: String,
    pub zaak: Option<String>,
    pub soort: ThuiszitSoort,
    pub begindatum: Datum,
    pub einddatum: Option<Datum>,
    pub reden_einde: Option<ThuiszitEinde>,
    /// When a suitable offer (passend aanbod) was made; the pact's norm is within 3 months.
    pub aanbod_datum: Option<Datum>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct VsvMelding {
    pub id: String,
    pub jongere: String,
    /// Day after the last day enrolled: the youth left education on this date.
    pub uitvaldatum: Datum,
    pub bron: VsvBron,
    pub onderwijssoort: Onderwijssoort,
    pub niveau: Option<Niveau>,
    pub brin: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RmcTraject {
    pub id: String,
    pub jongere: String,
    pub soort: TrajectSoort,
    pub medewerker: Option<String>,
    /// When the youth was reported to RMC: decides "gemeld vóór verslagjaar" or "nieuw".
    pub aangemeld_op: Datum,
    pub begindatum: Datum,
    pub einddatum: Option<Datum>,
    /// Code from the list `rmc_resultaat`.
    pub resultaat: Option<String>,
}

/// What a youth out of school does, as the RMC finds it at a contact (werk, an uitkering, zorg):
/// dated, so where the youth is on a day follows the latest (`rules::dagbesteding`).
#[derive(Debug, Clone, PartialEq)]
pub struct Dagbesteding {
    pub id: String,
    pub jongere: String,
    pub datum: Datum,
    /// Code from the list `dagbesteding`.
    pub soort: String,
    pub medewerker: Option<String>,
    pub toelichting: String,
}

/// How to reach the youth or one of her parents, as the office heard it and from whom: dated, so
/// a letter or a caseworker takes the one valid on the day, and one that no longer holds stays
/// known with its end. Recorded in the youth's dossier, also for a parent.
#[derive(Debug, Clone, PartialEq)]
pub struct Contactgegeven {
    pub id: String,
    pub jongere: String,
    /// The parent it belongs to; `None` for the youth's own.
    pub ouder: Option<String>,
    pub soort: ContactSoort,
    /// Normalised by [`crate::rules::contact::waarde`]: `+31612345678`, `naam@voorbeeld.nl`, or the
    /// ISO 639 code of a language (`ar`).
    pub waarde: String,
    /// Known since.
    pub vanaf: Datum,
    /// No longer valid from this day on (a newer one of its kind took over, or it was ended).
    pub tot: Option<Datum>,
    /// Who gave it and how: "moeder, telefonisch".
    pub bron: String,
    /// Who recorded it.
    pub medewerker: String,
}

/// Everything a register holds, in the order it must be written (references point backwards).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    pub regio: Vec<Regio>,
    pub subregios: Vec<Subregio>,
    pub gemeenten: Vec<Gemeente>,
    pub scholen: Vec<School>,
    pub vakanties: Vec<Vakantie>,
    pub medewerkers: Vec<Medewerker>,
    pub codes: Vec<crate::codes::Code>,
    pub jongeren: Vec<Jongere>,
    pub woonadressen: Vec<Woonadres>,
    pub ouders: Vec<Ouder>,
    pub gezinsrelaties: Vec<Gezinsrelatie>,
    pub inschrijvingen: Vec<Inschrijving>,
    pub diplomas: Vec<Diploma>,
    pub zaken: Vec<Zaak>,
    pub verzuimmeldingen: Vec<Verzuimmelding>,
    pub acties: Vec<Actie>,
    pub vrijstellingen: Vec<Vrijstelling>,
    pub thuiszitperioden: Vec<Thuiszitperiode>,
    pub vsv_meldingen: Vec<VsvMelding>,
    pub rmc_trajecten: Vec<RmcTraject>,
    pub dagbestedingen: Vec<Dagbesteding>,
}
