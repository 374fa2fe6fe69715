//! `leerspoor koppeling …`: deliveries from DUO and other sources (docs/koppelingen.md).
use crate::blokkeer;
use leerspoor_casework::medewerker;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_koppeling::doorsturen;
use leerspoor_koppeling::duo_c;
use leerspoor_koppeling::duo_p;
use leerspoor_koppeling::duo_terugmelding;
use leerspoor_koppeling::duo_verzuim;
use leerspoor_koppeling::duo_vrijstellingen;
use leerspoor_koppeling::duo_vsv_effect;
use leerspoor_koppeling::levering::Koppeltabel;
use leerspoor_koppeling::logboek::{Aanbod, KoppelFout};
use leerspoor_koppeling::records::{Levering, LeveringFout};
use leerspoor_store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

/// A delivery file larger than this is refused before it is read: DUO's largest, a C-levering of
/// a big region, is tens of megabytes.
const MAX_BESTAND: u64 = 256 * 1024 * 1024;

#[derive(Debug, clap::Args)]
#[command(override_usage = "leerspoor koppeling <KOPPELING> …")]
pub struct KoppelingArgs {
    #[command(subcommand)]
    soort: Soort,
}

#[derive(Debug, clap::Subcommand)]
enum Soort {
    /// Verwerk een levering verzuimmeldingen van DUO (CSV): alles of niets; dezelfde melding
    /// opnieuw verandert niets
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(override_usage = "leerspoor koppeling duo-verzuim PAD --als MEDEWERKER [--dry-run]")]
    DuoVerzuim(Aanlevering),
    /// Werk de scholen bij uit een export van RIO (DUO): nieuwe vestigingen erbij, naam, plaats en
    /// gemeente bijgewerkt, gesloten vestigingen genoemd; alles of niets
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(override_usage = "leerspoor koppeling rio PAD --als MEDEWERKER [--dry-run] [--koppeltabel PAD.toml]")]
    Rio(Aanlevering),
    /// Verwerk een week van DUO's P-levering (mutaties, CSV): alles of niets, weken op volgorde
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(override_usage = "leerspoor koppeling duo-p PAD --als MEDEWERKER [--week JJJJ-WW] [--dry-run]")]
    DuoP(PLevering),
    /// Vergelijk DUO's C-levering (iedereen op een peildatum) met het register: wie ingeschreven
    /// moet zijn maar bij DUO nergens staat, en elk ander verschil; het register verandert niet
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(
        override_usage = "leerspoor koppeling duo-c PAD --als MEDEWERKER [--peildatum DATUM] [--uit PAD] [--dry-run]"
    )]
    DuoC(CLevering),
    /// Vergelijk jongeren met de BRP (Haal Centraal BRP Personen bevragen): adres, overlijden,
    /// geboortedatum, naam; het register verandert niet, wie de BRP bevestigt gaat van de BRP-lijst
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(
        override_usage = "leerspoor koppeling brp (--jongere ID | --lijst | --alle [--vanaf ID]) --als MEDEWERKER --brp-url URL [--brp-per-seconde N]"
    )]
    Brp(BrpArgs),
    /// Maak de terugmelding aan DUO als bestand: wat sinds de vorige verzending veranderde;
    /// bevestig daarna de ontvangst
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(
        override_usage = "leerspoor koppeling duo-terugmelding (--uit PAD [--opnieuw VERZENDING] | --bevestig VERZENDING) --als MEDEWERKER [--dry-run]"
    )]
    DuoTerugmelding(Verzenden),
    /// Maak de vrijstellingen en vervangende leerplicht voor DUO's register als bestand: wat sinds
    /// de vorige verzending toegekend, gewijzigd of ingetrokken is; bevestig daarna de ontvangst
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(
        override_usage = "leerspoor koppeling duo-vrijstellingen (--uit PAD [--opnieuw VERZENDING] | --bevestig VERZENDING) --als MEDEWERKER [--dry-run]"
    )]
    DuoVrijstellingen(Verzenden),
    /// Stuur de meldingen over jongeren die buiten de regio wonen door naar hun woongemeente (een
    /// lijst per gemeente met DUO's meldingnummer en de melder); bevestig daarna de ontvangst
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(
        override_usage = "leerspoor koppeling doorsturen (--uit PAD [--opnieuw VERZENDING] | --bevestig VERZENDING) --als MEDEWERKER [--dry-run]"
    )]
    Doorsturen(Verzenden),
    /// Maak de VSV-effectrapportage voor DUO: per VSV-er van een afgelopen schooljaar (BSN) of er
    /// contact was en wat de inzet van het RMC opleverde; geweigerd zolang een VSV-er geen resultaat heeft
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(
        override_usage = "leerspoor koppeling vsv-effect --jaar JJJJ-JJJJ (--uit PAD [--onvolledig] | --controle) --als MEDEWERKER"
    )]
    VsvEffect(VsvEffectArgs),
    /// Het leveringslogboek: de laatste leveringen, of de fouten van één geweigerde levering
    #[command(help_template = crate::OPDRACHT_SJABLOON, next_help_heading = "Opties")]
    #[command(override_usage = "leerspoor koppeling leveringen [--aantal N] [--levering ID]")]
    Leveringen(Logboek),
}

