//! `halt_pv_soort` and `halt_pv_afhandeling` (seed 000 Tabel 4 and 5): HALT referrals and
//! processen-verbaal of the verslagjaar and the year before, for 5- to 18-year-olds, by kind of
//! verzuim and by how they ended. Counted per measure, in the schooljaar of its date.
use super::sleutel;
use crate::tabel::Waarde;
use crate::{Fout, Kader, Tabel};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{Actie, ActieSoort, Medewerker, Verzuimmelding, Zaak, ZaakSoort};
use leerspoor_domain::rules::mas::{Afhandeling, afhandeling};
use leerspoor_domain::rules::melding;
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_store::rij;
use std::collections::HashMap;

const SOORTEN: [(&str, &str); 3] =
    [("relatief", "Relatief verzuim"), ("luxe", "Luxe verzuim"), ("absoluut", "Absoluut verzuim")];

/// The measures of the two years, with the kind of verzuim of their zaak.
struct Maatregelen {
    jaren: [SchoolJaar; 2],
    /// (kind of verzuim, year, action)
    acties: Vec<(&'static str, SchoolJaar, Actie)>,
    boas: [u32; 2],
}

/// The measures, found once for both tables.
async fn laad(kader: &Kader) -> Result<std::sync::Arc<Maatregelen>, Fout> {
    kader.eenmaal("halt_pv", || zoek(kader)).await
}

async fn zoek(kader: &Kader) -> Result<Maatregelen, Fout> {
    let jaren = [kader.jaar.vorig(), kader.jaar];
    let (van, tot) = (jaren[0].eerste_dag(), kader.jaar.laatste_dag());
    let acties = kader.acties(van, tot).await?;
    // The zaken of the two years' HALT referrals and processen-verbaal, and their luxe meldingen.
    macro_rules! maatregelen {
        () => {
            "(SELECT zaak FROM actie WHERE soort IN ($1, $2) AND datum >= $3 AND datum <= $4)"
        };
    }
    let binds = [rij::code(ActieSoort::Halt), rij::code(ActieSoort::ProcesVerbaal), rij::datum(van), rij::datum(tot)];
    let zaken: HashMap<String, Zaak> = kader
        .lees_met::<Zaak>(concat!("WHERE id IN ", maatregelen!()), &binds)
        .await?
        .into_iter()
        .map(|z| (z.id.clone(), z))
        .collect();
    let luxe: std::collections::HashSet<String> = kader
        .lees_met::<Verzuimmelding>(concat!("WHERE soort = 'luxe' AND zaak IN ", maatregelen!()), &binds)
        .await?
        .into_iter()
        .filter(melding::telt)
        .filter_map(|m| m.zaak)
        .collect();
    kader.bereid_scope().await?;
    let mut uit = Vec::new();
    for jaar in jaren {
        let peildatum = jaar.een_oktober();
        for a in acties.iter().filter(|a| SchoolJaar::van(a.datum) == jaar) {
            if !matches!(a.soort, ActieSoort::Halt | ActieSoort::ProcesVerbaal) || !kader.telt(&a.jongere, peildatum) {
                continue;
            }
            // 18+ (RMC) cases have no HALT or PV; the kind follows the zaak and its meldingen.
            let soort = match a.zaak.as_ref().and_then(|z| zaken.get(z)) {
                Some(z) if z.soort == ZaakSoort::Rmc => continue,
                Some(z) if z.soort == ZaakSoort::AbsoluutVerzuim => "absoluut",
                Some(z) if luxe.contains(&z.id) => "luxe",
                _ => "relatief",
            };
            uit.push((soort, jaar, (*a).clone()));
        }
    }
    let medewerkers: Vec<Medewerker> = kader.store.lees().await?;
    let in_dienst = |m: &Medewerker, d: Datum| m.in_dienst <= d && m.uit_dienst.is_none_or(|u| u >= d);
    let boas = jaren.map(|j| medewerkers.iter().filter(|m| m.boa && in_dienst(m, j.een_oktober())).count() as u32);
    Ok(Maatregelen { jaren, acties: uit, boas })
}

fn kolommen(jaren: [SchoolJaar; 2], soorten: &[(&str, &str)]) -> Vec<(String, String)> {
    jaren
        .iter()
        .flat_map(|j| soorten.iter().map(move |(k, l)| (format!("{k}_{}", sleutel(*j)), format!("{l} {j}"))))
        .collect()
}

/// Totaal row = the three kinds; per year, `totaal_{jaar}` = the given columns of that year.
fn sommen(t: &mut Tabel, jaren: [SchoolJaar; 2], delen: &[&str]) {
    let alle: Vec<String> = t.columns.iter().map(|c| c.key.clone()).collect();
    let alle: Vec<&str> = alle.iter().map(String::as_str).collect();
    t.som_van_rijen("totaal", &SOORTEN.map(|(k, _)| k), &alle);
    for j in jaren {
        let j = sleutel(j);
        let delen: Vec<String> = delen.iter().map(|d| format!("{d}_{j}")).collect();
        t.som_van_kolommen(&format!("totaal_{j}"), &delen.iter().map(String::as_str).collect::<Vec<_>>());
    }
}

fn tabel(id: &'static str, titel: &str, kolommen: &[(String, String)]) -> Tabel {
    let k: Vec<(&str, &str)> = kolommen.iter().map(|(k, l)| (k.as_str(), l.as_str())).collect();
    Tabel::nieuw(id, titel, &k)
}

pub async fn soort(kader: &Kader) -> Result<Tabel, Fout> {
    let m = laad(kader).await?;
    let mut t = tabel(
        "halt_pv_soort",
        "HALT-afdoeningen en processen-verbaal naar soort verzuim (5-18)",
        &kolommen(m.jaren, &[("halt", "HALT"), ("pv", "PV"), ("totaal", "Totaal")]),
    );
    let tel = |soort: Option<&str>, jaar: SchoolJaar, actie: ActieSoort| {
        m.acties.iter().filter(|(s, j, a)| soort.is_none_or(|x| x == *s) && *j == jaar && a.soort == actie).count()
            as u32
    };
    let cellen = |soort: Option<&str>| -> Vec<Waarde> {
        m.jaren
            .iter()
            .flat_map(|j| {
                let (h, p) = (tel(soort, *j, ActieSoort::Halt), tel(soort, *j, ActieSoort::ProcesVerbaal));
                [h, p, h + p].map(Waarde::getal)
            })
            .collect()
    };
    for (k, l) in SOORTEN {
        t.rij(k, l, cellen(Some(k)));
    }
    t.rij("totaal", "Totaal", cellen(None));
    let boas: Vec<Waarde> = m.boas.iter().flat_map(|b| [Waarde(None), Waarde(None), Waarde::getal(*b)]).collect();
    t.rij("aantal_boas", "Aantal BOA's (1 oktober)", boas);
    t.buiten_sommen.push("aantal_boas".into());
    sommen(&mut t, m.jaren, &["halt", "pv"]);
    t.noot("Per maatregel, in het schooljaar van de datum; alleen leerplicht- en kwalificatieplichtzaken (geen 18+). Luxe: de zaak heeft een melding van luxe verzuim.");
    t.noot(kader.noot_woonplaats("op 1 oktober van dat schooljaar"));
    Ok(t)
}

pub async fn afhandeling_tabel(kader: &Kader) -> Result<Tabel, Fout> {
    let m = laad(kader).await?;
    let soorten: Vec<(&str, &str)> =
        Afhandeling::ALL.iter().map(|a| (a.code(), a.label())).chain([("totaal", "Totaal")]).collect();
    let mut t =
        tabel("halt_pv_afhandeling", "HALT en processen-verbaal naar afhandeling", &kolommen(m.jaren, &soorten));
    let cellen = |soort: Option<&str>| -> Vec<Waarde> {
        m.jaren
            .iter()
            .flat_map(|j| {
                let hier: Vec<&Actie> = m
                    .acties
                    .iter()
                    .filter(|(s, jj, _)| soort.is_none_or(|x| x == *s) && jj == j)
                    .map(|(_, _, a)| a)
                    .collect();
                Afhandeling::ALL
                    .iter()
                    .map(|k| hier.iter().filter(|a| afhandeling(a.soort, a.uitkomst.as_deref()) == *k).count())
                    .chain([hier.len()])
                    .map(|n| Waarde::getal(n as u32))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    for (k, l) in SOORTEN {
        t.rij(k, l, cellen(Some(k)));
    }
    t.rij("totaal", "Totaal", cellen(None));
    sommen(&mut t, m.jaren, &Afhandeling::ALL.iter().map(|a| a.code()).collect::<Vec<_>>());
    t.noot("HALT-afdoeningen zijn leerstraffen: elke HALT-verwijzing staat onder HALT, en ook een proces-verbaal dat het OM naar HALT verwees. Overig: hulp en steun (bijv. jeugdreclassering), sepot of een afloop die het bureau zelf aan de lijst toevoegde. Onbekend: nog geen terugkoppeling van het OM.");
    t.noot(kader.noot_woonplaats("op 1 oktober van dat schooljaar"));
    Ok(t)
}
