//! The catalogue of docs/tabellen.md, one module per table, each reading like its definition.
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::SchoolJaar;

mod art25_opgave;
pub(crate) mod bevolking;
mod doelen;
mod factsheet_gemeente;
mod gemeente_onderwijssoort;
mod halt_pv;
mod jikp_door_uitstroom;
mod jongeren_schoolherkomst;
mod maatregelen_per_jaar;
mod meldtermijn;
mod recidive;
mod rmc_aantal;
mod rmc_resultaat;
mod rmc_trajecten;
mod thuiszitters;
mod thuiszitters_verloop;
mod verzuim_per_school;
mod verzuim_schoolherkomst;
mod vrijstellingen;
mod vrijstellingen_overzicht;
mod vsv_bestemming;
mod vsv_effect;
mod vsv_nieuw;

pub use vsv_nieuw::{Landelijk, LandelijkCijfer};

/// The ids of the catalogue's tables, in the order of docs/tabellen.md.
pub const IDS: &[&str] = &[
    "jongeren_schoolherkomst",
    "ingeschreven_pct",
    "vrijstellingen",
    "vrijstellingen_gemeente",
    "vrijstelling_aanvragen",
    "verzuim_schoolherkomst",
    "halt_pv_soort",
    "halt_pv_afhandeling",
    "maatregelen_per_jaar",
    "recidive",
    "thuiszitters",
    "thuiszitters_verloop",
    "verzuim_per_1000",
    "relatief_gemeente_onderwijssoort",
    "pv_gemeente_onderwijssoort",
    "verzuim_per_school",
    "meldtermijn_per_school",
    "vsv_nieuw",
    "jikp_door_uitstroom",
    "rmc_aantal",
    "rmc_resultaat",
    "vsv_bestemming",
    "vsv_effect",
    "rmc_trajecten",
    "factsheet_gemeente",
    "doelen",
    "art25_opgave",
];

/// A table's name in a menu, without the year or peildatum its full title carries.
pub fn menunaam(id: &str) -> &'static str {
    match id {
        "jongeren_schoolherkomst" => "Jongeren naar schoolherkomst",
        "ingeschreven_pct" => "Ingeschreven leerplichtigen (%)",
        "vrijstellingen" => "Afgegeven vrijstellingen",
        "vrijstellingen_gemeente" => "Lopende vrijstellingen per gemeente",
        "vrijstelling_aanvragen" => "Aanvragen vrijstelling en verlof",
        "verzuim_schoolherkomst" => "Verzuim naar schoolherkomst",
        "halt_pv_soort" => "HALT en proces-verbaal naar soort verzuim",
        "halt_pv_afhandeling" => "Afhandeling HALT en proces-verbaal",
        "maatregelen_per_jaar" => "Maatregelen per schooljaar",
        "recidive" => "Recidive",
        "thuiszitters" => "Thuiszitters per subregio",
        "thuiszitters_verloop" => "Verloop thuiszitters",
        "verzuim_per_1000" => "Verzuim per 1000 leerlingen",
        "relatief_gemeente_onderwijssoort" => "Relatief verzuimers per gemeente en onderwijssoort",
        "pv_gemeente_onderwijssoort" => "Processen-verbaal per gemeente en onderwijssoort",
        "verzuim_per_school" => "Verzuim per VO-school",
        "meldtermijn_per_school" => "Meldtermijn per school",
        "vsv_nieuw" => "Nieuwe voortijdig schoolverlaters",
        "jikp_door_uitstroom" => "Jongeren in een kwetsbare positie",
        "rmc_aantal" => "Aantal RMC-ers",
        "rmc_resultaat" => "Resultaat RMC",
        "vsv_bestemming" => "Bestemming VSV-ers",
        "vsv_effect" => "Effect RMC-inzet voor VSV-ers",
        "rmc_trajecten" => "RMC-trajecten",
        "factsheet_gemeente" => "Factsheet per gemeente",
        "doelen" => "Doelen en normen",
        "art25_opgave" => "Opgave art. 25 (Leerplichttelling)",
        _ => "Onbekende tabel",
    }
}

pub async fn bereken(kader: &std::sync::Arc<Kader>, id: &str) -> Result<Tabel, Fout> {
    match id {
        "jongeren_schoolherkomst" => jongeren_schoolherkomst::bereken(kader).await,
        "ingeschreven_pct" => bevolking::ingeschreven_pct(kader).await,
        "verzuim_per_1000" => bevolking::verzuim_per_1000(kader).await,
        "vrijstellingen" => vrijstellingen::bereken(kader).await,
        "vrijstellingen_gemeente" => vrijstellingen_overzicht::per_gemeente(kader).await,
        "vrijstelling_aanvragen" => vrijstellingen_overzicht::aanvragen(kader).await,
        "verzuim_schoolherkomst" => verzuim_schoolherkomst::bereken(kader).await,
        "halt_pv_soort" => halt_pv::soort(kader).await,
        "halt_pv_afhandeling" => halt_pv::afhandeling_tabel(kader).await,
        "maatregelen_per_jaar" => maatregelen_per_jaar::bereken(kader).await,
        "recidive" => recidive::bereken(kader).await,
        "thuiszitters" => thuiszitters::bereken(kader).await,
        "thuiszitters_verloop" => thuiszitters_verloop::bereken(kader).await,
        "jikp_door_uitstroom" => jikp_door_uitstroom::bereken(kader).await,
        "rmc_aantal" => rmc_aantal::bereken(kader).await,
        "rmc_resultaat" => rmc_resultaat::bereken(kader).await,
        "rmc_trajecten" => rmc_trajecten::bereken(kader).await,
        "vsv_bestemming" => vsv_bestemming::bereken(kader).await,
        "vsv_effect" => vsv_effect::bereken(kader).await,
        "vsv_nieuw" => vsv_nieuw::bereken(kader).await,
        "factsheet_gemeente" => factsheet_gemeente::bereken(kader).await,
        "doelen" => doelen::bereken(kader).await,
        "art25_opgave" => art25_opgave::bereken(kader).await,
        "verzuim_per_school" => verzuim_per_school::bereken(kader).await,
        "meldtermijn_per_school" => meldtermijn::bereken(kader).await,
        "relatief_gemeente_onderwijssoort" => gemeente_onderwijssoort::relatief_verzuimers(kader).await,
        "pv_gemeente_onderwijssoort" => gemeente_onderwijssoort::processen_verbaal(kader).await,
        _ => unreachable!("id gecontroleerd tegen IDS"),
    }
}

/// `n` schooljaren up to and including `jaar`, oldest first.
fn jaren_tot(jaar: SchoolJaar, n: i32) -> Vec<SchoolJaar> {
    (0..n).rev().map(|i| SchoolJaar::beginnend_in(jaar.beginjaar() - i)).collect()
}

/// A row key for a schooljaar: `2019_2020`.
fn sleutel(jaar: SchoolJaar) -> String {
    jaar.to_string().replace('-', "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_a_menu_name_of_its_own() {
        let namen: std::collections::BTreeSet<_> = IDS.iter().map(|id| menunaam(id)).collect();
        assert_eq!(namen.len(), IDS.len());
        assert!(!namen.contains("Onbekende tabel"));
    }
}
