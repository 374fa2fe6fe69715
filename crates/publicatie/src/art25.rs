//! The art. 25 opgave in the layout of the form, for all gemeenten of the region at once: one
//! workbook, a sheet per gemeente, the form's parts one below the other with their measures and
//! the gemeente's figures (docs/tabellen.md, `art25_opgave`). Laid out from the table
//! `art25_opgave` (a column per gemeente); nothing is computed here.
use crate::getal::{self, Cel};
use crate::xlsx::bladnaam;
use crate::{Fout, Publicatie};
use leerspoor_report::Tabel;
use rust_xlsxwriter::{DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet};

/// The form's parts, by the start of a measure's row key, in the form's order.
const ONDERDELEN: [(&str, &str); 5] = [
    ("jongeren", "1. Leerplichtigen"),
    ("absoluut", "2. Absoluut verzuim"),
    ("vrijstelling", "3. Vrijstellingen"),
    ("relatief", "4. Relatief verzuim"),
    ("lrv", "5. Langdurig relatief verzuim"),
];

/// The part a measure belongs to; luxe verzuim is part of relatief verzuim on the form.
fn onderdeel(rij_key: &str) -> &'static str {
    let key = if rij_key.starts_with("luxe") { "relatief" } else { rij_key };
    ONDERDELEN.iter().find(|(voor, _)| key.starts_with(voor)).map_or("Overig", |(_, naam)| naam)
}

/// Rows of a sheet: the heading block, then the form.
const TITEL_RIJ: u32 = 0;
const GEMEENTE_RIJ: u32 = 2;
const JAAR_RIJ: u32 = 3;
const EERSTE_ONDERDEEL_RIJ: u32 = 5;

/// The workbook: a sheet per gemeente column of `t` (not the total), named after the gemeente.
pub fn art25_xlsx(publicatie: &Publicatie, t: &Tabel) -> Result<Vec<u8>, Fout> {
    let mut boek = Workbook::new();
    let titel = format!("Opgave artikel 25 Leerplichtwet 1969 {}", publicatie.jaar);
    boek.set_properties(&DocProperties::new().set_title(&titel).set_subject(&publicatie.gebied));
    let mut namen: Vec<String> = Vec::new();
    for (k, kolom) in t.columns.iter().enumerate().filter(|(_, c)| c.key != "totaal") {
        let naam = bladnaam(&kolom.label, &namen);
        let blad = boek.add_worksheet();
        blad.set_name(&naam)?;
        namen.push(naam);
        formulier(blad, publicatie, t, k, &titel)?;
    }
    Ok(boek.save_to_buffer()?)
}

