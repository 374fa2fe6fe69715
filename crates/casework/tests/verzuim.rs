//! Stories of relatief verzuim from the seed reports, told against SQLite and PostgreSQL.
mod common;
use common::*;
use leerspoor_casework::actie::{self, NieuweActie, Vervolg};
use leerspoor_casework::melding::{self, Afloop, NieuweMelding};
use leerspoor_casework::{Fout, zaak};
use leerspoor_domain::SchoolJaar;
use leerspoor_domain::model::*;
use leerspoor_report::register;

fn luxe_melding(jongere: &str, van: &str, tot: &str, gemeld: &str) -> NieuweMelding {
    NieuweMelding {
        jongere: jongere.into(),
        school: school(DUINLYCEUM),
        soort: "luxe".into(),
        meldingsdatum: d(gemeld),
        verzuim_van: d(van),
        verzuim_tot: Some(d(tot)),
        uren: Some(25),
        reden: "Vakantie buiten de schoolvakantie".into(),
        preventief: false,
        alle_lessen_gemist: None,
        deels_lesbaar: None,
    }
}

fn actie(zaak: &Zaak, soort: ActieSoort, datum: &str) -> NieuweActie {
    NieuweActie {
        jongere: zaak.jongere.clone(),
        zaak: Some(zaak.id.clone()),
        soort,
        datum: d(datum),
        pv_tegen: None,
        ouder: None,
        overmacht: None,
        toelichting: String::new(),
    }
}

fn weigering(f: Fout) -> leerspoor_domain::rules::Weigering {
    match f {
        Fout::Weigering(w) => w,
        f => panic!("een weigering verwacht, kreeg: {f}"),
    }
}

/// Seed 000: "Voor luxe verzuim van meer dan 1 dag … wordt altijd proces-verbaal opgemaakt".
/// Sara's parents take her on holiday for a week in October; the school reports it, the
/// leerplichtambtenaar talks with them, a BOA makes a PV against her mother, the OM offers a schikking.
#[tokio::test]
async fn a_week_of_luxe_verzuim_ends_in_a_pv_and_a_schikking() {
    for db in regio().await {
        let s = &db.store;
        let gemeld =
            melding::registreer(s, &mw(s, ADMIN).await, luxe_melding(SARA, "2020-10-05", "2020-10-09", "2020-10-12"))
                .await
                .unwrap();
        assert_eq!(gemeld.afloop, Afloop::NieuweZaak);
        let z = gemeld.zaak.unwrap();
        assert_eq!((z.soort, z.status), (ZaakSoort::RelatiefVerzuim, ZaakStatus::Nieuw));

        let lotte = mw(s, LPA).await;
        let na = actie::neem(s, &lotte, actie(&z, ActieSoort::Uitnodiging, "2020-10-14")).await.unwrap();
        assert_eq!(na.zaak.as_ref().unwrap().status, ZaakStatus::InOnderzoek);
        assert_eq!(na.zaak.unwrap().medewerker.as_deref(), Some(LPA), "wie handelt, neemt de zaak");
        actie::neem(s, &lotte, actie(&z, ActieSoort::Gesprek, "2020-10-21")).await.unwrap();

        // Closing after a talk only: refused, five school days need a PV.
        let w = weigering(zaak::sluit(s, &lotte, &z.id, d("2020-10-22"), "verzuim_gestopt").await.unwrap_err());
        assert_eq!(w.regel, "MAS: luxe verzuim > 1 dag of herhaald");
        assert!(w.reden.starts_with("5 dagen luxe verzuim vraagt om een proces-verbaal"), "{w}");

        // Lotte is no BOA.
        let pv = NieuweActie {
            pv_tegen: Some(PvTegen::Ouder),
            ouder: Some(FATIMA.into()),
            ..actie(&z, ActieSoort::ProcesVerbaal, "2020-10-28")
        };
        let w = weigering(actie::neem(s, &lotte, pv.clone()).await.unwrap_err());
        assert_eq!(w.regel, "Lpw art. 16a: alleen een BOA");

        let bram = mw(s, BOA).await;
        let pv = actie::neem(s, &bram, pv).await.unwrap();
        assert_eq!(pv.zaak.unwrap().status, ZaakStatus::Maatregel);
        let gesloten = zaak::sluit(s, &bram, &z.id, d("2020-11-02"), "proces_verbaal").await.unwrap();
        assert_eq!(gesloten.status, ZaakStatus::Gesloten);
        let meldingen: Vec<Verzuimmelding> = s.lees_waar("zaak", &z.id).await.unwrap();
        assert!(meldingen.iter().all(|m| m.status == "afgesloten"));

        // No more actions on the closed zaak, but the OM's decision is recorded.
        let w = weigering(actie::neem(s, &lotte, actie(&z, ActieSoort::Gesprek, "2020-11-10")).await.unwrap_err());
        assert_eq!(w.regel, "zaak gesloten");
        let (pv, vervolg) =
            actie::leg_uitkomst_vast(s, &mw(s, ADMIN).await, &pv.actie.id, "schikking", Some(d("2021-01-15")))
                .await
                .unwrap();
        assert_eq!((pv.uitkomst, vervolg), (Some("schikking".to_string()), Vervolg::Geen));

        // Every change is in the change log, with who made it.
        let log: i64 = s.aantal("wijzigingslog").await.unwrap();
        assert!(log >= 8, "{log} regels in het wijzigingslog");
    }
}

