//! The register reads that counts rest on beside the tables: the JIKP pupils and where they went,
//! the recidive of a schooljaar, the candidates of the 1-oktober VSV count, and where the VSV-ers of
//! a year are and what came of the RMC's effort for them. Each takes the youths from the register
//! read once ([`Personen`]), reads only the other records its rule in `domain` needs, and calls
//! that rule, so the CLI's lists, the casework tests and the tables count alike.
use chrono::Months;
use leerspoor_domain::model::{
    Actie, ActieSoort, Dagbesteding, Inschrijving, RmcTraject, Verzuimmelding, VsvMelding, Zaak, ZaakStatus,
};
use leerspoor_domain::onderwijs::{DiplomaSoort, JikpGroep};
use leerspoor_domain::rules::jikp::{self, Stroom};
use leerspoor_domain::rules::leeftijd_op;
use leerspoor_domain::rules::recidive::{self, Recidive};
use leerspoor_domain::rules::startkwalificatie::{is_startkwalificatie, vrijgesteld_van_kwalificatieplicht};
use leerspoor_domain::rules::vsv::{self, Opvolging, Peilingen, Rmc};
use leerspoor_domain::rules::vsv_effect;
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_store::rij;
use leerspoor_store::{Behaald, Kring, Personen, Schoolperiode, Store, StoreFout};
use std::collections::{BTreeMap, HashMap};

type Result<T> = std::result::Result<T, StoreFout>;

/// A pupil of a JIKP group on 1 October (seed 000 Tabel 8): the youth's number in [`Personen`],
/// the group, and the enrolment on 1 October a year later, if any.
#[derive(Debug, Clone, Copy)]
pub struct JikpLeerling {
    pub jongere: usize,
    pub groep: JikpGroep,
    pub later: Option<Schoolperiode>,
}

/// The pupils of the JIKP groups on 1 October of `schooljaar`, by the enrolment running then (of
/// two, the one begun last, as everywhere: [`Personen::ingeschreven_op`]).
pub fn jikp_leerlingen(personen: &Personen, schooljaar: SchoolJaar) -> Vec<JikpLeerling> {
    let (van, naar) = (schooljaar.een_oktober(), schooljaar.volgend().een_oktober());
    (0..personen.len())
        .filter_map(|n| {
            let i = personen.ingeschreven_op(n, van)?;
            let groep = jikp::jikp_groep(i.onderwijssoort, i.niveau, i.vso_profiel)?;
            Some(JikpLeerling { jongere: n, groep, later: personen.ingeschreven_op(n, naar).copied() })
        })
        .collect()
}

/// Tabel 8 of the JIKP pupils of `schooljaar` (see [`jikp::door_uitstroom`]).
pub fn jikp_stromen<'a>(leerlingen: impl IntoIterator<Item = &'a JikpLeerling>) -> BTreeMap<JikpGroep, Stroom> {
    jikp::door_uitstroom(leerlingen.into_iter().map(|l| (l.groep, l.later.map(|i| (i.onderwijssoort, i.niveau)))))
}

/// Seed 000 Tabel 8 for `schooljaar` → the next, over the whole register.
pub async fn jikp_door_uitstroom(store: &Store, schooljaar: SchoolJaar) -> Result<BTreeMap<JikpGroep, Stroom>> {
    let personen = store.personen().await?;
    Ok(jikp_stromen(&jikp_leerlingen(&personen, schooljaar)))
}

/// The date of the first of a youth's diplomas for which `soort` holds (a startkwalificatie, a
/// praktijkonderwijs diploma).
pub fn eerste_diploma(diplomas: &[Behaald], soort: fn(DiplomaSoort) -> bool) -> Option<Datum> {
    diplomas.iter().filter(|d| soort(d.soort)).map(|d| d.datum).min()
}

/// The day a youth left the region (the end of an address left with a vertrek), the first on or
/// after `vanaf`.
pub fn vertrokken(personen: &Personen, n: usize, vanaf: Datum) -> Option<Datum> {
    personen.verblijven(n).iter().filter(|v| v.vertrek).filter_map(|v| v.einddatum).filter(|e| *e >= vanaf).min()
}

