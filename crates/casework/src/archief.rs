//! Bewaren en vernietigen (docs/beheer.md): which parts of which dossiers are due for destruction
//! under the archive decision ([`leerspoor_domain::rules::bewaren`]), and their destruction in one
//! transaction with a line per part on the destruction list.
//!
//! A part is *due* when its period has ended ([`bewaren::vernietigbaar_vanaf`]) and nothing in it
//! still runs; it is *held* (aangehouden) when its period has ended but a zaak is open, a traject
//! or thuiszitperiode runs, a request is undecided, or a message about it waits for DUO's
//! acknowledgement. The list is shown first with a kenmerk; destruction needs that kenmerk, so
//! what was approved is exactly what goes. Reports of the years the records counted in are made
//! final first (`report::vastgesteld`, called by the CLI): the counts stay, the people go.
use crate::{Fout, Result};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{
    Actie, ActieSoort, Contactgegeven, Dagbesteding, Diploma, Document, Gezinsrelatie, Inschrijving, Jongere,
    Medewerker, RmcTraject, Rol, Thuiszitperiode, Verzuimmelding, Vrijstelling, VrijstellingStatus, VsvMelding,
    Woonadres, Zaak, ZaakSoort, ZaakStatus,
};
use leerspoor_domain::rules::Weigering;
use leerspoor_domain::rules::bewaren::{self, Bewaarfeiten, Bewaartermijnen, Dossierdeel};
use leerspoor_domain::rules::brief::BriefSoort;
use leerspoor_domain::rules::startkwalificatie::is_startkwalificatie;
use leerspoor_domain::rules::vrijstelling as vrijstelling_regels;
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_store::Store;
use leerspoor_store::archief::Vernietiging;
use leerspoor_store::rij::{Type, Waarde};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The tables a destruction deletes from, in an order that never leaves a reference to a deleted
/// row: messages about a melding before the melding, actions before their zaak, the person last.
/// Each with the column its rows are selected by.
const VOLGORDE: &[(&str, &str)] = &[
    ("terugmelding", "meldingnummer"),
    ("doorgestuurd", "meldingnummer"),
    ("duo_melding", "meldingnummer"),
    ("document", "id"),
    ("actie", "id"),
    ("thuiszitperiode", "id"),
    ("verzuimmelding", "id"),
    ("zaak", "id"),
    ("vrijstelling_melding", "vrijstelling"),
    ("vrijstelling", "id"),
    ("vsv_melding", "id"),
    ("rmc_traject", "id"),
    ("dagbesteding", "id"),
    ("gezinsrelatie", "jongere"),
    ("contactgegeven", "id"),
    ("woonadres", "id"),
    ("inschrijving", "id"),
    ("diploma", "id"),
    ("brp_verzoek", "jongere"),
    ("jongere", "id"),
    ("ouder", "id"),
];

/// Tables kept with another record and not counted apart on the destruction list: the DUO
/// messages of a melding or vrijstelling.
const BIJ_ANDER: &[&str] = &["terugmelding", "doorgestuurd", "duo_melding", "vrijstelling_melding", "brp_verzoek"];

/// One part of one youth's dossier that is due: per table the values of its selecting column.
#[derive(Debug, Clone, PartialEq)]
pub struct Kandidaat {
    pub deel: Dossierdeel,
    pub jongere: String,
    pub records: BTreeMap<&'static str, Vec<String>>,
    /// Change-log keys per table where they differ from the selecting values (gezinsrelatie).
    logsleutels: BTreeMap<&'static str, Vec<String>>,
    pub periode: Option<(Datum, Datum)>,
}

/// What is due on a peildatum, and what is held and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Selectie {
    pub peildatum: Datum,
    pub termijnen: Bewaartermijnen,
    pub kandidaten: Vec<Kandidaat>,
    /// Parts past their period but held, by reason.
    pub aangehouden: BTreeMap<&'static str, usize>,
    /// The first date of the office's casework in the register (a melding, zaak, VSV-melding or
    /// traject): reports are made from then on.
    eerste_werkdatum: Option<Datum>,
}

/// The summary of one part on the list: what the approver sees and the destruction list keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Deeloverzicht {
    pub deel: Dossierdeel,
    pub dossiers: usize,
    pub per_tabel: BTreeMap<&'static str, usize>,
    pub periode: Option<(Datum, Datum)>,
}

