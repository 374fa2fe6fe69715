//! Import: validate the whole bundle, compare it with the database, write the difference in one
//! transaction (written while the bundle is still being read, committed only when every check passed).
use crate::entiteit::Entiteit;
use crate::exporteren::lees_alles;
use crate::{Bundel, Fout, IngestFout, cel, valideer};
use foldhash::HashMap;
use indicatif::{ProgressBar, ProgressStyle};
use leerspoor_domain::model::Dataset;
use leerspoor_store::{GewijzigdeRij, Store, TabelWijziging};
use std::collections::VecDeque;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::sync::mpsc;

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
    importeer_bundel(store, Bron::Map(map.to_path_buf()), &format!("import {}", map.display()), opties).await
}

/// Imports records made in memory (the demo region) through the same checks as a bundle.
pub async fn importeer_dataset(
    store: &Store,
    dataset: Dataset,
    bron: &str,
    opties: &ImportOpties,
) -> Result<Samenvatting, IngestFout> {
    importeer_bundel(store, Bron::Dataset(Box::new(dataset)), bron, opties).await
}

/// Where the records come from: a folder read file by file, or a dataset already in memory.
enum Bron {
    Map(PathBuf),
    Dataset(Box<Dataset>),
}

/// One table's difference with the database, ready to write.
struct Stap {
    bestand: &'static str,
    tabel: TabelWijziging,
    ongewijzigd: u64,
}

/// Reads and checks on a thread of its own while this one writes: the database writes table n
/// (SQLite's worker thread, or the PostgreSQL server) while the next file is parsed, instead of
/// parsing everything first. Writing before the checks are done is safe because nothing is
/// committed until they are: any error in the bundle rolls the whole transaction back. A database
/// error (a row that breaks a key) waits for the checks, whose listing of the bundle's errors
/// explains it better.
async fn importeer_bundel(
    store: &Store,
    bron: Bron,
    bron_tekst: &str,
    opties: &ImportOpties,
) -> Result<Samenvatting, IngestFout> {
    let bestaand = Arc::new(lees_alles(store).await?);
    let (stappen_tx, mut stappen) = mpsc::channel::<Stap>(1);
    let (beurt, beurten) = mpsc::channel::<()>(1);
    let voorbereiding = {
        let bestaand = Arc::clone(&bestaand);
        tokio::task::spawn_blocking(move || bereid_voor(bron, &bestaand, &stappen_tx, beurten))
    };
    let balk = if opties.dry_run { ProgressBar::hidden() } else { ProgressBar::new(0) };
    balk.set_style(
        ProgressStyle::with_template("{msg:>24} [{bar:40}] {human_pos}/{human_len} rijen ({elapsed})")
            .expect("geldig sjabloon")
            .progress_chars("=> "),
    );
    let mut schrijver =
        if opties.dry_run { None } else { Some(store.importschrijver(&opties.gebruiker, bron_tekst).await?) };
    let mut schrijffout = None;
    let mut samenvatting = Samenvatting { dry_run: opties.dry_run, per_bestand: Vec::new() };
    let mut ongewijzigd_totaal = 0;
    // Only one table's rows are held a second time, as values to write: the next is converted
    // when this one is written (a turn on `beurt`).
    let _ = beurt.send(()).await;
    while let Some(Stap { bestand, tabel, ongewijzigd }) = stappen.recv().await {
        let (nieuw, gewijzigd) = (tabel.nieuw.len() as u64, tabel.gewijzigd.len() as u64);
        samenvatting.per_bestand.push((bestand, nieuw, gewijzigd, ongewijzigd));
        ongewijzigd_totaal += ongewijzigd;
        balk.inc_length(nieuw + gewijzigd + ongewijzigd);
        balk.set_message(bestand);
        balk.inc(ongewijzigd);
        match (schrijver.as_mut(), &schrijffout) {
            (Some(s), None) => {
                let balk = balk.clone();
                schrijffout = s.tabel(tabel, move |n| balk.inc(n)).await.err();
            }
            _ => drop(tabel),
        }
        let _ = beurt.send(()).await;
    }
    let fouten = voorbereiding.await.expect("de voorbereiding van de import stopte onverwacht")?;
    if !fouten.is_empty() {
        return Err(IngestFout::Ongeldig(fouten));
    }
    if let Some(e) = schrijffout {
        return Err(e.into());
    }
    if let Some(s) = schrijver {
        balk.set_message("vastleggen");
        s.klaar(ongewijzigd_totaal).await?;
    }
    balk.finish_and_clear();
    Ok(samenvatting)
}

/// Reads the bundle file by file, hands each table's difference with the database to the writer
/// when it has a turn, and checks the whole bundle at the end, on a second thread while the last
/// tables are handed over; gives every error found, sorted. After the first reading error nothing
/// more is handed over: the import will be refused anyway.
fn bereid_voor(
    bron: Bron,
    bestaand: &Dataset,
    stappen: &mpsc::Sender<Stap>,
    mut beurten: mpsc::Receiver<()>,
) -> Result<Vec<Fout>, IngestFout> {
    let (mut bundel, map) = match bron {
        Bron::Map(map) => (Bundel::open(&map)?, Some(map)),
        Bron::Dataset(ds) => (Bundel::uit_dataset(*ds), None),
    };
    // The tables read and not yet handed over, by their place in the write order.
    let mut gereed = VecDeque::new();
    let mut plaats = 0;
    crate::voor_elke_entiteit!(|R| {
        if let Some(map) = &map {
            bundel.lees::<R>(map)?;
        }
        if bundel.regels.contains_key(R::BESTAND) {
            gereed.push_back(plaats);
        }
        plaats += 1;
        while !gereed.is_empty() && bundel.leesfouten.is_empty() && beurten.try_recv().is_ok() {
            geef_door(&bundel, bestaand, gereed.pop_front(), stappen);
        }
    });
    let mut fouten = std::mem::take(&mut bundel.leesfouten);
    let bundel = &bundel;
    let controle = std::thread::scope(|s| {
        let controle = s.spawn(|| valideer(bundel, bestaand));
        while !gereed.is_empty() && fouten.is_empty() && beurten.blocking_recv().is_some() {
            geef_door(bundel, bestaand, gereed.pop_front(), stappen);
        }
        controle.join()
    });
    fouten.extend(controle.expect("de controle van de bundel stopte onverwacht"));
    fouten.sort_by(|a, b| (&a.bestand, a.rij).cmp(&(&b.bestand, b.rij)));
    Ok(fouten)
}

/// Hands the writer the difference with the database of the table at place `plaats` in the write order.
fn geef_door(bundel: &Bundel, bestaand: &Dataset, plaats: Option<usize>, stappen: &mpsc::Sender<Stap>) {
    let mut i = 0;
    crate::voor_elke_entiteit!(|R| {
        if Some(i) == plaats {
            let aanwezig = bundel.kolommen.get(R::BESTAND).map(Vec::as_slice);
            let (tabel, ongewijzigd) = verschil::<R>(R::lijst(&bundel.dataset), R::lijst(bestaand), aanwezig);
            // The writer stops listening only when it is gone, and then nothing is written anyway.
            let _ = stappen.blocking_send(Stap { bestand: R::BESTAND, tabel, ongewijzigd });
        }
        i += 1;
    });
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
