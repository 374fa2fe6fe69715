//! Batches of letters (docs/brieven.md "Reeksen"): the zomeractie letter to every oud-VSV-er, the
//! announcement to every family whose vrijstelling ends in a period. Each letter is made exactly as
//! from the dossier ([`super::opstellen`]: the same rules, fields and templates) and stored with its
//! own dossier, all in one transaction; the batch is the documents' shared [`Document::reeks`]. The
//! print file and the mail room's list are made from the stored documents, in postcode order.
use super::{Onderwerp, Opgesteld, Verzoek, opstellen};
use crate::{Fout, Result, ids};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{Document, Medewerker, Woonadres};
use leerspoor_domain::rules::brief::{self, BriefSoort};
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_store::Store;
use leerspoor_store::rij::{Type, Waarde};
use std::collections::HashSet;

/// More letters than this in one go is a selection to narrow (a gemeente, a shorter period): the
/// batch is typeset in one request and stored in one transaction.
pub const MAX_JONGEREN: usize = 1000;

/// What a batch is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reeksverzoek {
    /// [`BriefSoort::Zomeractie`] or [`BriefSoort::EindeVrijstelling`].
    pub soort: BriefSoort,
    /// The letters' date, today or earlier.
    pub datum: Datum,
    /// Only youths living in this gemeente (its code) on the letters' date.
    pub gemeente: Option<String>,
    /// Einde vrijstelling: the vrijstellingen whose last day lies from the letters' date up to this day.
    pub einde_tot: Option<Datum>,
}

/// A youth the batch is for, with the record the letter is made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kandidaat {
    pub jongere: String,
    pub naam: String,
    pub onderwerp: Onderwerp,
}

/// A youth the selection found but no letter can go to, and why (no parent with gezag, no longer
/// leerplichtig after the vrijstelling, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overgeslagen {
    pub kandidaat: Kandidaat,
    pub reden: String,
}

/// The letters of a batch, ready to be typeset ([`super::zet`]) and stored ([`super::leg_vast`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Voorstel {
    pub reeks: String,
    pub opgesteld: Vec<Opgesteld>,
    pub overgeslagen: Vec<Overgeslagen>,
}

/// A stored batch, for the list of batches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reeks {
    pub id: String,
    pub soort: BriefSoort,
    pub datum: Datum,
    pub auteur: String,
    pub brieven: i64,
}

/// The youths a batch is for, by its rules; already sent this letter (this schooljaar's zomeractie,
/// this vrijstelling's end) they are left out, so a batch can be made again after new records.
pub async fn kandidaten(store: &Store, door: &Medewerker, r: &Reeksverzoek, vandaag: Datum) -> Result<Vec<Kandidaat>> {
    brief::mag_opstellen(r.soort, door.rol, door.boa, &door.id, None)?;
    if r.datum > vandaag {
        return Err(Fout::invoer("datum", format!("een brief kan niet vooruit gedateerd worden ({})", r.datum)));
    }
    let verstuurd: Vec<Document> = store.lees_waar("soort", r.soort.code()).await?;
    let mut uit = match r.soort {
        BriefSoort::Zomeractie => {
            let schooljaar = SchoolJaar::van(r.datum);
            let gehad: HashSet<&str> = verstuurd
                .iter()
                .filter(|d| SchoolJaar::van(d.datum) == schooljaar)
                .map(|d| d.jongere.as_str())
                .collect();
            crate::vsv::oud_vsv_op(store, door, r.datum)
                .await?
                .into_iter()
                .filter(|o| !gehad.contains(o.jongere.as_str()))
                .filter(|o| r.gemeente.as_deref().is_none_or(|g| o.gemeente.as_str() == g))
                .map(|o| Kandidaat {
                    onderwerp: Onderwerp::Jongere(o.jongere.clone()),
                    jongere: o.jongere,
                    naam: o.naam,
                })
                .collect()
        }
        BriefSoort::EindeVrijstelling => einde_vrijstelling(store, r, &verstuurd).await?,
        s => {
            return Err(Fout::invoer(
                "soort",
                format!("een {} wordt per dossier gemaakt, niet in een reeks", s.label().to_lowercase()),
            ));
        }
    };
    uit.sort_by(|a, b| (&a.naam, &a.jongere).cmp(&(&b.naam, &b.jongere)));
    if uit.len() > MAX_JONGEREN {
        return Err(Fout::invoer(
            "reeks",
            format!(
                "{} jongeren is meer dan {MAX_JONGEREN} in één reeks; kies een gemeente of een kortere periode",
                uit.len()
            ),
        ));
    }
    let wat = format!("{} op {}: {} jongeren", r.soort.code(), r.datum, uit.len());
    store.log(&door.id, "reeks samengesteld", &wat, "gelukt", None).await?;
    Ok(uit)
}

