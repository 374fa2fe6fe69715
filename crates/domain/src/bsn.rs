//! Burgerservicenummer, checked with the elfproef.
use std::fmt;

/// A BSN that passed the elfproef. `Debug` masks it: a BSN must not end up in logs.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bsn(u32);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BsnFout {
    #[error("een BSN bestaat uit 9 cijfers (of 8 met een voorloopnul weggelaten), niet '{0}'")]
    Vorm(String),
    #[error("'{0}' is geen geldig BSN: het voldoet niet aan de elfproef")]
    Elfproef(String),
}

impl Bsn {
    /// Parses 9 digits (8 accepted: a leading zero is often dropped by spreadsheets).
    pub fn parse(s: &str) -> Result<Bsn, BsnFout> {
        let s = s.trim();
        if !(8..=9).contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(BsnFout::Vorm(s.to_string()));
        }
        let n: u32 = s.parse().map_err(|_| BsnFout::Vorm(s.to_string()))?;
        if elfproef(n) { Ok(Bsn(n)) } else { Err(BsnFout::Elfproef(s.to_string())) }
    }

    /// The nine digits, zero-padded.
    pub fn as_digits(&self) -> String {
        format!("{:09}", self.0)
    }
}

/// Elfproef for the BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not 0).
pub fn elfproef(n: u32) -> bool {
    n != 0 && n <= 999_999_999 && elfproefsom(n) == 0
}

/// 9·d1 + 8·d2 + … + 2·d8 − 1·d9, modulo 11.
fn elfproefsom(n: u32) -> i64 {
    let digits: Vec<i64> = format!("{n:09}").bytes().map(|b| i64::from(b - b'0')).collect();
    let sum: i64 = digits[..8].iter().zip((2..=9).rev()).map(|(d, w)| d * w).sum::<i64>() - digits[8];
    sum.rem_euclid(11)
}

/// An onderwijsnummer: the number a pupil without a BSN gets. Nine digits beginning with 10 whose
/// elfproef sum leaves 5 instead of 0, so it can never be a BSN (the rule python-stdnum's
/// `nl.onderwijsnummer` checks too).
pub fn is_onderwijsnummer(s: &str) -> bool {
    let s = s.trim();
    s.len() == 9 && s.starts_with("10") && s.parse::<u32>().is_ok_and(|n| elfproefsom(n) == 5)
}

impl fmt::Display for Bsn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_digits())
    }
}

impl fmt::Debug for Bsn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Bsn(*********)")
    }
}

impl TryFrom<u32> for Bsn {
    type Error = BsnFout;
    fn try_from(n: u32) -> Result<Bsn, BsnFout> {
        if elfproef(n) { Ok(Bsn(n)) } else { Err(BsnFout::Elfproef(format!("{n:09}"))) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_numbers_that_pass_the_elfproef() {
        // 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3 − 4 = 0·11 … classic test number 111222333
        assert_eq!(Bsn::parse("111222333").unwrap().to_string(), "111222333");
        assert!(Bsn::parse("123456782").is_ok());
    }

    #[test]
    fn an_onderwijsnummer_begins_with_10_and_leaves_5_on_the_elfproef() {
        assert!(is_onderwijsnummer("101222331"));
        assert!(is_onderwijsnummer("100000004"));
        assert!(!is_onderwijsnummer("100000009"), "a BSN");
        assert!(!is_onderwijsnummer("201222331"), "does not begin with 10");
        assert!(!is_onderwijsnummer("101222332"), "leaves 4");
        assert!(!is_onderwijsnummer("000000000"));
        assert!(!is_onderwijsnummer("19102020"), "eight digits, a date");
    }

    #[test]
    fn accepts_eight_digits_as_a_dropped_leading_zero() {
        let bsn = Bsn::parse("12345672").unwrap();
        assert_eq!(bsn.as_digits(), "012345672");
    }

    #[test]
    fn refuses_a_wrong_check_digit() {
        assert_eq!(Bsn::parse("123456789"), Err(BsnFout::Elfproef("123456789".into())));
    }

    #[test]
    fn refuses_wrong_shapes() {
        for s in ["", "12345", "1234567890", "12345678a", "000000000"] {
            assert!(Bsn::parse(s).is_err(), "{s}");
        }
    }

    #[test]
    fn debug_does_not_reveal_the_number() {
        let bsn = Bsn::parse("111222333").unwrap();
        assert!(!format!("{bsn:?}").contains("111"));
    }
}
