//! Reading a bundle folder into records, collecting every error with file, row and column.
use crate::cel;
use crate::entiteit::{Entiteit, bestanden};
use crate::{Fout, IngestFout};
use leerspoor_domain::model::Dataset;
use leerspoor_store::rij::Waarde;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// The records of a bundle, with the line each came from (for error messages).
#[derive(Debug, Default)]
pub struct Bundel {
    pub dataset: Dataset,
    /// Per file: the line of each record, in the order of the dataset's list.
    pub regels: BTreeMap<&'static str, Vec<u64>>,
    /// Per file: which columns its header had. A column left out keeps, for an existing record,
    /// the value the database has (see `importeren`); absent here means every column was given.
    pub kolommen: BTreeMap<&'static str, Vec<bool>>,
    /// The errors found while reading the files; the checks between records come on top, so that
    /// one run lists every error.
    pub leesfouten: Vec<Fout>,
    /// Per file, what could not be read: a reference to such a record is not reported again.
    pub(crate) onleesbaar: BTreeMap<&'static str, Onleesbaar>,
}

/// What of a file could not be read: the whole file (its header), or rows, by their key.
#[derive(Debug, Default)]
pub(crate) struct Onleesbaar {
    pub heel_bestand: bool,
    pub sleutels: HashSet<String>,
}

impl Bundel {
    /// A record of file `bestand` with key `sleutel` was in the bundle but could not be read.
    pub(crate) fn onleesbaar(&self, bestand: &str, sleutel: &str) -> bool {
        self.onleesbaar.get(bestand).is_some_and(|o| o.heel_bestand || o.sleutels.contains(sleutel))
    }
}

impl Bundel {
    /// A dataset made in memory (the demo): rows are numbered as they would be in the file.
    pub fn uit_dataset(dataset: Dataset) -> Bundel {
        let mut regels = BTreeMap::new();
        crate::voor_elke_entiteit!(|R| {
            let n = R::lijst(&dataset).len() as u64;
            regels.insert(R::BESTAND, (2..n + 2).collect());
        });
        Bundel { dataset, regels, ..Bundel::default() }
    }

    pub fn regel<R: Entiteit>(&self, index: usize) -> u64 {
        self.regels.get(R::BESTAND).and_then(|r| r.get(index).copied()).unwrap_or(index as u64 + 2)
    }
}

/// Reads every known CSV file in `map`. A missing file means "nothing of that entity"; an unknown
/// file is refused, as it is most likely a misspelt name.
pub fn lees_bundel(map: &Path) -> Result<Bundel, IngestFout> {
    let mut bundel = Bundel::open(map)?;
    crate::voor_elke_entiteit!(|R| {
        bundel.lees::<R>(map)?;
    });
    Ok(bundel)
}

impl Bundel {
    /// An empty bundle for folder `map`, with an error for each file name a bundle cannot hold;
    /// [`Bundel::lees`] then reads its files one by one (the import writes one while reading the next).
    pub(crate) fn open(map: &Path) -> Result<Bundel, IngestFout> {
        let io = |bron| IngestFout::Io { pad: map.display().to_string(), bron };
        let mut fouten = Vec::new();
        let bekend = bestanden();
        let mut aanwezig = 0;
        for entry in std::fs::read_dir(map).map_err(io)? {
            let naam = entry.map_err(io)?.file_name().to_string_lossy().into_owned();
            if naam.to_lowercase().ends_with(".csv") && !bekend.contains(&naam.as_str()) {
                let melding = if bekend.contains(&naam.to_lowercase().as_str()) {
                    format!("schrijf de bestandsnaam in kleine letters: {}", naam.to_lowercase())
                } else {
                    format!("onbekend bestand; een bundel bevat alleen {}", bekend.join(", "))
                };
                fouten.push(Fout::bestand(&naam, melding));
            }
            aanwezig += usize::from(bekend.contains(&naam.as_str()));
        }
        if aanwezig == 0 && fouten.is_empty() {
            fouten
                .push(Fout::bestand(&map.display().to_string(), "de map bevat geen bestanden van de uitwisselbundel"));
        }
        Ok(Bundel { leesfouten: fouten, ..Bundel::default() })
    }