/// Granted vrijstellingen whose last day falls in the period, not renewed (no later request of the
/// same article pending or granted: [`crate::vrijstellingen::te_verlengen`]) and not announced yet.
async fn einde_vrijstelling(store: &Store, r: &Reeksverzoek, verstuurd: &[Document]) -> Result<Vec<Kandidaat>> {
    let tot = r.einde_tot.ok_or_else(|| Fout::invoer("einde_tot", "tot welke datum lopen de vrijstellingen af?"))?;
    let binnen = u32::try_from((tot - r.datum).num_days())
        .map_err(|_| Fout::invoer("einde_tot", format!("{tot} ligt vóór de datum van de brieven ({})", r.datum)))?;
    let gehad: HashSet<&str> = verstuurd.iter().filter_map(|d| d.vrijstelling.as_deref()).collect();
    let mut uit = Vec::new();
    for (v, j) in crate::vrijstellingen::te_verlengen(store, r.datum, binnen).await? {
        if gehad.contains(v.id.as_str()) {
            continue;
        }
        if let Some(g) = &r.gemeente {
            let adressen: Vec<Woonadres> = store.lees_waar("jongere", &j.id).await?;
            let woont = adressen.iter().any(|a| {
                a.gemeente.as_str() == g && a.begindatum <= r.datum && a.einddatum.is_none_or(|e| r.datum <= e)
            });
            if !woont {
                continue;
            }
        }
        let naam = leerspoor_domain::datum::volledige_naam(&j.voornamen, &j.tussenvoegsel, &j.achternaam);
        uit.push(Kandidaat { jongere: j.id, naam, onderwerp: Onderwerp::Vrijstelling(v.id) });
    }
    Ok(uit)
}

/// The letters of the batch, one or more per youth as from the dossier; a youth whose letter the
/// rules refuse is listed with the reason, the others go on. In the mail room's order: by postcode
/// and address, so letters to one household lie together.
pub async fn stel_op(store: &Store, door: &Medewerker, r: &Reeksverzoek, vandaag: Datum) -> Result<Voorstel> {
    let reeks = ids::nieuw("R");
    let mut opgesteld = Vec::new();
    let mut overgeslagen = Vec::new();
    for k in kandidaten(store, door, r, vandaag).await? {
        let verzoek = Verzoek {
            soort: r.soort,
            onderwerp: k.onderwerp.clone(),
            datum: r.datum,
            gesprek: None,
            inschrijven_voor: None,
            vervangt: None,
        };
        match opstellen(store, door, &verzoek, vandaag).await {
            Ok(brieven) => opgesteld.extend(brieven.into_iter().map(|mut o| {
                o.document.reeks = Some(reeks.clone());
                o
            })),
            Err(Fout::Weigering(w)) => overgeslagen.push(Overgeslagen { kandidaat: k, reden: w.reden }),
            Err(Fout::Invoer { melding, .. }) => overgeslagen.push(Overgeslagen { kandidaat: k, reden: melding }),
            Err(e) => return Err(e),
        }
    }
    opgesteld.sort_by(|a, b| volgorde(&a.document).cmp(&volgorde(&b.document)));
    Ok(Voorstel { reeks, opgesteld, overgeslagen })
}

/// Postcode first (the last address line starts with it), then street, then the letter.
fn volgorde(d: &Document) -> (Option<&String>, Option<&String>, &String) {
    (d.adres.last(), d.adres.get(1), &d.id)
}

/// The stored letters of a batch in the mail room's order.
pub async fn documenten(store: &Store, reeks: &str) -> Result<Vec<Document>> {
    let mut uit: Vec<Document> = store.lees_waar("reeks", reeks).await?;
    if uit.is_empty() {
        return Err(Fout::Onbekend { wat: "reeks", id: reeks.into() });
    }
    uit.sort_by(|a, b| volgorde(a).cmp(&volgorde(b)));
    Ok(uit)
}

/// Puts the stored PDFs of a batch together as one print file; how many pages each letter takes
/// in it. The caller gives it (this crate does not lay out).
pub type Bundelaar<'a> = &'a (dyn Fn(&[&[u8]]) -> std::result::Result<(Vec<u8>, Vec<usize>), String> + Sync);