impl Deeloverzicht {
    pub fn records(&self) -> usize {
        self.per_tabel.values().sum()
    }

    /// "actie 40, zaak 12".
    pub fn tabellen(&self) -> String {
        self.per_tabel.iter().map(|(t, n)| format!("{t} {n}")).collect::<Vec<_>>().join(", ")
    }
}

impl Selectie {
    /// A digest of exactly what would be destroyed (16 hex characters): the approver's list and
    /// the destruction must have the same one. It names no one.
    pub fn kenmerk(&self) -> String {
        let mut h = Sha256::new();
        for k in &self.kandidaten {
            h.update(format!("{}\u{1f}{}\u{1e}", k.deel.code(), k.jongere));
            for (tabel, ids) in &k.records {
                h.update(format!("{tabel}\u{1f}{}\u{1e}", ids.join("\u{1f}")));
            }
        }
        h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
    }

    /// The values of every candidate's records of a table.
    fn ids<'a>(&'a self, tabel: &str) -> impl Iterator<Item = &'a str> {
        self.kandidaten.iter().flat_map(move |k| k.records.get(tabel).into_iter().flatten()).map(String::as_str)
    }

    /// Refuses a destruction of another list than this one (or of an empty one).
    pub fn toets_kenmerk(&self, kenmerk: &str) -> Result<()> {
        if self.kandidaten.is_empty() {
            return Err(Fout::invoer("kenmerk", "er is niets te vernietigen op deze peildatum"));
        }
        if self.kenmerk() != kenmerk.trim() {
            return Err(Fout::invoer(
                "kenmerk",
                format!(
                    "de lijst is veranderd sinds de goedkeuring (nu kenmerk {}); toon de lijst opnieuw en laat hem \
                     opnieuw goedkeuren",
                    self.kenmerk()
                ),
            ));
        }
        Ok(())
    }

    /// Per part: dossiers, records per table, and the period of their dates.
    pub fn overzicht(&self) -> Vec<Deeloverzicht> {
        Dossierdeel::ALLE
            .iter()
            .filter_map(|&deel| {
                let delen: Vec<&Kandidaat> = self.kandidaten.iter().filter(|k| k.deel == deel).collect();
                if delen.is_empty() {
                    return None;
                }
                let mut per_tabel = BTreeMap::new();
                for k in &delen {
                    for (t, ids) in k.records.iter().filter(|(t, _)| !BIJ_ANDER.contains(t)) {
                        // A relation is selected by its youth, counted by its key.
                        *per_tabel.entry(*t).or_insert(0) += k.logsleutels.get(t).map_or(ids.len(), Vec::len);
                    }
                }
                let periode = delen.iter().filter_map(|k| k.periode).reduce(|(a, b), (c, d)| (a.min(c), b.max(d)));
                Some(Deeloverzicht { deel, dossiers: delen.len(), per_tabel, periode })
            })
            .collect()
    }

    /// The schooljaren to make final before this list is destroyed: from the year before the first
    /// its records counted in (recidive counts the next year's meldingen), not before the office's
    /// first casework (no report of earlier years was made from the register), up to two years
    /// before the peildatum's. The year before the peildatum's is left open: some of its figures
    /// wait for the year after (recidive, VSV after 1 October), and nothing destroyed counted in it
    /// ([`bewaren::vernietigbaar_vanaf`]: the second 1 August after a part's last date).
    pub fn vast_te_stellen(&self) -> Option<(SchoolJaar, SchoolJaar)> {
        let vroegst = self.kandidaten.iter().filter_map(|k| k.periode.map(|p| p.0)).min()?;
        let van = SchoolJaar::van(vroegst.max(self.eerste_werkdatum.unwrap_or(vroegst))).vorig();
        let tot = SchoolJaar::van(self.peildatum).vorig().vorig();
        (van <= tot).then_some((van, tot))
    }
}

