//! The typst `World` of one jaarverslag or letter: two sources and the charts or fields in memory, the bundled
//! fonts, nothing from disk, no packages, no network.
use std::collections::HashMap;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// Inter (SIL Open Font License 1.1, see `fonts/OFL.txt`): the four styles the report uses.
const LETTERTYPEN: [&[u8]; 4] = [
    include_bytes!("../../fonts/Inter-Regular.otf"),
    include_bytes!("../../fonts/Inter-Bold.otf"),
    include_bytes!("../../fonts/Inter-Italic.otf"),
    include_bytes!("../../fonts/Inter-BoldItalic.otf"),
];

/// Parsed once per process: parsing fonts and building the library is most of a cold render.
static LETTERS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = LETTERTYPEN.iter().flat_map(|b| Font::iter(Bytes::new(*b))).collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});
static BIBLIOTHEEK: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::builder().build()));

pub struct Wereld {
    hoofd: Source,
    sjabloon: Source,
    /// Other files by absolute path (`/grafiek/recidive.svg`).
    bestanden: HashMap<String, Bytes>,
    vandaag: Option<Datetime>,
}

pub const SJABLOON: &str = "/sjabloon.typ";

fn id(pad: &str) -> FileId {
    let pad = VirtualPath::new(pad).expect("een geldig pad in de virtuele map");
    FileId::new(RootedPath::new(VirtualRoot::Project, pad))
}

impl Wereld {
    /// `hoofd` is the generated document, `sjabloon` its layout, `bestanden` the charts.
    pub fn nieuw(
        hoofd: String,
        sjabloon: &str,
        bestanden: HashMap<String, Bytes>,
        vandaag: chrono::NaiveDate,
    ) -> Wereld {
        Wereld::met_sjabloon(hoofd, (SJABLOON, sjabloon), bestanden, vandaag)
    }

    /// With the layout source at another path (`/briefhoofd.typ`, as a letter imports it).
    pub fn met_sjabloon(
        hoofd: String,
        (pad, sjabloon): (&str, &str),
        bestanden: HashMap<String, Bytes>,
        vandaag: chrono::NaiveDate,
    ) -> Wereld {
        use chrono::Datelike;
        Wereld {
            hoofd: Source::new(id("/hoofd.typ"), hoofd),
            sjabloon: Source::new(id(pad), sjabloon.to_string()),
            bestanden,
            vandaag: Datetime::from_ymd(vandaag.year(), vandaag.month() as u8, vandaag.day() as u8),
        }
    }
}

impl World for Wereld {
    fn library(&self) -> &LazyHash<Library> {
        &BIBLIOTHEEK
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &LETTERS.0
    }

    fn main(&self) -> FileId {
        self.hoofd.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.hoofd.id() {
            Ok(self.hoofd.clone())
        } else if id == self.sjabloon.id() {
            Ok(self.sjabloon.clone())
        } else {
            Err(self.file(id).err().unwrap_or(FileError::NotSource))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        // The report is self-contained: `@preview/…` and other packages are refused, never fetched.
        if let VirtualRoot::Package(pakket) = id.root() {
            return Err(FileError::Package(PackageError::Other(Some(
                format!("{pakket}: pakketten worden niet geladen").into(),
            ))));
        }
        if let Some(s) = [&self.hoofd, &self.sjabloon].into_iter().find(|s| s.id() == id) {
            return Ok(Bytes::from_string(s.clone()));
        }
        let pad = id.vpath().get_with_slash();
        self.bestanden.get(pad).cloned().ok_or_else(|| FileError::NotFound(pad.into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        LETTERS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.vandaag
    }
}
