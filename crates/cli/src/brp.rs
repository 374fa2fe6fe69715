//! How the command line reaches the BRP (`koppeling brp`, `serve`, `demo`), and the local BRP of
//! the demo and the benchmark: the register's youths as the BRP would give them, with a few that
//! moved or that the BRP does not know, so that the BRP check and *BRP bijwerken* have something
//! to show.
use leerspoor_brp::client::{Brp, BrpInstellingen};
use leerspoor_brp::persoon::{BrpGezag, BrpOuder, Gezaghebber};
use leerspoor_brp::proefserver::Proefpersoon;
use leerspoor_domain::Datum;
use leerspoor_domain::model::{Gezinsrelatie, Jongere, Ouder, OuderRelatie, Woonadres};
use leerspoor_domain::rules::leeftijd_op;
use std::collections::HashMap;
use std::path::PathBuf;

/// Its `Debug` leaves out the API key (the arguments of `serve` and `demo` may be printed).
#[derive(Clone, clap::Args)]
pub struct BrpVerbinding {
    /// De basis-URL van de BRP API (zonder /personen)
    #[arg(long, env = "LEERSPOOR_BRP_URL", value_name = "URL")]
    pub brp_url: Option<String>,
    /// De API key (header X-API-KEY)
    #[arg(long, env = "LEERSPOOR_BRP_API_KEY", hide_env_values = true, value_name = "SLEUTEL", default_value = "")]
    pub brp_api_key: String,
    /// Clientcertificaat (PEM) voor mutual TLS, met --brp-sleutel
    #[arg(long, env = "LEERSPOOR_BRP_CERTIFICAAT", value_name = "PAD", requires = "brp_sleutel")]
    brp_certificaat: Option<PathBuf>,
    /// De sleutel (PEM) bij het clientcertificaat
    #[arg(long, env = "LEERSPOOR_BRP_SLEUTEL", value_name = "PAD", requires = "brp_certificaat")]
    brp_sleutel: Option<PathBuf>,
    /// De vertrouwde CA-certificaten (PEM), in plaats van de ingebouwde
    #[arg(long, env = "LEERSPOOR_BRP_CA", value_name = "PAD")]
    brp_ca: Option<PathBuf>,
    /// Hoogstens zoveel verzoeken per seconde (elk met tot 20 BSN's)
    #[arg(long, env = "LEERSPOOR_BRP_PER_SECONDE", default_value_t = 5.0, value_name = "N")]
    pub brp_per_seconde: f64,
    /// Vraag geen ouders en gezag (een gemeente die daarvoor niet geautoriseerd is): alleen de
    /// persoon zelf wordt vergeleken
    #[arg(long)]
    brp_zonder_gezin: bool,
    /// ja of nee: ouders en gezag vragen (nee is --brp-zonder-gezin)
    #[arg(long, env = "LEERSPOOR_BRP_GEZIN", value_parser = ["ja", "nee"], default_value = "ja", value_name = "JA/NEE")]
    brp_gezin: String,
}

impl std::fmt::Debug for BrpVerbinding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BrpVerbinding")
            .field("brp_url", &self.brp_url)
            .field("brp_certificaat", &self.brp_certificaat)
            .field("brp_ca", &self.brp_ca)
            .field("brp_per_seconde", &self.brp_per_seconde)
            .field("brp_gezin", &self.gezin())
            .finish_non_exhaustive()
    }
}

impl BrpVerbinding {
    /// Whether the parents and gezag are asked.
    fn gezin(&self) -> bool {
        !self.brp_zonder_gezin && self.brp_gezin == "ja"
    }

    /// The client, if a URL is given.
    pub fn client(&self) -> Result<Option<Brp>, String> {
        let Some(url) = &self.brp_url else { return Ok(None) };
        Brp::nieuw(BrpInstellingen {
            url: url.clone(),
            api_key: self.brp_api_key.clone(),
            certificaat: self.brp_certificaat.clone().zip(self.brp_sleutel.clone()),
            ca: self.brp_ca.clone(),
            per_seconde: self.brp_per_seconde,
            time_out: std::time::Duration::from_secs(30),
        })
        .map(|b| Some(if self.gezin() { b } else { b.zonder_gezin() }))
        .map_err(|e| e.to_string())
    }
}

