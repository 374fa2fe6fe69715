//! A zaak's MAS actions (docs/regels.md): taking an action, recording how a HALT or PV ended, and
//! closing the zaak. Who may do what (only a BOA issues HALT or PV) is the domain's rule; the
//! refusal appears beside the choice.
use super::{naam_van, voor_formulier};
use crate::AppState;
use crate::codes::Labels;
use crate::formulier::{Formulier, Soort, Veld};
use crate::pagina::{self, Kop};
use crate::poort::Gebruiker;
use axum::Extension;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leerspoor_casework::actie::{NieuweActie, Vervolg};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::codes::CodeLijst;
use leerspoor_domain::model::{ActieSoort, Gezinsrelatie, Jongere, Ouder, PvTegen};
use std::collections::HashMap;

type Invoer = Form<HashMap<String, String>>;

fn keuzes<T: CodeEnum>(filter: impl Fn(T) -> bool) -> Vec<(String, String)> {
    T::ALL.iter().filter(|v| filter(**v)).map(|v| (v.code().to_string(), v.label().to_string())).collect()
}

fn actieformulier(g: &Gebruiker, j: &Jongere, zaak: &str, ouders: Vec<(String, String)>, vandaag: &str) -> Formulier {
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("Actie in de zaak van {}", naam_van(j)),
        intro: "Kies het middel van de MAS. Een HALT-verwijzing en een proces-verbaal zijn voorbehouden aan een leerplichtambtenaar met BOA-bevoegdheid."
            .into(),
        actie: format!("/jongeren/{}/zaken/{zaak}/actie", j.id),
        knop: "Actie vastleggen",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![
            Veld::new("soort", "Actie", Soort::Keuze).verplicht().keuzes(keuzes::<ActieSoort>(|s| s != ActieSoort::PreventiefGesprek)),
            Veld::new("datum", "Datum", Soort::Datum).verplicht().waarde(vandaag),
            Veld::new("pv_tegen", "Proces-verbaal tegen", Soort::Keuze)
                .hulp("Alleen bij een proces-verbaal: tegen de jongere (vanaf 12 jaar) of een ouder/verzorger.")
                .keuzes(keuzes::<PvTegen>(|_| true)),
            Veld::new("ouder", "Ouder/verzorger", Soort::Keuze).keuzes(ouders),
            Veld::new("overmacht", "Overmacht (luxe verzuim zonder proces-verbaal)", Soort::Tekst)
                .hulp("Bij luxe verzuim van meer dan één dag is een proces-verbaal verplicht, tenzij overmacht is aangetoond: beschrijf die."),
            Veld::new("toelichting", "Toelichting", Soort::Tekstvak),
        ],
        algemeen: None,
    }
}

async fn ouders(state: &AppState, jongere: &str) -> Result<Vec<(String, String)>, Response> {
    let relaties: Vec<Gezinsrelatie> =
        state.store.lees_waar("jongere", jongere).await.map_err(|e| pagina::serverfout(&e))?;
    let mut uit = Vec::new();
    for r in relaties {
        if let Some(o) = state.store.lees_een::<Ouder>(&r.ouder).await.map_err(|e| pagina::serverfout(&e))? {
            uit.push((
                o.id.clone(),
                format!("{} ({})", pagina::naam(&o.voornamen, &o.tussenvoegsel, &o.achternaam), r.relatie.label()),
            ));
        }
    }
    Ok(uit)
}

pub async fn formulier(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path((jongere, zaak)): Path<(String, String)>,
) -> Response {
    let (j, _) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    match ouders(&state, &jongere).await {
        Ok(o) => pagina::toon(&actieformulier(&g, &j, &zaak, o, &state.vandaag().to_string())),
        Err(r) => r,
    }
}

