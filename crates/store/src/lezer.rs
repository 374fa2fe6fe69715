//! Reads on SQLite outside a transaction, through rusqlite on connections of their own.
//!
//! sqlx's SQLite driver runs each connection on a worker thread and hands every row to the async
//! side one by one, a thread wake-up and a copy of each value per row. The reports read millions of
//! rows at national scale; there that hand-over was most of their time. rusqlite steps the
//! statement on the thread that reads the values. Reads inside a write transaction, and writes
//! other than an import ([`crate::Importschrijver`]), stay with sqlx.
use crate::kring::Leden;
use crate::rij::{Type, Waarde};
use crate::{Result, StoreFout};
use leerspoor_domain::Datum;
use rusqlite::functions::FunctionFlags;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Connections kept open between reads. Opening one (and its statement cache) costs more than a
/// small query: the web app under 50 users at once halved its dossier throughput with only 4 kept.
const BEWAARD: usize = 16;

/// A read connection's page cache, in KiB as `cache_size` takes a negative number: SQLite's own
/// default of 2 MiB, enough for the inner pages of the indexes a look-up descends through.
const LEES_CACHE_KIB: i64 = -2048;

/// The read connections of one SQLite file.
pub struct Lezers {
    pad: String,
    vrij: Mutex<Vec<Connection>>,
}

impl std::fmt::Debug for Lezers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lezers").field("pad", &self.pad).finish_non_exhaustive()
    }
}

impl Lezers {
    /// Read connections to the file the sqlx pool has already opened (and migrated).
    pub fn nieuw(pad: &str) -> Arc<Lezers> {
        Arc::new(Lezers { pad: pad.to_string(), vrij: Mutex::new(Vec::new()) })
    }

    /// The database file.
    pub(crate) fn pad(&self) -> &str {
        &self.pad
    }

    fn verbinding(&self) -> Result<Connection> {
        if let Some(c) = self.vrij.lock().expect("lezers").pop() {
            return Ok(c);
        }
        let c = verbinding(&self.pad).map_err(fout)?;
        // Never a write by mistake. A small page cache: a report's reads pass through an index
        // once (a gemeente's youths are one leaf page each), so a large cache is never read twice,
        // only filled; filling 64 MiB a connection, a page at a time from the allocator, with a
        // dozen connections at once, kept the kernel busy half the time of a small gemeente's
        // report on the national register (GM9908, 15.000 youths: 1,02 -> 0,70 s, peak of a regio
        // and two gemeenten 2,3 -> 2,0 GB). The operating system keeps the file's pages anyway.
        c.execute_batch(&format!("PRAGMA query_only = ON; PRAGMA cache_size = {LEES_CACHE_KIB};")).map_err(fout)?;
        Ok(c)
    }

    fn terug(&self, c: Connection) {
        let mut vrij = self.vrij.lock().expect("lezers");
        if vrij.len() < BEWAARD {
            vrij.push(c);
        }
    }

    /// Runs `sql` (with `$n` placeholders) on a blocking thread and hands each row, read as values
    /// of `typen`, to `per_rij`, which folds it into `acc`. With `leden`, the SQL may ask
    /// `kring_lid(jongere)` ([`crate::Kring::sql`]).
    pub(crate) async fn vraag<A, F>(
        self: &Arc<Self>,
        sql: &str,
        binds: &[Waarde],
        typen: &[Type],
        acc: A,
        leden: Option<Leden>,
        per_rij: F,
    ) -> Result<A>
    where
        A: Send + 'static,
        F: FnMut(&mut A, Vec<Waarde>) + Send + 'static,
    {
        let (sql, binds, typen) = (positioneel(sql), binds.to_vec(), typen.to_vec());
        self.met_verbinding(move |c| {
            let Some(leden) = leden else { return lees(c, &sql, &binds, &typen, acc, per_rij) };
            // Known to this connection for this select only: the next one may ask another kring.
            let vlaggen = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
            c.create_scalar_function(Leden::FUNCTIE, 1, vlaggen, move |ctx| {
                Ok(ctx.get_raw(0).as_str().is_ok_and(|j| leden.bevat(j)))
            })
            .map_err(fout)?;
            let uit = lees(c, &sql, &binds, &typen, acc, per_rij);
            c.remove_function(Leden::FUNCTIE, 1).map_err(fout)?;
            uit
        })
        .await
    }

