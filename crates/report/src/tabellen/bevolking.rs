//! The population tables: youths by age living in each gemeente on the peildatum (1 October),
//! enrolled or not, and the verzuimers per 1000 (seeds 001 and 004; BBV indicators).
use crate::tabel::{Waarde, percentage};
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::model::Gemeente;
use leerspoor_domain::onderwijs::Onderwijssoort;
use leerspoor_domain::rules::{art25, geboren_uiterlijk, leeftijd_op};
use leerspoor_domain::{Datum, Gemeentecode, SchoolJaar};
use leerspoor_store::Personen;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// The age bands the population tables count in, by age on the peildatum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub(crate) enum Band {
    /// 5 up to 12: primary school age.
    Vijf,
    /// 12 up to 16.
    Twaalf,
    /// 16 and 17: kwalificatieplicht age.
    Zestien,
    /// 18 up to 23: the RMC-doelgroep.
    Achttien,
}

impl Band {
    /// 5 up to and including 17.
    pub fn onder_achttien(self) -> bool {
        self != Band::Achttien
    }
}

/// A number of youths alike on the peildatum: where they lived, sex, age band, and the
/// onderwijssoort of their enrolment then (the one begun last; `None`: not enrolled).
#[derive(Debug, Clone)]
pub(crate) struct Groep {
    pub gemeente: Gemeentecode,
    pub geslacht: String,
    pub band: Band,
    pub onderwijssoort: Option<Onderwijssoort>,
    pub aantal: u32,
}

/// Youths of 5 up to 23 on the peildatum, alive, with an address in the register, as [`Groep`]s:
/// a youth counts in the gemeente of each address that ran that day, with the enrolment begun
/// last. Counted from the register's youths in memory ([`Kader::personen`]), never kept one by
/// one. The age cut-offs come from the rule ([`geboren_uiterlijk`]).
pub(crate) async fn bevolking(kader: &Kader, peildatum: Datum) -> Result<Arc<[Groep]>, Fout> {
    let cel = kader.bevolking.lock().expect("bevolking").entry(peildatum).or_default().clone();
    Ok(cel.get_or_try_init(|| tel_bevolking(kader, peildatum)).await?.clone())
}

async fn tel_bevolking(kader: &Kader, peildatum: Datum) -> Result<Arc<[Groep]>, Fout> {
    let (stand, personen) = kader.personen_met_stand().await?;
    // Millions of youths: counted on a thread of its own, not on the one that runs the tasks.
    let groepen = tokio::task::spawn_blocking(move || tel(&personen, peildatum))
        .await
        .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
    // The whole register's count is kept for the gemeenten's reports (Kader::regio_bevolking).
    if kader.kring().is_none() && kader.store.telling(TELLING, peildatum, stand).await?.is_none() {
        kader.store.bewaar_telling(TELLING, peildatum, stand, &naar_telling(&groepen)).await?;
    }
    Ok(groepen.into())
}

/// The kind of count kept of the region's population ([`Kader::regio_bevolking`]); the number
/// after the slash goes up when the count or its form changes, so that no older count is read.
pub(crate) const TELLING: &str = "bevolking-5-23/1";

/// A kept count: per gemeente, sex and age band (the enrolments summed), as JSON.
type Telling = Vec<(String, String, Band, u32)>;

fn naar_telling(groepen: &[Groep]) -> String {
    let mut som: HashMap<(&Gemeentecode, &str, Band), u32> = HashMap::new();
    for g in groepen {
        *som.entry((&g.gemeente, &g.geslacht, g.band)).or_default() += g.aantal;
    }
    let mut t: Telling = som.into_iter().map(|((g, s, b), n)| (g.to_string(), s.to_string(), b, n)).collect();
    t.sort_by(|a, b| (&a.0, &a.1, a.2 as u8).cmp(&(&b.0, &b.1, b.2 as u8)));
    serde_json::to_string(&t).expect("een telling is altijd als JSON te schrijven")
}

/// The groups of a kept count, without enrolments; `None` for one that cannot be read (it is
/// counted again).
pub(crate) fn uit_telling(inhoud: &str) -> Option<Vec<Groep>> {
    let t: Telling = serde_json::from_str(inhoud).ok()?;
    t.into_iter()
        .map(|(gemeente, geslacht, band, aantal)| {
            Some(Groep { gemeente: Gemeentecode::parse(&gemeente).ok()?, geslacht, band, onderwijssoort: None, aantal })
        })
        .collect()
}

