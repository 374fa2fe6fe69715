//! Vrijstellingen and vervangende leerplicht to DUO (docs/koppelingen.md, "Vrijstellingen naar
//! DUO"): the leerplichtambtenaar registers them in DUO's register onderwijsdeelnemers (Besluit
//! register onderwijsdeelnemers § 2.2) through the package. Per vrijstelling the register should hold what [`in_duo_register`] says; a verzending
//! carries every change since the one before: a new grant, a changed article, period or
//! woongemeente, and a grant that no longer stands (revoked after bezwaar, or gone from the
//! register) as withdrawn.
use crate::logboek::KoppelFout;
use crate::records::{Verzending, VrijstellingMelding, VrijstellingMutatie};
use crate::uitgaand;
use leerspoor_casework::ids;
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::codes::Code;
use leerspoor_domain::model::{Jongere, Medewerker, Vrijstelling, Woonadres};
use leerspoor_domain::rules::vrijstelling::{in_duo_register, mag_registreren};
use leerspoor_store::{Store, StoreFout};
use std::collections::{BTreeMap, HashMap};

/// The destination of these verzendingen.
pub const BESTEMMING: &str = "duo-vrijstellingen";

/// A verzending and what it holds.
#[derive(Debug, Clone)]
pub struct Uitgaand {
    pub verzending: Verzending,
    pub meldingen: Vec<VrijstellingMelding>,
}

/// What [`verzamel`] made, and what it could not send.
#[derive(Debug, Clone, Default)]
pub struct Verzameld {
    /// `None` when nothing changed.
    pub uitgaand: Option<Uitgaand>,
    /// Vrijstellingen DUO should have that cannot go yet (vrijstelling id, reason): the office
    /// completes the register and they go with a next verzending.
    pub overgeslagen: Vec<(String, String)>,
}

/// What to send DUO, in order, between the last message sent about a vrijstelling and what the
/// register should hold now. DUO knows a vrijstelling by the youth's number, its article and its
/// ingangsdatum: when one of those changes, the old one is withdrawn and the new one sent; an
/// einddatum or woongemeente changes it in place. A new decision that keeps the grant as it was
/// (after bezwaar) changes nothing at DUO.
pub fn mutaties(vorige: Option<&VrijstellingMelding>, nu: Option<&VrijstellingMelding>) -> Vec<VrijstellingMutatie> {
    use VrijstellingMutatie::*;
    let sleutel = |m: &VrijstellingMelding| (m.bsn.clone(), m.artikel.clone(), m.ingangsdatum);
    match (vorige.filter(|v| v.mutatie != Ingetrokken), nu) {
        (None, Some(_)) => vec![Nieuw],
        (Some(v), Some(n)) if sleutel(v) != sleutel(n) => vec![Ingetrokken, Nieuw],
        (Some(v), Some(n)) if (&v.gemeente, v.einddatum) != (&n.gemeente, n.einddatum) => vec![Gewijzigd],
        (Some(_), None) => vec![Ingetrokken],
        _ => vec![],
    }
}

/// The woongemeente for DUO: where the youth lived on the ingangsdatum, else the first address
/// after it, else the last before it (so a later move does not change it).
fn woongemeente(adressen: &[&Woonadres], op: Datum) -> Option<String> {
    adressen
        .iter()
        .find(|a| a.begindatum <= op && a.einddatum.is_none_or(|e| op <= e))
        .or_else(|| adressen.iter().filter(|a| a.begindatum > op).min_by_key(|a| a.begindatum))
        .or_else(|| adressen.iter().max_by_key(|a| a.begindatum))
        .map(|a| a.gemeente.as_str().to_string())
}

