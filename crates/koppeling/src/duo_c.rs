//! DUO's C-levering (docs/koppelingen.md, "C-levering"): everyone of 4 to 22 living in the region
//! who is enrolled or has a vrijstelling on a peildatum, as DUO's register has it. It is held
//! against Leerspoor's register, which it does not change: who is in DUO and not in the register
//! (and the reverse), whose school differs, and — the point of it — who must be enrolled but is in
//! no C-levering: a candidate for absoluut verzuim even when the register still has an enrolment.
use crate::levering::{self, LeesFout, Levering, fout};
use crate::logboek::{Aanbod, KoppelFout, lees, periode, regel, weiger};
use crate::records::Uitkomst;
use leerspoor_casework::absoluut::moeten_ingeschreven_zijn;
use leerspoor_domain::bsn::is_onderwijsnummer;
use leerspoor_domain::model::{Gemeente, Inschrijving, Jongere, Medewerker, Woonadres};
use leerspoor_domain::rules::leeftijd_op;
use leerspoor_domain::{Bsn, Datum};
use leerspoor_store::{Store, rij};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The bron of this source, in the log and the koppeltabel.
pub const BRON: &str = "duo-c";

/// The koppeltabel Leerspoor ships for this source (`data/koppelingen/duo-c.toml`).
pub const KOPPELTABEL: &str = include_str!("../../../data/koppelingen/duo-c.toml");

/// One row of the C-levering: an enrolment, or a vrijstelling.
#[derive(Debug, Clone, PartialEq)]
pub struct Crij {
    pub rij: usize,
    /// `None`: an onderwijsnummer (nine digits that are no BSN): not to compare.
    pub bsn: Option<Bsn>,
    /// BRIN and vestiging; a delivery without vestiging is compared by BRIN alone.
    pub school: Option<(String, Option<String>)>,
    pub vrijstelling: bool,
}

/// Reads the peildatum (if the file has it) and every row, or every error in it.
pub fn lees_rijen(l: &Levering) -> Result<(Option<Datum>, Vec<Crij>), Vec<LeesFout>> {
    let mut fouten = Vec::new();
    let mut peildatum = None;
    let mut rijen = Vec::new();
    for r in &l.rijen {
        let mut f = |veld: &str, melding: String| fouten.push(fout(Some(r.nummer), Some(r.kop(veld)), melding));
        match r.datum("peildatum") {
            Ok(Some(d)) if peildatum.is_none_or(|p| p == d) => peildatum = Some(d),
            Ok(Some(d)) => f("peildatum", format!("peildatum {d} in een levering van {}", peildatum.expect("gezet"))),
            Ok(None) => {}
            Err(e) => f("peildatum", e.melding),
        }
        let bsn = r.tekst("persoonsgebonden_nummer").and_then(|t| match Bsn::parse(t) {
            Ok(b) => Some(Some(b)),
            Err(_) if is_onderwijsnummer(t) => Some(None),
            Err(_) => {
                f("persoonsgebonden_nummer", "geen BSN of onderwijsnummer (9 cijfers)".into());
                None
            }
        });
        let vrijstelling = match r.tekst("vrijstelling").map(str::to_lowercase).as_deref() {
            None | Some("n" | "nee") => Some(false),
            Some("j" | "ja") => Some(true),
            Some(t) => {
                f("vrijstelling", format!("'{t}' is geen J of N"));
                None
            }
        };
        // A vrijstelling row's school (if any) is not an enrolment.
        let school = match (r.tekst("brin"), r.tekst("vestiging")) {
            _ if vrijstelling == Some(true) => None,
            (Some(b), v) => Some((b.to_string(), v.map(str::to_string))),
            (None, _) => None,
        };
        if school.is_none() && vrijstelling == Some(false) {
            f("brin", "leeg: een rij is een inschrijving (met BRIN) of een vrijstelling".into());
        }
        if let (Some(bsn), Some(vrijstelling)) = (bsn, vrijstelling) {
            rijen.push(Crij { rij: r.nummer, bsn, school, vrijstelling });
        }
    }
    if fouten.is_empty() { Ok((peildatum, rijen)) } else { Err(fouten) }
}

