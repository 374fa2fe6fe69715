//! Voortijdig schoolverlaters (docs/regels.md): registering drop-outs from the enrolment data or by
//! hand, the oud-VSV list for the zomeractie, and where the VSV-ers of a year are a year later.
use crate::dossier::Dossier;
use crate::{Fout, Result, ids};
use chrono::{Days, Months};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::*;
use leerspoor_domain::onderwijs::{Niveau, Onderwijssoort};
use leerspoor_domain::rules::is_startkwalificatie;
use leerspoor_domain::rules::vsv::{self, Uitschrijving};
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_store::Store;
use leerspoor_store::rij::{self, Type, Waarde};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

/// Enrolments that ended from $1 up to $2 with no other enrolment going on, of youths living in the
/// region on their last school day, with the facts [`vsv::is_vsv`] needs.
static UITSCHRIJVINGEN: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT i.jongere, i.einddatum, i.onderwijssoort, i.niveau, i.brin, j.geboortedatum, j.overlijdensdatum, \
           (SELECT MIN(d.datum) FROM diploma d WHERE d.jongere = i.jongere AND d.soort IN ({})), \
           (SELECT MIN(n.begindatum) FROM inschrijving n WHERE n.jongere = i.jongere AND n.begindatum > i.einddatum), \
           (SELECT MIN(w.einddatum) FROM woonadres w WHERE w.jongere = i.jongere AND w.vertrek IS NOT NULL \
              AND w.einddatum >= $1) \
         FROM inschrijving i JOIN jongere j ON j.id = i.jongere \
         WHERE i.einddatum >= $1 AND i.einddatum <= $2 \
           AND NOT EXISTS (SELECT 1 FROM inschrijving o WHERE o.jongere = i.jongere AND o.id <> i.id \
                           AND o.begindatum <= i.einddatum AND (o.einddatum IS NULL OR o.einddatum > i.einddatum)) \
           AND EXISTS (SELECT 1 FROM woonadres w WHERE w.jongere = i.jongere AND w.begindatum <= i.einddatum \
                       AND (w.einddatum IS NULL OR w.einddatum >= i.einddatum)) \
         ORDER BY i.jongere, i.einddatum",
        rij::sql_codes(is_startkwalificatie)
    )
});

/// What a run of [`registreer_uitval`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Uitval {
    /// Enrolments that ended in the schooljaar without another one going on.
    pub uitschrijvingen: usize,
    /// Not a drop-out, per reason.
    pub geen_vsv: BTreeMap<&'static str, usize>,
    /// New VSV-meldingen.
    pub nieuw: Vec<String>,
    /// Drop-outs registered before (by an earlier run, a school or by hand).
    pub al_bekend: usize,
}

/// Registers the drop-outs of a schooljaar from the enrolment data (source DUO): one VSV-melding per
/// drop-out, in the schooljaar of the uitschrijving. Running it again changes nothing.
pub async fn registreer_uitval(store: &Store, door: &Medewerker, schooljaar: SchoolJaar) -> Result<Uitval> {
    registreer_uitval_van(store, door, schooljaar, None).await
}

