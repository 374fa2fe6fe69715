//! JIKP door- en uitstroom (seed 000 Tabel 8): the pupils of PRO, VSO, Entree and vmbo-basis on
//! 1 October of a schooljaar, and where they are on 1 October of the next.
use crate::Result;
use leerspoor_domain::model::Inschrijving;
use leerspoor_domain::onderwijs::JikpGroep;
use leerspoor_domain::rules::jikp::{Overgang, jikp_groep, overgang};
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_store::Store;
use leerspoor_store::rij;
use std::collections::{BTreeMap, HashMap};

/// One row of Tabel 8.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stroom {
    pub deelnemers: u32,
    /// Who did not stay in the same kind of education (for MBO1: everyone).
    pub door_uitstroom: u32,
    pub mbo1: u32,
    pub mbo2: u32,
    pub uitstroom: u32,
}

impl Stroom {
    pub fn kwetsbaar(&self) -> u32 {
        self.mbo1 + self.mbo2 + self.uitstroom
    }

    /// Kwetsbare door- en uitstroom as a share of all door- en uitstroom, in percent.
    pub fn percentage(&self) -> Option<f64> {
        (self.door_uitstroom > 0).then(|| 100.0 * f64::from(self.kwetsbaar()) / f64::from(self.door_uitstroom))
    }

    fn tel(&mut self, o: Overgang) {
        self.deelnemers += 1;
        if !o.telt() {
            return;
        }
        self.door_uitstroom += 1;
        match o {
            Overgang::NaarMbo1 => self.mbo1 += 1,
            Overgang::NaarMbo2 => self.mbo2 += 1,
            Overgang::Uitstroom => self.uitstroom += 1,
            Overgang::Blijft | Overgang::Elders => {}
        }
    }
}

/// Tabel 8 from the enrolments on the two peildata; a youth with two enrolments counts once, by the
/// one begun last.
pub fn bereken(op_peildatum: &[Inschrijving], een_jaar_later: &[Inschrijving]) -> BTreeMap<JikpGroep, Stroom> {
    let laatste = |lijst: &[Inschrijving]| {
        let mut per: HashMap<String, Inschrijving> = HashMap::new();
        for i in lijst {
            if per.get(&i.jongere).is_none_or(|x| x.begindatum < i.begindatum) {
                per.insert(i.jongere.clone(), i.clone());
            }
        }
        per
    };
    let later = laatste(een_jaar_later);
    let mut uit: BTreeMap<JikpGroep, Stroom> = BTreeMap::new();
    for (jongere, i) in laatste(op_peildatum) {
        let Some(groep) = jikp_groep(i.onderwijssoort, i.niveau, i.vso_profiel) else { continue };
        let volgend = later.get(&jongere).map(|l| (l.onderwijssoort, l.niveau));
        uit.entry(groep).or_default().tel(overgang(groep, volgend));
    }
    uit
}

/// The enrolments running on a peildatum.
pub async fn inschrijvingen_op(store: &Store, peildatum: Datum) -> Result<Vec<Inschrijving>> {
    Ok(store
        .lees_met("WHERE begindatum <= $1 AND (einddatum IS NULL OR einddatum >= $1)", &[rij::datum(peildatum)])
        .await?)
}

/// Tabel 8 for `schooljaar` → the next, from the register.
pub async fn door_uitstroom(store: &Store, schooljaar: SchoolJaar) -> Result<BTreeMap<JikpGroep, Stroom>> {
    let van = inschrijvingen_op(store, schooljaar.een_oktober()).await?;
    Ok(bereken(&van, &inschrijvingen_op(store, schooljaar.volgend().een_oktober()).await?))
}
