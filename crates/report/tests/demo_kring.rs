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
            let kring =
                Arc::new(Kader::nieuw(&db.store, jaar, scope.clone()).await.unwrap().alleen_kring().await.unwrap());
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

/// The region's row of verzuim_per_1000 in Meeuwstrand's 2020-2021 report, [youths of 5-17,
/// absolute verzuimers, relative verzuimers]: as the gemeente's report reads it (its kring), or
/// counted from the whole register.
async fn regio_naast_meeuwstrand(store: &leerspoor_store::Store, als_gemeente: bool) -> [f64; 3] {
    let scope = Scope::Gemeente(leerspoor_domain::Gemeentecode::parse("GM9904").unwrap());
    let kader = Kader::nieuw(store, SchoolJaar::beginnend_in(2020), scope).await.unwrap();
    let kader = if als_gemeente { kader.alleen_kring().await.unwrap() } else { kader.heel_register() };
    let t = leerspoor_report::bereken(&Arc::new(kader), &["verzuim_per_1000".to_string()]).await.unwrap().remove(0);
    ["pop_5_17", "absoluut", "relatief"].map(|kolom| t.cel("regio", kolom).unwrap())
}

/// A gemeente's verzuim_per_1000 sets the region's population beside its own: counted from the
/// country's addresses once, then kept for the register's stand. A change to an address after
/// that makes the kept count old, and the next report counts again.
#[tokio::test]
async fn the_regions_population_beside_a_gemeente_follows_a_move_made_after_the_last_report() {
    use leerspoor_domain::model::Woonadres;
    let dataset = leerspoor_demo::genereer(&leerspoor_demo::DemoOpties { seed: 2021, scale: 0.1 });
    let jaar = SchoolJaar::beginnend_in(2020);
    let peildatum = jaar.een_oktober();
    for db in leerspoor_testdb::alle().await {
        let opties = ImportOpties { dry_run: false, gebruiker: "test".into() };
        importeer_dataset(&db.store, dataset.clone(), "demo", &opties).await.expect("de demoregio is geldig");
        let gemeente = async || regio_naast_meeuwstrand(&db.store, true).await;
        let heel = async || regio_naast_meeuwstrand(&db.store, false).await;
        let voor = gemeente().await;
        assert_eq!(voor, heel().await);
        assert_eq!(
            db.store.aantal("telling").await.unwrap(),
            2,
            "de bevolking en de verzuimers van de regio zijn bewaard"
        );
        assert_eq!(gemeente().await, voor, "de bewaarde telling");
        let stand = db.store.stand().await.unwrap();

        // A youth of 5-17 living in Zilverkust on the peildatum loses the address of that day.
        let adressen: Vec<Woonadres> = db.store.lees().await.unwrap();
        let geboren: std::collections::HashMap<&str, leerspoor_domain::Datum> =
            dataset.jongeren.iter().map(|j| (j.id.as_str(), j.geboortedatum)).collect();
        let weg = adressen
            .iter()
            .find(|a| {
                let leeftijd = leerspoor_domain::rules::leeftijd_op(geboren[a.jongere.as_str()], peildatum);
                a.gemeente.as_str() == "GM9901"
                    && a.begindatum <= peildatum
                    && a.einddatum.is_none_or(|e| peildatum <= e)
                    && (6..17).contains(&leeftijd)
                    && adressen.iter().filter(|b| b.jongere == a.jongere).count() == 1
            })
            .expect("een jongere met één adres in Zilverkust");
        let mut s = db.store.schrijver("test", "test").await.unwrap();
        s.verwijder(weg).await.unwrap();
        s.klaar(0).await.unwrap();
        assert!(db.store.stand().await.unwrap() > stand);

        let na = gemeente().await;
        assert_eq!(na, heel().await);
        assert_eq!(na, [voor[0] - 1.0, voor[1], voor[2]], "één jongere van 5-17 minder in de regio");
    }
}

