//! Reading a query's rows from PostgreSQL as `COPY (…) TO STDOUT` in text format.
//!
//! Through the extended protocol every row is a message with a description to decode it by, and
//! every value is decoded on its own; at national scale (millions of rows) that was most of the
//! register read. COPY sends the rows as one stream of text, which is split here as it arrives.
use crate::Result;
use futures_util::TryStreamExt;
use sqlx::PgPool;
use sqlx::postgres::PgPoolCopyExt;
use std::borrow::Cow;

/// Runs `COPY (sql) TO STDOUT` and hands each row to `per_regel` as its fields.
///
/// `sql` is written by the caller, never from input: it goes into the COPY statement as it is.
pub(crate) async fn regels(
    pool: &PgPool,
    sql: &str,
    mut per_regel: impl FnMut(Velden<'_>) -> Result<()>,
) -> Result<()> {
    let mut stroom = pool.copy_out_raw(&format!("COPY ({sql}) TO STDOUT")).await?;
    // A message ends anywhere, also inside a row: what is left of one waits for the next.
    let mut rest: Vec<u8> = Vec::new();
    while let Some(deel) = stroom.try_next().await? {
        rest.extend_from_slice(&deel);
        let mut begin = 0;
        while let Some(lengte) = rest[begin..].iter().position(|b| *b == b'\n') {
            per_regel(Velden(rest[begin..begin + lengte].split(|b| *b == b'\t')))?;
            begin += lengte + 1;
        }
        rest.drain(..begin);
    }
    Ok(())
}

/// The fields of one row, in order: `None` for NULL.
pub(crate) struct Velden<'a>(std::slice::Split<'a, u8, fn(&u8) -> bool>);

impl<'a> Iterator for Velden<'a> {
    type Item = Option<Cow<'a, [u8]>>;

    fn next(&mut self) -> Option<Self::Item> {
        let veld = self.0.next()?;
        Some((veld != b"\\N").then(|| ontsnapt(veld)))
    }
}

/// A field without COPY's backslash escapes. COPY TO writes `\\`, `\t`, `\n` and `\r` for what
/// would end a field or a row; the other escapes of the format are read too.
fn ontsnapt(veld: &[u8]) -> Cow<'_, [u8]> {
    if !veld.contains(&b'\\') {
        return Cow::Borrowed(veld);
    }
    let mut uit = Vec::with_capacity(veld.len());
    let mut i = 0;
    while i < veld.len() {
        let b = veld[i];
        i += 1;
        if b != b'\\' || i == veld.len() {
            uit.push(b);
            continue;
        }
        let c = veld[i];
        i += 1;
        match c {
            b'b' => uit.push(8),
            b'f' => uit.push(12),
            b'n' => uit.push(b'\n'),
            b'r' => uit.push(b'\r'),
            b't' => uit.push(b'\t'),
            b'v' => uit.push(11),
            b'0'..=b'7' => {
                // Up to three octal digits.
                let mut n = u32::from(c - b'0');
                for _ in 0..2 {
                    match veld.get(i) {
                        Some(d @ b'0'..=b'7') => {
                            n = n * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                uit.push(n as u8);
            }
            b'x' if veld.get(i).is_some_and(u8::is_ascii_hexdigit) => {
                // Up to two hex digits.
                let mut n = 0u32;
                for _ in 0..2 {
                    match veld.get(i).and_then(|d| char::from(*d).to_digit(16)) {
                        Some(d) => {
                            n = n * 16 + d;
                            i += 1;
                        }
                        None => break,
                    }
                }
                uit.push(n as u8);
            }
            other => uit.push(other),
        }
    }
    Cow::Owned(uit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn velden(regel: &[u8]) -> Vec<Option<Vec<u8>>> {
        Velden(regel.split(|b| *b == b'\t')).map(|v| v.map(Cow::into_owned)).collect()
    }

    #[test]
    fn a_row_is_split_at_tabs_with_null_as_backslash_n() {
        assert_eq!(
            velden(b"J0000001\t2008-02-29\t\\N\tv"),
            [Some(b"J0000001".to_vec()), Some(b"2008-02-29".to_vec()), None, Some(b"v".to_vec())]
        );
        // An empty text is not NULL.
        assert_eq!(velden(b"\t\\N"), [Some(vec![]), None]);
    }

    #[test]
    fn escapes_are_read_back_as_the_bulk_writer_writes_them() {
        // As `bulk::copy_tekst` writes "Kerkstraat 1<tab>achter\om<cr><lf>bel aan".
        assert_eq!(
            velden(b"Kerkstraat 1\\tachter\\\\om\\r\\nbel aan"),
            [Some(b"Kerkstraat 1\tachter\\om\r\nbel aan".to_vec())]
        );
        assert_eq!(velden(b"a\\101\\x42\\q"), [Some(b"aABq".to_vec())]);
    }
}
