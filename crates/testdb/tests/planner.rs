//! PostgreSQL plans Leerspoor's reads for a register held in memory: a youth is looked up in an
//! index, not found by scanning a whole table (`openen.rs`, `index_uit_geheugen`), unless the
//! server's administrator priced index reads otherwise.
use leerspoor_store::Store;
use leerspoor_store::rij::{Type, Waarde};
use sqlx::Connection;

async fn random_page_cost(store: &Store) -> String {
    let rijen = store.vraag("SELECT current_setting('random_page_cost')", &[], &[Type::Tekst]).await.unwrap();
    match rijen.as_slice() {
        [rij] => match rij.as_slice() {
            [Waarde::Tekst(Some(waarde))] => waarde.clone(),
            anders => panic!("geen tekst: {anders:?}"),
        },
        anders => panic!("één rij verwacht: {anders:?}"),
    }
}

#[tokio::test]
async fn postgres_looks_a_youth_up_in_the_index_unless_the_administrator_priced_index_reads_otherwise() {
    let Some(db) = leerspoor_testdb::postgres().await else { return };
    assert_eq!(random_page_cost(&db.store).await, "1.1", "PostgreSQL's default (4) is for a spinning disk");

    let naam = db.url.rsplit_once('/').expect("URL met /database").1;
    let mut beheer = sqlx::PgConnection::connect(&db.url).await.unwrap();
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("ALTER DATABASE {naam} SET random_page_cost = 3")))
        .execute(&mut beheer)
        .await
        .unwrap();
    beheer.close().await.ok();
    let opnieuw = Store::open_bestaand(&db.url).await.unwrap();
    assert_eq!(random_page_cost(&opnieuw).await, "3", "the database's own setting stays");
}
