//! RMC stories from seed 000: drop-outs found in the enrolment data and guided back, an oud-VSV-er
//! reached in the zomeractie, a JIKP pupil from PRO going to work.
mod common;
use common::*;
use leerspoor_casework::dagbesteding::{self, NieuweDagbesteding};
use leerspoor_casework::trajecten::{self, NieuwTraject};
use leerspoor_casework::{Fout, triage, vsv};
use leerspoor_domain::model::*;
use leerspoor_domain::onderwijs::{DiplomaSoort, JikpGroep, Niveau, Onderwijssoort};
use leerspoor_domain::rules::traject::resultaten;
use leerspoor_domain::rules::triage::{Factoren, Risico};
use leerspoor_domain::rules::vsv::Bestemming;
use leerspoor_domain::{Bsn, Gemeentecode, SchoolJaar};
use leerspoor_ingest::{ImportOpties, importeer_dataset};
use leerspoor_report::register;
use leerspoor_store::Store;

async fn lever(s: &Store, ds: Dataset) {
    importeer_dataset(s, ds, "DUO/BRP", &ImportOpties { dry_run: false, gebruiker: "test".into() }).await.unwrap();
}

fn inschrijving(
    id: &str,
    jongere: &str,
    soort: Onderwijssoort,
    niveau: Option<Niveau>,
    van: &str,
    tot: Option<&str>,
) -> Inschrijving {
    Inschrijving {
        id: id.into(),
        jongere: jongere.into(),
        brin: ROC.0.into(),
        vestiging: ROC.1.into(),
        onderwijssoort: soort,
        niveau,
        vso_profiel: None,
        begindatum: d(van),
        einddatum: tot.map(d),
    }
}

/// A youth who is not in the shared fixture, living in Zandvoorde since birth.
fn nieuwe_jongere(id: &str, voornaam: &str, bsn: &str, geboren: &str) -> Dataset {
    Dataset {
        jongeren: vec![Jongere {
            id: id.into(),
            bsn: Bsn::parse(bsn).unwrap(),
            voornamen: voornaam.into(),
            tussenvoegsel: String::new(),
            achternaam: "Jansen".into(),
            geboortedatum: d(geboren),
            geslacht: Geslacht::Onbekend,
            overlijdensdatum: None,
            twaalf_schooljaren_op: None,
        }],
        woonadressen: vec![Woonadres {
            id: format!("W-{id}"),
            jongere: id.into(),
            gemeente: Gemeentecode::parse("GM9902").unwrap(),
            straat: "Duinpad".into(),
            huisnummer: "7".into(),
            postcode: "9902BB".into(),
            woonplaats: "Duinwijk".into(),
            begindatum: d(geboren),
            einddatum: None,
            vertrek: None,
        }],
        ..Dataset::default()
    }
}

fn traject(jongere: &str, soort: TrajectSoort, aangemeld: &str, begin: &str) -> NieuwTraject {
    NieuwTraject { jongere: jongere.into(), soort, aangemeld_op: d(aangemeld), begindatum: d(begin) }
}

