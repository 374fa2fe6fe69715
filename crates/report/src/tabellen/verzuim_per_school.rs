//! `verzuim_per_school` (seed 002 "aantal leerlingen met verzuim per school"): per VO school the
//! youths it reported in each of the last three schooljaren.
use super::{jaren_tot, sleutel};
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::SchoolJaar;
use leerspoor_domain::model::School;
use leerspoor_domain::rules::melding;
use leerspoor_store::rij::{Type, Waarde as Cel};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// A school location is a VO school when it has enrolments in the WVO (vo, pro): asked of each
/// school through the index `inschrijving_school`.
const VO_SCHOLEN: &str = "SELECT s.brin, s.vestiging FROM school s WHERE EXISTS (SELECT 1 FROM inschrijving i \
     WHERE i.brin = s.brin AND i.vestiging = s.vestiging AND i.onderwijssoort IN ('vo', 'pro'))";

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let jaren = jaren_tot(kader.jaar, 3);
    let vo: HashSet<(String, String)> = kader
        .store
        .vraag(VO_SCHOLEN, &[], &[Type::Tekst, Type::Tekst])
        .await?
        .into_iter()
        .filter_map(|r| match <[Cel; 2]>::try_from(r).ok()? {
            [Cel::Tekst(Some(b)), Cel::Tekst(Some(v))] => Some((b, v)),
            _ => None,
        })
        .collect();
    let meldingen = kader.verzuimmeldingen(jaren[0].eerste_dag(), kader.jaar.laatste_dag()).await?;
    // Per school and year the distinct youths; per year the distinct youths of all VO schools.
    let mut per: BTreeMap<(String, String), BTreeMap<SchoolJaar, BTreeSet<&str>>> = BTreeMap::new();
    let mut alle: BTreeMap<SchoolJaar, BTreeSet<&str>> = BTreeMap::new();
    kader.bereid_scope().await?;
    for jaar in &jaren {
        let peildatum = jaar.een_oktober();
        for m in meldingen.iter().filter(|m| SchoolJaar::van(m.meldingsdatum) == *jaar) {
            let (Some(brin), Some(vestiging)) = (&m.brin, &m.vestiging) else { continue };
            let school = (brin.clone(), vestiging.clone());
            // An absoluut-verzuim melding names the school the youth left; that school reported nothing.
            if !melding::telt(m) || m.soort == "absoluut" || !vo.contains(&school) || !kader.telt(&m.jongere, peildatum)
            {
                continue;
            }
            per.entry(school).or_default().entry(*jaar).or_default().insert(&m.jongere);
            alle.entry(*jaar).or_default().insert(&m.jongere);
        }
    }
    let namen: BTreeMap<(String, String), String> =
        kader.store.lees::<School>().await?.into_iter().map(|s| ((s.brin, s.vestiging), s.naam)).collect();
    let kolommen: Vec<(String, String)> = jaren.iter().map(|j| (sleutel(*j), j.to_string())).collect();
    let k: Vec<(&str, &str)> = kolommen.iter().map(|(k, l)| (k.as_str(), l.as_str())).collect();
    let mut t = Tabel::nieuw("verzuim_per_school", "Leerlingen met een verzuimmelding per VO-school", &k);
    let aantal = |m: Option<&BTreeMap<SchoolJaar, BTreeSet<&str>>>, j: &SchoolJaar| {
        Waarde::getal(m.and_then(|m| m.get(j)).map_or(0, |s| s.len() as u32))
    };
    let mut scholen: Vec<(&(String, String), String)> =
        per.keys().map(|s| (s, namen.get(s).cloned().unwrap_or_else(|| format!("{}{}", s.0, s.1)))).collect();
    scholen.sort_by(|a, b| (&a.1, a.0).cmp(&(&b.1, b.0)));
    for (school, naam) in scholen {
        t.rij(format!("{}{}", school.0, school.1), naam, jaren.iter().map(|j| aantal(per.get(school), j)).collect());
    }
    t.rij("totaal", "Totaal (unieke leerlingen)", jaren.iter().map(|j| aantal(Some(&alle), j)).collect());
    t.noot("Per jongere: leerlingen met ten minste één verzuimmelding van de school in het schooljaar van de meldingsdatum (elke soort, ook zorgwekkend ziekteverzuim; niet ingetrokken of preventief).");
    t.noot("VO-scholen: vestigingen (BRIN + vestigingsnummer, de sleutel van de rij) met inschrijvingen in vo of praktijkonderwijs; alleen scholen met meldingen staan in de tabel.");
    t.noot("Totaal: unieke leerlingen; wie door twee scholen gemeld is telt bij elke school, in het totaal één keer.");
    t.noot(kader.noot_woonplaats("op 1 oktober van dat schooljaar"));
    Ok(t)
}
