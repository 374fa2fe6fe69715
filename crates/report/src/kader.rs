//! What a report is about: the verslagjaar and the scope, and which gemeente each youth counts in.
use crate::Fout;
use leerspoor_domain::model::{Gemeente, Subregio, Woonadres};
use leerspoor_domain::{Datum, Gemeentecode, SchoolJaar};
use leerspoor_store::Store;
use leerspoor_store::rij::{self, Type, Waarde};
use std::collections::{HashMap, HashSet};
use std::fmt;

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

/// The verslagjaar, the scope resolved to its gemeenten, and the residence of youths on peildata.
pub struct Kader<'s> {
    pub store: &'s Store,
    pub jaar: SchoolJaar,
    pub scope: Scope,
    /// The gemeenten of the scope, in code order.
    pub gemeenten: Vec<Gemeente>,
    codes: HashSet<Gemeentecode>,
    /// Every gemeente of the region, also outside the scope (subregio, local leerplicht).
    pub regio: HashMap<Gemeentecode, Gemeente>,
    woonplaats: HashMap<Datum, HashMap<String, Gemeentecode>>,
    adressen: Option<HashMap<String, Vec<Woonadres>>>,
    /// The national VSV figures of the verslagjaar (DUO's), an input beside the register:
    /// `vsv_nieuw` compares the region with them; without them its national columns are empty.
    pub landelijk: Option<crate::tabellen::Landelijk>,
}

impl<'s> Kader<'s> {
    pub async fn nieuw(store: &'s Store, jaar: SchoolJaar, scope: Scope) -> Result<Kader<'s>, Fout> {
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
            store,
            jaar,
            scope,
            gemeenten,
            codes,
            regio,
            woonplaats: HashMap::new(),
            adressen: None,
            landelijk: None,
        })
    }

    /// Prepares [`Kader::telt`] for `peildatum`: in the regio everyone counts and nothing is loaded.
    pub async fn bereid_scope(&mut self, peildatum: Datum) -> Result<(), Fout> {
        if self.scope == Scope::Regio { Ok(()) } else { self.laad_woonplaats(peildatum).await }
    }

    /// Loads where every youth lived on `peildatum` (once per date).
    pub async fn laad_woonplaats(&mut self, peildatum: Datum) -> Result<(), Fout> {
        if self.woonplaats.contains_key(&peildatum) {
            return Ok(());
        }
        let rijen = self
            .store
            .vraag(
                "SELECT jongere, gemeente FROM woonadres WHERE begindatum <= $1 AND (einddatum IS NULL OR einddatum >= $1)",
                &[rij::datum(peildatum)],
                &[Type::Tekst, Type::Tekst],
            )
            .await?;
        let mut per = HashMap::with_capacity(rijen.len());
        for r in rijen {
            if let [Waarde::Tekst(Some(j)), Waarde::Tekst(Some(g))] = &r[..]
                && let Ok(g) = Gemeentecode::parse(g)
            {
                per.insert(j.clone(), g);
            }
        }
        self.woonplaats.insert(peildatum, per);
        Ok(())
    }

    /// Loads the addresses matching `waar` (e.g. of the youths with a melding in the report's
    /// years), for tables that place each record on its own date.
    pub async fn laad_adressen(&mut self, waar: &'static str, binds: &[Waarde]) -> Result<(), Fout> {
        if self.adressen.is_none() {
            let mut per: HashMap<String, Vec<Woonadres>> = HashMap::new();
            for w in self.store.lees_met::<Woonadres>(waar, binds).await? {
                per.entry(w.jongere.clone()).or_default().push(w);
            }
            self.adressen = Some(per);
        }
        Ok(())
    }

    /// Dates of birth of the youths selected by `sql` (`SELECT id, geboortedatum FROM jongere …`).
    pub async fn geboortedata(&self, sql: &'static str, binds: &[Waarde]) -> Result<HashMap<String, Datum>, Fout> {
        let rijen = self.store.vraag(sql, binds, &[Type::Tekst, Type::Datum]).await?;
        Ok(rijen
            .into_iter()
            .filter_map(|r| match <[Waarde; 2]>::try_from(r).ok()? {
                [Waarde::Tekst(Some(id)), Waarde::Datum(Some(d))] => Some((id, d)),
                _ => None,
            })
            .collect())
    }

    /// The gemeente a youth lived in on any date (after [`Kader::laad_adressen`]).
    pub fn gemeente_op(&self, jongere: &str, datum: Datum) -> Option<&Gemeente> {
        let adressen = self.adressen.as_ref().expect("adressen geladen").get(jongere)?;
        let w = adressen.iter().find(|w| w.begindatum <= datum && w.einddatum.is_none_or(|e| datum <= e))?;
        self.regio.get(&w.gemeente)
    }

    /// Is this gemeente in the scope?
    pub fn in_scope(&self, g: &Gemeentecode) -> bool {
        self.codes.contains(g)
    }

    /// The gemeente a youth lived in on `peildatum` (after [`Kader::laad_woonplaats`]).
    pub fn gemeente_van(&self, jongere: &str, peildatum: Datum) -> Option<&Gemeentecode> {
        self.woonplaats.get(&peildatum).expect("woonplaats geladen voor deze peildatum").get(jongere)
    }

    /// Does a youth count in this scope, by residence on `peildatum` (after [`Kader::bereid_scope`])?
    /// In the regio everyone on the register counts, also who had moved away by then.
    pub fn telt(&self, jongere: &str, peildatum: Datum) -> bool {
        match self.scope {
            Scope::Regio => true,
            _ => self.gemeente_van(jongere, peildatum).is_some_and(|g| self.codes.contains(g)),
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
