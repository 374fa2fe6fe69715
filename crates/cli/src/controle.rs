//! `leerspoor controle …`: the office's periodic runs over the register.
use crate::blokkeer;
use leerspoor_casework::{Fout, absoluut, medewerker, thuiszitters};
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::codes::Code;
use leerspoor_domain::datum::parse_datum;
use leerspoor_store::Store;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(override_usage = "leerspoor controle <CONTROLE> --peildatum JJJJ-MM-DD --als MEDEWERKER")]
pub struct ControleArgs {
    #[command(subcommand)]
    soort: Soort,
}

#[derive(Debug, clap::Subcommand)]
enum Soort {
    /// Vergelijk alle leer- en kwalificatieplichtigen met inschrijvingen en vrijstellingen;
    /// open zaken voor nieuw absoluut verzuim en sluit opgeloste
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(override_usage = "leerspoor controle absoluut-verzuim --peildatum JJJJ-MM-DD --als MEDEWERKER")]
    AbsoluutVerzuim(Gemeen),
    /// Signaleer thuiszitters (4 weken of langer niet op school, vakanties niet meegeteld) en toon
    /// wie na 3 maanden nog geen passend aanbod heeft
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(override_usage = "leerspoor controle thuiszitters --peildatum JJJJ-MM-DD --als MEDEWERKER")]
    Thuiszitters(Gemeen),
    /// Ga na of het register heel is (na een crash, een herstel of een grote wijziging): verwijzingen,
    /// perioden, zaken en meldingen; toont de rijen per tabel. Exit 3 als er iets niet klopt
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(override_usage = "leerspoor controle integriteit")]
    Integriteit,
}

#[derive(Debug, clap::Args)]
struct Gemeen {
    /// De dag waarop gecontroleerd wordt
    #[arg(long, value_name = "JJJJ-MM-DD", value_parser = parse_datum)]
    peildatum: Datum,
    /// Id van de medewerker namens wie de controle loopt (audit trail, bevoegdheid)
    #[arg(long, env = "LEERSPOOR_MEDEWERKER", hide_env_values = true, value_name = "MEDEWERKER")]
    als: String,
}

pub fn run(args: ControleArgs, database: &str) -> ExitCode {
    if matches!(args.soort, Soort::Integriteit) {
        return integriteit(database);
    }
    let resultaat: Result<String, Fout> = blokkeer(async {
        let store = Store::open_bestaand(database).await?;
        let uit = match &args.soort {
            Soort::AbsoluutVerzuim(g) => absoluut_verzuim(&store, g).await,
            Soort::Thuiszitters(g) => thuiszitters(&store, g).await,
            Soort::Integriteit => unreachable!("hierboven afgehandeld"),
        };
        store.sluit().await;
        uit
    });
    crate::rapporteer(resultaat, |e| matches!(e, Fout::Store(_)))
}

async fn absoluut_verzuim(store: &Store, g: &Gemeen) -> Result<String, Fout> {
    let door = medewerker(store, &g.als).await?;
    let u = absoluut::controleer(store, &door, g.peildatum).await?;
    let redenen: Vec<Code> = store.lees_waar("lijst", "zaak_reden_sluiting").await?;
    let label =
        |code: &str| redenen.iter().find(|c| c.code == code).map_or(code.to_string(), |c| c.omschrijving.clone());
    let verzuim = u.nieuw.len() + u.al_open;
    let mut t = format!("Controle absoluut verzuim op {}\n", u.peildatum);
    t += &format!("  niet ingeschreven, leerplichtige leeftijd, in de regio  {:>7}\n", u.niet_ingeschreven);
    t += &format!("    geen leer- of kwalificatieplicht                     {:>7}\n", u.niet_plichtig);
    t += &format!("    lopende vrijstelling                                 {:>7}\n", u.met_vrijstelling);
    t += &format!("    absoluut verzuim                                     {:>7}\n", verzuim);
    t += &format!("      nieuwe zaak geopend                                {:>7}\n", u.nieuw.len());
    t += &format!("      zaak was al open                                   {:>7}\n", u.al_open);
    t += &format!(
        "  opgeloste zaken gesloten                               {:>7}\n",
        u.gesloten.values().sum::<usize>()
    );
    for (reden, n) in &u.gesloten {
        t += &format!("    {:<52} {n:>7}\n", label(reden));
    }
    if !u.onjuiste_gegevens.is_empty() {
        t += &format!("  niet beoordeeld: gegevens in tegenspraak               {:>7}\n", u.onjuiste_gegevens.len());
        for (jongere, fout) in &u.onjuiste_gegevens {
            t += &format!("    jongere {jongere}: {fout}\n");
        }
    }
    Ok(t)
}

async fn thuiszitters(store: &Store, g: &Gemeen) -> Result<String, Fout> {
    let door = medewerker(store, &g.als).await?;
    let s = thuiszitters::signaleer(store, &door, g.peildatum).await?;
    let lopend = thuiszitters::overzicht(store, g.peildatum).await?;
    let signalen = thuiszitters::signaallijst(store, g.peildatum).await?;
    let mut t = format!("Thuiszitters op {}\n", g.peildatum);
    t += &format!("  nieuw gesignaleerd                               {:>6}\n", s.geopend);
    t += &format!("  thuiszitters op de peildatum                     {:>6}\n", lopend.len());
    t += &format!(
        "    langer dan 3 maanden                           {:>6}\n",
        lopend.iter().filter(|l| l.langer_dan_drie_maanden).count()
    );
    t += &format!("  zonder passend aanbod binnen 3 maanden (signaal) {:>6}\n", signalen.len());
    for st in &signalen {
        let p = &st.periode;
        t += &format!("    jongere {:<12} sinds {}  {}\n", p.jongere, p.begindatum, p.soort.label().to_lowercase());
    }
    Ok(t)
}

/// The integrity report: rows per table, then every finding; exit 3 when something is wrong.
fn integriteit(database: &str) -> ExitCode {
    use leerspoor_store::integriteit;
    let resultaat = blokkeer(async {
        let store = Store::open_bestaand(database).await?;
        let tellingen = integriteit::tellingen(&store).await?;
        let bevindingen = integriteit::controleer(&store).await?;
        store.sluit().await;
        Ok::<_, leerspoor_store::StoreFout>((tellingen, bevindingen))
    });
    let (tellingen, bevindingen) = match resultaat {
        Ok(x) => x,
        Err(e) => {
            eprintln!("fout: {e}");
            return ExitCode::from(1);
        }
    };
    let mut t = String::from("Rijen per tabel:\n");
    for (tabel, n) in &tellingen {
        t += &format!("  {tabel:<24} {n:>10}\n");
    }
    if bevindingen.is_empty() {
        println!("{t}Geen bevindingen: het register is heel.");
        return ExitCode::SUCCESS;
    }
    t += &format!("{} bevinding(en):\n", bevindingen.len());
    for b in &bevindingen {
        let meer = if b.aantal > b.voorbeelden.len() { ", …" } else { "" };
        t += &format!("  {} ({}): {}{meer}\n", b.wat, b.aantal, b.voorbeelden.join(", "));
    }
    print!("{t}");
    ExitCode::from(3)
}
