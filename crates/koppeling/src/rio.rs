//! Schools from RIO (docs/koppelingen.md, "Scholen uit RIO"): DUO's register of schools and
//! onderwijslocaties, exported as a file, brings the register's schools up to date instead of
//! typing them. Per BRIN and vestiging: a new one is added, a changed name, place or gemeente is
//! updated (in the change log, with the delivery), one RIO has closed stays — enrolments point at
//! it — and is named. A delivery is applied whole or refused whole; the same file again changes
//! nothing.
use crate::levering::{self, LeesFout, Levering, fout};
use crate::logboek::{Aanbod, KoppelFout, eerder_toegepast, herhaald, lees_als, regel};
use leerspoor_domain::Datum;
use leerspoor_domain::model::{Gemeente, Gemeentecode, Medewerker, School};
use leerspoor_domain::rules::mas::mag_scholen_bijwerken;
use leerspoor_store::Store;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The source's name in the delivery log.
pub const BRON: &str = "rio";
/// The koppeltabel Leerspoor ships for this source (`data/koppelingen/rio.toml`).
pub const KOPPELTABEL: &str = include_str!("../../../data/koppelingen/rio.toml");

/// One onderwijslocatie as RIO has it.
#[derive(Debug, Clone, PartialEq)]
pub struct Vestigingsrij {
    pub rij: usize,
    pub school: School,
    pub einddatum: Option<Datum>,
}

/// Names and places longer than this are no school's.
const MAX_TEKST: usize = 120;

/// Reads every row, or every error in the file (a BRIN and vestiging twice among them). BRIN and
/// vestiging follow the register's rules; a vestiging a spreadsheet shortened (`0`) is read as
/// `00`, and DUO's six-character vestigingscode (`12AB01`) as BRIN and vestiging.
pub fn lees_scholen(l: &Levering) -> Result<Vec<Vestigingsrij>, Vec<LeesFout>> {
    let mut fouten = Vec::new();
    let mut rijen = Vec::new();
    let mut gezien: HashMap<(String, String), usize> = HashMap::new();
    for r in &l.rijen {
        let mut f = |veld: &str, melding: String| fouten.push(fout(Some(r.nummer), Some(r.kop(veld)), melding));
        let brin = r.tekst("brin").unwrap_or_default().to_uppercase();
        let mut vestiging = r.tekst("vestiging").unwrap_or_default().to_uppercase();
        if vestiging.len() == 6 && vestiging.starts_with(&brin) {
            vestiging = vestiging[4..].to_string();
        }
        if vestiging.len() == 1 && vestiging.bytes().all(|b| b.is_ascii_digit()) {
            vestiging = format!("0{vestiging}");
        }
        if let Err(e) = School::brin(&brin) {
            f("brin", e);
        }
        if let Err(e) = School::vestiging(&vestiging) {
            f("vestiging", e);
        }
        let mut tekst = |veld: &str| {
            let t = r.tekst(veld).unwrap_or_default().to_string();
            if t.chars().count() > MAX_TEKST {
                f(veld, format!("langer dan {MAX_TEKST} tekens"));
            }
            t
        };
        let (naam, plaats) = (tekst("naam"), tekst("plaats"));
        let gemeente = match r.tekst("gemeente") {
            None => None,
            Some(g) => {
                let code = if g.chars().all(|c| c.is_ascii_digit()) { format!("GM{g:0>4}") } else { g.to_uppercase() };
                match Gemeentecode::parse(&code) {
                    Ok(c) => Some(c),
                    Err(e) => {
                        fouten.push(fout(Some(r.nummer), Some(r.kop("gemeente")), e));
                        None
                    }
                }
            }
        };
        let einddatum = r.datum("einddatum").unwrap_or_else(|e| {
            fouten.push(e);
            None
        });
        if let Err(e) = r.datum("begindatum") {
            fouten.push(e);
        }
        if let Some(eerder) = gezien.insert((brin.clone(), vestiging.clone()), r.nummer) {
            fouten.push(fout(
                Some(r.nummer),
                Some(r.kop("brin")),
                format!("{brin} {vestiging} staat ook op rij {eerder}"),
            ));
        }
        rijen.push(Vestigingsrij {
            rij: r.nummer,
            school: School { brin, vestiging, naam, plaats, gemeente },
            einddatum,
        });
    }
    if fouten.is_empty() { Ok(rijen) } else { Err(fouten) }
}

