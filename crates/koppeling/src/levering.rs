//! Reading one delivery file (docs/koppelingen.md, "Een levering lezen"). DUO publishes its exact
//! layouts only to connected organisations, and what an office downloads from Mijn DUO differs by
//! package and year: the file is read by a [`Koppeltabel`] that names, per field Leerspoor uses, the
//! column headings it accepts; the separator (`;` or `,`) and the encoding (UTF-8, with or without
//! BOM, or Windows-1252) are recognised; dates may be `dd-mm-jjjj` or `jjjj-mm-dd`.
//!
//! A file is read whole or refused whole: every error, with its row and column, in one go.
use leerspoor_domain::Datum;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// A field of a source, as the mapping file declares it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Veld {
    /// The column headings this field may have, compared without case and surrounding spaces.
    pub kop: Vec<String>,
    /// A delivery without this column, or with a row that leaves it empty, is refused.
    #[serde(default)]
    pub verplicht: bool,
}

/// Which column of a source's file holds which field: read from a small TOML file an office adjusts
/// to the headings of its own deliveries.
///
/// ```toml
/// bron = "duo-verzuim"
/// [velden]
/// bsn = { kop = ["BSN", "Burgerservicenummer"] }
/// soort = { kop = ["Soort verzuim"], verplicht = true }
/// [waarden.soort]
/// "Luxe verzuim" = "luxe"
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Koppeltabel {
    pub bron: String,
    pub velden: BTreeMap<String, Veld>,
    /// Per field, the source's wording of a value and the Leerspoor code it stands for (compared
    /// without case and surrounding spaces); a value not listed is read as it is.
    #[serde(default)]
    pub waarden: BTreeMap<String, BTreeMap<String, String>>,
}

impl Koppeltabel {
    /// Reads a mapping file's text; `naam` names it in the message.
    pub fn lees(naam: &str, tekst: &str) -> Result<Koppeltabel, String> {
        let t: Koppeltabel = toml::from_str(tekst).map_err(|e| {
            let regel =
                e.span().map_or(String::new(), |s| format!(", regel {}", tekst[..s.start].matches('\n').count() + 1));
            format!("{naam}{regel}: geen geldige koppeltabel ({})", e.message())
        })?;
        for (veld, v) in &t.velden {
            if v.kop.iter().all(|k| k.trim().is_empty()) {
                return Err(format!("{naam}: veld '{veld}' heeft geen kolomkop"));
            }
        }
        if let Some(veld) = t.waarden.keys().find(|v| !t.velden.contains_key(*v)) {
            return Err(format!("{naam}: [waarden.{veld}] hoort bij geen veld van [velden]"));
        }
        Ok(t)
    }

    /// The Leerspoor value for what the source wrote in `veld`.
    fn vertaal<'a>(&'a self, veld: &str, waarde: &'a str) -> &'a str {
        self.waarden
            .get(veld)
            .and_then(|w| w.iter().find(|(bron, _)| bron.trim().to_lowercase() == waarde.to_lowercase()))
            .map_or(waarde, |(_, code)| code.as_str())
    }
}

/// One error of a delivery: the row (1 is the heading) and column it is about, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeesFout {
    pub rij: Option<usize>,
    pub kolom: Option<String>,
    pub melding: String,
}

impl fmt::Display for LeesFout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.rij, &self.kolom) {
            (Some(r), Some(k)) => write!(f, "rij {r}, kolom {k}: {}", self.melding),
            (Some(r), None) => write!(f, "rij {r}: {}", self.melding),
            (None, Some(k)) => write!(f, "kolom {k}: {}", self.melding),
            (None, None) => write!(f, "{}", self.melding),
        }
    }
}

pub(crate) fn fout(rij: Option<usize>, kolom: Option<&str>, melding: impl Into<String>) -> LeesFout {
    LeesFout { rij, kolom: kolom.map(str::to_string), melding: zonder_nummers(&melding.into()) }
}

