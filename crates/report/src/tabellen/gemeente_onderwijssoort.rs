//! `relatief_gemeente_onderwijssoort` and `pv_gemeente_onderwijssoort` (seed 004): relative
//! verzuimers and processen-verbaal of the verslagjaar per gemeente, by the onderwijssoort of the
//! enrolment on the day. Each record counts in the gemeente the youth lived in on its own date.
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::model::{ActieSoort, Gemeente, Verzuimmelding};
use leerspoor_domain::onderwijs::Schoolherkomst;
use leerspoor_domain::rules::{leeftijd_op, melding, schoolherkomst};
use leerspoor_domain::{Datum, Gemeentecode};
use leerspoor_store::Personen;
use std::collections::BTreeMap;

/// The relatief verzuimers of the verslagjaar (art. 25 opgave, BBV indicator; `docs/tabellen.md`):
/// every youth with a melding that counts as relatief verzuim ([`melding::relatief_verzuim`]),
/// once, with the first such melding of the year and the gemeente of the region they lived in on
/// its date, if 5-17 then. `verzuim_per_1000`, `relatief_gemeente_onderwijssoort`, `doelen` and
/// `art25_opgave` count these same youths, so their counts agree gemeente by gemeente.
pub(super) async fn verzuimers_relatief(kader: &Kader) -> Result<Vec<(&Verzuimmelding, Gemeentecode)>, Fout> {
    eerste_per_jongere(kader, melding::relatief_verzuim).await
}

/// Every youth with a melding of the verslagjaar for which `telt` holds, once: the first such
/// melding (earliest meldingsdatum, then id) and the gemeente of the region the youth lived in on
/// its date, if 5-17 then.
pub(super) async fn eerste_per_jongere(
    kader: &Kader,
    telt: fn(&Verzuimmelding) -> bool,
) -> Result<Vec<(&Verzuimmelding, Gemeentecode)>, Fout> {
    let jaar = kader.jaar;
    let meldingen = kader.verzuimmeldingen(jaar.eerste_dag(), jaar.laatste_dag()).await?;
    let mut eerste: BTreeMap<&str, &Verzuimmelding> = BTreeMap::new();
    for m in meldingen.iter().copied().filter(|m| telt(m)) {
        let e = eerste.entry(m.jongere.as_str()).or_insert(m);
        if (m.meldingsdatum, &m.id) < (e.meldingsdatum, &e.id) {
            *e = m;
        }
    }
    let personen = kader.personen().await?;
    Ok(eerste
        .into_values()
        .filter(|m| {
            personen.van(&m.jongere).is_some_and(|j| (5..18).contains(&leeftijd_op(j.geboren(), m.meldingsdatum)))
        })
        .filter_map(|m| Some((m, kader.gemeente_op(&m.jongere, m.meldingsdatum)?.code.clone())))
        .collect())
}

/// Seed 004's columns: the schoolherkomst under the names of the gemeenten's tables.
const KOLOMMEN: [(Schoolherkomst, &str, &str); 6] = [
    (Schoolherkomst::Wpo, "bo_sbo", "BO/SBO"),
    (Schoolherkomst::Wvo, "vo", "VO"),
    (Schoolherkomst::Wec, "vso_so", "VSO/SO"),
    (Schoolherkomst::Web, "beroepsonderwijs", "Beroepsonderwijs (MBO, VAVO)"),
    (Schoolherkomst::Onbekend, "onbekend", "Onderwijs onbekend"),
    (Schoolherkomst::GeenInschrijving, "geen", "Geen inschrijving"),
];

/// The column of a youth's record on `datum`: the onderwijssoort of the enrolment then.
fn kolom(personen: &Personen, jongere: &str, datum: Datum) -> usize {
    let i = personen.van(jongere).and_then(|j| j.ingeschreven_op(datum));
    let h = schoolherkomst(i.map(|i| i.onderwijssoort));
    KOLOMMEN.iter().position(|(s, _, _)| *s == h).expect("elke schoolherkomst heeft een kolom")
}