/// The register's family as the BRP has a person's: the mother and father with a BSN (a verzorger
/// is no parent in the BRP, and one without BSN it cannot name), and for a minor on `vandaag` the
/// ouderlijk gezag of those the register gives it (one in 50, by `n`, has the first parent's
/// gezag the other way round: something for *BRP bijwerken* to show).
fn gezin(
    j: &Jongere,
    n: usize,
    relaties: &[(&Gezinsrelatie, &Ouder)],
    vandaag: Datum,
) -> (Vec<BrpOuder>, Option<BrpGezag>) {
    let mut ouders = Vec::new();
    let mut hebbers = Vec::new();
    for (r, o) in relaties {
        let geslacht = match r.relatie {
            OuderRelatie::Moeder => "V",
            OuderRelatie::Vader => "M",
            OuderRelatie::Verzorger => continue,
        };
        let Some(bsn) = o.bsn else { continue };
        let gezag = if ouders.is_empty() && n % 50 == 13 { !r.gezag } else { r.gezag };
        ouders.push(BrpOuder {
            bsn: Some(bsn),
            voornamen: o.voornamen.clone(),
            voorvoegsel: o.tussenvoegsel.clone(),
            geslachtsnaam: o.achternaam.clone(),
            geslacht: geslacht.into(),
            in_onderzoek: false,
        });
        if gezag {
            let naam = [&o.voornamen, &o.tussenvoegsel, &o.achternaam]
                .into_iter()
                .filter(|d| !d.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            hebbers.push(Gezaghebber { bsn: Some(bsn), naam });
        }
    }
    // The BRP gives no gezag of an adult, and two parents at most.
    hebbers.truncate(2);
    let gezag = match hebbers.len() {
        _ if leeftijd_op(j.geboortedatum, vandaag) >= 18 => None,
        0 => None,
        1 => hebbers.pop().map(BrpGezag::EenhoofdigOuderlijk),
        _ => Some(BrpGezag::GezamenlijkOuderlijk(hebbers)),
    };
    (ouders, gezag)
}

/// The local BRP's persons for these youths, their addresses and families: as the register has
/// them, except one in 50 (by their order) who moved next door a month after their address began
/// (on 1 August 2020 at the earliest), one in 50 whose gezag differs (see [`gezin`]), and one in
/// 200 unknown. Who has no current address lives in Amsterdam. `vandaag` is the BRP's today: the
/// machine's, also in the demo, whose records end in 2021 (the BRP answers about now).
pub fn proefpersonen(
    jongeren: &[Jongere],
    adressen: &[Woonadres],
    relaties: &[Gezinsrelatie],
    ouders: &[Ouder],
    vandaag: Datum,
) -> Vec<serde_json::Value> {
    let ouder_op_id: HashMap<&str, &Ouder> = ouders.iter().map(|o| (o.id.as_str(), o)).collect();
    let mut gezinnen: HashMap<&str, Vec<(&Gezinsrelatie, &Ouder)>> = HashMap::new();
    for r in relaties {
        if let Some(o) = ouder_op_id.get(r.ouder.as_str()) {
            gezinnen.entry(r.jongere.as_str()).or_default().push((r, o));
        }
    }
    let mut per_jongere: HashMap<&str, Vec<Woonadres>> = HashMap::new();
    for a in adressen {
        per_jongere.entry(a.jongere.as_str()).or_default().push(a.clone());
    }
    let huidig: HashMap<&str, &Woonadres> =
        per_jongere.iter().filter_map(|(j, a)| Some((*j, leerspoor_koppeling::verhuizing::huidig(a)?))).collect();
    let mut personen = Vec::with_capacity(jongeren.len());
    for (n, j) in jongeren.iter().enumerate() {
        if n % 200 == 7 {
            continue;
        }
        let bsn = j.bsn.as_digits();
        let verhuisd = n % 50 == 3;
        let adres = match huidig.get(j.id.as_str()) {
            Some(a) => {
                let nummer: i64 =
                    a.huisnummer.chars().take_while(char::is_ascii_digit).collect::<String>().parse().unwrap_or(1);
                let augustus = chrono::NaiveDate::from_ymd_opt(2020, 8, 1).expect("geldige datum");
                let sinds = match a.begindatum.checked_add_months(chrono::Months::new(1)) {
                    Some(d) if verhuisd => d.max(augustus),
                    _ => a.begindatum,
                };
                (
                    a.straat.as_str(),
                    nummer + i64::from(verhuisd),
                    a.postcode.as_str(),
                    a.woonplaats.as_str(),
                    &a.gemeente.as_str()[2..],
                    sinds,
                )
            }
            None => ("Damrak", 1, "1012LG", "Amsterdam", "0363", j.geboortedatum),
        };
        let (ouders, gezag) = gezin(j, n, gezinnen.get(j.id.as_str()).map_or(&[], Vec::as_slice), vandaag);
        let p = Proefpersoon {
            bsn: &bsn,
            voornamen: &j.voornamen,
            voorvoegsel: &j.tussenvoegsel,
            geslachtsnaam: &j.achternaam,
            geboren: j.geboortedatum,
            overleden: j.overlijdensdatum,
            adres,
            ouders,
            gezag,
        };
        personen.push(p.json());
    }
    personen
}

#[cfg(test)]
mod tests {
    use super::*;
    use leerspoor_brp::contract::{afwijkingen, validator};
    use leerspoor_domain::Bsn;
    use leerspoor_domain::model::Geslacht;

    fn datum(s: &str) -> Datum {
        s.parse().unwrap()
    }

    /// A youth born on `geboren` with a mother (gezag as given), a father with gezag and a verzorger.
    fn gezin(geboren: &str, moeder_gezag: bool) -> (Jongere, Vec<Gezinsrelatie>, Vec<Ouder>) {
        let j = Jongere {
            id: "J1".into(),
            bsn: Bsn::parse("100000010").unwrap(),
            voornamen: "Emma".into(),
            tussenvoegsel: "de".into(),
            achternaam: "Vries".into(),
            geboortedatum: datum(geboren),
            geslacht: Geslacht::Vrouw,
            overlijdensdatum: None,
            twaalf_schooljaren_op: None,
        };
        let ouder = |id: &str, bsn: &str, voornamen: &str| Ouder {
            id: id.into(),
            bsn: Bsn::parse(bsn).ok(),
            voornamen: voornamen.into(),
            tussenvoegsel: "de".into(),
            achternaam: "Vries".into(),
            telefoon: String::new(),
            email: String::new(),
        };
        let relatie =
            |ouder: &str, relatie, gezag| Gezinsrelatie { jongere: "J1".into(), ouder: ouder.into(), relatie, gezag };
        (
            j,
            vec![
                relatie("O1", OuderRelatie::Moeder, moeder_gezag),
                relatie("O2", OuderRelatie::Vader, true),
                relatie("O3", OuderRelatie::Verzorger, true),
            ],
            vec![
                ouder("O1", "100000046", "Marja"),
                ouder("O2", "100000058", "Joost"),
                ouder("O3", "100000071", "Trees"),
            ],
        )
    }

    #[test]
    fn the_demo_brp_gives_the_registers_parents_and_the_gezag_of_a_minor_within_the_contract() {
        let persoon = validator("Persoon").unwrap();
        let vandaag = datum("2026-12-06");
        let (j, relaties, ouders) = gezin("2012-09-01", true);
        let [p] = &proefpersonen(std::slice::from_ref(&j), &[], &relaties, &ouders, vandaag)[..] else { panic!() };
        assert_eq!(afwijkingen(&persoon, p), Vec::<String>::new());
        let b = leerspoor_brp::persoon::BrpPersoon::lees(p).unwrap();
        assert_eq!(b.ouders.iter().map(|o| o.geslacht.as_str()).collect::<Vec<_>>(), ["V", "M"], "no verzorger");
        assert!(matches!(&b.gezag, Some(BrpGezag::GezamenlijkOuderlijk(h)) if h.len() == 2));
        // Only the father has gezag: eenhoofdig; of an adult the BRP gives none.
        let (j, relaties, ouders) = gezin("2012-09-01", false);
        let b = leerspoor_brp::persoon::BrpPersoon::lees(&proefpersonen(&[j], &[], &relaties, &ouders, vandaag)[0]);
        assert!(matches!(b.unwrap().gezag, Some(BrpGezag::EenhoofdigOuderlijk(h)) if h.naam == "Joost de Vries"));
        let (j, relaties, ouders) = gezin("2008-03-14", true);
        let b = leerspoor_brp::persoon::BrpPersoon::lees(&proefpersonen(&[j], &[], &relaties, &ouders, vandaag)[0]);
        assert_eq!(b.unwrap().gezag, None);
    }

    #[test]
    fn the_family_is_asked_unless_the_setting_says_nee() {
        use clap::Parser;
        #[derive(clap::Parser)]
        struct Args {
            #[command(flatten)]
            v: BrpVerbinding,
        }
        let gezin = |args: &[&str]| Args::try_parse_from([&["leerspoor"], args].concat()).unwrap().v.gezin();
        assert!(gezin(&[]));
        assert!(!gezin(&["--brp-zonder-gezin"]));
        assert!(!gezin(&["--brp-gezin", "nee"]));
        assert!(Args::try_parse_from(["leerspoor", "--brp-gezin", "misschien"]).is_err());
    }
}
