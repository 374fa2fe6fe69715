//! `leerspoor serve` and `leerspoor account`: the web application and its sign-in accounts.
use crate::blokkeer;
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{Medewerker, Rol};
use leerspoor_store::Store;
use leerspoor_store::toegang::Account;
use leerspoor_web::Instellingen;
use std::net::SocketAddr;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(
    override_usage = "leerspoor serve [--adres 127.0.0.1:8080] [--http-cookie] [--vandaag JJJJ-MM-DD] [--database-url URL]"
)]
pub struct ServeArgs {
    /// Adres en poort waarop de webapplicatie luistert
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADRES")]
    pub adres: SocketAddr,
    /// Stuur het sessiecookie ook over gewoon http (alleen voor een demo buiten localhost; zet
    /// in productie een HTTPS-proxy voor Leerspoor)
    #[arg(long)]
    pub http_cookie: bool,
    /// De datum die de werkvoorraad als vandaag neemt (standaard de echte datum)
    #[arg(long, value_name = "JJJJ-MM-DD")]
    pub vandaag: Option<Datum>,
}

impl ServeArgs {
    pub fn instellingen(&self) -> Instellingen {
        Instellingen { veilige_cookie: !self.http_cookie, vandaag: self.vandaag, ..Instellingen::default() }
    }
}

pub fn serve(args: ServeArgs, database: &str) -> ExitCode {
    blokkeer(async {
        match bestaande(database).await {
            Ok(store) => start(store, &args).await,
            Err(code) => code,
        }
    })
}

async fn bestaande(database: &str) -> Result<Store, ExitCode> {
    Store::open_bestaand(database).await.map_err(|e| {
        eprintln!("fout: {e}");
        ExitCode::from(1)
    })
}

/// Serves until stopped; the address is printed first.
pub async fn start(store: Store, args: &ServeArgs) -> ExitCode {
    println!("Leerspoor draait op http://{} (stoppen: Ctrl+C)", args.adres);
    match leerspoor_web::serve(store, args.adres, args.instellingen()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fout: kan niet luisteren op {}: {e}", args.adres);
            ExitCode::from(1)
        }
    }
}

#[derive(Debug, clap::Args)]
#[command(
    override_usage = "leerspoor account GEBRUIKERSNAAM --medewerker ID [--database-url URL]   (wachtwoord via LEERSPOOR_WACHTWOORD of de invoer)"
)]
pub struct AccountArgs {
    /// De naam waarmee de medewerker zich aanmeldt
    #[arg(value_name = "GEBRUIKERSNAAM")]
    gebruikersnaam: String,
    /// De medewerker (id) van wie het account is
    #[arg(long, value_name = "ID")]
    medewerker: String,
}

/// Creates or resets an account; the password comes from `LEERSPOOR_WACHTWOORD` or the first line
/// of standard input, never from the command line (which `ps` shows).
pub fn account(args: AccountArgs, database: &str) -> ExitCode {
    let wachtwoord = match std::env::var("LEERSPOOR_WACHTWOORD") {
        Ok(w) => w,
        Err(_) => {
            let mut regel = String::new();
            if std::io::stdin().read_line(&mut regel).is_err() {
                eprintln!("fout: geen wachtwoord gelezen");
                return ExitCode::from(2);
            }
            regel.trim_end_matches(['\n', '\r']).to_string()
        }
    };
    if wachtwoord.chars().count() < 12 {
        eprintln!("fout: het wachtwoord moet ten minste 12 tekens hebben");
        return ExitCode::from(2);
    }
    blokkeer(async {
        let store = match bestaande(database).await {
            Ok(s) => s,
            Err(code) => return code,
        };
        match maak_account(&store, &args.gebruikersnaam, &args.medewerker, &wachtwoord).await {
            Ok(m) => {
                println!("Account '{}' voor {} ({}) opgeslagen", args.gebruikersnaam, m.naam, m.rol);
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("fout: {e}");
                ExitCode::from(2)
            }
        }
    })
}

async fn maak_account(store: &Store, naam: &str, medewerker: &str, wachtwoord: &str) -> Result<Medewerker, String> {
    let m = store
        .lees_een::<Medewerker>(medewerker)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("medewerker '{medewerker}' bestaat niet"))?;
    let account = Account {
        gebruikersnaam: naam.to_string(),
        medewerker: m.id.clone(),
        wachtwoord_hash: leerspoor_web::aanmelden::hash(wachtwoord),
        mislukte_pogingen: 0,
        geblokkeerd_tot: None,
        actief: true,
    };
    store.bewaar_account(&account).await.map_err(|e| e.to_string())?;
    store
        .log(&crate::gebruiker(), "beheer account", &format!("account:{naam}"), "gelukt", None)
        .await
        .map_err(|e| e.to_string())?;
    Ok(m)
}

/// The demo's password for every demo account: printed on start, for a demo database only.
pub const DEMO_WACHTWOORD: &str = "leerspoor-demo";

/// One demo account per role (and a leerplichtambtenaar with and without BOA): the first
/// medewerker in service with that role. Returns `(gebruikersnaam, omschrijving)`.
pub async fn demo_accounts(store: &Store) -> Result<Vec<(String, String)>, String> {
    let medewerkers: Vec<Medewerker> = store.lees().await.map_err(|e| e.to_string())?;
    let vandaag = chrono::Local::now().date_naive();
    let in_dienst = |m: &&Medewerker| m.in_dienst <= vandaag && m.uit_dienst.is_none_or(|u| u >= vandaag);
    let soorten: [(&str, Rol, Option<bool>); 8] = [
        ("lpa-boa", Rol::Leerplichtambtenaar, Some(true)),
        ("lpa", Rol::Leerplichtambtenaar, Some(false)),
        ("rmc", Rol::RmcConsulent, None),
        ("administratie", Rol::Administratief, None),
        ("teamleider", Rol::Teamleider, None),
        ("beleid", Rol::Beleidsmedewerker, None),
        ("gemeente", Rol::Gemeente, None),
        ("beheer", Rol::Beheerder, None),
    ];
    let mut uit = Vec::new();
    for (naam, rol, boa) in soorten {
        let Some(m) = medewerkers.iter().filter(in_dienst).find(|m| m.rol == rol && boa.is_none_or(|b| m.boa == b))
        else {
            continue;
        };
        maak_account(store, naam, &m.id, DEMO_WACHTWOORD).await?;
        let extra = match (&m.gemeente, m.boa) {
            (Some(g), _) => format!(", {g}"),
            (None, true) => " met BOA".to_string(),
            _ => String::new(),
        };
        uit.push((naam.to_string(), format!("{} ({}{extra})", rol.label(), m.naam)));
    }
    Ok(uit)
}
