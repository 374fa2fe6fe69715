//! What a report is about: the verslagjaar and the scope, and which gemeente each youth counts in.
use crate::Fout;
use crate::gedateerd::Gedateerd;
use crate::register::JikpLeerling;
use crate::tabellen::bevolking::{self, Groep, Verzuimers};
use leerspoor_domain::model::{Actie, Dagbesteding, Gemeente, Regio, RmcTraject, Subregio, Verzuimmelding};
use leerspoor_domain::rules::vsv::{Opvolging, VsvSector};
use leerspoor_domain::{Datum, Gemeentecode, SchoolJaar};
use leerspoor_store::rij::{Rij, Waarde};
use leerspoor_store::{Kring, Personen, Store};
use std::any::Any;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::future::Future;
use std::sync::{Arc, Mutex};
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

/// Above this share of the register's addresses a scope reads the whole register, not its kring:
/// SQLite finds a kring's rows youth by youth through an index, and at national scale that was
/// faster than a pass through the table below about a tenth (enrolments of 4,5 % of the addresses:
/// 0,28 s, of 43 %: 1,42 s; the whole table: 0,45 s). The counts are the same either way.
const KRING_GRENS: f64 = 0.1;

/// The population on one peildatum, counted by the first table that asks.
pub(crate) type Bevolking = Arc<OnceCell<Arc<[Groep]>>>;

/// One thing computed once for the tables that share it ([`Kader::eenmaal`]).
type Gedeeld = Arc<OnceCell<Arc<dyn Any + Send + Sync>>>;

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
    /// The youths the scope's tables read: who ever lived in one of its gemeenten (none: the
    /// whole register, for the regio). Every count of a scope is of youths who lived in it on a
    /// peildatum, so the others are never counted and need not be read.
    kring: Option<Kring>,
    /// Every youth of the register with their addresses and enrolments, read once for all tables
    /// and shared with the kaders made from this one ([`Kader::ander`]), with the register's stand
    /// read just before them ([`Store::stand`]).
    personen: Arc<OnceCell<(i64, Arc<Personen>)>>,
    /// The population on a peildatum, counted once for all tables that need it.
    pub(crate) bevolking: Mutex<HashMap<Datum, Bevolking>>,
    /// Every RMC-traject of the register, read once for the four tables that go through them all.
    trajecten: OnceCell<Arc<[RmcTraject]>>,
    /// Every dagbesteding the RMC recorded, read once for the tables that follow youths out of school.
    dagbestedingen: OnceCell<Arc<[Dagbesteding]>>,
    /// The regio's verzuimers beside a scope that reads only its kring ([`Kader::regio_verzuimers`]).
    regio_gemeld: OnceCell<Box<Kader>>,
    /// The JIKP pupils of 1 October of the year before the verslagjaar.
    jikp: OnceCell<Arc<[JikpLeerling]>>,
    /// Where the verslagjaar's VSV-ers are on its last day, for vsv_bestemming and the factsheet.
    vsv_einde: OnceCell<Arc<Opvolging>>,
    /// The new VSV-ers of the verslagjaar per sector (`None` while not yet known), for vsv_nieuw
    /// and the targets.
    pub(crate) vsv_ers: OnceCell<Option<BTreeMap<VsvSector, u64>>>,
    /// The absolute and relative verzuimers per gemeente, for verzuim_per_1000 and the targets.
    pub(crate) verzuimers_per_gemeente: OnceCell<Arc<Verzuimers>>,
    /// What several tables of one module compute alike, by name ([`Kader::eenmaal`]).
    gedeeld: Mutex<HashMap<&'static str, Gedeeld>>,
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

impl Kader {
    pub async fn nieuw(store: &Store, jaar: SchoolJaar, scope: Scope) -> Result<Kader, Fout> {
        Kader::opzet(store, jaar, scope).await?.kies_lezing().await
    }

    /// A scope of most of the register reads it whole (see `KRING_GRENS`).
    async fn kies_lezing(mut self) -> Result<Kader, Fout> {
        if let Some(k) = self.kring.take() {
            let k = self.store.meet(k).await?;
            if k.aandeel() <= KRING_GRENS {
                self.kring = Some(self.store.met_leden(k).await?);
            }
        }
        Ok(self)
    }

