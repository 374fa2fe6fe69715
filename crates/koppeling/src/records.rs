//! What the koppelingen keep in the register (migrations 0012 and 0013): the delivery log, DUO's meldingen by
//! DUO's number, and the youths waiting for a BRP check. Not part of the exchange bundle: they
//! describe how facts came in, not the facts.
use leerspoor_domain::Datum;
use leerspoor_store::rij::Type::{Datum as D, Geheel as G, Tekst as T};
use leerspoor_store::rij::*;

/// One delivery offered: applied whole or refused whole (`uitkomst`), by whom and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Levering {
    pub id: String,
    /// The source: `duo-verzuim`, …
    pub bron: String,
    /// The file's name, without its folder.
    pub bestand: String,
    /// SHA-256 of the file's bytes, hexadecimal.
    pub inhoud: String,
    /// When it was offered (RFC 3339, UTC).
    pub ontvangen: String,
    pub door: String,
    pub uitkomst: Uitkomst,
    pub rijen: u64,
    pub toegepast: u64,
    /// One Dutch line per outcome: what the delivery did.
    pub samenvatting: String,
    /// The period the source numbers its deliveries by (a P-levering's week, `2021-11`).
    pub periode: Option<String>,
}

leerspoor_domain::code_enum!(
    /// What became of a delivery.
    Uitkomst, "uitkomst" {
        Toegepast = ("toegepast", "Toegepast"),
        Geweigerd = ("geweigerd", "Geweigerd"),
        /// The same file was applied before: nothing changed.
        Herhaald = ("herhaald", "Al eerder verwerkt"),
        /// Held against the register, which it did not change (a C-levering).
        Vergeleken = ("vergeleken", "Vergeleken met het register"),
    }
);

impl Rij for Levering {
    const TABEL: &'static str = "levering";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("bron", T),
        k("bestand", T),
        k("inhoud", T),
        k("ontvangen", T),
        k("door", T),
        k("uitkomst", T),
        k("rijen", G),
        k("toegepast", G),
        k("samenvatting", T),
        o("periode", T),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.bron),
            tekst(&self.bestand),
            tekst(&self.inhoud),
            tekst(&self.ontvangen),
            tekst(&self.door),
            code(self.uitkomst),
            aantal(self.rijen),
            aantal(self.toegepast),
            tekst(&self.samenvatting),
            opt_tekst(self.periode.as_deref()),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Levering {
            id: v.tekst(),
            bron: v.tekst(),
            bestand: v.tekst(),
            inhoud: v.tekst(),
            ontvangen: v.tekst(),
            door: v.tekst(),
            uitkomst: v.code(),
            rijen: v.opt_geheel().unwrap_or_default() as u64,
            toegepast: v.opt_geheel().unwrap_or_default() as u64,
            samenvatting: v.tekst(),
            periode: v.opt_tekst(),
        };
        v.klaar(r)
    }
}

fn aantal(n: u64) -> Waarde {
    Waarde::Geheel(Some(n as i64))
}

/// One reason a delivery was refused, with the row (the heading is row 1) and column it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct LeveringFout {
    pub levering: String,
    pub volgnummer: u64,
    pub rij: Option<u64>,
    pub kolom: Option<String>,
    pub melding: String,
}

impl Rij for LeveringFout {
    const TABEL: &'static str = "levering_fout";
    const KOLOMMEN: &'static [Kolom] =
        &[k("levering", T), k("volgnummer", G), o("rij", G), o("kolom", T), k("melding", T)];
    const SLEUTEL: usize = 2;
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.levering),
            aantal(self.volgnummer),
            Waarde::Geheel(self.rij.map(|r| r as i64)),
            opt_tekst(self.kolom.as_deref()),
            tekst(&self.melding),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = LeveringFout {
            levering: v.tekst(),
            volgnummer: v.opt_geheel().unwrap_or_default() as u64,
            rij: v.opt_geheel().map(|r| r as u64),
            kolom: v.opt_tekst(),
            melding: v.tekst(),
        };
        v.klaar(r)
    }
}

