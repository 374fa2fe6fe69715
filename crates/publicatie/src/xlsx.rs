//! XLSX: one sheet per table, for offices that go on calculating. Numbers stay numbers with a
//! number format (Excel shows them in the reader's locale: 18.437 in a Dutch Excel); hidden
//! cells are the text "< 5"; the notes follow below the table.
use crate::getal::{self, Cel};
use crate::{Fout, Publicatie, is_totaal};
use leerspoor_report::Tabel;
use rust_xlsxwriter::{DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet};

/// Row of the title; the header row follows and is frozen with the label column.
const TITEL_RIJ: u32 = 0;
const KOP_RIJ: u32 = 1;
/// Excel's limit on a sheet name.
const MAX_NAAM: usize = 31;

/// The workbook as bytes: one sheet per table, named after its id.
pub fn xlsx(publicatie: &Publicatie, tabellen: &[Tabel]) -> Result<Vec<u8>, Fout> {
    let mut boek = Workbook::new();
    boek.set_properties(&DocProperties::new().set_title(publicatie.titel()).set_subject(&publicatie.gebied));
    let mut namen = Vec::new();
    for t in tabellen {
        let naam = bladnaam(t.id, &namen);
        let blad = boek.add_worksheet();
        blad.set_name(&naam)?;
        namen.push(naam);
        blad_vullen(blad, t, publicatie.drempel)?;
    }
    Ok(boek.save_to_buffer()?)
}

/// The sheet name: the id, cut to Excel's 31 characters, and numbered when that cut collides
/// (`relatief_gemeente_onderwijssoort` has 32).
pub(crate) fn bladnaam(id: &str, genomen: &[String]) -> String {
    // Ids are snake_case ASCII; anything Excel refuses in a name (`[]:*?/\`) becomes `_`.
    let schoon: String = id.chars().map(|c| if "[]:*?/\\".contains(c) || !c.is_ascii() { '_' } else { c }).collect();
    let kort: String = schoon.chars().take(MAX_NAAM).collect();
    let vrij = |n: &String| !genomen.iter().any(|g| g.eq_ignore_ascii_case(n));
    if vrij(&kort) {
        return kort;
    }
    (2..)
        .map(|i| {
            let achter = format!("~{i}");
            format!("{}{achter}", schoon.chars().take(MAX_NAAM - achter.len()).collect::<String>())
        })
        .find(vrij)
        .expect("er is altijd een vrij nummer")
}

/// `#,##0` with the column's decimals: Excel localises the separators.
fn getalformaat(decimalen: usize) -> String {
    if decimalen == 0 { "#,##0".into() } else { format!("#,##0.{}", "0".repeat(decimalen)) }
}

