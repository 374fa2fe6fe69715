//! Batches of letters (docs/brieven.md "Reeksen"): the zomeractie letter to every oud-VSV-er, the
//! announcement to every family whose vrijstelling ends in a period. Each letter is made exactly as
//! from the dossier ([`super::opstellen`]: the same rules, fields and templates) and stored with its
//! own dossier, all in one transaction; the batch is the documents' shared [`Document::reeks`]. The
//! print file and the mail room's list are made from the stored documents, in postcode order.
use super::{Onderwerp, Opgesteld, Verzoek, opstellen};
use crate::{Fout, Result, ids};
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{Document, Gemeente, Medewerker, Woonadres};
use leerspoor_domain::rules::brief::{self, BriefSoort};
use leerspoor_domain::rules::vsv::komende_een_oktober;
use leerspoor_domain::spreadsheet::als_cel;
use leerspoor_store::Store;
use leerspoor_store::rij::{Type, Waarde};
use leerspoor_store::toegang::Herkomst;
use std::collections::HashMap;

/// More youths than this in one go (each gets one to three letters) is a selection to narrow (a
/// gemeente, a shorter period): the batch is typeset in one request and stored in one transaction.
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

/// Whether `eerder`, a letter in the register, already is the letter of this kind that `nieuw` would
/// be: the zomeractie towards the same 1 October, the end of the same vrijstelling. A batch can so be
/// made again after new records, and two made at once do not send a letter twice ([`leg_vast`]).
fn al_verstuurd(eerder: &Document, nieuw: &Document) -> bool {
    if eerder.soort != nieuw.soort || eerder.reeks.is_some() && eerder.reeks == nieuw.reeks {
        return false;
    }
    if nieuw.soort == BriefSoort::Zomeractie.code() {
        eerder.jongere == nieuw.jongere && komende_een_oktober(eerder.datum) == komende_een_oktober(nieuw.datum)
    } else {
        nieuw.vrijstelling.is_some() && eerder.vrijstelling == nieuw.vrijstelling
    }
}

/// A letter of the batch as [`al_verstuurd`] compares it, before it is made.
fn ontwerp(r: &Reeksverzoek, jongere: &str, vrijstelling: Option<&str>) -> Document {
    Document {
        id: String::new(),
        jongere: jongere.into(),
        zaak: None,
        vrijstelling: vrijstelling.map(Into::into),
        actie: None,
        soort: r.soort.code().into(),
        ontvanger: leerspoor_domain::model::Geadresseerde::Jongere,
        ouder: None,
        datum: r.datum,
        auteur: String::new(),
        sjabloon: String::new(),
        sha256: String::new(),
        bytes: 0,
        vervangt: None,
        reeks: None,
        mediatype: String::new(),
        ontvangst: None,
        adres: Vec::new(),
    }
}

