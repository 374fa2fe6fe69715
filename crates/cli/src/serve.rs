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
    override_usage = "leerspoor serve [--adres 127.0.0.1:8080] [--http-cookie] [--vandaag JJJJ-MM-DD] [--sessie-minuten 30] [--achter-proxy] [--brp-url URL …] [--database-url URL]"
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
    /// Na zoveel minuten zonder verzoek is een sessie verlopen
    #[arg(long, env = "LEERSPOOR_SESSIE_MINUTEN", default_value_t = 30, value_parser = clap::value_parser!(u16).range(1..=600))]
    pub sessie_minuten: u16,
    /// Leerspoor draait achter een proxy die X-Forwarded-For zet: het laatste adres daarin is dat
    /// van de client (voor het toegangslog en het afremmen van aanmeldpogingen)
    #[arg(long, env = "LEERSPOOR_ACHTER_PROXY")]
    pub achter_proxy: bool,
    /// De BRP, voor "BRP bijwerken" in het dossier
    #[command(flatten)]
    pub brp: crate::brp::BrpVerbinding,
    /// De dagelijkse backup
    #[command(flatten)]
    pub backup: crate::backup::DagelijkseBackup,
}

impl ServeArgs {
    pub fn instellingen(&self) -> Instellingen {
        Instellingen {
            veilige_cookie: !self.http_cookie,
            vandaag: self.vandaag,
            sessie_inactief: leerspoor_web::Duur::minutes(self.sessie_minuten.into()),
            achter_proxy: self.achter_proxy,
            ..Instellingen::default()
        }
    }
}

