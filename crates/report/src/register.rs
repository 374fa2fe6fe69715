//! The register reads that counts rest on beside the tables: the JIKP pupils' enrolments, the
//! recidive of a schooljaar, the candidates of the 1-oktober VSV count, and where the VSV-ers of a
//! year are and what came of the RMC's effort for them. Each reads only the records its
//! rule in `domain` needs and calls that rule, so the CLI's lists, the casework tests and the
//! tables count alike.
use chrono::Months;
use leerspoor_domain::model::{
    Actie, ActieSoort, Dagbesteding, Inschrijving, RmcTraject, Verzuimmelding, VsvMelding, Zaak, ZaakStatus,
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
use leerspoor_store::{Personen, Schoolperiode, Store, StoreFout};
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

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

/// What a youth's diplomas and addresses tell about their leaving school and the region.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiplomaEnVertrek {
    /// The first startkwalificatie.
    pub startkwalificatie: Option<Datum>,
    /// The first praktijkonderwijs diploma (no startkwalificatie, no kwalificatieplicht after it).
    pub praktijkonderwijs: Option<Datum>,
    /// The end of an address the youth left the region from, on or after the day asked about.
    pub vertrokken: Option<Datum>,
}

/// [`DiplomaEnVertrek`] of the youths `ids`, with departures from `vanaf`: [`PARTIJ`] youths a
/// query, not a dossier each.
pub async fn diploma_en_vertrek(
    store: &Store,
    ids: &[&str],
    vanaf: Datum,
) -> Result<HashMap<String, DiplomaEnVertrek>> {
    let mut uit = HashMap::with_capacity(ids.len());
    for partij in ids.chunks(PARTIJ) {
        // A short last batch repeats its last id: the statement keeps its fixed number of binds.
        let mut binds: Vec<Waarde> =
            (0..PARTIJ).map(|i| rij::tekst(partij.get(i).unwrap_or(&partij[partij.len() - 1]))).collect();
        binds.push(rij::datum(vanaf));
        let typen = [Type::Tekst, Type::Datum, Type::Datum, Type::Datum];
        for r in store.vraag(DIPLOMA_EN_VERTREK.as_str(), &binds, &typen).await? {
            if let Ok([Waarde::Tekst(Some(id)), Waarde::Datum(sq), Waarde::Datum(pro), Waarde::Datum(vertrokken)]) =
                <[Waarde; 4]>::try_from(r)
            {
                uit.insert(id, DiplomaEnVertrek { startkwalificatie: sq, praktijkonderwijs: pro, vertrokken });
            }
        }
    }
    Ok(uit)
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
/// departures are read for them alone ([`diploma_en_vertrek`]).
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
    let ids: Vec<&str> = uit.keys().map(String::as_str).collect();
    let gevonden = diploma_en_vertrek(store, &ids, t).await?;
    for (id, d) in gevonden {
        if let Some(p) = uit.get_mut(&id) {
            p.startkwalificatie = d.startkwalificatie;
            p.diploma_praktijkonderwijs = d.praktijkonderwijs;
            p.uit_beeld = [p.uit_beeld, d.vertrokken].into_iter().flatten().min();
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
    let personen = store.personen().await?;
    let (trajecten, dagbestedingen) = (store.lees::<RmcTraject>().await?, store.lees::<Dagbesteding>().await?);
    let rmc = RmcPerJongere::nieuw(&trajecten, &dagbestedingen);
    vsv_bestemmingen(store, &personen, &rmc, schooljaar, |v| v.uitvaldatum + Months::new(12)).await
}

/// Where every VSV-er of the schooljaar is ([`vsv::bestemming_op`]) on the day `op` gives for
/// their melding, from the register's youths and what the RMC recorded.
pub async fn vsv_bestemmingen(
    store: &Store,
    personen: &Personen,
    rmc: &RmcPerJongere<'_>,
    schooljaar: SchoolJaar,
    op: impl Fn(&VsvMelding) -> Datum,
) -> Result<Opvolging> {
    let venster = [rij::datum(schooljaar.eerste_dag()), rij::datum(schooljaar.laatste_dag())];
    let cohort: Vec<VsvMelding> = store.lees_met("WHERE uitvaldatum >= $1 AND uitvaldatum <= $2", &venster).await?;
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