/// How the register and DUO differ about one youth (or one row DUO has).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Soort {
    /// Must be enrolled on the peildatum (lives in the area, leer- or kwalificatieplichtig, no
    /// vrijstelling) and is in no row of the C-levering.
    KandidaatAbsoluutVerzuim,
    /// Enrolled at another school (BRIN and vestiging) than the register says.
    AndereSchool,
    /// Enrolled according to DUO, not according to the register: an enrolment the register missed
    /// (or an absoluut-verzuim zaak that can close).
    AlleenBijDuoIngeschreven,
    /// Enrolled according to the register, not according to DUO (and not a candidate: 18 or
    /// older, or in a gemeente that keeps its own leerplicht).
    AlleenInRegister,
    /// In the C-levering, not in the register.
    AlleenBijDuo,
    /// In the C-levering, but not living in the region on the peildatum according to the register.
    WoontVolgensRegisterElders,
    /// In the C-levering, but died before the peildatum according to the register.
    OverledenVolgensRegister,
}

impl Soort {
    pub fn label(self) -> &'static str {
        match self {
            Soort::KandidaatAbsoluutVerzuim => "kandidaat absoluut verzuim: moet ingeschreven zijn, niet bij DUO",
            Soort::AndereSchool => "bij DUO op een andere school dan in het register",
            Soort::AlleenBijDuoIngeschreven => "ingeschreven bij DUO, niet volgens het register",
            Soort::AlleenInRegister => "ingeschreven volgens het register, niet bij DUO",
            Soort::AlleenBijDuo => "bij DUO, niet in het register",
            Soort::WoontVolgensRegisterElders => "bij DUO, volgens het register niet in de regio",
            Soort::OverledenVolgensRegister => "bij DUO, volgens het register overleden",
        }
    }
}

/// One difference: the youth (the register's id) or the row in the delivery, and what each says.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Verschil {
    pub soort: Soort,
    pub jongere: Option<String>,
    pub rij: Option<usize>,
    /// The register's schools on the peildatum (`BRIN/vestiging`, comma-separated).
    pub register: String,
    /// DUO's schools on the peildatum, or `vrijstelling`.
    pub duo: String,
}

/// What comparing a C-levering with the register found.
#[derive(Debug, Clone)]
pub struct Vergelijking {
    pub levering: crate::records::Levering,
    pub proef: bool,
    pub peildatum: Datum,
    pub verschillen: Vec<Verschil>,
    /// Youths by BSN in the delivery, and rows on onderwijsnummer (not compared).
    pub jongeren_bij_duo: usize,
    pub onderwijsnummers: usize,
}