/// [`recidive::recidive`] over the register: the cases closed in `schooljaar`, the meldingen up to
/// the end of the next one.
pub async fn recidive(store: &Store, schooljaar: SchoolJaar) -> Result<Recidive> {
    let (van, tot) = (schooljaar.eerste_dag(), schooljaar.laatste_dag());
    // From the year before: the meldingen of a case that opened then, for `vervolg_op`.
    let meldingen_van = schooljaar.vorig().eerste_dag();
    let zaken: Vec<Zaak> = store
        .lees_met(
            "WHERE status = $1 AND gesloten_op >= $2 AND gesloten_op <= $3",
            &[rij::code(ZaakStatus::Gesloten), rij::datum(van), rij::datum(tot)],
        )
        .await?;
    let meldingen: Vec<Verzuimmelding> = store
        .lees_met(
            "WHERE meldingsdatum >= $1 AND meldingsdatum <= $2",
            &[rij::datum(meldingen_van), rij::datum(schooljaar.volgend().laatste_dag())],
        )
        .await?;
    Ok(recidive::recidive(schooljaar, &zaken, &meldingen))
}

/// The youths enrolled in VO, MBO or VAVO on 1 October of `schooljaar`, under 23 then, and enrolled
/// nowhere on 1 October of the next, with the facts [`vsv::nieuwe_vsv_er`] decides on — a few
/// percent of the enrolled, found among the register's youths in memory with their diplomas and
/// departures. Of two enrolments on 1 October the one begun last gives the onderwijssoort, as for
/// the deelnemers.
pub fn vsv_kandidaten(personen: &Personen, schooljaar: SchoolJaar) -> BTreeMap<String, Peilingen> {
    let (t, t1) = (schooljaar.een_oktober(), schooljaar.volgend().een_oktober());
    let mut uit: BTreeMap<String, Peilingen> = BTreeMap::new();
    for n in 0..personen.len() {
        let Some(op_t) = personen.ingeschreven_op(n, t) else { continue };
        let geboortedatum = personen.geboren(n);
        if vsv::vsv_sector(op_t.onderwijssoort).is_none()
            || leeftijd_op(geboortedatum, t) >= 23
            || personen.ingeschreven_op(n, t1).is_some()
        {
            continue;
        }
        let p = Peilingen {
            geboortedatum,
            onderwijssoort: op_t.onderwijssoort,
            ingeschreven_een_jaar_later: false,
            startkwalificatie: eerste_diploma(personen.diplomas(n), is_startkwalificatie),
            diploma_praktijkonderwijs: eerste_diploma(personen.diplomas(n), vrijgesteld_van_kwalificatieplicht),
            uit_beeld: [personen.overleden(n), vertrokken(personen, n, t)].into_iter().flatten().min(),
        };
        uit.insert(personen.id(n).to_string(), p);
    }
    uit
}

/// Follows up every VSV-er of the schooljaar on the day a year after their uitvaldatum.
pub async fn vsv_opvolging(store: &Store, schooljaar: SchoolJaar) -> Result<Opvolging> {
    let personen = store.personen().await?;
    let (trajecten, dagbestedingen) = (store.lees::<RmcTraject>().await?, store.lees::<Dagbesteding>().await?);
    let rmc = RmcPerJongere::nieuw(&trajecten, &dagbestedingen);
    vsv_bestemmingen(store, None, &personen, &rmc, schooljaar, |v| v.uitvaldatum + Months::new(12)).await
}

/// Where every VSV-er of the schooljaar is ([`vsv::bestemming_op`]) on the day `op` gives for
/// their melding, from the register's youths and what the RMC recorded; of the youths of `kring`
/// only, with one.
pub async fn vsv_bestemmingen(
    store: &Store,
    kring: Option<&Kring>,
    personen: &Personen,
    rmc: &RmcPerJongere<'_>,
    schooljaar: SchoolJaar,
    op: impl Fn(&VsvMelding) -> Datum,
) -> Result<Opvolging> {
    let venster = [rij::datum(schooljaar.eerste_dag()), rij::datum(schooljaar.laatste_dag())];
    let cohort: Vec<VsvMelding> =
        store.lees_in(kring, "WHERE uitvaldatum >= $1 AND uitvaldatum <= $2", &venster).await?;
    let per_jongere = cohort
        .into_iter()
        .filter_map(|v| {
            let (j, op) = (personen.van(&v.jongere)?, op(&v));
            let ingeschreven = j.ingeschreven_op(op).is_some();
            let b = vsv::bestemming_op(v.uitvaldatum, j.geboren(), ingeschreven, rmc.van(&v.jongere), op);
            Some((v.jongere, b))
        })
        .collect();
    Ok(Opvolging { schooljaar, per_jongere })
}

