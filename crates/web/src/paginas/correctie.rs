//! *Gegevens corrigeren* in the dossier (AVG art. 16): the register's facts about the youth, or
//! about a parent linked to her, in a form filled with what the register holds, with the reason
//! of the correction. The form sends back the [`versie`] it showed: if someone else changed the
//! record meanwhile, nothing is written and the form shows the record as it is now.
use super::{naam_van, voor_formulier};
use crate::AppState;
use crate::formulier::{Formulier, Soort, Veld};
use crate::pagina::{self, Kop};
use crate::poort::Gebruiker;
use askama::Template;
use axum::Extension;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leerspoor_casework::Fout;
use leerspoor_casework::correctie::{self, JongereCorrectie, OuderCorrectie, versie};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{Geslacht, Gezinsrelatie, Jongere, Ouder};
use leerspoor_domain::rules::correctie::Grond;
use leerspoor_store::StoreFout;
use std::collections::HashMap;

type Invoer = Form<HashMap<String, String>>;

/// Someone whose facts can be corrected from this dossier: the link, the name with who she is,
/// and whether her form is the one shown.
pub struct Persoon {
    pub href: String,
    pub naam: String,
    pub huidig: bool,
}

#[derive(Template)]
#[template(path = "correctie.html")]
struct CorrectiePagina {
    kop: Kop,
    f: Formulier,
    versie: String,
    personen: Vec<Persoon>,
}

impl CorrectiePagina {
    /// The facts, above the reason.
    fn gegevens(&self) -> &[Veld] {
        &self.f.velden[..self.f.velden.len() - REDEN_VELDEN]
    }

    fn reden(&self) -> &[Veld] {
        &self.f.velden[self.f.velden.len() - REDEN_VELDEN..]
    }
}

/// The reason's fields, last in every correction form.
const REDEN_VELDEN: usize = 2;

fn reden_velden() -> [Veld; REDEN_VELDEN] {
    let gronden = Grond::ALL.iter().map(|g| (g.code().to_string(), g.label().to_string())).collect();
    [
        Veld::new("grond", "Reden", Soort::Keuze).verplicht().keuzes(gronden),
        Veld::new("toelichting", "Toelichting", Soort::Tekstvak)
            .hulp("Verplicht bij 'anders'. Staat bij elk gewijzigd gegeven in de wijzigingshistorie en in een inzage."),
    ]
}

fn tekst(naam: &'static str, label: &'static str, waarde: &str) -> Veld {
    Veld::new(naam, label, Soort::Tekst).waarde(waarde)
}

fn jongereformulier(g: &Gebruiker, j: &Jongere) -> Formulier {
    let geslachten = Geslacht::ALL.iter().map(|x| (x.code().to_string(), x.label().to_string())).collect();
    let mut velden = vec![
        tekst("bsn", "BSN", &j.bsn.as_digits()).verplicht(),
        tekst("voornamen", "Voornamen", &j.voornamen).verplicht(),
        tekst("tussenvoegsel", "Tussenvoegsel", &j.tussenvoegsel),
        tekst("achternaam", "Achternaam", &j.achternaam).verplicht(),
        Veld::new("geboortedatum", "Geboortedatum", Soort::Datum).verplicht().waarde(j.geboortedatum.to_string()),
        Veld::new("geslacht", "Geslacht", Soort::Keuze).verplicht().keuzes(geslachten).waarde(j.geslacht.code()),
        Veld::new("overlijdensdatum", "Overlijdensdatum", Soort::Datum)
            .waarde(j.overlijdensdatum.map(|d| d.to_string()).unwrap_or_default()),
    ];
    velden.extend(reden_velden());
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("Gegevens corrigeren: {}", naam_van(j)),
        intro: "Corrigeer wat het register onjuist of onvolledig heeft (AVG art. 16). Elk gegeven dat u wijzigt, komt \
                met de oude en de nieuwe waarde, uw naam en de reden in de wijzigingshistorie."
            .into(),
        actie: format!("/jongeren/{}/corrigeren", j.id),
        knop: "Correctie opslaan",
        terug: format!("/jongeren/{}", j.id),
        velden,
        algemeen: None,
    }
}

