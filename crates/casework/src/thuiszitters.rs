//! Thuiszitters (`docs/regels.md`): periods derived from the open zaken of verzuim, or
//! registered by hand, with the pact's offer and how they ended. The rules of
//! [`leerspoor_domain::rules::thuiszitten`] decide; this module gathers their facts and writes.
use crate::dossier::Dossier;
use crate::{Fout, Result, bestaand, ids};
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::*;
use leerspoor_domain::rules::thuiszitten as regels;
use leerspoor_domain::rules::{mas, zaak::mag_behandelen};
use leerspoor_store::Store;
use leerspoor_store::rij::{self, Type, Waarde};

/// What a run of [`signaleer`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signalering {
    /// New periods opened.
    pub geopend: usize,
    /// Thuiszitters whose absence already has a period.
    pub al_bekend: usize,
}

/// A period as it stands on a peildatum.
#[derive(Debug, Clone, PartialEq)]
pub struct Stand {
    pub periode: Thuiszitperiode,
    pub langer_dan_drie_maanden: bool,
    /// The pact's norm: an offer within 3 months; `None` while it is too early to tell.
    pub aanbod_binnen_norm: Option<bool>,
}

/// Finds the youths in open zaken of verzuim who are thuiszitters on `peildatum` (out of school four
/// weeks or longer, holidays not counted: not enrolled, or missing every lesson without valid
/// reason; leer- or kwalificatieplichtig, no vrijstelling, not ill) and opens a period for each from
/// the first day out of school. Running it again changes nothing.
pub async fn signaleer(store: &Store, door: &Medewerker, peildatum: Datum) -> Result<Signalering> {
    mag_behandelen(door.rol)?;
    // Holidays only make four weeks later: a melding begun less than 28 days ago cannot qualify,
    // and one must cover the peildatum; the rules below decide the rest.
    let uiterlijk_begonnen = peildatum - chrono::Days::new(28);
    let kandidaten = store
        .vraag(
            "SELECT z.id, z.jongere, z.soort FROM zaak z WHERE z.soort IN ($1, $2) AND z.status <> $3 \
             AND EXISTS (SELECT 1 FROM verzuimmelding m WHERE m.zaak = z.id AND m.status <> $4 \
                         AND m.verzuim_van <= $5) \
             AND EXISTS (SELECT 1 FROM verzuimmelding m WHERE m.zaak = z.id AND m.status <> $4 \
                         AND m.verzuim_van <= $6 AND (m.verzuim_tot IS NULL OR m.verzuim_tot >= $6)) \
             ORDER BY z.id",
            &[
                rij::code(ZaakSoort::RelatiefVerzuim),
                rij::code(ZaakSoort::AbsoluutVerzuim),
                rij::code(ZaakStatus::Gesloten),
                rij::tekst("ingetrokken"),
                rij::datum(uiterlijk_begonnen),
                rij::datum(peildatum),
            ],
            &[Type::Tekst, Type::Tekst, Type::Tekst],
        )
        .await?;
    let kalender = crate::kalender::laad(store).await?;

    let mut nieuw = Vec::new();
    let mut al_bekend = 0;
    for rij in kandidaten {
        let [Waarde::Tekst(Some(zaak)), Waarde::Tekst(Some(jongere)), Waarde::Tekst(Some(soort))] = &rij[..] else {
            continue;
        };
        let dossier = Dossier::laad(store, jongere).await?;
        let meldingen: Vec<Verzuimmelding> =
            dossier.meldingen.iter().filter(|m| m.zaak.as_ref() == Some(zaak)).cloned().collect();
        let situatie = dossier.situatie_op(peildatum)?;
        let (soort, sinds) = match (soort == ZaakSoort::AbsoluutVerzuim.code(), situatie.ingeschreven) {
            (false, true) => {
                (ThuiszitSoort::LangdurigRelatief, regels::ongeoorloofd_afwezig_sinds(&meldingen, peildatum))
            }
            (true, false) => (ThuiszitSoort::Absoluut, regels::niet_ingeschreven_sinds(&meldingen, peildatum)),
            // Enrolled again, or unenrolled during a case of relatief verzuim: the absoluut-verzuim
            // run opens that case.
            _ => continue,
        };
        let rooster = dossier.rooster_op(&kalender, peildatum);
        let ziek = regels::ziek_op(&dossier.meldingen, peildatum);
        let Some(sinds) = sinds.filter(|s| regels::thuiszitter(situatie, Some(*s), ziek, peildatum, &rooster)) else {
            continue;
        };
        if regels::toets_nieuwe_periode(&dossier.thuiszitperioden, sinds).is_err() {
            al_bekend += 1;
            continue;
        }
        nieuw.push(Thuiszitperiode {
            id: ids::nieuw("T"),
            jongere: jongere.clone(),
            zaak: Some(zaak.clone()),
            soort,
            begindatum: sinds,
            einddatum: None,
            reden_einde: None,
            aanbod_datum: None,
        });
    }
    if !nieuw.is_empty() {
        let mut s = store.schrijver(&door.id, "thuiszitters signaleren").await?;
        for p in &nieuw {
            s.nieuw(p).await?;
        }
        s.vastleggen("thuiszitters signaleren", &peildatum.to_string()).await?;
    }
    Ok(Signalering { geopend: nieuw.len(), al_bekend })
}

