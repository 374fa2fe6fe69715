//! `vrijstellingen_gemeente` and `vrijstelling_aanvragen` (seeds 001, 004): the vrijstellingen of
//! the schooljaar per gemeente and article as the art. 25 opgave counts them (also per 1000 youths
//! of 5-17), and the requests of the verslagjaar by how they stand.
use crate::tabel::{Waarde, percentage};
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::Gemeentecode;
use leerspoor_domain::model::{Beslisser, Vrijstelling, VrijstellingStatus};
use leerspoor_domain::rules::leeftijd_op;
use leerspoor_domain::rules::vrijstelling::{art25_peildatum, stand};
use leerspoor_store::rij;
use std::collections::HashMap;

/// Column key, label, code of the list `vrijstelling_artikel`: the vrijstellingen (not verlof).
pub(super) const VRIJSTELLINGEN: &[(&str, &str, &str)] = &[
    ("art_3a", "3a", "art3a"),
    ("art_3b", "3b", "art3b"),
    ("art_5a", "5 sub a", "art5_sub_a"),
    ("art_5b", "5 sub b", "art5_sub_b"),
    ("art_5c", "5 sub c", "art5_sub_c"),
    ("art_5a_trekkend", "5a", "art5a"),
    ("art_15", "15", "art15"),
];

/// The vrijstellingen the art. 25 opgave counts, each with the gemeente it counts in: who had one
/// on 1 August, and who got one later in the year, each in the gemeente they lived in and of 5-17
/// on that date ([`art25_peildatum`]). `vrijstellingen_gemeente` and `art25_opgave` count these.
pub(super) async fn art25_vrijstellingen(
    kader: &Kader,
) -> Result<std::sync::Arc<Vec<(Vrijstelling, Gemeentecode)>>, Fout> {
    kader.eenmaal("art25_vrijstellingen", || zoek_art25_vrijstellingen(kader)).await
}

async fn zoek_art25_vrijstellingen(kader: &Kader) -> Result<Vec<(Vrijstelling, Gemeentecode)>, Fout> {
    let jaar = kader.jaar;
    let alle: Vec<Vrijstelling> =
        kader.lees_met("WHERE status = $1", &[rij::code(VrijstellingStatus::Toegekend)]).await?;
    let personen = kader.personen().await?;
    Ok(alle
        .into_iter()
        .filter_map(|v| {
            let op = art25_peildatum(&v, jaar)?;
            (5..18).contains(&leeftijd_op(personen.van(&v.jongere)?.geboren(), op)).then_some(())?;
            let gemeente = kader.gemeente_op(&v.jongere, op)?.code.clone();
            Some((v, gemeente))
        })
        .collect())
}

pub async fn per_gemeente(kader: &Kader) -> Result<Tabel, Fout> {
    let jaar = kader.jaar;
    let peildatum = jaar.een_oktober();
    // Youths of 5-17 living in each gemeente on 1 October: the rate's population.
    let groepen = super::bevolking::bevolking(kader, peildatum).await?;
    let mut bevolking: HashMap<&Gemeentecode, u32> = HashMap::new();
    for g in groepen.iter().filter(|g| g.band.onder_achttien()) {
        *bevolking.entry(&g.gemeente).or_default() += g.aantal;
    }
    let geteld = art25_vrijstellingen(kader).await?;
    let mut kolommen: Vec<(&str, &str)> = VRIJSTELLINGEN.iter().map(|(k, l, _)| (*k, *l)).collect();
    kolommen.extend([("totaal", "Totaal"), ("per_1000", "Per 1000 jongeren 5-17")]);
    let mut t =
        Tabel::nieuw("vrijstellingen_gemeente", format!("Vrijstellingen {jaar} per gemeente (art. 25)"), &kolommen);
    let cellen = |hier: &[&Vrijstelling], pop: u32| -> Vec<Waarde> {
        let mut w: Vec<Waarde> = VRIJSTELLINGEN
            .iter()
            .map(|(_, _, code)| Waarde::getal(hier.iter().filter(|v| v.artikel == *code).count() as u32))
            .collect();
        let n = hier.iter().filter(|v| VRIJSTELLINGEN.iter().any(|(_, _, c)| *c == v.artikel)).count() as f64;
        w.push(Waarde::getal(n));
        w.push(percentage(n * 10.0, f64::from(pop), 1));
        w
    };
    let mut totaal_pop = 0;
    for g in &kader.gemeenten {
        let hier: Vec<&Vrijstelling> = geteld.iter().filter(|(_, w)| *w == g.code).map(|(v, _)| v).collect();
        let pop = bevolking.get(&g.code).copied().unwrap_or(0);
        totaal_pop += pop;
        t.rij(g.code.as_str(), g.naam.clone(), cellen(&hier, pop));
    }
    let hier: Vec<&Vrijstelling> = geteld.iter().filter(|(_, w)| kader.in_scope(w)).map(|(v, _)| v).collect();
    t.rij("totaal", "Totaal", cellen(&hier, totaal_pop));
    let gemeenten: Vec<&str> = kader.gemeenten.iter().map(|g| g.code.as_str()).collect();
    let artikelen: Vec<&str> = VRIJSTELLINGEN.iter().map(|(k, _, _)| *k).collect();
    t.som_van_rijen("totaal", &gemeenten, &[artikelen.as_slice(), &["totaal"]].concat());
    t.som_van_kolommen("totaal", &artikelen);
    t.afgeleide_kolommen(&["per_1000"]);
    t.noot(format!("Zoals de art. 25-opgave telt: vrijstellingen (geen verlof) die op {} liepen, van jongeren van 5 t/m 17 die toen in de gemeente woonden, en vrijstellingen die later in {jaar} werden toegekend, in de gemeente waar de jongere op de besluitdatum woonde.", jaar.eerste_dag()));
    t.noot(format!("Per 1000 jongeren van 5 t/m 17 die op {peildatum} in de gemeente woonden."));
    Ok(t)
}

