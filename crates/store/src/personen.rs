//! The register's youths with where they lived, were enrolled and what diplomas they have, in
//! memory, for the reports.
//!
//! A report at national scale asks of millions of youths where they lived and were enrolled on a
//! peildatum, and of hundreds of thousands where they lived on the date of a melding or whether they
//! had a startkwalificatie. Asked of the database youth by youth (an index look-up each, a page read
//! for most), that was most of a report's time. Here the four tables are read once, as four scans
//! side by side (SQLite: over the covering indexes, in key order; PostgreSQL: as COPY), and held
//! with integer keys, about 100 bytes a youth, so that every table of the report answers from memory.
use crate::kring::{Kring, Vorm, binnen};
use crate::lezer::datum as iso_datum;
use crate::{Result, Store, StoreFout, veilig};
use hashbrown::HashTable;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::onderwijs::{DiplomaSoort, Niveau, Onderwijssoort, VsoProfiel};
use leerspoor_domain::{Datum, Gemeentecode};
use std::collections::HashMap;
use std::hash::BuildHasher;

/// Where a youth lived from when to when (an address, without the address itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verblijf {
    gemeente: u16,
    /// The address ended with a vertrek: the youth left the region then.
    pub vertrek: bool,
    pub begindatum: Datum,
    pub einddatum: Option<Datum>,
}

impl Verblijf {
    pub fn loopt_op(&self, datum: Datum) -> bool {
        loopt(self.begindatum, self.einddatum, datum)
    }
}

/// A period from `begindatum` up to and including `einddatum` (none: still running) runs on `datum`.
fn loopt(begindatum: Datum, einddatum: Option<Datum>, datum: Datum) -> bool {
    begindatum <= datum && einddatum.is_none_or(|e| datum <= e)
}

/// An enrolment, without its school.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schoolperiode {
    pub onderwijssoort: Onderwijssoort,
    pub niveau: Option<Niveau>,
    pub vso_profiel: Option<VsoProfiel>,
    pub begindatum: Datum,
    pub einddatum: Option<Datum>,
}

impl Schoolperiode {
    pub fn loopt_op(&self, datum: Datum) -> bool {
        loopt(self.begindatum, self.einddatum, datum)
    }
}

/// A diploma a youth obtained, without its school.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Behaald {
    pub soort: DiplomaSoort,
    pub datum: Datum,
}

/// Every youth of the register: birth, death, sex, addresses, enrolments and diplomas. A youth is a number
/// (`0..len()`) here; [`Personen::zoek`] finds it by id.
pub struct Personen {
    ids: Ids,
    sleutels: HashTable<u32>,
    hasher: foldhash::fast::RandomState,
    geboren: Vec<Datum>,
    overleden: Vec<Option<Datum>>,
    geslacht: Vec<u8>,
    geslachten: Vec<String>,
    gemeenten: Vec<Gemeentecode>,
    verblijf_van: Vec<u32>,
    verblijven: Vec<Verblijf>,
    school_van: Vec<u32>,
    schoolperioden: Vec<Schoolperiode>,
    diploma_van: Vec<u32>,
    diplomas: Vec<Behaald>,
}

impl Personen {
    pub fn len(&self) -> usize {
        self.geboren.len()
    }

    pub fn is_empty(&self) -> bool {
        self.geboren.is_empty()
    }

    /// The number of the youth with this id.
    pub fn zoek(&self, id: &str) -> Option<usize> {
        vind(&self.sleutels, &self.hasher, &self.ids, id.as_bytes()).map(|n| n as usize)
    }

    /// The youth with this id.
    pub fn van(&self, id: &str) -> Option<Persoon<'_>> {
        self.zoek(id).map(|n| Persoon { personen: self, n })
    }

    pub fn id(&self, n: usize) -> &str {
        // Each youth's id was read as text (`Jongeren::push`).
        std::str::from_utf8(self.ids.get(n)).unwrap_or_default()
    }

    pub fn geboren(&self, n: usize) -> Datum {
        self.geboren[n]
    }

    pub fn overleden(&self, n: usize) -> Option<Datum> {
        self.overleden[n]
    }

    /// The code as the register holds it (`m`, `v`, …).
    pub fn geslacht(&self, n: usize) -> &str {
        &self.geslachten[usize::from(self.geslacht[n])]
    }

    /// The youth's addresses, by begindatum.
    pub fn verblijven(&self, n: usize) -> &[Verblijf] {
        &self.verblijven[self.verblijf_van[n] as usize..self.verblijf_van[n + 1] as usize]
    }

    /// The youth's enrolments, by begindatum.
    pub fn schoolperioden(&self, n: usize) -> &[Schoolperiode] {
        &self.schoolperioden[self.school_van[n] as usize..self.school_van[n + 1] as usize]
    }

    /// The youth's diplomas, by date.
    pub fn diplomas(&self, n: usize) -> &[Behaald] {
        &self.diplomas[self.diploma_van[n] as usize..self.diploma_van[n + 1] as usize]
    }

    pub fn gemeente(&self, v: &Verblijf) -> &Gemeentecode {
        &self.gemeenten[usize::from(v.gemeente)]
    }

    /// The gemeente a youth lived in on a date: of the address that ran then (the first, should
    /// two overlap).
    pub fn woonde_op(&self, n: usize, datum: Datum) -> Option<&Gemeentecode> {
        self.verblijven(n).iter().find(|v| v.loopt_op(datum)).map(|v| self.gemeente(v))
    }

    /// The enrolment running on a date; of two, the one begun last (then by onderwijssoort code).
    pub fn ingeschreven_op(&self, n: usize, datum: Datum) -> Option<&Schoolperiode> {
        self.schoolperioden(n)
            .iter()
            .filter(|s| s.loopt_op(datum))
            .max_by_key(|s| (s.begindatum, s.onderwijssoort.code()))
    }
}

