//! Backup and restore of the whole database (issue 20; docs/beheer.md): the register, the logs,
//! accounts and koppelingen, everything, as the database itself holds it.
//!
//! - SQLite: SQLite's online backup API copies every page in one step, inside one read
//!   transaction: a consistent copy while the application runs and writes (WAL).
//! - PostgreSQL: `pg_dump` (custom format) of a snapshot that Leerspoor exports from a
//!   `REPEATABLE READ` transaction and counts the rows in, so that the manifest's counts are those
//!   of the dump.
//!
//! A backup is a folder with the database file and `manifest.json` (Leerspoor's version, the
//! database kind, when, the schema version, rows per table, the file's SHA-256). A restore checks
//! the checksum and the schema version, refuses a database that holds a register unless told to
//! replace it, replaces it in one transaction (SQLite's backup API into the target; `psql
//! --single-transaction` on PostgreSQL), and checks the rows per table against the manifest.
use crate::{StoreFout, zonder_wachtwoord};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const MANIFEST: &str = "manifest.json";
const SQLITE_BESTAND: &str = "leerspoor.sqlite";
const PG_BESTAND: &str = "leerspoor.pgdump";
/// Tables that hold an office's work: a database with a row in one of them is not empty.
const WERK: [&str; 3] = ["medewerker", "jongere", "account"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// The version of Leerspoor that made it.
    pub leerspoor: String,
    /// `sqlite` or `postgresql`: a backup restores into the same kind.
    pub database: String,
    pub gemaakt: DateTime<Utc>,
    /// The last migration applied: a newer Leerspoor restores an older backup and migrates it,
    /// an older one refuses a newer backup.
    pub schemaversie: i64,
    pub bestand: String,
    pub sha256: String,
    pub tabellen: BTreeMap<String, i64>,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupFout {
    #[error("{0}")]
    Ongeldig(String),
    #[error(
        "de database bevat al een register ({0}); herstel alleen in een lege database, of vervang haar met --vervang"
    )]
    NietLeeg(String),
    #[error("{pad}: {bron}")]
    Bestand { pad: String, bron: std::io::Error },
    #[error("{0}")]
    Programma(String),
    #[error(transparent)]
    Store(#[from] StoreFout),
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

type Uitkomst<T> = std::result::Result<T, BackupFout>;

fn io(pad: &Path) -> impl FnOnce(std::io::Error) -> BackupFout + '_ {
    move |bron| BackupFout::Bestand { pad: pad.display().to_string(), bron }
}

/// The SQLite file of a URL (`sqlite:pad`, `sqlite://pad` or a bare path), or `None` for PostgreSQL.
fn sqlite_pad(url: &str) -> Option<&str> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return None;
    }
    Some(url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).unwrap_or(url))
}

fn sha256(pad: &Path) -> Uitkomst<String> {
    let mut bestand = std::fs::File::open(pad).map_err(io(pad))?;
    let mut h = Sha256::new();
    std::io::copy(&mut bestand, &mut h).map_err(io(pad))?;
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// A new, empty folder for a backup, readable by its owner only (it holds the whole register):
/// one that exists must be empty (a backup is never mixed with another's files).
fn lege_map(map: &Path) -> Uitkomst<()> {
    if map.exists() && std::fs::read_dir(map).map_err(io(map))?.next().is_some() {
        return Err(BackupFout::Ongeldig(format!("{}: de map is niet leeg; kies een nieuwe map", map.display())));
    }
    std::fs::create_dir_all(map).map_err(io(map))?;
    alleen_eigenaar(map, 0o700)
}

#[cfg(unix)]
fn alleen_eigenaar(pad: &Path, modus: u32) -> Uitkomst<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(pad, std::fs::Permissions::from_mode(modus)).map_err(io(pad))
}

#[cfg(not(unix))]
fn alleen_eigenaar(_: &Path, _: u32) -> Uitkomst<()> {
    Ok(())
}

/// An empty file only its owner reads, for a tool to write the database into.
fn leeg_bestand(pad: &Path) -> Uitkomst<()> {
    std::fs::File::create(pad).map_err(io(pad))?;
    alleen_eigenaar(pad, 0o600)
}

fn schrijf_manifest(map: &Path, m: &Manifest) -> Uitkomst<()> {
    let pad = map.join(MANIFEST);
    let tekst = serde_json::to_string_pretty(m).expect("een manifest is JSON");
    leeg_bestand(&pad)?;
    std::fs::write(&pad, tekst + "\n").map_err(io(&pad))
}

