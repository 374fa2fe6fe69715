//! `vsv_effect` (the VSV-effectrapportage to DUO): the verslagjaar's VSV-ers by what came of the
//! RMC's effort on 31 July, and whether it reached them, per gemeente of residence on 1 October.
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel, register};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::rules::vsv_effect::Effect;
use std::collections::BTreeMap;

/// The column of the VSV-ers who lived in no gemeente of the region on 1 October (regio only:
/// the regio counts everyone on its register).
const ZONDER_GEMEENTE: &str = "zonder_gemeente";
/// The row of the VSV-ers still without a result.
const ONTBREEKT: &str = "resultaat_ontbreekt";

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let jaar = kader.jaar;
    let peildatum = jaar.een_oktober();
    let alle = register::vsv_effecten(&kader.store, kader.kring(), jaar).await?;
    kader.personen().await?;

    let mut kolommen: Vec<(String, String)> =
        kader.gemeenten.iter().map(|g| (g.code.as_str().to_string(), g.naam.clone())).collect();
    let regio = kader.scope == crate::Scope::Regio;
    if regio {
        kolommen.push((ZONDER_GEMEENTE.into(), "Niet in de regio op 1 oktober".into()));
    }
    let delen: Vec<String> = kolommen.iter().map(|(k, _)| k.clone()).collect();
    kolommen.push(("totaal".into(), "Totaal".into()));
    let kolommen_ref: Vec<(&str, &str)> = kolommen.iter().map(|(k, l)| (k.as_str(), l.as_str())).collect();
    let mut t = Tabel::nieuw("vsv_effect", format!("Effect RMC-inzet voor de VSV-ers van {jaar}"), &kolommen_ref);

    // Per row key, the count per column (by index into `delen`).
    let mut tel: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    let mut erbij =
        |rij: &'static str, kolom: usize, n: u32| tel.entry(rij).or_insert_with(|| vec![0; delen.len()])[kolom] += n;
    for v in alle.iter().filter(|v| kader.telt(&v.jongere, peildatum)) {
        let kolom = match kader.gemeente_op(&v.jongere, peildatum) {
            Some(g) => delen.iter().position(|k| k == g.code.as_str()),
            None => regio.then(|| delen.len() - 1),
        };
        let Some(kolom) = kolom else { continue };
        erbij(v.uitkomst.resultaat.map_or(ONTBREEKT, |(e, _)| e.code()), kolom, 1);
        erbij(if v.uitkomst.contact.is_some() { "contact_gemaakt" } else { "geen_contact" }, kolom, 1);
        erbij("totaal", kolom, 1);
        erbij("vsv_meldingen", kolom, v.meldingen.len() as u32);
    }
    let cellen = |rij: &str| -> Vec<Waarde> {
        let n = tel.get(rij).cloned().unwrap_or_else(|| vec![0; delen.len()]);
        let totaal: u32 = n.iter().sum();
        n.into_iter().chain([totaal]).map(Waarde::getal).collect()
    };
    let resultaten: Vec<&str> = Effect::ALL.iter().map(|e| e.code()).chain([ONTBREEKT]).collect();
    for e in Effect::ALL {
        t.rij(e.code(), e.label(), cellen(e.code()));
    }
    t.rij(ONTBREEKT, "Resultaat ontbreekt", cellen(ONTBREEKT));
    t.rij("totaal", "Totaal VSV-ers", cellen("totaal"));
    t.rij("contact_gemaakt", "Contact gemaakt", cellen("contact_gemaakt"));
    t.rij("geen_contact", "Geen contact", cellen("geen_contact"));
    t.rij("vsv_meldingen", "VSV-meldingen (een VSV-er kan er meer hebben)", cellen("vsv_meldingen"));

    let alle_kolommen: Vec<String> = t.columns.iter().map(|c| c.key.clone()).collect();
    let alle_kolommen: Vec<&str> = alle_kolommen.iter().map(String::as_str).collect();
    t.som_van_rijen("totaal", &resultaten, &alle_kolommen);
    t.som_van_rijen("totaal", &["contact_gemaakt", "geen_contact"], &alle_kolommen);
    t.som_van_kolommen("totaal", &delen.iter().map(String::as_str).collect::<Vec<_>>());

    t.noot(format!(
        "VSV-ers: jongeren met een VSV-melding met een uitvaldatum in {jaar}, elk één keer; het effect op {}.",
        jaar.laatste_dag()
    ));
    t.noot("Contact: een traject, een dagbesteding of een gesprek vanaf een maand vóór de (eerste) uitval; een uitnodiging alleen is geen contact.");
    t.noot("Resultaat: ingeschreven op 31 juli is terug naar school; anders het nieuwste feit: het resultaat van het laatst afgesloten traject, een lopend traject, of een dagbesteding. Zonder contact: niet bereikt.");
    t.noot(format!(
        "Per gemeente waar de jongere op {peildatum} woonde. {}",
        kader.noot_woonplaats(&format!("op {peildatum}"))
    ));
    Ok(t)
}
