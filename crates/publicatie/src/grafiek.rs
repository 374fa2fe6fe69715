//! Charts where the seed reports show one: trends over schooljaren as lines, comparisons between
//! gemeenten (or sectors, schools) as horizontal bars, with the area's average as a line. One SVG
//! string serves the HTML (inline) and the PDF (a virtual file for typst).
//!
//! Which table gets which chart is decided by its id ([`ontwerp`]); a table with another id, or
//! without the columns a chart needs, gets none. Text is set in [`LETTER`], the family bundled
//! for the PDF, so typst's SVG renderer finds it; the HTML overrides it with CSS.
use crate::{getal, is_totaal};
use leerspoor_report::Tabel;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The font family named in the SVG: the one the PDF bundles.
const LETTER: &str = "Inter";
const BREEDTE: u32 = 720;
const TEKST: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
const RASTER: RGBColor = RGBColor(0xd9, 0xd9, 0xd9);
/// Series colours, each at least 3:1 against white (WCAG 1.4.11), distinct in greyscale order.
const KLEUREN: [RGBColor; 4] =
    [RGBColor(0x15, 0x42, 0x73), RGBColor(0xc4, 0x5a, 0x00), RGBColor(0x39, 0x87, 0x0c), RGBColor(0xa9, 0x00, 0x61)];

/// A chart: the SVG and a sentence saying what it shows (its title and text alternative).
#[derive(Debug, Clone, PartialEq)]
pub struct Grafiek {
    pub beschrijving: String,
    pub svg: String,
}

struct Reeks {
    naam: String,
    waarden: Vec<Option<f64>>,
    /// The decimals of its column, so a label reads as the table does (25,0 beside 21,1).
    decimalen: usize,
}

impl Reeks {
    fn label(&self, v: f64) -> String {
        getal::getal(v, self.decimalen)
    }
}

/// More bars than this do not fit a page: the largest are shown, and the description says so.
const MAX_STAVEN: usize = 20;

enum Ontwerp {
    /// One line per series over the categories (schooljaren), left to right.
    Lijnen { x: Vec<String>, reeksen: Vec<Reeks> },
    /// Horizontal bars per category, grouped per series, with an optional reference line.
    Staven { categorieen: Vec<String>, reeksen: Vec<Reeks>, referentie: Option<f64> },
}

/// The chart of table `t`, if its kind has one.
pub fn grafiek(t: &Tabel) -> Option<Grafiek> {
    let (beschrijving, ontwerp) = ontwerp(t)?;
    let (Ontwerp::Lijnen { reeksen, .. } | Ontwerp::Staven { reeksen, .. }) = &ontwerp;
    // Published tables hide small counts and the rates beside them: a chart with most of its
    // values hidden says nothing, and the table says why they are missing.
    let getoond = reeksen.iter().flat_map(|r| &r.waarden).filter(|w| w.is_some()).count();
    let alle = reeksen.iter().map(|r| r.waarden.len()).sum::<usize>();
    if getoond * 2 < alle {
        return None;
    }
    let svg = match ontwerp {
        Ontwerp::Lijnen { x, reeksen } => lijnen(&x, &reeksen),
        Ontwerp::Staven { categorieen, reeksen, referentie } => staven(&categorieen, &reeksen, referentie),
    };
    Some(Grafiek { svg: met_titel(&svg, &beschrijving), beschrijving })
}

fn kolom(t: &Tabel, key: &str) -> Option<usize> {
    t.columns.iter().position(|c| c.key == key)
}

/// Series from columns, over the rows `rijen`.
fn reeksen(t: &Tabel, kolommen: &[usize], rijen: &[usize]) -> Vec<Reeks> {
    kolommen
        .iter()
        .map(|&k| Reeks {
            naam: t.columns[k].label.clone(),
            waarden: rijen.iter().map(|&r| t.rows[r].values[k].0).collect(),
            decimalen: getal::kolom_decimalen(t, k),
        })
        .collect()
}

