//! Verzuimmeldingen from DUO (docs/koppelingen.md, "Verzuimmeldingen van DUO"): the schools'
//! meldingen as the Register Onderwijsdeelnemers delivers them to the office, taken into casework.
//!
//! A delivery is applied whole or refused whole. Each melding is known by DUO's number: delivered
//! again it changes nothing, withdrawn by the school it is withdrawn here (never deleted), and a
//! later einddatum is taken over. A new melding is registered as the office's own are (it opens a
//! zaak, joins the open one, or joins the first melding about the same absence), and lands in the
//! werkvoorraad as a zaak not yet assigned. A youth not yet in the register is created from the
//! melding and put on the list for a BRP check.
use crate::levering::{self, LeesFout, Levering, fout};
use crate::logboek::{Aanbod, KoppelFout, eerder_toegepast, herhaald, lees, regel, rijfout, weiger};
use crate::persoon::{Persoon, Regio, zet_op_brp_lijst};
use crate::records::{Afhandeling, BrpVerzoek, DuoMelding};
use leerspoor_casework::melding::{Afloop, NieuweMelding, registreer_in};
use leerspoor_casework::{Dossier, Fout};
use leerspoor_domain::model::{Jongere, Medewerker, School, Verzuimmelding};
use leerspoor_domain::rules::melding::soort_van_schoolmelding;
use leerspoor_domain::rules::status::Plichtstatus;
use leerspoor_domain::{Bsn, Datum};
use leerspoor_store::{Schrijver, Store};
use std::collections::BTreeMap;

/// The bron of this source, in the log and the koppeltabel.
pub const BRON: &str = "duo-verzuim";

/// The koppeltabel Leerspoor ships for this source (`data/koppelingen/duo-verzuim.toml`).
pub const KOPPELTABEL: &str = include_str!("../../../data/koppelingen/duo-verzuim.toml");

/// One melding as the delivery gives it, each field checked on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Schoolmelding {
    /// Its row in the file (the heading is row 1).
    pub rij: usize,
    pub meldingnummer: String,
    pub bsn: Bsn,
    pub brin: String,
    pub leslocatie: Option<String>,
    pub meldingsdatum: Option<Datum>,
    pub begindatum: Datum,
    pub einddatum: Option<Datum>,
    /// The school's kind, as a code of the list `verzuimsoort`.
    pub soort: String,
    pub reden: String,
    pub alle_lessen_gemist: Option<bool>,
    pub actie_school: Option<String>,
    pub actie_gemeente_gewenst: Option<bool>,
    pub verzuimdagen: Option<u32>,
    pub verzuimuren: Option<u32>,
    pub melder: [Option<String>; 4],
    pub afwijkend_verblijfadres: Option<String>,
    /// DUO's status says the school withdrew it.
    pub ingetrokken: bool,
    /// What the melding says about the youth, used only when the register does not know them.
    pub persoon: Persoon,
}

