//! `art25_opgave`: the figures each gemeente sends the Minister of OCW under Lpw art. 25, as the
//! Leerplichttelling asks them (docs/tabellen.md) — one column per gemeente of the scope, the
//! form's measures as rows. Each measure the jaarverslag also counts is counted by the same code
//! (`leerspoor_report::controleer` compares them gemeente by gemeente).
use super::vrijstellingen_overzicht::{VRIJSTELLINGEN, art25_vrijstellingen};
use super::{bevolking, gemeente_onderwijssoort};
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::model::{Gemeente, Thuiszitperiode, Verzuimmelding};
use leerspoor_domain::rules::art25::{self, LangdurigRelatief};
use leerspoor_domain::{Gemeentecode, SchoolJaar};
use leerspoor_store::rij;
use std::collections::HashMap;

/// The form's vrijstellingen in its order (article 5 first), as (row key, label, column key of
/// `vrijstellingen_gemeente`).
const VRIJSTELLING_RIJEN: [(&str, &str, &str); 7] = [
    ("vrijstelling_art_5a", "Vrijstelling art. 5 onder a (lichamelijk of psychisch)", "art_5a"),
    ("vrijstelling_art_5b", "Vrijstelling art. 5 onder b (bedenkingen tegen de richting)", "art_5b"),
    ("vrijstelling_art_5c", "Vrijstelling art. 5 onder c (school in het buitenland)", "art_5c"),
    ("vrijstelling_art_5a_trekkend", "Vrijstelling art. 5a (trekkend bestaan)", "art_5a_trekkend"),
    ("vrijstelling_art_15", "Vrijstelling art. 15 (ander onderwijs, kwalificatieplicht)", "art_15"),
    ("vrijstelling_art_3a", "Vervangende leerplicht art. 3a", "art_3a"),
    ("vrijstelling_art_3b", "Art. 3b (laatste leerplichtjaar op een mbo-instelling)", "art_3b"),
];

/// A count per gemeente.
type PerGemeente = HashMap<Gemeentecode, u32>;

fn tel<'a>(gemeenten: impl IntoIterator<Item = &'a Gemeentecode>) -> PerGemeente {
    let mut per = PerGemeente::new();
    for g in gemeenten {
        *per.entry(g.clone()).or_default() += 1;
    }
    per
}

