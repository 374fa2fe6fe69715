//! Test databases do not pile up on the server: each goes with its test, and those left by a test
//! process that was killed go at the next run. (Its own file: the sweep runs once per process.)
use sqlx::Connection;

async fn bestaat(beheer: &mut sqlx::PgConnection, naam: &str) -> bool {
    sqlx::query_scalar::<_, i64>("SELECT count(*) FROM pg_database WHERE datname = $1")
        .bind(naam)
        .fetch_one(beheer)
        .await
        .unwrap()
        == 1
}

#[tokio::test]
async fn a_test_database_goes_with_its_test_and_one_left_by_a_killed_run_goes_at_the_next() {
    let Some(basis) = std::env::var("LEERSPOOR_TEST_POSTGRES").ok().filter(|u| !u.is_empty()) else {
        assert!(leerspoor_testdb::postgres().await.is_none());
        return;
    };
    let mut beheer = sqlx::PgConnection::connect(&basis).await.unwrap();
    // Linux hands out no pid above 2^22: this database's process cannot be running.
    let achtergelaten = "leerspoor_test_999999999_0_1";
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {achtergelaten}"))).execute(&mut beheer).await.unwrap();

    let db = leerspoor_testdb::postgres().await.unwrap();
    assert!(!bestaat(&mut beheer, achtergelaten).await, "the killed run's database is swept");
    let naam = db.url.rsplit_once('/').unwrap().1.to_string();
    assert!(bestaat(&mut beheer, &naam).await);
    db.store.log("M1", "inzage dossier", "jongere:J1", "gelukt", None).await.unwrap();

    drop(db);
    assert!(!bestaat(&mut beheer, &naam).await, "dropped with its TestDb, open connections and all");
}