/// Compares a C-levering with the register on its peildatum (`genoemd`, or the file's). Nothing in
/// the register changes; the delivery log keeps the counts (not in a trial run).
pub async fn vergelijk(
    store: &Store,
    door: &Medewerker,
    aanbod: Aanbod<'_>,
    genoemd: Option<Datum>,
    tabel: &levering::Koppeltabel,
    proef: bool,
) -> Result<Vergelijking, KoppelFout> {
    let ((in_bestand, rijen), _, mut log) = lees(store, door, aanbod, tabel, proef, lees_rijen).await?;
    let geen = "het bestand noemt geen peildatum: geef de peildatum op (--peildatum)";
    let peildatum = match periode(in_bestand, genoemd, "peildatum", geen) {
        Ok(d) => d,
        Err(f) => return Err(weiger(store, log, vec![f], proef).await),
    };
    log.rijen = rijen.len() as u64;
    log.periode = Some(peildatum.to_string());
    let register = Register::lees(store, peildatum).await?;
    let moeten = moeten_ingeschreven_zijn(store, peildatum).await?;

    let mut bij_duo: BTreeMap<Bsn, Vec<&Crij>> = BTreeMap::new();
    for r in &rijen {
        if let Some(bsn) = r.bsn {
            bij_duo.entry(bsn).or_default().push(r);
        }
    }
    let mut verschillen = Vec::new();
    let mut gezien = BTreeSet::new();
    for (bsn, duo_rijen) in &bij_duo {
        let eerste = duo_rijen[0].rij;
        let duo_scholen: Vec<(String, Option<String>)> = duo_rijen.iter().filter_map(|r| r.school.clone()).collect();
        let duo = duo_scholen
            .iter()
            .map(|(b, v)| v.as_ref().map_or(b.clone(), |v| format!("{b}/{v}")))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
            .join(", ");
        let duo = if duo.is_empty() { "vrijstelling".to_string() } else { duo };
        let Some(j) = register.jongeren.get(bsn) else {
            verschillen.push(Verschil {
                soort: Soort::AlleenBijDuo,
                jongere: None,
                rij: Some(eerste),
                register: String::new(),
                duo,
            });
            continue;
        };
        gezien.insert(j.id.as_str());
        let in_register = register.scholen(&j.id);
        let verschil = |soort| Verschil {
            soort,
            jongere: Some(j.id.clone()),
            rij: Some(eerste),
            register: in_register.clone(),
            duo: duo.clone(),
        };
        let ingeschreven_bij_duo = !duo_scholen.is_empty();
        let geen_inschrijving = Vec::new();
        let register_scholen = register.inschrijvingen.get(&j.id).unwrap_or(&geen_inschrijving);
        if j.overlijdensdatum.is_some_and(|d| d <= peildatum) {
            verschillen.push(verschil(Soort::OverledenVolgensRegister));
        } else if !register.in_regio.contains(j.id.as_str()) {
            verschillen.push(verschil(Soort::WoontVolgensRegisterElders));
        } else if in_register.is_empty() && ingeschreven_bij_duo {
            verschillen.push(verschil(Soort::AlleenBijDuoIngeschreven));
        } else if !in_register.is_empty() && ingeschreven_bij_duo && !zelfde_scholen(register_scholen, &duo_scholen) {
            verschillen.push(verschil(Soort::AndereSchool));
        }
    }
    for id in &moeten {
        if !gezien.contains(id.as_str()) {
            verschillen.push(Verschil {
                soort: Soort::KandidaatAbsoluutVerzuim,
                jongere: Some(id.clone()),
                rij: None,
                register: register.scholen(id),
                duo: String::new(),
            });
        }
    }
    for (id, _) in
        register.inschrijvingen.iter().filter(|(id, _)| !gezien.contains(id.as_str()) && !moeten.contains(*id))
    {
        let in_regio = register.in_regio.contains(id.as_str());
        let leeftijd = register.leeftijd.get(id.as_str()).copied().unwrap_or(0);
        if in_regio && (4..=22).contains(&leeftijd) {
            verschillen.push(Verschil {
                soort: Soort::AlleenInRegister,
                jongere: Some(id.clone()),
                rij: None,
                register: register.scholen(id),
                duo: String::new(),
            });
        }
    }
    verschillen.sort();
    log.uitkomst = Uitkomst::Vergeleken;
    let mut v = Vergelijking {
        proef,
        peildatum,
        jongeren_bij_duo: bij_duo.len(),
        onderwijsnummers: rijen.iter().filter(|r| r.bsn.is_none()).count(),
        verschillen,
        levering: log,
    };
    v.levering.samenvatting = v.samenvatting();
    if !proef {
        let mut s = store.schrijver(&door.id, &format!("koppeling {BRON}")).await?;
        s.nieuw(&v.levering).await?;
        s.vastleggen(&format!("koppeling {BRON}"), &v.levering.id).await?;
    }
    Ok(v)
}

impl Vergelijking {
    fn samenvatting(&self) -> String {
        let mut t = format!("  peildatum {}\n", self.peildatum);
        t += &regel("rijen in de levering", self.levering.rijen);
        t += &regel("jongeren bij DUO (op BSN)", self.jongeren_bij_duo as u64);
        if self.onderwijsnummers > 0 {
            t += &regel("rijen op onderwijsnummer, niet vergeleken", self.onderwijsnummers as u64);
        }
        let mut per_soort: BTreeMap<Soort, u64> = BTreeMap::new();
        for v in &self.verschillen {
            *per_soort.entry(v.soort).or_default() += 1;
        }
        for (soort, n) in per_soort {
            t += &regel(soort.label(), n);
        }
        if self.verschillen.is_empty() {
            t += "  geen verschillen met het register\n";
        }
        t
    }
}