/// Noor (19) stops at the ROC in November 2020 without a diploma. The run over the enrolment data
/// makes her a VSV-er — and Daan, who left the Duinlyceum with a vmbo diploma — but not Sara, who
/// went from primary to secondary school. An RMC-consulent guides Noor back to school; a year later
/// she is counted "weer op school".
#[tokio::test]
async fn a_vsv_er_from_mbo_is_placed_back_in_school() {
    for db in regio().await {
        let s = &db.store;
        let mut noor: Inschrijving = s.lees_een("I-NOOR").await.unwrap().unwrap();
        noor.einddatum = Some(d("2020-11-13"));
        lever(s, Dataset { inschrijvingen: vec![noor], ..Dataset::default() }).await;

        let rik = mw(s, RMC).await;
        let jaar = SchoolJaar::beginnend_in(2020);
        let run = vsv::registreer_uitval(s, &rik, jaar).await.unwrap();
        assert_eq!(run.nieuw, ["VSV-J-DAAN-2020-08-01", "VSV-J-NOOR-2020-11-14"]);
        assert_eq!(run.geen_vsv.get("Overstap: binnen de overstaptermijn weer ingeschreven"), Some(&1), "Sara");
        let melding: VsvMelding = s.lees_een("VSV-J-NOOR-2020-11-14").await.unwrap().unwrap();
        assert_eq!(
            (melding.bron, melding.onderwijssoort, melding.niveau),
            (VsvBron::Duo, Onderwijssoort::Mbo, Some(Niveau::Mbo2))
        );
        let opnieuw = vsv::registreer_uitval(s, &rik, jaar).await.unwrap();
        assert_eq!((opnieuw.nieuw.len(), opnieuw.al_bekend), (0, 2));

        // The melding is triaged: no diploma at 19 → medium risk, and the reason says why.
        let t = triage::beoordeel_jongere(s, NOOR, d("2020-11-20"), &Factoren::default()).await.unwrap();
        assert_eq!((t.risico, t.punten), (Risico::Middel, 3));
        assert_eq!(t.redenen[0].uitleg, "geen diploma");

        let t =
            trajecten::start(s, &rik, traject(NOOR, TrajectSoort::Regulier, "2020-11-20", "2020-11-23")).await.unwrap();
        lever(
            s,
            Dataset {
                inschrijvingen: vec![inschrijving(
                    "I-NOOR-2",
                    NOOR,
                    Onderwijssoort::Mbo,
                    Some(Niveau::Mbo2),
                    "2021-02-01",
                    None,
                )],
                ..Dataset::default()
            },
        )
        .await;
        trajecten::sluit(s, &rik, &t.id, d("2021-02-15"), "scholing").await.unwrap();

        let alle: Vec<RmcTraject> = s.lees().await.unwrap();
        let tabel10 = resultaten(&alle, jaar);
        assert_eq!(tabel10.get("scholing"), Some(&[0, 1]), "een nieuwe RMC-er, herplaatst naar scholing");

        let opvolging = register::vsv_opvolging(s, jaar).await.unwrap();
        assert_eq!(
            opvolging.per_jongere,
            [(DAAN.to_string(), Bestemming::Onbekend), (NOOR.to_string(), Bestemming::WeerOpSchool)]
        );
        assert_eq!(opvolging.percentage(Bestemming::WeerOpSchool), Some(50.0));

        // Rik hears in March that Daan works: his destination a year after dropping out is werk.
        let werk = |soort: &str| NieuweDagbesteding {
            jongere: DAAN.into(),
            datum: d("2021-03-01"),
            soort: soort.into(),
            toelichting: "Werkt in de bouw, 32 uur".into(),
        };
        match dagbesteding::leg_vast(s, &mw(s, BELEID).await, werk("werk")).await.unwrap_err() {
            Fout::Weigering(w) => assert_eq!(w.regel, "rollen: dagbesteding"),
            f => panic!("weigering verwacht: {f}"),
        }
        match dagbesteding::leg_vast(s, &rik, werk("stage")).await.unwrap_err() {
            Fout::Invoer { veld, melding } => {
                assert_eq!(veld, "soort");
                assert!(
                    melding.contains("'stage' bestaat niet") && melding.contains("uitkering_gemeente"),
                    "{melding}"
                );
            }
            f => panic!("invoerfout verwacht: {f}"),
        }
        let vastgelegd = dagbesteding::leg_vast(s, &rik, werk("werk")).await.unwrap();
        assert_eq!(vastgelegd.medewerker.as_deref(), Some(rik.id.as_str()));
        let opvolging = register::vsv_opvolging(s, jaar).await.unwrap();
        assert_eq!(opvolging.per_jongere[0], (DAAN.to_string(), Bestemming::Werk));
    }
}

