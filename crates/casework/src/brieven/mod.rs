//! Letters and decisions from the dossier (docs/brieven.md): an invitation, a warning, an oproep tot
//! inschrijving, the acknowledgement of a request and the decisions on it, the HALT referral and
//! the proces-verbaal.
//!
//! [`opstellen`] checks the rules ([`leerspoor_domain::rules::brief`]) and gathers each letter's
//! fields from the dossier, one letter per addressee; [`maak`] has them typeset (the caller gives
//! the typesetter: this crate does not lay out) and stores each PDF with its record in one
//! transaction. A stored document never changes; a correction is a new one that names it.
pub mod reeks;
pub mod velden;

use crate::dossier::Dossier;
use crate::{Fout, Result, bestaand, ids};
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::codes::{Code, CodeLijst};
use leerspoor_domain::datum::{datum_tekst, volledige_naam};
use leerspoor_domain::model::{
    Actie, ContactSoort, Document, Geadresseerde, Gemeente, Gezinsrelatie, Jongere, Medewerker, Ouder, OuderRelatie,
    PvTegen, Regio, School, Vrijstelling, VrijstellingStatus, Zaak,
};
use leerspoor_domain::rules::brief::{self, BriefSoort};
use leerspoor_domain::rules::contact::{self, Taal};
use leerspoor_domain::rules::{awb, melding as melding_regels, vrijstelling as vrijstelling_regels, vsv as vsv_regels};
use leerspoor_store::Store;
use leerspoor_store::documenten::Sjabloon;
use sha2::{Digest, Sha256};
use velden::*;

/// The record a letter is made from, by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Onderwerp {
    Actie(String),
    Zaak(String),
    Vrijstelling(String),
    /// The youth as such: the zomeractie letter to an oud-VSV-er.
    Jongere(String),
}

/// The talk an invitation names: what the rules cannot know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gesprek {
    pub datum: Datum,
    /// `HH:MM`.
    pub tijd: String,
    pub plaats: String,
}

/// A request for a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verzoek {
    pub soort: BriefSoort,
    pub onderwerp: Onderwerp,
    pub datum: Datum,
    /// For an invitation.
    pub gesprek: Option<Gesprek>,
    /// For an oproep tot inschrijving.
    pub inschrijven_voor: Option<Datum>,
    /// The document this one corrects.
    pub vervangt: Option<String>,
}

/// One letter ready to be typeset: its record (hash and size follow from the PDF) and its fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Opgesteld {
    pub document: Document,
    pub velden: Velden,
}

/// What the typesetter gets: the fields, and the office's templates if it saved its own (else the
/// shipped ones).
pub struct Zetopdracht<'a> {
    pub soort: BriefSoort,
    pub velden: &'a Velden,
    pub brief: Option<&'a str>,
    pub briefhoofd: Option<&'a str>,
    pub datum: Datum,
}

/// Lays a letter out as PDF; `Err` says what is wrong with the template.
pub type Zetter<'a> = &'a (dyn Fn(&Zetopdracht) -> std::result::Result<Vec<u8>, String> + Sync);

/// The template every letter's letterhead, address block and signature come from.
pub const BRIEFHOOFD: &str = "briefhoofd";

const PLAATS_MAX: usize = 200;

