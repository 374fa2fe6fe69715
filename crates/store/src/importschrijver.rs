//! An import's all-or-nothing write: its tables one by one, then the import run and the access
//! log, committed together or not at all.
//!
//! On a SQLite file the import writes through rusqlite on a connection of its own, one prepared
//! statement per table bound straight from the values. Through sqlx every value was cloned, handed
//! to sqlx's worker thread, bound there and freed again: on a large import that worker thread was
//! the bottleneck, and half of its time was that hand-over rather than SQLite's own work.
//! PostgreSQL (`COPY`) and an in-memory SQLite (which lives only in the pool's one connection)
//! write through [`Schrijver`].
use crate::logboek::{IMPORTRUN_SQL, TOEGANGSLOG_SQL};
use crate::schrijver::{WIJZIGINGSLOG_GEWIJZIGD, update_statement};
use crate::{Result, Schrijver, Store, StoreFout, TabelWijziging, bulk, lezer};
use chrono::{SecondsFormat, Utc};
use rusqlite::{Connection, InterruptHandle};

/// New rows counted to the progress bar in steps of this many.
const VOORTGANG_PER: usize = 10_000;

/// An open import; dropped without [`Importschrijver::klaar`], nothing is written. After a table
/// that failed, the import is rolled back at once and every later call fails.
pub struct Importschrijver(Soort);

enum Soort {
    Sqlx(Box<Schrijver>),
    /// None while a table is written on a blocking thread, and after a failed one.
    Sqlite(Option<Direct>),
}

impl Store {
    /// Starts an import's write; on SQLite it holds the write lock until committed or dropped.
    pub async fn importschrijver(&self, gebruiker: &str, bron: &str) -> Result<Importschrijver> {
        match self {
            Store::Sqlite(_, Some(lezers)) => {
                let (pad, gebruiker, bron) = (lezers.pad().to_string(), gebruiker.to_string(), bron.to_string());
                let direct = blokkerend(move || Direct::begin(&pad, gebruiker, bron)).await?;
                Ok(Importschrijver(Soort::Sqlite(Some(direct))))
            }
            _ => Ok(Importschrijver(Soort::Sqlx(Box::new(self.schrijver(gebruiker, bron).await?)))),
        }
    }
}

impl Importschrijver {
    /// Inserts the table's new rows and updates its changed ones (with one change-log row per field).
    pub async fn tabel(
        &mut self,
        tabel: TabelWijziging,
        mut voortgang: impl FnMut(u64) + Send + 'static,
    ) -> Result<()> {
        match &mut self.0 {
            Soort::Sqlx(s) => s.tabel(&tabel, voortgang).await,
            Soort::Sqlite(plek) => {
                let mut direct = plek.take().ok_or_else(afgebroken)?;
                // Should this future be dropped (a web upload whose client went away), the table's
                // statement is interrupted instead of running on for minutes with the write lock.
                let mut onderbreek = Onderbreek(Some(direct.conn.get_interrupt_handle()));
                let (direct, uitkomst) = blokkerend(move || {
                    let uitkomst = direct.tabel(&tabel, &mut voortgang).map_err(fout);
                    // A failed table rolls the import back now, on this thread: not when the rest of
                    // the bundle has been read, and never a commit of half a table.
                    (uitkomst.is_ok().then_some(direct), uitkomst)
                })
                .await;
                onderbreek.0 = None;
                *plek = direct;
                uitkomst
            }
        }
    }

    /// Records the import run and commits.
    pub async fn klaar(mut self, ongewijzigd: u64) -> Result<()> {
        match std::mem::replace(&mut self.0, Soort::Sqlite(None)) {
            Soort::Sqlx(s) => s.klaar(ongewijzigd).await,
            Soort::Sqlite(direct) => {
                let direct = direct.ok_or_else(afgebroken)?;
                blokkerend(move || direct.klaar(ongewijzigd).map_err(fout)).await
            }
        }
    }
}