/// Reads every melding of a delivery, or every error in it.
pub fn lees_meldingen(l: &Levering) -> Result<Vec<Schoolmelding>, Vec<LeesFout>> {
    let mut fouten = Vec::new();
    let mut meldingen = Vec::new();
    let mut gezien: BTreeMap<String, usize> = BTreeMap::new();
    for r in &l.rijen {
        let mut f = |veld: &str, melding: String| fouten.push(fout(Some(r.nummer), Some(r.kop(veld)), melding));
        let tekst = |veld: &str| r.tekst(veld).map(str::to_string);
        // The shipped koppeltabel requires these; an office's own might not.
        for veld in ["meldingnummer", "persoonsgebonden_nummer", "brin", "begindatum", "soort"] {
            if r.tekst(veld).is_none() {
                f(veld, "leeg, maar verplicht".into());
            }
        }
        let datum = |veld: &str, f: &mut dyn FnMut(&str, String)| match r.datum(veld) {
            Ok(d) => d,
            Err(e) => {
                f(veld, e.melding);
                None
            }
        };
        let meldingsdatum = datum("meldingsdatum", &mut f);
        let begindatum = datum("begindatum", &mut f);
        let einddatum = datum("einddatum", &mut f);
        let ja_nee = |veld: &str, f: &mut dyn FnMut(&str, String)| {
            r.tekst(veld).and_then(|t| match t.to_lowercase().as_str() {
                "j" | "ja" => Some(true),
                "n" | "nee" => Some(false),
                _ => {
                    f(veld, format!("'{t}' is geen J of N"));
                    None
                }
            })
        };
        let alle_lessen_gemist = ja_nee("alle_lessen_gemist", &mut f);
        let actie_gemeente_gewenst = ja_nee("actie_gemeente_gewenst", &mut f);
        let aantal = |veld: &str, f: &mut dyn FnMut(&str, String)| {
            r.tekst(veld).and_then(|t| {
                t.parse::<u32>().map_err(|_| f(veld, format!("'{t}' is geen aantal (een heel getal, 0 of meer)"))).ok()
            })
        };
        let verzuimdagen = aantal("verzuimdagen", &mut f);
        let verzuimuren = aantal("verzuimuren", &mut f);
        // The number itself is never repeated in a message: it is personal.
        let bsn = r.tekst("persoonsgebonden_nummer").and_then(|t| {
            Bsn::parse(t)
                .map_err(|_| {
                    f(
                        "persoonsgebonden_nummer",
                        "geen geldig BSN (9 cijfers die aan de elfproef voldoen); een melding op onderwijsnummer \
                         kan Leerspoor nog niet aan een jongere koppelen"
                            .into(),
                    )
                })
                .ok()
        });
        let persoon = Persoon::lees(r, &mut f);
        let status = r.tekst("status").map(|s| s.to_lowercase().replace(' ', "_"));
        let ingetrokken = status.as_deref() == Some("ingetrokken");
        // Besides the school's two, DUO shows the office's own answer (in behandeling, afgesloten,
        // ter kennisgeving aangenomen) on a melding it delivers again: only a withdrawal matters.
        let bekend = [
            "geregistreerd",
            "ingetrokken",
            "in_behandeling",
            "afgesloten",
            "ter_kennisgeving",
            "ter_kennisgeving_aangenomen",
        ];
        if let Some(s) = status.as_deref().filter(|s| !bekend.contains(s)) {
            f(
                "status",
                format!(
                    "'{s}' is geen status van een melding; verwacht geregistreerd, ingetrokken, in behandeling, afgesloten of ter kennisgeving aangenomen"
                ),
            );
        }
        if let (Some(b), Some(e)) = (begindatum, einddatum)
            && e < b
        {
            f("einddatum", "de einddatum ligt vóór de begindatum".into());
        }
        let meldingnummer = tekst("meldingnummer").unwrap_or_default();
        // DUO's number goes back to DUO in the terugmelding: letters, digits and - . / _ only.
        let nummer_past = meldingnummer.len() <= 40
            && meldingnummer.starts_with(|c: char| c.is_ascii_alphanumeric())
            && meldingnummer.chars().all(|c| c.is_ascii_alphanumeric() || "-./_".contains(c));
        if !meldingnummer.is_empty() && !nummer_past {
            f(
                "meldingnummer",
                "geen meldingnummer: hoogstens 40 letters, cijfers en - . / _, beginnend met een letter of cijfer"
                    .into(),
            );
        }
        if let Some(eerder) = gezien.insert(meldingnummer.clone(), r.nummer) {
            f("meldingnummer", format!("dezelfde melding staat ook in rij {eerder}"));
        }
        let (Some(bsn), Some(begindatum), Some(soort), Some(brin)) = (bsn, begindatum, tekst("soort"), tekst("brin"))
        else {
            continue;
        };
        meldingen.push(Schoolmelding {
            rij: r.nummer,
            meldingnummer,
            bsn,
            brin,
            leslocatie: tekst("leslocatie"),
            meldingsdatum,
            begindatum,
            einddatum,
            soort,
            reden: tekst("reden").unwrap_or_default(),
            alle_lessen_gemist,
            actie_school: tekst("actie_school"),
            actie_gemeente_gewenst,
            verzuimdagen,
            verzuimuren,
            melder: ["melder_naam", "melder_functie", "melder_telefoon", "melder_email"].map(tekst),
            afwijkend_verblijfadres: tekst("afwijkend_verblijfadres"),
            ingetrokken,
            persoon,
        });
    }
    if fouten.is_empty() { Ok(meldingen) } else { Err(fouten) }
}

/// What a delivery did, or would do in a trial run.
#[derive(Debug, Clone)]
pub struct Verslag {
    /// Its line in the delivery log (not written in a trial run).
    pub levering: crate::records::Levering,
    pub proef: bool,
    /// Per melding, its row and what became of it.
    pub per_melding: Vec<(usize, Gevolg)>,
}

