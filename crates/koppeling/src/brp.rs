//! The BRP check (docs/koppelingen.md, "BRP-controle"): the register's youths held against the BRP.
//! It changes nothing in the register: it says, per youth, what the BRP says otherwise (an
//! address, a death, a birth date, a name, the parents and gezag: [`gezin`]), for an employee to
//! correct. A youth on the BRP list
//! (new from a delivery, or a birth date that did not agree) whom the BRP confirms leaves the list.
use crate::logboek::KoppelFout;
use crate::records::BrpVerzoek;
use crate::verhuizing::{self, Naar, Verhuisd, zelfde_adres};
use leerspoor_brp::client::{Brp, PER_VERZOEK};
use leerspoor_brp::persoon::{BrpPersoon, Huisgenoot};
use leerspoor_casework::ids;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::datum::volledige_naam;
use leerspoor_domain::model::{Gemeente, Jongere, Medewerker, OuderRelatie, Vertrek, Woonadres};
use leerspoor_domain::{Bsn, Datum};
use leerspoor_store::toegang::Herkomst;
use leerspoor_store::{Store, rij};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

pub mod gezin;

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
    /// Someone the BRP names as parent, or with gezag over the youth, whom the register does not
    /// link to her (by BSN): to be linked, as the register's parent record with this BSN (`bestaand`,
    /// e.g. a sibling's parent) or as a new one with the BRP's name. `gezag` as the BRP says it,
    /// `None` when it does not say (then only shown).
    Ouder {
        bsn: Bsn,
        voornamen: String,
        tussenvoegsel: String,
        achternaam: String,
        relatie: OuderRelatie,
        gezag: Option<bool>,
        bestaand: Option<String>,
    },
    /// A parent linked to the youth (by BSN) whose gezag the BRP sees otherwise.
    Gezag {
        bsn: Bsn,
        naam: String,
        register: bool,
        brp: bool,
    },
    /// A parent the BRP gives without BSN: whom it is, is not to be checked.
    OuderZonderBsn {
        naam: String,
    },
    /// Gezag with someone the BRP gives without BSN: an institution as voogd, an unknown third.
    GezagZonderBsn {
        naam: String,
    },
    /// The BRP names nobody with gezag: for now nobody has it (`tijdelijk`), or it cannot be
    /// determined; with the BRP's explanation.
    GezagOnbepaald {
        tijdelijk: bool,
        toelichting: String,
    },
    /// A parent the BRP gives in a shape Leerspoor cannot read (an invalid BSN): the reason.
    OuderOnleesbaar {
        reden: String,
    },
    /// Gezag Leerspoor cannot compare (a shape outside the contract, or whom it is about left
    /// out): the reason.
    GezagOnleesbaar {
        reden: String,
    },
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
            Verschil::Ouder { .. } => "ouder",
            Verschil::Gezag { .. } => "gezag",
            Verschil::OuderZonderBsn { .. } => "ouder zonder BSN",
            Verschil::GezagZonderBsn { .. } => "gezag zonder BSN",
            Verschil::GezagOnbepaald { .. } => "gezag onbepaald",
            Verschil::OuderOnleesbaar { .. } => "ouder onleesbaar",
            Verschil::GezagOnleesbaar { .. } => "gezag onleesbaar",
        }
    }

    /// About the parents and gezag rather than the youth herself. These keep nobody on the BRP
    /// list: that list is for who she is and where she lives, and some of these stay for good
    /// (gezag that cannot be determined, a parent without BSN).
    pub fn over_gezin(&self) -> bool {
        matches!(
            self,
            Verschil::Ouder { .. }
                | Verschil::Gezag { .. }
                | Verschil::OuderZonderBsn { .. }
                | Verschil::GezagZonderBsn { .. }
                | Verschil::GezagOnbepaald { .. }
                | Verschil::OuderOnleesbaar { .. }
                | Verschil::GezagOnleesbaar { .. }
        )
    }

    /// What differs, for a table: the kind of fact.
    pub fn gegeven(&self) -> &'static str {
        match self {
            Verschil::NietInBrp => "BSN",
            Verschil::Geboortedatum { .. } => "Geboortedatum",
            Verschil::Overleden { .. } | Verschil::NietOverleden { .. } => "Overlijden",
            Verschil::Naam { .. } => "Naam",
            Verschil::Adres { .. } | Verschil::GeenAdres => "Adres",
            Verschil::Ouder { .. } | Verschil::OuderZonderBsn { .. } | Verschil::OuderOnleesbaar { .. } => "Ouder",
            Verschil::Gezag { .. }
            | Verschil::GezagZonderBsn { .. }
            | Verschil::GezagOnbepaald { .. }
            | Verschil::GezagOnleesbaar { .. } => "Gezag",
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
            Verschil::Ouder { bestaand, .. } => (
                if bestaand.is_some() { "bekend, niet bij deze jongere" } else { "niet bekend" }.into(),
                self.ouder_tekst().unwrap_or_default(),
            ),
            Verschil::Gezag { naam, register, brp, .. } => (gezag_tekst(naam, *register), gezag_tekst(naam, *brp)),
            Verschil::OuderZonderBsn { naam } => ("niet bekend".into(), format!("{naam} (zonder BSN)")),
            Verschil::GezagZonderBsn { naam } => ("niet bekend".into(), format!("gezag bij {}", zonder_bsn(naam))),
            Verschil::GezagOnbepaald { tijdelijk, toelichting } => {
                ("—".into(), format!("{}: {toelichting}", onbepaald(*tijdelijk)))
            }
            Verschil::OuderOnleesbaar { reden } | Verschil::GezagOnleesbaar { reden } => {
                ("—".into(), format!("niet te lezen ({reden})"))
            }
        }
    }

    /// A parent to link, as a line: name, relation, gezag.
    fn ouder_tekst(&self) -> Option<String> {
        let Verschil::Ouder { voornamen, tussenvoegsel, achternaam, relatie, gezag, .. } = self else { return None };
        let gezag = match gezag {
            Some(true) => "met gezag",
            Some(false) => "zonder gezag",
            None => "gezag niet gegeven",
        };
        Some(format!("{} ({}, {gezag})", volledige_naam(voornamen, tussenvoegsel, achternaam), relatie.label()))
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
            Verschil::Ouder { bestaand, .. } => {
                let register = if bestaand.is_some() { "in het register bij een andere jongere" } else { "nieuw" };
                format!("ouder volgens de BRP: {} ({register})", self.ouder_tekst().unwrap_or_default())
            }
            Verschil::Gezag { naam, register, brp, .. } => {
                format!("gezag: register {}, BRP {}", gezag_tekst(naam, *register), gezag_tekst(naam, *brp))
            }
            Verschil::OuderZonderBsn { naam } => format!("ouder volgens de BRP, zonder BSN: {naam}"),
            Verschil::GezagZonderBsn { naam } => format!("gezag volgens de BRP bij {}", zonder_bsn(naam)),
            Verschil::GezagOnbepaald { tijdelijk, toelichting } => {
                format!("{} volgens de BRP: {toelichting}", onbepaald(*tijdelijk))
            }
            Verschil::OuderOnleesbaar { reden } => format!("ouder volgens de BRP niet te lezen: {reden}"),
            Verschil::GezagOnleesbaar { reden } => format!("gezag volgens de BRP niet te lezen: {reden}"),
        }
    }

    /// Names this difference whole: the SHA-256 (hex) of every field, the BSN of a parent and the
    /// register's record to link included, so that a proposal taken over is exactly the one shown
    /// (two parents of one name, or one record instead of another, differ). Not the `Debug` form:
    /// that masks a BSN.
    pub fn kenmerk(&self) -> String {
        let datum = |d: &Option<Datum>| d.map(|d| d.to_string());
        let velden = match self {
            Verschil::NietInBrp => serde_json::json!(["NietInBrp"]),
            Verschil::Geboortedatum { register, brp } => {
                serde_json::json!(["Geboortedatum", register.to_string(), brp.to_string()])
            }
            Verschil::Overleden { register, brp } => serde_json::json!(["Overleden", datum(register), datum(brp)]),
            Verschil::NietOverleden { register } => serde_json::json!(["NietOverleden", register.to_string()]),
            Verschil::Naam { register, brp } => serde_json::json!(["Naam", register, brp]),
            Verschil::Adres { register, brp, sinds } => serde_json::json!(["Adres", register, brp, datum(sinds)]),
            Verschil::GeenAdres => serde_json::json!(["GeenAdres"]),
            Verschil::Ouder { bsn, voornamen, tussenvoegsel, achternaam, relatie, gezag, bestaand } => {
                serde_json::json!([
                    "Ouder",
                    bsn.as_digits(),
                    voornamen,
                    tussenvoegsel,
                    achternaam,
                    relatie.code(),
                    gezag,
                    bestaand
                ])
            }
            Verschil::Gezag { bsn, naam, register, brp } => {
                serde_json::json!(["Gezag", bsn.as_digits(), naam, register, brp])
            }
            Verschil::OuderZonderBsn { naam } => serde_json::json!(["OuderZonderBsn", naam]),
            Verschil::GezagZonderBsn { naam } => serde_json::json!(["GezagZonderBsn", naam]),
            Verschil::GezagOnbepaald { tijdelijk, toelichting } => {
                serde_json::json!(["GezagOnbepaald", tijdelijk, toelichting])
            }
            Verschil::OuderOnleesbaar { reden } => serde_json::json!(["OuderOnleesbaar", reden]),
            Verschil::GezagOnleesbaar { reden } => serde_json::json!(["GezagOnleesbaar", reden]),
        };
        format!("{:x}", Sha256::digest(velden.to_string().as_bytes()))
    }
}