/// The register as far as retention needs it.
struct Register {
    jongeren: Vec<Jongere>,
    diplomas: Vec<Diploma>,
    zaken: Vec<Zaak>,
    meldingen: Vec<Verzuimmelding>,
    acties: Vec<Actie>,
    vrijstellingen: Vec<Vrijstelling>,
    thuiszit: Vec<Thuiszitperiode>,
    vsv: Vec<VsvMelding>,
    trajecten: Vec<RmcTraject>,
    dagbesteding: Vec<Dagbesteding>,
    documenten: Vec<Document>,
    woonadressen: Vec<Woonadres>,
    inschrijvingen: Vec<Inschrijving>,
    relaties: Vec<Gezinsrelatie>,
    contactgegevens: Vec<Contactgegeven>,
    /// DUO's meldingnummers per verzuimmelding.
    duo: Vec<(String, String)>,
    /// The terugmeldingen per meldingnummer, and the vrijstelling messages per vrijstelling, by
    /// their own id (the key of their change-log lines).
    terugmeldingen: Vec<(String, String)>,
    vrijstelling_meldingen: Vec<(String, String)>,
    /// Meldingen and vrijstellingen with a message in a verzending DUO has not acknowledged.
    onbevestigd: HashSet<String>,
}

const DUO_MELDINGEN: &str = "SELECT meldingnummer, melding FROM duo_melding WHERE melding IS NOT NULL ORDER BY 1";
const TERUGMELDINGEN: &str = "SELECT id, meldingnummer FROM terugmelding ORDER BY 1";
const VRIJSTELLING_MELDINGEN: &str = "SELECT id, vrijstelling FROM vrijstelling_melding ORDER BY 1";
const ONBEVESTIGD: &str = "SELECT d.melding FROM terugmelding t JOIN duo_melding d ON d.meldingnummer = t.meldingnummer \
     JOIN verzending v ON v.id = t.verzending WHERE v.bevestigd IS NULL AND d.melding IS NOT NULL \
     UNION SELECT m.vrijstelling FROM vrijstelling_melding m JOIN verzending v ON v.id = m.verzending \
     WHERE v.bevestigd IS NULL";

/// Reads the register from a store or inside a writer's transaction (same method names). Every
/// list is sorted by key, so the listing and the transaction see the same order.
macro_rules! lees_register {
    ($bron:expr) => {{
        let paren = |rijen: Vec<Vec<Waarde>>| -> Vec<(String, String)> {
            rijen.iter().map(|r| (r[0].als_tekst(), r[1].als_tekst())).collect()
        };
        let twee = [Type::Tekst, Type::Tekst];
        let mut r = Register {
            jongeren: $bron.lees().await?,
            diplomas: $bron.lees().await?,
            zaken: $bron.lees().await?,
            meldingen: $bron.lees().await?,
            acties: $bron.lees().await?,
            vrijstellingen: $bron.lees().await?,
            thuiszit: $bron.lees().await?,
            vsv: $bron.lees().await?,
            trajecten: $bron.lees().await?,
            dagbesteding: $bron.lees().await?,
            documenten: $bron.lees().await?,
            woonadressen: $bron.lees().await?,
            inschrijvingen: $bron.lees().await?,
            relaties: $bron.lees().await?,
            contactgegevens: $bron.lees().await?,
            duo: paren($bron.vraag(DUO_MELDINGEN, &[], &twee).await?),
            terugmeldingen: paren($bron.vraag(TERUGMELDINGEN, &[], &twee).await?),
            vrijstelling_meldingen: paren($bron.vraag(VRIJSTELLING_MELDINGEN, &[], &twee).await?),
            onbevestigd: $bron
                .vraag(ONBEVESTIGD, &[], &[Type::Tekst])
                .await?
                .iter()
                .map(|r| r[0].als_tekst())
                .collect(),
        };
        r.sorteer();
        r
    }};
}

impl Register {
    /// Key order, whatever order the database returned.
    fn sorteer(&mut self) {
        self.jongeren.sort_by(|a, b| a.id.cmp(&b.id));
        self.diplomas.sort_by(|a, b| a.id.cmp(&b.id));
        self.zaken.sort_by(|a, b| a.id.cmp(&b.id));
        self.meldingen.sort_by(|a, b| a.id.cmp(&b.id));
        self.acties.sort_by(|a, b| a.id.cmp(&b.id));
        self.vrijstellingen.sort_by(|a, b| a.id.cmp(&b.id));
        self.thuiszit.sort_by(|a, b| a.id.cmp(&b.id));
        self.vsv.sort_by(|a, b| a.id.cmp(&b.id));
        self.trajecten.sort_by(|a, b| a.id.cmp(&b.id));
        self.dagbesteding.sort_by(|a, b| a.id.cmp(&b.id));
        self.documenten.sort_by(|a, b| a.id.cmp(&b.id));
        self.woonadressen.sort_by(|a, b| a.id.cmp(&b.id));
        self.inschrijvingen.sort_by(|a, b| a.id.cmp(&b.id));
        self.relaties.sort_by(|a, b| (&a.jongere, &a.ouder).cmp(&(&b.jongere, &b.ouder)));
        self.contactgegevens.sort_by(|a, b| a.id.cmp(&b.id));
    }
}

