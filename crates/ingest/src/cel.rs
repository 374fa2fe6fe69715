//! Cells as text: how each column type is written in the bundle, and parsed back.
use leerspoor_domain::datum::parse_datum;
use leerspoor_store::rij::{Kolom, Type, Waarde};

/// Formats a value for the bundle (see [`Waarde::als_tekst`]).
pub fn schrijf(w: &Waarde) -> String {
    match w {
        // A spreadsheet must not run a name or note as a formula; `lees` removes the mark.
        Waarde::Tekst(Some(t)) => leerspoor_domain::spreadsheet::als_cel(t).into_owned(),
        _ => w.als_tekst(),
    }
}

/// The longest text a cell may hold: a long explanation fits; a megabyte pasted into a name does not.
pub const MAX_TEKST: usize = 4000;

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
        // PostgreSQL text cannot hold NUL, and no field needs control characters but line breaks.
        Type::Tekst if t.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')) => {
            Err("bevat een stuurteken (onzichtbaar teken); verwijder het".into())
        }
        Type::Tekst if t.chars().count() > MAX_TEKST => {
            Err(format!("is {} tekens lang; ten hoogste {MAX_TEKST}", t.chars().count()))
        }
        Type::Tekst => Ok(Waarde::Tekst(Some(leerspoor_domain::spreadsheet::uit_cel(t).to_string()))),
        Type::Datum => parse_datum(t).map(|d| Waarde::Datum(Some(d))),
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use leerspoor_store::rij::{k, o};

    #[test]
    fn required_cells_may_not_be_empty() {
        assert_eq!(lees(&k("naam", Type::Tekst), " ").unwrap_err(), "verplicht veld is leeg");
        assert_eq!(lees(&o("einddatum", Type::Datum), "").unwrap(), Waarde::Datum(None));
    }

    #[test]
    fn every_type_reads_back_what_it_writes() {
        let gevallen = [
            (k("a", Type::Tekst), Waarde::Tekst(Some("Zeester".into()))),
            (k("a", Type::Tekst), Waarde::Tekst(Some("=HYPERLINK(\"https://elders.nl\")".into()))),
            (k("a", Type::Tekst), Waarde::Tekst(Some("'s-Hertogenbosch".into()))),
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
        assert_eq!(schrijf(&Waarde::Tekst(Some("-gesprek".into()))), "'-gesprek", "written as text for a spreadsheet");
        assert!(lees(&k("boa", Type::Bool), "misschien").is_err());
        assert!(
            lees(&k("voornamen", Type::Tekst), &"a".repeat(MAX_TEKST + 1)).unwrap_err().contains("ten hoogste 4000")
        );
    }
}
