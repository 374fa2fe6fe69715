//! `leerspoor bench rapport`: times the jaarverslag in-process — every table of every scope asked
//! for, then each output format — and prints the median of a number of runs per step, with the
//! process's peak memory. The speed targets of the report engine are checked with this.
//!
//! `leerspoor bench brieven`: letters from the dossier, each from reading the dossier to its PDF
//! stored, on a fresh demo region (docs/brieven.md).
//!
//! `leerspoor bench p-levering`: times one week of DUO's P-levering with many mutations, applied to
//! a fresh demo region (docs/koppelingen.md).
use crate::blokkeer;
use leerspoor_domain::SchoolJaar;
use leerspoor_publicatie::Publicatie;
use leerspoor_report::{Kader, Scope, Tabel, uitvoer};
use leerspoor_store::Store;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Debug, clap::Args)]
#[command(
    override_usage = "leerspoor bench rapport --jaar 2020-2021 [--scope SCOPE]… [--alle-scopes] [--herhaal N] [--per-tabel]\n       leerspoor bench p-levering [--mutaties 10000] [--scale 1]\n       leerspoor bench brieven [--aantal 500] [--scale 0.2]"
)]
pub struct BenchArgs {
    #[command(subcommand)]
    wat: Wat,
}

#[derive(Debug, clap::Subcommand)]
enum Wat {
    /// Het jaarverslag: elke tabel en elk formaat, per scope
    Rapport(RapportArgs),
    /// Een week P-levering van DUO met veel mutaties, op een nieuwe demoregio in een tijdelijke
    /// SQLite-database
    PLevering(PLeveringArgs),
    /// Vergelijk een C-levering van de hele demoregio met het register
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(override_usage = "leerspoor bench c-levering [--scale N]")]
    CLevering(CLeveringArgs),
    /// Brieven uit het dossier: elk van dossier lezen tot PDF bewaard, op een nieuwe demoregio
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(override_usage = "leerspoor bench brieven [--aantal 500] [--scale 0.2]")]
    Brieven(BrievenArgs),
    /// Een reeks brieven (zomeractie oud-VSV) voor de regio, of de gemeente met de meeste oud-VSV'ers: opstellen,
    /// zetten, bewaren, afdrukbestand en verzendlijst, op een nieuwe demoregio
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(override_usage = "leerspoor bench reeks [--scale 1] [--datum 2021-06-15]")]
    Reeks(ReeksBenchArgs),
    /// De BRP-controle van alle jongeren van een demoregio tegen de lokale BRP, op de afgesproken snelheid
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(override_usage = "leerspoor bench brp [--scale N] [--per-seconde N]")]
    Brp(BrpBenchArgs),
}

#[derive(Debug, clap::Args)]
struct PLeveringArgs {
    /// Aantal mutaties in de week
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    mutaties: usize,
    /// Grootte van de demoregio (1 = 54.000 jongeren)
    #[arg(long, default_value_t = 1.0, value_name = "N")]
    scale: f64,
}

#[derive(Debug, clap::Args)]
struct BrpBenchArgs {
    /// Grootte van de demoregio (1 = 54.000 jongeren)
    #[arg(long, default_value_t = 0.1, value_name = "N")]
    scale: f64,
    /// Verzoeken per seconde (elk met tot 20 BSN's)
    #[arg(long, default_value_t = 50.0, value_name = "N")]
    per_seconde: f64,
}

#[derive(Debug, clap::Args)]
struct ReeksBenchArgs {
    /// Grootte van de demoregio (1 = 54.000 jongeren)
    #[arg(long, default_value_t = 1.0, value_name = "N")]
    scale: f64,
    /// Datum van de brieven
    #[arg(long, default_value = "2021-06-15", value_name = "JJJJ-MM-DD", value_parser = leerspoor_domain::datum::parse_datum)]
    datum: leerspoor_domain::Datum,
}

#[derive(Debug, clap::Args)]
struct BrievenArgs {
    /// Aantal waarschuwingen (elk een brief per geadresseerde)
    #[arg(long, default_value_t = 500, value_name = "N")]
    aantal: usize,
    /// Grootte van de demoregio (1 = 54.000 jongeren)
    #[arg(long, default_value_t = 0.2, value_name = "N")]
    scale: f64,
}