/// Checks the request and gathers the fields of each letter, one per addressee. Writes nothing.
pub async fn opstellen(store: &Store, door: &Medewerker, v: &Verzoek, vandaag: Datum) -> Result<Vec<Opgesteld>> {
    let bron = Bron::laad(store, &v.onderwerp).await?;
    brief::mag_opstellen(v.soort, door.rol, door.boa, &door.id, bron.stap_medewerker(v.soort))?;
    let dossier = Dossier::laad(store, bron.jongere()).await?;
    brief::toets_onderwerp(v.soort, bron.onderwerp(&dossier, v.datum))?;
    brief::toets_datum(v.soort, v.datum, vandaag, bron.niet_voor(v.soort))?;
    if let Some(overleden) = dossier.jongere.overlijdensdatum {
        return Err(Fout::invoer("jongere", format!("de jongere is overleden ({overleden}); er gaat geen brief uit")));
    }
    let einde = match (&bron, v.soort) {
        (Bron::Vrijstelling(vr, _), BriefSoort::EindeVrijstelling) => Some(einde(&dossier, vr, v.datum)?),
        _ => None,
    };
    let gesprek = gesprek(v, vandaag)?;
    let inschrijven_voor = match (v.soort, v.inschrijven_voor) {
        (BriefSoort::OproepInschrijving, Some(d)) => {
            brief::toets_inschrijftermijn(v.datum, vandaag, d)?;
            Some(datum_tekst(d))
        }
        (BriefSoort::OproepInschrijving, None) => {
            return Err(Fout::invoer("inschrijven_voor", "vóór welke datum moet de jongere ingeschreven zijn?"));
        }
        (_, Some(_)) => return Err(Fout::invoer("inschrijven_voor", "hoort alleen bij een oproep tot inschrijving")),
        (_, None) => None,
    };
    let vervangt = match &v.vervangt {
        Some(id) => Some(vervangen(store, id, &bron, v.soort).await?),
        None => {
            nog_niet_bekendgemaakt(store, &bron, v.soort).await?;
            None
        }
    };

    let ouders = ouders_met_gezag(store, &dossier.jongere.id).await?;
    let gemeenten: Vec<Gemeente> = store.lees().await?;
    let adres = dossier.woonadres_op(v.datum);
    let gemeente = adres
        .and_then(|a| gemeenten.iter().find(|g| g.code == a.gemeente))
        .map(|g| g.naam.clone())
        .ok_or_else(|| Fout::invoer("jongere", format!("geen woonadres in de regio op {}", v.datum)))?;
    let adresregels = adres
        .map(|a| {
            vec![
                format!("{} {}", a.straat, a.huisnummer).trim().to_string(),
                format!("{}  {}", a.postcode, a.woonplaats),
            ]
        })
        .unwrap_or_default();
    let school = match dossier.inschrijving_op(v.datum) {
        Some(i) => schoolnaam(store, &i.brin, &i.vestiging).await?,
        None => None,
    };
    let j = &dossier.jongere;
    let naam = volledige_naam(&j.voornamen, &j.tussenvoegsel, &j.achternaam);
    let instantie = matches!(v.soort, BriefSoort::HaltVerwijzing | BriefSoort::ProcesVerbaal);
    let jongere = JongereVelden {
        naam: naam.clone(),
        roepnaam: j.voornamen.split_whitespace().next().unwrap_or_default().to_string(),
        geboortedatum: datum_tekst(j.geboortedatum),
        bsn: instantie.then(|| j.bsn.to_string()),
        adres: adresregels.clone(),
    };

    let mut basis = Velden {
        soort: v.soort.code(),
        titel: v.soort.label(),
        kenmerk: String::new(),
        datum: datum_tekst(v.datum),
        regio: store.lees::<Regio>().await?.into_iter().next().map(|r| r.naam).unwrap_or_default(),
        aan: "",
        geadresseerde: Adresblok { naam: String::new(), regels: Vec::new() },
        aanhef: String::new(),
        jongere,
        gemeente: gemeente.clone(),
        school,
        ouders: ouders.iter().map(|(o, _)| volledige_naam(&o.voornamen, &o.tussenvoegsel, &o.achternaam)).collect(),
        afzender: afzender(store, &bron, v.soort, door).await?,
        zaak: None,
        meldingen: Vec::new(),
        contacten: Vec::new(),
        gesprek,
        inschrijven_voor,
        aanvraag: None,
        rechtsmiddel: None,
        proces_verbaal: None,
        taal: None,
        uitval: None,
        einde,
        vervangt,
    };
    bron.vul(store, &dossier, &mut basis, v, &gemeenten).await?;

    let mut uit = Vec::new();
    for ontvanger in brief::ontvangers(v.soort, j.geboortedatum, v.datum) {
        let mut per: Vec<(Option<&Ouder>, Adresblok, String)> = Vec::new();
        match ontvanger {
            Geadresseerde::Jongere => per.push((
                None,
                Adresblok { naam: naam.clone(), regels: adresregels.clone() },
                format!("Beste {},", basis.jongere.roepnaam),
            )),
            Geadresseerde::Ouder => {
                if ouders.is_empty() {
                    return Err(Fout::invoer(
                        "ouders",
                        "er is geen ouder of verzorger met gezag geregistreerd; leg die eerst vast in het dossier",
                    ));
                }
                for (o, relatie) in &ouders {
                    let oudernaam = volledige_naam(&o.voornamen, &o.tussenvoegsel, &o.achternaam);
                    // The parent's own address is not in the register: letters go to the youth's.
                    per.push((
                        Some(o),
                        Adresblok { naam: oudernaam, regels: adresregels.clone() },
                        aanhef(o, *relatie),
                    ));
                }
            }
            // Only a received document is addressed to the office (ontvangen.rs).
            Geadresseerde::Bureau => return Err(Fout::invoer("soort", "een brief gaat niet aan het bureau zelf")),
            Geadresseerde::Halt | Geadresseerde::OpenbaarMinisterie => {
                let instantie =
                    if ontvanger == Geadresseerde::Halt { "Halt" } else { "Openbaar Ministerie" }.to_string();
                per.push((None, Adresblok { naam: instantie, regels: Vec::new() }, "Geachte heer, mevrouw,".into()));
            }
        }
        for (ouder, blok, aanhef) in per {
            let id = ids::nieuw("D");
            let taal = match ontvanger {
                Geadresseerde::Jongere | Geadresseerde::Ouder => {
                    voorkeurstaal(&dossier, ouder.map(|o| o.id.as_str()), v.datum)
                }
                _ => None,
            };
            let adres = std::iter::once(blok.naam.clone()).chain(blok.regels.iter().cloned()).collect();
            let velden = Velden {
                kenmerk: id.clone(),
                aan: ontvanger.code(),
                geadresseerde: blok,
                aanhef,
                taal,
                ..basis.clone()
            };
            let document = Document {
                id,
                jongere: j.id.clone(),
                zaak: bron.zaak_id(),
                vrijstelling: bron.vrijstelling_id(),
                actie: bron.actie_id(),
                soort: v.soort.code().to_string(),
                ontvanger,
                ouder: ouder.map(|o| o.id.clone()),
                datum: v.datum,
                auteur: door.id.clone(),
                sjabloon: String::new(),
                sha256: String::new(),
                bytes: 0,
                vervangt: v.vervangt.clone(),
                reeks: None,
                mediatype: "application/pdf".into(),
                ontvangst: None,
                adres,
            };
            uit.push(Opgesteld { document, velden });
        }
    }
    Ok(uit)
}

