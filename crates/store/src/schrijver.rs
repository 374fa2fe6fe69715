//! All-or-nothing writes: an import's tables, a service's changes, each field change in the change
//! log and the run in the access log, committed together or not at all.
use crate::leespad::{kolom_typen, uit_rij};
use crate::logboek::{IMPORTRUN_SQL, Logregel, log_toegang};
use crate::rij::{self, Rij, Type, Waarde};
use crate::{Result, Store, StoreFout, bulk, toegang, veilig};
use chrono::{DateTime, Utc};
use leerspoor_domain::Datum;
use sqlx::Row;

/// Writes one table's changes inside an open transaction (a macro: once per backend).
macro_rules! schrijf_tabel {
    ($tx:expr, $tabel:expr, $bulk:expr, $nu:expr, $gebruiker:expr, $bron:expr, $reden:expr, $voortgang:expr) => {{
        let tabel = $tabel;
        let geanalyseerd = $bulk(&mut **$tx, tabel, &mut $voortgang).await?;
        for kolom in tabel.uniek {
            let parkeer = format!("UPDATE {} SET {kolom} = $1 WHERE {} = $2", tabel.tabel, tabel.kolommen[0].naam);
            for rij in tabel.gewijzigd.iter().filter(|r| r.velden.iter().any(|(v, _, _)| v == kolom)) {
                sqlx::query(veilig(&parkeer))
                    .bind(format!("~{}", rij.sleutel))
                    .bind(&rij.sleutel)
                    .execute(&mut **$tx)
                    .await?;
            }
        }
        let update = update_statement(tabel);
        for rij in &tabel.gewijzigd {
            let mut q = sqlx::query(veilig(&update));
            for v in rij.waarden[tabel.sleutel..].iter().chain(&rij.waarden[..tabel.sleutel]) {
                q = bind_waarde!(q, v);
            }
            q.execute(&mut **$tx).await?;
            for (veld, oud, nieuw) in &rij.velden {
                sqlx::query(WIJZIGINGSLOG_GEWIJZIGD)
                    .bind($nu)
                    .bind($gebruiker)
                    .bind(tabel.tabel)
                    .bind(&rij.sleutel)
                    .bind(*veld)
                    .bind(oud)
                    .bind(nieuw)
                    .bind($bron)
                    .bind($reden)
                    .execute(&mut **$tx)
                    .await?;
            }
            $voortgang(1);
        }
        geanalyseerd
    }};
}

/// One changed field of a written row in the change log.
pub(crate) const WIJZIGINGSLOG_GEWIJZIGD: &str = "INSERT INTO wijzigingslog \
     (tijdstip, gebruiker, tabel, sleutel, handeling, veld, oud, nieuw, bron, reden) \
     VALUES ($1, $2, $3, $4, 'gewijzigd', $5, $6, $7, $8, $9)";

/// Rows to write to one table: new ones, and existing ones whose fields changed.
#[derive(Debug, Clone)]
pub struct TabelWijziging {
    pub tabel: &'static str,
    pub kolommen: &'static [rij::Kolom],
    pub sleutel: usize,
    /// Unique text columns: a changed value is first parked on a unique placeholder, so that two
    /// records may swap values (two youths' BSNs corrected) without a conflict halfway.
    pub uniek: &'static [&'static str],
    pub nieuw: Vec<Vec<Waarde>>,
    pub gewijzigd: Vec<GewijzigdeRij>,
}

