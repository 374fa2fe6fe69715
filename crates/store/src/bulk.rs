//! New rows written in bulk inside a [`crate::Schrijver`]'s one transaction.
//!
//! SQLite (an in-memory database, a service's records): multi-row INSERTs of a thousand rows (sqlx
//! keeps the statement prepared, so a table's full-size statement is parsed once); an import into
//! a SQLite file writes through [`crate::importschrijver`], which takes the same large-load steps
//! as below with the constants here. PostgreSQL: `COPY … FROM STDIN` in text format, the server's
//! bulk load path, with the values as sqlx would bind them (ISO dates, t/f).
//!
//! A large load into an empty table (a new register, `leerspoor demo`) drops the table's secondary
//! indexes first and builds them again after: one sort per index instead of millions of inserts
//! scattered over its pages. On PostgreSQL it also drops the table's foreign keys and adds them
//! again after, which checks every row in one join instead of a trigger and an index look-up per
//! row (most of a national import's time). On SQLite it drops the triggers that raise the register's
//! stand per row, and raises it once. The drops are part of the transaction, so a failed
//! import leaves them; a row that breaks a key fails the import when the key is added again.
use crate::rij::Waarde;
use crate::{Result, TabelWijziging, veilig};
use sqlx::postgres::PgConnection;
use sqlx::sqlite::SqliteConnection;

/// SQLite allows 32.766 bound values per statement.
const MAX_BINDS: usize = 30_000;
/// Rows per INSERT on SQLite. sqlx's SQLite driver resolves numbered `$n` parameters in time
/// quadratic in their number (demo region, 594.000 rows, 1.000 rows per statement: 48 s with `$n`,
/// 4,5 s with `?`), so these statements use plain `?`.
const SQLITE_RIJEN: usize = 1000;
/// SQLite's page cache while a large table loads, in KiB (negative, as the pragma takes it): 1 GiB.
pub(crate) const SQLITE_CACHE_LADEN: i64 = -1 << 20;
/// Bytes of COPY data per message to PostgreSQL.
const COPY_BUFFER: usize = 1 << 20;
/// From this many new rows into an empty table, its indexes are built after the load.
pub(crate) const INDEXEN_ERNA: usize = 50_000;

/// The foreign keys of a table on PostgreSQL, as (name, definition, referenced table).
const POSTGRES_SLEUTELS: &str = "SELECT quote_ident(conname), pg_get_constraintdef(oid), confrelid::regclass::text \
     FROM pg_constraint WHERE conrelid = to_regclass($1) AND contype = 'f'";

/// The triggers that raise the register's stand when a table changes (migration 0026). SQLite
/// runs them once per row; a large load drops them and raises the stand once.
pub(crate) const SQLITE_STAND: &str = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = $1 AND name LIKE '%\\_stand\\_%' ESCAPE '\\'";

/// Secondary indexes on SQLite: those of PRIMARY KEY and UNIQUE constraints have no `sql` and stay.
pub(crate) const SQLITE_INDEXEN: &str =
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $1 AND sql IS NOT NULL";
/// Secondary indexes on PostgreSQL: those that back a constraint (primary key, unique) stay.
const POSTGRES_INDEXEN: &str = "SELECT CAST(i.indexrelid AS regclass)::text, pg_get_indexdef(i.indexrelid) \
     FROM pg_index i WHERE i.indrelid = to_regclass($1) \
     AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)";

/// The new rows, a thousand per INSERT (an in-memory SQLite, a service's records; an import into
/// a SQLite file writes through [`crate::importschrijver`]).
pub(crate) async fn sqlite(
    conn: &mut SqliteConnection,
    t: &TabelWijziging,
    voortgang: &mut impl FnMut(u64),
) -> Result<Geanalyseerd> {
    let n = t.kolommen.len();
    let per_statement = (MAX_BINDS / n).clamp(1, SQLITE_RIJEN);
    let kolommen: Vec<&str> = t.kolommen.iter().map(|k| k.naam).collect();
    let rij = format!("({})", vec!["?"; n].join(", "));
    let insert = |rijen: usize| {
        format!("INSERT INTO {} ({}) VALUES {}", t.tabel, kolommen.join(", "), vec![rij.as_str(); rijen].join(", "))
    };
    // Every statement but the last has the full number of rows: its text is made once.
    let vol = insert(per_statement);
    for rijen in t.nieuw.chunks(per_statement) {
        let kort = (rijen.len() < per_statement).then(|| insert(rijen.len()));
        let mut q = sqlx::query(veilig(kort.as_deref().unwrap_or(&vol)));
        for v in rijen.iter().flatten() {
            q = bind_waarde!(q, v);
        }
        q.execute(&mut *conn).await?;
        voortgang(rijen.len() as u64);
    }
    Ok(Vec::new())
}

/// The tables whose planner statistics were made on the way (a large load into an empty table).
pub(crate) type Geanalyseerd = Vec<String>;

