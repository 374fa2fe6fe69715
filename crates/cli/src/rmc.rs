//! `leerspoor rmc …`: the RMC runs and lists for scripting (VSV, oud-VSV, follow-up, JIKP, triage).
use crate::blokkeer;
use leerspoor_casework::{Fout, medewerker, triage, vsv};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::datum::parse_datum;
use leerspoor_domain::rules;
use leerspoor_domain::rules::triage::Factoren;
use leerspoor_domain::rules::vsv::Bestemming;
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_report::register;
use leerspoor_store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(override_usage = "leerspoor rmc <ONDERDEEL> [OPTIES] --als MEDEWERKER")]
pub struct RmcArgs {
    #[command(subcommand)]
    onderdeel: Onderdeel,
    /// Id van de medewerker namens wie het loopt (audit trail, bevoegdheid)
    #[arg(long, global = true, env = "LEERSPOOR_MEDEWERKER", hide_env_values = true, value_name = "MEDEWERKER")]
    als: Option<String>,
}

#[derive(Debug, clap::Subcommand)]
enum Onderdeel {
    /// Registreer de voortijdig schoolverlaters van een schooljaar uit de inschrijvingen (DUO)
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(override_usage = "leerspoor rmc vsv --schooljaar 2020-2021 --als MEDEWERKER")]
    Vsv(Jaar),
    /// Lijst van oud-VSV-ers op 1 oktober van het schooljaar (voor de zomeractie)
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(override_usage = "leerspoor rmc oud-vsv --schooljaar 2020-2021 --als MEDEWERKER")]
    OudVsv(Jaar),
    /// Waar de VSV-ers van het schooljaar een jaar later zijn, tegen de doelen (30% school, 30% werk)
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(override_usage = "leerspoor rmc opvolging --schooljaar 2020-2021 --als MEDEWERKER")]
    Opvolging(Jaar),
    /// Door- en uitstroom van jongeren in een kwetsbare positie (JIKP) naar het volgende schooljaar
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(override_usage = "leerspoor rmc jikp --schooljaar 2019-2020 --als MEDEWERKER")]
    Jikp(Jaar),
    /// Risico-inschatting van een 18-23 melding, met de redenen per factor
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(
        override_usage = "leerspoor rmc triage --jongere ID --peildatum JJJJ-MM-DD [--factoren PAD] --als MEDEWERKER"
    )]
    Triage(TriageArgs),
}

#[derive(Debug, clap::Args)]
struct Jaar {
    /// Het schooljaar, bijv. 2020-2021
    #[arg(long, value_name = "JJJJ-JJJJ", value_parser = SchoolJaar::parse)]
    schooljaar: SchoolJaar,
}

#[derive(Debug, clap::Args)]
struct TriageArgs {
    /// Id van de jongere
    #[arg(long, value_name = "ID")]
    jongere: String,
    /// De dag van de melding
    #[arg(long, value_name = "JJJJ-MM-DD", value_parser = parse_datum)]
    peildatum: Datum,
    /// JSON-bestand met eigen punten en drempels (velden van de standaard die je wilt vervangen)
    #[arg(long, value_name = "PAD")]
    factoren: Option<PathBuf>,
}

pub fn run(args: RmcArgs, database: &str) -> ExitCode {
    let Some(als) = args.als.clone() else {
        eprintln!("fout: ontbreekt: --als <MEDEWERKER> (of LEERSPOOR_MEDEWERKER)");
        return ExitCode::from(2);
    };
    let resultaat: Result<String, Fout> = blokkeer(async {
        let store = Store::open_bestaand(database).await?;
        let uit = onderdeel(&store, &als, &args.onderdeel).await;
        store.sluit().await;
        uit
    });
    crate::rapporteer(resultaat, |e| matches!(e, Fout::Store(_)))
}

