//! `leerspoor archief`: what the archive decision says may be destroyed, and its destruction on a
//! teamleider's approval (docs/beheer.md, "Bewaren en vernietigen").
use crate::{blokkeer, gebruiker};
use leerspoor_casework::archief::{self, Selectie};
use leerspoor_domain::datum::parse_datum;
use leerspoor_domain::rules::bewaren::Bewaartermijnen;
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_store::Store;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(
    override_usage = "leerspoor archief [--peildatum JJJJ-MM-DD] [--vernietig KENMERK --goedgekeurd-door MEDEWERKER] [--lijst]"
)]
pub struct ArchiefArgs {
    /// De dag waarop de bewaartermijnen worden getoetst (standaard vandaag)
    #[arg(long, value_name = "JJJJ-MM-DD", value_parser = parse_datum)]
    peildatum: Option<Datum>,
    /// Bewaartermijn van het leerplichtdeel in jaren na de geboortedatum (selectielijst 12.1.3)
    #[arg(long, env = "LEERSPOOR_BEWAAR_LEERPLICHT_JAREN", default_value_t = 19,
          value_parser = clap::value_parser!(u32).range(19..=100))]
    leerplicht_jaren: u32,
    /// Bewaartermijn van het RMC-deel in jaren na de startkwalificatie of de 23ste verjaardag
    /// (selectielijst 12.1.4)
    #[arg(long, env = "LEERSPOOR_BEWAAR_RMC_JAREN", default_value_t = 2,
          value_parser = clap::value_parser!(u32).range(2..=100))]
    rmc_jaren: u32,
    /// Vernietig wat op de lijst met dit kenmerk staat (eerst zonder deze optie tonen en laten goedkeuren)
    #[arg(long, value_name = "KENMERK", requires = "goedgekeurd_door")]
    vernietig: Option<String>,
    /// Id van de teamleider die de vernietigingslijst goedkeurde
    #[arg(long, value_name = "MEDEWERKER", requires = "vernietig")]
    goedgekeurd_door: Option<String>,
    /// Toon de vernietigingslijst: wat eerder is vernietigd
    #[arg(long, conflicts_with = "vernietig")]
    lijst: bool,
}

