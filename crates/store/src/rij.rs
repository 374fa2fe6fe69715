//! Records as rows: each record type lists its columns once, and converts to and from values.
//!
//! The same column list serves the database (insert, update, select) and the exchange bundle
//! (one CSV column per database column, same names), so the two can never drift apart.
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;

/// The type of a column, as stored and as written in the bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Tekst,
    Datum,
    Geheel,
    /// `ja`/`nee` in the bundle.
    Bool,
    Getal,
}

#[derive(Debug, Clone, Copy)]
pub struct Kolom {
    pub naam: &'static str,
    pub ty: Type,
    pub verplicht: bool,
}

pub const fn k(naam: &'static str, ty: Type) -> Kolom {
    Kolom { naam, ty, verplicht: true }
}

pub const fn o(naam: &'static str, ty: Type) -> Kolom {
    Kolom { naam, ty, verplicht: false }
}

/// One cell. `None` is an empty optional cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Waarde {
    Tekst(Option<String>),
    Datum(Option<Datum>),
    Geheel(Option<i64>),
    Bool(bool),
    Getal(Option<f64>),
}

impl Waarde {
    /// An empty optional cell (SQL NULL).
    pub fn is_leeg(&self) -> bool {
        matches!(self, Waarde::Tekst(None) | Waarde::Datum(None) | Waarde::Geheel(None) | Waarde::Getal(None))
    }

    /// The value as the bundle and the change log write it: ISO dates, `ja`/`nee`, `.` as decimal
    /// point, empty for absent.
    pub fn als_tekst(&self) -> String {
        match self {
            Waarde::Tekst(t) => t.clone().unwrap_or_default(),
            Waarde::Datum(d) => d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            Waarde::Geheel(n) => n.map(|n| n.to_string()).unwrap_or_default(),
            Waarde::Bool(b) => if *b { "ja" } else { "nee" }.to_string(),
            Waarde::Getal(g) => g.map(|g| g.to_string()).unwrap_or_default(),
        }
    }
}

/// Bound as sqlx binds it on SQLite, so that rows written through rusqlite (an import) and
/// through sqlx read back alike: dates as ISO text, booleans as 0/1.
impl rusqlite::ToSql for Waarde {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, Value, ValueRef};
        Ok(match self {
            Waarde::Tekst(Some(t)) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
            Waarde::Datum(Some(d)) => ToSqlOutput::Owned(Value::Text(datum_tekst(*d))),
            Waarde::Geheel(Some(n)) => ToSqlOutput::Owned(Value::Integer(*n)),
            Waarde::Bool(b) => ToSqlOutput::Owned(Value::Integer(i64::from(*b))),
            Waarde::Getal(Some(g)) => ToSqlOutput::Owned(Value::Real(*g)),
            Waarde::Tekst(None) | Waarde::Datum(None) | Waarde::Geheel(None) | Waarde::Getal(None) => {
                ToSqlOutput::Owned(Value::Null)
            }
        })
    }
}

/// `2024-02-29`, as chrono's `%F` writes it, without its format parser: an import binds millions.
pub(crate) fn datum_tekst(d: Datum) -> String {
    use chrono::Datelike;
    let (j, m, dag) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&j) {
        return d.format("%F").to_string();
    }
    let mut uit = String::with_capacity(10);
    for (getal, cijfers) in [(j as u32, 4), (m, 2), (dag, 2)] {
        if cijfers == 2 {
            uit.push('-');
        }
        for macht in (0..cijfers).rev() {
            uit.push(char::from(b'0' + (getal / 10u32.pow(macht) % 10) as u8));
        }
    }
    uit
}

