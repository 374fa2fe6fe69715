//! Meldingen sent on (docs/koppelingen.md, "Doorsturen"): a verzuimmelding from DUO about a youth
//! who lives in a gemeente outside the region is not the office's to handle; it is recorded *door
//! te sturen* and goes, with the next verzending, to that woongemeente — as a list per gemeente of
//! DUO's melding numbers with the school's contact, so the gemeente finds the melding in its own
//! package. The office kept no data of the youth (she is not in its care), and sends none.
use crate::logboek::KoppelFout;
use crate::records::{Afhandeling, Doorgestuurd, DuoMelding, Verzending};
use crate::uitgaand;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::Medewerker;
use leerspoor_domain::rules::mas::mag_melding_registreren;
use leerspoor_store::{Store, StoreFout};
use std::collections::HashSet;

/// The destination of these verzendingen.
pub const BESTEMMING: &str = "doorsturen";

/// A verzending and the meldingen it carries (sorted by woongemeente and number).
#[derive(Debug, Clone)]
pub struct Uitgaand {
    pub verzending: Verzending,
    pub meldingen: Vec<(Doorgestuurd, DuoMelding)>,
}

/// A new verzending with every melding to send on that no verzending carried yet; `None` when
/// there is none. A trial run (`proef`) keeps nothing.
pub async fn verzamel(store: &Store, door: &Medewerker, proef: bool) -> Result<Option<Uitgaand>, KoppelFout> {
    mag_melding_registreren(door.rol).map_err(leerspoor_casework::Fout::from)?;
    let mut s = store.schrijver(&door.id, &format!("koppeling {BESTEMMING}")).await?;
    s.vergrendel(BESTEMMING).await?;
    let gestuurd: HashSet<String> = s.lees::<Doorgestuurd>().await?.into_iter().map(|d| d.meldingnummer).collect();
    let mut open: Vec<DuoMelding> = s
        .lees_waar::<DuoMelding>("afhandeling", Afhandeling::Doorsturen.code())
        .await?
        .into_iter()
        .filter(|m| !gestuurd.contains(&m.meldingnummer))
        .collect();
    if open.is_empty() {
        return Ok(None);
    }
    open.sort_by(|a, b| (&a.woongemeente, &a.meldingnummer).cmp(&(&b.woongemeente, &b.meldingnummer)));
    let verzending = uitgaand::nieuw(&mut s, door, BESTEMMING, &uitgaand::nu()).await?;
    let mut meldingen = Vec::with_capacity(open.len());
    for m in open {
        let d = Doorgestuurd {
            meldingnummer: m.meldingnummer.clone(),
            woongemeente: m.woongemeente.clone().unwrap_or_else(|| "onbekend".into()),
            verzending: verzending.id.clone(),
        };
        s.nieuw(&d).await?;
        meldingen.push((d, m));
    }
    if !proef {
        s.vastleggen(&format!("koppeling {BESTEMMING}"), &verzending.id).await?;
    }
    Ok(Some(Uitgaand { verzending, meldingen }))
}

/// The verzendingen: those not yet acknowledged first, then the latest.
pub async fn verzendingen(store: &Store) -> Result<Vec<Verzending>, StoreFout> {
    uitgaand::verzendingen(store, BESTEMMING).await
}

/// What a verzending carried, to write it (again).
pub async fn inhoud(store: &Store, id: &str) -> Result<Option<Uitgaand>, StoreFout> {
    let Some(verzending) = uitgaand::verzending(store, BESTEMMING, id).await? else { return Ok(None) };
    let mut meldingen = Vec::new();
    for d in store.lees_waar::<Doorgestuurd>("verzending", id).await? {
        if let Some(m) = store.lees_een::<DuoMelding>(&d.meldingnummer).await? {
            meldingen.push((d, m));
        }
    }
    meldingen.sort_by(|(a, _), (b, _)| (&a.woongemeente, &a.meldingnummer).cmp(&(&b.woongemeente, &b.meldingnummer)));
    Ok(Some(Uitgaand { verzending, meldingen }))
}

/// Records that the woongemeenten received a verzending.
pub async fn bevestig(store: &Store, door: &Medewerker, id: &str) -> Result<Verzending, KoppelFout> {
    mag_melding_registreren(door.rol).map_err(leerspoor_casework::Fout::from)?;
    uitgaand::bevestig(store, door, BESTEMMING, "het doorsturen", id).await
}

/// The verzending as a file (`;`, UTF-8): per melding the woongemeente, DUO's number, when it came
/// in, and the school's melder to contact; nothing of the youth.
pub fn als_csv(u: &Uitgaand) -> String {
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let kop = [
        "Woongemeente",
        "Meldingnummer DUO",
        "Ontvangen op",
        "Verzuimdagen",
        "Naam melder",
        "Functie melder",
        "Telefoon melder",
        "E-mail melder",
    ];
    w.write_record(kop).expect("schrijven naar geheugen");
    for (d, m) in &u.meldingen {
        let rij = [
            d.woongemeente.clone(),
            m.meldingnummer.clone(),
            m.ontvangen_op.format("%d-%m-%Y").to_string(),
            m.verzuimdagen.map(|n| n.to_string()).unwrap_or_default(),
            m.melder_naam.clone().unwrap_or_default(),
            m.melder_functie.clone().unwrap_or_default(),
            m.melder_telefoon.clone().unwrap_or_default(),
            m.melder_email.clone().unwrap_or_default(),
        ];
        w.write_record(rij.map(|c| crate::duo_terugmelding::geen_formule(&c))).expect("schrijven naar geheugen");
    }
    String::from_utf8(w.into_inner().expect("schrijven naar geheugen")).expect("UTF-8 in, UTF-8 uit")
}

/// The verzending for the JSON endpoint: the same meldingen as the file, dates as ISO 8601.
pub fn als_json(u: &Uitgaand) -> serde_json::Value {
    let meldingen: Vec<_> = u
        .meldingen
        .iter()
        .map(|(d, m)| {
            serde_json::json!({
                "woongemeente": d.woongemeente,
                "meldingnummer": m.meldingnummer,
                "ontvangenOp": m.ontvangen_op.to_string(),
                "verzuimdagen": m.verzuimdagen,
                "melder": {
                    "naam": m.melder_naam,
                    "functie": m.melder_functie,
                    "telefoon": m.melder_telefoon,
                    "email": m.melder_email,
                },
            })
        })
        .collect();
    serde_json::json!({ "verzending": uitgaand::als_json(&u.verzending), "meldingen": meldingen })
}
