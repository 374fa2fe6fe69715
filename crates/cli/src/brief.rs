//! `leerspoor brief`: a letter or decision from the dossier, stored with it (docs/brieven.md); and
//! the list of a dossier's documents.
use crate::blokkeer;
use leerspoor_casework::brieven::{self, Gesprek, Onderwerp, Verzoek};
use leerspoor_casework::{Fout, medewerker};
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::datum::parse_datum;
use leerspoor_domain::model::Rol;
use leerspoor_domain::rules::brief::BriefSoort;
use leerspoor_store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(
    override_usage = "leerspoor brief --soort SOORT (--actie ID | --zaak ID | --vrijstelling ID | --jongere ID) --als MEDEWERKER [opties]\n       leerspoor brief --lijst JONGERE --als MEDEWERKER"
)]
pub struct BriefArgs {
    /// Soort brief: uitnodiging_gesprek, waarschuwing, oproep_inschrijving, ontvangstbevestiging,
    /// beschikking_toekenning, beschikking_afwijzing, beslissing_op_bezwaar, halt_verwijzing,
    /// proces_verbaal, rmc_uitnodiging, zomeractie, einde_vrijstelling
    #[arg(long, value_parser = |s: &str| BriefSoort::parse_code(s), required_unless_present = "lijst")]
    soort: Option<BriefSoort>,
    /// De actie (uitnodiging, waarschuwing, HALT, proces-verbaal) waar de brief bij hoort
    #[arg(long, value_name = "ID", group = "onderwerp")]
    actie: Option<String>,
    /// De zaak (oproep tot inschrijving)
    #[arg(long, value_name = "ID", group = "onderwerp")]
    zaak: Option<String>,
    /// De aanvraag vrijstelling of verlof (ontvangstbevestiging, beschikking, beslissing op bezwaar)
    #[arg(long, value_name = "ID", group = "onderwerp")]
    vrijstelling: Option<String>,
    /// De jongere zelf (zomeractie aan een oud-VSV'er)
    #[arg(long, value_name = "ID", group = "onderwerp")]
    jongere: Option<String>,
    /// Datum van de brief (standaard vandaag; niet vooruit)
    #[arg(long, value_name = "JJJJ-MM-DD", value_parser = parse_datum)]
    datum: Option<Datum>,
    /// Uitnodiging: dag van het gesprek
    #[arg(long, value_name = "JJJJ-MM-DD", value_parser = parse_datum, requires_all = ["gesprek_tijd", "gesprek_plaats"])]
    gesprek_datum: Option<Datum>,
    /// Uitnodiging: tijd van het gesprek
    #[arg(long, value_name = "UU:MM", requires = "gesprek_datum")]
    gesprek_tijd: Option<String>,
    /// Uitnodiging: waar het gesprek is
    #[arg(long, value_name = "TEKST", requires = "gesprek_datum")]
    gesprek_plaats: Option<String>,
    /// Oproep tot inschrijving: ingeschreven vóór deze datum
    #[arg(long, value_name = "JJJJ-MM-DD", value_parser = parse_datum)]
    inschrijven_voor: Option<Datum>,
    /// Het document dat deze brief verbetert
    #[arg(long, value_name = "DOCUMENT")]
    vervangt: Option<String>,
    /// Schrijf de PDF's ook naar deze map (ze blijven in het dossier bewaard)
    #[arg(long, value_name = "MAP")]
    uit: Option<PathBuf>,
    /// Toon de documenten van het dossier van deze jongere
    #[arg(long, value_name = "JONGERE", conflicts_with_all = ["soort", "onderwerp"])]
    lijst: Option<String>,
    /// Id van de medewerker namens wie de brief wordt gemaakt (audit trail, bevoegdheid)
    #[arg(long, env = "LEERSPOOR_MEDEWERKER", hide_env_values = true, value_name = "MEDEWERKER")]
    als: String,
}

