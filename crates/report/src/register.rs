//! The register reads that counts rest on beside the tables: the JIKP pupils' enrolments, the
//! recidive of a schooljaar, the candidates of the 1-oktober VSV count, and where the VSV-ers of a
//! year are and what came of the RMC's effort for them. Each reads only the records its
//! rule in `domain` needs and calls that rule, so the CLI's lists, the casework tests and the
//! tables count alike.
use chrono::Months;
use leerspoor_domain::model::{
    Actie, ActieSoort, Dagbesteding, Inschrijving, Jongere, RmcTraject, Verzuimmelding, VsvMelding, Zaak, ZaakStatus,
};
use leerspoor_domain::onderwijs::JikpGroep;
use leerspoor_domain::rules::jikp::{self, Stroom};
use leerspoor_domain::rules::leeftijd_op;
use leerspoor_domain::rules::recidive::{self, Recidive};
use leerspoor_domain::rules::startkwalificatie::{is_startkwalificatie, vrijgesteld_van_kwalificatieplicht};
use leerspoor_domain::rules::vsv::{self, Opvolging, Peilingen, Rmc};
use leerspoor_domain::rules::vsv_effect;
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_store::rij::{self, Type, Waarde};
use leerspoor_store::{Personen, Store, StoreFout};
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

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

/// Dates of birth of the youths selected by `sql` (`SELECT id, geboortedatum FROM jongere …`).
pub async fn geboortedata(store: &Store, sql: &'static str, binds: &[Waarde]) -> Result<HashMap<String, Datum>> {
    let rijen = store.vraag(sql, binds, &[Type::Tekst, Type::Datum]).await?;
    Ok(rijen
        .into_iter()
        .filter_map(|r| match <[Waarde; 2]>::try_from(r).ok()? {
            [Waarde::Tekst(Some(id)), Waarde::Datum(Some(d))] => Some((id, d)),
            _ => None,
        })
        .collect())
}

/// What the JIKP bestemming needs of the youths who could be JIKP pupils on 1 October of
/// `schooljaar`, on the day `op`: enrolled then, the first startkwalificatie, and the day they left
/// the region (the end of an address left with a vertrek), if any.
pub struct JikpStand {
    pub ingeschreven: bool,
    pub startkwalificatie: Option<Datum>,
    pub vertrokken: Option<Datum>,
}

pub async fn jikp_stand(store: &Store, schooljaar: SchoolJaar, op: Datum) -> Result<HashMap<String, JikpStand>> {
    let rijen = store
        .vraag(
            JIKP_STAND.as_str(),
            &[rij::datum(schooljaar.een_oktober()), rij::datum(op)],
            &[Type::Tekst, Type::Datum, Type::Datum, Type::Datum],
        )
        .await?;
    Ok(rijen
        .into_iter()
        .filter_map(|r| match <[Waarde; 4]>::try_from(r).ok()? {
            [
                Waarde::Tekst(Some(id)),
                Waarde::Datum(ingeschreven),
                Waarde::Datum(startkwalificatie),
                Waarde::Datum(vertrokken),
            ] => Some((id, JikpStand { ingeschreven: ingeschreven.is_some(), startkwalificatie, vertrokken })),
            _ => None,
        })
        .collect())
}

static JIKP_STAND: LazyLock<String> = LazyLock::new(|| {
    format!(
        concat!(
            "SELECT j.id, \
               (SELECT MIN(i.begindatum) FROM inschrijving i WHERE i.jongere = j.id AND i.begindatum <= $2 \
                  AND (i.einddatum IS NULL OR i.einddatum >= $2)), \
               (SELECT MIN(d.datum) FROM diploma d WHERE d.jongere = j.id AND d.soort IN ({})), \
               (SELECT MIN(w.einddatum) FROM woonadres w WHERE w.jongere = j.id AND w.vertrek IS NOT NULL \
                  AND w.einddatum >= $1) \
             FROM jongere j WHERE j.id IN ",
            jikp_kandidaten!()
        ),
        rij::sql_codes(is_startkwalificatie)
    )
});

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

