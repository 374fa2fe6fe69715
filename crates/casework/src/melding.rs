//! Registering a verzuimmelding (docs/regels.md): it opens a zaak, joins the youth's open one, or —
//! when it reports the same absence again — joins the case of the first melding and points at it.
use crate::dossier::Dossier;
use crate::{Fout, Result, code_geldig, ids};
use leerspoor_domain::Datum;
use leerspoor_domain::codes::CodeLijst;
use leerspoor_domain::model::*;
use leerspoor_domain::rules::mas::mag_melding_registreren;
use leerspoor_domain::rules::melding::{MeldingDoel, perioden_overlappen, toets_melding};
use leerspoor_store::{Lezer, Schrijver, Store};

/// A melding as a school (or the office itself) reports it.
#[derive(Debug, Clone)]
pub struct NieuweMelding {
    pub jongere: String,
    /// The reporting school location; for absoluut verzuim the school the youth left last, if known.
    pub school: Option<(String, String)>,
    /// Code of the list `verzuimsoort`.
    pub soort: String,
    pub meldingsdatum: Datum,
    pub verzuim_van: Datum,
    pub verzuim_tot: Option<Datum>,
    pub uren: Option<u32>,
    pub reden: String,
    /// A voluntary contact about a youth outside leer- and kwalificatieplicht and the RMC-doelgroep.
    pub preventief: bool,
    /// DUO's "alle lessen gemist": missed every lesson (thuiszitten) or only some (unknown: `None`).
    pub alle_lessen_gemist: Option<bool>,
    /// Zorgwekkend ziekteverzuim only: by a plan the youth could attend school part of the time.
    pub deels_lesbaar: Option<bool>,
}

/// What became of the melding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Afloop {
    /// A new zaak was opened.
    NieuweZaak,
    /// The youth already had an open zaak of this kind: the melding joined it.
    BijOpenZaak,
    /// The same absence was reported before (same school, overlapping period): linked to that
    /// first melding and its case, not counted as a new case.
    Herhaald { eerste: String },
    /// Recorded as a preventive contact, without a zaak.
    Preventief,
}

#[derive(Debug, Clone)]
pub struct Geregistreerd {
    pub melding: Verzuimmelding,
    pub zaak: Option<Zaak>,
    pub afloop: Afloop,
}

pub async fn registreer(store: &Store, door: &Medewerker, m: NieuweMelding) -> Result<Geregistreerd> {
    mag_melding_registreren(door.rol)?;
    let mut schrijver = store.schrijver(&door.id, "melding registreren").await?;
    let g = registreer_in(&mut schrijver, m).await?;
    schrijver.vastleggen("melding registreren", &g.melding.id).await?;
    Ok(g)
}

/// Registers a melding as one step of a larger write (a delivery from DUO): it reads what the write
/// already holds, so a second melding about the same youth joins the zaak the first one opened.
/// Checks nothing about who registers: that is the caller's.
pub async fn registreer_in(schrijver: &mut Schrijver, m: NieuweMelding) -> Result<Geregistreerd> {
    // Decided from what is there while no other writer changes this youth's zaken.
    schrijver.vergrendel(&m.jongere).await?;
    controleer_invoer(&mut *schrijver, &m).await?;
    let dossier = Dossier::laad(&mut *schrijver, &m.jongere).await?;
    let status = dossier.status_op(m.verzuim_van).map_err(|_| {
        Fout::invoer("verzuim_van", format!("{} ligt vóór de geboortedatum van de jongere", m.verzuim_van))
    })?;
    let doel = toets_melding(&m.soort, status.status, m.preventief, m.verzuim_van)?;
    let mut melding = Verzuimmelding {
        id: ids::nieuw("M"),
        jongere: m.jongere.clone(),
        brin: m.school.as_ref().map(|s| s.0.clone()),
        vestiging: m.school.as_ref().map(|s| s.1.clone()),
        soort: m.soort.clone(),
        meldingsdatum: m.meldingsdatum,
        verzuim_van: m.verzuim_van,
        verzuim_tot: m.verzuim_tot,
        uren: m.uren,
        reden: m.reden.trim().to_string(),
        status: "geregistreerd".into(),
        reden_afsluiting: None,
        zaak: None,
        preventief: m.preventief,
        vervolg_op: None,
        alle_lessen_gemist: m.alle_lessen_gemist,
        deels_lesbaar: m.deels_lesbaar,
    };
    let (zaak, nieuwe_zaak, afloop) = match doel {
        MeldingDoel::Preventief => (None, None, Afloop::Preventief),
        MeldingDoel::Zaak(soort) => {
            let eerdere = eerdere_melding_zelfde_verzuim(&dossier, &melding);
            let zaak_van_eerdere = eerdere
                .and_then(|e| e.zaak.as_deref())
                .and_then(|z| dossier.zaken.iter().find(|x| x.id == z && x.status != ZaakStatus::Gesloten));
            melding.vervolg_op = eerdere.map(|e| e.vervolg_op.clone().unwrap_or_else(|| e.id.clone()));
            let afloop = match &melding.vervolg_op {
                Some(eerste) => Afloop::Herhaald { eerste: eerste.clone() },
                None if dossier.open_zaak(soort).is_some() => Afloop::BijOpenZaak,
                None => Afloop::NieuweZaak,
            };
            match zaak_van_eerdere.or_else(|| dossier.open_zaak(soort)) {
                Some(z) => (Some(z.clone()), None, afloop),
                None => {
                    let z = Zaak {
                        id: ids::nieuw("Z"),
                        jongere: m.jongere.clone(),
                        soort,
                        medewerker: None,
                        geopend_op: m.meldingsdatum,
                        status: ZaakStatus::Nieuw,
                        gesloten_op: None,
                        reden_sluiting: None,
                    };
                    let afloop = if matches!(afloop, Afloop::BijOpenZaak) { Afloop::NieuweZaak } else { afloop };
                    (Some(z.clone()), Some(z), afloop)
                }
            }
        }
    };
    melding.zaak = zaak.as_ref().map(|z| z.id.clone());
    if let Some(z) = &nieuwe_zaak {
        schrijver.nieuw(z).await?;
    }
    schrijver.nieuw(&melding).await?;
    Ok(Geregistreerd { melding, zaak, afloop })
}

