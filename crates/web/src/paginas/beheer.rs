//! Beheer: accounts and the roles of medewerkers, the gemeenten and schools of the region, and
//! the upload of an exchange bundle with its validation report (all or nothing, as `leerspoor
//! import`).
use crate::AppState;
use crate::aanmelden;
use crate::pagina::{self, Kop, Melding};
use crate::poort::Gebruiker;
use askama::Template;
use axum::Extension;
use axum::extract::{Form, Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use leerspoor_domain::Gemeentecode;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{Gemeente, Medewerker, Rol, School};
use leerspoor_ingest::{ImportOpties, IngestFout};
use leerspoor_store::toegang::Account;
use std::collections::HashMap;

/// The shortest password accepted (NCSC: length over complexity).
const MIN_WACHTWOORD: usize = 12;

pub struct Regel {
    pub medewerker: Medewerker,
    pub rol: String,
    pub account: Option<Account>,
}

#[derive(Template)]
#[template(path = "beheer.html")]
struct Beheer {
    kop: Kop,
    melding: Option<Melding>,
    medewerkers: Vec<Regel>,
    rollen: Vec<(String, String)>,
    gemeenten: Vec<Gemeente>,
    scholen: Vec<School>,
    fouten: Vec<leerspoor_ingest::Fout>,
    invoer: HashMap<String, String>,
}

impl Beheer {
    fn ingevuld(&self, veld: &str) -> &str {
        self.invoer.get(veld).map(String::as_str).unwrap_or("")
    }
}

async fn toon(
    state: &AppState,
    g: &Gebruiker,
    status: StatusCode,
    melding: Option<Melding>,
    fouten: Vec<leerspoor_ingest::Fout>,
    invoer: HashMap<String, String>,
) -> Response {
    let gegevens = async {
        let accounts = state.store.accounts().await?;
        let medewerkers: Vec<Medewerker> = state.store.lees().await?;
        let gemeenten: Vec<Gemeente> = state.store.lees().await?;
        let scholen: Vec<School> = state.store.lees().await?;
        Ok::<_, leerspoor_store::StoreFout>((accounts, medewerkers, gemeenten, scholen))
    };
    let (accounts, medewerkers, gemeenten, scholen) = match gegevens.await {
        Ok(x) => x,
        Err(e) => return pagina::serverfout(&e),
    };
    let medewerkers = medewerkers
        .into_iter()
        .map(|m| Regel {
            rol: format!("{}{}", m.rol.label(), if m.boa { " (BOA)" } else { "" }),
            account: accounts.iter().find(|a| a.medewerker == m.id).cloned(),
            medewerker: m,
        })
        .collect();
    let rollen = Rol::ALL.iter().map(|r| (r.code().to_string(), r.label().to_string())).collect();
    let t = Beheer { kop: Kop::voor(g, "/beheer"), melding, medewerkers, rollen, gemeenten, scholen, fouten, invoer };
    (status, pagina::toon(&t)).into_response()
}

pub async fn pagina(State(state): State<AppState>, Extension(g): Extension<Gebruiker>) -> Response {
    toon(&state, &g, StatusCode::OK, None, Vec::new(), HashMap::new()).await
}

/// Creates or changes a medewerker's account (a new password also lifts a lock-out) and role.
pub async fn account(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Form(invoer): Form<HashMap<String, String>>,
) -> Response {
    let veld = |n: &str| invoer.get(n).map(|s| s.trim().to_string()).unwrap_or_default();
    let weiger = |tekst: String| {
        toon(&state, &g, StatusCode::UNPROCESSABLE_ENTITY, Some(Melding::fout(tekst)), Vec::new(), invoer.clone())
    };
    let oud = match state.store.lees_een::<Medewerker>(&veld("medewerker")).await {
        Ok(Some(m)) => m,
        Ok(None) => return weiger("Kies een medewerker.".into()).await,
        Err(e) => return pagina::serverfout(&e),
    };
    let rol = match Rol::parse_code(&veld("rol")) {
        Ok(r) => r,
        Err(e) => return weiger(format!("Rol: {e}")).await,
    };
    let gemeente = match (rol, veld("gemeente").as_str()) {
        (Rol::Gemeente, "") => {
            return weiger("Rol gemeente: kies de gemeente die deze medewerker mag zien.".into()).await;
        }
        (Rol::Gemeente, code) => match Gemeentecode::parse(code) {
            Ok(c) => Some(c),
            Err(e) => return weiger(format!("Gemeente: {e}")).await,
        },
        _ => None,
    };
    let boa = invoer.contains_key("boa");
    if boa && rol != Rol::Leerplichtambtenaar {
        return weiger("Alleen een leerplichtambtenaar kan BOA zijn.".into()).await;
    }
    let naam = veld("gebruikersnaam");
    if naam.is_empty() || naam.contains(char::is_whitespace) {
        return weiger("Gebruikersnaam: vul een naam zonder spaties in.".into()).await;
    }
    let wachtwoord = invoer.get("wachtwoord").cloned().unwrap_or_default();
    let bestaand = match state.store.account(&naam).await {
        Ok(a) => a,
        Err(e) => return pagina::serverfout(&e),
    };
    if bestaand.as_ref().is_some_and(|a| a.medewerker != oud.id) {
        return weiger(format!("Gebruikersnaam '{naam}' is al van een andere medewerker.")).await;
    }
    let hash = match (&bestaand, wachtwoord.chars().count()) {
        (Some(a), 0) => a.wachtwoord_hash.clone(),
        (_, n) if n < MIN_WACHTWOORD => {
            return weiger(format!("Wachtwoord: ten minste {MIN_WACHTWOORD} tekens (een zin werkt goed).")).await;
        }
        _ => aanmelden::hash(&wachtwoord),
    };
    let nieuw = Medewerker { rol, boa, gemeente, ..oud.clone() };
    if nieuw != oud {
        let schrijven = async {
            let mut s = state.store.schrijver(g.id(), "beheer medewerker").await?;
            s.wijzig(&oud, &nieuw).await?;
            s.vastleggen("beheer medewerker", &nieuw.id).await
        };
        if let Err(e) = schrijven.await {
            return pagina::serverfout(&e);
        }
    }
    let account = Account {
        gebruikersnaam: naam.clone(),
        medewerker: oud.id.clone(),
        wachtwoord_hash: hash,
        mislukte_pogingen: 0,
        geblokkeerd_tot: None,
        actief: invoer.contains_key("actief"),
    };
    if let Err(e) = state.store.bewaar_account(&account).await {
        return pagina::serverfout(&e);
    }
    if let Err(e) = state.store.log(g.id(), "beheer account", &format!("account:{naam}"), "gelukt", None).await {
        return pagina::serverfout(&e);
    }
    let tekst = format!("Account '{naam}' van {} is opgeslagen ({}).", oud.naam, rol.label());
    toon(&state, &g, StatusCode::OK, Some(Melding::ok(tekst)), Vec::new(), HashMap::new()).await
}

/// Reads the uploaded CSV files of a bundle into a fresh folder and imports them, or only checks.
pub async fn bundel(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    mut delen: Multipart,
) -> Response {
    let fout = |tekst: String| {
        toon(&state, &g, StatusCode::UNPROCESSABLE_ENTITY, Some(Melding::fout(tekst)), Vec::new(), HashMap::new())
    };
    let map = match tempfile::tempdir() {
        Ok(m) => m,
        Err(e) => return pagina::serverfout(&e),
    };
    let toegestaan = leerspoor_ingest::entiteit::bestanden();
    let mut controle = false;
    let mut aantal = 0;
    loop {
        let deel = match delen.next_field().await {
            Ok(Some(d)) => d,
            Ok(None) => break,
            Err(e) => return fout(format!("De upload is afgebroken: {e}")).await,
        };
        match deel.name() {
            Some("controle") => controle = true,
            Some("bestanden") => {
                let naam = deel.file_name().unwrap_or("").to_string();
                if naam.is_empty() {
                    continue;
                }
                if !toegestaan.contains(&naam.as_str()) {
                    return fout(format!(
                        "'{naam}' hoort niet bij een uitwisselbundel; toegestaan: {}",
                        toegestaan.join(", ")
                    ))
                    .await;
                }
                let inhoud = match deel.bytes().await {
                    Ok(b) => b,
                    Err(e) => return fout(format!("{naam}: de upload is afgebroken: {e}")).await,
                };
                if let Err(e) = std::fs::write(map.path().join(&naam), &inhoud) {
                    return pagina::serverfout(&e);
                }
                aantal += 1;
            }
            _ => {}
        }
    }
    if aantal == 0 {
        return fout("Kies de CSV-bestanden van de bundel.".into()).await;
    }
    let opties = ImportOpties { dry_run: controle, gebruiker: g.id().to_string() };
    match leerspoor_ingest::importeer(&state.store, map.path(), &opties).await {
        Ok(s) => toon(&state, &g, StatusCode::OK, Some(Melding::ok(s.to_string())), Vec::new(), HashMap::new()).await,
        Err(IngestFout::Ongeldig(fouten)) => {
            let tekst = format!("De bundel is geweigerd: {} fout(en); er is niets geschreven.", fouten.len());
            toon(&state, &g, StatusCode::UNPROCESSABLE_ENTITY, Some(Melding::fout(tekst)), fouten, HashMap::new()).await
        }
        Err(IngestFout::Io { pad, bron }) => fout(format!("{pad}: {bron}")).await,
        Err(IngestFout::Store(e)) => pagina::serverfout(&e),
    }
}