/// Makes the letters of `v` and stores each with the dossier, all or none; the access log names
/// each document.
pub async fn maak(
    store: &Store,
    door: &Medewerker,
    v: &Verzoek,
    vandaag: Datum,
    zetter: Zetter<'_>,
) -> Result<Vec<Document>> {
    let opgesteld = opstellen(store, door, v, vandaag).await?;
    let gezet = zet(&store.sjablonen().await?, opgesteld, zetter)?;
    leg_vast(store, door, gezet, "brief opgemaakt").await
}

/// Typesets the letters with the office's newest templates (`sjablonen`: [`Store::sjablonen`]; the
/// shipped ones where it has none), and completes each record with the template versions, the PDF's
/// hash and size. Synchronous and heavy: a server runs it on its blocking pool.
pub fn zet(sjablonen: &[Sjabloon], opgesteld: Vec<Opgesteld>, zetter: Zetter<'_>) -> Result<Vec<(Document, Vec<u8>)>> {
    let van = |naam: &str| sjablonen.iter().find(|s| s.naam == naam);
    let mut uit = Vec::with_capacity(opgesteld.len());
    for o in opgesteld {
        let soort = BriefSoort::parse_code(&o.document.soort).map_err(|m| Fout::invoer("soort", m))?;
        let (brief, hoofd) = (van(soort.code()), van(BRIEFHOOFD));
        let opdracht = Zetopdracht {
            soort,
            velden: &o.velden,
            brief: brief.map(|s| s.inhoud.as_str()),
            briefhoofd: hoofd.map(|s| s.inhoud.as_str()),
            datum: o.document.datum,
        };
        let pdf = zetter(&opdracht).map_err(Fout::Opmaak)?;
        let versie = |s: Option<&Sjabloon>| s.map_or(0, |s| s.versie);
        let document = Document {
            sjabloon: format!("{} {}, {BRIEFHOOFD} {}", soort.code(), versie(brief), versie(hoofd)),
            sha256: hex(&Sha256::digest(&pdf)),
            bytes: pdf.len() as i64,
            ..o.document
        };
        uit.push((document, pdf));
    }
    Ok(uit)
}

/// Stores typeset letters with their records in one transaction.
pub async fn leg_vast(
    store: &Store,
    door: &Medewerker,
    gezet: Vec<(Document, Vec<u8>)>,
    handeling: &str,
) -> Result<Vec<Document>> {
    let mut s = store.schrijver(&door.id, "brieven").await?;
    for (document, pdf) in &gezet {
        s.nieuw(document).await?;
        s.document_inhoud(&document.id, pdf).await?;
    }
    let ids: Vec<String> = gezet.iter().map(|(d, _)| format!("document:{}", d.id)).collect();
    s.vastleggen(handeling, &ids.join(", ")).await?;
    Ok(gezet.into_iter().map(|(d, _)| d).collect())
}

/// The documents of a youth's dossier, newest first.
pub async fn van_jongere(store: &Store, jongere: &str) -> Result<Vec<Document>> {
    let mut documenten: Vec<Document> = store.lees_waar("jongere", jongere).await?;
    documenten.sort_by(|a, b| (b.datum, &b.id).cmp(&(a.datum, &a.id)));
    Ok(documenten)
}

