//! The absoluut-verzuim run (docs/regels.md; Lpw art. 2, 4b): every youth living in the region's
//! leerplicht area who is leer- or kwalificatieplichtig on the peildatum is compared with the
//! enrolments and the running vrijstellingen. A new case opens a zaak (with its melding and, when
//! the youth has been out of school for four weeks, holidays not counted, a thuiszitter period; a
//! later `thuiszitters signaleren` run opens it otherwise); an existing one is left alone; an open case
//! that has been resolved (enrolled, moved away, vrijstelling, no longer plichtig) is closed.
//! Re-running on the same data changes nothing. The whole run is one transaction.
use crate::dossier::Dossier;
use crate::zaak::{Sluiting, schrijf_sluiting};
use crate::{Result, ids};
use chrono::{Days, Months};
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::kalender::Rooster;
use leerspoor_domain::model::*;
use leerspoor_domain::onderwijs::VsoProfiel;
use leerspoor_domain::rules::startkwalificatie::{is_startkwalificatie, vrijgesteld_van_kwalificatieplicht};
use leerspoor_domain::rules::thuiszitten::{self, Situatie, absoluut_verzuim};
use leerspoor_domain::rules::{Leerplichtfeiten, Plichtstatus, leeftijd_op, mas, vrijstelling};
use leerspoor_store::Store;
use leerspoor_store::rij::{self, Type, Waarde};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::LazyLock;

/// What a run found and did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Uitkomst {
    pub peildatum: Datum,
    /// Youths of leerplichtige age living in the area without an enrolment on the peildatum.
    pub niet_ingeschreven: usize,
    /// … of whom not leer- or kwalificatieplichtig (a startkwalificatie, VSO arbeidsmarkt, not yet 5).
    pub niet_plichtig: usize,
    /// … of whom with a running vrijstelling.
    pub met_vrijstelling: usize,
    /// Absoluut verzuim: new zaken opened.
    pub nieuw: Vec<String>,
    /// Absoluut verzuim that already had an open zaak.
    pub al_open: usize,
    /// Open zaken closed, per closing reason.
    pub gesloten: BTreeMap<String, usize>,
    /// Youths whose records contradict each other (the rules refuse them); named for correction.
    pub onjuiste_gegevens: Vec<(String, String)>,
}

/// Youths of leerplichtige age, alive, living in a gemeente whose leerplicht the region holds,
/// without an enrolment on $1 — with the facts the rules need. Born after $2, up to $3: a margin
/// around 4 and 18 years, the rules decide exactly. Which diplomas are a startkwalificatie, and
/// which lift the kwalificatieplicht, comes from the rules themselves.
static NIET_INGESCHREVEN: LazyLock<String> = LazyLock::new(|| in_gebied_sql(true));
/// The same youths, enrolled or not: to compare with DUO's enrolments instead of the register's.
static IN_GEBIED: LazyLock<String> = LazyLock::new(|| in_gebied_sql(false));

fn in_gebied_sql(zonder_inschrijving: bool) -> String {
    let inschrijving = if zonder_inschrijving {
        "AND NOT EXISTS (SELECT 1 FROM inschrijving i WHERE i.jongere = j.id AND i.begindatum <= $1 \
                         AND (i.einddatum IS NULL OR i.einddatum >= $1))"
    } else {
        ""
    };
    format!(
        "SELECT j.id, j.geboortedatum, \
           (SELECT MIN(d.datum) FROM diploma d WHERE d.jongere = j.id AND d.datum <= $1 AND d.soort IN ({})), \
           (SELECT MIN(d.datum) FROM diploma d WHERE d.jongere = j.id AND d.datum <= $1 AND d.soort IN ({})), \
           (SELECT i.vso_profiel FROM inschrijving i WHERE i.jongere = j.id AND i.vso_profiel IS NOT NULL \
              AND i.begindatum <= $1 ORDER BY i.begindatum DESC LIMIT 1), \
           (SELECT MAX(i.einddatum) FROM inschrijving i WHERE i.jongere = j.id AND i.einddatum < $1), \
           (SELECT i.brin FROM inschrijving i WHERE i.jongere = j.id AND i.einddatum < $1 \
              ORDER BY i.einddatum DESC, i.begindatum DESC LIMIT 1), \
           (SELECT i.vestiging FROM inschrijving i WHERE i.jongere = j.id AND i.einddatum < $1 \
              ORDER BY i.einddatum DESC, i.begindatum DESC LIMIT 1), \
           j.twaalf_schooljaren_op \
         FROM jongere j \
         WHERE j.geboortedatum > $2 AND j.geboortedatum <= $3 {inschrijving} \
           AND (j.overlijdensdatum IS NULL OR j.overlijdensdatum > $1) \
           AND EXISTS (SELECT 1 FROM woonadres w JOIN gemeente g ON g.code = w.gemeente WHERE w.jongere = j.id \
                       AND w.begindatum <= $1 AND (w.einddatum IS NULL OR w.einddatum >= $1) AND NOT g.leerplicht_lokaal) \
         ORDER BY j.id",
        rij::sql_codes(is_startkwalificatie),
        rij::sql_codes(vrijgesteld_van_kwalificatieplicht),
    )
}

