//! Schools from RIO (docs/koppelingen.md, "Scholen uit RIO"): DUO's register of schools and
//! onderwijslocaties, exported as a file, brings the register's schools up to date instead of
//! typing them. Per BRIN and vestiging: a new one is added, a changed name, place or gemeente is
//! updated (in the change log, with the delivery), one RIO has closed stays — enrolments point at
//! it — and is named. A delivery is applied whole or refused whole; the same file again changes
//! nothing.
use crate::levering::{self, LeesFout, Levering, fout};
use crate::logboek::{Aanbod, KoppelFout, eerder_toegepast, herhaald, lees_als, regel};
use leerspoor_domain::Datum;
use leerspoor_domain::model::{Gemeentecode, Medewerker, School};
use leerspoor_domain::rules::mas::mag_scholen_bijwerken;
use leerspoor_store::Store;
use std::collections::{BTreeMap, HashMap};

/// The source's name in the delivery log.
pub const BRON: &str = "rio";
/// The koppeltabel Leerspoor ships for this source (`data/koppelingen/rio.toml`).
pub const KOPPELTABEL: &str = include_str!("../../../data/koppelingen/rio.toml");

/// One onderwijslocatie as RIO has it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rijschool {
    pub rij: usize,
    pub school: School,
    pub einddatum: Option<Datum>,
}

/// A BRIN is four characters (two digits, two letters or digits); a vestiging two digits.
fn brin_geldig(b: &str) -> bool {
    b.len() == 4 && b.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Reads every row, or every error in the file (a BRIN and vestiging twice among them).
pub fn lees_scholen(l: &Levering) -> Result<Vec<Rijschool>, Vec<LeesFout>> {
    let mut fouten = Vec::new();
    let mut rijen = Vec::new();
    let mut gezien: HashMap<(String, String), usize> = HashMap::new();
    for r in &l.rijen {
        let mut f = |veld: &str, melding: String| fouten.push(fout(Some(r.nummer), Some(r.kop(veld)), melding));
        let brin = r.tekst("brin").unwrap_or_default().to_uppercase();
        if !brin_geldig(&brin) {
            f("brin", format!("'{brin}' is geen BRIN (vier tekens)"));
        }
        let vestiging = r.tekst("vestiging").unwrap_or_default().to_string();
        if vestiging.is_empty() || vestiging.len() > 4 || !vestiging.chars().all(|c| c.is_ascii_alphanumeric()) {
            f("vestiging", format!("'{vestiging}' is geen vestiging (tot vier tekens)"));
        }
        let gemeente = match r.tekst("gemeente") {
            None => None,
            Some(g) => {
                let code = if g.chars().all(|c| c.is_ascii_digit()) { format!("GM{g:0>4}") } else { g.to_uppercase() };
                match Gemeentecode::parse(&code) {
                    Ok(c) => Some(c),
                    Err(e) => {
                        f("gemeente", e);
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
        let school = School {
            brin,
            vestiging,
            naam: r.tekst("naam").unwrap_or_default().to_string(),
            plaats: r.tekst("plaats").unwrap_or_default().to_string(),
            gemeente,
        };
        rijen.push(Rijschool { rij: r.nummer, school, einddatum });
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
    /// Closed or closing according to RIO, in the register: (BRIN/vestiging, einddatum).
    pub gesloten: Vec<(String, Datum)>,
    vandaag: Datum,
}

impl Verslag {
    fn samenvatting(&self) -> String {
        let mut t = regel("vestigingen in de levering", self.levering.rijen);
        t += &regel("nieuw in het register", self.nieuw as u64);
        t += &regel("gewijzigd (naam, plaats of gemeente)", self.gewijzigd as u64);
        t += &regel("al zo", self.al_zo as u64);
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
        return Ok(Verslag { levering, proef, nieuw: 0, gewijzigd: 0, al_zo: 0, gesloten: Vec::new(), vandaag });
    }
    let bestaand: BTreeMap<(String, String), School> =
        s.lees::<School>().await?.into_iter().map(|sc| ((sc.brin.clone(), sc.vestiging.clone()), sc)).collect();
    let mut v = Verslag { levering: log, proef, nieuw: 0, gewijzigd: 0, al_zo: 0, gesloten: Vec::new(), vandaag };
    for r in &rijen {
        let sleutel = (r.school.brin.clone(), r.school.vestiging.clone());
        let oud = bestaand.get(&sleutel);
        let naam = format!("{}/{}", sleutel.0, sleutel.1);
        if let Some(einde) = r.einddatum.filter(|e| *e < vandaag) {
            if oud.is_some() {
                v.gesloten.push((naam, einde));
            }
            continue;
        }
        if let Some(einde) = r.einddatum {
            v.gesloten.push((naam, einde));
        }
        match oud {
            None => {
                s.nieuw(&r.school).await?;
                v.nieuw += 1;
            }
            // Keep what RIO leaves empty.
            Some(o) => {
                let nu = School {
                    plaats: Some(r.school.plaats.clone()).filter(|p| !p.is_empty()).unwrap_or_else(|| o.plaats.clone()),
                    gemeente: r.school.gemeente.clone().or_else(|| o.gemeente.clone()),
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