/// A document with its PDF; the caller logs the view.
pub async fn inhoud(store: &Store, id: &str) -> Result<(Document, Vec<u8>)> {
    let document: Document = bestaand(store, "document", id).await?;
    let pdf = store.document_inhoud(id).await?.ok_or_else(|| Fout::Onbekend { wat: "document", id: id.into() })?;
    Ok((document, pdf))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// An invitation needs its talk; no other letter takes one.
fn gesprek(v: &Verzoek, vandaag: Datum) -> Result<Option<GesprekVelden>> {
    let uitnodiging = matches!(v.soort, BriefSoort::UitnodigingGesprek | BriefSoort::RmcUitnodiging);
    match (&v.gesprek, uitnodiging) {
        (None, false) => Ok(None),
        (Some(_), false) => Err(Fout::invoer("gesprek", "hoort alleen bij een uitnodiging")),
        (None, true) => Err(Fout::invoer("gesprek", "wanneer en waar is het gesprek?")),
        (Some(g), true) => {
            brief::toets_gesprek(v.datum, vandaag, g.datum)?;
            let tijd = chrono::NaiveTime::parse_from_str(g.tijd.trim(), "%H:%M").map_err(|_| {
                Fout::invoer("tijd", format!("'{}' is geen tijd (verwacht UU:MM, bijv. 09:30)", g.tijd.trim()))
            })?;
            let plaats = g.plaats.trim();
            if plaats.is_empty() || plaats.chars().count() > PLAATS_MAX {
                return Err(Fout::invoer(
                    "plaats",
                    format!("vul de plaats van het gesprek in (ten hoogste {PLAATS_MAX} tekens)"),
                ));
            }
            Ok(Some(GesprekVelden {
                datum: datum_tekst(g.datum),
                tijd: tijd.format("%H:%M").to_string(),
                plaats: plaats.into(),
            }))
        }
    }
}

/// The document a correction replaces: of the same kind, about the same record. The text "vervangt
/// kenmerk van datum".
async fn vervangen(store: &Store, id: &str, bron: &Bron, soort: BriefSoort) -> Result<String> {
    let oud: Document = bestaand(store, "document", id).await?;
    let zelfde = oud.soort == soort.code()
        && oud.jongere == bron.jongere()
        && (oud.zaak.clone(), oud.vrijstelling.clone(), oud.actie.clone())
            == (bron.zaak_id(), bron.vrijstelling_id(), bron.actie_id());
    if !zelfde {
        return Err(Fout::invoer(
            "vervangt",
            format!("document {id} is geen {} over hetzelfde onderdeel van dit dossier", soort.label().to_lowercase()),
        ));
    }
    Ok(format!("{} van {}", oud.id, datum_tekst(oud.datum)))
}

/// A decision is made known once: a second letter about the same decision would start a second
/// bezwaar term. Only a correction ([`Verzoek::vervangt`]) may follow it.
async fn nog_niet_bekendgemaakt(store: &Store, bron: &Bron, soort: BriefSoort) -> Result<()> {
    let Bron::Vrijstelling(v, _) = bron else { return Ok(()) };
    if !brief::maakt_besluit_bekend(soort) {
        return Ok(());
    }
    let eerder: Vec<Document> = store.lees_waar("vrijstelling", &v.id).await?;
    if let Some(d) = al_bekendgemaakt(&eerder, v, soort) {
        return Err(Fout::invoer(
            "vervangt",
            format!("dit besluit is al bekendgemaakt met {} van {}; een verbetering vervangt die brief", d.id, d.datum),
        ));
    }
    Ok(())
}

/// The letter among `documenten` that already made the decision in force on `v` known with a
/// letter of `soort`.
fn al_bekendgemaakt<'a>(documenten: &'a [Document], v: &Vrijstelling, soort: BriefSoort) -> Option<&'a Document> {
    let besluit = v.besluitdatum.unwrap_or(v.aanvraagdatum);
    documenten.iter().find(|d| d.vrijstelling.as_ref() == Some(&v.id) && d.soort == soort.code() && d.datum >= besluit)
}

/// Who signs: whoever took the step the letter makes known ([`brief::ondertekenaar`]).
async fn afzender(store: &Store, bron: &Bron, soort: BriefSoort, door: &Medewerker) -> Result<Afzender> {
    let id = brief::ondertekenaar(bron.stap_medewerker(soort), &door.id);
    let m = if id == door.id { door.clone() } else { bestaand::<Medewerker>(store, "medewerker", id).await? };
    Ok(Afzender { naam: m.naam, functie: m.rol.label().to_string(), email: m.email })
}

