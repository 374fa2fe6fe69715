//! The population tables: youths by age living in each gemeente on the peildatum (1 October),
//! enrolled or not, and the verzuimers per 1000 (seeds 001 and 004; BBV indicators).
use crate::tabel::{Waarde, percentage};
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::model::{Gemeente, Verzuimmelding};
use leerspoor_domain::rules::leeftijd_op;
use leerspoor_domain::{Datum, Gemeentecode, SchoolJaar};
use leerspoor_store::rij::{self, Type, Waarde as Cel};
use std::collections::{HashMap, HashSet};

/// A youth of 5 to 17 on the peildatum, where they lived, and whether enrolled.
pub(super) struct Inwoner {
    pub id: String,
    pub leeftijd: u32,
    pub gemeente: Gemeentecode,
    pub ingeschreven: bool,
}

/// Youths of 5 up to 18 on the peildatum, alive, with an address in the region.
pub(super) async fn inwoners(kader: &mut Kader<'_>, peildatum: Datum) -> Result<Vec<Inwoner>, Fout> {
    kader.laad_woonplaats(peildatum).await?;
    let rijen = kader
        .store
        .vraag(
            "SELECT j.id, j.geboortedatum, EXISTS (SELECT 1 FROM inschrijving i WHERE i.jongere = j.id \
               AND i.begindatum <= $1 AND (i.einddatum IS NULL OR i.einddatum >= $1)) \
             FROM jongere j WHERE j.geboortedatum > $2 AND j.geboortedatum <= $3 \
               AND (j.overlijdensdatum IS NULL OR j.overlijdensdatum > $1)",
            &[
                rij::datum(peildatum),
                rij::datum(peildatum - chrono::Months::new(18 * 12) - chrono::Days::new(2)),
                rij::datum(peildatum - chrono::Months::new(5 * 12)),
            ],
            &[Type::Tekst, Type::Datum, Type::Bool],
        )
        .await?;
    Ok(rijen
        .into_iter()
        .filter_map(|r| match <[Cel; 3]>::try_from(r).ok()? {
            [Cel::Tekst(Some(id)), Cel::Datum(Some(geboren)), Cel::Bool(ingeschreven)] => {
                let leeftijd = leeftijd_op(geboren, peildatum);
                let gemeente = kader.gemeente_van(&id, peildatum)?.clone();
                (5..18).contains(&leeftijd).then_some(Inwoner { id, leeftijd, gemeente, ingeschreven })
            }
            _ => None,
        })
        .collect())
}

/// `ingeschreven_pct` (seed 001 factsheet): youths of 5 up to and including 17 per gemeente on
/// 1 October, and the share enrolled at a school.
pub async fn ingeschreven_pct(kader: &mut Kader<'_>) -> Result<Tabel, Fout> {
    let peildatum = kader.jaar.een_oktober();
    let inwoners = inwoners(kader, peildatum).await?;
    let mut t = Tabel::nieuw(
        "ingeschreven_pct",
        "Jongeren van 5 tot en met 17 jaar en het deel dat op een school staat ingeschreven",
        &[("aantal", "Jongeren 5 t/m 17"), ("ingeschreven", "Ingeschreven"), ("pct", "% ingeschreven")],
    );
    let rij = |t: &mut Tabel, key: &str, label: &str, hier: &[&Inwoner]| {
        let n = hier.len() as f64;
        let i = hier.iter().filter(|j| j.ingeschreven).count() as f64;
        t.rij(key, label, vec![Waarde::getal(n), Waarde::getal(i), percentage(i, n, 1)]);
    };
    for g in &kader.gemeenten {
        let hier: Vec<&Inwoner> = inwoners.iter().filter(|j| j.gemeente == g.code).collect();
        rij(&mut t, g.code.as_str(), &g.naam, &hier);
    }
    let alle: Vec<&Inwoner> = inwoners.iter().filter(|j| kader.in_scope(&j.gemeente)).collect();
    rij(&mut t, "totaal", "Totaal", &alle);
    let gemeenten: Vec<&str> = kader.gemeenten.iter().map(|g| g.code.as_str()).collect();
    t.som_van_rijen("totaal", &gemeenten, &["aantal", "ingeschreven"]);
    t.afgeleide_kolommen(&["pct"]);
    t.noot(format!(
        "Jongeren van 5 tot en met 17 jaar die op {peildatum} in de gemeente woonden; ingeschreven op die dag."
    ));
    Ok(t)
}

