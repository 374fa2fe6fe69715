//! Documents the office receives (docs/brieven.md, "Ontvangen documenten"): a statement, an
//! advice, a verzuimstaat, a parent's request, stored with the dossier as they came in. The rules
//! ([`leerspoor_domain::rules::inkomend`]) say what may be linked to what and check the dates; the
//! content is checked by its bytes. A statement the vrijstelling rules read sets the request's date
//! in the same transaction, so the grant reads what was received.
use crate::vrijstellingen::{Aanvulling, aangevuld};
use crate::{Fout, Result, bestaand, ids};
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{Document, Geadresseerde, Medewerker, Ontvangst, Vrijstelling, Zaak};
use leerspoor_domain::rules::inkomend::{self, InkomendSoort, Koppeling};
use leerspoor_domain::rules::zaak as zaak_regels;
use leerspoor_store::Store;
use sha2::{Digest, Sha256};

const AFZENDER_MAX: usize = 200;

/// A document as it came in: its kind, the youth and the record it belongs to, who sent it, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binnengekomen {
    pub jongere: String,
    pub soort: InkomendSoort,
    pub ontvangen_op: Datum,
    pub afzender: String,
    /// The date on the document itself.
    pub opgesteld_op: Option<Datum>,
    pub vrijstelling: Option<String>,
    pub zaak: Option<String>,
}

/// Checks and stores a received document with its bytes, all or nothing; the access log names it.
pub async fn ontvang(
    store: &Store,
    door: &Medewerker,
    b: &Binnengekomen,
    inhoud: &[u8],
    vandaag: Datum,
) -> Result<Document> {
    zaak_regels::mag_behandelen(door.rol)?;
    let mediatype = inkomend::mediatype(inhoud).map_err(|m| Fout::invoer("bestand", m))?;
    let afzender = b.afzender.trim();
    if afzender.is_empty() || afzender.chars().count() > AFZENDER_MAX {
        return Err(Fout::invoer("afzender", format!("van wie komt het (ten hoogste {AFZENDER_MAX} tekens)?")));
    }
    let vrijstelling = match &b.vrijstelling {
        Some(id) => Some(eigen::<Vrijstelling>(store, "vrijstelling", id, &b.jongere, |v| &v.jongere).await?),
        None => None,
    };
    if let Some(id) = &b.zaak {
        eigen::<Zaak>(store, "zaak", id, &b.jongere, |z| &z.jongere).await?;
    }
    let koppeling = match (&vrijstelling, &b.zaak) {
        (Some(_), Some(_)) => return Err(Fout::invoer("zaak", "kies een aanvraag of een zaak, niet beide")),
        (Some(v), None) => Koppeling::Vrijstelling { artikel: &v.artikel },
        (None, Some(_)) => Koppeling::Zaak,
        (None, None) => Koppeling::Geen,
    };
    inkomend::toets_koppeling(b.soort, koppeling)?;
    inkomend::toets_datums(
        b.soort,
        b.ontvangen_op,
        b.opgesteld_op,
        vandaag,
        vrijstelling.as_ref().map(|v| v.aanvraagdatum),
    )?;
    // The statement's date goes into the request, through the same checks as a completion by hand.
    let aanvulling = match (b.soort, &vrijstelling, b.opgesteld_op) {
        (InkomendSoort::Artsverklaring, Some(v), Some(d)) => {
            Some((v, Aanvulling { artsverklaring_datum: Some(d), ..Default::default() }))
        }
        (InkomendSoort::SwvAdvies, Some(v), Some(d)) => {
            Some((v, Aanvulling { swv_advies_datum: Some(d), ..Default::default() }))
        }
        (InkomendSoort::Werkgeversverklaring, Some(v), Some(d)) => {
            Some((v, Aanvulling { werkgeversverklaring_datum: Some(d), ..Default::default() }))
        }
        _ => None,
    };
    let aanvulling = match aanvulling {
        Some((v, a)) => Some(aangevuld(store, door, &v.id, a).await?),
        None => None,
    };

    let document = Document {
        id: ids::nieuw("D"),
        jongere: b.jongere.clone(),
        zaak: b.zaak.clone(),
        vrijstelling: b.vrijstelling.clone(),
        actie: None,
        soort: b.soort.code().to_string(),
        ontvanger: Geadresseerde::Bureau,
        ouder: None,
        datum: b.ontvangen_op,
        auteur: door.id.clone(),
        sjabloon: String::new(),
        sha256: Sha256::digest(inhoud).iter().map(|b| format!("{b:02x}")).collect(),
        bytes: inhoud.len() as i64,
        vervangt: None,
        reeks: None,
        mediatype: mediatype.to_string(),
        adres: Vec::new(),
        ontvangst: Some(Ontvangst { afzender: afzender.to_string(), opgesteld_op: b.opgesteld_op }),
    };
    let mut s = store.schrijver(&door.id, "document ontvangen").await?;
    s.nieuw(&document).await?;
    s.document_inhoud(&document.id, inhoud).await?;
    let mut object = format!("document:{}", document.id);
    if let Some((oud, nieuw)) = &aanvulling {
        s.wijzig(oud, nieuw).await?;
        object = format!("{object}, vrijstelling:{}", nieuw.id);
    }
    s.vastleggen("document ontvangen", &object).await?;
    Ok(document)
}

/// A record of this youth; another youth's is unknown here (its id says nothing about it).
async fn eigen<R: leerspoor_store::rij::Rij>(
    store: &Store,
    wat: &'static str,
    id: &str,
    jongere: &str,
    van: impl Fn(&R) -> &String,
) -> Result<R> {
    let r: R = bestaand(store, wat, id).await?;
    if van(&r) != jongere {
        return Err(Fout::Onbekend { wat, id: id.to_string() });
    }
    Ok(r)
}
