//! On the demo region, the art. 25 opgave agrees with the jaarverslag tables that count the same
//! measures (docs/tabellen.md, `art25_opgave`), in every scope: the region's regular data, not a
//! hand-made register.
use leerspoor_domain::SchoolJaar;
use leerspoor_ingest::{ImportOpties, importeer_dataset};
use leerspoor_report::{Kader, Scope, Tabel};

#[tokio::test]
async fn the_demo_regions_art25_opgave_agrees_with_the_jaarverslag() {
    let dataset = leerspoor_demo::genereer(&leerspoor_demo::DemoOpties { seed: 2021, scale: 0.1 });
    let subregio = dataset.subregios[0].code.clone();
    for db in leerspoor_testdb::alle().await {
        let opties = ImportOpties { dry_run: false, gebruiker: "test".into() };
        importeer_dataset(&db.store, dataset.clone(), "demo", &opties).await.expect("de demoregio is geldig");
        for scope in [Scope::Regio, Scope::Subregio(subregio.clone())] {
            let kader = Kader::nieuw(&db.store, SchoolJaar::beginnend_in(2020), scope.clone()).await.unwrap();
            let tabellen =
                leerspoor_report::bereken(&kader.into(), &leerspoor_report::art25_met_controle()).await.unwrap();
            assert_eq!(leerspoor_report::controleer(&tabellen), Vec::<String>::new(), "{scope}");
            let tabel = |id: &str| -> &Tabel { tabellen.iter().find(|t| t.id == id).unwrap() };
            let (opgave, per_1000, vrij) =
                (tabel("art25_opgave"), tabel("verzuim_per_1000"), tabel("vrijstellingen_gemeente"));
            // The opgave's total over the gemeenten with regional leerplicht is the jaarverslag's.
            let som = |t: &Tabel, kolom: &str| -> f64 {
                opgave.columns.iter().filter(|k| k.key != "totaal").filter_map(|k| t.cel(&k.key, kolom)).sum()
            };
            for (rij, kolom) in
                [("jongeren_5_17", "pop_5_17"), ("absoluut_verzuim", "absoluut"), ("relatief_verzuim", "relatief")]
            {
                let totaal = opgave.cel(rij, "totaal").unwrap();
                assert_eq!(totaal, som(per_1000, kolom), "{scope}: {rij}");
                assert!(totaal > 0.0, "{scope}: de demoregio heeft {rij}");
            }
            assert_eq!(opgave.cel("vrijstellingen_totaal", "totaal"), vrij.cel("totaal", "totaal"), "{scope}");
            assert!(opgave.cel("lrv_totaal", "totaal").unwrap() > 0.0, "{scope}: langdurig relatief verzuim");
            assert!(opgave.cel("luxe_verzuim", "totaal").unwrap() > 0.0, "{scope}: luxe verzuim");
        }
    }
}