/// The differences as a file for the office (`;`, UTF-8): the register's ids, never a BSN; a row
/// DUO has that the register lacks is named by its row in the delivery.
pub fn als_csv(v: &Vergelijking) -> String {
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    w.write_record(["Verschil", "Jongere", "Rij in de levering", "Scholen volgens register", "Volgens DUO"])
        .expect("schrijven naar geheugen");
    for d in &v.verschillen {
        w.write_record(
            [
                d.soort.label().to_string(),
                d.jongere.clone().unwrap_or_default(),
                d.rij.map(|r| r.to_string()).unwrap_or_default(),
                d.register.clone(),
                d.duo.clone(),
            ]
            .map(|c| crate::duo_terugmelding::geen_formule(&c)),
        )
        .expect("schrijven naar geheugen");
    }
    String::from_utf8(w.into_inner().expect("schrijven naar geheugen")).expect("UTF-8 in, UTF-8 uit")
}

/// Whether DUO has the youth at the register's schools: by BRIN and vestiging, or by BRIN alone
/// when DUO's rows give no vestiging.
fn zelfde_scholen(register: &[(String, String)], duo: &[(String, Option<String>)]) -> bool {
    if duo.iter().any(|(_, v)| v.is_none()) {
        register.iter().map(|(b, _)| b).collect::<BTreeSet<_>>() == duo.iter().map(|(b, _)| b).collect::<BTreeSet<_>>()
    } else {
        register.iter().cloned().collect::<BTreeSet<_>>()
            == duo.iter().map(|(b, v)| (b.clone(), v.clone().unwrap_or_default())).collect::<BTreeSet<_>>()
    }
}

fn scholen_van(scholen: impl Iterator<Item = (String, String)>) -> String {
    scholen.map(|(b, v)| format!("{b}/{v}")).collect::<BTreeSet<_>>().into_iter().collect::<Vec<_>>().join(", ")
}

/// What the register says on the peildatum, read once: youths by BSN, who lives in the region,
/// ages, and enrolments.
struct Register {
    jongeren: HashMap<Bsn, Jongere>,
    in_regio: BTreeSet<String>,
    leeftijd: HashMap<String, u32>,
    inschrijvingen: BTreeMap<String, Vec<(String, String)>>,
}

impl Register {
    async fn lees(store: &Store, peildatum: Datum) -> Result<Register, leerspoor_store::StoreFout> {
        let op = "WHERE begindatum <= $1 AND (einddatum IS NULL OR einddatum >= $1)";
        let gemeenten: BTreeSet<_> = store.lees::<Gemeente>().await?.into_iter().map(|g| g.code).collect();
        let adressen: Vec<Woonadres> = store.lees_met(op, &[rij::datum(peildatum)]).await?;
        let in_regio = adressen.into_iter().filter(|a| gemeenten.contains(&a.gemeente)).map(|a| a.jongere).collect();
        let mut inschrijvingen: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        for i in store.lees_met::<Inschrijving>(op, &[rij::datum(peildatum)]).await? {
            inschrijvingen.entry(i.jongere).or_default().push((i.brin, i.vestiging));
        }
        let alle: Vec<Jongere> = store.lees().await?;
        let levend = |j: &Jongere| j.overlijdensdatum.is_none_or(|d| d > peildatum);
        let leeftijd = alle
            .iter()
            .filter(|j| levend(j))
            .map(|j| (j.id.clone(), leeftijd_op(j.geboortedatum, peildatum)))
            .collect();
        // Everyone by BSN, the dead too: DUO listing someone the register has as dead is a difference.
        let jongeren = alle.into_iter().map(|j| (j.bsn, j)).collect();
        Ok(Register { jongeren, in_regio, leeftijd, inschrijvingen })
    }

    fn scholen(&self, jongere: &str) -> String {
        self.inschrijvingen.get(jongere).map(|s| scholen_van(s.iter().cloned())).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school(brin: &str, vestiging: Option<&str>) -> (String, Option<String>) {
        (brin.into(), vestiging.map(str::to_string))
    }

    #[test]
    fn a_delivery_without_vestiging_is_compared_by_brin_alone() {
        let register = [("10AB".to_string(), "01".to_string())];
        assert!(zelfde_scholen(&register, &[school("10AB", None)]));
        assert!(zelfde_scholen(&register, &[school("10AB", Some("01"))]));
        assert!(!zelfde_scholen(&register, &[school("10AB", Some("00"))]), "another vestiging");
        assert!(!zelfde_scholen(&register, &[school("20CD", None)]));
    }
}