#[derive(Debug, clap::Args)]
struct CLeveringArgs {
    /// Grootte van de demoregio (1 = 54.000 jongeren)
    #[arg(long, default_value_t = 1.0, value_name = "N")]
    scale: f64,
}

#[derive(Debug, clap::Args)]
struct RapportArgs {
    /// Het verslagjaar, bijv. 2020-2021
    #[arg(long, value_name = "JJJJ-JJJJ", value_parser = SchoolJaar::parse)]
    jaar: SchoolJaar,
    /// Scope(s); standaard de regio
    #[arg(long = "scope", value_name = "SCOPE", value_parser = Scope::parse)]
    scopes: Vec<Scope>,
    /// De regio, elke subregio en elke gemeente
    #[arg(long, conflicts_with = "scopes")]
    alle_scopes: bool,
    /// Aantal keren per scope; de mediaan telt
    #[arg(long, default_value_t = 3, value_name = "N")]
    herhaal: usize,
    /// Ook elke tabel apart, na elkaar (om te zien waar de tijd zit)
    #[arg(long)]
    per_tabel: bool,
}

pub fn run(args: BenchArgs, database: &str) -> ExitCode {
    let args = match args.wat {
        Wat::Rapport(args) => args,
        Wat::PLevering(args) => return p_levering(&args),
        Wat::CLevering(args) => return c_levering(&args),
        Wat::Brp(args) => return brp(&args),
        Wat::Brieven(args) => return brieven(&args),
        Wat::Reeks(args) => return reeks(&args),
    };
    let resultaat: Result<String, leerspoor_report::Fout> = blokkeer(async {
        let store = Store::open_bestaand(database).await?;
        let scopes = if args.alle_scopes { alle_scopes(&store).await? } else { args.scopes.clone() };
        let scopes = if scopes.is_empty() { vec![Scope::Regio] } else { scopes };
        let mut uit = format!("Jaarverslag {} — mediaan van {} keer, in ms\n", args.jaar, args.herhaal.max(1));
        for scope in scopes {
            let mut metingen: Vec<Vec<(String, Duration)>> = Vec::new();
            for _ in 0..args.herhaal.max(1) {
                metingen.push(meet(&store, args.jaar, &scope, args.per_tabel).await?);
            }
            uit.push_str(&format!("\n{scope}\n"));
            for (i, (stap, _)) in metingen[0].iter().enumerate() {
                let mut duur: Vec<Duration> = metingen.iter().map(|m| m[i].1).collect();
                duur.sort();
                uit.push_str(&format!("  {stap:<36} {:>9.1}\n", duur[duur.len() / 2].as_secs_f64() * 1000.0));
            }
        }
        uit.push_str(&format!("\npiekgeheugen van het proces: {}\n", piekgeheugen()));
        store.sluit().await;
        Ok(uit)
    });
    crate::rapporteer(resultaat, |f| matches!(f, leerspoor_report::Fout::Store(_)))
}