async fn onderdeel(store: &Store, als: &str, o: &Onderdeel) -> Result<String, Fout> {
    let door = medewerker(store, als).await?;
    let mut t = String::new();
    match o {
        Onderdeel::Vsv(j) => {
            let u = vsv::registreer_uitval(store, &door, j.schooljaar).await?;
            t += &format!("VSV-registratie {}\n", j.schooljaar);
            t += &format!("  uitschrijvingen zonder nieuwe inschrijving  {:>7}\n", u.uitschrijvingen);
            for (reden, n) in &u.geen_vsv {
                t += &format!("    geen VSV: {:<52} {n:>7}\n", reden.to_lowercase());
            }
            t += &format!("  nieuwe VSV-meldingen                        {:>7}\n", u.nieuw.len());
            t += &format!("  al geregistreerd                            {:>7}\n", u.al_bekend);
        }
        Onderdeel::OudVsv(j) => {
            let lijst = vsv::oud_vsv(store, &door, j.schooljaar).await?;
            t += &format!("Oud-VSV op {}: {} jongeren\n", j.schooljaar.een_oktober(), lijst.len());
            for o in &lijst {
                t += &format!(
                    "  {:<12} {:<32} {}  {}  uitgevallen {} ({})\n",
                    o.jongere,
                    o.naam,
                    o.geboortedatum,
                    o.gemeente,
                    o.laatste_uitval,
                    o.onderwijssoort.label()
                );
            }
        }
        Onderdeel::Opvolging(j) => {
            let o = register::vsv_opvolging(store, j.schooljaar).await?;
            t += &format!("VSV-ers van {} een jaar na uitval: {}\n", j.schooljaar, o.per_jongere.len());
            for b in Bestemming::ALL {
                let pct = o.percentage(*b).map_or("-".to_string(), |p| format!("{p:.1}%"));
                t += &format!("  {:<24} {:>6} {:>8}\n", b.label(), o.aantal(*b), pct);
            }
            t += &format!(
                "  doel: {}% weer op school, {}% aan het werk\n",
                rules::vsv::DOEL_WEER_OP_SCHOOL,
                rules::vsv::DOEL_WERK
            );
        }
        Onderdeel::Jikp(j) => {
            let tabel = register::jikp_door_uitstroom(store, j.schooljaar).await?;
            t += &format!("Door- en uitstroom JIKP {} → {}\n", j.schooljaar, j.schooljaar.volgend());
            t += "  groep                 deelnemers  door/uit   mbo1   mbo2  uitstroom  kwetsbaar      %\n";
            for (groep, s) in &tabel {
                let pct = s.percentage().map_or("-".to_string(), |p| format!("{p:.0}%"));
                t += &format!(
                    "  {:<22} {:>10} {:>9} {:>6} {:>6} {:>10} {:>10} {:>6}\n",
                    groep.label(),
                    s.deelnemers,
                    s.door_uitstroom,
                    s.mbo1,
                    s.mbo2,
                    s.uitstroom,
                    s.kwetsbaar(),
                    pct
                );
            }
        }
        Onderdeel::Triage(a) => {
            let factoren = match &a.factoren {
                Some(pad) => {
                    let tekst = std::fs::read_to_string(pad)
                        .map_err(|e| Fout::Invoer { veld: "factoren", melding: format!("{}: {e}", pad.display()) })?;
                    serde_json::from_str(&tekst)
                        .map_err(|e| Fout::Invoer { veld: "factoren", melding: format!("{}: {e}", pad.display()) })?
                }
                None => Factoren::default(),
            };
            let r = triage::beoordeel_jongere(store, &a.jongere, a.peildatum, &factoren).await?;
            store.log(&door.id, "triage", &a.jongere, "gelukt", None).await?;
            t += &format!("Risico {}: {} ({} punten)\n", a.jongere, r.risico.label(), r.punten);
            for reden in &r.redenen {
                t += &format!("  +{} {}: {}\n", reden.punten, reden.factor, reden.uitleg);
            }
        }
    }
    Ok(t)
}