/// The parents with gezag, each with how they relate to the youth.
async fn ouders_met_gezag(store: &Store, jongere: &str) -> Result<Vec<(Ouder, OuderRelatie)>> {
    let mut uit = Vec::new();
    for r in store.lees_waar::<Gezinsrelatie>("jongere", jongere).await?.into_iter().filter(|r| r.gezag) {
        uit.push((bestaand::<Ouder>(store, "ouder", &r.ouder).await?, r.relatie));
    }
    uit.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    Ok(uit)
}

fn aanhef(o: &Ouder, relatie: OuderRelatie) -> String {
    let achternaam = volledige_naam("", &o.tussenvoegsel, &o.achternaam);
    // A tussenvoegsel after the title starts with a capital (Geachte heer Van Dijk).
    let mut tekens = achternaam.chars();
    let achternaam = tekens.next().map(|c| c.to_uppercase().chain(tekens).collect::<String>()).unwrap_or_default();
    match relatie {
        OuderRelatie::Moeder => format!("Geachte mevrouw {achternaam},"),
        OuderRelatie::Vader => format!("Geachte heer {achternaam},"),
        OuderRelatie::Verzorger => format!("Geachte heer, mevrouw {achternaam},"),
    }
}

async fn schoolnaam(store: &Store, brin: &str, vestiging: &str) -> Result<Option<String>> {
    let scholen: Vec<School> = store.lees_waar("brin", brin).await?;
    Ok(scholen.into_iter().find(|s| s.vestiging == vestiging).map(|s| format!("{}, {}", s.naam, s.plaats)))
}

/// The record behind a letter, read.
enum Bron {
    Actie(Actie, Zaak),
    Zaak(Zaak),
    /// With the date of the bezwaar the current decision answered, if it did.
    Vrijstelling(Vrijstelling, Option<Datum>),
    Jongere(Jongere),
}

impl Bron {
    async fn laad(store: &Store, onderwerp: &Onderwerp) -> Result<Bron> {
        Ok(match onderwerp {
            Onderwerp::Actie(id) => {
                let actie: Actie = bestaand(store, "actie", id).await?;
                let zaak_id =
                    actie.zaak.clone().ok_or_else(|| Fout::invoer("actie", "deze actie hoort bij geen zaak"))?;
                let zaak: Zaak = bestaand(store, "zaak", &zaak_id).await?;
                Bron::Actie(actie, zaak)
            }
            Onderwerp::Zaak(id) => Bron::Zaak(bestaand(store, "zaak", id).await?),
            Onderwerp::Vrijstelling(id) => {
                let v: Vrijstelling = bestaand(store, "vrijstelling", id).await?;
                let bezwaar = bezwaar_beslist(store, &v).await?;
                Bron::Vrijstelling(v, bezwaar)
            }
            Onderwerp::Jongere(id) => Bron::Jongere(bestaand(store, "jongere", id).await?),
        })
    }