fn ouderformulier(g: &Gebruiker, j: &Jongere, o: &Ouder) -> Formulier {
    let mut velden = vec![
        tekst("voornamen", "Voornamen", &o.voornamen).verplicht(),
        tekst("tussenvoegsel", "Tussenvoegsel", &o.tussenvoegsel),
        tekst("achternaam", "Achternaam", &o.achternaam).verplicht(),
        tekst("telefoon", "Telefoon", &o.telefoon),
        tekst("email", "E-mailadres", &o.email),
    ];
    velden.extend(reden_velden());
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!(
            "Gegevens corrigeren: {} (ouder of verzorger van {})",
            pagina::naam(&o.voornamen, &o.tussenvoegsel, &o.achternaam),
            naam_van(j)
        ),
        intro: "Corrigeer wat het register onjuist of onvolledig heeft (AVG art. 16). Een ouder staat één keer in het \
                register: de correctie geldt ook in de dossiers van broers en zussen. Het BSN van een ouder komt uit de \
                BRP (BRP bijwerken)."
            .into(),
        actie: format!("/jongeren/{}/ouders/{}/corrigeren", j.id, o.id),
        knop: "Correctie opslaan",
        terug: format!("/jongeren/{}", j.id),
        velden,
        algemeen: None,
    }
}

/// The youth and the parents linked to her, each with the link to her form.
async fn personen(state: &AppState, j: &Jongere, huidig: &str) -> Result<Vec<Persoon>, StoreFout> {
    let mut uit = vec![Persoon {
        href: format!("/jongeren/{}/corrigeren", j.id),
        naam: format!("{} (jongere)", naam_van(j)),
        huidig: huidig == j.id,
    }];
    for r in state.store.lees_waar::<Gezinsrelatie>("jongere", &j.id).await? {
        if let Some(o) = state.store.lees_een::<Ouder>(&r.ouder).await? {
            uit.push(Persoon {
                href: format!("/jongeren/{}/ouders/{}/corrigeren", j.id, o.id),
                naam: format!(
                    "{} ({})",
                    pagina::naam(&o.voornamen, &o.tussenvoegsel, &o.achternaam),
                    r.relatie.label().to_lowercase()
                ),
                huidig: huidig == o.id,
            });
        }
    }
    Ok(uit)
}

async fn toon(
    state: &AppState,
    status: StatusCode,
    f: Formulier,
    j: &Jongere,
    huidig: &str,
    versie: String,
) -> Response {
    match personen(state, j, huidig).await {
        Ok(personen) => {
            let kop = f.kop.clone();
            (status, pagina::toon(&CorrectiePagina { kop, f, versie, personen })).into_response()
        }
        Err(e) => pagina::serverfout(&e),
    }
}

/// The parent `ouder` of the youth (the door has checked that she is linked to her).
async fn ouder(state: &AppState, g: &Gebruiker, id: &str) -> Result<Ouder, Response> {
    match state.store.lees_een::<Ouder>(id).await {
        Ok(Some(o)) => Ok(o),
        Ok(None) => Err(crate::poort::niet_gevonden(g)),
        Err(e) => Err(pagina::serverfout(&e)),
    }
}

pub async fn formulier(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
) -> Response {
    match voor_formulier(&state, &g, &jongere).await {
        Ok((j, _)) => toon(&state, StatusCode::OK, jongereformulier(&g, &j), &j, &j.id, versie(&j)).await,
        Err(r) => r,
    }
}