fn gezag_tekst(naam: &str, gezag: bool) -> String {
    format!("{naam} {}", if gezag { "heeft gezag" } else { "heeft geen gezag" })
}

fn zonder_bsn(naam: &str) -> String {
    if naam.is_empty() { "een niet genoemde derde (zonder BSN)".into() } else { format!("{naam} (zonder BSN)") }
}

fn onbepaald(tijdelijk: bool) -> &'static str {
    if tijdelijk { "tijdelijk geen gezag" } else { "gezag niet te bepalen" }
}

fn adres_tekst(gemeente: &str, postcode: &str, huisnummer: &str) -> String {
    format!("{postcode} {huisnummer} ({gemeente})")
}

/// A name part with its spaces collapsed (`"Anna  Maria "` is `"Anna Maria"`).
fn gewoon(deel: &str) -> String {
    deel.split_whitespace().collect::<Vec<_>>().join(" ")
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
            let gemeente = p.gemeentecode().map_or_else(String::new, |g| g.as_str().to_string());
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
        Wie::Alle { .. } => store.lees().await?,
    };
    jongeren.sort_by(|a, b| a.id.cmp(&b.id));
    // In Rust's order, not the database's collation: the order the run went in.
    if let Wie::Alle { vanaf: Some(id) } = wie {
        jongeren.retain(|j| j.id >= *id);
    }
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
/// requests of 20; each youth asked about gets a line in the access log (*mislukt* when the
/// request failed). Only reading; the BRP list loses the youths the BRP confirmed, request by
/// request. `voortgang` hears how many youths are done, of how many. When the BRP fails part-way,
/// what was done stands and [`BrpControle::onderbroken`] says where to go on; failing at the first
/// request is an error. `vandaag` is the calendar date (the BRP answers about now): who is a minor
/// on it has gezag compared.
pub async fn controleer(
    store: &Store,
    brp: &Brp,
    door: &Medewerker,
    wie: &Wie,
    vandaag: Datum,
    voortgang: &(dyn Fn(usize, usize) + Sync),
) -> Result<BrpControle, KoppelFout> {
    leerspoor_domain::rules::mas::mag_melding_registreren(door.rol).map_err(leerspoor_casework::Fout::from)?;
    let jongeren = te_controleren(store, wie).await?;
    let huidig = huidige_adressen(store, wie).await?;
    let regio = regio(store).await?;
    let (gezinnen, bekend) = gezin::gezinnen(store, if let Wie::Jongere(id) = wie { Some(id) } else { None }).await?;
    let geen_gezin = gezin::Gezin::default();
    let op_de_lijst: HashSet<String> = store.lees::<BrpVerzoek>().await?.into_iter().map(|v| v.jongere).collect();
    let mut uit = BrpControle::default();
    for deel in jongeren.chunks(PER_VERZOEK) {
        let bsns: Vec<Bsn> = deel.iter().map(|j| j.bsn).collect();
        let personen: HashMap<Bsn, BrpPersoon> = match brp.raadpleeg(&bsns).await {
            Ok(personen) => personen.into_iter().map(|p| (p.bsn, p)).collect(),
            Err(e) => {
                // The numbers went to the BRP, perhaps more than once: that too is in the log.
                for j in deel {
                    store
                        .log(&door.id, "brp raadplegen", &format!("jongere:{}", j.id), "mislukt", Some(&e.to_string()))
                        .await?;
                }
                if uit.gevraagd == 0 {
                    return Err(KoppelFout::Ongeldig(e.to_string()));
                }
                uit.onderbroken = Some(Onderbreking { fout: e.to_string(), hervat_vanaf: deel[0].id.clone() });
                break;
            }
        };
        let objecten: Vec<String> = deel.iter().map(|j| format!("jongere:{}", j.id)).collect();
        store.log_reeks(&Default::default(), &door.id, "brp raadplegen", &objecten, Some("BRP-controle")).await?;
        let mut bevestigd = Vec::new();
        for j in deel {
            let p = personen.get(&j.bsn);
            let mut v = verschillen(j, huidig.get(&j.id), p, |g| regio.contains(g));
            if v.is_empty() {
                bevestigd.extend(op_de_lijst.contains(&j.id).then_some((j, huidig.get(&j.id))));
            }
            if let Some(p) = p {
                let g = gezinnen.get(&j.id).unwrap_or(&geen_gezin);
                v.extend(gezin::gezinsverschillen(j, g, &bekend, p, vandaag).into_iter().map(|(v, _)| v));
            }
            if !v.is_empty() {
                uit.verschillen.insert(j.id.clone(), v);
            }
        }
        uit.van_de_lijst += van_de_lijst(store, door, &bevestigd).await?;
        uit.gevraagd += deel.len();
        voortgang(uit.gevraagd, jongeren.len());
    }
    Ok(uit)
}

