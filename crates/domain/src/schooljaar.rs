//! Schooljaar: 1 August to 31 July (Lpw art. 1, "schooljaar: tijdvak van 1 augustus tot en met 31 juli").
use crate::Datum;
use chrono::Datelike;
use std::fmt;

/// A schooljaar, named by the calendar year in which it starts (2020 = 2020-2021).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SchoolJaar(i32);

impl SchoolJaar {
    pub fn beginnend_in(jaar: i32) -> SchoolJaar {
        SchoolJaar(jaar)
    }

    /// The schooljaar a date falls in.
    pub fn van(datum: Datum) -> SchoolJaar {
        if datum.month() >= 8 { SchoolJaar(datum.year()) } else { SchoolJaar(datum.year() - 1) }
    }

    pub fn beginjaar(self) -> i32 {
        self.0
    }

    /// 1 August.
    pub fn eerste_dag(self) -> Datum {
        Datum::from_ymd_opt(self.0, 8, 1).expect("1 augustus bestaat")
    }

    /// 31 July of the next calendar year.
    pub fn laatste_dag(self) -> Datum {
        Datum::from_ymd_opt(self.0 + 1, 7, 31).expect("31 juli bestaat")
    }

    /// Peildatum 1 October, used by the counts of youths and oud-VSV.
    pub fn een_oktober(self) -> Datum {
        Datum::from_ymd_opt(self.0, 10, 1).expect("1 oktober bestaat")
    }

    pub fn bevat(self, datum: Datum) -> bool {
        SchoolJaar::van(datum) == self
    }

    pub fn volgend(self) -> SchoolJaar {
        SchoolJaar(self.0 + 1)
    }

    pub fn vorig(self) -> SchoolJaar {
        SchoolJaar(self.0 - 1)
    }

    /// Parses "2020-2021" (also "2020-21" and "2020/2021").
    pub fn parse(s: &str) -> Result<SchoolJaar, String> {
        let s = s.trim();
        let fout = || format!("'{s}' is geen schooljaar; schrijf het als 2020-2021");
        let (a, b) = s.split_once(['-', '/']).ok_or_else(fout)?;
        let begin: i32 = a.parse().map_err(|_| fout())?;
        let eind: i32 = b.parse().map_err(|_| fout())?;
        let eind = if b.len() == 2 { begin - begin % 100 + eind } else { eind };
        if a.len() != 4 || eind != begin + 1 {
            return Err(fout());
        }
        Ok(SchoolJaar(begin))
    }
}

impl fmt::Display for SchoolJaar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.0, self.0 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    #[test]
    fn the_schooljaar_turns_between_31_july_and_1_august() {
        assert_eq!(SchoolJaar::van(d("2021-07-31")).to_string(), "2020-2021");
        assert_eq!(SchoolJaar::van(d("2021-08-01")).to_string(), "2021-2022");
        assert_eq!(SchoolJaar::van(d("2021-01-01")).to_string(), "2020-2021");
    }

    #[test]
    fn first_and_last_day() {
        let sj = SchoolJaar::beginnend_in(2020);
        assert_eq!(sj.eerste_dag(), d("2020-08-01"));
        assert_eq!(sj.laatste_dag(), d("2021-07-31"));
        assert!(sj.bevat(d("2020-08-01")) && sj.bevat(d("2021-07-31")) && !sj.bevat(d("2021-08-01")));
    }

    #[test]
    fn parses_the_usual_spellings() {
        for s in ["2020-2021", "2020-21", "2020/2021"] {
            assert_eq!(SchoolJaar::parse(s).unwrap(), SchoolJaar::beginnend_in(2020), "{s}");
        }
        for s in ["2020", "2020-2022", "20-21", "abcd-efgh"] {
            assert!(SchoolJaar::parse(s).is_err(), "{s}");
        }
    }
}