/// The relatief verzuim that counts for the BBV indicator: meldingen of unauthorised absence by an
/// enrolled youth — not luxe, not illness, not 18+.
fn relatief(m: &Verzuimmelding) -> bool {
    matches!(m.soort.as_str(), "wettelijk_16_uur" | "signaal" | "beginnend" | "langdurig_1_maand")
}

/// `verzuim_per_1000` (seed 004; BBV indicators): absolute and relative verzuimers per 1000 youths
/// of 5-17 per gemeente, with the regional average.
pub async fn verzuim_per_1000(kader: &mut Kader<'_>) -> Result<Tabel, Fout> {
    let jaar: SchoolJaar = kader.jaar;
    let peildatum = jaar.een_oktober();
    let inwoners = inwoners(kader, peildatum).await?;
    let meldingen: Vec<Verzuimmelding> = kader
        .store
        .lees_met(
            "WHERE meldingsdatum >= $1 AND meldingsdatum <= $2",
            &[rij::datum(jaar.eerste_dag()), rij::datum(jaar.laatste_dag())],
        )
        .await?;
    let telt = |m: &&Verzuimmelding| !m.preventief && m.status != "ingetrokken";
    let absoluut: HashSet<&str> =
        meldingen.iter().filter(telt).filter(|m| m.soort == "absoluut").map(|m| m.jongere.as_str()).collect();
    let relatief: HashSet<&str> =
        meldingen.iter().filter(telt).filter(|m| relatief(m)).map(|m| m.jongere.as_str()).collect();
    let per_gemeente: HashMap<&Gemeentecode, Vec<&Inwoner>> = inwoners.iter().fold(HashMap::new(), |mut m, j| {
        m.entry(&j.gemeente).or_insert_with(Vec::new).push(j);
        m
    });
    let cijfers = |hier: &[&Inwoner]| {
        let pop = |van: u32, tot: u32| hier.iter().filter(|j| (van..=tot).contains(&j.leeftijd)).count() as f64;
        let a = hier.iter().filter(|j| absoluut.contains(j.id.as_str())).count() as f64;
        let r = hier.iter().filter(|j| relatief.contains(j.id.as_str())).count() as f64;
        (pop(5, 15), pop(16, 17), pop(5, 17), a, r)
    };
    let per_1000 = |deel: f64, geheel: f64| percentage(deel * 10.0, geheel, 1);
    // Verzuim of gemeenten that do leerplicht themselves is not in this register (reports.md).
    let lokaal: HashSet<&Gemeentecode> =
        kader.regio.values().filter(|g| g.leerplicht_lokaal).map(|g| &g.code).collect();
    let regio: Vec<&Inwoner> = inwoners.iter().filter(|j| !lokaal.contains(&j.gemeente)).collect();
    let (.., rp, _, rr) = cijfers(&regio);
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
    let mut rij = |key: &str, label: &str, hier: &[&Inwoner], eigen_leerplicht: bool| {
        let (p515, p1617, p, a, r) = cijfers(hier);
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
        rij(g.code.as_str(), &g.naam, per_gemeente.get(&g.code).map(Vec::as_slice).unwrap_or(&[]), g.leerplicht_lokaal);
    }
    rij("regio", "Regio (zonder gemeenten met eigen leerplicht)", &regio, false);
    t.afgeleide_kolommen(&["absoluut_per_1000", "relatief_per_1000", "regio_gemiddelde"]);
    if kader.scope == crate::Scope::Regio {
        let delen: Vec<&str> = gemeenten.iter().filter(|g| !g.leerplicht_lokaal).map(|g| g.code.as_str()).collect();
        t.som_van_rijen("regio", &delen, &["pop_5_15", "pop_16_17", "pop_5_17", "absoluut", "relatief"]);
    }
    t.som_van_kolommen("pop_5_17", &["pop_5_15", "pop_16_17"]);
    t.noot(format!("Jongeren van 5 t/m 17 die op {peildatum} in de gemeente woonden; verzuimers: unieke jongeren met een melding in {jaar}."));
    if gemeenten.iter().any(|g| g.leerplicht_lokaal) {
        t.noot(
            "Gemeenten die de leerplicht zelf uitvoeren: alleen de bevolking; hun verzuim staat niet in dit register.",
        );
    }
    t.noot("Relatief: 16 uur, signaal-, beginnend verzuim en verzuim van 1 maand of langer (geen luxe verzuim, geen ziekteverzuim). Per 1000 afgerond op 1 decimaal, half naar boven.");
    Ok(t)
}
