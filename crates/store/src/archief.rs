//! Destruction under the archive decision (migration 0018, docs/beheer.md "Bewaren en
//! vernietigen"): records deleted with their change-log rows, the destruction list, and the report
//! tables of the years made final (vastgesteld) before anything they count goes.
use crate::rij::Waarde;
use crate::{Result, Schrijver, Store, Transactie};
use chrono::{DateTime, Utc};
use leerspoor_domain::Datum;
use sqlx::Row;

/// Ids per statement: well under both backends' bind limits.
const PER_KEER: usize = 500;

/// One line of the destruction list: what kind, how many, which period, on what ground, who
/// approved. Counts and dates only, no personal data.
#[derive(Debug, Clone, PartialEq)]
pub struct Vernietiging {
    pub tijdstip: DateTime<Utc>,
    pub peildatum: Datum,
    /// The part of the dossier (`leerplicht`, `rmc`, `persoon`).
    pub deel: String,
    pub grondslag: String,
    /// Youths whose part was destroyed.
    pub dossiers: i64,
    pub records: i64,
    /// Records per table, e.g. "actie 40, zaak 12".
    pub tabellen: String,
    /// The earliest and the last date of the destroyed records.
    pub periode: Option<(Datum, Datum)>,
    /// The medewerker who approved the list.
    pub goedgekeurd_door: String,
    /// Who ran it (the operator's account).
    pub uitgevoerd_door: String,
    /// The kenmerk of the list that was approved.
    pub kenmerk: String,
}

/// A report table of a completed schooljaar, kept as JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct VastgesteldeTabel {
    pub tabel: String,
    pub inhoud: String,
    pub vastgesteld: DateTime<Utc>,
}

const KOLOMMEN: &str = "tijdstip, peildatum, deel, grondslag, dossiers, records, tabellen, periode_van, periode_tot, \
                        goedgekeurd_door, uitgevoerd_door, kenmerk";

impl Schrijver {
    /// Deletes the rows of `tabel` whose `kolom` is one of `waarden`, and the change-log rows with
    /// the keys `logsleutels` of that table: the change log keeps every old value, so a record
    /// destroyed must go from it too. The number of rows deleted.
    pub async fn vernietig(
        &mut self,
        tabel: &'static str,
        kolom: &'static str,
        waarden: &[String],
        logsleutels: &[String],
    ) -> Result<u64> {
        let mut n = 0;
        // A document refuses deletion but in a transaction marked as a destruction (migration 0019).
        let document = tabel == "document";
        if document {
            self.merk_vernietiging(true).await?;
        }
        for deel in waarden.chunks(PER_KEER) {
            if document {
                self.verwijder_in("DELETE FROM document_inhoud WHERE document IN ", deel, &[], "").await?;
            }
            n += self.verwijder_in(&format!("DELETE FROM {tabel} WHERE {kolom} IN "), deel, &[], "").await?;
        }
        if document {
            self.merk_vernietiging(false).await?;
        }
        let tabel = Waarde::Tekst(Some(tabel.to_string()));
        let sql = "DELETE FROM wijzigingslog WHERE tabel = $1 AND sleutel IN ";
        self.uit_wijzigingslog(sql, logsleutels, &[tabel], "").await?;
        Ok(n)
    }

    /// The change-log lines of records of these youths that were removed before (a withdrawal by
    /// DUO, a BRP request done): their lines of removal name the youth in the field `jongere`.
    pub async fn vernietig_geschiedenis(&mut self, jongeren: &[String]) -> Result<u64> {
        self.uit_wijzigingslog(
            "DELETE FROM wijzigingslog WHERE (tabel, sleutel) IN (SELECT tabel, sleutel FROM wijzigingslog \
             WHERE handeling = 'verwijderd' AND veld = 'jongere' AND oud IN ",
            jongeren,
            &[],
            ")",
        )
        .await
    }

    /// Deletes change-log lines: `sql`, a list of `waarden` and `sluit`, per part of the list. The
    /// change log refuses this unless the transaction marks itself a destruction, and then only
    /// for records that are gone (migration 0018); the mark goes before the commit, so no other
    /// transaction sees it.
    async fn uit_wijzigingslog(&mut self, sql: &str, waarden: &[String], voor: &[Waarde], sluit: &str) -> Result<u64> {
        if waarden.is_empty() {
            return Ok(0);
        }
        self.merk_vernietiging(true).await?;
        let mut n = 0;
        for deel in waarden.chunks(PER_KEER) {
            n += self.verwijder_in(sql, deel, voor, sluit).await?;
        }
        self.merk_vernietiging(false).await?;
        Ok(n)
    }

    /// Marks this transaction as a destruction, or removes the mark (always before the commit).
    async fn merk_vernietiging(&mut self, aan: bool) -> Result<()> {
        let merk = Waarde::Tekst(Some("vernietiging".to_string()));
        let sql = if aan {
            "INSERT INTO vernietiging_bezig (kenmerk) VALUES ($1)"
        } else {
            "DELETE FROM vernietiging_bezig WHERE kenmerk = $1"
        };
        self.voer_uit(sql, &[merk]).await?;
        Ok(())
    }