#[derive(Debug, Clone)]
pub struct GewijzigdeRij {
    pub waarden: Vec<Waarde>,
    /// The key as text, for the change log.
    pub sleutel: String,
    /// (column, old, new) as they read in the bundle.
    pub velden: Vec<(&'static str, String, String)>,
}

impl Store {
    /// Starts one all-or-nothing write (an import): tables are written one by one into a single
    /// transaction, which [`Schrijver::klaar`] commits together with the import run and the access log.
    pub async fn schrijver(&self, gebruiker: &str, bron: &str) -> Result<Schrijver> {
        // SQLite: take the write lock at the start, so that what a service checks inside the
        // transaction is what it writes against (a deferred one would read an older snapshot).
        let tx = match self {
            Store::Sqlite(pool, _) => Transactie::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Store::Postgres(pool) => Transactie::Postgres(pool.begin().await?),
        };
        Ok(Schrijver {
            tx,
            nu: Utc::now(),
            gebruiker: gebruiker.to_string(),
            bron: bron.to_string(),
            reden: None,
            nieuw: 0,
            gewijzigd: 0,
            geschreven: Vec::new(),
            geanalyseerd: Vec::new(),
        })
    }
}

fn sleuteltekst<R: Rij>(waarden: &[Waarde]) -> String {
    R::sleutel(waarden).iter().map(Waarde::als_tekst).collect::<Vec<_>>().join("/")
}

impl TabelWijziging {
    /// No rows yet, for record type `R`.
    pub fn leeg<R: Rij>() -> TabelWijziging {
        TabelWijziging {
            tabel: R::TABEL,
            kolommen: R::KOLOMMEN,
            sleutel: R::SLEUTEL,
            uniek: R::UNIEK,
            nieuw: Vec::new(),
            gewijzigd: Vec::new(),
        }
    }
}

pub(crate) enum Transactie {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// An open all-or-nothing write; dropped without [`Schrijver::klaar`], everything is rolled back.
pub struct Schrijver {
    pub(crate) tx: Transactie,
    nu: DateTime<Utc>,
    gebruiker: String,
    bron: String,
    /// Why, on every change-log row of this write (a correction's ground and explanation).
    reden: Option<String>,
    nieuw: u64,
    gewijzigd: u64,
    /// The tables [`Schrijver::tabel`] wrote to, with their number of new and changed rows.
    geschreven: Vec<(&'static str, u64)>,
    /// The tables whose planner statistics a large load already made (PostgreSQL, `bulk`).
    geanalyseerd: Vec<String>,
}

impl Schrijver {
    /// Gives every change-log row of this write its reason (AVG art. 16: a correction says why).
    pub fn met_reden(mut self, reden: impl Into<String>) -> Schrijver {
        self.reden = Some(reden.into());
        self
    }

    /// Inserts the new rows and updates the changed ones (with one change-log row per field).
    pub async fn tabel(&mut self, tabel: &TabelWijziging, mut voortgang: impl FnMut(u64)) -> Result<()> {
        let (nu, gebruiker, bron, reden) = (self.nu, &self.gebruiker, &self.bron, &self.reden);
        let geanalyseerd = match &mut self.tx {
            Transactie::Sqlite(tx) => schrijf_tabel!(tx, tabel, bulk::sqlite, nu, gebruiker, bron, reden, voortgang),
            Transactie::Postgres(tx) => {
                schrijf_tabel!(tx, tabel, bulk::postgres, nu, gebruiker, bron, reden, voortgang)
            }
        };
        self.nieuw += tabel.nieuw.len() as u64;
        self.gewijzigd += tabel.gewijzigd.len() as u64;
        let rijen = (tabel.nieuw.len() + tabel.gewijzigd.len()) as u64;
        if rijen > 0 {
            self.geschreven.push((tabel.tabel, rijen));
        }
        self.geanalyseerd.extend(geanalyseerd);
        Ok(())
    }

    /// Adds one new record, with a line in the change log. A record someone else added meanwhile
    /// (same key or unique value) is [`StoreFout::Gelijktijdig`].
    pub async fn nieuw<R: Rij>(&mut self, r: &R) -> Result<()> {
        let waarden = r.waarden();
        let sleutel = sleuteltekst::<R>(&waarden);
        match self.tabel(&TabelWijziging { nieuw: vec![waarden], ..TabelWijziging::leeg::<R>() }, |_| {}).await {
            Err(StoreFout::Sql(sqlx::Error::Database(e))) if e.is_unique_violation() => {
                return Err(StoreFout::Gelijktijdig { tabel: R::TABEL, sleutel });
            }
            anders => anders?,
        }
        self.log_wijziging(R::TABEL, &sleutel, None).await
    }

