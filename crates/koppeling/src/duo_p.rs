//! DUO's P-levering (docs/koppelingen.md, "P-levering"): the weekly changes about youths in the
//! region, one row per mutation, applied as dated facts with the change log.
//!
//! A week is applied whole or refused whole, and in order: the week after the last one applied,
//! never one twice, never with a week missing. An enrolment or a result is known by DUO's number
//! (per youth), and DUO's register is their source. A youth the register does not know is made
//! from the row (and put on the BRP list) when it gives a birth date and a name. What does not fit
//! the register is an afwijking, listed by row; the week goes on.
use crate::levering::{self, LeesFout, Levering, Rij, fout};
use crate::logboek::{Aanbod, KoppelFout, eerder_toegepast, herhaald, lees, periode, regel, rijfout, weiger};
use crate::persoon::{Persoon, Regio, zet_op_brp_lijst};
use crate::records::{BrpVerzoek, Uitkomst};
use crate::verhuizing::{self, Naar, Verhuisd};
use leerspoor_casework::Fout;
use leerspoor_domain::bsn::is_onderwijsnummer;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{Diploma, Inschrijving, Jongere, Medewerker, School, Vertrek, Woonadres};
use leerspoor_domain::onderwijs::{DiplomaSoort, Niveau, Onderwijssoort, niveau_past_bij};
use leerspoor_domain::rules::{eerste_startkwalificatie, verjaardag};
use leerspoor_domain::{Bsn, Datum, Gemeentecode};
use leerspoor_store::{Schrijver, Store};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The bron of this source, in the log and the koppeltabel.
pub const BRON: &str = "duo-p";

/// The koppeltabel Leerspoor ships for this source (`data/koppelingen/duo-p.toml`).
pub const KOPPELTABEL: &str = include_str!("../../../data/koppelingen/duo-p.toml");

leerspoor_domain::code_enum!(
    /// The kinds of change DUO's P-levering reports.
    Mutatie, "mutatie" {
        Overleden = ("overleden", "overleden"),
        VierJaar = ("vier_jaar", "4 jaar geworden"),
        DrieentwintigJaar = ("drieentwintig_jaar", "23 jaar geworden"),
        VerhuisdBinnen = ("verhuisd_binnen", "verhuisd binnen de gemeente"),
        VerhuisdBuiten = ("verhuisd_buiten", "verhuisd naar een andere gemeente"),
        InschrijvingToegevoegd = ("inschrijving_toegevoegd", "inschrijving toegevoegd"),
        InschrijvingGewijzigd = ("inschrijving_gewijzigd", "inschrijving gewijzigd"),
        InschrijvingVerwijderd = ("inschrijving_verwijderd", "inschrijving verwijderd"),
        ResultaatToegevoegd = ("resultaat_toegevoegd", "resultaat toegevoegd"),
        ResultaatGewijzigd = ("resultaat_gewijzigd", "resultaat gewijzigd"),
        ResultaatVerwijderd = ("resultaat_verwijderd", "resultaat verwijderd"),
        StartkwalificatieBehaald = ("startkwalificatie_behaald", "startkwalificatie behaald"),
        GeenStartkwalificatieMeer = ("geen_startkwalificatie_meer", "kan geen startkwalificatie meer behalen"),
    }
);

/// The ISO week a P-levering covers, written `jjjj-ww`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Week {
    pub jaar: i32,
    pub week: u32,
}

impl Week {
    /// `2021-11`, `2021-W11` or `2021W11`.
    pub fn lees(tekst: &str) -> Result<Week, String> {
        let t = tekst.trim().to_uppercase();
        let (jaar, week) =
            t.split_once("-W").or_else(|| t.split_once('-')).or_else(|| t.split_once('W')).unwrap_or(("", ""));
        match (jaar.parse::<i32>(), week.parse::<u32>()) {
            (Ok(jaar), Ok(week)) if Datum::from_isoywd_opt(jaar, week, chrono::Weekday::Mon).is_some() => {
                Ok(Week { jaar, week })
            }
            _ => Err(format!("'{}' is geen week; verwacht jjjj-ww, bijvoorbeeld 2021-11", tekst.trim())),
        }
    }

    pub fn volgende(self) -> Week {
        let maandag = Datum::from_isoywd_opt(self.jaar, self.week, chrono::Weekday::Mon).expect("geldige week");
        let iso = (maandag + chrono::Days::new(7)).iso_week();
        Week { jaar: iso.year(), week: iso.week() }
    }
}

impl std::fmt::Display for Week {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{:02}", self.jaar, self.week)
    }
}

use chrono::Datelike;