#[derive(Debug, clap::Args)]
struct Aanlevering {
    /// Het leveringsbestand (CSV, ';' of ',', UTF-8 of Windows-1252)
    #[arg(value_name = "PAD")]
    pad: PathBuf,
    /// Id van de medewerker namens wie de levering verwerkt wordt (audit trail, bevoegdheid)
    #[arg(long, env = "LEERSPOOR_MEDEWERKER", hide_env_values = true, value_name = "MEDEWERKER")]
    als: String,
    /// Een eigen koppeltabel (TOML) in plaats van de meegeleverde
    #[arg(long, value_name = "PAD")]
    koppeltabel: Option<PathBuf>,
    /// Laat zien wat de levering zou doen, zonder iets vast te leggen
    #[arg(long)]
    dry_run: bool,
}

#[derive(Debug, clap::Args)]
struct PLevering {
    #[command(flatten)]
    levering: Aanlevering,
    /// De week van de levering (jjjj-ww): nodig voor een week zonder mutaties, anders gecontroleerd
    #[arg(long, value_name = "JJJJ-WW", value_parser = duo_p::Week::lees)]
    week: Option<duo_p::Week>,
}

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("wie").required(true).args(["jongere", "lijst", "alle"]))]
struct BrpArgs {
    /// Eén jongere (id in het register)
    #[arg(long, value_name = "ID")]
    jongere: Option<String>,
    /// De jongeren op de BRP-lijst (nieuw uit een levering, of een geboortedatum die niet klopte)
    #[arg(long)]
    lijst: bool,
    /// Alle jongeren in het register
    #[arg(long)]
    alle: bool,
    /// Met --alle: ga verder vanaf deze jongere (na een onderbreking; de melding noemt haar)
    #[arg(long, value_name = "ID", requires = "alle")]
    vanaf: Option<String>,
    /// Id van de medewerker namens wie (toegangslog, bevoegdheid)
    #[arg(long, env = "LEERSPOOR_MEDEWERKER", hide_env_values = true, value_name = "MEDEWERKER")]
    als: String,
    #[command(flatten)]
    verbinding: crate::brp::BrpVerbinding,
}

#[derive(Debug, clap::Args)]
struct CLevering {
    #[command(flatten)]
    levering: Aanlevering,
    /// De peildatum (jjjj-mm-dd of dd-mm-jjjj): nodig als het bestand haar niet noemt
    #[arg(long, value_name = "DATUM", value_parser = leerspoor_koppeling::levering::lees_datum)]
    peildatum: Option<leerspoor_domain::Datum>,
    /// Schrijf de verschillen naar dit bestand (CSV, ';', UTF-8; id's van het register, geen BSN)
    #[arg(long, value_name = "PAD")]
    uit: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("wat").required(true).args(["uit", "bevestig"]))]
