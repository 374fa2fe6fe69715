//! `vsv_nieuw` (seed 000 Tabel 7): new VSV-ers of the verslagjaar by OCW/DUO's 1-oktober method
//! against the deelnemers on 1 October, per VO, MBO, VAVO and MBO incl. VAVO, beside the national
//! figures (an input).
use super::bevolking::bevolking;
use crate::tabel::{Waarde, percentage};
use crate::{Fout, Kader, Tabel, register};
use leerspoor_domain::rules::vsv::{VsvSector as Sector, nieuwe_vsv_er, vsv_sector as sector};
use std::collections::BTreeMap;
use std::path::Path;

/// Deelnemers and VSV-ers of one sector, nationally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LandelijkCijfer {
    pub deelnemers: u64,
    pub vsv: u64,
}

/// The national figures of the verslagjaar (DUO's VSV-cijfers), read from a JSON file:
/// `{"vo": {"deelnemers": 912240, "vsv": 3607}, "mbo": {…}, "vavo": {…}}`. MBO incl. VAVO and the
/// total are derived, as in Tabel 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Landelijk {
    pub vo: LandelijkCijfer,
    pub mbo: LandelijkCijfer,
    pub vavo: LandelijkCijfer,
}

impl Landelijk {
    /// Reads the file; a Dutch message names the file and the field that is wrong.
    pub fn lees(pad: &Path) -> Result<Landelijk, String> {
        let tekst = std::fs::read_to_string(pad).map_err(|e| format!("{}: niet te lezen: {e}", pad.display()))?;
        Landelijk::uit_json(&tekst).map_err(|m| format!("{}: {m}", pad.display()))
    }

    fn uit_json(tekst: &str) -> Result<Landelijk, String> {
        let doc: serde_json::Value = serde_json::from_str(tekst).map_err(|e| format!("geen geldige JSON ({e})"))?;
        let doc = doc.as_object().ok_or("verwacht een object met de velden vo, mbo en vavo")?;
        if let Some(k) = doc.keys().find(|k| !["vo", "mbo", "vavo"].contains(&k.as_str())) {
            return Err(format!("onbekend veld '{k}'; verwacht vo, mbo en vavo"));
        }
        let sector = |naam: &str| -> Result<LandelijkCijfer, String> {
            let s = doc.get(naam).ok_or(format!("veld '{naam}' ontbreekt"))?;
            let getal = |veld: &str| {
                s.get(veld)
                    .and_then(serde_json::Value::as_u64)
                    .ok_or(format!("veld '{naam}.{veld}' ontbreekt of is geen geheel getal ≥ 0"))
            };
            let (deelnemers, vsv) = (getal("deelnemers")?, getal("vsv")?);
            if vsv > deelnemers {
                return Err(format!("'{naam}.vsv' ({vsv}) is groter dan '{naam}.deelnemers' ({deelnemers})"));
            }
            Ok(LandelijkCijfer { deelnemers, vsv })
        };
        Ok(Landelijk { vo: sector("vo")?, mbo: sector("mbo")?, vavo: sector("vavo")? })
    }
}

const KOLOMMEN: &[(&str, &str)] = &[
    ("deelnemers", "Deelnemers"),
    ("vsv", "VSV-ers"),
    ("pct", "VSV %"),
    ("landelijk_deelnemers", "Landelijk: deelnemers"),
    ("landelijk_vsv", "Landelijk: VSV-ers"),
    ("landelijk_pct", "Landelijk: VSV %"),
];

/// The new VSV-ers of the verslagjaar per sector ([`nieuwe_vsv_er`]): of the youths living in the
/// scope on 1 October, enrolled then and not on 1 October a year later; `None` while the register
/// stands before that second 1 October. The numerator of [`bereken`], and the VSV-ers of the
/// targets (doelen).
async fn vsv_ers(kader: &Kader) -> Result<Option<BTreeMap<Sector, u64>>, Fout> {
    let geteld = kader.vsv_ers.get_or_try_init(|| tel_vsv_ers(kader));
    Ok(geteld.await?.clone())
}

async fn tel_vsv_ers(kader: &Kader) -> Result<Option<BTreeMap<Sector, u64>>, Fout> {
    let jaar = kader.jaar;
    let peildatum = jaar.een_oktober();
    if kader.stand < jaar.volgend().een_oktober() {
        return Ok(None);
    }
    let personen = kader.personen().await?;
    let kandidaten = tokio::task::spawn_blocking(move || register::vsv_kandidaten(&personen, jaar))
        .await
        .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
    let mut vsv: BTreeMap<Sector, u64> = BTreeMap::new();
    for (jongere, p) in &kandidaten {
        if kader.telt(jongere, peildatum)
            && let Some(s) = nieuwe_vsv_er(jaar, p)
        {
            *vsv.entry(s).or_default() += 1;
        }
    }
    Ok(Some(vsv))
}

