//! The youths a report for part of the region asks about: whoever ever lived in one of its
//! gemeenten. A gemeente's report counts youths by where they lived on a peildatum, so a youth who
//! never lived there never counts, and reading only the others keeps a gemeente's report from
//! reading the country (through the index `woonadres_gemeente`). Its regional comparison counts
//! the region's verzuimers: the youths with a verzuimmelding in a period, a kring of its own.
use crate::rij::{self, Rij, Waarde};
use crate::{Result, Store, StoreFout};
use leerspoor_domain::{Datum, Gemeentecode};

/// The youths who ever had an address in one of these gemeenten, or who have a verzuimmelding
/// dated in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kring {
    wie: Wie,
    /// The addresses in its gemeenten and in the register, once counted ([`Store::meet`]).
    omvang: Option<(u64, u64)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Wie {
    Bewoners(Vec<Gemeentecode>),
    Gemeld { van: Datum, tot: Datum },
}

impl Kring {
    pub fn van(gemeenten: impl IntoIterator<Item = Gemeentecode>) -> Kring {
        let mut gemeenten: Vec<Gemeentecode> = gemeenten.into_iter().collect();
        gemeenten.sort();
        gemeenten.dedup();
        Kring { wie: Wie::Bewoners(gemeenten), omvang: None }
    }

    /// The youths with a verzuimmelding dated from `van` up to and including `tot`, wherever they live.
    pub fn gemeld(van: Datum, tot: Datum) -> Kring {
        Kring { wie: Wie::Gemeld { van, tot }, omvang: None }
    }

    /// Everyone in `ander` is in this one too (as far as can be told without reading: a kring of
    /// gemeenten holds a kring of some of them).
    pub fn omvat(&self, ander: &Kring) -> bool {
        match (&self.wie, &ander.wie) {
            (Wie::Bewoners(eigen), Wie::Bewoners(andere)) => andere.iter().all(|g| eigen.binary_search(g).is_ok()),
            (a, b) => a == b,
        }
    }

    /// The share of the register's addresses that lie in its gemeenten (0 to 1), once counted
    /// ([`Store::meet`]; a kring of melded youths, or one not counted, is taken as small).
    pub fn aandeel(&self) -> f64 {
        match self.omvang {
            Some((_, 0)) => 1.0,
            Some((eigen, alle)) => (eigen as f64 / alle as f64).min(1.0),
            None => 0.0,
        }
    }

    /// `kolom IN (…)`: the youths of the kring. Codes and dates are written into the SQL, not
    /// bound: PostgreSQL's COPY takes no parameters. A code is `GM` and four digits (checked again
    /// here, by the domain's own parse), a date is written by the program as `JJJJ-MM-DD`, so
    /// nothing else can reach the SQL this way.
    ///
    /// With `Vorm::Bestaat` a kring of gemeenten is asked per row of `tabel` instead: whether that
    /// row's youth has an address there (`woonadres_gemeente`). SQLite runs `IN` as a look-up in
    /// `tabel` for every address of the kring, and `EXISTS` as a look-up in the addresses for every
    /// row of `tabel` that passes the other conditions: the second is faster for a table with
    /// fewer rows than the kring has addresses (a gemeente of 295.000 addresses: its thuiszitters
    /// 23 ms instead of 99 ms; its 7 million enrolments the other way round, 0,39 s against 6,8 s).
    pub(crate) fn sql(&self, tabel: &str, kolom: &str, vorm: Vorm) -> Result<String> {
        Ok(match &self.wie {
            Wie::Bewoners(gemeenten) if vorm == Vorm::Bestaat => format!(
                "EXISTS (SELECT 1 FROM woonadres kring WHERE kring.jongere = {tabel}.{kolom} AND kring.{})",
                sql_gemeente(gemeenten)?
            ),
            Wie::Bewoners(gemeenten) => {
                format!("{kolom} IN (SELECT jongere FROM woonadres WHERE {})", sql_gemeente(gemeenten)?)
            }
            Wie::Gemeld { van, tot } => format!(
                "{kolom} IN (SELECT jongere FROM verzuimmelding WHERE meldingsdatum >= '{}' AND meldingsdatum <= '{}')",
                van.format("%Y-%m-%d"),
                tot.format("%Y-%m-%d")
            ),
        })
    }
}

