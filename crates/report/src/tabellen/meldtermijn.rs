//! `meldtermijn_per_school`: how late each school reported its 16-uur meldingen of the verslagjaar
//! (Lpw art. 21a: "onverwijld", and so at the latest when the fourth lesweek of the absence ends, on
//! the school's own calendar), so the office can address schools that report late.
use crate::tabel::{Waarde, percentage};
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::kalender::{Kalender, Rooster};
use leerspoor_domain::model::{Gemeente, School, Vakantie};
use leerspoor_domain::rules::melding;
use std::collections::BTreeMap;

#[derive(Default, Clone, Copy)]
struct Telling {
    meldingen: u32,
    te_laat: u32,
    lesdagen_te_laat: u32,
}

impl Telling {
    fn cellen(self) -> Vec<Waarde> {
        let (n, laat) = (f64::from(self.meldingen), f64::from(self.te_laat));
        vec![
            Waarde::getal(self.meldingen),
            Waarde::getal(self.te_laat),
            percentage(laat, n, 1),
            // The mean, as a percentage of a hundred times the count.
            percentage(f64::from(self.lesdagen_te_laat), laat * 100.0, 1),
        ]
    }
}

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let jaar = kader.jaar;
    let meldingen = kader.verzuimmeldingen(jaar.eerste_dag(), jaar.laatste_dag()).await?;
    let scholen = kader.store.lees::<School>().await?;
    let kalender =
        Kalender::nieuw(kader.store.lees::<Vakantie>().await?, &kader.store.lees::<Gemeente>().await?, &scholen);
    kader.bereid_scope().await?;
    let mut per: BTreeMap<(&str, &str), Telling> = BTreeMap::new();
    // One rooster per school: a national register has hundreds of thousands of meldingen a year.
    let mut roosters: BTreeMap<(&str, &str), Rooster> = BTreeMap::new();
    for m in meldingen.iter().filter(|m| melding::telt(m) && m.soort == "wettelijk_16_uur") {
        let (Some(brin), Some(vestiging)) = (m.brin.as_deref(), m.vestiging.as_deref()) else { continue };
        if !kader.telt(&m.jongere, m.meldingsdatum) {
            continue;
        }
        let rooster = roosters.entry((brin, vestiging)).or_insert_with(|| kalender.van_school(brin, vestiging, None));
        let t = per.entry((brin, vestiging)).or_default();
        t.meldingen += 1;
        if let Some(dagen) = melding::lesdagen_te_laat(m, rooster) {
            t.te_laat += 1;
            t.lesdagen_te_laat += dagen;
        }
    }
    let namen: BTreeMap<(&str, &str), &str> =
        scholen.iter().map(|s| ((s.brin.as_str(), s.vestiging.as_str()), s.naam.as_str())).collect();
    let mut t = Tabel::nieuw(
        "meldtermijn_per_school",
        format!("Meldtermijn van de 16-uursmeldingen per school {jaar}"),
        &[
            ("meldingen", "16-uursmeldingen"),
            ("te_laat", "Na de vierde lesweek gemeld"),
            ("pct_te_laat", "% te laat"),
            ("gemiddeld_lesdagen_te_laat", "Gemiddeld lesdagen te laat"),
        ],
    );
    // The schools that report late most often first, so the office sees whom to call.
    let mut scholen: Vec<(&(&str, &str), &Telling)> = per.iter().collect();
    scholen.sort_by(|a, b| (b.1.te_laat, a.0).cmp(&(a.1.te_laat, b.0)));
    let mut totaal = Telling::default();
    for ((brin, vestiging), telling) in scholen {
        let naam = namen.get(&(*brin, *vestiging)).map_or_else(|| format!("{brin}{vestiging}"), |n| n.to_string());
        t.rij(format!("{brin}{vestiging}"), naam, telling.cellen());
        totaal.meldingen += telling.meldingen;
        totaal.te_laat += telling.te_laat;
        totaal.lesdagen_te_laat += telling.lesdagen_te_laat;
    }
    t.rij("totaal", "Totaal", totaal.cellen());
    let rijen: Vec<String> = per.keys().map(|(b, v)| format!("{b}{v}")).collect();
    t.som_van_rijen("totaal", &rijen.iter().map(String::as_str).collect::<Vec<_>>(), &["meldingen", "te_laat"]);
    t.afgeleide_kolommen(&["pct_te_laat", "gemiddeld_lesdagen_te_laat"]);
    t.noot(format!("Per melding: de 16-uursmeldingen van de scholen met een meldingsdatum in {jaar} (niet ingetrokken of preventief)."));
    t.noot("De school meldt onverwijld zodra een leerling 16 uur heeft verzuimd binnen vier opeenvolgende lesweken (Leerplichtwet art. 21a); te laat is een melding na de zondag van de vierde lesweek vanaf de eerste verzuimdag, volgens de schoolvakanties van de school. Lesdagen te laat: de lesdagen daarna tot en met de meldingsdatum.");
    t.noot(kader.noot_woonplaats("op de meldingsdatum"));
    Ok(t)
}
