//! Seed 000 Tabel 3 reproduced: a register built to hold exactly the meldingen the seed counts —
//! per year, kind, subregio and schoolherkomst — gives back every cell of both years.
mod common;
use common::{d, gm};
use leerspoor_domain::model::*;
use leerspoor_domain::onderwijs::{Niveau, Onderwijssoort};
use leerspoor_domain::{Bsn, SchoolJaar};
use leerspoor_ingest::{ImportOpties, importeer_dataset};
use leerspoor_report::{Kader, Scope};

/// Seed 000 Tabel 3, per row: WPO, WEC, WVO, WEB, onderwijs onbekend, geen inschrijving, totaal.
const T3_2019: [(&str, [u32; 7]); 7] = [
    ("relatief", [44, 40, 223, 182, 7, 0, 496]),
    ("relatief_18plus_zk", [0, 0, 9, 272, 0, 0, 281]),
    ("luxe", [98, 4, 28, 1, 0, 1, 132]),
    ("absoluut", [6, 5, 17, 17, 0, 13, 58]),
    ("subtotaal", [148, 49, 277, 472, 7, 14, 967]),
    ("relatief_18plus_ijmond", [0, 1, 1, 229, 0, 0, 231]),
    ("totaal", [148, 50, 278, 701, 7, 14, 1198]),
];
const T3_2020: [(&str, [u32; 7]); 7] = [
    ("relatief", [28, 47, 308, 168, 23, 0, 574]),
    ("relatief_18plus_zk", [0, 1, 10, 282, 1, 0, 294]),
    ("luxe", [16, 1, 20, 0, 9, 0, 46]),
    ("absoluut", [7, 5, 12, 4, 0, 4, 32]),
    ("subtotaal", [51, 54, 350, 454, 33, 4, 946]),
    ("relatief_18plus_ijmond", [0, 0, 3, 220, 2, 0, 225]),
    ("totaal", [51, 54, 353, 674, 35, 4, 1171]),
];

/// The schoolherkomst columns as the onderwijssoort of an enrolment (None: no enrolment at all).
const HERKOMST: [Option<Onderwijssoort>; 6] = [
    Some(Onderwijssoort::Bao),
    Some(Onderwijssoort::So),
    Some(Onderwijssoort::Vo),
    Some(Onderwijssoort::Mbo),
    Some(Onderwijssoort::Onbekend),
    None,
];