/// `gemeente IN ('GM…', …)`, or `FALSE` for no gemeenten.
fn sql_gemeente(gemeenten: &[Gemeentecode]) -> Result<String> {
    let mut codes = Vec::with_capacity(gemeenten.len());
    for g in gemeenten {
        let c = g.as_str();
        if Gemeentecode::parse(c).as_ref() != Ok(g) {
            return Err(StoreFout::Lezen(format!("'{c}' is geen gemeentecode")));
        }
        codes.push(format!("'{c}'"));
    }
    if codes.is_empty() {
        return Ok("FALSE".to_string());
    }
    Ok(format!("gemeente IN ({})", codes.join(", ")))
}

/// How a select is narrowed to a kring's youths (see [`Kring::sql`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Vorm {
    In,
    Bestaat,
}

/// `waar` (empty, or `WHERE …`) on `tabel` narrowed to the youths of the kring, if any.
pub(crate) fn binnen(waar: &str, kring: Option<&Kring>, tabel: &str, kolom: &str, vorm: Vorm) -> Result<String> {
    let Some(k) = kring else { return Ok(waar.to_string()) };
    let eigen = k.sql(tabel, kolom, vorm)?;
    Ok(match waar.trim().strip_prefix("WHERE ") {
        Some(voorwaarde) => format!("WHERE ({voorwaarde}) AND {eigen}"),
        None if waar.trim().is_empty() => format!("WHERE {eigen}"),
        None => panic!("voorwaarde zonder WHERE: {waar}"),
    })
}

impl Store {
    /// The kring with its addresses and the register's counted ([`Kring::aandeel`]): a kring of
    /// most of the register is read faster whole (a pass through each table) than youth by youth.
    /// The whole is SQLite's highest rowid and PostgreSQL's estimate from its statistics.
    pub async fn meet(&self, mut kring: Kring) -> Result<Kring> {
        let Wie::Bewoners(gemeenten) = &kring.wie else { return Ok(kring) };
        let eigen = format!("SELECT count(*) FROM woonadres WHERE {}", sql_gemeente(gemeenten)?);
        let eigen: i64 = per_backend!(self, pool => sqlx::query_scalar(crate::veilig(&eigen)).fetch_one(pool).await?);
        let eigen = u64::try_from(eigen).unwrap_or(0);
        // PostgreSQL's estimate of the whole may lag behind the count of a part.
        kring.omvang = Some((eigen, self.rijen_ongeveer("woonadres").await?.max(eigen)));
        Ok(kring)
    }

    /// About the number of rows in `tabel` (a name of the schema): SQLite's highest rowid,
    /// PostgreSQL's estimate from its statistics.
    async fn rijen_ongeveer(&self, tabel: &str) -> Result<u64> {
        let n = match self {
            Store::Sqlite(pool, _) => {
                sqlx::query_scalar::<_, Option<i64>>(crate::veilig(&format!("SELECT max(rowid) FROM {tabel}")))
                    .fetch_one(pool)
                    .await?
                    .unwrap_or(0) as f64
            }
            Store::Postgres(pool) => f64::from(
                sqlx::query_scalar::<_, f32>("SELECT reltuples FROM pg_class WHERE oid = to_regclass($1)")
                    .bind(tabel)
                    .fetch_one(pool)
                    .await?,
            ),
        };
        Ok(n.max(0.0) as u64)
    }

    /// How to narrow a select of `tabel` to the kring on this database: on SQLite per row of a
    /// table with fewer rows than the kring has addresses ([`Kring::sql`]); PostgreSQL's planner
    /// chooses between the two itself.
    async fn vorm(&self, kring: Option<&Kring>, tabel: &str) -> Result<Vorm> {
        let Some(Kring { wie: Wie::Bewoners(_), omvang: Some((adressen, _)) }) = kring else { return Ok(Vorm::In) };
        Ok(match self {
            Store::Sqlite(..) if self.rijen_ongeveer(tabel).await? < *adressen => Vorm::Bestaat,
            _ => Vorm::In,
        })
    }