/// A new verzending with every change since the last message about each vrijstelling, on behalf
/// of `door` (who must be allowed to register vrijstellingen). A trial run (`proef`) keeps nothing.
pub async fn verzamel(store: &Store, door: &Medewerker, proef: bool) -> Result<Verzameld, KoppelFout> {
    mag_registreren(door.rol).map_err(leerspoor_casework::Fout::from)?;
    let mut s = store.schrijver(&door.id, &format!("koppeling {BESTEMMING}")).await?;
    s.vergrendel(BESTEMMING).await?;
    let vrijstellingen: Vec<Vrijstelling> = s.lees().await?;
    let ids: Vec<String> = vrijstellingen
        .iter()
        .map(|v| v.jongere.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let jongeren: HashMap<String, Jongere> =
        s.lees_in::<Jongere>("id", &ids).await?.into_iter().map(|j| (j.id.clone(), j)).collect();
    let adressen: Vec<Woonadres> = s.lees_in("jongere", &ids).await?;
    let mut eerder: Vec<VrijstellingMelding> = s.lees().await?;
    eerder.sort_by_key(|m| m.volgnummer);
    let volgende = eerder.last().map_or(1, |m| m.volgnummer + 1);
    let laatste: BTreeMap<String, VrijstellingMelding> =
        eerder.into_iter().map(|m| (m.vrijstelling.clone(), m)).collect();
    let klaargezet = uitgaand::nu();
    let mut uit = Verzameld::default();
    let mut nieuw = Vec::new();
    let mut gezien = Vec::new();
    for v in &vrijstellingen {
        gezien.push(v.id.as_str());
        let Some((van, tot)) = in_duo_register(v) else {
            nieuw.extend(ingetrokken(laatste.get(&v.id), &klaargezet));
            continue;
        };
        let Some(j) = jongeren.get(&v.jongere) else { continue };
        let eigen: Vec<&Woonadres> = adressen.iter().filter(|a| a.jongere == j.id).collect();
        let Some(gemeente) = woongemeente(&eigen, van) else {
            uit.overgeslagen.push((v.id.clone(), "de jongere heeft geen woongemeente in het register".into()));
            continue;
        };
        let nu = VrijstellingMelding {
            id: ids::nieuw("VM"),
            vrijstelling: v.id.clone(),
            mutatie: VrijstellingMutatie::Nieuw,
            bsn: j.bsn.as_digits(),
            artikel: v.artikel.clone(),
            gemeente,
            ingangsdatum: van,
            einddatum: tot,
            besluitdatum: v.besluitdatum,
            klaargezet: klaargezet.clone(),
            volgnummer: 0,
            verzending: String::new(),
        };
        for mutatie in mutaties(laatste.get(&v.id), Some(&nu)) {
            match mutatie {
                VrijstellingMutatie::Ingetrokken => nieuw.extend(ingetrokken(laatste.get(&v.id), &klaargezet)),
                _ => nieuw.push(VrijstellingMelding { id: ids::nieuw("VM"), mutatie, ..nu.clone() }),
            }
        }
    }
    // Sent once, gone from the register since.
    for (id, vorige) in &laatste {
        if !gezien.contains(&id.as_str()) {
            nieuw.extend(ingetrokken(Some(vorige), &klaargezet));
        }
    }
    if nieuw.is_empty() {
        return Ok(uit);
    }
    // Per vrijstelling in the order made: a withdrawal before the new one that replaces it.
    nieuw.sort_by(|a, b| a.vrijstelling.cmp(&b.vrijstelling));
    let verzending = uitgaand::nieuw(&mut s, door, BESTEMMING, &klaargezet).await?;
    for (n, m) in nieuw.iter_mut().enumerate() {
        m.volgnummer = volgende + n as u64;
        m.verzending.clone_from(&verzending.id);
        s.nieuw(m).await?;
    }
    if !proef {
        s.vastleggen(&format!("koppeling {BESTEMMING}"), &verzending.id).await?;
    }
    uit.uitgaand = Some(Uitgaand { verzending, meldingen: nieuw });
    Ok(uit)
}

/// The withdrawal of what was sent last, if it still stands at DUO.
fn ingetrokken(vorige: Option<&VrijstellingMelding>, klaargezet: &str) -> Option<VrijstellingMelding> {
    let v = vorige.filter(|v| v.mutatie != VrijstellingMutatie::Ingetrokken)?;
    Some(VrijstellingMelding {
        id: ids::nieuw("VM"),
        mutatie: VrijstellingMutatie::Ingetrokken,
        klaargezet: klaargezet.to_string(),
        verzending: String::new(),
        ..v.clone()
    })
}

/// The verzendingen: those not yet acknowledged first, then the latest.
pub async fn verzendingen(store: &Store) -> Result<Vec<Verzending>, StoreFout> {
    uitgaand::verzendingen(store, BESTEMMING).await
}

/// What a verzending holds, to write it (again).
pub async fn inhoud(store: &Store, id: &str) -> Result<Option<Uitgaand>, StoreFout> {
    let Some(verzending) = uitgaand::verzending(store, BESTEMMING, id).await? else {
        return Ok(None);
    };
    let mut meldingen: Vec<VrijstellingMelding> = store.lees_waar("verzending", id).await?;
    meldingen.sort_by(|a, b| a.vrijstelling.cmp(&b.vrijstelling));
    Ok(Some(Uitgaand { verzending, meldingen }))
}

/// Records DUO's receipt of a verzending.
pub async fn bevestig(store: &Store, door: &Medewerker, id: &str) -> Result<Verzending, KoppelFout> {
    mag_registreren(door.rol).map_err(leerspoor_casework::Fout::from)?;
    uitgaand::bevestig(store, door, BESTEMMING, "de vrijstellingen", id).await
}

/// The verzending as a file for the package (`;`, UTF-8): per vrijstelling the mutation, the BSN
/// (DUO's register is kept by persoonsgebonden nummer), the article in words, woongemeente and
/// dates; no name or address.
pub fn als_csv(u: &Uitgaand, codes: &[Code]) -> String {
    let artikel = |code: &str| uitgaand::omschrijving(codes, "vrijstelling_artikel", code);
    let datum = |d: Option<Datum>| d.map(|d| d.format("%d-%m-%Y").to_string()).unwrap_or_default();
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let kop =
        ["Mutatie", "BSN", "Artikel", "Omschrijving", "Woongemeente", "Ingangsdatum", "Einddatum", "Datum besluit"];
    w.write_record(kop).expect("schrijven naar geheugen");
    for m in &u.meldingen {
        let rij = [
            m.mutatie.label().to_string(),
            m.bsn.clone(),
            m.artikel.clone(),
            artikel(&m.artikel),
            m.gemeente.clone(),
            datum(Some(m.ingangsdatum)),
            datum(m.einddatum),
            datum(m.besluitdatum),
        ];
        w.write_record(rij.map(|c| crate::duo_terugmelding::geen_formule(&c))).expect("schrijven naar geheugen");
    }
    String::from_utf8(w.into_inner().expect("schrijven naar geheugen")).expect("UTF-8 in, UTF-8 uit")
}

/// The verzending for the JSON endpoint: the same messages as the file, dates as ISO 8601.
pub fn als_json(u: &Uitgaand, codes: &[Code]) -> serde_json::Value {
    let meldingen: Vec<_> = u
        .meldingen
        .iter()
        .map(|m| {
            serde_json::json!({
                "mutatie": m.mutatie.code(),
                "bsn": m.bsn,
                "artikel": uitgaand::code_json(codes, "vrijstelling_artikel", &m.artikel),
                "woongemeente": m.gemeente,
                "ingangsdatum": m.ingangsdatum.to_string(),
                "einddatum": m.einddatum.map(|d| d.to_string()),
                "datumBesluit": m.besluitdatum.map(|d| d.to_string()),
            })
        })
        .collect();
    serde_json::json!({ "verzending": uitgaand::als_json(&u.verzending), "vrijstellingen": meldingen })
}

#[cfg(test)]
mod tests {
    use super::*;
    use VrijstellingMutatie::*;

    fn melding(mutatie: VrijstellingMutatie, tot: Option<&str>) -> VrijstellingMelding {
        VrijstellingMelding {
            id: "VM1".into(),
            vrijstelling: "V1".into(),
            mutatie,
            bsn: "111222333".into(),
            artikel: "art5_sub_a".into(),
            gemeente: "GM9901".into(),
            ingangsdatum: "2020-10-01".parse().unwrap(),
            einddatum: tot.map(|t| t.parse().unwrap()),
            besluitdatum: None,
            klaargezet: String::new(),
            volgnummer: 0,
            verzending: String::new(),
        }
    }

    #[test]
    fn a_grant_goes_once_its_change_goes_and_its_end_goes_as_a_withdrawal() {
        let nu = melding(Nieuw, None);
        assert_eq!(mutaties(None, Some(&nu)), [Nieuw]);
        assert_eq!(mutaties(Some(&nu), Some(&nu)), [], "nothing changed");
        let besloten = VrijstellingMelding { besluitdatum: "2021-01-10".parse().ok(), ..nu.clone() };
        assert_eq!(mutaties(Some(&nu), Some(&besloten)), [], "a new decision keeping the grant");
        assert_eq!(mutaties(Some(&nu), Some(&melding(Nieuw, Some("2021-07-31")))), [Gewijzigd]);
        assert_eq!(mutaties(Some(&nu), None), [Ingetrokken]);
        let weg = melding(Ingetrokken, None);
        assert_eq!(mutaties(Some(&weg), None), [], "withdrawn once");
        assert_eq!(mutaties(Some(&weg), Some(&nu)), [Nieuw], "granted again");
    }

    #[test]
    fn a_corrected_bsn_article_or_ingangsdatum_withdraws_the_old_one_at_duo_and_sends_the_new() {
        let nu = melding(Nieuw, None);
        let ander_bsn = VrijstellingMelding { bsn: "123456782".into(), ..nu.clone() };
        assert_eq!(mutaties(Some(&nu), Some(&ander_bsn)), [Ingetrokken, Nieuw]);
        let ander_artikel = VrijstellingMelding { artikel: "art5_sub_b".into(), ..nu.clone() };
        assert_eq!(mutaties(Some(&nu), Some(&ander_artikel)), [Ingetrokken, Nieuw]);
        let verhuisd = VrijstellingMelding { gemeente: "GM9902".into(), ..nu.clone() };
        assert_eq!(mutaties(Some(&nu), Some(&verhuisd)), [Gewijzigd]);
    }
}