/// One mutation as the delivery gives it, each field checked on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Mutatierij {
    /// Its row in the file (the heading is row 1).
    pub rij: usize,
    pub soort: Mutatie,
    pub datum: Datum,
    /// `None`: the row is about a youth by onderwijsnummer.
    pub bsn: Option<Bsn>,
    pub persoon: Persoon,
    /// DUO's number of the enrolment or result it is about.
    pub nummer: Option<String>,
    pub school: Option<(String, String)>,
    pub onderwijssoort: Option<Onderwijssoort>,
    pub niveau: Option<Niveau>,
    pub inschrijvingsdatum: Option<Datum>,
    pub uitschrijvingsdatum: Option<Datum>,
    pub diploma: Option<DiplomaSoort>,
    pub diplomadatum: Option<Datum>,
}

/// Reads the week and every mutation of a delivery, or every error in it.
pub fn lees_mutaties(l: &Levering) -> Result<(Option<Week>, Vec<Mutatierij>), Vec<LeesFout>> {
    let mut fouten = Vec::new();
    let mut week: Option<Week> = None;
    let mut mutaties = Vec::new();
    for r in &l.rijen {
        let mut f = |veld: &str, melding: String| fouten.push(fout(Some(r.nummer), Some(r.kop(veld)), melding));
        match r.tekst("periode").map(Week::lees) {
            Some(Ok(w)) if week.is_none_or(|eerdere| eerdere == w) => week = Some(w),
            Some(Ok(w)) => f("periode", format!("week {w} in een levering van week {}", week.expect("gezet"))),
            Some(Err(m)) => f("periode", m),
            None => f("periode", "leeg, maar verplicht".into()),
        }
        if let Some(m) = lees_mutatie(r, &mut f) {
            mutaties.push(m);
        }
    }
    if fouten.is_empty() { Ok((week, mutaties)) } else { Err(fouten) }
}

fn lees_mutatie(r: &Rij, f: &mut dyn FnMut(&str, String)) -> Option<Mutatierij> {
    let tekst = |veld: &str| r.tekst(veld).map(str::to_string);
    let datum = |veld: &str, f: &mut dyn FnMut(&str, String)| {
        r.datum(veld).unwrap_or_else(|e| {
            f(veld, e.melding);
            None
        })
    };
    fn parse<T: CodeEnum>(r: &Rij, veld: &str, f: &mut dyn FnMut(&str, String)) -> Option<T> {
        r.tekst(veld).and_then(|t| T::parse_code(t).map_err(|m| f(veld, m)).ok())
    }
    let soort: Option<Mutatie> = parse(r, "mutatie", f);
    let mutatiedatum = datum("mutatiedatum", f);
    let inschrijvingsdatum = datum("inschrijvingsdatum", f);
    let uitschrijvingsdatum = datum("uitschrijvingsdatum", f);
    let diplomadatum = datum("diplomadatum", f);
    // An onderwijsnummer (a youth without a BSN) is read; anything else that is no BSN is an error.
    let bsn = r.tekst("persoonsgebonden_nummer").and_then(|t| match Bsn::parse(t) {
        Ok(b) => Some(Some(b)),
        Err(_) if is_onderwijsnummer(t) => Some(None),
        Err(_) => {
            f("persoonsgebonden_nummer", GEEN_NUMMER.into());
            None
        }
    });
    let persoon = Persoon::lees(r, f);
    let onderwijssoort = parse(r, "onderwijssoort", f);
    let niveau = parse(r, "niveau", f);
    let diploma = parse(r, "diploma", f);
    let school = match (tekst("brin"), tekst("vestiging")) {
        (Some(b), Some(v)) => Some((b, v)),
        (None, None) => None,
        (Some(_), None) => {
            f("vestiging", "een BRIN zonder vestiging".into());
            None
        }
        (None, Some(_)) => {
            f("brin", "een vestiging zonder BRIN".into());
            None
        }
    };
    if let (Some(b), Some(e)) = (inschrijvingsdatum, uitschrijvingsdatum)
        && e < b
    {
        f("uitschrijvingsdatum", "de uitschrijvingsdatum ligt vóór de inschrijvingsdatum".into());
    }
    let nummer = match soort? {
        Mutatie::InschrijvingToegevoegd | Mutatie::InschrijvingGewijzigd | Mutatie::InschrijvingVerwijderd => {
            tekst("inschrijving").or_else(|| {
                f("inschrijving", "leeg, maar verplicht bij een mutatie van een inschrijving".into());
                None
            })
        }
        Mutatie::ResultaatToegevoegd | Mutatie::ResultaatGewijzigd | Mutatie::ResultaatVerwijderd => tekst("resultaat")
            .or_else(|| {
                f("resultaat", "leeg, maar verplicht bij een mutatie van een resultaat".into());
                None
            }),
        _ => None,
    };
    let mut verplicht = |veld: &str, er: bool, waarbij: &str| {
        if !er {
            f(veld, format!("leeg, maar verplicht bij {waarbij}"));
        }
    };
    match soort? {
        Mutatie::InschrijvingToegevoegd => {
            verplicht("brin", school.is_some(), "een nieuwe inschrijving");
            verplicht("onderwijssoort", onderwijssoort.is_some(), "een nieuwe inschrijving");
            verplicht("inschrijvingsdatum", inschrijvingsdatum.is_some(), "een nieuwe inschrijving");
        }
        Mutatie::ResultaatToegevoegd => {
            verplicht("diploma", diploma.is_some(), "een nieuw resultaat");
            verplicht("diplomadatum", diplomadatum.is_some(), "een nieuw resultaat");
        }
        Mutatie::VerhuisdBuiten => {
            verplicht("woongemeente", persoon.woongemeente.is_some(), "een verhuizing naar een andere gemeente");
        }
        _ => {}
    }
    Some(Mutatierij {
        rij: r.nummer,
        soort: soort?,
        datum: mutatiedatum?,
        bsn: bsn?,
        persoon,
        nummer,
        school,
        onderwijssoort,
        niveau,
        inschrijvingsdatum,
        uitschrijvingsdatum,
        diploma,
        diplomadatum,
    })
}