struct Kandidaat {
    id: String,
    geboortedatum: Datum,
    startkwalificatie: Option<Datum>,
    diploma_praktijkonderwijs: Option<Datum>,
    vso_profiel: Option<String>,
    laatst_ingeschreven: Option<Datum>,
    /// BRIN and vestiging of the enrolment that ended last: the school the youth left, on the
    /// melding, for the office's first call.
    laatste_school: Option<(String, String)>,
    twaalf_schooljaren_op: Option<Datum>,
}

pub async fn controleer(store: &Store, door: &Medewerker, peildatum: Datum) -> Result<Uitkomst> {
    controleer_van(store, door, peildatum, None).await
}

/// [`controleer`] for some youths only (those a delivery of DUO changed): their cases opened or
/// closed, no one else's; `None`: all.
pub async fn controleer_van(
    store: &Store,
    door: &Medewerker,
    peildatum: Datum,
    alleen: Option<&BTreeSet<String>>,
) -> Result<Uitkomst> {
    mas::mag_melding_registreren(door.rol)?;
    let mut uit = Uitkomst { peildatum, ..Uitkomst::default() };
    let mut kandidaten = niet_ingeschreven(store, peildatum).await?;
    let telt = |jongere: &str| alleen.is_none_or(|a| a.contains(jongere));
    kandidaten.retain(|k| telt(&k.id));
    uit.niet_ingeschreven = kandidaten.len();
    let vrijstellingen = lopende_vrijstellingen(store, peildatum).await?;
    // Zaken open now, or running on the peildatum: a run on an earlier date neither opens a second
    // case beside a later one nor reopens a case the office has since closed.
    let lopend: Vec<Zaak> = store
        .lees_met(
            "WHERE soort = $1 AND (status <> $2 OR (geopend_op <= $3 AND gesloten_op > $3))",
            &[rij::code(ZaakSoort::AbsoluutVerzuim), rij::code(ZaakStatus::Gesloten), rij::datum(peildatum)],
        )
        .await?;
    let lopend: Vec<Zaak> = lopend.into_iter().filter(|z| telt(&z.jongere)).collect();
    let lopend_per_jongere: HashSet<&str> = lopend.iter().map(|z| z.jongere.as_str()).collect();
    let lokaal: HashSet<Gemeentecode> =
        store.lees::<Gemeente>().await?.into_iter().filter(|g| g.leerplicht_lokaal).map(|g| g.code).collect();
    let kalender = crate::kalender::laad(store).await?;

    let mut verzuimers = HashSet::new();
    let mut nieuw = Vec::new();
    for k in &kandidaten {
        let status = match plichtstatus(k, peildatum) {
            Ok(s) => s,
            Err(fout) => {
                // Left alone, open case included, until the records are corrected.
                verzuimers.insert(k.id.as_str());
                uit.onjuiste_gegevens.push((k.id.clone(), fout));
                continue;
            }
        };
        let situatie = Situatie { status, ingeschreven: false, vrijstelling: vrijstellingen.contains(k.id.as_str()) };
        if !absoluut_verzuim(situatie) {
            if situatie.vrijstelling
                && matches!(status, Plichtstatus::Leerplichtig | Plichtstatus::Kwalificatieplichtig)
            {
                uit.met_vrijstelling += 1;
            } else {
                uit.niet_plichtig += 1;
            }
            continue;
        }
        verzuimers.insert(k.id.as_str());
        if lopend_per_jongere.contains(k.id.as_str()) {
            uit.al_open += 1;
        } else {
            let perioden: Vec<Thuiszitperiode> = store.lees_waar("jongere", &k.id).await?;
            let adressen: Vec<Woonadres> = store.lees_waar("jongere", &k.id).await?;
            let sinds = aankomst(&adressen, &lokaal, peildatum);
            let rooster = crate::kalender::woongemeente(&adressen, peildatum)
                .map_or_else(Rooster::zonder_vakanties, |g| kalender.van_gemeente(g));
            nieuw.push(nieuwe_zaak(k, peildatum, sinds, &perioden, (situatie, &rooster)));
        }
    }

    let mut s = store.schrijver(&door.id, &format!("controle absoluut verzuim {peildatum}")).await?;
    // A case someone opened since the read above is left alone.
    s.vergrendel("controle absoluut verzuim").await?;
    let nu_open: HashSet<String> = s
        .lees_waar::<Zaak>("soort", ZaakSoort::AbsoluutVerzuim.code())
        .await?
        .into_iter()
        .filter(|z| z.status != ZaakStatus::Gesloten)
        .map(|z| z.jongere)
        .collect();
    nieuw.retain(|(z, _, _)| !nu_open.contains(&z.jongere));
    for (zaak, melding, periode) in &nieuw {
        s.nieuw(zaak).await?;
        s.nieuw(melding).await?;
        if let Some(p) = periode {
            s.nieuw(p).await?;
        }
        uit.nieuw.push(zaak.id.clone());
    }
    let opgelost = lopend.iter().filter(|z| {
        z.status != ZaakStatus::Gesloten && z.geopend_op <= peildatum && !verzuimers.contains(z.jongere.as_str())
    });
    for zaak in opgelost {
        let dossier = Dossier::laad(store, &zaak.jongere).await?;
        let (reden, opgelost_op) = reden_opgelost(&dossier, peildatum);
        let gesloten = Zaak {
            status: ZaakStatus::Gesloten,
            gesloten_op: Some(peildatum.max(zaak.geopend_op)),
            reden_sluiting: Some(reden.to_string()),
            ..zaak.clone()
        };
        let meldingen: Vec<_> =
            dossier.meldingen.iter().filter(|m| m.zaak.as_ref() == Some(&zaak.id)).cloned().collect();
        let perioden: Vec<_> =
            dossier.thuiszitperioden.iter().filter(|p| p.zaak.as_ref() == Some(&zaak.id)).cloned().collect();
        let achttien = leeftijd_op(dossier.jongere.geboortedatum, opgelost_op) >= 18;
        schrijf_sluiting(
            &mut s,
            Sluiting { oud: zaak, nieuw: &gesloten, meldingen: &meldingen, perioden: &perioden, opgelost_op, achttien },
        )
        .await?;
        *uit.gesloten.entry(reden.to_string()).or_default() += 1;
    }
    s.vastleggen("controle absoluut verzuim", &peildatum.to_string()).await?;
    Ok(uit)
}

