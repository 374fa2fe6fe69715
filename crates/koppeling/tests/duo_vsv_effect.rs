//! The VSV-effectrapportage of 2020-2021 in the small region Westkust, against SQLite and
//! PostgreSQL: the table `vsv_effect` and the file for DUO from the same register, each cell and
//! row worked out by hand from the records below, and the check that names the VSV-ers without a
//! result by the id of their VSV-melding.
//!
//! Westkust has Strandwijk (GM9941) and Heidedorp (GM9942). The VSV-ers, with where they count:
//! - Anouk (Strandwijk), out on 14 November 2020, nobody reached her: niet bereikt;
//! - Bram (Strandwijk), out on 1 October 2020, traject from 15 September (a month before counts)
//!   to 1 March 2021 with work: werk;
//! - Cem (Heidedorp), out on 10 January 2021, traject from 1 February still running: nog in traject;
//! - Didi (Heidedorp), out on 1 September 2020, a talk on 1 October, at the ROC from 4 January 2021:
//!   terug naar school;
//! - Eva (Strandwijk), out on 1 December 2020, only a talk on 15 January 2021: resultaat ontbreekt;
//! - Fenna (Heidedorp), out twice (20 August 2020 and, after a return to school, 1 March 2021), a
//!   traject to school closed on 20 October 2020, on a UWV benefit since 10 May 2021: zorg of
//!   uitkering, one VSV-er with two VSV-meldingen;
//! - Gijs (Strandwijk), out on 31 July 2021, the last day of the year; his traject starts on
//!   2 August: niet bereikt this year;
//! - Hugo, out on 1 August 2021: next year's, not here;
//! - Iris, in Strandwijk on 1 October 2020 and in Heidedorp from November, out on 1 February 2021,
//!   traject closed on 30 June 2021 with werk en scholing: counts in Strandwijk;
//! - Joop, in the region only from 1 December 2020 (no gemeente on 1 October), out on 15 March 2021,
//!   a traject closed on 1 May 2021 without result: resultaat ontbreekt, in the regio's column
//!   "niet in de regio op 1 oktober".
#[path = "../../report/tests/common/mod.rs"]
mod common;

use common::*;
use leerspoor_domain::model::*;
use leerspoor_domain::onderwijs::{Niveau, Onderwijssoort};
use leerspoor_domain::rules::vsv_effect::Ontbreekt;
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_koppeling::duo_vsv_effect::{self, Effectrapportage};
use leerspoor_koppeling::logboek::KoppelFout;
use leerspoor_store::Store;
use leerspoor_testdb::TestDb;

const STRANDWIJK: &str = "GM9941";
const HEIDEDORP: &str = "GM9942";
const ROC: (&str, &str) = ("30EF", "01");
const ADMIN: &str = "MW-ADM";
const BELEID: &str = "MW-BEL";

fn organisatie(ds: &mut Dataset) {
    ds.regio.push(Regio { code: "WK".into(), naam: "Westkust".into() });
    ds.subregios.push(Subregio { code: "WK".into(), naam: "Westkust".into() });
    for (code, naam) in [(STRANDWIJK, "Strandwijk"), (HEIDEDORP, "Heidedorp")] {
        ds.gemeenten.push(Gemeente {
            code: gm(code),
            naam: naam.into(),
            subregio: "WK".into(),
            leerplicht_lokaal: false,
            vakantieregio: None,
            bezwaarcommissie: false,
        });
    }
    ds.scholen.push(School {
        brin: ROC.0.into(),
        vestiging: ROC.1.into(),
        naam: "ROC Westkust".into(),
        plaats: "Strandwijk".into(),
        gemeente: Some(gm(STRANDWIJK)),
        ..School::default()
    });
    for (id, rol, boa) in [
        (BOA, Rol::Leerplichtambtenaar, true),
        (RMC, Rol::RmcConsulent, false),
        (ADMIN, Rol::Administratief, false),
        (BELEID, Rol::Beleidsmedewerker, false),
    ] {
        ds.medewerkers.push(Medewerker {
            id: id.into(),
            naam: id.into(),
            email: format!("{}@westkust.example", id.to_lowercase()),
            rol,
            boa,
            fte: 1.0,
            gemeente: None,
            in_dienst: d("2015-01-01"),
            uit_dienst: None,
        });
    }
}

fn mbo(ds: &mut Dataset, jongere: &str, van: &str, tot: Option<&str>) {
    inschrijving(ds, jongere, ROC, Onderwijssoort::Mbo, Some(Niveau::Mbo2), None, van, tot);
}

fn uitval(ds: &mut Dataset, jongere: &str, op: &str) {
    vsv_melding(ds, jongere, op, Onderwijssoort::Mbo, Some(Niveau::Mbo2));
}