    fn onderwerp(&self, dossier: &Dossier, datum: Datum) -> brief::Onderwerp<'_> {
        match self {
            Bron::Actie(a, z) => brief::Onderwerp::Actie(a, z),
            Bron::Zaak(z) => brief::Onderwerp::Zaak(z),
            Bron::Vrijstelling(v, b) => brief::Onderwerp::Vrijstelling(v, *b),
            Bron::Jongere(_) => brief::Onderwerp::Jongere { oud_vsv: oud_vsv(dossier, datum) },
        }
    }

    fn jongere(&self) -> &str {
        match self {
            Bron::Actie(a, _) => &a.jongere,
            Bron::Zaak(z) => &z.jongere,
            Bron::Vrijstelling(v, _) => &v.jongere,
            Bron::Jongere(j) => &j.id,
        }
    }

    /// The date of what the letter makes known: it is not dated before it.
    fn niet_voor(&self, soort: BriefSoort) -> Datum {
        match self {
            Bron::Actie(a, _) => a.datum,
            Bron::Zaak(z) => z.geopend_op,
            Bron::Vrijstelling(v, _) if soort == BriefSoort::Ontvangstbevestiging => v.aanvraagdatum,
            Bron::Vrijstelling(v, _) => v.besluitdatum.unwrap_or(v.aanvraagdatum),
            Bron::Jongere(j) => j.geboortedatum,
        }
    }

    /// The medewerker who took the step the letter makes known; none for a letter that announces
    /// what comes (the end of a vrijstelling, the zomeractie): whoever makes it signs.
    fn stap_medewerker(&self, soort: BriefSoort) -> Option<&str> {
        match self {
            Bron::Actie(a, _) => a.medewerker.as_deref(),
            Bron::Zaak(z) => z.medewerker.as_deref(),
            Bron::Vrijstelling(..) if soort == BriefSoort::EindeVrijstelling => None,
            Bron::Vrijstelling(v, _) if v.besluitdatum.is_some() => v.medewerker.as_deref(),
            Bron::Vrijstelling(..) | Bron::Jongere(_) => None,
        }
    }

    fn zaak_id(&self) -> Option<String> {
        match self {
            Bron::Actie(_, z) | Bron::Zaak(z) => Some(z.id.clone()),
            Bron::Vrijstelling(..) | Bron::Jongere(_) => None,
        }
    }

    fn vrijstelling_id(&self) -> Option<String> {
        match self {
            Bron::Vrijstelling(v, _) => Some(v.id.clone()),
            _ => None,
        }
    }

    fn actie_id(&self) -> Option<String> {
        match self {
            Bron::Actie(a, _) => Some(a.id.clone()),
            _ => None,
        }
    }

    /// The fields that come from this record: the zaak with its meldingen and contacts, or the request
    /// with its terms.
    async fn vul(
        &self,
        store: &Store,
        dossier: &Dossier,
        velden: &mut Velden,
        v: &Verzoek,
        gemeenten: &[Gemeente],
    ) -> Result<()> {
        match self {
            Bron::Jongere(_) => velden.uitval = uitval(store, dossier).await?,
            Bron::Actie(_, z) | Bron::Zaak(z) => {
                velden.zaak = Some(ZaakVelden {
                    kenmerk: z.id.clone(),
                    soort: z.soort.label().to_string(),
                    geopend_op: datum_tekst(z.geopend_op),
                });
                let soorten: Vec<Code> = store.lees_waar("lijst", CodeLijst::Verzuimsoort.code()).await?;
                let soort = |code: &str| {
                    soorten.iter().find(|c| c.code == code).map_or(code, |c| c.omschrijving.as_str()).to_string()
                };
                // What the office knew on the letter's date.
                let mut meldingen: Vec<_> = dossier
                    .meldingen
                    .iter()
                    // Not one the school withdrew, one closed as no absence after all, nor a repeat
                    // of the same absence.
                    .filter(|m| {
                        m.zaak.as_ref() == Some(&z.id)
                            && m.meldingsdatum <= v.datum
                            && melding_regels::telt(m)
                            && !melding_regels::geen_verzuim(m)
                            && m.vervolg_op.is_none()
                    })
                    .collect();
                meldingen.sort_by_key(|m| (m.meldingsdatum, m.verzuim_van));
                for m in &meldingen {
                    let school = match (&m.brin, &m.vestiging) {
                        (Some(b), Some(ves)) => schoolnaam(store, b, ves).await?,
                        _ => None,
                    };
                    velden.meldingen.push(MeldingVelden {
                        meldingsdatum: datum_tekst(m.meldingsdatum),
                        school,
                        soort: soort(&m.soort),
                        verzuim_van: datum_tekst(m.verzuim_van),
                        verzuim_tot: m.verzuim_tot.map(datum_tekst),
                        uren: m.uren,
                        reden: Some(m.reden.clone()).filter(|r| !r.is_empty()),
                    });
                }
                let eigen = self.actie_id();
                let mut acties: Vec<_> = dossier
                    .acties
                    .iter()
                    .filter(|a| a.zaak.as_ref() == Some(&z.id) && a.datum <= v.datum && Some(&a.id) != eigen.as_ref())
                    .collect();
                acties.sort_by_key(|a| (a.datum, a.id.clone()));
                velden.contacten = acties
                    .iter()
                    .map(|a| ContactVelden {
                        datum: datum_tekst(a.datum),
                        soort: a.soort.label().to_string(),
                        toelichting: a.toelichting.clone(),
                    })
                    .collect();
                if let Bron::Actie(a, _) = self
                    && v.soort == BriefSoort::ProcesVerbaal
                {
                    velden.proces_verbaal = Some(pv(store, a, dossier, &meldingen, &velden.afzender.naam).await?);
                }
            }
            Bron::Vrijstelling(vr, bezwaar) => {
                // The body of the gemeente the youth lived in when it decided (or was asked).
                let besluit = vr.besluitdatum.unwrap_or(vr.aanvraagdatum);
                let gemeente = dossier
                    .woonadres_op(besluit)
                    .and_then(|a| gemeenten.iter().find(|g| g.code == a.gemeente))
                    .map_or_else(|| velden.gemeente.clone(), |g| g.naam.clone());
                let bestuursorgaan = brief::bestuursorgaan(&vr.artikel, &gemeente);
                velden.rechtsmiddel = brief::rechtsmiddel(v.soort, &bestuursorgaan, &gemeente, v.datum).map(|r| {
                    RechtsmiddelVelden { soort: r.soort.to_string(), bij: r.bij, uiterlijk: datum_tekst(r.uiterlijk) }
                });
                velden.aanvraag = Some(AanvraagVelden {
                    artikel: vrijstelling_regels::artikelnaam(&vr.artikel),
                    ontvangen: datum_tekst(vr.aanvraagdatum),
                    beslistermijn: datum_tekst(awb::beslistermijn(vr.aanvraagdatum, vr.verdaagd_tot)),
                    besluitdatum: vr.besluitdatum.map(datum_tekst),
                    geldig_van: vr.geldig_van.map(datum_tekst),
                    geldig_tot: vr.geldig_tot.map(datum_tekst),
                    dagen: vr.dagen,
                    besluit: matches!(vr.status, VrijstellingStatus::Toegekend | VrijstellingStatus::Afgewezen)
                        .then(|| vr.status.label().to_lowercase()),
                    motivering: crate::vrijstellingen::motivering(vr),
                    bestuursorgaan,
                    bezwaar_ontvangen: bezwaar.map(datum_tekst),
                });
            }
        }
        Ok(())
    }
}