/// What is due on `peildatum` under `termijnen`.
pub async fn selecteer(store: &Store, peildatum: Datum, termijnen: Bewaartermijnen) -> Result<Selectie> {
    let register = lees_register!(store);
    Ok(kies(&register, peildatum, termijnen))
}

/// One part's records of one youth while they are being gathered.
#[derive(Default)]
struct Deel {
    records: BTreeMap<&'static str, Vec<String>>,
    logsleutels: BTreeMap<&'static str, Vec<String>>,
    datums: Vec<Datum>,
    /// Why the part may not go yet, though its period may have ended.
    loopt: Option<&'static str>,
}

impl Deel {
    fn voeg_toe(&mut self, tabel: &'static str, id: &str, datums: impl IntoIterator<Item = Option<Datum>>) {
        self.records.entry(tabel).or_default().push(id.to_string());
        self.datums.extend(datums.into_iter().flatten());
    }

    /// Rows deleted with a record (DUO's messages about it): by `waarde` in their selecting
    /// column, their change-log lines by their own keys.
    fn voeg_bij(&mut self, tabel: &'static str, waarde: &str, logsleutels: impl IntoIterator<Item = String>) {
        self.records.entry(tabel).or_default().push(waarde.to_string());
        self.logsleutels.entry(tabel).or_default().extend(logsleutels);
    }

    fn houd_aan(&mut self, waarom: &'static str, als: bool) {
        if als && self.loopt.is_none() {
            self.loopt = Some(waarom);
        }
    }
}

type Delen = HashMap<(String, Dossierdeel), Deel>;

fn in_deel<'a>(delen: &'a mut Delen, jongere: &str, d: Dossierdeel) -> &'a mut Deel {
    delen.entry((jongere.to_string(), d)).or_default()
}

/// Groups `(a, b)` pairs by `b`.
fn per_tweede(paren: &[(String, String)]) -> HashMap<&str, Vec<&str>> {
    paren.iter().fold(HashMap::new(), |mut m, (a, b)| {
        m.entry(b.as_str()).or_default().push(a.as_str());
        m
    })
}

/// The positions of each youth's records in a list, to find them without going through it per youth.
fn per_jongere<'a, T>(lijst: &'a [T], jongere: impl Fn(&'a T) -> &'a String) -> HashMap<&'a str, Vec<usize>> {
    let mut m: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, t) in lijst.iter().enumerate() {
        m.entry(jongere(t).as_str()).or_default().push(i);
    }
    m
}