fn blad_vullen(blad: &mut Worksheet, t: &Tabel, drempel: Option<u32>) -> Result<(), Fout> {
    let titel = Format::new().set_bold().set_font_size(13);
    let kop = Format::new().set_bold().set_text_wrap().set_border_bottom(FormatBorder::Thin);
    let kop_getal = kop.clone().set_align(FormatAlign::Right);
    let noot = Format::new().set_italic().set_font_color("#444444");
    let decimalen = getal::decimalen_per_kolom(t);

    blad.write_string_with_format(TITEL_RIJ, 0, &t.title, &titel)?;
    blad.write_string_with_format(KOP_RIJ, 0, "", &kop)?;
    for (k, kolom) in t.columns.iter().enumerate() {
        blad.write_string_with_format(KOP_RIJ, kolnr(k), &kolom.label, &kop_getal)?;
    }
    blad.set_freeze_panes(KOP_RIJ + 1, 1)?;
    // Printed, the header repeats on every page.
    blad.set_repeat_rows(KOP_RIJ, KOP_RIJ)?;

    for (r, rij) in t.rows.iter().enumerate() {
        let nr = KOP_RIJ + 1 + r as u32;
        let vet = is_totaal(&rij.key);
        let mut label = Format::new();
        if vet {
            label = label.set_bold().set_border_top(FormatBorder::Thin);
        }
        blad.write_string_with_format(nr, 0, &rij.label, &label)?;
        for (k, d) in decimalen.iter().enumerate() {
            let mut f = Format::new().set_num_format(getalformaat(*d));
            if vet {
                f = f.set_bold().set_border_top(FormatBorder::Thin);
            }
            match Cel::van(t, r, k, drempel) {
                Cel::Getal(v) => blad.write_number_with_format(nr, kolnr(k), v, &f)?,
                Cel::Onderdrukt(d) => {
                    blad.write_string_with_format(nr, kolnr(k), getal::onderdrukt(d), &f.set_align(FormatAlign::Right))?
                }
                Cel::Leeg => blad.write_blank(nr, kolnr(k), &f)?,
            };
        }
    }
    let na = KOP_RIJ + 1 + t.rows.len() as u32 + 1;
    for (i, n) in t.notes.iter().enumerate() {
        blad.write_string_with_format(na + i as u32, 0, n, &noot)?;
    }

    // Widths in characters: the labels as they are (within reason), numbers as wide as their
    // header needs when wrapped over two lines.
    let breedste_label = t.rows.iter().map(|r| r.label.chars().count()).max().unwrap_or(10);
    blad.set_column_width(0, (breedste_label as f64 + 2.0).clamp(14.0, 50.0))?;
    for (k, kolom) in t.columns.iter().enumerate() {
        let kop = kolom.label.chars().count() as f64 / 2.0 + 2.0;
        blad.set_column_width(kolnr(k), kop.clamp(10.0, 24.0))?;
    }
    Ok(())
}

/// Spreadsheet column of table column `k` (column A holds the row labels).
fn kolnr(k: usize) -> u16 {
    u16::try_from(k + 1).expect("een tabel heeft minder dan 16.384 kolommen")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::{publicatie, voorbeeld};
    use calamine::{Data, Reader, Xlsx};

    #[test]
    fn sheet_names_fit_excel_and_stay_unique() {
        let lang = "relatief_gemeente_onderwijssoort";
        let eerste = bladnaam(lang, &[]);
        assert_eq!(eerste, "relatief_gemeente_onderwijssoor");
        let tweede = bladnaam(lang, std::slice::from_ref(&eerste));
        assert_eq!(tweede, "relatief_gemeente_onderwijsso~2");
        assert!(tweede.chars().count() <= MAX_NAAM);
        assert_eq!(bladnaam("a/b", &[]), "a_b");
    }

    #[test]
    fn reads_back_with_numbers_as_numbers_and_hidden_cells_as_text() {
        let mut tabellen = voorbeeld();
        tabellen[0].onderdrukt.push((1, 1));
        tabellen[0].rows[1].values[1].0 = None;
        let bytes = xlsx(&publicatie(Some(5)), &tabellen).unwrap();
        let mut boek = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let namen = boek.sheet_names();
        let ids: Vec<&str> = tabellen.iter().map(|t| t.id).collect();
        assert_eq!(namen.len(), ids.len());
        assert!(namen.contains(&"relatief_gemeente_onderwijssoor".to_string()), "{namen:?}");

        let blad = boek.worksheet_range(ids[0]).unwrap();
        assert_eq!(blad.get_value((TITEL_RIJ, 0)), Some(&Data::String(tabellen[0].title.clone())));
        assert_eq!(blad.get_value((KOP_RIJ, 1)), Some(&Data::String(tabellen[0].columns[0].label.clone())));
        assert_eq!(blad.get_value((KOP_RIJ + 1, 1)), Some(&Data::Float(18437.0)));
        assert_eq!(blad.get_value((KOP_RIJ + 2, 2)), Some(&Data::String("< 5".into())));
        let noot_rij = KOP_RIJ + 1 + tabellen[0].rows.len() as u32 + 1;
        assert_eq!(blad.get_value((noot_rij, 0)), Some(&Data::String(tabellen[0].notes[0].clone())));
    }
}
