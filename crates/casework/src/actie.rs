//! MAS actions in a zaak and the afhandeling of HALT and PV (docs/regels.md). The rules of
//! [`leerspoor_domain::rules::mas`] decide; this module gathers their facts and writes.
use crate::{Fout, Result, bestaand, code_geldig, ids, uitvoerder};
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::codes::CodeLijst;
use leerspoor_domain::model::*;
use leerspoor_domain::rules::mas::uitkomst;
use leerspoor_domain::rules::melding;
use leerspoor_domain::rules::{Weigering, mas, zaak as regels};
use leerspoor_store::Store;

#[derive(Debug, Clone)]
pub struct NieuweActie {
    pub jongere: String,
    /// Every action but a preventive spreekuur talk belongs to a zaak.
    pub zaak: Option<String>,
    pub soort: ActieSoort,
    pub datum: Datum,
    pub pv_tegen: Option<PvTegen>,
    /// For a PV against a parent: which one.
    pub ouder: Option<String>,
    /// Overmacht that excuses luxe verzuim from the mandatory PV, with its reason.
    pub overmacht: Option<String>,
    pub toelichting: String,
}

#[derive(Debug, Clone)]
pub struct Genomen {
    pub actie: Actie,
    /// The zaak after the action (its status moved on, perhaps now assigned to the actor).
    pub zaak: Option<Zaak>,
}

pub async fn neem(store: &Store, door: &Medewerker, a: NieuweActie) -> Result<Genomen> {
    mas::mag_maatregel(uitvoerder(door), a.soort)?;
    let jongere: Jongere = bestaand(store, "jongere", &a.jongere).await?;
    let zaak = match &a.zaak {
        Some(id) => {
            let z: Zaak = bestaand(store, "zaak", id).await?;
            mas::zaak_open(z.status)?;
            if z.jongere != a.jongere {
                return Err(Fout::invoer("zaak", format!("zaak '{id}' gaat over een andere jongere")));
            }
            if a.datum < z.geopend_op {
                return Err(Fout::invoer("datum", format!("de zaak is pas geopend op {}", z.geopend_op)));
            }
            Some(z)
        }
        None if a.soort == ActieSoort::PreventiefGesprek => None,
        None => {
            return Err(Fout::invoer(
                "zaak",
                format!("een {} hoort bij een zaak; alleen een preventief spreekuurgesprek niet", a.soort.label()),
            ));
        }
    };
    // The offence is the absence itself: its first day, or the action's date without a melding.
    let meldingen: Vec<Verzuimmelding> = match &zaak {
        Some(z) => store.lees_waar("zaak", &z.id).await?,
        None => Vec::new(),
    };
    let overtreding = meldingen.iter().filter(|m| melding::telt(m)).map(|m| m.verzuim_van).min().unwrap_or(a.datum);
    if matches!(a.soort, ActieSoort::Halt | ActieSoort::ProcesVerbaal) {
        let feiten = crate::dossier::leerplichtfeiten(
            &jongere,
            &store.lees_waar("jongere", &jongere.id).await?,
            &store.lees_waar("jongere", &jongere.id).await?,
        )?;
        let status = feiten.op(overtreding).map_err(|e| Fout::invoer("datum", e.to_string()))?.status;
        mas::vereist_plicht(a.soort, status, overtreding)?;
    }
    if a.soort == ActieSoort::Halt {
        mas::mag_halt(jongere.geboortedatum, overtreding)?;
    }
    controleer_pv(store, &a, &jongere, overtreding).await?;

    let actie = Actie {
        id: ids::nieuw("A"),
        jongere: a.jongere.clone(),
        zaak: zaak.as_ref().map(|z| z.id.clone()),
        soort: a.soort,
        datum: a.datum,
        medewerker: Some(door.id.clone()),
        pv_tegen: a.pv_tegen,
        ouder: a.ouder.clone(),
        overmacht: a.overmacht.as_deref().map(str::trim).filter(|o| !o.is_empty()).map(str::to_string),
        uitkomst: None,
        uitkomst_datum: None,
        toelichting: a.toelichting.trim().to_string(),
    };
    let mut s = store.schrijver(&door.id, "actie nemen").await?;
    let zaak = match zaak {
        Some(oud) => {
            let nieuw = Zaak {
                status: regels::status_na_actie(oud.status, a.soort),
                // Whoever acts on an unassigned case takes it on.
                medewerker: oud
                    .medewerker
                    .clone()
                    .or_else(|| regels::mag_behandelen(door.rol).ok().map(|_| door.id.clone())),
                ..oud.clone()
            };
            s.wijzig(&oud, &nieuw).await?;
            Some(nieuw)
        }
        None => None,
    };
    s.nieuw(&actie).await?;
    s.vastleggen("actie nemen", &actie.id).await?;
    Ok(Genomen { actie, zaak })
}