/// Beside a gemeente's verzuimers per 1000 stand the region's, counted once from the verslagjaar's
/// meldingen and kept for the stand of the register and its meldingen: a melding removed after
/// that makes the kept count old, and the next report counts again.
#[tokio::test]
async fn the_regions_verzuimers_beside_a_gemeente_follow_a_melding_removed_after_the_last_report() {
    use leerspoor_domain::model::Verzuimmelding;
    use leerspoor_domain::rules::melding;
    let dataset = leerspoor_demo::genereer(&leerspoor_demo::DemoOpties { seed: 2021, scale: 0.1 });
    let jaar = SchoolJaar::beginnend_in(2020);
    for db in leerspoor_testdb::alle().await {
        let opties = ImportOpties { dry_run: false, gebruiker: "test".into() };
        importeer_dataset(&db.store, dataset.clone(), "demo", &opties).await.expect("de demoregio is geldig");
        let gemeente = async || regio_naast_meeuwstrand(&db.store, true).await;
        let heel = async || regio_naast_meeuwstrand(&db.store, false).await;
        let voor = gemeente().await;
        assert_eq!(voor, heel().await);
        let bewaard = db.store.aantal("telling").await.unwrap();
        assert_eq!(gemeente().await, voor, "de bewaarde telling");
        assert_eq!(db.store.aantal("telling").await.unwrap(), bewaard, "niets opnieuw geteld");

        // Ten relative meldingen of the verslagjaar, each its youth's only one that year and no
        // other melding's first, are withdrawn.
        let meldingen: Vec<Verzuimmelding> = db.store.lees().await.unwrap();
        let in_jaar = |m: &&Verzuimmelding| SchoolJaar::van(m.meldingsdatum) == jaar;
        let weg: Vec<&Verzuimmelding> = meldingen
            .iter()
            .filter(in_jaar)
            .filter(|m| melding::relatief_verzuim(m))
            .filter(|m| meldingen.iter().filter(in_jaar).filter(|n| n.jongere == m.jongere).count() == 1)
            .filter(|m| !meldingen.iter().any(|n| n.vervolg_op.as_ref() == Some(&m.id)))
            .take(10)
            .collect();
        assert_eq!(weg.len(), 10);
        let mut s = db.store.schrijver("test", "test").await.unwrap();
        for m in weg {
            s.verwijder(m).await.unwrap();
        }
        s.klaar(0).await.unwrap();

        let na = gemeente().await;
        assert_eq!(na, heel().await);
        assert_eq!(na[0], voor[0], "{}", db.store.soort());
        assert!(na[2] < voor[2], "minder relatieve verzuimers in de regio: {na:?} na {voor:?}");
    }
}

/// On SQLite a kring's youths are read into memory once and each row of a small table, or of a
/// select that names its youths itself, is asked against them (`kring_lid`): the rows must be
/// those the index look-up finds, for every gemeente (the largest holds 43 % of the addresses:
/// every table is read the first way for it).
#[tokio::test]
async fn a_kring_asked_in_memory_reads_the_rows_the_index_finds() {
    use leerspoor_domain::model::{
        Actie, Inschrijving, RmcTraject, Thuiszitperiode, Verzuimmelding, Vrijstelling, VsvMelding, Zaak,
    };
    use leerspoor_store::{Kring, Store};
    async fn gelijk<R: leerspoor_store::rij::Rij + PartialEq + std::fmt::Debug>(
        store: &Store,
        index: &Kring,
        geheugen: &Kring,
        waar: &'static str,
    ) -> usize {
        let (a, b) =
            (store.lees_in::<R>(Some(index), waar, &[]).await, store.lees_in::<R>(Some(geheugen), waar, &[]).await);
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a, b, "{} {waar}", R::TABEL);
        a.len()
    }
    let dataset = leerspoor_demo::genereer(&leerspoor_demo::DemoOpties { seed: 2021, scale: 0.1 });
    let db = leerspoor_testdb::sqlite().await;
    let opties = ImportOpties { dry_run: false, gebruiker: "test".into() };
    importeer_dataset(&db.store, dataset.clone(), "demo", &opties).await.expect("de demoregio is geldig");
    let vsv_ers = "WHERE jongere IN (SELECT jongere FROM vsv_melding)";
    let mut gelezen = 0;
    for g in &dataset.gemeenten {
        let index = db.store.meet(Kring::van([g.code.clone()])).await.unwrap();
        let geheugen = db.store.met_leden(index.clone()).await.unwrap();
        assert!(format!("{geheugen:?}").contains("jongeren)"), "{geheugen:?}");
        gelezen += gelijk::<Actie>(&db.store, &index, &geheugen, "").await;
        gelezen += gelijk::<Zaak>(&db.store, &index, &geheugen, "").await;
        gelezen += gelijk::<Verzuimmelding>(&db.store, &index, &geheugen, "").await;
        gelezen += gelijk::<Thuiszitperiode>(&db.store, &index, &geheugen, "").await;
        gelezen += gelijk::<Vrijstelling>(&db.store, &index, &geheugen, "").await;
        gelezen += gelijk::<RmcTraject>(&db.store, &index, &geheugen, "").await;
        gelezen += gelijk::<VsvMelding>(&db.store, &index, &geheugen, "").await;
        gelezen += gelijk::<Inschrijving>(&db.store, &index, &geheugen, vsv_ers).await;
        // The VSV-ers' enrolments with the kring narrowing the VSV-meldingen instead: the same rows.
        for kring in [&index, &geheugen] {
            let via_bron = db.store.lees_in_van::<Inschrijving>(Some(kring), "vsv_melding", "", &[]).await.unwrap();
            let gefilterd = db.store.lees_in::<Inschrijving>(Some(&index), vsv_ers, &[]).await.unwrap();
            assert_eq!(via_bron, gefilterd, "{}", g.code);
        }
    }
    assert!(gelezen > 1000, "{gelezen} rijen");
}