/// The preferred language of the addressee (the youth, or `ouder`) on the letter's date, by its
/// Dutch name, if it is not Dutch: the letter offers to go through it with an interpreter.
fn voorkeurstaal(dossier: &Dossier, ouder: Option<&str>, datum: Datum) -> Option<String> {
    dossier
        .contactgegevens
        .iter()
        .filter(|c| c.soort == ContactSoort::Voorkeurstaal && c.ouder.as_deref() == ouder)
        .find(|c| contact::geldig_op(c, datum))
        .and_then(|c| Taal::from_code(&c.waarde))
        .filter(|t| *t != Taal::Nederlands)
        .map(|t| t.label().to_string())
}

/// Whether the zomeractie letter of `datum` is for the youth: not enrolled that day, and oud-VSV on
/// the coming 1 October unless that changes ([`vsv_regels::komende_een_oktober`],
/// [`vsv_regels::is_oud_vsv`]: under 23, no startkwalificatie, the last drop-out before that
/// schooljaar).
pub fn oud_vsv(dossier: &Dossier, datum: Datum) -> bool {
    let Some(laatste) = dossier.vsv_meldingen.iter().map(|m| m.uitvaldatum).max() else { return false };
    let ingeschreven = dossier.inschrijving_op(datum).is_some();
    let peildatum = vsv_regels::komende_een_oktober(datum);
    vsv_regels::is_oud_vsv(dossier.jongere.geboortedatum, dossier.startkwalificatie(), ingeschreven, laatste, peildatum)
}

/// The last drop-out, for the zomeractie letter.
async fn uitval(store: &Store, dossier: &Dossier) -> Result<Option<UitvalVelden>> {
    let Some(m) = dossier.vsv_meldingen.iter().max_by_key(|m| m.uitvaldatum) else { return Ok(None) };
    // The school the youth left: the enrolment that ended last before the drop-out.
    let verlaten = dossier
        .inschrijvingen
        .iter()
        .filter(|i| i.einddatum.is_some_and(|e| e < m.uitvaldatum))
        .max_by_key(|i| i.einddatum);
    let school = match verlaten {
        Some(i) => schoolnaam(store, &i.brin, &i.vestiging).await?,
        None => None,
    };
    Ok(Some(UitvalVelden {
        datum: datum_tekst(m.uitvaldatum),
        onderwijs: m.onderwijssoort.label().to_string(),
        school,
    }))
}

/// The end of a granted vrijstelling and the duty that follows it ([`brief::toets_einde_vrijstelling`]).
fn einde(dossier: &Dossier, v: &Vrijstelling, datum: Datum) -> Result<EindeVelden> {
    let laatste = v.geldig_tot.ok_or_else(|| Fout::invoer("vrijstelling", "deze vrijstelling heeft geen einddatum"))?;
    let na = laatste.succ_opt().unwrap_or(laatste);
    let plicht = dossier.feiten()?.op(na).map_err(|e| Fout::invoer("jongere", e.to_string()))?.status;
    brief::toets_einde_vrijstelling(datum, laatste, plicht)?;
    Ok(EindeVelden { laatste_dag: datum_tekst(laatste), vanaf: datum_tekst(na), plicht: plicht.code() })
}