const GEEN_NUMMER: &str = "geen BSN (elfproef) en geen onderwijsnummer";

/// What became of one mutation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gevolg {
    /// Written into the register.
    Toegepast,
    /// The register already said so.
    AlZo,
    /// Nothing to write: the register derives it (23 years old, a startkwalificatie), or it
    /// concerns no one the office follows (a death or a 23rd birthday of someone the register does
    /// not know, anyone living outside the region).
    TerInformatie,
    /// Not applied: DUO's fact does not fit the register (an onderwijsnummer, a move dated before
    /// the current address began, …). Listed in the summary to look into by hand; the week itself
    /// is applied, or every later week would wait for a fact the office cannot change.
    Afwijking,
}

/// The afwijkingen a summary names by row at most: it is kept in the delivery log.
const MAX_AFWIJKINGEN: usize = 200;

/// What a P-levering did, or would do in a trial run.
#[derive(Debug, Clone)]
pub struct Verslag {
    pub levering: crate::records::Levering,
    pub proef: bool,
    /// Per mutation, its row, kind and what became of it.
    pub per_mutatie: Vec<(usize, Mutatie, Gevolg)>,
    /// The youths whose facts changed.
    pub jongeren: BTreeSet<String>,
    /// Youths made from a row, waiting for the BRP check.
    pub nieuwe_jongeren: usize,
    /// "Startkwalificatie behaald" about a youth without a diploma that is one in the register.
    pub startkwalificatie_zonder_diploma: Vec<usize>,
    /// The rows not applied, with why (Gevolg::Afwijking).
    pub afwijkingen: Vec<(usize, String)>,
    /// What the checks after the week found for the youths it changed: new absoluut-verzuim zaken
    /// and new VSV-meldingen (not in a trial run, nor when no youth changed).
    pub controles: Option<Controles>,
}

/// What the absoluut-verzuim check and the VSV detection found after a week, for its youths.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Controles {
    pub absoluut_nieuw: Vec<String>,
    pub absoluut_gesloten: usize,
    pub vsv_nieuw: Vec<String>,
    /// Why a check did not run (the role of who applied the week, a failure), in Dutch.
    pub niet_uitgevoerd: Vec<String>,
}

impl Verslag {
    fn samenvatting(&self) -> String {
        let mut per_soort: BTreeMap<&str, [u64; 4]> = BTreeMap::new();
        for (_, soort, g) in &self.per_mutatie {
            per_soort.entry(soort.label()).or_default()[*g as usize] += 1;
        }
        let mut t = regel("mutaties in de levering", self.per_mutatie.len() as u64);
        for (soort, aantallen) in per_soort {
            let namen = ["toegepast", "al zo", "ter informatie", "niet verwerkt"];
            let wat: Vec<String> =
                aantallen.iter().zip(namen).filter(|(n, _)| **n > 0).map(|(n, w)| format!("{n} {w}")).collect();
            t += &regel(&format!("  {soort} ({})", wat.join(", ")), aantallen.iter().sum());
        }
        t += &regel("jongeren met gewijzigde gegevens", self.jongeren.len() as u64);
        if self.nieuwe_jongeren > 0 {
            t += &regel("nieuwe jongeren, klaargezet voor BRP-controle", self.nieuwe_jongeren as u64);
        }
        if let Some(c) = &self.controles {
            t += &regel("daarna, voor die jongeren: nieuwe zaken absoluut verzuim", c.absoluut_nieuw.len() as u64);
            t += &regel("  zaken absoluut verzuim opgelost en gesloten", c.absoluut_gesloten as u64);
            t += &regel("  nieuwe VSV-meldingen", c.vsv_nieuw.len() as u64);
            for n in &c.niet_uitgevoerd {
                t += &format!("  niet uitgevoerd: {n}\n");
            }
        }
        if !self.startkwalificatie_zonder_diploma.is_empty() {
            t += &regel(
                "startkwalificatie volgens DUO, geen diploma in het register",
                self.startkwalificatie_zonder_diploma.len() as u64,
            );
        }
        if !self.afwijkingen.is_empty() {
            t += &regel("afwijkingen, niet verwerkt: na te gaan", self.afwijkingen.len() as u64);
            for (rij, reden) in self.afwijkingen.iter().take(MAX_AFWIJKINGEN) {
                t += &format!("    rij {rij}: {reden}\n");
            }
            if self.afwijkingen.len() > MAX_AFWIJKINGEN {
                t += &format!("    en nog {}\n", self.afwijkingen.len() - MAX_AFWIJKINGEN);
            }
        }
        t
    }
}