/// Reads a backup's manifest and checks its file against the checksum.
pub fn lees_manifest(map: &Path) -> Uitkomst<Manifest> {
    let pad = map.join(MANIFEST);
    let tekst = std::fs::read_to_string(&pad).map_err(io(&pad))?;
    let m: Manifest = serde_json::from_str(&tekst)
        .map_err(|e| BackupFout::Ongeldig(format!("{}: geen manifest van Leerspoor ({e})", pad.display())))?;
    if m.bestand.contains(['/', '\\']) || m.bestand.starts_with('.') {
        return Err(BackupFout::Ongeldig(format!("{}: bestand '{}' ligt buiten de map", pad.display(), m.bestand)));
    }
    if !m.tabellen.contains_key("_sqlx_migrations") || WERK.iter().any(|t| !m.tabellen.contains_key(*t)) {
        return Err(BackupFout::Ongeldig(format!("{}: de backup bevat geen register van Leerspoor", pad.display())));
    }
    let bestand = map.join(&m.bestand);
    if sha256(&bestand)? != m.sha256 {
        return Err(BackupFout::Ongeldig(format!(
            "{}: de controlesom klopt niet; het bestand is beschadigd of gewijzigd",
            bestand.display()
        )));
    }
    Ok(m)
}

/// Makes a backup of the database at `url` in the new folder `map`. It opens the database
/// without migrating it: a backup before an upgrade is of the database as the running version
/// keeps it.
pub async fn maak(url: &str, map: &Path) -> Uitkomst<Manifest> {
    lege_map(map)?;
    let m = match sqlite_pad(url) {
        Some(bron) => {
            let (bron, doel) = (PathBuf::from(bron), map.join(SQLITE_BESTAND));
            if !bron.is_file() {
                return Err(StoreFout::BestaatNiet(bron.display().to_string()).into());
            }
            tokio::task::spawn_blocking(move || sqlite_backup(&bron, &doel))
                .await
                .map_err(|e| BackupFout::Programma(e.to_string()))??
        }
        None => pg_backup(url, map).await?,
    };
    schrijf_manifest(map, &m)?;
    Ok(m)
}

const SCHEMAVERSIE: &str = "SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success";

/// A backup step that did not copy everything (the source locked): the backup is refused, never a
/// partial copy with a manifest.
fn helemaal(stap: rusqlite::backup::StepResult) -> Uitkomst<()> {
    match stap {
        rusqlite::backup::StepResult::Done => Ok(()),
        anders => Err(BackupFout::Programma(format!(
            "SQLite kon de database niet in één keer kopiëren ({anders:?}); probeer het opnieuw"
        ))),
    }
}

fn manifest(database: &str, schemaversie: i64, bestand: &Path, tabellen: BTreeMap<String, i64>) -> Uitkomst<Manifest> {
    Ok(Manifest {
        leerspoor: env!("CARGO_PKG_VERSION").to_string(),
        database: database.to_string(),
        gemaakt: Utc::now(),
        schemaversie,
        bestand: bestand.file_name().expect("een bestandsnaam").to_string_lossy().into_owned(),
        sha256: sha256(bestand)?,
        tabellen,
    })
}

/// Rows per table of a SQLite database.
fn sqlite_tellingen(c: &rusqlite::Connection) -> Uitkomst<BTreeMap<String, i64>> {
    let mut namen = c.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")?;
    let namen: Vec<String> = namen.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let mut tellingen = BTreeMap::new();
    for naam in namen {
        let n: i64 = c.query_row(&format!("SELECT COUNT(*) FROM \"{naam}\""), [], |r| r.get(0))?;
        tellingen.insert(naam, n);
    }
    Ok(tellingen)
}

