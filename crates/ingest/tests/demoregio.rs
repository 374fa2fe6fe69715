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

/// The triggers of the register, by name.
async fn triggers(store: &leerspoor_store::Store) -> Vec<String> {
    let sql = match store {
        leerspoor_store::Store::Sqlite(..) => "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
        leerspoor_store::Store::Postgres(_) => {
            "SELECT DISTINCT trigger_name::text FROM information_schema.triggers \
             WHERE trigger_schema = current_schema() ORDER BY 1"
        }
    };
    let rijen = store.vraag(sql, &[], &[leerspoor_store::rij::Type::Tekst]).await.unwrap();
    assert!(rijen.iter().any(|r| r[0].als_tekst().starts_with("woonadres_stand")), "{rijen:?}");
    rijen.into_iter().map(|r| r[0].als_tekst()).collect()
}

/// The foreign keys of the register as (table, definition).
async fn sleutels(store: &leerspoor_store::Store) -> Vec<String> {
    let sql = match store {
        leerspoor_store::Store::Sqlite(..) => {
            "SELECT m.name || ' ' || f.\"from\" || ' ' || f.\"table\" || ' ' || f.on_delete \
             FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' ORDER BY 1"
        }
        leerspoor_store::Store::Postgres(_) => {
            "SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) \
             FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY 1"
        }
    };
    let rijen = store.vraag(sql, &[], &[leerspoor_store::rij::Type::Tekst]).await.unwrap();
    rijen.into_iter().map(|r| r[0].als_tekst()).collect()
}

#[tokio::test]
async fn a_first_large_import_builds_the_indexes_after_loading_and_keeps_them_all() {
    // More than 50.000 youths and addresses into empty tables: their indexes (on PostgreSQL also
    // their foreign keys) are dropped for the load and made again in the same transaction.
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
        let sleutels_voor = sleutels(&db.store).await;
        assert!(sleutels_voor.iter().any(|s| s.starts_with("woonadres ")), "{sleutels_voor:?}");
        let (triggers_voor, stand_voor) = (triggers(&db.store).await, db.store.stand().await.unwrap());
        importeer_dataset(&db.store, dataset.clone(), "demo", &opties).await.unwrap();
        assert_eq!(indexen(&db.store).await, voor, "{}", db.store.soort());
        // The kept counts of the reports are old: the register's stand went up, and its triggers are all back.
        assert!(db.store.stand().await.unwrap() > stand_voor, "{}", db.store.soort());
        assert_eq!(triggers(&db.store).await, triggers_voor, "{}", db.store.soort());
        assert_eq!(sleutels(&db.store).await, sleutels_voor, "{}", db.store.soort());
        assert_eq!(db.store.aantal("jongere").await.unwrap(), jongeren as i64);
        // PostgreSQL plans the first report from statistics the import made: of the tables loaded
        // whole (before their keys were checked) and of the small ones it wrote.
        if let leerspoor_store::Store::Postgres(pool) = &db.store {
            let met_statistiek: Vec<String> = sqlx::query_scalar(
                "SELECT DISTINCT tablename::text FROM pg_stats WHERE schemaname = 'public' \
                 AND tablename IN ('jongere', 'woonadres', 'gemeente') ORDER BY 1",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            assert_eq!(met_statistiek, ["gemeente", "jongere", "woonadres"]);
        }
        // A second import finds every youth by its key: unchanged.
        let tweede = importeer_dataset(&db.store, dataset.clone(), "demo", &opties).await.unwrap();
        assert_eq!((tweede.nieuw(), tweede.gewijzigd()), (0, 0), "{}", db.store.soort());
    }
}

#[tokio::test]
async fn a_large_load_of_addresses_of_unknown_youths_is_refused_and_leaves_nothing() {
    // The import's checks would refuse these rows first; here they go to the database directly, which
    // must refuse them too when its keys are made again after a bulk load, and roll back all of it.
    let dataset = genereer(&DemoOpties { seed: 7, scale: 0.7 });
    assert!(dataset.woonadressen.len() > 50_000, "{}", dataset.woonadressen.len());
    let mut tabel = leerspoor_store::TabelWijziging::leeg::<leerspoor_domain::model::Woonadres>();
    tabel.nieuw = dataset.woonadressen.iter().map(leerspoor_store::rij::Rij::waarden).collect();
    for db in leerspoor_testdb::alle().await {
        let (voor, sleutels_voor) = (indexen(&db.store).await, sleutels(&db.store).await);
        let (triggers_voor, runs_voor) = (triggers(&db.store).await, db.store.aantal("importrun").await.unwrap());
        let mut schrijver = db.store.importschrijver("test", "proef").await.unwrap();
        let fout = schrijver.tabel(tabel.clone(), |_| {}).await.unwrap_err();
        assert!(fout.to_string().to_lowercase().contains("foreign key"), "{}: {fout}", db.store.soort());
        // The import is over: nothing of it can be committed after all.
        assert!(schrijver.klaar(0).await.is_err(), "{}", db.store.soort());
        assert_eq!(db.store.aantal("woonadres").await.unwrap(), 0, "{}", db.store.soort());
        assert_eq!(db.store.aantal("importrun").await.unwrap(), runs_voor, "{}", db.store.soort());
        assert_eq!(indexen(&db.store).await, voor, "{}", db.store.soort());
        assert_eq!(triggers(&db.store).await, triggers_voor, "{}", db.store.soort());
        assert_eq!(sleutels(&db.store).await, sleutels_voor, "{}", db.store.soort());
    }
}