/// One gemeente's form: its name and code, the schooljaar, then each part with its measures.
fn formulier(blad: &mut Worksheet, publicatie: &Publicatie, t: &Tabel, k: usize, titel: &str) -> Result<(), Fout> {
    let vet = Format::new().set_bold();
    let kop = Format::new().set_bold().set_font_size(13);
    let onderdeel_kop = Format::new().set_bold().set_border_bottom(FormatBorder::Thin);
    let aantal = Format::new().set_num_format("#,##0");
    let noot = Format::new().set_italic().set_font_color("#444444");
    let kolom = &t.columns[k];

    blad.write_string_with_format(TITEL_RIJ, 0, titel, &kop)?;
    blad.write_string_with_format(GEMEENTE_RIJ, 0, "Gemeente", &vet)?;
    blad.write_string(GEMEENTE_RIJ, 1, format!("{} ({})", kolom.label, kolom.key))?;
    blad.write_string_with_format(JAAR_RIJ, 0, "Schooljaar", &vet)?;
    blad.write_string(JAAR_RIJ, 1, &publicatie.jaar)?;

    let mut nr = EERSTE_ONDERDEEL_RIJ;
    let mut vorig = "";
    for (r, rij) in t.rows.iter().enumerate() {
        let deel = onderdeel(&rij.key);
        if deel != vorig {
            if !vorig.is_empty() {
                nr += 1;
            }
            blad.write_string_with_format(nr, 0, deel, &onderdeel_kop)?;
            blad.write_string_with_format(nr, 1, "Aantal", &onderdeel_kop.clone().set_align(FormatAlign::Right))?;
            nr += 1;
            vorig = deel;
        }
        blad.write_string(nr, 0, &rij.label)?;
        match Cel::van(t, r, k, publicatie.drempel) {
            Cel::Getal(v) => blad.write_number_with_format(nr, 1, v, &aantal)?,
            Cel::Onderdrukt(d) => blad.write_string_with_format(
                nr,
                1,
                getal::onderdrukt(d),
                &Format::new().set_align(FormatAlign::Right),
            )?,
            Cel::Leeg => blad.write_blank(nr, 1, &aantal)?,
        };
        nr += 1;
    }
    nr += 1;
    for n in &t.notes {
        blad.write_string_with_format(nr, 0, n, &noot)?;
        nr += 1;
    }
    let breedste = t.rows.iter().map(|r| r.label.chars().count()).max().unwrap_or(20);
    blad.set_column_width(0, (breedste as f64 + 2.0).clamp(30.0, 70.0))?;
    blad.set_column_width(1, 14.0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::publicatie;
    use calamine::{Data, Reader, Xlsx};
    use leerspoor_report::Waarde;

    /// The shape of `art25_opgave`: two gemeenten and the total; Velsen does leerplicht itself.
    fn opgave() -> Tabel {
        let mut t = Tabel::nieuw(
            "art25_opgave",
            "Opgave art. 25 Leerplichtwet (Leerplichttelling) 2020-2021",
            &[("GM0392", "Haarlem"), ("GM0453", "Velsen"), ("totaal", "Totaal")],
        );
        let rij = |t: &mut Tabel, key: &str, label: &str, v: [Option<f64>; 3]| {
            t.rij(key, label, v.into_iter().map(Waarde).collect());
        };
        rij(&mut t, "jongeren_5_17", "Leerplichtigen 5 t/m 17 jaar", [Some(24310.0), Some(9050.0), Some(33360.0)]);
        rij(&mut t, "absoluut_verzuim", "Absoluut verzuim", [Some(41.0), None, Some(41.0)]);
        rij(&mut t, "vrijstelling_art_5a", "Vrijstelling art. 5 onder a", [Some(3.0), None, Some(3.0)]);
        rij(&mut t, "vrijstellingen_totaal", "Vrijstellingen totaal", [Some(12.0), None, Some(12.0)]);
        rij(&mut t, "relatief_verzuim", "Relatief verzuim", [Some(380.0), None, Some(380.0)]);
        rij(&mut t, "luxe_verzuim", "Luxe verzuim (art. 13a)", [Some(55.0), None, Some(55.0)]);
        rij(&mut t, "lrv_totaal", "Langdurig relatief verzuim totaal", [Some(27.0), None, Some(27.0)]);
        t.noot("Per jongere.");
        t.onderdrukt.push((2, 0));
        t.rows[2].values[0] = Waarde(None);
        t
    }

    #[test]
    fn a_sheet_per_gemeente_in_the_forms_parts() {
        let bytes = art25_xlsx(&publicatie(Some(5)), &opgave()).unwrap();
        let mut boek = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(boek.sheet_names(), ["Haarlem", "Velsen"], "geen blad voor het totaal");
        let blad = boek.worksheet_range("Haarlem").unwrap();
        let tekst = |r: u32, k: u32| match blad.get_value((r, k)) {
            Some(Data::String(s)) => s.clone(),
            anders => format!("{anders:?}"),
        };
        assert_eq!(tekst(GEMEENTE_RIJ, 1), "Haarlem (GM0392)");
        assert_eq!(tekst(JAAR_RIJ, 1), "2020-2021");
        // 1. Leerplichtigen, its measure; a blank line; 2. Absoluut verzuim …
        let r = EERSTE_ONDERDEEL_RIJ;
        assert_eq!(tekst(r, 0), "1. Leerplichtigen");
        assert_eq!(blad.get_value((r + 1, 1)), Some(&Data::Float(24310.0)));
        assert_eq!(tekst(r + 3, 0), "2. Absoluut verzuim");
        assert_eq!(blad.get_value((r + 4, 1)), Some(&Data::Float(41.0)));
        assert_eq!(tekst(r + 6, 0), "3. Vrijstellingen");
        assert_eq!(tekst(r + 7, 1), "< 5", "verborgen voor publicatie");
        assert_eq!(blad.get_value((r + 8, 1)), Some(&Data::Float(12.0)));
        // Luxe verzuim is part of relatief verzuim on the form.
        assert_eq!(tekst(r + 10, 0), "4. Relatief verzuim");
        assert_eq!(tekst(r + 12, 0), "Luxe verzuim (art. 13a)");
        assert_eq!(tekst(r + 14, 0), "5. Langdurig relatief verzuim");
        assert_eq!(tekst(r + 17, 0), "Per jongere.");
        // Velsen does leerplicht itself: its population only, the rest blank.
        let velsen = boek.worksheet_range("Velsen").unwrap();
        assert_eq!(velsen.get_value((r + 1, 1)), Some(&Data::Float(9050.0)));
        assert!(matches!(velsen.get_value((r + 4, 1)), None | Some(Data::Empty)));
    }

    #[test]
    fn every_measure_of_the_table_has_its_part() {
        for key in ["jongeren_5_17", "absoluut_verzuim", "vrijstelling_art_3b", "vrijstellingen_totaal"] {
            assert_ne!(onderdeel(key), "Overig", "{key}");
        }
        assert_eq!(onderdeel("relatief_herhaald"), "4. Relatief verzuim");
        assert_eq!(onderdeel("luxe_verzuim"), "4. Relatief verzuim");
        assert_eq!(onderdeel("lrv_verhuisd_overleden"), "5. Langdurig relatief verzuim");
    }
}