/// A talk with the youth in an RMC zaak opened that day.
fn gesprek(ds: &mut Dataset, jongere: &str, op: &str) {
    let z = format!("Z-{jongere}");
    zaak(ds, &z, jongere, ZaakSoort::Rmc, op, None);
    ds.zaken.last_mut().expect("net toegevoegd").medewerker = Some(RMC.into());
    actie(ds, jongere, Some(&z), ActieSoort::Gesprek, op).medewerker = Some(RMC.into());
}

fn vsv_ers(ds: &mut Dataset) {
    organisatie(ds);
    let regulier = TrajectSoort::Regulier;
    jongere(ds, "J-ANOUK", "2001-05-01", STRANDWIJK);
    uitval(ds, "J-ANOUK", "2020-11-14");

    jongere(ds, "J-BRAM", "2001-05-02", STRANDWIJK);
    uitval(ds, "J-BRAM", "2020-10-01");
    traject(ds, "J-BRAM", regulier, "2020-09-15", "2020-09-15", Some(("2021-03-01", "werk")));

    jongere(ds, "J-CEM", "2001-05-03", HEIDEDORP);
    uitval(ds, "J-CEM", "2021-01-10");
    traject(ds, "J-CEM", regulier, "2021-02-01", "2021-02-01", None);

    jongere(ds, "J-DIDI", "2001-05-04", HEIDEDORP);
    uitval(ds, "J-DIDI", "2020-09-01");
    gesprek(ds, "J-DIDI", "2020-10-01");
    mbo(ds, "J-DIDI", "2021-01-04", None);

    jongere(ds, "J-EVA", "2001-05-05", STRANDWIJK);
    uitval(ds, "J-EVA", "2020-12-01");
    gesprek(ds, "J-EVA", "2021-01-15");

    jongere(ds, "J-FENNA", "2001-05-06", HEIDEDORP);
    uitval(ds, "J-FENNA", "2020-08-20");
    traject(ds, "J-FENNA", regulier, "2020-08-25", "2020-08-25", Some(("2020-10-20", "scholing")));
    mbo(ds, "J-FENNA", "2020-11-01", Some("2021-02-28"));
    uitval(ds, "J-FENNA", "2021-03-01");
    ds.dagbestedingen.push(Dagbesteding {
        id: "DB-FENNA".into(),
        jongere: "J-FENNA".into(),
        datum: d("2021-05-10"),
        soort: "uitkering_uwv".into(),
        medewerker: Some(RMC.into()),
        toelichting: String::new(),
    });

    jongere(ds, "J-GIJS", "2001-05-07", STRANDWIJK);
    uitval(ds, "J-GIJS", "2021-07-31");
    traject(ds, "J-GIJS", regulier, "2021-08-02", "2021-08-02", None);

    jongere(ds, "J-HUGO", "2001-05-08", STRANDWIJK);
    uitval(ds, "J-HUGO", "2021-08-01");

    jongere(ds, "J-IRIS", "2001-05-09", STRANDWIJK);
    verhuist(ds, "J-IRIS", "2020-11-01", HEIDEDORP);
    uitval(ds, "J-IRIS", "2021-02-01");
    traject(ds, "J-IRIS", regulier, "2021-02-15", "2021-02-15", Some(("2021-06-30", "werk_en_scholing")));

    jongere(ds, "J-JOOP", "2001-05-10", HEIDEDORP);
    ds.woonadressen.last_mut().expect("Joop's address").begindatum = d("2020-12-01");
    uitval(ds, "J-JOOP", "2021-03-15");
    traject(ds, "J-JOOP", regulier, "2021-03-20", "2021-03-20", Some(("2021-05-01", "zonder_resultaat")));
}

async fn westkust() -> Vec<TestDb> {
    register(|| {
        let mut ds = Dataset::default();
        vsv_ers(&mut ds);
        ds
    })
    .await
}

fn jaar() -> SchoolJaar {
    SchoolJaar::parse(VERSLAGJAAR).unwrap()
}

/// The day the file is made: the schooljaar is over.
fn najaar() -> Datum {
    d("2021-11-15")
}

async fn rapportage(s: &Store, als: &str) -> Result<Effectrapportage, KoppelFout> {
    duo_vsv_effect::verzamel(s, &medewerker(s, als).await, jaar(), najaar()).await
}

async fn medewerker(s: &Store, id: &str) -> Medewerker {
    leerspoor_casework::medewerker(s, id).await.expect("medewerker")
}