async fn controleer_invoer(mut store: impl Lezer, m: &NieuweMelding) -> Result<()> {
    if m.verzuim_tot.is_some_and(|tot| tot < m.verzuim_van) {
        return Err(Fout::invoer("verzuim_tot", "de laatste verzuimdag ligt vóór de eerste"));
    }
    if m.meldingsdatum < m.verzuim_van {
        return Err(Fout::invoer(
            "meldingsdatum",
            "een melding komt na het verzuim: de meldingsdatum ligt vóór de eerste verzuimdag",
        ));
    }
    code_geldig(&mut store, "soort", CodeLijst::Verzuimsoort, &m.soort, m.meldingsdatum).await?;
    if m.deels_lesbaar.is_some() && m.soort != "zorgwekkend_ziekteverzuim" {
        return Err(Fout::invoer(
            "deels_lesbaar",
            "een plan om deels naar school te gaan hoort bij een melding van zorgwekkend ziekteverzuim",
        ));
    }
    // Absoluut verzuim: no school reports it; a school given is the one the youth left last.
    match (&m.school, m.soort == "absoluut") {
        (None, false) => Err(Fout::invoer("school", "welke school meldt het verzuim? vul BRIN en vestiging in")),
        (Some((brin, vestiging)), _) => {
            let scholen = store.lees_waar::<School>("brin", brin).await?;
            if scholen.iter().any(|s| &s.vestiging == vestiging) {
                Ok(())
            } else {
                Err(Fout::invoer("school", format!("onbekende school {brin} vestiging {vestiging}")))
            }
        }
        (None, true) => Ok(()),
    }
}

/// An earlier, not withdrawn melding by the same school about an overlapping period, in a zaak
/// that is still open: once the case closed, the absence it was about is over, whatever end the
/// school gave. Absoluut verzuim has no reporting school (its melding may name the school left
/// last): two such meldingen about overlapping periods are the same absence.
fn eerdere_melding_zelfde_verzuim<'d>(dossier: &'d Dossier, m: &Verzuimmelding) -> Option<&'d Verzuimmelding> {
    let open = |e: &Verzuimmelding| {
        dossier.zaken.iter().any(|z| Some(&z.id) == e.zaak.as_ref() && z.status != ZaakStatus::Gesloten)
    };
    dossier
        .meldingen
        .iter()
        .filter(|e| {
            let zelfde_melder =
                (e.soort == "absoluut" && m.soort == "absoluut") || (e.brin == m.brin && e.vestiging == m.vestiging);
            leerspoor_domain::rules::melding::telt(e) && zelfde_melder
        })
        .filter(|e| open(e))
        .filter(|e| perioden_overlappen((e.verzuim_van, e.verzuim_tot), (m.verzuim_van, m.verzuim_tot)))
        .min_by_key(|e| (e.meldingsdatum, e.id.clone()))
}
