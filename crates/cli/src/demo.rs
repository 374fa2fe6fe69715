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
#[command(
    override_usage = "leerspoor demo [--seed N] [--scale N] [--export MAP | --alleen-maken] [--tweestaps] [--adres 127.0.0.1:8080] [--database-url URL]"
)]
pub struct DemoArgs {
    /// Startwaarde van de toevalsgenerator: dezelfde waarde geeft dezelfde regio
    #[arg(long, default_value_t = 2021)]
    seed: u64,
    /// Vermenigvuldig de bevolking (65 ≈ landelijke omvang, 3,5 miljoen jongeren)
    #[arg(long, default_value_t = 1.0)]
    scale: f64,
    /// Schrijf de regio als uitwisselbundel naar deze map in plaats van in de database
    #[arg(long, value_name = "MAP", conflicts_with = "alleen_maken")]
    export: Option<PathBuf>,
    /// Maak de regio in de database en stop; zonder deze optie start daarna de webapplicatie
    #[arg(long)]
    alleen_maken: bool,
    /// Vraag ook in de demo de tweede stap (TOTP) van wie persoonsgegevens kan openen
    #[arg(long)]
    tweestaps: bool,
    #[command(flatten)]
    server: crate::serve::ServeArgs,
}

/// The demo's today: the demo region's records end on 31 July 2021, so the werkvoorraad of the
/// demo is that of a day in its last schooljaar.
const DEMO_VANDAAG: leerspoor_domain::Datum = chrono::NaiveDate::from_ymd_opt(2021, 6, 15).expect("geldige datum");

pub fn run(args: DemoArgs, database: &str) -> ExitCode {
    if !(args.scale > 0.0 && args.scale <= 200.0) {
        eprintln!("fout: --scale: {} ligt niet tussen 0 en 200", args.scale);
        return ExitCode::from(2);
    }
    let start = Instant::now();
    if let Some(map) = &args.export {
        let dataset = leerspoor_demo::genereer(&DemoOpties { seed: args.seed, scale: args.scale });
        let overzicht = overzicht(&dataset);
        return match leerspoor_ingest::schrijf_bundel(&dataset, map)
            .and_then(|n| Ok((n, schrijf_leveringen(&dataset, map)?)))
        {
            Ok((n, leveringen)) => {
                println!("{overzicht}");
                println!("voorbeeldleveringen van DUO: {}", leveringen.display());
                println!(
                    "{n} rijen geschreven naar {}; klaar in {:.1} s",
                    map.display(),
                    start.elapsed().as_secs_f64()
                );
                ExitCode::SUCCESS
            }
            Err(e) => meld_fout(&e),
        };
    }
    blokkeer(async {
        let store = match Store::open(database).await {
            Ok(s) => s,
            Err(e) => return meld_fout(&IngestFout::Store(e)),
        };
        match demo_database(&store).await {
            Ok(Demo::Leeg) => {
                let dataset = leerspoor_demo::genereer(&DemoOpties { seed: args.seed, scale: args.scale });
                eprintln!("Demoregio gemaakt in {:.1} s", start.elapsed().as_secs_f64());
                println!("{}", overzicht(&dataset));
                let opties = ImportOpties { dry_run: false, gebruiker: gebruiker() };
                let bron = format!("demo --seed {} --scale {}", args.seed, args.scale);
                match leerspoor_ingest::importeer_dataset(&store, dataset, &bron, &opties).await {
                    Ok(s) => println!(
                        "{s} in {} ({}); klaar in {:.1} s",
                        store.soort(),
                        leerspoor_store::zonder_wachtwoord(database),
                        start.elapsed().as_secs_f64()
                    ),
                    Err(e) => return meld_fout(&e),
                }
                if let Err(e) = store.zet_systeem(GEMAAKT_DOOR, "leerspoor demo").await {
                    return meld_fout(&IngestFout::Store(e));
                }
            }
            Ok(Demo::Eigen) => println!(
                "De database {} bevat al een demoregio; die wordt gebruikt.",
                leerspoor_store::zonder_wachtwoord(database)
            ),
            Ok(Demo::Vreemd) => {
                eprintln!(
                    "fout: de database {} is niet door `leerspoor demo` gemaakt (er staat al een regio of een account \
                     in). De demo start daar niet: de demo-accounts hebben een openbaar wachtwoord. Gebruik \
                     `leerspoor serve`, of geef de demo een eigen database met --database-url.",
                    leerspoor_store::zonder_wachtwoord(database)
                );
                return ExitCode::from(2);
            }
            Err(e) => return meld_fout(&IngestFout::Store(e)),
        }
        if args.alleen_maken {
            store.sluit().await;
            return ExitCode::SUCCESS;
        }
        match crate::serve::demo_accounts(&store).await {
            Ok(accounts) => {
                println!("Demo-accounts (wachtwoord voor allemaal: {}):", crate::serve::DEMO_WACHTWOORD);
                for (naam, wie) in accounts {
                    println!("  {naam:<14} {wie}");
                }
            }
            Err(e) => {
                eprintln!("fout: demo-accounts: {e}");
                return ExitCode::from(1);
            }
        }
        let mut server = args.server;
        server.vandaag = Some(server.vandaag.unwrap_or(DEMO_VANDAAG));
        // Without a BRP of its own, the demo has a local one that knows its youths.
        let _brp = match &server.brp.brp_url {
            Some(_) => None,
            None => match lokale_brp(&store).await {
                Ok(brp) => {
                    println!("Lokale BRP (proefserver, toetst het OpenAPI-contract) op {}", brp.url);
                    server.brp.brp_url = Some(brp.url.clone());
                    server.brp.brp_api_key = LOKALE_BRP_SLEUTEL.into();
                    server.brp.brp_per_seconde = 50.0;
                    Some(brp)
                }
                Err(e) => {
                    eprintln!("fout: lokale BRP: {e}");
                    return ExitCode::from(1);
                }
            },
        };
        // Fictional people, a published password: a demo signs in without the second step, unless
        // asked (to try it, or to test its pages in a browser).
        if !args.tweestaps {
            println!(
                "Tweestapsverificatie staat uit in de demo (aanzetten: --tweestaps); `leerspoor serve` vraagt haar altijd."
            );
        }
        crate::serve::start(store, database, &server, args.tweestaps).await
    })
}