#[tokio::test]
async fn vsv_effect_per_result_and_contact_per_gemeente_of_1_october() {
    for db in westkust().await {
        let t = tabel(&db.store, "regio", "vsv_effect").await;
        klopt(&t);
        assert_eq!(kolommen(&t), [STRANDWIJK, HEIDEDORP, "zonder_gemeente", "totaal"]);
        assert_eq!(
            rijen(&t),
            [
                "school",
                "werk_en_school",
                "werk",
                "zorg_uitkering",
                "niet_herplaatst",
                "geen_vsv",
                "verhuisd",
                "overig",
                "nog_in_traject",
                "niet_bereikt",
                "resultaat_ontbreekt",
                "totaal",
                "contact_gemaakt",
                "geen_contact",
                "vsv_meldingen"
            ]
        );
        //                                     Strandwijk Heidedorp zonder totaal
        assert_eq!(rij(&t, "school"), w(&[0.0, 1.0, 0.0, 1.0]), "Didi, at the ROC on 31 July");
        assert_eq!(rij(&t, "werk_en_school"), w(&[1.0, 0.0, 0.0, 1.0]), "Iris, by her gemeente of 1 October");
        assert_eq!(rij(&t, "werk"), w(&[1.0, 0.0, 0.0, 1.0]), "Bram");
        assert_eq!(rij(&t, "zorg_uitkering"), w(&[0.0, 1.0, 0.0, 1.0]), "Fenna, the newest fact");
        assert_eq!(rij(&t, "nog_in_traject"), w(&[0.0, 1.0, 0.0, 1.0]), "Cem");
        assert_eq!(rij(&t, "niet_bereikt"), w(&[2.0, 0.0, 0.0, 2.0]), "Anouk, Gijs");
        assert_eq!(rij(&t, "resultaat_ontbreekt"), w(&[1.0, 0.0, 1.0, 2.0]), "Eva, Joop");
        for leeg in ["niet_herplaatst", "geen_vsv", "verhuisd", "overig"] {
            assert_eq!(rij(&t, leeg), w(&[0.0; 4]), "{leeg}");
        }
        assert_eq!(rij(&t, "totaal"), w(&[5.0, 3.0, 1.0, 9.0]), "Hugo is next year's");
        assert_eq!(rij(&t, "contact_gemaakt"), w(&[3.0, 3.0, 1.0, 7.0]));
        assert_eq!(rij(&t, "geen_contact"), w(&[2.0, 0.0, 0.0, 2.0]));
        assert_eq!(rij(&t, "vsv_meldingen"), w(&[5.0, 4.0, 1.0, 10.0]), "Fenna's two");

        // The same VSV-meldingen as vsv_bestemming counts: the report's cross-check holds, and
        // catches a table that counts other ones.
        let bestemming = tabel(&db.store, "regio", "vsv_bestemming").await;
        assert_eq!(bestemming.cel("totaal", "aantal"), Some(10.0));
        assert_eq!(leerspoor_report::controleer(&[t.clone(), bestemming.clone()]), Vec::<String>::new());
        let mut anders = t.clone();
        let k = anders.columns.iter().position(|c| c.key == "totaal").unwrap();
        let r = anders.rows.iter().position(|r| r.key == "vsv_meldingen").unwrap();
        anders.rows[r].values[k] = leerspoor_report::Waarde::getal(9);
        let fouten = leerspoor_report::controleer(&[anders, bestemming]);
        assert!(fouten.iter().any(|f| f.contains("vsv_bestemming")), "{fouten:?}");

        // One gemeente: only who lived there on 1 October 2020.
        let t = tabel(&db.store, &format!("gemeente:{STRANDWIJK}"), "vsv_effect").await;
        klopt(&t);
        assert_eq!(kolommen(&t), [STRANDWIJK, "totaal"]);
        assert_eq!(rij(&t, "totaal"), w(&[5.0, 5.0]));
        assert_eq!(rij(&t, "werk_en_school"), w(&[1.0, 1.0]), "Iris");
        let b = tabel(&db.store, &format!("gemeente:{STRANDWIJK}"), "vsv_bestemming").await;
        assert_eq!(leerspoor_report::controleer(&[t, b]), Vec::<String>::new());
    }
}

