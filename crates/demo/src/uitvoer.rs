//! Turns the generator's compact records into the register's [`Dataset`], with stable ids.
use crate::bevolking::{Bevolking, Huishouden, OuderInfo, Persoon};
use crate::casework::Werk;
use crate::namen;
use crate::organisatie::{GEMEENTEN, REGIO_CODE, REGIO_NAAM, SUBREGIOS, Wereld};
use leerspoor_domain::Gemeentecode;
use leerspoor_domain::codes;
use leerspoor_domain::model::*;

/// `prefix` followed by `n` zero-padded to `breedte` digits ("J0000042").
fn id(prefix: &str, n: usize, breedte: usize) -> String {
    format!("{prefix}{n:0breedte$}")
}

fn jongere(j: u32) -> String {
    id("J", j as usize + 1, 7)
}

fn ouder(o: u32) -> String {
    id("O", o as usize + 1, 7)
}

fn zaak(z: u32) -> String {
    id("Z", z as usize + 1, 7)
}

fn medewerker(m: u32) -> String {
    id("MW", m as usize + 1, 3)
}

fn gemeentecode(g: u8) -> Gemeentecode {
    Gemeentecode::parse(GEMEENTEN[usize::from(g)].code).expect("geldige gemeentecode")
}

fn postcode(cijfers: u16, letters: u16) -> String {
    let mut s = String::with_capacity(7);
    tekst_getal(&mut s, u32::from(cijfers), 4);
    s.push(' ');
    s.push((b'A' + (letters / 26) as u8) as char);
    s.push((b'A' + (letters % 26) as u8) as char);
    s
}

/// Appends `n` zero-padded to `breedte` digits.
fn tekst_getal(s: &mut String, n: u32, breedte: usize) {
    use std::fmt::Write;
    write!(s, "{n:0breedte$}").expect("schrijven naar een String lukt altijd");
}

fn getal(n: u32) -> String {
    n.to_string()
}

fn kleine_letters(s: &mut String, woord: &str) {
    s.extend(woord.chars().map(|c| c.to_ascii_lowercase()));
}

pub(crate) fn dataset(w: &Wereld, bev: Bevolking, werk: Werk) -> Dataset {
    let codes: Vec<Gemeentecode> = (0..GEMEENTEN.len() as u8).map(gemeentecode).collect();
    let mut ds = organisatie(w, &codes);
    let Bevolking { personen, huishoudens, ouders } = bev;
    // Two halves in parallel; each list is still built in one order, so the result is the same
    // on any machine.
    let (deel_a, deel_b) = std::thread::scope(|s| {
        let a = s.spawn(|| jongeren_adressen_gezinnen(&personen, &huishoudens, &ouders, &codes));
        let b = onderwijs(&personen, w);
        (a.join().expect("uitvoer jongeren"), b)
    });
    drop(personen);
    drop(huishoudens);
    (ds.jongeren, ds.woonadressen, ds.gezinsrelaties) = deel_a;
    (ds.inschrijvingen, ds.diplomas, ds.vsv_meldingen) = deel_b;
    let (lijst, ()) = std::thread::scope(|s| {
        let o = s.spawn(|| ouders_lijst(&ouders));
        casework(&mut ds, w, werk);
        (o.join().expect("uitvoer ouders"), ())
    });
    ds.ouders = lijst;
    ds
}