/// One run of a scope: all tables as `report` computes them (on one [`Kader`], side by side), then
/// each format. `per_tabel`: first each table on its own, one after the other, on a Kader of its
/// own that the tables share.
async fn meet(
    store: &Store,
    jaar: SchoolJaar,
    scope: &Scope,
    per_tabel: bool,
) -> Result<Vec<(String, Duration)>, leerspoor_report::Fout> {
    let mut stappen = Vec::new();
    if per_tabel {
        let kader = std::sync::Arc::new(Kader::nieuw(store, jaar, scope.clone()).await?);
        for id in leerspoor_report::tabellen::IDS {
            let t0 = Instant::now();
            std::hint::black_box(leerspoor_report::bereken(&kader, &[id.to_string()]).await?);
            stappen.push((format!("tabel {id}"), t0.elapsed()));
        }
    }
    let begin = Instant::now();
    let kader = std::sync::Arc::new(Kader::nieuw(store, jaar, scope.clone()).await?);
    let tabellen: Vec<Tabel> = leerspoor_report::bereken(&kader, &[]).await?;
    stappen.push(("alle tabellen".to_string(), begin.elapsed()));
    let publicatie = Publicatie {
        jaar: jaar.to_string(),
        gebied: kader.gebied().await?,
        datum: chrono::Local::now().date_naive(),
        drempel: None,
    };
    let mut formaat = |naam: &str, maak: &dyn Fn() -> Result<usize, String>| -> Result<(), leerspoor_report::Fout> {
        let t0 = Instant::now();
        std::hint::black_box(maak().map_err(leerspoor_report::Fout::Schrijven)?);
        stappen.push((format!("formaat {naam}"), t0.elapsed()));
        Ok(())
    };
    let map = std::env::temp_dir().join(format!("leerspoor-bench-{}", std::process::id()));
    formaat("json", &|| Ok(uitvoer::json(&jaar.to_string(), &scope.to_string(), &tabellen).len()))?;
    formaat("csv", &|| uitvoer::csv(&map, &tabellen).map(|()| tabellen.len()).map_err(|e| e.to_string()))?;
    formaat("xlsx", &|| {
        leerspoor_publicatie::xlsx(&publicatie, &tabellen).map(|b| b.len()).map_err(|e| e.to_string())
    })?;
    formaat("html", &|| Ok(leerspoor_publicatie::html(&publicatie, &tabellen).len()))?;
    formaat("pdf", &|| leerspoor_publicatie::pdf(&publicatie, &tabellen).map(|b| b.len()).map_err(|e| e.to_string()))?;
    let _ = std::fs::remove_dir_all(&map);
    stappen.push(("totaal".to_string(), begin.elapsed()));
    Ok(stappen)
}

/// The regio, its subregios and its gemeenten.
async fn alle_scopes(store: &Store) -> Result<Vec<Scope>, leerspoor_report::Fout> {
    let subregios: Vec<leerspoor_domain::model::Subregio> = store.lees().await?;
    let gemeenten: Vec<leerspoor_domain::model::Gemeente> = store.lees().await?;
    Ok(std::iter::once(Scope::Regio)
        .chain(subregios.into_iter().map(|s| Scope::Subregio(s.code)))
        .chain(gemeenten.into_iter().map(|g| Scope::Gemeente(g.code)))
        .collect())
}

/// The peak resident memory of this process (Linux), e.g. "159 MB".
fn piekgeheugen() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .and_then(|kb| kb.trim_end_matches(" kB").trim().parse::<u64>().ok())
        .map_or_else(|| "onbekend".to_string(), |kb| format!("{} MB", kb / 1024))
}

/// A fresh demo region of `scale` in a temporary SQLite database (kept alive by the folder), and
/// how long making it took.
async fn demoregio(
    scale: f64,
) -> Result<(tempfile::TempDir, Store, leerspoor_domain::model::Dataset, std::time::Duration), String> {
    let map = tempfile::tempdir().map_err(|e| e.to_string())?;
    let url = format!("sqlite:{}", map.path().join("bench.sqlite").display());
    let store = Store::open(&url).await.map_err(|e| e.to_string())?;
    let start = Instant::now();
    let ds = leerspoor_demo::genereer(&leerspoor_demo::DemoOpties { seed: 2021, scale });
    let opties = leerspoor_ingest::ImportOpties { dry_run: false, gebruiker: "bench".into() };
    leerspoor_ingest::importeer_dataset(&store, ds.clone(), "bench", &opties).await.map_err(|e| e.to_string())?;
    Ok((map, store, ds, start.elapsed()))
}

/// The demo region's administratief medewerker, on whose behalf deliveries are applied.
fn administratief(ds: &leerspoor_domain::model::Dataset) -> Result<&leerspoor_domain::model::Medewerker, String> {
    ds.medewerkers
        .iter()
        .find(|m| m.rol == leerspoor_domain::model::Rol::Administratief)
        .ok_or_else(|| "de demoregio heeft geen administratief medewerker".to_string())
}