pub async fn corrigeer(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
    Form(invoer): Invoer,
) -> Response {
    let (j, _) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let gezien = invoer.get("versie").cloned().unwrap_or_default();
    let mut f = jongereformulier(&g, &j).met_invoer(&invoer);
    let velden = (f.tekst("bsn"), f.tekst("voornamen"), f.tekst("tussenvoegsel"), f.tekst("achternaam"));
    let geboren = f.datum("geboortedatum");
    let geslacht = f.tekst("geslacht").and_then(|s| Geslacht::parse_code(&s).map_err(|e| f.fout("geslacht", e)).ok());
    let overleden = f.datum("overlijdensdatum");
    let reden = (f.tekst("grond"), f.tekst("toelichting"));
    let (
        (Some(bsn), Some(voornamen), Some(tussenvoegsel), Some(achternaam)),
        Some(Some(geboortedatum)),
        Some(geslacht),
        Some(overlijdensdatum),
        (Some(grond), Some(toelichting)),
    ) = (velden, geboren, geslacht, overleden, reden)
    else {
        return toon(&state, StatusCode::UNPROCESSABLE_ENTITY, f, &j, &j.id, gezien).await;
    };
    let c = JongereCorrectie {
        jongere: j.id.clone(),
        versie: gezien.clone(),
        bsn,
        voornamen,
        tussenvoegsel,
        achternaam,
        geboortedatum,
        geslacht,
        overlijdensdatum,
    };
    match correctie::corrigeer_jongere(&state.store, &g.medewerker, c, &grond, &toelichting).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=correctie", j.id)).into_response(),
        Err(Fout::Store(StoreFout::Gelijktijdig { .. })) => match state.store.lees_een::<Jongere>(&j.id).await {
            // The record as it is now, with the reason as typed: the employee corrects it again.
            Ok(Some(nu)) => {
                let f = opnieuw(jongereformulier(&g, &nu), &invoer);
                toon(&state, StatusCode::CONFLICT, f, &nu, &nu.id, versie(&nu)).await
            }
            Ok(None) => crate::poort::niet_gevonden(&g),
            Err(e) => pagina::serverfout(&e),
        },
        Err(e) => match f.zet_weigering(e, "") {
            Ok(()) => toon(&state, StatusCode::UNPROCESSABLE_ENTITY, f, &j, &j.id, gezien).await,
            Err(e) => pagina::serverfout(&e),
        },
    }
}

pub async fn ouder_formulier(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path((jongere, id)): Path<(String, String)>,
) -> Response {
    let (j, _) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    match ouder(&state, &g, &id).await {
        Ok(o) => toon(&state, StatusCode::OK, ouderformulier(&g, &j, &o), &j, &o.id, versie(&o)).await,
        Err(r) => r,
    }
}

pub async fn corrigeer_ouder(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path((jongere, id)): Path<(String, String)>,
    Form(invoer): Invoer,
) -> Response {
    let (j, _) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let o = match ouder(&state, &g, &id).await {
        Ok(o) => o,
        Err(r) => return r,
    };
    let gezien = invoer.get("versie").cloned().unwrap_or_default();
    let mut f = ouderformulier(&g, &j, &o).met_invoer(&invoer);
    let namen = (f.tekst("voornamen"), f.tekst("tussenvoegsel"), f.tekst("achternaam"));
    let contact = (f.tekst("telefoon"), f.tekst("email"));
    let reden = (f.tekst("grond"), f.tekst("toelichting"));
    let (
        (Some(voornamen), Some(tussenvoegsel), Some(achternaam)),
        (Some(telefoon), Some(email)),
        (Some(grond), Some(toelichting)),
    ) = (namen, contact, reden)
    else {
        return toon(&state, StatusCode::UNPROCESSABLE_ENTITY, f, &j, &o.id, gezien).await;
    };
    let c = OuderCorrectie {
        jongere: j.id.clone(),
        ouder: o.id.clone(),
        versie: gezien.clone(),
        voornamen,
        tussenvoegsel,
        achternaam,
        telefoon,
        email,
    };
    match correctie::corrigeer_ouder(&state.store, &g.medewerker, c, &grond, &toelichting).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=correctie", j.id)).into_response(),
        Err(Fout::Store(StoreFout::Gelijktijdig { .. })) => match ouder(&state, &g, &o.id).await {
            Ok(nu) => {
                let f = opnieuw(ouderformulier(&g, &j, &nu), &invoer);
                toon(&state, StatusCode::CONFLICT, f, &j, &nu.id, versie(&nu)).await
            }
            Err(r) => r,
        },
        Err(e) => match f.zet_weigering(e, "") {
            Ok(()) => toon(&state, StatusCode::UNPROCESSABLE_ENTITY, f, &j, &o.id, gezien).await,
            Err(e) => pagina::serverfout(&e),
        },
    }
}

/// The form with the record as it is now and the reason as typed, after someone else changed it.
fn opnieuw(mut f: Formulier, invoer: &HashMap<String, String>) -> Formulier {
    for v in f.velden.iter_mut().filter(|v| v.naam == "grond" || v.naam == "toelichting") {
        v.waarde = invoer.get(v.naam).cloned().unwrap_or_default();
    }
    f.algemeen = Some(
        "Iemand anders heeft deze gegevens gewijzigd sinds u het formulier opende; er is niets opgeslagen. Hieronder \
         staat wat het register nu heeft: voer uw correctie opnieuw in."
            .into(),
    );
    f
}