    /// Writes the changed fields of a record, each with its old and new value in the change log; an
    /// unchanged record writes nothing. Only if the stored fields still hold the old values: a
    /// change someone else made meanwhile is never overwritten ([`StoreFout::Gelijktijdig`]).
    pub async fn wijzig<R: Rij>(&mut self, oud: &R, nieuw: &R) -> Result<()> {
        let (o, n) = (oud.waarden(), nieuw.waarden());
        assert_eq!(R::sleutel(&o), R::sleutel(&n), "{}: de sleutel van een record verandert niet", R::TABEL);
        let gewijzigd: Vec<usize> = (0..o.len()).filter(|i| o[*i] != n[*i]).collect();
        if gewijzigd.is_empty() {
            return Ok(());
        }
        let mut binds: Vec<Waarde> = Vec::new();
        let plaats = |w: &Waarde, binds: &mut Vec<Waarde>| {
            binds.push(w.clone());
            format!("${}", binds.len())
        };
        let set: Vec<String> =
            gewijzigd.iter().map(|i| format!("{} = {}", R::KOLOMMEN[*i].naam, plaats(&n[*i], &mut binds))).collect();
        let mut waar: Vec<String> =
            (0..R::SLEUTEL).map(|i| format!("{} = {}", R::KOLOMMEN[i].naam, plaats(&o[i], &mut binds))).collect();
        for i in &gewijzigd {
            let kolom = R::KOLOMMEN[*i].naam;
            waar.push(if o[*i].is_leeg() {
                format!("{kolom} IS NULL")
            } else {
                format!("{kolom} = {}", plaats(&o[*i], &mut binds))
            });
        }
        let sql = format!("UPDATE {} SET {} WHERE {}", R::TABEL, set.join(", "), waar.join(" AND "));
        let sleutel = sleuteltekst::<R>(&n);
        // A unique value (a corrected BSN) that another write took meanwhile is a conflict too.
        let geraakt = match self.voer_uit(&sql, &binds).await {
            Err(StoreFout::Sql(sqlx::Error::Database(e))) if e.is_unique_violation() => 0,
            anders => anders?,
        };
        if geraakt != 1 {
            return Err(StoreFout::Gelijktijdig { tabel: R::TABEL, sleutel });
        }
        for i in gewijzigd {
            let veld = (R::KOLOMMEN[i].naam, o[i].als_tekst(), n[i].als_tekst());
            self.log_wijziging(R::TABEL, &sleutel, Some(veld)).await?;
        }
        self.gewijzigd += 1;
        Ok(())
    }

    /// Waits until no other writer holds `sleutel` (a youth's id), up to the end of this
    /// transaction: two services checking the same youth's open zaken then take turns. SQLite's
    /// writers already take turns (`BEGIN IMMEDIATE`).
    pub async fn vergrendel(&mut self, sleutel: &str) -> Result<()> {
        if let Transactie::Postgres(tx) = &mut self.tx {
            sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))").bind(sleutel).execute(&mut **tx).await?;
        }
        Ok(())
    }

    /// Reads inside the transaction (after [`Schrijver::vergrendel`]): what is there now.
    pub async fn lees_waar<R: Rij>(&mut self, kolom: &'static str, waarde: &str) -> Result<Vec<R>> {
        assert!(R::KOLOMMEN.iter().any(|k| k.naam == kolom), "{} heeft geen kolom {kolom}", R::TABEL);
        self.lees_sql(&format!("WHERE {kolom} = $1"), &[rij::tekst(waarde)]).await
    }

    /// Every row of a record type, read inside the transaction.
    pub async fn lees<R: Rij>(&mut self) -> Result<Vec<R>> {
        self.lees_sql("", &[]).await
    }

    /// The rows whose column `kolom` holds one of `waarden`, read inside the transaction: one query
    /// per thousand values instead of one per value (a delivery's youths by BSN).
    pub async fn lees_in<R: Rij>(&mut self, kolom: &'static str, waarden: &[String]) -> Result<Vec<R>> {
        assert!(R::KOLOMMEN.iter().any(|k| k.naam == kolom), "{} heeft geen kolom {kolom}", R::TABEL);
        let mut uit = Vec::with_capacity(waarden.len());
        for deel in waarden.chunks(1000) {
            let plaatsen: Vec<String> = (1..=deel.len()).map(|i| format!("${i}")).collect();
            let binds: Vec<Waarde> = deel.iter().map(|w| rij::tekst(w)).collect();
            uit.extend(self.lees_sql::<R>(&format!("WHERE {kolom} IN ({})", plaatsen.join(", ")), &binds).await?);
        }
        Ok(uit)
    }

