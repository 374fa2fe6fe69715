//! Beheer: accounts and the roles of medewerkers, the gemeenten and schools of the region, and
//! the upload of an exchange bundle with its validation report (all or nothing, as `leerspoor
//! import`).
use crate::aanmelden::{self, wachtwoord_zwak};
use crate::api::sleutel;
use crate::pagina::{self, Kop, Melding};
use crate::poort::Gebruiker;
use crate::{AppState, rechten};
use askama::Template;
use axum::Extension;
use axum::extract::{Form, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use leerspoor_domain::Gemeentecode;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{Gemeente, Medewerker, Rol, School};
use leerspoor_ingest::{ImportOpties, IngestFout};
use leerspoor_store::sleutels::ApiSleutel;
use leerspoor_store::toegang::Account;
use std::collections::HashMap;

/// The validation errors shown of a refused upload at most.
const MAX_FOUTEN: usize = 200;

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
    /// The API keys, revoked ones too (they explain the access log).
    sleutels: Vec<ApiSleutel>,
}

impl Beheer {
    fn soort(&self, s: &leerspoor_domain::onderwijs::Onderwijssoort) -> &'static str {
        s.label()
    }

    fn tijd(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        pagina::tijdstip(t)
    }

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
        let sleutels = state.store.api_sleutels().await?;
        Ok::<_, leerspoor_store::StoreFout>((accounts, medewerkers, gemeenten, scholen, sleutels))
    };
    let (accounts, medewerkers, gemeenten, scholen, sleutels) = match gegevens.await {
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
    let kop = Kop::voor(g, "/beheer");
    let t = Beheer { kop, melding, medewerkers, rollen, gemeenten, scholen, fouten, invoer, sleutels };
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
    if naam.is_empty()
        || naam.chars().count() > aanmelden::MAX_GEBRUIKERSNAAM
        || !naam.chars().all(|c| c.is_ascii_graphic())
    {
        return weiger(format!(
            "Gebruikersnaam: vul een naam in van ten hoogste {} letters, cijfers of leestekens, zonder spaties.",
            aanmelden::MAX_GEBRUIKERSNAAM
        ))
        .await;
    }
    let nieuw = Medewerker { rol, boa, gemeente, ..oud.clone() };
    if oud.id == g.id() && nieuw != oud {
        return weiger("U kunt uw eigen rol niet wijzigen; vraag een andere beheerder.".into()).await;
    }
    let (bestaand, van_medewerker) = match (state.store.account(&naam).await, state.store.account_van(&oud.id).await) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return pagina::serverfout(&e),
    };
    if bestaand.as_ref().is_some_and(|a| a.medewerker != oud.id) {
        return weiger(format!("Gebruikersnaam '{naam}' is al van een andere medewerker.")).await;
    }
    if let Some(a) = van_medewerker.as_ref().filter(|a| a.gebruikersnaam != naam) {
        return weiger(format!(
            "{} heeft al het account '{}'; een medewerker heeft één account. Wijzig dat account.",
            oud.naam, a.gebruikersnaam
        ))
        .await;
    }
    let actief = invoer.contains_key("actief");
    let vandaag = chrono::Local::now().date_naive();
    if actief && (oud.in_dienst > vandaag || oud.uit_dienst.is_some_and(|u| u < vandaag)) {
        return weiger(format!("{} is vandaag niet in dienst en kan geen actief account hebben.", oud.naam)).await;
    }
    let wachtwoord = invoer.get("wachtwoord").cloned().unwrap_or_default();
    let nieuw_wachtwoord = !wachtwoord.is_empty();
    let hash = match &bestaand {
        Some(a) if !nieuw_wachtwoord => a.wachtwoord_hash.clone(),
        None if !nieuw_wachtwoord => {
            return weiger("Wachtwoord: een nieuw account heeft een wachtwoord nodig.".into()).await;
        }
        _ => match wachtwoord_zwak(&wachtwoord, &[&naam, &oud.naam]) {
            Some(reden) => return weiger(format!("Wachtwoord: {reden}.")).await,
            None => state.wachtwoorden.hash(&wachtwoord).await,
        },
    };
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
    // A new password, a deactivation or other rights end the sessions signed in before.
    let eerder = bestaand.as_ref();
    let opnieuw_aanmelden = nieuw_wachtwoord || nieuw != oud || eerder.is_some_and(|a| a.actief && !actief);
    let account = Account {
        actief,
        generatie: eerder.map_or(0, |a| a.generatie + i64::from(opnieuw_aanmelden)),
        // The beheerder knows this password: its owner must choose their own at the next sign-in.
        moet_wijzigen: nieuw_wachtwoord || eerder.is_some_and(|a| a.moet_wijzigen),
        ..Account::nieuw(&naam, &oud.id, hash)
    };
    if let Err(e) = state.store.bewaar_account(&account).await {
        return pagina::serverfout(&e);
    }
    // A lost phone: the owner enrols again at the next sign-in; its sessions end now.
    let tweestaps_wissen = eerder.is_some() && invoer.contains_key("tweestaps_wissen");
    if tweestaps_wissen && let Err(e) = state.store.zet_tweestaps(&naam, None, 0, &[]).await {
        return pagina::serverfout(&e);
    }
    let mut wat = wijzigingen(eerder, &account, &oud, &nieuw, nieuw_wachtwoord);
    if tweestaps_wissen {
        wat.push_str("; tweestapsverificatie gewist");
    }
    // Access to personal records granted (a new account, a role that opens dossiers, or an account
    // re-activated): a line of its own, which the teamleider sees on the werkvoorraad.
    let opent = |m: &Medewerker| rechten::heeft(m.rol, rechten::Recht::DossierLezen);
    let had = eerder.is_some_and(|a| a.actief) && opent(&oud);
    if account.actief && opent(&nieuw) && !had {
        let reden = format!("{} krijgt inzage in dossiers als {}", nieuw.naam, nieuw.rol.label().to_lowercase());
        if let Err(e) = g.log(&state, "rechten toegekend", &format!("account:{naam}"), "gelukt", Some(&reden)).await {
            return pagina::serverfout(&e);
        }
    }
    if let Err(e) = g.log(&state, "beheer account", &format!("account:{naam}"), "gelukt", Some(&wat)).await {
        return pagina::serverfout(&e);
    }
    let tekst = format!("Account '{naam}' van {} is opgeslagen ({}).", oud.naam, rol.label());
    toon(&state, &g, StatusCode::OK, Some(Melding::ok(tekst)), Vec::new(), HashMap::new()).await
}

