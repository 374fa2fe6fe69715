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

/// A kept table, or `None` for one no longer in the catalogue (not shown).
fn uit_json(inhoud: &str, vastgesteld: &str) -> Result<Option<Tabel>, Fout> {
    let o: Opslag =
        serde_json::from_str(inhoud).map_err(|e| Fout::Schrijven(format!("vastgestelde tabel onleesbaar: {e}")))?;
    let Some(id) = tabellen::IDS.iter().find(|i| **i == o.id) else { return Ok(None) };
    let mut notes = o.notes;
    notes.push(format!(
        "Vastgesteld op {vastgesteld}, voordat dossiers volgens de bewaartermijnen werden vernietigd: \
         de aantallen zijn bewaard, latere correcties van records over dit jaar tellen niet mee."
    ));
    Ok(Some(Tabel {
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
    }))
}

/// The kept tables of a year for the report's scope (none when the year is not vastgesteld).
pub(crate) async fn lees(kader: &Kader, jaar: SchoolJaar) -> Result<Vec<Tabel>, Fout> {
    let rijen = kader.store.vastgestelde_tabellen(jaar.beginjaar(), &kader.scope.to_string()).await?;
    let mut tabellen = Vec::new();
    for r in &rijen {
        let op = r.vastgesteld.with_timezone(&chrono::Local).format("%d-%m-%Y").to_string();
        tabellen.extend(uit_json(&r.inhoud, &op)?);
    }
    Ok(tabellen)
}

/// A row about another schooljaar (key `2019_2020`) in a table of a year not kept, such as the
/// recidive of the four years before: when that year is kept, its kept table's row, since the
/// records it counted may be gone.
pub(crate) async fn vervang_rijen_van_vastgestelde_jaren(
    kader: &Kader,
    tabellen: impl Iterator<Item = &mut Tabel>,
) -> Result<(), Fout> {
    let mut per_jaar: std::collections::HashMap<SchoolJaar, Vec<Tabel>> = std::collections::HashMap::new();
    for tabel in tabellen {
        for rij in &mut tabel.rows {
            let Some(jaar) = jaar_van_rij(&rij.key).filter(|j| *j != kader.jaar) else { continue };
            if let std::collections::hash_map::Entry::Vacant(plek) = per_jaar.entry(jaar) {
                plek.insert(lees(kader, jaar).await?);
            }
            let vast = per_jaar[&jaar].iter().find(|t| t.id == tabel.id && t.columns == tabel.columns);
            if let Some(vaste_rij) = vast.and_then(|t| t.rows.iter().find(|r| r.key == rij.key)) {
                rij.values.clone_from(&vaste_rij.values);
            }
        }
    }
    Ok(())
}

/// `2019_2020` → schooljaar 2019-2020.
fn jaar_van_rij(key: &str) -> Option<SchoolJaar> {
    let (a, b) = key.split_once('_')?;
    let (a, b): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
    (a.to_string().len() == 4 && b == a + 1).then(|| SchoolJaar::beginnend_in(a))
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
