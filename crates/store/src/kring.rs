//! The youths a report for part of the region asks about: whoever ever lived in one of its
//! gemeenten. A gemeente's report counts youths by where they lived on a peildatum, so a youth who
//! never lived there never counts, and reading only the others keeps a gemeente's report from
//! reading the country (through the index `woonadres_gemeente`). Its regional comparison counts
//! the region's verzuimers: the youths with a verzuimmelding in a period, a kring of its own.
use crate::rij::{self, Rij, Type, Waarde};
use crate::{Result, Store, StoreFout};
use leerspoor_domain::{Datum, Gemeentecode};
use std::collections::HashSet;
use std::sync::Arc;

/// The youths who ever had an address in one of these gemeenten, or who have a verzuimmelding
/// dated in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kring {
    wie: Wie,
    /// The addresses in its gemeenten and in the register, once counted ([`Store::meet`]).
    omvang: Option<(u64, u64)>,
    /// Its youths' ids, once read ([`Store::met_leden`]).
    leden: Option<Leden>,
}

/// The ids of a kring's youths in memory, which SQLite asks as the function `kring_lid`: one
/// look-up in a hash set per row of a table instead of one in an index per youth of the kring.
#[derive(Clone)]
pub(crate) struct Leden(Arc<HashSet<Box<str>, foldhash::fast::RandomState>>);

impl Leden {
    /// The SQL function a select of [`Vorm::Lid`] calls with a youth's id.
    pub(crate) const FUNCTIE: &'static str = "kring_lid";

    pub(crate) fn bevat(&self, jongere: &str) -> bool {
        self.0.contains(jongere)
    }
}

impl PartialEq for Leden {
    fn eq(&self, ander: &Leden) -> bool {
        Arc::ptr_eq(&self.0, &ander.0)
    }
}

impl Eq for Leden {}