/// Revokes any API key (a beheerder stops a lost or misused one): from now on it opens nothing.
pub async fn api_sleutel_intrekken(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(id): Path<String>,
) -> Response {
    let (status, melding) = match sleutel::trek_in(&state.store, &g.herkomst, g.id(), &id, None).await {
        Ok(()) => (StatusCode::OK, Melding::ok(format!("API-sleutel {id} is ingetrokken."))),
        Err(sleutel::SleutelFout::Ongeldig(e)) => {
            (StatusCode::UNPROCESSABLE_ENTITY, Melding::fout(format!("API-sleutel: {e}")))
        }
        Err(sleutel::SleutelFout::Store(e)) => return pagina::serverfout(&e),
    };
    toon(&state, &g, status, Some(melding), Vec::new(), HashMap::new()).await
}

/// What a save changed, for the access log (never the password).
fn wijzigingen(
    eerder: Option<&Account>,
    nu: &Account,
    oud: &Medewerker,
    nieuw: &Medewerker,
    wachtwoord: bool,
) -> String {
    let mut wat = Vec::new();
    if eerder.is_none() {
        wat.push(format!("nieuw account voor {}", nieuw.id));
    }
    if oud.rol != nieuw.rol || oud.boa != nieuw.boa || oud.gemeente != nieuw.gemeente {
        let rechten = |m: &Medewerker| {
            let gemeente = m.gemeente.as_ref().map(|g| format!(" {g}")).unwrap_or_default();
            format!("{}{}{gemeente}", m.rol.code(), if m.boa { " BOA" } else { "" })
        };
        wat.push(format!("rol {} -> {}", rechten(oud), rechten(nieuw)));
    }
    if wachtwoord {
        wat.push("wachtwoord opnieuw ingesteld".into());
    }
    if eerder.is_some_and(|a| a.actief) != nu.actief {
        wat.push(if nu.actief { "geactiveerd".into() } else { "gedeactiveerd".into() });
    }
    if wat.is_empty() { "geen wijziging".into() } else { wat.join("; ") }
}