/// A record type that is stored as one row of one table.
pub trait Rij: Sized + Clone + PartialEq + Send + 'static {
    /// Table name, also the bundle's file name without `.csv`.
    const TABEL: &'static str;
    const KOLOMMEN: &'static [Kolom];
    /// How many leading columns form the key.
    const SLEUTEL: usize = 1;
    /// Text columns besides the key that the database keeps unique (the BSN).
    const UNIEK: &'static [&'static str] = &[];

    fn waarden(&self) -> Vec<Waarde>;
    /// Builds the record; errors name the column (index into `KOLOMMEN`) and say what is wrong.
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>>;

    fn sleutel(w: &[Waarde]) -> Vec<Waarde> {
        w[..Self::SLEUTEL].to_vec()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VeldFout {
    pub kolom: usize,
    pub melding: String,
}

/// Reads a row's values in column order, collecting every error instead of stopping at the first.
pub struct Velden {
    waarden: std::vec::IntoIter<Waarde>,
    kolom: usize,
    pub fouten: Vec<VeldFout>,
}

impl Velden {
    pub fn new(w: Vec<Waarde>) -> Velden {
        Velden { waarden: w.into_iter(), kolom: 0, fouten: Vec::new() }
    }

    fn volgende(&mut self) -> (usize, Waarde) {
        let i = self.kolom;
        self.kolom += 1;
        (i, self.waarden.next().expect("rij heeft minder waarden dan kolommen"))
    }

    pub fn fout(&mut self, kolom: usize, melding: impl Into<String>) {
        self.fouten.push(VeldFout { kolom, melding: melding.into() });
    }

    pub fn opt_tekst(&mut self) -> Option<String> {
        match self.volgende() {
            (_, Waarde::Tekst(t)) => t,
            (i, w) => panic!("kolom {i}: tekst verwacht, {w:?}"),
        }
    }

    pub fn tekst(&mut self) -> String {
        self.opt_tekst().unwrap_or_default()
    }

    pub fn opt_datum(&mut self) -> Option<Datum> {
        match self.volgende() {
            (_, Waarde::Datum(d)) => d,
            (i, w) => panic!("kolom {i}: datum verwacht, {w:?}"),
        }
    }

    pub fn datum(&mut self) -> Datum {
        self.opt_datum().unwrap_or_default()
    }

    pub fn opt_geheel(&mut self) -> Option<i64> {
        match self.volgende() {
            (_, Waarde::Geheel(n)) => n,
            (i, w) => panic!("kolom {i}: geheel getal verwacht, {w:?}"),
        }
    }

    /// A non-negative count that fits in `u32`.
    pub fn opt_aantal(&mut self) -> Option<u32> {
        let i = self.kolom;
        let n = self.opt_geheel()?;
        match u32::try_from(n) {
            Ok(n) => Some(n),
            Err(_) => {
                self.fout(i, format!("{n} is geen geldig aantal (0 of meer)"));
                None
            }
        }
    }

    pub fn bool(&mut self) -> bool {
        match self.volgende() {
            (_, Waarde::Bool(b)) => b,
            (i, w) => panic!("kolom {i}: ja/nee verwacht, {w:?}"),
        }
    }

    pub fn getal(&mut self) -> f64 {
        match self.volgende() {
            (_, Waarde::Getal(g)) => g.unwrap_or_default(),
            (i, w) => panic!("kolom {i}: getal verwacht, {w:?}"),
        }
    }

    /// A text column parsed into a type; the parser's message becomes the error.
    pub fn parse<T>(&mut self, parser: impl FnOnce(&str) -> Result<T, String>) -> Option<T> {
        let i = self.kolom;
        let t = self.opt_tekst()?;
        parser(&t).map_err(|m| self.fout(i, m)).ok()
    }

    /// An optional yes/no answer, for facts a source may leave unknown (DUO's J/N fields): a text
    /// column holding `ja`, `nee` or nothing.
    pub fn opt_ja_nee(&mut self) -> Option<bool> {
        self.parse(|t| match t {
            "ja" => Ok(true),
            "nee" => Ok(false),
            _ => Err(format!("'{t}' is geen ja of nee; laat leeg als het onbekend is")),
        })
    }

    pub fn opt_code<T: CodeEnum>(&mut self) -> Option<T> {
        self.parse(T::parse_code)
    }

    /// A required code: an empty cell was already refused by the column being required.
    pub fn code<T: CodeEnum>(&mut self) -> T {
        self.opt_code().unwrap_or(T::ALL[0])
    }

    pub fn klaar<T>(self, r: T) -> Result<T, Vec<VeldFout>> {
        if self.fouten.is_empty() { Ok(r) } else { Err(self.fouten) }
    }
}

pub fn tekst(s: &str) -> Waarde {
    Waarde::Tekst(Some(s.to_string()))
}

pub fn opt_tekst(s: Option<&str>) -> Waarde {
    Waarde::Tekst(s.map(str::to_string))
}

/// An optional free text: empty means absent.
pub fn vrije_tekst(s: &str) -> Waarde {
    Waarde::Tekst((!s.is_empty()).then(|| s.to_string()))
}

pub fn datum(d: Datum) -> Waarde {
    Waarde::Datum(Some(d))
}

pub fn opt_datum(d: Option<Datum>) -> Waarde {
    Waarde::Datum(d)
}

/// The codes of `T` that `past` accepts as an SQL list (`'havo', 'vwo'`), for a query whose set of
/// codes comes from a rule. Codes are the enum's own constants, never input.
pub fn sql_codes<T: CodeEnum>(past: impl Fn(T) -> bool) -> String {
    let c: Vec<String> = T::ALL.iter().copied().filter(|t| past(*t)).map(|t| format!("'{}'", t.code())).collect();
    c.join(", ")
}

pub fn code<T: CodeEnum>(c: T) -> Waarde {
    tekst(c.code())
}

pub fn opt_code<T: CodeEnum>(c: Option<T>) -> Waarde {
    opt_tekst(c.map(CodeEnum::code))
}

pub fn opt_ja_nee(b: Option<bool>) -> Waarde {
    opt_tekst(b.map(|b| if b { "ja" } else { "nee" }))
}

pub fn opt_aantal(n: Option<u32>) -> Waarde {
    Waarde::Geheel(n.map(i64::from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_iso_date_is_written_as_chrono_writes_it() {
        for (j, m, d) in [
            (2024, 2, 29),
            (2021, 7, 31),
            (2021, 8, 1),
            (1999, 12, 31),
            (0, 1, 1),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 3, 9),
        ] {
            let datum = Datum::from_ymd_opt(j, m, d).unwrap();
            assert_eq!(datum_tekst(datum), datum.format("%F").to_string(), "{datum:?}");
        }
        assert_eq!(datum_tekst(Datum::from_ymd_opt(2024, 2, 29).unwrap()), "2024-02-29");
    }
}