/// The youths a batch is for, by its rules, without those who already had this letter
/// ([`al_verstuurd`]). Each youth shown is in the access log.
pub async fn kandidaten(store: &Store, door: &Medewerker, r: &Reeksverzoek, vandaag: Datum) -> Result<Vec<Kandidaat>> {
    brief::mag_opstellen(r.soort, door.rol, door.boa, &door.id, None)?;
    if r.datum > vandaag {
        return Err(Fout::invoer("datum", format!("een brief kan niet vooruit gedateerd worden ({})", r.datum)));
    }
    if let Some(g) = &r.gemeente
        && !store.lees::<Gemeente>().await?.iter().any(|x| x.code.as_str() == g)
    {
        return Err(Fout::invoer("gemeente", format!("'{g}' is geen gemeente van de regio (bijv. GM0363)")));
    }
    let verstuurd: Vec<Document> = store.lees_waar("soort", r.soort.code()).await?;
    let gehad = |jongere: &str, vrijstelling: Option<&str>| {
        let nieuw = ontwerp(r, jongere, vrijstelling);
        verstuurd.iter().any(|d| al_verstuurd(d, &nieuw))
    };
    let mut uit: Vec<Kandidaat> = match r.soort {
        BriefSoort::Zomeractie => crate::vsv::oud_vsv_op(store, door, r.datum, komende_een_oktober(r.datum))
            .await?
            .into_iter()
            .filter(|o| !gehad(&o.jongere, None))
            .filter(|o| r.gemeente.as_deref().is_none_or(|g| o.gemeente.as_str() == g))
            .map(|o| Kandidaat { onderwerp: Onderwerp::Jongere(o.jongere.clone()), jongere: o.jongere, naam: o.naam })
            .collect(),
        BriefSoort::EindeVrijstelling => einde_vrijstelling(store, r)
            .await?
            .into_iter()
            .filter(|k| match &k.onderwerp {
                Onderwerp::Vrijstelling(v) => !gehad(&k.jongere, Some(v)),
                _ => true,
            })
            .collect(),
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
    let wat = format!("{} op {}", r.soort.code(), r.datum);
    let objecten: Vec<String> = uit.iter().map(|k| format!("jongere:{}", k.jongere)).collect();
    store.log_reeks(&Herkomst::default(), &door.id, "reeks samengesteld", &objecten, Some(&wat)).await?;
    Ok(uit)
}

/// Granted vrijstellingen whose last day falls in the period, not renewed (no later request of the
/// same article pending or granted: [`crate::vrijstellingen::te_verlengen`]).
async fn einde_vrijstelling(store: &Store, r: &Reeksverzoek) -> Result<Vec<Kandidaat>> {
    let tot = r.einde_tot.ok_or_else(|| Fout::invoer("einde_tot", "tot welke datum lopen de vrijstellingen af?"))?;
    let binnen = u32::try_from((tot - r.datum).num_days())
        .map_err(|_| Fout::invoer("einde_tot", format!("{tot} ligt vóór de datum van de brieven ({})", r.datum)))?;
    let mut uit = Vec::new();
    for (v, j) in crate::vrijstellingen::te_verlengen(store, r.datum, binnen).await? {
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

/// Stores the typeset letters of a batch in one transaction. Each youth's letters are checked again
/// under the youth's lock: a letter that another batch made in the meantime (two colleagues, a
/// double click) is not stored a second time.
pub async fn leg_vast(store: &Store, door: &Medewerker, gezet: Vec<(Document, Vec<u8>)>) -> Result<Vec<Document>> {
    let mut s = store.schrijver(&door.id, "brieven").await?;
    let mut eerder: HashMap<String, Vec<Document>> = HashMap::new();
    let mut bewaard = Vec::with_capacity(gezet.len());
    for (document, pdf) in &gezet {
        if !eerder.contains_key(&document.jongere) {
            s.vergrendel(&document.jongere).await?;
            let van_jongere = s.lees_waar::<Document>("jongere", &document.jongere).await?;
            eerder.insert(document.jongere.clone(), van_jongere);
        }
        if eerder[&document.jongere].iter().any(|e| al_verstuurd(e, document)) {
            continue;
        }
        s.nieuw(document).await?;
        s.document_inhoud(&document.id, pdf).await?;
        bewaard.push(document.clone());
    }
    let ids: Vec<String> = bewaard.iter().map(|d| format!("document:{}", d.id)).collect();
    s.vastleggen("reeks brieven opgemaakt", &ids.join(", ")).await?;
    Ok(bewaard)
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
    if documenten.first().is_some_and(|d| d.soort == BriefSoort::Zomeractie.code()) {
        crate::vsv::mag_lijst_zien(door)?;
    }
    let mut pdfs = Vec::with_capacity(documenten.len());
    for d in &documenten {
        let pdf = store.document_inhoud(&d.id).await?;
        pdfs.push(pdf.ok_or_else(|| Fout::Onbekend { wat: "document", id: d.id.clone() })?);
    }
    // Per letter, so that each youth's inzage (AVG art. 15) shows it was printed.
    let objecten: Vec<String> = documenten.iter().map(|d| format!("document:{}", d.id)).collect();
    let reden = format!("reeks {reeks}");
    store.log_reeks(&Herkomst::default(), &door.id, "reeks afgedrukt", &objecten, Some(&reden)).await?;
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
        // Names and addresses as text, never as a formula (OWASP: CSV injection).
        let regel = |k: usize| als_cel(d.adres.get(k).map_or("", String::as_str));
        let (nummer, eerste, aantal) = ((i + 1).to_string(), pagina.to_string(), n.to_string());
        w.write_record([nummer.as_str(), &d.id, soort, &eerste, &aantal, &regel(0), &regel(1), &regel(2)])
            .map_err(fout)?;
        pagina += n;
    }
    // With a byte order mark: a Dutch Excel otherwise reads Zoë and Ünal in the wrong code page.
    let mut uit = "\u{feff}".as_bytes().to_vec();
    uit.extend(w.into_inner().map_err(|e| Fout::invoer("verzendlijst", e.to_string()))?);
    Ok(uit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zomeractie(datum: &str) -> Reeksverzoek {
        Reeksverzoek { soort: BriefSoort::Zomeractie, datum: datum.parse().unwrap(), gemeente: None, einde_tot: None }
    }

    fn brief(id: &str, adres: &[&str]) -> Document {
        let mut d = ontwerp(&zomeractie("2022-06-15"), "J1", None);
        d.id = id.into();
        d.adres = adres.iter().map(|r| r.to_string()).collect();
        d
    }

    #[test]
    fn a_zomeractie_letter_counts_towards_the_coming_1_october_on_either_side_of_1_august() {
        let juli = ontwerp(&zomeractie("2022-07-31"), "J1", None);
        assert!(al_verstuurd(&juli, &ontwerp(&zomeractie("2022-08-01"), "J1", None)));
        assert!(!al_verstuurd(&juli, &ontwerp(&zomeractie("2022-10-02"), "J1", None)), "next year's");
        assert!(!al_verstuurd(&juli, &ontwerp(&zomeractie("2022-08-01"), "J2", None)), "another youth");
        // Letters of the batch being stored do not count against each other (parents and youth).
        let zelfde = Document { reeks: Some("R1".into()), ..juli.clone() };
        assert!(!al_verstuurd(&zelfde, &Document { reeks: Some("R1".into()), ..juli }));
    }

    #[test]
    fn the_mail_list_counts_pages_in_the_print_file_and_never_holds_a_formula() {
        let a = brief("D-1", &["Sam de Vries", "Strandweg 1", "9901AA  Zandvoorde"]);
        let b = brief("D-2", &["=HYPERLINK(\"http://x\")", "-Dorpsstraat 2", "9902BB  Duinwijk"]);
        let csv = String::from_utf8(verzendlijst(&[a, b], &[2, 1]).unwrap()).unwrap();
        let regels: Vec<&str> = csv.strip_prefix('\u{feff}').expect("met BOM").lines().collect();
        assert_eq!(regels[1], "1;D-1;Zomeractie oud-VSV;1;2;Sam de Vries;Strandweg 1;9901AA  Zandvoorde");
        assert_eq!(
            regels[2],
            "2;D-2;Zomeractie oud-VSV;3;1;\"'=HYPERLINK(\"\"http://x\"\")\";'-Dorpsstraat 2;9902BB  Duinwijk"
        );
    }
}