/// One youth of [`Personen`], found by id ([`Personen::van`]).
#[derive(Clone, Copy)]
pub struct Persoon<'a> {
    personen: &'a Personen,
    n: usize,
}

impl<'a> Persoon<'a> {
    pub fn geboren(self) -> Datum {
        self.personen.geboren(self.n)
    }

    /// Not deceased on `datum` (who died that day no longer counts).
    pub fn leeft_op(self, datum: Datum) -> bool {
        self.personen.overleden(self.n).is_none_or(|o| o > datum)
    }

    /// The enrolments, by begindatum.
    pub fn schoolperioden(self) -> &'a [Schoolperiode] {
        self.personen.schoolperioden(self.n)
    }

    /// The diplomas, by date.
    pub fn diplomas(self) -> &'a [Behaald] {
        self.personen.diplomas(self.n)
    }

    /// As [`Personen::ingeschreven_op`].
    pub fn ingeschreven_op(self, datum: Datum) -> Option<&'a Schoolperiode> {
        self.personen.ingeschreven_op(self.n, datum)
    }

    /// As [`Personen::woonde_op`].
    pub fn woonde_op(self, datum: Datum) -> Option<&'a Gemeentecode> {
        self.personen.woonde_op(self.n, datum)
    }
}

/// The number of the youth with this id in the table of numbers over `ids`.
fn vind(sleutels: &HashTable<u32>, hasher: &foldhash::fast::RandomState, ids: &Ids, id: &[u8]) -> Option<u32> {
    sleutels.find(hasher.hash_one(id), |&n| ids.get(n as usize) == id).copied()
}

/// Ids one after the other in one buffer: 5 million youths take 40 MB here, three times that as a
/// `String` each. Bytes: the youth an address belongs to is only compared, never shown.
#[derive(Default)]
struct Ids {
    tekst: Vec<u8>,
    eind: Vec<u32>,
}

impl Ids {
    fn push(&mut self, id: &[u8], tabel: &'static str) -> Result<()> {
        self.tekst.extend_from_slice(id);
        let eind = u32::try_from(self.tekst.len())
            .map_err(|_| StoreFout::Inhoud { tabel, melding: "te veel tekst in de sleutels om te lezen".into() })?;
        self.eind.push(eind);
        Ok(())
    }

    fn get(&self, n: usize) -> &[u8] {
        let begin = if n == 0 { 0 } else { self.eind[n - 1] as usize };
        &self.tekst[begin..self.eind[n] as usize]
    }

    fn len(&self) -> usize {
        self.eind.len()
    }
}

/// The youths as read, in the database's order, numbered as they come: the table of numbers is
/// filled while the other two tables are still being read.
#[derive(Default)]
struct Jongeren {
    ids: Ids,
    sleutels: HashTable<u32>,
    hasher: foldhash::fast::RandomState,
    geboren: Vec<Datum>,
    overleden: Vec<Option<Datum>>,
    geslacht: Vec<u8>,
    geslachten: Vec<String>,
}

impl Jongeren {
    fn met_ruimte(aantal: usize) -> Self {
        Jongeren {
            ids: Ids { tekst: Vec::with_capacity(aantal * 8), eind: Vec::with_capacity(aantal) },
            sleutels: HashTable::with_capacity(aantal),
            geboren: Vec::with_capacity(aantal),
            overleden: Vec::with_capacity(aantal),
            geslacht: Vec::with_capacity(aantal),
            ..Jongeren::default()
        }
    }

    /// The id is the table's primary key, so it comes once: it goes into the table of numbers
    /// without a search for it first (a search cost more than the rest of the youth's read).
    fn push(&mut self, id: &[u8], geboren: Datum, overleden: Option<Datum>, geslacht: &str) -> Result<()> {
        let g = match self.geslachten.iter().position(|g| g == geslacht) {
            Some(g) => g,
            None => {
                self.geslachten.push(geslacht.to_string());
                self.geslachten.len() - 1
            }
        };
        let g = u8::try_from(g).map_err(|_| StoreFout::Inhoud {
            tabel: "jongere",
            melding: "meer dan 256 waarden voor geslacht".into(),
        })?;
        let n = u32::try_from(self.ids.len())
            .map_err(|_| StoreFout::Inhoud { tabel: "jongere", melding: "te veel jongeren om te lezen".into() })?;
        let (ids, hasher) = (&self.ids, &self.hasher);
        self.sleutels.insert_unique(hasher.hash_one(id), n, |&m| hasher.hash_one(ids.get(m as usize)));
        self.ids.push(id, "jongere")?;
        self.geboren.push(geboren);
        self.overleden.push(overleden);
        self.geslacht.push(g);
        Ok(())
    }
}