/// The gemeenten of the region (`GMxxxx`).
async fn regio(store: &Store) -> Result<HashSet<String>, KoppelFout> {
    Ok(store.lees::<Gemeente>().await?.into_iter().map(|g| g.code.as_str().to_string()).collect())
}

/// Takes the youths the BRP confirmed off the BRP list: each only if the register still says what
/// the BRP confirmed (a delivery may have changed her since she was read). Gives how many left.
async fn van_de_lijst(
    store: &Store,
    door: &Medewerker,
    bevestigd: &[(&Jongere, Option<&Woonadres>)],
) -> Result<usize, KoppelFout> {
    if bevestigd.is_empty() {
        return Ok(0);
    }
    let mut s = store.schrijver(&door.id, "brp-controle").await?;
    let mut weg = 0;
    for (j, adres) in bevestigd {
        s.vergrendel(&format!("brp bijwerken {}", j.id)).await?;
        let nu = s.lees_waar::<Jongere>("id", &j.id).await?.pop();
        let adressen: Vec<Woonadres> = s.lees_waar("jongere", &j.id).await?;
        if nu.as_ref() != Some(*j) || verhuizing::huidig(&adressen) != *adres {
            continue;
        }
        for v in s.lees_waar::<BrpVerzoek>("jongere", &j.id).await? {
            s.verwijder(&v).await?;
            weg += 1;
        }
    }
    if weg > 0 {
        s.vastleggen("brp-controle", "brp_verzoek").await?;
    }
    Ok(weg)
}

