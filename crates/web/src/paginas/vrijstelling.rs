//! Vrijstellingen and verlof (Lpw art. 3a–15, docs/regels.md): registering a request and deciding
//! on it. The rules of the articles (the doctor's statement for 5 sub a, who decides, the reasons
//! of a refusal) are the domain's; their refusals appear beside the field.
use super::{naam_van, toon_formulier, voor_formulier};
use crate::AppState;
use crate::codes::Labels;
use crate::formulier::{Formulier, Soort, Veld};
use crate::pagina::Kop;
use crate::poort::Gebruiker;
use axum::Extension;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leerspoor_casework::vrijstellingen::{Aanvraag, Besluit, Schoolverlof};
use leerspoor_domain::codes::CodeLijst;
use leerspoor_domain::model::Jongere;
use std::collections::HashMap;

type Invoer = Form<HashMap<String, String>>;

fn aanvraagformulier(g: &Gebruiker, j: &Jongere, labels: &Labels, vandaag: &str) -> Formulier {
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("Vrijstelling of verlof aanvragen voor {}", naam_van(j)),
        intro: "Registreer de aanvraag; het besluit volgt in het dossier.".into(),
        actie: format!("/jongeren/{}/vrijstelling", j.id),
        knop: "Aanvraag registreren",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![
            Veld::new("artikel", "Artikel", Soort::Keuze)
                .verplicht()
                .keuzes(labels.keuzes(CodeLijst::VrijstellingArtikel)),
            Veld::new("aanvraagdatum", "Datum aanvraag", Soort::Datum).verplicht().waarde(vandaag),
            Veld::new("geldig_van", "Gevraagd vanaf", Soort::Datum),
            Veld::new("geldig_tot", "Gevraagd tot en met", Soort::Datum),
            Veld::new("dagen", "Schooldagen verlof", Soort::Getal).hulp("Alleen bij verlof (art. 11)."),
            Veld::new("artsverklaring_datum", "Datum verklaring onafhankelijk arts", Soort::Datum)
                .hulp("Art. 5 sub a: de verklaring is ten hoogste 3 maanden oud."),
            Veld::new("swv_advies_datum", "Datum advies samenwerkingsverband", Soort::Datum).hulp("Art. 5 sub a."),
            Veld::new("toelichting", "Toelichting", Soort::Tekstvak),
        ],
        algemeen: None,
    }
}

pub async fn formulier(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
) -> Response {
    toon_formulier(&state, &g, &jongere, aanvraagformulier).await
}

pub async fn aanvragen(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
    Form(invoer): Invoer,
) -> Response {
    let (j, labels) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut f = aanvraagformulier(&g, &j, &labels, "").met_invoer(&invoer);
    let artikel = f.tekst("artikel");
    let aanvraagdatum = f.datum("aanvraagdatum");
    let geldig_van = f.datum("geldig_van");
    let geldig_tot = f.datum("geldig_tot");
    let dagen = f.aantal("dagen");
    let arts = f.datum("artsverklaring_datum");
    let swv = f.datum("swv_advies_datum");
    let toelichting = f.tekst("toelichting");
    let (
        Some(artikel),
        Some(Some(aanvraagdatum)),
        Some(geldig_van),
        Some(geldig_tot),
        Some(dagen),
        Some(arts),
        Some(swv),
        Some(toelichting),
    ) = (artikel, aanvraagdatum, geldig_van, geldig_tot, dagen, arts, swv, toelichting)
    else {
        return f.terug_met_fouten();
    };
    let a = Aanvraag {
        jongere: j.id.clone(),
        artikel,
        aanvraagdatum,
        geldig_van,
        geldig_tot,
        dagen,
        artsverklaring_datum: arts,
        swv_advies_datum: swv,
        toelichting,
    };
    match leerspoor_casework::vrijstellingen::vraag_aan(&state.store, &g.medewerker, a).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=vrijstelling", j.id)).into_response(),
        Err(e) => f.weigering(e, "artikel"),
    }
}

fn besluitformulier(g: &Gebruiker, j: &Jongere, id: &str) -> Formulier {
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("Besluit over de aanvraag van {}", naam_van(j)),
        intro: "Een afwijzing vermeldt de redenen (Awb art. 3:46).".into(),
        actie: format!("/jongeren/{}/vrijstellingen/{id}/besluit", j.id),
        knop: "Besluit vastleggen",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![
            Veld::new("besluit", "Besluit", Soort::Keuze)
                .verplicht()
                .keuzes(vec![("toekennen".into(), "Toekennen".into()), ("afwijzen".into(), "Afwijzen".into())]),
            Veld::new("besluitdatum", "Datum besluit", Soort::Datum).verplicht(),
            Veld::new("geldig_van", "Geldig vanaf", Soort::Datum).hulp("Leeg: zoals aangevraagd."),
            Veld::new("geldig_tot", "Geldig tot en met", Soort::Datum).hulp("Leeg: zoals aangevraagd."),
            Veld::new("toelichting", "Motivering", Soort::Tekstvak),
        ],
        algemeen: None,
    }
}