#[derive(Debug, thiserror::Error)]
enum ArchiefFout {
    #[error(transparent)]
    Casework(#[from] leerspoor_casework::Fout),
    #[error(transparent)]
    Rapport(#[from] leerspoor_report::Fout),
    #[error(transparent)]
    Store(#[from] leerspoor_store::StoreFout),
}

pub fn run(args: ArchiefArgs, database: &str) -> ExitCode {
    let resultaat = blokkeer(async {
        let store = Store::open_bestaand(database).await?;
        let uit = if args.lijst { lijst(&store).await } else { toon_of_vernietig(&store, &args).await };
        store.sluit().await;
        uit
    });
    crate::rapporteer(resultaat, |e| {
        matches!(
            e,
            ArchiefFout::Store(_)
                | ArchiefFout::Casework(leerspoor_casework::Fout::Store(_))
                | ArchiefFout::Rapport(leerspoor_report::Fout::Store(_))
        )
    })
}

async fn toon_of_vernietig(store: &Store, args: &ArchiefArgs) -> Result<String, ArchiefFout> {
    let peildatum = args.peildatum.unwrap_or_else(|| chrono::Local::now().date_naive());
    let termijnen = Bewaartermijnen { leerplicht_jaren: args.leerplicht_jaren, rmc_jaren: args.rmc_jaren };
    let selectie = archief::selecteer(store, peildatum, termijnen).await?;
    let (Some(kenmerk), Some(teamleider)) = (&args.vernietig, &args.goedgekeurd_door) else {
        store
            .log(&gebruiker(), "archief getoond", &format!("vernietigingslijst {}", selectie.kenmerk()), "gelukt", None)
            .await?;
        return Ok(toon(&selectie));
    };
    // Refused before anything is made final: a peildatum ahead, the approver, the list approved.
    archief::toets_peildatum(peildatum)?;
    archief::goedkeurder(store, teamleider).await?;
    selectie.toets_kenmerk(kenmerk)?;
    // The completed years the records counted in keep their tables first: the counts stay.
    let mut t = String::new();
    if let Some((van, tot)) = selectie.vast_te_stellen() {
        let jaren = leerspoor_report::vastgesteld::stel_vast(store, van, tot).await?;
        if let (Some(a), Some(b)) = (jaren.first(), jaren.last()) {
            t += &format!("Rapportages vastgesteld: {a} t/m {b}\n");
        }
    }
    let regels = archief::vernietig(store, peildatum, termijnen, kenmerk, teamleider, &gebruiker()).await?;
    t += &format!("Vernietigd (kenmerk {kenmerk}, goedgekeurd door {teamleider}):\n");
    for r in &regels {
        t += &format!("  {:<10} {:>6} dossiers {:>8} records  ({})\n", r.deel, r.dossiers, r.records, r.tabellen);
    }
    Ok(t)
}

fn toon(s: &Selectie) -> String {
    let mut t = format!(
        "Te vernietigen op {} (bewaartermijnen: leerplicht {} jaar na geboorte, RMC {} jaar na startkwalificatie of 23ste verjaardag)\n",
        s.peildatum, s.termijnen.leerplicht_jaren, s.termijnen.rmc_jaren
    );
    let overzicht = s.overzicht();
    if overzicht.is_empty() {
        t += "  niets\n";
    }
    for o in &overzicht {
        let periode = o.periode.map(|(a, b)| format!("{a} t/m {b}")).unwrap_or_default();
        t += &format!("  {:<10} {:>6} dossiers {:>8} records  {periode}\n", o.deel.code(), o.dossiers, o.records());
        t += &format!("             {}\n", o.tabellen());
        t += &format!("             grond: {}\n", o.deel.grondslag(&s.termijnen));
    }
    if !s.aangehouden.is_empty() {
        t += "Aangehouden (termijn verstreken, maar nog lopend):\n";
        for (waarom, n) in &s.aangehouden {
            t += &format!("  {waarom:<44} {n:>6}\n");
        }
    }
    if !overzicht.is_empty() {
        t += &format!(
            "Kenmerk {}. Na goedkeuring door een teamleider:\n  leerspoor archief --peildatum {} --vernietig {} --goedgekeurd-door MEDEWERKER\n",
            s.kenmerk(),
            s.peildatum,
            s.kenmerk()
        );
    }
    t
}

async fn lijst(store: &Store) -> Result<String, ArchiefFout> {
    let regels = store.vernietigingen().await?;
    let mut t = String::from("Vernietigingslijst\n");
    if regels.is_empty() {
        t += "  nog niets vernietigd\n";
    }
    for r in &regels {
        let periode = r.periode.map(|(a, b)| format!("{a} t/m {b}")).unwrap_or_default();
        t += &format!(
            "  {} peildatum {}  {:<10} {:>6} dossiers {:>8} records  {periode}\n    {}\n    grond: {}\n    goedgekeurd door {}, uitgevoerd door {}, kenmerk {}\n",
            r.tijdstip.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M"),
            r.peildatum,
            r.deel,
            r.dossiers,
            r.records,
            r.tabellen,
            r.grondslag,
            r.goedgekeurd_door,
            r.uitgevoerd_door,
            r.kenmerk
        );
    }
    let jaren = store.vastgestelde_jaren().await?;
    if let (Some(a), Some(b)) = (jaren.first(), jaren.last()) {
        t += &format!(
            "Vastgestelde rapportages: {} t/m {}\n",
            SchoolJaar::beginnend_in(*a),
            SchoolJaar::beginnend_in(*b)
        );
    }
    Ok(t)
}
