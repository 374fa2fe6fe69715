//! `leerspoor reeks`: a batch of letters (docs/brieven.md "Reeksen") — the zomeractie letter to the
//! oud-VSV-ers, the announcement of vrijstellingen that end — each stored with its dossier, and the
//! print file and mail list of a batch.
use crate::blokkeer;
use leerspoor_casework::brieven::reeks::{self, Reeksverzoek};
use leerspoor_casework::brieven::zet;
use leerspoor_casework::{Fout, medewerker};
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::datum::parse_datum;
use leerspoor_domain::rules::brief::BriefSoort;
use leerspoor_store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(
    override_usage = "leerspoor reeks --soort SOORT [--datum D] [--gemeente CODE] [--einde-tot D] [--proef] --als MEDEWERKER [--pdf PAD --csv PAD]\n       leerspoor reeks --afdruk REEKS --pdf PAD --csv PAD --als MEDEWERKER\n       leerspoor reeks --lijst --als MEDEWERKER"
)]
pub struct ReeksArgs {
    /// zomeractie (oud-VSV'ers op de datum) of einde_vrijstelling (vrijstellingen die aflopen)
    #[arg(long, value_parser = |s: &str| BriefSoort::parse_code(s), required_unless_present_any = ["afdruk", "lijst"])]
    soort: Option<BriefSoort>,
    /// Datum van de brieven (standaard vandaag; niet vooruit)
    #[arg(long, value_name = "JJJJ-MM-DD", value_parser = parse_datum)]
    datum: Option<Datum>,
    /// Alleen jongeren die op de datum in deze gemeente wonen (gemeentecode, bijv. GM0363)
    #[arg(long, value_name = "CODE")]
    gemeente: Option<String>,
    /// Einde vrijstelling: vrijstellingen waarvan de laatste dag vanaf de datum tot en met deze dag valt
    #[arg(long, value_name = "JJJJ-MM-DD", value_parser = parse_datum)]
    einde_tot: Option<Datum>,
    /// Toon alleen hoeveel brieven het worden en wie overgeslagen wordt; niets vastgelegd
    #[arg(long, conflicts_with_all = ["afdruk", "lijst"])]
    proef: bool,
    /// Het afdrukbestand en de verzendlijst van een eerder gemaakte reeks
    #[arg(long, value_name = "REEKS", conflicts_with_all = ["soort", "lijst"], requires_all = ["pdf", "csv"])]
    afdruk: Option<String>,
    /// Toon de gemaakte reeksen
    #[arg(long, conflicts_with = "soort")]
    lijst: bool,
    /// Schrijf het afdrukbestand (alle brieven in één PDF, op postcode) hierheen
    #[arg(long, value_name = "PAD", requires = "csv")]
    pdf: Option<PathBuf>,
    /// Schrijf de verzendlijst (CSV, ;) hierheen
    #[arg(long, value_name = "PAD", requires = "pdf")]
    csv: Option<PathBuf>,
    /// Afdrukken op beide zijden: elke brief begint op een eigen vel
    #[arg(long)]
    dubbelzijdig: bool,
    /// Id van de medewerker namens wie de reeks wordt gemaakt (audit trail, bevoegdheid)
    #[arg(long, env = "LEERSPOOR_MEDEWERKER", hide_env_values = true, value_name = "MEDEWERKER")]
    als: String,
}

#[derive(Debug, thiserror::Error)]
enum ReeksFout {
    #[error(transparent)]
    Casework(#[from] Fout),
    #[error(transparent)]
    Store(#[from] leerspoor_store::StoreFout),
    #[error("{0}")]
    Bestand(String),
}

pub fn run(args: ReeksArgs, database: &str) -> ExitCode {
    let resultaat = blokkeer(async {
        let store = Store::open_bestaand(database).await?;
        let uit = match (&args.afdruk, args.lijst) {
            (Some(id), _) => afdruk(&store, &args, id).await,
            (None, true) => lijst(&store, &args.als).await,
            (None, false) => maak(&store, &args).await,
        };
        store.sluit().await;
        uit
    });
    crate::rapporteer(resultaat, |e| matches!(e, ReeksFout::Store(_) | ReeksFout::Casework(Fout::Store(_))))
}

async fn maak(store: &Store, args: &ReeksArgs) -> Result<String, ReeksFout> {
    let door = medewerker(store, &args.als).await?;
    let vandaag = chrono::Local::now().date_naive();
    let verzoek = Reeksverzoek {
        soort: args.soort.expect("clap eist --soort zonder --afdruk of --lijst"),
        datum: args.datum.unwrap_or(vandaag),
        gemeente: args.gemeente.clone(),
        einde_tot: args.einde_tot,
    };
    let voorstel = reeks::stel_op(store, &door, &verzoek, vandaag).await?;
    let mut t = String::new();
    for o in &voorstel.overgeslagen {
        t += &format!("  overgeslagen: jongere {}: {}\n", o.kandidaat.jongere, o.reden);
    }
    let n = voorstel.opgesteld.len();
    if args.proef || n == 0 {
        let wat = if args.proef { "Proef, niets vastgelegd" } else { "Geen brieven" };
        return Ok(format!("{wat}: {n} brieven, {} jongeren overgeslagen\n{t}", voorstel.overgeslagen.len()));
    }
    let gezet = zet(&store.sjablonen().await?, voorstel.opgesteld, &leerspoor_web::brief_zetter)?;
    let n = reeks::leg_vast(store, &door, gezet).await?.len();
    t = format!(
        "Reeks {}: {n} brieven opgemaakt en elk bij het dossier bewaard, {} jongeren overgeslagen\n{t}",
        voorstel.reeks,
        voorstel.overgeslagen.len()
    );
    if args.pdf.is_some() {
        t += &afdruk(store, args, &voorstel.reeks).await?;
    }
    Ok(t)
}

async fn afdruk(store: &Store, args: &ReeksArgs, id: &str) -> Result<String, ReeksFout> {
    let door = medewerker(store, &args.als).await?;
    let dubbelzijdig = args.dubbelzijdig;
    let bundelaar =
        move |pdfs: &[&[u8]]| leerspoor_publicatie::brief::bundel(pdfs, dubbelzijdig).map_err(|e| e.to_string());
    let a = reeks::stukken(store, &door, id).await?.afdruk(&bundelaar)?;
    let (pdf, csv) = (args.pdf.as_ref().expect("clap eist --pdf"), args.csv.as_ref().expect("clap eist --csv"));
    crate::schrijf_heel(pdf, &a.pdf).map_err(ReeksFout::Bestand)?;
    crate::schrijf_heel(csv, &a.csv).map_err(ReeksFout::Bestand)?;
    Ok(format!(
        "Afdrukbestand {} ({} brieven, {} bytes) en verzendlijst {} geschreven\n",
        pdf.display(),
        a.brieven,
        a.pdf.len(),
        csv.display()
    ))
}

async fn lijst(store: &Store, als: &str) -> Result<String, ReeksFout> {
    medewerker(store, als).await?;
    let mut t = format!("{:<16} {:<10} {:<24} {:<14} {}\n", "reeks", "datum", "soort", "door", "brieven");
    for r in reeks::reeksen(store).await? {
        t += &format!("{:<16} {:<10} {:<24} {:<14} {}\n", r.id, r.datum, r.soort.label(), r.auteur, r.brieven);
    }
    Ok(t)
}