#[tokio::test]
async fn trajecten_and_vsv_refuse_what_does_not_fit() {
    for db in regio().await {
        let s = &db.store;
        let rik = mw(s, RMC).await;
        let weigering = |f: Fout| match f {
            Fout::Weigering(w) => w,
            f => panic!("weigering verwacht: {f}"),
        };
        let w = weigering(
            trajecten::start(s, &mw(s, LPA).await, traject(NOOR, TrajectSoort::Regulier, "2020-11-20", "2020-11-23"))
                .await
                .unwrap_err(),
        );
        assert_eq!(w.regel, "rollen: RMC-trajecten");
        let w = weigering(
            trajecten::start(s, &rik, traject(NOOR, TrajectSoort::PwetScholingsadvies, "2020-11-20", "2020-11-23"))
                .await
                .unwrap_err(),
        );
        assert!(w.reden.contains("van 23 tot 27"), "{w}");
        let t =
            trajecten::start(s, &rik, traject(NOOR, TrajectSoort::Regulier, "2020-11-20", "2020-11-23")).await.unwrap();
        let w = weigering(
            trajecten::start(s, &rik, traject(NOOR, TrajectSoort::Regulier, "2020-12-01", "2020-12-01"))
                .await
                .unwrap_err(),
        );
        assert_eq!(w.regel, "RMC: één traject tegelijk");
        let w = weigering(trajecten::sluit(s, &rik, &t.id, d("2021-01-15"), "nog_in_traject").await.unwrap_err());
        assert_eq!(w.regel, "RMC: resultaat van het traject");
        let fout = trajecten::sluit(s, &rik, &t.id, d("2021-01-15"), "geslaagd").await.unwrap_err();
        assert!(fout.to_string().starts_with("resultaat: code 'geslaagd' bestaat niet"), "{fout}");
        trajecten::sluit(s, &rik, &t.id, d("2021-01-15"), "werk").await.unwrap();
        assert_eq!(
            weigering(trajecten::sluit(s, &rik, &t.id, d("2021-01-20"), "werk").await.unwrap_err()).regel,
            "RMC: traject afgesloten"
        );

        // Kevin (24, havo diploma) is no VSV-er; Noor, still at the ROC, cannot have dropped out.
        let hand = |jongere: &str| vsv::NieuweVsv {
            jongere: jongere.into(),
            uitvaldatum: d("2020-11-14"),
            bron: VsvBron::School,
            onderwijssoort: Onderwijssoort::Mbo,
            niveau: Some(Niveau::Mbo2),
            brin: Some(ROC.0.into()),
        };
        let w = weigering(vsv::registreer(s, &rik, hand(KEVIN)).await.unwrap_err());
        assert_eq!(w.reden, "geen voortijdig schoolverlater: heeft een startkwalificatie");
        assert!(matches!(
            vsv::registreer(s, &rik, hand(NOOR)).await.unwrap_err(),
            Fout::Invoer { veld: "uitvaldatum", .. }
        ));
        assert_eq!(
            weigering(
                vsv::registreer_uitval(s, &mw(s, BELEID).await, SchoolJaar::beginnend_in(2020)).await.unwrap_err()
            )
            .regel,
            "rollen: VSV registreren"
        );
    }
}