/// A fresh demo region, a local BRP that knows its youths as the register does (one in 50 moved
/// within the region, one in 200 unknown to it; who left the region lives in Amsterdam), and the
/// time to check every youth against it at the agreed rate.
fn brp(args: &BrpBenchArgs) -> ExitCode {
    use leerspoor_brp::client::{Brp, BrpInstellingen};
    use leerspoor_brp::proefserver::Proefserver;
    let resultaat: Result<String, String> = blokkeer(async {
        let (_map, store, ds, klaar) = demoregio(args.scale).await?;
        let vandaag = chrono::Local::now().date_naive();
        let personen =
            crate::brp::proefpersonen(&ds.jongeren, &ds.woonadressen, &ds.gezinsrelaties, &ds.ouders, vandaag);
        let server = Proefserver::start(personen, "bench").await?;
        let client = Brp::nieuw(BrpInstellingen {
            url: server.url.clone(),
            api_key: "bench".into(),
            certificaat: None,
            ca: None,
            per_seconde: args.per_seconde,
            time_out: std::time::Duration::from_secs(30),
        })
        .map_err(|e| e.to_string())?;
        let door = administratief(&ds)?;
        let start = Instant::now();
        let alle = leerspoor_koppeling::brp::Wie::Alle { vanaf: None };
        let c = leerspoor_koppeling::brp::controleer(&store, &client, door, &alle, vandaag, &|_, _| {})
            .await
            .map_err(|e| e.to_string())?;
        let duur = start.elapsed();
        store.sluit().await;
        let afwijkingen = server.afwijkingen();
        let mut per_soort: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for v in c.verschillen.values().flatten() {
            *per_soort.entry(v.soort()).or_default() += 1;
        }
        let per_soort: Vec<String> = per_soort.iter().map(|(s, n)| format!("{s} {n}")).collect();
        Ok(format!(
            "BRP-controle op een demoregio (scale {}, {} jongeren; klaargezet in {:.1} s)\n\
             {} verzoeken op hoogstens {} per seconde, in {:.1} s ({:.0} jongeren per seconde)\n\
             {} jongeren met verschillen ({}); {} afwijkingen van het contract\n\
             piekgeheugen van het proces: {}\n{}",
            args.scale,
            ds.jongeren.len(),
            klaar.as_secs_f64(),
            server.verzoeken(),
            args.per_seconde,
            duur.as_secs_f64(),
            c.gevraagd as f64 / duur.as_secs_f64(),
            c.verschillen.len(),
            per_soort.join(", "),
            afwijkingen.len(),
            piekgeheugen(),
            afwijkingen.iter().take(5).map(|a| format!("  {a}\n")).collect::<String>(),
        ))
    });
    crate::rapporteer(resultaat, |_| false)
}

/// A fresh demo region, its C-levering on the example peildatum, and the time to hold it against
/// the register (as a trial, then recorded in the log).
fn c_levering(args: &CLeveringArgs) -> ExitCode {
    use leerspoor_koppeling::{duo_c, levering::Koppeltabel, logboek::Aanbod};
    let resultaat: Result<String, String> = blokkeer(async {
        let (_map, store, ds, klaar) = demoregio(args.scale).await?;
        let (j, m, d) = leerspoor_demo::leveringen::C_PEILDATUM;
        let peildatum = chrono::NaiveDate::from_ymd_opt(j, m, d).ok_or("peildatum")?;
        let levering = leerspoor_demo::leveringen::duo_c_levering(&ds, peildatum);
        let door = administratief(&ds)?;
        let tabel = Koppeltabel::lees("duo-c.toml", duo_c::KOPPELTABEL)?;
        let aanbod = Aanbod { bron: duo_c::BRON, bestand: "bench.csv", bytes: levering.as_bytes() };
        let start = Instant::now();
        duo_c::vergelijk(&store, door, aanbod, None, &tabel, true).await.map_err(|e| e.to_string())?;
        let proef = start.elapsed();
        let start = Instant::now();
        let v = duo_c::vergelijk(&store, door, aanbod, None, &tabel, false).await.map_err(|e| e.to_string())?;
        let duur = start.elapsed();
        store.sluit().await;
        Ok(format!(
            "C-levering op een demoregio (scale {}, {} jongeren; klaargezet in {:.1} s)\n\
             {} rijen, {} jongeren bij DUO, {} verschillen\n  als proef   {:>7.0} ms\n  vastgelegd  {:>7.0} ms\n\
             piekgeheugen van het proces: {}\n",
            args.scale,
            ds.jongeren.len(),
            klaar.as_secs_f64(),
            v.levering.rijen,
            v.jongeren_bij_duo,
            v.verschillen.len(),
            proef.as_secs_f64() * 1000.0,
            duur.as_secs_f64() * 1000.0,
            piekgeheugen()
        ))
    });
    crate::rapporteer(resultaat, |_| false)
}

