//! `maatregelen_per_jaar` (seed 002 "Maatregelen ingezet per schooljaar"): preventive talks, HALT
//! referrals and processen-verbaal per schooljaar, four years, counted per action on its date.
use super::{jaren_tot, sleutel};
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::SchoolJaar;
use leerspoor_domain::model::ActieSoort;

const SOORTEN: [(ActieSoort, &str, &str); 3] = [
    (ActieSoort::PreventiefGesprek, "preventief_gesprek", "Preventief gesprek"),
    (ActieSoort::Halt, "halt", "Haltverwijzing"),
    (ActieSoort::ProcesVerbaal, "pv", "Proces-verbaal"),
];

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let jaren = jaren_tot(kader.jaar, 4);
    let acties = kader.acties(jaren[0].eerste_dag(), kader.jaar.laatste_dag()).await?;
    let kolommen: Vec<(&str, &str)> = SOORTEN.iter().map(|(_, k, l)| (*k, *l)).collect();
    let mut t = Tabel::nieuw("maatregelen_per_jaar", "Maatregelen ingezet per schooljaar", &kolommen);
    kader.bereid_scope().await?;
    for jaar in jaren {
        let peildatum = jaar.een_oktober();
        let in_jaar = |soort| {
            acties
                .iter()
                .filter(|a| a.soort == soort && SchoolJaar::van(a.datum) == jaar && kader.telt(&a.jongere, peildatum))
                .count() as u32
        };
        let waarden = SOORTEN.iter().map(|(s, _, _)| Waarde::getal(in_jaar(*s))).collect();
        t.rij(sleutel(jaar), jaar.to_string(), waarden);
    }
    t.noot("Per maatregel, in het schooljaar van de datum van de maatregel.");
    t.noot(kader.noot_woonplaats("op 1 oktober van dat schooljaar"));
    Ok(t)
}