/// A PV names whom it is against: the youth (from 12 on the offence date) or one of their parents.
async fn controleer_pv(store: &Store, a: &NieuweActie, jongere: &Jongere, overtreding: Datum) -> Result<()> {
    match (a.soort == ActieSoort::ProcesVerbaal, a.pv_tegen, &a.ouder) {
        (false, Some(_), _) => Err(Fout::invoer("pv_tegen", "alleen een proces-verbaal is tegen iemand")),
        (false, None, Some(_)) => {
            Err(Fout::invoer("ouder", "een ouder hoort alleen bij een proces-verbaal tegen een ouder"))
        }
        (false, None, None) => Ok(()),
        (true, None, _) => Err(Fout::invoer("pv_tegen", "tegen wie is het proces-verbaal: de jongere of een ouder?")),
        (true, Some(PvTegen::Jongere), Some(_)) => {
            Err(Fout::invoer("ouder", "een proces-verbaal tegen de jongere noemt geen ouder"))
        }
        (true, Some(PvTegen::Jongere), None) => {
            Ok(mas::mag_pv_tegen(PvTegen::Jongere, jongere.geboortedatum, overtreding)?)
        }
        (true, Some(PvTegen::Ouder), None) => {
            Err(Fout::invoer("ouder", "welke ouder? kies een ouder of verzorger van de jongere"))
        }
        (true, Some(PvTegen::Ouder), Some(ouder)) => {
            let gezin: Vec<Gezinsrelatie> = store.lees_waar("jongere", &jongere.id).await?;
            if gezin.iter().any(|g| &g.ouder == ouder) {
                Ok(())
            } else {
                Err(Fout::invoer("ouder", format!("'{ouder}' is geen ouder of verzorger van deze jongere")))
            }
        }
    }
}

/// What the caseworker should do next after an outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Vervolg {
    Geen,
    /// HALT negatief: "in beginsel" a proces-verbaal follows (docs/regels.md).
    ProcesVerbaalAanbevolen,
}

/// Records how a HALT-verwijzing or proces-verbaal ended (a code of the list `maatregel_uitkomst`,
/// valid on that day), or that it is still unknown. Allowed on a closed zaak too: the OM's decision
/// often comes after the case was closed.
pub async fn leg_uitkomst_vast(
    store: &Store,
    door: &Medewerker,
    actie: &str,
    code: &str,
    datum: Option<Datum>,
) -> Result<(Actie, Vervolg)> {
    if !matches!(door.rol, Rol::Leerplichtambtenaar | Rol::Administratief | Rol::Teamleider) {
        return Err(Weigering::new(
            "rollen: afhandeling HALT/PV",
            format!("een {} legt geen afhandeling van HALT of PV vast", door.rol.label().to_lowercase()),
        )
        .into());
    }
    let oud: Actie = bestaand(store, "actie", actie).await?;
    mas::uitkomst_past(oud.soort, code)?;
    let datum = match (code, datum) {
        (uitkomst::ONBEKEND, _) => None,
        (_, None) => return Err(Fout::invoer("uitkomst_datum", "op welke datum is dit afgehandeld?")),
        (_, Some(d)) if d < oud.datum => {
            return Err(Fout::invoer(
                "uitkomst_datum",
                format!("de afhandeling ligt vóór de {} zelf ({})", oud.soort.label(), oud.datum),
            ));
        }
        (_, d) => d,
    };
    code_geldig(store, "uitkomst", CodeLijst::MaatregelUitkomst, code, datum.unwrap_or(oud.datum)).await?;
    let nieuw = Actie { uitkomst: Some(code.to_string()), uitkomst_datum: datum, ..oud.clone() };
    let mut s = store.schrijver(&door.id, "afhandeling vastleggen").await?;
    s.wijzig(&oud, &nieuw).await?;
    s.vastleggen("afhandeling vastleggen", &nieuw.id).await?;
    let vervolg = if code == uitkomst::HALT_NEGATIEF { Vervolg::ProcesVerbaalAanbevolen } else { Vervolg::Geen };
    Ok((nieuw, vervolg))
}
