//! `vrijstellingen` (seed 000 Tabel 2): vrijstellingen and LPA-decided leave granted to 5- to
//! 18-year-olds per article, the verslagjaar and the year before, counted on the decision date.
use super::sleutel;
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::SchoolJaar;
use leerspoor_domain::model::{Beslisser, Vrijstelling, VrijstellingStatus};
use leerspoor_domain::rules::leeftijd_op;
use leerspoor_store::rij;
use std::collections::HashMap;

/// Row key, label, and the code of the list `vrijstelling_artikel` (docs/tabellen.md's keys).
const ARTIKELEN: &[(&str, &str, &str)] = &[
    ("art_3a", "3a vervangende leerplicht", "art3a"),
    ("art_3b", "3b vervangende leerplicht (mbo)", "art3b"),
    ("art_5a", "5 sub a lichamelijke of psychische gronden", "art5_sub_a"),
    ("art_5b", "5 sub b bezwaar tegen de richting", "art5_sub_b"),
    ("art_5c", "5 sub c schoolbezoek in het buitenland", "art5_sub_c"),
    ("art_5a_trekkend", "5a trekkend bestaan", "art5a"),
    ("art_11g", "11 sub g gewichtige omstandigheden (meer dan 10 dagen)", "art11_sub_g"),
    ("art_15", "15 ander onderwijs", "art15"),
];

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let jaren = [kader.jaar.vorig(), kader.jaar];
    let kolommen: Vec<(String, String)> = jaren.iter().map(|j| (sleutel(*j), j.to_string())).collect();
    let kolommen: Vec<(&str, &str)> = kolommen.iter().map(|(k, l)| (k.as_str(), l.as_str())).collect();
    let mut t = Tabel::nieuw("vrijstellingen", "Afgegeven vrijstellingen voor 5- tot 18-jarigen", &kolommen);
    let toegekend: Vec<Vrijstelling> = kader
        .lees_met(
            "WHERE status = $1 AND besluitdatum >= $2 AND besluitdatum <= $3",
            &[
                rij::code(VrijstellingStatus::Toegekend),
                rij::datum(jaren[0].eerste_dag()),
                rij::datum(kader.jaar.laatste_dag()),
            ],
        )
        .await?;
    let personen = kader.personen().await?;
    let mut per: HashMap<(&str, SchoolJaar), u32> = HashMap::new();
    for jaar in jaren {
        let peildatum = jaar.een_oktober();
        for v in &toegekend {
            let besluit = v.besluitdatum.expect("gefilterd op besluitdatum");
            let vijf_tot_achttien =
                personen.van(&v.jongere).is_some_and(|j| (5..18).contains(&leeftijd_op(j.geboren(), besluit)));
            // Leave up to 10 days is the school head's and only recorded.
            let door_lpa = v.beslisser == Beslisser::Leerplichtambtenaar;
            if SchoolJaar::van(besluit) == jaar && vijf_tot_achttien && door_lpa && kader.telt(&v.jongere, peildatum) {
                *per.entry((v.artikel.as_str(), jaar)).or_default() += 1;
            }
        }
    }
    let mut totaal = [0u32; 2];
    for (key, label, code) in ARTIKELEN {
        let v: Vec<u32> = jaren.iter().map(|j| per.get(&(*code, *j)).copied().unwrap_or(0)).collect();
        totaal[0] += v[0];
        totaal[1] += v[1];
        t.rij(*key, *label, v.into_iter().map(Waarde::getal).collect());
    }
    t.rij("totaal", "Totaal", totaal.into_iter().map(Waarde::getal).collect());
    let delen: Vec<&str> = ARTIKELEN.iter().map(|(k, _, _)| *k).collect();
    let jaarkolommen: Vec<String> = jaren.iter().map(|j| sleutel(*j)).collect();
    t.som_van_rijen("totaal", &delen, &jaarkolommen.iter().map(String::as_str).collect::<Vec<_>>());
    t.noot("Toegekend door de leerplichtambtenaar, in het schooljaar van het besluit; jongeren van 5 tot 18 op de besluitdatum. Verlof tot en met 10 dagen (de directeur) telt niet.");
    t.noot(kader.noot_woonplaats("op 1 oktober van dat schooljaar"));
    Ok(t)
}