/// The selection as a pure function of the register read.
fn kies(r: &Register, peildatum: Datum, termijnen: Bewaartermijnen) -> Selectie {
    let mut delen = Delen::new();
    let zaaksoort: HashMap<&str, ZaakSoort> = r.zaken.iter().map(|z| (z.id.as_str(), z.soort)).collect();
    let deel_van_zaak = |zaak: Option<&String>| match zaak.and_then(|z| zaaksoort.get(z.as_str())) {
        Some(ZaakSoort::Rmc) => Dossierdeel::Rmc,
        _ => Dossierdeel::Leerplicht,
    };
    let meldingnummers = per_tweede(&r.duo);
    let terugmeldingen = per_tweede(&r.terugmeldingen);
    let vrijstelling_meldingen = per_tweede(&r.vrijstelling_meldingen);

    for z in &r.zaken {
        let d = in_deel(&mut delen, &z.jongere, deel_van_zaak(Some(&z.id)));
        d.voeg_toe("zaak", &z.id, [Some(z.geopend_op), z.gesloten_op]);
        d.houd_aan("zaak nog open", z.status != ZaakStatus::Gesloten);
    }
    for m in &r.meldingen {
        // 18+ verzuim is the RMC's (Lpw art. 4a no longer applies), also without an RMC zaak.
        let deel = if m.soort == "achttien_plus" { Dossierdeel::Rmc } else { deel_van_zaak(m.zaak.as_ref()) };
        let d = in_deel(&mut delen, &m.jongere, deel);
        d.voeg_toe("verzuimmelding", &m.id, [Some(m.meldingsdatum), Some(m.verzuim_van), m.verzuim_tot]);
        for nummer in meldingnummers.get(m.id.as_str()).into_iter().flatten() {
            let berichten = terugmeldingen.get(nummer).into_iter().flatten().map(|id| id.to_string());
            d.voeg_bij("terugmelding", nummer, berichten);
            d.voeg_bij("doorgestuurd", nummer, [nummer.to_string()]);
            d.voeg_bij("duo_melding", nummer, [nummer.to_string()]);
        }
        d.houd_aan("bericht aan DUO nog niet bevestigd", r.onbevestigd.contains(&m.id));
    }
    for a in &r.acties {
        let d = in_deel(&mut delen, &a.jongere, deel_van_zaak(a.zaak.as_ref()));
        d.voeg_toe("actie", &a.id, [Some(a.datum), a.uitkomst_datum]);
        let afloop_open = matches!(a.soort, ActieSoort::Halt | ActieSoort::ProcesVerbaal) && a.uitkomst.is_none();
        d.houd_aan("afloop van HALT of proces-verbaal nog niet bekend", afloop_open);
    }
    for t in &r.thuiszit {
        let d = in_deel(&mut delen, &t.jongere, deel_van_zaak(t.zaak.as_ref()));
        d.voeg_toe("thuiszitperiode", &t.id, [Some(t.begindatum), t.einddatum]);
        d.houd_aan("thuiszitperiode loopt nog", t.einddatum.is_none());
    }
    for v in &r.vrijstellingen {
        let d = in_deel(&mut delen, &v.jongere, Dossierdeel::Leerplicht);
        d.voeg_toe("vrijstelling", &v.id, [Some(v.aanvraagdatum), v.besluitdatum, v.geldig_tot, v.bezwaar_op]);
        let berichten = vrijstelling_meldingen.get(v.id.as_str()).into_iter().flatten().map(|id| id.to_string());
        d.voeg_bij("vrijstelling_melding", &v.id, berichten);
        // Undecided, or a decision under bezwaar or beroep (Awb): the procedure still runs.
        let open = matches!(
            vrijstelling_regels::stand(v),
            VrijstellingStatus::Aangevraagd | VrijstellingStatus::InBehandeling | VrijstellingStatus::BezwaarBeroep
        );
        d.houd_aan("aanvraag, bezwaar of beroep nog niet beslist", open);
        d.houd_aan("bericht aan DUO nog niet bevestigd", r.onbevestigd.contains(&v.id));
    }
    for v in &r.vsv {
        in_deel(&mut delen, &v.jongere, Dossierdeel::Rmc).voeg_toe("vsv_melding", &v.id, [Some(v.uitvaldatum)]);
    }
    for t in &r.trajecten {
        let d = in_deel(&mut delen, &t.jongere, Dossierdeel::Rmc);
        d.voeg_toe("rmc_traject", &t.id, [Some(t.aangemeld_op), Some(t.begindatum), t.einddatum]);
        d.houd_aan("traject loopt nog", t.einddatum.is_none());
    }
    for b in &r.dagbesteding {
        in_deel(&mut delen, &b.jongere, Dossierdeel::Rmc).voeg_toe("dagbesteding", &b.id, [Some(b.datum)]);
    }
    // A letter goes with the zaak or the request it was made from; the zomeractie letter, about the
    // youth's drop-out, with the RMC part.
    for d in &r.documenten {
        let deel = match (&d.vrijstelling, d.soort == BriefSoort::Zomeractie.code()) {
            (Some(_), _) => Dossierdeel::Leerplicht,
            (None, true) => Dossierdeel::Rmc,
            (None, false) => deel_van_zaak(d.zaak.as_ref()),
        };
        in_deel(&mut delen, &d.jongere, deel).voeg_toe("document", &d.id, [Some(d.datum)]);
    }

    let startkwalificatie: HashMap<&str, Datum> =
        r.diplomas.iter().filter(|d| is_startkwalificatie(d.soort)).fold(HashMap::new(), |mut m, d| {
            let e = m.entry(d.jongere.as_str()).or_insert(d.datum);
            *e = (*e).min(d.datum);
            m
        });
    let adressen = per_jongere(&r.woonadressen, |a| &a.jongere);
    let inschrijvingen = per_jongere(&r.inschrijvingen, |i| &i.jongere);
    let diplomas = per_jongere(&r.diplomas, |d| &d.jongere);
    let relaties = per_jongere(&r.relaties, |g| &g.jongere);
    let contactgegevens = per_jongere(&r.contactgegevens, |c| &c.jongere);
    let mut kandidaten = Vec::new();
    let mut aangehouden: BTreeMap<&'static str, usize> = BTreeMap::new();
    for j in &r.jongeren {
        let sq = startkwalificatie.get(j.id.as_str()).copied();
        let mut alles_weg = true;
        let mut laatste_van_delen: Option<Datum> = None;
        for d in [Dossierdeel::Leerplicht, Dossierdeel::Rmc] {
            let Some(deel) = delen.remove(&(j.id.clone(), d)) else { continue };
            let laatste = deel.datums.iter().max().copied();
            laatste_van_delen = laatste_van_delen.max(laatste);
            let feiten = Bewaarfeiten {
                geboortedatum: j.geboortedatum,
                startkwalificatie: sq,
                laatste,
                kwalificatieplicht: deel.datums.iter().any(|&datum| bewaren::na_zestiende(j.geboortedatum, datum)),
            };
            if bewaren::vernietigbaar_vanaf(d, &termijnen, &feiten) > peildatum {
                alles_weg = false;
                continue;
            }
            if let Some(waarom) = deel.loopt {
                *aangehouden.entry(waarom).or_default() += 1;
                alles_weg = false;
                continue;
            }
            kandidaten.push(kandidaat(&j.id, d, deel));
        }
        let feiten = Bewaarfeiten {
            geboortedatum: j.geboortedatum,
            startkwalificatie: sq,
            laatste: laatste_van_delen,
            kwalificatieplicht: false,
        };
        if !alles_weg || bewaren::vernietigbaar_vanaf(Dossierdeel::Persoon, &termijnen, &feiten) > peildatum {
            continue;
        }
        let mut persoon = Deel::default();
        persoon.voeg_toe("jongere", &j.id, []);
        let van = |m: &HashMap<&str, Vec<usize>>| m.get(j.id.as_str()).cloned().unwrap_or_default();
        for a in van(&adressen).into_iter().map(|i| &r.woonadressen[i]) {
            persoon.voeg_toe("woonadres", &a.id, [Some(a.begindatum), a.einddatum]);
        }
        for i in van(&inschrijvingen).into_iter().map(|i| &r.inschrijvingen[i]) {
            persoon.voeg_toe("inschrijving", &i.id, [Some(i.begindatum), i.einddatum]);
        }
        for d in van(&diplomas).into_iter().map(|i| &r.diplomas[i]) {
            persoon.voeg_toe("diploma", &d.id, [Some(d.datum)]);
        }
        // Her parents' contact details too: they were recorded in her dossier.
        for c in van(&contactgegevens).into_iter().map(|i| &r.contactgegevens[i]) {
            persoon.voeg_toe("contactgegeven", &c.id, [Some(c.vanaf), c.tot]);
        }
        let relaties: Vec<String> =
            van(&relaties).into_iter().map(|i| &r.relaties[i]).map(|g| format!("{}/{}", g.jongere, g.ouder)).collect();
        if !relaties.is_empty() {
            persoon.voeg_bij("gezinsrelatie", &j.id, relaties);
        }
        // A BRP request is kept by the youth's id, and so are its change-log lines, also of a request
        // done earlier: deleted whether there is one now or not.
        persoon.voeg_bij("brp_verzoek", &j.id, [j.id.clone()]);
        kandidaten.push(kandidaat(&j.id, Dossierdeel::Persoon, persoon));
    }
    ouders_mee(r, &mut kandidaten);
    for k in &mut kandidaten {
        k.records.values_mut().chain(k.logsleutels.values_mut()).for_each(|ids| {
            ids.sort();
            ids.dedup();
        });
    }
    kandidaten.sort_by(|a, b| (a.deel, &a.jongere).cmp(&(b.deel, &b.jongere)));
    let eerste_werkdatum = r
        .zaken
        .iter()
        .map(|z| z.geopend_op)
        .chain(r.meldingen.iter().map(|m| m.meldingsdatum))
        .chain(r.vsv.iter().map(|v| v.uitvaldatum))
        .chain(r.trajecten.iter().map(|t| t.aangemeld_op))
        .min();
    Selectie { peildatum, termijnen, kandidaten, aangehouden, eerste_werkdatum }
}