/// [`registreer_uitval`] for some youths only (those a delivery of DUO changed); `None`: all.
pub async fn registreer_uitval_van(
    store: &Store,
    door: &Medewerker,
    schooljaar: SchoolJaar,
    alleen: Option<&BTreeSet<String>>,
) -> Result<Uitval> {
    mag_registreren(door)?;
    let (van, tot) = (schooljaar.eerste_dag() - Days::new(1), schooljaar.laatste_dag() - Days::new(1));
    let rijen = store
        .vraag(
            UITSCHRIJVINGEN.as_str(),
            &[rij::datum(van), rij::datum(tot)],
            &[
                Type::Tekst,
                Type::Datum,
                Type::Tekst,
                Type::Tekst,
                Type::Tekst,
                Type::Datum,
                Type::Datum,
                Type::Datum,
                Type::Datum,
                Type::Datum,
            ],
        )
        .await?;
    let bekend: Vec<VsvMelding> = store
        .lees_met(
            "WHERE uitvaldatum >= $1 AND uitvaldatum <= $2",
            &[rij::datum(van - Months::new(1)), rij::datum(tot + Months::new(2))],
        )
        .await?;
    let mut per_jongere: HashMap<&str, Vec<Datum>> = HashMap::new();
    for b in &bekend {
        per_jongere.entry(b.jongere.as_str()).or_default().push(b.uitvaldatum);
    }
    let bekend = per_jongere;
    let mut uit = Uitval::default();
    let mut nieuw: Vec<VsvMelding> = Vec::new();
    for r in rijen {
        let Ok(
            [
                Waarde::Tekst(Some(jongere)),
                Waarde::Datum(Some(einde)),
                Waarde::Tekst(Some(soort)),
                Waarde::Tekst(niveau),
                Waarde::Tekst(brin),
                Waarde::Datum(Some(geboortedatum)),
                Waarde::Datum(overleden),
                Waarde::Datum(sq),
                Waarde::Datum(weer),
                Waarde::Datum(vertrokken),
            ],
        ) = <[Waarde; 10]>::try_from(r)
        else {
            continue;
        };
        if alleen.is_some_and(|a| !a.contains(&jongere)) {
            continue;
        }
        let uitvaldatum = einde + Days::new(1);
        // Two enrolments ending the same day are one uitschrijving.
        if nieuw.last().is_some_and(|v| v.jongere == jongere && v.uitvaldatum == uitvaldatum) {
            continue;
        }
        uit.uitschrijvingen += 1;
        let u = Uitschrijving {
            geboortedatum,
            uitvaldatum,
            startkwalificatie: sq,
            weer_ingeschreven: weer,
            vertrokken,
            overleden,
        };
        if let Err(reden) = vsv::is_vsv(&u) {
            *uit.geen_vsv.entry(reden.label()).or_default() += 1;
            continue;
        }
        if bekend.get(jongere.as_str()).is_some_and(|d| d.iter().any(|b| zelfde_uitval(*b, uitvaldatum))) {
            uit.al_bekend += 1;
            continue;
        }
        nieuw.push(VsvMelding {
            id: format!("VSV-{jongere}-{uitvaldatum}"),
            jongere,
            uitvaldatum,
            bron: VsvBron::Duo,
            onderwijssoort: Onderwijssoort::parse_code(&soort).unwrap_or(Onderwijssoort::Onbekend),
            niveau: niveau.as_deref().and_then(|n| Niveau::parse_code(n).ok()),
            brin,
        });
    }
    let mut s = store.schrijver(&door.id, &format!("VSV-registratie {schooljaar}")).await?;
    for v in &nieuw {
        s.nieuw(v).await?;
    }
    s.vastleggen("VSV-registratie", &schooljaar.to_string()).await?;
    uit.nieuw = nieuw.into_iter().map(|v| v.id).collect();
    Ok(uit)
}

/// Within a month of each other: the same drop-out, reported twice (by DUO and the school).
fn zelfde_uitval(a: Datum, b: Datum) -> bool {
    a.max(b) <= a.min(b) + Months::new(1)
}

fn mag_registreren(door: &Medewerker) -> Result<()> {
    if matches!(door.rol, Rol::RmcConsulent | Rol::Teamleider | Rol::Administratief) {
        Ok(())
    } else {
        Err(leerspoor_domain::rules::Weigering::new(
            "rollen: VSV registreren",
            format!("een {} registreert geen voortijdig schoolverlaters", door.rol.label().to_lowercase()),
        )
        .into())
    }
}

