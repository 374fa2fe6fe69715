//! `leerspoor status`: the leerplicht rules from the command line.
//!
//! Prints one JSON object on one line, keys in a fixed order:
//! `{"leerplicht_begin":"…","leerplicht_einde":"…","kwalificatieplicht_einde":"…"|null,"status":"…"}`.
//! Every invalid input gives `fout: --optie: …` on stderr and exit code 2.
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::datum::parse_datum;
use leerspoor_domain::onderwijs::VsoProfiel;
use leerspoor_domain::rules::{Leerplichtfeiten, Leerplichtstatus, RegelFout};
use std::process::ExitCode;

/// The options are Strings, parsed here, so that every mistake gets a Dutch message that names
/// the option (clap's own messages are English).
#[derive(Debug, clap::Args)]
#[command(
    override_usage = "leerspoor status --geboortedatum <JJJJ-MM-DD> --peildatum <JJJJ-MM-DD> \
        [--startkwalificatie <JJJJ-MM-DD>] [--twaalf-schooljaren-op <JJJJ-MM-DD>] [--vso-profiel <PROFIEL>] \
        [--diploma-praktijkonderwijs <JJJJ-MM-DD>]",
    next_help_heading = "Gegevens"
)]
pub struct StatusArgs {
    /// Geboortedatum van de jongere (verplicht)
    #[arg(long, value_name = "JJJJ-MM-DD")]
    geboortedatum: Option<String>,
    /// Datum waarop de status bepaald wordt (verplicht)
    #[arg(long, value_name = "JJJJ-MM-DD")]
    peildatum: Option<String>,
    /// Datum waarop de jongere een startkwalificatie behaalde (diploma havo, vwo of mbo 2, 3 of 4)
    #[arg(long, value_name = "JJJJ-MM-DD")]
    startkwalificatie: Option<String>,
    /// Einde (31 juli) van het schooljaar na afloop waarvan de jongere twaalf volledige schooljaren
    /// op school zat; een overgeslagen groep telt als volledig schooljaar (Lpw art. 4)
    #[arg(long, value_name = "JJJJ-MM-DD")]
    twaalf_schooljaren_op: Option<String>,
    /// Uitstroomprofiel van het gevolgde voortgezet speciaal onderwijs: arbeidsmarkt,
    /// dagbesteding of vervolgonderwijs (arbeidsmarkt en dagbesteding: geen kwalificatieplicht)
    #[arg(long, value_name = "PROFIEL")]
    vso_profiel: Option<String>,
    /// Datum van het schooldiploma of de verklaring praktijkonderwijs: vanaf die dag geen
    /// kwalificatieplicht (Lpw art. 4a lid 2), maar ook geen startkwalificatie
    #[arg(long, value_name = "JJJJ-MM-DD")]
    diploma_praktijkonderwijs: Option<String>,
}

pub fn run(args: StatusArgs) -> ExitCode {
    match bereken(&args) {
        Ok(status) => {
            println!("{}", als_json(&status));
            ExitCode::SUCCESS
        }
        Err(fouten) => {
            for fout in fouten {
                eprintln!("fout: {fout}");
            }
            ExitCode::from(2)
        }
    }
}

/// Parses and checks every option, then applies the rules. Parse errors are collected so that one
/// run names every wrong option; the checks between facts follow only when all parse.
fn bereken(args: &StatusArgs) -> Result<Leerplichtstatus, Vec<String>> {
    let mut fouten = Vec::new();
    let mut verplicht = |optie: &str, waarde: &Option<String>| match waarde {
        Some(w) => verzamel(&mut fouten, optie, parse_datum(w)),
        None => {
            fouten.push(format!("--{optie}: ontbreekt (verwacht een datum JJJJ-MM-DD)"));
            None
        }
    };
    let geboortedatum = verplicht("geboortedatum", &args.geboortedatum);
    let peildatum = verplicht("peildatum", &args.peildatum);
    let startkwalificatie =
        args.startkwalificatie.as_deref().and_then(|w| verzamel(&mut fouten, "startkwalificatie", parse_datum(w)));
    let twaalf_schooljaren_op = args
        .twaalf_schooljaren_op
        .as_deref()
        .and_then(|w| verzamel(&mut fouten, "twaalf-schooljaren-op", parse_datum(w)));
    let vso_profiel =
        args.vso_profiel.as_deref().and_then(|w| verzamel(&mut fouten, "vso-profiel", VsoProfiel::parse_code(w)));
    let diploma_praktijkonderwijs = args
        .diploma_praktijkonderwijs
        .as_deref()
        .and_then(|w| verzamel(&mut fouten, "diploma-praktijkonderwijs", parse_datum(w)));
    let (Some(geboortedatum), Some(peildatum)) = (geboortedatum, peildatum) else {
        return Err(fouten);
    };
    if !fouten.is_empty() {
        return Err(fouten);
    }
    Leerplichtfeiten::nieuw(geboortedatum, startkwalificatie, twaalf_schooljaren_op, vso_profiel)
        .and_then(|feiten| feiten.met_diploma_praktijkonderwijs(diploma_praktijkonderwijs).op(peildatum))
        .map_err(|fout| vec![format!("--{}: {fout}", optie_van(&fout))])
}

fn verzamel<T>(fouten: &mut Vec<String>, optie: &str, waarde: Result<T, String>) -> Option<T> {
    waarde.map_err(|fout| fouten.push(format!("--{optie}: {fout}"))).ok()
}

/// The option a rule error is about.
fn optie_van(fout: &RegelFout) -> &'static str {
    match fout {
        RegelFout::PeildatumVoorGeboorte { .. } => "peildatum",
        RegelFout::StartkwalificatieVoorTwaalf { .. } => "startkwalificatie",
        RegelFout::TwaalfSchooljarenGeenEindeSchooljaar(_) | RegelFout::TwaalfSchooljarenTeJong { .. } => {
            "twaalf-schooljaren-op"
        }
    }
}

fn als_json(status: &Leerplichtstatus) -> String {
    let datum = |d: Datum| serde_json::Value::String(d.to_string());
    let kwalificatieplicht_einde = status.kwalificatieplicht_einde.map_or(serde_json::Value::Null, datum);
    format!(
        "{{\"leerplicht_begin\":{},\"leerplicht_einde\":{},\"kwalificatieplicht_einde\":{},\"status\":{}}}",
        datum(status.leerplicht_begin),
        datum(status.leerplicht_einde),
        kwalificatieplicht_einde,
        serde_json::Value::String(status.status.code().to_string()),
    )
}