/// A parent goes with the last record about her: the relations of youths whose person goes and
/// the actions that go (a PV against a parent). She stays while a relation, an action or a contact
/// detail that stays names her. She goes with the part of the smallest youth id that named her, whatever the order.
fn ouders_mee(r: &Register, kandidaten: &mut [Kandidaat]) {
    let weg = |tabel: &str| -> HashSet<&str> {
        kandidaten.iter().flat_map(|k| k.records.get(tabel).into_iter().flatten()).map(String::as_str).collect()
    };
    let weg_jongeren: HashSet<&str> =
        kandidaten.iter().filter(|k| k.deel == Dossierdeel::Persoon).map(|k| k.jongere.as_str()).collect();
    let weg_acties = weg("actie");
    // The part each action that goes is in.
    let deel_van_actie: HashMap<&str, Dossierdeel> = kandidaten
        .iter()
        .flat_map(|k| k.records.get("actie").into_iter().flatten().map(move |id| (id.as_str(), k.deel)))
        .collect();
    let blijven: HashSet<&str> = r
        .relaties
        .iter()
        .filter(|g| !weg_jongeren.contains(g.jongere.as_str()))
        .map(|g| g.ouder.as_str())
        .chain(r.acties.iter().filter(|a| !weg_acties.contains(a.id.as_str())).filter_map(|a| a.ouder.as_deref()))
        .chain(
            r.contactgegevens
                .iter()
                .filter(|c| !weg_jongeren.contains(c.jongere.as_str()))
                .filter_map(|c| c.ouder.as_deref()),
        )
        .collect();
    // Per parent going: the (part, youth) she goes with.
    let mut mee: BTreeMap<String, (Dossierdeel, String)> = BTreeMap::new();
    let genoemd = r
        .relaties
        .iter()
        .filter(|g| weg_jongeren.contains(g.jongere.as_str()))
        .map(|g| (g.ouder.as_str(), (Dossierdeel::Persoon, g.jongere.as_str())))
        .chain(r.acties.iter().filter_map(|a| {
            let deel = *deel_van_actie.get(a.id.as_str())?;
            Some((a.ouder.as_deref()?, (deel, a.jongere.as_str())))
        }));
    for (ouder, (deel, jongere)) in genoemd.filter(|(o, _)| !blijven.contains(o)) {
        let nu = (deel, jongere.to_string());
        let e = mee.entry(ouder.to_string()).or_insert_with(|| nu.clone());
        if (&nu.1, nu.0) < (&e.1, e.0) {
            *e = nu;
        }
    }
    let plek: HashMap<(Dossierdeel, String), usize> =
        kandidaten.iter().enumerate().map(|(i, k)| ((k.deel, k.jongere.clone()), i)).collect();
    for (ouder, sleutel) in mee {
        if let Some(&i) = plek.get(&sleutel) {
            kandidaten[i].records.entry("ouder").or_default().push(ouder);
        }
    }
}