/// A drop-out a school reported, or the office found itself.
#[derive(Debug, Clone)]
pub struct NieuweVsv {
    pub jongere: String,
    pub uitvaldatum: Datum,
    pub bron: VsvBron,
    pub onderwijssoort: Onderwijssoort,
    pub niveau: Option<Niveau>,
    pub brin: Option<String>,
}

/// Registers one drop-out by hand, checked with the same rule as the run; refused with the reason
/// when the youth is no VSV-er, or when this drop-out is already registered.
pub async fn registreer(store: &Store, door: &Medewerker, n: NieuweVsv) -> Result<VsvMelding> {
    mag_registreren(door)?;
    let d = Dossier::laad(store, &n.jongere).await?;
    let vertrokken = d
        .woonadressen
        .iter()
        .filter(|w| w.vertrek.is_some())
        .filter_map(|w| w.einddatum)
        .filter(|e| *e >= n.uitvaldatum - Months::new(1))
        .min();
    let u = Uitschrijving {
        geboortedatum: d.jongere.geboortedatum,
        uitvaldatum: n.uitvaldatum,
        startkwalificatie: d.startkwalificatie(),
        weer_ingeschreven: d.inschrijvingen.iter().map(|i| i.begindatum).filter(|b| *b >= n.uitvaldatum).min(),
        vertrokken,
        overleden: d.jongere.overlijdensdatum,
    };
    if d.ingeschreven_op(n.uitvaldatum) {
        return Err(Fout::invoer("uitvaldatum", format!("de jongere is op {} ingeschreven", n.uitvaldatum)));
    }
    vsv::is_vsv(&u).map_err(|reden| {
        leerspoor_domain::rules::Weigering::new(
            "VSV: 12-23 zonder startkwalificatie",
            format!("geen voortijdig schoolverlater: {}", reden.label().to_lowercase()),
        )
    })?;
    if let Some(b) = d.vsv_meldingen.iter().find(|b| zelfde_uitval(b.uitvaldatum, n.uitvaldatum)) {
        return Err(Fout::invoer(
            "uitvaldatum",
            format!("deze uitval is al geregistreerd ({}, {})", b.id, b.uitvaldatum),
        ));
    }
    let v = VsvMelding {
        id: ids::nieuw("VSV"),
        jongere: n.jongere,
        uitvaldatum: n.uitvaldatum,
        bron: n.bron,
        onderwijssoort: n.onderwijssoort,
        niveau: n.niveau,
        brin: n.brin,
    };
    let mut s = store.schrijver(&door.id, "VSV registreren").await?;
    s.nieuw(&v).await?;
    s.vastleggen("VSV registreren", &v.id).await?;
    Ok(v)
}

/// One youth on the oud-VSV list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OudVsv {
    pub jongere: String,
    pub naam: String,
    pub geboortedatum: Datum,
    pub gemeente: Gemeentecode,
    pub laatste_uitval: Datum,
    pub onderwijssoort: Onderwijssoort,
}

/// Youths whose last drop-out was before $1 (begin of the schooljaar), with what decides oud-VSV on
/// the peildatum $2.
static OUD_VSV: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT v.jongere, v.uitvaldatum, v.onderwijssoort, j.geboortedatum, j.voornamen, j.tussenvoegsel, j.achternaam, \
           (SELECT MIN(d.datum) FROM diploma d WHERE d.jongere = v.jongere AND d.soort IN ({})), \
           (SELECT w.gemeente FROM woonadres w WHERE w.jongere = v.jongere AND w.begindatum <= $2 \
              AND (w.einddatum IS NULL OR w.einddatum >= $2) ORDER BY w.begindatum DESC LIMIT 1), \
           EXISTS (SELECT 1 FROM inschrijving i WHERE i.jongere = v.jongere AND i.begindatum <= $2 \
              AND (i.einddatum IS NULL OR i.einddatum >= $2)) \
         FROM vsv_melding v JOIN jongere j ON j.id = v.jongere \
         WHERE v.uitvaldatum < $1 AND (j.overlijdensdatum IS NULL OR j.overlijdensdatum > $2) \
           AND NOT EXISTS (SELECT 1 FROM vsv_melding l WHERE l.jongere = v.jongere AND l.uitvaldatum > v.uitvaldatum) \
         ORDER BY v.jongere",
        rij::sql_codes(is_startkwalificatie)
    )
});

