//! The BRP check (docs/koppelingen.md, "BRP-controle"): the register's youths held against the BRP.
//! It changes nothing in the register: it says, per youth, what the BRP says otherwise (an
//! address, a death, a birth date, a name), for an employee to correct. A youth on the BRP list
//! (new from a delivery, or a birth date that did not agree) whom the BRP confirms leaves the list.
use crate::logboek::KoppelFout;
use crate::records::BrpVerzoek;
use crate::verhuizing::{self, Naar, Verhuisd, zelfde_adres};
use leerspoor_brp::client::{Brp, PER_VERZOEK};
use leerspoor_brp::persoon::BrpPersoon;
use leerspoor_casework::ids;
use leerspoor_domain::model::{Gemeente, Jongere, Medewerker, Vertrek, Woonadres};
use leerspoor_domain::{Bsn, Datum, Gemeentecode};
use leerspoor_store::{Store, rij};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Whom to check.
#[derive(Debug, Clone)]
pub enum Wie {
    Jongere(String),
    /// The youths on the BRP list.
    Lijst,
    /// Every youth in the register, or those from this id on (to go on after an interruption).
    Alle {
        vanaf: Option<String>,
    },
}

/// One way the BRP differs from the register about a youth.
#[derive(Debug, Clone, PartialEq)]
pub enum Verschil {
    /// The BRP does not know this BSN.
    NietInBrp,
    Geboortedatum {
        register: Datum,
        brp: Datum,
    },
    /// Died according to the BRP (the date, if the BRP has it whole), on another date than the
    /// register's or while the register has the youth alive.
    Overleden {
        register: Option<Datum>,
        brp: Option<Datum>,
    },
    /// Died according to the register, alive according to the BRP.
    NietOverleden {
        register: Datum,
    },
    Naam {
        register: String,
        brp: String,
    },
    /// Another address in the Netherlands (gemeente, postcode, huisnummer), since when.
    Adres {
        register: String,
        brp: String,
        sinds: Option<Datum>,
    },
    /// No address in the Netherlands according to the BRP (abroad, unknown).
    GeenAdres,
}

impl Verschil {
    /// The kind, for counting.
    pub fn soort(&self) -> &'static str {
        match self {
            Verschil::NietInBrp => "niet in de BRP",
            Verschil::Geboortedatum { .. } => "geboortedatum",
            Verschil::Overleden { .. } => "overleden",
            Verschil::NietOverleden { .. } => "niet overleden",
            Verschil::Naam { .. } => "naam",
            Verschil::Adres { .. } => "adres",
            Verschil::GeenAdres => "geen adres in Nederland",
        }
    }

    /// What differs, for a table: the kind of fact.
    pub fn gegeven(&self) -> &'static str {
        match self {
            Verschil::NietInBrp => "BSN",
            Verschil::Geboortedatum { .. } => "Geboortedatum",
            Verschil::Overleden { .. } | Verschil::NietOverleden { .. } => "Overlijden",
            Verschil::Naam { .. } => "Naam",
            Verschil::Adres { .. } | Verschil::GeenAdres => "Adres",
        }
    }

    /// What the register says and what the BRP says, for a table.
    pub fn waarden(&self) -> (String, String) {
        let datum = |d: &Option<Datum>, anders: &str| d.map_or(anders.to_string(), |d| d.to_string());
        match self {
            Verschil::NietInBrp => ("bekend".into(), "niet gevonden".into()),
            Verschil::Geboortedatum { register, brp } => (register.to_string(), brp.to_string()),
            Verschil::Overleden { register, brp } => {
                (datum(register, "niet overleden"), format!("overleden {}", datum(brp, "(datum onvolledig)")))
            }
            Verschil::NietOverleden { register } => (format!("overleden {register}"), "niet overleden".into()),
            Verschil::Naam { register, brp } => (register.clone(), brp.clone()),
            Verschil::Adres { register, brp, sinds } => {
                (register.clone(), format!("{brp}{}", sinds.map_or(String::new(), |d| format!(" sinds {d}"))))
            }
            Verschil::GeenAdres => ("adres in de regio".into(), "geen adres in Nederland".into()),
        }
    }

    /// One Dutch line: what differs, the register's value and the BRP's.
    pub fn omschrijving(&self) -> String {
        match self {
            Verschil::NietInBrp => "niet gevonden in de BRP".into(),
            Verschil::Geboortedatum { register, brp } => format!("geboortedatum: register {register}, BRP {brp}"),
            Verschil::Overleden { brp: Some(d), .. } => format!("overleden volgens de BRP op {d}"),
            Verschil::Overleden { brp: None, .. } => "overleden volgens de BRP (datum onvolledig)".into(),
            Verschil::NietOverleden { register } => {
                format!("overleden volgens het register op {register}, niet volgens de BRP")
            }
            Verschil::Naam { register, brp } => format!("naam: register {register}, BRP {brp}"),
            Verschil::Adres { register, brp, sinds } => {
                let sinds = sinds.map_or(String::new(), |d| format!(" sinds {d}"));
                format!("adres: register {register}, BRP {brp}{sinds}")
            }
            Verschil::GeenAdres => "geen adres in Nederland volgens de BRP".into(),
        }
    }
}