/// A difference as the dossier's *BRP bijwerken* offers it.
#[derive(Debug, Clone, PartialEq)]
pub struct Voorstel {
    pub verschil: Verschil,
    /// Why it cannot be taken over as it stands (the employee goes after it), if so.
    pub bezwaar: Option<String>,
    /// Names this proposal as shown, so that taking it over takes over what the employee saw
    /// ([`Verschil::kenmerk`]).
    pub kenmerk: String,
}

/// What the BRP says otherwise about one youth, as proposals.
#[derive(Debug, Clone)]
pub struct Voorstellen {
    pub jongere: Jongere,
    pub voorstellen: Vec<Voorstel>,
    persoon: Option<BrpPersoon>,
    in_regio: HashSet<String>,
    vandaag: Datum,
}

/// Asks the BRP about one youth on behalf of `door` (who must be allowed casework), in the access
/// log with where the request came from, and gives its differences with the register as proposals.
/// `vandaag` is the calendar date (see [`controleer`]).
pub async fn voorstellen(
    store: &Store,
    brp: &Brp,
    door: &Medewerker,
    herkomst: &Herkomst,
    jongere: &str,
    vandaag: Datum,
) -> Result<Voorstellen, KoppelFout> {
    leerspoor_domain::rules::mas::mag_melding_registreren(door.rol).map_err(leerspoor_casework::Fout::from)?;
    let j = te_controleren(store, &Wie::Jongere(jongere.to_string())).await?.pop().expect("één jongere");
    let adressen: Vec<Woonadres> = store.lees_waar("jongere", &j.id).await?;
    let huidig = verhuizing::huidig(&adressen).cloned();
    let in_regio = regio(store).await?;
    let object = format!("jongere:{}", j.id);
    let persoon = match brp.raadpleeg(&[j.bsn]).await {
        // Only the person asked about, whatever else an answer holds.
        Ok(p) => p.into_iter().find(|p| p.bsn == j.bsn),
        Err(e) => {
            store.log_van(herkomst, &door.id, "brp raadplegen", &object, "mislukt", Some(&e.to_string())).await?;
            return Err(KoppelFout::Ongeldig(e.to_string()));
        }
    };
    store.log_van(herkomst, &door.id, "brp raadplegen", &object, "gelukt", Some("BRP bijwerken")).await?;
    let mut alle: Vec<(Verschil, Option<String>)> =
        verschillen(&j, huidig.as_ref(), persoon.as_ref(), |g| in_regio.contains(g))
            .into_iter()
            .map(|v| {
                let b = bezwaar(&v, &adressen, persoon.as_ref(), &in_regio);
                (v, b)
            })
            .collect();
    if let Some(p) = &persoon {
        let (gezin, bekend) = gezin::gezin_van(store, &j.id, &gezin::genoemd(p)).await?;
        alle.extend(gezin::gezinsverschillen(&j, &gezin, &bekend, p, vandaag));
    }
    let voorstellen = alle
        .into_iter()
        .map(|(verschil, bezwaar)| Voorstel { bezwaar, kenmerk: verschil.kenmerk(), verschil })
        .collect();
    Ok(Voorstellen { jongere: j, voorstellen, persoon, in_regio, vandaag })
}