    async fn lees_sql<R: Rij>(&mut self, waar: &str, binds: &[Waarde]) -> Result<Vec<R>> {
        let kolommen: Vec<&str> = R::KOLOMMEN.iter().map(|k| k.naam).collect();
        let sql = format!("SELECT {} FROM {} {waar}", kolommen.join(", "), R::TABEL);
        let rijen = self.vraag_sql(&sql, binds, &kolom_typen::<R>()).await?;
        rijen.into_iter().map(uit_rij::<R>).collect()
    }

    /// [`Store::vraag`] inside the transaction: a selection a service decides from as it writes.
    pub async fn vraag(&mut self, sql: &'static str, binds: &[Waarde], typen: &[Type]) -> Result<Vec<Vec<Waarde>>> {
        self.vraag_sql(sql, binds, typen).await
    }

    async fn vraag_sql(&mut self, sql: &str, binds: &[Waarde], typen: &[Type]) -> Result<Vec<Vec<Waarde>>> {
        Ok(match &mut self.tx {
            Transactie::Sqlite(tx) => vraag_op!(&mut **tx, sql, binds, typen),
            Transactie::Postgres(tx) => vraag_op!(&mut **tx, sql, binds, typen),
        })
    }

    /// Removes a record that a source withdrew (DUO removing an enrolment it registered in error),
    /// only if it still holds the values read; the change log keeps every field's last value, so
    /// nothing is lost. A record changed or removed meanwhile is [`StoreFout::Gelijktijdig`].
    pub async fn verwijder<R: Rij>(&mut self, oud: &R) -> Result<()> {
        let o = oud.waarden();
        let mut binds = Vec::new();
        let waar: Vec<String> = (0..o.len())
            .map(|i| {
                let kolom = R::KOLOMMEN[i].naam;
                if o[i].is_leeg() {
                    format!("{kolom} IS NULL")
                } else {
                    binds.push(o[i].clone());
                    format!("{kolom} = ${}", binds.len())
                }
            })
            .collect();
        let sql = format!("DELETE FROM {} WHERE {}", R::TABEL, waar.join(" AND "));
        let sleutel = sleuteltekst::<R>(&o);
        if self.voer_uit(&sql, &binds).await? != 1 {
            return Err(StoreFout::Gelijktijdig { tabel: R::TABEL, sleutel });
        }
        for (i, w) in o.iter().enumerate().filter(|(_, w)| !w.is_leeg()) {
            self.log_regel(R::TABEL, &sleutel, "verwijderd", Some(R::KOLOMMEN[i].naam), Some(w.als_tekst()), None)
                .await?;
        }
        self.gewijzigd += 1;
        Ok(())
    }

    /// One line of the change log: a new record (`veld` None) or one changed field with old and new value.
    async fn log_wijziging(&mut self, tabel: &str, sleutel: &str, veld: Option<(&str, String, String)>) -> Result<()> {
        let (handeling, veld, oud, nieuw) = match veld {
            Some((v, o, n)) => ("gewijzigd", Some(v), Some(o), Some(n)),
            None => ("nieuw", None, None, None),
        };
        self.log_regel(tabel, sleutel, handeling, veld, oud, nieuw).await
    }

