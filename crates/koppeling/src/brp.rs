//! The BRP check (docs/koppelingen.md, "BRP-controle"): the register's youths held against the BRP.
//! It changes nothing in the register yet: it says, per youth, what the BRP says otherwise (an
//! address, a death, a birth date, a name), for an employee to correct. A youth on the BRP list
//! (new from a delivery, or a birth date that did not agree) whom the BRP confirms leaves the list.
use crate::logboek::KoppelFout;
use crate::records::BrpVerzoek;
use leerspoor_brp::client::Brp;
use leerspoor_brp::persoon::BrpPersoon;
use leerspoor_domain::model::{Gemeente, Jongere, Medewerker, Woonadres};
use leerspoor_domain::{Bsn, Datum};
use leerspoor_store::Store;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Whom to check.
#[derive(Debug, Clone)]
pub enum Wie {
    Jongere(String),
    /// The youths on the BRP list.
    Lijst,
    /// Every youth in the register.
    Alle,
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
    /// Died according to the BRP (the date, if the BRP has it whole).
    Overleden {
        brp: Option<Datum>,
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
            Verschil::Naam { .. } => "naam",
            Verschil::Adres { .. } => "adres",
            Verschil::GeenAdres => "geen adres in Nederland",
        }
    }

    /// One Dutch line: what differs, the register's value and the BRP's.
    pub fn omschrijving(&self) -> String {
        match self {
            Verschil::NietInBrp => "niet gevonden in de BRP".into(),
            Verschil::Geboortedatum { register, brp } => format!("geboortedatum: register {register}, BRP {brp}"),
            Verschil::Overleden { brp: Some(d) } => format!("overleden volgens de BRP op {d}"),
            Verschil::Overleden { brp: None } => "overleden volgens de BRP (datum onvolledig)".into(),
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
    if p.overleden && (p.overlijdensdatum.is_none() || p.overlijdensdatum != j.overlijdensdatum) {
        uit.push(Verschil::Overleden { brp: p.overlijdensdatum });
    }
    let naam =
        |v: &str, t: &str, a: &str| [v, t, a].into_iter().filter(|d| !d.is_empty()).collect::<Vec<_>>().join(" ");
    let (register, in_brp) =
        (naam(&j.voornamen, &j.tussenvoegsel, &j.achternaam), naam(&p.voornamen, &p.voorvoegsel, &p.geslachtsnaam));
    if register != in_brp {
        uit.push(Verschil::Naam { register, brp: in_brp });
    }
    match &p.adres {
        None if !p.overleden => uit.push(Verschil::GeenAdres),
        None => {}
        Some(a) => {
            let gemeente = p.gemeente.as_deref().map(|c| format!("GM{c}")).unwrap_or_default();
            let gelijk = match huidig {
                Some(h) => {
                    h.gemeente.as_str() == gemeente
                        && h.postcode.replace(' ', "").eq_ignore_ascii_case(&a.postcode.replace(' ', ""))
                        && h.huisnummer.eq_ignore_ascii_case(&a.huisnummer)
                }
                None => !in_regio(&gemeente),
            };
            if !gelijk {
                uit.push(Verschil::Adres {
                    register: huidig
                        .map_or("geen".into(), |h| adres_tekst(h.gemeente.as_str(), &h.postcode, &h.huisnummer)),
                    brp: adres_tekst(&gemeente, &a.postcode, &a.huisnummer),
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
}

/// Checks these youths against the BRP on behalf of `door` (who must be allowed casework), logged
/// in the access log. Only reading; the BRP list loses the youths the BRP confirmed.
pub async fn controleer(store: &Store, brp: &Brp, door: &Medewerker, wie: &Wie) -> Result<BrpControle, KoppelFout> {
    leerspoor_domain::rules::mas::mag_melding_registreren(door.rol).map_err(leerspoor_casework::Fout::from)?;
    let lijst: Vec<BrpVerzoek> = store.lees().await?;
    let jongeren: Vec<Jongere> = match wie {
        Wie::Jongere(id) => {
            let j = store.lees_een::<Jongere>(id).await?;
            vec![j.ok_or_else(|| KoppelFout::Ongeldig(format!("jongere '{id}' bestaat niet")))?]
        }
        // The list is short (youths waiting for a check): one read each.
        Wie::Lijst => {
            let mut jongeren = Vec::with_capacity(lijst.len());
            for v in &lijst {
                jongeren.extend(store.lees_een::<Jongere>(&v.jongere).await?);
            }
            jongeren
        }
        Wie::Alle => store.lees().await?,
    };
    let object = match wie {
        Wie::Jongere(id) => format!("jongere:{id}"),
        Wie::Lijst => "brp:lijst".into(),
        Wie::Alle => "brp:alle".into(),
    };
    let reden = format!("BRP-controle van {} jongere(n)", jongeren.len());
    store.log(&door.id, "brp raadplegen", &object, "gelukt", Some(&reden)).await?;
    let huidig: HashMap<String, Woonadres> = store
        .lees_met::<Woonadres>("WHERE einddatum IS NULL", &[])
        .await?
        .into_iter()
        .map(|a| (a.jongere.clone(), a))
        .collect();
    let bsns: Vec<Bsn> = jongeren.iter().map(|j| j.bsn).collect();
    let personen: HashMap<Bsn, BrpPersoon> = brp
        .raadpleeg(&bsns)
        .await
        .map_err(|e| KoppelFout::Ongeldig(e.to_string()))?
        .into_iter()
        .map(|p| (p.bsn, p))
        .collect();
    let regio: HashSet<String> =
        store.lees::<Gemeente>().await?.into_iter().map(|g| g.code.as_str().to_string()).collect();
    let mut uit = BrpControle { gevraagd: jongeren.len(), ..BrpControle::default() };
    for j in &jongeren {
        let v = verschillen(j, huidig.get(&j.id), personen.get(&j.bsn), |g| regio.contains(g));
        if !v.is_empty() {
            uit.verschillen.insert(j.id.clone(), v);
        }
    }
    let bevestigd: Vec<&BrpVerzoek> = lijst
        .iter()
        .filter(|v| jongeren.iter().any(|j| j.id == v.jongere) && !uit.verschillen.contains_key(&v.jongere))
        .collect();
    if !bevestigd.is_empty() {
        let mut s = store.schrijver(&door.id, "brp-controle").await?;
        for v in &bevestigd {
            s.verwijder(*v).await?;
        }
        s.vastleggen("brp-controle", "brp_verzoek").await?;
    }
    uit.van_de_lijst = bevestigd.len();
    Ok(uit)
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
            ouders: Vec::new(),
        };
        let regio = |g: &str| g == "GM9901";
        assert_eq!(verschillen(&j, None, Some(&in_amsterdam("0363")), regio), []);
        let in_regio = verschillen(&j, None, Some(&in_amsterdam("9901")), regio);
        assert!(matches!(&in_regio[..], [Verschil::Adres { register, .. }] if register == "geen"), "{in_regio:?}");
        // Died, by a date the BRP has only in part: said, without a date.
        let overleden = BrpPersoon { overleden: true, adres: None, ..in_amsterdam("0363") };
        assert_eq!(verschillen(&j, None, Some(&overleden), regio), [Verschil::Overleden { brp: None }]);
    }
}