/// A verzuimmelding as DUO delivered it, by DUO's number, with what DUO carries beyond the
/// register's verzuimmelding.
#[derive(Debug, Clone, PartialEq)]
pub struct DuoMelding {
    pub meldingnummer: String,
    /// The register's melding; none when it was not taken into casework.
    pub melding: Option<String>,
    pub afhandeling: Afhandeling,
    /// Where DUO says the youth lives (CBS gemeentecode), when the delivery says.
    pub woongemeente: Option<String>,
    /// The delivery that brought it first.
    pub levering: String,
    pub ontvangen_op: Datum,
    pub actie_school: Option<String>,
    pub actie_gemeente_gewenst: Option<bool>,
    pub verzuimdagen: Option<u32>,
    pub melder_naam: Option<String>,
    pub melder_functie: Option<String>,
    pub melder_telefoon: Option<String>,
    pub melder_email: Option<String>,
    pub afwijkend_verblijfadres: Option<String>,
}

leerspoor_domain::code_enum!(
    /// How the office took a melding from DUO.
    Afhandeling, "afhandeling" {
        /// Registered as a verzuimmelding: a zaak opened or joined.
        Geregistreerd = ("geregistreerd", "Geregistreerd als verzuimmelding"),
        /// About a youth outside leerplicht, kwalificatieplicht and the RMC-doelgroep on the first
        /// day of absence: nothing for the office to do (DUO status "ter kennisgeving aangenomen").
        TerKennisgeving = ("ter_kennisgeving", "Ter kennisgeving aangenomen"),
        /// About a youth who lives outside the region: to be sent on to that gemeente.
        Doorsturen = ("doorsturen", "Door te sturen naar de woongemeente"),
        /// Withdrawn by the school before it reached the office.
        Ingetrokken = ("ingetrokken", "Ingetrokken door de school vóór ontvangst"),
    }
);

impl Rij for DuoMelding {
    const TABEL: &'static str = "duo_melding";
    const KOLOMMEN: &'static [Kolom] = &[
        k("meldingnummer", T),
        o("melding", T),
        k("afhandeling", T),
        o("woongemeente", T),
        k("levering", T),
        k("ontvangen_op", D),
        o("actie_school", T),
        o("actie_gemeente_gewenst", T),
        o("verzuimdagen", G),
        o("melder_naam", T),
        o("melder_functie", T),
        o("melder_telefoon", T),
        o("melder_email", T),
        o("afwijkend_verblijfadres", T),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.meldingnummer),
            opt_tekst(self.melding.as_deref()),
            code(self.afhandeling),
            opt_tekst(self.woongemeente.as_deref()),
            tekst(&self.levering),
            datum(self.ontvangen_op),
            opt_tekst(self.actie_school.as_deref()),
            opt_ja_nee(self.actie_gemeente_gewenst),
            opt_aantal(self.verzuimdagen),
            opt_tekst(self.melder_naam.as_deref()),
            opt_tekst(self.melder_functie.as_deref()),
            opt_tekst(self.melder_telefoon.as_deref()),
            opt_tekst(self.melder_email.as_deref()),
            opt_tekst(self.afwijkend_verblijfadres.as_deref()),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = DuoMelding {
            meldingnummer: v.tekst(),
            melding: v.opt_tekst(),
            afhandeling: v.code(),
            woongemeente: v.opt_tekst(),
            levering: v.tekst(),
            ontvangen_op: v.datum(),
            actie_school: v.opt_tekst(),
            actie_gemeente_gewenst: v.opt_ja_nee(),
            verzuimdagen: v.opt_aantal(),
            melder_naam: v.opt_tekst(),
            melder_functie: v.opt_tekst(),
            melder_telefoon: v.opt_tekst(),
            melder_email: v.opt_tekst(),
            afwijkend_verblijfadres: v.opt_tekst(),
        };
        v.klaar(r)
    }
}

