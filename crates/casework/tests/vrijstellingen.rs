//! Stories of vrijstellingen and verlof (docs/regels.md), told against SQLite and PostgreSQL.
mod common;
use VrijstellingStatus::*;
use common::*;
use leerspoor_casework::vrijstellingen::{self, Aanvraag, Aanvulling, Besluit, Schoolverlof};
use leerspoor_casework::{Dossier, Fout};
use leerspoor_domain::model::*;
use leerspoor_domain::rules::Weigering;
use leerspoor_domain::rules::vrijstelling::vrijstelt_van_inschrijving;
use leerspoor_ingest::{ImportOpties, importeer_dataset};

fn aanvraag(jongere: &str, artikel: &str, gevraagd: &str, van: &str, tot: &str) -> Aanvraag {
    Aanvraag {
        jongere: jongere.into(),
        artikel: artikel.into(),
        aanvraagdatum: d(gevraagd),
        geldig_van: Some(d(van)),
        geldig_tot: Some(d(tot)),
        dagen: None,
        artsverklaring_datum: None,
        swv_advies_datum: None,
        toelichting: String::new(),
    }
}

fn verlof(jongere: &str, artikel: &str, gevraagd: &str, van: &str, tot: &str, dagen: u32) -> Aanvraag {
    Aanvraag { dagen: Some(dagen), ..aanvraag(jongere, artikel, gevraagd, van, tot) }
}

/// Leave the school head granted on the day it was asked.
fn schoolverlof(jongere: &str, artikel: &str, gevraagd: &str, van: &str, tot: &str, dagen: u32) -> Schoolverlof {
    Schoolverlof {
        jongere: jongere.into(),
        artikel: artikel.into(),
        aanvraagdatum: d(gevraagd),
        besluitdatum: d(gevraagd),
        geldig_van: d(van),
        geldig_tot: d(tot),
        dagen,
        werkgeversverklaring_datum: (artikel == "art11_sub_f").then(|| d(gevraagd)),
        toelichting: String::new(),
    }
}

fn toekennen(op: &str) -> Besluit {
    Besluit { toekennen: true, besluitdatum: d(op), geldig_van: None, geldig_tot: None, toelichting: String::new() }
}

fn afwijzen(op: &str, reden: &str) -> Besluit {
    Besluit { toekennen: false, toelichting: reden.into(), ..toekennen(op) }
}

fn weigering(f: Fout) -> Weigering {
    match f {
        Fout::Weigering(w) => w,
        f => panic!("een weigering verwacht, kreeg: {f}"),
    }
}

fn invoer(f: Fout) -> &'static str {
    match f {
        Fout::Invoer { veld, .. } => veld,
        f => panic!("een invoerfout verwacht, kreeg: {f}"),
    }
}

/// Emma's parents ask for a vrijstelling on psychological grounds. Without the independent doctor's
/// statement the leerplichtambtenaar cannot grant it, nor before the samenwerkingsverband advised;
/// once both are recorded she can, and from its first day Emma is no longer expected at school.
#[tokio::test]
async fn a_5_sub_a_request_is_refused_without_the_doctors_statement() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let gevraagd = Aanvraag {
            toelichting: "Ouders: ernstige angststoornis".into(),
            ..aanvraag(EMMA, "art5_sub_a", "2021-02-01", "2021-04-01", "2022-07-31")
        };
        let v = vrijstellingen::vraag_aan(s, &anna, gevraagd).await.unwrap();
        assert_eq!((v.status, v.besluitdatum), (Aangevraagd, None));
        let v = vrijstellingen::in_behandeling(s, &lotte, &v.id).await.unwrap();
        assert_eq!((v.status, v.medewerker.as_deref()), (InBehandeling, Some(LPA)));

        let voor = s.aantal("wijzigingslog").await.unwrap();
        let fout = vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2021-03-15")).await.unwrap_err();
        assert!(fout.to_string().ends_with("(Lpw art. 5 sub a, art. 7)"), "{fout}");
        let w = weigering(fout);
        assert!(w.reden.contains("verklaring van een onafhankelijk arts; die ontbreekt"), "{w}");
        assert_eq!(s.aantal("wijzigingslog").await.unwrap(), voor, "een weigering schrijft niets");

        let arts = Aanvulling { artsverklaring_datum: Some(d("2021-01-20")), ..Default::default() };
        vrijstellingen::vul_aan(s, &anna, &v.id, arts).await.unwrap();
        let w = weigering(vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2021-03-15")).await.unwrap_err());
        assert_eq!(w.reden, "vraag eerst advies aan het samenwerkingsverband; dat advies ontbreekt");

        let advies = Aanvulling { swv_advies_datum: Some(d("2021-03-01")), ..Default::default() };
        let v = vrijstellingen::vul_aan(s, &anna, &v.id, advies).await.unwrap();
        assert_eq!(v.artsverklaring_datum, Some(d("2021-01-20")), "een aanvulling laat de rest staan");
        let v = vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2021-03-15")).await.unwrap();
        assert_eq!(
            (v.status, v.besluitdatum, v.beslisser),
            (Toegekend, Some(d("2021-03-15")), Beslisser::Leerplichtambtenaar)
        );
        assert_eq!(v.toelichting, "Ouders: ernstige angststoornis\nToegekend op 2021-03-15");

        let dossier = Dossier::laad(s, EMMA).await.unwrap();
        assert!(dossier.vrijstelling_op(d("2021-03-31")).is_none());
        assert_eq!(dossier.vrijstelling_op(d("2021-04-01")).map(|v| v.id.as_str()), Some(v.id.as_str()));
        assert!(dossier.situatie_op(d("2022-07-31")).unwrap().vrijstelling);
        assert!(dossier.vrijstelling_op(d("2022-08-01")).is_none());
        assert!(vrijstellingen::vul_aan(s, &anna, &v.id, Aanvulling::default()).await.is_err(), "besloten");
    }
}

