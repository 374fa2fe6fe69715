//! The restore drill (issue 20), on SQLite and PostgreSQL: a register backed up, restored into a
//! fresh database, and exported again gives the same bundle; a database with a register is not
//! overwritten unless told; a damaged backup is refused.
mod common;
use common::{klein, leerspoor};
use std::collections::BTreeMap;
use std::path::Path;

fn tekst(o: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// Every file of an exported bundle by name.
fn bundel(db: &str, map: &Path) -> BTreeMap<String, String> {
    let uit = leerspoor(db, &["export", map.to_str().unwrap()]);
    assert!(uit.status.success(), "{}", tekst(&uit));
    std::fs::read_dir(map)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

fn drill(bron: &str, doel: &str) {
    let map = tempfile::tempdir().unwrap();
    assert!(leerspoor(bron, &["import", klein().to_str().unwrap()]).status.success());
    let backup = map.path().join("backup");
    let b = leerspoor(bron, &["backup", backup.to_str().unwrap()]);
    assert!(b.status.success(), "{}", tekst(&b));
    assert!(tekst(&b).starts_with("Backup gemaakt in"), "{}", tekst(&b));
    let weer = leerspoor(bron, &["backup", backup.to_str().unwrap()]);
    assert_eq!(weer.status.code(), Some(2), "a backup never goes into a folder that holds one");

    let r = leerspoor(doel, &["restore", backup.to_str().unwrap()]);
    assert!(r.status.success(), "{}", tekst(&r));
    assert_eq!(bundel(bron, &map.path().join("a")), bundel(doel, &map.path().join("b")), "the same register");

    let nog_eens = leerspoor(doel, &["restore", backup.to_str().unwrap()]);
    assert_eq!(nog_eens.status.code(), Some(2));
    assert!(tekst(&nog_eens).contains("bevat al een register"), "{}", tekst(&nog_eens));
    let vervang = leerspoor(doel, &["restore", backup.to_str().unwrap(), "--vervang"]);
    assert!(vervang.status.success(), "{}", tekst(&vervang));

    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(backup.join("manifest.json")).unwrap()).unwrap();
    let bestand = backup.join(manifest["bestand"].as_str().unwrap());
    let mut bytes = std::fs::read(&bestand).unwrap();
    let midden = bytes.len() / 2;
    bytes[midden] ^= 0xff;
    std::fs::write(&bestand, bytes).unwrap();
    let kapot = leerspoor(doel, &["restore", backup.to_str().unwrap(), "--vervang"]);
    assert_eq!(kapot.status.code(), Some(2));
    assert!(tekst(&kapot).contains("controlesom klopt niet"), "{}", tekst(&kapot));
    assert_eq!(bundel(bron, &map.path().join("c")), bundel(doel, &map.path().join("d")), "nothing half restored");
}

#[test]
fn a_sqlite_register_backed_up_and_restored_is_the_same_register() {
    let map = tempfile::tempdir().unwrap();
    let bron = format!("sqlite:{}", map.path().join("bron.sqlite").display());
    let doel = format!("sqlite:{}", map.path().join("doel.sqlite").display());
    drill(&bron, &doel);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_postgresql_register_backed_up_and_restored_is_the_same_register() {
    let (Some(bron), Some(doel)) = (leerspoor_testdb::postgres().await, leerspoor_testdb::postgres().await) else {
        return;
    };
    let (b, d) = (bron.url.clone(), doel.url.clone());
    tokio::task::spawn_blocking(move || drill(&b, &d)).await.unwrap();
}

#[test]
fn a_backup_restores_only_into_the_same_kind_of_database_and_a_missing_one_is_named() {
    let map = tempfile::tempdir().unwrap();
    let bron = format!("sqlite:{}", map.path().join("bron.sqlite").display());
    assert!(leerspoor(&bron, &["import", klein().to_str().unwrap()]).status.success());
    let geen = leerspoor(&bron, &["restore", map.path().join("bestaat-niet").to_str().unwrap()]);
    assert_eq!(geen.status.code(), Some(1));
    assert!(tekst(&geen).contains("manifest.json"), "{}", tekst(&geen));
}