pub async fn besluit(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path((jongere, id)): Path<(String, String)>,
    Form(invoer): Invoer,
) -> Response {
    let (j, _) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut f = besluitformulier(&g, &j, &id).met_invoer(&invoer);
    let keuze = f.tekst("besluit");
    let besluitdatum = f.datum("besluitdatum");
    let geldig_van = f.datum("geldig_van");
    let geldig_tot = f.datum("geldig_tot");
    let toelichting = f.tekst("toelichting");
    let (Some(keuze), Some(Some(besluitdatum)), Some(geldig_van), Some(geldig_tot), Some(toelichting)) =
        (keuze, besluitdatum, geldig_van, geldig_tot, toelichting)
    else {
        return f.terug_met_fouten();
    };
    let b = Besluit { toekennen: keuze == "toekennen", besluitdatum, geldig_van, geldig_tot, toelichting };
    match leerspoor_casework::vrijstellingen::besluit(&state.store, &g.medewerker, &id, b).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=besluit", j.id)).into_response(),
        Err(e) => f.weigering(e, "besluit"),
    }
}

fn schoolverlofformulier(g: &Gebruiker, j: &Jongere, labels: &Labels, vandaag: &str) -> Formulier {
    let verlof: Vec<(String, String)> = labels
        .keuzes(CodeLijst::VrijstellingArtikel)
        .into_iter()
        .filter(|(code, _)| matches!(code.as_str(), "art11_sub_f" | "art11_sub_g"))
        .collect();
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("Verlof van de directeur vastleggen voor {}", naam_van(j)),
        intro: "Verlof dat de directeur van de school gaf: vakantieverlof (art. 11 sub f) en verlof wegens gewichtige \
                omstandigheden tot 10 schooldagen (art. 11 sub g). Leerspoor toetst het besluit aan de wet: vakantieverlof \
                één keer per schooljaar, ten hoogste 10 schooldagen, op een werkgeversverklaring en niet in de eerste \
                twee lesweken van het schooljaar."
            .into(),
        actie: format!("/jongeren/{}/schoolverlof", j.id),
        knop: "Verlof vastleggen",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![
            Veld::new("artikel", "Soort verlof", Soort::Keuze).verplicht().keuzes(verlof),
            Veld::new("aanvraagdatum", "Datum aanvraag bij de school", Soort::Datum).verplicht(),
            Veld::new("besluitdatum", "Datum besluit directeur", Soort::Datum).verplicht().waarde(vandaag),
            Veld::new("geldig_van", "Verlof vanaf", Soort::Datum).verplicht(),
            Veld::new("geldig_tot", "Verlof tot en met", Soort::Datum).verplicht(),
            Veld::new("dagen", "Schooldagen verlof", Soort::Getal).verplicht(),
            Veld::new("werkgeversverklaring_datum", "Datum werkgeversverklaring", Soort::Datum)
                .hulp("Art. 11 sub f: de verklaring dat de ouder in geen enkele schoolvakantie vrij kan nemen."),
            Veld::new("toelichting", "Toelichting", Soort::Tekstvak),
        ],
        algemeen: None,
    }
}

pub async fn schoolverlof_formulier(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
) -> Response {
    toon_formulier(&state, &g, &jongere, schoolverlofformulier).await
}

pub async fn schoolverlof(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
    Form(invoer): Invoer,
) -> Response {
    let (j, labels) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut f = schoolverlofformulier(&g, &j, &labels, "").met_invoer(&invoer);
    let artikel = f.tekst("artikel");
    let aanvraagdatum = f.datum("aanvraagdatum");
    let besluitdatum = f.datum("besluitdatum");
    let geldig_van = f.datum("geldig_van");
    let geldig_tot = f.datum("geldig_tot");
    let dagen = f.aantal("dagen");
    let werkgever = f.datum("werkgeversverklaring_datum");
    let toelichting = f.tekst("toelichting");
    let (
        Some(artikel),
        Some(Some(aanvraagdatum)),
        Some(Some(besluitdatum)),
        Some(Some(geldig_van)),
        Some(Some(geldig_tot)),
        Some(Some(dagen)),
        Some(werkgeversverklaring_datum),
        Some(toelichting),
    ) = (artikel, aanvraagdatum, besluitdatum, geldig_van, geldig_tot, dagen, werkgever, toelichting)
    else {
        return f.terug_met_fouten();
    };
    let l = Schoolverlof {
        jongere: j.id.clone(),
        artikel,
        aanvraagdatum,
        besluitdatum,
        geldig_van,
        geldig_tot,
        dagen,
        werkgeversverklaring_datum,
        toelichting,
    };
    match leerspoor_casework::vrijstellingen::leg_verlof_vast(&state.store, &g.medewerker, l).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=verlof", j.id)).into_response(),
        Err(e) => f.weigering(e, "geldig_van"),
    }
}

