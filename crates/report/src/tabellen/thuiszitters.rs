//! `thuiszitters` (seed 000 Tabel 6): thuiszitters (5-18) per subregio, the verslagjaar and the year
//! before: total, of whom absoluut and langdurig relatief, longer than 3 months, resolved.
use super::sleutel;
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::model::{Subregio, ThuiszitEinde, ThuiszitSoort, Thuiszitperiode};
use leerspoor_domain::rules::thuiszitten::langer_dan_drie_maanden;
use leerspoor_store::rij;

const RIJEN: [(&str, &str); 5] = [
    ("aantal", "Aantal thuiszitters"),
    ("waarvan_absoluut", "waarvan absoluut verzuim"),
    ("waarvan_langdurig_relatief", "waarvan langdurig relatief verzuim"),
    ("langer_dan_3_maanden", "> 3 maanden"),
    ("opgelost", "Opgelost"),
];

fn tel(perioden: &[&Thuiszitperiode], jaar: leerspoor_domain::SchoolJaar) -> [u32; 5] {
    let n = |f: &dyn Fn(&Thuiszitperiode) -> bool| perioden.iter().filter(|p| f(p)).count() as u32;
    let einde = jaar.laatste_dag();
    [
        n(&|_| true),
        n(&|p| p.soort == ThuiszitSoort::Absoluut),
        n(&|p| p.soort == ThuiszitSoort::LangdurigRelatief),
        n(&|p| langer_dan_drie_maanden(p.begindatum, p.einddatum, einde)),
        n(&|p| p.reden_einde == Some(ThuiszitEinde::Opgelost) && p.einddatum.is_some_and(|e| e <= einde)),
    ]
}

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let jaren = [kader.jaar.vorig(), kader.jaar];
    let subregios: Vec<Subregio> = kader.store.lees().await?;
    let subregios: Vec<&Subregio> =
        subregios.iter().filter(|s| kader.gemeenten.iter().any(|g| g.subregio == s.code)).collect();
    let perioden: Vec<Thuiszitperiode> = kader
        .lees_met(
            "WHERE begindatum <= $1 AND (einddatum IS NULL OR einddatum >= $2)",
            &[rij::datum(kader.jaar.laatste_dag()), rij::datum(jaren[0].eerste_dag())],
        )
        .await?;
    kader.personen().await?;
    // Per year the columns: each subregio, those who lived elsewhere on 1 October (only in the
    // regio, and only if any: someone who moved in later), and the total.
    let mut kolommen: Vec<(String, String)> = Vec::new();
    let mut kolom_waarden: Vec<[u32; 5]> = Vec::new();
    let mut sommen: Vec<(String, Vec<String>)> = Vec::new();
    for jaar in jaren {
        let peildatum = jaar.een_oktober();
        let j = sleutel(jaar);
        let in_jaar: Vec<&Thuiszitperiode> = perioden
            .iter()
            .filter(|p| p.begindatum <= jaar.laatste_dag() && p.einddatum.is_none_or(|e| e >= jaar.eerste_dag()))
            .filter(|p| kader.telt(&p.jongere, peildatum))
            .collect();
        let subregio = |p: &Thuiszitperiode| kader.gemeente_op(&p.jongere, peildatum).map(|g| g.subregio.as_str());
        let mut delen = Vec::new();
        for s in &subregios {
            let hier: Vec<&Thuiszitperiode> =
                in_jaar.iter().copied().filter(|p| subregio(p) == Some(&s.code)).collect();
            kolommen.push((format!("{}_{j}", s.code), format!("{} {jaar}", s.naam)));
            kolom_waarden.push(tel(&hier, jaar));
            delen.push(format!("{}_{j}", s.code));
        }
        let elders: Vec<&Thuiszitperiode> =
            in_jaar.iter().copied().filter(|p| !subregios.iter().any(|s| subregio(p) == Some(&s.code))).collect();
        if !elders.is_empty() {
            kolommen.push((format!("elders_{j}"), format!("Woonde op 1 oktober elders {jaar}")));
            kolom_waarden.push(tel(&elders, jaar));
            delen.push(format!("elders_{j}"));
        }
        kolommen.push((format!("totaal_{j}"), format!("Totaal {jaar}")));
        kolom_waarden.push(tel(&in_jaar, jaar));
        sommen.push((format!("totaal_{j}"), delen));
    }
    let k: Vec<(&str, &str)> = kolommen.iter().map(|(k, l)| (k.as_str(), l.as_str())).collect();
    let mut t = Tabel::nieuw("thuiszitters", "Thuiszitters (5- tot 18-jarigen) per subregio", &k);
    for (totaal, delen) in &sommen {
        t.som_van_kolommen(totaal, &delen.iter().map(String::as_str).collect::<Vec<_>>());
    }
    for (i, (k, l)) in RIJEN.iter().enumerate() {
        t.rij(*k, *l, kolom_waarden.iter().map(|v| Waarde::getal(v[i])).collect());
    }
    let alle: Vec<&str> = kolommen.iter().map(|(k, _)| k.as_str()).collect();
    t.som_van_rijen("aantal", &["waarvan_absoluut", "waarvan_langdurig_relatief"], &alle);
    t.noot("Per thuiszitperiode die in het schooljaar liep: absoluut verzuim en langdurig relatief verzuim (4 weken of langer); > 3 maanden gemeten tot het einde of tot 31 juli; opgelost vóór 1 augustus.");
    t.noot(kader.noot_woonplaats("op 1 oktober van dat schooljaar"));
    Ok(t)
}
