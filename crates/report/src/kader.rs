//! What a report is about: the verslagjaar and the scope, and which gemeente each youth counts in.
use crate::Fout;
use crate::gedateerd::Gedateerd;
use crate::tabellen::bevolking::{Groep, Verzuimers};
use leerspoor_domain::model::{
    Actie, Dagbesteding, Gemeente, Inschrijving, Regio, RmcTraject, Subregio, Verzuimmelding,
};
use leerspoor_domain::{Datum, Gemeentecode, SchoolJaar};
use leerspoor_store::Store;
use leerspoor_store::rij::{self, Type, Waarde};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::{Arc, LazyLock, Mutex, RwLock};
use tokio::sync::OnceCell;

/// The area a report covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Regio,
    Subregio(String),
    Gemeente(Gemeentecode),
}

impl Scope {
    /// `regio`, `subregio:CODE` or `gemeente:GMxxxx`.
    pub fn parse(s: &str) -> Result<Scope, String> {
        match s.trim().split_once(':') {
            None if s.trim() == "regio" => Ok(Scope::Regio),
            Some(("subregio", code)) if !code.is_empty() => Ok(Scope::Subregio(code.to_string())),
            Some(("gemeente", code)) => Gemeentecode::parse(code).map(Scope::Gemeente),
            _ => Err(format!("'{s}' is geen scope; gebruik regio, subregio:CODE of gemeente:GMxxxx")),
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Regio => f.write_str("regio"),
            Scope::Subregio(c) => write!(f, "subregio:{c}"),
            Scope::Gemeente(g) => write!(f, "gemeente:{g}"),
        }
    }
}

/// Enrolments of the JIKP candidates: on 1 October of the year before the verslagjaar, and a
/// year later.
pub struct JikpInschrijvingen {
    pub op: Vec<Inschrijving>,
    pub later: Vec<Inschrijving>,
}

/// Enrolments by youth.
pub(crate) type PerJongere = HashMap<String, Vec<Inschrijving>>;

/// The population on one peildatum, counted by the first table that asks.
pub(crate) type Bevolking = Arc<OnceCell<Arc<[Groep]>>>;

/// The verslagjaar, the scope resolved to its gemeenten, and the residence of youths on peildata.
///
/// Tables share one `&Kader` and may be computed at the same time ([`crate::bereken`]): what it
/// reads once for several tables sits behind a lock or a [`OnceCell`], so the second table to ask
/// waits for the first read instead of repeating it.
pub struct Kader {
    /// A handle on the register's pool (a clone shares it), so that tables may run as tasks.
    pub store: Store,
    pub jaar: SchoolJaar,
    pub scope: Scope,
    /// The gemeenten of the scope, in code order.
    pub gemeenten: Vec<Gemeente>,
    codes: HashSet<Gemeentecode>,
    /// Every gemeente of the region, also outside the scope (subregio, local leerplicht).
    pub regio: HashMap<Gemeentecode, Gemeente>,
    /// The addresses of the youths read so far (an empty list: no address in the register).
    adressen: RwLock<HashMap<String, Box<[Verblijf]>>>,
    /// The population on a peildatum, counted once for all tables that need it.
    pub(crate) bevolking: Mutex<HashMap<Datum, Bevolking>>,
    /// Every RMC-traject of the register, read once for the four tables that go through them all.
    trajecten: OnceCell<Arc<[RmcTraject]>>,
    /// Every dagbesteding the RMC recorded, read once for the tables that follow youths out of school.
    dagbestedingen: OnceCell<Arc<[Dagbesteding]>>,
    /// The JIKP candidates' enrolments on 1 October of the year before and of the verslagjaar.
    jikp: OnceCell<Arc<JikpInschrijvingen>>,
    /// The enrolments of the youths with a verzuimmelding in the verslagjaar or the year before.
    verzuimers: OnceCell<Arc<PerJongere>>,
    /// The absolute and relative verzuimers per gemeente, for verzuim_per_1000 and the targets.
    pub(crate) verzuimers_per_gemeente: OnceCell<Arc<Verzuimers>>,
    /// The verzuimmeldingen from the fifth year before the verslagjaar up to the end of the next:
    /// recidive follows four years' closed cases into the year after each.
    meldingen: Gedateerd<Verzuimmelding>,
    /// The actions from the fourth year before the verslagjaar up to its end (maatregelen_per_jaar).
    acties: Gedateerd<Actie>,
    /// The national VSV figures of the verslagjaar (DUO's), an input beside the register:
    /// `vsv_nieuw` compares the region with them; without them its national columns are empty.
    pub landelijk: Option<crate::tabellen::Landelijk>,
    /// The day the register stands on (today, unless set): a count that needs the facts of a
    /// later day — the 1-oktober VSV count needs 1 October of the next year — is not yet known.
    pub stand: Datum,
}

