//! Dutch number format for published output (docs/tabellen.md: 18.437; 0,39).
//!
//! Renderers never round: a table holds its figures at the precision it publishes (percentages
//! rounded by the table module, rates to 1 decimal), so a value is written with the decimals it
//! has. Within a column every cell gets the largest number of decimals in that column, so that
//! 93,5 and 94,0 line up. Float noise (0.1 + 0.2) is cut at [`MAX_DECIMALEN`].
use leerspoor_report::Tabel;

/// More decimals than any table publishes; beyond this a binary fraction is noise.
pub const MAX_DECIMALEN: usize = 6;

/// Shown for an empty cell in HTML and PDF (XLSX leaves the cell blank).
pub const LEEG: &str = "–";

/// What a cell shows in published output.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cel {
    Getal(f64),
    /// Hidden for publication: shown as "< drempel".
    Onderdrukt(u32),
    Leeg,
}

impl Cel {
    /// The cell at (`rij`, `kolom`): hidden cells only count as hidden when the threshold is known
    /// (`drempel`); without it they are empty, as the table holds no value for them.
    pub fn van(t: &Tabel, rij: usize, kolom: usize, drempel: Option<u32>) -> Cel {
        match (t.rows[rij].values[kolom].0, drempel) {
            (_, Some(d)) if t.onderdrukt.contains(&(rij, kolom)) => Cel::Onderdrukt(d),
            (Some(v), _) => Cel::Getal(v),
            (None, _) => Cel::Leeg,
        }
    }

    /// The cell as text with `decimalen` decimals (see [`kolom_decimalen`]).
    pub fn tekst(self, decimalen: usize) -> String {
        match self {
            Cel::Getal(v) => getal(v, decimalen),
            Cel::Onderdrukt(d) => onderdrukt(d),
            Cel::Leeg => LEEG.to_string(),
        }
    }
}

/// "< 5": a hidden count.
pub fn onderdrukt(drempel: u32) -> String {
    format!("< {drempel}")
}

/// How many decimals `v` has (0,39 → 2; 18437 → 0), up to [`MAX_DECIMALEN`].
pub fn decimalen(v: f64) -> usize {
    let s = format!("{:.*}", MAX_DECIMALEN, v.abs());
    let breuk = s.split_once('.').map_or("", |(_, b)| b);
    breuk.trim_end_matches('0').len()
}

/// The decimals a column is shown with: the most any of its values has.
pub fn kolom_decimalen(t: &Tabel, kolom: usize) -> usize {
    t.rows.iter().filter_map(|r| r.values[kolom].0).map(decimalen).max().unwrap_or(0)
}

/// The decimals of every column of `t`.
pub fn decimalen_per_kolom(t: &Tabel) -> Vec<usize> {
    (0..t.columns.len()).map(|k| kolom_decimalen(t, k)).collect()
}

/// `v` in Dutch notation with exactly `decimalen` decimals: 18.437; 0,39; −3 (a true minus sign).
pub fn getal(v: f64, decimalen: usize) -> String {
    let s = format!("{:.*}", decimalen.min(MAX_DECIMALEN), v.abs());
    let (geheel, breuk) = s.split_once('.').unwrap_or((&s, ""));
    let mut uit = String::new();
    // "−0" is not a figure anyone publishes: the sign only when something non-zero is shown.
    if v < 0.0 && s.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        uit.push('−');
    }
    for (i, c) in geheel.chars().enumerate() {
        if i > 0 && (geheel.len() - i) % 3 == 0 {
            uit.push('.');
        }
        uit.push(c);
    }
    if !breuk.is_empty() {
        uit.push(',');
        uit.push_str(breuk);
    }
    uit
}

/// `v` with its own decimals: for a single figure outside a table (a factsheet's key figure).
pub fn los(v: f64) -> String {
    getal(v, decimalen(v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use leerspoor_report::Waarde;

    #[test]
    fn thousands_get_a_dot_and_decimals_a_comma() {
        assert_eq!(getal(18437.0, 0), "18.437");
        assert_eq!(getal(0.39, 2), "0,39");
        assert_eq!(getal(1_234_567.5, 1), "1.234.567,5");
        assert_eq!(getal(999.0, 0), "999");
        assert_eq!(getal(1000.0, 0), "1.000");
        assert_eq!(getal(100_000.0, 0), "100.000");
    }

    #[test]
    fn zero_and_negatives() {
        assert_eq!(getal(0.0, 0), "0");
        assert_eq!(getal(0.0, 1), "0,0");
        assert_eq!(getal(-0.0, 0), "0");
        assert_eq!(getal(-3.0, 0), "−3");
        assert_eq!(getal(-12_500.25, 2), "−12.500,25");
        assert_eq!(getal(-0.0001, 1), "0,0", "geen min voor een getoonde nul");
    }

    #[test]
    fn a_value_keeps_the_precision_the_table_gave_it_and_is_never_rounded_further() {
        assert_eq!(los(0.39), "0,39");
        assert_eq!(los(93.5), "93,5");
        assert_eq!(los(18437.0), "18.437");
        // The table did not round 0.385: the renderer shows what it got, not 0,39.
        assert_eq!(los(0.385), "0,385");
        assert_eq!(decimalen(0.1 + 0.2), 1, "binaire ruis telt niet");
        assert_eq!(los(0.1 + 0.2), "0,3");
    }

    #[test]
    fn a_column_is_shown_with_the_most_decimals_among_its_values() {
        let mut t = Tabel::nieuw("t", "t", &[("aantal", "Aantal"), ("pct", "%")]);
        t.rij("a", "A", vec![Waarde::getal(2009), Waarde::getal(93.5)]);
        t.rij("b", "B", vec![Waarde::getal(1878), Waarde::getal(94)]);
        t.rij("c", "C", vec![Waarde(None), Waarde(None)]);
        assert_eq!(decimalen_per_kolom(&t), vec![0, 1]);
        assert_eq!(Cel::van(&t, 1, 1, None).tekst(1), "94,0");
        assert_eq!(Cel::van(&t, 2, 0, Some(5)).tekst(0), LEEG);
        t.onderdrukt.push((2, 0));
        assert_eq!(Cel::van(&t, 2, 0, Some(5)).tekst(0), "< 5");
        assert_eq!(Cel::van(&t, 2, 0, None), Cel::Leeg, "zonder drempel geen '< ?'");
    }
}
