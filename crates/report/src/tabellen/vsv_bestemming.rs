//! `vsv_bestemming` (seed 002 "Bestemming VSV"): where the verslagjaar's VSV-ers are at its end.
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::rules::vsv::Bestemming;

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let jaar = kader.jaar;
    let einde = jaar.laatste_dag();
    let o = crate::register::vsv_bestemmingen(&kader.store, jaar, |_| einde).await?;
    let peildatum = jaar.een_oktober();
    kader.bereid_scope(o.per_jongere.iter().map(|(j, _)| j.as_str())).await?;
    let hier: Vec<Bestemming> =
        o.per_jongere.iter().filter(|(j, _)| kader.telt(j, peildatum)).map(|(_, b)| *b).collect();
    let mut t = Tabel::nieuw("vsv_bestemming", format!("Bestemming VSV-ers {jaar}"), &[("aantal", "Aantal")]);
    for b in Bestemming::ALL {
        t.rij(b.code(), b.label(), vec![Waarde::getal(hier.iter().filter(|x| *x == b).count() as u32)]);
    }
    t.rij("totaal", "Totaal", vec![Waarde::getal(hier.len() as u32)]);
    let delen: Vec<&str> = Bestemming::ALL.iter().map(|b| b.code()).collect();
    t.som_van_rijen("totaal", &delen, &["aantal"]);
    t.noot(format!("VSV-meldingen met een uitvaldatum in {jaar}; de bestemming op {einde}: ingeschreven is weer op school, anders het resultaat van het laatst afgesloten RMC-traject, een lopend traject is in begeleiding."));
    t.noot(kader.noot_woonplaats(&format!("op {peildatum}")));
    Ok(t)
}
