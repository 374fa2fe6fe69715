//! A document the office received, added to the dossier (docs/brieven.md, "Ontvangen
//! documenten"): the upload form and its handling. The file is sent as multipart with the form's
//! token in the action's query (csrf.rs); what it is, is decided by its content in the service.
use super::{naam_van, voor_formulier};
use crate::AppState;
use crate::formulier::{Formulier, Soort, Veld};
use crate::pagina::{self, Kop};
use crate::poort::Gebruiker;
use axum::Extension;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leerspoor_casework::Dossier;
use leerspoor_casework::ontvangen::{self, Binnengekomen};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::Jongere;
use leerspoor_domain::rules::inkomend::{InkomendSoort, MAX_BYTES};
use leerspoor_domain::rules::vrijstelling::artikelnaam;
use std::collections::HashMap;

fn formulier(g: &Gebruiker, j: &Jongere, d: &Dossier, vandaag: &str) -> Formulier {
    let soorten = InkomendSoort::ALL.iter().map(|s| (s.code().to_string(), s.label().to_string())).collect();
    let mut bij: Vec<(String, String)> = d
        .vrijstellingen
        .iter()
        .map(|v| {
            (format!("vrijstelling:{}", v.id), format!("Aanvraag {} van {}", artikelnaam(&v.artikel), v.aanvraagdatum))
        })
        .collect();
    bij.extend(
        d.zaken.iter().map(|z| (format!("zaak:{}", z.id), format!("Zaak {} van {}", z.soort.label(), z.geopend_op))),
    );
    Formulier {
        kop: Kop::voor(g, "/zoeken"),
        titel: format!("Ontvangen document: {}", naam_van(j)),
        intro: format!(
            "Een PDF of een scan (PNG of JPEG) van ten hoogste {} MB. Het document wordt bewaard zoals het binnenkwam en \
             verandert daarna niet meer. Een artsverklaring of advies van het samenwerkingsverband bij een aanvraag \
             op grond van art. 5 sub a (of een werkgeversverklaring bij art. 11 sub f) vult de datum ervan in de aanvraag in.",
            MAX_BYTES / (1024 * 1024)
        ),
        actie: format!("/jongeren/{}/documenten?csrf={}", j.id, g.csrf),
        knop: "Document toevoegen",
        terug: format!("/jongeren/{}", j.id),
        velden: vec![
            Veld::new("bestand", "Bestand", Soort::Bestand).verplicht(),
            Veld::new("soort", "Soort document", Soort::Keuze).verplicht().keuzes(soorten),
            Veld::new("bij", "Hoort bij", Soort::Keuze).keuzes(bij),
            Veld::new("afzender", "Afzender", Soort::Tekst)
                .verplicht()
                .hulp("Bijvoorbeeld: GGD, jeugdarts J. de Vries"),
            Veld::new("opgesteld_op", "Datum op het document", Soort::Datum)
                .hulp("Verplicht bij een artsverklaring, advies of werkgeversverklaring: die datum toetsen de regels."),
            Veld::new("ontvangen_op", "Ontvangen op", Soort::Datum).verplicht().waarde(vandaag),
        ],
        algemeen: None,
    }
}

async fn laad(state: &AppState, g: &Gebruiker, jongere: &str) -> Result<(Jongere, Dossier), Response> {
    let (j, _) = voor_formulier(state, g, jongere).await?;
    let d = Dossier::laad(&state.store, jongere).await.map_err(|e| pagina::serverfout(&e.to_string()))?;
    Ok((j, d))
}

pub async fn toon(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
) -> Response {
    match laad(&state, &g, &jongere).await {
        Ok((j, d)) => pagina::toon(&formulier(&g, &j, &d, &state.vandaag().to_string())),
        Err(r) => r,
    }
}

pub async fn ontvang(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
    mut delen: Multipart,
) -> Response {
    let (j, d) = match laad(&state, &g, &jongere).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut invoer = HashMap::new();
    let mut inhoud = None;
    let mut afgebroken = None;
    loop {
        match delen.next_field().await {
            Ok(Some(deel)) => {
                let naam = deel.name().unwrap_or_default().to_string();
                let gelezen = match naam.as_str() {
                    "bestand" => deel.bytes().await.map(|b| inhoud = Some(b.to_vec())),
                    _ => deel.text().await.map(|t| {
                        invoer.insert(naam, t);
                    }),
                };
                if let Err(e) = gelezen {
                    afgebroken = Some(e);
                    break;
                }
            }
            Ok(None) => break,
            Err(e) => {
                afgebroken = Some(e);
                break;
            }
        }
    }
    let mut f = formulier(&g, &j, &d, "").met_invoer(&invoer);
    if let Some(e) = afgebroken {
        f.fout("bestand", format!("De upload is afgebroken: {}", e.body_text()));
        return f.terug_met_fouten();
    }
    let inhoud = inhoud.filter(|b| !b.is_empty());
    if inhoud.is_none() {
        f.fout("bestand", "Kies het bestand.");
    }
    let soort = f.tekst("soort").and_then(|s| {
        let soort = InkomendSoort::from_code(&s);
        if soort.is_none() && !s.is_empty() {
            f.fout("soort", "Kies een soort uit de lijst.");
        }
        soort
    });
    let bij = f.tekst("bij").unwrap_or_default();
    let (vrijstelling, zaak) = match bij.split_once(':') {
        None if bij.is_empty() => (None, None),
        Some(("vrijstelling", id)) if d.vrijstellingen.iter().any(|v| v.id == id) => (Some(id.to_string()), None),
        Some(("zaak", id)) if d.zaken.iter().any(|z| z.id == id) => (None, Some(id.to_string())),
        _ => {
            f.fout("bij", "Kies een aanvraag of zaak uit dit dossier, of laat leeg.");
            (None, None)
        }
    };
    let (afzender, opgesteld_op, ontvangen_op) =
        (f.tekst("afzender"), f.datum("opgesteld_op"), f.datum("ontvangen_op"));
    let (Some(inhoud), Some(soort), Some(afzender), Some(opgesteld_op), Some(Some(ontvangen_op))) =
        (inhoud, soort, afzender, opgesteld_op, ontvangen_op)
    else {
        return f.terug_met_fouten();
    };
    if f.heeft_fouten() {
        return f.terug_met_fouten();
    }
    let b = Binnengekomen { jongere: j.id.clone(), soort, ontvangen_op, afzender, opgesteld_op, vrijstelling, zaak };
    match ontvangen::ontvang(&state.store, &g.medewerker, &b, &inhoud, state.vandaag()).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{}?gelukt=document", j.id)).into_response(),
        Err(e) => {
            // The form cannot give the file back: ask for it again beside the message.
            let mut f = f;
            f.zet_weigering(e, "bij").map_or_else(|e| pagina::serverfout(&e), |()| f.terug_met_fouten())
        }
    }
}
