//! Import: validate the whole bundle, compare it with the database, write the difference at once.
use crate::entiteit::Entiteit;
use crate::exporteren::lees_alles;
use crate::{Bundel, IngestFout, cel, lees_bundel, valideer};
use foldhash::HashMap;
use indicatif::{ProgressBar, ProgressStyle};
use leerspoor_domain::model::Dataset;
use leerspoor_store::{GewijzigdeRij, Store, TabelWijziging};
use std::fmt;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct ImportOpties {
    /// Only validate and count; write nothing.
    pub dry_run: bool,
    /// Who imports, for the audit trail.
    pub gebruiker: String,
}

/// What an import did (or, with `dry_run`, would do), per file.
#[derive(Debug, Clone, Default)]
pub struct Samenvatting {
    pub dry_run: bool,
    pub per_bestand: Vec<(&'static str, u64, u64, u64)>,
}

impl Samenvatting {
    pub fn nieuw(&self) -> u64 {
        self.per_bestand.iter().map(|b| b.1).sum()
    }
    pub fn gewijzigd(&self) -> u64 {
        self.per_bestand.iter().map(|b| b.2).sum()
    }
    pub fn ongewijzigd(&self) -> u64 {
        self.per_bestand.iter().map(|b| b.3).sum()
    }
}

impl fmt::Display for Samenvatting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let werkwoord = if self.dry_run { "Bundel is geldig; zou importeren" } else { "Geïmporteerd" };
        write!(
            f,
            "{werkwoord}: {} nieuw, {} gewijzigd, {} ongewijzigd ({} bestanden)",
            self.nieuw(),
            self.gewijzigd(),
            self.ongewijzigd(),
            self.per_bestand.len()
        )
    }
}

/// Imports the bundle in `map`: all of it, or (on any error) nothing.
pub async fn importeer(store: &Store, map: &Path, opties: &ImportOpties) -> Result<Samenvatting, IngestFout> {
    let bundel = lees_bundel(map)?;
    importeer_bundel(store, bundel, &format!("import {}", map.display()), opties).await
}

/// Imports records made in memory (the demo region) through the same checks as a bundle.
pub async fn importeer_dataset(
    store: &Store,
    dataset: Dataset,
    bron: &str,
    opties: &ImportOpties,
) -> Result<Samenvatting, IngestFout> {
    importeer_bundel(store, Bundel::uit_dataset(dataset), bron, opties).await
}

async fn importeer_bundel(
    store: &Store,
    bundel: Bundel,
    bron: &str,
    opties: &ImportOpties,
) -> Result<Samenvatting, IngestFout> {
    let bestaand = lees_alles(store).await?;
    let mut fouten = bundel.leesfouten.clone();
    fouten.extend(valideer(&bundel, &bestaand));
    fouten.sort_by(|a, b| (&a.bestand, a.rij).cmp(&(&b.bestand, b.rij)));
    if !fouten.is_empty() {
        return Err(IngestFout::Ongeldig(fouten));
    }
    let mut samenvatting = Samenvatting { dry_run: opties.dry_run, per_bestand: Vec::new() };
    let balk = if opties.dry_run { ProgressBar::hidden() } else { ProgressBar::new(bundel.aantal_rijen()) };
    balk.set_style(
        ProgressStyle::with_template("{msg:>24} [{bar:40}] {human_pos}/{human_len} rijen, nog {eta}")
            .expect("geldig sjabloon")
            .progress_chars("=> "),
    );
    // One table at a time into one transaction: only one table's rows are held twice in memory.
    let mut schrijver = if opties.dry_run { None } else { Some(store.schrijver(&opties.gebruiker, bron).await?) };
    let mut ongewijzigd_totaal = 0;
    crate::voor_elke_entiteit!(|R| {
        if bundel.regels.contains_key(R::BESTAND) {
            balk.set_message(R::BESTAND);
            let aanwezig = bundel.kolommen.get(R::BESTAND).map(Vec::as_slice);
            let (tabel, ongewijzigd) = verschil::<R>(R::lijst(&bundel.dataset), R::lijst(&bestaand), aanwezig);
            samenvatting.per_bestand.push((
                R::BESTAND,
                tabel.nieuw.len() as u64,
                tabel.gewijzigd.len() as u64,
                ongewijzigd,
            ));
            ongewijzigd_totaal += ongewijzigd;
            balk.inc(ongewijzigd);
            if let Some(s) = schrijver.as_mut() {
                s.tabel(&tabel, |n| balk.inc(n)).await?;
            }
        }
    });
    if let Some(s) = schrijver {
        balk.set_message("vastleggen");
        s.klaar(ongewijzigd_totaal).await?;
    }
    balk.finish_and_clear();
    Ok(samenvatting)
}

/// New rows, and rows whose values differ from the database's; returns also the unchanged count.
/// Columns the file left out keep the database's value for existing rows (`aanwezig`).
fn verschil<R: Entiteit>(bundel: &[R], bestaand: &[R], aanwezig: Option<&[bool]>) -> (TabelWijziging, u64) {
    if bestaand.is_empty() {
        // A table the database does not have yet (a first import): every row is new.
        let mut tabel = TabelWijziging::leeg::<R>();
        tabel.nieuw = bundel.iter().map(R::waarden).collect();
        return (tabel, 0);
    }
    let sleutel =
        |w: &[leerspoor_store::rij::Waarde]| -> Vec<String> { R::sleutel(w).iter().map(cel::schrijf).collect() };
    let oud: HashMap<Vec<String>, Vec<leerspoor_store::rij::Waarde>> = bestaand
        .iter()
        .map(|r| {
            let w = r.waarden();
            (sleutel(&w), w)
        })
        .collect();
    let mut tabel = TabelWijziging::leeg::<R>();
    let mut ongewijzigd = 0;
    for r in bundel {
        let mut w = r.waarden();
        let k = sleutel(&w);
        if let (Some(aanwezig), Some(o)) = (aanwezig, oud.get(&k)) {
            for (i, _) in aanwezig.iter().enumerate().filter(|(_, a)| !**a) {
                w[i] = o[i].clone();
            }
        }
        match oud.get(&k) {
            None => tabel.nieuw.push(w),
            Some(o) if *o == w => ongewijzigd += 1,
            Some(o) => {
                let velden = R::KOLOMMEN
                    .iter()
                    .zip(o.iter().zip(&w))
                    .filter(|(_, (a, b))| a != b)
                    .map(|(kolom, (a, b))| (kolom.naam, cel::schrijf(a), cel::schrijf(b)))
                    .collect();
                tabel.gewijzigd.push(GewijzigdeRij { waarden: w, sleutel: k.join("/"), velden });
            }
        }
    }
    (tabel, ongewijzigd)
}