    /// `sql` followed by a list of binds for `waarden`, after the `voor` binds.
    async fn verwijder_in(&mut self, sql: &str, waarden: &[String], voor: &[Waarde], sluit: &str) -> Result<u64> {
        if waarden.is_empty() {
            return Ok(0);
        }
        let plekken: Vec<String> = (1..=waarden.len()).map(|i| format!("${}", i + voor.len())).collect();
        let sql = format!("{sql}({}){sluit}", plekken.join(", "));
        let binds: Vec<Waarde> =
            voor.iter().cloned().chain(waarden.iter().map(|w| Waarde::Tekst(Some(w.clone())))).collect();
        self.voer_uit(&sql, &binds).await
    }

    /// Adds a line to the destruction list, in the destruction's transaction.
    pub async fn vernietiging_vastleggen(&mut self, v: &Vernietiging) -> Result<()> {
        let sql =
            format!("INSERT INTO vernietiging ({KOLOMMEN}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)");
        macro_rules! invoegen {
            ($tx:expr) => {
                sqlx::query(crate::veilig(&sql))
                    .bind(v.tijdstip)
                    .bind(v.peildatum)
                    .bind(&v.deel)
                    .bind(&v.grondslag)
                    .bind(v.dossiers)
                    .bind(v.records)
                    .bind(&v.tabellen)
                    .bind(v.periode.map(|p| p.0))
                    .bind(v.periode.map(|p| p.1))
                    .bind(&v.goedgekeurd_door)
                    .bind(&v.uitgevoerd_door)
                    .bind(&v.kenmerk)
                    .execute(&mut **$tx)
                    .await?
                    .rows_affected()
            };
        }
        match &mut self.tx {
            Transactie::Sqlite(tx) => invoegen!(tx),
            Transactie::Postgres(tx) => invoegen!(tx),
        };
        Ok(())
    }
}

impl Store {
    /// The destruction list, oldest first.
    pub async fn vernietigingen(&self) -> Result<Vec<Vernietiging>> {
        let sql = format!("SELECT {KOLOMMEN} FROM vernietiging ORDER BY id");
        per_backend!(self, pool => {
            sqlx::query(crate::veilig(&sql))
                .fetch_all(pool)
                .await?
                .into_iter()
                .map(|r| {
                    let van: Option<Datum> = r.try_get(7)?;
                    let tot: Option<Datum> = r.try_get(8)?;
                    Ok(Vernietiging {
                        tijdstip: r.try_get(0)?,
                        peildatum: r.try_get(1)?,
                        deel: r.try_get(2)?,
                        grondslag: r.try_get(3)?,
                        dossiers: r.try_get(4)?,
                        records: r.try_get(5)?,
                        tabellen: r.try_get(6)?,
                        periode: van.zip(tot),
                        goedgekeurd_door: r.try_get(9)?,
                        uitgevoerd_door: r.try_get(10)?,
                        kenmerk: r.try_get(11)?,
                    })
                })
                .collect()
        })
    }

    /// The tables kept for a schooljaar (by the calendar year it begins in) and a scope; empty when
    /// the year is not vastgesteld.
    pub async fn vastgestelde_tabellen(&self, schooljaar: i32, scope: &str) -> Result<Vec<VastgesteldeTabel>> {
        per_backend!(self, pool => {
            sqlx::query("SELECT tabel, inhoud, vastgesteld FROM vastgestelde_tabel WHERE schooljaar = $1 AND scope = $2")
                .bind(i64::from(schooljaar))
                .bind(scope)
                .fetch_all(pool)
                .await?
                .into_iter()
                .map(|r| Ok(VastgesteldeTabel { tabel: r.try_get(0)?, inhoud: r.try_get(1)?, vastgesteld: r.try_get(2)? }))
                .collect()
        })
    }

    /// The schooljaren with tables kept.
    pub async fn vastgestelde_jaren(&self) -> Result<Vec<i32>> {
        per_backend!(self, pool => {
            let jaren: Vec<i64> = sqlx::query_scalar("SELECT DISTINCT schooljaar FROM vastgestelde_tabel ORDER BY 1")
                .fetch_all(pool)
                .await?;
            Ok(jaren.into_iter().filter_map(|j| i32::try_from(j).ok()).collect())
        })
    }

    /// Keeps a schooljaar's tables for a scope, all or none; a table kept before stays as it was.
    pub async fn stel_vast(&self, schooljaar: i32, scope: &str, tabellen: &[(String, String)]) -> Result<()> {
        let nu = Utc::now();
        per_backend!(self, pool => {
            let mut tx = pool.begin().await?;
            for (tabel, inhoud) in tabellen {
                sqlx::query(
                    "INSERT INTO vastgestelde_tabel (schooljaar, scope, tabel, inhoud, vastgesteld) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                )
                .bind(i64::from(schooljaar))
                .bind(scope)
                .bind(tabel)
                .bind(inhoud)
                .bind(nu)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }
}

impl Schrijver {
    /// PostgreSQL: one snapshot for the whole transaction, and a row changed by another
    /// transaction after it was read makes this one fail instead of overwriting the change. Must
    /// come first in the transaction. SQLite's writer holds the write lock from its start already.
    pub async fn herhaalbaar_lezen(&mut self) -> Result<()> {
        if let Transactie::Postgres(tx) = &mut self.tx {
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").execute(&mut **tx).await?;
        }
        Ok(())
    }
}