/// Objections to the denomination are notified per schooljaar, before 1 July; a late notification
/// is refused, and the refusal says why.
#[tokio::test]
async fn a_5_sub_b_notification_after_1_july_is_refused() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let te_laat = aanvraag(LIEKE, "art5_sub_b", "2021-07-05", "2021-08-01", "2022-07-31");
        let v = vrijstellingen::vraag_aan(s, &anna, te_laat).await.unwrap();
        let w = weigering(vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2021-07-20")).await.unwrap_err());
        assert_eq!(w.regel, "Lpw art. 5 sub b, art. 8");
        assert!(w.reden.contains("vóór 1 juli binnen zijn (uiterlijk 2021-06-30), niet op 2021-07-05"), "{w}");

        let w = weigering(vrijstellingen::besluit(s, &lotte, &v.id, afwijzen("2021-07-20", " ")).await.unwrap_err());
        assert_eq!(w.regel, "Awb art. 3:46");
        let v =
            vrijstellingen::besluit(s, &lotte, &v.id, afwijzen("2021-07-20", "kennisgeving na 1 juli")).await.unwrap();
        assert_eq!((v.status, v.toelichting.as_str()), (Afgewezen, "Afgewezen op 2021-07-20: kennisgeving na 1 juli"));

        // The next year on time, but for two schooljaren at once: granted for the first only.
        let op_tijd = aanvraag(LIEKE, "art5_sub_b", "2022-06-20", "2022-08-01", "2024-07-31");
        let v = vrijstellingen::vraag_aan(s, &anna, op_tijd).await.unwrap();
        let w = weigering(vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2022-07-01")).await.unwrap_err());
        assert!(w.reden.contains("geldt voor één schooljaar (2022-2023)"), "{w}");
        let een_jaar = Besluit { geldig_tot: Some(d("2023-07-31")), ..toekennen("2022-07-01") };
        let v = vrijstellingen::besluit(s, &lotte, &v.id, een_jaar).await.unwrap();
        assert_eq!((v.status, v.geldig_tot), (Toegekend, Some(d("2023-07-31"))));
    }
}

/// Over more than 10 school days of leave for important circumstances the leerplichtambtenaar
/// decides, not the school head; leave is no vrijstelling from enrolment.
#[tokio::test]
async fn fifteen_days_of_11_g_leave_are_the_leerplichtambtenaars_decision() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let school = schoolverlof(SARA, "art11_sub_g", "2021-02-01", "2021-03-01", "2021-03-19", 15);
        let w = weigering(vrijstellingen::leg_verlof_vast(s, &anna, school).await.unwrap_err());
        assert_eq!(w.regel, "Lpw art. 11 sub g, art. 14");
        assert_eq!(
            w.reden,
            "over 15 dagen verlof: meer dan 10 per schooljaar, daarover beslist de leerplichtambtenaar, niet de directeur"
        );

        let gevraagd = verlof(SARA, "art11_sub_g", "2021-02-01", "2021-03-01", "2021-03-19", 15);
        let v = vrijstellingen::vraag_aan(s, &anna, gevraagd).await.unwrap();
        let v = vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2021-02-15")).await.unwrap();
        assert_eq!((v.status, v.beslisser, v.dagen), (Toegekend, Beslisser::Leerplichtambtenaar, Some(15)));
        assert!(Dossier::laad(s, SARA).await.unwrap().vrijstelling_op(d("2021-03-10")).is_none());
        let lopend = vrijstellingen::lopend_op(s, d("2021-03-10")).await.unwrap();
        assert_eq!(lopend.iter().map(|v| v.id.as_str()).collect::<Vec<_>>(), [v.id.as_str()]);
    }
}