async fn niet_ingeschreven(store: &Store, peildatum: Datum) -> Result<Vec<Kandidaat>> {
    in_gebied(store, peildatum, NIET_INGESCHREVEN.as_str()).await
}

/// Who must be enrolled on the peildatum, whatever the register says of their enrolments: living
/// in a gemeente whose leerplicht the region holds, leer- or kwalificatieplichtig, without a running
/// vrijstelling. DUO's C-levering is held against them (youths whose records contradict each other
/// are left out, as in the check itself).
pub async fn moeten_ingeschreven_zijn(store: &Store, peildatum: Datum) -> Result<BTreeSet<String>> {
    let vrijstellingen = lopende_vrijstellingen(store, peildatum).await?;
    Ok(in_gebied(store, peildatum, IN_GEBIED.as_str())
        .await?
        .into_iter()
        .filter(|k| !vrijstellingen.contains(&k.id))
        .filter(|k| {
            plichtstatus(k, peildatum)
                .is_ok_and(|s| matches!(s, Plichtstatus::Leerplichtig | Plichtstatus::Kwalificatieplichtig))
        })
        .map(|k| k.id)
        .collect())
}

async fn in_gebied(store: &Store, peildatum: Datum, sql: &'static str) -> Result<Vec<Kandidaat>> {
    let jongst = peildatum - Months::new(4 * 12);
    let oudst = peildatum - Months::new(18 * 12) - Days::new(2);
    let rijen = store
        .vraag(
            sql,
            &[rij::datum(peildatum), rij::datum(oudst), rij::datum(jongst)],
            &[
                Type::Tekst,
                Type::Datum,
                Type::Datum,
                Type::Datum,
                Type::Tekst,
                Type::Datum,
                Type::Tekst,
                Type::Tekst,
                Type::Datum,
            ],
        )
        .await?;
    Ok(rijen
        .into_iter()
        .filter_map(|r| match <[Waarde; 9]>::try_from(r).ok()? {
            [
                Waarde::Tekst(Some(id)),
                Waarde::Datum(Some(geboortedatum)),
                Waarde::Datum(sq),
                Waarde::Datum(pro),
                Waarde::Tekst(vso),
                Waarde::Datum(laatst),
                Waarde::Tekst(brin),
                Waarde::Tekst(vestiging),
                Waarde::Datum(twaalf),
            ] => Some(Kandidaat {
                id,
                geboortedatum,
                startkwalificatie: sq,
                diploma_praktijkonderwijs: pro,
                vso_profiel: vso,
                laatst_ingeschreven: laatst,
                laatste_school: brin.zip(vestiging),
                twaalf_schooljaren_op: twaalf,
            }),
            _ => None,
        })
        .collect())
}