fn ontwerp(t: &Tabel) -> Option<(String, Ontwerp)> {
    let gewone: Vec<usize> = (0..t.rows.len()).filter(|&r| !is_totaal(&t.rows[r].key)).collect();
    let labels = |rijen: &[usize]| rijen.iter().map(|&r| t.rows[r].label.clone()).collect::<Vec<_>>();
    let alle_kolommen: Vec<usize> = (0..t.columns.len()).collect();
    let per_jaar =
        if t.title.contains("per schooljaar") { t.title.clone() } else { format!("{} per schooljaar", t.title) };
    let trend = |kolommen: &[usize]| -> Option<(String, Ontwerp)> {
        (gewone.len() >= 2).then(|| {
            let beschrijving = per_jaar.clone();
            (beschrijving, Ontwerp::Lijnen { x: labels(&gewone), reeksen: reeksen(t, kolommen, &gewone) })
        })
    };
    match t.id {
        "maatregelen_per_jaar" | "rmc_aantal" => trend(&alle_kolommen),
        "recidive" => trend(&[kolom(t, "pct")?]),
        "ingeschreven_pct" | "vrijstellingen_gemeente" | "verzuim_per_1000" => {
            let (k, gemiddeld) = match t.id {
                "ingeschreven_pct" => (kolom(t, "pct")?, "totaal"),
                "vrijstellingen_gemeente" => (kolom(t, "per_1000")?, "totaal"),
                _ => (kolom(t, "relatief_per_1000")?, "regio"),
            };
            // Gemeenten are the rows keyed by their code; the area's figure is the reference.
            let gemeenten: Vec<usize> = (0..t.rows.len()).filter(|&r| t.rows[r].key.starts_with("GM")).collect();
            if gemeenten.len() < 2 {
                return None;
            }
            let referentie = t.rows.iter().find(|r| r.key == gemiddeld).and_then(|r| r.values[k].0);
            let beschrijving = format!("{} per gemeente", t.columns[k].label);
            let ontwerp =
                Ontwerp::Staven { categorieen: labels(&gemeenten), reeksen: reeksen(t, &[k], &gemeenten), referentie };
            Some((beschrijving, ontwerp))
        }
        "verzuim_per_school" if t.columns.len() >= 2 && !gewone.is_empty() => {
            let mut beschrijving = per_jaar.clone();
            let mut scholen = gewone.clone();
            if scholen.len() > MAX_STAVEN {
                // The schools with the most youths in the latest year; the table has them all.
                let laatste = t.columns.len() - 1;
                let waarde = |r: usize| t.rows[r].values[laatste].0.unwrap_or(0.0);
                scholen.sort_by(|a, b| waarde(*b).total_cmp(&waarde(*a)));
                scholen.truncate(MAX_STAVEN);
                beschrijving = format!(
                    "{beschrijving}: de {MAX_STAVEN} scholen met de meeste jongeren in {}",
                    t.columns[laatste].label
                );
            }
            let ontwerp = Ontwerp::Staven {
                categorieen: labels(&scholen),
                reeksen: reeksen(t, &alle_kolommen, &scholen),
                referentie: None,
            };
            Some((beschrijving, ontwerp))
        }
        "vsv_nieuw" => {
            // The VSV percentages, regional and national: every column with a pct key.
            let pct: Vec<usize> = (0..t.columns.len()).filter(|&k| t.columns[k].key.contains("pct")).collect();
            if pct.is_empty() || t.rows.is_empty() {
                return None;
            }
            let rijen: Vec<usize> = (0..t.rows.len()).collect();
            let beschrijving = format!("{}: VSV-percentage regio en landelijk", t.title);
            let ontwerp =
                Ontwerp::Staven { categorieen: labels(&rijen), reeksen: reeksen(t, &pct, &rijen), referentie: None };
            Some((beschrijving, ontwerp))
        }
        _ => None,
    }
}

fn letter(grootte: u32) -> TextStyle<'static> {
    (LETTER, grootte as f64 * 1.24).into_font().color(&TEKST)
}

/// The top of the axis: a little above the largest value, leaving room for the value labels.
fn bovengrens(reeksen: &[Reeks], marge: f64) -> f64 {
    let max = reeksen.iter().flat_map(|r| r.waarden.iter().flatten()).fold(0.0_f64, |a, &b| a.max(b));
    if max <= 0.0 { 1.0 } else { max * marge }
}

/// Axis ticks in Dutch notation; float noise of the tick steps stays out.
fn as_label(v: &f64) -> String {
    getal::los(*v)
}

/// A legend row above the plot when there is more than one series.
fn legenda(root: &DrawingArea<SVGBackend, Shift>, reeksen: &[Reeks], links: i32) {
    if reeksen.len() < 2 {
        return;
    }
    let mut x = links;
    for (i, r) in reeksen.iter().enumerate() {
        let kleur = KLEUREN[i % KLEUREN.len()];
        root.draw(&Rectangle::new([(x, 10), (x + 14, 24)], kleur.filled())).expect("SVG-tekenen");
        root.draw(&Text::new(r.naam.clone(), (x + 20, 17), letter(13).pos(Pos::new(HPos::Left, VPos::Center))))
            .expect("SVG-tekenen");
        x += 40 + (r.naam.chars().count() as i32) * 7;
    }
}