    /// The kader of a scope, reading its kring.
    async fn opzet(store: &Store, jaar: SchoolJaar, scope: Scope) -> Result<Kader, Fout> {
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
        let kring = (scope != Scope::Regio).then(|| Kring::van(gemeenten.iter().map(|g| g.code.clone())));
        Ok(Kader {
            store: store.clone(),
            jaar,
            scope,
            gemeenten,
            codes,
            regio,
            kring,
            personen: Arc::default(),
            bevolking: Mutex::default(),
            trajecten: OnceCell::new(),
            dagbestedingen: OnceCell::new(),
            regio_gemeld: OnceCell::new(),
            jikp: OnceCell::new(),
            verzuimers_per_gemeente: OnceCell::new(),
            gedeeld: Mutex::default(),
            vsv_ers: OnceCell::new(),
            vsv_einde: OnceCell::new(),
            meldingen: Gedateerd::nieuw(
                "meldingsdatum",
                |m| m.meldingsdatum,
                SchoolJaar::beginnend_in(jaar.beginjaar() - 4).eerste_dag(),
                jaar.volgend().laatste_dag(),
            ),
            acties: Gedateerd::nieuw(
                "datum",
                |a| a.datum,
                SchoolJaar::beginnend_in(jaar.beginjaar() - 3).eerste_dag(),
                jaar.laatste_dag(),
            ),
            landelijk: None,
            stand: chrono::Local::now().date_naive(),
        })
    }

    /// A kader for another year or scope on the same register, sharing what does not depend on
    /// them (the youths, their addresses and enrolments): a table that sets a base year beside the
    /// verslagjaar, or a gemeente beside the region, does not read the country again.
    pub async fn ander(&self, jaar: SchoolJaar, scope: Scope) -> Result<Kader, Fout> {
        let mut k = Kader::opzet(&self.store, jaar, scope).await?;
        // This kader read the youths of its kring only: a wider one reads its own.
        let gedeeld = match (&self.kring, &k.kring) {
            (None, _) => true,
            (Some(eigen), Some(ander)) => eigen.omvat(ander),
            (Some(_), None) => false,
        };
        if gedeeld {
            // The shared read reaches as far as this one's: the other records are read alike.
            k.personen = self.personen.clone();
            k.kring.clone_from(&self.kring);
        } else {
            k = k.kies_lezing().await?;
        }
        k.stand = self.stand;
        Ok(k)
    }

    /// This kader reading the whole register, as for the regio: what a scope counts must not
    /// change by reading only its kring (the tests compare the two).
    pub fn heel_register(mut self) -> Kader {
        self.kring = None;
        self
    }

    /// This kader of a subregio or gemeente reading its kring, however large a part of the
    /// register that is (see `KRING_GRENS`).
    pub async fn alleen_kring(mut self) -> Result<Kader, Fout> {
        if self.scope != Scope::Regio {
            let k = self.store.meet(Kring::van(self.gemeenten.iter().map(|g| g.code.clone()))).await?;
            self.kring = Some(self.store.met_leden(k).await?);
        }
        Ok(self)
    }

    /// The region's population on the peildatum, for a table that sets it beside the scope's
    /// (verzuim_per_1000): this kader's count if it reads the whole register. Else the count kept
    /// for the register's stand ([`Store::telling`]), or, the first time after a change to the
    /// youths or their addresses, a count of the country's youths with birth, death and addresses
    /// but no enrolments ([`Store::bewoners`]), which is kept — the one read of a gemeente's report
    /// that is not of its own youths. Groups of youths by gemeente, sex and age band only: nothing
    /// that asks for an enrolment may count from them.
    pub(crate) async fn regio_bevolking(&self, peildatum: Datum) -> Result<Arc<[Groep]>, Fout> {
        if self.kring.is_none() {
            return bevolking::bevolking(self, peildatum).await;
        }
        let stand = self.store.stand().await?;
        if let Some(groepen) =
            self.store.telling(bevolking::TELLING, peildatum, stand).await?.and_then(|t| bevolking::uit_telling(&t))
        {
            return Ok(groepen.into());
        }
        let mut k = Kader::opzet(&self.store, self.jaar, Scope::Regio).await?;
        let bewoners = self.store.bewoners(None).await?;
        k.personen = Arc::new(OnceCell::from((stand, Arc::new(bewoners))));
        k.stand = self.stand;
        bevolking::bevolking(&k, peildatum).await
    }

