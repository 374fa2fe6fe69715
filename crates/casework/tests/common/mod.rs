//! A small region for the casework stories: Zuidkust (two gemeenten), three schools, the office's
//! staff, and the youths the stories are about. Imported through the bundle checks like any data.
#![allow(dead_code, reason = "each test file uses its own part of the fixture")]
use leerspoor_casework::medewerker;
use leerspoor_domain::model::*;
use leerspoor_domain::onderwijs::{DiplomaSoort, Niveau, Onderwijssoort};
use leerspoor_domain::{Bsn, Datum, Gemeentecode};
use leerspoor_ingest::{ImportOpties, importeer_dataset};
use leerspoor_store::Store;
use leerspoor_testdb::TestDb;

pub fn d(s: &str) -> Datum {
    s.parse().expect("datum")
}

/// Staff: a leerplichtambtenaar with and one without BOA, an RMC-consulent, an administratief
/// medewerker, a teamleider and a beleidsmedewerker.
pub const BOA: &str = "MW-BOA";
pub const LPA: &str = "MW-LPA";
pub const RMC: &str = "MW-RMC";
pub const ADMIN: &str = "MW-ADM";
pub const TEAMLEIDER: &str = "MW-TL";
pub const BELEID: &str = "MW-BEL";

/// Youths. Sara (born 14 March 2008) goes to the Duinlyceum; her mother is Fatima.
pub const SARA: &str = "J-SARA";
pub const FATIMA: &str = "O-FATIMA";
/// Daan (born 20 May 2004) left the Duinlyceum with a vmbo-kb diploma on 31 July 2020.
pub const DAAN: &str = "J-DAAN";
/// Lieke (born 10 January 2010) is at primary school.
pub const LIEKE: &str = "J-LIEKE";
/// Emma (born 1 September 2012) is at primary school.
pub const EMMA: &str = "J-EMMA";
/// Kevin (born 2 February 1996) is 24 in 2020, with a havo diploma.
pub const KEVIN: &str = "J-KEVIN";
/// Noor (born 5 June 2001) is 19 in 2020, without startkwalificatie, at the ROC.
pub const NOOR: &str = "J-NOOR";

pub const DUINLYCEUM: (&str, &str) = ("10AB", "00");
pub const DE_WIEKEN: (&str, &str) = ("20CD", "00");
pub const ROC: (&str, &str) = ("30EF", "01");

pub fn school(s: (&str, &str)) -> Option<(String, String)> {
    Some((s.0.to_string(), s.1.to_string()))
}

pub async fn regio() -> Vec<TestDb> {
    let dbs = leerspoor_testdb::alle().await;
    for db in &dbs {
        let opties = ImportOpties { dry_run: false, gebruiker: "test".into() };
        importeer_dataset(&db.store, dataset(), "verhalen", &opties).await.expect("de testregio is geldig");
    }
    dbs
}

pub async fn mw(store: &Store, id: &str) -> Medewerker {
    medewerker(store, id).await.expect("medewerker")
}

fn gm(code: &str) -> Gemeentecode {
    Gemeentecode::parse(code).unwrap()
}