fn sqlite_backup(bron: &Path, doel: &Path) -> Uitkomst<Manifest> {
    let bron = rusqlite::Connection::open_with_flags(bron, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    bron.busy_timeout(std::time::Duration::from_secs(30))?;
    leeg_bestand(doel)?;
    let mut kopie = rusqlite::Connection::open(doel)?;
    // All pages in one step: one read transaction on the source, so one consistent moment.
    helemaal(rusqlite::backup::Backup::new(&bron, &mut kopie)?.step(-1)?)?;
    // A copy in WAL mode needs -wal and -shm files beside it to be read: one file instead.
    kopie.pragma_update(None, "journal_mode", "DELETE")?;
    let schemaversie: i64 = kopie.query_row(SCHEMAVERSIE, [], |r| r.get(0))?;
    let tabellen = sqlite_tellingen(&kopie)?;
    drop(kopie);
    manifest("sqlite", schemaversie, doel, tabellen)
}

/// The URL without its password, and the password for `PGPASSWORD` (never on a command line,
/// where `ps` shows it).
fn pg_verbinding(url: &str) -> Uitkomst<(String, Option<String>)> {
    let mut u = url::Url::parse(url).map_err(|e| BackupFout::Ongeldig(format!("{}: {e}", zonder_wachtwoord(url))))?;
    let wachtwoord = u.password().map(|w| percent_encoding::percent_decode_str(w).decode_utf8_lossy().into_owned());
    if u.query_pairs().any(|(k, _)| k == "password") {
        return Err(BackupFout::Ongeldig(
            "zet het wachtwoord van PostgreSQL in de URL vóór de @, niet als ?password= (dat kwam op de opdrachtregel)"
                .into(),
        ));
    }
    let _ = u.set_password(None);
    Ok((u.to_string(), wachtwoord))
}

/// Runs a PostgreSQL client program with the server's password in its environment.
async fn programma(naam: &'static str, args: Vec<String>, wachtwoord: Option<String>) -> Uitkomst<()> {
    let uitvoer = tokio::task::spawn_blocking(move || {
        let mut c = std::process::Command::new(naam);
        c.args(&args);
        if let Some(w) = wachtwoord {
            c.env("PGPASSWORD", w);
        }
        c.output()
    })
    .await
    .map_err(|e| BackupFout::Programma(e.to_string()))?
    .map_err(|e| {
        BackupFout::Programma(format!("{naam} kon niet starten ({e}); installeer de PostgreSQL-clientprogramma's"))
    })?;
    if uitvoer.status.success() {
        return Ok(());
    }
    let fout = String::from_utf8_lossy(&uitvoer.stderr);
    Err(BackupFout::Programma(format!("{naam} mislukt: {}", fout.trim())))
}

async fn pg_backup(url: &str, map: &Path) -> Uitkomst<Manifest> {
    use sqlx::Connection;
    let mut c = sqlx::PgConnection::connect(url).await.map_err(StoreFout::from)?;
    sqlx::raw_sql("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").execute(&mut c).await.map_err(StoreFout::from)?;
    let snapshot: String =
        sqlx::query_scalar("SELECT pg_export_snapshot()").fetch_one(&mut c).await.map_err(StoreFout::from)?;
    let tabellen = pg_tellingen(&mut c).await?;
    let schemaversie: i64 = sqlx::query_scalar(SCHEMAVERSIE).fetch_one(&mut c).await.map_err(StoreFout::from)?;
    let doel = map.join(PG_BESTAND);
    leeg_bestand(&doel)?;
    let (zonder, wachtwoord) = pg_verbinding(url)?;
    let args = vec![
        "--format=custom".into(),
        "--no-owner".into(),
        "--no-privileges".into(),
        format!("--snapshot={snapshot}"),
        format!("--file={}", doel.display()),
        format!("--dbname={zonder}"),
    ];
    // The snapshot lives as long as this transaction: it ends after pg_dump.
    let gedaan = programma("pg_dump", args, wachtwoord).await;
    sqlx::raw_sql("COMMIT").execute(&mut c).await.map_err(StoreFout::from)?;
    gedaan?;
    manifest("postgresql", schemaversie, &doel, tabellen)
}

async fn pg_tellingen(c: &mut sqlx::PgConnection) -> Uitkomst<BTreeMap<String, i64>> {
    let namen: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' \
         AND table_type = 'BASE TABLE'",
    )
    .fetch_all(&mut *c)
    .await
    .map_err(StoreFout::from)?;
    let mut tellingen = BTreeMap::new();
    for naam in namen {
        let sql = format!("SELECT COUNT(*) FROM \"{naam}\"");
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(&mut *c).await.map_err(StoreFout::from)?;
        tellingen.insert(naam, n);
    }
    Ok(tellingen)
}

/// `pg_restore -f - DUMP | psql --single-transaction …` with the schema emptied first.
fn pijp(dump: &Path, url: &str, wachtwoord: Option<String>) -> Uitkomst<()> {
    use std::process::{Command, Stdio};
    let start = |naam: &str, e: std::io::Error| {
        BackupFout::Programma(format!("{naam} kon niet starten ({e}); installeer de PostgreSQL-clientprogramma's"))
    };
    let mut restore = Command::new("pg_restore")
        .args(["--no-owner", "--no-privileges", "--file=-"])
        .arg(dump)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| start("pg_restore", e))?;
    let sql = restore.stdout.take().expect("stdout van pg_restore");
    let mut psql = Command::new("psql");
    psql.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-c"])
        .arg("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        .args(["-f", "-"])
        .arg(format!("--dbname={url}"))
        .stdin(sql)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(w) = wachtwoord {
        psql.env("PGPASSWORD", w);
    }
    let psql = psql.spawn().map_err(|e| start("psql", e))?.wait_with_output().map_err(|e| start("psql", e))?;
    let restore = restore.wait_with_output().map_err(|e| start("pg_restore", e))?;
    for (naam, uit) in [("pg_restore", &restore), ("psql", &psql)] {
        if !uit.status.success() {
            let fout = String::from_utf8_lossy(&uit.stderr);
            return Err(BackupFout::Programma(format!("{naam} mislukt: {}", fout.trim())));
        }
    }
    Ok(())
}

