//! `rmc_aantal` (seed 000 Tabel 9): RMC-ers per schooljaar, three years — every traject of an
//! RMC-er that ran in the schooljaar, as Tabel 10 counts them — and beside them, apart, the P-wet
//! scholingsadvies talks with 23-27-year-olds.
use super::{jaren_tot, sleutel};
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::model::RmcTraject;
use leerspoor_domain::rules::traject;

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let alle = kader.rmc_trajecten().await?;
    let mut t = Tabel::nieuw(
        "rmc_aantal",
        "Aantal RMC-ers",
        &[("aantal", "Aantal RMC-ers"), ("pwet", "Scholingsadvies P-wet (23-27), apart")],
    );
    kader.bereid_scope().await?;
    for jaar in jaren_tot(kader.jaar, 3) {
        let peildatum = jaar.een_oktober();
        let eigen: Vec<RmcTraject> = alle.iter().filter(|r| kader.telt(&r.jongere, peildatum)).cloned().collect();
        let n: u32 = traject::resultaten(&eigen, jaar).values().map(|v| v[0] + v[1]).sum();
        let pwet =
            eigen.iter().filter(|r| !traject::telt_als_rmcer(r.soort) && traject::liep_in(r, jaar)).count() as u32;
        t.rij(sleutel(jaar), jaar.to_string(), vec![Waarde::getal(n), Waarde::getal(pwet)]);
    }
    t.noot("Per traject dat in het schooljaar liep (een jongere met twee trajecten telt twee keer), zoals Tabel 10.");
    t.noot("De gesprekken scholingsadvies P-wet met jongeren van 23 tot 27 zijn geen RMC-ers: ze staan apart, zoals het jaarverslag ze apart noemt.");
    t.noot(kader.noot_woonplaats("op 1 oktober van dat schooljaar"));
    Ok(t)
}
