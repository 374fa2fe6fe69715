//! Letters from the dossier (docs/brieven.md): the form for one letter kind about one record, and
//! a stored document as PDF. The rules that say which letter fits, to whom it goes and what terms
//! it states are the domain's; the refusal appears beside the field.
use super::{naam_van, voor_formulier};
use crate::AppState;
use crate::formulier::{Formulier, Soort, Veld};
use crate::pagina::{self, Kop};
use crate::poort::{self, Gebruiker};
use axum::Extension;
use axum::extract::{Form, Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};
use leerspoor_casework::Fout;
use leerspoor_casework::brieven::{self, Gesprek, Onderwerp, Verzoek, Zetopdracht};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::Jongere;
use leerspoor_domain::rules::brief::BriefSoort;
use std::collections::HashMap;

type Invoer = Form<HashMap<String, String>>;

/// Which letter about which record: the query of the form's address.
#[derive(Debug, serde::Deserialize)]
pub struct Keuze {
    soort: Option<String>,
    actie: Option<String>,
    zaak: Option<String>,
    vrijstelling: Option<String>,
}

impl Keuze {
    /// The letter kind and its record; a letter about the youth as such (the zomeractie) names none.
    fn lees(&self, jongere: &str) -> Option<(BriefSoort, Onderwerp)> {
        let soort = BriefSoort::from_code(self.soort.as_deref()?)?;
        let onderwerp = match (&self.actie, &self.zaak, &self.vrijstelling) {
            (Some(a), None, None) => Onderwerp::Actie(a.clone()),
            (None, Some(z), None) => Onderwerp::Zaak(z.clone()),
            (None, None, Some(v)) => Onderwerp::Vrijstelling(v.clone()),
            (None, None, None) if soort == BriefSoort::Zomeractie => Onderwerp::Jongere(jongere.to_string()),
            _ => return None,
        };
        Some((soort, onderwerp))
    }
}

/// The form's address, with its choice.
pub fn adres(jongere: &str, soort: BriefSoort, onderwerp: &Onderwerp) -> String {
    let basis = format!("/jongeren/{jongere}/brief?soort={}", soort.code());
    match onderwerp {
        Onderwerp::Actie(id) => format!("{basis}&actie={id}"),
        Onderwerp::Zaak(id) => format!("{basis}&zaak={id}"),
        Onderwerp::Vrijstelling(id) => format!("{basis}&vrijstelling={id}"),
        Onderwerp::Jongere(_) => basis,
    }
}

/// The typesetter the service layer gets: the office's templates or the shipped ones.
pub fn zetter(o: &Zetopdracht) -> Result<Vec<u8>, String> {
    leerspoor_publicatie::brief::brief(o.soort, o.brief, o.briefhoofd, o.velden, o.datum).map_err(|e| e.to_string())
}

fn briefformulier(
    g: &Gebruiker,
    j: &Jongere,
    soort: BriefSoort,
    onderwerp: &Onderwerp,
    eerdere: Vec<(String, String)>,
    vandaag: &str,
) -> Formulier {
    let mut velden = vec![Veld::new("datum", "Datum van de brief", Soort::Datum).verplicht().waarde(vandaag)];
    if matches!(soort, BriefSoort::UitnodigingGesprek | BriefSoort::RmcUitnodiging) {
        velden.extend([
            Veld::new("gesprek_datum", "Datum van het gesprek", Soort::Datum).verplicht(),
            Veld::new("gesprek_tijd", "Tijd (UU:MM)", Soort::Tekst).verplicht(),
            Veld::new("gesprek_plaats", "Plaats", Soort::Tekst)
                .verplicht()
                .hulp("Bijvoorbeeld: Stadskantoor, Markt 1, kamer 2.14"),
        ]);
    }
    if soort == BriefSoort::OproepInschrijving {
        velden.push(Veld::new("inschrijven_voor", "Ingeschreven vóór", Soort::Datum).verplicht());
    }
    if !eerdere.is_empty() {
        velden.push(
            Veld::new("vervangt", "Vervangt document", Soort::Keuze)
                .hulp("Alleen bij een verbetering: de nieuwe brief noemt de oude; de oude blijft bewaard.")
                .keuzes(eerdere),
        );
    }
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("{}: {}", soort.label(), naam_van(j)),
        intro: "De brief wordt gevuld uit het dossier en gaat naar wie de wet aanwijst (de ouders met gezag, en vanaf 12 jaar \
                ook de jongere; vanaf 18 alleen de jongere). Elke brief wordt als PDF bij het dossier bewaard en verandert \
                daarna niet meer."
            .into(),
        actie: adres(&j.id, soort, onderwerp),
        knop: "Brief maken",
        terug: format!("/jongeren/{}", j.id),
        velden,
        algemeen: None,
    }
}

/// The dossier's letters of this kind, for a correction to name.
async fn eerdere(state: &AppState, jongere: &str, soort: BriefSoort) -> Result<Vec<(String, String)>, Response> {
    let documenten = brieven::van_jongere(&state.store, jongere).await.map_err(|e| fout(&e))?;
    Ok(documenten
        .into_iter()
        .filter(|d| d.soort == soort.code())
        .map(|d| (d.id.clone(), format!("{} van {} aan {}", d.id, d.datum, d.ontvanger.label())))
        .collect())
}

fn fout(e: &Fout) -> Response {
    match e {
        Fout::Store(e) => pagina::serverfout(e),
        e => pagina::serverfout(&e.to_string()),
    }
}