/// Up to 10 school days per schooljaar the school head decides and the office only records it;
/// beyond that, even in small parts, the request goes to the leerplichtambtenaar.
#[tokio::test]
async fn five_days_of_11_g_leave_are_the_school_heads_and_only_recorded() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let school = schoolverlof(LIEKE, "art11_sub_g", "2020-10-01", "2020-10-12", "2020-10-16", 5);
        let v = vrijstellingen::leg_verlof_vast(s, &anna, school).await.unwrap();
        assert_eq!((v.status, v.beslisser, v.medewerker.as_deref()), (Toegekend, Beslisser::Schoolleider, Some(ADMIN)));

        let w = weigering(
            vrijstellingen::vraag_aan(
                s,
                &anna,
                verlof(LIEKE, "art11_sub_g", "2021-01-10", "2021-02-01", "2021-02-05", 5),
            )
            .await
            .unwrap_err(),
        );
        assert!(w.reden.ends_with("daarover beslist de directeur; de leerplichtambtenaar legt het alleen vast"), "{w}");

        let school = schoolverlof(LIEKE, "art11_sub_g", "2021-01-10", "2021-02-01", "2021-02-05", 5);
        vrijstellingen::leg_verlof_vast(s, &anna, school).await.unwrap();
        let school = schoolverlof(LIEKE, "art11_sub_g", "2021-04-12", "2021-05-03", "2021-05-05", 3);
        let w = weigering(vrijstellingen::leg_verlof_vast(s, &anna, school).await.unwrap_err());
        assert!(
            w.reden.starts_with("over 3 dagen verlof (met de 10 eerdere dagen dit schooljaar 13): meer dan 10"),
            "{w}"
        );
        let gevraagd = verlof(LIEKE, "art11_sub_g", "2021-04-12", "2021-05-03", "2021-05-05", 3);
        let v = vrijstellingen::vraag_aan(s, &anna, gevraagd).await.unwrap();
        assert_eq!(vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2021-04-20")).await.unwrap().status, Toegekend);
        // A new schooljaar starts again at the school head.
        let school = schoolverlof(LIEKE, "art11_sub_g", "2021-09-01", "2021-09-20", "2021-09-24", 5);
        vrijstellingen::leg_verlof_vast(s, &anna, school).await.unwrap();
    }
}

/// Leave for a parent's job: the school head's, once per schooljaar.
#[tokio::test]
async fn leave_for_a_parents_job_is_given_once_a_schooljaar_by_the_school_head() {
    for db in regio().await {
        let s = &db.store;
        let anna = mw(s, ADMIN).await;
        met_schoolkalender(s).await;
        let school = schoolverlof(SARA, "art11_sub_f", "2020-09-01", "2020-09-14", "2020-09-18", 5);
        vrijstellingen::leg_verlof_vast(s, &anna, school).await.unwrap();
        let school = schoolverlof(SARA, "art11_sub_f", "2021-02-01", "2021-03-01", "2021-03-03", 3);
        let w = weigering(vrijstellingen::leg_verlof_vast(s, &anna, school).await.unwrap_err());
        assert_eq!(
            (w.regel, w.reden.as_str()),
            ("Lpw art. 11 sub f, art. 13a", "verlof wegens het beroep van een ouder kan één keer per schooljaar")
        );
        let gevraagd = verlof(SARA, "art11_sub_f", "2021-02-01", "2021-03-01", "2021-03-03", 3);
        let w = weigering(vrijstellingen::vraag_aan(s, &anna, gevraagd).await.unwrap_err());
        assert!(w.reden.contains("beslist alleen de directeur"), "{w}");
        // Nor does the school head give a vrijstelling.
        let school = schoolverlof(SARA, "art5_sub_c", "2021-02-01", "2021-03-01", "2021-03-03", 3);
        assert_eq!(
            weigering(vrijstellingen::leg_verlof_vast(s, &anna, school).await.unwrap_err()).regel,
            "Lpw art. 11, 13a, 14"
        );
        // Not in the first two lesweken: regio noord's zomervakantie ended on 22 August 2021, so the
        // week of 30 August is the second lesweek; the week of 6 September may.
        let school = schoolverlof(SARA, "art11_sub_f", "2021-08-02", "2021-08-30", "2021-09-03", 5);
        let w = weigering(vrijstellingen::leg_verlof_vast(s, &anna, school).await.unwrap_err());
        assert!(w.reden.contains("eerste twee lesweken van het schooljaar (2021-08-23 tot en met 2021-09-05)"), "{w}");
        let school = schoolverlof(SARA, "art11_sub_f", "2021-08-02", "2021-09-06", "2021-09-10", 5);
        let zonder = Schoolverlof { werkgeversverklaring_datum: None, ..school.clone() };
        let w = weigering(vrijstellingen::leg_verlof_vast(s, &anna, zonder).await.unwrap_err());
        assert!(w.reden.contains("werkgeversverklaring"), "{w}");
        vrijstellingen::leg_verlof_vast(s, &anna, school).await.unwrap();
    }
}