/// Where a youth lived from when to when: of an address, what the tables count by.
struct Verblijf {
    gemeente: Gemeentecode,
    begindatum: Datum,
    einddatum: Option<Datum>,
}

/// `WHERE jongere IN ($1, …, $500)`: addresses are read for the youths a table counts, a batch at a
/// time, never the whole register (millions of addresses at national scale). Only the columns of
/// [`Verblijf`]: the index `woonadres_jongere` holds them, so the rows themselves are not read.
const PARTIJ: usize = 500;
static PER_PARTIJ: LazyLock<String> = LazyLock::new(|| {
    let binds: Vec<String> = (1..=PARTIJ).map(|i| format!("${i}")).collect();
    format!("SELECT jongere, gemeente, begindatum, einddatum FROM woonadres WHERE jongere IN ({})", binds.join(", "))
});

impl Kader {
    pub async fn nieuw(store: &Store, jaar: SchoolJaar, scope: Scope) -> Result<Kader, Fout> {
        let alle: Vec<Gemeente> = store.lees().await?;
        let regio = alle.iter().map(|g| (g.code.clone(), g.clone())).collect();
        let gemeenten: Vec<Gemeente> = match &scope {
            Scope::Regio => alle,
            Scope::Subregio(code) => {
                let subregios: Vec<Subregio> = store.lees().await?;
                if !subregios.iter().any(|s| &s.code == code) {
                    let bekend: Vec<&str> = subregios.iter().map(|s| s.code.as_str()).collect();
                    return Err(Fout::Scope(format!("subregio '{code}' bestaat niet; bekend: {}", bekend.join(", "))));
                }
                alle.into_iter().filter(|g| &g.subregio == code).collect()
            }
            Scope::Gemeente(code) => {
                let g: Vec<Gemeente> = alle.into_iter().filter(|g| &g.code == code).collect();
                if g.is_empty() {
                    return Err(Fout::Scope(format!("gemeente {code} hoort niet bij de regio")));
                }
                g
            }
        };
        let codes = gemeenten.iter().map(|g| g.code.clone()).collect();
        Ok(Kader {
            store: store.clone(),
            jaar,
            scope,
            gemeenten,
            codes,
            regio,
            adressen: RwLock::default(),
            bevolking: Mutex::default(),
            trajecten: OnceCell::new(),
            dagbestedingen: OnceCell::new(),
            jikp: OnceCell::new(),
            verzuimers: OnceCell::new(),
            verzuimers_per_gemeente: OnceCell::new(),
            meldingen: Gedateerd::nieuw(
                "WHERE meldingsdatum >= $1 AND meldingsdatum <= $2",
                |m| m.meldingsdatum,
                SchoolJaar::beginnend_in(jaar.beginjaar() - 4).eerste_dag(),
                jaar.volgend().laatste_dag(),
            ),
            acties: Gedateerd::nieuw(
                "WHERE datum >= $1 AND datum <= $2",
                |a| a.datum,
                SchoolJaar::beginnend_in(jaar.beginjaar() - 3).eerste_dag(),
                jaar.laatste_dag(),
            ),
            landelijk: None,
            stand: chrono::Local::now().date_naive(),
        })
    }