/// Rows of a table with the youth each belongs to, as read.
struct PerJongere<T> {
    jongeren: Ids,
    rijen: Vec<T>,
    tabel: &'static str,
}

impl<T> PerJongere<T> {
    fn nieuw(tabel: &'static str, aantal: usize) -> Self {
        let jongeren = Ids { tekst: Vec::with_capacity(aantal * 8), eind: Vec::with_capacity(aantal) };
        PerJongere { jongeren, rijen: Vec::with_capacity(aantal), tabel }
    }

    fn push(&mut self, jongere: &[u8], rij: T) -> Result<()> {
        self.jongeren.push(jongere, self.tabel)?;
        self.rijen.push(rij);
        Ok(())
    }
}

/// The addresses as read, with the gemeenten they name by number. An address in a code that is
/// no gemeentecode counts nowhere, as before in the tables.
struct Adressen {
    rijen: PerJongere<Verblijf>,
    gemeenten: Vec<Gemeentecode>,
    nummer: HashMap<String, Option<u16>, foldhash::fast::RandomState>,
}

impl Adressen {
    fn nieuw(aantal: usize) -> Self {
        Adressen { rijen: PerJongere::nieuw("woonadres", aantal), gemeenten: Vec::new(), nummer: HashMap::default() }
    }

    fn push(
        &mut self,
        jongere: &[u8],
        gemeente: &str,
        vertrek: bool,
        begindatum: Datum,
        einddatum: Option<Datum>,
    ) -> Result<()> {
        let nummer = match self.nummer.get(gemeente) {
            Some(n) => *n,
            None => {
                let n = match Gemeentecode::parse(gemeente) {
                    Ok(g) => {
                        self.gemeenten.push(g);
                        Some(u16::try_from(self.gemeenten.len() - 1).map_err(|_| StoreFout::Inhoud {
                            tabel: "woonadres",
                            melding: "meer dan 65.536 gemeenten".into(),
                        })?)
                    }
                    Err(_) => None,
                };
                self.nummer.insert(gemeente.to_string(), n);
                n
            }
        };
        match nummer {
            Some(gemeente) => self.rijen.push(jongere, Verblijf { gemeente, vertrek, begindatum, einddatum }),
            None => Ok(()),
        }
    }
}

/// A diploma of a kind this Leerspoor does not know is left out: no rule counts it.
fn behaald(soort: &str, datum: Datum) -> Option<Behaald> {
    Some(Behaald { soort: DiplomaSoort::from_code(soort)?, datum })
}

fn schoolperiode(
    soort: &str,
    niveau: Option<&str>,
    vso_profiel: Option<&str>,
    begindatum: Datum,
    einddatum: Option<Datum>,
) -> Schoolperiode {
    Schoolperiode {
        onderwijssoort: Onderwijssoort::from_code(soort).unwrap_or(Onderwijssoort::Onbekend),
        niveau: niveau.and_then(Niveau::from_code),
        vso_profiel: vso_profiel.and_then(VsoProfiel::from_code),
        begindatum,
        einddatum,
    }
}

/// The four selects, of every youth or of a [`Kring`]'s. The last three by youth: SQLite reads them
/// from the covering indexes `woonadres_jongere`, `inschrijving_jongere` and `diploma_jongere`, not
/// from the wide rows.
struct Vragen {
    jongeren: String,
    adressen: String,
    inschrijvingen: String,
    diplomas: String,
}

impl Vragen {
    fn van(kring: Option<&Kring>) -> Result<Vragen> {
        Ok(Vragen {
            jongeren: format!(
                "SELECT id, geboortedatum, overlijdensdatum, geslacht FROM jongere {}",
                binnen("", kring, "jongere", "id", Vorm::In)?
            ),
            adressen: format!(
                "SELECT jongere, gemeente, vertrek IS NOT NULL, begindatum, einddatum FROM woonadres {}",
                binnen("", kring, "woonadres", "jongere", Vorm::In)?
            ),
            inschrijvingen: format!(
                "SELECT jongere, onderwijssoort, niveau, vso_profiel, begindatum, einddatum FROM inschrijving {}",
                binnen("", kring, "inschrijving", "jongere", Vorm::In)?
            ),
            diplomas: format!(
                "SELECT jongere, soort, datum FROM diploma {}",
                binnen("", kring, "diploma", "jongere", Vorm::In)?
            ),
        })
    }