/// Art. 15 (other sufficient education) is only for a kwalificatieplichtige: not for Sara, who is 12
/// and leerplichtig, but for Daan, 16 and without a startkwalificatie.
#[tokio::test]
async fn art_15_is_refused_for_a_leerplichtige_and_granted_to_a_kwalificatieplichtige() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let v = vrijstellingen::vraag_aan(s, &anna, aanvraag(SARA, "art15", "2020-09-01", "2020-10-01", "2021-07-31"))
            .await
            .unwrap();
        let w = weigering(vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2020-09-20")).await.unwrap_err());
        assert_eq!(w.regel, "Lpw art. 15");
        assert_eq!(
            w.reden,
            "art. 15 geldt alleen voor een kwalificatieplichtige jongere; op 2020-10-01 is de jongere leerplichtig"
        );

        let v = vrijstellingen::vraag_aan(s, &anna, aanvraag(DAAN, "art15", "2020-08-15", "2020-09-01", "2021-07-31"))
            .await
            .unwrap();
        vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2020-08-25")).await.unwrap();
        let dossier = Dossier::laad(s, DAAN).await.unwrap();
        let situatie = dossier.situatie_op(d("2020-10-01")).unwrap();
        assert!(!situatie.ingeschreven && situatie.vrijstelling, "geen absoluut verzuim");
    }
}

/// Art. 3b holds only in the last year of volledige leerplicht.
#[tokio::test]
async fn art_3b_outside_the_last_leerplicht_year_is_refused() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let v = vrijstellingen::vraag_aan(s, &anna, aanvraag(SARA, "art3b", "2020-06-01", "2020-08-01", "2021-07-31"))
            .await
            .unwrap();
        let w = weigering(vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2020-07-01")).await.unwrap_err());
        assert_eq!(w.regel, "Lpw art. 3b");
        assert_eq!(w.reden, "art. 3b geldt alleen in het laatste leerplichtjaar (2023-2024), niet in 2020-2021");

        let v = vrijstellingen::vraag_aan(s, &anna, aanvraag(DAAN, "art3b", "2019-06-01", "2019-08-01", "2020-07-31"))
            .await
            .unwrap();
        assert_eq!(vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2019-07-01")).await.unwrap().status, Toegekend);
    }
}

#[tokio::test]
async fn only_the_leerplichtambtenaar_decides_and_the_beleidsmedewerker_registers_nothing() {
    for db in regio().await {
        let s = &db.store;
        let gevraagd = aanvraag(LIEKE, "art5_sub_c", "2020-07-01", "2020-08-01", "2021-07-31");
        let w = weigering(vrijstellingen::vraag_aan(s, &mw(s, BELEID).await, gevraagd.clone()).await.unwrap_err());
        assert_eq!(w.regel, "rollen: vrijstellingen registreren");
        let v = vrijstellingen::vraag_aan(s, &mw(s, TEAMLEIDER).await, gevraagd).await.unwrap();
        for (wie, rol) in
            [(RMC, "rmc-trajectbegeleider"), (BELEID, "beleidsmedewerker"), (ADMIN, "administratief medewerker")]
        {
            let w = weigering(
                vrijstellingen::besluit(s, &mw(s, wie).await, &v.id, toekennen("2020-07-15")).await.unwrap_err(),
            );
            assert_eq!(w.regel, "rollen: besluiten over vrijstelling en verlof");
            assert!(w.reden.ends_with(&format!("een {rol} niet")), "{w}");
        }
        assert_eq!(
            vrijstellingen::besluit(s, &mw(s, BOA).await, &v.id, toekennen("2020-07-15")).await.unwrap().status,
            Toegekend
        );
    }
}

