//! `leerspoor report`: the jaarverslag's tables for a year and a scope, as JSON or CSV.
use crate::{blokkeer, gebruiker};
use leerspoor_domain::SchoolJaar;
use leerspoor_report::tabellen::Landelijk;
use leerspoor_report::{Kader, Scope, uitvoer};
use leerspoor_store::Store;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Formaat {
    Json,
    Csv,
}

#[derive(Debug, clap::Args)]
#[command(
    override_usage = "leerspoor report --jaar 2020-2021 [--scope regio|subregio:CODE|gemeente:GMxxxx] [--tabel ID]… --format json|csv [--out PAD] [--publicatie [--drempel 5]] [--landelijk PAD]"
)]
pub struct ReportArgs {
    /// Het verslagjaar, bijv. 2020-2021
    #[arg(long, value_name = "JJJJ-JJJJ", value_parser = SchoolJaar::parse)]
    jaar: SchoolJaar,
    /// Regio, subregio:CODE of gemeente:GMxxxx
    #[arg(long, default_value = "regio", value_name = "SCOPE", value_parser = Scope::parse)]
    scope: Scope,
    /// Alleen deze tabel(len); standaard alle
    #[arg(long = "tabel", value_name = "ID")]
    tabellen: Vec<String>,
    /// json (één document) of csv (één bestand per tabel, in de map --out)
    #[arg(long = "format", value_enum)]
    formaat: Formaat,
    /// Bestand (json) of map (csv); zonder: json naar het scherm
    #[arg(long, value_name = "PAD")]
    out: Option<PathBuf>,
    /// Voor publicatie: kleine aantallen verbergen (en wat ze terug zou laten rekenen); weigert
    /// tabellen waarvan de totalen niet kloppen
    #[arg(long)]
    publicatie: bool,
    /// Aantallen onder deze grens worden bij --publicatie niet getoond
    #[arg(long, default_value_t = 5, value_name = "N", requires = "publicatie")]
    drempel: u32,
    /// De landelijke VSV-cijfers voor vsv_nieuw, een JSON-bestand:
    /// {"vo": {"deelnemers": N, "vsv": N}, "mbo": {…}, "vavo": {…}}
    #[arg(long, value_name = "PAD", value_parser = |pad: &str| Landelijk::lees(Path::new(pad)))]
    landelijk: Option<Landelijk>,
}

pub fn run(args: ReportArgs, database: &str) -> ExitCode {
    let resultaat: Result<String, leerspoor_report::Fout> = blokkeer(async {
        let store = Store::open_bestaand(database).await?;
        let mut kader = Kader::nieuw(&store, args.jaar, args.scope.clone()).await?;
        kader.landelijk = args.landelijk;
        let mut tabellen = leerspoor_report::bereken(&mut kader, &args.tabellen).await?;
        let fouten: Vec<String> = tabellen.iter().flat_map(|t| t.controleer()).collect();
        if args.publicatie {
            if !fouten.is_empty() {
                return Err(leerspoor_report::Fout::Controle(fouten));
            }
            for t in &mut tabellen {
                t.publiceer(args.drempel);
            }
        } else {
            for f in &fouten {
                eprintln!("let op: {f}");
            }
        }
        store.log(&gebruiker(), "rapportage", &format!("{} {}", args.jaar, args.scope), "gelukt", None).await?;
        store.sluit().await;
        let jaar = args.jaar.to_string();
        match (args.formaat, &args.out) {
            (Formaat::Json, None) => Ok(uitvoer::json(&jaar, &args.scope.to_string(), &tabellen) + "\n"),
            (Formaat::Json, Some(pad)) => {
                std::fs::write(pad, uitvoer::json(&jaar, &args.scope.to_string(), &tabellen))
                    .map_err(|e| leerspoor_report::Fout::Schrijven(format!("{}: {e}", pad.display())))?;
                Ok(format!("{} tabellen geschreven naar {}\n", tabellen.len(), pad.display()))
            }
            (Formaat::Csv, Some(map)) => {
                uitvoer::csv(map, &tabellen)?;
                Ok(format!("{} tabellen geschreven naar {}\n", tabellen.len(), map.display()))
            }
            (Formaat::Csv, None) => Err(leerspoor_report::Fout::Schrijven(
                "--format csv schrijft één bestand per tabel: geef een map met --out".into(),
            )),
        }
    });
    crate::rapporteer(resultaat, |e| matches!(e, leerspoor_report::Fout::Store(_)))
}
