//! The register reads that counts rest on beside the tables: the JIKP pupils' enrolments, the
//! recidive of a schooljaar, and where the VSV-ers of a year are. Each reads only the records its
//! rule in `domain` needs and calls that rule, so the CLI's lists, the casework tests and the
//! tables count alike.
use chrono::Months;
use leerspoor_domain::model::{Inschrijving, Jongere, RmcTraject, Verzuimmelding, VsvMelding, Zaak, ZaakStatus};
use leerspoor_domain::onderwijs::JikpGroep;
use leerspoor_domain::rules::jikp::{self, Stroom};
use leerspoor_domain::rules::recidive::{self, Recidive};
use leerspoor_domain::rules::vsv::{self, Opvolging};
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_store::rij::{self, Type, Waarde};
use leerspoor_store::{Store, StoreFout};
use std::collections::{BTreeMap, HashMap};

type Result<T> = std::result::Result<T, StoreFout>;

/// The youths who could be JIKP pupils on $1 ([`jikp::jikp_groep`] decides): enrolled in PRO or
/// VSO, Entree or vmbo-basis. Their other enrolments are read too, for "the one begun last".
macro_rules! jikp_kandidaten {
    () => {
        "(SELECT jongere FROM inschrijving WHERE begindatum <= $1 AND (einddatum IS NULL OR einddatum >= $1) \
         AND (onderwijssoort IN ('pro', 'vso') OR niveau IN ('mbo1', 'vmbo_bb')))"
    };
}

/// The enrolments on 1 October of `schooljaar` and of the next of the youths who could be JIKP
/// pupils then — not the whole register, which at national scale is millions of enrolments.
pub async fn jikp_inschrijvingen(
    store: &Store,
    schooljaar: SchoolJaar,
) -> Result<(Vec<Inschrijving>, Vec<Inschrijving>)> {
    let (van, naar) = (rij::datum(schooljaar.een_oktober()), rij::datum(schooljaar.volgend().een_oktober()));
    let op = store
        .lees_met(
            concat!(
                "WHERE begindatum <= $1 AND (einddatum IS NULL OR einddatum >= $1) AND jongere IN ",
                jikp_kandidaten!()
            ),
            std::slice::from_ref(&van),
        )
        .await?;
    let later = store
        .lees_met(
            concat!(
                "WHERE begindatum <= $2 AND (einddatum IS NULL OR einddatum >= $2) AND jongere IN ",
                jikp_kandidaten!()
            ),
            &[van, naar],
        )
        .await?;
    Ok((op, later))
}

/// The dates of birth of the youths who could be JIKP pupils on 1 October of `schooljaar`.
pub async fn jikp_geboortedata(store: &Store, schooljaar: SchoolJaar) -> Result<HashMap<String, Datum>> {
    let rijen = store
        .vraag(
            concat!("SELECT id, geboortedatum FROM jongere WHERE id IN ", jikp_kandidaten!()),
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

/// Seed 000 Tabel 8 for `schooljaar` → the next, over the whole register.
pub async fn jikp_door_uitstroom(store: &Store, schooljaar: SchoolJaar) -> Result<BTreeMap<JikpGroep, Stroom>> {
    let (van, naar) = jikp_inschrijvingen(store, schooljaar).await?;
    Ok(jikp::door_uitstroom(&van, &naar))
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

/// Follows up every VSV-er of the schooljaar on the day a year after their uitvaldatum.
pub async fn vsv_opvolging(store: &Store, schooljaar: SchoolJaar) -> Result<Opvolging> {
    vsv_bestemmingen(store, schooljaar, |v| v.uitvaldatum + Months::new(12)).await
}

/// Where every VSV-er of the schooljaar is ([`vsv::bestemming_op`]) on the day `op` gives for
/// their melding.
pub async fn vsv_bestemmingen(
    store: &Store,
    schooljaar: SchoolJaar,
    op: impl Fn(&VsvMelding) -> Datum,
) -> Result<Opvolging> {
    let venster = [rij::datum(schooljaar.eerste_dag()), rij::datum(schooljaar.laatste_dag())];
    let cohort: Vec<VsvMelding> = store.lees_met("WHERE uitvaldatum >= $1 AND uitvaldatum <= $2", &venster).await?;
    // The cohort's records in three reads, not a dossier each.
    const VAN_COHORT: &str =
        "WHERE jongere IN (SELECT jongere FROM vsv_melding WHERE uitvaldatum >= $1 AND uitvaldatum <= $2)";
    let jongeren: HashMap<String, Datum> = store
        .lees_met::<Jongere>(
            "WHERE id IN (SELECT jongere FROM vsv_melding WHERE uitvaldatum >= $1 AND uitvaldatum <= $2)",
            &venster,
        )
        .await?
        .into_iter()
        .map(|j| (j.id, j.geboortedatum))
        .collect();
    let mut inschrijvingen: HashMap<String, Vec<Inschrijving>> = HashMap::new();
    for i in store.lees_met::<Inschrijving>(VAN_COHORT, &venster).await? {
        inschrijvingen.entry(i.jongere.clone()).or_default().push(i);
    }
    let mut trajecten: HashMap<String, Vec<RmcTraject>> = HashMap::new();
    for t in store.lees_met::<RmcTraject>(VAN_COHORT, &venster).await? {
        trajecten.entry(t.jongere.clone()).or_default().push(t);
    }
    let per_jongere = cohort
        .into_iter()
        .filter_map(|v| {
            let geboren = *jongeren.get(&v.jongere)?;
            let ins = inschrijvingen.get(&v.jongere).map_or(&[][..], Vec::as_slice);
            let trj = trajecten.get(&v.jongere).map_or(&[][..], Vec::as_slice);
            Some((v.jongere.clone(), vsv::bestemming_op(v.uitvaldatum, geboren, ins, trj, op(&v))))
        })
        .collect();
    Ok(Opvolging { schooljaar, per_jongere })
}