/// Lieke's parents ask for a vrijstelling for a school abroad; refused for lack of proof, they object
/// with the proof and the leerplichtambtenaar grants it. Each decision stands until contested.
#[tokio::test]
async fn a_refusal_contested_by_bezwaar_is_granted_by_a_new_decision_and_not_decided_twice() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let v = vrijstellingen::vraag_aan(
            s,
            &anna,
            aanvraag(LIEKE, "art5_sub_c", "2020-07-01", "2020-08-01", "2021-07-31"),
        )
        .await
        .unwrap();
        let w = weigering(vrijstellingen::bezwaar(s, &anna, &v.id, d("2020-07-10"), "te lang").await.unwrap_err());
        assert_eq!(
            (w.regel, w.reden.as_str()),
            ("verloop van een aanvraag", "bezwaar of beroep kan pas tegen een besluit")
        );
        let reden = "geen bewijs van inschrijving op de school in het buitenland";
        let v = vrijstellingen::besluit(s, &lotte, &v.id, afwijzen("2020-07-15", reden)).await.unwrap();
        assert_eq!(v.status, Afgewezen);

        let w = weigering(vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2020-07-20")).await.unwrap_err());
        assert_eq!(
            w.reden,
            "op deze aanvraag is al besloten (afgewezen); een nieuw besluit volgt alleen op bezwaar of beroep"
        );
        let w = weigering(vrijstellingen::trek_in(s, &anna, &v.id, "").await.unwrap_err());
        assert!(w.reden.contains("niet meer worden ingetrokken"), "{w}");

        let fout = vrijstellingen::bezwaar(s, &anna, &v.id, d("2020-07-14"), "bewijs nagestuurd").await.unwrap_err();
        assert_eq!(invoer(fout), "datum");
        assert_eq!(
            invoer(vrijstellingen::bezwaar(s, &anna, &v.id, d("2020-08-10"), " ").await.unwrap_err()),
            "gronden"
        );
        let v = vrijstellingen::bezwaar(s, &anna, &v.id, d("2020-08-10"), "bewijs van inschrijving nagestuurd")
            .await
            .unwrap();
        // The refusal stands while the bezwaar runs (Awb 6:16).
        assert_eq!((v.status, v.bezwaar_op), (Afgewezen, Some(d("2020-08-10"))));
        let w = weigering(vrijstellingen::bezwaar(s, &anna, &v.id, d("2020-08-11"), "nogmaals").await.unwrap_err());
        assert_eq!(w.reden, "er loopt al bezwaar of beroep");
        assert_eq!(
            invoer(vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2020-07-14")).await.unwrap_err()),
            "besluitdatum"
        );

        let v = vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2020-09-01")).await.unwrap();
        assert_eq!((v.status, v.besluitdatum, v.bezwaar_op), (Toegekend, Some(d("2020-09-01")), None));
        assert_eq!(
            v.toelichting,
            format!(
                "Afgewezen op 2020-07-15: {reden}\nBezwaar/beroep op 2020-08-10: bewijs van inschrijving nagestuurd\nToegekend op 2020-09-01"
            )
        );
        assert!(Dossier::laad(s, LIEKE).await.unwrap().vrijstelling_op(d("2020-10-01")).is_some());
        let w = weigering(
            vrijstellingen::besluit(s, &lotte, &v.id, afwijzen("2020-09-02", "toch niet")).await.unwrap_err(),
        );
        assert!(w.reden.starts_with("op deze aanvraag is al besloten (toegekend)"), "{w}");

        // Now the school objects to the grant: it keeps running until the decision on the bezwaar.
        let v =
            vrijstellingen::bezwaar(s, &anna, &v.id, d("2020-09-20"), "school twijfelt aan het bewijs").await.unwrap();
        assert_eq!((v.status, v.bezwaar_op), (Toegekend, Some(d("2020-09-20"))));
        assert!(Dossier::laad(s, LIEKE).await.unwrap().vrijstelling_op(d("2020-10-01")).is_some());
        let v = vrijstellingen::besluit(s, &lotte, &v.id, afwijzen("2020-10-15", "bewijs blijkt vals")).await.unwrap();
        assert_eq!((v.status, v.bezwaar_op), (Afgewezen, None));
        assert!(Dossier::laad(s, LIEKE).await.unwrap().vrijstelling_op(d("2020-10-16")).is_none());
    }
}