fn organisatie(w: &Wereld, codes: &[Gemeentecode]) -> Dataset {
    Dataset {
        regio: vec![Regio { code: REGIO_CODE.to_string(), naam: REGIO_NAAM.to_string() }],
        subregios: SUBREGIOS
            .iter()
            .map(|(code, naam)| Subregio { code: code.to_string(), naam: naam.to_string() })
            .collect(),
        gemeenten: GEMEENTEN
            .iter()
            .zip(codes)
            .map(|(g, code)| Gemeente {
                code: code.clone(),
                naam: g.naam.to_string(),
                subregio: if g.zuid { SUBREGIOS[0].0 } else { SUBREGIOS[1].0 }.to_string(),
                leerplicht_lokaal: !g.zuid,
                vakantieregio: Some(Vakantieregio::Noord),
                bezwaarcommissie: false,
            })
            .collect(),
        scholen: w
            .scholen
            .iter()
            .map(|s| School {
                brin: s.brin.clone(),
                vestiging: s.vestiging.to_string(),
                naam: s.naam.clone(),
                plaats: s.gemeente.map_or_else(String::new, |g| GEMEENTEN[usize::from(g)].naam.to_string()),
                gemeente: s.gemeente.map(|g| codes[usize::from(g)].clone()),
                ..School::default()
            })
            .collect(),
        medewerkers: w
            .medewerkers
            .iter()
            .enumerate()
            .map(|(i, m)| Medewerker {
                id: medewerker(i as u32),
                naam: m.naam.clone(),
                email: m.email.clone(),
                rol: m.rol,
                boa: m.boa,
                fte: m.fte,
                gemeente: m.gemeente.map(|g| codes[usize::from(g)].clone()),
                in_dienst: m.in_dienst,
                uit_dienst: m.uit_dienst,
            })
            .collect(),
        vakanties: leerspoor_domain::kalender::ocw_vakanties(),
        codes: codes::standaard(),
        ..Dataset::default()
    }
}

/// What the demo's schools answer to DUO's "alle lessen gemist": a youth who stays away for a month
/// or goes on holiday misses everything; the other kinds are hours here and there.
fn alle_lessen_gemist(soort: &str) -> Option<bool> {
    match soort {
        "langdurig_1_maand" | "luxe" => Some(true),
        "wettelijk_16_uur" | "signaal" | "beginnend" | "achttien_plus" => Some(false),
        _ => None,
    }
}

fn jongeren_adressen_gezinnen(
    personen: &[Persoon],
    huishoudens: &[Huishouden],
    ouders: &[OuderInfo],
    codes: &[Gemeentecode],
) -> (Vec<Jongere>, Vec<Woonadres>, Vec<Gezinsrelatie>) {
    let n_adressen = personen.iter().map(|x| x.adressen.len()).sum();
    let n_relaties = personen.iter().map(|x| usize::from(huishoudens[x.huishouden as usize].ouders)).sum();
    let mut jongeren = Vec::with_capacity(personen.len());
    let mut adressen = Vec::with_capacity(n_adressen);
    let mut relaties = Vec::with_capacity(n_relaties);
    for (j, x) in personen.iter().enumerate() {
        let jid = jongere(j as u32);
        for a in &x.adressen {
            adressen.push(Woonadres {
                id: id("W", adressen.len() + 1, 7),
                jongere: jid.clone(),
                gemeente: codes[usize::from(a.gemeente)].clone(),
                straat: namen::STRATEN[usize::from(a.straat)].to_string(),
                huisnummer: getal(u32::from(a.huisnummer)),
                postcode: postcode(a.postcode, a.letters),
                woonplaats: GEMEENTEN[usize::from(a.gemeente)].naam.to_string(),
                begindatum: a.begin,
                einddatum: a.eind,
                vertrek: a.vertrek,
            });
        }
        let h = &huishoudens[x.huishouden as usize];
        for o in h.ouder_van..h.ouder_van + u32::from(h.ouders) {
            let info = &ouders[o as usize];
            relaties.push(Gezinsrelatie {
                jongere: jid.clone(),
                ouder: ouder(o),
                relatie: info.relatie,
                gezag: info.gezag,
            });
        }
        let voornaam = if x.man { namen::JONGENS } else { namen::MEISJES }[usize::from(x.voornaam)];
        jongeren.push(Jongere {
            id: jid,
            bsn: x.bsn,
            voornamen: voornaam.to_string(),
            tussenvoegsel: namen::TUSSENVOEGSELS[usize::from(x.tussenvoegsel)].0.to_string(),
            achternaam: namen::achternaam(x.achternaam),
            geboortedatum: x.geboren,
            geslacht: if x.man { Geslacht::Man } else { Geslacht::Vrouw },
            overlijdensdatum: None,
            twaalf_schooljaren_op: None,
        });
    }
    (jongeren, adressen, relaties)
}

