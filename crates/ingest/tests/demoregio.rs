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