#[tokio::test]
async fn a_request_is_withdrawn_before_the_decision_and_then_rests() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let v =
            vrijstellingen::vraag_aan(s, &anna, aanvraag(EMMA, "art5_sub_c", "2021-05-01", "2021-08-01", "2022-07-31"))
                .await
                .unwrap();
        let v = vrijstellingen::in_behandeling(s, &lotte, &v.id).await.unwrap();
        let w = weigering(vrijstellingen::in_behandeling(s, &lotte, &v.id).await.unwrap_err());
        assert!(w.reden.contains("in behandeling"), "{w}");
        let v = vrijstellingen::trek_in(s, &anna, &v.id, "gezin blijft in Nederland").await.unwrap();
        assert_eq!((v.status, v.toelichting.as_str()), (Ingetrokken, "Ingetrokken: gezin blijft in Nederland"));
        let w = weigering(vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2021-06-01")).await.unwrap_err());
        assert!(w.reden.starts_with("de aanvraag is ingetrokken"), "{w}");
        let w = weigering(vrijstellingen::vul_aan(s, &anna, &v.id, Aanvulling::default()).await.unwrap_err());
        assert!(w.reden.starts_with("de aanvraag is ingetrokken; aanvullen kan alleen"), "{w}");
    }
}

#[tokio::test]
async fn impossible_requests_are_input_errors() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let vraag = |a: Aanvraag| vrijstellingen::vraag_aan(s, &anna, a);
        let goed = aanvraag(EMMA, "art5_sub_c", "2021-05-01", "2021-08-01", "2022-07-31");
        let fout = vraag(Aanvraag { artikel: "art12".into(), ..goed.clone() }).await.unwrap_err();
        assert!(fout.to_string().starts_with("artikel: code 'art12' bestaat niet"), "{fout}");
        let fout = vraag(Aanvraag { geldig_tot: Some(d("2021-07-31")), ..goed.clone() }).await.unwrap_err();
        assert_eq!(fout.to_string(), "geldig_tot: de geldigheid eindigt vóór ze begint (2021-08-01)");
        let fout = vraag(Aanvraag { aanvraagdatum: d("2012-08-31"), ..goed.clone() }).await.unwrap_err();
        assert_eq!(invoer(fout), "aanvraagdatum");
        assert_eq!(invoer(vraag(Aanvraag { dagen: Some(5), ..goed.clone() }).await.unwrap_err()), "dagen");
        let zonder_dagen = aanvraag(EMMA, "art11_sub_g", "2021-05-01", "2021-05-10", "2021-05-28");
        assert_eq!(invoer(vraag(zonder_dagen).await.unwrap_err()), "dagen");
        assert!(matches!(
            vraag(Aanvraag { jongere: "J-NIEMAND".into(), ..goed.clone() }).await.unwrap_err(),
            Fout::Onbekend { wat: "jongere", .. }
        ));

        let v = vraag(Aanvraag { geldig_van: None, geldig_tot: None, ..goed }).await.unwrap();
        assert_eq!(
            invoer(vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2021-04-30")).await.unwrap_err()),
            "besluitdatum"
        );
        assert_eq!(
            invoer(vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2021-05-15")).await.unwrap_err()),
            "geldig_van"
        );
        assert_eq!(s.aantal("vrijstelling").await.unwrap(), 1, "alleen de geldige aanvraag");
    }
}

/// The reports count the vrijstellingen running on a peildatum; the werkvoorraad lists those to renew
/// until the renewal is requested.
#[tokio::test]
async fn running_vrijstellingen_on_a_peildatum_and_those_to_renew() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let v = vrijstellingen::vraag_aan(
            s,
            &anna,
            aanvraag(LIEKE, "art5_sub_c", "2020-07-01", "2020-08-01", "2021-07-31"),
        )
        .await
        .unwrap();
        let buitenland = vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2020-07-15")).await.unwrap();
        let school = schoolverlof(SARA, "art11_sub_g", "2021-02-15", "2021-03-01", "2021-03-05", 5);
        let verlof = vrijstellingen::leg_verlof_vast(s, &anna, school).await.unwrap();

        let mut lopend: Vec<String> =
            vrijstellingen::lopend_op(s, d("2021-03-03")).await.unwrap().into_iter().map(|v| v.id).collect();
        lopend.sort();
        let mut verwacht = vec![buitenland.id.clone(), verlof.id.clone()];
        verwacht.sort();
        assert_eq!(lopend, verwacht);
        let vrijstellingen_op: Vec<_> = vrijstellingen::lopend_op(s, d("2021-03-08"))
            .await
            .unwrap()
            .into_iter()
            .filter(|v| vrijstelt_van_inschrijving(&v.artikel))
            .collect();
        assert_eq!(vrijstellingen_op, std::slice::from_ref(&buitenland));

        assert!(vrijstellingen::te_verlengen(s, d("2021-03-01"), 30).await.unwrap().is_empty());
        let te_verlengen = vrijstellingen::te_verlengen(s, d("2021-06-01"), 90).await.unwrap();
        assert_eq!(te_verlengen.iter().map(|(v, j)| (v, j.id.as_str())).collect::<Vec<_>>(), [(&buitenland, LIEKE)]);
        vrijstellingen::vraag_aan(s, &anna, aanvraag(LIEKE, "art5_sub_c", "2021-06-15", "2021-08-01", "2022-07-31"))
            .await
            .unwrap();
        assert!(vrijstellingen::te_verlengen(s, d("2021-06-20"), 90).await.unwrap().is_empty());
    }
}