fn onderwijs(personen: &[Persoon], w: &Wereld) -> (Vec<Inschrijving>, Vec<Diploma>, Vec<VsvMelding>) {
    let school = |s: u32| &w.scholen[s as usize];
    let mut insch = Vec::with_capacity(personen.iter().map(|x| x.insch.len()).sum());
    let mut dipl = Vec::with_capacity(personen.iter().map(|x| x.dipl.len()).sum());
    let mut vsv = Vec::with_capacity(personen.iter().map(|x| x.uitval.len()).sum());
    for (j, x) in personen.iter().enumerate() {
        for e in &x.insch {
            let s = school(e.school);
            insch.push(Inschrijving {
                id: id("I", insch.len() + 1, 7),
                jongere: jongere(j as u32),
                brin: s.brin.clone(),
                vestiging: s.vestiging.to_string(),
                onderwijssoort: e.soort,
                niveau: e.niveau,
                vso_profiel: e.profiel,
                begindatum: e.begin,
                einddatum: e.eind,
            });
        }
        for dp in &x.dipl {
            dipl.push(Diploma {
                id: id("D", dipl.len() + 1, 7),
                jongere: jongere(j as u32),
                soort: dp.soort,
                datum: dp.datum,
                brin: Some(school(dp.school).brin.clone()),
            });
        }
        for u in &x.uitval {
            let n = vsv.len() + 1;
            vsv.push(VsvMelding {
                id: id("S", n, 7),
                jongere: jongere(j as u32),
                uitvaldatum: u.datum,
                bron: if n % 7 == 0 { VsvBron::School } else { VsvBron::Duo },
                onderwijssoort: u.soort,
                niveau: u.niveau,
                brin: Some(school(u.school).brin.clone()),
            });
        }
    }
    (insch, dipl, vsv)
}

fn ouders_lijst(ouders: &[OuderInfo]) -> Vec<Ouder> {
    ouders
        .iter()
        .enumerate()
        .map(|(o, info)| {
            let voornaam = if info.man { namen::MANNEN } else { namen::VROUWEN }[usize::from(info.voornaam)];
            let achternaam = namen::achternaam(info.achternaam);
            let mut email = String::new();
            if info.email {
                email.reserve(voornaam.len() + achternaam.len() + 22);
                kleine_letters(&mut email, voornaam);
                email.push('.');
                kleine_letters(&mut email, &achternaam);
                tekst_getal(&mut email, (o % 100) as u32, 1);
                email.push_str("@voorbeeld.example");
            }
            let mut telefoon = String::with_capacity(11);
            telefoon.push_str("06-00");
            tekst_getal(&mut telefoon, info.telefoon, 6);
            Ouder {
                id: ouder(o as u32),
                bsn: info.bsn,
                voornamen: voornaam.to_string(),
                tussenvoegsel: namen::TUSSENVOEGSELS[usize::from(info.tussenvoegsel)].0.to_string(),
                achternaam,
                telefoon,
                email,
            }
        })
        .collect()
}

