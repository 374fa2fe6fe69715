//! `jikp_door_uitstroom` (seed 000 Tabel 8): the JIKP pupils of the previous schooljaar on
//! 1 October, and where they are on 1 October of the verslagjaar.
use crate::tabel::{Waarde, percentage};
use crate::{Fout, Kader, Tabel, register};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::onderwijs::JikpGroep;
use leerspoor_domain::rules::jikp::Stroom;

const KOLOMMEN: &[(&str, &str)] = &[
    ("deelnemers", "Aantal deelnemers"),
    ("door_uitstroom", "Totale door- en uitstroom"),
    ("mbo1", "MBO1"),
    ("mbo2", "MBO2"),
    ("uitstroom", "Uitstroom"),
    ("kwetsbaar", "Totaal kwetsbare positie"),
    ("pct", "% kwetsbare positie"),
];

fn waarden(s: &Stroom) -> Vec<Waarde> {
    let mut w: Vec<Waarde> = [s.deelnemers, s.door_uitstroom, s.mbo1, s.mbo2, s.uitstroom, s.kwetsbaar()]
        .into_iter()
        .map(Waarde::getal)
        .collect();
    w.push(percentage(f64::from(s.kwetsbaar()), f64::from(s.door_uitstroom), 0));
    w
}

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let (vorig, jaar) = (kader.jaar.vorig(), kader.jaar);
    let (van, naar) = (vorig.een_oktober(), jaar.een_oktober());
    let leerlingen = kader.jikp_leerlingen().await?;
    let personen = kader.personen().await?;
    let tabel = register::jikp_stromen(leerlingen.iter().filter(|l| kader.telt(personen.id(l.jongere), van)));
    let mut t = Tabel::nieuw(
        "jikp_door_uitstroom",
        format!("Door- en uitstroom jongeren in een kwetsbare positie {vorig} → {jaar}"),
        KOLOMMEN,
    );
    let mut totaal = Stroom::default();
    for groep in JikpGroep::ALL {
        let s = tabel.get(groep).cloned().unwrap_or_default();
        totaal.deelnemers += s.deelnemers;
        totaal.door_uitstroom += s.door_uitstroom;
        totaal.mbo1 += s.mbo1;
        totaal.mbo2 += s.mbo2;
        totaal.uitstroom += s.uitstroom;
        t.rij(groep.code(), groep.label(), waarden(&s));
    }
    t.rij("totaal", "Totaal", waarden(&totaal));
    let groepen: Vec<&str> = JikpGroep::ALL.iter().map(|g| g.code()).collect();
    t.som_van_rijen("totaal", &groepen, &["deelnemers", "door_uitstroom", "mbo1", "mbo2", "uitstroom", "kwetsbaar"]);
    t.som_van_kolommen("kwetsbaar", &["mbo1", "mbo2", "uitstroom"]);
    t.afgeleide_kolommen(&["pct"]);
    t.noot(format!("Deelnemers: ingeschreven op {van} in mbo1 (Entree), pro, vmbo-bbl of vso (arbeidsmarkt, vervolgonderwijs); hun inschrijving op {naar}."));
    t.noot("Door- en uitstroom: voor mbo1 iedereen; voor pro, vmbo-bbl en vso wie niet in dezelfde onderwijssoort doorgaat. Kwetsbaar: naar mbo1, mbo2 of uit het onderwijs.");
    t.noot(kader.noot_woonplaats(&format!("op {van}")));
    Ok(t)
}
