//! The catalogue of spec/reports.md, one module per table, each reading like its definition.
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::SchoolJaar;

pub(crate) mod bevolking;
mod doelen;
mod factsheet_gemeente;
mod gemeente_onderwijssoort;
mod halt_pv;
mod jikp_door_uitstroom;
mod jongeren_schoolherkomst;
mod maatregelen_per_jaar;
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
mod vsv_nieuw;

pub use vsv_nieuw::{Landelijk, LandelijkCijfer};

/// The ids of the catalogue's tables, in the order of spec/reports.md.
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
    "vsv_nieuw",
    "jikp_door_uitstroom",
    "rmc_aantal",
    "rmc_resultaat",
    "vsv_bestemming",
    "rmc_trajecten",
    "factsheet_gemeente",
    "doelen",
];

pub async fn bereken(kader: &mut Kader<'_>, id: &str) -> Result<Tabel, Fout> {
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
        "vsv_nieuw" => vsv_nieuw::bereken(kader).await,
        "factsheet_gemeente" => factsheet_gemeente::bereken(kader).await,
        "doelen" => doelen::bereken(kader).await,
        "verzuim_per_school" => verzuim_per_school::bereken(kader).await,
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