#[tokio::test]
async fn the_file_for_duo_has_a_row_per_vsv_er_by_bsn_and_the_check_names_the_gaps_by_id() {
    for db in westkust().await {
        let s = &db.store;
        let r = rapportage(s, ADMIN).await.unwrap();
        assert_eq!(r.rijen.len(), 9);
        assert_eq!(
            r.zonder_resultaat(),
            [
                ("VSV-J-EVA-2020-12-01", Ontbreekt::ContactZonderResultaat),
                ("VSV-J-JOOP-2021-03-15", Ontbreekt::TrajectZonderResultaat)
            ]
        );
        let weigering = r.weigering().expect("two VSV-ers without a result");
        assert!(weigering.contains("2 van de 9 VSV-ers hebben geen resultaat"), "{weigering}");
        assert!(weigering.contains("VSV-J-EVA-2020-12-01: contact gemaakt, maar geen traject of dagbesteding"));
        // Ids only: no BSN, no name in the refusal.
        for v in &r.rijen {
            assert!(!weigering.contains(&v.bsn), "{weigering}");
        }
        assert!(!weigering.contains("Zuidkust") && !weigering.contains("EVA "), "{weigering}");

        let bsn_van = |i: usize| bsn(i).to_string();
        let csv = duo_vsv_effect::als_csv(&r);
        let regels: Vec<&str> = csv.lines().collect();
        assert_eq!(
            regels[0],
            "BSN;Schooljaar;Uitvaldatum;Gemeente;Contact;Datum eerste contact;Resultaat;Omschrijving resultaat;Datum resultaat"
        );
        assert_eq!(regels.len(), 10, "a header and nine VSV-ers");
        // In order of the register's ids: Anouk (youth 0) first, Joop (youth 9) last.
        assert_eq!(regels[1], format!("{};2020-2021;14-11-2020;GM9941;N;;niet_bereikt;Niet bereikt;", bsn_van(0)));
        assert_eq!(regels[2], format!("{};2020-2021;01-10-2020;GM9941;J;15-09-2020;werk;Werk;01-03-2021", bsn_van(1)));
        assert_eq!(
            regels[4],
            format!("{};2020-2021;01-09-2020;GM9942;J;01-10-2020;school;Terug naar school;04-01-2021", bsn_van(3))
        );
        assert_eq!(
            regels[6],
            format!(
                "{};2020-2021;20-08-2020;GM9942;J;25-08-2020;zorg_uitkering;Zorg of uitkering;10-05-2021",
                bsn_van(5)
            ),
            "Fenna once, by her first drop-out"
        );
        assert_eq!(
            regels[9],
            format!(
                "{};2020-2021;15-03-2021;;J;20-03-2021;;Resultaat ontbreekt: traject afgesloten zonder resultaat;",
                bsn_van(9)
            )
        );
        assert!(!csv.contains(&bsn_van(7)), "Hugo dropped out in the next schooljaar");
    }
}

#[tokio::test]
async fn the_file_is_for_a_past_year_and_only_for_who_registers_vsv_ers() {
    for db in westkust().await {
        let s = &db.store;
        let Err(KoppelFout::Niet(f)) = rapportage(s, BELEID).await else {
            panic!("a beleidsmedewerker sees aggregates")
        };
        assert!(f.to_string().contains("levert de VSV-effectrapportage niet aan"), "{f}");
        let nog_bezig = duo_vsv_effect::verzamel(s, &medewerker(s, RMC).await, jaar(), d("2021-07-31")).await;
        let Err(KoppelFout::Ongeldig(m)) = nog_bezig else { panic!("the year has not ended") };
        assert_eq!(
            m,
            "het schooljaar 2020-2021 loopt tot en met 2021-07-31: de effectrapportage gaat over een afgelopen schooljaar"
        );
        assert!(duo_vsv_effect::verzamel(s, &medewerker(s, RMC).await, jaar(), d("2021-08-01")).await.is_ok());
    }
}

// Once every VSV-er has a result, there is nothing to refuse.
#[tokio::test]
async fn a_result_recorded_for_each_gap_clears_the_check() {
    let dbs = register(|| {
        let mut ds = Dataset::default();
        vsv_ers(&mut ds);
        ds.dagbestedingen.push(Dagbesteding {
            id: "DB-EVA".into(),
            jongere: "J-EVA".into(),
            datum: d("2021-01-15"),
            soort: "werk".into(),
            medewerker: Some(RMC.into()),
            toelichting: String::new(),
        });
        let joop = ds.rmc_trajecten.iter_mut().find(|t| t.jongere == "J-JOOP").unwrap();
        joop.resultaat = Some("overig_verhuisd".into());
        ds
    })
    .await;
    for db in dbs {
        let r = rapportage(&db.store, RMC).await.unwrap();
        assert!(r.zonder_resultaat().is_empty());
        assert_eq!(r.weigering(), None);
        let t = tabel(&db.store, "regio", "vsv_effect").await;
        assert_eq!(rij(&t, "werk"), w(&[2.0, 0.0, 0.0, 2.0]), "Bram, Eva");
        assert_eq!(rij(&t, "verhuisd"), w(&[0.0, 0.0, 1.0, 1.0]), "Joop");
    }
}