/// Applies a week's P-levering on behalf of `door`, all or nothing and in order. A trial run
/// (`proef`) does everything and then undoes it, and records nothing. `genoemd` is the week as
/// whoever offers the file names it: needed for a week without mutations (its file has no row to
/// say which week it is, and without it every later week waits), checked against the rows otherwise.
pub async fn verwerk(
    store: &Store,
    door: &Medewerker,
    aanbod: Aanbod<'_>,
    genoemd: Option<Week>,
    tabel: &levering::Koppeltabel,
    vandaag: Datum,
    proef: bool,
) -> Result<Verslag, KoppelFout> {
    let ((in_bestand, mutaties), gelezen, mut log) = lees(store, door, aanbod, tabel, proef, lees_mutaties).await?;
    let geen = "de levering bevat geen mutaties en dus geen week: geef de week op (jjjj-ww; --week of het veld Week)";
    let week = match periode(in_bestand, genoemd, "week", geen) {
        Ok(w) => w,
        Err(f) => return Err(weiger(store, log, vec![f], proef).await),
    };
    log.rijen = mutaties.len() as u64;
    log.periode = Some(week.to_string());
    let leeg_verslag = |levering| Verslag {
        levering,
        proef,
        per_mutatie: Vec::new(),
        jongeren: BTreeSet::new(),
        nieuwe_jongeren: 0,
        startkwalificatie_zonder_diploma: Vec::new(),
        afwijkingen: Vec::new(),
        controles: None,
    };
    let mut s = store.schrijver(&door.id, &format!("koppeling {BRON}")).await?;
    s.vergrendel(BRON).await?;
    if let Some(eerder) = eerder_toegepast(&mut s, &log).await? {
        drop(s);
        return Ok(leeg_verslag(herhaald(store, &log, &eerder, proef).await?));
    }
    if let Some(f) = volgorde(&mut s, week, vandaag).await? {
        drop(s);
        return Err(weiger(store, log, vec![f], proef).await);
    }
    let mut ctx = Context::lees(&mut s, &mutaties).await?;
    let mut fouten = Vec::new();
    let mut verslag = leeg_verslag(log);
    let mut brp: BTreeMap<String, BrpVerzoek> = BTreeMap::new();
    // A youth's mutations in the order they happened, whatever the file's order.
    let mut volgorde_toepassen: Vec<&Mutatierij> = mutaties.iter().collect();
    volgorde_toepassen.sort_by_key(|m| (m.bsn, m.datum, m.rij));
    for m in volgorde_toepassen {
        match pas_toe(&mut s, m, &mut ctx, vandaag, &verslag.levering.id).await {
            Ok(uit) => {
                verslag.per_mutatie.push((m.rij, m.soort, uit.gevolg));
                if let Some(reden) = uit.afwijking {
                    verslag.afwijkingen.push((m.rij, reden));
                }
                let nieuw = uit.brp.as_ref().is_some_and(|v| v.reden == NIEUW);
                if uit.gevolg == Gevolg::Toegepast || nieuw {
                    verslag.jongeren.extend(uit.jongere);
                }
                if let Some(v) = uit.brp {
                    verslag.nieuwe_jongeren += usize::from(v.reden == NIEUW);
                    brp.entry(v.jongere.clone()).or_insert(v);
                }
                if uit.zonder_diploma {
                    verslag.startkwalificatie_zonder_diploma.push(m.rij);
                }
            }
            Err(e) => fouten.push(rijfout(m.rij, e, |veld| gelezen.kop(kolom_van(veld)).to_string())?),
        }
    }
    if !fouten.is_empty() {
        drop(s);
        return Err(weiger(store, verslag.levering, fouten, proef).await);
    }
    verslag.per_mutatie.sort_by_key(|(rij, _, _)| *rij);
    verslag.afwijkingen.sort();
    verslag.levering.toegepast = verslag.per_mutatie.iter().filter(|(_, _, g)| *g == Gevolg::Toegepast).count() as u64;
    verslag.levering.samenvatting = verslag.samenvatting();
    if proef {
        return Ok(verslag);
    }
    s.nieuw(&verslag.levering).await?;
    zet_op_brp_lijst(&mut s, brp.values()).await?;
    s.vastleggen(&format!("koppeling {BRON}"), &verslag.levering.id).await?;
    if !verslag.jongeren.is_empty() {
        let mut c = controleer(store, door, week, vandaag, &verslag.jongeren).await;
        let oud = verslag.levering.clone();
        verslag.controles = Some(c.clone());
        verslag.levering.samenvatting = verslag.samenvatting();
        // The week is applied whatever happens here: a failure to note the checks is said, not an error.
        if let Err(e) = noteer(store, door, &oud, &verslag.levering).await {
            c.niet_uitgevoerd.push(format!("samenvatting in het logboek bijwerken: {e}"));
            verslag.controles = Some(c);
            verslag.levering.samenvatting = verslag.samenvatting();
        }
    }
    Ok(verslag)
}