    /// Without enrolments and diplomas: their selects give nothing.
    fn zonder_school(self) -> Vragen {
        let niets = |sql: String| format!("{sql} {} FALSE", if sql.contains(" WHERE ") { "AND" } else { "WHERE" });
        Vragen { inschrijvingen: niets(self.inschrijvingen), diplomas: niets(self.diplomas), ..self }
    }
}

/// An in-memory SQLite (the tests' databases) through sqlx, streamed: never all rows at once.
/// The four tables as read, before [`koppel`].
type Gelezen = (Jongeren, Adressen, PerJongere<Schoolperiode>, PerJongere<Behaald>);

async fn lees_sqlx(pool: &sqlx::SqlitePool, v: &Vragen) -> Result<Gelezen> {
    use futures_util::TryStreamExt;
    use sqlx::Row;
    tokio::try_join!(
        async {
            let mut uit = Jongeren::default();
            let mut rijen = sqlx::query(veilig(&v.jongeren)).fetch(pool);
            while let Some(r) = rijen.try_next().await? {
                let id: &str = r.try_get(0)?;
                uit.push(id.as_bytes(), r.try_get(1)?, r.try_get(2)?, r.try_get(3)?)?;
            }
            Ok::<_, StoreFout>(uit)
        },
        async {
            let mut uit = Adressen::nieuw(0);
            let mut rijen = sqlx::query(veilig(&v.adressen)).fetch(pool);
            while let Some(r) = rijen.try_next().await? {
                let jongere: &str = r.try_get(0)?;
                uit.push(jongere.as_bytes(), r.try_get(1)?, r.try_get(2)?, r.try_get(3)?, r.try_get(4)?)?;
            }
            Ok::<_, StoreFout>(uit)
        },
        async {
            let mut uit = PerJongere::nieuw("inschrijving", 0);
            let mut rijen = sqlx::query(veilig(&v.inschrijvingen)).fetch(pool);
            while let Some(r) = rijen.try_next().await? {
                let periode = schoolperiode(r.try_get(1)?, r.try_get(2)?, r.try_get(3)?, r.try_get(4)?, r.try_get(5)?);
                let jongere: &str = r.try_get(0)?;
                uit.push(jongere.as_bytes(), periode)?;
            }
            Ok::<_, StoreFout>(uit)
        },
        async {
            let mut uit = PerJongere::nieuw("diploma", 0);
            let mut rijen = sqlx::query(veilig(&v.diplomas)).fetch(pool);
            while let Some(r) = rijen.try_next().await? {
                let jongere: &str = r.try_get(0)?;
                if let Some(d) = behaald(r.try_get(1)?, r.try_get(2)?) {
                    uit.push(jongere.as_bytes(), d)?;
                }
            }
            Ok::<_, StoreFout>(uit)
        },
    )
}

impl Store {
    /// Every youth of the register with their addresses and enrolments (see the module).
    pub async fn personen(&self) -> Result<Personen> {
        self.personen_in(None).await
    }

    /// The youths of `kring` (all, without one) with all their addresses, also those elsewhere,
    /// their enrolments and diplomas.
    pub async fn personen_in(&self, kring: Option<&Kring>) -> Result<Personen> {
        self.lees_personen(Vragen::van(kring)?).await
    }

    /// The youths of `kring` (all, without one) with birth, death, sex and addresses, but no
    /// enrolments or diplomas: for counts by residence and age alone, in half the time of
    /// [`Store::personen_in`].
    pub async fn bewoners(&self, kring: Option<&Kring>) -> Result<Personen> {
        self.lees_personen(Vragen::van(kring)?.zonder_school()).await
    }

    async fn lees_personen(&self, vragen: Vragen) -> Result<Personen> {
        let Vragen { jongeren, adressen, inschrijvingen, diplomas } = vragen;
        let gelezen = match self {
            Store::Sqlite(_, Some(lezers)) => tokio::try_join!(
                lezers.met_verbinding(move |c| sqlite::jongeren(c, &jongeren)),
                lezers.met_verbinding(move |c| sqlite::adressen(c, &adressen)),
                lezers.met_verbinding(move |c| sqlite::inschrijvingen(c, &inschrijvingen)),
                lezers.met_verbinding(move |c| sqlite::diplomas(c, &diplomas)),
            )?,
            Store::Sqlite(pool, None) => {
                lees_sqlx(pool, &Vragen { jongeren, adressen, inschrijvingen, diplomas }).await?
            }
            Store::Postgres(pool) => {
                postgres::lees(pool, Vragen { jongeren, adressen, inschrijvingen, diplomas }).await?
            }
        };
        tokio::task::spawn_blocking(move || koppel(gelezen))
            .await
            .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
    }
}

