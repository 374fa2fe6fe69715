//! Export: the whole database as a bundle, the same format import reads.
use crate::entiteit::Entiteit;
use crate::{IngestFout, cel};
use leerspoor_domain::model::Dataset;
use leerspoor_store::Store;
use std::path::Path;

/// Reads every record of the database.
pub(crate) async fn lees_alles(store: &Store) -> Result<Dataset, leerspoor_store::StoreFout> {
    let mut ds = Dataset::default();
    crate::voor_elke_entiteit!(|R| {
        *R::lijst_mut(&mut ds) = store.lees::<R>().await?;
    });
    Ok(ds)
}

/// Writes the database to `map` as a bundle; returns the number of rows written.
pub async fn exporteer(store: &Store, map: &Path, gebruiker: &str) -> Result<u64, IngestFout> {
    let ds = lees_alles(store).await?;
    let n = schrijf_bundel(&ds, map)?;
    store.log(gebruiker, "export", &map.display().to_string(), "gelukt", None).await?;
    Ok(n)
}

/// Writes a dataset as a bundle: every file, header first, rows sorted by key so that the same
/// data always gives the same files.
pub fn schrijf_bundel(ds: &Dataset, map: &Path) -> Result<u64, IngestFout> {
    let io = |pad: &Path| {
        let pad = pad.display().to_string();
        move |bron| IngestFout::Io { pad, bron }
    };
    std::fs::create_dir_all(map).map_err(io(map))?;
    let mut totaal = 0;
    crate::voor_elke_entiteit!(|R| {
        let pad = map.join(R::BESTAND);
        totaal += schrijf_bestand::<R>(R::lijst(ds), &pad).map_err(io(&pad))?;
    });
    Ok(totaal)
}

/// A new file readable by its owner only: a bundle holds BSNs and criminal-law data.
fn nieuw_bestand(pad: &Path) -> std::io::Result<std::fs::File> {
    let mut opties = std::fs::OpenOptions::new();
    opties.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opties, 0o600);
    opties.open(pad)
}

fn schrijf_bestand<R: Entiteit>(records: &[R], pad: &Path) -> std::io::Result<u64> {
    let mut rijen: Vec<Vec<String>> = records.iter().map(|r| r.waarden().iter().map(cel::schrijf).collect()).collect();
    rijen.sort_by(|a, b| a[..R::SLEUTEL].cmp(&b[..R::SLEUTEL]));
    let mut w = csv::Writer::from_writer(std::io::BufWriter::new(nieuw_bestand(pad)?));
    w.write_record(R::KOLOMMEN.iter().map(|k| k.naam))?;
    for rij in &rijen {
        w.write_record(rij)?;
    }
    w.flush()?;
    Ok(rijen.len() as u64)
}