/// The delivery's line in the log with what the checks after it found.
async fn noteer(
    store: &Store,
    door: &Medewerker,
    oud: &crate::records::Levering,
    nieuw: &crate::records::Levering,
) -> Result<(), leerspoor_store::StoreFout> {
    let mut s = store.schrijver(&door.id, &format!("koppeling {BRON}")).await?;
    s.wijzig(oud, nieuw).await?;
    s.vastleggen(&format!("koppeling {BRON} controles"), &nieuw.id).await
}

/// After the week is applied: the absoluut-verzuim check and the VSV detection for the youths it
/// changed, on the week's last day (or today, if that is earlier). Each writes on its own; the
/// week stays applied whatever they find or fail at.
async fn controleer(
    store: &Store,
    door: &Medewerker,
    week: Week,
    vandaag: Datum,
    jongeren: &BTreeSet<String>,
) -> Controles {
    use leerspoor_casework::{absoluut, vsv};
    let zondag = Datum::from_isoywd_opt(week.jaar, week.week, chrono::Weekday::Sun).expect("geldige week");
    let peildatum = zondag.min(vandaag);
    let mut c = Controles::default();
    match absoluut::controleer_van(store, door, peildatum, Some(jongeren)).await {
        Ok(u) => {
            c.absoluut_nieuw = u.nieuw;
            c.absoluut_gesloten = u.gesloten.values().sum();
        }
        Err(e) => c.niet_uitgevoerd.push(format!("controle absoluut verzuim: {e}")),
    }
    let schooljaar = leerspoor_domain::SchoolJaar::van(peildatum);
    match vsv::registreer_uitval_van(store, door, schooljaar, Some(jongeren)).await {
        Ok(u) => c.vsv_nieuw = u.nieuw,
        Err(e) => c.niet_uitgevoerd.push(format!("VSV-signalering: {e}")),
    }
    c
}

/// Why this week cannot be applied now: applied before, older than the last, or after a week that
/// is missing, or a week not begun yet (a typo such as 2031-11 would block every week after it).
/// The first P-levering may be any week up to now.
async fn volgorde(
    s: &mut Schrijver,
    week: Week,
    vandaag: Datum,
) -> Result<Option<LeesFout>, leerspoor_store::StoreFout> {
    let maandag = Datum::from_isoywd_opt(week.jaar, week.week, chrono::Weekday::Mon).expect("geldige week");
    if maandag > vandaag {
        return Ok(Some(fout(None, None, format!("week {week} is nog niet begonnen (vandaag is het {vandaag})"))));
    }
    let alle: Vec<crate::records::Levering> = s.lees_waar("bron", BRON).await?;
    let laatste = alle
        .iter()
        .filter(|l| l.uitkomst == Uitkomst::Toegepast)
        .filter_map(|l| l.periode.as_deref().and_then(|p| Week::lees(p).ok()))
        .max();
    let Some(laatste) = laatste else { return Ok(None) };
    let reden = if week == laatste {
        format!("week {week} is al verwerkt (met een ander bestand); een week wordt één keer verwerkt")
    } else if week < laatste {
        format!("week {week} ligt vóór week {laatste}, die al verwerkt is")
    } else if week != laatste.volgende() {
        format!("week {} ontbreekt: verwerk die eerst (de laatst verwerkte is week {laatste})", laatste.volgende())
    } else {
        return Ok(None);
    };
    Ok(Some(fout(None, None, reden)))
}

/// The column a check's field came from.
fn kolom_van(veld: &str) -> &str {
    match veld {
        "datum" => "mutatiedatum",
        "school" => "brin",
        v => v,
    }
}

const NIEUW: &str = "nieuw uit de P-levering van DUO";

/// What a week reads once instead of once per mutation: the region, the youths it is about (by
/// BSN, kept current as the week changes them) and the schools.
struct Context {
    regio: Regio,
    jongeren: HashMap<String, Jongere>,
    scholen: HashSet<(String, String)>,
}

impl Context {
    async fn lees(s: &mut Schrijver, mutaties: &[Mutatierij]) -> Result<Context, leerspoor_store::StoreFout> {
        let bsns: Vec<String> =
            mutaties.iter().filter_map(|m| m.bsn).map(|b| b.as_digits()).collect::<BTreeSet<_>>().into_iter().collect();
        let jongeren = s.lees_in::<Jongere>("bsn", &bsns).await?.into_iter().map(|j| (j.bsn.as_digits(), j)).collect();
        let scholen = s.lees::<School>().await?.into_iter().map(|sc| (sc.brin, sc.vestiging)).collect();
        Ok(Context { regio: Regio::lees(s).await?, jongeren, scholen })
    }
}