/// Numbers the youths and puts each address and enrolment with its youth. The look-ups of the two
/// tables run side by side; rows of a youth not in the register (none, by the foreign keys) are left out.
fn koppel((jongeren, adressen, inschrijvingen, diplomas): Gelezen) -> Result<Personen> {
    let (ids, sleutels, hasher) = (jongeren.ids, jongeren.sleutels, jongeren.hasher);
    let zoek = |lijst: &Ids| -> Vec<Option<u32>> {
        // Rows come by youth, and on SQLite in the order the youths were read: the youth of the
        // row before, or one of the next few (a youth without an enrolment or diploma is skipped),
        // is most often the one, without a look-up in the table (a cache miss or two each, most
        // of the time here at national scale).
        const VOORUIT: usize = 8;
        let mut vorige = 0usize;
        (0..lijst.len())
            .map(|r| {
                let id = lijst.get(r);
                let n = (vorige..(vorige + VOORUIT).min(ids.len()))
                    .find(|n| ids.get(*n) == id)
                    .map(|n| n as u32)
                    .or_else(|| vind(&sleutels, &hasher, &ids, id));
                if let Some(n) = n {
                    vorige = n as usize;
                }
                n
            })
            .collect()
    };
    let (van_adres, van_inschrijving, van_diploma) = std::thread::scope(|s| {
        let a = s.spawn(|| zoek(&adressen.rijen.jongeren));
        let d = s.spawn(|| zoek(&diplomas.jongeren));
        let i = zoek(&inschrijvingen.jongeren);
        let klaar = |t: std::thread::ScopedJoinHandle<'_, _>| t.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (klaar(a), i, klaar(d))
    });
    // Each youth's rows in one order on every database (PostgreSQL's COPY gives them as stored):
    // where two addresses overlap the first counts, so the order is part of the answer.
    let gemeenten = &adressen.gemeenten;
    let (verblijf_van, verblijven) = per_nummer(ids.len(), &van_adres, adressen.rijen.rijen, |v| {
        (v.begindatum, v.einddatum, gemeenten[usize::from(v.gemeente)].as_str(), v.vertrek)
    });
    let (school_van, schoolperioden) = per_nummer(ids.len(), &van_inschrijving, inschrijvingen.rijen, |s| {
        (
            s.begindatum,
            s.einddatum,
            s.onderwijssoort.code(),
            s.niveau.map(Niveau::code),
            s.vso_profiel.map(VsoProfiel::code),
        )
    });
    let (diploma_van, diplomas) = per_nummer(ids.len(), &van_diploma, diplomas.rijen, |d| (d.datum, d.soort.code()));
    Ok(Personen {
        ids,
        sleutels,
        hasher,
        geboren: jongeren.geboren,
        overleden: jongeren.overleden,
        geslacht: jongeren.geslacht,
        geslachten: jongeren.geslachten,
        gemeenten: adressen.gemeenten,
        verblijf_van,
        verblijven,
        school_van,
        schoolperioden,
        diploma_van,
        diplomas,
    })
}

/// Rows grouped by their youth's number (a counting sort), each youth's in the order of `sleutel`
/// (as the index SQLite reads them from): `van[n]..van[n + 1]` are those of youth `n`.
fn per_nummer<T: Copy, K: Ord>(
    aantal: usize,
    nummers: &[Option<u32>],
    rijen: Vec<T>,
    sleutel: impl Fn(&T) -> K,
) -> (Vec<u32>, Vec<T>) {
    let mut van = vec![0u32; aantal + 1];
    for n in nummers.iter().flatten() {
        van[*n as usize + 1] += 1;
    }
    for i in 1..van.len() {
        van[i] += van[i - 1];
    }
    let mut volgende = van.clone();
    let mut uit: Vec<Option<T>> = vec![None; van[aantal] as usize];
    for (n, rij) in nummers.iter().zip(rijen) {
        if let Some(n) = n {
            let plek = &mut volgende[*n as usize];
            uit[*plek as usize] = Some(rij);
            *plek += 1;
        }
    }
    let mut uit: Vec<T> = uit.into_iter().flatten().collect();
    for n in 0..aantal {
        // Mostly one or two rows, already in order.
        uit[van[n] as usize..van[n + 1] as usize].sort_by_key(|r| sleutel(r));
    }
    (van, uit)
}

/// PostgreSQL: each table as `COPY … TO STDOUT` ([`crate::copy_uit`]), parsed on a task of its own
/// so that they use both cores.
mod postgres {
    use super::*;
    use crate::copy_uit::{self, Velden, regels};
    use sqlx::PgPool;

    pub(super) async fn lees(pool: &PgPool, v: Vragen) -> Result<Gelezen> {
        let (p1, p2, p3, p4) = (pool.clone(), pool.clone(), pool.clone(), pool.clone());
        let Vragen { jongeren: j, adressen: a, inschrijvingen: i, diplomas: d } = v;
        tokio::try_join!(
            taak(tokio::spawn(async move { jongeren(&p1, &j).await })),
            taak(tokio::spawn(async move { adressen(&p2, &a).await })),
            taak(tokio::spawn(async move { inschrijvingen(&p3, &i).await })),
            taak(tokio::spawn(async move { diplomas(&p4, &d).await })),
        )
    }

    async fn taak<T>(t: tokio::task::JoinHandle<Result<T>>) -> Result<T> {
        t.await.unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
    }