/// Sem dropped out of the ROC in March 2019 at 18. On 1 October 2020 he is still not enrolled: an
/// oud-VSV-er. The zomeractie of 2021 reaches him; he has found work.
#[tokio::test]
async fn an_oud_vsv_er_is_found_in_the_zomeractie() {
    for db in regio().await {
        let s = &db.store;
        let mut sem = nieuwe_jongere("J-SEM", "Sem", "100000046", "2001-03-01");
        sem.inschrijvingen.push(inschrijving(
            "I-SEM",
            "J-SEM",
            Onderwijssoort::Mbo,
            Some(Niveau::Mbo2),
            "2017-08-01",
            Some("2019-03-15"),
        ));
        lever(s, sem).await;
        let rik = mw(s, RMC).await;
        let run = vsv::registreer_uitval(s, &rik, SchoolJaar::beginnend_in(2018)).await.unwrap();
        assert_eq!(run.nieuw, ["VSV-J-SEM-2019-03-16"]);

        let jaar = SchoolJaar::beginnend_in(2020);
        let lijst = vsv::oud_vsv(s, &rik, jaar).await.unwrap();
        let namen: Vec<(&str, &str)> = lijst.iter().map(|o| (o.jongere.as_str(), o.naam.as_str())).collect();
        assert_eq!(namen, [("J-SEM", "Sem Jansen")]);
        assert_eq!((lijst[0].gemeente.as_str(), lijst[0].laatste_uitval), ("GM9902", d("2019-03-16")));
        // A year earlier he was a drop-out of that same year, not yet "oud".
        assert!(vsv::oud_vsv(s, &rik, SchoolJaar::beginnend_in(2018)).await.unwrap().is_empty());

        let t = trajecten::start(s, &rik, traject("J-SEM", TrajectSoort::Zomeractie, "2019-03-16", "2021-07-05"))
            .await
            .unwrap();
        trajecten::sluit(s, &rik, &t.id, d("2021-08-20"), "werk").await.unwrap();
        let alle: Vec<RmcTraject> = s.lees().await.unwrap();
        assert_eq!(
            resultaten(&alle, jaar).get("nog_in_traject"),
            Some(&[1, 0]),
            "op 31 juli nog in traject, gemeld vóór het verslagjaar"
        );
        assert_eq!(resultaten(&alle, jaar.volgend()).get("werk"), Some(&[1, 0]));
    }
}

/// Kim leaves praktijkonderwijs in July 2020, at 18, with her certificate and goes to work without
/// mediation: in Tabel 8 she is PRO uitstroom (kwetsbaar), in Tabel 10 "JIKP – arbeid zonder
/// bemiddeling", and a year later at work.
#[tokio::test]
async fn a_jikp_pupil_from_pro_goes_to_work_without_mediation() {
    for db in regio().await {
        let s = &db.store;
        let mut kim = nieuwe_jongere("J-KIM", "Kim", "100000058", "2002-04-10");
        kim.inschrijvingen.push(Inschrijving {
            brin: DUINLYCEUM.0.into(),
            vestiging: DUINLYCEUM.1.into(),
            ..inschrijving("I-KIM", "J-KIM", Onderwijssoort::Pro, None, "2014-08-01", Some("2020-07-31"))
        });
        kim.diplomas.push(Diploma {
            id: "D-KIM".into(),
            jongere: "J-KIM".into(),
            soort: DiplomaSoort::Pro,
            datum: d("2020-07-03"),
            brin: Some(DUINLYCEUM.0.into()),
        });
        lever(s, kim).await;

        let tabel8 = register::jikp_door_uitstroom(s, SchoolJaar::beginnend_in(2019)).await.unwrap();
        let pro = &tabel8[&JikpGroep::Pro];
        assert_eq!((pro.deelnemers, pro.door_uitstroom, pro.uitstroom, pro.kwetsbaar()), (1, 1, 1, 1));
        assert_eq!(pro.percentage(), Some(100.0));
        assert_eq!(tabel8.len(), 1, "Daan zat in vmbo-kader, geen JIKP");

        let rik = mw(s, RMC).await;
        let jaar = SchoolJaar::beginnend_in(2020);
        assert!(
            vsv::registreer_uitval(s, &rik, jaar).await.unwrap().nieuw.contains(&"VSV-J-KIM-2020-08-01".to_string())
        );
        let t = trajecten::start(s, &rik, traject("J-KIM", TrajectSoort::Regulier, "2020-08-01", "2020-09-01"))
            .await
            .unwrap();
        trajecten::sluit(s, &rik, &t.id, d("2020-12-01"), "jikp_arbeid").await.unwrap();
        let alle: Vec<RmcTraject> = s.lees().await.unwrap();
        assert_eq!(resultaten(&alle, jaar).get("jikp_arbeid"), Some(&[0, 1]));
        let opvolging = register::vsv_opvolging(s, jaar).await.unwrap();
        assert!(opvolging.per_jongere.contains(&("J-KIM".to_string(), Bestemming::Werk)));
    }
}
