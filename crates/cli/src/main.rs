//! `leerspoor`: the regional leerplicht- en RMC-volgsysteem.
use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod status;

const HULP_SJABLOON: &str = "\
{before-help}{name} {version} — {about}

Gebruik: {usage}

{all-args}{after-help}";

#[derive(Debug, Parser)]
#[command(
    name = "leerspoor",
    version,
    about = "Regionaal leerplicht- en RMC-volgsysteem",
    help_template = HULP_SJABLOON,
    subcommand_help_heading = "Opdrachten",
    subcommand_value_name = "OPDRACHT",
    next_help_heading = "Opties",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
struct Leerspoor {
    #[command(subcommand)]
    opdracht: Opdracht,
    /// Toon deze hulptekst
    #[arg(short = 'h', long = "help", action = clap::ArgAction::Help, global = true)]
    hulp: Option<bool>,
    /// Toon de versie
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version)]
    versie: Option<bool>,
}

#[derive(Debug, Subcommand)]
enum Opdracht {
    /// Leerplicht, kwalificatieplicht en RMC-status van één jongere op een peildatum (JSON)
    #[command(help_template = HULP_SJABLOON, next_help_heading = "Opties")]
    Status(status::StatusArgs),
}

fn main() -> ExitCode {
    let args = Leerspoor::parse();
    match args.opdracht {
        Opdracht::Status(a) => status::run(a),
    }
}