    /// The region's verzuimers of the verslagjaar, beside the scope's (verzuim_per_1000): this
    /// kader's if it reads the whole register. Else the count kept for the stand of the register
    /// and its meldingen ([`Store::stand_met_meldingen`]), or, the first time after a change, counted
    /// from a kader of the verslagjaar's meldingen and the youths they are about, wherever they
    /// live ([`Kring::gemeld`]), with their birth and addresses (no enrolments: a verzuimer counts
    /// by age and residence), and kept. It counts as the regio does, everyone it has read.
    pub(crate) async fn regio_verzuimers(&self) -> Result<Arc<Verzuimers>, Fout> {
        if self.kring.is_none() {
            return bevolking::verzuimers(self).await;
        }
        let peildatum = self.jaar.een_oktober();
        // Read before the records: a change that commits while they are counted makes the count old.
        let stand = self.store.stand_met_meldingen().await?;
        if let Some(v) =
            self.store.telling(bevolking::VERZUIMERS, peildatum, stand).await?.and_then(|t| Verzuimers::uit_telling(&t))
        {
            return Ok(Arc::new(v));
        }
        let k = self.regio_gemeld.get_or_try_init(|| async {
            let (van, tot) = (self.jaar.eerste_dag(), self.jaar.laatste_dag());
            let mut k = Kader::opzet(&self.store, self.jaar, Scope::Regio).await?;
            let gemeld = Kring::gemeld(van, tot);
            let stand = self.store.stand().await?;
            let bewoners = self.store.bewoners(Some(&gemeld)).await?;
            k.personen = Arc::new(OnceCell::from((stand, Arc::new(bewoners))));
            // Its meldingen are those of the kring's own window, each of a melded youth: read
            // without the kring, one pass through the table instead of a look-up per youth.
            k.meldingen = Gedateerd::nieuw("meldingsdatum", |m| m.meldingsdatum, van, tot);
            k.stand = self.stand;
            Ok::<_, Fout>(Box::new(k))
        });
        let verzuimers = bevolking::verzuimers(k.await?).await?;
        self.store.bewaar_telling(bevolking::VERZUIMERS, peildatum, stand, &verzuimers.naar_telling()).await?;
        Ok(verzuimers)
    }