/// What became of one melding of the delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gevolg {
    /// Registered: how (a new zaak, an open one, a repeat), and whether its youth was new.
    Geregistreerd { afloop: Afloop, nieuwe_jongere: bool },
    /// Delivered before and unchanged.
    Ongewijzigd,
    /// Delivered before; the school gave a (new) einddatum.
    Einddatum,
    /// Withdrawn by the school since it was delivered.
    Ingetrokken,
    /// About a youth outside the office's care on the first day of absence: noted, nothing to do.
    TerKennisgeving,
    /// Withdrawn by the school before it reached the office: noted, nothing to do.
    AlIngetrokken,
    /// About a youth living outside the region, or in a gemeente that does leerplicht itself.
    Doorsturen,
}

impl Gevolg {
    fn label(&self) -> &'static str {
        match self {
            Gevolg::Geregistreerd { afloop: Afloop::NieuweZaak, .. } => "nieuwe melding, nieuwe zaak",
            Gevolg::Geregistreerd { afloop: Afloop::BijOpenZaak, .. } => "nieuwe melding bij een open zaak",
            Gevolg::Geregistreerd { afloop: Afloop::Herhaald { .. }, .. } => "herhaalde melding over hetzelfde verzuim",
            Gevolg::Geregistreerd { afloop: Afloop::Preventief, .. } => "preventief contact",
            Gevolg::Ongewijzigd => "al ontvangen, ongewijzigd",
            Gevolg::Einddatum => "al ontvangen, einddatum bijgewerkt",
            Gevolg::Ingetrokken => "ingetrokken door de school",
            Gevolg::TerKennisgeving => "ter kennisgeving (geen leer-, kwalificatieplicht of RMC)",
            Gevolg::AlIngetrokken => "al ingetrokken door de school bij ontvangst",
            Gevolg::Doorsturen => "door te sturen naar de woongemeente",
        }
    }
}

impl Verslag {
    /// The summary in Dutch, one line per outcome; also kept in the delivery log.
    fn samenvatting(&self) -> String {
        let mut tellingen: Vec<(&str, u64)> = Vec::new();
        let mut tel = |wat: &'static str| match tellingen.iter_mut().find(|(w, _)| *w == wat) {
            Some((_, n)) => *n += 1,
            None => tellingen.push((wat, 1)),
        };
        let mut nieuwe_jongeren = 0;
        for (_, g) in &self.per_melding {
            tel(g.label());
            if matches!(g, Gevolg::Geregistreerd { nieuwe_jongere: true, .. }) {
                nieuwe_jongeren += 1;
            }
        }
        let mut t = regel("meldingen in de levering", self.per_melding.len() as u64);
        for (wat, n) in tellingen {
            t += &regel(&format!("  {wat}"), n);
        }
        if nieuwe_jongeren > 0 {
            t += &regel("nieuwe jongeren, klaargezet voor BRP-controle", nieuwe_jongeren);
        }
        t
    }
}

/// Applies a delivery of verzuimmeldingen on behalf of `door`, all or nothing. A trial run
/// (`proef`) does everything and then undoes it, and records nothing.
pub async fn verwerk(
    store: &Store,
    door: &Medewerker,
    aanbod: Aanbod<'_>,
    tabel: &levering::Koppeltabel,
    vandaag: Datum,
    proef: bool,
) -> Result<Verslag, KoppelFout> {
    let (meldingen, gelezen, mut log) = lees(store, door, aanbod, tabel, proef, lees_meldingen).await?;
    log.rijen = meldingen.len() as u64;
    let mut s = store.schrijver(&door.id, &format!("koppeling {BRON}")).await?;
    s.vergrendel(BRON).await?;
    if let Some(eerder) = eerder_toegepast(&mut s, &log).await? {
        drop(s);
        let levering = herhaald(store, &log, &eerder, proef).await?;
        return Ok(Verslag { levering, proef, per_melding: Vec::new() });
    }
    let regio = Regio::lees(&mut s).await?;
    let mut fouten = Vec::new();
    let mut per_melding = Vec::new();
    let mut nieuw_van_duo = Vec::new();
    let mut brp = BTreeMap::new();
    for m in &meldingen {
        match verwerk_melding(&mut s, m, &regio, vandaag, &log.id).await {
            Ok((gevolg, duo, verzoek)) => {
                per_melding.push((m.rij, gevolg));
                nieuw_van_duo.extend(duo);
                if let Some(v) = verzoek {
                    brp.entry(v.jongere.clone()).or_insert(v);
                }
            }
            Err(e) => fouten.push(rijfout(m.rij, e, |veld| gelezen.kop(kolom_van(veld)).to_string())?),
        }
    }
    if !fouten.is_empty() {
        drop(s);
        return Err(weiger(store, log, fouten, proef).await);
    }
    let mut verslag = Verslag { levering: log, proef, per_melding };
    verslag.levering.toegepast = verslag.per_melding.iter().filter(|(_, g)| *g != Gevolg::Ongewijzigd).count() as u64;
    verslag.levering.samenvatting = verslag.samenvatting();
    if proef {
        return Ok(verslag);
    }
    s.nieuw(&verslag.levering).await?;
    for d in &nieuw_van_duo {
        s.nieuw(d).await?;
    }
    zet_op_brp_lijst(&mut s, brp.values()).await?;
    s.vastleggen(&format!("koppeling {BRON}"), &verslag.levering.id).await?;
    Ok(verslag)
}