#[tokio::test]
async fn one_day_of_luxe_verzuim_closes_after_a_warning_but_overmacht_needs_a_reason() {
    for db in regio().await {
        let s = &db.store;
        let lotte = mw(s, LPA).await;
        let z = melding::registreer(s, &lotte, luxe_melding(SARA, "2020-12-18", "2020-12-18", "2020-12-21"))
            .await
            .unwrap()
            .zaak
            .unwrap();
        actie::neem(s, &lotte, actie(&z, ActieSoort::Waarschuwing, "2021-01-06")).await.unwrap();
        zaak::sluit(s, &lotte, &z.id, d("2021-01-06"), "verzuim_gestopt").await.unwrap();

        // A second time, the next spring: repeated luxe verzuim, even one day, needs a PV …
        let z = melding::registreer(s, &lotte, luxe_melding(SARA, "2021-04-02", "2021-04-02", "2021-04-06"))
            .await
            .unwrap()
            .zaak
            .unwrap();
        let w = weigering(zaak::sluit(s, &lotte, &z.id, d("2021-04-20"), "verzuim_gestopt").await.unwrap_err());
        assert!(w.reden.starts_with("herhaald luxe verzuim"), "{w}");
        // … unless overmacht is recorded with its reason.
        let overmacht = NieuweActie {
            overmacht: Some("begrafenis van haar grootvader in Marokko".into()),
            ..actie(&z, ActieSoort::Gesprek, "2021-04-12")
        };
        actie::neem(s, &lotte, overmacht).await.unwrap();
        zaak::sluit(s, &lotte, &z.id, d("2021-04-20"), "verzuim_gestopt").await.unwrap();

        // For the report: after her first case closed in January, Sara was reported again.
        let r = register::recidive(s, SchoolJaar::beginnend_in(2020)).await.unwrap();
        assert_eq!((r.jongeren.len(), r.recidivisten()), (1, 1));
        assert_eq!(r.jongeren[0].gesloten_op, d("2021-01-06"), "de eerste interventie");
    }
}

#[tokio::test]
async fn the_same_absence_reported_twice_is_one_case() {
    for db in regio().await {
        let s = &db.store;
        let anna = mw(s, ADMIN).await;
        let zestien_uur = |van: &str, tot: Option<&str>, gemeld: &str| NieuweMelding {
            soort: "wettelijk_16_uur".into(),
            verzuim_tot: tot.map(d),
            ..luxe_melding(SARA, van, "2099-01-01", gemeld)
        };
        let eerste = melding::registreer(s, &anna, zestien_uur("2020-11-02", None, "2020-11-27")).await.unwrap();
        let tweede =
            melding::registreer(s, &anna, zestien_uur("2020-11-16", Some("2020-12-11"), "2020-12-14")).await.unwrap();
        assert_eq!(tweede.afloop, Afloop::Herhaald { eerste: eerste.melding.id.clone() });
        assert_eq!(tweede.melding.vervolg_op.as_deref(), Some(eerste.melding.id.as_str()));
        assert_eq!(tweede.zaak.unwrap().id, eerste.zaak.as_ref().unwrap().id);

        // Another school's report during the open case joins it, as a melding of its own.
        let ander = NieuweMelding { school: school(DE_WIEKEN), ..zestien_uur("2020-11-20", None, "2020-12-15") };
        let derde = melding::registreer(s, &anna, ander).await.unwrap();
        assert_eq!(derde.afloop, Afloop::BijOpenZaak);
        assert_eq!(derde.melding.vervolg_op, None);
        assert_eq!(s.aantal("zaak").await.unwrap(), 1);
    }
}