/// The oud-VSV-ers on 1 October of the schooljaar: under 23, no startkwalificatie, not enrolled,
/// living in the region, their last drop-out before the schooljaar — for the zomeractie and outreach.
pub async fn oud_vsv(store: &Store, door: &Medewerker, schooljaar: SchoolJaar) -> Result<Vec<OudVsv>> {
    let lijst = oud_vsv_op(store, door, schooljaar.een_oktober(), schooljaar.een_oktober()).await?;
    store.log(&door.id, "lijst oud-VSV", &schooljaar.to_string(), "gelukt", None).await?;
    Ok(lijst)
}

/// Who may see lists of youths such as the oud-VSV-ers: the caseworkers who reach out to them, not
/// the administration.
pub(crate) fn mag_lijst_zien(door: &Medewerker) -> Result<()> {
    if !matches!(door.rol, Rol::RmcConsulent | Rol::Teamleider | Rol::Leerplichtambtenaar) {
        return Err(leerspoor_domain::rules::Weigering::new(
            "rollen: oud-VSV",
            format!("een {} ziet geen lijsten van jongeren", door.rol.label().to_lowercase()),
        )
        .into());
    }
    Ok(())
}

/// The oud-VSV-ers of `peildatum` (a 1 October) as the register stands on `op`: living in the region
/// and not enrolled on `op`. The zomeractie asks in the summer who will be oud-VSV on the coming
/// 1 October unless they enrol; the caller logs what it shows.
pub(crate) async fn oud_vsv_op(store: &Store, door: &Medewerker, op: Datum, peildatum: Datum) -> Result<Vec<OudVsv>> {
    mag_lijst_zien(door)?;
    let schooljaar = SchoolJaar::van(peildatum);
    let rijen = store
        .vraag(
            OUD_VSV.as_str(),
            &[rij::datum(schooljaar.eerste_dag()), rij::datum(op)],
            &[
                Type::Tekst,
                Type::Datum,
                Type::Tekst,
                Type::Datum,
                Type::Tekst,
                Type::Tekst,
                Type::Tekst,
                Type::Datum,
                Type::Tekst,
                Type::Bool,
            ],
        )
        .await?;
    let mut uit = Vec::new();
    for r in rijen {
        let Ok(
            [
                Waarde::Tekst(Some(jongere)),
                Waarde::Datum(Some(uitval)),
                Waarde::Tekst(Some(soort)),
                Waarde::Datum(Some(geboren)),
                Waarde::Tekst(voornamen),
                Waarde::Tekst(tussenvoegsel),
                Waarde::Tekst(achternaam),
                Waarde::Datum(sq),
                Waarde::Tekst(Some(gemeente)),
                Waarde::Bool(ingeschreven),
            ],
        ) = <[Waarde; 10]>::try_from(r)
        else {
            continue; // no address in the region on the peildatum
        };
        if !vsv::is_oud_vsv(geboren, sq, ingeschreven, uitval, peildatum) {
            continue;
        }
        let naam = [voornamen, tussenvoegsel, achternaam].into_iter().flatten().filter(|s| !s.is_empty());
        uit.push(OudVsv {
            jongere,
            naam: naam.collect::<Vec<_>>().join(" "),
            geboortedatum: geboren,
            gemeente: Gemeentecode::parse(&gemeente).map_err(|m| Fout::invoer("gemeente", m))?,
            laatste_uitval: uitval,
            onderwijssoort: Onderwijssoort::parse_code(&soort).unwrap_or(Onderwijssoort::Onbekend),
        });
    }
    Ok(uit)
}
