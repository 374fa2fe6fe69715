//! `thuiszitters_verloop` (seeds 002, 004): the flow of thuiszitters per gemeente over the
//! verslagjaar — at the start, new, total, longer than 3 months, how they ended, still open.
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::model::Thuiszitperiode;
use leerspoor_domain::rules::thuiszitten::{Jaartelling, jaartelling};
use leerspoor_store::rij;

const KOLOMMEN: &[(&str, &str)] = &[
    ("bij_aanvang", "Bij aanvang schooljaar"),
    ("nieuw", "Nieuw"),
    ("totaal", "Totaal"),
    ("langer_dan_3_maanden", "Langer dan 3 maanden"),
    ("opgelost", "Opgelost"),
    ("verhuisd_overleden", "Verhuisd/overleden"),
    ("achttien_geworden", "18 geworden"),
    ("actueel_einde", "Actueel einde schooljaar"),
];

fn waarden(t: &Jaartelling) -> Vec<Waarde> {
    [
        t.bij_begin,
        t.nieuw,
        t.totaal,
        t.langer_dan_drie_maanden,
        t.opgelost,
        t.verhuisd_overleden,
        t.achttien_geworden,
        t.open_einde_jaar,
    ]
    .into_iter()
    .map(Waarde::getal)
    .collect()
}

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let jaar = kader.jaar;
    let perioden: Vec<Thuiszitperiode> = kader
        .lees_met(
            "WHERE begindatum <= $1 AND (einddatum IS NULL OR einddatum >= $2)",
            &[rij::datum(jaar.laatste_dag()), rij::datum(jaar.eerste_dag())],
        )
        .await?;
    let peildatum = jaar.een_oktober();
    kader.personen().await?;
    let mut t = Tabel::nieuw("thuiszitters_verloop", format!("Verloop thuiszitters {jaar}"), KOLOMMEN);
    for g in &kader.gemeenten {
        let eigen: Vec<Thuiszitperiode> = perioden
            .iter()
            .filter(|p| kader.gemeente_op(&p.jongere, peildatum).is_some_and(|w| w.code == g.code))
            .cloned()
            .collect();
        t.rij(g.code.as_str(), g.naam.clone(), waarden(&jaartelling(&eigen, jaar)));
    }
    let in_scope: Vec<Thuiszitperiode> = perioden.into_iter().filter(|p| kader.telt(&p.jongere, peildatum)).collect();
    // In the regio also who lived elsewhere on 1 October (moved in later): a row of their own, so
    // the gemeenten add up to the total.
    let elders: Vec<Thuiszitperiode> = in_scope
        .iter()
        .filter(|p| !kader.gemeente_op(&p.jongere, peildatum).is_some_and(|g| kader.in_scope(&g.code)))
        .cloned()
        .collect();
    let mut delen: Vec<&str> = kader.gemeenten.iter().map(|g| g.code.as_str()).collect();
    if !elders.is_empty() {
        t.rij("elders", format!("Woonde op {peildatum} elders"), waarden(&jaartelling(&elders, jaar)));
        delen.push("elders");
    }
    t.rij("totaal", "Totaal", waarden(&jaartelling(&in_scope, jaar)));
    let kolommen: Vec<&str> = KOLOMMEN.iter().map(|(k, _)| *k).collect();
    t.som_van_rijen("totaal", &delen, &kolommen);
    t.som_van_kolommen("totaal", &["bij_aanvang", "nieuw"]);
    t.som_van_kolommen("totaal", &["opgelost", "verhuisd_overleden", "achttien_geworden", "actueel_einde"]);
    t.noot("Per thuiszitperiode: absoluut verzuim en langdurig relatief verzuim (4 weken of langer), 5-18 jaar, zonder vrijstelling, niet ziek.");
    t.noot("Langer dan 3 maanden: gemeten tot het einde van de periode of tot 31 juli.");
    t.noot(format!(
        "Per gemeente: de woonplaats op {peildatum}; het totaal van de regio telt ook wie toen al verhuisd was."
    ));
    Ok(t)
}
