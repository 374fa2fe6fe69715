//! `leerspoor report`: the jaarverslag's tables for a year and a scope, as JSON or CSV for
//! scripts, or laid out for publication as XLSX, HTML or PDF (leerspoor-publicatie).
use crate::{blokkeer, gebruiker};
use leerspoor_domain::SchoolJaar;
use leerspoor_publicatie::Publicatie;
use leerspoor_report::tabellen::Landelijk;
use leerspoor_report::{Kader, Scope, uitvoer};
use leerspoor_store::Store;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Formaat {
    Json,
    Csv,
    Xlsx,
    Html,
    Pdf,
    /// The art. 25 opgave in the layout of the form: a workbook with a sheet per gemeente.
    #[value(name = "art25-xlsx")]
    Art25Xlsx,
}

#[derive(Debug, clap::Args)]
#[command(
    override_usage = "leerspoor report --jaar 2020-2021 [--scope regio|subregio:CODE|gemeente:GMxxxx] [--tabel ID]… --format json|csv|xlsx|html|pdf|art25-xlsx [--out PAD] [--publicatie [--drempel 5]] [--landelijk PAD] [--stand JJJJ-MM-DD]"
)]
pub struct ReportArgs {
    /// Het verslagjaar, bijv. 2020-2021
    #[arg(long, value_name = "JJJJ-JJJJ", value_parser = SchoolJaar::parse)]
    jaar: SchoolJaar,
    /// Regio, subregio:CODE of gemeente:GMxxxx
    #[arg(long, default_value = "regio", value_name = "SCOPE", value_parser = Scope::parse)]
    scope: Scope,
    /// Alleen deze tabel(len); standaard alle
    #[arg(long = "tabel", value_name = "ID")]
    tabellen: Vec<String>,
    /// json (één document), csv (één bestand per tabel, in de map --out), xlsx (één blad per
    /// tabel), html (het jaarverslag als webpagina), pdf (het jaarverslag) of art25-xlsx (de
    /// opgave art. 25 Leerplichtwet als formulier, één blad per gemeente)
    #[arg(long = "format", value_enum)]
    formaat: Formaat,
    /// Bestand (json, xlsx, html, pdf, art25-xlsx) of map (csv); zonder: json en html naar het scherm
    #[arg(long, value_name = "PAD")]
    out: Option<PathBuf>,
    /// Voor publicatie: kleine aantallen verbergen (en wat ze terug zou laten rekenen); weigert
    /// tabellen waarvan de totalen niet kloppen
    #[arg(long)]
    publicatie: bool,
    /// Aantallen onder deze grens worden bij --publicatie niet getoond
    #[arg(long, default_value_t = 5, value_name = "N", requires = "publicatie")]
    drempel: u32,
    /// De landelijke VSV-cijfers voor vsv_nieuw, een JSON-bestand:
    /// {"vo": {"deelnemers": N, "vsv": N}, "mbo": {…}, "vavo": {…}}
    #[arg(long, value_name = "PAD", value_parser = |pad: &str| Landelijk::lees(Path::new(pad)))]
    landelijk: Option<Landelijk>,
    /// De dag waarop de gegevens bijgewerkt zijn (standaard vandaag): de nieuwe VSV-ers van een jaar
    /// zijn pas bekend na 1 oktober van het volgende
    #[arg(long, value_name = "JJJJ-MM-DD", value_parser = leerspoor_domain::datum::parse_datum)]
    stand: Option<leerspoor_domain::Datum>,
}

