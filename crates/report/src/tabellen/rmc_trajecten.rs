//! `rmc_trajecten` (seed 000, RMC's specific tasks): per kind of traject that ran in the verslagjaar,
//! how many, and where they led (Tabel 10's outcomes grouped as the seed tells the WET results).
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{RmcTraject, TrajectSoort};
use leerspoor_domain::rules::traject::{self, ResultaatGroep, resultaat_groep};

const KOLOMMEN: &[(&str, &str)] = &[
    ("aantal", "Aantal trajecten"),
    ("naar_scholing", "Herplaatst naar (een vorm van) scholing"),
    ("naar_werk", "Naar werk"),
    ("niet_herplaatst", "Niet herplaatst"),
    ("nog_in_traject", "Nog in traject"),
    ("overig", "Overig"),
];

/// The column of a traject's result on 31 July.
fn kolom(resultaat: &str) -> &'static str {
    match resultaat {
        "werk" | "jikp_arbeid" | "jikp_ketenpartner" => "naar_werk",
        "niet_herplaatst" => "niet_herplaatst",
        "nog_in_traject" => "nog_in_traject",
        r if resultaat_groep(r) == Some(ResultaatGroep::Scholing) => "naar_scholing",
        _ => "overig",
    }
}

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let jaar = kader.jaar;
    let peildatum = jaar.een_oktober();
    let alle = kader.rmc_trajecten().await?;
    kader.bereid_scope().await?;
    let hier: Vec<&RmcTraject> =
        alle.iter().filter(|t| traject::liep_in(t, jaar) && kader.telt(&t.jongere, peildatum)).collect();
    let mut t = Tabel::nieuw("rmc_trajecten", format!("RMC-trajecten {jaar}"), KOLOMMEN);
    let cellen = |lijst: &[&&RmcTraject]| -> Vec<Waarde> {
        KOLOMMEN
            .iter()
            .map(|(k, _)| {
                let n = lijst
                    .iter()
                    .filter(|t| *k == "aantal" || kolom(traject::resultaat_op(t, jaar.laatste_dag())) == *k)
                    .count();
                Waarde::getal(n as u32)
            })
            .collect()
    };
    for soort in TrajectSoort::ALL {
        let lijst: Vec<&&RmcTraject> = hier.iter().filter(|t| t.soort == *soort).collect();
        t.rij(soort.code(), soort.label(), cellen(&lijst));
    }
    let alle_hier: Vec<&&RmcTraject> = hier.iter().collect();
    t.rij("totaal", "Totaal", cellen(&alle_hier));
    let soorten: Vec<&str> = TrajectSoort::ALL.iter().map(|s| s.code()).collect();
    let kolommen: Vec<&str> = KOLOMMEN.iter().map(|(k, _)| *k).collect();
    t.som_van_rijen("totaal", &soorten, &kolommen);
    t.som_van_kolommen("aantal", &kolommen[1..]);
    t.noot("Per traject dat in het schooljaar liep; het resultaat op 31 juli. Naar werk: werk, JIKP arbeid zonder bemiddeling of via een re-integratiepartner.");
    t.noot(kader.noot_woonplaats(&format!("op {peildatum}")));
    Ok(t)
}
