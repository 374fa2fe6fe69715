//! The print file of a batch (docs/brieven.md "Reeksen"): the stored PDFs of its letters one after
//! the other, unchanged, so what the mail room prints is what the dossiers hold. For double-sided
//! printing a letter with an odd number of pages is followed by a blank one, so that every letter
//! starts on its own sheet.
use crate::Fout;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// The attributes a page may take from its parent in the page tree (ISO 32000 §7.7.3.4); the
/// letters' own page trees are dropped, so each page gets them itself.
const ERFBAAR: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// The letters in `pdfs` as one PDF, and how many pages each takes in it (a blank one included).
pub fn bundel(pdfs: &[&[u8]], dubbelzijdig: bool) -> Result<(Vec<u8>, Vec<usize>), Fout> {
    let fout = |e: lopdf::Error| Fout::Pdf(vec![format!("afdrukbestand: {e}")]);
    let mut uit = Document::with_version("1.7");
    let boom = uit.new_object_id();
    let mut paginas: Vec<ObjectId> = Vec::new();
    let mut aantallen = Vec::with_capacity(pdfs.len());
    for pdf in pdfs {
        let mut brief = Document::load_mem(pdf).map_err(fout)?;
        brief.renumber_objects_with(uit.max_id + 1);
        let eigen: Vec<ObjectId> = brief.get_pages().into_values().collect();
        let mut kaal = Vec::with_capacity(eigen.len());
        for id in &eigen {
            let mut pagina = brief.get_dictionary(*id).map_err(fout)?.clone();
            for sleutel in ERFBAAR {
                if !pagina.has(sleutel)
                    && let Some(w) = geerfd(&brief, &pagina, sleutel)
                {
                    pagina.set(sleutel, w);
                }
            }
            pagina.set("Parent", boom);
            kaal.push((*id, pagina));
        }
        for (id, object) in std::mem::take(&mut brief.objects) {
            let knoop = matches!(object.type_name(), Ok(b"Catalog" | b"Pages"));
            if !knoop {
                uit.objects.insert(id, object);
            }
        }
        uit.max_id = uit.max_id.max(brief.max_id);
        let laatste = kaal.last().map(|(_, p)| p.get(b"MediaBox").ok().cloned());
        for (id, pagina) in kaal {
            uit.objects.insert(id, Object::Dictionary(pagina));
            paginas.push(id);
        }
        let mut aantal = eigen.len();
        if dubbelzijdig && aantal % 2 == 1 {
            let mut leeg = Dictionary::new();
            leeg.set("Type", "Page");
            leeg.set("Parent", boom);
            leeg.set("Resources", Dictionary::new());
            if let Some(Some(formaat)) = laatste {
                leeg.set("MediaBox", formaat);
            }
            leeg.set("Contents", uit.add_object(Stream::new(Dictionary::new(), Vec::new())));
            paginas.push(uit.add_object(leeg));
            aantal += 1;
        }
        aantallen.push(aantal);
    }
    let mut knoop = Dictionary::new();
    knoop.set("Type", "Pages");
    knoop.set("Count", paginas.len() as i64);
    knoop.set("Kids", paginas.into_iter().map(Object::Reference).collect::<Vec<_>>());
    uit.objects.insert(boom, Object::Dictionary(knoop));
    let mut catalogus = Dictionary::new();
    catalogus.set("Type", "Catalog");
    catalogus.set("Pages", boom);
    let catalogus = uit.add_object(catalogus);
    uit.trailer.set("Root", catalogus);
    // The letters' structure trees and metadata hang from their dropped catalogs.
    uit.prune_objects();
    uit.compress();
    let mut bytes = Vec::new();
    uit.save_to(&mut bytes).map_err(|e| Fout::Pdf(vec![format!("afdrukbestand: {e}")]))?;
    Ok((bytes, aantallen))
}

/// The value of an inheritable attribute from the nearest ancestor that has it.
fn geerfd(doc: &Document, pagina: &Dictionary, sleutel: &[u8]) -> Option<Object> {
    let mut ouder = pagina.get(b"Parent").and_then(Object::as_reference).ok();
    // A page tree is shallow; the bound guards against a cycle in a damaged file.
    for _ in 0..32 {
        let knoop = doc.get_dictionary(ouder?).ok()?;
        if let Ok(w) = knoop.get(sleutel) {
            return Some(w.clone());
        }
        ouder = knoop.get(b"Parent").and_then(Object::as_reference).ok();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{VOORBEELD, brief};
    use leerspoor_domain::rules::brief::BriefSoort;

    fn letter(soort: BriefSoort) -> Vec<u8> {
        let mut v: serde_json::Value = serde_json::from_str(VOORBEELD).unwrap();
        v["soort"] = leerspoor_domain::code_enum::CodeEnum::code(soort).into();
        brief(soort, None, None, &v, chrono::NaiveDate::from_ymd_opt(2021, 6, 15).unwrap()).unwrap()
    }

    fn paginas(pdf: &[u8]) -> usize {
        Document::load_mem(pdf).unwrap().get_pages().len()
    }

    #[test]
    fn the_print_file_holds_every_page_of_every_letter_in_order() {
        let (a, b) = (letter(BriefSoort::Waarschuwing), letter(BriefSoort::ProcesVerbaal));
        let (na, nb) = (paginas(&a), paginas(&b));
        let (bundel, aantallen) = bundel(&[&a, &b, &a], false).unwrap();
        assert_eq!(aantallen, vec![na, nb, na]);
        assert_eq!(paginas(&bundel), 2 * na + nb);
        // Each page keeps its own size and resources although the letters' page trees are gone.
        let doc = Document::load_mem(&bundel).unwrap();
        for id in doc.get_pages().values() {
            let p = doc.get_dictionary(*id).unwrap();
            assert!(p.has(b"MediaBox") && p.has(b"Resources"), "{p:?}");
        }
        std::fs::write(std::env::temp_dir().join("leerspoor-reeks.pdf"), &bundel).unwrap();
    }

    #[test]
    fn double_sided_every_letter_starts_on_its_own_sheet() {
        let a = letter(BriefSoort::Waarschuwing);
        let n = paginas(&a);
        let (bundel, aantallen) = bundel(&[&a, &a], true).unwrap();
        let per = n + n % 2;
        assert_eq!(aantallen, vec![per, per]);
        assert_eq!(paginas(&bundel), 2 * per);
    }

    #[test]
    fn what_is_no_pdf_is_refused() {
        let fout = bundel(&[b"geen pdf".as_slice()], false).unwrap_err();
        assert!(fout.to_string().contains("afdrukbestand"), "{fout}");
    }
}
