//! JIKP door- en uitstroom (seed 000 Tabel 8): the pupils of PRO, VSO, Entree and vmbo-basis on
//! 1 October of a schooljaar, and where they are on 1 October of the next.
use crate::Result;
use leerspoor_domain::model::Inschrijving;
use leerspoor_domain::onderwijs::JikpGroep;
use leerspoor_domain::rules::jikp::{Overgang, jikp_groep, overgang};
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_store::Store;
use leerspoor_store::rij::{self, Type, Waarde};
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

/// The youths who could be JIKP pupils on $1 ([`jikp_groep`] decides): enrolled in PRO or VSO,
/// Entree or vmbo-basis. Their other enrolments are read too, for "the one begun last".
macro_rules! kandidaten {
    () => {
        "(SELECT jongere FROM inschrijving WHERE begindatum <= $1 AND (einddatum IS NULL OR einddatum >= $1) \
         AND (onderwijssoort IN ('pro', 'vso') OR niveau IN ('mbo1', 'vmbo_bb')))"
    };
}

/// The enrolments on 1 October of `schooljaar` and of the next of the youths who could be JIKP
/// pupils then — not the whole register, which at national scale is millions of enrolments.
pub async fn inschrijvingen(store: &Store, schooljaar: SchoolJaar) -> Result<(Vec<Inschrijving>, Vec<Inschrijving>)> {
    let (van, naar) = (rij::datum(schooljaar.een_oktober()), rij::datum(schooljaar.volgend().een_oktober()));
    let op = store
        .lees_met(
            concat!("WHERE begindatum <= $1 AND (einddatum IS NULL OR einddatum >= $1) AND jongere IN ", kandidaten!()),
            std::slice::from_ref(&van),
        )
        .await?;
    let later = store
        .lees_met(
            concat!("WHERE begindatum <= $2 AND (einddatum IS NULL OR einddatum >= $2) AND jongere IN ", kandidaten!()),
            &[van, naar],
        )
        .await?;
    Ok((op, later))
}

/// The dates of birth of the youths who could be JIKP pupils on 1 October of `schooljaar`.
pub async fn geboortedata(store: &Store, schooljaar: SchoolJaar) -> Result<HashMap<String, Datum>> {
    let rijen = store
        .vraag(
            concat!("SELECT id, geboortedatum FROM jongere WHERE id IN ", kandidaten!()),
            &[rij::datum(schooljaar.een_oktober())],
            &[Type::Tekst, Type::Datum],
        )
        .await?;
    Ok(rijen
        .into_iter()
        .filter_map(|r| match <[Waarde; 2]>::try_from(r).ok()? {
            [Waarde::Tekst(Some(id)), Waarde::Datum(Some(d))] => Some((id, d)),
            _ => None,
        })
        .collect())
}

/// Tabel 8 for `schooljaar` → the next, from the register.
pub async fn door_uitstroom(store: &Store, schooljaar: SchoolJaar) -> Result<BTreeMap<JikpGroep, Stroom>> {
    let (van, naar) = inschrijvingen(store, schooljaar).await?;
    Ok(bereken(&van, &naar))
}