pub(crate) async fn postgres(
    conn: &mut PgConnection,
    t: &TabelWijziging,
    voortgang: &mut impl FnMut(u64),
) -> Result<Geanalyseerd> {
    if t.nieuw.is_empty() {
        return Ok(Vec::new());
    }
    let leeg =
        sqlx::query(veilig(&format!("SELECT 1 FROM {} LIMIT 1", t.tabel))).fetch_optional(&mut *conn).await?.is_none();
    let (indexen, sleutels) = if t.nieuw.len() >= INDEXEN_ERNA && leeg {
        (indexen_weg(&mut *conn, t.tabel).await?, sleutels_weg(&mut *conn, t.tabel).await?)
    } else {
        (Vec::new(), Vec::new())
    };
    let kolommen: Vec<&str> = t.kolommen.iter().map(|k| k.naam).collect();
    let sql = format!("COPY {} ({}) FROM STDIN", t.tabel, kolommen.join(", "));
    let mut copy = conn.copy_in_raw(&sql).await?;
    let mut buffer = Vec::with_capacity(COPY_BUFFER + 4096);
    let mut in_buffer = 0;
    for rij in &t.nieuw {
        copy_regel(&mut buffer, rij);
        in_buffer += 1;
        if buffer.len() >= COPY_BUFFER {
            copy.send(std::mem::take(&mut buffer)).await?;
            buffer.reserve(COPY_BUFFER + 4096);
            voortgang(std::mem::take(&mut in_buffer));
        }
    }
    if !buffer.is_empty() {
        copy.send(buffer).await?;
    }
    copy.finish().await?;
    voortgang(in_buffer);
    for sql in indexen {
        sqlx::query(veilig(&sql)).execute(&mut *conn).await?;
    }
    // Adding a key checks every row in one join, planned from the statistics of the table and of
    // the one it refers to. Without them (both loaded in this transaction), the planner checked the
    // national enrolments' (7 million) school by a merge join over an index: 16 to 32 s instead of 1 s.
    let mut geanalyseerd = Vec::new();
    if !sleutels.is_empty() {
        geanalyseerd.push(t.tabel.to_string());
    }
    for (_, _, doel) in &sleutels {
        let (rijen,): (f32,) = sqlx::query_as("SELECT reltuples FROM pg_class WHERE oid = to_regclass($1)")
            .bind(doel)
            .fetch_one(&mut *conn)
            .await?;
        // -1: never analyzed.
        if rijen < 0.0 && !geanalyseerd.contains(doel) {
            geanalyseerd.push(doel.clone());
        }
    }
    for tabel in &geanalyseerd {
        sqlx::query(veilig(&format!("ANALYZE {tabel}"))).execute(&mut *conn).await?;
    }
    for (naam, definitie, _) in sleutels {
        sqlx::query(veilig(&format!("ALTER TABLE {} ADD CONSTRAINT {naam} {definitie}", t.tabel)))
            .execute(&mut *conn)
            .await?;
    }
    Ok(geanalyseerd)
}

/// Drops the secondary indexes of table `tabel` and gives their definitions.
async fn indexen_weg(conn: &mut PgConnection, tabel: &str) -> Result<Vec<String>> {
    let indexen: Vec<(String, String)> = sqlx::query_as(POSTGRES_INDEXEN).bind(tabel).fetch_all(&mut *conn).await?;
    for (naam, _) in &indexen {
        sqlx::query(veilig(&format!("DROP INDEX {naam}"))).execute(&mut *conn).await?;
    }
    Ok(indexen.into_iter().map(|(_, sql)| sql).collect())
}

/// Drops the foreign keys of table `tabel` and gives them as (name, definition, referenced table).
async fn sleutels_weg(conn: &mut PgConnection, tabel: &str) -> Result<Vec<(String, String, String)>> {
    let sleutels: Vec<(String, String, String)> =
        sqlx::query_as(POSTGRES_SLEUTELS).bind(tabel).fetch_all(&mut *conn).await?;
    for (naam, _, _) in &sleutels {
        sqlx::query(veilig(&format!("ALTER TABLE {tabel} DROP CONSTRAINT {naam}"))).execute(&mut *conn).await?;
    }
    Ok(sleutels)
}

/// One row in COPY's text format: tab-separated, `\N` for NULL, backslash escapes in text.
fn copy_regel(uit: &mut Vec<u8>, rij: &[Waarde]) {
    use std::io::Write;
    for (i, w) in rij.iter().enumerate() {
        if i > 0 {
            uit.push(b'\t');
        }
        // Writing to a Vec cannot fail.
        let _ = match w {
            Waarde::Tekst(Some(t)) => {
                copy_tekst(uit, t);
                Ok(())
            }
            Waarde::Datum(Some(d)) => write!(uit, "{}", d.format("%Y-%m-%d")),
            Waarde::Geheel(Some(n)) => write!(uit, "{n}"),
            Waarde::Bool(b) => write!(uit, "{}", if *b { 't' } else { 'f' }),
            Waarde::Getal(Some(g)) => write!(uit, "{g}"),
            Waarde::Tekst(None) | Waarde::Datum(None) | Waarde::Geheel(None) | Waarde::Getal(None) => {
                uit.write_all(b"\\N")
            }
        };
    }
    uit.push(b'\n');
}

fn copy_tekst(uit: &mut Vec<u8>, t: &str) {
    for b in t.bytes() {
        match b {
            b'\\' => uit.extend_from_slice(b"\\\\"),
            b'\t' => uit.extend_from_slice(b"\\t"),
            b'\n' => uit.extend_from_slice(b"\\n"),
            b'\r' => uit.extend_from_slice(b"\\r"),
            _ => uit.push(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use leerspoor_domain::Datum;

    #[test]
    fn copy_text_escapes_what_would_end_a_field_or_a_row() {
        let mut uit = Vec::new();
        copy_regel(
            &mut uit,
            &[
                Waarde::Tekst(Some("Kerkstraat 1\tachter\\om\r\nbel aan".into())),
                Waarde::Tekst(None),
                Waarde::Datum(Datum::from_ymd_opt(2024, 2, 29)),
                Waarde::Datum(None),
                Waarde::Geheel(Some(-7)),
                Waarde::Bool(true),
                Waarde::Bool(false),
                Waarde::Getal(Some(0.1)),
                Waarde::Getal(None),
            ],
        );
        assert_eq!(
            String::from_utf8(uit).unwrap(),
            "Kerkstraat 1\\tachter\\\\om\\r\\nbel aan\t\\N\t2024-02-29\t\\N\t-7\tt\tf\t0.1\t\\N\n"
        );
    }
}