/// What the mail room gets for a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Afdruk {
    /// The letters in print order, one PDF.
    pub pdf: Vec<u8>,
    /// The list to check and post them by ([`verzendlijst`]).
    pub csv: Vec<u8>,
    pub brieven: usize,
}

/// The stored letters of a batch with their PDFs, in print order.
pub struct Stukken {
    pub documenten: Vec<Document>,
    pub pdfs: Vec<Vec<u8>>,
}

/// Reads a stored batch for printing; in the access log, as it holds every letter.
pub async fn stukken(store: &Store, door: &Medewerker, reeks: &str) -> Result<Stukken> {
    let documenten = documenten(store, reeks).await?;
    if let Some(soort) = documenten.first().and_then(|d| BriefSoort::parse_code(&d.soort).ok()) {
        brief::mag_opstellen(soort, door.rol, door.boa, &door.id, None)?;
    }
    let mut pdfs = Vec::with_capacity(documenten.len());
    for d in &documenten {
        let pdf = store.document_inhoud(&d.id).await?;
        pdfs.push(pdf.ok_or_else(|| Fout::Onbekend { wat: "document", id: d.id.clone() })?);
    }
    store.log(&door.id, "reeks afgedrukt", &format!("reeks:{reeks}"), "gelukt", None).await?;
    Ok(Stukken { documenten, pdfs })
}

impl Stukken {
    /// The print file and the mail list, made from the documents as stored. Synchronous and heavy
    /// for a large batch: a server runs it on its blocking pool.
    pub fn afdruk(&self, bundelaar: Bundelaar<'_>) -> Result<Afdruk> {
        let delen: Vec<&[u8]> = self.pdfs.iter().map(Vec::as_slice).collect();
        let (pdf, paginas) = bundelaar(&delen).map_err(Fout::Opmaak)?;
        let csv = verzendlijst(&self.documenten, &paginas)?;
        Ok(Afdruk { pdf, csv, brieven: self.documenten.len() })
    }
}

/// The batches made, newest first.
pub async fn reeksen(store: &Store) -> Result<Vec<Reeks>> {
    const SQL: &str = "SELECT reeks, soort, datum, auteur, COUNT(*) FROM document WHERE reeks IS NOT NULL \
                       GROUP BY reeks, soort, datum, auteur ORDER BY datum DESC, reeks DESC";
    let rijen = store.vraag(SQL, &[], &[Type::Tekst, Type::Tekst, Type::Datum, Type::Tekst, Type::Geheel]).await?;
    let mut uit = Vec::new();
    for r in rijen {
        if let Ok(
            [
                Waarde::Tekst(Some(id)),
                Waarde::Tekst(Some(soort)),
                Waarde::Datum(Some(datum)),
                Waarde::Tekst(Some(auteur)),
                Waarde::Geheel(Some(brieven)),
            ],
        ) = <[Waarde; 5]>::try_from(r)
        {
            let soort = BriefSoort::parse_code(&soort).map_err(|m| Fout::invoer("soort", m))?;
            uit.push(Reeks { id, soort, datum, auteur, brieven });
        }
    }
    Ok(uit)
}

/// The mail room's list of a batch, as CSV (`;`, the Dutch spreadsheet's separator): per letter in
/// print order its number, kenmerk, the first page in the print file and the number of pages, and the
/// address as printed. No BSN, no other field of the dossier.
pub fn verzendlijst(documenten: &[Document], paginas: &[usize]) -> Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let fout = |e: csv::Error| Fout::invoer("verzendlijst", e.to_string());
    w.write_record([
        "volgnummer",
        "kenmerk",
        "brief",
        "eerste pagina",
        "pagina's",
        "naam",
        "adres",
        "postcode en plaats",
    ])
    .map_err(fout)?;
    let mut pagina = 1;
    for (i, (d, n)) in documenten.iter().zip(paginas).enumerate() {
        let soort = BriefSoort::parse_code(&d.soort).map(|s| s.label()).unwrap_or_default();
        let regel = |k: usize| d.adres.get(k).map_or("", String::as_str);
        let (nummer, eerste, aantal) = ((i + 1).to_string(), pagina.to_string(), n.to_string());
        w.write_record([nummer.as_str(), &d.id, soort, &eerste, &aantal, regel(0), regel(1), regel(2)])
            .map_err(fout)?;
        pagina += n;
    }
    w.into_inner().map_err(|e| Fout::invoer("verzendlijst", e.to_string()))
}