fn regio() -> Dataset {
    let mut ds = Dataset::default();
    ds.regio.push(Regio { code: "ZKI".into(), naam: "Zuid-Kennemerland en IJmond".into() });
    ds.subregios.push(Subregio { code: "zk".into(), naam: "Zuid-Kennemerland".into() });
    ds.subregios.push(Subregio { code: "ijmond".into(), naam: "IJmond".into() });
    // IJmond does leerplicht itself: the region holds only its 18-23 work ("IJmond alleen 18-23").
    for (code, naam, sub, lokaal) in [("GM0392", "Haarlem", "zk", false), ("GM0453", "Velsen", "ijmond", true)] {
        ds.gemeenten.push(Gemeente {
            code: gm(code),
            naam: naam.into(),
            subregio: sub.into(),
            leerplicht_lokaal: lokaal,
            vakantieregio: None,
            bezwaarcommissie: false,
        });
    }
    ds.scholen.push(School {
        brin: "00AA".into(),
        vestiging: "00".into(),
        naam: "School".into(),
        plaats: "Haarlem".into(),
        gemeente: Some(gm("GM0392")),
        ..School::default()
    });
    let mut bsns = (100_000_000u32..).filter_map(|x| Bsn::try_from(x).ok());
    for (jaar, tabel) in [(2019, T3_2019), (2020, T3_2020)] {
        let gemeld = SchoolJaar::beginnend_in(jaar).een_oktober();
        for (rij, cellen) in tabel.iter().filter(|(r, _)| !matches!(*r, "subtotaal" | "totaal")) {
            for (k, herkomst) in HERKOMST.iter().enumerate() {
                for n in 0..cellen[k] {
                    let id = format!("J-{jaar}-{rij}-{k}-{n}");
                    // 9-year-olds for the plichtige rows, 19 for 18+; Velsen only for its 18+ row.
                    let leeftijd = if rij.contains("18plus") { 19 } else { 9 };
                    let gemeente = if *rij == "relatief_18plus_ijmond" { "GM0453" } else { "GM0392" };
                    let geboren = d(&format!("{}-03-01", jaar - leeftijd));
                    ds.jongeren.push(Jongere {
                        id: id.clone(),
                        bsn: bsns.next().expect("BSN"),
                        voornamen: "Jongere".into(),
                        tussenvoegsel: String::new(),
                        achternaam: "Proef".into(),
                        geboortedatum: geboren,
                        geslacht: Geslacht::Onbekend,
                        overlijdensdatum: None,
                        twaalf_schooljaren_op: None,
                    });
                    ds.woonadressen.push(Woonadres {
                        id: format!("W-{id}"),
                        jongere: id.clone(),
                        gemeente: gm(gemeente),
                        straat: "Straat".into(),
                        huisnummer: "1".into(),
                        postcode: "2000AA".into(),
                        woonplaats: gemeente.into(),
                        begindatum: geboren,
                        einddatum: None,
                        vertrek: None,
                    });
                    // Absoluut: the education last followed ended in the summer; otherwise enrolled.
                    let absoluut = *rij == "absoluut";
                    if let Some(soort) = herkomst {
                        ds.inschrijvingen.push(Inschrijving {
                            id: format!("I-{id}"),
                            jongere: id.clone(),
                            brin: "00AA".into(),
                            vestiging: "00".into(),
                            onderwijssoort: *soort,
                            niveau: match soort {
                                Onderwijssoort::Vo => Some(Niveau::Havo),
                                Onderwijssoort::Mbo => Some(Niveau::Mbo2),
                                _ => None,
                            },
                            vso_profiel: None,
                            begindatum: d(&format!("{}-08-01", jaar - 1)),
                            einddatum: absoluut.then(|| d(&format!("{jaar}-07-31"))),
                        });
                    }
                    let soort = match *rij {
                        "relatief" => "wettelijk_16_uur",
                        "luxe" => "luxe",
                        "absoluut" => "absoluut",
                        _ => "achttien_plus",
                    };
                    ds.verzuimmeldingen.push(Verzuimmelding {
                        id: format!("M-{id}"),
                        jongere: id.clone(),
                        brin: (!absoluut).then(|| "00AA".into()),
                        vestiging: (!absoluut).then(|| "00".into()),
                        soort: soort.into(),
                        meldingsdatum: gemeld,
                        verzuim_van: gemeld,
                        verzuim_tot: None,
                        uren: Some(16),
                        reden: String::new(),
                        status: "geregistreerd".into(),
                        reden_afsluiting: None,
                        zaak: None,
                        preventief: false,
                        vervolg_op: None,
                        alle_lessen_gemist: None,
                        deels_lesbaar: None,
                    });
                }
            }
        }
    }
    ds
}

#[tokio::test]
async fn seed_000_tabel_3_is_reproduced_cell_for_cell() {
    for db in leerspoor_testdb::alle().await {
        let s = &db.store;
        let opties = ImportOpties { dry_run: false, gebruiker: "test".into() };
        importeer_dataset(s, regio(), "seed 000 tabel 3", &opties).await.expect("geldige registratie");
        let kader = std::sync::Arc::new(Kader::nieuw(s, SchoolJaar::beginnend_in(2020), Scope::Regio).await.unwrap());
        let t = leerspoor_report::bereken(&kader, &["verzuim_schoolherkomst".to_string()]).await.unwrap().remove(0);
        assert!(t.controleer().is_empty(), "{:?}", t.controleer());
        let kolommen = ["wpo", "wec", "wvo", "web", "onbekend", "geen_inschrijving", "totaal"];
        for (jaar, tabel) in [("2019_2020", T3_2019), ("2020_2021", T3_2020)] {
            for (rij, cellen) in tabel {
                for (kolom, verwacht) in kolommen.iter().zip(cellen) {
                    let key = format!("{rij}_{jaar}");
                    assert_eq!(t.cel(&key, kolom), Some(f64::from(verwacht)), "{key} × {kolom}");
                }
            }
        }
    }
}