fn kandidaat(jongere: &str, deel: Dossierdeel, d: Deel) -> Kandidaat {
    let periode = d.datums.iter().min().copied().zip(d.datums.iter().max().copied());
    Kandidaat { deel, jongere: jongere.to_string(), records: d.records, logsleutels: d.logsleutels, periode }
}

/// The medewerker who approves a destruction list: a teamleider in service.
pub async fn goedkeurder(store: &Store, id: &str) -> Result<Medewerker> {
    let m = crate::medewerker(store, id).await?;
    if m.rol != Rol::Teamleider {
        return Err(Weigering::new(
            "vernietigen: goedkeuring",
            format!("{} is geen teamleider; de vernietigingslijst wordt goedgekeurd door een teamleider", m.id),
        )
        .into());
    }
    Ok(m)
}

/// Refuses a destruction on a peildatum after today: that would destroy before the period ends.
pub fn toets_peildatum(peildatum: Datum) -> Result<()> {
    let vandaag = chrono::Local::now().date_naive();
    if peildatum > vandaag {
        return Err(Fout::invoer(
            "peildatum",
            format!("vernietigen kan niet vooruit: {peildatum} ligt na vandaag ({vandaag})"),
        ));
    }
    Ok(())
}

/// Destroys what is due on `peildatum`, if it is still exactly the list with `kenmerk` that
/// `goedgekeurd_door` (a teamleider in service) approved: in one transaction, with a line per part
/// on the destruction list. The list's lines.
pub async fn vernietig(
    store: &Store,
    peildatum: Datum,
    termijnen: Bewaartermijnen,
    kenmerk: &str,
    goedgekeurd_door: &str,
    uitgevoerd_door: &str,
) -> Result<Vec<Vernietiging>> {
    toets_peildatum(peildatum)?;
    let teamleider = goedkeurder(store, goedgekeurd_door).await?;
    let mut s = store
        .schrijver(uitgevoerd_door, "archief vernietigen")
        .await?
        .met_reden(format!("vernietiging volgens de bewaartermijnen, goedgekeurd door {}", teamleider.id));
    // PostgreSQL: one snapshot, and a record changed by someone else meanwhile fails the run
    // rather than being destroyed unseen (a zaak reopened after the read).
    s.herhaalbaar_lezen().await?;
    // One run at a time, and the list read inside the transaction: what goes is what was approved.
    s.vergrendel("archief vernietigen").await?;
    let register = lees_register!(s);
    let selectie = kies(&register, peildatum, termijnen);
    selectie.toets_kenmerk(kenmerk)?;
    // A melding that stays may point at one that goes (`vervolg_op`, no foreign key): it no longer does.
    let weg_meldingen: HashSet<&str> = selectie.ids("verzuimmelding").collect();
    for m in register.meldingen.iter().filter(|m| !weg_meldingen.contains(m.id.as_str())) {
        if m.vervolg_op.as_deref().is_some_and(|v| weg_meldingen.contains(v)) {
            s.wijzig(m, &Verzuimmelding { vervolg_op: None, ..m.clone() }).await?;
        }
    }
    for &(tabel, kolom) in VOLGORDE {
        let mut waarden: Vec<String> = selectie.ids(tabel).map(str::to_string).collect();
        waarden.sort();
        waarden.dedup();
        let mut logsleutels: Vec<String> = Vec::new();
        for k in &selectie.kandidaten {
            let ids = k.records.get(tabel).map(Vec::as_slice).unwrap_or_default();
            for sleutel in k.logsleutels.get(tabel).map(Vec::as_slice).unwrap_or(ids) {
                logsleutels.push(sleutel.clone());
                // An import writes a key that a spreadsheet would read as a formula with a quote
                // before it (`ingest::cel`): those lines go too.
                if sleutel.starts_with(['=', '+', '-', '@']) {
                    logsleutels.push(format!("'{sleutel}"));
                }
            }
        }
        let weg = s.vernietig(tabel, kolom, &waarden, &logsleutels).await?;
        // Each record by its key, once: fewer means someone removed one meanwhile.
        if kolom == "id" && weg != waarden.len() as u64 {
            return Err(leerspoor_store::StoreFout::Gelijktijdig {
                tabel,
                sleutel: format!("({} records)", waarden.len()),
            }
            .into());
        }
    }
    let personen: Vec<String> =
        selectie.kandidaten.iter().filter(|k| k.deel == Dossierdeel::Persoon).map(|k| k.jongere.clone()).collect();
    s.vernietig_geschiedenis(&personen).await?;
    // Microseconds, as PostgreSQL keeps them: the list read back is the list written.
    let nu = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6);
    let regels: Vec<Vernietiging> = selectie
        .overzicht()
        .into_iter()
        .map(|o| Vernietiging {
            tijdstip: nu,
            peildatum,
            deel: o.deel.code().to_string(),
            grondslag: o.deel.grondslag(&termijnen),
            dossiers: o.dossiers as i64,
            records: o.records() as i64,
            tabellen: o.tabellen(),
            periode: o.periode,
            goedgekeurd_door: teamleider.id.clone(),
            uitgevoerd_door: uitgevoerd_door.to_string(),
            kenmerk: selectie.kenmerk(),
        })
        .collect();
    for regel in &regels {
        s.vernietiging_vastleggen(regel).await?;
    }
    s.vastleggen("archief vernietigd", &format!("vernietigingslijst {}", selectie.kenmerk())).await?;
    Ok(regels)
}