/// A fresh demo region in a temporary SQLite database, a week of `mutaties` P-mutations made from
/// it, and the time to apply that week (reading, checking and writing, in one transaction).
fn p_levering(args: &PLeveringArgs) -> ExitCode {
    use leerspoor_koppeling::{duo_p, levering::Koppeltabel, logboek::Aanbod};
    let resultaat: Result<String, String> = blokkeer(async {
        let (_map, store, ds, klaar) = demoregio(args.scale).await?;
        let week = leerspoor_demo::leveringen::duo_p_week(&ds, args.mutaties);
        let door = administratief(&ds)?;
        let tabel = Koppeltabel::lees("duo-p.toml", duo_p::KOPPELTABEL)?;
        let aanbod = Aanbod { bron: duo_p::BRON, bestand: "bench.csv", bytes: week.as_bytes() };
        let vandaag = chrono::Local::now().date_naive();
        let fout = |e| match e {
            leerspoor_koppeling::logboek::KoppelFout::Geweigerd { fouten, .. } => {
                fouten.iter().take(5).map(ToString::to_string).collect::<Vec<_>>().join("; ")
            }
            e => e.to_string(),
        };
        // First as a trial (read, check, write, undo), then for real (and committed, with the
        // checks for the youths it changed).
        let start = Instant::now();
        duo_p::verwerk(&store, door, aanbod, None, &tabel, vandaag, true).await.map_err(fout)?;
        let proef = start.elapsed();
        let start = Instant::now();
        let v = duo_p::verwerk(&store, door, aanbod, None, &tabel, vandaag, false).await.map_err(fout)?;
        let duur = start.elapsed();
        store.sluit().await;
        Ok(format!(
            "P-levering op een demoregio (scale {}, {} jongeren; klaargezet in {:.1} s)\n\
             {} mutaties, {} toegepast\n  als proef (lezen, toetsen, schrijven, terugdraaien)  {:>7.0} ms\n\
             \x20 echt (vastgelegd, met de controles daarna)          {:>7.0} ms ({:.0} mutaties per seconde)\n\
             piekgeheugen van het proces: {}\n",
            args.scale,
            ds.jongeren.len(),
            klaar.as_secs_f64(),
            v.per_mutatie.len(),
            v.levering.toegepast,
            proef.as_secs_f64() * 1000.0,
            duur.as_secs_f64() * 1000.0,
            v.per_mutatie.len() as f64 / duur.as_secs_f64(),
            piekgeheugen()
        ))
    });
    crate::rapporteer(resultaat, |_| false)
}