/// What the reports read of every youth at once (`Store::personen`) is the register: each youth's
/// birth, death and sex, where they lived and were enrolled on any day, on both databases.
#[tokio::test]
async fn the_reports_see_every_youth_where_they_lived_were_enrolled_and_qualified_as_the_register_holds_it() {
    use leerspoor_domain::code_enum::CodeEnum;
    let dataset = genereer(&DemoOpties { seed: 11, scale: 0.02 });
    let opties = ImportOpties { dry_run: false, gebruiker: "test".into() };
    let dag = |s: &str| leerspoor_domain::datum::parse_datum(s).unwrap();
    for db in leerspoor_testdb::alle().await {
        importeer_dataset(&db.store, dataset.clone(), "demo", &opties).await.unwrap();
        let personen = db.store.personen().await.unwrap();
        assert_eq!(personen.len(), dataset.jongeren.len(), "{}", db.store.soort());
        assert_eq!(personen.zoek("J-bestaat-niet"), None);
        for j in &dataset.jongeren {
            let n = personen.zoek(&j.id).unwrap();
            assert_eq!(personen.id(n), j.id);
            assert_eq!(personen.geboren(n), j.geboortedatum);
            assert_eq!(personen.overleden(n), j.overlijdensdatum);
            assert_eq!(personen.geslacht(n), j.geslacht.code());
        }
        for dag in [dag("2020-10-01"), dag("2021-07-31"), dag("2021-08-01")] {
            for a in &dataset.woonadressen {
                let n = personen.zoek(&a.jongere).unwrap();
                if a.begindatum <= dag && a.einddatum.is_none_or(|e| dag <= e) {
                    assert_eq!(personen.woonde_op(n, dag), Some(&a.gemeente), "{} op {dag}", a.jongere);
                }
            }
            for i in &dataset.inschrijvingen {
                let n = personen.zoek(&i.jongere).unwrap();
                let op = personen.ingeschreven_op(n, dag);
                assert_eq!(op.is_some(), personen.schoolperioden(n).iter().any(|s| s.loopt_op(dag)));
                if i.begindatum <= dag && i.einddatum.is_none_or(|e| dag <= e) {
                    assert!(op.is_some_and(|s| s.begindatum >= i.begindatum), "{} op {dag}", i.jongere);
                }
            }
        }
        // Who left the region, and when: the address that ended with a vertrek.
        for a in &dataset.woonadressen {
            let n = personen.zoek(&a.jongere).unwrap();
            let v = personen.verblijven(n).iter().find(|v| v.begindatum == a.begindatum && v.einddatum == a.einddatum);
            assert_eq!(v.map(|v| v.vertrek), Some(a.vertrek.is_some()), "{}", a.jongere);
        }
        // Every diploma with its kind and date, by date.
        for d in &dataset.diplomas {
            let n = personen.zoek(&d.jongere).unwrap();
            assert!(personen.diplomas(n).iter().any(|b| b.soort == d.soort && b.datum == d.datum), "{}", d.jongere);
            assert!(personen.diplomas(n).is_sorted_by_key(|b| b.datum));
        }
        let verblijven: usize = (0..personen.len()).map(|n| personen.verblijven(n).len()).sum();
        let perioden: usize = (0..personen.len()).map(|n| personen.schoolperioden(n).len()).sum();
        let diplomas: usize = (0..personen.len()).map(|n| personen.diplomas(n).len()).sum();
        assert_eq!(
            (verblijven, perioden, diplomas),
            (dataset.woonadressen.len(), dataset.inschrijvingen.len(), dataset.diplomas.len())
        );
        assert!(dataset.diplomas.len() > 10 && dataset.woonadressen.iter().any(|a| a.vertrek.is_some()));
    }
}
