//! HTML: the whole jaarverslag as one standalone page (inline CSS and SVG, nothing loaded from
//! elsewhere), with the content of the PDF; and a fragment per table for the web app.
//!
//! Accessibility (WCAG 2.1): `lang="nl"`, one `h1`, chapters as `section`s with `h2`, every
//! table with a `caption` and `th scope`, wide tables in a focusable scroll region, charts as
//! `role="img"` with a title and a caption, "< 5" explained in a `title`.
use crate::factsheet::{self, Factsheet};
use crate::getal::{self, Cel};
use crate::grafiek::grafiek;
use crate::hoofdstuk::{self, FACTSHEET};
use crate::{Publicatie, is_totaal};
use leerspoor_report::Tabel;
use std::fmt::Write;

/// The stylesheet of the document; the web app includes it for the fragments.
pub const STIJL: &str = include_str!("html/stijl.css");

/// The standalone document.
pub fn html(publicatie: &Publicatie, tabellen: &[Tabel]) -> String {
    let hoofdstukken = hoofdstuk::indelen(tabellen);
    let factsheets: Vec<Factsheet> = tabellen
        .iter()
        .filter(|t| t.id == FACTSHEET)
        .flat_map(|t| factsheet::factsheets(t, publicatie.drempel))
        .collect();
    let titel = esc(&publicatie.titel());
    let gebied = esc(&publicatie.gebied);
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{titel} – {gebied}</title>\n<style>\n{STIJL}</style>\n</head>\n<body>\n\
         <header class=\"titelblad\">\n<p class=\"gebied\">{gebied}</p>\n<h1>{titel}</h1>\n\
         <p class=\"datum\">Gepubliceerd op {}</p>\n</header>\n",
        esc(&publicatie.datum_tekst())
    );

    // Contents: chapters with their tables, numbered as in the PDF.
    h.push_str("<nav class=\"inhoud\" aria-labelledby=\"inhoud-kop\">\n<h2 id=\"inhoud-kop\">Inhoud</h2>\n<ol>\n");
    let mut nummer = 0;
    for (i, hs) in hoofdstukken.iter().enumerate() {
        let _ = write!(h, "<li><a href=\"#h-{}\">{} {}</a>\n<ol>\n", hs.anker, i + 1, esc(hs.titel));
        for t in &hs.tabellen {
            nummer += 1;
            let _ = writeln!(h, "<li><a href=\"#t-{}\">Tabel {nummer} – {}</a></li>", t.id, esc(&t.title));
        }
        h.push_str("</ol></li>\n");
    }
    if !factsheets.is_empty() {
        h.push_str("<li><a href=\"#factsheets\">Factsheets per gemeente</a></li>\n");
    }
    h.push_str("</ol>\n</nav>\n<main>\n");

    let mut nummer = 0;
    for (i, hs) in hoofdstukken.iter().enumerate() {
        let _ = write!(
            h,
            "<section id=\"h-{0}\" aria-labelledby=\"h-{0}-kop\">\n<h2 id=\"h-{0}-kop\">{1} {2}</h2>\n",
            hs.anker,
            i + 1,
            esc(hs.titel)
        );
        for t in &hs.tabellen {
            nummer += 1;
            h.push_str(&html_tabel(t, Some(nummer), publicatie.drempel));
        }
        h.push_str("</section>\n");
    }
    if !factsheets.is_empty() {
        h.push_str(
            "<section id=\"factsheets\" aria-labelledby=\"factsheets-kop\">\n\
             <h2 id=\"factsheets-kop\">Factsheets per gemeente</h2>\n",
        );
        for f in &factsheets {
            factsheet_html(&mut h, f, &publicatie.jaar);
        }
        h.push_str("</section>\n");
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// One table as an HTML fragment: the table (captioned "Tabel N – title" when numbered), its
/// notes, and its chart if it has one. Styled by [`STIJL`].
pub fn html_tabel(t: &Tabel, nummer: Option<usize>, drempel: Option<u32>) -> String {
    let decimalen = getal::decimalen_per_kolom(t);
    let mut h = String::new();
    let caption = match nummer {
        Some(n) => format!("Tabel {n} – {}", esc(&t.title)),
        None => esc(&t.title),
    };
    let _ = write!(
        h,
        "<div class=\"tabel\" id=\"t-{0}\">\n<div class=\"scroll\" role=\"region\" tabindex=\"0\" \
         aria-labelledby=\"t-{0}-titel\">\n<table>\n<caption id=\"t-{0}-titel\">{caption}</caption>\n\
         <thead>\n<tr><td></td>",
        t.id
    );
    for k in &t.columns {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(&k.label));
    }
    h.push_str("</tr>\n</thead>\n<tbody>\n");
    for (r, rij) in t.rows.iter().enumerate() {
        h.push_str(if is_totaal(&rij.key) { "<tr class=\"totaal\">" } else { "<tr>" });
        let _ = write!(h, "<th scope=\"row\">{}</th>", esc(&rij.label));
        for (k, d) in decimalen.iter().enumerate() {
            match Cel::van(t, r, k, drempel) {
                Cel::Onderdrukt(n) => {
                    let _ = write!(
                        h,
                        "<td><abbr title=\"minder dan {n}, niet getoond\">{}</abbr></td>",
                        esc(&getal::onderdrukt(n))
                    );
                }
                cel => {
                    let _ = write!(h, "<td>{}</td>", cel.tekst(*d));
                }
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n</div>\n");
    noten(&mut h, &t.notes);
    if let Some(g) = grafiek(t) {
        let _ = write!(
            h,
            "<figure class=\"grafiek\">\n{}\n<figcaption>Grafiek: {}</figcaption>\n</figure>\n",
            g.svg,
            esc(&g.beschrijving)
        );
    }
    h.push_str("</div>\n");
    h
}

fn factsheet_html(h: &mut String, f: &Factsheet, jaar: &str) {
    let _ = write!(
        h,
        "<article class=\"factsheet\" id=\"f-{0}\" aria-labelledby=\"f-{0}-kop\">\n\
         <p class=\"bovenschrift\">Factsheet leerplicht en RMC {1}</p>\n<h3 id=\"f-{0}-kop\">{2}</h3>\n\
         <div class=\"blokken\">\n",
        esc(&f.code),
        esc(jaar),
        esc(&f.naam)
    );
    for b in &f.blokken {
        let _ = write!(h, "<section class=\"blok\">\n<h4>{}</h4>\n<dl>\n", esc(b.titel));
        for (waarde, label) in &b.cijfers {
            let _ = writeln!(h, "<div><dt>{}</dt><dd>{}</dd></div>", esc(label), esc(waarde));
        }
        h.push_str("</dl>\n</section>\n");
    }
    h.push_str("</div>\n");
    noten(h, &f.noten);
    h.push_str("</article>\n");
}

fn noten(h: &mut String, noten: &[String]) {
    if noten.is_empty() {
        return;
    }
    h.push_str("<ul class=\"noten\">\n");
    for n in noten {
        let _ = writeln!(h, "<li>{}</li>", esc(n));
    }
    h.push_str("</ul>\n");
}

/// Text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut uit = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => uit.push_str("&amp;"),
            '<' => uit.push_str("&lt;"),
            '>' => uit.push_str("&gt;"),
            '"' => uit.push_str("&quot;"),
            '\'' => uit.push_str("&#39;"),
            c => uit.push(c),
        }
    }
    uit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::{LASTIG, publicatie, voorbeeld};

    #[test]
    fn a_standalone_accessible_document() {
        let tabellen = voorbeeld();
        let h = html(&publicatie(Some(5)), &tabellen);
        assert!(h.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
        assert!(h.contains("<caption id=\"t-jongeren_schoolherkomst-titel\">Tabel 1 – Jongeren naar schoolherkomst"));
        assert!(h.contains("<th scope=\"col\">WPO</th>"));
        assert!(h.contains("<th scope=\"row\">Jongens 5-18</th><td>18.437</td>"));
        assert!(h.contains("<tr class=\"totaal\"><th scope=\"row\">Totaal</th>"));
        assert!(h.contains("<figure class=\"grafiek\">\n<svg"), "grafiek inline");
        assert!(h.contains("<h3 id=\"f-GM0193-kop\">Zwolle</h3>"), "factsheet");
        assert!(h.contains("<dd>93,5%</dd>"));
        // Nothing from elsewhere: no links to files or sites, no scripts.
        for extern_ in ["src=", "href=\"http", "<link", "<script", "@import", "url("] {
            assert!(!h.contains(extern_), "{extern_}");
        }
        // Every table is in the document exactly once.
        assert_eq!(h.matches("<caption").count(), tabellen.len() - 1);
    }

    #[test]
    fn markup_in_labels_is_text_and_hidden_cells_say_so() {
        let mut t = voorbeeld().into_iter().find(|t| t.id == "iets_nieuws").unwrap();
        t.onderdrukt.push((0, 0));
        let h = html_tabel(&t, None, Some(5));
        assert!(!h.contains("<d>") && h.contains(&format!("<th scope=\"row\">{}</th>", esc(LASTIG))));
        assert!(h.contains("&lt;d&gt;") && h.contains("&quot;i&quot;"));
        assert!(h.contains("<td><abbr title=\"minder dan 5, niet getoond\">&lt; 5</abbr></td>"));
        assert!(h.contains("<td>1.234,5</td>"));
    }
}
