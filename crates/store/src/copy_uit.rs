//! Reading a query's rows from PostgreSQL as `COPY (…) TO STDOUT` in binary format.
//!
//! Through the extended protocol every row is a message with a description to decode it by, and
//! every value is decoded on its own; at national scale (millions of rows) that was most of the
//! register read. COPY sends the rows as one stream, which is split here as it arrives. The binary
//! format gives each field as its length and the value's own binary form (a date as a day number, a
//! boolean as a byte): the server writes no text and nothing here parses or unescapes any.
use crate::{Result, StoreFout};
use futures_util::TryStreamExt;
use leerspoor_domain::Datum;
use sqlx::PgPool;
use sqlx::postgres::PgPoolCopyExt;

/// Runs `COPY (sql) TO STDOUT (FORMAT binary)` and hands each row to `per_regel` as its fields.
///
/// `sql` is written by the caller, never from input: it goes into the COPY statement as it is.
pub(crate) async fn regels(
    pool: &PgPool,
    sql: &str,
    mut per_regel: impl FnMut(Velden<'_>) -> Result<()>,
) -> Result<()> {
    let mut stroom = pool.copy_out_raw(&format!("COPY ({sql}) TO STDOUT (FORMAT binary)")).await?;
    let mut stuk = Stuk::default();
    while let Some(deel) = stroom.try_next().await? {
        stuk.voed(&deel, &mut per_regel)?;
    }
    stuk.klaar()
}

/// The file header of the binary format: signature, flags, length of the header extension.
const HANDTEKENING: &[u8; 11] = b"PGCOPY\n\xff\r\n\0";

fn fout(melding: &str) -> StoreFout {
    StoreFout::Lezen(format!("COPY van PostgreSQL: {melding}"))
}

/// The stream as far as it came: a message ends anywhere, also inside a row, so what is left of one
/// waits for the next.
#[derive(Default)]
struct Stuk {
    rest: Vec<u8>,
    kop_gelezen: bool,
    einde: bool,
}

impl Stuk {
    fn voed(&mut self, deel: &[u8], per_regel: &mut impl FnMut(Velden<'_>) -> Result<()>) -> Result<()> {
        if self.einde {
            return Err(fout("gegevens na het einde"));
        }
        self.rest.extend_from_slice(deel);
        let mut begin = 0;
        if !self.kop_gelezen {
            match kop(&self.rest)? {
                Some(lengte) => (begin, self.kop_gelezen) = (lengte, true),
                None => return Ok(()),
            }
        }
        while let Some(rij) = rij(&self.rest[begin..])? {
            begin += rij.lengte;
            match rij.velden {
                Some(velden) => per_regel(velden)?,
                None => {
                    self.einde = true;
                    break;
                }
            }
        }
        self.rest.drain(..begin);
        if self.einde && !self.rest.is_empty() {
            return Err(fout("gegevens na het einde"));
        }
        Ok(())
    }

    fn klaar(&self) -> Result<()> {
        if self.einde { Ok(()) } else { Err(fout("de stroom hield op midden in een rij")) }
    }
}

fn i16_op(b: &[u8], i: usize) -> Option<i16> {
    Some(i16::from_be_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn i32_op(b: &[u8], i: usize) -> Option<i32> {
    Some(i32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// The header's length once all of it came (`None` before).
fn kop(b: &[u8]) -> Result<Option<usize>> {
    if b.len() < HANDTEKENING.len() + 8 {
        return Ok(None);
    }
    if !b.starts_with(HANDTEKENING) {
        return Err(fout("geen binaire COPY-kop"));
    }
    let uitbreiding = i32_op(b, HANDTEKENING.len() + 4).and_then(|n| usize::try_from(n).ok());
    let lengte = HANDTEKENING.len() + 8 + uitbreiding.ok_or_else(|| fout("onleesbare COPY-kop"))?;
    Ok((b.len() >= lengte).then_some(lengte))
}

/// One row at the start of `b` with its length in bytes, once all of it came; `velden` is `None`
/// for the end of the data.
struct Rij<'a> {
    velden: Option<Velden<'a>>,
    lengte: usize,
}

fn rij(b: &[u8]) -> Result<Option<Rij<'_>>> {
    let Some(aantal) = i16_op(b, 0) else { return Ok(None) };
    if aantal == -1 {
        return Ok(Some(Rij { velden: None, lengte: 2 }));
    }
    let aantal = u16::try_from(aantal).map_err(|_| fout("onleesbaar aantal velden"))?;
    let mut i = 2;
    for _ in 0..aantal {
        let Some(lengte) = i32_op(b, i) else { return Ok(None) };
        i += 4;
        if lengte >= 0 {
            i += lengte as usize;
        } else if lengte != -1 {
            return Err(fout("onleesbare veldlengte"));
        }
    }
    Ok((b.len() >= i).then(|| Rij { velden: Some(Velden { b: &b[2..i], over: aantal }), lengte: i }))
}

/// The fields of one whole row, in order: `None` for NULL.
pub(crate) struct Velden<'a> {
    b: &'a [u8],
    over: u16,
}

impl<'a> Iterator for Velden<'a> {
    type Item = Option<&'a [u8]>;

    fn next(&mut self) -> Option<Self::Item> {
        self.over = self.over.checked_sub(1)?;
        // `rij` saw the whole row: every length and value is there.
        let lengte = i32_op(self.b, 0)?;
        let waarde = usize::try_from(lengte).ok().map(|n| &self.b[4..4 + n]);
        self.b = &self.b[4 + waarde.map_or(0, <[u8]>::len)..];
        Some(waarde)
    }
}

/// A `date` in binary: days since 1 January 2000 (PostgreSQL's epoch) as a big-endian i32.
pub(crate) fn datum(veld: &[u8]) -> Option<Datum> {
    /// 1 January 2000 counted from 1 January of year 1 (day 1).
    const EPOCH: i32 = 730_120;
    let dagen = i32::from_be_bytes(veld.try_into().ok()?);
    Datum::from_num_days_from_ce_opt(EPOCH.checked_add(dagen)?)
}

/// A `boolean` in binary: one byte, 0 or 1.
pub(crate) fn waar(veld: &[u8]) -> Option<bool> {
    match veld {
        [0] => Some(false),
        [1] => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A COPY stream as the server writes it: header, rows of fields (`None` is NULL), trailer.
    fn stroom(rijen: &[&[Option<&[u8]>]]) -> Vec<u8> {
        let mut b = HANDTEKENING.to_vec();
        b.extend(0i32.to_be_bytes());
        b.extend(3i32.to_be_bytes());
        b.extend(b"abc");
        for rij in rijen {
            b.extend((rij.len() as i16).to_be_bytes());
            for veld in *rij {
                match veld {
                    Some(v) => {
                        b.extend((v.len() as i32).to_be_bytes());
                        b.extend(*v);
                    }
                    None => b.extend((-1i32).to_be_bytes()),
                }
            }
        }
        b.extend((-1i16).to_be_bytes());
        b
    }

    /// Feeds the stream in pieces of `stap` bytes; the rows as they came out.
    fn lees(b: &[u8], stap: usize) -> Result<Vec<Vec<Option<Vec<u8>>>>> {
        let mut stuk = Stuk::default();
        let mut uit = Vec::new();
        for deel in b.chunks(stap) {
            stuk.voed(deel, &mut |v: Velden<'_>| {
                uit.push(v.map(|v| v.map(<[u8]>::to_vec)).collect());
                Ok(())
            })?;
        }
        stuk.klaar()?;
        Ok(uit)
    }

    fn dag(d: &str) -> Vec<u8> {
        let dagen = (d.parse::<Datum>().unwrap() - Datum::from_ymd_opt(2000, 1, 1).unwrap()).num_days() as i32;
        dagen.to_be_bytes().to_vec()
    }

    #[test]
    fn rows_come_out_whole_however_the_messages_cut_them() {
        let geboren = dag("2008-02-29");
        let rijen: &[&[Option<&[u8]>]] =
            &[&[Some(b"J0000001"), Some(&geboren), None, Some(b"v")], &[Some(b""), None, Some(&[1]), Some(b"m")]];
        let verwacht = vec![
            vec![Some(b"J0000001".to_vec()), Some(geboren.clone()), None, Some(b"v".to_vec())],
            // An empty text is not NULL.
            vec![Some(vec![]), None, Some(vec![1]), Some(b"m".to_vec())],
        ];
        let b = stroom(rijen);
        for stap in 1..=b.len() {
            assert_eq!(lees(&b, stap).unwrap(), verwacht, "in stukken van {stap} bytes");
        }
    }

    #[test]
    fn a_stream_cut_off_or_not_in_binary_is_an_error() {
        let b = stroom(&[&[Some(b"J0000001")]]);
        assert!(lees(&b[..b.len() - 2], 7).is_err(), "zonder einde");
        assert!(lees(&b"J0000001\t2008-02-29\n".repeat(2), 64).is_err(), "tekst in plaats van binair");
        let mut na_einde = b.clone();
        na_einde.extend(1i16.to_be_bytes());
        assert!(lees(&na_einde, 5).is_err(), "iets na het einde");
    }

    #[test]
    fn dates_count_days_from_postgresqls_epoch() {
        let d = |s: &str| Some(s.parse::<Datum>().unwrap());
        assert_eq!(datum(&0i32.to_be_bytes()), d("2000-01-01"));
        assert_eq!(datum(&(-1i32).to_be_bytes()), d("1999-12-31"));
        // 2000 is a leap year: 29 February is day 59, 1 March day 60.
        assert_eq!(datum(&59i32.to_be_bytes()), d("2000-02-29"));
        assert_eq!(datum(&60i32.to_be_bytes()), d("2000-03-01"));
        assert_eq!(datum(&dag("2008-02-29")), d("2008-02-29"));
        assert_eq!(datum(&dag("2021-07-31")), d("2021-07-31"));
        // `infinity` and a field of the wrong width are no date.
        assert_eq!(datum(&i32::MAX.to_be_bytes()), None);
        assert_eq!(datum(b"2000"[..3].as_ref()), None);
        assert_eq!((waar(&[1]), waar(&[0]), waar(b"t")), (Some(true), Some(false), None));
    }
}
