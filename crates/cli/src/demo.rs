//! `leerspoor demo`: the fictional demo region, into the database or as a bundle.
use crate::{blokkeer, gebruiker, meld_fout};
use leerspoor_demo::DemoOpties;
use leerspoor_domain::model::Dataset;
use leerspoor_ingest::{ImportOpties, IngestFout};
use leerspoor_store::Store;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, clap::Args)]
#[command(override_usage = "leerspoor demo [--seed N] [--scale N] [--export MAP] [--database-url URL]")]
pub struct DemoArgs {
    /// Startwaarde van de toevalsgenerator: dezelfde waarde geeft dezelfde regio
    #[arg(long, default_value_t = 2021)]
    seed: u64,
    /// Vermenigvuldig de bevolking (65 ≈ landelijke omvang, 3,5 miljoen jongeren)
    #[arg(long, default_value_t = 1.0)]
    scale: f64,
    /// Schrijf de regio als uitwisselbundel naar deze map in plaats van in de database
    #[arg(long, value_name = "MAP")]
    export: Option<PathBuf>,
}

pub fn run(args: DemoArgs, database: &str) -> ExitCode {
    if !(args.scale > 0.0 && args.scale <= 200.0) {
        eprintln!("fout: --scale: {} ligt niet tussen 0 en 200", args.scale);
        return ExitCode::from(2);
    }
    let start = Instant::now();
    let dataset = leerspoor_demo::genereer(&DemoOpties { seed: args.seed, scale: args.scale });
    eprintln!("Demoregio gemaakt in {:.1} s", start.elapsed().as_secs_f64());
    let overzicht = overzicht(&dataset);
    let resultaat: Result<String, IngestFout> = match &args.export {
        Some(map) => leerspoor_ingest::schrijf_bundel(&dataset, map)
            .map(|n| format!("{n} rijen geschreven naar {}", map.display())),
        None => blokkeer(async {
            let store = Store::open(database).await?;
            let opties = ImportOpties { dry_run: false, gebruiker: gebruiker() };
            let bron = format!("demo --seed {} --scale {}", args.seed, args.scale);
            let s = leerspoor_ingest::importeer_dataset(&store, dataset, &bron, &opties).await;
            let soort = store.soort();
            store.sluit().await;
            s.map(|s| format!("{s} in {soort} ({})", leerspoor_store::zonder_wachtwoord(database)))
        }),
    };
    match resultaat {
        Ok(regel) => {
            println!("{overzicht}");
            println!("{regel}; klaar in {:.1} s", start.elapsed().as_secs_f64());
            ExitCode::SUCCESS
        }
        Err(e) => meld_fout(&e),
    }
}

/// What the demo made, in a few lines.
fn overzicht(ds: &Dataset) -> String {
    format!(
        "Demoregio: {} gemeenten in {} subregio's, {} scholen, {} medewerkers\n\
         {} jongeren, {} inschrijvingen, {} diploma's\n\
         {} verzuimmeldingen, {} zaken, {} acties, {} vrijstellingen, {} thuiszitperioden\n\
         {} VSV-meldingen, {} RMC-trajecten",
        ds.gemeenten.len(),
        ds.subregios.len(),
        ds.scholen.len(),
        ds.medewerkers.len(),
        ds.jongeren.len(),
        ds.inschrijvingen.len(),
        ds.diplomas.len(),
        ds.verzuimmeldingen.len(),
        ds.zaken.len(),
        ds.acties.len(),
        ds.vrijstellingen.len(),
        ds.thuiszitperioden.len(),
        ds.vsv_meldingen.len(),
        ds.rmc_trajecten.len(),
    )
}