    /// One row of a table, read field by field in the order of its SELECT; what is missing or not
    /// what it should be is an error naming the table and column.
    struct Regel<'a> {
        velden: Velden<'a>,
        tabel: &'static str,
    }

    impl<'a> Regel<'a> {
        fn fout(&self, kolom: &str, melding: &str) -> StoreFout {
            StoreFout::Inhoud { tabel: self.tabel, melding: format!("{kolom}{melding}") }
        }

        fn veld(&mut self, kolom: &str) -> Result<Option<&'a [u8]>> {
            self.velden.next().ok_or_else(|| self.fout(kolom, " ontbreekt"))
        }

        fn nodig<T>(&self, kolom: &str, w: Option<T>) -> Result<T> {
            w.ok_or_else(|| self.fout(kolom, " ontbreekt"))
        }

        fn bytes(&mut self, kolom: &str) -> Result<&'a [u8]> {
            let w = self.veld(kolom)?;
            self.nodig(kolom, w)
        }

        fn tekst_of_niets(&mut self, kolom: &str) -> Result<Option<&'a str>> {
            self.veld(kolom)?
                .map(|b| std::str::from_utf8(b).map_err(|_| self.fout(kolom, ": tekst is geen UTF-8")))
                .transpose()
        }

        fn tekst(&mut self, kolom: &str) -> Result<&'a str> {
            let w = self.tekst_of_niets(kolom)?;
            self.nodig(kolom, w)
        }

        fn waar(&mut self, kolom: &str) -> Result<bool> {
            let b = self.bytes(kolom)?;
            copy_uit::waar(b).ok_or_else(|| self.fout(kolom, ": geen boolean"))
        }

        fn datum_of_niets(&mut self, kolom: &str) -> Result<Option<Datum>> {
            self.veld(kolom)?.map(|b| copy_uit::datum(b).ok_or_else(|| self.fout(kolom, ": geen datum"))).transpose()
        }

        fn datum(&mut self, kolom: &str) -> Result<Datum> {
            let w = self.datum_of_niets(kolom)?;
            self.nodig(kolom, w)
        }
    }

    /// As SQLite's `ruimte`: room for the rows of a whole table at once (PostgreSQL's estimate from
    /// its statistics), instead of growing a table of numbers and copying millions of rows.
    async fn ruimte(pool: &PgPool, tabel: &str, sql: &str) -> Result<usize> {
        if sql.contains(" WHERE ") {
            return Ok(0);
        }
        let n = crate::kring::geschat_aantal(pool, tabel).await?;
        Ok(usize::try_from(n).unwrap_or(0).min(1 << 28))
    }

    async fn jongeren(pool: &PgPool, sql: &str) -> Result<Jongeren> {
        let mut uit = Jongeren::met_ruimte(ruimte(pool, "jongere", sql).await?);
        regels(pool, sql, |velden| {
            let mut r = Regel { velden, tabel: "jongere" };
            let id = r.tekst("id")?;
            let (geboren, overleden) = (r.datum("geboortedatum")?, r.datum_of_niets("overlijdensdatum")?);
            let geslacht = r.tekst_of_niets("geslacht")?.unwrap_or_default();
            uit.push(id.as_bytes(), geboren, overleden, geslacht)
        })
        .await?;
        Ok(uit)
    }

    async fn adressen(pool: &PgPool, sql: &str) -> Result<Adressen> {
        let mut uit = Adressen::nieuw(ruimte(pool, "woonadres", sql).await?);
        regels(pool, sql, |velden| {
            let mut r = Regel { velden, tabel: "woonadres" };
            let (jongere, gemeente) = (r.bytes("jongere")?, r.tekst("gemeente")?);
            let vertrek = r.waar("vertrek")?;
            let (begindatum, einddatum) = (r.datum("begindatum")?, r.datum_of_niets("einddatum")?);
            uit.push(jongere, gemeente, vertrek, begindatum, einddatum)
        })
        .await?;
        Ok(uit)
    }

    async fn diplomas(pool: &PgPool, sql: &str) -> Result<PerJongere<Behaald>> {
        let mut uit = PerJongere::nieuw("diploma", ruimte(pool, "diploma", sql).await?);
        regels(pool, sql, |velden| {
            let mut r = Regel { velden, tabel: "diploma" };
            let (jongere, soort, datum) = (r.bytes("jongere")?, r.tekst("soort")?, r.datum("datum")?);
            match behaald(soort, datum) {
                Some(d) => uit.push(jongere, d),
                None => Ok(()),
            }
        })
        .await?;
        Ok(uit)
    }

    async fn inschrijvingen(pool: &PgPool, sql: &str) -> Result<PerJongere<Schoolperiode>> {
        let mut uit = PerJongere::nieuw("inschrijving", ruimte(pool, "inschrijving", sql).await?);
        regels(pool, sql, |velden| {
            let mut r = Regel { velden, tabel: "inschrijving" };
            let (jongere, soort) = (r.bytes("jongere")?, r.tekst("onderwijssoort")?);
            let (niveau, profiel) = (r.tekst_of_niets("niveau")?, r.tekst_of_niets("vso_profiel")?);
            let (begindatum, einddatum) = (r.datum("begindatum")?, r.datum_of_niets("einddatum")?);
            uit.push(jongere, schoolperiode(soort, niveau, profiel, begindatum, einddatum))
        })
        .await?;
        Ok(uit)
    }
}

