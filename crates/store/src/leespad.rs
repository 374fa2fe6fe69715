//! The read path: records and selections from the committed state, written once for both
//! backends (SQLite reads go through [`crate::lezer`]), and the [`Lezer`] that services read through.
use crate::kring::Leden;
use crate::rij::{self, Rij, Type, Waarde};
use crate::{Result, Schrijver, Store, StoreFout, veilig};
use leerspoor_domain::Datum;
use sqlx::Row;

impl Store {
    /// Every row of a record type, ordered by key.
    pub async fn lees<R: Rij>(&self) -> Result<Vec<R>> {
        self.lees_sql::<R>("", &[]).await
    }

    /// The rows of a record type whose column `kolom` holds `waarde` (all zaken of one youth, the
    /// actions of one zaak), ordered by key.
    pub async fn lees_waar<R: Rij>(&self, kolom: &'static str, waarde: &str) -> Result<Vec<R>> {
        assert!(R::KOLOMMEN.iter().any(|k| k.naam == kolom), "{} heeft geen kolom {kolom}", R::TABEL);
        self.lees_sql::<R>(&format!("WHERE {kolom} = $1"), &[rij::tekst(waarde)]).await
    }

    /// The rows of a record type that match a condition (`WHERE …` with `$n` placeholders).
    pub async fn lees_met<R: Rij>(&self, waar: &'static str, binds: &[Waarde]) -> Result<Vec<R>> {
        self.lees_sql::<R>(waar, binds).await
    }

    /// The rows whose date column `kolom` lies from `van` up to and including `tot`, ordered by
    /// key: the years a report counts.
    ///
    /// SQLite takes a date's index for any range, knowing nothing of how many rows it holds, and
    /// then looks up each row and sorts them: for a report's window of years, most of the table,
    /// 3 s at national scale where one pass through the table in key order takes 1 s. So on
    /// SQLite the column is written `+kolom`, which keeps the index out. PostgreSQL's planner
    /// chooses from its statistics.
    pub async fn lees_tussen<R: Rij>(&self, kolom: &'static str, van: Datum, tot: Datum) -> Result<Vec<R>> {
        self.lees_sql::<R>(&self.tussen_sql::<R>(kolom), &[rij::datum(van), rij::datum(tot)]).await
    }

    /// `WHERE kolom >= $1 AND kolom <= $2`, on SQLite without the date's index ([`Store::lees_tussen`]).
    pub(crate) fn tussen_sql<R: Rij>(&self, kolom: &'static str) -> String {
        assert!(R::KOLOMMEN.iter().any(|k| k.naam == kolom), "{} heeft geen kolom {kolom}", R::TABEL);
        let k = match self {
            Store::Sqlite(..) => format!("+{kolom}"),
            Store::Postgres(_) => kolom.to_string(),
        };
        format!("WHERE {k} >= $1 AND {k} <= $2")
    }

    /// One record by its (single-column) key.
    pub async fn lees_een<R: Rij>(&self, sleutel: &str) -> Result<Option<R>> {
        Ok(self.lees_waar::<R>(R::KOLOMMEN[0].naam, sleutel).await?.pop())
    }

    pub(crate) async fn lees_sql<R: Rij>(&self, waar: &str, binds: &[Waarde]) -> Result<Vec<R>> {
        self.lees_sql_met::<R>(waar, binds, None).await
    }

    /// As [`Store::lees_sql`], with a kring's youths for `waar` to ask ([`crate::Kring::sql`]).
    pub(crate) async fn lees_sql_met<R: Rij>(
        &self,
        waar: &str,
        binds: &[Waarde],
        leden: Option<Leden>,
    ) -> Result<Vec<R>> {
        let kolommen: Vec<&str> = R::KOLOMMEN.iter().map(|k| k.naam).collect();
        let sleutel = kolommen[..R::SLEUTEL].join(", ");
        let sql = format!("SELECT {} FROM {} {waar} ORDER BY {sleutel}", kolommen.join(", "), R::TABEL);
        // Each row becomes its record as it is read: no list of rows beside the list of records.
        let per_rij = |uit: &mut Result<Vec<R>>, rij: Vec<Waarde>| {
            if let Ok(lijst) = uit {
                match uit_rij::<R>(rij) {
                    Ok(r) => lijst.push(r),
                    Err(e) => *uit = Err(e),
                }
            }
        };
        self.vouw(&sql, binds, &kolom_typen::<R>(), Ok(Vec::new()), leden, per_rij).await?
    }

    /// Runs a query written once for both backends (`$n` placeholders) and reads each row as
    /// values of the given types: for the selections that services and reports make.
    ///
    /// The SQL is `'static`: values are always bound, never spliced in.
    pub async fn vraag(&self, sql: &'static str, binds: &[Waarde], typen: &[Type]) -> Result<Vec<Vec<Waarde>>> {
        self.vouw(sql, binds, typen, Vec::new(), None, |v, r| v.push(r)).await
    }