fn tel(personen: &Personen, peildatum: Datum) -> Vec<Groep> {
    let grens = |jaren| geboren_uiterlijk(peildatum, jaren);
    let (vijf, twaalf, zestien, achttien, drieentwintig) = (grens(5), grens(12), grens(16), grens(18), grens(23));
    type Sleutel<'a> = (&'a Gemeentecode, &'a str, Band, Option<Onderwijssoort>);
    let mut tel: HashMap<Sleutel, u32, foldhash::fast::RandomState> = HashMap::default();
    for n in 0..personen.len() {
        let geboren = personen.geboren(n);
        if geboren > vijf || geboren <= drieentwintig || personen.overleden(n).is_some_and(|o| o <= peildatum) {
            continue;
        }
        let band = match geboren {
            g if g > twaalf => Band::Vijf,
            g if g > zestien => Band::Twaalf,
            g if g > achttien => Band::Zestien,
            _ => Band::Achttien,
        };
        let onderwijssoort = personen.ingeschreven_op(n, peildatum).map(|s| s.onderwijssoort);
        for v in personen.verblijven(n).iter().filter(|v| v.loopt_op(peildatum)) {
            *tel.entry((personen.gemeente(v), personen.geslacht(n), band, onderwijssoort)).or_default() += 1;
        }
    }
    tel.into_iter()
        .map(|((gemeente, geslacht, band, onderwijssoort), aantal)| Groep {
            gemeente: gemeente.clone(),
            geslacht: geslacht.to_string(),
            band,
            onderwijssoort,
            aantal,
        })
        .collect()
}

/// Youths of 5 up to 18 per gemeente on the peildatum: (all, enrolled).
pub(super) fn leerplichtigen(groepen: &[Groep]) -> HashMap<&Gemeentecode, (u32, u32)> {
    let mut per: HashMap<&Gemeentecode, (u32, u32)> = HashMap::new();
    for g in groepen.iter().filter(|g| g.band.onder_achttien()) {
        let e = per.entry(&g.gemeente).or_default();
        e.0 += g.aantal;
        if g.onderwijssoort.is_some() {
            e.1 += g.aantal;
        }
    }
    per
}

/// The gemeente of the region where a youth lived on the peildatum, if alive and 5 up to 18 then:
/// a youth with a melding or a vrijstelling, set beside the counts of [`bevolking`].
pub(super) fn woonplaats_5_17<'k>(
    kader: &'k Kader,
    personen: &Personen,
    jongere: &str,
    peildatum: Datum,
) -> Option<&'k Gemeentecode> {
    let j = personen.van(jongere)?;
    let telt = j.leeft_op(peildatum) && (5..18).contains(&leeftijd_op(j.geboren(), peildatum));
    telt.then(|| kader.regio.get(j.woonde_op(peildatum)?).map(|g| &g.code))?
}

/// `ingeschreven_pct` (seed 001 factsheet): youths of 5 up to and including 17 per gemeente on
/// 1 October, and the share enrolled at a school.
pub async fn ingeschreven_pct(kader: &Kader) -> Result<Tabel, Fout> {
    let peildatum = kader.jaar.een_oktober();
    let groepen = bevolking(kader, peildatum).await?;
    let per = leerplichtigen(&groepen);
    let mut t = Tabel::nieuw(
        "ingeschreven_pct",
        "Jongeren van 5 tot en met 17 jaar en het deel dat op een school staat ingeschreven",
        &[("aantal", "Jongeren 5 t/m 17"), ("ingeschreven", "Ingeschreven"), ("pct", "% ingeschreven")],
    );
    let rij = |t: &mut Tabel, key: &str, label: &str, (n, i): (u32, u32)| {
        let (n, i) = (f64::from(n), f64::from(i));
        t.rij(key, label, vec![Waarde::getal(n), Waarde::getal(i), percentage(i, n, 1)]);
    };
    let mut totaal = (0, 0);
    for g in &kader.gemeenten {
        let (n, i) = per.get(&g.code).copied().unwrap_or_default();
        totaal = (totaal.0 + n, totaal.1 + i);
        rij(&mut t, g.code.as_str(), &g.naam, (n, i));
    }
    rij(&mut t, "totaal", "Totaal", totaal);
    let gemeenten: Vec<&str> = kader.gemeenten.iter().map(|g| g.code.as_str()).collect();
    t.som_van_rijen("totaal", &gemeenten, &["aantal", "ingeschreven"]);
    t.afgeleide_kolommen(&["pct"]);
    t.noot(format!(
        "Jongeren van 5 tot en met 17 jaar die op {peildatum} in de gemeente woonden; ingeschreven op die dag."
    ));
    Ok(t)
}

