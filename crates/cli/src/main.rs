//! `leerspoor`: the regional leerplicht- en RMC-volgsysteem.
use clap::{Parser, Subcommand};
use std::process::ExitCode;

// The report engine allocates a row at a time from SQLite's worker thread; glibc's malloc spent
// a third of a report's time consolidating those (perf), mimalloc much less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod api_sleutel;
mod archief;
mod backup;
mod bench;
mod brief;
mod brp;
mod bundel;
mod controle;
mod demo;
mod koppeling;
mod reeks;
mod report;
mod rmc;
mod serve;
mod status;

const HULP_SJABLOON: &str = "\
{before-help}{name} {version} — {about}

Gebruik: {usage}

{all-args}{after-help}";

const OPDRACHT_SJABLOON: &str = "\
{before-help}{about}

Gebruik: {usage}

{all-args}{after-help}";

#[derive(Debug, Parser)]
#[command(
    name = "leerspoor",
    override_usage = "leerspoor [--database-url URL] <OPDRACHT> [OPTIES]",
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
    /// Database: sqlite:PAD (standaard sqlite:leerspoor.sqlite) of postgres://gebruiker@host/database
    #[arg(long, global = true, env = "LEERSPOOR_DATABASE_URL", hide_env_values = true, value_name = "URL")]
    database_url: Option<String>,
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
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    Status(status::StatusArgs),
    /// Lees een uitwisselbundel (map met CSV-bestanden) in; alles of niets
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    Import(bundel::ImportArgs),
    /// Schrijf de hele database als uitwisselbundel naar een map (of gepseudonimiseerd met --pseudoniem)
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    Export(bundel::ExportArgs),
    /// Periodieke controles: absoluut verzuim, thuiszitters
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties", subcommand_help_heading = "Controles", subcommand_value_name = "CONTROLE")]
    Controle(controle::ControleArgs),
    /// Koppelingen: leveringen van DUO verwerken, het leveringslogboek
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties", subcommand_help_heading = "Koppelingen", subcommand_value_name = "KOPPELING")]
    Koppeling(koppeling::KoppelingArgs),
    /// RMC: voortijdig schoolverlaters, oud-VSV, opvolging, JIKP, risico-inschatting
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties", subcommand_help_heading = "Onderdelen", subcommand_value_name = "ONDERDEEL")]
    Rmc(rmc::RmcArgs),
    /// Tabellen van het jaarverslag per jaar en scope, als JSON of CSV
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    Report(report::ReportArgs),
    /// Maak de fictieve demoregio en start de webapplicatie erop (of schrijf hem als bundel met --export)
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    Demo(demo::DemoArgs),
    /// Start de webapplicatie voor medewerkers
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    Serve(serve::ServeArgs),
    /// Maak of herstel het account van een medewerker (wachtwoord via LEERSPOOR_WACHTWOORD of de invoer)
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    Account(serve::AccountArgs),
    /// Maak een backup van de hele database terwijl Leerspoor draait (map met bestand en manifest)
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    Backup(backup::BackupArgs),
    /// Herstel een backup in een lege database (of vervang er een met --vervang)
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    Restore(backup::RestoreArgs),
    /// Bewaartermijnen: toon wat vernietigd mag worden, vernietig het na goedkeuring, toon de vernietigingslijst
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    Archief(archief::ArchiefArgs),
    /// Brieven en besluiten uit het dossier (uitnodiging, waarschuwing, beschikking, HALT, proces-verbaal)
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    Brief(brief::BriefArgs),
    /// Brieven in een reeks (zomeractie oud-VSV, einde vrijstelling): bij elk dossier bewaard, met afdrukbestand en verzendlijst
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    Reeks(reeks::ReeksArgs),
    /// API-sleutels voor machines (de koppelserver naar DUO): uitgeven, tonen, intrekken
    #[command(name = "api-sleutel", help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties", subcommand_value_name = "WAT")]
    ApiSleutel(api_sleutel::ApiSleutelArgs),
    /// Meet de snelheid: het jaarverslag per tabel, formaat en scope
    #[command(help_template = OPDRACHT_SJABLOON, next_help_heading = "Opties", subcommand_value_name = "WAT")]
    Bench(bench::BenchArgs),
}

