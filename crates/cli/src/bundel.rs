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
#[command(override_usage = "leerspoor export [--database-url URL] <MAP>
       leerspoor export --pseudoniem --sleutel SLEUTELBESTAND [--database-url URL] <MAP>
       leerspoor export --nieuwe-sleutel SLEUTELBESTAND")]
pub struct ExportArgs {
    /// Map waarin de bundel komt (wordt aangemaakt; bestaande bestanden worden overschreven)
    #[arg(value_name = "MAP", required_unless_present = "nieuwe_sleutel")]
    map: Option<PathBuf>,
    /// Gepseudonimiseerd, voor onderzoek en beleid: BSN's en id's vervangen door pseudoniemen, namen, adressen en
    /// vrije tekst weg, geboortedatum als maand, postcode als 4 cijfers (zie docs/pseudonimisering.md)
    #[arg(long, requires = "sleutel")]
    pseudoniem: bool,
    /// Sleutelbestand van het bureau voor --pseudoniem; blijft bij het bureau, nooit in MAP
    #[arg(long, value_name = "SLEUTELBESTAND", requires = "pseudoniem")]
    sleutel: Option<PathBuf>,
    /// Maak een nieuw sleutelbestand voor --pseudoniem (32 willekeurige bytes, alleen leesbaar voor de eigenaar);
    /// een bestaand bestand wordt nooit overschreven
    #[arg(long, value_name = "SLEUTELBESTAND", conflicts_with_all = ["map", "pseudoniem", "sleutel"])]
    nieuwe_sleutel: Option<PathBuf>,
}

pub fn import(args: ImportArgs, database: &str) -> ExitCode {
    let opties = ImportOpties { dry_run: args.dry_run, gebruiker: gebruiker() };
    let start = std::time::Instant::now();
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
            let rijen = samenvatting.nieuw() + samenvatting.gewijzigd() + samenvatting.ongewijzigd();
            let duur = start.elapsed().as_secs_f64();
            println!("{samenvatting}");
            // How long, beside the summary (which scripts read): a large import's speed.
            eprintln!("{rijen} rijen in {duur:.1} s: {:.0} per seconde", rijen as f64 / duur.max(0.001));
            ExitCode::SUCCESS
        }
        Err(e) => meld_fout(&e),
    }
}

pub fn export(args: ExportArgs, database: &str) -> ExitCode {
    if let Some(pad) = args.nieuwe_sleutel {
        return match leerspoor_ingest::pseudoniem::maak_sleutel(&pad) {
            Ok(()) => {
                println!("Sleutel gemaakt: {}. Bewaar hem bij het bureau, nooit bij een export.", pad.display());
                ExitCode::SUCCESS
            }
            Err(e) => meld_fout(&IngestFout::from(e)),
        };
    }
    let map = args.map.expect("clap eist MAP zonder --nieuwe-sleutel");
    let resultaat: Result<_, IngestFout> = blokkeer(async {
        let store = Store::open_bestaand(database).await?;
        let n = match &args.sleutel {
            Some(sleutel) => leerspoor_ingest::exporteer_gepseudonimiseerd(&store, &map, sleutel, &gebruiker()).await,
            None => leerspoor_ingest::exporteer(&store, &map, &gebruiker()).await,
        };
        store.sluit().await;
        n
    });
    match resultaat {
        Ok(n) if args.pseudoniem => {
            println!("Gepseudonimiseerd geëxporteerd: {n} rijen naar {}", map.display());
            ExitCode::SUCCESS
        }
        Ok(n) => {
            println!("Geëxporteerd: {n} rijen naar {}", map.display());
            ExitCode::SUCCESS
        }
        Err(e) => meld_fout(&e),
    }
}
