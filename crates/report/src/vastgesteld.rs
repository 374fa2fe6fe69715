//! Years made final (docs/beheer.md, "Bewaren en vernietigen"): before `leerspoor archief`
//! destroys records, every completed schooljaar they counted in has its tables kept, for every
//! scope (the region, each subregio, each gemeente). A report of such a year reads the kept tables,
//! so last years' jaarverslagen give the same counts after the people behind them are gone.
use crate::tabel::{Kolom, Rij, Som};
use crate::{Fout, Kader, Scope, Tabel, tabellen};
use leerspoor_domain::SchoolJaar;
use leerspoor_domain::model::{Gemeente, Subregio};
use leerspoor_store::Store;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A table as kept: everything the renderers and the self-check need.
#[derive(Serialize, Deserialize)]
struct Opslag {
    id: String,
    title: String,
    columns: Vec<Kolom>,
    rows: Vec<Rij>,
    notes: Vec<String>,
    sommen: Vec<Som>,
    afgeleid: Vec<String>,
    afgeleide_rijen: Vec<String>,
    buiten_sommen: Vec<String>,
}

fn naar_json(t: &Tabel) -> String {
    let o = Opslag {
        id: t.id.to_string(),
        title: t.title.clone(),
        columns: t.columns.clone(),
        rows: t.rows.clone(),
        notes: t.notes.clone(),
        sommen: t.sommen.clone(),
        afgeleid: t.afgeleid.clone(),
        afgeleide_rijen: t.afgeleide_rijen.clone(),
        buiten_sommen: t.buiten_sommen.clone(),
    };
    serde_json::to_string(&o).expect("een tabel is altijd als JSON te schrijven")
}

fn uit_json(inhoud: &str, vastgesteld: &str) -> Result<Tabel, Fout> {
    let o: Opslag =
        serde_json::from_str(inhoud).map_err(|e| Fout::Schrijven(format!("vastgestelde tabel onleesbaar: {e}")))?;
    // A kept table of a table no longer in the catalogue is not shown.
    let id = tabellen::IDS
        .iter()
        .find(|i| **i == o.id)
        .ok_or_else(|| Fout::OnbekendeTabel(o.id.clone(), tabellen::IDS.join(", ")))?;
    let mut notes = o.notes;
    notes.push(format!(
        "Vastgesteld op {vastgesteld}, voordat dossiers volgens de bewaartermijnen werden vernietigd: \
         de aantallen zijn bewaard, latere correcties van records over dit jaar tellen niet mee."
    ));
    Ok(Tabel {
        id,
        title: o.title,
        columns: o.columns,
        rows: o.rows,
        notes,
        sommen: o.sommen,
        onderdrukt: Vec::new(),
        afgeleid: o.afgeleid,
        afgeleide_rijen: o.afgeleide_rijen,
        buiten_sommen: o.buiten_sommen,
    })
}

/// The kept tables of the report's year and scope (none when the year is not vastgesteld).
pub(crate) async fn lees(kader: &Kader) -> Result<Vec<Tabel>, Fout> {
    let rijen = kader.store.vastgestelde_tabellen(kader.jaar.beginjaar(), &kader.scope.to_string()).await?;
    rijen
        .iter()
        .map(|r| {
            let op = r.vastgesteld.with_timezone(&chrono::Local).format("%d-%m-%Y").to_string();
            uit_json(&r.inhoud, &op)
        })
        .collect()
}

/// Every scope a report can be asked for.
async fn scopes(store: &Store) -> Result<Vec<Scope>, Fout> {
    let subregios: Vec<Subregio> = store.lees().await?;
    let gemeenten: Vec<Gemeente> = store.lees().await?;
    Ok(std::iter::once(Scope::Regio)
        .chain(subregios.into_iter().map(|s| Scope::Subregio(s.code)))
        .chain(gemeenten.into_iter().map(|g| Scope::Gemeente(g.code)))
        .collect())
}

/// Makes the schooljaren `van` up to and including `tot` final, those not yet: every table for
/// every scope, computed from the records as they are now. The years made final.
pub async fn stel_vast(store: &Store, van: SchoolJaar, tot: SchoolJaar) -> Result<Vec<SchoolJaar>, Fout> {
    let scopes = scopes(store).await?;
    let mut gedaan = Vec::new();
    let mut jaar = van;
    while jaar <= tot {
        for scope in &scopes {
            // Per scope: a run stopped halfway leaves whole scopes, and the next completes the year.
            if !store.vastgestelde_tabellen(jaar.beginjaar(), &scope.to_string()).await?.is_empty() {
                continue;
            }
            let kader = Arc::new(Kader::nieuw(store, jaar, scope.clone()).await?);
            let tabellen: Vec<(String, String)> =
                crate::bereken(&kader, &[]).await?.iter().map(|t| (t.id.to_string(), naar_json(t))).collect();
            store.stel_vast(jaar.beginjaar(), &scope.to_string(), &tabellen).await?;
            if gedaan.last() != Some(&jaar) {
                gedaan.push(jaar);
            }
        }
        jaar = jaar.volgend();
    }
    Ok(gedaan)
}