pub fn run(args: ReportArgs, database: &str) -> ExitCode {
    let resultaat: Result<String, leerspoor_report::Fout> = blokkeer(async {
        let schrijven = |e: &dyn std::fmt::Display| leerspoor_report::Fout::Schrijven(e.to_string());
        // Refuse before the work: a workbook or a PDF does not go to the screen.
        if let (Formaat::Csv | Formaat::Xlsx | Formaat::Pdf | Formaat::Art25Xlsx, None) = (args.formaat, &args.out) {
            return Err(schrijven(&match args.formaat {
                Formaat::Csv => "--format csv schrijft één bestand per tabel: geef een map met --out",
                Formaat::Xlsx => "--format xlsx schrijft een werkmap: geef een bestand met --out",
                Formaat::Art25Xlsx => "--format art25-xlsx schrijft een werkmap: geef een bestand met --out",
                _ => "--format pdf schrijft een document: geef een bestand met --out",
            }));
        }
        let art25 = matches!(args.formaat, Formaat::Art25Xlsx);
        if art25 && !args.tabellen.is_empty() {
            return Err(schrijven(&"--format art25-xlsx schrijft de art. 25-opgave: laat --tabel weg"));
        }
        // The opgave alone, with the jaarverslag tables its self-check holds it against.
        let ids = if art25 { leerspoor_report::art25_met_controle() } else { args.tabellen.clone() };
        let store = Store::open_bestaand(database).await?;
        let mut kader = Kader::nieuw(&store, args.jaar, args.scope.clone()).await?;
        kader.landelijk = args.landelijk;
        if let Some(stand) = args.stand {
            kader.stand = stand;
        }
        let kader = std::sync::Arc::new(kader);
        let mut tabellen = leerspoor_report::bereken(&kader, &ids).await?;
        let gebied = kader.gebied().await?;
        let fouten = leerspoor_report::controleer(&tabellen);
        if args.publicatie {
            if !fouten.is_empty() {
                return Err(leerspoor_report::Fout::Controle(fouten));
            }
            for t in &mut tabellen {
                t.publiceer(args.drempel);
            }
        } else {
            for f in &fouten {
                eprintln!("let op: {f}");
            }
        }
        store.log(&gebruiker(), "rapportage", &format!("{} {}", args.jaar, args.scope), "gelukt", None).await?;
        store.sluit().await;
        let jaar = args.jaar.to_string();
        let publicatie = Publicatie {
            jaar: jaar.clone(),
            gebied,
            datum: chrono::Local::now().date_naive(),
            drempel: args.publicatie.then_some(args.drempel),
        };
        let inhoud: Vec<u8> = match args.formaat {
            Formaat::Json => uitvoer::json(&jaar, &args.scope.to_string(), &tabellen).into_bytes(),
            Formaat::Csv => {
                let map = args.out.as_ref().expect("hierboven gecontroleerd");
                uitvoer::csv(map, &tabellen)?;
                return Ok(format!("{} tabellen geschreven naar {}\n", tabellen.len(), map.display()));
            }
            Formaat::Xlsx => leerspoor_publicatie::xlsx(&publicatie, &tabellen).map_err(|e| schrijven(&e))?,
            Formaat::Html => leerspoor_publicatie::html(&publicatie, &tabellen).into_bytes(),
            Formaat::Pdf => leerspoor_publicatie::pdf(&publicatie, &tabellen).map_err(|e| schrijven(&e))?,
            Formaat::Art25Xlsx => {
                let opgave = tabellen.iter().find(|t| t.id == "art25_opgave").expect("berekend");
                leerspoor_publicatie::art25_xlsx(&publicatie, opgave).map_err(|e| schrijven(&e))?
            }
        };
        match &args.out {
            None => Ok(String::from_utf8(inhoud).expect("json en html zijn tekst") + "\n"),
            Some(pad) => {
                std::fs::write(pad, inhoud).map_err(|e| schrijven(&format!("{}: {e}", pad.display())))?;
                let wat = if art25 { "de art. 25-opgave".to_string() } else { format!("{} tabellen", tabellen.len()) };
                Ok(format!("{wat} geschreven naar {}\n", pad.display()))
            }
        }
    });
    crate::rapporteer(resultaat, |e| matches!(e, leerspoor_report::Fout::Store(_)))
}
