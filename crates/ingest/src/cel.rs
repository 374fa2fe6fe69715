//! Cells as text: how each column type is written in the bundle, and parsed back.
use chrono::NaiveDate;
use leerspoor_store::rij::{Kolom, Type, Waarde};

/// Formats a value for the bundle: ISO dates, `ja`/`nee`, `.` as decimal point, empty for absent.
pub fn schrijf(w: &Waarde) -> String {
    match w {
        Waarde::Tekst(t) => t.clone().unwrap_or_default(),
        Waarde::Datum(d) => d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
        Waarde::Geheel(n) => n.map(|n| n.to_string()).unwrap_or_default(),
        Waarde::Bool(b) => if *b { "ja" } else { "nee" }.to_string(),
        Waarde::Getal(g) => g.map(|g| g.to_string()).unwrap_or_default(),
    }
}

/// Parses one cell of a column; the error is a Dutch sentence without the location.
pub fn lees(kolom: &Kolom, tekst: &str) -> Result<Waarde, String> {
    let t = tekst.trim();
    if t.is_empty() {
        return match kolom.ty {
            _ if kolom.verplicht => Err("verplicht veld is leeg".into()),
            Type::Tekst => Ok(Waarde::Tekst(None)),
            Type::Datum => Ok(Waarde::Datum(None)),
            Type::Geheel => Ok(Waarde::Geheel(None)),
            Type::Getal => Ok(Waarde::Getal(None)),
            Type::Bool => Err("vul ja of nee in".into()),
        };
    }
    match kolom.ty {
        Type::Tekst => Ok(Waarde::Tekst(Some(t.to_string()))),
        Type::Datum => datum(t).map(|d| Waarde::Datum(Some(d))),
        Type::Geheel => t.parse().map(|n| Waarde::Geheel(Some(n))).map_err(|_| format!("'{t}' is geen geheel getal")),
        Type::Getal => t
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|g| g.is_finite())
            .map(|g| Waarde::Getal(Some(g)))
            .ok_or_else(|| format!("'{t}' is geen getal")),
        Type::Bool => match t.to_lowercase().as_str() {
            "ja" => Ok(Waarde::Bool(true)),
            "nee" => Ok(Waarde::Bool(false)),
            _ => Err(format!("'{t}' is geen ja of nee")),
        },
    }
}

/// A date written as JJJJ-MM-DD that exists in the calendar.
pub fn datum(t: &str) -> Result<NaiveDate, String> {
    let vorm = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !vorm {
        return Err(format!("'{t}' is geen datum; schrijf JJJJ-MM-DD, bijv. 2021-08-01"));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| format!("'{t}' is geen bestaande datum"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use leerspoor_store::rij::{k, o};

    #[test]
    fn dates_must_exist_and_be_written_in_iso_form() {
        assert!(datum("2020-02-29").is_ok());
        assert_eq!(datum("2021-02-29").unwrap_err(), "'2021-02-29' is geen bestaande datum");
        assert!(datum("1-8-2021").unwrap_err().contains("JJJJ-MM-DD"));
        assert!(datum("2021-13-01").is_err());
    }

    #[test]
    fn required_cells_may_not_be_empty() {
        assert_eq!(lees(&k("naam", Type::Tekst), " ").unwrap_err(), "verplicht veld is leeg");
        assert_eq!(lees(&o("einddatum", Type::Datum), "").unwrap(), Waarde::Datum(None));
    }

    #[test]
    fn every_type_reads_back_what_it_writes() {
        let gevallen = [
            (k("a", Type::Tekst), Waarde::Tekst(Some("Zeester".into()))),
            (k("a", Type::Datum), Waarde::Datum(NaiveDate::from_ymd_opt(2016, 2, 29))),
            (k("a", Type::Geheel), Waarde::Geheel(Some(16))),
            (k("a", Type::Bool), Waarde::Bool(false)),
            (k("a", Type::Getal), Waarde::Getal(Some(0.8))),
            (o("a", Type::Getal), Waarde::Getal(None)),
        ];
        for (kolom, w) in gevallen {
            assert_eq!(lees(&kolom, &schrijf(&w)).unwrap(), w);
        }
        assert_eq!(lees(&k("fte", Type::Getal), "0,8").unwrap(), Waarde::Getal(Some(0.8)));
        assert!(lees(&k("boa", Type::Bool), "misschien").is_err());
    }
}
