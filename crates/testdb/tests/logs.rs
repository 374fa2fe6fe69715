//! The access log and the change log are append-only at database level, on both databases: not
//! even the application (or someone with its database password) changes or removes a line.
use sqlx::Connection;

/// Runs one statement on its own connection to the test database, as any client could.
async fn voer_uit(url: &str, sql: String) -> Result<(), sqlx::Error> {
    let sql = sqlx::AssertSqlSafe(sql);
    if url.starts_with("postgres") {
        sqlx::raw_sql(sql).execute(&mut sqlx::PgConnection::connect(url).await?).await?;
    } else {
        sqlx::raw_sql(sql).execute(&mut sqlx::SqliteConnection::connect(url).await?).await?;
    }
    Ok(())
}

#[tokio::test]
async fn a_line_in_either_log_can_be_added_but_never_changed_or_removed() {
    for db in leerspoor_testdb::alle().await {
        db.store.log("M1", "inzage dossier", "jongere:J1", "gelukt", None).await.unwrap();
        let regels = db.store.aantal("toegangslog").await.unwrap();
        voer_uit(
            &db.url,
            "INSERT INTO wijzigingslog (tijdstip, gebruiker, tabel, sleutel, handeling, veld, oud, nieuw, bron) \
             VALUES ('2021-06-15T10:00:00+00:00', 'M1', 'zaak', 'Z1', 'wijzigen', 'status', 'nieuw', 'gesloten', 'test')"
                .into(),
        )
        .await
        .expect("aanvullen mag");
        for sql in [
            "UPDATE toegangslog SET gebruiker = 'iemand anders'",
            "DELETE FROM toegangslog",
            "UPDATE wijzigingslog SET nieuw = 'nieuw'",
            "DELETE FROM wijzigingslog",
        ] {
            let fout = voer_uit(&db.url, sql.into()).await.expect_err(sql).to_string();
            assert!(fout.contains("kan alleen aangevuld worden"), "{sql}: {fout}");
        }
        if db.url.starts_with("postgres") {
            for tabel in ["toegangslog", "wijzigingslog"] {
                let fout = voer_uit(&db.url, format!("TRUNCATE {tabel}")).await.expect_err("TRUNCATE").to_string();
                assert!(fout.contains("kan alleen aangevuld worden"), "{fout}");
            }
        }
        assert_eq!(db.store.aantal("toegangslog").await.unwrap(), regels);
        assert_eq!(db.store.aantal("wijzigingslog").await.unwrap(), 1);
    }
}