/// The facts of a proces-verbaal: against whom, the date of the verzuim, the verbalisant.
async fn pv(
    store: &Store,
    a: &Actie,
    dossier: &Dossier,
    meldingen: &[&leerspoor_domain::model::Verzuimmelding],
    verbalisant: &str,
) -> Result<PvVelden> {
    let j = &dossier.jongere;
    let (tegen, tegen_soort) = match (a.pv_tegen, &a.ouder) {
        (Some(PvTegen::Ouder), Some(ouder)) => {
            let o: Ouder = bestaand(store, "ouder", ouder).await?;
            (volledige_naam(&o.voornamen, &o.tussenvoegsel, &o.achternaam), PvTegen::Ouder)
        }
        (Some(PvTegen::Ouder), None) => {
            return Err(Fout::invoer("ouder", "het proces-verbaal is tegen een ouder, maar de actie noemt geen ouder"));
        }
        _ => (volledige_naam(&j.voornamen, &j.tussenvoegsel, &j.achternaam), PvTegen::Jongere),
    };
    let pleegdatum = meldingen.iter().map(|m| m.verzuim_van).min().unwrap_or(a.datum);
    Ok(PvVelden {
        tegen,
        tegen_soort: tegen_soort.code().to_string(),
        pleegdatum: datum_tekst(pleegdatum),
        verbalisant: verbalisant.to_string(),
    })
}

/// The bezwaar the current decision on `v` answered: the change log shows `bezwaar_op` cleared by it.
async fn bezwaar_beslist(store: &Store, v: &Vrijstelling) -> Result<Option<Datum>> {
    if v.bezwaar_op.is_some() {
        return Ok(None);
    }
    let log = store.wijzigingen_van(&[("vrijstelling", v.id.as_str())]).await?;
    let laatste = log.iter().filter(|w| w.veld.as_deref() == Some("bezwaar_op")).max_by_key(|w| w.tijdstip);
    Ok(laatste
        .filter(|w| w.nieuw.as_deref().unwrap_or_default().is_empty())
        .and_then(|w| w.oud.as_deref().and_then(|o| o.parse().ok())))
}

/// A letter the dossier allows now, with what it is about in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mogelijk {
    pub soort: BriefSoort,
    pub onderwerp: Onderwerp,
    pub omschrijving: String,
}

/// The letters `door` can make from the dossier today: for each action, zaak and request, the kinds
/// the rules allow ([`brief::toets_onderwerp`], [`brief::mag_opstellen`]), without a decision
/// letter already sent (`documenten`: the dossier's); the zomeractie letter for an oud-VSV-er.
pub async fn mogelijk(
    store: &Store,
    door: &Medewerker,
    dossier: &Dossier,
    documenten: &[Document],
    vandaag: Datum,
) -> Result<Vec<Mogelijk>> {
    let mag = |s: BriefSoort, stap: Option<&str>| brief::mag_opstellen(s, door.rol, door.boa, &door.id, stap).is_ok();
    let mut uit = Vec::new();
    // Only the BOA who recorded a PV makes it up: the action's medewerker decides that.
    let mut voeg = |onderwerp: brief::Onderwerp, id: Onderwerp, omschrijving: String, stap: Option<&str>| {
        for soort in BriefSoort::ALL.iter().copied().filter(|s| mag(*s, stap)) {
            let gemaakt = match onderwerp {
                brief::Onderwerp::Vrijstelling(v, _) if brief::maakt_besluit_bekend(soort) => {
                    al_bekendgemaakt(documenten, v, soort).is_some()
                }
                _ => false,
            };
            if !gemaakt && brief::toets_onderwerp(soort, onderwerp).is_ok() {
                uit.push(Mogelijk { soort, onderwerp: id.clone(), omschrijving: omschrijving.clone() });
            }
        }
    };
    for a in &dossier.acties {
        if let Some(z) = a.zaak.as_ref().and_then(|id| dossier.zaken.iter().find(|z| &z.id == id)) {
            let tekst = format!("{} van {}", a.soort.label(), datum_tekst(a.datum));
            voeg(brief::Onderwerp::Actie(a, z), Onderwerp::Actie(a.id.clone()), tekst, a.medewerker.as_deref());
        }
    }
    for z in &dossier.zaken {
        let tekst = format!("zaak {} van {}", z.soort.label().to_lowercase(), datum_tekst(z.geopend_op));
        voeg(brief::Onderwerp::Zaak(z), Onderwerp::Zaak(z.id.clone()), tekst, None);
    }
    for v in &dossier.vrijstellingen {
        let bezwaar = bezwaar_beslist(store, v).await?;
        let tekst =
            format!("aanvraag {} van {}", vrijstelling_regels::artikelnaam(&v.artikel), datum_tekst(v.aanvraagdatum));
        voeg(brief::Onderwerp::Vrijstelling(v, bezwaar), Onderwerp::Vrijstelling(v.id.clone()), tekst, None);
    }
    let j = &dossier.jongere;
    let naam = volledige_naam(&j.voornamen, &j.tussenvoegsel, &j.achternaam);
    let oud_vsv = brief::Onderwerp::Jongere { oud_vsv: oud_vsv(dossier, vandaag) };
    voeg(oud_vsv, Onderwerp::Jongere(j.id.clone()), format!("{naam} als oud-VSV'er"), None);
    Ok(uit)
}