/// Why a difference cannot be taken over into the register as the BRP gives it (`adressen`: the
/// youth's in the register).
fn bezwaar(v: &Verschil, adressen: &[Woonadres], p: Option<&BrpPersoon>, in_regio: &HashSet<String>) -> Option<String> {
    let huidig = verhuizing::huidig(adressen);
    match v {
        Verschil::Adres { .. } if p.and_then(BrpPersoon::gemeentecode).is_none() => {
            Some("de BRP noemt geen gemeente van inschrijving".into())
        }
        Verschil::Adres { .. }
            if p.is_some_and(|p| {
                p.adres.as_ref().is_some_and(|a| a.postcode.is_empty())
                    && p.gemeentecode().is_some_and(|g| in_regio.contains(g.as_str()))
            }) =>
        {
            Some("een verblijf zonder adres (woonboot, woonwagen) in de regio: leg het adres zelf vast".into())
        }
        Verschil::Naam { .. } if p.is_some_and(|p| p.geslachtsnaam.trim().is_empty()) => {
            Some("de BRP geeft geen geslachtsnaam".into())
        }
        Verschil::NietInBrp => Some("de BRP kent dit BSN niet: ga het BSN na".into()),
        Verschil::GeenAdres => Some("de BRP heeft geen adres in Nederland: ga na of de jongere vertrokken is".into()),
        Verschil::Overleden { brp: None, .. } => {
            Some("de BRP kent de datum van overlijden niet volledig: leg het overlijden vast met de akte".into())
        }
        Verschil::Adres { sinds: None, .. } => Some("de BRP noemt geen volledige datum sinds wanneer".into()),
        Verschil::Adres { sinds: Some(d), .. } => match huidig {
            Some(h) => (h.begindatum >= *d).then(|| {
                format!(
                    "het huidige adres in het register begon op {}, niet vóór {d}: corrigeer de adressen zelf",
                    h.begindatum
                )
            }),
            None => verhuizing::laatste_einde(adressen).filter(|e| e >= d).map(|e| {
                format!("het vorige adres in het register eindigde op {e}, niet vóór {d}: corrigeer de adressen zelf")
            }),
        },
        _ => None,
    }
}

