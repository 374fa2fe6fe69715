//! A table as a value: every table is one, and renderers never compute.
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tabel {
    pub id: &'static str,
    pub title: String,
    pub columns: Vec<Kolom>,
    pub rows: Vec<Rij>,
    /// What was counted: peildatum, per melding or per jongere, scope limits.
    pub notes: Vec<String>,
    /// How the table adds up, for the self-check and for protecting suppressed cells.
    #[serde(skip)]
    pub sommen: Vec<Som>,
    /// Cells hidden for publication (row, column), shown as "< drempel".
    #[serde(skip)]
    pub onderdrukt: Vec<(usize, usize)>,
    /// Columns computed from others (percentages, rates): not counts, never summed.
    #[serde(skip)]
    pub afgeleid: Vec<String>,
    /// Rows computed from others (a factsheet's percentages): not counts either.
    #[serde(skip)]
    pub afgeleide_rijen: Vec<String>,
    /// Rows outside the column sums (a count of staff beside the table's measures).
    #[serde(skip)]
    pub buiten_sommen: Vec<String>,
}

/// A total and the parts it is the sum of: rows (in the given columns) or columns (in every row).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Som {
    Rijen { totaal: String, delen: Vec<String>, kolommen: Vec<String> },
    Kolommen { totaal: String, delen: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kolom {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

impl<'de> Deserialize<'de> for Waarde {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<f64>::deserialize(d).map(Waarde)
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
            sommen: Vec::new(),
            onderdrukt: Vec::new(),
            afgeleid: Vec::new(),
            afgeleide_rijen: Vec::new(),
            buiten_sommen: Vec::new(),
        }
    }

    /// Marks rows as computed from others (percentages in a table of key figures).
    pub fn afgeleide_rijen(&mut self, rijen: &[&str]) {
        self.afgeleide_rijen.extend(rijen.iter().map(|k| k.to_string()));
    }

    /// Marks columns as computed from others (percentages, rates per 1000).
    pub fn afgeleide_kolommen(&mut self, kolommen: &[&str]) {
        self.afgeleid.extend(kolommen.iter().map(|k| k.to_string()));
    }

    /// Row `totaal` is the sum of rows `delen` in each of `kolommen` (counts, not percentages).
    pub fn som_van_rijen(&mut self, totaal: &str, delen: &[&str], kolommen: &[&str]) {
        self.sommen.push(Som::Rijen {
            totaal: totaal.into(),
            delen: delen.iter().map(|d| d.to_string()).collect(),
            kolommen: kolommen.iter().map(|k| k.to_string()).collect(),
        });
    }

    /// Column `totaal` is the sum of columns `delen` in every row.
    pub fn som_van_kolommen(&mut self, totaal: &str, delen: &[&str]) {
        self.sommen.push(Som::Kolommen { totaal: totaal.into(), delen: delen.iter().map(|d| d.to_string()).collect() });
    }

    fn rij_index(&self, key: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.key == key)
    }

    fn kolom_index(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }

    /// The groups of cells (row, column) that add up: each group's first cell is the total.
    fn groepen(&self) -> Vec<Vec<(usize, usize)>> {
        let mut uit = Vec::new();
        for som in &self.sommen {
            match som {
                Som::Rijen { totaal, delen, kolommen } => {
                    let (Some(t), delen) = (self.rij_index(totaal), delen.iter().filter_map(|d| self.rij_index(d)))
                    else {
                        continue;
                    };
                    let delen: Vec<usize> = delen.collect();
                    for k in kolommen.iter().filter_map(|k| self.kolom_index(k)) {
                        uit.push(std::iter::once((t, k)).chain(delen.iter().map(|d| (*d, k))).collect());
                    }
                }
                Som::Kolommen { totaal, delen } => {
                    let Some(t) = self.kolom_index(totaal) else { continue };
                    let delen: Vec<usize> = delen.iter().filter_map(|d| self.kolom_index(d)).collect();
                    for r in (0..self.rows.len()).filter(|r| !self.buiten_sommen.contains(&self.rows[*r].key)) {
                        uit.push(std::iter::once((r, t)).chain(delen.iter().map(|d| (r, *d))).collect());
                    }
                }
            }
        }
        uit
    }

    fn waarde(&self, (r, k): (usize, usize)) -> f64 {
        self.rows[r].values[k].0.unwrap_or(0.0)
    }

    /// The self-check: every declared total equals the sum of its parts. Each slip is a Dutch
    /// sentence naming the cell, the total and the sum.
    pub fn controleer(&self) -> Vec<String> {
        self.groepen()
            .into_iter()
            .filter_map(|g| {
                let totaal = self.waarde(g[0]);
                let som: f64 = g[1..].iter().map(|c| self.waarde(*c)).sum();
                ((totaal - som).abs() > 1e-9).then(|| {
                    let (r, k) = g[0];
                    format!(
                        "tabel {}: '{}' in kolom '{}' is {totaal}, maar de delen tellen op tot {som}",
                        self.id, self.rows[r].key, self.columns[k].key
                    )
                })
            })
            .collect()
    }

    /// Prepares the table for publication: counts from 1 up to `drempel` − 1 are hidden, and so
    /// much more in each sum that no hidden cell can be derived back from a total (secondary
    /// suppression: the smallest other part, or the total). Percentages and rates in a row with a
    /// hidden count are hidden too.
    pub fn publiceer(&mut self, drempel: u32) {
        let afgeleid: Vec<usize> = self.afgeleid.iter().filter_map(|k| self.kolom_index(k)).collect();
        let afgeleide_rijen: Vec<usize> = self.afgeleide_rijen.iter().filter_map(|k| self.rij_index(k)).collect();
        let telling: Vec<usize> = (0..self.columns.len()).filter(|k| !afgeleid.contains(k)).collect();
        let mut verborgen: std::collections::BTreeSet<(usize, usize)> = std::collections::BTreeSet::new();
        for (r, rij) in self.rows.iter().enumerate().filter(|(r, _)| !afgeleide_rijen.contains(r)) {
            for &k in &telling {
                if rij.values[k].0.is_some_and(|v| v > 0.0 && v < f64::from(drempel)) {
                    verborgen.insert((r, k));
                }
            }
        }
        let groepen = self.groepen();
        loop {
            let mut erbij = Vec::new();
            for g in &groepen {
                let open: Vec<(usize, usize)> = g.iter().copied().filter(|c| !verborgen.contains(c)).collect();
                if g.len() - open.len() == 1 && !open.is_empty() {
                    // One hidden cell in a sum can be recomputed: hide the smallest other one too.
                    let kleinste = open
                        .iter()
                        .copied()
                        .filter(|c| *c != g[0])
                        .min_by(|a, b| self.waarde(*a).total_cmp(&self.waarde(*b)));
                    erbij.push(kleinste.unwrap_or(g[0]));
                }
            }
            if erbij.is_empty() {
                break;
            }
            verborgen.extend(erbij);
        }
        let rijen_met_verborgen: Vec<usize> = verborgen.iter().map(|(r, _)| *r).collect();
        let kolommen_met_verborgen: Vec<usize> = verborgen.iter().map(|(_, k)| *k).collect();
        for r in rijen_met_verborgen {
            for &k in &afgeleid {
                verborgen.insert((r, k));
            }
        }
        // A derived row may rest on any count of its column (a factsheet): hidden with them.
        for k in kolommen_met_verborgen {
            for &r in &afgeleide_rijen {
                verborgen.insert((r, k));
            }
        }
        for &(r, k) in &verborgen {
            self.rows[r].values[k] = Waarde(None);
        }
        self.onderdrukt = verborgen.into_iter().collect();
        self.noot(format!("Aantallen van 1 tot {drempel} zijn niet getoond (< {drempel}), en zoveel andere cellen dat ze niet terug te rekenen zijn."));
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

/// A percentage rounded half-up to `decimalen` (docs/tabellen.md: to the precision the seed shows).
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

    fn voorbeeld() -> Tabel {
        let mut t =
            Tabel::nieuw("t", "voorbeeld", &[("halt", "HALT"), ("pv", "PV"), ("totaal", "Totaal"), ("pct", "%")]);
        t.rij("relatief", "Relatief", [24.0, 26.0, 50.0, 52.0].map(Waarde::getal).to_vec());
        t.rij("luxe", "Luxe", [0.0, 3.0, 3.0, 100.0].map(Waarde::getal).to_vec());
        t.rij("totaal", "Totaal", [24.0, 29.0, 53.0, 54.7].map(Waarde::getal).to_vec());
        t.som_van_rijen("totaal", &["relatief", "luxe"], &["halt", "pv", "totaal"]);
        t.som_van_kolommen("totaal", &["halt", "pv"]);
        t.afgeleide_kolommen(&["pct"]);
        t
    }

    #[test]
    fn a_table_checks_that_its_totals_add_up() {
        assert!(voorbeeld().controleer().is_empty());
        // Published tables have such slips: seed 000 Tabel 1 prints Subtotaal 5-18 WPO as 18.437 where
        // its parts add up to 18.473. (Its Tabel 6 adds up once the footnote markers are read as
        // footnotes, not digits.)
        let mut t = voorbeeld();
        t.rows[2].values[1] = Waarde::getal(30);
        let fouten = t.controleer();
        assert_eq!(fouten.len(), 2, "{fouten:?}");
        assert_eq!(fouten[0], "tabel t: 'totaal' in kolom 'pv' is 30, maar de delen tellen op tot 29");
    }

    #[test]
    fn small_counts_are_hidden_with_enough_others_that_they_cannot_be_derived() {
        let mut t = voorbeeld();
        t.publiceer(5);
        // Luxe PV 3 is hidden; in its row the smallest other part (HALT 0) or the total must go
        // too, and in its column the other part (relatief 26) or the total.
        let verborgen = |r: usize, k: usize| t.rows[r].values[k].0.is_none();
        assert!(verborgen(1, 1), "3 < 5");
        assert!(verborgen(1, 3), "het percentage van die rij");
        let rij_luxe = (0..3).filter(|k| verborgen(1, *k)).count();
        let kolom_pv = (0..3).filter(|r| verborgen(*r, 1)).count();
        assert!(rij_luxe >= 2 && kolom_pv >= 2, "{:?}", t.onderdrukt);
        // Every sum with a hidden cell has at least two.
        for g in t.groepen() {
            let n = g.iter().filter(|c| t.onderdrukt.contains(c)).count();
            assert!(n != 1, "{g:?}");
        }
        assert!(t.notes.last().unwrap().starts_with("Aantallen van 1 tot 5 zijn niet getoond"));
    }

    #[test]
    fn a_factsheets_percentage_rows_are_not_counts_but_go_with_a_hidden_count() {
        // One column per gemeente; "% ingeschreven" is a row. 3 (< 5) hides; 2 is a percentage.
        let mut t = Tabel::nieuw("f", "factsheet", &[("GM0001", "Eerstedorp"), ("GM0002", "Tweede")]);
        t.rij("jongeren", "Jongeren", [1200.0, 900.0].map(Waarde::getal).to_vec());
        t.rij("meldingen_luxe", "Luxe", [3.0, 12.0].map(Waarde::getal).to_vec());
        t.rij("pct", "% ingeschreven", [2.0, 98.5].map(Waarde::getal).to_vec());
        t.afgeleide_rijen(&["pct"]);
        t.publiceer(5);
        assert_eq!(t.onderdrukt, [(1, 0), (2, 0)], "de 3 en het percentage in die kolom");
        assert_eq!(t.rows[2].values[1], Waarde::getal(98.5), "een percentage van 98,5 is geen klein aantal");
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
