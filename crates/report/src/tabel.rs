//! A table as a value (DESIGN.md: "every table is a value"): renderers never compute.
use serde::{Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tabel {
    pub id: &'static str,
    pub title: String,
    pub columns: Vec<Kolom>,
    pub rows: Vec<Rij>,
    /// What was counted: peildatum, per melding or per jongere, scope limits.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kolom {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rij {
    pub key: String,
    pub label: String,
    pub values: Vec<Waarde>,
}

/// A cell: a number, or empty.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Waarde(pub Option<f64>);

impl Waarde {
    pub fn getal(n: impl Into<f64>) -> Waarde {
        Waarde(Some(n.into()))
    }
}

/// Whole numbers as integers (18437, not 18437.0); empty as null.
impl Serialize for Waarde {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            None => s.serialize_none(),
            Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => s.serialize_i64(v as i64),
            Some(v) => s.serialize_f64(v),
        }
    }
}

impl Tabel {
    pub fn nieuw(id: &'static str, title: impl Into<String>, kolommen: &[(&str, &str)]) -> Tabel {
        Tabel {
            id,
            title: title.into(),
            columns: kolommen.iter().map(|(k, l)| Kolom { key: k.to_string(), label: l.to_string() }).collect(),
            rows: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn rij(&mut self, key: impl Into<String>, label: impl Into<String>, values: Vec<Waarde>) {
        assert_eq!(values.len(), self.columns.len(), "{}: een rij heeft een waarde per kolom", self.id);
        self.rows.push(Rij { key: key.into(), label: label.into(), values });
    }

    pub fn noot(&mut self, noot: impl Into<String>) {
        self.notes.push(noot.into());
    }

    /// The value in row `rij`, column `kolom` (by key), for tests and checks.
    pub fn cel(&self, rij: &str, kolom: &str) -> Option<f64> {
        let k = self.columns.iter().position(|c| c.key == kolom)?;
        self.rows.iter().find(|r| r.key == rij)?.values[k].0
    }
}

/// A percentage rounded half-up to `decimalen` (reports.md: to the precision the seed shows).
pub fn percentage(deel: f64, geheel: f64, decimalen: i32) -> Waarde {
    if geheel == 0.0 {
        return Waarde(None);
    }
    let f = 10f64.powi(decimalen);
    Waarde(Some((100.0 * deel / geheel * f + 0.5).floor() / f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_integers_in_json_and_empty_is_null() {
        let json = serde_json::to_string(&[Waarde::getal(18437), Waarde::getal(0.39), Waarde(None)]).unwrap();
        assert_eq!(json, "[18437,0.39,null]");
    }

    #[test]
    fn percentages_round_half_up() {
        // Seed 000 Tabel 7: 80 / 20.543 = 0,39 %.
        assert_eq!(percentage(80.0, 20543.0, 2), Waarde(Some(0.39)));
        assert_eq!(percentage(1.0, 8.0, 1), Waarde(Some(12.5)));
        assert_eq!(percentage(1.0, 16.0, 1), Waarde(Some(6.3)), "6,25 → 6,3");
        assert_eq!(percentage(1.0, 0.0, 1), Waarde(None));
    }
}
