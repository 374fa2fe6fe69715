//! The terugmelding to DUO (docs/koppelingen.md, "Terugmelding aan DUO"): for every melding that
//! came in through DUO, what the office now reports about it (`rules::terugmelding`), sent when it
//! changed. A verzending holds the changes since the one before, and never changes after it is
//! made: its file can be made again as often as needed, and acknowledging it confirms exactly what
//! DUO received.
use crate::logboek::KoppelFout;
use crate::records::{Terugmelding, Verzending};
use crate::uitgaand;
use leerspoor_casework::ids;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::codes::Code;
use leerspoor_domain::model::{Medewerker, Rol, ZaakStatus};
use leerspoor_domain::rules::terugmelding::{Behandeling, Stand, stand, ter_kennisgeving};
use leerspoor_domain::{Datum, rules::mas::mag_melding_registreren};
use leerspoor_store::rij::{Type, Waarde};
use leerspoor_store::{Store, StoreFout};
use std::collections::BTreeMap;

/// The destination of the terugmelding's verzendingen.
pub const BESTEMMING: &str = "duo-terugmelding";

/// Every DUO melding with what the office did with it: its melding, zaak and caseworker.
const STAND_VAN_ZAKEN: &str = "SELECT d.meldingnummer, d.afhandeling, d.ontvangen_op, m.status, m.soort, \
     m.reden_afsluiting, z.status, z.gesloten_op, z.reden_sluiting, z.medewerker, \
     (SELECT COUNT(*) FROM actie a WHERE a.zaak = z.id), mw.naam, mw.rol, mw.email, \
     (SELECT COUNT(*) FROM actie a WHERE a.zaak = z.id AND a.soort IN ('gesprek', 'preventief_gesprek')), \
     (SELECT COUNT(*) FROM inschrijving i WHERE i.jongere = m.jongere AND i.begindatum <= z.gesloten_op \
        AND (i.einddatum IS NULL OR i.einddatum >= z.gesloten_op)) \
     FROM duo_melding d \
     LEFT JOIN verzuimmelding m ON m.id = d.melding \
     LEFT JOIN zaak z ON z.id = m.zaak \
     LEFT JOIN medewerker mw ON mw.id = z.medewerker";

/// A verzending and what it holds: per melding one terugmelding.
#[derive(Debug, Clone)]
pub struct Uitgaand {
    pub verzending: Verzending,
    pub terugmeldingen: Vec<Terugmelding>,
}

/// A new verzending with every change since each melding's last terugmelding; `None` when nothing
/// changed. A trial run (`proef`) shows it and keeps nothing.
pub async fn verzamel(
    store: &Store,
    door: &Medewerker,
    vandaag: Datum,
    proef: bool,
) -> Result<Option<Uitgaand>, KoppelFout> {
    mag_melding_registreren(door.rol).map_err(leerspoor_casework::Fout::from)?;
    let mut s = store.schrijver(&door.id, &format!("koppeling {BESTEMMING}")).await?;
    s.vergrendel(BESTEMMING).await?;
    use Type::*;
    let typen = [
        Tekst, Tekst, Datum, Tekst, Tekst, Tekst, Tekst, Datum, Tekst, Tekst, Geheel, Tekst, Tekst, Tekst, Geheel,
        Geheel,
    ];
    let zaken = s.vraag(STAND_VAN_ZAKEN, &[], &typen).await?;
    let mut eerder: Vec<Terugmelding> = s.lees().await?;
    eerder.sort_by(|a, b| (&a.klaargezet, &a.id).cmp(&(&b.klaargezet, &b.id)));
    let laatste: BTreeMap<&str, &Terugmelding> = eerder.iter().map(|t| (t.meldingnummer.as_str(), t)).collect();
    let klaargezet = uitgaand::nu();
    let mut nieuw = Vec::new();
    for rij in &zaken {
        let Some((meldingnummer, st, contact)) = huidige_stand(rij, vandaag) else { continue };
        let t = Terugmelding {
            id: ids::nieuw("T"),
            meldingnummer: meldingnummer.to_string(),
            status: st.status.to_string(),
            reden_afsluiting: st.reden_afsluiting,
            toelichting: st.toelichting.map(str::to_string),
            contactpersoon: contact[0].clone(),
            contact_functie: contact[1].clone(),
            contact_email: contact[2].clone(),
            datum: st.datum,
            klaargezet: klaargezet.clone(),
            verzending: String::new(),
        };
        if laatste.get(meldingnummer).is_none_or(|l| !zelfde_bericht(l, &t)) {
            nieuw.push(t);
        }
    }
    if nieuw.is_empty() {
        return Ok(None);
    }
    let verzending = uitgaand::nieuw(&mut s, door, BESTEMMING, &klaargezet).await?;
    for t in &mut nieuw {
        t.verzending.clone_from(&verzending.id);
        s.nieuw(t).await?;
    }
    if !proef {
        s.vastleggen(&format!("koppeling {BESTEMMING}"), &verzending.id).await?;
    }
    Ok(Some(Uitgaand { verzending, terugmeldingen: nieuw }))
}

/// The verzendingen of the terugmelding: those not yet acknowledged first, then the latest.
pub async fn verzendingen(store: &Store) -> Result<Vec<Verzending>, StoreFout> {
    uitgaand::verzendingen(store, BESTEMMING).await
}

/// What a verzending holds, to write it (again): nothing is queued or changed.
pub async fn inhoud(store: &Store, id: &str) -> Result<Option<Uitgaand>, StoreFout> {
    let Some(verzending) = uitgaand::verzending(store, BESTEMMING, id).await? else {
        return Ok(None);
    };
    let mut terugmeldingen: Vec<Terugmelding> = store.lees_waar("verzending", id).await?;
    terugmeldingen.sort_by(|a, b| a.meldingnummer.cmp(&b.meldingnummer));
    Ok(Some(Uitgaand { verzending, terugmeldingen }))
}