/// The column a casework check's field came from.
fn kolom_van(veld: &str) -> &str {
    match veld {
        "verzuim_van" => "begindatum",
        "verzuim_tot" => "einddatum",
        "school" => "brin",
        v => v,
    }
}

type Verwerkt = (Gevolg, Option<DuoMelding>, Option<BrpVerzoek>);

/// One melding, inside the delivery's write.
async fn verwerk_melding(
    s: &mut Schrijver,
    m: &Schoolmelding,
    regio: &Regio,
    vandaag: Datum,
    levering: &str,
) -> Result<Verwerkt, Fout> {
    if let Some(eerder) = s.lees_waar::<DuoMelding>("meldingnummer", &m.meldingnummer).await?.pop() {
        return Ok((al_ontvangen(s, m, &eerder).await?, None, None));
    }
    let duo = |afhandeling, melding: Option<&Verzuimmelding>| DuoMelding {
        meldingnummer: m.meldingnummer.clone(),
        melding: melding.map(|v| v.id.clone()),
        afhandeling,
        woongemeente: m.persoon.woongemeente.as_ref().map(|g| g.as_str().to_string()),
        levering: levering.to_string(),
        ontvangen_op: vandaag,
        actie_school: m.actie_school.clone(),
        actie_gemeente_gewenst: m.actie_gemeente_gewenst,
        verzuimdagen: m.verzuimdagen,
        melder_naam: m.melder[0].clone(),
        melder_functie: m.melder[1].clone(),
        melder_telefoon: m.melder[2].clone(),
        melder_email: m.melder[3].clone(),
        afwijkend_verblijfadres: m.afwijkend_verblijfadres.clone(),
    };
    if m.ingetrokken {
        return Ok((Gevolg::AlIngetrokken, Some(duo(Afhandeling::Ingetrokken, None)), None));
    }
    let bekend = s.lees_waar::<Jongere>("bsn", &m.bsn.as_digits()).await?.pop();
    let (dossier, nieuw) = match bekend {
        Some(j) => (Dossier::laad(&mut *s, &j.id).await?, None),
        None => {
            let (j, adres) = m.persoon.nieuwe_jongere(m.bsn, m.begindatum)?;
            let mut d = Dossier::zonder_feiten(j.clone());
            d.woonadressen.extend(adres.clone());
            (d, Some((j, adres)))
        }
    };
    let status = dossier.status_op(m.begindatum).map_err(|_| Fout::Invoer {
        veld: "verzuim_van",
        melding: "de begindatum ligt vóór de geboortedatum van de jongere".into(),
    })?;
    let status = status.status;
    let woont = m.persoon.woongemeente.clone().or_else(|| {
        dossier
            .woonadressen
            .iter()
            .find(|a| a.begindatum <= m.begindatum && a.einddatum.is_none_or(|e| m.begindatum <= e))
            .map(|a| a.gemeente.clone())
    });
    // Where the youth lives decides first: the woongemeente answers DUO about its own youths.
    let doorsturen = (Gevolg::Doorsturen, Some(duo(Afhandeling::Doorsturen, None)), None);
    if woont.as_ref().is_some_and(|g| !regio.omvat(g)) {
        return Ok(doorsturen);
    }
    if matches!(status, Plichtstatus::Geen | Plichtstatus::NogNietLeerplichtig) {
        return Ok((Gevolg::TerKennisgeving, Some(duo(Afhandeling::TerKennisgeving, None)), None));
    }
    if woont.is_some_and(|g| !regio.behandelt(&g, status)) {
        return Ok(doorsturen);
    }
    let school = school_van(s, m).await?;
    let verzoek = |reden: &str| BrpVerzoek {
        jongere: dossier.jongere.id.clone(),
        sinds: vandaag,
        reden: reden.into(),
        levering: Some(levering.to_string()),
    };
    let verzoek = match &nieuw {
        Some((j, adres)) => {
            s.nieuw(j).await?;
            if let Some(a) = adres {
                s.nieuw(a).await?;
            }
            Some(verzoek("nieuw uit een verzuimmelding van DUO"))
        }
        None if m.persoon.geboortedatum.is_some_and(|g| g != dossier.jongere.geboortedatum) => {
            Some(verzoek("geboortedatum in een verzuimmelding van DUO wijkt af"))
        }
        None => None,
    };
    let g = registreer_in(
        s,
        NieuweMelding {
            jongere: dossier.jongere.id.clone(),
            school: Some(school),
            soort: soort_van_schoolmelding(&m.soort, status).to_string(),
            meldingsdatum: m.meldingsdatum.unwrap_or(vandaag),
            verzuim_van: m.begindatum,
            verzuim_tot: m.einddatum,
            uren: m.verzuimuren,
            reden: m.reden.clone(),
            preventief: false,
            alle_lessen_gemist: m.alle_lessen_gemist,
            deels_lesbaar: None,
        },
    )
    .await?;
    let gevolg = Gevolg::Geregistreerd { afloop: g.afloop, nieuwe_jongere: nieuw.is_some() };
    Ok((gevolg, Some(duo(Afhandeling::Geregistreerd, Some(&g.melding))), verzoek))
}

