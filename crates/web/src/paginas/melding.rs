//! Registering a verzuimmelding (docs/regels.md): the service opens a zaak, joins the open one, or
//! links a repeated melding to the first.
use super::{naam_van, toon_formulier, voor_formulier};
use crate::AppState;
use crate::codes::Labels;
use crate::formulier::{Formulier, Soort, Veld};
use crate::pagina::Kop;
use crate::poort::Gebruiker;
use axum::Extension;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leerspoor_casework::melding::{NieuweMelding, registreer as registreer_melding};
use leerspoor_domain::codes::CodeLijst;
use leerspoor_domain::model::Jongere;
use std::collections::HashMap;

fn leeg(g: &Gebruiker, j: &Jongere, labels: &Labels, vandaag: &str) -> Formulier {
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("Verzuimmelding registreren voor {}", naam_van(j)),
        intro: "Een melding van de school (via het verzuimloket van DUO) of van het bureau zelf. Een nieuwe melding opent een zaak; \
                een herhaalde melding over hetzelfde verzuim komt bij de eerste."
            .into(),
        actie: format!("/jongeren/{}/melding", j.id),
        knop: "Melding registreren",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![
            Veld::new("soort", "Soort verzuim", Soort::Keuze).verplicht().keuzes(labels.keuzes(CodeLijst::Verzuimsoort)),
            Veld::new("school", "Melder (school en vestiging)", Soort::Keuze)
                .hulp("Bij absoluut verzuim staat de jongere nergens ingeschreven: kies de school die de jongere het laatst verliet, of laat leeg.")
                .keuzes(labels.scholen()),
            Veld::new("meldingsdatum", "Meldingsdatum", Soort::Datum).verplicht().waarde(vandaag),
            Veld::new("verzuim_van", "Eerste verzuimdag", Soort::Datum).verplicht(),
            Veld::new("verzuim_tot", "Laatste verzuimdag", Soort::Datum).hulp("Leeg als het verzuim nog duurt."),
            Veld::new("uren", "Verzuimde uren", Soort::Getal),
            Veld::new("alle_lessen_gemist", "Alle lessen gemist", Soort::Keuze)
                .hulp("Zoals de school het aan DUO meldt. Alleen wie alle lessen mist, kan na vier weken thuiszitter zijn; te laat komen of een deel van de lessen missen niet.")
                .keuzes(vec![
                    ("ja".into(), "Ja, alle lessen".into()),
                    ("nee".into(), "Nee, een deel van de lessen".into()),
                ]),
            Veld::new("deels_lesbaar", "Kan volgens plan deels naar school", Soort::Keuze)
                .hulp("Alleen bij zorgwekkend ziekteverzuim: volgens het plan van aanpak (met de jeugdarts) kan de jongere deels naar school. Wie dan toch alle lessen mist, kan na vier weken thuiszitter zijn.")
                .keuzes(vec![("ja".into(), "Ja".into()), ("nee".into(), "Nee".into())]),
            Veld::new("reden", "Vermoedelijke reden en wat de school deed", Soort::Tekstvak),
            Veld::new("preventief", "Preventief contact (de jongere is niet leer- of kwalificatieplichtig)", Soort::Vinkje),
        ],
        algemeen: None,
    }
}

pub async fn formulier(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
) -> Response {
    toon_formulier(&state, &g, &jongere, leeg).await
}

pub async fn registreer(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
    Form(invoer): Form<HashMap<String, String>>,
) -> Response {
    let (j, labels) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut f = leeg(&g, &j, &labels, "").met_invoer(&invoer);
    let soort = f.tekst("soort");
    let school = f.tekst("school").map(|s| s.split_once('|').map(|(b, v)| (b.to_string(), v.to_string())));
    let meldingsdatum = f.datum("meldingsdatum");
    let van = f.datum("verzuim_van");
    let tot = f.datum("verzuim_tot");
    let uren = f.aantal("uren");
    let reden = f.tekst("reden");
    let alle_lessen_gemist = f.ja_nee("alle_lessen_gemist");
    let deels_lesbaar = f.ja_nee("deels_lesbaar");
    let (
        Some(soort),
        Some(school),
        Some(Some(meldingsdatum)),
        Some(Some(van)),
        Some(tot),
        Some(uren),
        Some(reden),
        Some(alle_lessen_gemist),
        Some(deels_lesbaar),
    ) = (soort, school, meldingsdatum, van, tot, uren, reden, alle_lessen_gemist, deels_lesbaar)
    else {
        return f.terug_met_fouten();
    };
    let m = NieuweMelding {
        jongere: j.id.clone(),
        school,
        soort,
        meldingsdatum,
        verzuim_van: van,
        verzuim_tot: tot,
        uren,
        reden,
        preventief: f.vinkje("preventief"),
        alle_lessen_gemist,
        deels_lesbaar,
    };
    match registreer_melding(&state.store, &g.medewerker, m).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=melding", j.id)).into_response(),
        Err(e) => f.weigering(e, "soort"),
    }
}
