//! A gemeente's or subregio's report reads only the youths who ever lived in it (its kring), and
//! counts exactly what it counted reading the whole register: on the demo region, whose youths
//! move between gemeenten, leave the region and come back.
use leerspoor_domain::SchoolJaar;
use leerspoor_ingest::{ImportOpties, importeer_dataset};
use leerspoor_report::{Kader, Scope};
use std::sync::Arc;

#[tokio::test]
async fn every_scope_counts_alike_reading_only_its_own_youths() {
    let dataset = leerspoor_demo::genereer(&leerspoor_demo::DemoOpties { seed: 2021, scale: 0.1 });
    let mut scopes: Vec<Scope> = dataset.gemeenten.iter().map(|g| Scope::Gemeente(g.code.clone())).collect();
    scopes.extend(dataset.subregios.iter().map(|s| Scope::Subregio(s.code.clone())));
    let jaar = SchoolJaar::beginnend_in(2020);
    let mut verschillen = Vec::new();
    for db in leerspoor_testdb::alle().await {
        let opties = ImportOpties { dry_run: false, gebruiker: "test".into() };
        importeer_dataset(&db.store, dataset.clone(), "demo", &opties).await.expect("de demoregio is geldig");
        let heel = Kader::nieuw(&db.store, jaar, Scope::Regio).await.unwrap().personen().await.unwrap().len();
        for scope in &scopes {
            let kring = Arc::new(Kader::nieuw(&db.store, jaar, scope.clone()).await.unwrap().alleen_kring());
            let alles = Arc::new(Kader::nieuw(&db.store, jaar, scope.clone()).await.unwrap().heel_register());
            let gelezen = kring.personen().await.unwrap().len();
            assert!(0 < gelezen && gelezen < heel, "{scope}: {gelezen} van {heel} jongeren gelezen");
            assert_eq!(alles.personen().await.unwrap().len(), heel);
            let (a, b) = (leerspoor_report::bereken(&kring, &[]).await, leerspoor_report::bereken(&alles, &[]).await);
            let (a, b) = (a.unwrap(), b.unwrap());
            assert_eq!(a.len(), b.len());
            verschillen.extend(a.iter().zip(&b).filter(|(t, u)| t != u).map(|(t, _)| format!("{scope}: {}", t.id)));
        }
    }
    assert_eq!(verschillen, Vec::<String>::new());
}

#[tokio::test]
async fn a_gemeente_with_a_large_part_of_the_register_reads_it_whole() {
    let dataset = leerspoor_demo::genereer(&leerspoor_demo::DemoOpties { seed: 2021, scale: 0.1 });
    let jaar = SchoolJaar::beginnend_in(2020);
    let gemeente = |code: &str| Scope::Gemeente(leerspoor_domain::Gemeentecode::parse(code).unwrap());
    for db in leerspoor_testdb::alle().await {
        let opties = ImportOpties { dry_run: false, gebruiker: "test".into() };
        importeer_dataset(&db.store, dataset.clone(), "demo", &opties).await.expect("de demoregio is geldig");
        let gelezen =
            async |scope: Scope| Kader::nieuw(&db.store, jaar, scope).await.unwrap().personen().await.unwrap().len();
        let heel = gelezen(Scope::Regio).await;
        // Zilverkust holds 43 % of the region's addresses, Meeuwstrand 4,5 %.
        assert_eq!(gelezen(gemeente("GM9901")).await, heel);
        assert!(gelezen(gemeente("GM9904")).await < heel / 10);
    }
}