/// The youths enrolled in VO, MBO or VAVO on 1 October of `schooljaar`, under 23 then, and enrolled
/// nowhere on 1 October of the next, with the facts [`vsv::nieuwe_vsv_er`] decides on — a few
/// percent of the enrolled, found among the register's youths in memory. Of two enrolments on
/// 1 October the one begun last gives the onderwijssoort, as for the deelnemers. Their diplomas and
/// departures are read for them alone, [`PARTIJ`] youths a query.
pub async fn vsv_kandidaten(
    store: &Store,
    personen: &Personen,
    schooljaar: SchoolJaar,
) -> Result<BTreeMap<String, Peilingen>> {
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
            startkwalificatie: None,
            diploma_praktijkonderwijs: None,
            uit_beeld: personen.overleden(n),
        };
        uit.insert(personen.id(n).to_string(), p);
    }
    let ids: Vec<String> = uit.keys().cloned().collect();
    for partij in ids.chunks(PARTIJ) {
        // A short last batch repeats its last id: the statement keeps its fixed number of binds.
        let mut binds: Vec<Waarde> =
            (0..PARTIJ).map(|i| rij::tekst(partij.get(i).unwrap_or(&partij[partij.len() - 1]))).collect();
        binds.push(rij::datum(t));
        let typen = [Type::Tekst, Type::Datum, Type::Datum, Type::Datum];
        for r in store.vraag(DIPLOMA_EN_VERTREK.as_str(), &binds, &typen).await? {
            if let Ok([Waarde::Tekst(Some(id)), Waarde::Datum(sq), Waarde::Datum(pro), Waarde::Datum(vertrokken)]) =
                <[Waarde; 4]>::try_from(r)
                && let Some(p) = uit.get_mut(&id)
            {
                p.startkwalificatie = sq;
                p.diploma_praktijkonderwijs = pro;
                p.uit_beeld = [p.uit_beeld, vertrokken].into_iter().flatten().min();
            }
        }
    }
    Ok(uit)
}

/// Youths a query asks about by id.
const PARTIJ: usize = 500;

/// Of the youths `$1` … `$500`: the first startkwalificatie, the first praktijkonderwijs diploma and
/// the end of an address they left the region from on or after `$501`. Which diplomas are which
/// comes from the rules themselves.
static DIPLOMA_EN_VERTREK: LazyLock<String> = LazyLock::new(|| {
    let binds: Vec<String> = (1..=PARTIJ).map(|i| format!("${i}")).collect();
    format!(
        "SELECT j.id, \
           (SELECT MIN(d.datum) FROM diploma d WHERE d.jongere = j.id AND d.soort IN ({})), \
           (SELECT MIN(d.datum) FROM diploma d WHERE d.jongere = j.id AND d.soort IN ({})), \
           (SELECT MIN(w.einddatum) FROM woonadres w WHERE w.jongere = j.id AND w.vertrek IS NOT NULL \
              AND w.einddatum >= ${}) \
         FROM jongere j WHERE j.id IN ({})",
        rij::sql_codes(is_startkwalificatie),
        rij::sql_codes(vrijgesteld_van_kwalificatieplicht),
        PARTIJ + 1,
        binds.join(", "),
    )
});

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
    let trajecten = store.lees_met::<RmcTraject>(VAN_COHORT, &venster).await?;
    let dagbestedingen = store.lees_met::<Dagbesteding>(VAN_COHORT, &venster).await?;
    let rmc = RmcPerJongere::nieuw(&trajecten, &dagbestedingen);
    let per_jongere = cohort
        .into_iter()
        .filter_map(|v| {
            let geboren = *jongeren.get(&v.jongere)?;
            let ins = inschrijvingen.get(&v.jongere).map_or(&[][..], Vec::as_slice);
            Some((v.jongere.clone(), vsv::bestemming_op(v.uitvaldatum, geboren, ins, rmc.van(&v.jongere), op(&v))))
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
/// however many drop-outs), in order of youth, with the effect on the schooljaar's last day.
pub async fn vsv_effecten(store: &Store, schooljaar: SchoolJaar) -> Result<Vec<VsvEffect>> {
    let venster = [rij::datum(schooljaar.eerste_dag()), rij::datum(schooljaar.laatste_dag())];
    let mut cohort: BTreeMap<String, Vec<VsvMelding>> = BTreeMap::new();
    for v in store.lees_met::<VsvMelding>("WHERE uitvaldatum >= $1 AND uitvaldatum <= $2", &venster).await? {
        cohort.entry(v.jongere.clone()).or_default().push(v);
    }
    const VAN_COHORT: &str =
        "WHERE jongere IN (SELECT jongere FROM vsv_melding WHERE uitvaldatum >= $1 AND uitvaldatum <= $2)";
    let op = schooljaar.laatste_dag();
    let mut ingeschreven: HashMap<String, Datum> = HashMap::new();
    for i in store.lees_met::<Inschrijving>(VAN_COHORT, &venster).await? {
        if i.begindatum <= op && i.einddatum.is_none_or(|e| e >= op) {
            let sinds = ingeschreven.entry(i.jongere.clone()).or_insert(i.begindatum);
            *sinds = (*sinds).min(i.begindatum);
        }
    }
    let trajecten = store.lees_met::<RmcTraject>(VAN_COHORT, &venster).await?;
    let dagbestedingen = store.lees_met::<Dagbesteding>(VAN_COHORT, &venster).await?;
    let rmc = RmcPerJongere::nieuw(&trajecten, &dagbestedingen);
    let mut gesprekken: HashMap<String, Vec<Datum>> = HashMap::new();
    for a in store.lees_met::<Actie>(VAN_COHORT, &venster).await? {
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