/// The verzuimers of the verslagjaar per gemeente, unique youths: absoluut where they lived on
/// 1 October, if 5-17 then, with a melding (not preventief or ingetrokken); relatief as the art. 25
/// opgave counts them (`gemeente_onderwijssoort::verzuimers_relatief`). The numerators of
/// [`verzuim_per_1000`], and the verzuimers of the targets (doelen).
pub(crate) struct Verzuimers {
    pub absoluut: HashMap<Gemeentecode, f64>,
    pub relatief: HashMap<Gemeentecode, f64>,
}

/// The kind of count kept of the region's verzuimers of a verslagjaar, under its 1 October
/// ([`Kader::regio_verzuimers`]); the number after the slash as in [`TELLING`].
pub(crate) const VERZUIMERS: &str = "verzuimers/1";

/// A kept [`Verzuimers`]: per gemeente, in code order.
#[derive(serde::Serialize, serde::Deserialize)]
struct VerzuimersTelling {
    absoluut: BTreeMap<String, f64>,
    relatief: BTreeMap<String, f64>,
}

impl Verzuimers {
    pub(crate) fn naar_telling(&self) -> String {
        let per = |p: &HashMap<Gemeentecode, f64>| p.iter().map(|(g, n)| (g.to_string(), *n)).collect();
        let t = VerzuimersTelling { absoluut: per(&self.absoluut), relatief: per(&self.relatief) };
        serde_json::to_string(&t).expect("een telling is altijd als JSON te schrijven")
    }

    /// `None` for a count that cannot be read (it is counted again).
    pub(crate) fn uit_telling(inhoud: &str) -> Option<Verzuimers> {
        let t: VerzuimersTelling = serde_json::from_str(inhoud).ok()?;
        let per = |p: BTreeMap<String, f64>| {
            p.into_iter().map(|(g, n)| Some((Gemeentecode::parse(&g).ok()?, n))).collect::<Option<HashMap<_, _>>>()
        };
        Some(Verzuimers { absoluut: per(t.absoluut)?, relatief: per(t.relatief)? })
    }
}

/// [`Verzuimers`], counted once per report for the two tables that ask.
pub(crate) async fn verzuimers(kader: &Kader) -> Result<Arc<Verzuimers>, Fout> {
    let v = kader
        .verzuimers_per_gemeente
        .get_or_try_init(|| async { Ok::<_, Fout>(Arc::new(tel_verzuimers(kader).await?)) });
    Ok(v.await?.clone())
}

async fn tel_verzuimers(kader: &Kader) -> Result<Verzuimers, Fout> {
    let jaar = kader.jaar;
    let peildatum = jaar.een_oktober();
    let meldingen = kader.verzuimmeldingen(jaar.eerste_dag(), jaar.laatste_dag()).await?;
    // The absolute verzuimers count where they lived on the peildatum, if 5-17 then: the same
    // youths as the population they are set against.
    let personen = kader.personen().await?;
    let jongeren: HashSet<&str> =
        meldingen.iter().filter(|m| art25::absoluut_verzuim(m)).map(|m| m.jongere.as_str()).collect();
    let mut absoluut: HashMap<Gemeentecode, f64> = HashMap::new();
    for g in jongeren.into_iter().filter_map(|j| woonplaats_5_17(kader, &personen, j, peildatum)) {
        *absoluut.entry(g.clone()).or_default() += 1.0;
    }
    let mut relatief: HashMap<Gemeentecode, f64> = HashMap::new();
    for (_, g) in super::gemeente_onderwijssoort::verzuimers_relatief(kader).await? {
        *relatief.entry(g).or_default() += 1.0;
    }
    Ok(Verzuimers { absoluut, relatief })
}

