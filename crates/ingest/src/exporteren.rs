//! Export: the whole database as a bundle, the same format import reads; or pseudonymised, for
//! research and policy (`docs/pseudonimisering.md`).
use crate::entiteit::Entiteit;
use crate::pseudoniem::{Pseudonimisering, Sleutel};
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

/// Writes the database to `map` pseudonymised with the office's key in `sleutelbestand`; returns
/// the number of rows written. The key is read first: a missing or short one writes nothing.
pub async fn exporteer_gepseudonimiseerd(
    store: &Store,
    map: &Path,
    sleutelbestand: &Path,
    gebruiker: &str,
) -> Result<u64, IngestFout> {
    let sleutel = Sleutel::lees(sleutelbestand, map)?;
    let ds = lees_alles(store).await?;
    let n = schrijf(&ds, map, Some(&sleutel))?;
    // Never the key's path: where the key lives is no business of the log's readers.
    store.log(gebruiker, "export (gepseudonimiseerd)", &map.display().to_string(), "gelukt", None).await?;
    Ok(n)
}

/// Writes a dataset as a bundle: every file, header first, rows sorted by key so that the same
/// data always gives the same files.
pub fn schrijf_bundel(ds: &Dataset, map: &Path) -> Result<u64, IngestFout> {
    schrijf(ds, map, None)
}

fn schrijf(ds: &Dataset, map: &Path, sleutel: Option<&Sleutel>) -> Result<u64, IngestFout> {
    let io = |pad: &Path| {
        let pad = pad.display().to_string();
        move |bron| IngestFout::Io { pad, bron }
    };
    std::fs::create_dir_all(map).map_err(io(map))?;
    let mut totaal = 0;
    crate::voor_elke_entiteit!(|R| {
        let pad = map.join(R::BESTAND);
        let pseudonimisering = sleutel.map(Pseudonimisering::voor::<R>);
        totaal += schrijf_bestand::<R>(R::lijst(ds), &pad, pseudonimisering.as_ref()).map_err(io(&pad))?;
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

/// Sorted after pseudonymising: a pseudonymised file's order then says nothing about the ids.
fn schrijf_bestand<R: Entiteit>(
    records: &[R],
    pad: &Path,
    pseudonimisering: Option<&Pseudonimisering>,
) -> std::io::Result<u64> {
    let mut rijen: Vec<Vec<String>> = records
        .iter()
        .map(|r| {
            let waarden = match pseudonimisering {
                Some(p) => p.rij(r.waarden()),
                None => r.waarden(),
            };
            waarden.iter().map(cel::schrijf).collect()
        })
        .collect();
    rijen.sort_by(|a, b| a[..R::SLEUTEL].cmp(&b[..R::SLEUTEL]));
    let mut w = csv::Writer::from_writer(std::io::BufWriter::new(nieuw_bestand(pad)?));
    w.write_record(R::KOLOMMEN.iter().map(|k| k.naam))?;
    for rij in &rijen {
        w.write_record(rij)?;
    }
    w.flush()?;
    Ok(rijen.len() as u64)
}