/// Lpw art. 4 lid 1: volledige leerplicht ends after the schooljaar "waarin de jongere twaalf volledige
/// schooljaren een of meer scholen heeft bezocht", if that comes before the schooljaar of the 16th
/// birthday. Mees (15 on 10 October 2020) skipped two groups and completed twelve schooljaren on
/// 31 July 2020: from 1 August he is kwalificatieplichtig, and art. 15 applies to him — once the
/// register knows it.
#[tokio::test]
async fn twelve_schooljaren_end_leerplicht_before_sixteen_once_the_register_knows_it() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let mees = Jongere {
            id: "J-MEES".into(),
            bsn: leerspoor_domain::Bsn::parse("900000168").unwrap(),
            voornamen: "Mees".into(),
            tussenvoegsel: String::new(),
            achternaam: "Jansen".into(),
            geboortedatum: d("2005-10-10"),
            geslacht: Geslacht::Man,
            overlijdensdatum: None,
            twaalf_schooljaren_op: None,
        };
        let lever = async |j: Jongere| {
            let opties = ImportOpties { dry_run: false, gebruiker: "test".into() };
            importeer_dataset(s, Dataset { jongeren: vec![j], ..Dataset::default() }, "school", &opties).await.unwrap()
        };
        lever(mees.clone()).await;
        let art15 = aanvraag("J-MEES", "art15", "2020-09-01", "2020-10-01", "2021-07-31");
        let v = vrijstellingen::vraag_aan(s, &anna, art15.clone()).await.unwrap();
        let w = weigering(vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2020-09-20")).await.unwrap_err());
        assert!(w.reden.ends_with("op 2020-10-01 is de jongere leerplichtig"), "{w}");

        lever(Jongere { twaalf_schooljaren_op: Some(d("2020-07-31")), ..mees }).await;
        let besluit = vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2020-09-20")).await.unwrap();
        assert_eq!(besluit.status, Toegekend);
    }
}

/// Awb art. 4:13 and 4:14: a request the office decides on must be decided within eight weeks of its
/// receipt, unless the office verdaagt in time, telling the applicant why.
#[tokio::test]
async fn a_request_has_a_beslistermijn_the_leerplichtambtenaar_can_verdagen_in_time() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let v =
            vrijstellingen::vraag_aan(s, &anna, aanvraag(SARA, "art5_sub_c", "2021-01-04", "2021-02-01", "2021-07-31"))
                .await
                .unwrap();
        let termijnen = vrijstellingen::beslistermijnen(s).await.unwrap();
        assert_eq!(
            termijnen.iter().map(|(v, _, t)| (v.id.as_str(), *t)).collect::<Vec<_>>(),
            [(v.id.as_str(), d("2021-03-01"))]
        );

        let w = weigering(
            vrijstellingen::verdaag(s, &anna, &v.id, d("2021-04-01"), d("2021-02-20"), "advies").await.unwrap_err(),
        );
        assert_eq!(w.regel, "rollen: besluiten over vrijstelling en verlof");
        match vrijstellingen::verdaag(s, &lotte, &v.id, d("2021-04-01"), d("2021-02-20"), " ").await.unwrap_err() {
            Fout::Invoer { veld, .. } => assert_eq!(veld, "reden"),
            f => panic!("invoerfout verwacht: {f}"),
        }
        let reden = "Wij wachten op het bewijs van inschrijving van de school in het buitenland.";
        let verdaagd =
            vrijstellingen::verdaag(s, &lotte, &v.id, d("2021-04-01"), d("2021-02-20"), reden).await.unwrap();
        assert_eq!(verdaagd.verdaagd_tot, Some(d("2021-04-01")));
        assert!(
            verdaagd.toelichting.contains("Beslistermijn verdaagd op 2021-02-20 tot 2021-04-01"),
            "{}",
            verdaagd.toelichting
        );
        assert_eq!(vrijstellingen::beslistermijnen(s).await.unwrap()[0].2, d("2021-04-01"));
        let w = weigering(
            vrijstellingen::verdaag(s, &lotte, &v.id, d("2021-05-01"), d("2021-04-02"), reden).await.unwrap_err(),
        );
        assert_eq!(w.regel, "Awb art. 4:14: verdaging");

        // Decided: off the list. Leave the school head gave was never the office's to decide.
        vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2021-03-15")).await.unwrap();
        met_schoolkalender(s).await;
        vrijstellingen::leg_verlof_vast(
            s,
            &anna,
            schoolverlof(SARA, "art11_sub_g", "2021-03-01", "2021-03-15", "2021-03-16", 2),
        )
        .await
        .unwrap();
        assert!(vrijstellingen::beslistermijnen(s).await.unwrap().is_empty());
    }
}