fn casework(ds: &mut Dataset, w: &Wereld, werk: Werk) {
    let school = |s: u32| &w.scholen[s as usize];
    ds.zaken = werk
        .zaken
        .iter()
        .enumerate()
        .map(|(i, z)| {
            let gesloten = z.gesloten();
            Zaak {
                id: zaak(i as u32),
                jongere: jongere(z.jongere),
                soort: z.soort,
                medewerker: z.medewerker.map(medewerker),
                geopend_op: z.geopend,
                status: z.status,
                gesloten_op: gesloten.then_some(z.sluit),
                reden_sluiting: gesloten.then(|| z.reden.to_string()),
            }
        })
        .collect();
    ds.verzuimmeldingen = werk
        .meldingen
        .iter()
        .enumerate()
        .map(|(i, m)| Verzuimmelding {
            id: id("M", i + 1, 7),
            jongere: jongere(m.jongere),
            brin: m.school.map(|s| school(s).brin.clone()),
            vestiging: m.school.map(|s| school(s).vestiging.to_string()),
            soort: m.soort.to_string(),
            meldingsdatum: m.datum,
            verzuim_van: m.van,
            verzuim_tot: m.tot,
            uren: m.uren,
            reden: m.reden.to_string(),
            status: m.status.to_string(),
            reden_afsluiting: m.afsluiting.map(str::to_string),
            zaak: Some(zaak(m.zaak)),
            preventief: false,
            vervolg_op: None,
            alle_lessen_gemist: alle_lessen_gemist(m.soort),
            deels_lesbaar: None,
        })
        .collect();
    ds.acties = werk
        .acties
        .iter()
        .enumerate()
        .map(|(i, a)| Actie {
            id: id("A", i + 1, 7),
            jongere: jongere(a.jongere),
            zaak: a.zaak.map(zaak),
            soort: a.soort,
            datum: a.datum,
            medewerker: a.medewerker.map(medewerker),
            pv_tegen: a.pv_tegen,
            ouder: a.ouder.map(ouder),
            overmacht: a.overmacht.map(str::to_string),
            uitkomst: a.uitkomst.map(str::to_string),
            uitkomst_datum: a.uitkomst_datum,
            toelichting: a.toelichting.to_string(),
        })
        .collect();
    ds.vrijstellingen = werk
        .vrijstellingen
        .iter()
        .enumerate()
        .map(|(i, v)| Vrijstelling {
            id: id("V", i + 1, 7),
            jongere: jongere(v.jongere),
            artikel: v.artikel.to_string(),
            status: v.status,
            aanvraagdatum: v.aanvraag,
            besluitdatum: v.besluit,
            geldig_van: v.van,
            geldig_tot: v.tot,
            beslisser: Beslisser::Leerplichtambtenaar,
            medewerker: v.medewerker.map(medewerker),
            artsverklaring_datum: v.arts,
            swv_advies_datum: v.swv,
            werkgeversverklaring_datum: None,
            verdaagd_tot: None,
            hoorzitting_op: None,
            dagen: v.dagen,
            toelichting: v.toelichting.to_string(),
            bezwaar_op: None,
        })
        .collect();
    ds.thuiszitperioden = werk
        .thuis
        .iter()
        .enumerate()
        .map(|(i, t)| Thuiszitperiode {
            id: id("T", i + 1, 7),
            jongere: jongere(t.jongere),
            zaak: t.zaak.map(zaak),
            soort: t.soort,
            begindatum: t.begin,
            einddatum: t.eind,
            reden_einde: t.reden,
            aanbod_datum: t.aanbod,
        })
        .collect();
    ds.rmc_trajecten = werk
        .rmc
        .iter()
        .enumerate()
        .map(|(i, r)| RmcTraject {
            id: id("R", i + 1, 7),
            jongere: jongere(r.jongere),
            soort: r.soort,
            medewerker: r.medewerker.map(medewerker),
            aangemeld_op: r.aangemeld,
            begindatum: r.begin,
            einddatum: r.eind,
            resultaat: r.resultaat.map(str::to_string),
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_hebben_vaste_breedte() {
        assert_eq!(id("J", 42, 7), "J0000042");
        assert_eq!(id("MW", 7, 3), "MW007");
        assert_eq!(id("I", 12_345_678, 7), "I12345678");
        assert_eq!(postcode(9101, 27), "9101 BB");
    }
}