#[tokio::test]
async fn meldingen_outside_the_law_are_refused_unless_preventive() {
    for db in regio().await {
        let s = &db.store;
        let anna = mw(s, ADMIN).await;
        // Kevin is 24 and has a havo diploma.
        let m = NieuweMelding {
            jongere: KEVIN.into(),
            soort: "signaal".into(),
            school: school(ROC),
            ..luxe_melding(KEVIN, "2020-10-05", "2020-10-09", "2020-10-12")
        };
        let w = weigering(melding::registreer(s, &anna, m.clone()).await.unwrap_err());
        assert!(w.reden.contains("buiten de leerplicht, de kwalificatieplicht en de RMC-doelgroep"), "{w}");
        let preventief = melding::registreer(s, &anna, NieuweMelding { preventief: true, ..m }).await.unwrap();
        assert_eq!((preventief.afloop, preventief.zaak), (Afloop::Preventief, None));

        // Noor is 19 without startkwalificatie: 18+ verzuim opens an RMC case.
        let m = NieuweMelding {
            jongere: NOOR.into(),
            soort: "achttien_plus".into(),
            school: school(ROC),
            ..luxe_melding(NOOR, "2020-10-05", "2020-10-30", "2020-11-02")
        };
        let z = melding::registreer(s, &mw(s, RMC).await, m).await.unwrap().zaak.unwrap();
        assert_eq!(z.soort, ZaakSoort::Rmc);
        // The RMC-consulent has only the first means.
        let w = weigering(
            actie::neem(s, &mw(s, RMC).await, actie(&z, ActieSoort::Waarschuwing, "2020-11-05")).await.unwrap_err(),
        );
        assert_eq!(w.regel, "MAS: RMC alleen het eerste middel");
        actie::neem(s, &mw(s, RMC).await, actie(&z, ActieSoort::Hulpverlening, "2020-11-05")).await.unwrap();

        // A beleidsmedewerker registers nothing.
        let m = luxe_melding(SARA, "2020-10-05", "2020-10-09", "2020-10-12");
        assert_eq!(
            weigering(melding::registreer(s, &mw(s, BELEID).await, m).await.unwrap_err()).regel,
            "rollen: meldingen registreren"
        );
    }
}

#[tokio::test]
async fn halt_and_a_pv_against_the_youth_only_from_twelve() {
    for db in regio().await {
        let s = &db.store;
        let bram = mw(s, BOA).await;
        // Lieke is 10.
        let m = NieuweMelding {
            jongere: LIEKE.into(),
            soort: "wettelijk_16_uur".into(),
            school: school(DE_WIEKEN),
            ..luxe_melding(LIEKE, "2020-10-05", "2020-10-30", "2020-11-02")
        };
        let z = melding::registreer(s, &bram, m).await.unwrap().zaak.unwrap();
        let w = weigering(actie::neem(s, &bram, actie(&z, ActieSoort::Halt, "2020-11-10")).await.unwrap_err());
        assert_eq!(w.regel, "Sr art. 77e: HALT van 12 tot 18");
        let pv = NieuweActie { pv_tegen: Some(PvTegen::Jongere), ..actie(&z, ActieSoort::ProcesVerbaal, "2020-11-10") };
        let w = weigering(actie::neem(s, &bram, pv).await.unwrap_err());
        assert!(w.reden.contains("nog geen 12"), "{w}");
        // Sara's mother is not Lieke's.
        let pv = NieuweActie {
            pv_tegen: Some(PvTegen::Ouder),
            ouder: Some(FATIMA.into()),
            ..actie(&z, ActieSoort::ProcesVerbaal, "2020-11-10")
        };
        assert!(matches!(actie::neem(s, &bram, pv).await.unwrap_err(), Fout::Invoer { veld: "ouder", .. }));

        // Sara is 12: HALT, negative, prompts a PV.
        let m = NieuweMelding {
            soort: "wettelijk_16_uur".into(),
            ..luxe_melding(SARA, "2020-10-05", "2020-10-30", "2020-11-02")
        };
        let z = melding::registreer(s, &bram, m).await.unwrap().zaak.unwrap();
        let halt = actie::neem(s, &bram, actie(&z, ActieSoort::Halt, "2020-11-10")).await.unwrap().actie;
        let w =
            weigering(actie::leg_uitkomst_vast(s, &bram, &halt.id, "sepot", Some(d("2021-01-10"))).await.unwrap_err());
        assert_eq!(w.reden, "uitkomst 'sepot' past niet bij een HALT-verwijzing");
        let (_, vervolg) =
            actie::leg_uitkomst_vast(s, &bram, &halt.id, "halt_negatief", Some(d("2021-01-10"))).await.unwrap();
        assert_eq!(vervolg, Vervolg::ProcesVerbaalAanbevolen);
    }
}

