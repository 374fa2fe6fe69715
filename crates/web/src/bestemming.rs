//! Where the office's verzendingen go (the terugmelding and the vrijstellingen to DUO, the meldingen
//! sent on to a woongemeente): one place that knows, per destination, how to make, read and
//! acknowledge a verzending, for the Koppelingen page and for the API alike.
use leerspoor_domain::model::{Medewerker, Rol};
use leerspoor_domain::rules::Weigering;
use leerspoor_koppeling::logboek::KoppelFout;
use leerspoor_koppeling::records::Verzending;
use leerspoor_koppeling::{doorsturen, duo_terugmelding, duo_vrijstellingen};
use leerspoor_store::{Store, StoreFout};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bestemming {
    Terugmelding,
    Vrijstellingen,
    Doorsturen,
}

/// What making a verzending did.
pub struct Klaargezet {
    /// `None`: nothing changed since the one before.
    pub verzending: Option<Verzending>,
    pub aantal: usize,
    /// Vrijstellingen that cannot go yet (the youth has no woongemeente in the register).
    pub overgeslagen: Vec<String>,
}

impl Bestemming {
    pub const ALLE: [Bestemming; 3] = [Bestemming::Terugmelding, Bestemming::Vrijstellingen, Bestemming::Doorsturen];

    /// Its part of the paths: `/koppelingen/{pad}` and `/api/v1/verzendingen/{pad}`.
    pub fn pad(self) -> &'static str {
        match self {
            Bestemming::Terugmelding => "terugmelding",
            Bestemming::Vrijstellingen => "vrijstellingen",
            Bestemming::Doorsturen => "doorsturen",
        }
    }

    pub fn uit_pad(pad: &str) -> Option<Bestemming> {
        Bestemming::ALLE.into_iter().find(|b| b.pad() == pad)
    }

    pub fn titel(self) -> &'static str {
        match self {
            Bestemming::Terugmelding => "Terugmelding aan DUO",
            Bestemming::Vrijstellingen => "Vrijstellingen naar DUO",
            Bestemming::Doorsturen => "Doorsturen naar de woongemeente",
        }
    }

    pub fn uitleg(self) -> &'static str {
        match self {
            Bestemming::Terugmelding => {
                "Zet klaar wat sinds de vorige verzending veranderde (status, reden en toelichting afsluiting, \
                 contactpersoon)."
            }
            Bestemming::Vrijstellingen => {
                "Zet klaar welke vrijstellingen en vervangende leerplicht sinds de vorige verzending zijn toegekend, \
                 gewijzigd of ingetrokken, voor het vrijstellingenregister van DUO (met BSN; verlof gaat niet mee)."
            }
            Bestemming::Doorsturen => {
                "Zet de meldingen van DUO over jongeren die buiten de regio wonen klaar voor hun woongemeente: per \
                 gemeente DUO's meldingnummer en de melder van de school, niets van de jongere."
            }
        }
    }

    pub fn knop(self) -> &'static str {
        match self {
            Bestemming::Terugmelding => "Terugmelding klaarzetten",
            Bestemming::Vrijstellingen => "Vrijstellingen klaarzetten",
            Bestemming::Doorsturen => "Doorsturen klaarzetten",
        }
    }

    /// What a verzending holds, in words, for "Verzending … staat klaar met {aantal} {wat}".
    pub fn wat(self) -> &'static str {
        match self {
            Bestemming::Terugmelding => "terugmelding(en)",
            Bestemming::Vrijstellingen => "vrijstelling(en)",
            Bestemming::Doorsturen => "melding(en)",
        }
    }

    /// Why no verzending was made.
    pub fn niets(self) -> &'static str {
        match self {
            Bestemming::Terugmelding => "Niets terug te melden: er is niets veranderd sinds de vorige verzending.",
            Bestemming::Vrijstellingen => "Niets te verzenden: er is niets veranderd sinds de vorige verzending.",
            Bestemming::Doorsturen => {
                "Niets door te sturen: elke melding over een jongere buiten de regio is al doorgestuurd."
            }
        }
    }

    /// Whether this role may read what a verzending holds: the vrijstellingen carry BSNs, for who
    /// registers vrijstellingen only (not the RMC).
    pub fn mag_lezen(self, rol: Rol) -> Result<(), Weigering> {
        match self {
            Bestemming::Vrijstellingen => leerspoor_domain::rules::vrijstelling::mag_registreren(rol),
            Bestemming::Terugmelding | Bestemming::Doorsturen => Ok(()),
        }
    }

    /// Its verzendingen: those not yet acknowledged first, then the latest.
    pub async fn verzendingen(self, store: &Store) -> Result<Vec<Verzending>, StoreFout> {
        match self {
            Bestemming::Terugmelding => duo_terugmelding::verzendingen(store).await,
            Bestemming::Vrijstellingen => duo_vrijstellingen::verzendingen(store).await,
            Bestemming::Doorsturen => doorsturen::verzendingen(store).await,
        }
    }

    /// One verzending of this destination, if it is one.
    pub async fn verzending(self, store: &Store, id: &str) -> Result<Option<Verzending>, StoreFout> {
        let bestemming = match self {
            Bestemming::Terugmelding => duo_terugmelding::BESTEMMING,
            Bestemming::Vrijstellingen => duo_vrijstellingen::BESTEMMING,
            Bestemming::Doorsturen => doorsturen::BESTEMMING,
        };
        leerspoor_koppeling::uitgaand::verzending(store, bestemming, id).await
    }

    /// Makes a verzending of what changed since the one before.
    pub async fn klaarzetten(
        self,
        store: &Store,
        door: &Medewerker,
        vandaag: leerspoor_domain::Datum,
    ) -> Result<Klaargezet, KoppelFout> {
        Ok(match self {
            Bestemming::Terugmelding => {
                let u = duo_terugmelding::verzamel(store, door, vandaag, false).await?;
                let aantal = u.as_ref().map_or(0, |u| u.terugmeldingen.len());
                Klaargezet { verzending: u.map(|u| u.verzending), aantal, overgeslagen: Vec::new() }
            }
            Bestemming::Vrijstellingen => {
                let v = duo_vrijstellingen::verzamel(store, door, false).await?;
                let aantal = v.uitgaand.as_ref().map_or(0, |u| u.meldingen.len());
                let overgeslagen = v.overgeslagen.into_iter().map(|(id, _)| id).collect();
                Klaargezet { verzending: v.uitgaand.map(|u| u.verzending), aantal, overgeslagen }
            }
            Bestemming::Doorsturen => {
                let u = doorsturen::verzamel(store, door, false).await?;
                let aantal = u.as_ref().map_or(0, |u| u.meldingen.len());
                Klaargezet { verzending: u.map(|u| u.verzending), aantal, overgeslagen: Vec::new() }
            }
        })
    }

    /// A verzending as the file for DUO or the woongemeente; `None` if it is not one of these.
    pub async fn als_csv(self, store: &Store, id: &str) -> Result<Option<String>, StoreFout> {
        let codes: Vec<leerspoor_domain::codes::Code> = store.lees().await?;
        Ok(match self {
            Bestemming::Terugmelding => {
                duo_terugmelding::inhoud(store, id).await?.map(|u| duo_terugmelding::als_csv(&u, &codes))
            }
            Bestemming::Vrijstellingen => {
                duo_vrijstellingen::inhoud(store, id).await?.map(|u| duo_vrijstellingen::als_csv(&u, &codes))
            }
            Bestemming::Doorsturen => doorsturen::inhoud(store, id).await?.map(|u| doorsturen::als_csv(&u)),
        })
    }

    /// A verzending as JSON, for the API; `None` if it is not one of these.
    pub async fn als_json(self, store: &Store, id: &str) -> Result<Option<serde_json::Value>, StoreFout> {
        let codes: Vec<leerspoor_domain::codes::Code> = store.lees().await?;
        Ok(match self {
            Bestemming::Terugmelding => {
                duo_terugmelding::inhoud(store, id).await?.map(|u| duo_terugmelding::als_json(&u, &codes))
            }
            Bestemming::Vrijstellingen => {
                duo_vrijstellingen::inhoud(store, id).await?.map(|u| duo_vrijstellingen::als_json(&u, &codes))
            }
            Bestemming::Doorsturen => doorsturen::inhoud(store, id).await?.map(|u| doorsturen::als_json(&u)),
        })
    }

    /// Records the receipt of a verzending: what it held counts as sent.
    pub async fn bevestig(self, store: &Store, door: &Medewerker, id: &str) -> Result<Verzending, KoppelFout> {
        match self {
            Bestemming::Terugmelding => duo_terugmelding::bevestig(store, door, id).await,
            Bestemming::Vrijstellingen => duo_vrijstellingen::bevestig(store, door, id).await,
            Bestemming::Doorsturen => doorsturen::bevestig(store, door, id).await,
        }
    }
}
