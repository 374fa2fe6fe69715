//! `verzuim_schoolherkomst` (seed 000 Tabel 3): meldingen of unauthorised absence of 5- to
//! 23-year-olds by kind and schoolherkomst, the verslagjaar and the year before. Counted per melding,
//! in the schooljaar of its meldingsdatum, in the gemeente the youth lived in on that date.
use super::sleutel;
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::SchoolJaar;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{Subregio, Verzuimmelding};
use leerspoor_domain::onderwijs::Schoolherkomst;
use leerspoor_domain::rules::melding;
use leerspoor_domain::rules::{leeftijd_op, schoolherkomst};
use leerspoor_store::Persoon;
use std::collections::HashMap;

pub async fn bereken(kader: &Kader) -> Result<Tabel, Fout> {
    let jaren = [kader.jaar.vorig(), kader.jaar];
    let meldingen = kader.verzuimmeldingen(jaren[0].eerste_dag(), kader.jaar.laatste_dag()).await?;
    let subregios: Vec<Subregio> = kader.store.lees().await?;
    let personen = kader.personen().await?;

    let kolommen: Vec<(&str, &str)> =
        Schoolherkomst::ALL.iter().map(|s| (s.code(), s.label())).chain([("totaal", "Totaal")]).collect();
    let mut t =
        Tabel::nieuw("verzuim_schoolherkomst", "Ongeoorloofd verzuim 5- tot 23-jarigen naar schoolherkomst", &kolommen);
    // Which subregios hold leerplicht themselves (the region has only their 18-23 work).
    let lokaal = |sub: &str| kader.regio.values().any(|g| g.subregio == sub && g.leerplicht_lokaal);
    for jaar in jaren {
        let mut tel: HashMap<String, [u32; 6]> = HashMap::new();
        for m in meldingen.iter().filter(|m| SchoolJaar::van(m.meldingsdatum) == jaar) {
            if !melding::telt(m) || m.soort == "zorgwekkend_ziekteverzuim" {
                continue;
            }
            let Some(jongere) = personen.van(&m.jongere) else { continue };
            let leeftijd = leeftijd_op(jongere.geboren(), m.verzuim_van);
            if !(5..23).contains(&leeftijd) {
                continue;
            }
            let gemeente = kader.gemeente_op(&m.jongere, m.meldingsdatum);
            if !matches!(kader.scope, crate::Scope::Regio) && !gemeente.is_some_and(|g| kader.in_scope(&g.code)) {
                continue;
            }
            let lokaal_gm = gemeente.is_some_and(|g| g.leerplicht_lokaal);
            let rij = match m.soort.as_str() {
                s if s == "achttien_plus" || leeftijd >= 18 => match gemeente {
                    Some(g) => format!("relatief_18plus_{}", g.subregio),
                    None => "relatief_18plus_onbekend".to_string(),
                },
                _ if lokaal_gm => continue,
                "luxe" => "luxe".to_string(),
                "absoluut" => "absoluut".to_string(),
                _ => "relatief".to_string(),
            };
            let herkomst = herkomst(jongere, m);
            let k = Schoolherkomst::ALL.iter().position(|s| *s == herkomst).expect("bekende schoolherkomst");
            tel.entry(rij).or_default()[k] += 1;
        }
        let rijen = |t: &mut Tabel, key: &str, label: String, v: [u32; 6]| {
            let som: u32 = v.iter().sum();
            t.rij(
                format!("{key}_{}", sleutel(jaar)),
                format!("{label} {jaar}"),
                v.iter().chain([&som]).map(|n| Waarde::getal(*n)).collect(),
            );
        };
        let opgeteld = |sleutels: &[String]| {
            let mut s = [0u32; 6];
            for k in sleutels {
                for (a, b) in s.iter_mut().zip(tel.get(k).copied().unwrap_or_default()) {
                    *a += b;
                }
            }
            s
        };
        let mut boven = vec!["relatief".to_string()];
        rijen(&mut t, "relatief", "Relatief verzuim".into(), opgeteld(&["relatief".into()]));
        for s in subregios.iter().filter(|s| !lokaal(&s.code)) {
            let k = format!("relatief_18plus_{}", s.code);
            rijen(&mut t, &k, format!("Relatief verzuim 18+ {}", s.naam), opgeteld(std::slice::from_ref(&k)));
            boven.push(k);
        }
        for (k, label) in [("luxe", "Luxe verzuim"), ("absoluut", "Absoluut verzuim (18-)")] {
            rijen(&mut t, k, label.into(), opgeteld(&[k.to_string()]));
            boven.push(k.to_string());
        }
        rijen(&mut t, "subtotaal", "Subtotaal 5-23".into(), opgeteld(&boven));
        let boven_sleutels = boven.clone();
        let mut alle = boven;
        for s in subregios.iter().filter(|s| lokaal(&s.code)) {
            let k = format!("relatief_18plus_{}", s.code);
            rijen(&mut t, &k, format!("Relatief verzuim 18+ {}", s.naam), opgeteld(std::slice::from_ref(&k)));
            alle.push(k);
        }
        // 18+ youths with no address in the region on the melding date, if any.
        if tel.contains_key("relatief_18plus_onbekend") {
            let k = "relatief_18plus_onbekend".to_string();
            rijen(&mut t, &k, "Relatief verzuim 18+ woonplaats onbekend".into(), opgeteld(std::slice::from_ref(&k)));
            alle.push(k);
        }
        rijen(&mut t, "totaal", "Totaal".into(), opgeteld(&alle));
        let j = sleutel(jaar);
        let metjaar = |ks: &[String]| ks.iter().map(|k| format!("{k}_{j}")).collect::<Vec<_>>();
        let (boven_j, alle_j) = (metjaar(&boven_sleutels), metjaar(&alle[..]));
        let kol: Vec<&str> = kolommen.iter().map(|(k, _)| *k).collect();
        t.som_van_rijen(&format!("subtotaal_{j}"), &boven_j.iter().map(String::as_str).collect::<Vec<_>>(), &kol);
        let subtotaal = format!("subtotaal_{j}");
        let delen: Vec<&str> = std::iter::once(subtotaal.as_str())
            .chain(alle_j.iter().map(String::as_str).filter(|k| !boven_j.iter().any(|b| b == k)))
            .collect();
        t.som_van_rijen(&format!("totaal_{j}"), &delen, &kol);
    }
    let herkomsten: Vec<&str> = Schoolherkomst::ALL.iter().map(|s| s.code()).collect();
    t.som_van_kolommen("totaal", &herkomsten);
    t.noot("Per melding, in het schooljaar van de meldingsdatum; niet: preventief contact, ingetrokken meldingen, zorgwekkend ziekteverzuim.");
    t.noot("Schoolherkomst: de inschrijving op de meldingsdatum; bij absoluut verzuim het laatst gevolgde onderwijs.");
    t.noot("Gemeente: de woonplaats op de meldingsdatum (zo komt de melding van DUO bij de gemeente). Subregio's die de leerplicht zelf doen: alleen 18-23.");
    Ok(t)
}

/// The schoolherkomst of a melding: the enrolment on its date; for absoluut verzuim the education
/// last followed.
fn herkomst(jongere: Persoon<'_>, m: &Verzuimmelding) -> Schoolherkomst {
    let op = m.meldingsdatum;
    let laatst = || jongere.schoolperioden().iter().filter(|i| i.begindatum <= op).max_by_key(|i| i.begindatum);
    let nu = jongere.ingeschreven_op(op);
    let i = if m.soort == "absoluut" { nu.or_else(laatst) } else { nu };
    schoolherkomst(i.map(|i| i.onderwijssoort))
}