/// A message (or a file name) without any run of eight or more digits: a message about a cell
/// repeats its value, and a shifted column can put a BSN in any cell; the log keeps messages.
pub fn zonder_nummers(tekst: &str) -> String {
    let mut uit = String::with_capacity(tekst.len());
    let mut cijfers = String::new();
    for c in tekst.chars().chain(std::iter::once('\0')) {
        if c.is_ascii_digit() {
            cijfers.push(c);
            continue;
        }
        uit.push_str(if cijfers.len() >= 8 { "…" } else { &cijfers });
        cijfers.clear();
        if c != '\0' {
            uit.push(c);
        }
    }
    uit
}

/// One row of a delivery: its number in the file (the heading is row 1) and the fields the
/// Koppeltabel names, by field name, trimmed; an empty cell is absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rij {
    pub nummer: usize,
    waarden: HashMap<String, String>,
    koppen: HashMap<String, String>,
}

impl Rij {
    pub fn tekst(&self, veld: &str) -> Option<&str> {
        self.waarden.get(veld).map(String::as_str)
    }

    /// The field as a date in either format; a refusal names this row and the column as the file
    /// heads it.
    pub fn datum(&self, veld: &str) -> Result<Option<Datum>, LeesFout> {
        self.tekst(veld)
            .map(|w| lees_datum(w).map_err(|m| fout(Some(self.nummer), Some(self.kop(veld)), m)))
            .transpose()
    }

    /// The column heading of a field in this file (the field's name when the file lacks it).
    pub fn kop<'a>(&'a self, veld: &'a str) -> &'a str {
        self.koppen.get(veld).map_or(veld, String::as_str)
    }
}

/// The rows of a delivery, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Levering {
    pub bron: String,
    pub rijen: Vec<Rij>,
    /// Per field, the heading it had in this file.
    koppen: HashMap<String, String>,
}

impl Levering {
    /// The heading `veld` had in this file, for a message about it (the field's name if absent).
    pub fn kop<'a>(&'a self, veld: &'a str) -> &'a str {
        self.koppen.get(veld).map_or(veld, String::as_str)
    }
}

/// A date as DUO's files and spreadsheets write it: `dd-mm-jjjj` or `jjjj-mm-dd`; with `/` too.
pub fn lees_datum(tekst: &str) -> Result<Datum, String> {
    let t = tekst.trim();
    let delen: Vec<&str> = t.split(['-', '/']).collect();
    let getal = |s: &str| s.parse::<u32>().ok();
    let (j, m, d) = match delen.as_slice() {
        [j, m, d] if j.len() == 4 => (getal(j), getal(m), getal(d)),
        [d, m, j] if j.len() == 4 => (getal(j), getal(m), getal(d)),
        _ => (None, None, None),
    };
    let (Some(j), Some(m), Some(d)) = (j, m, d) else {
        return Err(format!("'{t}' is geen datum; verwacht dd-mm-jjjj of jjjj-mm-dd"));
    };
    i32::try_from(j)
        .ok()
        .and_then(|j| Datum::from_ymd_opt(j, m, d))
        .ok_or_else(|| format!("'{t}' is geen bestaande datum"))
}

/// The text of a file: UTF-8 (a BOM is dropped) when it is valid UTF-8, else Windows-1252, the
/// encoding of a Dutch spreadsheet saved as CSV. Windows line ends become `\n`: the CSV reader
/// counts a record after `\r\n` as starting on the line before, and rows are named by line.
fn tekst_van(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let tekst = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0,
    };
    tekst.replace("\r\n", "\n")
}

/// `;` when the heading has more of them than `,` (a Dutch spreadsheet), else `,`.
fn scheidingsteken(tekst: &str) -> u8 {
    let kop = tekst.lines().next().unwrap_or("");
    if kop.matches(';').count() > kop.matches(',').count() { b';' } else { b',' }
}

