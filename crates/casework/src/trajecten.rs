//! RMC-trajecten (docs/regels.md): starting and closing them, and their results per verslagjaar as
//! seed 000 Tabel 10 counts them.
use crate::{Fout, Result, bestaand, code_geldig, ids};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::codes::CodeLijst;
use leerspoor_domain::model::*;
use leerspoor_domain::rules::Weigering;
use leerspoor_domain::rules::traject::{self, SoortRmcer};
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_store::Store;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct NieuwTraject {
    pub jongere: String,
    pub soort: TrajectSoort,
    /// When the youth was first reported to RMC (decides "gemeld vóór verslagjaar").
    pub aangemeld_op: Datum,
    pub begindatum: Datum,
}

/// Starts a traject under the consulent who starts it.
pub async fn start(store: &Store, door: &Medewerker, n: NieuwTraject) -> Result<RmcTraject> {
    let jongere: Jongere = bestaand(store, "jongere", &n.jongere).await?;
    traject::mag_starten(door.rol, n.soort, jongere.geboortedatum, n.begindatum)?;
    if n.aangemeld_op > n.begindatum {
        return Err(Fout::invoer("aangemeld_op", "een traject begint niet vóór de aanmelding"));
    }
    let lopend: Vec<RmcTraject> = store.lees_waar("jongere", &n.jongere).await?;
    if let Some(t) = lopend.iter().find(|t| t.soort == n.soort && t.einddatum.is_none()) {
        return Err(Weigering::new(
            "RMC: één traject tegelijk",
            format!("de jongere heeft al een lopend traject '{}' ({}, sinds {})", n.soort.label(), t.id, t.begindatum),
        )
        .into());
    }
    let t = RmcTraject {
        id: ids::nieuw("R"),
        jongere: n.jongere,
        soort: n.soort,
        medewerker: Some(door.id.clone()),
        aangemeld_op: n.aangemeld_op,
        begindatum: n.begindatum,
        einddatum: None,
        resultaat: None,
    };
    let mut s = store.schrijver(&door.id, "RMC-traject starten").await?;
    s.nieuw(&t).await?;
    s.vastleggen("RMC-traject starten", &t.id).await?;
    Ok(t)
}

/// Closes a traject with its result (list `rmc_resultaat`).
pub async fn sluit(
    store: &Store,
    door: &Medewerker,
    id: &str,
    einddatum: Datum,
    resultaat: &str,
) -> Result<RmcTraject> {
    traject::mag_begeleiden(door.rol)?;
    let oud: RmcTraject = bestaand(store, "RMC-traject", id).await?;
    if let Some(e) = oud.einddatum {
        return Err(Weigering::new("RMC: traject afgesloten", format!("het traject is al afgesloten op {e}")).into());
    }
    if einddatum < oud.begindatum {
        return Err(Fout::invoer("einddatum", format!("het traject begon op {}", oud.begindatum)));
    }
    code_geldig(store, "resultaat", CodeLijst::RmcResultaat, resultaat, einddatum).await?;
    traject::toets_resultaat(oud.soort, resultaat)?;
    let nieuw = RmcTraject { einddatum: Some(einddatum), resultaat: Some(resultaat.to_string()), ..oud.clone() };
    let mut s = store.schrijver(&door.id, "RMC-traject afsluiten").await?;
    s.wijzig(&oud, &nieuw).await?;
    s.vastleggen("RMC-traject afsluiten", &nieuw.id).await?;
    Ok(nieuw)
}

/// Seed 000 Tabel 10 for a verslagjaar: every traject of an RMC-er ([`traject::telt_als_rmcer`])
/// that ran in it, by its result at the end of the year ("nog in traject" while it runs on) and by
/// the kind of RMC-er. Per traject, as the table's total equals Tabel 9's "aantal RMC-ers" begeleid.
pub fn resultaten(trajecten: &[RmcTraject], jaar: SchoolJaar) -> BTreeMap<String, [u32; 2]> {
    let mut uit: BTreeMap<String, [u32; 2]> = BTreeMap::new();
    for t in trajecten.iter().filter(|t| traject::telt_als_rmcer(t.soort) && liep_in(t, jaar)) {
        let resultaat = match (t.einddatum, &t.resultaat) {
            (Some(e), Some(r)) if e <= jaar.laatste_dag() => r.as_str(),
            _ => "nog_in_traject",
        };
        let kolom = match traject::soort_rmcer(t.aangemeld_op, jaar) {
            SoortRmcer::GemeldVoorVerslagjaar => 0,
            SoortRmcer::Nieuw => 1,
        };
        uit.entry(resultaat.to_string()).or_default()[kolom] += 1;
    }
    uit
}

/// The traject ran on a day of the schooljaar `jaar`.
pub fn liep_in(t: &RmcTraject, jaar: SchoolJaar) -> bool {
    t.begindatum <= jaar.laatste_dag() && t.einddatum.is_none_or(|e| e >= jaar.eerste_dag())
}
