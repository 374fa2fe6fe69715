//! The VSV-effectrapportage to DUO (docs/koppelingen.md, "VSV-effectrapportage aan DUO"): one row
//! per VSV-er of a past schooljaar, keyed by BSN, with whether the RMC reached them and what came
//! of it (`rules::vsv_effect`), and the check that every VSV-er has a result before it goes.
//!
//! DUO publishes no per-VSV-er layout for this report (the Regeling's bijlage B is a form the
//! RMC-coördinator fills in), so the columns are Leerspoor's own: what the issue names, and nothing
//! more of the youth than the BSN.
use crate::duo_terugmelding::geen_formule;
use crate::logboek::KoppelFout;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::Medewerker;
use leerspoor_domain::rules::vsv_effect::{Ontbreekt, Uitkomst, mag_aanleveren};
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_report::register;
use leerspoor_store::Store;
use leerspoor_store::rij::{self, Type, Waarde};
use std::collections::HashMap;

/// One VSV-er in the file.
#[derive(Debug, Clone)]
pub struct EffectRij {
    /// The BSN as digits; kept out of every message.
    pub bsn: String,
    /// The VSV-meldingen of the year, the first drop-out first (their ids name the VSV-er in the
    /// check, never the BSN).
    pub meldingen: Vec<String>,
    pub eerste_uitval: Datum,
    /// The gemeente of residence on 1 October of the schooljaar (as the table `vsv_effect` counts).
    pub gemeente: Option<String>,
    pub uitkomst: Uitkomst,
}

/// The effectrapportage of one schooljaar.
#[derive(Debug, Clone)]
pub struct Effectrapportage {
    pub schooljaar: SchoolJaar,
    pub rijen: Vec<EffectRij>,
}

impl Effectrapportage {
    /// The VSV-ers without a result: their first VSV-melding's id and why.
    pub fn zonder_resultaat(&self) -> Vec<(&str, Ontbreekt)> {
        self.rijen.iter().filter_map(|r| r.uitkomst.resultaat.err().map(|o| (r.meldingen[0].as_str(), o))).collect()
    }

    /// The refusal when VSV-ers lack a result: how many, and which (record ids only).
    pub fn weigering(&self) -> Option<String> {
        let gaten = self.zonder_resultaat();
        if gaten.is_empty() {
            return None;
        }
        let mut t = format!(
            "de VSV-effectrapportage {} is niet gemaakt: {} van de {} VSV-ers {} geen resultaat:",
            self.schooljaar,
            gaten.len(),
            self.rijen.len(),
            if gaten.len() == 1 { "heeft" } else { "hebben" }
        );
        for (melding, reden) in &gaten {
            t += &format!("\n  {melding}: {}", reden.label());
        }
        t += "\nLeg het resultaat vast (traject afsluiten of dagbesteding), of maak het bestand toch met --onvolledig.";
        Some(t)
    }
}

/// Every VSV-er of `schooljaar` with the effect on its last day. Only for a schooljaar that ended
/// before `vandaag`: the report is about a completed year.
pub async fn verzamel(
    store: &Store,
    door: &Medewerker,
    schooljaar: SchoolJaar,
    vandaag: Datum,
) -> Result<Effectrapportage, KoppelFout> {
    mag_aanleveren(door.rol).map_err(leerspoor_casework::Fout::from)?;
    if vandaag <= schooljaar.laatste_dag() {
        return Err(KoppelFout::Ongeldig(format!(
            "het schooljaar {schooljaar} loopt tot en met {}: de effectrapportage gaat over een afgelopen schooljaar",
            schooljaar.laatste_dag()
        )));
    }
    let effecten = register::vsv_effecten(store, None, schooljaar).await?;
    let binds = [rij::datum(schooljaar.eerste_dag()), rij::datum(schooljaar.laatste_dag())];
    let paren = |rijen: Vec<Vec<Waarde>>| -> HashMap<String, String> {
        rijen
            .into_iter()
            .filter_map(|r| match <[Waarde; 2]>::try_from(r).ok()? {
                [Waarde::Tekst(Some(a)), Waarde::Tekst(Some(b))] => Some((a, b)),
                _ => None,
            })
            .collect()
    };
    let bsns = paren(store.vraag(BSN_VAN_COHORT, &binds, &[Type::Tekst, Type::Tekst]).await?);
    let binds = [binds[0].clone(), binds[1].clone(), rij::datum(schooljaar.een_oktober())];
    let gemeenten = paren(store.vraag(GEMEENTE_VAN_COHORT, &binds, &[Type::Tekst, Type::Tekst]).await?);
    let rijen = effecten
        .into_iter()
        .map(|v| {
            let bsn = bsns.get(&v.jongere).cloned().ok_or_else(|| {
                KoppelFout::Ongeldig(format!("jongere {} staat niet (meer) in het register", v.jongere))
            })?;
            Ok(EffectRij {
                bsn,
                eerste_uitval: v.meldingen[0].uitvaldatum,
                meldingen: v.meldingen.into_iter().map(|m| m.id).collect(),
                gemeente: gemeenten.get(&v.jongere).cloned(),
                uitkomst: v.uitkomst,
            })
        })
        .collect::<Result<_, KoppelFout>>()?;
    Ok(Effectrapportage { schooljaar, rijen })
}

/// The BSN of every youth with a VSV-melding dated from $1 up to and including $2.
const BSN_VAN_COHORT: &str = "SELECT id, bsn FROM jongere \
     WHERE id IN (SELECT jongere FROM vsv_melding WHERE uitvaldatum >= $1 AND uitvaldatum <= $2)";
/// Their gemeente on $3 (one address at a time: the register's addresses do not overlap).
const GEMEENTE_VAN_COHORT: &str = "SELECT jongere, gemeente FROM woonadres \
     WHERE begindatum <= $3 AND (einddatum IS NULL OR einddatum >= $3) \
       AND jongere IN (SELECT jongere FROM vsv_melding WHERE uitvaldatum >= $1 AND uitvaldatum <= $2)";

/// The file: CSV with ';', UTF-8, dates as dd-mm-jjjj like the other files to DUO, one row per
/// VSV-er. A VSV-er without a result (only with `--onvolledig`) has the result empty and the reason
/// in its description.
pub fn als_csv(r: &Effectrapportage) -> String {
    let datum = |d: Option<Datum>| d.map(|d| d.format("%d-%m-%Y").to_string()).unwrap_or_default();
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let kop = [
        "BSN",
        "Schooljaar",
        "Uitvaldatum",
        "Gemeente",
        "Contact",
        "Datum eerste contact",
        "Resultaat",
        "Omschrijving resultaat",
        "Datum resultaat",
    ];
    w.write_record(kop).expect("schrijven naar geheugen");
    for rij in &r.rijen {
        let u = &rij.uitkomst;
        let (code, omschrijving, op) = match u.resultaat {
            Ok((e, op)) => (e.code().to_string(), e.label().to_string(), op),
            Err(o) => (String::new(), format!("Resultaat ontbreekt: {}", o.label()), None),
        };
        w.write_record(
            [
                rij.bsn.clone(),
                r.schooljaar.to_string(),
                datum(Some(rij.eerste_uitval)),
                rij.gemeente.clone().unwrap_or_default(),
                if u.contact.is_some() { "J" } else { "N" }.to_string(),
                datum(u.contact),
                code,
                omschrijving,
                datum(op),
            ]
            .map(|c| geen_formule(&c)),
        )
        .expect("schrijven naar geheugen");
    }
    String::from_utf8(w.into_inner().expect("schrijven naar geheugen")).expect("UTF-8 in, UTF-8 uit")
}