impl std::fmt::Debug for Leden {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Leden({} jongeren)", self.0.len())
    }
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
        Kring { wie: Wie::Bewoners(gemeenten), omvang: None, leden: None }
    }

    /// The youths with a verzuimmelding dated from `van` up to and including `tot`, wherever they live.
    pub fn gemeld(van: Datum, tot: Datum) -> Kring {
        Kring { wie: Wie::Gemeld { van, tot }, omvang: None, leden: None }
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
    /// With `Vorm::Lid` each row of `tabel` is asked instead whether its youth is one of the
    /// kring's, read into memory before ([`Store::met_leden`]). SQLite runs `IN` as a look-up in
    /// `tabel`'s index for every address of the kring, about a microsecond each, and `kring_lid` as
    /// a pass through `tabel` with a look-up in a hash set per row, a tenth of that: the second is
    /// faster for a table of up to a few rows per youth of the kring (see `LID_PER_JONGERE`).
    pub(crate) fn sql(&self, tabel: &str, kolom: &str, vorm: Vorm) -> Result<String> {
        Ok(match &self.wie {
            _ if vorm == Vorm::Lid => format!("{}({tabel}.{kolom})", Leden::FUNCTIE),
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
    Lid,
}

/// Up to this many rows of a table per youth of the kring, SQLite reads the table whole and asks
/// each row's youth in memory ([`Vorm::Lid`]). A look-up per youth in the table's index costs
/// about ten times a row of a pass (national register, a gemeente of 255.000 youths: its 37.000
/// RMC-trajecten of 705.000 in 0,27 s through the index; a pass with the look-up in memory
/// 0,1 s); the enrolments (7 million, 27 rows per youth of that gemeente) stay with the index.
const LID_PER_JONGERE: u64 = 4;

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

/// PostgreSQL's estimate of the rows in `tabel` from its statistics (0 before the first ANALYZE).
pub(crate) async fn geschat_aantal(pool: &sqlx::PgPool, tabel: &str) -> Result<u64> {
    let n: Option<f32> = sqlx::query_scalar("SELECT reltuples FROM pg_class WHERE oid = to_regclass($1)")
        .bind(tabel)
        .fetch_optional(pool)
        .await?;
    Ok(n.unwrap_or(0.0).max(0.0) as u64)
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
            Store::Postgres(pool) => return geschat_aantal(pool, tabel).await,
        };
        Ok(n.max(0.0) as u64)
    }

    /// The kring with its youths' ids read into memory, on SQLite (through its read connections):
    /// its selects of a table of not many more rows than it has youths then ask each row in
    /// memory ([`Kring::sql`]). PostgreSQL's planner hashes the kring itself.
    pub async fn met_leden(&self, mut kring: Kring) -> Result<Kring> {
        let (Store::Sqlite(_, Some(lezers)), Wie::Bewoners(gemeenten)) = (self, &kring.wie) else { return Ok(kring) };
        let sql = format!("SELECT DISTINCT jongere FROM woonadres WHERE {}", sql_gemeente(gemeenten)?);
        let leden = lezers
            .vraag(&sql, &[], &[Type::Tekst], HashSet::default(), None, |leden: &mut HashSet<Box<str>, _>, rij| {
                if let [Waarde::Tekst(Some(j))] = rij.as_slice() {
                    leden.insert(j.as_str().into());
                }
            })
            .await?;
        kring.leden = Some(Leden(Arc::new(leden)));
        Ok(kring)
    }

    /// How to narrow a select of `tabel` to the kring on this database, and the youths that
    /// needs in memory ([`Kring::sql`]). A select whose condition already names its youths
    /// (`WHERE jongere IN (…)`, e.g. a year's VSV-ers) finds its rows through the table's index
    /// whatever the table's size, so the kring is asked of those rows only.
    async fn vorm(&self, kring: Option<&Kring>, tabel: &str, waar: &str) -> Result<(Vorm, Option<Leden>)> {
        if let (Store::Sqlite(_, Some(_)), Some(Kring { leden: Some(leden), .. })) = (self, kring)
            && (waar.starts_with("WHERE jongere IN (")
                || self.rijen_ongeveer(tabel).await? <= LID_PER_JONGERE * leden.0.len() as u64)
        {
            return Ok((Vorm::Lid, Some(leden.clone())));
        }
        Ok((Vorm::In, None))
    }

    /// As [`Store::lees_met`], of the youths of `kring` only (all, without one).
    pub async fn lees_in<R: Rij>(&self, kring: Option<&Kring>, waar: &'static str, binds: &[Waarde]) -> Result<Vec<R>> {
        assert!(R::KOLOMMEN.iter().any(|k| k.naam == "jongere"), "{} heeft geen kolom jongere", R::TABEL);
        let (vorm, leden) = self.vorm(kring, R::TABEL, waar).await?;
        self.lees_sql_met::<R>(&binnen(waar, kring, R::TABEL, "jongere", vorm)?, binds, leden).await
    }

    /// As [`Store::lees_in`], of the youths of `kring` with a row in table `bron` that matches
    /// `bron_waar` (a year's VSV-ers, say). The kring narrows `bron`, not the table read: a
    /// gemeente's VSV-ers are a few hundred, the country's tens of thousands, and each is a look-up
    /// in the index of the table read (national register, a gemeente of 15.000 youths: its
    /// VSV-ers' enrolments in 8 ms instead of 112).
    pub async fn lees_in_van<R: Rij>(
        &self,
        kring: Option<&Kring>,
        bron: &'static str,
        bron_waar: &'static str,
        binds: &[Waarde],
    ) -> Result<Vec<R>> {
        assert!(R::KOLOMMEN.iter().any(|k| k.naam == "jongere"), "{} heeft geen kolom jongere", R::TABEL);
        let (vorm, leden) = self.vorm(kring, bron, bron_waar).await?;
        let wie = binnen(bron_waar, kring, bron, "jongere", vorm)?;
        self.lees_sql_met::<R>(&format!("WHERE jongere IN (SELECT jongere FROM {bron} {wie})"), binds, leden).await
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
        let (vorm, leden) = self.vorm(kring, R::TABEL, &waar).await?;
        let binds = [rij::datum(van), rij::datum(tot)];
        self.lees_sql_met::<R>(&binnen(&waar, kring, R::TABEL, "jongere", vorm)?, &binds, leden).await
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
            binnen("WHERE a = $1", Some(&k), "thuiszitperiode", "jongere", Vorm::Lid).unwrap(),
            "WHERE (a = $1) AND kring_lid(thuiszitperiode.jongere)"
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
            binnen("", Some(&gemeld), "actie", "jongere", Vorm::In).unwrap(),
            "WHERE jongere IN (SELECT jongere FROM verzuimmelding WHERE meldingsdatum >= '2020-08-01' AND meldingsdatum <= '2021-07-31')"
        );
        assert!(gemeld.omvat(&gemeld));
        assert!(!gemeld.omvat(&kring(&["GM9902"])));
        assert!(!kring(&["GM9902"]).omvat(&gemeld));
        assert!(!gemeld.omvat(&Kring::gemeld(d("2019-08-01"), d("2020-07-31"))));
    }
}