/// All new VSV-ers of the verslagjaar ([`vsv_ers`] over the sectors of the table), once known.
pub(super) async fn vsv_totaal(kader: &Kader) -> Result<Option<u64>, Fout> {
    Ok(vsv_ers(kader).await?.map(|v| v.values().sum()))
}

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let jaar = kader.jaar;
    let peildatum = jaar.een_oktober();
    // Deelnemers: youths under 23 living in the scope on 1 October, by the enrolment begun last.
    let mut deelnemers: BTreeMap<Sector, u64> = BTreeMap::new();
    for g in bevolking(kader, peildatum).await?.iter().filter(|g| kader.in_scope(&g.gemeente)) {
        if let Some(s) = g.onderwijssoort.and_then(sector) {
            *deelnemers.entry(s).or_default() += u64::from(g.aantal);
        }
    }
    let vsv = vsv_ers(kader).await?;

    let mut t = Tabel::nieuw("vsv_nieuw", format!("Nieuwe VSV-ers naar soort onderwijs {jaar}"), KOLOMMEN);
    let regio = |sectoren: &[Sector]| {
        let n = |m: &BTreeMap<Sector, u64>| sectoren.iter().map(|s| m.get(s).copied().unwrap_or(0)).sum::<u64>();
        (n(&deelnemers), vsv.as_ref().map(n))
    };
    let landelijk = kader.landelijk;
    let land = |sectoren: &[Sector]| {
        landelijk.map(|l| {
            let c = |s: &Sector| match s {
                Sector::Vo => l.vo,
                Sector::Mbo => l.mbo,
                Sector::Vavo => l.vavo,
            };
            (sectoren.iter().map(|s| c(s).deelnemers).sum::<u64>(), sectoren.iter().map(|s| c(s).vsv).sum::<u64>())
        })
    };
    use Sector::*;
    let rijen: [(&str, &str, &[Sector]); 5] = [
        ("vo", "Voortgezet onderwijs", &[Vo]),
        ("mbo", "Middelbaar beroepsonderwijs", &[Mbo]),
        ("vavo", "VAVO", &[Vavo]),
        ("mbo_incl_vavo", "Middelbaar beroepsonderwijs incl. VAVO", &[Mbo, Vavo]),
        ("totaal", "Totaal", &[Vo, Mbo, Vavo]),
    ];
    for (key, label, sectoren) in rijen {
        let (d, v) = regio(sectoren);
        let d = d as f64;
        let mut w = match v.map(|v| v as f64) {
            Some(v) => vec![Waarde::getal(d), Waarde::getal(v), percentage(v, d, 2)],
            None => vec![Waarde::getal(d), Waarde(None), Waarde(None)],
        };
        match land(sectoren) {
            Some((ld, lv)) => {
                let (ld, lv) = (ld as f64, lv as f64);
                w.extend([Waarde::getal(ld), Waarde::getal(lv), percentage(lv, ld, 2)]);
            }
            None => w.extend([Waarde(None); 3]),
        }
        t.rij(key, label, w);
    }
    let tellingen = ["deelnemers", "vsv", "landelijk_deelnemers", "landelijk_vsv"];
    t.som_van_rijen("mbo_incl_vavo", &["mbo", "vavo"], &tellingen);
    t.som_van_rijen("totaal", &["vo", "mbo_incl_vavo"], &tellingen);
    t.afgeleide_kolommen(&["pct", "landelijk_pct"]);
    t.noot(format!("Deelnemers: jongeren onder 23 die op {peildatum} ingeschreven waren (bij twee inschrijvingen de laatst begonnen); VO is vo en praktijkonderwijs, vso telt niet mee."));
    t.noot(format!("VSV-ers (1-oktobermethode van OCW/DUO): jongeren die op {peildatum} ingeschreven waren en jonger dan 23, op {} nergens ingeschreven en zonder startkwalificatie; wie overleed of uit de regio vertrok telt niet. De inschrijving op {peildatum} bepaalt de sector. Voorlopig zolang {} niet voorbij is.", jaar.volgend().een_oktober(), jaar.volgend().een_oktober()));
    t.noot("VSV % = VSV-ers / deelnemers, afgerond op 2 decimalen (half naar boven).");
    t.noot(kader.noot_woonplaats(&format!("op {peildatum}")));
    if vsv.is_none() {
        t.noot(format!(
            "De VSV-ers van {jaar} zijn pas bekend na {}: de gegevens staan op {}.",
            jaar.volgend().een_oktober(),
            kader.stand
        ));
    }
    if landelijk.is_none() {
        t.noot(
            "De landelijke cijfers zijn niet aangeleverd (leerspoor report --landelijk PAD): die kolommen zijn leeg.",
        );
    } else {
        t.noot("Landelijke cijfers: aangeleverd (DUO); MBO incl. VAVO en het totaal zijn daaruit opgeteld.");
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_national_figures_are_read_with_dutch_messages_naming_the_field() {
        let ok = r#"{"vo": {"deelnemers": 912240, "vsv": 3607},
                     "mbo": {"deelnemers": 403254, "vsv": 18512},
                     "vavo": {"deelnemers": 7492, "vsv": 666}}"#;
        let l = Landelijk::uit_json(ok).unwrap();
        assert_eq!(l.vavo, LandelijkCijfer { deelnemers: 7492, vsv: 666 });
        let fout = |s: &str| Landelijk::uit_json(s).unwrap_err();
        assert_eq!(
            fout(r#"{"vo": {"deelnemers": 1, "vsv": 0}, "mbo": {"deelnemers": 1}}"#),
            "veld 'mbo.vsv' ontbreekt of is geen geheel getal ≥ 0"
        );
        assert_eq!(fout(r#"{"vo": {"deelnemers": 1, "vsv": 0}}"#), "veld 'mbo' ontbreekt");
        assert_eq!(fout(r#"{"vso": {}}"#), "onbekend veld 'vso'; verwacht vo, mbo en vavo");
        assert_eq!(
            fout(
                r#"{"vo": {"deelnemers": 1, "vsv": 2}, "mbo": {"deelnemers": 1, "vsv": 0}, "vavo": {"deelnemers": 1, "vsv": 0}}"#
            ),
            "'vo.vsv' (2) is groter dan 'vo.deelnemers' (1)"
        );
        assert!(fout("[").starts_with("geen geldige JSON"));
    }
}