fn verdaagformulier(g: &Gebruiker, j: &Jongere, id: &str) -> Formulier {
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("Beslistermijn verdagen voor de aanvraag van {}", naam_van(j)),
        intro:
            "Kan het besluit niet binnen de termijn, dan meldt u dat de aanvrager vóór de termijn verstrijkt, met de \
                reden en een nieuwe, redelijke termijn (Awb art. 4:14)."
                .into(),
        actie: format!("/jongeren/{}/vrijstellingen/{id}/verdagen", j.id),
        knop: "Termijn verdagen",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![
            Veld::new("tot", "Beslistermijn verdagen tot", Soort::Datum).verplicht(),
            Veld::new("reden", "Reden voor de aanvrager", Soort::Tekst).verplicht(),
        ],
        algemeen: None,
    }
}

pub async fn verdaag(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path((jongere, id)): Path<(String, String)>,
    Form(invoer): Invoer,
) -> Response {
    let (j, _) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut f = verdaagformulier(&g, &j, &id).met_invoer(&invoer);
    let tot = f.datum("tot");
    let reden = f.tekst("reden");
    let (Some(Some(tot)), Some(reden)) = (tot, reden) else {
        return f.terug_met_fouten();
    };
    match leerspoor_casework::vrijstellingen::verdaag(&state.store, &g.medewerker, &id, tot, state.vandaag(), &reden)
        .await
    {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=verdaagd", j.id)).into_response(),
        Err(e) => f.weigering(e, "tot"),
    }
}

fn bezwaarformulier(g: &Gebruiker, j: &Jongere, id: &str) -> Formulier {
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("Bezwaar registreren tegen het besluit over {}", naam_van(j)),
        intro: "Ook een bezwaar dat na de zes weken binnenkwam wordt geregistreerd (Awb art. 6:7); het is \
                niet-ontvankelijk tenzij de termijnoverschrijding verschoonbaar is (Awb art. 6:11)."
            .into(),
        actie: format!("/jongeren/{}/vrijstellingen/{id}/bezwaar", j.id),
        knop: "Bezwaar registreren",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![
            Veld::new("datum", "Bezwaar ontvangen op", Soort::Datum).verplicht(),
            Veld::new("gronden", "Gronden van het bezwaar", Soort::Tekst).verplicht(),
        ],
        algemeen: None,
    }
}

pub async fn bezwaar(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path((jongere, id)): Path<(String, String)>,
    Form(invoer): Invoer,
) -> Response {
    let (j, _) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut f = bezwaarformulier(&g, &j, &id).met_invoer(&invoer);
    let datum = f.datum("datum");
    let gronden = f.tekst("gronden");
    let (Some(Some(datum)), Some(gronden)) = (datum, gronden) else {
        return f.terug_met_fouten();
    };
    match leerspoor_casework::vrijstellingen::bezwaar(&state.store, &g.medewerker, &id, datum, &gronden).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=bezwaar", j.id)).into_response(),
        Err(e) => f.weigering(e, "datum"),
    }
}

fn hoorzittingformulier(g: &Gebruiker, j: &Jongere, id: &str) -> Formulier {
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("Hoorzitting over het bezwaar van {}", naam_van(j)),
        intro: "De indiener wordt gehoord voordat op het bezwaar wordt beslist (Awb art. 7:2).".into(),
        actie: format!("/jongeren/{}/vrijstellingen/{id}/hoorzitting", j.id),
        knop: "Hoorzitting vastleggen",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![Veld::new("datum", "Datum hoorzitting", Soort::Datum).verplicht()],
        algemeen: None,
    }
}

pub async fn hoorzitting(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path((jongere, id)): Path<(String, String)>,
    Form(invoer): Invoer,
) -> Response {
    let (j, _) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut f = hoorzittingformulier(&g, &j, &id).met_invoer(&invoer);
    let Some(Some(datum)) = f.datum("datum") else {
        return f.terug_met_fouten();
    };
    match leerspoor_casework::vrijstellingen::hoorzitting(&state.store, &g.medewerker, &id, datum).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=hoorzitting", j.id)).into_response(),
        Err(e) => f.weigering(e, "datum"),
    }
}
