//! `leerspoor backup MAP` and `leerspoor restore MAP [--vervang]` (docs/beheer.md), and the daily
//! backup of `leerspoor serve --backup-map MAP`.
use crate::blokkeer;
use leerspoor_store::backup::{self, BackupFout, Manifest};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Een nieuwe (of lege) map voor de backup: het databasebestand en manifest.json
    #[arg(value_name = "MAP")]
    map: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// De map van een backup van Leerspoor
    #[arg(value_name = "MAP")]
    map: PathBuf,
    /// Vervang een database die al een register bevat (anders geweigerd)
    #[arg(long)]
    vervang: bool,
}

/// The daily backup of a running server.
#[derive(Debug, Clone, clap::Args)]
pub struct DagelijkseBackup {
    /// Maak bij het starten en daarna elke 24 uur een backup in een nieuwe map hierin
    #[arg(long, env = "LEERSPOOR_BACKUP_MAP", value_name = "MAP")]
    pub backup_map: Option<PathBuf>,
    /// Zoveel backups blijven bewaard; oudere worden verwijderd
    #[arg(long, env = "LEERSPOOR_BACKUP_BEWAAR", default_value_t = 14, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub backup_bewaar: u16,
}

fn samenvatting(m: &Manifest) -> String {
    let rijen: i64 = m.tabellen.values().sum();
    format!(
        "{} tabellen, {rijen} rijen, schema {} ({}, Leerspoor {}), gemaakt {}; SHA-256 {}",
        m.tabellen.len(),
        m.schemaversie,
        m.database,
        m.leerspoor,
        m.gemaakt.format("%Y-%m-%d %H:%M:%S UTC"),
        m.sha256
    )
}

fn meld(fout: &BackupFout) -> ExitCode {
    eprintln!("fout: {fout}");
    ExitCode::from(match fout {
        BackupFout::Ongeldig(_) | BackupFout::NietLeeg(_) => 2,
        _ => 1,
    })
}

pub fn maak(args: BackupArgs, database: &str) -> ExitCode {
    blokkeer(async {
        match backup::maak(database, &args.map).await {
            Ok(m) => {
                println!("Backup gemaakt in {}: {}", args.map.display(), samenvatting(&m));
                ExitCode::SUCCESS
            }
            Err(e) => meld(&e),
        }
    })
}

pub fn herstel(args: RestoreArgs, database: &str) -> ExitCode {
    blokkeer(async {
        match backup::herstel(database, &args.map, args.vervang).await {
            Ok(m) => {
                println!("Hersteld uit {}: {}", args.map.display(), samenvatting(&m));
                ExitCode::SUCCESS
            }
            Err(e) => meld(&e),
        }
    })
}

/// The name of a daily backup: `leerspoor-JJJJMMDD-UUMMSS` (UTC), so that names sort by age.
fn is_dagelijks(naam: &str) -> bool {
    let b = naam.as_bytes();
    b.len() == 25
        && naam.starts_with("leerspoor-")
        && b[18] == b'-'
        && b[10..18].iter().chain(&b[19..]).all(u8::is_ascii_digit)
}

/// The daily backups in `map`, oldest first (folders named by [`is_dagelijks`] with a manifest).
fn dagelijkse(map: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut backups: Vec<PathBuf> = std::fs::read_dir(map)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().is_some_and(|n| is_dagelijks(&n.to_string_lossy())) && p.join(backup::MANIFEST).is_file()
        })
        .collect();
    backups.sort();
    Ok(backups)
}

/// Makes a backup every 24 hours in a new folder under `map`, keeping the last `bewaar`; the first
/// when the newest is a day old (a server restarted often does not replace its dailies). A backup
/// is made under a temporary name and renamed when whole; a failure is logged, its folder
/// removed, and tried again the next day.
pub fn dagelijks(database: String, instelling: DagelijkseBackup) {
    let Some(map) = instelling.backup_map else { return };
    tokio::spawn(async move {
        const DAG: std::time::Duration = std::time::Duration::from_secs(24 * 3600);
        let leeftijd = dagelijkse(&map)
            .ok()
            .and_then(|b| b.last().cloned())
            .and_then(|p| std::fs::metadata(p.join(backup::MANIFEST)).ok()?.modified().ok()?.elapsed().ok());
        if let Some(leeftijd) = leeftijd.filter(|l| *l < DAG) {
            tokio::time::sleep(DAG - leeftijd).await;
        }
        loop {
            let naam = format!("leerspoor-{}", chrono::Utc::now().format("%Y%m%d-%H%M%S"));
            let bezig = map.join(format!(".{naam}-bezig"));
            let gemaakt = match backup::maak(&database, &bezig).await {
                Ok(m) => std::fs::rename(&bezig, map.join(&naam)).map(|()| m).map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            match gemaakt {
                Ok(m) => tracing::info!("backup gemaakt in {naam}: {} tabellen", m.tabellen.len()),
                Err(e) => {
                    let _ = std::fs::remove_dir_all(&bezig);
                    tracing::error!("backup in {naam} mislukt: {e}");
                }
            }
            if let Err(e) = ruim_op(&map, instelling.backup_bewaar.into()) {
                tracing::error!("oude backups opruimen mislukt: {e}");
            }
            tokio::time::sleep(DAG).await;
        }
    });
}

/// Removes all but the newest `bewaar` daily backups in `map`; nothing else there is touched.
fn ruim_op(map: &Path, bewaar: usize) -> std::io::Result<()> {
    let backups = dagelijkse(map)?;
    let weg = backups.len().saturating_sub(bewaar);
    for oud in &backups[..weg] {
        std::fs::remove_dir_all(oud)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_the_newest_backups_leerspoor_made_are_kept() {
        let map = tempfile::tempdir().unwrap();
        for naam in ["leerspoor-20261201-020000", "leerspoor-20261202-020000", "leerspoor-20261203-020000"] {
            std::fs::create_dir(map.path().join(naam)).unwrap();
            std::fs::write(map.path().join(naam).join("manifest.json"), "{}").unwrap();
        }
        std::fs::create_dir(map.path().join("leerspoor-20261130-020000")).unwrap();
        // Made by hand (docs/beheer.md's example), sorting before every daily name: not touched.
        std::fs::create_dir(map.path().join("leerspoor-2026-12-06")).unwrap();
        std::fs::write(map.path().join("leerspoor-2026-12-06").join("manifest.json"), "{}").unwrap();
        std::fs::create_dir(map.path().join("eigen-map")).unwrap();
        super::ruim_op(map.path(), 2).unwrap();
        let mut over: Vec<String> =
            std::fs::read_dir(map.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        over.sort();
        assert_eq!(
            over,
            [
                "eigen-map",
                "leerspoor-2026-12-06",
                "leerspoor-20261130-020000",
                "leerspoor-20261202-020000",
                "leerspoor-20261203-020000"
            ]
        );
    }
}