/// SQLite through rusqlite on the read connections: values as the bytes SQLite holds.
mod sqlite {
    use super::*;
    use rusqlite::Connection;
    use rusqlite::types::ValueRef;

    fn fout(tabel: &'static str) -> impl Fn(rusqlite::Error) -> StoreFout {
        move |e| StoreFout::Lezen(format!("{tabel}: {e}"))
    }

    fn bytes<'a>(v: ValueRef<'a>, tabel: &'static str, kolom: &str) -> Result<Option<&'a [u8]>> {
        match v {
            ValueRef::Null => Ok(None),
            ValueRef::Text(t) => Ok(Some(t)),
            _ => Err(StoreFout::Inhoud { tabel, melding: format!("{kolom}: tekst verwacht") }),
        }
    }

    fn tekst<'a>(v: ValueRef<'a>, tabel: &'static str, kolom: &str) -> Result<Option<&'a str>> {
        bytes(v, tabel, kolom)?
            .map(std::str::from_utf8)
            .transpose()
            .map_err(|_| StoreFout::Inhoud { tabel, melding: format!("{kolom}: tekst is geen UTF-8") })
    }

    fn datum(v: ValueRef<'_>, tabel: &'static str, kolom: &str) -> Result<Option<Datum>> {
        match bytes(v, tabel, kolom)? {
            None => Ok(None),
            Some(t) => iso_datum(t).map(Some).ok_or_else(|| StoreFout::Inhoud {
                tabel,
                melding: format!("{kolom}: '{}' is geen datum", String::from_utf8_lossy(t)),
            }),
        }
    }

    fn nodig<T>(v: Option<T>, tabel: &'static str, kolom: &str) -> Result<T> {
        v.ok_or_else(|| StoreFout::Inhoud { tabel, melding: format!("{kolom} ontbreekt") })
    }

    /// About the number of rows of a table (its highest rowid, read from the b-tree's end): room
    /// made at once, instead of growing and copying millions of rows. For a select of part of it
    /// (with a `WHERE`), the rows grow as they come.
    fn ruimte(c: &Connection, tabel: &'static str, sql: &str) -> Result<usize> {
        if sql.contains(" WHERE ") {
            return Ok(0);
        }
        let hoogste: Option<i64> =
            c.query_row(&format!("SELECT max(rowid) FROM {tabel}"), [], |r| r.get(0)).map_err(fout(tabel))?;
        Ok(usize::try_from(hoogste.unwrap_or(0)).unwrap_or(0).min(1 << 28))
    }

