//! `doelen` (seed 003; seed 000 §3): the region's targets against base year 2018-2019 —
//! thuiszitters and verzuimers under 18 −10% (Thuiszitterspact, Convenant Schoolverzuim), new
//! VSV-ers −10%, and every thuiszitter an offer within 3 months. Basis and actueel are read from the
//! tables that define each measure, so the targets cannot count differently.
use super::{bevolking, sleutel, thuiszitters, vsv_nieuw};
use crate::tabel::{Waarde, percentage};
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::model::Thuiszitperiode;
use leerspoor_domain::rules::thuiszitten::aanbod_binnen_norm;
use leerspoor_domain::{Gemeentecode, SchoolJaar};
use leerspoor_store::rij;

/// Seed 003: "Als peiljaar voor de streefcijfers 2024 is dan ook het schooljaar 2018-2019 genomen."
const BASISJAAR: i32 = 2018;

/// The measures of one schooljaar and scope: thuiszitters, verzuimers < 18, new VSV-ers, and the
/// share of thuiszitters with an offer within 3 months.
async fn meting(kader: &Kader) -> Result<[Option<f64>; 4], Fout> {
    let j = sleutel(kader.jaar);
    let thuis = thuiszitters::bereken(kader).await?.cel("aantal", &format!("totaal_{j}"));
    // The numerator of verzuim_per_1000 (without its population, which is costly at national
    // scale). Gemeenten that do leerplicht themselves have no verzuim in the register (empty).
    let verzuimers = bevolking::verzuimers(kader).await?;
    let relatief = &verzuimers.relatief;
    let hier: Vec<&Gemeentecode> = kader.gemeenten.iter().filter(|g| !g.leerplicht_lokaal).map(|g| &g.code).collect();
    let verzuimers = (!hier.is_empty()).then(|| hier.iter().filter_map(|g| relatief.get(*g)).sum());
    // The VSV-ers of vsv_nieuw, without its deelnemers (a population query per year).
    let vsv = vsv_nieuw::vsv_totaal(kader).await?.map(|v| v as f64);
    Ok([thuis, verzuimers, vsv, aanbod_pct(kader).await?])
}

/// Of the thuiszitter periods of the year (as `thuiszitters` selects them), the share with an offer
/// within 3 months of their start, among those whose 3 months passed before they ended or 31 July
/// or that had an offer. A period that ended within 3 months without one needed none.
async fn aanbod_pct(kader: &Kader) -> Result<Option<f64>, Fout> {
    let jaar = kader.jaar;
    let peildatum = jaar.een_oktober();
    let perioden: Vec<Thuiszitperiode> = kader
        .lees_met(
            "WHERE begindatum <= $1 AND (einddatum IS NULL OR einddatum >= $2)",
            &[rij::datum(jaar.laatste_dag()), rij::datum(jaar.eerste_dag())],
        )
        .await?;
    kader.bereid_scope().await?;
    let oordeel: Vec<bool> = perioden
        .iter()
        .filter(|p| kader.telt(&p.jongere, peildatum))
        .filter_map(|p| {
            let tot = p.einddatum.map_or(jaar.laatste_dag(), |e| e.min(jaar.laatste_dag()));
            // An offer after that day is not known yet on it.
            aanbod_binnen_norm(p.begindatum, p.aanbod_datum.filter(|a| *a <= tot), tot)
        })
        .collect();
    let binnen = oordeel.iter().filter(|b| **b).count() as f64;
    Ok(percentage(binnen, oordeel.len() as f64, 1).0)
}

/// Basis − 10%, rounded half-up to a whole number (seed 003: 106 → 95, 884 → 796, 633 → 570).
fn min_tien_procent(basis: f64) -> f64 {
    ((basis * 9.0 + 5.0) / 10.0).floor()
}

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let basisjaar = SchoolJaar::beginnend_in(BASISJAAR);
    let basis_kader = kader.ander(basisjaar, kader.scope.clone()).await?;
    let basis = meting(&basis_kader).await?;
    let actueel = meting(kader).await?;
    let jaar = kader.jaar;
    let actueel_label = format!("Actueel {jaar}");
    let mut t = Tabel::nieuw(
        "doelen",
        format!("Doelen 2024 ten opzichte van basisjaar {basisjaar}"),
        &[
            ("basisjaar", &format!("Basisjaar {basisjaar}")),
            ("streefwaarde", "Streefwaarde 2024"),
            ("actueel", &actueel_label),
            ("verschil_pct", "Verschil t.o.v. basisjaar (%)"),
            ("op_koers", "Doel gehaald (1 = ja)"),
        ],
    );
    const RIJEN: [(&str, &str); 4] = [
        ("thuiszitters", "Thuiszitters (incl. absoluut verzuim)"),
        ("verzuimers_18min", "Relatief verzuimers jonger dan 18"),
        ("vsv_nieuw", "Nieuwe VSV-ers"),
        ("aanbod_binnen_3_maanden", "Thuiszitters met aanbod binnen 3 maanden (%)"),
    ];
    for (i, (key, label)) in RIJEN.iter().enumerate() {
        let (b, a) = (basis[i], actueel[i]);
        let (streef, verschil, gehaald) = if *key == "aanbod_binnen_3_maanden" {
            // An absolute norm, every thuiszitter: no change against the base year.
            (Some(100.0), None, a.map(|a| a >= 100.0))
        } else {
            let streef = b.map(min_tien_procent);
            let verschil = b.zip(a).and_then(|(b, a)| percentage(a - b, b, 1).0);
            (streef, verschil, streef.zip(a).map(|(s, a)| a <= s))
        };
        let w = vec![
            Waarde(b),
            Waarde(streef),
            Waarde(a),
            Waarde(verschil),
            Waarde(gehaald.map(|g| f64::from(u8::from(g)))),
        ];
        t.rij(*key, *label, w);
    }
    t.afgeleide_kolommen(&["streefwaarde", "verschil_pct", "op_koers"]);
    t.noot(format!("Basisjaar {basisjaar} en {jaar} met dezelfde telling als de tabellen thuiszitters (aantal), verzuim_per_1000 (relatief verzuimers 5-17, in de gemeente waar zij woonden op de datum van hun eerste melding die telt) en vsv_nieuw (VSV-ers); thuiszitters en VSV-ers naar woonplaats op 1 oktober van dat schooljaar."));
    t.noot("Streefwaarde: basisjaar − 10%, afgerond op een geheel getal (half naar boven), zoals seed 003 (106 → 95, 884 → 796). Voor nieuwe VSV-ers op dezelfde manier; de regionale norm van de VSV-aanpak 2021-2024 (584 → 500, 'ruim 10%') is strenger.");
    t.noot("Verschil: (actueel − basisjaar) / basisjaar in %, 1 decimaal. Doel gehaald: actueel ten hoogste de streefwaarde; voor het aanbod: 100%.");
    t.noot("Aanbod binnen 3 maanden: het deel van de thuiszitperioden van het jaar met een passend aanbod binnen 3 maanden na het begin; perioden die binnen 3 maanden eindigden zonder aanbod, of op 31 juli nog geen 3 maanden liepen, tellen niet mee.");
    if kader.gemeenten.iter().any(|g| g.leerplicht_lokaal) {
        t.noot("Gemeenten die de leerplicht zelf uitvoeren: hun verzuimers staan niet in dit register (zoals seed 003: verzuimers alleen Zuid-Kennemerland).");
    }
    Ok(t)
}
