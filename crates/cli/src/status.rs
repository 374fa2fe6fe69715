//! `leerspoor status`: the leerplicht rules from the command line.
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct StatusArgs {}

pub fn run(_args: StatusArgs) -> ExitCode {
    ExitCode::from(2)
}