/// Registers a period by hand in an open zaak: the youth is established on `vastgesteld_op` to be a
/// thuiszitter of kind `soort` since `begindatum` (the first day of absence, or of not being enrolled).
pub async fn start(
    store: &Store,
    door: &Medewerker,
    zaak: &str,
    soort: ThuiszitSoort,
    begindatum: Datum,
    vastgesteld_op: Datum,
) -> Result<Thuiszitperiode> {
    mag_behandelen(door.rol)?;
    let z: Zaak = bestaand(store, "zaak", zaak).await?;
    mas::zaak_open(z.status)?;
    if vastgesteld_op < begindatum {
        return Err(Fout::invoer(
            "vastgesteld_op",
            format!("vastgesteld op {vastgesteld_op} ligt vóór het begin van het thuiszitten ({begindatum})"),
        ));
    }
    let dossier = Dossier::laad(store, &z.jongere).await?;
    let situatie = dossier.situatie_op(vastgesteld_op)?;
    let ziek = regels::ziek_op(&dossier.meldingen, vastgesteld_op);
    let rooster = dossier.rooster_op(&crate::kalender::laad(store).await?, vastgesteld_op);
    regels::toets_thuiszitter(situatie, soort, begindatum, ziek, vastgesteld_op, &rooster)?;
    regels::toets_nieuwe_periode(&dossier.thuiszitperioden, begindatum)?;
    let p = Thuiszitperiode {
        id: ids::nieuw("T"),
        jongere: z.jongere.clone(),
        zaak: Some(z.id.clone()),
        soort,
        begindatum,
        einddatum: None,
        reden_einde: None,
        aanbod_datum: None,
    };
    let mut s = store.schrijver(&door.id, "thuiszitter registreren").await?;
    s.nieuw(&p).await?;
    s.vastleggen("thuiszitter registreren", &p.id).await?;
    Ok(p)
}

/// A suitable offer (passend aanbod) was made on `datum`.
pub async fn registreer_aanbod(
    store: &Store,
    door: &Medewerker,
    periode: &str,
    datum: Datum,
) -> Result<Thuiszitperiode> {
    mag_behandelen(door.rol)?;
    let oud: Thuiszitperiode = bestaand(store, "thuiszitperiode", periode).await?;
    let nieuw = regels::met_aanbod(&oud, datum)?;
    wijzig(store, door, "passend aanbod registreren", &oud, nieuw).await
}

/// Ends a period on `datum` for `reden`; closing its zaak does this too ([`crate::zaak::sluit`]).
pub async fn beeindig(
    store: &Store,
    door: &Medewerker,
    periode: &str,
    datum: Datum,
    reden: ThuiszitEinde,
) -> Result<Thuiszitperiode> {
    mag_behandelen(door.rol)?;
    let oud: Thuiszitperiode = bestaand(store, "thuiszitperiode", periode).await?;
    let nieuw = regels::beeindigd(&oud, datum, reden)?;
    wijzig(store, door, "thuiszitperiode beëindigen", &oud, nieuw).await
}

async fn wijzig(
    store: &Store,
    door: &Medewerker,
    handeling: &str,
    oud: &Thuiszitperiode,
    nieuw: Thuiszitperiode,
) -> Result<Thuiszitperiode> {
    let mut s = store.schrijver(&door.id, handeling).await?;
    s.wijzig(oud, &nieuw).await?;
    s.vastleggen(handeling, &nieuw.id).await?;
    Ok(nieuw)
}

/// The periods running on `peildatum`, oldest first.
pub async fn overzicht(store: &Store, peildatum: Datum) -> Result<Vec<Stand>> {
    let mut perioden: Vec<Thuiszitperiode> = store
        .lees_met("WHERE begindatum <= $1 AND (einddatum IS NULL OR einddatum >= $1)", &[rij::datum(peildatum)])
        .await?;
    perioden.sort_by(|a, b| (a.begindatum, &a.id).cmp(&(b.begindatum, &b.id)));
    Ok(perioden
        .into_iter()
        .map(|periode| Stand {
            langer_dan_drie_maanden: regels::langer_dan_drie_maanden(periode.begindatum, periode.einddatum, peildatum),
            aanbod_binnen_norm: regels::aanbod_binnen_norm(periode.begindatum, periode.aanbod_datum, peildatum),
            periode,
        })
        .collect())
}

/// The pact's signal list: running periods whose 3 months have passed without an offer, oldest first.
pub async fn signaallijst(store: &Store, peildatum: Datum) -> Result<Vec<Stand>> {
    let mut lijst = overzicht(store, peildatum).await?;
    lijst.retain(|s| s.periode.aanbod_datum.is_none() && s.aanbod_binnen_norm == Some(false));
    Ok(lijst)
}
