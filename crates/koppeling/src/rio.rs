//! Schools from RIO (docs/koppelingen.md, "Scholen uit RIO"): DUO's register of schools and
//! onderwijslocaties, exported as a file, brings the register's schools up to date instead of
//! typing them. Per BRIN and vestiging: a new one is added; a changed name, place, gemeente,
//! onderwijssoort, address or opening and closing date is updated (in the change log, with the
//! delivery); one RIO has closed stays — enrolments point at it — with its einddatum, and is named.
//! A delivery is applied whole or refused whole; the same file again changes nothing.
use crate::levering::{self, LeesFout, Levering, fout};
use crate::logboek::{Aanbod, KoppelFout, eerder_toegepast, herhaald, lees_als, regel};
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{Gemeente, Gemeentecode, Medewerker, School};
use leerspoor_domain::onderwijs::Onderwijssoort;
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
}

/// RIO's and DUO's words for the kinds of education (sector abbreviations and names), besides the
/// register's own codes and labels.
const SOORTEN: &[(&str, Onderwijssoort)] = &[
    ("po", Onderwijssoort::Bao),
    ("primair onderwijs", Onderwijssoort::Bao),
    ("sbao", Onderwijssoort::Sbo),
    ("(v)so", Onderwijssoort::So),
    ("wec", Onderwijssoort::So),
    ("praktijkonderwijs", Onderwijssoort::Pro),
    ("bve", Onderwijssoort::Mbo),
    ("beroepsonderwijs en volwasseneneducatie", Onderwijssoort::Mbo),
    ("hbo", Onderwijssoort::Ho),
    ("wo", Onderwijssoort::Ho),
];

/// The onderwijssoort RIO names, in any of its words; case and surrounding spaces do not matter.
pub fn onderwijssoort(tekst: &str) -> Result<Onderwijssoort, String> {
    let t = tekst.trim().to_lowercase();
    Onderwijssoort::ALL
        .iter()
        .copied()
        .find(|s| s.code() == t || s.label().to_lowercase() == t)
        .or_else(|| SOORTEN.iter().find(|(w, _)| *w == t).map(|(_, s)| *s))
        .ok_or_else(|| {
            let codes: Vec<&str> = Onderwijssoort::ALL.iter().map(|s| s.code()).collect();
            format!("'{tekst}' is geen onderwijssoort; verwacht {} (of PO, BVE, HBO, WO)", codes.join(", "))
        })
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
        let mut datum = |veld: &str| {
            r.datum(veld).unwrap_or_else(|e| {
                fouten.push(e);
                None
            })
        };
        let (begindatum, einddatum) = (datum("begindatum"), datum("einddatum"));
        if let (Some(b), Some(e)) = (begindatum, einddatum)
            && e < b
        {
            fouten.push(fout(
                Some(r.nummer),
                Some(r.kop("einddatum")),
                format!("einddatum {e} ligt voor begindatum {b}"),
            ));
        }
        let soort = r.tekst("onderwijssoort").and_then(|t| {
            onderwijssoort(t).map_err(|e| fouten.push(fout(Some(r.nummer), Some(r.kop("onderwijssoort")), e))).ok()
        });
        let postcode = r.tekst("postcode").map_or_else(String::new, |p| {
            leerspoor_domain::adres::postcode(p).unwrap_or_else(|e| {
                fouten.push(fout(Some(r.nummer), Some(r.kop("postcode")), e));
                String::new()
            })
        });
        let adres = adres(r.tekst("straat"), r.tekst("huisnummer"), r.tekst("toevoeging"));
        if adres.chars().count() > MAX_TEKST {
            fouten.push(fout(Some(r.nummer), Some(r.kop("straat")), format!("adres langer dan {MAX_TEKST} tekens")));
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
            naam,
            plaats,
            gemeente,
            onderwijssoort: soort,
            adres,
            postcode,
            begindatum,
            einddatum,
        };
        rijen.push(Vestigingsrij { rij: r.nummer, school });
    }
    if fouten.is_empty() { Ok(rijen) } else { Err(fouten) }
}

/// Street, number and addition as one line (`Schoolstraat 12a`); empty without a street.
fn adres(straat: Option<&str>, huisnummer: Option<&str>, toevoeging: Option<&str>) -> String {
    let Some(straat) = straat else { return String::new() };
    let nummer = format!("{}{}", huisnummer.unwrap_or_default(), toevoeging.unwrap_or_default());
    format!("{straat} {nummer}").trim().to_string()
}

/// The register's school after what RIO says of it: RIO's name, and every other fact RIO gives;
/// what RIO leaves empty stays as it was (a file without addresses erases none). A gemeente outside
/// the region is none (the register knows the region's only).
fn bijgewerkt(oud: &School, rio: &School, gemeente_in_regio: Option<Gemeentecode>) -> School {
    let of_oud = |nieuw: &str, oud: &str| if nieuw.is_empty() { oud.to_string() } else { nieuw.to_string() };
    School {
        brin: oud.brin.clone(),
        vestiging: oud.vestiging.clone(),
        naam: rio.naam.clone(),
        plaats: of_oud(&rio.plaats, &oud.plaats),
        gemeente: if rio.gemeente.is_none() { oud.gemeente.clone() } else { gemeente_in_regio },
        onderwijssoort: rio.onderwijssoort.or(oud.onderwijssoort),
        adres: of_oud(&rio.adres, &oud.adres),
        postcode: of_oud(&rio.postcode, &oud.postcode),
        begindatum: rio.begindatum.or(oud.begindatum),
        einddatum: rio.einddatum.or(oud.einddatum),
    }
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
        t += &regel("gewijzigd (naam, plaats, gemeente, soort, adres of datum)", self.gewijzigd as u64);
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
        let gesloten = r.school.einddatum.is_some_and(|e| e < vandaag);
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
            // Closed or not, it stays: enrolments point at it.
            Some(o) => {
                let nu = bijgewerkt(o, &r.school, gemeente);
                if &nu == o {
                    v.al_zo += 1;
                } else {
                    s.wijzig(o, &nu).await?;
                    v.gewijzigd += 1;
                }
            }
        }
        if let Some(einde) = r.school.einddatum {
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