/// Langdurig relatief verzuim per gemeente: each period in the gemeente the youth lived in on the
/// day it enters the opgave (1 September, or its first day when it begins later).
async fn langdurig_relatief(kader: &Kader, jaar: SchoolJaar) -> Result<HashMap<Gemeentecode, LangdurigRelatief>, Fout> {
    let perioden: Vec<Thuiszitperiode> = kader
        .lees_met(
            "WHERE begindatum <= $1 AND (einddatum IS NULL OR einddatum >= $2)",
            &[rij::datum(jaar.laatste_dag()), rij::datum(art25::aanvang(jaar))],
        )
        .await?;
    kader.personen().await?;
    let mut per: HashMap<Gemeentecode, Vec<&Thuiszitperiode>> = HashMap::new();
    for p in &perioden {
        let Some(op) = art25::langdurig_relatief_vanaf(p, jaar) else { continue };
        if let Some(g) = kader.gemeente_op(&p.jongere, op) {
            per.entry(g.code.clone()).or_default().push(p);
        }
    }
    Ok(per.into_iter().map(|(g, p)| (g, art25::langdurig_relatief(&p, jaar))).collect())
}

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let jaar = kader.jaar;
    let peildatum = jaar.een_oktober();
    let groepen = bevolking::bevolking(kader, peildatum).await?;
    let leerplichtigen = bevolking::leerplichtigen(&groepen);
    let absoluut = bevolking::verzuimers(kader).await?;
    let vrijstellingen = art25_vrijstellingen(kader).await?;
    let relatief = gemeente_onderwijssoort::verzuimers_relatief(kader).await?;
    let luxe = gemeente_onderwijssoort::eerste_per_jongere(kader, art25::luxe_verzuim).await?;
    let mut per_jongere: HashMap<&str, Vec<&Verzuimmelding>> = HashMap::new();
    for m in kader.verzuimmeldingen(jaar.eerste_dag(), jaar.laatste_dag()).await? {
        per_jongere.entry(m.jongere.as_str()).or_default().push(m);
    }
    let herhaald =
        tel(relatief.iter().filter(|(m, _)| art25::herhaald(&per_jongere[m.jongere.as_str()])).map(|(_, g)| g));
    let lrv = langdurig_relatief(kader, jaar).await?;

    // Each row: its key, label, and its count per gemeente.
    let mut rijen: Vec<(&str, &str, PerGemeente)> = vec![(
        "absoluut_verzuim",
        "Absoluut verzuim: unieke jongeren in het schooljaar",
        absoluut.absoluut.iter().map(|(g, n)| (g.clone(), *n as u32)).collect(),
    )];
    for (key, label, kolom) in VRIJSTELLING_RIJEN {
        let code = VRIJSTELLINGEN.iter().find(|(k, _, _)| *k == kolom).expect("elk artikel een kolom").2;
        rijen.push((key, label, tel(vrijstellingen.iter().filter(|(v, _)| v.artikel == code).map(|(_, g)| g))));
    }
    let vrijgesteld = |code: &str| VRIJSTELLINGEN.iter().any(|(_, _, c)| *c == code);
    let lrv_per =
        |f: fn(&LangdurigRelatief) -> u32| -> PerGemeente { lrv.iter().map(|(g, l)| (g.clone(), f(l))).collect() };
    rijen.extend([
        (
            "vrijstellingen_totaal",
            "Vrijstellingen totaal",
            tel(vrijstellingen.iter().filter(|(v, _)| vrijgesteld(&v.artikel)).map(|(_, g)| g)),
        ),
        (
            "relatief_verzuim",
            "Relatief verzuim: leerlingen met 16 uur of meer in 4 lesweken",
            tel(relatief.iter().map(|(_, g)| g)),
        ),
        ("relatief_herhaald", "waarvan herhaald", herhaald),
        ("luxe_verzuim", "Luxe verzuim (art. 13a)", tel(luxe.iter().map(|(_, g)| g))),
        (
            "lrv_bij_aanvang",
            "Langdurig relatief verzuim bij aanvang schooljaar (1 september)",
            lrv_per(|l| l.bij_aanvang),
        ),
        ("lrv_nieuw", "Nieuwe gevallen daarna", lrv_per(|l| l.nieuw)),
        ("lrv_totaal", "Langdurig relatief verzuim totaal", lrv_per(|l| l.totaal)),
        ("lrv_langer_dan_3_maanden", "waarvan langer dan 3 maanden", lrv_per(|l| l.langer_dan_drie_maanden)),
        ("lrv_verhuisd_overleden", "waarvan verhuisd (ook overleden)", lrv_per(|l| l.verhuisd_overleden)),
    ]);

    let mut kolommen: Vec<(&str, &str)> = kader.gemeenten.iter().map(|g| (g.code.as_str(), g.naam.as_str())).collect();
    kolommen.push(("totaal", "Totaal"));
    let mut t =
        Tabel::nieuw("art25_opgave", format!("Opgave art. 25 Leerplichtwet (Leerplichttelling) {jaar}"), &kolommen);
    // A row's cells: per gemeente, and their sum. Gemeenten that do leerplicht themselves have
    // their population only: their verzuim and vrijstellingen are not in this register.
    let cellen = |f: &dyn Fn(&Gemeente) -> Option<f64>| -> Vec<Waarde> {
        let per: Vec<Option<f64>> = kader.gemeenten.iter().map(f).collect();
        let som = per.iter().any(Option::is_some).then(|| per.iter().flatten().sum());
        per.into_iter().chain([som]).map(Waarde).collect()
    };
    let bevolking = |g: &Gemeente| Some(f64::from(leerplichtigen.get(&g.code).map_or(0, |(n, _)| *n)));
    t.rij("jongeren_5_17", format!("Leerplichtigen 5 t/m 17 jaar op {peildatum}"), cellen(&bevolking));
    for (key, label, per) in &rijen {
        let aantal = |g: &Gemeente| (!g.leerplicht_lokaal).then(|| f64::from(per.get(&g.code).copied().unwrap_or(0)));
        t.rij(*key, *label, cellen(&aantal));
    }
    let gemeenten: Vec<&str> = kader.gemeenten.iter().map(|g| g.code.as_str()).collect();
    let alle: Vec<&str> = kolommen.iter().map(|(k, _)| *k).collect();
    t.som_van_kolommen("totaal", &gemeenten);
    let vrij: Vec<&str> = VRIJSTELLING_RIJEN.iter().map(|(k, _, _)| *k).collect();
    t.som_van_rijen("vrijstellingen_totaal", &vrij, &alle);
    t.som_van_rijen("lrv_totaal", &["lrv_bij_aanvang", "lrv_nieuw"], &alle);

    t.noot(format!(
        "Leerplichtigen: jongeren van 5 t/m 17 jaar die op {peildatum} in de gemeente woonden (zoals verzuim_per_1000)."
    ));
    t.noot(format!("Absoluut verzuim: unieke jongeren met een melding van absoluut verzuim in {jaar} (niet ingetrokken, niet afgesloten als geen verzuim), in de gemeente waar zij op {peildatum} woonden, 5 t/m 17 jaar (zoals verzuim_per_1000)."));
    t.noot(format!("Vrijstellingen: per vrijstelling (geen verlof), die op {} liep of later in {jaar} werd toegekend, in de gemeente waar de jongere toen woonde, 5 t/m 17 jaar (zoals vrijstellingen_gemeente).", jaar.eerste_dag()));
    t.noot("Relatief verzuim: unieke leerlingen met 16 uur of meer ongeoorloofd verzuim in 4 opeenvolgende lesweken (ook luxe verzuim van 16 uur of meer; niet signaal- of beginnend verzuim onder 16 uur, 18+, ziekte of afgesloten als geen verzuim), in de gemeente waar zij op de datum van de eerste melding woonden, 5 t/m 17 jaar (zoals verzuim_per_1000). Herhaald: twee of meer afzonderlijke meldingen daarvan. Luxe verzuim: unieke leerlingen met een melding van luxe verzuim, ook onder 16 uur.");
    t.noot(format!("Langdurig relatief verzuim: thuiszitperioden van ingeschreven leerlingen (niet ziek, zonder vrijstelling), bij aanvang als zij op {} liepen, anders nieuw; de gemeente op die dag of op de eerste dag van een nieuwe periode. Langer dan 3 maanden aaneengesloten, ook als de periode in het vorige schooljaar begon, gemeten tot het einde of tot 31 juli.", art25::aanvang(jaar)));
    if kader.gemeenten.iter().any(|g| g.leerplicht_lokaal) {
        t.noot("Gemeenten die de leerplicht zelf uitvoeren: alleen de leerplichtigen; hun verzuim en vrijstellingen staan niet in dit register.");
    }
    Ok(t)
}
