//! The code lists Leerspoor ships reach every database: a new one gets them all, an existing one
//! gets the codes a release adds, and a code the office changed or ended stays as the office keeps it.
use leerspoor_domain::codes::{Code, CodeLijst};
use leerspoor_store::Store;
use sqlx::Connection;

async fn voer_uit(url: &str, sql: &'static str) {
    if url.starts_with("postgres") {
        sqlx::raw_sql(sql).execute(&mut sqlx::PgConnection::connect(url).await.unwrap()).await.unwrap();
    } else {
        sqlx::raw_sql(sql).execute(&mut sqlx::SqliteConnection::connect(url).await.unwrap()).await.unwrap();
    }
}

fn code<'a>(codes: &'a [Code], lijst: CodeLijst, code: &str) -> Option<&'a Code> {
    codes.iter().find(|c| c.lijst == lijst && c.code == code)
}

#[tokio::test]
async fn a_release_adds_its_new_codes_and_keeps_what_the_office_changed() {
    for db in leerspoor_testdb::alle().await {
        let codes: Vec<Code> = db.store.lees().await.unwrap();
        let geleverd = leerspoor_domain::codes::standaard().len();
        assert_eq!(codes.len(), geleverd);
        // The office ends one code; a database of an older release lacks another.
        let werk = code(&codes, CodeLijst::RmcResultaat, "werk").unwrap().clone();
        let mut s = db.store.schrijver("M1", "codelijst bijwerken").await.unwrap();
        s.wijzig(&werk, &Code { geldig_tot: Some("2024-07-31".parse().unwrap()), ..werk.clone() }).await.unwrap();
        s.vastleggen("codelijst bijwerken", "rmc_resultaat").await.unwrap();
        voer_uit(&db.url, "DELETE FROM codelijst WHERE lijst = 'rmc_resultaat' AND code = 'niet_herplaatst'").await;
        db.store.sluit().await;

        let store = Store::open(&db.url).await.unwrap();
        let codes: Vec<Code> = store.lees().await.unwrap();
        assert_eq!(codes.len(), geleverd);
        assert!(code(&codes, CodeLijst::RmcResultaat, "niet_herplaatst").is_some(), "de nieuwe code is er");
        assert_eq!(
            code(&codes, CodeLijst::RmcResultaat, "werk").unwrap().geldig_tot,
            Some("2024-07-31".parse().unwrap()),
            "wat het bureau beëindigde blijft beëindigd"
        );
    }
}