struct Uit {
    gevolg: Gevolg,
    jongere: Option<String>,
    brp: Option<BrpVerzoek>,
    zonder_diploma: bool,
    /// Why it was not applied (Gevolg::Afwijking).
    afwijking: Option<String>,
}

impl Uit {
    fn van(gevolg: Gevolg, jongere: &Jongere) -> Uit {
        Uit { gevolg, jongere: Some(jongere.id.clone()), brp: None, zonder_diploma: false, afwijking: None }
    }

    fn zonder_jongere(gevolg: Gevolg) -> Uit {
        Uit { gevolg, jongere: None, brp: None, zonder_diploma: false, afwijking: None }
    }

    /// Not applied, and why.
    fn afwijking(reden: impl Into<String>, jongere: Option<&Jongere>) -> Uit {
        Uit {
            jongere: jongere.map(|j| j.id.clone()),
            afwijking: Some(reden.into()),
            ..Uit::zonder_jongere(Gevolg::Afwijking)
        }
    }
}

fn invoer(veld: &'static str, melding: impl Into<String>) -> Fout {
    Fout::Invoer { veld, melding: melding.into() }
}

/// One mutation, inside the week's write.
async fn pas_toe(
    s: &mut Schrijver,
    m: &Mutatierij,
    ctx: &mut Context,
    vandaag: Datum,
    levering: &str,
) -> Result<Uit, Fout> {
    let verzoek = |jongere: &str, reden: &str| BrpVerzoek {
        jongere: jongere.to_string(),
        sinds: vandaag,
        reden: reden.to_string(),
        levering: Some(levering.to_string()),
    };
    let Some(bsn) = m.bsn else {
        return Ok(Uit::afwijking("op onderwijsnummer: het register herkent jongeren alleen aan hun BSN", None));
    };
    let bekend = ctx.jongeren.get(&bsn.as_digits()).cloned();
    let buiten_regio = m.persoon.woongemeente.as_ref().is_some_and(|g| !ctx.regio.omvat(g));
    let (jongere, nieuw) = match bekend {
        Some(j) => (j, false),
        // A death or a 23rd birthday of someone the register does not follow: nothing to keep. A
        // four-year-old or a newcomer living outside the region neither.
        None if matches!(m.soort, Mutatie::Overleden | Mutatie::DrieentwintigJaar) || buiten_regio => {
            return Ok(Uit::zonder_jongere(Gevolg::TerInformatie));
        }
        None => {
            let Ok((j, adres)) = m.persoon.nieuwe_jongere(bsn, m.datum) else {
                return Ok(Uit::afwijking(
                    "een jongere die het register niet kent, en de rij noemt geen geboortedatum en achternaam om \
                     haar te maken",
                    None,
                ));
            };
            s.nieuw(&j).await?;
            if let Some(a) = &adres {
                s.nieuw(a).await?;
            }
            ctx.jongeren.insert(j.bsn.as_digits(), j.clone());
            (j, true)
        }
    };
    // DUO's birthday on another day than the register's birth date: the BRP says which is right.
    let jarig = |jaren: u32, gevolg| {
        let klopt = verjaardag(jongere.geboortedatum, jaren) == m.datum;
        let reden = format!("{jaren} jaar volgens DUO op een andere dag dan de geboortedatum zegt");
        Uit { brp: (!klopt).then(|| verzoek(&jongere.id, &reden)), ..Uit::van(gevolg, &jongere) }
    };
    let mut uit = match m.soort {
        Mutatie::VierJaar if nieuw => Uit::van(Gevolg::Toegepast, &jongere),
        Mutatie::VierJaar => jarig(4, Gevolg::AlZo),
        Mutatie::DrieentwintigJaar => jarig(23, Gevolg::TerInformatie),
        Mutatie::Overleden => {
            let (uit, nu) = overleden(s, &jongere, m.datum).await?;
            ctx.jongeren.insert(nu.bsn.as_digits(), nu);
            uit
        }
        Mutatie::VerhuisdBinnen | Mutatie::VerhuisdBuiten => {
            let uit = verhuisd(s, &jongere, m, &ctx.regio).await?;
            // A move that does not fit the register's addresses: the BRP says which is right.
            let brp = (uit.gevolg == Gevolg::Afwijking)
                .then(|| verzoek(&jongere.id, "verhuizing volgens DUO past niet bij de adressen in het register"));
            Uit { brp, ..uit }
        }
        Mutatie::InschrijvingToegevoegd | Mutatie::InschrijvingGewijzigd | Mutatie::InschrijvingVerwijderd => {
            inschrijving(s, &jongere, m, &ctx.scholen).await?
        }
        Mutatie::ResultaatToegevoegd | Mutatie::ResultaatGewijzigd | Mutatie::ResultaatVerwijderd => {
            resultaat(s, &jongere, m).await?
        }
        Mutatie::StartkwalificatieBehaald => {
            let diplomas: Vec<Diploma> = s.lees_waar("jongere", &jongere.id).await?;
            let diploma = eerste_startkwalificatie(&diplomas).is_some_and(|sq| sq <= m.datum);
            Uit { zonder_diploma: !diploma, ..Uit::van(Gevolg::TerInformatie, &jongere) }
        }
        Mutatie::GeenStartkwalificatieMeer => Uit::van(Gevolg::TerInformatie, &jongere),
    };
    if nieuw {
        // The youth was made, whatever became of the mutation itself.
        if uit.gevolg == Gevolg::Afwijking {
            uit.afwijking = uit.afwijking.map(|r| format!("jongere aangemaakt, maar {r}"));
        } else {
            uit.gevolg = Gevolg::Toegepast;
        }
        uit.brp = Some(verzoek(&jongere.id, NIEUW));
    }
    Ok(uit)
}