struct Verzenden {
    /// Schrijf de nieuwe verzending naar dit bestand (CSV, ';', UTF-8)
    #[arg(long, value_name = "PAD")]
    uit: Option<PathBuf>,
    /// Met --uit: schrijf deze (al gemaakte) verzending opnieuw, bijvoorbeeld als het bestand verloren ging
    #[arg(long, value_name = "VERZENDING", requires = "uit", conflicts_with = "dry_run")]
    opnieuw: Option<String>,
    /// DUO heeft deze verzending ontvangen: wat erin stond telt als verzonden
    #[arg(long, value_name = "VERZENDING", conflicts_with = "dry_run")]
    bevestig: Option<String>,
    /// Id van de medewerker namens wie (audit trail, bevoegdheid)
    #[arg(long, env = "LEERSPOOR_MEDEWERKER", hide_env_values = true, value_name = "MEDEWERKER")]
    als: String,
    /// Laat zien wat er verzonden zou worden, zonder iets vast te leggen of te schrijven
    #[arg(long)]
    dry_run: bool,
}

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("wat").required(true).args(["uit", "controle"]))]
struct VsvEffectArgs {
    /// Het (afgelopen) schooljaar van de VSV-ers, bijv. 2020-2021
    #[arg(long, value_name = "JJJJ-JJJJ", value_parser = leerspoor_domain::SchoolJaar::parse)]
    jaar: leerspoor_domain::SchoolJaar,
    /// Schrijf het bestand voor DUO naar dit pad (CSV, ';', UTF-8; met BSN's: alleen hierheen)
    #[arg(long, value_name = "PAD")]
    uit: Option<PathBuf>,
    /// Met --uit: maak het bestand ook als niet elke VSV-er een resultaat heeft
    #[arg(long, requires = "uit")]
    onvolledig: bool,
    /// Noem alleen de VSV-ers zonder resultaat (id's van VSV-meldingen); schrijft niets
    #[arg(long)]
    controle: bool,
    /// Id van de medewerker namens wie (toegangslog, bevoegdheid)
    #[arg(long, env = "LEERSPOOR_MEDEWERKER", hide_env_values = true, value_name = "MEDEWERKER")]
    als: String,
}

#[derive(Debug, clap::Args)]
struct Logboek {
    /// Hoeveel van de laatste leveringen
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u16).range(1..))]
    aantal: u16,
    /// Toon één levering met haar samenvatting of fouten
    #[arg(long, value_name = "ID")]
    levering: Option<String>,
}

