//! Writes hoofd.typ: calls of the functions in sjabloon.typ with the report's text as typst
//! string literals. A label is never pasted into markup, where `#`, `*`, `_`, `<`, `$` and `@`
//! would mean something; inside a string literal only `\` and `"` need escaping.
use crate::factsheet::Factsheet;
use crate::getal::{self, Cel};
use crate::grafiek::Grafiek;
use crate::hoofdstuk::Hoofdstuk;
use crate::{Publicatie, is_totaal};
use leerspoor_report::Tabel;
use std::fmt::Write;

/// Text width of A4 less the margins (2 cm each side) in points, upright and on its side.
const STAAND_PT: f64 = 482.0;
const LIGGEND_PT: f64 = 728.0;
/// Type sizes of a table: normal, and small for the widest.
const GEWOON_PT: f64 = 8.5;
const KLEIN_PT: f64 = 7.0;
/// Average advance of Inter per character, in em (tabular digits are about 0.62).
const TEKEN_EM: f64 = 0.6;
/// Room between number columns, in em, and the narrowest a number column gets.
const MARGE_EM: f64 = 1.6;
const GETAL_MIN_EM: f64 = 4.5;
/// The label column keeps room for its longest label up to this many em (longer ones wrap)
/// before a table goes on its side.
const LABEL_MIN_EM: f64 = 12.0;

/// `s` as a typst string literal.
pub fn tekst(s: &str) -> String {
    let mut uit = String::with_capacity(s.len() + 2);
    uit.push('"');
    for c in s.chars() {
        match c {
            '\\' => uit.push_str("\\\\"),
            '"' => uit.push_str("\\\""),
            '\n' => uit.push_str("\\n"),
            '\r' => uit.push_str("\\r"),
            '\t' => uit.push_str("\\t"),
            c => uit.push(c),
        }
    }
    uit.push('"');
    uit
}

pub(crate) fn lijst(items: impl IntoIterator<Item = String>) -> String {
    // A trailing comma keeps a one-element array an array: `("a",)`.
    let mut uit = String::from("(");
    for i in items {
        uit.push_str(&i);
        uit.push_str(", ");
    }
    uit.push(')');
    uit
}

/// The document: title page and contents come from `verslag`; then the chapters and the
/// factsheets. `grafieken` are the charts by table id, each a file at [`grafiek_pad`].
pub fn hoofd(
    p: &Publicatie,
    hoofdstukken: &[Hoofdstuk],
    factsheets: &[Factsheet],
    grafieken: &[(&str, Grafiek)],
) -> String {
    let mut m = format!(
        "#import \"{}\": *\n#show: verslag.with(titel: {}, gebied: {}, datum: {})\n",
        super::wereld::SJABLOON,
        tekst(&p.titel()),
        tekst(&p.gebied),
        tekst(&p.datum_tekst())
    );
    for h in hoofdstukken {
        // Consecutive wide tables share landscape pages; a chapter that opens with one takes its
        // heading along, so the heading is not left alone on an upright page.
        let mut kop = Some(format!("#hoofdstuk({})\n", tekst(h.titel)));
        let mut liggend: Option<String> = None;
        for t in &h.tabellen {
            let grafiek = grafieken.iter().find(|(id, _)| *id == t.id).map(|(_, g)| g);
            let (aanroep, breed) = tabel(t, p.drempel, grafiek);
            if breed {
                let groep = liggend.get_or_insert_with(String::new);
                groep.extend(kop.take());
                groep.push_str(&aanroep);
            } else {
                if let Some(groep) = liggend.take() {
                    let _ = writeln!(m, "#breed[\n{groep}]");
                }
                m.extend(kop.take());
                m.push_str(&aanroep);
            }
        }
        if let Some(groep) = liggend.take() {
            let _ = writeln!(m, "#breed[\n{groep}]");
        }
    }
    if let Some(eerste) = factsheets.first() {
        let noten = lijst(eerste.noten.iter().map(|n| tekst(n)));
        let _ = writeln!(m, "\n#factsheet_toelichting(noten: {noten})");
    }
    for f in factsheets {
        let blokken = f.blokken.iter().enumerate().map(|(i, b)| {
            let cijfers = lijst(b.cijfers.iter().map(|(w, l)| format!("({}, {})", tekst(w), tekst(l))));
            // The youth figures open the page large when they are its first block.
            let kern = i == 0 && b.titel == "Leerplichtige jongeren";
            format!("(titel: {}, kern: {kern}, cijfers: {cijfers})", tekst(b.titel))
        });
        let _ = writeln!(
            m,
            "\n#factsheet(naam: {}, jaar: {}, blokken: {})",
            tekst(&f.naam),
            tekst(&p.jaar),
            lijst(blokken)
        );
    }
    m
}

/// Where a table's chart lives in the virtual file system.
pub fn grafiek_pad(id: &str) -> String {
    format!("/grafiek/{id}.svg")
}

/// How a table is set: its page orientation, type size and column widths.
#[derive(Debug, PartialEq)]
struct Opmaak {
    liggend: bool,
    klein: bool,
    /// Typst track sizes: the label column takes what is left (`1fr`), number columns their need.
    kolommen: Vec<String>,
}