/// Waarschuwingen for the first `aantal` warnings the demo region recorded, one after the other as a
/// caseworker makes them: the median per step and per letter, the total, the peak memory.
fn brieven(args: &BrievenArgs) -> ExitCode {
    use leerspoor_casework::brieven::{self, Onderwerp, Verzoek};
    use leerspoor_domain::code_enum::CodeEnum;
    use leerspoor_domain::model::{Actie, ActieSoort};
    use leerspoor_domain::rules::brief::BriefSoort;
    let resultaat: Result<String, String> = blokkeer(async {
        let (_map, store, _, gemaakt) = demoregio(args.scale).await?;
        let fout = |e: leerspoor_casework::Fout| e.to_string();
        let acties: Vec<Actie> =
            store.lees_waar("soort", ActieSoort::Waarschuwing.code()).await.map_err(|e| e.to_string())?;
        let mut stappen: [Vec<Duration>; 4] = Default::default();
        let (mut brieven_gemaakt, mut geweigerd, mut bytes) = (0usize, 0usize, 0i64);
        let begin = Instant::now();
        for a in acties.iter().filter(|a| a.medewerker.is_some()).take(args.aantal) {
            // The medewerker as recorded (the demo's staff of 2021 need not be in service today).
            let Some(door) = store
                .lees_een::<leerspoor_domain::model::Medewerker>(a.medewerker.as_deref().unwrap_or_default())
                .await
                .map_err(|e| e.to_string())?
            else {
                continue;
            };
            let v = Verzoek {
                soort: BriefSoort::Waarschuwing,
                onderwerp: Onderwerp::Actie(a.id.clone()),
                datum: a.datum,
                gesprek: None,
                inschrijven_voor: None,
                vervangt: None,
            };
            let t0 = Instant::now();
            let opgesteld = match brieven::opstellen(&store, &door, &v, a.datum).await {
                Ok(o) => o,
                Err(leerspoor_casework::Fout::Store(e)) => return Err(e.to_string()),
                Err(_) => {
                    geweigerd += 1;
                    continue;
                }
            };
            let t1 = Instant::now();
            let sjablonen = store.sjablonen().await.map_err(|e| e.to_string())?;
            let gezet = brieven::zet(&sjablonen, opgesteld, &leerspoor_web::brief_zetter).map_err(fout)?;
            let t2 = Instant::now();
            let documenten = brieven::leg_vast(&store, &door, gezet, "brief opgemaakt").await.map_err(fout)?;
            let t3 = Instant::now();
            brieven_gemaakt += documenten.len();
            bytes += documenten.iter().map(|d| d.bytes).sum::<i64>();
            for (i, d) in [t1 - t0, t2 - t1, t3 - t2, t3 - t0].into_iter().enumerate() {
                stappen[i].push(d);
            }
        }
        let totaal = begin.elapsed();
        store.sluit().await;
        let n = stappen[3].len();
        if n == 0 {
            return Err("de demoregio heeft geen waarschuwingen om brieven bij te maken".into());
        }
        let mediaan = |v: &mut Vec<Duration>| {
            v.sort();
            v[v.len() / 2].as_secs_f64() * 1000.0
        };
        let mut uit = format!(
            "Brieven (waarschuwing) op een demoregio van schaal {} (gemaakt in {:.1} s)\n",
            args.scale,
            gemaakt.as_secs_f64()
        );
        uit += &format!("  verzoeken                       {n:>9}   (geweigerd door de regels: {geweigerd})\n");
        uit += &format!(
            "  brieven bewaard                 {brieven_gemaakt:>9}   ({} kB per brief)\n",
            bytes / brieven_gemaakt.max(1) as i64 / 1024
        );
        uit += &format!("  eerste verzoek (koud), ms       {:>9.1}\n", stappen[3][0].as_secs_f64() * 1000.0);
        for (naam, i) in [("dossier lezen en velden", 0), ("PDF zetten", 1), ("bewaren", 2), ("per verzoek", 3)] {
            uit += &format!("  mediaan {naam:<24}{:>9.1}\n", mediaan(&mut stappen[i]));
        }
        uit += &format!("  totaal {n} verzoeken, s           {:>9.2}\n", totaal.as_secs_f64());
        uit += &format!("\npiekgeheugen van het proces: {}\n", piekgeheugen());
        Ok(uit)
    });
    crate::rapporteer(resultaat, |_| true)
}