    /// The area by name for the title page: `Regio IJsselland`, `Subregio Noord`, `Gemeente Zwolle`.
    pub async fn gebied(&self) -> Result<String, Fout> {
        // A name that already says what it is ("Regio Duinkust") keeps it once.
        let met = |soort: &str, naam: &str| {
            if naam.to_lowercase().starts_with(&soort.to_lowercase()) {
                naam.to_string()
            } else {
                format!("{soort} {naam}")
            }
        };
        Ok(match &self.scope {
            Scope::Regio => {
                let regio: Vec<Regio> = self.store.lees().await?;
                met("Regio", regio.first().map_or("", |r| r.naam.as_str())).trim().to_string()
            }
            Scope::Subregio(code) => {
                let subregios: Vec<Subregio> = self.store.lees().await?;
                met("Subregio", subregios.iter().find(|s| &s.code == code).map_or(code.as_str(), |s| s.naam.as_str()))
            }
            Scope::Gemeente(_) => met("Gemeente", &self.gemeenten[0].naam),
        })
    }

    /// Every RMC-traject of the register (hundreds of thousands at national scale), read once.
    pub async fn rmc_trajecten(&self) -> Result<Arc<[RmcTraject]>, Fout> {
        let alle =
            self.trajecten.get_or_try_init(|| async { Ok::<_, Fout>(self.store.lees::<RmcTraject>().await?.into()) });
        Ok(alle.await?.clone())
    }

    /// Every dagbesteding of the register, read once.
    pub async fn dagbestedingen(&self) -> Result<Arc<[Dagbesteding]>, Fout> {
        let alle = self
            .dagbestedingen
            .get_or_try_init(|| async { Ok::<_, Fout>(self.store.lees::<Dagbesteding>().await?.into()) });
        Ok(alle.await?.clone())
    }

    /// The enrolments of the youths who could be JIKP pupils on 1 October of the year before the
    /// verslagjaar (as [`crate::register::jikp_inschrijvingen`]), read once for the two
    /// tables that follow them (jikp_door_uitstroom and the factsheet).
    pub async fn jikp_inschrijvingen(&self) -> Result<Arc<JikpInschrijvingen>, Fout> {
        let j = self.jikp.get_or_try_init(|| async {
            let (op, later) = crate::register::jikp_inschrijvingen(&self.store, self.jaar.vorig()).await?;
            Ok::<_, Fout>(Arc::new(JikpInschrijvingen { op, later }))
        });
        Ok(j.await?.clone())
    }

    /// The verzuimmeldingen dated from `van` up to and including `tot` (at most five years before
    /// the verslagjaar, at most one after), in key order.
    pub async fn verzuimmeldingen(&self, van: Datum, tot: Datum) -> Result<Vec<&Verzuimmelding>, Fout> {
        self.meldingen.tussen(&self.store, van, tot).await
    }

    /// Every verzuimmelding of those years: for a rule that picks its own (recidive).
    pub async fn alle_verzuimmeldingen(&self) -> Result<&[Verzuimmelding], Fout> {
        self.meldingen.alle(&self.store).await
    }

    /// The actions dated from `van` up to and including `tot` (at most three years before the
    /// verslagjaar), in key order.
    pub async fn acties(&self, van: Datum, tot: Datum) -> Result<Vec<&Actie>, Fout> {
        self.acties.tussen(&self.store, van, tot).await
    }

    /// The enrolments of every youth with a verzuimmelding in the verslagjaar or the year before,
    /// read once for the tables that look up the school of a melding's date (verzuim_schoolherkomst,
    /// relatief_gemeente_onderwijssoort, the factsheet). A table about the verslagjaar alone finds
    /// its youths among them, each with all their enrolments.
    pub async fn inschrijvingen_van_verzuimers(&self) -> Result<Arc<PerJongere>, Fout> {
        let per = self.verzuimers.get_or_try_init(|| async {
            const MET_MELDING: &str = "WHERE jongere IN \
                 (SELECT jongere FROM verzuimmelding WHERE meldingsdatum >= $1 AND meldingsdatum <= $2)";
            let venster = [rij::datum(self.jaar.vorig().eerste_dag()), rij::datum(self.jaar.laatste_dag())];
            let mut per = PerJongere::new();
            for i in self.store.lees_met::<Inschrijving>(MET_MELDING, &venster).await? {
                per.entry(i.jongere.clone()).or_default().push(i);
            }
            Ok::<_, Fout>(Arc::new(per))
        });
        Ok(per.await?.clone())
    }