/// Which of the work tables hold rows, named with their counts; empty when none does.
fn werk(tellingen: &BTreeMap<String, i64>) -> String {
    WERK.iter()
        .filter_map(|t| tellingen.get(*t).filter(|n| **n > 0).map(|n| format!("{n} {t}")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Restores the backup in `map` into the database at `url`: into an empty one, or replacing what
/// it holds with `vervang`. Afterwards the database holds exactly the backup's rows.
pub async fn herstel(url: &str, map: &Path, vervang: bool) -> Uitkomst<Manifest> {
    let m = lees_manifest(map)?;
    let migraties =
        if m.database == "postgresql" { &crate::openen::POSTGRES_MIGRATIES } else { &crate::openen::SQLITE_MIGRATIES };
    let eigen = migraties.iter().map(|m| m.version).max().unwrap_or(0);
    if m.schemaversie > eigen {
        return Err(BackupFout::Ongeldig(format!(
            "de backup is van een nieuwere Leerspoor (schema {}, deze kent tot {eigen}); herstel met die versie",
            m.schemaversie
        )));
    }
    let bestand = map.join(&m.bestand);
    let tellingen = match (sqlite_pad(url), m.database.as_str()) {
        (Some(doel), "sqlite") => {
            let doel = PathBuf::from(doel);
            tokio::task::spawn_blocking(move || sqlite_herstel(&bestand, &doel, vervang))
                .await
                .map_err(|e| BackupFout::Programma(e.to_string()))??
        }
        (None, "postgresql") => pg_herstel(url, &bestand, vervang).await?,
        (_, soort) => {
            return Err(BackupFout::Ongeldig(format!(
                "dit is een backup van {soort}; herstel haar in dezelfde soort database"
            )));
        }
    };
    if tellingen != m.tabellen {
        return Err(BackupFout::Ongeldig(format!(
            "na het herstel klopt het aantal rijen niet met het manifest: {}",
            verschil(&m.tabellen, &tellingen)
        )));
    }
    Ok(m)
}

fn verschil(verwacht: &BTreeMap<String, i64>, gevonden: &BTreeMap<String, i64>) -> String {
    let namen: std::collections::BTreeSet<&String> = verwacht.keys().chain(gevonden.keys()).collect();
    namen
        .into_iter()
        .filter(|n| verwacht.get(*n) != gevonden.get(*n))
        .map(|n| format!("{n} {:?} in plaats van {:?}", gevonden.get(n), verwacht.get(n)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn sqlite_herstel(bestand: &Path, doel: &Path, vervang: bool) -> Uitkomst<BTreeMap<String, i64>> {
    let bron = rusqlite::Connection::open_with_flags(bestand, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let controle: String = bron.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if controle != "ok" {
        return Err(BackupFout::Ongeldig(format!("{}: de backup is beschadigd ({controle})", bestand.display())));
    }
    let mut doel = rusqlite::Connection::open(doel)?;
    doel.busy_timeout(std::time::Duration::from_secs(30))?;
    let al = werk(&sqlite_tellingen(&doel)?);
    if !al.is_empty() && !vervang {
        return Err(BackupFout::NietLeeg(al));
    }
    // One step: the target's pages are replaced in one write transaction, or not at all.
    helemaal(rusqlite::backup::Backup::new(&bron, &mut doel)?.step(-1)?)?;
    // The register runs in WAL mode (the copy was kept in one file).
    doel.pragma_update(None, "journal_mode", "WAL")?;
    sqlite_tellingen(&doel)
}

async fn pg_herstel(url: &str, bestand: &Path, vervang: bool) -> Uitkomst<BTreeMap<String, i64>> {
    use sqlx::Connection;
    let mut c = sqlx::PgConnection::connect(url).await.map_err(StoreFout::from)?;
    let al = werk(&pg_tellingen(&mut c).await?);
    if !al.is_empty() && !vervang {
        return Err(BackupFout::NietLeeg(al));
    }
    // The dump as SQL (pg_restore piped into psql: the register never lies on disk as plain SQL),
    // run after emptying the schema, in one transaction: a failure leaves the database as it was.
    let (zonder, wachtwoord) = pg_verbinding(url)?;
    let bestand = bestand.to_path_buf();
    tokio::task::spawn_blocking(move || pijp(&bestand, &zonder, wachtwoord))
        .await
        .map_err(|e| BackupFout::Programma(e.to_string()))??;
    pg_tellingen(&mut c).await
}