fn dataset() -> Dataset {
    let mut ds = Dataset::default();
    ds.regio.push(Regio { code: "ZK".into(), naam: "Zuidkust".into() });
    ds.subregios.push(Subregio { code: "ZK".into(), naam: "Zuidkust".into() });
    for (code, naam) in [("GM9901", "Zandvoorde"), ("GM9902", "Duinwijk")] {
        ds.gemeenten.push(Gemeente {
            code: gm(code),
            naam: naam.into(),
            subregio: "ZK".into(),
            leerplicht_lokaal: false,
            vakantieregio: None,
            bezwaarcommissie: false,
        });
    }
    for ((brin, vestiging), naam) in
        [(DUINLYCEUM, "Duinlyceum"), (DE_WIEKEN, "Basisschool De Wieken"), (ROC, "ROC Zuidkust")]
    {
        ds.scholen.push(School {
            brin: brin.into(),
            vestiging: vestiging.into(),
            naam: naam.into(),
            plaats: "Zandvoorde".into(),
            gemeente: Some(gm("GM9901")),
            ..School::default()
        });
    }
    for (id, naam, rol, boa) in [
        (BOA, "Bram Boa", Rol::Leerplichtambtenaar, true),
        (LPA, "Lotte Leerplicht", Rol::Leerplichtambtenaar, false),
        (RMC, "Rik Rmc", Rol::RmcConsulent, false),
        (ADMIN, "Anna Admin", Rol::Administratief, false),
        (TEAMLEIDER, "Tom Teamleider", Rol::Teamleider, false),
        (BELEID, "Bea Beleid", Rol::Beleidsmedewerker, false),
    ] {
        ds.medewerkers.push(Medewerker {
            id: id.into(),
            naam: naam.into(),
            email: format!("{}@zuidkust.example", id.to_lowercase()),
            rol,
            boa,
            fte: 1.0,
            gemeente: None,
            in_dienst: d("2015-01-01"),
            uit_dienst: None,
        });
    }
    let bsns = ["111222333", "123456782", "100000009", "100000010", "100000022", "100000034"];
    for (i, (id, voornaam, geboren)) in [
        (SARA, "Sara", "2008-03-14"),
        (DAAN, "Daan", "2004-05-20"),
        (LIEKE, "Lieke", "2010-01-10"),
        (EMMA, "Emma", "2012-09-01"),
        (KEVIN, "Kevin", "1996-02-02"),
        (NOOR, "Noor", "2001-06-05"),
    ]
    .into_iter()
    .enumerate()
    {
        ds.jongeren.push(Jongere {
            id: id.into(),
            bsn: Bsn::parse(bsns[i]).expect("geldig BSN"),
            voornamen: voornaam.into(),
            tussenvoegsel: String::new(),
            achternaam: "de Vries".into(),
            geboortedatum: d(geboren),
            geslacht: Geslacht::Onbekend,
            overlijdensdatum: None,
            twaalf_schooljaren_op: None,
        });
        ds.woonadressen.push(Woonadres {
            id: format!("W-{voornaam}"),
            jongere: id.into(),
            gemeente: gm("GM9901"),
            straat: "Strandweg".into(),
            huisnummer: (i + 1).to_string(),
            postcode: "9901AA".into(),
            woonplaats: "Zandvoorde".into(),
            begindatum: d("2000-01-01").max(d(geboren)),
            einddatum: None,
            vertrek: None,
        });
    }
    ds.ouders.push(Ouder {
        id: FATIMA.into(),
        bsn: None,
        voornamen: "Fatima".into(),
        tussenvoegsel: String::new(),
        achternaam: "de Vries".into(),
        telefoon: "0612345678".into(),
        email: String::new(),
    });
    ds.gezinsrelaties.push(Gezinsrelatie {
        jongere: SARA.into(),
        ouder: FATIMA.into(),
        relatie: OuderRelatie::Moeder,
        gezag: true,
    });
    let inschrijving =
        |id: &str, jongere: &str, s: (&str, &str), soort, niveau, van: &str, tot: Option<&str>| Inschrijving {
            id: id.into(),
            jongere: jongere.into(),
            brin: s.0.into(),
            vestiging: s.1.into(),
            onderwijssoort: soort,
            niveau,
            vso_profiel: None,
            begindatum: d(van),
            einddatum: tot.map(d),
        };
    ds.inschrijvingen = vec![
        inschrijving("I-SARA-BAO", SARA, DE_WIEKEN, Onderwijssoort::Bao, None, "2012-08-01", Some("2020-07-31")),
        inschrijving("I-SARA-VO", SARA, DUINLYCEUM, Onderwijssoort::Vo, Some(Niveau::Havo), "2020-08-01", None),
        inschrijving(
            "I-DAAN-VO",
            DAAN,
            DUINLYCEUM,
            Onderwijssoort::Vo,
            Some(Niveau::VmboKb),
            "2016-08-01",
            Some("2020-07-31"),
        ),
        inschrijving("I-LIEKE", LIEKE, DE_WIEKEN, Onderwijssoort::Bao, None, "2014-02-01", None),
        inschrijving("I-EMMA", EMMA, DE_WIEKEN, Onderwijssoort::Bao, None, "2016-09-01", None),
        inschrijving("I-NOOR", NOOR, ROC, Onderwijssoort::Mbo, Some(Niveau::Mbo2), "2019-08-01", None),
    ];
    ds.diplomas = vec![
        Diploma {
            id: "D-DAAN".into(),
            jongere: DAAN.into(),
            soort: DiplomaSoort::VmboKb,
            datum: d("2020-07-10"),
            brin: Some(DUINLYCEUM.0.into()),
        },
        Diploma {
            id: "D-KEVIN".into(),
            jongere: KEVIN.into(),
            soort: DiplomaSoort::Havo,
            datum: d("2013-07-05"),
            brin: Some(DUINLYCEUM.0.into()),
        },
    ];
    ds
}

/// Puts the region's gemeenten in vakantieregio noord and imports OCW's school holidays, as an
/// office does once (`data/schoolvakanties`).
pub async fn met_schoolkalender(s: &Store) {
    let mut gemeenten: Vec<Gemeente> = s.lees().await.unwrap();
    for g in &mut gemeenten {
        g.vakantieregio = Some(Vakantieregio::Noord);
    }
    let kalender = Dataset { gemeenten, vakanties: leerspoor_domain::kalender::ocw_vakanties(), ..Dataset::default() };
    importeer_dataset(s, kalender, "OCW", &ImportOpties { dry_run: false, gebruiker: "test".into() }).await.unwrap();
}

/// Emma's request for a vrijstelling under art. 5 sub a (not fit for school), with the doctor's
/// statement and the samenwerkingsverband's advice, from April 2021 to the end of the 2021/22
/// schooljaar.
pub fn emma_aanvraag() -> leerspoor_casework::vrijstellingen::Aanvraag {
    leerspoor_casework::vrijstellingen::Aanvraag {
        jongere: EMMA.into(),
        artikel: "art5_sub_a".into(),
        aanvraagdatum: d("2021-02-01"),
        geldig_van: Some(d("2021-04-01")),
        geldig_tot: Some(d("2022-07-31")),
        dagen: None,
        artsverklaring_datum: Some(d("2021-01-20")),
        swv_advies_datum: Some(d("2021-03-01")),
        toelichting: String::new(),
    }
}

/// Emma's father, Jan van Dijk, with gezag: the fixture registers no parent for her.
pub async fn emma_vader_met_gezag(s: &Store) {
    let mut w = s.schrijver(ADMIN, "test").await.unwrap();
    w.nieuw(&Ouder {
        id: "O-EMMA".into(),
        bsn: None,
        voornamen: "Jan".into(),
        tussenvoegsel: "van".into(),
        achternaam: "Dijk".into(),
        telefoon: String::new(),
        email: String::new(),
    })
    .await
    .unwrap();
    let relatie =
        Gezinsrelatie { jongere: EMMA.into(), ouder: "O-EMMA".into(), relatie: OuderRelatie::Vader, gezag: true };
    w.nieuw(&relatie).await.unwrap();
    w.vastleggen("ouder vastgelegd", EMMA).await.unwrap();
}