#[derive(Debug, thiserror::Error)]
enum Fout {
    #[error("{0}")]
    Koppeling(#[from] KoppelFout),
    #[error(transparent)]
    Casework(#[from] leerspoor_casework::Fout),
    #[error(transparent)]
    Store(#[from] leerspoor_store::StoreFout),
    #[error("{0}")]
    Invoer(String),
    /// A run that did part of its work: the report of that part, and why it stopped.
    #[error("{fout}")]
    Onderbroken { verslag: String, fout: String },
}

pub fn run(args: KoppelingArgs, database: &str) -> ExitCode {
    let resultaat: Result<String, Fout> = blokkeer(async {
        let store = Store::open_bestaand(database).await?;
        let uit = match &args.soort {
            Soort::DuoVerzuim(a) => lever(&store, a, Bron::DuoVerzuim).await,
            Soort::Rio(a) => lever(&store, a, Bron::Rio).await,
            Soort::DuoP(p) => lever(&store, &p.levering, Bron::DuoP(p.week)).await,
            Soort::DuoC(c) => duo_c(&store, c).await,
            Soort::Brp(b) => brp(&store, b).await,
            Soort::DuoTerugmelding(t) => verzenden(&store, t, Naar::Terugmelding).await,
            Soort::DuoVrijstellingen(v) => verzenden(&store, v, Naar::Vrijstellingen).await,
            Soort::Doorsturen(v) => verzenden(&store, v, Naar::Doorsturen).await,
            Soort::VsvEffect(v) => vsv_effect(&store, v).await,
            Soort::Leveringen(l) => leveringen(&store, l).await,
        };
        store.sluit().await;
        uit
    });
    if let Err(Fout::Onderbroken { verslag, .. }) = &resultaat {
        print!("{verslag}");
    }
    if let Err(Fout::Koppeling(KoppelFout::Geweigerd { levering, fouten })) = &resultaat {
        let waar = levering.as_ref().map_or(String::new(), |l| format!(" (in het logboek als {l})"));
        eprintln!("fout: levering geweigerd{waar}; er is niets vastgelegd:");
        for f in fouten {
            eprintln!("  {f}");
        }
        return ExitCode::from(2);
    }
    crate::rapporteer(resultaat, |e| {
        matches!(e, Fout::Store(_) | Fout::Koppeling(KoppelFout::Store(_)))
            || matches!(e, Fout::Casework(leerspoor_casework::Fout::Store(_)))
    })
}

fn lees_bestand(pad: &std::path::Path) -> Result<Vec<u8>, Fout> {
    let naam = pad.display();
    let grootte = std::fs::metadata(pad).map_err(|e| Fout::Invoer(format!("{naam}: niet te lezen ({e})")))?.len();
    if grootte > MAX_BESTAND {
        return Err(Fout::Invoer(format!(
            "{naam}: {} MB is groter dan een levering kan zijn ({} MB)",
            grootte / 1_048_576,
            MAX_BESTAND / 1_048_576
        )));
    }
    std::fs::read(pad).map_err(|e| Fout::Invoer(format!("{naam}: niet te lezen ({e})")))
}

/// The sources a delivery file can come from.
#[derive(Debug, Clone, Copy)]
enum Bron {
    DuoVerzuim,
    DuoP(Option<duo_p::Week>),
    Rio,
}

/// The koppeltabel (the office's own, or the one shipped as `naam`) and the delivery's file.
fn tabel_en_bestand(a: &Aanlevering, (naam, standaard): (&str, &str)) -> Result<(Koppeltabel, Vec<u8>), Fout> {
    let tabel = match &a.koppeltabel {
        Some(pad) => {
            let tekst = String::from_utf8(lees_bestand(pad)?)
                .map_err(|_| Fout::Invoer(format!("{}: geen UTF-8", pad.display())))?;
            Koppeltabel::lees(&pad.display().to_string(), &tekst).map_err(Fout::Invoer)?
        }
        None => Koppeltabel::lees(naam, standaard).map_err(Fout::Invoer)?,
    };
    Ok((tabel, lees_bestand(&a.pad)?))
}

async fn lever(store: &Store, a: &Aanlevering, bron: Bron) -> Result<String, Fout> {
    let door = medewerker(store, &a.als).await?;
    let standaard = match bron {
        Bron::DuoVerzuim => ("duo-verzuim.toml", duo_verzuim::KOPPELTABEL),
        Bron::DuoP(_) => ("duo-p.toml", duo_p::KOPPELTABEL),
        Bron::Rio => ("rio.toml", leerspoor_koppeling::rio::KOPPELTABEL),
    };
    let (tabel, bytes) = tabel_en_bestand(a, standaard)?;
    let bestand = a.pad.display().to_string();
    let vandaag = chrono::Local::now().date_naive();
    let (levering, proef) = match bron {
        Bron::DuoVerzuim => {
            let aanbod = Aanbod { bron: duo_verzuim::BRON, bestand: &bestand, bytes: &bytes };
            let v = duo_verzuim::verwerk(store, &door, aanbod, &tabel, vandaag, a.dry_run).await?;
            (v.levering, v.proef)
        }
        Bron::DuoP(week) => {
            let aanbod = Aanbod { bron: duo_p::BRON, bestand: &bestand, bytes: &bytes };
            let v = duo_p::verwerk(store, &door, aanbod, week, &tabel, vandaag, a.dry_run).await?;
            (v.levering, v.proef)
        }
        Bron::Rio => {
            use leerspoor_koppeling::rio;
            let aanbod = Aanbod { bron: rio::BRON, bestand: &bestand, bytes: &bytes };
            let v = rio::verwerk(store, &door, aanbod, &tabel, vandaag, a.dry_run).await?;
            (v.levering, v.proef)
        }
    };
    Ok(verslag(&levering, proef))
}

async fn duo_c(store: &Store, c: &CLevering) -> Result<String, Fout> {
    let a = &c.levering;
    let door = medewerker(store, &a.als).await?;
    let (tabel, bytes) = tabel_en_bestand(a, ("duo-c.toml", duo_c::KOPPELTABEL))?;
    let bestand = a.pad.display().to_string();
    let aanbod = Aanbod { bron: duo_c::BRON, bestand: &bestand, bytes: &bytes };
    let v = duo_c::vergelijk(store, &door, aanbod, c.peildatum, &tabel, a.dry_run).await?;
    let mut t = verslag(&v.levering, v.proef);
    if let Some(pad) = &c.uit {
        schrijf_heel(pad, duo_c::als_csv(&v).as_bytes())?;
        t += &format!("{} verschil(len) geschreven naar {}\n", v.verschillen.len(), pad.display());
    }
    Ok(t)
}

async fn brp(store: &Store, b: &BrpArgs) -> Result<String, Fout> {
    use leerspoor_koppeling::brp::{Wie, controleer};
    let door = medewerker(store, &b.als).await?;
    let client = b
        .verbinding
        .client()
        .map_err(Fout::Invoer)?
        .ok_or_else(|| Fout::Invoer("geef de BRP met --brp-url of LEERSPOOR_BRP_URL".into()))?;
    let wie = match (&b.jongere, b.lijst) {
        (Some(id), _) => Wie::Jongere(id.clone()),
        (None, true) => Wie::Lijst,
        (None, false) => Wie::Alle { vanaf: b.vanaf.clone() },
    };
    let balk = match &wie {
        Wie::Jongere(_) => indicatif::ProgressBar::hidden(),
        _ => indicatif::ProgressBar::new(0),
    };
    balk.set_style(
        indicatif::ProgressStyle::with_template("BRP-controle [{bar:40}] {human_pos}/{human_len} jongeren, nog {eta}")
            .expect("geldig sjabloon")
            .progress_chars("=> "),
    );
    // The calendar date: the BRP answers about now (who is a minor today has gezag compared).
    let c = controleer(store, &client, &door, &wie, chrono::Local::now().date_naive(), &|gedaan, van| {
        balk.set_length(van as u64);
        balk.set_position(gedaan as u64);
    })
    .await;
    balk.finish_and_clear();
    let c = c?;
    let mut t = format!(
        "BRP-controle: {} jongere(n) gevraagd, {} met verschillen, {} van de BRP-lijst (bevestigd)\n",
        c.gevraagd,
        c.verschillen.len(),
        c.van_de_lijst
    );
    for (jongere, verschillen) in &c.verschillen {
        for v in verschillen {
            t += &format!("  {jongere}: {}\n", v.omschrijving());
        }
    }
    match c.onderbroken {
        None => Ok(t),
        Some(o) => Err(Fout::Onderbroken {
            verslag: t,
            fout: format!(
                "de BRP-controle is onderbroken ({}); wat hierboven staat is gedaan. Ga verder met: leerspoor koppeling brp --alle --vanaf {} --als {}",
                o.fout, o.hervat_vanaf, b.als
            ),
        }),
    }
}

/// Where a verzending goes.
#[derive(Clone, Copy)]
enum Naar {
    Terugmelding,
    Vrijstellingen,
    Doorsturen,
}

impl Naar {
    fn opdracht(self) -> &'static str {
        match self {
            Naar::Terugmelding => "duo-terugmelding",
            Naar::Vrijstellingen => "duo-vrijstellingen",
            Naar::Doorsturen => "doorsturen",
        }
    }

    /// The action in the access log when its file is written, as the web application writes it.
    fn download(self) -> &'static str {
        match self {
            Naar::Terugmelding => "download terugmelding",
            Naar::Vrijstellingen => "download vrijstellingen",
            Naar::Doorsturen => "download doorsturen",
        }
    }
}

/// `koppeling duo-terugmelding` and `koppeling duo-vrijstellingen`: make a verzending and write its
/// file, write one again, or acknowledge one.
async fn verzenden(store: &Store, v: &Verzenden, naar: Naar) -> Result<String, Fout> {
    use leerspoor_domain::rules::{mas, vrijstelling};
    let door = medewerker(store, &v.als).await?;
    if let Some(id) = &v.bevestig {
        let b = match naar {
            Naar::Terugmelding => duo_terugmelding::bevestig(store, &door, id).await?,
            Naar::Vrijstellingen => duo_vrijstellingen::bevestig(store, &door, id).await?,
            Naar::Doorsturen => doorsturen::bevestig(store, &door, id).await?,
        };
        return Ok(format!("Verzending {} bevestigd: wat erin stond telt als verzonden.\n", b.id));
    }
    let codes: Vec<leerspoor_domain::codes::Code> = store.lees().await?;
    let pad = v.uit.as_ref();
    if let (Some(id), Some(pad)) = (&v.opnieuw, pad) {
        let csv = match naar {
            Naar::Terugmelding => {
                mas::mag_melding_registreren(door.rol).map_err(leerspoor_casework::Fout::from)?;
                duo_terugmelding::inhoud(store, id).await?.map(|u| duo_terugmelding::als_csv(&u, &codes))
            }
            Naar::Vrijstellingen => {
                vrijstelling::mag_registreren(door.rol).map_err(leerspoor_casework::Fout::from)?;
                duo_vrijstellingen::inhoud(store, id).await?.map(|u| duo_vrijstellingen::als_csv(&u, &codes))
            }
            Naar::Doorsturen => {
                mas::mag_melding_registreren(door.rol).map_err(leerspoor_casework::Fout::from)?;
                doorsturen::inhoud(store, id).await?.map(|u| doorsturen::als_csv(&u))
            }
        };
        let csv = csv.ok_or_else(|| Fout::Invoer(format!("verzending '{id}' van {} bestaat niet", naar.opdracht())))?;
        schrijf_heel(pad, csv.as_bytes())?;
        store.log(&door.id, naar.download(), &format!("verzending:{id}"), "gelukt", None).await?;
        return Ok(format!("Verzending {id} opnieuw geschreven naar {}.\n", pad.display()));
    }
    let (mut t, gemaakt, wat) = match naar {
        Naar::Terugmelding => {
            let vandaag = chrono::Local::now().date_naive();
            let u = duo_terugmelding::verzamel(store, &door, vandaag, v.dry_run).await?;
            let u = u.map(|u| (u.verzending.id.clone(), u.terugmeldingen.len(), duo_terugmelding::als_csv(&u, &codes)));
            (String::new(), u, ["terugmelding", "terugmeldingen"])
        }
        Naar::Vrijstellingen => {
            let z = duo_vrijstellingen::verzamel(store, &door, v.dry_run).await?;
            let t = z.overgeslagen.iter().map(|(id, reden)| format!("Vrijstelling {id} gaat nog niet mee: {reden}.\n"));
            let u = z
                .uitgaand
                .map(|u| (u.verzending.id.clone(), u.meldingen.len(), duo_vrijstellingen::als_csv(&u, &codes)));
            (t.collect(), u, ["vrijstelling", "vrijstellingen"])
        }
        Naar::Doorsturen => {
            let u = doorsturen::verzamel(store, &door, v.dry_run).await?;
            let u = u.map(|u| (u.verzending.id.clone(), u.meldingen.len(), doorsturen::als_csv(&u)));
            (String::new(), u, ["melding", "meldingen"])
        }
    };
    let Some((id, n, csv)) = gemaakt else {
        return Ok(t + "Niets te verzenden: er is niets veranderd sinds de vorige verzending.\n");
    };
    let wat = format!("{n} {}", if n == 1 { wat[0] } else { wat[1] });
    if v.dry_run {
        return Ok(t + &format!("Proef, niets vastgelegd of geschreven: verzending met {wat}\n"));
    }
    let pad = pad.expect("--uit of --bevestig is verplicht");
    if let Err(e) = schrijf_heel(pad, csv.as_bytes()) {
        return Err(Fout::Invoer(format!(
            "{e}; de verzending {id} is wel gemaakt: schrijf haar opnieuw met --opnieuw {id} --uit PAD"
        )));
    }
    store.log(&door.id, naar.download(), &format!("verzending:{id}"), "gelukt", None).await?;
    t += &format!(
        "Verzending {id} ({wat}) geschreven naar {}.\nBevestig na ontvangst door DUO: leerspoor koppeling {} --bevestig {id} --als {}\n",
        pad.display(),
        naar.opdracht(),
        door.id
    );
    Ok(t)
}

/// `koppeling vsv-effect`: the check, or the file for DUO (refused while VSV-ers lack a result,
/// unless `--onvolledig`). Writing it, and refusing to, goes in the access log.
async fn vsv_effect(store: &Store, a: &VsvEffectArgs) -> Result<String, Fout> {
    let door = medewerker(store, &a.als).await?;
    let vandaag = chrono::Local::now().date_naive();
    let r = duo_vsv_effect::verzamel(store, &door, a.jaar, vandaag).await?;
    let gaten = r.zonder_resultaat();
    if a.controle {
        let mut t = format!("VSV-ers van {} zonder resultaat: {} van de {}\n", a.jaar, gaten.len(), r.rijen.len());
        for (melding, reden) in &gaten {
            t += &format!("  {melding}: {}\n", reden.label());
        }
        return Ok(t);
    }
    const HANDELING: &str = "export vsv-effect";
    let object = format!("vsv-effect:{}", a.jaar);
    if !a.onvolledig
        && let Some(weigering) = r.weigering()
    {
        let reden = format!("{} VSV-ers zonder resultaat", gaten.len());
        store.log(&door.id, HANDELING, &object, "geweigerd", Some(&reden)).await?;
        return Err(Fout::Invoer(weigering));
    }
    let pad = a.uit.as_ref().expect("--uit of --controle is verplicht");
    schrijf_heel(pad, duo_vsv_effect::als_csv(&r).as_bytes())?;
    let mut wat = format!("{} VSV-ers", r.rijen.len());
    if !gaten.is_empty() {
        wat += &format!(", onvolledig: {} zonder resultaat", gaten.len());
    }
    store.log(&door.id, HANDELING, &object, "gelukt", Some(&wat)).await?;
    let mut t = format!("VSV-effectrapportage {} ({wat}) geschreven naar {}.\n", a.jaar, pad.display());
    let bereikt = r.rijen.iter().filter(|v| v.uitkomst.contact.is_some()).count();
    t += &format!("  {:<70} {:>6}\n", "Contact gemaakt", bereikt);
    for e in leerspoor_domain::rules::vsv_effect::Effect::ALL {
        let n = r.rijen.iter().filter(|v| v.uitkomst.resultaat.is_ok_and(|(x, _)| x == *e)).count();
        t += &format!("  {:<70} {n:>6}\n", e.label());
    }
    t += &format!("Per gemeente: leerspoor report --jaar {} --tabel vsv_effect --format json\n", a.jaar);
    Ok(t)
}

/// A half-written terugmelding must never reach DUO.
fn schrijf_heel(pad: &std::path::Path, inhoud: &[u8]) -> Result<(), Fout> {
    crate::schrijf_heel(pad, inhoud).map_err(Fout::Invoer)
}

fn verslag(l: &Levering, proef: bool) -> String {
    let kop = if proef {
        format!("Proef, niets vastgelegd: levering {} ({})\n", l.bestand, l.bron)
    } else {
        format!("Levering {} ({}) {}: {}\n", l.bestand, l.bron, l.id, l.uitkomst.label().to_lowercase())
    };
    kop + &l.samenvatting
}

async fn leveringen(store: &Store, l: &Logboek) -> Result<String, Fout> {
    if let Some(id) = &l.levering {
        let lev: Levering =
            store.lees_een(id).await?.ok_or_else(|| Fout::Invoer(format!("levering '{id}' bestaat niet")))?;
        let fouten: Vec<LeveringFout> = store.lees_waar("levering", id).await?;
        let mut t = format!(
            "Levering {} ({}), {}, ontvangen {} door {}: {}\n",
            lev.id,
            lev.bron,
            lev.bestand,
            lev.ontvangen,
            lev.door,
            lev.uitkomst.label().to_lowercase()
        );
        t += &lev.samenvatting;
        for f in &fouten {
            let fout = leerspoor_koppeling::levering::LeesFout {
                rij: f.rij.map(|r| r as usize),
                kolom: f.kolom.clone(),
                melding: f.melding.clone(),
            };
            t += &format!("  {fout}\n");
        }
        return Ok(t);
    }
    let mut alle: Vec<Levering> = store.lees().await?;
    alle.sort_by(|a, b| b.ontvangen.cmp(&a.ontvangen).then(b.id.cmp(&a.id)));
    let mut t = format!(
        "{:<22} {:<13} {:<22} {:<14} {:>6} {:>9}  {}\n",
        "ontvangen", "bron", "levering", "uitkomst", "rijen", "toegepast", "bestand"
    );
    for lev in alle.iter().take(usize::from(l.aantal)) {
        t += &format!(
            "{:<22} {:<13} {:<22} {:<14} {:>6} {:>9}  {}\n",
            lev.ontvangen,
            lev.bron,
            lev.id,
            lev.uitkomst.code(),
            lev.rijen,
            lev.toegepast,
            lev.bestand
        );
    }
    Ok(t)
}