    /// Prepares [`Kader::telt`] for these youths: in the regio everyone counts and nothing is read.
    pub async fn bereid_scope<'a>(&self, jongeren: impl IntoIterator<Item = &'a str>) -> Result<(), Fout> {
        if self.scope == Scope::Regio { Ok(()) } else { self.laad_adressen(jongeren).await }
    }

    /// Reads the addresses of these youths (those not read before), for [`Kader::gemeente_op`].
    /// Two tables at once may both read a youth not yet read; the second read replaces the first
    /// with the same addresses.
    pub async fn laad_adressen<'a>(&self, jongeren: impl IntoIterator<Item = &'a str>) -> Result<(), Fout> {
        let mut nieuw: Vec<String> = {
            let gelezen = self.adressen.read().expect("adressen");
            jongeren.into_iter().filter(|j| !gelezen.contains_key(*j)).map(String::from).collect()
        };
        nieuw.sort_unstable();
        nieuw.dedup();
        for partij in nieuw.chunks(PARTIJ) {
            // A short last batch repeats its last id: the statement keeps its fixed number of binds.
            let binds: Vec<Waarde> =
                (0..PARTIJ).map(|i| rij::tekst(partij.get(i).unwrap_or(&partij[partij.len() - 1]))).collect();
            let mut per: HashMap<&str, Vec<Verblijf>> = partij.iter().map(|j| (j.as_str(), Vec::new())).collect();
            let typen = [Type::Tekst, Type::Tekst, Type::Datum, Type::Datum];
            for r in self.store.vraag(PER_PARTIJ.as_str(), &binds, &typen).await? {
                let Ok(
                    [
                        Waarde::Tekst(Some(j)),
                        Waarde::Tekst(Some(g)),
                        Waarde::Datum(Some(begindatum)),
                        Waarde::Datum(einddatum),
                    ],
                ) = <[Waarde; 4]>::try_from(r)
                else {
                    continue;
                };
                if let (Some(lijst), Ok(gemeente)) = (per.get_mut(j.as_str()), Gemeentecode::parse(&g)) {
                    lijst.push(Verblijf { gemeente, begindatum, einddatum });
                }
            }
            let mut adressen = self.adressen.write().expect("adressen");
            for (j, lijst) in per {
                adressen.insert(j.to_string(), lijst.into());
            }
        }
        Ok(())
    }

    /// Dates of birth of the youths selected by `sql` (`SELECT id, geboortedatum FROM jongere …`).
    pub async fn geboortedata(&self, sql: &'static str, binds: &[Waarde]) -> Result<HashMap<String, Datum>, Fout> {
        Ok(crate::register::geboortedata(&self.store, sql, binds).await?)
    }

    /// The gemeente of the region a youth lived in on a date (after [`Kader::laad_adressen`]).
    pub fn gemeente_op(&self, jongere: &str, datum: Datum) -> Option<&Gemeente> {
        let adressen = self.adressen.read().expect("adressen");
        let lijst = adressen.get(jongere).expect("adressen van deze jongere gelezen");
        let w = lijst.iter().find(|w| w.begindatum <= datum && w.einddatum.is_none_or(|e| datum <= e))?;
        self.regio.get(&w.gemeente)
    }

    /// Is this gemeente in the scope?
    pub fn in_scope(&self, g: &Gemeentecode) -> bool {
        self.codes.contains(g)
    }

    /// Does a youth count in this scope, by residence on `peildatum` (after [`Kader::bereid_scope`])?
    /// In the regio everyone on the register counts, also who had moved away by then.
    pub fn telt(&self, jongere: &str, peildatum: Datum) -> bool {
        match self.scope {
            Scope::Regio => true,
            _ => self.gemeente_op(jongere, peildatum).is_some_and(|g| self.codes.contains(&g.code)),
        }
    }

    /// The note every youth-based table carries about residence, e.g. `wanneer` = "op 1 oktober 2020".
    pub fn noot_woonplaats(&self, wanneer: &str) -> String {
        match self.scope {
            Scope::Regio => "Alle jongeren in het register van de regio.".to_string(),
            _ => format!("Jongeren tellen in de gemeente waar zij {wanneer} woonden."),
        }
    }
}