/// A youth whose data should be checked against the BRP, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct BrpVerzoek {
    pub jongere: String,
    pub sinds: Datum,
    pub reden: String,
    pub levering: Option<String>,
}

impl Rij for BrpVerzoek {
    const TABEL: &'static str = "brp_verzoek";
    const KOLOMMEN: &'static [Kolom] = &[k("jongere", T), k("sinds", D), k("reden", T), o("levering", T)];
    fn waarden(&self) -> Vec<Waarde> {
        vec![tekst(&self.jongere), datum(self.sinds), tekst(&self.reden), opt_tekst(self.levering.as_deref())]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = BrpVerzoek { jongere: v.tekst(), sinds: v.datum(), reden: v.tekst(), levering: v.opt_tekst() };
        v.klaar(r)
    }
}

/// What the office reports to DUO about one of DUO's meldingen, in the verzending that sends it.
#[derive(Debug, Clone, PartialEq)]
pub struct Terugmelding {
    pub id: String,
    pub meldingnummer: String,
    /// Code of the list `meldingstatus`: in_behandeling, afgesloten or ter_kennisgeving.
    pub status: String,
    /// Code of the list `reden_afsluiting`, with status afgesloten.
    pub reden_afsluiting: Option<String>,
    /// DUO's toelichting afsluiting, in DUO's words.
    pub toelichting: Option<String>,
    /// The gemeentelijke contactpersoon: the caseworker of the zaak (name, role, e-mail).
    pub contactpersoon: Option<String>,
    pub contact_functie: Option<String>,
    pub contact_email: Option<String>,
    /// The day the status holds from (the closing date for afgesloten).
    pub datum: Datum,
    /// When it was made (RFC 3339, UTC).
    pub klaargezet: String,
    pub verzending: String,
}

impl Rij for Terugmelding {
    const TABEL: &'static str = "terugmelding";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("meldingnummer", T),
        k("status", T),
        o("reden_afsluiting", T),
        o("toelichting", T),
        o("contactpersoon", T),
        o("contact_functie", T),
        o("contact_email", T),
        k("datum", D),
        k("klaargezet", T),
        k("verzending", T),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.meldingnummer),
            tekst(&self.status),
            opt_tekst(self.reden_afsluiting.as_deref()),
            opt_tekst(self.toelichting.as_deref()),
            opt_tekst(self.contactpersoon.as_deref()),
            opt_tekst(self.contact_functie.as_deref()),
            opt_tekst(self.contact_email.as_deref()),
            datum(self.datum),
            tekst(&self.klaargezet),
            tekst(&self.verzending),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Terugmelding {
            id: v.tekst(),
            meldingnummer: v.tekst(),
            status: v.tekst(),
            reden_afsluiting: v.opt_tekst(),
            toelichting: v.opt_tekst(),
            contactpersoon: v.opt_tekst(),
            contact_functie: v.opt_tekst(),
            contact_email: v.opt_tekst(),
            datum: v.datum(),
            klaargezet: v.tekst(),
            verzending: v.tekst(),
        };
        v.klaar(r)
    }
}

leerspoor_domain::code_enum!(
    /// What a message to DUO's register of vrijstellingen does.
    VrijstellingMutatie, "mutatie" {
        Nieuw = ("nieuw", "Nieuw"),
        Gewijzigd = ("gewijzigd", "Gewijzigd"),
        /// Granted no longer (revoked after bezwaar, or deleted): DUO removes it.
        Ingetrokken = ("ingetrokken", "Ingetrokken"),
    }
);

