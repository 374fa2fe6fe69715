//! Dates as people and files write them: strictly `JJJJ-MM-DD`.
use crate::Datum;

/// Parses `JJJJ-MM-DD` (four, two and two digits) into a date that exists in the calendar.
pub fn parse_datum(tekst: &str) -> Result<Datum, String> {
    let b = tekst.as_bytes();
    let vorm = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !vorm {
        return Err(format!("'{tekst}' is geen datum (verwacht JJJJ-MM-DD)"));
    }
    let getal = |van: usize, tot: usize| tekst[van..tot].parse::<u32>().expect("alleen cijfers");
    let jaar = i32::try_from(getal(0, 4)).expect("vier cijfers");
    Datum::from_ymd_opt(jaar, getal(5, 7), getal(8, 10))
        .ok_or_else(|| format!("'{tekst}' is geen bestaande datum (verwacht JJJJ-MM-DD)"))
}

/// A date as Dutch text: `23 november 2026`.
pub fn datum_tekst(d: Datum) -> String {
    use chrono::Datelike;
    const MAANDEN: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    format!("{} {} {}", d.day(), MAANDEN[d.month0() as usize], d.year())
}

/// A person's whole name as on a letter: voornamen, tussenvoegsel and achternaam, each with its
/// spaces collapsed, the empty parts left out.
pub fn volledige_naam(voornamen: &str, tussenvoegsel: &str, achternaam: &str) -> String {
    [voornamen, tussenvoegsel, achternaam].iter().flat_map(|deel| deel.split_whitespace()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_existing_dates_in_iso_form() {
        assert_eq!(parse_datum("2021-02-28"), Ok(Datum::from_ymd_opt(2021, 2, 28).unwrap()));
        assert!(parse_datum("2020-02-29").is_ok());
        assert_eq!(
            parse_datum("2021-02-29"),
            Err("'2021-02-29' is geen bestaande datum (verwacht JJJJ-MM-DD)".to_string())
        );
        for fout in ["2021-2-28", "21-02-28", "2021/02/28", "2021-02-28 ", "", "28-02-2021", "2021-0a-28", "+021-02-28"]
        {
            assert_eq!(parse_datum(fout), Err(format!("'{fout}' is geen datum (verwacht JJJJ-MM-DD)")), "{fout}");
        }
        assert!(parse_datum("2021-13-01").is_err());
    }

    #[test]
    fn dates_and_names_as_a_letter_writes_them() {
        assert_eq!(datum_tekst(Datum::from_ymd_opt(2024, 2, 29).unwrap()), "29 februari 2024");
        assert_eq!(datum_tekst(Datum::from_ymd_opt(2021, 8, 1).unwrap()), "1 augustus 2021");
        assert_eq!(volledige_naam(" Anna  Maria ", "van der", "Berg"), "Anna Maria van der Berg");
        assert_eq!(volledige_naam("Daan", "", "Visser"), "Daan Visser");
    }
}