pub fn serve(args: ServeArgs, database: &str) -> ExitCode {
    blokkeer(async {
        match bestaande(database).await {
            Ok(store) => start(store, database, &args, true).await,
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

/// Serves until stopped; the address is printed first. `tweestaps`: the second step of signing in
/// (off only for the demo).
pub async fn start(store: Store, database: &str, args: &ServeArgs, tweestaps: bool) -> ExitCode {
    // The web layer's log on standard error: server errors with request id, route and account
    // (never a body or query). `LEERSPOOR_LOG=debug` also shows every answer.
    let filter = tracing_subscriber::EnvFilter::try_from_env("LEERSPOOR_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
    let brp = match args.brp.client() {
        Ok(b) => b.map(std::sync::Arc::new),
        Err(e) => {
            eprintln!("fout: {e}");
            return ExitCode::from(2);
        }
    };
    // Bound before it says so: whoever waits for "draait op" (a script, the browser tests) can connect.
    let luisteraar = match tokio::net::TcpListener::bind(args.adres).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("fout: kan niet luisteren op {}: {e}", args.adres);
            return ExitCode::from(1);
        }
    };
    println!("Leerspoor draait op http://{} (stoppen: Ctrl+C)", args.adres);
    crate::backup::dagelijks(database.to_string(), args.backup.clone());
    let instellingen = Instellingen { tweestaps, brp, ..args.instellingen() };
    match leerspoor_web::serve(store, luisteraar, instellingen).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fout: de webserver stopte: {e}");
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

/// Creates an account, or gives an existing one a new password (which ends its sessions and lifts
/// a lock). The rules of beheer hold: a strong password, one account per medewerker, only for a
/// medewerker in service.
async fn maak_account(store: &Store, naam: &str, medewerker: &str, wachtwoord: &str) -> Result<Medewerker, String> {
    let m = leerspoor_casework::medewerker(store, medewerker).await.map_err(|e| e.to_string())?;
    if let Some(reden) = leerspoor_web::aanmelden::wachtwoord_zwak(wachtwoord, &[naam, &m.naam]) {
        return Err(format!("wachtwoord: {reden}"));
    }
    if naam.is_empty()
        || naam.chars().count() > leerspoor_web::aanmelden::MAX_GEBRUIKERSNAAM
        || !naam.chars().all(|c| c.is_ascii_graphic())
    {
        return Err("gebruikersnaam: letters, cijfers of leestekens, zonder spaties, ten hoogste 64".into());
    }
    let eerder = store.account(naam).await.map_err(|e| e.to_string())?;
    if eerder.as_ref().is_some_and(|a| a.medewerker != m.id) {
        return Err(format!("account '{naam}' is van een andere medewerker"));
    }
    if let Some(a) = store.account_van(&m.id).await.map_err(|e| e.to_string())?.filter(|a| a.gebruikersnaam != naam) {
        return Err(format!(
            "{} heeft al het account '{}'; een medewerker heeft één account",
            m.naam, a.gebruikersnaam
        ));
    }
    let account = Account {
        generatie: eerder.map_or(0, |a| a.generatie + 1),
        ..Account::nieuw(naam, &m.id, leerspoor_web::aanmelden::hash(wachtwoord))
    };
    store.bewaar_account(&account).await.map_err(|e| e.to_string())?;
    store
        .log(&crate::gebruiker(), "beheer account", &format!("account:{naam}"), "gelukt", Some("wachtwoord ingesteld"))
        .await
        .map_err(|e| e.to_string())?;
    Ok(m)
}

/// The demo's password for every demo account: printed on start, for a demo database only.
pub const DEMO_WACHTWOORD: &str = "leerspoor-demo";

/// One demo account per role (and a leerplichtambtenaar with and without BOA): the first
/// medewerker in service with that role. Accounts that exist are left as they are: a demo
/// never resets a password or re-activates an account. Returns `(gebruikersnaam, omschrijving)`.
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
    let hash = leerspoor_web::aanmelden::hash(DEMO_WACHTWOORD);
    let mut uit = Vec::new();
    for (naam, rol, boa) in soorten {
        let Some(m) = medewerkers.iter().filter(in_dienst).find(|m| m.rol == rol && boa.is_none_or(|b| m.boa == b))
        else {
            continue;
        };
        match (store.account(naam).await, store.account_van(&m.id).await) {
            (Ok(Some(a)), _) if a.medewerker == m.id => {}
            (Ok(None), Ok(None)) => {
                store.bewaar_account(&Account::nieuw(naam, &m.id, hash.clone())).await.map_err(|e| e.to_string())?;
                store
                    .log(
                        &crate::gebruiker(),
                        "beheer account",
                        &format!("account:{naam}"),
                        "gelukt",
                        Some("demo-account"),
                    )
                    .await
                    .map_err(|e| e.to_string())?;
            }
            (Err(e), _) | (_, Err(e)) => return Err(e.to_string()),
            // The name or the medewerker has another account: leave both alone.
            _ => continue,
        }
        let extra = match (&m.gemeente, m.boa) {
            (Some(g), _) => format!(", {g}"),
            (None, true) => " met BOA".to_string(),
            _ => String::new(),
        };
        uit.push((naam.to_string(), format!("{} ({}{extra})", rol.label(), m.naam)));
    }
    Ok(uit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_demo_never_resets_or_reactivates_an_account_that_exists() {
        let db = leerspoor_testdb::sqlite().await;
        let dataset = leerspoor_demo::genereer(&leerspoor_demo::DemoOpties { seed: 7, scale: 0.02 });
        let opties = leerspoor_ingest::ImportOpties { dry_run: false, gebruiker: "test".into() };
        leerspoor_ingest::importeer_dataset(&db.store, dataset, "test", &opties).await.unwrap();
        let eerste = demo_accounts(&db.store).await.unwrap();
        assert!(eerste.iter().any(|(naam, _)| naam == "lpa"));
        let mut lpa = db.store.account("lpa").await.unwrap().unwrap();
        lpa.wachtwoord_hash = leerspoor_web::aanmelden::hash("paars konijn fietst naar Zwolle");
        lpa.actief = false;
        db.store.bewaar_account(&lpa).await.unwrap();

        demo_accounts(&db.store).await.unwrap();
        assert_eq!(
            db.store.account("lpa").await.unwrap().unwrap(),
            lpa,
            "unchanged: no published password, still inactive"
        );
    }
}