/// Dropped unfinished, the connection is closed (and the import rolled back, its pages freed) on a
/// blocking thread: a large transaction's rollback does not belong on the async runtime's.
impl Drop for Importschrijver {
    fn drop(&mut self) {
        if let Soort::Sqlite(Some(direct)) = std::mem::replace(&mut self.0, Soort::Sqlite(None))
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            runtime.spawn_blocking(move || drop(direct));
        }
    }
}

/// Interrupts the running statement when dropped with a handle still in it.
struct Onderbreek(Option<InterruptHandle>);

impl Drop for Onderbreek {
    fn drop(&mut self) {
        if let Some(h) = self.0.take() {
            h.interrupt();
        }
    }
}

async fn blokkerend<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    tokio::task::spawn_blocking(f).await.unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
}

fn afgebroken() -> StoreFout {
    StoreFout::Schrijven("de import is al afgebroken na een eerdere fout; er is niets opgeslagen".into())
}

/// The import's own connection, inside `BEGIN IMMEDIATE`. Closing it without `COMMIT` rolls back.
struct Direct {
    conn: Connection,
    /// When the import started, as sqlx writes a time on SQLite (RFC 3339).
    nu: String,
    gebruiker: String,
    bron: String,
    nieuw: u64,
    gewijzigd: u64,
}

impl Direct {
    fn begin(pad: &str, gebruiker: String, bron: String) -> Result<Direct> {
        let conn = lezer::verbinding(pad).map_err(fout)?;
        // The write lock from the start, as the sqlx writer takes it.
        conn.execute_batch("BEGIN IMMEDIATE").map_err(fout)?;
        let nu = Utc::now().to_rfc3339_opts(SecondsFormat::AutoSi, false);
        Ok(Direct { conn, nu, gebruiker, bron, nieuw: 0, gewijzigd: 0 })
    }

    fn tabel(&mut self, t: &TabelWijziging, voortgang: &mut dyn FnMut(u64)) -> rusqlite::Result<()> {
        if !t.nieuw.is_empty() {
            let leeg: bool =
                self.conn.query_row(&format!("SELECT NOT EXISTS (SELECT 1 FROM {})", t.tabel), [], |r| r.get(0))?;
            if leeg && t.nieuw.len() >= bulk::INDEXEN_ERNA {
                self.laad(t, voortgang)?;
            } else {
                self.voeg_in(t, voortgang)?;
            }
        }
        self.werk_bij(t, voortgang)?;
        self.nieuw += t.nieuw.len() as u64;
        self.gewijzigd += t.gewijzigd.len() as u64;
        Ok(())
    }

