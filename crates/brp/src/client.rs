//! The client of BRP Personen bevragen v2: `POST {url}/personen` with `RaadpleegMetBurgerservicenummer`,
//! at most 20 numbers a request (the contract's limit), an API key (`X-API-KEY`), and for
//! production a PKIoverheid client certificate (mutual TLS) and the CA bundle of the gateway.
//! Requests are spaced to a rate the office agreed with its gemeente; a 429, a 5xx or a lost
//! connection is tried again (three times, waiting longer each time, or as `Retry-After` says).
use crate::persoon::{BrpPersoon, VELDEN};
use leerspoor_domain::Bsn;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::Instant;

/// The contract's maximum of numbers in one request.
pub const PER_VERZOEK: usize = 20;
const POGINGEN: u32 = 3;
const WACHTTIJD_MAX: Duration = Duration::from_secs(30);

/// How to reach the BRP.
#[derive(Debug, Clone)]
pub struct BrpInstellingen {
    /// The API's base URL, e.g. `https://…/haalcentraal/api/brp` (without `/personen`).
    pub url: String,
    pub api_key: String,
    /// Client certificate and its key (PEM), for mutual TLS.
    pub certificaat: Option<(PathBuf, PathBuf)>,
    /// An extra CA certificate (PEM) to trust, e.g. the PKIoverheid root of the gateway.
    pub ca: Option<PathBuf>,
    /// Requests per second at most.
    pub per_seconde: f64,
    pub time_out: Duration,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum BrpFout {
    #[error("BRP-instellingen: {0}")]
    Instellingen(String),
    /// Not reachable, or kept failing (after every retry).
    #[error("BRP niet bereikbaar: {0}")]
    Verbinding(String),
    /// The BRP refused the request (4xx): its own title, and the status.
    #[error("BRP weigert het verzoek ({status}): {titel}")]
    Geweigerd { status: u16, titel: String },
    #[error("onverwacht antwoord van de BRP: {0}")]
    Antwoord(String),
}

pub struct Brp {
    http: reqwest::Client,
    instellingen: BrpInstellingen,
    /// The moment the next request may go.
    volgende: Mutex<Instant>,
}

impl Brp {
    pub fn nieuw(instellingen: BrpInstellingen) -> Result<Brp, BrpFout> {
        let fout = |e: String| BrpFout::Instellingen(e);
        if !instellingen.per_seconde.is_finite() || instellingen.per_seconde <= 0.0 {
            return Err(fout("het aantal verzoeken per seconde moet groter dan 0 zijn".into()));
        }
        let lees = |p: &PathBuf| std::fs::read(p).map_err(|e| fout(format!("{}: niet te lezen ({e})", p.display())));
        let mut b = reqwest::Client::builder().timeout(instellingen.time_out).use_rustls_tls();
        if let Some((cert, sleutel)) = &instellingen.certificaat {
            let mut pem = lees(cert)?;
            pem.extend(lees(sleutel)?);
            b = b.identity(reqwest::Identity::from_pem(&pem).map_err(|e| fout(format!("clientcertificaat: {e}")))?);
        }
        if let Some(ca) = &instellingen.ca {
            let c = reqwest::Certificate::from_pem(&lees(ca)?).map_err(|e| fout(format!("CA-certificaat: {e}")))?;
            b = b.add_root_certificate(c);
        }
        let http = b.build().map_err(|e| fout(e.to_string()))?;
        Ok(Brp { http, instellingen, volgende: Mutex::new(Instant::now()) })
    }

    /// The persons with these numbers the BRP knows (also the dead), in requests of at most 20.
    pub async fn raadpleeg(&self, bsns: &[Bsn]) -> Result<Vec<BrpPersoon>, BrpFout> {
        let mut uit = Vec::with_capacity(bsns.len());
        for deel in bsns.chunks(PER_VERZOEK) {
            let verzoek = json!({
                "type": "RaadpleegMetBurgerservicenummer",
                "fields": VELDEN,
                "burgerservicenummer": deel.iter().map(Bsn::as_digits).collect::<Vec<_>>(),
            });
            let antwoord = self.vraag(&verzoek).await?;
            let personen = antwoord.get("personen").and_then(Value::as_array).cloned().unwrap_or_default();
            for p in &personen {
                uit.push(BrpPersoon::lees(p).ok_or_else(|| BrpFout::Antwoord("een persoon zonder geldig BSN".into()))?);
            }
        }
        Ok(uit)
    }

    /// One request, spaced and tried again as the module says.
    async fn vraag(&self, verzoek: &Value) -> Result<Value, BrpFout> {
        let url = format!("{}/personen", self.instellingen.url.trim_end_matches('/'));
        let mut wacht = Duration::from_millis(200);
        let mut laatste = String::new();
        for poging in 0..=POGINGEN {
            self.op_beurt().await;
            let r = self
                .http
                .post(&url)
                .header("X-API-KEY", &self.instellingen.api_key)
                .header(reqwest::header::ACCEPT, "application/json")
                .json(verzoek)
                .send()
                .await;
            let r = match r {
                Ok(r) => r,
                Err(e) => {
                    // The URL in reqwest's message holds nothing personal: the numbers go in the body.
                    laatste = e.to_string();
                    if poging < POGINGEN {
                        tokio::time::sleep(wacht).await;
                        wacht *= 2;
                    }
                    continue;
                }
            };
            let status = r.status();
            if status.is_success() {
                return r.json::<Value>().await.map_err(|e| BrpFout::Antwoord(e.to_string()));
            }
            if status.as_u16() == 429 || status.is_server_error() {
                let na = r
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|h| h.to_str().ok())
                    .and_then(|s| s.parse::<u64>().ok())
                    .map_or(wacht, Duration::from_secs)
                    .min(WACHTTIJD_MAX);
                laatste = format!("status {status}");
                if poging < POGINGEN {
                    tokio::time::sleep(na).await;
                    wacht *= 2;
                }
                continue;
            }
            let fout: Value = r.json().await.unwrap_or(Value::Null);
            let titel = [fout.get("title"), fout.get("detail")]
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(": ");
            return Err(BrpFout::Geweigerd { status: status.as_u16(), titel });
        }
        Err(BrpFout::Verbinding(format!("na {} pogingen: {laatste}", POGINGEN + 1)))
    }

    /// Waits until the next request may go at the agreed rate.
    async fn op_beurt(&self) {
        let tussen = Duration::from_secs_f64(1.0 / self.instellingen.per_seconde);
        let mut volgende = self.volgende.lock().await;
        let nu = Instant::now();
        if *volgende > nu {
            tokio::time::sleep_until(*volgende).await;
        }
        *volgende = Instant::now().max(*volgende) + tussen;
    }
}