#[tokio::test]
async fn a_closed_zaak_is_reopened_by_right_and_nothing_is_half_written() {
    for db in regio().await {
        let s = &db.store;
        let lotte = mw(s, LPA).await;
        let m =
            NieuweMelding { soort: "signaal".into(), ..luxe_melding(SARA, "2020-10-05", "2020-10-09", "2020-10-12") };
        let z = melding::registreer(s, &lotte, m).await.unwrap().zaak.unwrap();
        zaak::sluit(s, &lotte, &z.id, d("2020-10-20"), "verzuim_gestopt").await.unwrap();
        let voor = s.aantal("wijzigingslog").await.unwrap();
        let w = weigering(zaak::heropen(s, &mw(s, ADMIN).await, &z.id).await.unwrap_err());
        assert_eq!(w.regel, "rollen: zaken behandelen");
        // An unknown closing reason writes nothing.
        let heropend = zaak::heropen(s, &mw(s, TEAMLEIDER).await, &z.id).await.unwrap();
        assert_eq!(heropend.status, ZaakStatus::InOnderzoek);
        let fout = zaak::sluit(s, &lotte, &z.id, d("2020-10-25"), "opgelost").await.unwrap_err();
        assert!(fout.to_string().starts_with("reden_sluiting: code 'opgelost' bestaat niet"), "{fout}");
        assert_eq!(s.aantal("wijzigingslog").await.unwrap(), voor + 3, "alleen de heropening (status, datum, reden)");
    }
}

/// Two luxe absences in one open case are repeated luxe verzuim, even if each lasted a day.
#[tokio::test]
async fn two_separate_days_of_luxe_verzuim_in_one_case_need_a_pv() {
    for db in regio().await {
        let s = &db.store;
        let lotte = mw(s, LPA).await;
        let z = melding::registreer(s, &lotte, luxe_melding(SARA, "2020-10-09", "2020-10-09", "2020-10-12"))
            .await
            .unwrap()
            .zaak
            .unwrap();
        let tweede =
            melding::registreer(s, &lotte, luxe_melding(SARA, "2020-12-18", "2020-12-18", "2020-12-21")).await.unwrap();
        assert_eq!(tweede.afloop, Afloop::BijOpenZaak);
        actie::neem(s, &lotte, actie(&z, ActieSoort::Waarschuwing, "2021-01-06")).await.unwrap();
        let w = weigering(zaak::sluit(s, &lotte, &z.id, d("2021-01-06"), "verzuim_gestopt").await.unwrap_err());
        assert!(w.reden.starts_with("herhaald luxe verzuim"), "{w}");
    }
}