/// One VSV-er of a schooljaar for the effectrapportage: the youth, their VSV-meldingen of that year
/// (by uitvaldatum) and what came of the RMC's effort ([`vsv_effect::effect`]).
#[derive(Debug, Clone)]
pub struct VsvEffect {
    pub jongere: String,
    pub meldingen: Vec<VsvMelding>,
    pub uitkomst: vsv_effect::Uitkomst,
}

/// Every VSV-er of the schooljaar (a youth with a VSV-melding whose uitvaldatum lies in it, once
/// however many drop-outs), in order of youth, with the effect on the schooljaar's last day; of
/// the youths of `kring` only, with one.
pub async fn vsv_effecten(store: &Store, kring: Option<&Kring>, schooljaar: SchoolJaar) -> Result<Vec<VsvEffect>> {
    // The VSV-meldingen of the schooljaar; the other records are read of their youths.
    const COHORT: &str = "WHERE uitvaldatum >= $1 AND uitvaldatum <= $2";
    let venster = [rij::datum(schooljaar.eerste_dag()), rij::datum(schooljaar.laatste_dag())];
    let mut cohort: BTreeMap<String, Vec<VsvMelding>> = BTreeMap::new();
    for v in store.lees_in::<VsvMelding>(kring, COHORT, &venster).await? {
        cohort.entry(v.jongere.clone()).or_default().push(v);
    }
    let op = schooljaar.laatste_dag();
    let mut ingeschreven: HashMap<String, Datum> = HashMap::new();
    for i in store.lees_in_van::<Inschrijving>(kring, "vsv_melding", COHORT, &venster).await? {
        if i.begindatum <= op && i.einddatum.is_none_or(|e| e >= op) {
            let sinds = ingeschreven.entry(i.jongere.clone()).or_insert(i.begindatum);
            *sinds = (*sinds).min(i.begindatum);
        }
    }
    let trajecten = store.lees_in_van::<RmcTraject>(kring, "vsv_melding", COHORT, &venster).await?;
    let dagbestedingen = store.lees_in_van::<Dagbesteding>(kring, "vsv_melding", COHORT, &venster).await?;
    let rmc = RmcPerJongere::nieuw(&trajecten, &dagbestedingen);
    let mut gesprekken: HashMap<String, Vec<Datum>> = HashMap::new();
    for a in store.lees_in_van::<Actie>(kring, "vsv_melding", COHORT, &venster).await? {
        if matches!(a.soort, ActieSoort::Gesprek | ActieSoort::PreventiefGesprek) {
            gesprekken.entry(a.jongere).or_default().push(a.datum);
        }
    }
    Ok(cohort
        .into_iter()
        .map(|(jongere, mut meldingen)| {
            meldingen.sort_by_key(|v| (v.uitvaldatum, v.id.clone()));
            let r = rmc.van(&jongere);
            let inzet = vsv_effect::Inzet {
                ingeschreven_sinds: ingeschreven.get(&jongere).copied(),
                trajecten: r.trajecten,
                dagbestedingen: r.dagbestedingen,
                gesprekken: gesprekken.get(&jongere).map_or(&[][..], Vec::as_slice),
            };
            let uitkomst = vsv_effect::effect(schooljaar, meldingen[0].uitvaldatum, inzet);
            VsvEffect { jongere, meldingen, uitkomst }
        })
        .collect())
}

/// What the RMC recorded (trajecten, dagbestedingen), per youth.
pub struct RmcPerJongere<'a> {
    trajecten: HashMap<&'a str, Vec<&'a RmcTraject>>,
    dagbestedingen: HashMap<&'a str, Vec<&'a Dagbesteding>>,
}

impl<'a> RmcPerJongere<'a> {
    pub fn nieuw(trajecten: &'a [RmcTraject], dagbestedingen: &'a [Dagbesteding]) -> RmcPerJongere<'a> {
        let mut uit = RmcPerJongere { trajecten: HashMap::new(), dagbestedingen: HashMap::new() };
        for t in trajecten {
            uit.trajecten.entry(t.jongere.as_str()).or_default().push(t);
        }
        for d in dagbestedingen {
            uit.dagbestedingen.entry(d.jongere.as_str()).or_default().push(d);
        }
        uit
    }

    pub fn van(&self, jongere: &str) -> Rmc<'_> {
        Rmc {
            trajecten: self.trajecten.get(jongere).map_or(&[][..], Vec::as_slice),
            dagbestedingen: self.dagbestedingen.get(jongere).map_or(&[][..], Vec::as_slice),
        }
    }
}