pub async fn formulier(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
    Query(keuze): Query<Keuze>,
) -> Response {
    let Some((soort, onderwerp)) = keuze.lees(&jongere) else {
        return poort::niet_gevonden(&g);
    };
    let (j, _) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    match eerdere(&state, &jongere, soort).await {
        Ok(e) => pagina::toon(&briefformulier(&g, &j, soort, &onderwerp, e, &state.vandaag().to_string())),
        Err(r) => r,
    }
}

pub async fn maak(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
    Query(keuze): Query<Keuze>,
    Form(invoer): Invoer,
) -> Response {
    let Some((soort, onderwerp)) = keuze.lees(&jongere) else {
        return poort::niet_gevonden(&g);
    };
    let (j, _) = match voor_formulier(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let eerder = match eerdere(&state, &jongere, soort).await {
        Ok(e) => e,
        Err(r) => return r,
    };
    let mut f = briefformulier(&g, &j, soort, &onderwerp, eerder, "").met_invoer(&invoer);
    let datum = f.datum("datum");
    let uitnodiging = matches!(soort, BriefSoort::UitnodigingGesprek | BriefSoort::RmcUitnodiging);
    let gesprek = if uitnodiging {
        let (d, t, p) = (f.datum("gesprek_datum"), f.tekst("gesprek_tijd"), f.tekst("gesprek_plaats"));
        match (d, t, p) {
            (Some(Some(datum)), Some(tijd), Some(plaats)) => Some(Some(Gesprek { datum, tijd, plaats })),
            _ => None,
        }
    } else {
        Some(None)
    };
    let inschrijven_voor =
        if soort == BriefSoort::OproepInschrijving { f.datum("inschrijven_voor") } else { Some(None) };
    let vervangt = f.tekst("vervangt").map(|v| Some(v).filter(|v| !v.is_empty()));
    let (Some(Some(datum)), Some(gesprek), Some(inschrijven_voor), Some(vervangt)) =
        (datum, gesprek, inschrijven_voor, vervangt)
    else {
        return f.terug_met_fouten();
    };
    // The letter must be about this youth: the door checked the youth in the address, not the record.
    match jongere_van(&state, &onderwerp).await {
        Ok(Some(van)) if van == jongere => {}
        Ok(_) => return poort::niet_gevonden(&g),
        Err(e) => return pagina::serverfout(&e),
    }
    let verzoek = Verzoek { soort, onderwerp, datum, gesprek, inschrijven_voor, vervangt };
    match maak_op_de_achtergrond(&state, &g, &verzoek).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=brief", j.id)).into_response(),
        Err(e) => f.weigering(e, "datum"),
    }
}

/// [`brieven::maak`], with the typesetting on the blocking pool: a letter takes tens of
/// milliseconds of CPU, which would hold up every other page on the async workers.
async fn maak_op_de_achtergrond(state: &AppState, g: &Gebruiker, v: &Verzoek) -> Result<(), Fout> {
    let opgesteld = brieven::opstellen(&state.store, &g.medewerker, v, state.vandaag()).await?;
    let sjablonen = state.store.sjablonen().await?;
    let gezet = state.pdf.voer_uit(move || brieven::zet(&sjablonen, opgesteld, &zetter)).await?;
    brieven::leg_vast(&state.store, &g.medewerker, gezet, "brief opgemaakt").await?;
    Ok(())
}

/// Whose record the letter is about: one row, not the whole dossier (the service reads that next).
async fn jongere_van(state: &AppState, onderwerp: &Onderwerp) -> Result<Option<String>, leerspoor_store::StoreFout> {
    use leerspoor_domain::model::{Actie, Vrijstelling, Zaak};
    let store = &state.store;
    Ok(match onderwerp {
        Onderwerp::Actie(id) => store.lees_een::<Actie>(id).await?.map(|a| a.jongere),
        Onderwerp::Zaak(id) => store.lees_een::<Zaak>(id).await?.map(|z| z.jongere),
        Onderwerp::Vrijstelling(id) => store.lees_een::<Vrijstelling>(id).await?.map(|v| v.jongere),
        Onderwerp::Jongere(id) => Some(id.clone()),
    })
}

/// A stored document as it was made or received (its checked mediatype), in the access log; only
/// from the dossier it belongs to. Shown inline; `nosniff` (veiligheid.rs, on every answer) keeps
/// the browser from reading it as anything else.
pub async fn document(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path((jongere, document)): Path<(String, String)>,
) -> Response {
    let object = format!("document:{document}");
    let (d, inhoud) = match brieven::inhoud(&state.store, &document).await {
        Ok(x) if x.0.jongere == jongere => x,
        Ok(_) | Err(Fout::Onbekend { .. }) => {
            // Another youth's document through this youth's address: as unknown, and logged.
            let reden = "geen document van deze jongere";
            if let Err(e) = g.log(&state, "inzage document", &object, "geweigerd", Some(reden)).await {
                return pagina::serverfout(&e);
            }
            return poort::niet_gevonden(&g);
        }
        Err(e) => return fout(&e),
    };
    if let Err(e) = g.log(&state, "inzage document", &object, "gelukt", None).await {
        return pagina::serverfout(&e);
    }
    let extensie = match d.mediatype.as_str() {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        _ => "pdf",
    };
    (
        [
            (CONTENT_TYPE, d.mediatype.clone()),
            (CONTENT_DISPOSITION, format!("inline; filename=\"{}.{extensie}\"", d.id)),
            (CACHE_CONTROL, "no-store".to_string()),
        ],
        inhoud,
    )
        .into_response()
}