fn main() -> ExitCode {
    let args = match Leerspoor::try_parse() {
        Ok(args) => args,
        Err(fout) => return meld_gebruiksfout(fout),
    };
    let database = args.database_url.unwrap_or_else(|| leerspoor_store::STANDAARD_DATABASE.to_string());
    match args.opdracht {
        Opdracht::Status(a) => status::run(a),
        Opdracht::Import(a) => bundel::import(a, &database),
        Opdracht::Export(a) => bundel::export(a, &database),
        Opdracht::Controle(a) => controle::run(a, &database),
        Opdracht::Koppeling(a) => koppeling::run(a, &database),
        Opdracht::Rmc(a) => rmc::run(a, &database),
        Opdracht::Report(a) => report::run(a, &database),
        Opdracht::Demo(a) => demo::run(a, &database),
        Opdracht::Serve(a) => serve::serve(a, &database),
        Opdracht::Account(a) => serve::account(a, &database),
        Opdracht::ApiSleutel(a) => api_sleutel::run(a, &database),
        Opdracht::Backup(a) => backup::maak(a, &database),
        Opdracht::Archief(a) => archief::run(a, &database),
        Opdracht::Brief(a) => brief::run(a, &database),
        Opdracht::Reeks(a) => reeks::run(a, &database),
        Opdracht::Restore(a) => backup::herstel(a, &database),
        Opdracht::Bench(a) => bench::run(a, &database),
    }
}

/// clap's own messages are English: say the same in Dutch, with the usage line (exit code 2).
fn meld_gebruiksfout(fout: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if matches!(fout.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        fout.exit();
    }
    let context = |soort| match fout.get(soort) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(s)) => s.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        _ => String::new(),
    };
    let arg = context(ContextKind::InvalidArg);
    let melding = match fout.kind() {
        ErrorKind::UnknownArgument => format!("onbekende optie '{arg}'"),
        ErrorKind::InvalidSubcommand => format!("onbekende opdracht '{}'", context(ContextKind::InvalidSubcommand)),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "geef een opdracht: status, import, export, controle, koppeling, rmc, report, demo, serve, account, api-sleutel, backup, restore, archief, brief of bench"
                .to_string()
        }
        ErrorKind::MissingRequiredArgument => format!("ontbreekt: {arg}"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let waarom = std::error::Error::source(&fout).map(|b| format!(": {b}")).unwrap_or_default();
            format!("ongeldige waarde '{}' voor {arg}{waarom}", context(ContextKind::InvalidValue))
        }
        ErrorKind::ArgumentConflict => format!("{arg} gaat niet samen met {}", context(ContextKind::PriorArg)),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("te veel of te weinig waarden bij {arg}")
        }
        _ => format!("ongeldige aanroep ({})", fout.kind()),
    };
    let gebruik = context(ContextKind::Usage).replace("Usage:", "Gebruik:");
    let gebruik = if gebruik.trim().is_empty() { String::new() } else { format!("{}\n\n", gebruik.trim()) };
    eprintln!("fout: {melding}\n\n{gebruik}Meer uitleg: leerspoor --help");
    ExitCode::from(2)
}

/// Runs async work on a runtime made for this one command.
fn blokkeer<T>(werk: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio-runtime").block_on(werk)
}

/// Prints a command's report, or its error in Dutch: exit 2 for a refusal or bad input, 1 for a
/// database failure (`databasefout`). A closed pipe (`| head`) is not an error.
fn rapporteer<E: std::fmt::Display>(resultaat: Result<String, E>, databasefout: impl Fn(&E) -> bool) -> ExitCode {
    use std::io::Write;
    match resultaat {
        Ok(tekst) => {
            let _ = std::io::stdout().lock().write_all(tekst.as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fout: {e}");
            ExitCode::from(if databasefout(&e) { 1 } else { 2 })
        }
    }
}

/// Writes a file whole or not at all (a temporary file in the same folder, renamed when complete).
fn schrijf_heel(pad: &std::path::Path, inhoud: &[u8]) -> Result<(), String> {
    let fout = |e: std::io::Error| format!("{}: niet te schrijven ({e})", pad.display());
    let map = pad.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let mut tijdelijk = tempfile::NamedTempFile::new_in(map).map_err(fout)?;
    std::io::Write::write_all(&mut tijdelijk, inhoud).map_err(fout)?;
    tijdelijk.persist(pad).map_err(|e| fout(e.error))?;
    Ok(())
}

/// Who runs the command, for the audit trail.
fn gebruiker() -> String {
    format!("cli:{}", std::env::var("USER").unwrap_or_else(|_| "onbekend".into()))
}

/// Prints an error in Dutch and gives the exit code: 2 for refused input, 1 for anything else.
fn meld_fout(fout: &leerspoor_ingest::IngestFout) -> ExitCode {
    eprintln!("fout: {fout}");
    match fout {
        leerspoor_ingest::IngestFout::Ongeldig(fouten) => {
            for f in fouten {
                eprintln!("  {f}");
            }
            ExitCode::from(2)
        }
        leerspoor_ingest::IngestFout::Sleutel(_) => ExitCode::from(2),
        _ => ExitCode::from(1),
    }
}