#[derive(Debug, thiserror::Error)]
enum BriefFout {
    #[error(transparent)]
    Casework(#[from] Fout),
    #[error(transparent)]
    Store(#[from] leerspoor_store::StoreFout),
    #[error("{0}")]
    Invoer(String),
    #[error("{pad}: {bron}")]
    Bestand { pad: String, bron: std::io::Error },
}

pub fn run(args: BriefArgs, database: &str) -> ExitCode {
    let resultaat = blokkeer(async {
        let store = Store::open_bestaand(database).await?;
        let uit = match &args.lijst {
            Some(jongere) => lijst(&store, &args.als, jongere).await,
            None => maak(&store, &args).await,
        };
        store.sluit().await;
        uit
    });
    crate::rapporteer(resultaat, |e| matches!(e, BriefFout::Store(_) | BriefFout::Casework(Fout::Store(_))))
}

async fn maak(store: &Store, args: &BriefArgs) -> Result<String, BriefFout> {
    let door = medewerker(store, &args.als).await?;
    let onderwerp = match (&args.actie, &args.zaak, &args.vrijstelling, &args.jongere) {
        (Some(id), ..) => Onderwerp::Actie(id.clone()),
        (_, Some(id), ..) => Onderwerp::Zaak(id.clone()),
        (_, _, Some(id), _) => Onderwerp::Vrijstelling(id.clone()),
        (.., Some(id)) => Onderwerp::Jongere(id.clone()),
        _ => {
            return Err(BriefFout::Invoer(
                "geef --actie, --zaak, --vrijstelling of --jongere: waar hoort de brief bij?".into(),
            ));
        }
    };
    let vandaag = chrono::Local::now().date_naive();
    let verzoek = Verzoek {
        soort: args.soort.expect("clap eist --soort zonder --lijst"),
        onderwerp,
        datum: args.datum.unwrap_or(vandaag),
        gesprek: args.gesprek_datum.map(|datum| Gesprek {
            datum,
            tijd: args.gesprek_tijd.clone().unwrap_or_default(),
            plaats: args.gesprek_plaats.clone().unwrap_or_default(),
        }),
        inschrijven_voor: args.inschrijven_voor,
        vervangt: args.vervangt.clone(),
    };
    let documenten = brieven::maak(store, &door, &verzoek, vandaag, &leerspoor_web::brief_zetter).await?;
    let n = documenten.len();
    let mut t = format!("{n} {} opgemaakt en bij het dossier bewaard:\n", if n == 1 { "brief" } else { "brieven" });
    for d in &documenten {
        t += &format!("  {}  aan {}  {} bytes  sha256 {}\n", d.id, d.ontvanger.label(), d.bytes, d.sha256);
        if let Some(map) = &args.uit {
            let (_, pdf) = brieven::inhoud(store, &d.id).await?;
            let pad = map.join(format!("{}.pdf", d.id));
            std::fs::write(&pad, pdf).map_err(|bron| BriefFout::Bestand { pad: pad.display().to_string(), bron })?;
            store.log(&door.id, "document geëxporteerd", &format!("document:{}", d.id), "gelukt", None).await?;
        }
    }
    Ok(t)
}

async fn lijst(store: &Store, als: &str, jongere: &str) -> Result<String, BriefFout> {
    let door = medewerker(store, als).await?;
    // Who reads dossiers (docs/beveiliging.md): not beleid or beheer.
    if matches!(door.rol, Rol::Beleidsmedewerker | Rol::Beheerder) {
        return Err(BriefFout::Invoer(format!("een {} leest geen dossiers", door.rol.label().to_lowercase())));
    }
    let documenten = brieven::van_jongere(store, jongere).await?;
    store.log(&door.id, "documenten bekeken", &format!("jongere:{jongere}"), "gelukt", None).await?;
    let mut t = format!("{:<16} {:<10} {:<24} {:<22} {}\n", "document", "datum", "soort", "aan", "vervangt");
    for d in documenten {
        let soort = BriefSoort::from_code(&d.soort).map_or(d.soort.clone(), |s| s.label().to_string());
        t += &format!(
            "{:<16} {:<10} {:<24} {:<22} {}\n",
            d.id,
            d.datum,
            soort,
            d.ontvanger.label(),
            d.vervangt.unwrap_or_default()
        );
    }
    Ok(t)
}