/// Who lives at the youth's current address in the register according to the BRP (the household:
/// parents, carers, brothers and sisters), asked on behalf of `door` (casework roles), in the
/// access log. Only shown, nothing kept. Gives the address asked about and who lives there.
pub async fn huisgenoten(
    store: &Store,
    brp: &Brp,
    door: &Medewerker,
    herkomst: &Herkomst,
    jongere: &str,
) -> Result<(String, Vec<Huisgenoot>), KoppelFout> {
    leerspoor_domain::rules::mas::mag_melding_registreren(door.rol).map_err(leerspoor_casework::Fout::from)?;
    let j = te_controleren(store, &Wie::Jongere(jongere.to_string())).await?.pop().expect("één jongere");
    let adressen: Vec<Woonadres> = store.lees_waar("jongere", &j.id).await?;
    let Some(a) = verhuizing::huidig(&adressen) else {
        return Err(KoppelFout::Ongeldig("het register heeft geen huidig adres van deze jongere".into()));
    };
    let (Some(nummer), letter) = verhuizing::huisnummer_sleutel(&a.huisnummer) else {
        return Err(KoppelFout::Ongeldig(format!("het huisnummer '{}' begint niet met een getal", a.huisnummer)));
    };
    // The huisletter is the first letter after the number; a toevoeging is not searched on.
    let huisletter = letter.chars().next().filter(char::is_ascii_alphabetic).map(|c| c.to_string());
    let object = format!("jongere:{}", j.id);
    let gevonden = brp.zoek_op_adres(&a.postcode, nummer, huisletter.as_deref()).await;
    let resultaat = if gevonden.is_ok() { "gelukt" } else { "mislukt" };
    store.log_van(herkomst, &door.id, "brp zoeken op adres", &object, resultaat, Some("huishouden")).await?;
    let adres = adres_tekst(a.gemeente.as_str(), &a.postcode, &a.huisnummer);
    Ok((adres, gevonden.map_err(|e| KoppelFout::Ongeldig(e.to_string()))?))
}

/// The store lock of a parent's BSN (see [`neem_voorstellen_over`]): 16 bits of its SHA-256, so
/// that the key (which a server may log) names one of thousands of valid BSNs, not one; two
/// parents in one bucket only wait for each other.
fn ouder_slot(bsn: Bsn) -> String {
    format!("ouder-bsn {}", &format!("{:x}", Sha256::digest(bsn.as_digits().as_bytes()))[..4])
}

const GEWIJZIGD: &str = "het register is intussen gewijzigd: vraag de voorstellen opnieuw op";

/// Takes over the proposals named by `kenmerken` (as [`voorstellen`] gave them) into the register,
/// dated and in the change log, on behalf of `door`. The BRP is asked again: a proposal it no
/// longer makes, or one with a bezwaar, refuses the whole. A youth on the BRP list whose
/// differences are all taken over leaves it. Gives the number taken over. `vandaag` as for
/// [`voorstellen`].
pub async fn neem_over(
    store: &Store,
    brp: &Brp,
    door: &Medewerker,
    herkomst: &Herkomst,
    jongere: &str,
    kenmerken: &[String],
    vandaag: Datum,
) -> Result<usize, KoppelFout> {
    if kenmerken.is_empty() {
        return Err(KoppelFout::Ongeldig("kies de voorstellen die u overneemt".into()));
    }
    let v = voorstellen(store, brp, door, herkomst, jongere, vandaag).await?;
    neem_voorstellen_over(store, door, &v, kenmerken).await
}