/// The table of counts per gemeente (rows) and column; gemeenten that do leerplicht themselves
/// have an empty row and are outside the total.
fn tabel(kader: &Kader, id: &'static str, titel: String, tellingen: &[(Gemeentecode, usize)]) -> Tabel {
    let kolommen: Vec<(&str, &str)> = KOLOMMEN.iter().map(|(_, k, l)| (*k, *l)).chain([("totaal", "Totaal")]).collect();
    let mut t = Tabel::nieuw(id, titel, &kolommen);
    let mut per: BTreeMap<&Gemeentecode, [u32; 6]> = BTreeMap::new();
    for (g, k) in tellingen {
        per.entry(g).or_default()[*k] += 1;
    }
    let cellen = |v: [u32; 6]| v.iter().chain([&v.iter().sum()]).map(|n| Waarde::getal(*n)).collect();
    let mut totaal = [0u32; 6];
    for g in &kader.gemeenten {
        if g.leerplicht_lokaal {
            t.rij(g.code.as_str(), g.naam.clone(), vec![Waarde(None); 7]);
            continue;
        }
        let v = per.get(&g.code).copied().unwrap_or_default();
        totaal.iter_mut().zip(v).for_each(|(a, b)| *a += b);
        t.rij(g.code.as_str(), g.naam.clone(), cellen(v));
    }
    t.rij("totaal", "Totaal", cellen(totaal));
    let gemeenten: Vec<&str> = kader.gemeenten.iter().map(|g| g.code.as_str()).collect();
    let kol: Vec<&str> = kolommen.iter().map(|(k, _)| *k).collect();
    t.som_van_rijen("totaal", &gemeenten, &kol);
    t.som_van_kolommen("totaal", &kol[..6]);
    if kader.gemeenten.iter().any(|g| g.leerplicht_lokaal) {
        t.noot("Gemeenten die de leerplicht zelf uitvoeren: leeg; hun verzuim staat niet in dit register.");
    }
    t.noot("Onderwijssoort: de inschrijving op de datum zelf (bij twee de laatst begonnen): BO/SBO = WPO, VO = vo en pro, VSO/SO = WEC, beroepsonderwijs = mbo en vavo.");
    t
}

/// The gemeente a record of `jongere` on `datum` counts in, if it is in the scope.
fn in_scope<'k>(kader: &'k Kader, jongere: &str, datum: Datum) -> Option<&'k Gemeente> {
    kader.gemeente_op(jongere, datum).filter(|g| kader.in_scope(&g.code) && !g.leerplicht_lokaal)
}

pub async fn relatief_verzuimers(kader: &Kader) -> Result<Tabel, Fout> {
    let jaar = kader.jaar;
    let verzuimers = verzuimers_relatief(kader).await?;
    let personen = kader.personen().await?;
    let tellingen: Vec<(Gemeentecode, usize)> = verzuimers
        .iter()
        .filter(|(_, g)| kader.regio.get(g).is_some_and(|g| kader.in_scope(&g.code) && !g.leerplicht_lokaal))
        .map(|(m, g)| (g.clone(), kolom(&personen, &m.jongere, m.meldingsdatum)))
        .collect();
    let mut t = tabel(
        kader,
        "relatief_gemeente_onderwijssoort",
        format!("Relatief verzuimers per gemeente naar onderwijssoort {jaar}"),
        &tellingen,
    );
    t.noot(format!("Per jongere (niet per melding), dezelfde jongeren als verzuim_per_1000: wie in {jaar} relatief verzuimde zoals de art. 25-opgave telt, 16 uur of meer in 4 opeenvolgende lesweken (16-uursmelding, verzuim van 1 maand of langer, en luxe, signaal- of beginnend verzuim van 16 uur of meer; niet 18+, ziekte, ingetrokken, preventief of afgesloten als geen verzuim)."));
    t.noot("De eerste melding van het jaar die telt bepaalt de gemeente (woonplaats op de meldingsdatum, 5 t/m 17 jaar) en de onderwijssoort: elke jongere telt één keer.");
    Ok(t)
}

pub async fn processen_verbaal(kader: &Kader) -> Result<Tabel, Fout> {
    let jaar = kader.jaar;
    let acties = kader.acties(jaar.eerste_dag(), jaar.laatste_dag()).await?;
    let pvs = acties.into_iter().filter(|a| a.soort == ActieSoort::ProcesVerbaal);
    let personen = kader.personen().await?;
    let tellingen: Vec<(Gemeentecode, usize)> = pvs
        .filter_map(|a| {
            let g = in_scope(kader, &a.jongere, a.datum)?;
            Some((g.code.clone(), kolom(&personen, &a.jongere, a.datum)))
        })
        .collect();
    let mut t = tabel(
        kader,
        "pv_gemeente_onderwijssoort",
        format!("Processen-verbaal per gemeente naar onderwijssoort {jaar}"),
        &tellingen,
    );
    t.noot(format!("Per proces-verbaal (ook tegen een ouder) met een datum in {jaar}; gemeente: de woonplaats van de jongere op die datum."));
    Ok(t)
}