/// The zomeractie for the demo region (or, over the batch limit, its gemeente with the most
/// oud-VSV-ers), as the web page makes it: the fields of every letter, typesetting, storing in one
/// transaction, then the print file (double-sided) and the mail list from the stored letters.
fn reeks(args: &ReeksBenchArgs) -> ExitCode {
    use leerspoor_casework::brieven::{self, reeks};
    use leerspoor_domain::model::{Gemeente, Medewerker, Rol};
    use leerspoor_domain::rules::brief::BriefSoort;
    let resultaat: Result<String, String> = blokkeer(async {
        let (_map, store, ds, gemaakt) = demoregio(args.scale).await?;
        let fout = |e: leerspoor_casework::Fout| e.to_string();
        let door: &Medewerker = ds
            .medewerkers
            .iter()
            .find(|m| m.rol == Rol::RmcConsulent)
            .ok_or("de demoregio heeft geen RMC-consulent")?;
        let verzoek = |gemeente: Option<String>| reeks::Reeksverzoek {
            soort: BriefSoort::Zomeractie,
            datum: args.datum,
            gemeente,
            einde_tot: None,
        };
        // The whole region if it fits in one batch, else its largest gemeente.
        let mut grootste = (0, None);
        let regio = reeks::kandidaten(&store, door, &verzoek(None), args.datum).await;
        let gemeenten = match &regio {
            Ok(alle) => {
                grootste = (alle.len(), None);
                Vec::new()
            }
            Err(_) => store.lees::<Gemeente>().await.map_err(|e| e.to_string())?,
        };
        for g in gemeenten {
            let code = Some(g.code.as_str().to_string());
            let n = reeks::kandidaten(&store, door, &verzoek(code.clone()), args.datum).await.map_err(fout)?.len();
            if n > grootste.0 {
                grootste = (n, code);
            }
        }
        let r = verzoek(grootste.1.clone());
        let t0 = Instant::now();
        let voorstel = reeks::stel_op(&store, door, &r, args.datum).await.map_err(fout)?;
        let t1 = Instant::now();
        let (id, n, overgeslagen) = (voorstel.reeks.clone(), voorstel.opgesteld.len(), voorstel.overgeslagen.len());
        let sjablonen = store.sjablonen().await.map_err(|e| e.to_string())?;
        let gezet = brieven::zet(&sjablonen, voorstel.opgesteld, &leerspoor_web::brief_zetter).map_err(fout)?;
        let t2 = Instant::now();
        reeks::leg_vast(&store, door, gezet).await.map_err(fout)?;
        let t3 = Instant::now();
        if n == 0 {
            return Err("de demoregio heeft op deze datum geen oud-VSV'ers".into());
        }
        let stukken = reeks::stukken(&store, door, &id).await.map_err(fout)?;
        let t4 = Instant::now();
        let bundelaar = |pdfs: &[&[u8]]| leerspoor_publicatie::brief::bundel(pdfs, true).map_err(|e| e.to_string());
        let afdruk = stukken.afdruk(&bundelaar).map_err(fout)?;
        let t5 = Instant::now();
        store.sluit().await;
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let mut uit = format!(
            "Reeks zomeractie op een demoregio van schaal {} (gemaakt in {:.1} s), {}, {}\n",
            args.scale,
            gemaakt.as_secs_f64(),
            grootste.1.map_or("de hele regio".to_string(), |g| format!("gemeente {g}")),
            args.datum
        );
        uit += &format!("  jongeren                        {:>9}   (overgeslagen: {overgeslagen})\n", grootste.0);
        uit += &format!("  brieven                         {n:>9}\n");
        for (naam, d) in [
            ("opstellen (dossiers, velden), ms", t1 - t0),
            ("zetten (typst, PDF/A), ms", t2 - t1),
            ("bewaren (één transactie), ms", t3 - t2),
            ("PDF's lezen, ms", t4 - t3),
            ("afdrukbestand + verzendlijst, ms", t5 - t4),
        ] {
            uit += &format!("  {naam:<32}{:>9.0}\n", ms(d));
        }
        uit += &format!("  per brief, van dossier tot bewaard, ms {:>6.1}\n", ms(t3 - t0) / n as f64);
        uit += &format!(
            "  afdrukbestand                   {:>9} kB ({} kB per brief)\n",
            afdruk.pdf.len() / 1024,
            afdruk.pdf.len() / 1024 / n
        );
        uit += &format!("\npiekgeheugen van het proces: {}\n", piekgeheugen());
        Ok(uit)
    });
    crate::rapporteer(resultaat, |_| true)
}