const LOKALE_BRP_SLEUTEL: &str = "demo";

/// A local BRP with the demo region's youths (see [`crate::brp::proefpersonen`]), on 127.0.0.1.
async fn lokale_brp(store: &Store) -> Result<leerspoor_brp::proefserver::Proefserver, String> {
    let mut jongeren: Vec<leerspoor_domain::model::Jongere> = store.lees().await.map_err(|e| e.to_string())?;
    jongeren.sort_by(|a, b| a.id.cmp(&b.id));
    let adressen: Vec<leerspoor_domain::model::Woonadres> =
        store.lees_met("WHERE einddatum IS NULL", &[]).await.map_err(|e| e.to_string())?;
    let relaties: Vec<leerspoor_domain::model::Gezinsrelatie> = store.lees().await.map_err(|e| e.to_string())?;
    let ouders: Vec<leerspoor_domain::model::Ouder> = store.lees().await.map_err(|e| e.to_string())?;
    let vandaag = chrono::Local::now().date_naive();
    let personen = crate::brp::proefpersonen(&jongeren, &adressen, &relaties, &ouders, vandaag);
    leerspoor_brp::proefserver::Proefserver::start(personen, LOKALE_BRP_SLEUTEL).await
}

/// The mark `leerspoor demo` leaves in a database it made (table `systeem`).
const GEMAAKT_DOOR: &str = "gemaakt_door";

enum Demo {
    /// No region and no account: the demo may make its region here.
    Leeg,
    /// Made by the demo before.
    Eigen,
    /// Anything else, such as an office's register: the demo must not touch it.
    Vreemd,
}

async fn demo_database(store: &Store) -> Result<Demo, leerspoor_store::StoreFout> {
    if store.systeem(GEMAAKT_DOOR).await?.as_deref() == Some("leerspoor demo") {
        return Ok(Demo::Eigen);
    }
    if store.aantal("regio").await? == 0 && store.aantal("account").await? == 0 {
        return Ok(Demo::Leeg);
    }
    Ok(Demo::Vreemd)
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

/// Example deliveries that fit the region, beside the bundle (`leveringen/`, which the bundle's
/// reader passes by): to try `leerspoor koppeling` on the demo.
fn schrijf_leveringen(ds: &leerspoor_domain::model::Dataset, map: &std::path::Path) -> Result<PathBuf, IngestFout> {
    let uit = map.join("leveringen");
    let io = |bron| IngestFout::Io { pad: uit.display().to_string(), bron };
    std::fs::create_dir_all(&uit).map_err(io)?;
    let (j, m, d) = leerspoor_demo::leveringen::VERZUIMDAG;
    let pad = uit.join(format!("duo-verzuim-{j}-{m:02}-{d:02}.csv"));
    std::fs::write(&pad, leerspoor_demo::leveringen::duo_verzuimmeldingen(ds)).map_err(io)?;
    let (j, w) = leerspoor_demo::leveringen::P_WEEK;
    let pad = uit.join(format!("duo-p-{j}-{w:02}.csv"));
    std::fs::write(&pad, leerspoor_demo::leveringen::duo_p_week(ds, 40)).map_err(io)?;
    let (j, m, d) = leerspoor_demo::leveringen::C_PEILDATUM;
    let peildatum = chrono::NaiveDate::from_ymd_opt(j, m, d).expect("geldige peildatum");
    let pad = uit.join(format!("duo-c-{j}-{m:02}-{d:02}.csv"));
    std::fs::write(&pad, leerspoor_demo::leveringen::duo_c_levering(ds, peildatum)).map_err(io)?;
    let (j, m, d) = leerspoor_demo::leveringen::RIO_DATUM;
    let pad = uit.join(format!("rio-{j}-{m:02}-{d:02}.csv"));
    std::fs::write(&pad, leerspoor_demo::leveringen::rio_export(ds)).map_err(io)?;
    Ok(uit)
}