    async fn log_regel(
        &mut self,
        tabel: &str,
        sleutel: &str,
        handeling: &str,
        veld: Option<&str>,
        oud: Option<String>,
        nieuw: Option<String>,
    ) -> Result<()> {
        macro_rules! loggen {
            ($tx:expr) => {
                sqlx::query(
                    "INSERT INTO wijzigingslog (tijdstip, gebruiker, tabel, sleutel, handeling, veld, oud, nieuw, bron, reden) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(self.nu)
                .bind(&self.gebruiker)
                .bind(tabel)
                .bind(sleutel)
                .bind(handeling)
                .bind(veld)
                .bind(&oud)
                .bind(&nieuw)
                .bind(&self.bron)
                .bind(&self.reden)
                .execute(&mut **$tx)
                .await?
                .rows_affected()
            };
        }
        match &mut self.tx {
            Transactie::Sqlite(tx) => loggen!(tx),
            Transactie::Postgres(tx) => loggen!(tx),
        };
        Ok(())
    }

    /// Runs one statement in the transaction; the number of rows it touched.
    pub(crate) async fn voer_uit(&mut self, sql: &str, binds: &[Waarde]) -> Result<u64> {
        macro_rules! uitvoeren {
            ($tx:expr) => {{
                let mut q = sqlx::query(veilig(sql));
                for w in binds {
                    q = bind_waarde!(q, w);
                }
                q.execute(&mut **$tx).await?.rows_affected()
            }};
        }
        Ok(match &mut self.tx {
            Transactie::Sqlite(tx) => uitvoeren!(tx),
            Transactie::Postgres(tx) => uitvoeren!(tx),
        })
    }

    /// Commits a change made by a person through a service (no import run), with a line in the
    /// access log.
    pub async fn vastleggen(self, handeling: &str, object: &str) -> Result<()> {
        let Schrijver { tx, nu, gebruiker, .. } = self;
        let herkomst = toegang::Herkomst::default();
        let regel = Logregel {
            gebruiker: &gebruiker,
            handeling,
            object,
            resultaat: "gelukt",
            reden: None,
            herkomst: &herkomst,
        };
        match tx {
            Transactie::Sqlite(mut tx) => {
                log_toegang(&mut *tx, nu, &regel).await?;
                tx.commit().await?;
            }
            Transactie::Postgres(mut tx) => {
                log_toegang(&mut *tx, nu, &regel).await?;
                tx.commit().await?;
            }
        }
        Ok(())
    }

    /// Records the import run and commits.
    pub async fn klaar(self, ongewijzigd: u64) -> Result<()> {
        let Schrijver { tx, nu, gebruiker, bron, nieuw, gewijzigd, geschreven, geanalyseerd, .. } = self;
        let herkomst = toegang::Herkomst::default();
        let regel = Logregel {
            gebruiker: &gebruiker,
            handeling: "import",
            object: &bron,
            resultaat: "gelukt",
            reden: None,
            herkomst: &herkomst,
        };
        macro_rules! afronden {
            ($tx:expr) => {{
                let mut tx = $tx;
                sqlx::query(IMPORTRUN_SQL)
                    .bind(nu)
                    .bind(&bron)
                    .bind(&gebruiker)
                    .bind(nieuw as i64)
                    .bind(gewijzigd as i64)
                    .bind(ongewijzigd as i64)
                    .execute(&mut *tx)
                    .await?;
                log_toegang(&mut *tx, nu, &regel).await?;
                tx.commit().await?;
            }};
        }
        match tx {
            Transactie::Sqlite(tx) => afronden!(tx),
            Transactie::Postgres(mut tx) => {
                planner_statistiek(&mut tx, &geschreven, &geanalyseerd).await?;
                afronden!(tx)
            }
        }
        Ok(())
    }
}

/// PostgreSQL plans from statistics that autovacuum gathers some time after a bulk write: right
/// after importing a region, a report ran 50 s instead of 0,5 s. So an import analyzes the tables
/// it changed by as much as autovacuum waits for (50 rows + 10 % of the table), inside its own
/// transaction (which counts its own new rows), before the first query needs them; not again those
/// a large load analyzed when it was complete (`geanalyseerd`).
async fn planner_statistiek(
    tx: &mut sqlx::PgConnection,
    geschreven: &[(&'static str, u64)],
    geanalyseerd: &[String],
) -> Result<()> {
    for &(tabel, rijen) in geschreven.iter().filter(|(tabel, _)| !geanalyseerd.iter().any(|g| g == tabel)) {
        let (rijen_er_al,): (f32,) = sqlx::query_as("SELECT reltuples FROM pg_class WHERE oid = to_regclass($1)")
            .bind(tabel)
            .fetch_one(&mut *tx)
            .await?;
        // -1: never analyzed.
        if rijen_er_al < 0.0 || rijen as f32 >= 50.0 + 0.1 * rijen_er_al {
            sqlx::query(veilig(&format!("ANALYZE {tabel}"))).execute(&mut *tx).await?;
        }
    }
    Ok(())
}

/// `UPDATE … SET non-key columns … WHERE key columns …`; binds: non-key values, then key values.
pub(crate) fn update_statement(t: &TabelWijziging) -> String {
    let (sleutel, rest) = t.kolommen.split_at(t.sleutel);
    let set: Vec<String> = rest.iter().enumerate().map(|(i, k)| format!("{} = ${}", k.naam, i + 1)).collect();
    let waar: Vec<String> =
        sleutel.iter().enumerate().map(|(i, k)| format!("{} = ${}", k.naam, rest.len() + i + 1)).collect();
    format!("UPDATE {} SET {} WHERE {}", t.tabel, set.join(", "), waar.join(" AND "))
}
