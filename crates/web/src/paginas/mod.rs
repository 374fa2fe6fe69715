//! One module per page or form, named after what it does.
pub mod accounts;
pub mod actie;
pub mod audit;
pub mod beheer;
pub mod brief;
pub mod brp;
pub mod contactgegevens;
pub mod correctie;
pub mod dossier;
pub mod inloggen;
pub mod koppelingen;
pub mod melding;
pub mod ontvangen;
pub mod rapportage;
pub mod reeksen;
pub mod sjablonen;
pub mod traject;
pub mod tweestaps;
pub mod vrijstelling;
pub mod wachtwoord;
pub mod werkvoorraad;
pub mod zoeken;

use crate::AppState;
use crate::codes::Labels;
use crate::pagina;
use crate::poort::Gebruiker;
use axum::response::Response;
use leerspoor_domain::model::Jongere;

/// What a registration form needs to know: the youth (by name, for the title) and the labels of
/// the code lists; an unknown youth is a 404 page. The view is in the access log.
pub(crate) async fn voor_formulier(
    state: &AppState,
    g: &Gebruiker,
    jongere: &str,
) -> Result<(Jongere, Labels), Response> {
    let j = match state.store.lees_een::<Jongere>(jongere).await {
        Ok(Some(j)) => j,
        Ok(None) => return Err(crate::poort::niet_gevonden(g)),
        Err(e) => return Err(pagina::serverfout(&e)),
    };
    // A form shows the youth's name: a view like the dossier's, in the access log.
    g.log(state, "inzage formulier", &format!("jongere:{jongere}"), "gelukt", None)
        .await
        .map_err(|e| pagina::serverfout(&e))?;
    let labels = Labels::laad(&state.store).await.map_err(|e| pagina::serverfout(&e))?;
    Ok((j, labels))
}

/// Makes an empty form about a youth, with today's date where it proposes one.
pub(crate) type Maak = fn(&Gebruiker, &Jongere, &Labels, &str) -> crate::formulier::Formulier;

/// An empty form about a youth ([`voor_formulier`]), with today's date where it proposes one.
pub(crate) async fn toon_formulier(state: &AppState, g: &Gebruiker, jongere: &str, maak: Maak) -> Response {
    match voor_formulier(state, g, jongere).await {
        Ok((j, labels)) => pagina::toon(&maak(g, &j, &labels, &state.vandaag().to_string())),
        Err(r) => r,
    }
}

pub(crate) fn naam_van(j: &Jongere) -> String {
    pagina::naam(&j.voornamen, &j.tussenvoegsel, &j.achternaam)
}
