//! RMC-trajecten (docs/regels.md): starting and closing them. Their results per verslagjaar
//! (seed 000 Tabel 10) are counted by `leerspoor_domain::rules::traject::resultaten`.
use crate::{Fout, Result, bestaand, code_geldig, ids};
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::codes::CodeLijst;
use leerspoor_domain::model::*;
use leerspoor_domain::rules::Weigering;
use leerspoor_domain::rules::traject;
use leerspoor_store::Store;

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