fn lijnen(x: &[String], reeksen: &[Reeks]) -> String {
    let hoogte = 320;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (BREEDTE, hoogte)).into_drawing_area();
        root.fill(&WHITE).expect("SVG-tekenen");
        legenda(&root, reeksen, 70);
        let n = x.len() as i32;
        let mut chart = ChartBuilder::on(&root)
            .margin_top(if reeksen.len() > 1 { 36 } else { 16 })
            .margin_right(24)
            .margin_left(8)
            .margin_bottom(8)
            .x_label_area_size(32)
            .y_label_area_size(56)
            // A segmented range 0..k has k + 1 segments.
            .build_cartesian_2d((0..n - 1).into_segmented(), 0.0..bovengrens(reeksen, 1.2))
            .expect("SVG-tekenen");
        let jaar = |v: &SegmentValue<i32>| match v {
            SegmentValue::CenterOf(i) => x.get(*i as usize).cloned().unwrap_or_default(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(x.len())
            .x_label_formatter(&jaar)
            .y_labels(6)
            .y_label_formatter(&as_label)
            .label_style(letter(13))
            .axis_style(TEKST)
            .bold_line_style(RASTER)
            // plotters 0.3.7 loops until overflow computing zero light points on an integer
            // axis (debug builds panic): ask for one, the x mesh is not drawn anyway.
            .x_max_light_lines(1)
            .y_max_light_lines(0)
            .draw()
            .expect("SVG-tekenen");
        for (i, r) in reeksen.iter().enumerate() {
            let kleur = KLEUREN[i % KLEUREN.len()];
            let punten: Vec<(SegmentValue<i32>, f64)> = r
                .waarden
                .iter()
                .enumerate()
                .filter_map(|(j, v)| v.map(|v| (SegmentValue::CenterOf(j as i32), v)))
                .collect();
            chart.draw_series(LineSeries::new(punten.clone(), kleur.stroke_width(3))).expect("SVG-tekenen");
            // Values beside the points only for a single line: several lines' labels collide,
            // and the table above has the figures.
            let label = |v: f64| if reeksen.len() == 1 { r.label(v) } else { String::new() };
            chart
                .draw_series(punten.iter().map(|p| {
                    EmptyElement::at(p.clone())
                        + Circle::new((0, 0), 4, kleur.filled())
                        + Text::new(label(p.1), (0, -10), letter(12).pos(Pos::new(HPos::Center, VPos::Bottom)))
                }))
                .expect("SVG-tekenen");
        }
        root.present().expect("SVG-tekenen");
    }
    svg
}