/// A melding delivered before: withdrawn now, or given an einddatum, or unchanged.
async fn al_ontvangen(s: &mut Schrijver, m: &Schoolmelding, eerder: &DuoMelding) -> Result<Gevolg, Fout> {
    let Some(id) = &eerder.melding else { return Ok(Gevolg::Ongewijzigd) };
    let Some(oud) = s.lees_waar::<Verzuimmelding>("id", id).await?.pop() else {
        return Ok(Gevolg::Ongewijzigd);
    };
    let mut nieuw = oud.clone();
    let gevolg = if m.ingetrokken && oud.status != "ingetrokken" {
        nieuw.status = "ingetrokken".into();
        Gevolg::Ingetrokken
    } else if m.einddatum.is_some() && m.einddatum != oud.verzuim_tot && !m.ingetrokken {
        if m.einddatum.is_some_and(|e| e < oud.verzuim_van) {
            return Err(Fout::Invoer { veld: "verzuim_tot", melding: "de einddatum ligt vóór de begindatum".into() });
        }
        nieuw.verzuim_tot = m.einddatum;
        Gevolg::Einddatum
    } else {
        return Ok(Gevolg::Ongewijzigd);
    };
    s.wijzig(&oud, &nieuw).await?;
    Ok(gevolg)
}

/// The school location of the melding: DUO's leslocatie, or the BRIN's only location.
async fn school_van(s: &mut Schrijver, m: &Schoolmelding) -> Result<(String, String), Fout> {
    let locaties: Vec<School> = s.lees_waar("brin", &m.brin).await?;
    let onbekend = || Fout::Invoer {
        veld: "school",
        melding: format!(
            "school {} staat niet in het register; voeg haar toe (bundel scholen.csv) en bied de levering opnieuw aan",
            m.brin
        ),
    };
    match (&m.leslocatie, locaties.as_slice()) {
        (_, []) => Err(onbekend()),
        (Some(l), _) => {
            locaties.iter().find(|s| &s.vestiging == l).map(|s| (s.brin.clone(), s.vestiging.clone())).ok_or_else(
                || Fout::Invoer {
                    veld: "leslocatie",
                    melding: format!("school {} heeft geen leslocatie '{l}' in het register", m.brin),
                },
            )
        }
        (None, [een]) => Ok((een.brin.clone(), een.vestiging.clone())),
        (None, _) => Err(Fout::Invoer {
            veld: "leslocatie",
            melding: format!("school {} heeft meer dan één leslocatie; de melding noemt er geen", m.brin),
        }),
    }
}