    /// What `maak` computes, once for every table of this kader that asks by the same `naam`
    /// (the second waits for the first): the selections two tables of one module count alike.
    pub(crate) async fn eenmaal<T, F, Fut>(&self, naam: &'static str, maak: F) -> Result<Arc<T>, Fout>
    where
        T: Any + Send + Sync,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, Fout>>,
    {
        let cel = self.gedeeld.lock().expect("gedeeld").entry(naam).or_default().clone();
        let waarde =
            cel.get_or_try_init(|| async { Ok::<_, Fout>(Arc::new(maak().await?) as Arc<dyn Any + Send + Sync>) });
        Ok(waarde.await?.clone().downcast::<T>().unwrap_or_else(|_| panic!("'{naam}' is gedeeld als een ander type")))
    }

    /// The youths the scope's tables read (none: all).
    pub fn kring(&self) -> Option<&Kring> {
        self.kring.as_ref()
    }

    /// The records of the youths of the scope's kring that match `waar` (as [`Store::lees_met`]).
    pub async fn lees_met<R: Rij>(&self, waar: &'static str, binds: &[Waarde]) -> Result<Vec<R>, Fout> {
        Ok(self.store.lees_in(self.kring.as_ref(), waar, binds).await?)
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
        let alle = self
            .trajecten
            .get_or_try_init(|| async { Ok::<_, Fout>(self.lees_met::<RmcTraject>("", &[]).await?.into()) });
        Ok(alle.await?.clone())
    }

    /// Where every VSV-er of the verslagjaar is on its last day ([`crate::register::vsv_bestemmingen`]),
    /// followed once for the two tables that count them.
    pub async fn vsv_bestemmingen_einde(&self) -> Result<Arc<Opvolging>, Fout> {
        let einde = self.jaar.laatste_dag();
        let o = self.vsv_einde.get_or_try_init(|| async {
            let personen = self.personen().await?;
            let (trajecten, dagbestedingen) = (self.rmc_trajecten().await?, self.dagbestedingen().await?);
            let rmc = crate::register::RmcPerJongere::nieuw(&trajecten, &dagbestedingen);
            let o =
                crate::register::vsv_bestemmingen(&self.store, self.kring.as_ref(), &personen, &rmc, self.jaar, |_| {
                    einde
                })
                .await?;
            Ok::<_, Fout>(Arc::new(o))
        });
        Ok(o.await?.clone())
    }

    /// Every dagbesteding of the register, read once.
    pub async fn dagbestedingen(&self) -> Result<Arc<[Dagbesteding]>, Fout> {
        let alle = self
            .dagbestedingen
            .get_or_try_init(|| async { Ok::<_, Fout>(self.lees_met::<Dagbesteding>("", &[]).await?.into()) });
        Ok(alle.await?.clone())
    }

    /// The pupils of the JIKP groups on 1 October of the year before the verslagjaar, with their
    /// enrolment a year later ([`crate::register::jikp_leerlingen`]), found once for the three
    /// tables that follow them (jikp_door_uitstroom, vsv_bestemming and the factsheet).
    pub async fn jikp_leerlingen(&self) -> Result<Arc<[JikpLeerling]>, Fout> {
        let j = self.jikp.get_or_try_init(|| async {
            let personen = self.personen().await?;
            let jaar = self.jaar.vorig();
            let leerlingen = tokio::task::spawn_blocking(move || crate::register::jikp_leerlingen(&personen, jaar))
                .await
                .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
            Ok::<_, Fout>(leerlingen.into())
        });
        Ok(j.await?.clone())
    }

    /// The verzuimmeldingen dated from `van` up to and including `tot` (at most five years before
    /// the verslagjaar, at most one after), in key order.
    pub async fn verzuimmeldingen(&self, van: Datum, tot: Datum) -> Result<Vec<&Verzuimmelding>, Fout> {
        self.meldingen.tussen(&self.store, self.kring.as_ref(), van, tot).await
    }

    /// Every verzuimmelding of those years: for a rule that picks its own (recidive).
    pub async fn alle_verzuimmeldingen(&self) -> Result<&[Verzuimmelding], Fout> {
        self.meldingen.alle(&self.store, self.kring.as_ref()).await
    }

    /// The actions dated from `van` up to and including `tot` (at most three years before the
    /// verslagjaar), in key order.
    pub async fn acties(&self, van: Datum, tot: Datum) -> Result<Vec<&Actie>, Fout> {
        self.acties.tussen(&self.store, self.kring.as_ref(), van, tot).await
    }

    /// Prepares [`Kader::telt`]: in the regio everyone counts and nothing is read.
    pub async fn bereid_scope(&self) -> Result<(), Fout> {
        if self.scope != Scope::Regio {
            self.personen().await?;
        }
        Ok(())
    }

    /// Every youth of the register with their addresses and enrolments, read once for all tables
    /// (also for [`Kader::gemeente_op`]): at national scale one read of the three tables is
    /// faster than asking for the addresses of the youths each table counts.
    pub async fn personen(&self) -> Result<Arc<Personen>, Fout> {
        Ok(self.personen_met_stand().await?.1)
    }

    /// [`Kader::personen`] with the register's stand read before them: a count made of them is
    /// of the register at that stand or later.
    pub(crate) async fn personen_met_stand(&self) -> Result<(i64, Arc<Personen>), Fout> {
        let p = self.personen.get_or_try_init(|| async {
            let stand = self.store.stand().await?;
            Ok::<_, Fout>((stand, Arc::new(self.store.personen_in(self.kring.as_ref()).await?)))
        });
        Ok(p.await?.clone())
    }

    /// The gemeente of the region a youth lived in on a date (after [`Kader::personen`]).
    pub fn gemeente_op(&self, jongere: &str, datum: Datum) -> Option<&Gemeente> {
        let personen = &self.personen.get().expect("personen gelezen").1;
        self.regio.get(personen.woonde_op(personen.zoek(jongere)?, datum)?)
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