/// The row of a request by where it stands.
fn rij_van(s: VrijstellingStatus) -> &'static str {
    use VrijstellingStatus::*;
    match s {
        Toegekend => "toegekend",
        Afgewezen => "afgewezen",
        Aangevraagd | InBehandeling | BezwaarBeroep => "in_behandeling",
        Ingetrokken => "ingetrokken",
    }
}

pub async fn aanvragen(kader: &Kader) -> Result<Tabel, Fout> {
    let jaar = kader.jaar;
    let peildatum = jaar.een_oktober();
    let alle: Vec<Vrijstelling> = kader
        .lees_met(
            "WHERE aanvraagdatum >= $1 AND aanvraagdatum <= $2",
            &[rij::datum(jaar.eerste_dag()), rij::datum(jaar.laatste_dag())],
        )
        .await?;
    kader.bereid_scope().await?;
    let artikelen: Vec<(&str, &str, &str)> =
        VRIJSTELLINGEN.iter().copied().chain([("art_11g", "11 sub g (> 10 dagen)", "art11_sub_g")]).collect();
    let mut kolommen: Vec<(&str, &str)> = artikelen.iter().map(|(k, l, _)| (*k, *l)).collect();
    kolommen.push(("totaal", "Totaal"));
    let mut t = Tabel::nieuw("vrijstelling_aanvragen", format!("Aanvragen vrijstelling en verlof {jaar}"), &kolommen);
    // Leave the school head gave is only recorded, not requested from the office.
    let hier: Vec<&Vrijstelling> = alle
        .iter()
        .filter(|v| v.beslisser == Beslisser::Leerplichtambtenaar && kader.telt(&v.jongere, peildatum))
        .collect();
    const RIJEN: [(&str, &str); 4] = [
        ("toegekend", "Toegekend"),
        ("afgewezen", "Afgewezen"),
        ("in_behandeling", "In behandeling (ook bezwaar/beroep)"),
        ("ingetrokken", "Ingetrokken"),
    ];
    for (key, label) in RIJEN {
        let past = |s: VrijstellingStatus| rij_van(s) == key;
        let mut w: Vec<Waarde> = artikelen
            .iter()
            .map(|(_, _, code)| {
                Waarde::getal(hier.iter().filter(|v| v.artikel == *code && past(stand(v))).count() as u32)
            })
            .collect();
        let n = hier.iter().filter(|v| artikelen.iter().any(|(_, _, c)| *c == v.artikel) && past(stand(v))).count();
        w.push(Waarde::getal(n as u32));
        t.rij(key, label, w);
    }
    let keys: Vec<&str> = artikelen.iter().map(|(k, _, _)| *k).collect();
    t.som_van_kolommen("totaal", &keys);
    t.noot(format!("Aanvragen met een aanvraagdatum in {jaar}, zoals ze nu staan; een besluit waartegen bezwaar loopt staat onder in behandeling."));
    t.noot(kader.noot_woonplaats(&format!("op {peildatum}")));
    Ok(t)
}
