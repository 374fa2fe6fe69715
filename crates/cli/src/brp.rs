//! How the command line reaches the BRP (`koppeling brp`, `serve`, `demo`), and the local BRP of
//! the demo and the benchmark: the register's youths as the BRP would give them, with a few that
//! moved or that the BRP does not know, so that the BRP check and *BRP bijwerken* have something
//! to show.
use leerspoor_brp::client::{Brp, BrpInstellingen};
use leerspoor_brp::proefserver::Proefpersoon;
use leerspoor_domain::model::{Jongere, Woonadres};
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
}

impl std::fmt::Debug for BrpVerbinding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BrpVerbinding")
            .field("brp_url", &self.brp_url)
            .field("brp_certificaat", &self.brp_certificaat)
            .field("brp_ca", &self.brp_ca)
            .field("brp_per_seconde", &self.brp_per_seconde)
            .finish_non_exhaustive()
    }
}

impl BrpVerbinding {
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
        .map(Some)
        .map_err(|e| e.to_string())
    }
}

/// The local BRP's persons for these youths and their addresses: as the register has them, except
/// one in 50 (by their order) who moved next door a month after their address began (on 1 August
/// 2020 at the earliest), and one in 200 unknown. Who has no current address lives in Amsterdam.
pub fn proefpersonen(jongeren: &[Jongere], adressen: &[Woonadres]) -> Vec<serde_json::Value> {
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
        let p = Proefpersoon {
            bsn: &bsn,
            voornamen: &j.voornamen,
            voorvoegsel: &j.tussenvoegsel,
            geslachtsnaam: &j.achternaam,
            geboren: j.geboortedatum,
            overleden: j.overlijdensdatum,
            adres,
            ouders: Vec::new(),
            gezag: None,
        };
        personen.push(p.json());
    }
    personen
}
