//! A zaak's lifecycle as the caseworker drives it: take it on, close it (one validated
//! transaction: the zaak, its meldingen and its thuiszitter period), reopen it.
use crate::{Result, bestaand, code_geldig};
use leerspoor_domain::codes::CodeLijst;
use leerspoor_domain::model::*;
use leerspoor_domain::rules::melding;
use leerspoor_domain::rules::{Weigering, leeftijd_op, mas, thuiszitten, zaak as regels};
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_store::{Schrijver, Store};

/// Assigns the zaak to a caseworker (a teamleider distributing the werkvoorraad, or a caseworker
/// taking it on).
pub async fn toewijzen(store: &Store, door: &Medewerker, zaak: &str, aan: &Medewerker) -> Result<Zaak> {
    regels::mag_toewijzen(door, aan)?;
    let oud: Zaak = bestaand(store, "zaak", zaak).await?;
    mas::zaak_open(oud.status)?;
    let nieuw = Zaak { medewerker: Some(aan.id.clone()), ..oud.clone() };
    let mut s = store.schrijver(&door.id, "zaak toewijzen").await?;
    s.wijzig(&oud, &nieuw).await?;
    s.vastleggen("zaak toewijzen", &nieuw.id).await?;
    Ok(nieuw)
}

/// Closes the zaak on `datum` for `reden` (list `zaak_reden_sluiting`). Its open meldingen are
/// closed with it, and a running thuiszitter period ends with the matching reason.
pub async fn sluit(store: &Store, door: &Medewerker, zaak: &str, datum: Datum, reden: &str) -> Result<Zaak> {
    regels::mag_behandelen(door.rol)?;
    let oud: Zaak = bestaand(store, "zaak", zaak).await?;
    mas::zaak_open(oud.status)?;
    code_geldig(store, "reden_sluiting", CodeLijst::ZaakRedenSluiting, reden, datum).await?;
    let acties: Vec<Actie> = store.lees_waar("zaak", zaak).await?;
    let meldingen: Vec<Verzuimmelding> = store.lees_waar("zaak", zaak).await?;
    if !regels::sluiting_zonder_overtreding(reden) {
        luxe_verzuim_afgehandeld(store, &oud, &meldingen, &acties).await?;
    }
    let nieuw = regels::sluit(&oud, datum, reden, acties.iter().map(|a| a.datum).max())?;
    let jongere: Jongere = bestaand(store, "jongere", &oud.jongere).await?;
    let perioden: Vec<Thuiszitperiode> = store.lees_waar("zaak", zaak).await?;

    let achttien = leeftijd_op(jongere.geboortedatum, datum) >= 18;
    let mut s = store.schrijver(&door.id, "zaak sluiten").await?;
    schrijf_sluiting(
        &mut s,
        Sluiting { oud: &oud, nieuw: &nieuw, meldingen: &meldingen, perioden: &perioden, opgelost_op: datum, achttien },
    )
    .await?;
    s.vastleggen("zaak sluiten", &nieuw.id).await?;
    Ok(nieuw)
}

/// Everything a closing changes, for [`sluit`] and the absoluut-verzuim run.
pub(crate) struct Sluiting<'a> {
    pub oud: &'a Zaak,
    pub nieuw: &'a Zaak,
    pub meldingen: &'a [Verzuimmelding],
    pub perioden: &'a [Thuiszitperiode],
    /// The last day the youth was a thuiszitter, where known (the day before enrolling), else the closing date.
    pub opgelost_op: Datum,
    /// The youth turned 18 by then.
    pub achttien: bool,
}

