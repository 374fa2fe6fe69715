//! Contact details in the dossier (docs/brieven.md "Contactgegevens"): the form to add a telephone
//! number, e-mail address or preferred language of the youth or a parent linked to her, and ending
//! one from the dossier's list. The checks are the service's
//! ([`leerspoor_casework::contactgegevens`]); a refusal comes back beside its field.
use super::{naam_van, voor_formulier};
use crate::AppState;
use crate::formulier::{Formulier, Soort, Veld};
use crate::pagina::{self, Kop};
use crate::poort::Gebruiker;
use axum::Extension;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leerspoor_casework::Fout;
use leerspoor_casework::contactgegevens::{self, NieuwContactgegeven};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{ContactSoort, Gezinsrelatie, Jongere, Ouder};
use std::collections::HashMap;

type Invoer = Form<HashMap<String, String>>;

/// The choice for the youth herself in the field `persoon`; a parent is chosen by her id.
const JONGERE: &str = "jongere";

/// The youth and her linked parents, as the choices of the field `persoon`.
async fn personen(state: &AppState, j: &Jongere) -> Result<Vec<(String, String)>, Response> {
    let relaties: Vec<Gezinsrelatie> =
        state.store.lees_waar("jongere", &j.id).await.map_err(|e| pagina::serverfout(&e))?;
    let mut keuzes = vec![(JONGERE.to_string(), format!("{} (jongere)", naam_van(j)))];
    for r in relaties {
        if let Some(o) = state.store.lees_een::<Ouder>(&r.ouder).await.map_err(|e| pagina::serverfout(&e))? {
            let naam = pagina::naam(&o.voornamen, &o.tussenvoegsel, &o.achternaam);
            keuzes.push((o.id, format!("{naam} ({})", r.relatie.label())));
        }
    }
    Ok(keuzes)
}

fn formulier(g: &Gebruiker, j: &Jongere, personen: Vec<(String, String)>, vandaag: &str) -> Formulier {
    let soorten = ContactSoort::ALL.iter().map(|s| (s.code().to_string(), s.label().to_string())).collect();
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("Contactgegeven vastleggen voor {}", naam_van(j)),
        intro: "Een nieuw telefoonnummer, e-mailadres of een nieuwe voorkeurstaal vervangt het vorige van dezelfde \
                persoon: dat geldt vanaf de datum hieronder niet meer. Wat niet meer geldt, blijft in het dossier \
                zichtbaar."
            .into(),
        actie: format!("/jongeren/{}/contactgegevens", j.id),
        knop: "Contactgegeven vastleggen",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![
            Veld::new("persoon", "Van wie", Soort::Keuze).verplicht().keuzes(personen),
            Veld::new("soort", "Soort", Soort::Keuze).verplicht().keuzes(soorten),
            Veld::new("waarde", "Telefoonnummer, e-mailadres of taal", Soort::Tekst).verplicht().hulp(
                "Een telefoonnummer zoals 06-12345678 of +32 470 12 34 56, een e-mailadres, of een taal met naam of \
                 code (Arabisch of ar).",
            ),
            Veld::new("vanaf", "Bekend sinds", Soort::Datum).verplicht().waarde(vandaag),
            Veld::new("bron", "Van wie gehoord, en hoe", Soort::Tekst)
                .verplicht()
                .hulp("Bijvoorbeeld: moeder, telefonisch; of: aanmeldformulier school."),
        ],
        algemeen: None,
    }
}

pub async fn toon(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
) -> Response {
    let (j, _) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    match personen(&state, &j).await {
        Ok(p) => pagina::toon(&formulier(&g, &j, p, &state.vandaag().to_string())),
        Err(r) => r,
    }
}

pub async fn leg_vast(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
    Form(invoer): Invoer,
) -> Response {
    let (j, _) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let keuzes = match personen(&state, &j).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let mut f = formulier(&g, &j, keuzes, "").met_invoer(&invoer);
    let persoon = f.tekst("persoon");
    let soort = f.tekst("soort").and_then(|s| match ContactSoort::parse_code(&s) {
        Ok(s) => Some(s),
        Err(e) => {
            f.fout("soort", e);
            None
        }
    });
    let waarde = f.tekst("waarde");
    let vanaf = f.datum("vanaf");
    let bron = f.tekst("bron");
    let (Some(persoon), Some(soort), Some(waarde), Some(Some(vanaf)), Some(bron)) =
        (persoon, soort, waarde, vanaf, bron)
    else {
        return f.terug_met_fouten();
    };
    let ouder = (persoon != JONGERE).then_some(persoon);
    let n = NieuwContactgegeven { jongere: j.id.clone(), ouder, soort, waarde, vanaf, bron };
    match contactgegevens::leg_vast(&state.store, &g.medewerker, n).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=contactgegeven", j.id)).into_response(),
        // A parent not (or no longer) linked to her: the choice of person is what is wrong.
        Err(Fout::Onbekend { wat: "ouder", .. }) => {
            f.fout("persoon", "kies de jongere of een ouder of verzorger die aan haar gekoppeld is");
            f.terug_met_fouten()
        }
        Err(e) => f.weigering(e, "soort"),
    }
}

fn eindformulier(g: &Gebruiker, j: &Jongere, id: &str) -> Formulier {
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("Contactgegeven van {} beëindigen", naam_van(j)),
        intro:
            "Een gegeven dat niet meer klopt (een nummer buiten gebruik, een e-mailadres dat terugkomt) geldt vanaf \
                deze dag niet meer; het blijft in het dossier zichtbaar."
                .into(),
        actie: format!("/jongeren/{}/contactgegevens/{id}/beeindigen", j.id),
        knop: "Beëindigen",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![Veld::new("tot", "Geldt niet meer vanaf", Soort::Datum).verplicht()],
        algemeen: None,
    }
}

pub async fn beeindig(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path((jongere, id)): Path<(String, String)>,
    Form(invoer): Invoer,
) -> Response {
    let (j, _) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut f = eindformulier(&g, &j, &id).met_invoer(&invoer);
    let Some(Some(tot)) = f.datum("tot") else {
        return f.terug_met_fouten();
    };
    match contactgegevens::beeindig(&state.store, &g.medewerker, &j.id, &id, tot).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=contactgegeven_beeindigd", j.id)).into_response(),
        Err(e) => f.weigering(e, "tot"),
    }
}