    /// Runs `sql` and hands each row to `per_rij`.
    fn scan(
        c: &Connection,
        sql: &str,
        tabel: &'static str,
        mut per_rij: impl FnMut(&rusqlite::Row<'_>) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = c.prepare(sql).map_err(fout(tabel))?;
        let mut rijen = stmt.raw_query();
        while let Some(r) = rijen.next().map_err(fout(tabel))? {
            per_rij(r)?;
        }
        Ok(())
    }

    pub(super) fn jongeren(c: &Connection, sql: &str) -> Result<Jongeren> {
        let t = "jongere";
        let mut uit = Jongeren::met_ruimte(ruimte(c, t, sql)?);
        scan(c, sql, t, |r| {
            let v = |i| r.get_ref(i).map_err(fout(t));
            uit.push(
                nodig(tekst(v(0)?, t, "id")?, t, "id")?.as_bytes(),
                nodig(datum(v(1)?, t, "geboortedatum")?, t, "geboortedatum")?,
                datum(v(2)?, t, "overlijdensdatum")?,
                tekst(v(3)?, t, "geslacht")?.unwrap_or_default(),
            )
        })?;
        Ok(uit)
    }

    pub(super) fn adressen(c: &Connection, sql: &str) -> Result<Adressen> {
        let t = "woonadres";
        let mut uit = Adressen::nieuw(ruimte(c, t, sql)?);
        scan(c, sql, t, |r| {
            let v = |i| r.get_ref(i).map_err(fout(t));
            let vertrek = r.get::<_, bool>(2).map_err(fout(t))?;
            uit.push(
                nodig(bytes(v(0)?, t, "jongere")?, t, "jongere")?,
                nodig(tekst(v(1)?, t, "gemeente")?, t, "gemeente")?,
                vertrek,
                nodig(datum(v(3)?, t, "begindatum")?, t, "begindatum")?,
                datum(v(4)?, t, "einddatum")?,
            )
        })?;
        Ok(uit)
    }

    pub(super) fn inschrijvingen(c: &Connection, sql: &str) -> Result<PerJongere<Schoolperiode>> {
        let t = "inschrijving";
        let mut uit = PerJongere::nieuw(t, ruimte(c, t, sql)?);
        scan(c, sql, t, |r| {
            let v = |i| r.get_ref(i).map_err(fout(t));
            let periode = schoolperiode(
                nodig(tekst(v(1)?, t, "onderwijssoort")?, t, "onderwijssoort")?,
                tekst(v(2)?, t, "niveau")?,
                tekst(v(3)?, t, "vso_profiel")?,
                nodig(datum(v(4)?, t, "begindatum")?, t, "begindatum")?,
                datum(v(5)?, t, "einddatum")?,
            );
            uit.push(nodig(bytes(v(0)?, t, "jongere")?, t, "jongere")?, periode)
        })?;
        Ok(uit)
    }

    pub(super) fn diplomas(c: &Connection, sql: &str) -> Result<PerJongere<Behaald>> {
        let t = "diploma";
        let mut uit = PerJongere::nieuw(t, ruimte(c, t, sql)?);
        scan(c, sql, t, |r| {
            let v = |i| r.get_ref(i).map_err(fout(t));
            let soort = nodig(tekst(v(1)?, t, "soort")?, t, "soort")?;
            match behaald(soort, nodig(datum(v(2)?, t, "datum")?, t, "datum")?) {
                Some(d) => uit.push(nodig(bytes(v(0)?, t, "jongere")?, t, "jongere")?, d),
                None => Ok(()),
            }
        })?;
        Ok(uit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Datum {
        leerspoor_domain::datum::parse_datum(s).unwrap()
    }

    #[test]
    fn rows_are_grouped_by_youth_each_in_order() {
        let nummers = [Some(2), Some(0), None, Some(2), Some(0)];
        let (van, rijen) = per_nummer(3, &nummers, vec!['e', 'b', 'c', 'd', 'a'], |c| *c);
        assert_eq!(van, [0, 2, 2, 4]);
        assert_eq!(rijen, ['a', 'b', 'd', 'e']);
    }

    #[test]
    fn a_youth_is_found_by_id_with_their_addresses_and_enrolments() {
        let mut j = Jongeren::default();
        j.push(b"J2", d("2008-02-29"), None, "v").unwrap();
        j.push(b"J1", d("2010-08-01"), Some(d("2021-03-01")), "m").unwrap();
        let mut a = Adressen::nieuw(0);
        a.push(b"J1", "GM9901", false, d("2010-08-01"), Some(d("2020-09-30"))).unwrap();
        a.push(b"J1", "gm9902", true, d("2020-10-01"), None).unwrap();
        a.push(b"J1", "Amsterdam", false, d("2010-08-01"), None).unwrap();
        a.push(b"J9", "GM9901", false, d("2010-08-01"), None).unwrap();
        let mut i = PerJongere::nieuw("inschrijving", 0);
        i.push(b"J2", schoolperiode("vo", Some("havo"), None, d("2020-08-01"), None)).unwrap();
        i.push(b"J2", schoolperiode("vavo", Some("havo"), None, d("2020-08-01"), None)).unwrap();
        i.push(b"J2", schoolperiode("bao", None, None, d("2012-08-01"), Some(d("2020-07-31")))).unwrap();
        let mut dp = PerJongere::nieuw("diploma", 0);
        dp.push(b"J2", behaald("havo", d("2021-07-01")).unwrap()).unwrap();
        assert_eq!(behaald("onbekend", d("2021-07-01")), None);
        let p = koppel((j, a, i, dp)).unwrap();
        assert_eq!(p.len(), 2);
        let (j1, j2) = (p.zoek("J1").unwrap(), p.zoek("J2").unwrap());
        assert_eq!((p.id(j1), p.geslacht(j1), p.overleden(j1)), ("J1", "m", Some(d("2021-03-01"))));
        assert_eq!(p.zoek("J9"), None);
        // An address that is no gemeentecode is not kept; the move on 1 October counts from that day.
        assert_eq!(p.verblijven(j1).len(), 2);
        assert_eq!(p.woonde_op(j1, d("2020-09-30")).map(Gemeentecode::as_str), Some("GM9901"));
        assert_eq!(p.woonde_op(j1, d("2020-10-01")).map(Gemeentecode::as_str), Some("GM9902"));
        assert_eq!(p.woonde_op(j2, d("2020-10-01")), None);
        // Two enrolments begun on the same day: the later onderwijssoort code, as the SQL did.
        assert_eq!(p.ingeschreven_op(j2, d("2020-10-01")).map(|s| s.onderwijssoort), Some(Onderwijssoort::Vo));
        assert_eq!(p.ingeschreven_op(j2, d("2020-07-31")).map(|s| s.onderwijssoort), Some(Onderwijssoort::Bao));
        assert_eq!(p.ingeschreven_op(j1, d("2020-10-01")), None);
        assert_eq!(p.diplomas(j2), [Behaald { soort: DiplomaSoort::Havo, datum: d("2021-07-01") }]);
        assert!(p.diplomas(j1).is_empty());
        assert_eq!(p.verblijven(j1).iter().map(|v| v.vertrek).collect::<Vec<_>>(), [false, true]);
    }
}