    /// Reads the file of entity `R` from `map` into the bundle, if the folder has it.
    pub(crate) fn lees<R: Entiteit>(&mut self, map: &Path) -> Result<(), IngestFout> {
        let pad = map.join(R::BESTAND);
        if pad.exists() {
            let bytes = std::fs::read(&pad).map_err(|bron| IngestFout::Io { pad: pad.display().to_string(), bron })?;
            let (records, regels, kolommen) = lees_bestand::<R>(&bytes, &mut self.leesfouten, &mut self.onleesbaar);
            self.kolommen.insert(R::BESTAND, kolommen);
            *R::lijst_mut(&mut self.dataset) = records;
            self.regels.insert(R::BESTAND, regels);
        }
        Ok(())
    }
}

/// Parses one file. Rows with errors are left out of the result (the whole import is refused), their
/// keys noted in `onleesbaar`.
fn lees_bestand<R: Entiteit>(
    bytes: &[u8],
    fouten: &mut Vec<Fout>,
    onleesbaar: &mut BTreeMap<&'static str, Onleesbaar>,
) -> (Vec<R>, Vec<u64>, Vec<bool>) {
    let bestand = R::BESTAND;
    let mut overgeslagen = |velden: &[&str], kolom_van_veld: &[Option<usize>]| {
        let o = onleesbaar.entry(bestand).or_default();
        match kolom_van_veld.iter().position(|k| *k == Some(0)).and_then(|i| velden.get(i)) {
            Some(sleutel) => {
                o.sleutels.insert(sleutel.trim().to_string());
            }
            None => o.heel_bestand = true,
        }
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let fout = |rij: u64, kolom: Option<&str>, melding: String| Fout {
        bestand: bestand.to_string(),
        rij: Some(rij),
        kolom: kolom.map(str::to_string),
        melding,
    };
    // Dutch spreadsheets save CSV with semicolons; accept either, decided by the header.
    let kop_einde = bytes.iter().position(|&b| b == b'\n').unwrap_or(bytes.len());
    let kop = &bytes[..kop_einde];
    let scheiding = if kop.contains(&b';') && !kop.contains(&b',') { b';' } else { b',' };
    let mut lezer = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(scheiding).from_reader(bytes);

    let mut regelteller = Regelteller::default();
    let mut records = Vec::new();
    let mut regels = Vec::new();
    let mut kolom_van_veld: Vec<Option<usize>> = Vec::new();
    let mut rij = csv::ByteRecord::new();
    let mut eerste = true;
    loop {
        match lezer.read_byte_record(&mut rij) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let regel = e.position().map_or(0, |p| regelteller.regel(bytes, p.byte()));
                fouten.push(fout(regel, None, format!("onleesbare CSV: {e}")));
                overgeslagen(&[], &[]);
                break;
            }
        }
        let regel = rij.position().map_or(0, |p| regelteller.regel(bytes, p.byte()));
        let mut velden = Vec::with_capacity(rij.len());
        let mut rij_fout = false;
        for (i, veld) in rij.iter().enumerate() {
            match std::str::from_utf8(veld) {
                Ok(t) => velden.push(t),
                Err(_) => {
                    let kolom = if eerste {
                        None
                    } else {
                        kolom_van_veld.get(i).copied().flatten().map(|k| R::KOLOMMEN[k].naam)
                    };
                    fouten.push(fout(
                        regel,
                        kolom,
                        format!("veld {} bevat tekens die geen UTF-8 zijn; sla het bestand op als UTF-8", i + 1),
                    ));
                    velden.push("");
                    rij_fout = true;
                }
            }
        }
        if eerste {
            eerste = false;
            kolom_van_veld = lees_kop::<R>(&velden, &mut |m| fouten.push(fout(regel, None, m)));
            if rij_fout || kolom_van_veld.is_empty() {
                overgeslagen(&[], &[]);
                return (Vec::new(), Vec::new(), Vec::new());
            }
            continue;
        }
        if velden.len() != kolom_van_veld.len() {
            fouten.push(fout(
                regel,
                None,
                format!(
                    "rij heeft {} velden, de kopregel {} (afgebroken of verschoven regel?)",
                    velden.len(),
                    kolom_van_veld.len()
                ),
            ));
            overgeslagen(&velden, &kolom_van_veld);
            continue;
        }
        if rij_fout {
            overgeslagen(&velden, &kolom_van_veld);
            continue;
        }
        let mut waarden: Vec<Option<Waarde>> = vec![None; R::KOLOMMEN.len()];
        for (veld, kolom) in velden.iter().zip(&kolom_van_veld) {
            let Some(k) = *kolom else { continue };
            match cel::lees(&R::KOLOMMEN[k], veld) {
                Ok(w) => waarden[k] = Some(w),
                Err(m) => {
                    fouten.push(fout(regel, Some(R::KOLOMMEN[k].naam), m));
                    rij_fout = true;
                }
            }
        }
        if rij_fout {
            overgeslagen(&velden, &kolom_van_veld);
            continue;
        }
        // Optional columns left out of the header are empty.
        let waarden: Vec<Waarde> = waarden
            .into_iter()
            .zip(R::KOLOMMEN)
            .map(|(w, k)| w.unwrap_or_else(|| cel::lees(k, "").expect("optionele kolom mag leeg zijn")))
            .collect();
        match R::uit_waarden(waarden) {
            Ok(r) => {
                records.push(r);
                regels.push(regel);
            }
            Err(veldfouten) => {
                for f in veldfouten {
                    fouten.push(fout(regel, Some(R::KOLOMMEN[f.kolom].naam), f.melding));
                }
                overgeslagen(&velden, &kolom_van_veld);
            }
        }
    }
    if eerste {
        fouten.push(Fout::bestand(bestand, "het bestand is leeg; de eerste regel moet de kopregel zijn"));
    }
    let aanwezig = (0..R::KOLOMMEN.len()).map(|k| kolom_van_veld.contains(&Some(k))).collect();
    (records, regels, aanwezig)
}