/// Column widths from the text they hold: a header may wrap over two lines, numbers never do.
/// A table that does not fit upright goes on its side, then in small type; if even that is too
/// narrow, the number columns share the width and their headers wrap further.
fn opmaak(t: &Tabel, cellen: &[Vec<String>]) -> Opmaak {
    let tekens = |s: &str| s.chars().count() as f64;
    let nodig: Vec<f64> = t
        .columns
        .iter()
        .enumerate()
        .map(|(k, kolom)| {
            let langste_woord = kolom.label.split_whitespace().map(tekens).fold(0.0, f64::max);
            let kop = langste_woord.max((tekens(&kolom.label) / 2.0).ceil());
            let getallen = cellen.iter().map(|rij| tekens(&rij[k])).fold(0.0, f64::max);
            (kop.max(getallen) * TEKEN_EM + MARGE_EM).max(GETAL_MIN_EM)
        })
        .collect();
    let langste_label = t.rows.iter().map(|r| tekens(&r.label)).fold(0.0, f64::max);
    let label_min = (langste_label * TEKEN_EM + MARGE_EM).min(LABEL_MIN_EM);
    let totaal: f64 = nodig.iter().sum::<f64>() + label_min;
    let (liggend, klein) = if totaal <= STAAND_PT / GEWOON_PT {
        (false, false)
    } else if totaal <= LIGGEND_PT / GEWOON_PT {
        (true, false)
    } else {
        (true, true)
    };
    let past = totaal <= LIGGEND_PT / KLEIN_PT;
    let getal = |b: &f64| if past { format!("{b:.1}em") } else { "1fr".to_string() };
    let label = if past { "1fr".to_string() } else { format!("{label_min:.1}em") };
    Opmaak { liggend, klein, kolommen: std::iter::once(label).chain(nodig.iter().map(getal)).collect() }
}

/// The call of `tabel` for `t`, and whether it goes on a landscape page.
fn tabel(t: &Tabel, drempel: Option<u32>, grafiek: Option<&Grafiek>) -> (String, bool) {
    let decimalen = getal::decimalen_per_kolom(t);
    let cellen: Vec<Vec<String>> = (0..t.rows.len())
        .map(|r| decimalen.iter().enumerate().map(|(k, d)| Cel::van(t, r, k, drempel).tekst(*d)).collect())
        .collect();
    let opmaak = opmaak(t, &cellen);
    let rijen = t.rows.iter().zip(&cellen).map(|(rij, cellen)| {
        let cellen = lijst(cellen.iter().map(|c| tekst(c)));
        format!("(label: {}, totaal: {}, cellen: {cellen})", tekst(&rij.label), is_totaal(&rij.key))
    });
    let mut aanroep = format!(
        "#tabel(\n  titel: {},\n  kolommen: {},\n  breedtes: {},\n  klein: {},\n  noten: {},\n  rijen: {},\n",
        tekst(&t.title),
        lijst(t.columns.iter().map(|k| tekst(&k.label))),
        lijst(opmaak.kolommen),
        opmaak.klein,
        lijst(t.notes.iter().map(|n| tekst(n))),
        lijst(rijen),
    );
    if let Some(g) = grafiek {
        let pad = grafiek_pad(t.id);
        let _ = write!(aanroep, "  grafiek: {},\n  beschrijving: {},\n", tekst(&pad), tekst(&g.beschrijving));
    }
    aanroep.push_str(")\n");
    (aanroep, opmaak.liggend)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals_escape_only_what_typst_strings_need() {
        assert_eq!(tekst("Art. 5 #a *b* _c_ <d> $e$ @f"), "\"Art. 5 #a *b* _c_ <d> $e$ @f\"");
        assert_eq!(tekst(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(tekst("regel\nregel"), "\"regel\\nregel\"");
        assert_eq!(lijst([tekst("a")]), "(\"a\", )");
    }

    fn tabel_met(kolommen: usize, kop: &str) -> (Tabel, Vec<Vec<String>>) {
        let keys: Vec<(String, String)> = (0..kolommen).map(|k| (format!("k{k}"), kop.to_string())).collect();
        let keys: Vec<(&str, &str)> = keys.iter().map(|(k, l)| (k.as_str(), l.as_str())).collect();
        let t = Tabel::nieuw("t", "t", &keys);
        (t, vec![vec!["18.437".to_string(); kolommen]])
    }

    #[test]
    fn wide_tables_turn_then_shrink_and_narrow_ones_stay_upright() {
        let (t, c) = tabel_met(3, "Jongeren 5 t/m 17");
        let o = opmaak(&t, &c);
        assert_eq!((o.liggend, o.klein), (false, false));
        assert_eq!(o.kolommen[0], "1fr", "het label krijgt de rest");
        let (t, c) = tabel_met(9, "Relatief per 1000");
        assert!(opmaak(&t, &c).liggend);
        let (t, c) = tabel_met(16, "Kolom met een kop");
        let o = opmaak(&t, &c);
        assert_eq!((o.liggend, o.klein), (true, true));
        let (t, c) = tabel_met(40, "Kolom met een kop");
        assert!(opmaak(&t, &c).kolommen[1..].iter().all(|k| k == "1fr"), "te breed: de getallen delen de ruimte");
    }
}