/// One row of [`STAND_VAN_ZAKEN`]: the melding's number, what to report, and the contactpersoon
/// (name, role, e-mail).
fn huidige_stand(rij: &[Waarde], vandaag: Datum) -> Option<(&str, Stand, [Option<String>; 3])> {
    let tekst = |i: usize| match &rij[i] {
        Waarde::Tekst(t) => t.as_deref(),
        _ => None,
    };
    let datum = |i: usize| match &rij[i] {
        Waarde::Datum(d) => *d,
        _ => None,
    };
    let meer_dan_nul = |i: usize| matches!(rij[i], Waarde::Geheel(Some(n)) if n > 0);
    let meldingnummer = tekst(0)?;
    let st = match tekst(1)? {
        "ter_kennisgeving" => ter_kennisgeving(datum(2)?),
        "geregistreerd" => {
            let zaak = tekst(6).and_then(ZaakStatus::from_code).map(|status| Behandeling {
                status,
                toegewezen: tekst(9).is_some(),
                acties: meer_dan_nul(10),
                gesproken: meer_dan_nul(14),
                ingeschreven_bij_sluiting: meer_dan_nul(15),
                gesloten_op: datum(7),
                reden_sluiting: tekst(8),
            });
            stand(tekst(3)?, tekst(4)?, tekst(5), zaak, vandaag)?
        }
        // Sent on to the woongemeente, or withdrawn before it came in: nothing to report.
        _ => return None,
    };
    let functie = tekst(12).and_then(Rol::from_code).map(|r| r.label().to_string());
    Some((meldingnummer, st, [tekst(11).map(str::to_string), functie, tekst(13).map(str::to_string)]))
}

/// The same message to DUO (the day a status holds from is not compared: "in behandeling" is
/// dated the day it was first seen).
fn zelfde_bericht(a: &Terugmelding, b: &Terugmelding) -> bool {
    (&a.status, &a.reden_afsluiting, &a.toelichting, &a.contactpersoon, &a.contact_functie, &a.contact_email)
        == (&b.status, &b.reden_afsluiting, &b.toelichting, &b.contactpersoon, &b.contact_functie, &b.contact_email)
}

/// Records DUO's receipt of a verzending: what it held counts as sent.
pub async fn bevestig(store: &Store, door: &Medewerker, id: &str) -> Result<Verzending, KoppelFout> {
    mag_melding_registreren(door.rol).map_err(leerspoor_casework::Fout::from)?;
    uitgaand::bevestig(store, door, BESTEMMING, "de terugmelding", id).await
}

/// The verzending as a file for DUO's package route (`;`, UTF-8): DUO's wording for status and
/// reden, no personal data of the youth — DUO knows the melding by its number.
pub fn als_csv(u: &Uitgaand, codes: &[Code]) -> String {
    let omschrijving = |lijst: &str, code: &str| uitgaand::omschrijving(codes, lijst, code);
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let kop = [
        "Meldingnummer",
        "Status",
        "Reden afsluiting",
        "Toelichting afsluiting",
        "Datum",
        "Naam contactpersoon",
        "Functie contactpersoon",
        "Telefoon contactpersoon",
        "E-mail contactpersoon",
    ];
    w.write_record(kop).expect("schrijven naar geheugen");
    for t in &u.terugmeldingen {
        w.write_record(
            [
                t.meldingnummer.clone(),
                omschrijving("meldingstatus", &t.status),
                t.reden_afsluiting.as_deref().map(|r| omschrijving("reden_afsluiting", r)).unwrap_or_default(),
                t.toelichting.clone().unwrap_or_default(),
                t.datum.format("%d-%m-%Y").to_string(),
                t.contactpersoon.clone().unwrap_or_default(),
                t.contact_functie.clone().unwrap_or_default(),
                String::new(),
                t.contact_email.clone().unwrap_or_default(),
            ]
            .map(|c| geen_formule(&c)),
        )
        .expect("schrijven naar geheugen");
    }
    String::from_utf8(w.into_inner().expect("schrijven naar geheugen")).expect("UTF-8 in, UTF-8 uit")
}

/// The verzending for the JSON endpoint: the same messages as the file, codes beside DUO's words,
/// dates as ISO 8601.
pub fn als_json(u: &Uitgaand, codes: &[Code]) -> serde_json::Value {
    let terugmeldingen: Vec<_> = u
        .terugmeldingen
        .iter()
        .map(|t| {
            serde_json::json!({
                "meldingnummer": t.meldingnummer,
                "status": uitgaand::code_json(codes, "meldingstatus", &t.status),
                "redenAfsluiting": t.reden_afsluiting.as_deref().map(|r| uitgaand::code_json(codes, "reden_afsluiting", r)),
                "toelichtingAfsluiting": t.toelichting,
                "datum": t.datum.to_string(),
                "contactpersoon": {
                    "naam": t.contactpersoon,
                    "functie": t.contact_functie,
                    "email": t.contact_email,
                },
            })
        })
        .collect();
    serde_json::json!({ "verzending": uitgaand::als_json(&u.verzending), "terugmeldingen": terugmeldingen })
}

/// A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, return) starts with `'`:
/// names and e-mail addresses come from people, and the file is opened in one.
pub(crate) fn geen_formule(cel: &str) -> String {
    if cel.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cel}") } else { cel.to_string() }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cell_that_a_spreadsheet_would_run_as_a_formula_is_made_text() {
        assert_eq!(super::geen_formule("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(super::geen_formule("@som"), "'@som");
        assert_eq!(super::geen_formule("Lotte Leerplicht"), "Lotte Leerplicht");
    }
}
