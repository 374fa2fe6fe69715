//! The client of BRP Personen bevragen v2: `POST {url}/personen` with `RaadpleegMetBurgerservicenummer`,
//! at most 20 numbers a request (the contract's limit), an API key (`X-API-KEY`), and for
//! production a PKIoverheid client certificate (mutual TLS) and the CA bundle of the gateway.
//! Requests are spaced to a rate the office agreed with its gemeente; a 429, a 5xx or a failed send
//! (connection, TLS, time-out) is tried again (three times, waiting longer each time, or as
//! `Retry-After` says). Only https, except to this machine (the local BRP); redirects are not
//! followed, so the API key goes nowhere else.
use crate::persoon::{BrpPersoon, Huisgenoot, VELDEN, VELDEN_GEZIN, VELDEN_ZOEKEN};
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
/// More than this would be no rate limit at all.
pub const PER_SECONDE_MAX: f64 = 1000.0;

/// How to reach the BRP. Its `Debug` leaves out the API key.
#[derive(Clone)]
pub struct BrpInstellingen {
    /// The API's base URL, e.g. `https://…/haalcentraal/api/brp` (without `/personen`).
    pub url: String,
    pub api_key: String,
    /// Client certificate and its key (PEM), for mutual TLS.
    pub certificaat: Option<(PathBuf, PathBuf)>,
    /// The CA certificates (PEM bundle) to trust instead of the built-in roots, e.g. the
    /// PKIoverheid chain of the gateway.
    pub ca: Option<PathBuf>,
    /// Requests per second at most.
    pub per_seconde: f64,
    pub time_out: Duration,
}

impl std::fmt::Debug for BrpInstellingen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BrpInstellingen")
            .field("url", &self.url)
            .field("api_key", &if self.api_key.is_empty() { "" } else { "…" })
            .field("certificaat", &self.certificaat)
            .field("ca", &self.ca)
            .field("per_seconde", &self.per_seconde)
            .field("time_out", &self.time_out)
            .finish()
    }
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

#[derive(Debug)]
pub struct Brp {
    http: reqwest::Client,
    instellingen: BrpInstellingen,
    /// The moment the next request may go.
    volgende: Mutex<Instant>,
    /// Whether the parents and gezag are asked (see [`Brp::zonder_gezin`]).
    gezin: bool,
}

impl Brp {
    pub fn nieuw(instellingen: BrpInstellingen) -> Result<Brp, BrpFout> {
        let fout = |e: String| BrpFout::Instellingen(e);
        if !(instellingen.per_seconde > 0.0 && instellingen.per_seconde <= PER_SECONDE_MAX) {
            return Err(fout(format!("het aantal verzoeken per seconde moet tussen 0 en {PER_SECONDE_MAX} liggen")));
        }
        veilige_url(&instellingen.url).map_err(fout)?;
        let lees = |p: &PathBuf| std::fs::read(p).map_err(|e| fout(format!("{}: niet te lezen ({e})", p.display())));
        let mut b = reqwest::Client::builder()
            .timeout(instellingen.time_out)
            .redirect(reqwest::redirect::Policy::none())
            .use_rustls_tls();
        if let Some((cert, sleutel)) = &instellingen.certificaat {
            // Two PEM files as one: a file need not end in a newline.
            let mut pem = lees(cert)?;
            pem.push(b'\n');
            pem.extend(lees(sleutel)?);
            let identiteit =
                reqwest::Identity::from_pem(&pem).map_err(|e| fout(format!("clientcertificaat: {}", keten(&e))))?;
            b = b.identity(identiteit);
        }
        if let Some(ca) = &instellingen.ca {
            let certificaten = reqwest::Certificate::from_pem_bundle(&lees(ca)?)
                .map_err(|e| fout(format!("CA-certificaten: {}", keten(&e))))?;
            if certificaten.is_empty() {
                return Err(fout(format!("{}: geen CA-certificaat in het bestand", ca.display())));
            }
            b = b.tls_built_in_root_certs(false);
            for c in certificaten {
                b = b.add_root_certificate(c);
            }
        }
        let http = b.build().map_err(|e| fout(keten(&e)))?;
        Ok(Brp { http, instellingen, volgende: Mutex::new(Instant::now()), gezin: true })
    }

    /// Asks no parents and no gezag: for a gemeente whose users are not authorised for `ouders`
    /// and `gezag` (the BRP would refuse the whole request). The check is then of the person
    /// herself (address, death, name, birth): without family in the answer nothing about it is
    /// proposed.
    pub fn zonder_gezin(mut self) -> Brp {
        self.gezin = false;
        self
    }