/// Awb art. 6:7 and 6:11: a bezwaar received after the six weeks is still recorded, flagged as
/// niet-ontvankelijk unless verschoonbaar; art. 7:2 and 7:10: it is heard, and decided within six
/// weeks (from its receipt, as it came late).
#[tokio::test]
async fn a_late_bezwaar_is_recorded_flagged_heard_and_decided_in_time() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let v =
            vrijstellingen::vraag_aan(s, &anna, aanvraag(SARA, "art5_sub_c", "2021-01-04", "2021-02-01", "2021-07-31"))
                .await
                .unwrap();
        vrijstellingen::besluit(s, &lotte, &v.id, toekennen("2021-03-01")).await.unwrap();
        // Made known on 1 March: the six weeks ended on 12 April; this came on the 13th.
        let v = vrijstellingen::bezwaar(s, &anna, &v.id, d("2021-04-13"), "de school in het buitenland is erkend")
            .await
            .unwrap();
        assert_eq!(v.bezwaar_op, Some(d("2021-04-13")));
        assert!(v.toelichting.contains("na de bezwaartermijn (tot en met 2021-04-12)"), "{}", v.toelichting);
        assert!(v.toelichting.contains("verschoonbaar is (Awb art. 6:11)"), "{}", v.toelichting);
        let termijnen = vrijstellingen::beslistermijnen(s).await.unwrap();
        assert_eq!(termijnen.iter().map(|(_, _, t)| *t).collect::<Vec<_>>(), [d("2021-05-25")], "6 weken na ontvangst");
        // Awb art. 7:10 lid 1: "twaalf weken" when the college has a committee (art. 7:13) — Sara's
        // gemeente sets one up.
        let adres = &s.lees_waar::<Woonadres>("jongere", SARA).await.unwrap()[0];
        let g: Gemeente = s.lees_een(adres.gemeente.as_str()).await.unwrap().unwrap();
        let mut w = s.schrijver("test", "bezwaarcommissie").await.unwrap();
        w.wijzig(&g, &Gemeente { bezwaarcommissie: true, ..g.clone() }).await.unwrap();
        w.vastleggen("bezwaarcommissie", g.code.as_str()).await.unwrap();
        assert_eq!(vrijstellingen::beslistermijnen(s).await.unwrap()[0].2, d("2021-07-06"), "12 weken na ontvangst");

        match vrijstellingen::hoorzitting(s, &lotte, &v.id, d("2021-04-01")).await.unwrap_err() {
            Fout::Invoer { veld, melding } => {
                assert_eq!((veld, melding.as_str()), ("datum", "de hoorzitting ligt vóór het bezwaar (2021-04-13)"))
            }
            f => panic!("invoerfout verwacht: {f}"),
        }
        let w = weigering(vrijstellingen::hoorzitting(s, &anna, &v.id, d("2021-05-03")).await.unwrap_err());
        assert_eq!(w.regel, "rollen: besluiten over vrijstelling en verlof");
        let v = vrijstellingen::hoorzitting(s, &lotte, &v.id, d("2021-05-03")).await.unwrap();
        assert_eq!(v.hoorzitting_op, Some(d("2021-05-03")));

        let niet_ontvankelijk = "Niet-ontvankelijk: het bezwaar kwam na de termijn en dat is niet verschoonbaar.";
        let v = vrijstellingen::besluit(s, &lotte, &v.id, afwijzen("2021-05-20", niet_ontvankelijk)).await.unwrap();
        assert_eq!((v.status, v.bezwaar_op, v.hoorzitting_op), (Afgewezen, None, None));
        assert!(vrijstellingen::beslistermijnen(s).await.unwrap().is_empty());
        match vrijstellingen::hoorzitting(s, &lotte, &v.id, d("2021-05-21")).await.unwrap_err() {
            Fout::Invoer { melding, .. } => assert_eq!(melding, "er loopt geen bezwaar tegen dit besluit"),
            f => panic!("invoerfout verwacht: {f}"),
        }
    }
}