/// Youths with a running vrijstelling that frees them from enrolment (not verlof).
async fn lopende_vrijstellingen(store: &Store, peildatum: Datum) -> Result<HashSet<String>> {
    let toegekend: Vec<Vrijstelling> =
        store.lees_met("WHERE status = $1", &[rij::code(VrijstellingStatus::Toegekend)]).await?;
    Ok(toegekend
        .into_iter()
        .filter(|v| vrijstelling::vrijstelt_van_inschrijving(&v.artikel) && vrijstelling::loopt_op(v, peildatum))
        .map(|v| v.jongere)
        .collect())
}

fn plichtstatus(k: &Kandidaat, peildatum: Datum) -> std::result::Result<Plichtstatus, String> {
    let vso = k.vso_profiel.as_deref().map(VsoProfiel::parse_code).transpose()?;
    let feiten = Leerplichtfeiten::nieuw(k.geboortedatum, k.startkwalificatie, k.twaalf_schooljaren_op, vso)
        .map_err(|e| e.to_string())?
        .met_diploma_praktijkonderwijs(k.diploma_praktijkonderwijs);
    Ok(feiten.op(peildatum).map_err(|e| e.to_string())?.status)
}

/// A zaak for a new case, its melding (soort `absoluut`, naming the school the youth left last) and,
/// when the youth is a thuiszitter on the peildatum, its thuiszitter period, unless a period already
/// counts this absence. The absence began the day after the last enrolment, but not before leerplicht began nor
/// before the youth came to live here.
fn nieuwe_zaak(
    k: &Kandidaat,
    peildatum: Datum,
    woont_hier_sinds: Option<Datum>,
    perioden: &[Thuiszitperiode],
    (situatie, rooster): (Situatie, &Rooster),
) -> (Zaak, Verzuimmelding, Option<Thuiszitperiode>) {
    let feiten = Leerplichtfeiten::nieuw(k.geboortedatum, None, None, None).expect("gecontroleerd in plichtstatus");
    let begin_leerplicht = feiten.op(peildatum).map(|s| s.leerplicht_begin).unwrap_or(peildatum);
    let na_inschrijving = k.laatst_ingeschreven.and_then(|d| d.succ_opt());
    let sinds = [Some(begin_leerplicht), na_inschrijving, woont_hier_sinds]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(peildatum)
        .min(peildatum);
    let zaak = Zaak {
        id: ids::nieuw("Z"),
        jongere: k.id.clone(),
        soort: ZaakSoort::AbsoluutVerzuim,
        medewerker: None,
        geopend_op: peildatum,
        status: ZaakStatus::Nieuw,
        gesloten_op: None,
        reden_sluiting: None,
    };
    let melding = Verzuimmelding {
        id: ids::nieuw("M"),
        jongere: k.id.clone(),
        brin: k.laatste_school.as_ref().map(|s| s.0.clone()),
        vestiging: k.laatste_school.as_ref().map(|s| s.1.clone()),
        soort: "absoluut".into(),
        meldingsdatum: peildatum,
        verzuim_van: sinds,
        verzuim_tot: None,
        uren: None,
        reden: format!("Niet ingeschreven op een school op {peildatum} (controle absoluut verzuim)"),
        status: "geregistreerd".into(),
        reden_afsluiting: None,
        zaak: Some(zaak.id.clone()),
        preventief: false,
        vervolg_op: None,
        alle_lessen_gemist: None,
        deels_lesbaar: None,
    };
    let thuiszitter = thuiszitten::thuiszitter(situatie, Some(sinds), false, peildatum, rooster);
    let periode =
        (thuiszitter && thuiszitten::toets_nieuwe_periode(perioden, sinds).is_ok()).then(|| Thuiszitperiode {
            id: ids::nieuw("T"),
            jongere: k.id.clone(),
            zaak: Some(zaak.id.clone()),
            soort: ThuiszitSoort::Absoluut,
            begindatum: sinds,
            einddatum: None,
            reden_einde: None,
            aanbod_datum: None,
        });
    (zaak, melding, periode)
}

