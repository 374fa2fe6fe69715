//! The jaarverslag engine (docs/tabellen.md): every table is computed from the dated records for a
//! verslagjaar and a scope, as a [`Tabel`] value; renderers (JSON, CSV) only lay it out.
//!
//! Every counting rule is a pure function of `domain` (recidive, Tabel 10, JIKP, thuiszitters, VSV
//! destinations) that the casework calls too, so the report and the caseworker's screen cannot
//! disagree; [`register`] holds the reads that such counts need outside a table.

mod gedateerd;
mod kader;
pub mod register;
pub mod tabel;
pub mod tabellen;
pub mod uitvoer;
pub mod vastgesteld;

pub use kader::{Kader, Scope};
use std::sync::Arc;
pub use tabel::{Kolom, Rij, Tabel, Waarde};

#[derive(Debug, thiserror::Error)]
pub enum Fout {
    #[error("{0}")]
    Scope(String),
    #[error("onbekende tabel '{0}'; beschikbaar: {1}")]
    OnbekendeTabel(String, String),
    #[error(transparent)]
    Store(#[from] leerspoor_store::StoreFout),
    #[error("schrijven mislukt: {0}")]
    Schrijven(String),
    /// The self-check found totals that are not the sum of their parts: not for publication.
    #[error("niet gepubliceerd, de totalen kloppen niet:\n  {}", .0.join("\n  "))]
    Controle(Vec<String>),
}

/// Tables that count the same measure in a column each, with rows per gemeente: they must agree on
/// every row both have (`docs/tabellen.md`, "Eén maat, één telling").
const ZELFDE_MAAT: &[(&str, &str, &str, &str)] =
    &[("verzuim_per_1000", "relatief", "relatief_gemeente_onderwijssoort", "totaal")];

/// Single cells that count the same thing in two tables, as (table, row, column) pairs: the
/// VSV-meldingen of the year that `vsv_effect` follows per VSV-er are those `vsv_bestemming` counts.
const ZELFDE_CEL: &[[(&str, &str, &str); 2]] =
    &[[("vsv_effect", "vsv_meldingen", "totaal"), ("vsv_bestemming", "totaal", "aantal")]];

/// The same, where the second table has a column per gemeente and the measure as a row (the art. 25
/// opgave): (table, column; table, row). Per gemeente only: the opgave's total leaves out the
/// gemeenten that do leerplicht themselves, `vrijstellingen_gemeente`'s does not.
const ZELFDE_MAAT_GEKANTELD: &[(&str, &str, &str, &str)] = &[
    ("verzuim_per_1000", "pop_5_17", "art25_opgave", "jongeren_5_17"),
    ("verzuim_per_1000", "absoluut", "art25_opgave", "absoluut_verzuim"),
    ("verzuim_per_1000", "relatief", "art25_opgave", "relatief_verzuim"),
    ("vrijstellingen_gemeente", "art_5a", "art25_opgave", "vrijstelling_art_5a"),
    ("vrijstellingen_gemeente", "art_5b", "art25_opgave", "vrijstelling_art_5b"),
    ("vrijstellingen_gemeente", "art_5c", "art25_opgave", "vrijstelling_art_5c"),
    ("vrijstellingen_gemeente", "art_5a_trekkend", "art25_opgave", "vrijstelling_art_5a_trekkend"),
    ("vrijstellingen_gemeente", "art_15", "art25_opgave", "vrijstelling_art_15"),
    ("vrijstellingen_gemeente", "art_3a", "art25_opgave", "vrijstelling_art_3a"),
    ("vrijstellingen_gemeente", "art_3b", "art25_opgave", "vrijstelling_art_3b"),
    ("vrijstellingen_gemeente", "totaal", "art25_opgave", "vrijstellingen_totaal"),
];

/// The art. 25 opgave and the tables it is checked against: what a report of the opgave alone
/// computes, so that its self-check holds it against the jaarverslag.
pub fn art25_met_controle() -> Vec<String> {
    let mut ids: Vec<String> =
        ZELFDE_MAAT_GEKANTELD.iter().flat_map(|(a, _, b, _)| [*a, *b]).map(String::from).collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Every self-check of a report: each table's sums, and that tables counting the same measure
/// agree gemeente by gemeente. Empty when all holds.
pub fn controleer(tabellen: &[Tabel]) -> Vec<String> {
    let mut fouten: Vec<String> = tabellen.iter().flat_map(Tabel::controleer).collect();
    let tabel = |id: &str| tabellen.iter().find(|t| t.id == id);
    let paren = ZELFDE_MAAT.iter().map(|m| (m, false)).chain(ZELFDE_MAAT_GEKANTELD.iter().map(|m| (m, true)));
    for (&(a, ka, b, kb), gekanteld) in paren {
        let (Some(ta), Some(tb)) = (tabel(a), tabel(b)) else { continue };
        for rij in ta.rows.iter().filter(|r| !(gekanteld && r.key == "totaal")) {
            let y = if gekanteld { tb.cel(kb, &rij.key) } else { tb.cel(&rij.key, kb) };
            if let (Some(x), Some(y)) = (ta.cel(&rij.key, ka), y)
                && x != y
            {
                let waar = if gekanteld { format!("in rij '{kb}'") } else { format!("in kolom '{kb}'") };
                fouten.push(format!(
                    "tabel {a} telt in rij '{}' {x} in kolom '{ka}', tabel {b} {y} {waar}; dezelfde maat hoort gelijk te zijn",
                    rij.key
                ));
            }
        }
    }
    for &[(a, ra, ka), (b, rb, kb)] in ZELFDE_CEL {
        let (Some(x), Some(y)) = (tabel(a).and_then(|t| t.cel(ra, ka)), tabel(b).and_then(|t| t.cel(rb, kb))) else {
            continue;
        };
        if x != y {
            fouten.push(format!(
                "tabel {a} telt {x} in rij '{ra}', kolom '{ka}', tabel {b} {y} in rij '{rb}', kolom '{kb}'; dat hoort gelijk te zijn"
            ));
        }
    }
    fouten
}

/// Tables computed at the same time, each a task: while one waits for the database, others count,
/// on every core. Four was no faster than three on two cores, with a higher peak memory.
const TEGELIJK: usize = 3;

/// The table that takes longest at national scale (`leerspoor bench rapport --per-tabel`): the
/// factsheet goes through most of the register.
const LANGST: &str = "factsheet_gemeente";

/// The tables of one report: all of the catalogue that is built, or the ones asked for, in the
/// catalogue's order.
pub async fn bereken(kader: &Arc<Kader>, ids: &[String]) -> Result<Vec<Tabel>, Fout> {
    use futures_util::stream::{StreamExt, TryStreamExt};
    let alle = tabellen::IDS;
    for id in ids {
        if !alle.contains(&id.as_str()) {
            return Err(Fout::OnbekendeTabel(id.clone(), alle.join(", ")));
        }
    }
    // A completed year made final before records were destroyed: its kept tables, not the records.
    let mut vast: Vec<(usize, Tabel)> = vastgesteld::lees(kader, kader.jaar)
        .await?
        .into_iter()
        .filter_map(|t| alle.iter().position(|id| *id == t.id).map(|i| (i, t)))
        .filter(|(_, t)| ids.is_empty() || ids.iter().any(|i| i == t.id))
        .collect();
    let mut gevraagd: Vec<(usize, &'static str)> = alle
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, id)| ids.is_empty() || ids.iter().any(|i| i == id))
        .filter(|(_, id)| !vast.iter().any(|(_, t)| t.id == *id))
        .collect();
    // The longest first, so that the others fill the time beside it instead of after it.
    gevraagd.sort_by_key(|(_, id)| *id != LANGST);
    // Each table's task is spawned when the stream first polls it. The futures are made before
    // the stream: mapping inside it makes rustc unable to prove the future `Send` for axum
    // (rust-lang/rust#102211).
    let taken: Vec<_> = gevraagd
        .into_iter()
        .map(|(i, id)| {
            let kader = kader.clone();
            async move {
                match tokio::spawn(async move { tabellen::bereken(&kader, id).await }).await {
                    Ok(tabel) => tabel.map(|t| (i, t)),
                    Err(e) => std::panic::resume_unwind(e.into_panic()),
                }
            }
        })
        .collect();
    // Unordered, so that a long table does not hold up the ones behind it; sorted back after.
    let mut klaar: Vec<(usize, Tabel)> =
        futures_util::stream::iter(taken).buffer_unordered(TEGELIJK).try_collect().await?;
    vastgesteld::vervang_rijen_van_vastgestelde_jaren(kader, klaar.iter_mut().map(|(_, t)| t)).await?;
    klaar.append(&mut vast);
    klaar.sort_by_key(|(i, _)| *i);
    Ok(klaar.into_iter().map(|(_, t)| t).collect())
}