/// The youth as it is afterwards comes back with what became of the mutation.
async fn overleden(s: &mut Schrijver, j: &Jongere, datum: Datum) -> Result<(Uit, Jongere), Fout> {
    if j.overlijdensdatum == Some(datum) {
        return Ok((Uit::van(Gevolg::AlZo, j), j.clone()));
    }
    if datum < j.geboortedatum {
        return Ok((Uit::afwijking("de datum van overlijden ligt vóór de geboortedatum", Some(j)), j.clone()));
    }
    let nu = Jongere { overlijdensdatum: Some(datum), ..j.clone() };
    s.wijzig(j, &nu).await?;
    Ok((Uit::van(Gevolg::Toegepast, j), nu))
}

/// A move: the current address ends the day before, and the new one begins (in the region), or the
/// youth leaves the region.
async fn verhuisd(s: &mut Schrijver, j: &Jongere, m: &Mutatierij, regio: &Regio) -> Result<Uit, Fout> {
    let adressen: Vec<Woonadres> = s.lees_waar("jongere", &j.id).await?;
    let gemeente: Gemeentecode = match (&m.persoon.woongemeente, verhuizing::huidig(&adressen)) {
        (Some(g), _) => g.clone(),
        (None, Some(h)) => h.gemeente.clone(),
        (None, None) => {
            return Ok(Uit::afwijking("een verhuizing zonder woongemeente, en het register heeft geen adres", Some(j)));
        }
    };
    let p = &m.persoon;
    let naar = if regio.omvat(&gemeente) {
        if p.postcode.is_empty() || p.huisnummer.is_empty() {
            return Ok(Uit::afwijking("een verhuizing binnen de regio zonder postcode en huisnummer", Some(j)));
        }
        Naar::Adres(p.woonadres(&j.id, gemeente, m.datum))
    } else {
        Naar::Weg(Vertrek::BuitenRegio)
    };
    Ok(match verhuizing::verhuis(s, &adressen, naar, m.datum).await? {
        Verhuisd::Toegepast => Uit::van(Gevolg::Toegepast, j),
        Verhuisd::AlZo => Uit::van(Gevolg::AlZo, j),
        Verhuisd::NietsTeDoen => Uit::van(Gevolg::TerInformatie, j),
        Verhuisd::NietNaHuidig(begin) => Uit::afwijking(
            format!("de verhuizing op {} ligt niet na het begin van het huidige adres ({begin})", m.datum),
            Some(j),
        ),
        Verhuisd::NietNaVorige(einde) => Uit::afwijking(
            format!("de verhuizing op {} ligt niet na het einde van het vorige adres ({einde})", m.datum),
            Some(j),
        ),
    })
}

/// The key of an enrolment or result DUO numbers: per youth, as DUO's number may be a sequence
/// number per person ("volgnummer inschrijving").
fn duo_sleutel(soort: &str, j: &Jongere, m: &Mutatierij) -> String {
    format!("DUO-{soort}-{}-{}", j.id, m.nummer.as_deref().expect("gelezen"))
}