/// `verzuim_per_1000` (seed 004; BBV indicators): absolute and relative verzuimers per 1000 youths
/// of 5-17 per gemeente, with the regional average.
pub async fn verzuim_per_1000(kader: &Kader) -> Result<Tabel, Fout> {
    let jaar: SchoolJaar = kader.jaar;
    let peildatum = jaar.een_oktober();
    let (groepen, eigen) = (bevolking(kader, peildatum).await?, verzuimers(kader).await?);
    // The regio row counts youths who never lived in the scope too.
    let (regio_groepen, regio_verzuimers) = (kader.regio_bevolking(peildatum).await?, kader.regio_verzuimers().await?);
    // Per gemeente: 5-15, 16-17, 5-17, absolute and relative verzuimers.
    let cijfers = |groepen: &[Groep], verzuimers: &Verzuimers, gemeenten: &[&Gemeentecode]| {
        let pop = |banden: &[Band]| {
            groepen
                .iter()
                .filter(|g| banden.contains(&g.band) && gemeenten.contains(&&g.gemeente))
                .map(|g| f64::from(g.aantal))
                .sum::<f64>()
        };
        let som = |per: &HashMap<Gemeentecode, f64>| gemeenten.iter().filter_map(|g| per.get(*g)).sum::<f64>();
        let (p515, p1617) = (pop(&[Band::Vijf, Band::Twaalf]), pop(&[Band::Zestien]));
        (p515, p1617, p515 + p1617, som(&verzuimers.absoluut), som(&verzuimers.relatief))
    };
    let per_1000 = |deel: f64, geheel: f64| percentage(deel * 10.0, geheel, 1);
    // Verzuim of gemeenten that do leerplicht themselves is not in this register (docs/tabellen.md).
    let regio: Vec<&Gemeentecode> = kader.regio.values().filter(|g| !g.leerplicht_lokaal).map(|g| &g.code).collect();
    let (.., rp, _, rr) = cijfers(&regio_groepen, &regio_verzuimers, &regio);
    let gemiddelde = per_1000(rr, rp);
    let mut t = Tabel::nieuw(
        "verzuim_per_1000",
        "Absoluut en relatief verzuimers per 1000 jongeren van 5 tot en met 17 jaar",
        &[
            ("pop_5_15", "Jongeren 5-15"),
            ("pop_16_17", "Jongeren 16-17"),
            ("pop_5_17", "Jongeren 5-17"),
            ("absoluut", "Absoluut verzuimers"),
            ("absoluut_per_1000", "Absoluut per 1000"),
            ("relatief", "Relatief verzuimers"),
            ("relatief_per_1000", "Relatief per 1000"),
            ("regio_gemiddelde", "Regio: relatief per 1000"),
        ],
    );
    let mut rij = |key: &str,
                   label: &str,
                   (groepen, verzuimers): (&[Groep], &Verzuimers),
                   hier: &[&Gemeentecode],
                   eigen_leerplicht: bool| {
        let (p515, p1617, p, a, r) = cijfers(groepen, verzuimers, hier);
        let leeg = Waarde(None);
        let verzuim = if eigen_leerplicht {
            [leeg; 4]
        } else {
            [Waarde::getal(a), per_1000(a, p), Waarde::getal(r), per_1000(r, p)]
        };
        let mut w = vec![Waarde::getal(p515), Waarde::getal(p1617), Waarde::getal(p)];
        w.extend(verzuim);
        w.push(gemiddelde);
        t.rij(key, label, w);
    };
    let gemeenten: Vec<Gemeente> = kader.gemeenten.clone();
    for g in &gemeenten {
        rij(g.code.as_str(), &g.naam, (&groepen, &eigen), &[&g.code], g.leerplicht_lokaal);
    }
    rij("regio", "Regio (zonder gemeenten met eigen leerplicht)", (&regio_groepen, &regio_verzuimers), &regio, false);
    t.afgeleide_kolommen(&["absoluut_per_1000", "relatief_per_1000", "regio_gemiddelde"]);
    if kader.scope == crate::Scope::Regio {
        let delen: Vec<&str> = gemeenten.iter().filter(|g| !g.leerplicht_lokaal).map(|g| g.code.as_str()).collect();
        t.som_van_rijen("regio", &delen, &["pop_5_15", "pop_16_17", "pop_5_17", "absoluut", "relatief"]);
    }
    t.som_van_kolommen("pop_5_17", &["pop_5_15", "pop_16_17"]);
    t.noot(format!("Jongeren van 5 t/m 17 die op {peildatum} in de gemeente woonden; verzuimers: unieke jongeren met een melding in {jaar}. Absoluut: in de gemeente waar de jongere op {peildatum} woonde, 5 t/m 17 jaar."));
    if gemeenten.iter().any(|g| g.leerplicht_lokaal) {
        t.noot(
            "Gemeenten die de leerplicht zelf uitvoeren: alleen de bevolking; hun verzuim staat niet in dit register.",
        );
    }
    t.noot("Relatief: zoals de art. 25-opgave telt, 16 uur of meer in 4 opeenvolgende lesweken (16-uursmelding, verzuim van 1 maand of langer, en luxe, signaal- of beginnend verzuim van 16 uur of meer; niet 18+, ziekte of afgesloten als geen verzuim), in de gemeente waar de jongere woonde op de datum van de eerste melding die telt, 5 t/m 17 jaar; dezelfde jongeren als relatief_gemeente_onderwijssoort. Per 1000 afgerond op 1 decimaal, half naar boven.");
    Ok(t)
}