/// Writes a closing: the zaak, its open meldingen (afgesloten) and its running thuiszitter period.
pub(crate) async fn schrijf_sluiting(s: &mut Schrijver, z: Sluiting<'_>) -> Result<()> {
    s.wijzig(z.oud, z.nieuw).await?;
    for m in z.meldingen.iter().filter(|m| !matches!(m.status.as_str(), "afgesloten" | "ingetrokken")) {
        s.wijzig(m, &Verzuimmelding { status: "afgesloten".into(), ..m.clone() }).await?;
    }
    let reden = z.nieuw.reden_sluiting.as_deref().unwrap_or_default();
    for p in z.perioden.iter().filter(|p| p.einddatum.is_none()) {
        let einde = Thuiszitperiode {
            einddatum: Some(z.opgelost_op.max(p.begindatum)),
            reden_einde: Some(thuiszitten::einde_bij_sluiting(reden, z.achttien)),
            ..p.clone()
        };
        s.wijzig(p, &einde).await?;
    }
    Ok(())
}

/// Reopens a closed zaak: its own right, back to "in onderzoek".
pub async fn heropen(store: &Store, door: &Medewerker, zaak: &str) -> Result<Zaak> {
    let oud: Zaak = bestaand(store, "zaak", zaak).await?;
    let nieuw = regels::heropen(&oud, door.rol)?;
    let mut s = store.schrijver(&door.id, "zaak heropenen").await?;
    s.vergrendel(&oud.jongere).await?;
    let zaken: Vec<Zaak> = s.lees_waar("jongere", &oud.jongere).await?;
    if let Some(ander) = zaken.iter().find(|z| z.soort == oud.soort && z.status != ZaakStatus::Gesloten) {
        return Err(Weigering::new(
            "zaak heropenen",
            format!(
                "de jongere heeft al een open zaak van deze soort ({}); voeg daar de melding of actie toe",
                ander.id
            ),
        )
        .into());
    }
    s.wijzig(&oud, &nieuw).await?;
    s.vastleggen("zaak heropenen", &nieuw.id).await?;
    Ok(nieuw)
}

/// MAS: luxe verzuim of more than one school day, or repeated luxe verzuim (an earlier luxe melding
/// in this or the previous schooljaar), is not closed without a PV unless overmacht is recorded.
async fn luxe_verzuim_afgehandeld(
    store: &Store,
    zaak: &Zaak,
    meldingen: &[Verzuimmelding],
    acties: &[Actie],
) -> Result<()> {
    let luxe: Vec<&Verzuimmelding> = meldingen.iter().filter(|m| m.soort == "luxe" && melding::telt(m)).collect();
    let Some(eerste) = luxe.iter().map(|m| m.verzuim_van).min() else { return Ok(()) };
    let kalender = crate::kalender::laad(store).await?;
    let adressen: Vec<Woonadres> = store.lees_waar("jongere", &zaak.jongere).await?;
    let dagen = luxe
        .iter()
        .map(|m| mas::schooldagen(m.verzuim_van, m.verzuim_tot, &crate::kalender::van_melding(&kalender, m, &adressen)))
        .max()
        .unwrap_or(0);
    let van_jongere: Vec<Verzuimmelding> = store.lees_waar("jongere", &zaak.jongere).await?;
    let vorig_jaar = SchoolJaar::van(eerste).vorig();
    let eerder = van_jongere.iter().any(|m| {
        m.soort == "luxe"
            && melding::telt(m)
            && m.zaak.as_deref() != Some(zaak.id.as_str())
            && m.verzuim_van < eerste
            && SchoolJaar::van(m.verzuim_van) >= vorig_jaar
    });
    // Two separate luxe absences in this one zaak (not the same one reported twice) are repeated too.
    let afzonderlijk: std::collections::HashSet<&str> =
        luxe.iter().map(|m| m.vervolg_op.as_deref().unwrap_or(m.id.as_str())).collect();
    let eerder = eerder || afzonderlijk.len() > 1;
    let pv = acties.iter().any(|a| a.soort == ActieSoort::ProcesVerbaal);
    let overmacht = acties.iter().filter_map(|a| a.overmacht.as_deref()).find(|o| !o.trim().is_empty());
    mas::luxe_verzuim_vereist_pv(dagen, eerder, pv, overmacht).map_err(|w: Weigering| w.into())
}