/// The write of [`neem_over`]: the proposals named by `kenmerken` of `v` taken over, inside one
/// write that reads the register again (the youth, her addresses, her family and the parent
/// records of the BSNs it links) and takes over nothing if any of it changed since `v` was made.
/// `v` must be fresh from the BRP: [`neem_over`] asks it anew (this is apart so that a test can
/// change the register in between).
pub async fn neem_voorstellen_over(
    store: &Store,
    door: &Medewerker,
    v: &Voorstellen,
    kenmerken: &[String],
) -> Result<usize, KoppelFout> {
    let kenmerken: BTreeSet<&String> = kenmerken.iter().collect();
    if kenmerken.is_empty() {
        return Err(KoppelFout::Ongeldig("kies de voorstellen die u overneemt".into()));
    }
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
    // One taking over at a time per youth: a second (a double click) then finds nothing to take.
    s.vergrendel(&format!("brp bijwerken {}", j.id)).await?;
    if s.lees_waar::<Jongere>("id", &j.id).await?.pop().as_ref() != Some(j) {
        return Err(KoppelFout::Ongeldig(GEWIJZIGD.into()));
    }
    let mut nu = j.clone();
    let (over_gezin, over_haar): (Vec<&Verschil>, Vec<&Verschil>) = gekozen.iter().partition(|v| v.over_gezin());
    for verschil in over_haar {
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
                let naar = match p.gemeentecode().expect("een bezwaar zonder gemeente") {
                    g if v.in_regio.contains(g.as_str()) => Naar::Adres(Woonadres {
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
                let adressen: Vec<Woonadres> = s.lees_waar("jongere", &j.id).await?;
                if let Verhuisd::NietNaHuidig(_) | Verhuisd::NietNaVorige(_) =
                    verhuizing::verhuis(&mut s, &adressen, naar, *sinds).await?
                {
                    return Err(KoppelFout::Ongeldig(GEWIJZIGD.into()));
                }
            }
            Verschil::NietInBrp | Verschil::GeenAdres | Verschil::Overleden { .. } | Verschil::Adres { .. } => {
                unreachable!("een voorstel met een bezwaar")
            }
            _ => unreachable!("een verschil over het gezin"),
        }
    }
    if !over_gezin.is_empty() {
        // Per parent to link, the lock of her BSN, before the register's records with it are read
        // to decide whether to make one: two employees linking the same mother to two siblings at
        // once would each find none and make two (PostgreSQL; SQLite writes one at a time). In
        // order, so that two writes never wait on each other; the key is a hash, since the store
        // hands it to the database (a statement log) and no BSN belongs there in clear text.
        let mut sloten: Vec<String> = over_gezin
            .iter()
            .filter_map(|v| match v {
                Verschil::Ouder { bsn, .. } => Some(ouder_slot(*bsn)),
                _ => None,
            })
            .collect();
        sloten.sort();
        sloten.dedup();
        for slot in &sloten {
            s.vergrendel(slot).await?;
        }
        // The family as it is now, inside the write: a parent linked or gezag set since the
        // proposals were made, or a record made with a parent's BSN (another employee, a sibling)
        // makes them stale.
        let (g, bekend) = gezin::gezin_van(&mut s, &j.id, &gezin::genoemd(p)).await?;
        let nog = gezin::gezinsverschillen(j, &g, &bekend, p, v.vandaag);
        if over_gezin.iter().any(|v| !nog.iter().any(|(n, bezwaar)| n == *v && bezwaar.is_none())) {
            return Err(KoppelFout::Ongeldig(GEWIJZIGD.into()));
        }
        for v in over_gezin {
            gezin::neem_over(&mut s, &j.id, &g, v).await?;
        }
    }
    if nu.overlijdensdatum.is_some_and(|o| o < nu.geboortedatum) {
        return Err(KoppelFout::Ongeldig(format!(
            "de datum van overlijden ligt dan vóór de geboortedatum ({}): neem beide samen over of corrigeer zelf",
            nu.geboortedatum
        )));
    }
    if nu != *j {
        s.wijzig(j, &nu).await?;
    }
    // The BRP list is about the youth herself: what differs about her family keeps her on it no
    // longer than her own differences do (see [`Verschil::over_gezin`]).
    if v.voorstellen.iter().all(|p| p.verschil.over_gezin() || gekozen.contains(&&p.verschil)) {
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

    /// An address at Kade 1 in GM9901 from `begin`, ended (leaving the region) at `einde`.
    fn kade(begin: &str, einde: Option<&str>) -> Woonadres {
        Woonadres {
            id: "A1".into(),
            jongere: "J1".into(),
            gemeente: leerspoor_domain::model::Gemeentecode::parse("GM9901").unwrap(),
            straat: "Kade".into(),
            huisnummer: "1".into(),
            postcode: "9901AA".into(),
            woonplaats: "Zandvoorde".into(),
            begindatum: datum(begin),
            einddatum: einde.map(datum),
            vertrek: einde.map(|_| Vertrek::BuitenRegio),
        }
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
            ouders: Vec::new(),
            ouders_onleesbaar: Vec::new(),
            gezag: None,
            gezag_in_onderzoek: false,
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
            ouders: Vec::new(),
            ouders_onleesbaar: Vec::new(),
            gezag: None,
            gezag_in_onderzoek: false,
        };
        let huidig = kade("2020-01-01", None);
        // The houseboat lies in the gemeente the register has: no difference.
        assert_eq!(verschillen(&j, Some(&huidig), Some(&op_de_boot), |_| true), []);
        let anders = BrpPersoon { geslachtsnaam: "Vriesch".into(), ..op_de_boot };
        assert!(matches!(&verschillen(&j, Some(&huidig), Some(&anders), |_| true)[..],
            [Verschil::Naam { register, .. }] if register == "Anna Maria De Vries"));
    }

    #[test]
    fn an_address_without_gemeente_a_houseboat_in_the_region_an_overlap_or_no_surname_is_not_taken_over() {
        let persoon = BrpPersoon {
            bsn: Bsn::parse("111222333").unwrap(),
            voornamen: "Sara".into(),
            voorvoegsel: String::new(),
            geslachtsnaam: "Vries".into(),
            geboortedatum: None,
            overlijdensdatum: None,
            overleden: false,
            adres: Some(BrpAdres {
                straat: "Duinpad".into(),
                huisnummer: "4".into(),
                postcode: "9901BB".into(),
                woonplaats: "Zandvoorde".into(),
                sinds: Some(datum("2021-03-01")),
            }),
            gemeente: Some("9901".into()),
            ouders: Vec::new(),
            ouders_onleesbaar: Vec::new(),
            gezag: None,
            gezag_in_onderzoek: false,
        };
        let regio: HashSet<String> = ["GM9901".to_string()].into();
        let verhuisd = Verschil::Adres {
            register: "geen".into(),
            brp: "9901BB 4 (GM9901)".into(),
            sinds: Some(datum("2021-03-01")),
        };
        let huidig = [kade("2019-01-01", None)];
        assert_eq!(bezwaar(&verhuisd, &huidig, Some(&persoon), &regio), None);
        // Left the region on 31 May; the BRP has her back since 1 March: the periods would overlap.
        let vertrokken = [kade("2019-01-01", Some("2021-05-31"))];
        let b = bezwaar(&verhuisd, &vertrokken, Some(&persoon), &regio).unwrap();
        assert!(b.starts_with("het vorige adres in het register eindigde op 2021-05-31"), "{b}");
        let zonder_gemeente = BrpPersoon { gemeente: None, ..persoon.clone() };
        assert!(bezwaar(&verhuisd, &huidig, Some(&zonder_gemeente), &regio).is_some());
        let boot = BrpPersoon {
            adres: Some(BrpAdres {
                postcode: String::new(),
                huisnummer: String::new(),
                ..persoon.adres.clone().unwrap()
            }),
            ..persoon.clone()
        };
        assert!(bezwaar(&verhuisd, &huidig, Some(&boot), &regio).unwrap().contains("woonboot"));
        let naamloos = BrpPersoon { geslachtsnaam: " ".into(), ..persoon.clone() };
        let naam = Verschil::Naam { register: "Sara de Vries".into(), brp: "Sara".into() };
        assert!(bezwaar(&naam, &huidig, Some(&naamloos), &regio).is_some());
        assert_eq!(bezwaar(&naam, &huidig, Some(&persoon), &regio), None);
    }

    #[test]
    fn the_kenmerk_covers_every_field_of_a_difference_not_only_its_description() {
        let ouder = |bsn: &str, bestaand: &str| Verschil::Ouder {
            bsn: Bsn::parse(bsn).unwrap(),
            voornamen: "Marja".into(),
            tussenvoegsel: "de".into(),
            achternaam: "Vries".into(),
            relatie: OuderRelatie::Moeder,
            gezag: Some(true),
            bestaand: Some(bestaand.into()),
        };
        let marja = ouder("100000046", "O-1");
        // Another woman of the same name, or another record of hers: the same line, another kenmerk.
        let naamgenote = ouder("100000058", "O-1");
        let ander_record = ouder("100000046", "O-2");
        for ander in [&naamgenote, &ander_record] {
            assert_eq!(ander.omschrijving(), marja.omschrijving());
            assert_ne!(ander.kenmerk(), marja.kenmerk());
        }
        assert_eq!(marja.kenmerk(), marja.clone().kenmerk());
        assert_eq!(marja.kenmerk().len(), 64, "the whole SHA-256");
    }
}