    /// As [`Store::vraag`], but each row is folded into `acc` as it is read instead of kept: for
    /// selections of millions of rows that a report only counts. (PostgreSQL reads them at once.)
    pub async fn vraag_per_rij<A, F>(
        &self,
        sql: &'static str,
        binds: &[Waarde],
        typen: &[Type],
        acc: A,
        per_rij: F,
    ) -> Result<A>
    where
        A: Send + 'static,
        F: FnMut(&mut A, Vec<Waarde>) + Send + 'static,
    {
        self.vouw(sql, binds, typen, acc, None, per_rij).await
    }

    /// The one read path outside a transaction: rusqlite on SQLite, sqlx otherwise. Only
    /// rusqlite's connections know a kring's youths ([`crate::Store::met_leden`]).
    async fn vouw<A, F>(
        &self,
        sql: &str,
        binds: &[Waarde],
        typen: &[Type],
        mut acc: A,
        leden: Option<Leden>,
        mut per_rij: F,
    ) -> Result<A>
    where
        A: Send + 'static,
        F: FnMut(&mut A, Vec<Waarde>) + Send + 'static,
    {
        if let Store::Sqlite(_, Some(lezers)) = self {
            return lezers.vraag(sql, binds, typen, acc, leden, per_rij).await;
        }
        assert!(leden.is_none(), "de jongeren van een kring zijn alleen bekend op de leesverbindingen van SQLite");
        for r in per_backend!(self, pool => vraag_op!(pool, sql, binds, typen)) {
            per_rij(&mut acc, r);
        }
        Ok(acc)
    }

    /// Number of rows in a table (for summaries and tests).
    pub async fn aantal(&self, tabel: &str) -> Result<i64> {
        assert!(tabel.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "tabelnaam: {tabel}");
        let sql = format!("SELECT COUNT(*) FROM {tabel}");
        per_backend!(self, pool => Ok(sqlx::query(veilig(&sql)).fetch_one(pool).await?.try_get(0)?))
    }

    /// The tables and their columns as the database sees them, to compare the two backends.
    pub async fn schema(&self) -> Result<Vec<(String, Vec<String>)>> {
        let tabellen: Vec<String> = match self {
            Store::Sqlite(pool, _) => sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name",
            )
            .fetch_all(pool)
            .await?,
            Store::Postgres(pool) => sqlx::query_scalar(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() \
                 AND table_name NOT LIKE '_sqlx%' ORDER BY table_name",
            )
            .fetch_all(pool)
            .await?,
        };
        let mut uit = Vec::new();
        for t in tabellen {
            let kolommen: Vec<String> = match self {
                Store::Sqlite(pool, _) => {
                    sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
                        .bind(&t)
                        .fetch_all(pool)
                        .await?
                }
                Store::Postgres(pool) => sqlx::query_scalar(
                    "SELECT column_name::text FROM information_schema.columns WHERE table_schema = current_schema() \
                     AND table_name = $1 ORDER BY ordinal_position",
                )
                .bind(&t)
                .fetch_all(pool)
                .await?,
            };
            uit.push((t, kolommen));
        }
        Ok(uit)
    }
}

/// Reading records by a column, from the committed state ([`Store`]) or from inside an open write
/// ([`Schrijver`], which sees its own changes): a service that decides from what it reads can then
/// run on its own or as one step of a larger all-or-nothing write (a delivery of many meldingen).
pub trait Lezer: Send {
    fn lees_waar<R: Rij>(
        &mut self,
        kolom: &'static str,
        waarde: &str,
    ) -> impl std::future::Future<Output = Result<Vec<R>>> + Send;
}

impl Lezer for &Store {
    async fn lees_waar<R: Rij>(&mut self, kolom: &'static str, waarde: &str) -> Result<Vec<R>> {
        Store::lees_waar(self, kolom, waarde).await
    }
}

impl Lezer for Schrijver {
    async fn lees_waar<R: Rij>(&mut self, kolom: &'static str, waarde: &str) -> Result<Vec<R>> {
        Schrijver::lees_waar(self, kolom, waarde).await
    }
}

impl<L: Lezer> Lezer for &mut L {
    async fn lees_waar<R: Rij>(&mut self, kolom: &'static str, waarde: &str) -> Result<Vec<R>> {
        L::lees_waar(self, kolom, waarde).await
    }
}

pub(crate) fn uit_rij<R: Rij>(w: Vec<Waarde>) -> Result<R> {
    R::uit_waarden(w).map_err(|f| StoreFout::Inhoud {
        tabel: R::TABEL,
        melding: f.into_iter().map(|f| f.melding).collect::<Vec<_>>().join("; "),
    })
}

pub(crate) fn kolom_typen<R: Rij>() -> Vec<Type> {
    R::KOLOMMEN.iter().map(|k| k.ty).collect()
}