/// Once a case is closed, its absence is over, even if the school gave no end: a new absence in the
/// spring is a new case, and recidive.
#[tokio::test]
async fn an_absence_after_a_closed_case_is_a_new_case_not_a_repeat() {
    for db in regio().await {
        let s = &db.store;
        let lotte = mw(s, LPA).await;
        let zestien = |van: &str, gemeld: &str| NieuweMelding {
            soort: "wettelijk_16_uur".into(),
            verzuim_tot: None,
            ..luxe_melding(SARA, van, van, gemeld)
        };
        let z = melding::registreer(s, &lotte, zestien("2020-10-05", "2020-10-30")).await.unwrap().zaak.unwrap();
        zaak::sluit(s, &lotte, &z.id, d("2020-11-15"), "verzuim_gestopt").await.unwrap();
        let maart = melding::registreer(s, &lotte, zestien("2021-03-01", "2021-03-26")).await.unwrap();
        assert_eq!((maart.afloop, maart.melding.vervolg_op), (Afloop::NieuweZaak, None));
        let r = register::recidive(s, SchoolJaar::beginnend_in(2020)).await.unwrap();
        assert_eq!(r.recidivisten(), 1);
    }
}

/// 18+ verzuim is guidance, not enforcement: no luxe verzuim and no PV for Noor (19).
#[tokio::test]
async fn no_luxe_verzuim_and_no_pv_without_leer_or_kwalificatieplicht() {
    for db in regio().await {
        let s = &db.store;
        let bram = mw(s, BOA).await;
        let luxe = NieuweMelding {
            jongere: NOOR.into(),
            school: school(ROC),
            ..luxe_melding(NOOR, "2020-10-05", "2020-10-09", "2020-10-12")
        };
        let w = weigering(melding::registreer(s, &bram, luxe.clone()).await.unwrap_err());
        assert_eq!(w.regel, "Lpw art. 11, 13a: luxe verzuim");
        let z = melding::registreer(s, &bram, NieuweMelding { soort: "achttien_plus".into(), ..luxe })
            .await
            .unwrap()
            .zaak
            .unwrap();
        let pv = NieuweActie { pv_tegen: Some(PvTegen::Jongere), ..actie(&z, ActieSoort::ProcesVerbaal, "2020-10-20") };
        let w = weigering(actie::neem(s, &bram, pv).await.unwrap_err());
        assert_eq!(w.regel, "Lpw art. 26: alleen bij leer- of kwalificatieplicht");
        assert_eq!(s.aantal("actie").await.unwrap(), 0);
    }
}

/// Two caseworkers on one dossier: a change made meanwhile is never silently overwritten.
#[tokio::test]
async fn a_change_made_meanwhile_is_not_overwritten() {
    for db in regio().await {
        let s = &db.store;
        let lotte = mw(s, LPA).await;
        let m =
            NieuweMelding { soort: "signaal".into(), ..luxe_melding(SARA, "2020-10-05", "2020-10-09", "2020-10-12") };
        let gelezen = melding::registreer(s, &lotte, m).await.unwrap().zaak.unwrap();
        zaak::sluit(s, &lotte, &gelezen.id, d("2020-10-20"), "verzuim_gestopt").await.unwrap();
        // Someone who read the zaak before it was closed tries to move it on.
        let mut schrijver = s.schrijver(LPA, "test").await.unwrap();
        let fout =
            schrijver.wijzig(&gelezen, &Zaak { status: ZaakStatus::Maatregel, ..gelezen.clone() }).await.unwrap_err();
        assert!(fout.to_string().contains("is intussen door een ander gewijzigd of vastgelegd"), "{fout}");
        drop(schrijver);
        let nu: Zaak = s.lees_een(&gelezen.id).await.unwrap().unwrap();
        assert_eq!(nu.status, ZaakStatus::Gesloten);
    }
}

/// Former staff no longer act in the register.
#[tokio::test]
async fn a_medewerker_out_of_service_is_refused() {
    for db in regio().await {
        let s = &db.store;
        let mut oud = mw(s, BOA).await;
        oud.uit_dienst = Some(d("2019-12-31"));
        leerspoor_ingest::importeer_dataset(
            s,
            Dataset { medewerkers: vec![oud], ..Dataset::default() },
            "personeelsadministratie",
            &leerspoor_ingest::ImportOpties { dry_run: false, gebruiker: "test".into() },
        )
        .await
        .unwrap();
        let fout = leerspoor_casework::medewerker(s, BOA).await.unwrap_err();
        assert_eq!(weigering(fout).regel, "rollen: in dienst");
    }
}
