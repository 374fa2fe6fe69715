//! RMC-trajecten (docs/regels.md): starting one for a youth of the doelgroep and closing it with its
//! result from the outcome list; and what a youth out of school does (dagbesteding).
use super::{naam_van, toon_formulier, voor_formulier};
use crate::AppState;
use crate::codes::Labels;
use crate::formulier::{Formulier, Soort, Veld};
use crate::pagina::{self, Kop};
use crate::poort::Gebruiker;
use axum::Extension;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leerspoor_casework::dagbesteding::NieuweDagbesteding;
use leerspoor_casework::trajecten::NieuwTraject;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::codes::CodeLijst;
use leerspoor_domain::model::{Jongere, TrajectSoort};
use std::collections::HashMap;

type Invoer = Form<HashMap<String, String>>;

fn startformulier(g: &Gebruiker, j: &Jongere, vandaag: &str) -> Formulier {
    let soorten = TrajectSoort::ALL.iter().map(|s| (s.code().to_string(), s.label().to_string())).collect();
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("RMC-traject starten voor {}", naam_van(j)),
        intro: "Het traject komt op uw naam. De aanmelddatum bepaalt in de rapportage of de jongere vóór het verslagjaar gemeld was.".into(),
        actie: format!("/jongeren/{}/traject", j.id),
        knop: "Traject starten",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![
            Veld::new("soort", "Soort traject", Soort::Keuze).verplicht().keuzes(soorten),
            Veld::new("aangemeld_op", "Aangemeld bij RMC op", Soort::Datum).verplicht().waarde(vandaag),
            Veld::new("begindatum", "Begindatum", Soort::Datum).verplicht().waarde(vandaag),
        ],
        algemeen: None,
    }
}

pub async fn formulier(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
) -> Response {
    match voor_formulier(&state, &g, &jongere).await {
        Ok((j, _)) => pagina::toon(&startformulier(&g, &j, &state.vandaag().to_string())),
        Err(r) => r,
    }
}

pub async fn start(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
    Form(invoer): Invoer,
) -> Response {
    let (j, _) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut f = startformulier(&g, &j, "").met_invoer(&invoer);
    let soort = f.tekst("soort").and_then(|s| match TrajectSoort::parse_code(&s) {
        Ok(s) => Some(s),
        Err(e) => {
            f.fout("soort", e);
            None
        }
    });
    let aangemeld = f.datum("aangemeld_op");
    let begin = f.datum("begindatum");
    let (Some(soort), Some(Some(aangemeld_op)), Some(Some(begindatum))) = (soort, aangemeld, begin) else {
        return f.terug_met_fouten();
    };
    let n = NieuwTraject { jongere: j.id.clone(), soort, aangemeld_op, begindatum };
    match leerspoor_casework::trajecten::start(&state.store, &g.medewerker, n).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=traject", j.id)).into_response(),
        Err(e) => f.weigering(e, "soort"),
    }
}

fn sluitformulier(g: &Gebruiker, j: &Jongere, id: &str, labels: &Labels) -> Formulier {
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("RMC-traject van {} afsluiten", naam_van(j)),
        intro: String::new(),
        actie: format!("/jongeren/{}/trajecten/{id}/sluiten", j.id),
        knop: "Traject afsluiten",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![
            Veld::new("resultaat", "Resultaat", Soort::Keuze)
                .verplicht()
                .keuzes(labels.keuzes(CodeLijst::RmcResultaat)),
            Veld::new("einddatum", "Einddatum", Soort::Datum).verplicht(),
        ],
        algemeen: None,
    }
}

pub async fn sluit(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path((jongere, id)): Path<(String, String)>,
    Form(invoer): Invoer,
) -> Response {
    let (j, labels) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut f = sluitformulier(&g, &j, &id, &labels).met_invoer(&invoer);
    let resultaat = f.tekst("resultaat");
    let einddatum = f.datum("einddatum");
    let (Some(resultaat), Some(Some(einddatum))) = (resultaat, einddatum) else {
        return f.terug_met_fouten();
    };
    match leerspoor_casework::trajecten::sluit(&state.store, &g.medewerker, &id, einddatum, &resultaat).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=traject_gesloten", j.id)).into_response(),
        Err(e) => f.weigering(e, "resultaat"),
    }
}

fn dagbestedingformulier(g: &Gebruiker, j: &Jongere, labels: &Labels, vandaag: &str) -> Formulier {
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("Dagbesteding vastleggen voor {}", naam_van(j)),
        intro: "Wat de jongere buiten school doet, zoals u het bij een contact hoort: werk, een uitkering, zorg. De \
                bestemming van VSV-ers en jongeren in een kwetsbare positie in de rapportage volgt het laatste."
            .into(),
        actie: format!("/jongeren/{}/dagbesteding", j.id),
        knop: "Dagbesteding vastleggen",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![
            Veld::new("soort", "Dagbesteding", Soort::Keuze).verplicht().keuzes(labels.keuzes(CodeLijst::Dagbesteding)),
            Veld::new("datum", "Datum (gehoord op)", Soort::Datum).verplicht().waarde(vandaag),
            Veld::new("toelichting", "Toelichting", Soort::Tekstvak),
        ],
        algemeen: None,
    }
}

pub async fn dagbesteding_formulier(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
) -> Response {
    toon_formulier(&state, &g, &jongere, dagbestedingformulier).await
}

pub async fn dagbesteding(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
    Form(invoer): Invoer,
) -> Response {
    let (j, labels) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut f = dagbestedingformulier(&g, &j, &labels, "").met_invoer(&invoer);
    let soort = f.tekst("soort");
    let datum = f.datum("datum");
    let toelichting = f.tekst("toelichting");
    let (Some(soort), Some(Some(datum)), Some(toelichting)) = (soort, datum, toelichting) else {
        return f.terug_met_fouten();
    };
    let n = NieuweDagbesteding { jongere: j.id.clone(), datum, soort, toelichting };
    match leerspoor_casework::dagbesteding::leg_vast(&state.store, &g.medewerker, n).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=dagbesteding", j.id)).into_response(),
        Err(e) => f.weigering(e, "soort"),
    }
}