    /// A large load into an empty table: its secondary indexes and the triggers that raise the
    /// register's stand per row are dropped and made again after the rows are in (one sort per
    /// index instead of millions of scattered inserts; the stand raised once). The drops are part
    /// of the transaction, so a failed import leaves them.
    fn laad(&mut self, t: &TabelWijziging, voortgang: &mut dyn FnMut(u64)) -> rusqlite::Result<()> {
        let mut weg = Vec::new();
        for (catalogus, soort) in [(bulk::SQLITE_INDEXEN, "INDEX"), (bulk::SQLITE_STAND, "TRIGGER")] {
            let mut q = self.conn.prepare(catalogus)?;
            let rijen = q.query_map([t.tabel], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            for rij in rijen {
                let (naam, sql) = rij?;
                weg.push((format!("DROP {soort} {naam}"), sql, soort));
            }
        }
        for (drop, _, _) in &weg {
            self.conn.execute_batch(drop)?;
        }
        // The load's pages would not fit the usual page cache: SQLite would write them to the WAL
        // while the transaction runs and read them back from there to build each index.
        let oud: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn.execute_batch(&format!("PRAGMA cache_size = {}", bulk::SQLITE_CACHE_LADEN))?;
        // After a failure the import's connection is closed: no cache size to give back.
        self.voeg_in(t, voortgang)?;
        for (_, sql, _) in &weg {
            self.conn.execute_batch(sql)?;
        }
        if weg.iter().any(|(_, _, soort)| *soort == "TRIGGER") {
            // Which of the two stands the table's triggers raise is theirs to say; raising both
            // only makes a kept count old that a load of this size made old anyway.
            self.conn.execute_batch("UPDATE register_stand SET stand = stand + 1, meldingen = meldingen + 1")?;
        }
        self.conn.execute_batch(&format!("PRAGMA cache_size = {oud}"))
    }

    fn voeg_in(&mut self, t: &TabelWijziging, voortgang: &mut dyn FnMut(u64)) -> rusqlite::Result<()> {
        let kolommen: Vec<&str> = t.kolommen.iter().map(|k| k.naam).collect();
        let plaatsen = vec!["?"; kolommen.len()].join(", ");
        let mut insert =
            self.conn.prepare(&format!("INSERT INTO {} ({}) VALUES ({plaatsen})", t.tabel, kolommen.join(", ")))?;
        for deel in t.nieuw.chunks(VOORTGANG_PER) {
            for rij in deel {
                for (i, w) in rij.iter().enumerate() {
                    insert.raw_bind_parameter(i + 1, w)?;
                }
                insert.raw_execute()?;
            }
            voortgang(deel.len() as u64);
        }
        Ok(())
    }

    /// The changed rows, as [`Schrijver::tabel`] writes them: a unique value that changes is first
    /// parked on a placeholder (two youths' BSNs swapped), then each row is updated and each
    /// changed field logged with its old and new value.
    fn werk_bij(&mut self, t: &TabelWijziging, voortgang: &mut dyn FnMut(u64)) -> rusqlite::Result<()> {
        if t.gewijzigd.is_empty() {
            return Ok(());
        }
        for kolom in t.uniek {
            let mut parkeer =
                self.conn.prepare(&format!("UPDATE {} SET {kolom} = ?1 WHERE {} = ?2", t.tabel, t.kolommen[0].naam))?;
            for rij in t.gewijzigd.iter().filter(|r| r.velden.iter().any(|(v, _, _)| v == kolom)) {
                parkeer.execute((format!("~{}", rij.sleutel), &rij.sleutel))?;
            }
        }
        // sqlx binds `$n` by its number, rusqlite by order of appearance: made positional.
        let mut update = self.conn.prepare(&lezer::positioneel(&update_statement(t)))?;
        let mut log = self.conn.prepare(&lezer::positioneel(WIJZIGINGSLOG_GEWIJZIGD))?;
        for rij in &t.gewijzigd {
            for (i, w) in rij.waarden[t.sleutel..].iter().chain(&rij.waarden[..t.sleutel]).enumerate() {
                update.raw_bind_parameter(i + 1, w)?;
            }
            update.raw_execute()?;
            for (veld, oud, nieuw) in &rij.velden {
                let reden: Option<&str> = None;
                log.execute((&self.nu, &self.gebruiker, t.tabel, &rij.sleutel, veld, oud, nieuw, &self.bron, reden))?;
            }
            voortgang(1);
        }
        Ok(())
    }

    fn klaar(self, ongewijzigd: u64) -> rusqlite::Result<()> {
        let Direct { conn, nu, gebruiker, bron, nieuw, gewijzigd } = self;
        // SQLite ends a transaction itself on some errors (a full disk): nothing to commit then.
        if conn.is_autocommit() {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_ABORT),
                Some("de transactie van de import is door SQLite teruggedraaid".into()),
            ));
        }
        let run = (&nu, &bron, &gebruiker, nieuw as i64, gewijzigd as i64, ongewijzigd as i64);
        conn.execute(&lezer::positioneel(IMPORTRUN_SQL), run)?;
        let geen: Option<&str> = None;
        let regel = (&nu, &gebruiker, "import", &bron, "gelukt", geen, geen, geen);
        conn.execute(&lezer::positioneel(TOEGANGSLOG_SQL), regel)?;
        conn.execute_batch("COMMIT")
    }
}

fn fout(e: rusqlite::Error) -> StoreFout {
    StoreFout::Schrijven(e.to_string())
}