fn staven(categorieen: &[String], reeksen: &[Reeks], referentie: Option<f64>) -> String {
    let per_reeks = if reeksen.len() > 1 { 12 } else { 20 };
    let band = per_reeks * reeksen.len() as u32 + 10;
    let boven = if reeksen.len() > 1 || referentie.is_some() { 40 } else { 12 };
    let hoogte = boven + band * categorieen.len() as u32 + 40;
    let breedste = categorieen.iter().map(|c| c.chars().count()).max().unwrap_or(0) as u32;
    let labelruimte = (breedste * 7 + 16).clamp(80, 280);
    let n = categorieen.len() as f64;
    let xmax = bovengrens(reeksen, 1.15).max(referentie.unwrap_or(0.0) * 1.05);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (BREEDTE, hoogte)).into_drawing_area();
        root.fill(&WHITE).expect("SVG-tekenen");
        legenda(&root, reeksen, labelruimte as i32 + 8);
        let mut chart = ChartBuilder::on(&root)
            .margin_top(boven)
            .margin_right(40)
            .margin_left(8)
            .margin_bottom(8)
            .x_label_area_size(28)
            .y_label_area_size(labelruimte)
            .build_cartesian_2d(0.0..xmax, 0.0..n)
            .expect("SVG-tekenen");
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(6)
            .x_label_formatter(&as_label)
            .label_style(letter(13))
            .axis_style(TEKST)
            .bold_line_style(RASTER)
            .max_light_lines(0)
            .draw()
            .expect("SVG-tekenen");
        // Categories from the top down: category i fills y from n-i-1 to n-i.
        let dik = (1.0 - 10.0 / band as f64) / reeksen.len() as f64;
        for (i, c) in categorieen.iter().enumerate() {
            let boven_y = n - i as f64 - 5.0 / band as f64;
            let (px, py) = chart.backend_coord(&(0.0, n - i as f64 - 0.5));
            root.draw(&Text::new(c.clone(), (px - 8, py), letter(13).pos(Pos::new(HPos::Right, VPos::Center))))
                .expect("SVG-tekenen");
            for (j, r) in reeksen.iter().enumerate() {
                let Some(v) = r.waarden[i] else { continue };
                let kleur = KLEUREN[j % KLEUREN.len()];
                let (y1, y0) = (boven_y - j as f64 * dik, boven_y - (j + 1) as f64 * dik);
                chart.draw_series([Rectangle::new([(0.0, y0), (v, y1)], kleur.filled())]).expect("SVG-tekenen");
                let midden = (y0 + y1) / 2.0;
                chart
                    .draw_series([EmptyElement::at((v, midden))
                        + Text::new(r.label(v), (5, 0), letter(12).pos(Pos::new(HPos::Left, VPos::Center)))])
                    .expect("SVG-tekenen");
            }
        }
        if let Some(g) = referentie {
            chart
                .draw_series([DashedPathElement::new([(g, 0.0), (g, n)], 6, 4, TEKST.stroke_width(2))])
                .expect("SVG-tekenen");
            let (px, py) = chart.backend_coord(&(g, n));
            let tekst = format!("Gemiddeld: {}", reeksen[0].label(g));
            root.draw(&Text::new(tekst, (px, py - 8), letter(13).pos(Pos::new(HPos::Center, VPos::Bottom))))
                .expect("SVG-tekenen");
        }
        root.present().expect("SVG-tekenen");
    }
    svg
}

/// Adds the description as the SVG's accessible name (`role="img"` and `<title>`).
fn met_titel(svg: &str, beschrijving: &str) -> String {
    let titel = beschrijving.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let Some(eind) = svg.find('>') else { return svg.to_string() };
    let (open, rest) = svg.split_at(eind);
    format!("{open} role=\"img\"><title>{titel}</title>{}", &rest[1..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::voorbeeld;

    fn van(id: &str) -> Option<Grafiek> {
        grafiek(voorbeeld().iter().find(|t| t.id == id).unwrap())
    }

    #[test]
    fn trends_and_comparisons_get_a_chart_other_tables_none() {
        for id in
            ["maatregelen_per_jaar", "rmc_aantal", "recidive", "verzuim_per_1000", "ingeschreven_pct", "vsv_nieuw"]
        {
            let g = van(id).unwrap_or_else(|| panic!("{id} heeft een grafiek"));
            assert!(g.svg.starts_with("<svg") && g.svg.contains("role=\"img\"><title>"), "{id}");
            assert!(g.svg.contains("font-family=\"Inter\""), "{id}");
        }
        assert!(van("doelen").is_none());
        assert!(van("iets_nieuws").is_none());
    }

    #[test]
    fn a_trend_over_two_or_three_years_draws() {
        for n in [2, 3] {
            let mut t = voorbeeld().into_iter().find(|t| t.id == "maatregelen_per_jaar").unwrap();
            t.rows.truncate(n);
            assert!(grafiek(&t).is_some(), "{n} jaren");
        }
    }

    #[test]
    fn no_chart_when_publication_hid_most_of_its_values() {
        let mut t = voorbeeld().into_iter().find(|t| t.id == "ingeschreven_pct").unwrap();
        for r in 0..3 {
            t.rows[r].values[2].0 = None;
        }
        assert!(grafiek(&t).is_none());
        t.rows[0].values[2].0 = Some(90.0);
        assert!(grafiek(&t).is_some(), "de helft getoond is genoeg");
    }

    #[test]
    fn labels_and_values_are_dutch_and_the_average_is_marked() {
        let g = van("verzuim_per_1000").unwrap();
        assert!(g.svg.contains("Gemiddeld: 8,1"), "{}", g.svg);
        // plotters writes a text's content on a line of its own.
        let tekst = |svg: &str, s: &str| svg.contains(&format!(">\n{s}\n</text>"));
        assert!(tekst(&g.svg, "Zwolle") && tekst(&g.svg, "12,4"), "{}", g.svg);
        let g = van("maatregelen_per_jaar").unwrap();
        assert!(tekst(&g.svg, "2020-2021"));
        assert!(tekst(&g.svg, "1.000"), "duizendtallen met een punt");
    }
}