    /// As [`Store::lees_met`], of the youths of `kring` only (all, without one).
    pub async fn lees_in<R: Rij>(&self, kring: Option<&Kring>, waar: &'static str, binds: &[Waarde]) -> Result<Vec<R>> {
        assert!(R::KOLOMMEN.iter().any(|k| k.naam == "jongere"), "{} heeft geen kolom jongere", R::TABEL);
        let vorm = self.vorm(kring, R::TABEL).await?;
        self.lees_sql::<R>(&binnen(waar, kring, R::TABEL, "jongere", vorm)?, binds).await
    }

    /// As [`Store::lees_tussen`], of the youths of `kring` only (all, without one).
    pub async fn lees_tussen_in<R: Rij>(
        &self,
        kring: Option<&Kring>,
        kolom: &'static str,
        van: Datum,
        tot: Datum,
    ) -> Result<Vec<R>> {
        assert!(R::KOLOMMEN.iter().any(|k| k.naam == "jongere"), "{} heeft geen kolom jongere", R::TABEL);
        let waar = self.tussen_sql::<R>(kolom);
        let vorm = self.vorm(kring, R::TABEL).await?;
        self.lees_sql::<R>(&binnen(&waar, kring, R::TABEL, "jongere", vorm)?, &[rij::datum(van), rij::datum(tot)]).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kring(codes: &[&str]) -> Kring {
        Kring::van(codes.iter().map(|c| Gemeentecode::parse(c).unwrap()))
    }

    #[test]
    fn a_condition_is_narrowed_to_the_youths_of_the_gemeenten() {
        let k = kring(&["GM9904", "GM9902"]);
        assert_eq!(
            binnen("WHERE a = $1 OR b = $2", Some(&k), "actie", "jongere", Vorm::In).unwrap(),
            "WHERE (a = $1 OR b = $2) AND jongere IN (SELECT jongere FROM woonadres WHERE gemeente IN ('GM9902', 'GM9904'))"
        );
        assert_eq!(
            binnen("", Some(&k), "jongere", "id", Vorm::In).unwrap(),
            "WHERE id IN (SELECT jongere FROM woonadres WHERE gemeente IN ('GM9902', 'GM9904'))"
        );
        assert_eq!(binnen("WHERE a = $1", None, "actie", "jongere", Vorm::In).unwrap(), "WHERE a = $1");
        assert_eq!(
            binnen("WHERE a = $1", Some(&k), "thuiszitperiode", "jongere", Vorm::Bestaat).unwrap(),
            "WHERE (a = $1) AND EXISTS (SELECT 1 FROM woonadres kring WHERE kring.jongere = thuiszitperiode.jongere \
             AND kring.gemeente IN ('GM9902', 'GM9904'))"
        );
        assert_eq!(
            binnen("", Some(&kring(&[])), "actie", "jongere", Vorm::In).unwrap(),
            "WHERE jongere IN (SELECT jongere FROM woonadres WHERE FALSE)"
        );
    }

    #[test]
    fn a_kring_holds_its_subsets_only() {
        let zuid = kring(&["GM9901", "GM9902", "GM9903"]);
        assert!(zuid.omvat(&kring(&["GM9902"])));
        assert!(zuid.omvat(&zuid));
        assert!(!zuid.omvat(&kring(&["GM9902", "GM9905"])));
        assert!(!kring(&["GM9902"]).omvat(&zuid));
    }

    #[test]
    fn the_melded_youths_of_a_year_are_a_kring_of_their_own() {
        let d = |s| leerspoor_domain::datum::parse_datum(s).unwrap();
        let gemeld = Kring::gemeld(d("2020-08-01"), d("2021-07-31"));
        assert_eq!(
            binnen("", Some(&gemeld), "actie", "jongere", Vorm::Bestaat).unwrap(),
            "WHERE jongere IN (SELECT jongere FROM verzuimmelding WHERE meldingsdatum >= '2020-08-01' AND meldingsdatum <= '2021-07-31')"
        );
        assert!(gemeld.omvat(&gemeld));
        assert!(!gemeld.omvat(&kring(&["GM9902"])));
        assert!(!kring(&["GM9902"]).omvat(&gemeld));
        assert!(!gemeld.omvat(&Kring::gemeld(d("2019-08-01"), d("2020-07-31"))));
    }
}