    /// The persons with these numbers the BRP knows (also the dead), in requests of at most 20.
    pub async fn raadpleeg(&self, bsns: &[Bsn]) -> Result<Vec<BrpPersoon>, BrpFout> {
        let mut uit = Vec::with_capacity(bsns.len());
        for deel in bsns.chunks(PER_VERZOEK) {
            let verzoek = json!({
                "type": "RaadpleegMetBurgerservicenummer",
                "fields": VELDEN.iter().chain(if self.gezin { VELDEN_GEZIN } else { &[] }).collect::<Vec<_>>(),
                "burgerservicenummer": deel.iter().map(Bsn::as_digits).collect::<Vec<_>>(),
            });
            for p in &self.personen(&verzoek).await? {
                uit.push(BrpPersoon::lees(p).map_err(BrpFout::Antwoord)?);
            }
        }
        Ok(uit)
    }

    /// Who lives at this address in the Netherlands (`ZoekMetPostcodeEnHuisnummer`): name and
    /// birth, nothing more. Without a huisletter, every huisletter of the number.
    pub async fn zoek_op_adres(
        &self,
        postcode: &str,
        huisnummer: u32,
        huisletter: Option<&str>,
    ) -> Result<Vec<Huisgenoot>, BrpFout> {
        let mut verzoek = json!({
            "type": "ZoekMetPostcodeEnHuisnummer",
            "fields": VELDEN_ZOEKEN,
            "postcode": postcode.replace(' ', "").to_uppercase(),
            "huisnummer": huisnummer,
        });
        if let Some(letter) = huisletter {
            verzoek["huisletter"] = letter.into();
        }
        Ok(self.personen(&verzoek).await?.iter().map(Huisgenoot::lees).collect())
    }

    /// The persons of an answer to a request of the same `type`.
    async fn personen(&self, verzoek: &Value) -> Result<Vec<Value>, BrpFout> {
        let soort = verzoek["type"].as_str().unwrap_or_default();
        let antwoord = self.vraag(verzoek).await?;
        match antwoord.get("personen").and_then(Value::as_array) {
            Some(p) if antwoord.get("type").and_then(Value::as_str) == Some(soort) => Ok(p.clone()),
            _ => Err(BrpFout::Antwoord(format!("geen lijst personen van het type {soort}"))),
        }
    }

    /// One request, spaced and tried again as the module says.
    async fn vraag(&self, verzoek: &Value) -> Result<Value, BrpFout> {
        let url = format!("{}/personen", self.instellingen.url.trim_end_matches('/'));
        let mut wacht = Duration::from_millis(200);
        let mut laatste = String::new();
        for poging in 0..=POGINGEN {
            self.op_beurt().await;
            let mut verzoek = self.http.post(&url).header(reqwest::header::ACCEPT, "application/json").json(verzoek);
            if !self.instellingen.api_key.is_empty() {
                verzoek = verzoek.header("X-API-KEY", &self.instellingen.api_key);
            }
            let r = match verzoek.send().await {
                Ok(r) => r,
                Err(e) => {
                    // The URL in reqwest's message holds nothing personal: the numbers go in the body.
                    laatste = keten(&e);
                    if poging < POGINGEN {
                        tokio::time::sleep(wacht).await;
                        wacht *= 2;
                    }
                    continue;
                }
            };
            let status = r.status();
            if status.is_success() {
                return r.json::<Value>().await.map_err(|e| BrpFout::Antwoord(keten(&e)));
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

/// An error with its causes: reqwest's own message is often only "builder error".
fn keten(e: &dyn std::error::Error) -> String {
    let mut tekst = e.to_string();
    let mut oorzaak = e.source();
    while let Some(o) = oorzaak {
        tekst += &format!(": {o}");
        oorzaak = o.source();
    }
    tekst
}

/// The API's URL: https, or http to this machine only (the local BRP of the tests and the demo).
fn veilige_url(url: &str) -> Result<(), String> {
    let u = reqwest::Url::parse(url).map_err(|e| format!("de BRP-URL '{url}' is ongeldig ({e})"))?;
    let host = u.host_str().unwrap_or_default().trim_start_matches('[').trim_end_matches(']');
    let lokaal = host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
    match u.scheme() {
        "https" => Ok(()),
        "http" if lokaal => Ok(()),
        _ => Err(format!("de BRP-URL moet met https:// beginnen (http alleen naar deze machine): {url}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_brp_is_reached_over_https_and_plain_http_only_on_this_machine() {
        assert!(veilige_url("https://api.gemeente.nl/haalcentraal/api/brp").is_ok());
        assert!(veilige_url("http://127.0.0.1:8080").is_ok());
        assert!(veilige_url("http://localhost:8080/brp").is_ok());
        assert!(veilige_url("http://[::1]:8080").is_ok());
        assert!(veilige_url("http://api.gemeente.nl/brp").is_err());
        assert!(veilige_url("ftp://127.0.0.1").is_err());
        assert!(veilige_url("api.gemeente.nl").is_err());
    }
}