/// Line numbers as an editor shows them: the line on which a record starts, the header being line 1.
/// Counted from byte offsets because the CSV reader's own line count runs behind on CRLF line
/// endings and blank lines.
#[derive(Default)]
struct Regelteller {
    tot: usize,
    regel: u64,
}

impl Regelteller {
    fn regel(&mut self, bytes: &[u8], offset: u64) -> u64 {
        let mut start = usize::try_from(offset).expect("offset past in het geheugen").min(bytes.len());
        // A record's offset may point at the line ending that precedes it.
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start >= self.tot {
            self.regel += bytes[self.tot..start].iter().filter(|&&b| b == b'\n').count() as u64;
            self.tot = start;
        }
        self.regel + 1
    }
}

/// Maps header names to columns. Every required column must be present, optional ones may be
/// left out, and unknown names are refused (a misspelt column would silently lose data).
fn lees_kop<R: Entiteit>(kop: &[&str], fout: &mut impl FnMut(String)) -> Vec<Option<usize>> {
    let mut kolom_van_veld = Vec::with_capacity(kop.len());
    let mut ok = true;
    for naam in kop {
        let naam = naam.trim();
        match R::KOLOMMEN.iter().position(|k| k.naam == naam) {
            Some(i) if kolom_van_veld.contains(&Some(i)) => {
                fout(format!("kolom '{naam}' staat twee keer in de kopregel"));
                ok = false;
            }
            Some(i) => kolom_van_veld.push(Some(i)),
            None => {
                let namen: Vec<&str> = R::KOLOMMEN.iter().map(|k| k.naam).collect();
                fout(format!("onbekende kolom '{naam}'; bekende kolommen: {}", namen.join(", ")));
                ok = false;
            }
        }
    }
    for (i, k) in R::KOLOMMEN.iter().enumerate() {
        if k.verplicht && !kolom_van_veld.contains(&Some(i)) {
            fout(format!("verplichte kolom '{}' ontbreekt in de kopregel", k.naam));
            ok = false;
        }
    }
    if ok { kolom_van_veld } else { Vec::new() }
}
