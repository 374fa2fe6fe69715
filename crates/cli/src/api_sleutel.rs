//! `leerspoor api-sleutel`: keys for machine clients of the JSON API (docs/api.md), issued for a
//! medewerker, listed, revoked. The key is printed once; only its hash is kept.
use crate::{blokkeer, gebruiker};
use clap::{Args, Subcommand};
use leerspoor_store::Store;
use leerspoor_store::toegang::Herkomst;
use leerspoor_web::api::sleutel;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ApiSleutelArgs {
    #[command(subcommand)]
    wat: Wat,
}

#[derive(Debug, Subcommand)]
enum Wat {
    /// Geef een sleutel uit voor een medewerker; de sleutel wordt één keer getoond
    Nieuw {
        /// De medewerker (id) namens wie de sleutel werkt, binnen haar rol
        #[arg(long, value_name = "ID")]
        medewerker: String,
        /// Waarvoor de sleutel is, bijvoorbeeld "DUO-koppelserver"
        #[arg(long, value_name = "TEKST")]
        naam: String,
    },
    /// Toon de sleutels (zonder geheim), ook de ingetrokken
    Lijst,
    /// Trek een sleutel in: vanaf nu opent hij niets meer
    Intrekken {
        #[arg(value_name = "SLEUTEL-ID")]
        id: String,
    },
}

pub fn run(args: ApiSleutelArgs, database: &str) -> ExitCode {
    blokkeer(async {
        let store = match Store::open_bestaand(database).await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("fout: {e}");
                return ExitCode::from(1);
            }
        };
        let herkomst = Herkomst::default();
        let uitkomst = match args.wat {
            Wat::Nieuw { medewerker, naam } => {
                sleutel::geef_uit(&store, &herkomst, &gebruiker(), &medewerker, &naam).await.map(|(s, token)| {
                    format!(
                        "API-sleutel {} ({}) uitgegeven voor medewerker {}. Bewaar hem nu; hij wordt niet meer \
                         getoond:\n{token}\n",
                        s.id, s.naam, s.medewerker
                    )
                })
            }
            Wat::Lijst => lijst(&store).await,
            Wat::Intrekken { id } => sleutel::trek_in(&store, &herkomst, &gebruiker(), &id, None)
                .await
                .map(|()| format!("API-sleutel {id} ingetrokken\n")),
        };
        crate::rapporteer(uitkomst, |e| matches!(e, sleutel::SleutelFout::Store(_)))
    })
}

async fn lijst(store: &Store) -> Result<String, sleutel::SleutelFout> {
    let sleutels = store.api_sleutels().await?;
    if sleutels.is_empty() {
        return Ok("Geen API-sleutels.\n".into());
    }
    let mut t = String::from("id            medewerker  aangemaakt        ingetrokken       naam\n");
    let tijd = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M").to_string();
    for s in sleutels {
        let ingetrokken = s.ingetrokken.map_or_else(|| "-".into(), tijd);
        t += &format!("{:<13} {:<11} {:<17} {:<17} {}\n", s.id, s.medewerker, tijd(s.aangemaakt), ingetrokken, s.naam);
    }
    Ok(t)
}