/// What a RIO delivery did.
#[derive(Debug, Clone)]
pub struct Verslag {
    pub levering: crate::records::Levering,
    pub proef: bool,
    pub nieuw: usize,
    pub gewijzigd: usize,
    pub al_zo: usize,
    /// Not added: closed before today, or in a gemeente outside the region (a national file).
    pub overgeslagen: usize,
    /// Closed or closing according to RIO, in the register: (BRIN/vestiging, einddatum).
    pub gesloten: Vec<(String, Datum)>,
    vandaag: Datum,
}

impl Verslag {
    fn leeg(levering: crate::records::Levering, proef: bool, vandaag: Datum) -> Verslag {
        Verslag { levering, proef, nieuw: 0, gewijzigd: 0, al_zo: 0, overgeslagen: 0, gesloten: Vec::new(), vandaag }
    }

    fn samenvatting(&self) -> String {
        let mut t = regel("vestigingen in de levering", self.levering.rijen);
        t += &regel("nieuw in het register", self.nieuw as u64);
        t += &regel("gewijzigd (naam, plaats of gemeente)", self.gewijzigd as u64);
        t += &regel("al zo", self.al_zo as u64);
        t += &regel("niet toegevoegd: gesloten, of buiten de regio", self.overgeslagen as u64);
        t += &regel("gesloten of sluitend volgens RIO, blijven in het register", self.gesloten.len() as u64);
        for (school, einde) in &self.gesloten {
            let wat = if *einde < self.vandaag { "gesloten op" } else { "sluit op" };
            t += &format!("    {school} {wat} {einde}\n");
        }
        t
    }
}

/// Applies a RIO export on behalf of `door` (beheer or administration), as of `vandaag`. A trial run
/// (`proef`) records nothing.
pub async fn verwerk(
    store: &Store,
    door: &Medewerker,
    aanbod: Aanbod<'_>,
    tabel: &levering::Koppeltabel,
    vandaag: Datum,
    proef: bool,
) -> Result<Verslag, KoppelFout> {
    let (rijen, _, mut log) = lees_als(mag_scholen_bijwerken, store, door, aanbod, tabel, proef, lees_scholen).await?;
    log.rijen = rijen.len() as u64;
    let mut s = store.schrijver(&door.id, &format!("koppeling {BRON}")).await?;
    s.vergrendel(BRON).await?;
    if let Some(eerder) = eerder_toegepast(&mut s, &log).await? {
        drop(s);
        let levering = herhaald(store, &log, &eerder, proef).await?;
        return Ok(Verslag::leeg(levering, proef, vandaag));
    }
    let bestaand: BTreeMap<(String, String), School> =
        s.lees::<School>().await?.into_iter().map(|sc| ((sc.brin.clone(), sc.vestiging.clone()), sc)).collect();
    let regio: HashSet<Gemeentecode> = s.lees::<Gemeente>().await?.into_iter().map(|g| g.code).collect();
    let mut v = Verslag::leeg(log, proef, vandaag);
    for r in &rijen {
        let sleutel = (r.school.brin.clone(), r.school.vestiging.clone());
        let naam = format!("{}/{}", sleutel.0, sleutel.1);
        // The register knows the region's gemeenten only: a school elsewhere keeps none.
        let in_regio = r.school.gemeente.as_ref().is_some_and(|g| regio.contains(g));
        let gemeente = r.school.gemeente.clone().filter(|_| in_regio);
        let gesloten = r.einddatum.is_some_and(|e| e < vandaag);
        match bestaand.get(&sleutel) {
            // Not added: closed, or elsewhere (a national file holds every school of the country).
            None if gesloten || !in_regio => {
                v.overgeslagen += 1;
                continue;
            }
            None => {
                s.nieuw(&School { gemeente, ..r.school.clone() }).await?;
                v.nieuw += 1;
            }
            // Closed: it stays as it was, enrolments point at it.
            Some(_) if gesloten => {}
            // Keep what RIO leaves empty.
            Some(o) => {
                let nu = School {
                    plaats: Some(r.school.plaats.clone()).filter(|p| !p.is_empty()).unwrap_or_else(|| o.plaats.clone()),
                    gemeente: if r.school.gemeente.is_none() { o.gemeente.clone() } else { gemeente },
                    ..r.school.clone()
                };
                if &nu == o {
                    v.al_zo += 1;
                } else {
                    s.wijzig(o, &nu).await?;
                    v.gewijzigd += 1;
                }
            }
        }
        if let Some(einde) = r.einddatum {
            v.gesloten.push((naam, einde));
        }
    }
    v.levering.toegepast = (v.nieuw + v.gewijzigd) as u64;
    v.levering.samenvatting = v.samenvatting();
    if proef {
        return Ok(v);
    }
    s.nieuw(&v.levering).await?;
    s.vastleggen(&format!("koppeling {BRON}"), &v.levering.id).await?;
    Ok(v)
}