/// Since when the youth lives, without a break, in the region's leerplicht area: back from the
/// address on the peildatum through addresses that follow on the next day, in gemeenten whose
/// leerplicht the region holds. A move within that area does not restart it.
fn aankomst(adressen: &[Woonadres], lokaal: &HashSet<Gemeentecode>, peildatum: Datum) -> Option<Datum> {
    let hier = |w: &&Woonadres| !lokaal.contains(&w.gemeente);
    let mut nu = adressen
        .iter()
        .filter(hier)
        .find(|w| w.begindatum <= peildatum && w.einddatum.is_none_or(|e| peildatum <= e))?;
    // At most one step per address, whatever the data.
    for _ in 0..adressen.len() {
        let vorig = adressen
            .iter()
            .filter(hier)
            .find(|w| w.vertrek.is_none() && w.einddatum.and_then(|e| e.succ_opt()) == Some(nu.begindatum));
        match vorig {
            Some(v) => nu = v,
            None => break,
        }
    }
    Some(nu.begindatum)
}

/// Why an open case is no longer absoluut verzuim, and the last day it was: died, moved out of the
/// region's leerplicht area, enrolled, a vrijstelling, or no longer leer- or kwalificatieplichtig.
fn reden_opgelost(d: &Dossier, peildatum: Datum) -> (&'static str, Datum) {
    let dag_ervoor = |x: Datum| x.pred_opt().unwrap_or(x);
    if let Some(overleden) = d.jongere.overlijdensdatum.filter(|o| *o <= peildatum) {
        return ("overleden", overleden);
    }
    let adres = d.woonadressen.iter().find(|w| w.begindatum <= peildatum && w.einddatum.is_none_or(|e| peildatum <= e));
    if adres.is_none() {
        let vertrek =
            d.woonadressen.iter().filter(|w| w.einddatum.is_some_and(|e| e < peildatum)).max_by_key(|w| w.einddatum);
        let reden = if vertrek.and_then(|w| w.vertrek) == Some(Vertrek::Buitenland) {
            "verhuisd_buitenland"
        } else {
            "verhuisd"
        };
        return (reden, vertrek.and_then(|w| w.einddatum).unwrap_or(peildatum));
    }
    if let Some(i) =
        d.inschrijvingen.iter().find(|i| i.begindatum <= peildatum && i.einddatum.is_none_or(|e| peildatum <= e))
    {
        return ("ingeschreven", dag_ervoor(i.begindatum));
    }
    if let Some(v) = d.vrijstelling_op(peildatum) {
        return ("vrijstelling", v.geldig_van.map(dag_ervoor).unwrap_or(peildatum));
    }
    // Moved to a gemeente that does its own leerplicht, or no longer plichtig: since the 18th
    // birthday or the startkwalificatie.
    match d.status_op(peildatum) {
        Ok(s) if matches!(s.status, Plichtstatus::Leerplichtig | Plichtstatus::Kwalificatieplichtig) => {
            ("verhuisd", adres.map(|a| dag_ervoor(a.begindatum)).unwrap_or(peildatum))
        }
        Ok(s) => ("niet_meer_plichtig", s.kwalificatieplicht_einde.map(dag_ervoor).unwrap_or(peildatum).min(peildatum)),
        Err(_) => ("niet_meer_plichtig", peildatum),
    }
}