pub async fn neem(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path((jongere, zaak)): Path<(String, String)>,
    Form(invoer): Invoer,
) -> Response {
    let (j, _) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let ouders = match ouders(&state, &jongere).await {
        Ok(o) => o,
        Err(r) => return r,
    };
    let mut f = actieformulier(&g, &j, &zaak, ouders, "").met_invoer(&invoer);
    let soort = f.tekst("soort").and_then(|s| match ActieSoort::parse_code(&s) {
        Ok(s) => Some(s),
        Err(e) => {
            f.fout("soort", e);
            None
        }
    });
    let datum = f.datum("datum");
    let pv_tegen = f.tekst("pv_tegen").map(|s| PvTegen::from_code(&s));
    let ouder = f.tekst("ouder").map(|o| Some(o).filter(|o| !o.is_empty()));
    let overmacht = f.tekst("overmacht").map(|o| Some(o).filter(|o| !o.is_empty()));
    let toelichting = f.tekst("toelichting");
    let (Some(soort), Some(Some(datum)), Some(pv_tegen), Some(ouder), Some(overmacht), Some(toelichting)) =
        (soort, datum, pv_tegen, ouder, overmacht, toelichting)
    else {
        return f.terug_met_fouten();
    };
    let a =
        NieuweActie { jongere: j.id.clone(), zaak: Some(zaak), soort, datum, pv_tegen, ouder, overmacht, toelichting };
    match leerspoor_casework::actie::neem(&state.store, &g.medewerker, a).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=actie", j.id)).into_response(),
        Err(e) => f.weigering(e, "soort"),
    }
}

fn uitkomstformulier(g: &Gebruiker, j: &Jongere, actie: &str, labels: &Labels, vandaag: &str) -> Formulier {
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("Afloop HALT of proces-verbaal van {}", naam_van(j)),
        intro: String::new(),
        actie: format!("/jongeren/{}/acties/{actie}/uitkomst", j.id),
        knop: "Afloop vastleggen",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![
            Veld::new("uitkomst", "Afloop", Soort::Keuze)
                .verplicht()
                .keuzes(labels.keuzes(CodeLijst::MaatregelUitkomst)),
            Veld::new("datum", "Datum", Soort::Datum).waarde(vandaag),
        ],
        algemeen: None,
    }
}

pub async fn uitkomst(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path((jongere, actie)): Path<(String, String)>,
    Form(invoer): Invoer,
) -> Response {
    let (j, labels) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut f = uitkomstformulier(&g, &j, &actie, &labels, "").met_invoer(&invoer);
    let uitkomst = f.tekst("uitkomst");
    let datum = f.datum("datum");
    let (Some(uitkomst), Some(datum)) = (uitkomst, datum) else {
        return f.terug_met_fouten();
    };
    match leerspoor_casework::actie::leg_uitkomst_vast(&state.store, &g.medewerker, &actie, &uitkomst, datum).await {
        Ok((_, Vervolg::ProcesVerbaalAanbevolen)) => {
            Redirect::to(&format!("/jongeren/{}?gelukt=uitkomst_pv", j.id)).into_response()
        }
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=uitkomst", j.id)).into_response(),
        Err(e) => f.weigering(e, "uitkomst"),
    }
}

fn sluitformulier(g: &Gebruiker, j: &Jongere, zaak: &str, labels: &Labels, vandaag: &str) -> Formulier {
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("Zaak van {} sluiten", naam_van(j)),
        intro: "Met de zaak sluiten ook de open meldingen, en een lopende thuiszitterperiode eindigt met de passende reden.".into(),
        actie: format!("/jongeren/{}/zaken/{zaak}/sluiten", j.id),
        knop: "Zaak sluiten",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![
            Veld::new("reden", "Reden van sluiten", Soort::Keuze).verplicht().keuzes(labels.keuzes(CodeLijst::ZaakRedenSluiting)),
            Veld::new("datum", "Datum", Soort::Datum).verplicht().waarde(vandaag),
        ],
        algemeen: None,
    }
}

pub async fn sluit_zaak(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path((jongere, zaak)): Path<(String, String)>,
    Form(invoer): Invoer,
) -> Response {
    let (j, labels) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut f = sluitformulier(&g, &j, &zaak, &labels, "").met_invoer(&invoer);
    let reden = f.tekst("reden");
    let datum = f.datum("datum");
    let (Some(reden), Some(Some(datum))) = (reden, datum) else {
        return f.terug_met_fouten();
    };
    match leerspoor_casework::zaak::sluit(&state.store, &g.medewerker, &zaak, datum, &reden).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=zaak_gesloten", j.id)).into_response(),
        Err(e) => f.weigering(e, "reden"),
    }
}
