//! `leerspoor import` and `leerspoor export`.
use crate::{blokkeer, gebruiker, meld_fout};
use leerspoor_ingest::{ImportOpties, IngestFout};
use leerspoor_store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(override_usage = "leerspoor import [--dry-run] [--database-url URL] <MAP>")]
pub struct ImportArgs {
    /// Map met de CSV-bestanden van de bundel (zie docs/uitwisselformaat.md)
    #[arg(value_name = "MAP")]
    map: PathBuf,
    /// Alleen controleren en tellen; niets schrijven
    #[arg(long)]
    dry_run: bool,
}

#[derive(Debug, clap::Args)]
#[command(override_usage = "leerspoor export [--database-url URL] <MAP>")]
pub struct ExportArgs {
    /// Map waarin de bundel komt (wordt aangemaakt; bestaande bestanden worden overschreven)
    #[arg(value_name = "MAP")]
    map: PathBuf,
}

pub fn import(args: ImportArgs, database: &str) -> ExitCode {
    let opties = ImportOpties { dry_run: args.dry_run, gebruiker: gebruiker() };
    let resultaat: Result<_, IngestFout> = blokkeer(async {
        // A check writes nothing: against a database that does not exist yet, check against an empty one.
        let store = if args.dry_run {
            match Store::open_bestaand(database).await {
                Err(leerspoor_store::StoreFout::BestaatNiet(_)) => Store::open("sqlite::memory:").await?,
                anders => anders?,
            }
        } else {
            Store::open(database).await?
        };
        let s = leerspoor_ingest::importeer(&store, &args.map, &opties).await;
        store.sluit().await;
        s
    });
    match resultaat {
        Ok(samenvatting) => {
            println!("{samenvatting}");
            ExitCode::SUCCESS
        }
        Err(e) => meld_fout(&e),
    }
}

pub fn export(args: ExportArgs, database: &str) -> ExitCode {
    let resultaat: Result<_, IngestFout> = blokkeer(async {
        let store = Store::open_bestaand(database).await?;
        let n = leerspoor_ingest::exporteer(&store, &args.map, &gebruiker()).await;
        store.sluit().await;
        n
    });
    match resultaat {
        Ok(n) => {
            println!("Geëxporteerd: {n} rijen naar {}", args.map.display());
            ExitCode::SUCCESS
        }
        Err(e) => meld_fout(&e),
    }
}
