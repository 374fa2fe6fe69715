//! The demo region goes into both databases, re-imports without change, and exports to exactly the
//! bundle it was made as.
use leerspoor_demo::{DemoOpties, genereer};
use leerspoor_ingest::{ImportOpties, exporteer, importeer_dataset, schrijf_bundel};
use std::path::Path;

fn lees_map(map: &Path) -> Vec<(String, String)> {
    let mut bestanden: Vec<_> = std::fs::read_dir(map)
        .unwrap()
        .map(|f| {
            let f = f.unwrap();
            (f.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(f.path()).unwrap())
        })
        .collect();
    bestanden.sort();
    bestanden
}

#[tokio::test]
async fn the_demo_region_round_trips_through_both_databases() {
    let dataset = genereer(&DemoOpties { seed: 7, scale: 0.03 });
    let verwacht = tempfile::tempdir().unwrap();
    let rijen = schrijf_bundel(&dataset, verwacht.path()).unwrap();
    assert!(rijen > 10_000, "{rijen}");
    let opties = ImportOpties { dry_run: false, gebruiker: "test".into() };

    for db in leerspoor_testdb::alle().await {
        let eerste = importeer_dataset(&db.store, dataset.clone(), "demo", &opties).await.unwrap();
        // The code lists were already seeded: the demo's are the same, so unchanged.
        assert_eq!(eerste.nieuw() + eerste.ongewijzigd(), rijen, "{}", db.store.soort());
        assert_eq!(eerste.gewijzigd(), 0);

        let tweede = importeer_dataset(&db.store, dataset.clone(), "demo", &opties).await.unwrap();
        assert_eq!((tweede.nieuw(), tweede.gewijzigd(), tweede.ongewijzigd()), (0, 0, rijen), "{}", db.store.soort());

        let export = tempfile::tempdir().unwrap();
        exporteer(&db.store, export.path(), "test").await.unwrap();
        assert!(lees_map(export.path()) == lees_map(verwacht.path()), "export uit {} wijkt af", db.store.soort());
    }
}

/// The indexes of the register, by name (SQLite: not those of a key or unique column).
async fn indexen(store: &leerspoor_store::Store) -> Vec<String> {
    let sql = match store {
        leerspoor_store::Store::Sqlite(..) => {
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        }
        leerspoor_store::Store::Postgres(_) => {
            "SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"
        }
    };
    let rijen = store.vraag(sql, &[], &[leerspoor_store::rij::Type::Tekst]).await.unwrap();
    rijen.into_iter().map(|r| r[0].als_tekst()).collect()
}

#[tokio::test]
async fn a_first_large_import_builds_the_indexes_after_loading_and_keeps_them_all() {
    // More than 50.000 youths and addresses into empty tables: their indexes are dropped for the
    // load and built again in the same transaction.
    let mut dataset = genereer(&DemoOpties { seed: 7, scale: 0.7 });
    let jongeren = dataset.jongeren.len();
    assert!(jongeren > 50_000, "{jongeren}");
    dataset.ouders.clear();
    dataset.gezinsrelaties.clear();
    dataset.inschrijvingen.clear();
    dataset.diplomas.clear();
    dataset.zaken.clear();
    dataset.verzuimmeldingen.clear();
    dataset.acties.clear();
    dataset.vrijstellingen.clear();
    dataset.thuiszitperioden.clear();
    dataset.vsv_meldingen.clear();
    dataset.rmc_trajecten.clear();
    dataset.dagbestedingen.clear();
    let opties = ImportOpties { dry_run: false, gebruiker: "test".into() };
    for db in leerspoor_testdb::alle().await {
        let voor = indexen(&db.store).await;
        assert!(voor.iter().any(|i| i == "woonadres_jongere"), "{voor:?}");
        importeer_dataset(&db.store, dataset.clone(), "demo", &opties).await.unwrap();
        assert_eq!(indexen(&db.store).await, voor, "{}", db.store.soort());
        assert_eq!(db.store.aantal("jongere").await.unwrap(), jongeren as i64);
        // A second import finds every youth by its key: unchanged.
        let tweede = importeer_dataset(&db.store, dataset.clone(), "demo", &opties).await.unwrap();
        assert_eq!((tweede.nieuw(), tweede.gewijzigd()), (0, 0), "{}", db.store.soort());
    }
}