/// Reads the uploaded CSV files of a bundle into a fresh folder and imports them, or only checks.
/// Only the organisation's own files (no youth in them): casework goes through `leerspoor import`,
/// which an operator runs on the server. Every upload is in the access log, refused ones too.
pub async fn bundel(State(state): State<AppState>, Extension(g): Extension<Gebruiker>, delen: Multipart) -> Response {
    let mut namen = Vec::new();
    let (status, melding, fouten, resultaat) = match lees_bundel(&state, &g, delen, &mut namen).await {
        Ok(Upload::Ingelezen(tekst, controle)) => {
            (StatusCode::OK, Melding::ok(tekst), Vec::new(), if controle { "gecontroleerd" } else { "gelukt" })
        }
        Ok(Upload::Ongeldig(mut fouten)) => {
            let mut tekst = format!("De bundel is geweigerd: {} fout(en); er is niets geschreven.", fouten.len());
            if fouten.len() > MAX_FOUTEN {
                // A page of a million rows helps no one: the first ones show what to fix.
                tekst.push_str(&format!(
                    " Hieronder de eerste {MAX_FOUTEN}; `leerspoor import --dry-run` toont ze alle."
                ));
                fouten.truncate(MAX_FOUTEN);
            }
            (StatusCode::UNPROCESSABLE_ENTITY, Melding::fout(tekst), fouten, "geweigerd")
        }
        Ok(Upload::Geweigerd(tekst)) => {
            (StatusCode::UNPROCESSABLE_ENTITY, Melding::fout(tekst), Vec::new(), "geweigerd")
        }
        Err(antwoord) => return antwoord,
    };
    let object = format!("bundel:{}", if namen.is_empty() { "-".to_string() } else { namen.join(",") });
    if let Err(e) = g.log(&state, "upload bundel", &object, resultaat, Some(&melding.tekst)).await {
        return pagina::serverfout(&e);
    }
    toon(&state, &g, status, Some(melding), fouten, HashMap::new()).await
}

enum Upload {
    /// The summary, and whether it was only checked.
    Ingelezen(String, bool),
    Ongeldig(Vec<leerspoor_ingest::Fout>),
    Geweigerd(String),
}

async fn lees_bundel(
    state: &AppState,
    g: &Gebruiker,
    mut delen: Multipart,
    namen: &mut Vec<String>,
) -> Result<Upload, Response> {
    let map = tempfile::tempdir().map_err(|e| pagina::serverfout(&e))?;
    let toegestaan = leerspoor_ingest::entiteit::organisatiebestanden();
    let mut controle = false;
    let mut aantal = 0;
    loop {
        let deel = match delen.next_field().await {
            Ok(Some(d)) => d,
            Ok(None) => break,
            Err(e) => return Ok(Upload::Geweigerd(format!("De upload is afgebroken: {e}"))),
        };
        match deel.name() {
            Some("controle") => controle = true,
            Some("bestanden") => {
                let naam = deel.file_name().unwrap_or("").to_string();
                if naam.is_empty() {
                    continue;
                }
                // Named in the access log, also when refused (cut: the name is the client's).
                namen.push(naam.chars().take(100).collect());
                if leerspoor_ingest::entiteit::bestanden().contains(&naam.as_str())
                    && !toegestaan.contains(&naam.as_str())
                {
                    return Ok(Upload::Geweigerd(format!(
                        "'{naam}' gaat over jongeren en hun zaken; zo'n bestand leest de beheerder van de server in met \
                         `leerspoor import`. Hier kunnen alleen {} ingelezen worden.",
                        toegestaan.join(", ")
                    )));
                }
                if !toegestaan.contains(&naam.as_str()) {
                    return Ok(Upload::Geweigerd(format!(
                        "'{naam}' hoort niet bij een uitwisselbundel; toegestaan: {}",
                        toegestaan.join(", ")
                    )));
                }
                let inhoud = match deel.bytes().await {
                    Ok(b) => b,
                    Err(e) => return Ok(Upload::Geweigerd(format!("{naam}: de upload is afgebroken: {e}"))),
                };
                std::fs::write(map.path().join(&naam), &inhoud).map_err(|e| pagina::serverfout(&e))?;
                aantal += 1;
            }
            _ => {}
        }
    }
    if aantal == 0 {
        return Ok(Upload::Geweigerd("Kies de CSV-bestanden van de bundel.".into()));
    }
    let opties = ImportOpties { dry_run: controle, gebruiker: g.id().to_string() };
    match leerspoor_ingest::importeer(&state.store, map.path(), &opties).await {
        Ok(s) => Ok(Upload::Ingelezen(s.to_string(), controle)),
        Err(IngestFout::Ongeldig(fouten)) => Ok(Upload::Ongeldig(fouten)),
        Err(IngestFout::Io { pad, bron }) => Ok(Upload::Geweigerd(format!("{pad}: {bron}"))),
        Err(IngestFout::Store(e)) => Err(pagina::serverfout(&e)),
        // Only the pseudonymised export reads a key; an import never does.
        Err(IngestFout::Sleutel(e)) => Err(pagina::serverfout(&e)),
    }
}