fn adres_tekst(gemeente: &str, postcode: &str, huisnummer: &str) -> String {
    format!("{postcode} {huisnummer} ({gemeente})")
}

/// A name part with its spaces collapsed (`"Anna  Maria "` is `"Anna Maria"`).
fn gewoon(deel: &str) -> String {
    deel.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The whole name, as on a letter.
fn volledige_naam(voornamen: &str, voorvoegsel: &str, achternaam: &str) -> String {
    [voornamen, voorvoegsel, achternaam].into_iter().map(gewoon).filter(|d| !d.is_empty()).collect::<Vec<_>>().join(" ")
}

/// What the BRP says otherwise about `j`, whose current address in the register is `huidig`. The
/// register keeps addresses in the region only: a youth without one whom the BRP has living in a
/// gemeente outside it (`in_regio` says) agrees with it.
pub fn verschillen(
    j: &Jongere,
    huidig: Option<&Woonadres>,
    brp: Option<&BrpPersoon>,
    in_regio: impl Fn(&str) -> bool,
) -> Vec<Verschil> {
    let Some(p) = brp else { return vec![Verschil::NietInBrp] };
    let mut uit = Vec::new();
    if let Some(d) = p.geboortedatum
        && d != j.geboortedatum
    {
        uit.push(Verschil::Geboortedatum { register: j.geboortedatum, brp: d });
    }
    match (j.overlijdensdatum, p.overleden) {
        (None, true) => uit.push(Verschil::Overleden { register: None, brp: p.overlijdensdatum }),
        // An incomplete date in the BRP agrees with any date in the register.
        (Some(register), true) if p.overlijdensdatum.is_some_and(|d| d != register) => {
            uit.push(Verschil::Overleden { register: Some(register), brp: p.overlijdensdatum })
        }
        (Some(register), false) => uit.push(Verschil::NietOverleden { register }),
        _ => {}
    }
    // The whole name, so a voorvoegsel kept with the surname ("de Vries") agrees with the BRP's
    // parts; spaces collapsed and case ignored ("De Vries" on a form).
    let (register, in_brp) = (
        volledige_naam(&j.voornamen, &j.tussenvoegsel, &j.achternaam),
        volledige_naam(&p.voornamen, &p.voorvoegsel, &p.geslachtsnaam),
    );
    if register.to_lowercase() != in_brp.to_lowercase() {
        uit.push(Verschil::Naam { register, brp: in_brp });
    }
    match &p.adres {
        // Abroad or unknown: a difference only while the register has the youth at an address.
        None if !p.overleden && huidig.is_some() => uit.push(Verschil::GeenAdres),
        None => {}
        Some(a) => {
            let gemeente = p.gemeente.as_deref().map(|c| format!("GM{c}")).unwrap_or_default();
            let gelijk = match huidig {
                // A location (no postcode) is compared by its gemeente only.
                Some(h) if a.postcode.is_empty() => h.gemeente.as_str() == gemeente,
                Some(h) => zelfde_adres(h, &gemeente, &a.postcode, &a.huisnummer),
                None => !in_regio(&gemeente),
            };
            if !gelijk {
                let brp = if a.postcode.is_empty() {
                    format!("{} ({gemeente})", a.straat)
                } else {
                    adres_tekst(&gemeente, &a.postcode, &a.huisnummer)
                };
                uit.push(Verschil::Adres {
                    register: huidig
                        .map_or("geen".into(), |h| adres_tekst(h.gemeente.as_str(), &h.postcode, &h.huisnummer)),
                    brp,
                    sinds: a.sinds,
                });
            }
        }
    }
    uit
}

/// What a BRP check found.
#[derive(Debug, Clone, Default)]
pub struct BrpControle {
    pub gevraagd: usize,
    /// Per youth (the register's id), its differences; youths without any are not listed.
    pub verschillen: BTreeMap<String, Vec<Verschil>>,
    /// Youths the BRP confirmed that left the BRP list.
    pub van_de_lijst: usize,
    /// Set when the BRP failed part-way: what was done before stands.
    pub onderbroken: Option<Onderbreking>,
}

/// Where a check over many youths stopped, to go on from there (`Wie::Alle { vanaf }`).
#[derive(Debug, Clone, PartialEq)]
pub struct Onderbreking {
    pub fout: String,
    /// The first youth not checked.
    pub hervat_vanaf: String,
}

/// The youths to check, in the order of their ids (so a run can go on where it stopped).
async fn te_controleren(store: &Store, wie: &Wie) -> Result<Vec<Jongere>, KoppelFout> {
    let mut jongeren: Vec<Jongere> = match wie {
        Wie::Jongere(id) => {
            let j = store.lees_een::<Jongere>(id).await?;
            vec![j.ok_or_else(|| KoppelFout::Ongeldig(format!("jongere '{id}' bestaat niet")))?]
        }
        Wie::Lijst => store.lees_met("WHERE id IN (SELECT jongere FROM brp_verzoek)", &[]).await?,
        Wie::Alle { vanaf: None } => store.lees().await?,
        Wie::Alle { vanaf: Some(id) } => store.lees_met("WHERE id >= $1", &[rij::tekst(id)]).await?,
    };
    jongeren.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(jongeren)
}

/// The current address per youth (see [`verhuizing::huidig`]).
async fn huidige_adressen(store: &Store, wie: &Wie) -> Result<HashMap<String, Woonadres>, KoppelFout> {
    let open = match wie {
        Wie::Jongere(id) => {
            store.lees_met::<Woonadres>("WHERE jongere = $1 AND einddatum IS NULL", &[rij::tekst(id)]).await?
        }
        _ => store.lees_met::<Woonadres>("WHERE einddatum IS NULL", &[]).await?,
    };
    let mut per_jongere: HashMap<String, Vec<Woonadres>> = HashMap::new();
    for a in open {
        per_jongere.entry(a.jongere.clone()).or_default().push(a);
    }
    Ok(per_jongere.into_iter().filter_map(|(j, a)| Some((j, verhuizing::huidig(&a)?.clone()))).collect())
}

/// Checks these youths against the BRP on behalf of `door` (who must be allowed casework), in
/// requests of 20; each youth asked about gets a line in the access log once the BRP answered.
/// Only reading; the BRP list loses the youths the BRP confirmed. `voortgang` hears how many youths
/// are done. When the BRP fails part-way, what was done stands and [`BrpControle::onderbroken`]
/// says where to go on; failing at the first request is an error.
pub async fn controleer(
    store: &Store,
    brp: &Brp,
    door: &Medewerker,
    wie: &Wie,
    voortgang: &(dyn Fn(usize) + Sync),
) -> Result<BrpControle, KoppelFout> {
    leerspoor_domain::rules::mas::mag_melding_registreren(door.rol).map_err(leerspoor_casework::Fout::from)?;
    let jongeren = te_controleren(store, wie).await?;
    let huidig = huidige_adressen(store, wie).await?;
    let regio: HashSet<String> =
        store.lees::<Gemeente>().await?.into_iter().map(|g| g.code.as_str().to_string()).collect();
    let mut uit = BrpControle::default();
    let mut bevestigd = HashSet::new();
    for deel in jongeren.chunks(PER_VERZOEK) {
        let bsns: Vec<Bsn> = deel.iter().map(|j| j.bsn).collect();
        let personen: HashMap<Bsn, BrpPersoon> = match brp.raadpleeg(&bsns).await {
            Ok(personen) => personen.into_iter().map(|p| (p.bsn, p)).collect(),
            Err(e) if uit.gevraagd == 0 => {
                store.log(&door.id, "brp raadplegen", "brp", "mislukt", Some(&e.to_string())).await?;
                return Err(KoppelFout::Ongeldig(e.to_string()));
            }
            Err(e) => {
                uit.onderbroken = Some(Onderbreking { fout: e.to_string(), hervat_vanaf: deel[0].id.clone() });
                break;
            }
        };
        let objecten: Vec<String> = deel.iter().map(|j| format!("jongere:{}", j.id)).collect();
        store.log_reeks(&Default::default(), &door.id, "brp raadplegen", &objecten, Some("BRP-controle")).await?;
        for j in deel {
            let v = verschillen(j, huidig.get(&j.id), personen.get(&j.bsn), |g| regio.contains(g));
            if v.is_empty() {
                bevestigd.insert(j.id.clone());
            } else {
                uit.verschillen.insert(j.id.clone(), v);
            }
        }
        uit.gevraagd += deel.len();
        voortgang(uit.gevraagd);
    }
    let lijst: Vec<BrpVerzoek> = store.lees().await?;
    let van_de_lijst: Vec<&BrpVerzoek> = lijst.iter().filter(|v| bevestigd.contains(&v.jongere)).collect();
    if !van_de_lijst.is_empty() {
        let mut s = store.schrijver(&door.id, "brp-controle").await?;
        for v in &van_de_lijst {
            s.verwijder(*v).await?;
        }
        s.vastleggen("brp-controle", "brp_verzoek").await?;
    }
    uit.van_de_lijst = van_de_lijst.len();
    Ok(uit)
}

/// A difference as the dossier's *BRP bijwerken* offers it.
#[derive(Debug, Clone, PartialEq)]
pub struct Voorstel {
    pub verschil: Verschil,
    /// Why it cannot be taken over as it stands (the employee goes after it), if so.
    pub bezwaar: Option<String>,
    /// Names this proposal as shown, so that taking it over takes over what the employee saw.
    pub kenmerk: String,
}

/// What the BRP says otherwise about one youth, as proposals.
#[derive(Debug, Clone)]
pub struct Voorstellen {
    pub jongere: Jongere,
    pub voorstellen: Vec<Voorstel>,
    persoon: Option<BrpPersoon>,
    in_regio: HashSet<String>,
}

/// Asks the BRP about one youth on behalf of `door` (who must be allowed casework), in the access
/// log, and gives its differences with the register as proposals.
pub async fn voorstellen(
    store: &Store,
    brp: &Brp,
    door: &Medewerker,
    jongere: &str,
) -> Result<Voorstellen, KoppelFout> {
    leerspoor_domain::rules::mas::mag_melding_registreren(door.rol).map_err(leerspoor_casework::Fout::from)?;
    let wie = Wie::Jongere(jongere.to_string());
    let j = te_controleren(store, &wie).await?.pop().expect("één jongere");
    let huidig = huidige_adressen(store, &wie).await?.remove(&j.id);
    let in_regio: HashSet<String> =
        store.lees::<Gemeente>().await?.into_iter().map(|g| g.code.as_str().to_string()).collect();
    let object = format!("jongere:{}", j.id);
    let persoon = match brp.raadpleeg(&[j.bsn]).await {
        Ok(mut p) => p.pop(),
        Err(e) => {
            store.log(&door.id, "brp raadplegen", &object, "mislukt", Some(&e.to_string())).await?;
            return Err(KoppelFout::Ongeldig(e.to_string()));
        }
    };
    store.log(&door.id, "brp raadplegen", &object, "gelukt", Some("BRP bijwerken")).await?;
    let voorstellen = verschillen(&j, huidig.as_ref(), persoon.as_ref(), |g| in_regio.contains(g))
        .into_iter()
        .map(|verschil| Voorstel {
            bezwaar: bezwaar(&verschil, huidig.as_ref()),
            kenmerk: format!("{:x}", Sha256::digest(verschil.omschrijving().as_bytes()))[..16].to_string(),
            verschil,
        })
        .collect();
    Ok(Voorstellen { jongere: j, voorstellen, persoon, in_regio })
}

/// Why a difference cannot be taken over into the register as the BRP gives it.
fn bezwaar(v: &Verschil, huidig: Option<&Woonadres>) -> Option<String> {
    match v {
        Verschil::NietInBrp => Some("de BRP kent dit BSN niet: ga het BSN na".into()),
        Verschil::GeenAdres => Some("de BRP heeft geen adres in Nederland: ga na of de jongere vertrokken is".into()),
        Verschil::Overleden { brp: None, .. } => {
            Some("de BRP kent de datum van overlijden niet volledig: leg het overlijden vast met de akte".into())
        }
        Verschil::Adres { sinds: None, .. } => Some("de BRP noemt geen volledige datum sinds wanneer".into()),
        Verschil::Adres { sinds: Some(d), .. } => huidig.filter(|h| h.begindatum >= *d).map(|h| {
            format!(
                "het huidige adres in het register begon op {}, niet vóór {d}: corrigeer de adressen zelf",
                h.begindatum
            )
        }),
        _ => None,
    }
}

/// Takes over the proposals named by `kenmerken` (as [`voorstellen`] gave them) into the register,
/// dated and in the change log, on behalf of `door`. The BRP is asked again: a proposal it no
/// longer makes, or one with a bezwaar, refuses the whole. A youth on the BRP list whose
/// differences are all taken over leaves it. Gives the number taken over.
pub async fn neem_over(
    store: &Store,
    brp: &Brp,
    door: &Medewerker,
    jongere: &str,
    kenmerken: &[String],
) -> Result<usize, KoppelFout> {
    if kenmerken.is_empty() {
        return Err(KoppelFout::Ongeldig("kies de voorstellen die u overneemt".into()));
    }
    let v = voorstellen(store, brp, door, jongere).await?;
    let mut gekozen = Vec::new();
    for k in kenmerken {
        match v.voorstellen.iter().find(|p| &p.kenmerk == k) {
            Some(p) if p.bezwaar.is_none() => gekozen.push(&p.verschil),
            _ => {
                return Err(KoppelFout::Ongeldig(
                    "de BRP zegt inmiddels iets anders, of een voorstel is niet over te nemen: vraag de voorstellen opnieuw op"
                        .into(),
                ));
            }
        }
    }
    let p = v.persoon.as_ref().expect("een voorstel zonder bezwaar komt van een persoon in de BRP");
    let j = &v.jongere;
    let mut s = store.schrijver(&door.id, "brp bijwerken").await?;
    let mut nu = j.clone();
    for verschil in &gekozen {
        match verschil {
            Verschil::Geboortedatum { brp, .. } => nu.geboortedatum = *brp,
            Verschil::Overleden { brp: Some(d), .. } => nu.overlijdensdatum = Some(*d),
            Verschil::NietOverleden { .. } => nu.overlijdensdatum = None,
            Verschil::Naam { .. } => {
                nu.voornamen = gewoon(&p.voornamen);
                nu.tussenvoegsel = gewoon(&p.voorvoegsel);
                nu.achternaam = gewoon(&p.geslachtsnaam);
            }
            Verschil::Adres { sinds: Some(sinds), .. } => {
                let a = p.adres.as_ref().expect("een adresverschil heeft een adres");
                let gemeente = format!("GM{}", p.gemeente.as_deref().unwrap_or_default());
                let naar = match Gemeentecode::parse(&gemeente) {
                    Ok(g) if v.in_regio.contains(&gemeente) => Naar::Adres(Woonadres {
                        id: ids::nieuw("W"),
                        jongere: j.id.clone(),
                        gemeente: g,
                        straat: a.straat.clone(),
                        huisnummer: a.huisnummer.clone(),
                        postcode: a.postcode.clone(),
                        woonplaats: a.woonplaats.clone(),
                        begindatum: *sinds,
                        einddatum: None,
                        vertrek: None,
                    }),
                    _ => Naar::Weg(Vertrek::BuitenRegio),
                };
                // The addresses changed since the proposals were made (another employee).
                if let Verhuisd::NietNaHuidig(begin) = verhuizing::verhuis(&mut s, &j.id, naar, *sinds).await? {
                    return Err(KoppelFout::Ongeldig(format!(
                        "het huidige adres in het register begint inmiddels op {begin}: vraag de voorstellen opnieuw op"
                    )));
                }
            }
            Verschil::NietInBrp | Verschil::GeenAdres | Verschil::Overleden { .. } | Verschil::Adres { .. } => {
                unreachable!("een voorstel met een bezwaar")
            }
        }
    }
    if nu != *j {
        s.wijzig(j, &nu).await?;
    }
    if gekozen.len() == v.voorstellen.len() {
        for verzoek in s.lees_waar::<BrpVerzoek>("jongere", &j.id).await? {
            s.verwijder(&verzoek).await?;
        }
    }
    s.vastleggen("brp bijwerken", &format!("jongere:{}", j.id)).await?;
    Ok(gekozen.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use leerspoor_brp::persoon::BrpAdres;
    use leerspoor_domain::model::Geslacht;

    fn datum(s: &str) -> Datum {
        s.parse().unwrap()
    }

    #[test]
    fn a_youth_who_left_the_region_agrees_with_a_brp_address_outside_it_but_not_inside() {
        let j = Jongere {
            id: "J1".into(),
            bsn: Bsn::parse("111222333").unwrap(),
            voornamen: "Sara".into(),
            tussenvoegsel: "de".into(),
            achternaam: "Vries".into(),
            geboortedatum: datum("2008-03-14"),
            geslacht: Geslacht::Onbekend,
            overlijdensdatum: None,
            twaalf_schooljaren_op: None,
        };
        let in_amsterdam = |gemeente: &str| BrpPersoon {
            bsn: j.bsn,
            voornamen: "Sara".into(),
            voorvoegsel: "de".into(),
            geslachtsnaam: "Vries".into(),
            geboortedatum: Some(datum("2008-03-14")),
            overlijdensdatum: None,
            overleden: false,
            adres: Some(BrpAdres {
                straat: "Damrak".into(),
                huisnummer: "1".into(),
                postcode: "1012LG".into(),
                woonplaats: "Amsterdam".into(),
                sinds: Some(datum("2021-01-01")),
            }),
            gemeente: Some(gemeente.into()),
        };
        let regio = |g: &str| g == "GM9901";
        assert_eq!(verschillen(&j, None, Some(&in_amsterdam("0363")), regio), []);
        let in_regio = verschillen(&j, None, Some(&in_amsterdam("9901")), regio);
        assert!(matches!(&in_regio[..], [Verschil::Adres { register, .. }] if register == "geen"), "{in_regio:?}");
        // Died, by a date the BRP has only in part: said, without a date.
        let overleden = BrpPersoon { overleden: true, adres: None, ..in_amsterdam("0363") };
        assert_eq!(verschillen(&j, None, Some(&overleden), regio), [Verschil::Overleden { register: None, brp: None }]);
        // The register has her dead on a date: the BRP's partial date agrees, its silence does not.
        let dood = Jongere { overlijdensdatum: Some(datum("2024-06-30")), ..j.clone() };
        assert_eq!(verschillen(&dood, None, Some(&overleden), regio), []);
        assert_eq!(
            verschillen(&dood, None, Some(&in_amsterdam("0363")), regio),
            [Verschil::NietOverleden { register: datum("2024-06-30") }]
        );
        // Emigrated, and the register has no address for her either: nothing to say.
        let buitenland = BrpPersoon { adres: None, gemeente: None, ..in_amsterdam("0363") };
        assert_eq!(verschillen(&j, None, Some(&buitenland), regio), []);
    }

    #[test]
    fn names_agree_whatever_the_spaces_the_case_and_where_the_voorvoegsel_is_kept() {
        let j = Jongere {
            id: "J1".into(),
            bsn: Bsn::parse("111222333").unwrap(),
            voornamen: "Anna  Maria".into(),
            tussenvoegsel: String::new(),
            achternaam: "De  Vries ".into(),
            geboortedatum: datum("2008-03-14"),
            geslacht: Geslacht::Onbekend,
            overlijdensdatum: None,
            twaalf_schooljaren_op: None,
        };
        let op_de_boot = BrpPersoon {
            bsn: j.bsn,
            voornamen: "Anna Maria".into(),
            voorvoegsel: "de".into(),
            geslachtsnaam: "Vries".into(),
            geboortedatum: Some(datum("2008-03-14")),
            overlijdensdatum: None,
            overleden: false,
            adres: Some(BrpAdres {
                straat: "Woonboot Oosterdok".into(),
                huisnummer: String::new(),
                postcode: String::new(),
                woonplaats: String::new(),
                sinds: None,
            }),
            gemeente: Some("9901".into()),
        };
        let huidig = Woonadres {
            id: "A1".into(),
            jongere: "J1".into(),
            gemeente: leerspoor_domain::model::Gemeentecode::parse("GM9901").unwrap(),
            straat: "Kade".into(),
            huisnummer: "1".into(),
            postcode: "9901AA".into(),
            woonplaats: "Zandvoorde".into(),
            begindatum: datum("2020-01-01"),
            einddatum: None,
            vertrek: None,
        };
        // The houseboat lies in the gemeente the register has: no difference.
        assert_eq!(verschillen(&j, Some(&huidig), Some(&op_de_boot), |_| true), []);
        let anders = BrpPersoon { geslachtsnaam: "Vriesch".into(), ..op_de_boot };
        assert!(matches!(&verschillen(&j, Some(&huidig), Some(&anders), |_| true)[..],
            [Verschil::Naam { register, .. }] if register == "Anna Maria De Vries"));
    }
}