/// Reads a delivery by its Koppeltabel: every field found by one of its headings, a missing
/// required column refused, a row with more or fewer cells than the heading refused (a truncated
/// or shifted line). Columns the table does not name are left alone.
pub fn lees(bytes: &[u8], tabel: &Koppeltabel) -> Result<Levering, Vec<LeesFout>> {
    let tekst = tekst_van(bytes);
    if tekst.trim().is_empty() {
        return Err(vec![fout(None, None, "het bestand is leeg")]);
    }
    let mut lezer = csv::ReaderBuilder::new()
        .delimiter(scheidingsteken(&tekst))
        .flexible(true)
        .has_headers(false)
        .from_reader(tekst.as_bytes());
    let mut records = lezer.records();
    let kop = match records.next() {
        Some(Ok(k)) => k,
        Some(Err(e)) => return Err(vec![fout(Some(1), None, format!("de kopregel is niet te lezen: {e}"))]),
        None => return Err(vec![fout(None, None, "het bestand is leeg")]),
    };
    let koppen: Vec<String> = kop.iter().map(|k| k.trim().to_string()).collect();
    let mut fouten = Vec::new();
    // Per field: its column index and heading.
    let mut kolommen: Vec<(&str, usize, &str)> = Vec::new();
    for (veld, v) in &tabel.velden {
        let gevonden: Vec<usize> =
            (0..koppen.len()).filter(|i| v.kop.iter().any(|k| k.trim().eq_ignore_ascii_case(&koppen[*i]))).collect();
        match gevonden.as_slice() {
            [i] => kolommen.push((veld, *i, &koppen[*i])),
            [] if v.verplicht => fouten.push(fout(
                Some(1),
                None,
                format!("kolom voor '{veld}' ontbreekt; verwacht een van: {}", v.kop.join(", ")),
            )),
            [] => {}
            meer => fouten.push(fout(
                Some(1),
                None,
                format!(
                    "'{veld}' staat in meer dan één kolom: {}",
                    meer.iter().map(|i| koppen[*i].as_str()).collect::<Vec<_>>().join(", ")
                ),
            )),
        }
    }
    if !fouten.is_empty() {
        return Err(fouten);
    }
    let mut rijen = Vec::new();
    for (n, r) in records.enumerate() {
        // The line the record starts on, as an editor shows it (a quoted cell may span lines).
        let nummer = match &r {
            Ok(r) => r.position().map_or(n + 2, |p| p.line() as usize),
            Err(e) => e.position().map_or(n + 2, |p| p.line() as usize),
        };
        let r = match r {
            Ok(r) => r,
            Err(e) => {
                fouten.push(fout(Some(nummer), None, format!("niet te lezen: {e}")));
                continue;
            }
        };
        if r.len() == 1 && r.get(0).is_some_and(|c| c.trim().is_empty()) {
            continue;
        }
        if r.len() != koppen.len() {
            fouten.push(fout(
                Some(nummer),
                None,
                format!("rij heeft {} velden, de kopregel {} (afgebroken of verschoven regel?)", r.len(), koppen.len()),
            ));
            continue;
        }
        let mut waarden = HashMap::new();
        let mut kop_van = HashMap::new();
        for (veld, i, kop) in &kolommen {
            let w = r.get(*i).unwrap_or("").trim();
            if !w.is_empty() {
                waarden.insert(veld.to_string(), tabel.vertaal(veld, w).to_string());
            } else if tabel.velden[*veld].verplicht {
                fouten.push(fout(Some(nummer), Some(kop), "leeg, maar verplicht"));
            }
            kop_van.insert(veld.to_string(), kop.to_string());
        }
        rijen.push(Rij { nummer, waarden, koppen: kop_van });
    }
    let koppen = kolommen.iter().map(|(veld, _, kop)| (veld.to_string(), kop.to_string())).collect();
    if fouten.is_empty() { Ok(Levering { bron: tabel.bron.clone(), rijen, koppen }) } else { Err(fouten) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tabel() -> Koppeltabel {
        Koppeltabel::lees(
            "test.toml",
            r#"
            bron = "duo-verzuim"
            [velden]
            bsn = { kop = ["BSN", "Burgerservicenummer"] }
            begindatum = { kop = ["Begindatum verzuim"], verplicht = true }
            reden = { kop = ["Vermoedelijke reden"] }
            "#,
        )
        .unwrap()
    }

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    #[test]
    fn a_source_wording_is_read_as_the_leerspoor_code_the_table_gives() {
        let tabel = Koppeltabel::lees(
            "duo.toml",
            r#"
            bron = "duo-verzuim"
            [velden]
            soort = { kop = ["Vermoedelijke soort verzuim"], verplicht = true }
            [waarden.soort]
            "16 uur in 4 opeenvolgende lesweken" = "wettelijk_16_uur"
            "Luxe verzuim" = "luxe"
            "#,
        )
        .unwrap();
        let l = lees(
            "Vermoedelijke soort verzuim\nluxe VERZUIM \n16 uur in 4 opeenvolgende lesweken\nsignaal\n".as_bytes(),
            &tabel,
        )
        .unwrap();
        let soorten: Vec<_> = l.rijen.iter().map(|r| r.tekst("soort").unwrap()).collect();
        assert_eq!(soorten, ["luxe", "wettelijk_16_uur", "signaal"]);
        let fout = Koppeltabel::lees("duo.toml", "bron = \"x\"\n[velden]\n[waarden.soort]\n\"a\" = \"b\"\n");
        assert_eq!(fout.unwrap_err(), "duo.toml: [waarden.soort] hoort bij geen veld van [velden]");
    }

    #[test]
    fn rows_are_named_by_their_line_also_with_windows_line_ends() {
        let l = lees(b"BSN;Begindatum verzuim\r\n111222333;05-10-2020\r\n123456782;06-10-2020\r\n", &tabel()).unwrap();
        assert_eq!(l.rijen.iter().map(|r| r.nummer).collect::<Vec<_>>(), [2, 3]);
    }

    #[test]
    fn a_message_never_repeats_a_number_that_could_be_a_bsn() {
        assert_eq!(zonder_nummers("'123456782' is geen aantal"), "'…' is geen aantal");
        assert_eq!(zonder_nummers("'31-02-2021' is geen bestaande datum"), "'31-02-2021' is geen bestaande datum");
        assert_eq!(zonder_nummers("rij 12 van 1234567"), "rij 12 van 1234567");
        let l = lees(b"BSN;Begindatum verzuim\n1;111222333\n", &tabel()).unwrap();
        assert_eq!(
            l.rijen[0].datum("begindatum").unwrap_err().melding,
            "'…' is geen datum; verwacht dd-mm-jjjj of jjjj-mm-dd"
        );
    }

    #[test]
    fn dates_in_either_dutch_or_iso_order() {
        assert_eq!(lees_datum("05-10-2020"), Ok(d("2020-10-05")));
        assert_eq!(lees_datum("2020-10-05"), Ok(d("2020-10-05")));
        assert_eq!(lees_datum("5/10/2020"), Ok(d("2020-10-05")));
        assert_eq!(lees_datum("29-02-2020"), Ok(d("2020-02-29")));
        assert_eq!(lees_datum("29-02-2021"), Err("'29-02-2021' is geen bestaande datum".into()));
        assert_eq!(lees_datum("05-10-20"), Err("'05-10-20' is geen datum; verwacht dd-mm-jjjj of jjjj-mm-dd".into()));
    }

    #[test]
    fn a_dutch_spreadsheet_in_windows_1252_with_semicolons_is_read() {
        // "Ziek, volgens moeder" with an é in Windows-1252 (0xE9), headings in another order and case.
        let mut bytes = b"burgerservicenummer;Extra kolom;BEGINDATUM VERZUIM;Vermoedelijke reden\n".to_vec();
        bytes.extend_from_slice(b"999990007;x;05-10-2020;Caf\xe9 bezoek\n");
        let l = lees(&bytes, &tabel()).unwrap();
        assert_eq!(l.bron, "duo-verzuim");
        let r = &l.rijen[0];
        assert_eq!((r.nummer, r.tekst("bsn"), r.tekst("reden")), (2, Some("999990007"), Some("Café bezoek")));
        assert_eq!(r.datum("begindatum"), Ok(Some(d("2020-10-05"))));
    }

    #[test]
    fn utf8_with_bom_and_commas_is_read_and_empty_cells_are_absent() {
        let bytes = "\u{feff}BSN,Begindatum verzuim,Vermoedelijke reden\n999990007,2020-10-05,\n".as_bytes();
        let r = &lees(bytes, &tabel()).unwrap().rijen[0];
        assert_eq!((r.tekst("bsn"), r.tekst("reden")), (Some("999990007"), None));
    }

    #[test]
    fn a_missing_required_column_a_truncated_line_and_a_bad_date_are_refused_with_row_and_column() {
        let fouten = lees(b"BSN;Vermoedelijke reden\n1;x\n", &tabel()).unwrap_err();
        assert_eq!(
            fouten[0].to_string(),
            "rij 1: kolom voor 'begindatum' ontbreekt; verwacht een van: Begindatum verzuim"
        );
        let fouten =
            lees(b"BSN;Begindatum verzuim;Vermoedelijke reden\n1;05-10-2020;x\n2;06-10", &tabel()).unwrap_err();
        assert_eq!(fouten[0].to_string(), "rij 3: rij heeft 2 velden, de kopregel 3 (afgebroken of verschoven regel?)");
        // A reason over two lines: the next record starts on line 4.
        let twee_regels =
            b"BSN;Begindatum verzuim;Vermoedelijke reden\n1;05-10-2020;\"Ziek,\nvolgens moeder\"\n2;06-10\n";
        assert_eq!(lees(twee_regels, &tabel()).unwrap_err()[0].rij, Some(4));
        let l = lees(b"BSN;Begindatum verzuim\n1;31-09-2020\n", &tabel()).unwrap();
        assert_eq!(
            l.rijen[0].datum("begindatum").unwrap_err().to_string(),
            "rij 2, kolom Begindatum verzuim: '31-09-2020' is geen bestaande datum"
        );
        assert_eq!(lees(b"", &tabel()).unwrap_err()[0].to_string(), "het bestand is leeg");
        let leeg = lees(b"BSN;Begindatum verzuim\n1;\n", &tabel()).unwrap_err();
        assert_eq!(leeg[0].to_string(), "rij 2, kolom Begindatum verzuim: leeg, maar verplicht");
        let dubbel = lees(b"BSN;Burgerservicenummer;Begindatum verzuim\n", &tabel()).unwrap_err();
        assert_eq!(dubbel[0].to_string(), "rij 1: 'bsn' staat in meer dan één kolom: BSN, Burgerservicenummer");
    }

    #[test]
    fn a_mapping_file_with_an_unknown_key_or_no_heading_is_refused() {
        let fout = Koppeltabel::lees("duo.toml", "bron = \"x\"\n[velden]\nbsn = { kolom = [\"BSN\"] }\n").unwrap_err();
        assert!(fout.starts_with("duo.toml, regel 3: geen geldige koppeltabel (unknown field `kolom`"), "{fout}");
        let fout = Koppeltabel::lees("duo.toml", "bron = \"x\"\nbron = \"y\"\n").unwrap_err();
        assert!(fout.starts_with("duo.toml, regel 2: "), "{fout}");
        let fout = Koppeltabel::lees("duo.toml", "bron = \"x\"\n[velden]\nbsn = { kop = [\" \"] }\n").unwrap_err();
        assert_eq!(fout, "duo.toml: veld 'bsn' heeft geen kolomkop");
    }

    #[test]
    fn the_shipped_duo_verzuim_table_reads() {
        let t =
            Koppeltabel::lees("duo-verzuim.toml", include_str!("../../../data/koppelingen/duo-verzuim.toml")).unwrap();
        assert_eq!(t.bron, "duo-verzuim");
        for veld in ["meldingnummer", "persoonsgebonden_nummer", "begindatum", "soort", "brin"] {
            assert!(t.velden.get(veld).is_some_and(|v| v.verplicht), "{veld}");
        }
    }
}