    /// Runs `f` on a blocking thread with a read connection of its own.
    pub(crate) async fn met_verbinding<T, F>(self: &Arc<Self>, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T> + Send + 'static,
    {
        let lezers = self.clone();
        tokio::task::spawn_blocking(move || {
            let c = lezers.verbinding()?;
            let uit = f(&c);
            lezers.terug(c);
            uit
        })
        .await
        .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
    }
}

fn lees<A>(
    c: &Connection,
    sql: &str,
    binds: &[Waarde],
    typen: &[Type],
    mut acc: A,
    mut per_rij: impl FnMut(&mut A, Vec<Waarde>),
) -> Result<A> {
    let mut stmt = c.prepare_cached(sql).map_err(fout)?;
    for (i, w) in binds.iter().enumerate() {
        stmt.raw_bind_parameter(i + 1, w).map_err(fout)?;
    }
    let mut rijen = stmt.raw_query();
    while let Some(r) = rijen.next().map_err(fout)? {
        let mut w = Vec::with_capacity(typen.len());
        for (i, ty) in typen.iter().enumerate() {
            w.push(waarde(r.get_ref(i).map_err(fout)?, *ty, i)?);
        }
        per_rij(&mut acc, w);
    }
    Ok(acc)
}

/// A stored value as the type the caller asked for, as sqlx reads it: text for text, ISO dates,
/// integers, 0/1 for booleans.
fn waarde(v: ValueRef<'_>, ty: Type, kolom: usize) -> Result<Waarde> {
    let mis = |wat: &str| StoreFout::Inhoud { tabel: "(query)", melding: format!("kolom {kolom}: {wat}") };
    Ok(match (ty, v) {
        (Type::Tekst, ValueRef::Null) => Waarde::Tekst(None),
        (Type::Tekst, ValueRef::Text(t)) => {
            Waarde::Tekst(Some(String::from_utf8(t.to_vec()).map_err(|_| mis("tekst is geen UTF-8"))?))
        }
        (Type::Tekst, ValueRef::Integer(n)) => Waarde::Tekst(Some(n.to_string())),
        (Type::Datum, ValueRef::Null) => Waarde::Datum(None),
        (Type::Datum, ValueRef::Text(t)) => Waarde::Datum(Some(
            datum(t).ok_or_else(|| mis(&format!("'{}' is geen datum", String::from_utf8_lossy(t))))?,
        )),
        (Type::Geheel, ValueRef::Null) => Waarde::Geheel(None),
        (Type::Geheel, ValueRef::Integer(n)) => Waarde::Geheel(Some(n)),
        (Type::Bool, ValueRef::Integer(n)) => Waarde::Bool(n != 0),
        (Type::Getal, ValueRef::Null) => Waarde::Getal(None),
        (Type::Getal, ValueRef::Real(g)) => Waarde::Getal(Some(g)),
        (Type::Getal, ValueRef::Integer(n)) => Waarde::Getal(Some(n as f64)),
        (ty, v) => return Err(mis(&format!("{ty:?} verwacht, {:?} gevonden", v.data_type()))),
    })
}

/// `2020-10-01`, as sqlx writes a date; anything longer (a timestamp) by its first ten characters.
pub(crate) fn datum(t: &[u8]) -> Option<Datum> {
    let getal = |r: std::ops::Range<usize>| -> Option<u32> {
        t.get(r)?.iter().try_fold(0u32, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
    };
    if t.get(4) != Some(&b'-') || t.get(7) != Some(&b'-') || (t.len() > 10 && !matches!(t[10], b' ' | b'T')) {
        return None;
    }
    Datum::from_ymd_opt(i32::try_from(getal(0..4)?).ok()?, getal(5..7)?, getal(8..10)?)
}

/// `$3` → `?3`: SQLite numbers named parameters (`$3`) in order of appearance, so a statement that
/// uses `$2` before `$1` would get its values swapped by position; `?NNN` is the position itself.
pub(crate) fn positioneel(sql: &str) -> String {
    let mut uit = String::with_capacity(sql.len());
    let mut tekens = sql.chars().peekable();
    while let Some(c) = tekens.next() {
        if c == '$' && tekens.peek().is_some_and(char::is_ascii_digit) {
            uit.push('?');
        } else {
            uit.push(c);
        }
    }
    uit
}

fn fout(e: rusqlite::Error) -> StoreFout {
    StoreFout::Lezen(e.to_string())
}

/// A rusqlite connection to the register's file, set as the sqlx pool's (`openen`): the pool has
/// made the file, put it in WAL mode and migrated it. Foreign keys on, synchronous NORMAL (per
/// connection, as the pool's), 64 MiB of page cache (a read connection's is smaller,
/// `LEES_CACHE_KIB`), and up to 10 s of waiting for another writer.
pub(crate) fn verbinding(pad: &str) -> rusqlite::Result<Connection> {
    let c = Connection::open_with_flags(pad, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    c.busy_timeout(Duration::from_secs(10))?;
    c.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;")?;
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_keep_their_number() {
        assert_eq!(positioneel("WHERE b = $2 AND a = $1 AND c = $12"), "WHERE b = ?2 AND a = ?1 AND c = ?12");
        assert_eq!(positioneel("SELECT '$' || x"), "SELECT '$' || x");
    }

    #[test]
    fn dates_read_as_sqlx_writes_them() {
        assert_eq!(datum(b"2024-02-29"), Datum::from_ymd_opt(2024, 2, 29));
        assert_eq!(datum(b"2020-10-01 00:00:00"), Datum::from_ymd_opt(2020, 10, 1));
        assert_eq!(datum(b"2023-02-29"), None);
        assert_eq!(datum(b"1-10-2020"), None);
        assert_eq!(datum(b"2020-1-01"), None);
    }
}