/// DUO's register is the source of enrolments: an addition the register already has differently,
/// or a change to one it lacks, makes the register say what DUO says; a removal of one it lacks
/// is already so.
async fn inschrijving(
    s: &mut Schrijver,
    j: &Jongere,
    m: &Mutatierij,
    scholen: &HashSet<(String, String)>,
) -> Result<Uit, Fout> {
    let id = duo_sleutel("I", j, m);
    let oud = s.lees_waar::<Inschrijving>("id", &id).await?.pop();
    if m.soort == Mutatie::InschrijvingVerwijderd {
        let Some(o) = oud else { return Ok(Uit::van(Gevolg::AlZo, j)) };
        s.verwijder(&o).await?;
        return Ok(Uit::van(Gevolg::Toegepast, j));
    }
    if let Some((brin, vestiging)) = &m.school
        && !scholen.contains(&(brin.clone(), vestiging.clone()))
    {
        return Err(invoer(
            "school",
            format!(
                "school {brin} vestiging {vestiging} staat niet in het register; voeg haar toe en bied de week opnieuw aan"
            ),
        ));
    }
    // An addition is DUO's whole enrolment; a change names what changes, the rest stays.
    let basis = oud.as_ref().filter(|_| m.soort == Mutatie::InschrijvingGewijzigd);
    let (Some((brin, vestiging)), Some(onderwijssoort), Some(begindatum)) = (
        m.school.clone().or_else(|| basis.map(|b| (b.brin.clone(), b.vestiging.clone()))),
        m.onderwijssoort.or(basis.map(|b| b.onderwijssoort)),
        m.inschrijvingsdatum.or(basis.map(|b| b.begindatum)),
    ) else {
        return Ok(Uit::afwijking(
            "een wijziging van een inschrijving die het register niet heeft, zonder school, onderwijssoort en \
             inschrijvingsdatum om haar te maken",
            Some(j),
        ));
    };
    let nieuw = Inschrijving {
        id,
        jongere: j.id.clone(),
        brin,
        vestiging,
        onderwijssoort,
        niveau: m.niveau.or(basis.and_then(|b| b.niveau)),
        // DUO's rows carry no vso-profiel: a changed kind of education drops the one it had.
        vso_profiel: basis.filter(|b| b.onderwijssoort == onderwijssoort).and_then(|b| b.vso_profiel),
        begindatum,
        einddatum: m.uitschrijvingsdatum.or(basis.and_then(|b| b.einddatum)),
    };
    if nieuw.einddatum.is_some_and(|e| e < nieuw.begindatum) {
        // The row's own dates were checked on reading: this is DUO's date against the register's.
        return Ok(Uit::afwijking(
            "de uitschrijvingsdatum ligt vóór de inschrijvingsdatum die het register heeft",
            Some(j),
        ));
    }
    niveau_past_bij(nieuw.onderwijssoort, nieuw.niveau).map_err(|m| invoer("niveau", m))?;
    match oud {
        Some(o) if o == nieuw => return Ok(Uit::van(Gevolg::AlZo, j)),
        Some(o) => s.wijzig(&o, &nieuw).await?,
        None => s.nieuw(&nieuw).await?,
    }
    Ok(Uit::van(Gevolg::Toegepast, j))
}

/// A result (diploma), as an enrolment.
async fn resultaat(s: &mut Schrijver, j: &Jongere, m: &Mutatierij) -> Result<Uit, Fout> {
    let id = duo_sleutel("R", j, m);
    let oud = s.lees_waar::<Diploma>("id", &id).await?.pop();
    if m.soort == Mutatie::ResultaatVerwijderd {
        let Some(o) = oud else { return Ok(Uit::van(Gevolg::AlZo, j)) };
        s.verwijder(&o).await?;
        return Ok(Uit::van(Gevolg::Toegepast, j));
    }
    let basis = oud.as_ref().filter(|_| m.soort == Mutatie::ResultaatGewijzigd);
    let (Some(soort), Some(datum)) = (m.diploma.or(basis.map(|b| b.soort)), m.diplomadatum.or(basis.map(|b| b.datum)))
    else {
        return Ok(Uit::afwijking(
            "een wijziging van een resultaat dat het register niet heeft, zonder diploma en datum om het te maken",
            Some(j),
        ));
    };
    let nieuw = Diploma {
        id,
        jongere: j.id.clone(),
        soort,
        datum,
        brin: m.school.as_ref().map(|s| s.0.clone()).or(basis.and_then(|b| b.brin.clone())),
    };
    match oud {
        Some(o) if o == nieuw => return Ok(Uit::van(Gevolg::AlZo, j)),
        Some(o) => s.wijzig(&o, &nieuw).await?,
        None => s.nieuw(&nieuw).await?,
    }
    Ok(Uit::van(Gevolg::Toegepast, j))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_is_written_jjjj_ww_and_followed_by_the_next_iso_week() {
        assert_eq!(Week::lees("2021-11"), Ok(Week { jaar: 2021, week: 11 }));
        assert_eq!(Week::lees("2021-W11"), Ok(Week { jaar: 2021, week: 11 }));
        assert_eq!(Week::lees(" 2021w11 "), Ok(Week { jaar: 2021, week: 11 }));
        assert_eq!(Week { jaar: 2021, week: 11 }.to_string(), "2021-11");
        assert_eq!(Week { jaar: 2021, week: 3 }.to_string(), "2021-03");
        // 2020 has 53 ISO weeks, 2021 has 52.
        assert_eq!(Week { jaar: 2020, week: 52 }.volgende(), Week { jaar: 2020, week: 53 });
        assert_eq!(Week { jaar: 2020, week: 53 }.volgende(), Week { jaar: 2021, week: 1 });
        assert_eq!(Week { jaar: 2021, week: 52 }.volgende(), Week { jaar: 2022, week: 1 });
        assert!(Week::lees("2021-53").is_err(), "2021 has no week 53");
        assert!(Week::lees("2021-00").is_err());
        assert_eq!(Week::lees("week 11"), Err("'week 11' is geen week; verwacht jjjj-ww, bijvoorbeeld 2021-11".into()));
    }
}