/// A vrijstelling as sent to DUO's register, in the verzending that sends it (migration 0013).
#[derive(Debug, Clone, PartialEq)]
pub struct VrijstellingMelding {
    pub id: String,
    pub vrijstelling: String,
    pub mutatie: VrijstellingMutatie,
    /// The youth's BSN as sent.
    pub bsn: String,
    /// Code of the list `vrijstelling_artikel`.
    pub artikel: String,
    /// The woongemeente on the ingangsdatum (or the latest known), GMxxxx.
    pub gemeente: String,
    pub ingangsdatum: Datum,
    pub einddatum: Option<Datum>,
    pub besluitdatum: Option<Datum>,
    /// When it was made (RFC 3339, UTC).
    pub klaargezet: String,
    /// The order of all messages made, one series.
    pub volgnummer: u64,
    pub verzending: String,
}

impl Rij for VrijstellingMelding {
    const TABEL: &'static str = "vrijstelling_melding";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("vrijstelling", T),
        k("mutatie", T),
        k("bsn", T),
        k("artikel", T),
        k("gemeente", T),
        k("ingangsdatum", D),
        o("einddatum", D),
        o("besluitdatum", D),
        k("klaargezet", T),
        k("volgnummer", G),
        k("verzending", T),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.vrijstelling),
            code(self.mutatie),
            tekst(&self.bsn),
            tekst(&self.artikel),
            tekst(&self.gemeente),
            datum(self.ingangsdatum),
            opt_datum(self.einddatum),
            opt_datum(self.besluitdatum),
            tekst(&self.klaargezet),
            aantal(self.volgnummer),
            tekst(&self.verzending),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = VrijstellingMelding {
            id: v.tekst(),
            vrijstelling: v.tekst(),
            mutatie: v.code(),
            bsn: v.tekst(),
            artikel: v.tekst(),
            gemeente: v.tekst(),
            ingangsdatum: v.datum(),
            einddatum: v.opt_datum(),
            besluitdatum: v.opt_datum(),
            klaargezet: v.tekst(),
            volgnummer: v.opt_geheel().unwrap_or_default() as u64,
            verzending: v.tekst(),
        };
        v.klaar(r)
    }
}

/// A DUO melding sent on to the woongemeente, in the verzending that carried it (migration 0014).
#[derive(Debug, Clone, PartialEq)]
pub struct Doorgestuurd {
    pub meldingnummer: String,
    /// GMxxxx, or as DUO wrote it.
    pub woongemeente: String,
    pub verzending: String,
}

impl Rij for Doorgestuurd {
    const TABEL: &'static str = "doorgestuurd";
    const KOLOMMEN: &'static [Kolom] = &[k("meldingnummer", T), k("woongemeente", T), k("verzending", T)];
    fn waarden(&self) -> Vec<Waarde> {
        vec![tekst(&self.meldingnummer), tekst(&self.woongemeente), tekst(&self.verzending)]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Doorgestuurd { meldingnummer: v.tekst(), woongemeente: v.tekst(), verzending: v.tekst() };
        v.klaar(r)
    }
}

/// A batch of messages to an outside party (`bestemming`: `duo-terugmelding`, …), fixed when made,
/// until its receipt is acknowledged.
#[derive(Debug, Clone, PartialEq)]
pub struct Verzending {
    pub id: String,
    pub bestemming: String,
    pub aangemaakt: String,
    pub door: String,
    pub bevestigd: Option<String>,
    pub bevestigd_door: Option<String>,
}

impl Rij for Verzending {
    const TABEL: &'static str = "verzending";
    const KOLOMMEN: &'static [Kolom] =
        &[k("id", T), k("bestemming", T), k("aangemaakt", T), k("door", T), o("bevestigd", T), o("bevestigd_door", T)];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.bestemming),
            tekst(&self.aangemaakt),
            tekst(&self.door),
            opt_tekst(self.bevestigd.as_deref()),
            opt_tekst(self.bevestigd_door.as_deref()),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Verzending {
            id: v.tekst(),
            bestemming: v.tekst(),
            aangemaakt: v.tekst(),
            door: v.tekst(),
            bevestigd: v.opt_tekst(),
            bevestigd_door: v.opt_tekst(),
        };
        v.klaar(r)
    }
}
