//! Thuiszitters (docs/regels.md), told against SQLite and PostgreSQL: derived from zaken of relatief
//! verzuim, registered by hand, with the pact's offer and how the period ends.
mod common;
use common::*;
use leerspoor_casework::melding::{self, NieuweMelding};
use leerspoor_casework::thuiszitters::{self, Signalering};
use leerspoor_casework::{Fout, zaak};
use leerspoor_domain::SchoolJaar;
use leerspoor_domain::model::*;
use leerspoor_domain::rules::Weigering;
use leerspoor_domain::rules::thuiszitten::{Jaartelling, jaartelling};
use leerspoor_store::Store;

fn gemeld(jongere: &str, s: (&str, &str), soort: &str, van: &str, gemeld: &str) -> NieuweMelding {
    NieuweMelding {
        jongere: jongere.into(),
        school: school(s),
        soort: soort.into(),
        meldingsdatum: d(gemeld),
        verzuim_van: d(van),
        verzuim_tot: None,
        uren: Some(16),
        reden: "Komt niet meer naar school".into(),
        preventief: false,
        alle_lessen_gemist: Some(true),
        deels_lesbaar: None,
    }
}

/// The school reports 16 uur from `van` on, still absent; returns the zaak.
async fn zestien_uur(s: &Store, jongere: &str, school: (&str, &str), van: &str) -> Zaak {
    let m = gemeld(jongere, school, "wettelijk_16_uur", van, "2020-10-26");
    melding::registreer(s, &mw(s, ADMIN).await, m).await.unwrap().zaak.unwrap()
}

fn weigering(f: Fout) -> Weigering {
    match f {
        Fout::Weigering(w) => w,
        f => panic!("een weigering verwacht, kreeg: {f}"),
    }
}

async fn signaleer(s: &Store, op: &str) -> Signalering {
    thuiszitters::signaleer(s, &mw(s, LPA).await, d(op)).await.unwrap()
}

async fn perioden(s: &Store, jongere: &str) -> Vec<Thuiszitperiode> {
    s.lees_waar("jongere", jongere).await.unwrap()
}

fn ids(lijst: &[thuiszitters::Stand]) -> Vec<&str> {
    lijst.iter().map(|s| s.periode.jongere.as_str()).collect()
}

/// Required scenario: a thuiszitter resolved after 4 months and shown as "> 3 maanden".
/// Sara stops coming to school on 5 October 2020; after 4 weeks she is a thuiszitter, after 3
/// months without an offer she is on the pact's signal list, and when the zaak closes on 8 February
/// the period ends as resolved, longer than 3 months.
#[tokio::test]
async fn a_thuiszitter_resolved_after_four_months_counts_as_longer_than_three_months() {
    for db in regio().await {
        let s = &db.store;
        let z = zestien_uur(s, SARA, DUINLYCEUM, "2020-10-05").await;

        assert_eq!(signaleer(s, "2020-10-30").await, Signalering { geopend: 0, al_bekend: 0 }, "nog geen 4 weken");
        assert_eq!(signaleer(s, "2020-11-02").await, Signalering { geopend: 1, al_bekend: 0 });
        let [p] = &perioden(s, SARA).await[..] else { panic!("één periode") };
        assert_eq!(
            (p.soort, p.begindatum, p.zaak.as_deref()),
            (ThuiszitSoort::LangdurigRelatief, d("2020-10-05"), Some(z.id.as_str()))
        );
        assert_eq!(p.einddatum, None);

        // Running it again changes nothing, not even the logs.
        let log = (s.aantal("wijzigingslog").await.unwrap(), s.aantal("toegangslog").await.unwrap());
        assert_eq!(signaleer(s, "2020-11-02").await, Signalering { geopend: 0, al_bekend: 1 });
        assert_eq!(signaleer(s, "2020-12-14").await, Signalering { geopend: 0, al_bekend: 1 });
        assert_eq!(perioden(s, SARA).await.len(), 1);
        assert_eq!(log, (s.aantal("wijzigingslog").await.unwrap(), s.aantal("toegangslog").await.unwrap()));

        let stand = thuiszitters::overzicht(s, d("2020-12-01")).await.unwrap();
        assert_eq!(ids(&stand), [SARA]);
        assert_eq!((stand[0].langer_dan_drie_maanden, stand[0].aanbod_binnen_norm), (false, None));

        // From 5 October, 4 January is the last day of the pact's 3 months; on the 5th she is
        // signalled, and her period is longer than 3 months.
        assert!(thuiszitters::signaallijst(s, d("2021-01-04")).await.unwrap().is_empty());
        let signaal = thuiszitters::signaallijst(s, d("2021-01-05")).await.unwrap();
        assert_eq!(ids(&signaal), [SARA]);
        assert_eq!((signaal[0].langer_dan_drie_maanden, signaal[0].aanbod_binnen_norm), (true, Some(false)));

        // A late offer takes her off the signal list, but the norm was missed.
        let lotte = mw(s, LPA).await;
        let p = thuiszitters::registreer_aanbod(s, &lotte, &p.id, d("2021-01-20")).await.unwrap();
        assert_eq!(p.aanbod_datum, Some(d("2021-01-20")));
        assert!(thuiszitters::signaallijst(s, d("2021-01-21")).await.unwrap().is_empty());
        assert_eq!(thuiszitters::overzicht(s, d("2021-01-21")).await.unwrap()[0].aanbod_binnen_norm, Some(false));

        zaak::sluit(s, &lotte, &z.id, d("2021-02-08"), "verzuim_gestopt").await.unwrap();
        let [p] = &perioden(s, SARA).await[..] else { panic!("één periode") };
        assert_eq!((p.einddatum, p.reden_einde), (Some(d("2021-02-08")), Some(ThuiszitEinde::Opgelost)));
        let stand = thuiszitters::overzicht(s, d("2021-02-08")).await.unwrap();
        assert!(stand[0].langer_dan_drie_maanden, "> 3 maanden");
        assert!(thuiszitters::overzicht(s, d("2021-02-09")).await.unwrap().is_empty());
        assert_eq!(signaleer(s, "2021-02-15").await, Signalering { geopend: 0, al_bekend: 0 }, "zaak gesloten");

        let w = weigering(
            thuiszitters::beeindig(s, &lotte, &p.id, d("2021-03-01"), ThuiszitEinde::Opgelost).await.unwrap_err(),
        );
        assert_eq!(w.regel, "thuiszitperiode beëindigen");
        assert_eq!(w.reden, "de periode is al beëindigd op 2021-02-08 (opgelost)");

        // The schooljaar's monitor.
        let t = jaartelling(&s.lees::<Thuiszitperiode>().await.unwrap(), SchoolJaar::beginnend_in(2020));
        assert_eq!(
            t,
            Jaartelling { nieuw: 1, totaal: 1, langer_dan_drie_maanden: 1, opgelost: 1, ..Jaartelling::default() }
        );
    }
}

/// Ill youths are not thuiszitters: Lieke's school reports her absent, then worried about her
/// health (zorgwekkend ziekteverzuim, signalled to the jeugdarts).
#[tokio::test]
async fn an_ill_youth_is_not_a_thuiszitter() {
    for db in regio().await {
        let s = &db.store;
        let z = zestien_uur(s, LIEKE, DE_WIEKEN, "2020-10-05").await;
        let ziek = gemeld(LIEKE, DE_WIEKEN, "zorgwekkend_ziekteverzuim", "2020-10-19", "2020-10-26");
        melding::registreer(s, &mw(s, ADMIN).await, ziek).await.unwrap();

        assert_eq!(signaleer(s, "2020-11-02").await, Signalering { geopend: 0, al_bekend: 0 });
        let w = weigering(
            thuiszitters::start(
                s,
                &mw(s, LPA).await,
                &z.id,
                ThuiszitSoort::LangdurigRelatief,
                d("2020-10-05"),
                d("2020-11-02"),
            )
            .await
            .unwrap_err(),
        );
        assert_eq!(w.regel, "thuiszitter: ziek");
        assert!(perioden(s, LIEKE).await.is_empty());
    }
}

/// "Wel ziek, maar conform plan van aanpak in staat om (gedeeltelijk) naar school te gaan": Lieke's
/// plan with the jeugdarts has her at school two mornings a week, yet she misses every lesson. Four
/// weeks after her absence began she is a thuiszitter after all.
#[tokio::test]
async fn an_ill_youth_who_could_attend_part_time_by_plan_and_does_not_is_a_thuiszitter() {
    for db in regio().await {
        let s = &db.store;
        let ziek = NieuweMelding {
            deels_lesbaar: Some(true),
            ..gemeld(LIEKE, DE_WIEKEN, "zorgwekkend_ziekteverzuim", "2020-10-05", "2020-10-12")
        };
        melding::registreer(s, &mw(s, ADMIN).await, ziek).await.unwrap();
        // No school calendar in this register: four weeks from Monday 5 October end on 2 November.
        assert_eq!(signaleer(s, "2020-10-30").await, Signalering { geopend: 0, al_bekend: 0 });
        assert_eq!(signaleer(s, "2020-11-02").await, Signalering { geopend: 1, al_bekend: 0 });
        let p = &perioden(s, LIEKE).await[0];
        assert_eq!((p.soort, p.begindatum), (ThuiszitSoort::LangdurigRelatief, d("2020-10-05")));
    }
}

/// A youth with a running vrijstelling is not a thuiszitter: Emma is absent from 5 October; on
/// 15 October she gets a vrijstelling on psychic grounds (art. 5 sub a).
#[tokio::test]
async fn a_youth_with_a_vrijstelling_is_not_a_thuiszitter() {
    for db in regio().await {
        let s = &db.store;
        let z = zestien_uur(s, EMMA, DE_WIEKEN, "2020-10-05").await;
        let vrijstelling = Vrijstelling {
            id: "V-EMMA".into(),
            jongere: EMMA.into(),
            artikel: "art5_sub_a".into(),
            status: VrijstellingStatus::Toegekend,
            aanvraagdatum: d("2020-10-07"),
            besluitdatum: Some(d("2020-10-15")),
            geldig_van: Some(d("2020-10-15")),
            geldig_tot: Some(d("2021-07-31")),
            beslisser: Beslisser::Leerplichtambtenaar,
            medewerker: Some(LPA.into()),
            artsverklaring_datum: Some(d("2020-10-12")),
            swv_advies_datum: Some(d("2020-10-13")),
            werkgeversverklaring_datum: None,
            verdaagd_tot: None,
            hoorzitting_op: None,
            dagen: None,
            toelichting: String::new(),
            bezwaar_op: None,
        };
        let mut w = s.schrijver(LPA, "test").await.unwrap();
        w.nieuw(&vrijstelling).await.unwrap();
        w.vastleggen("test", "V-EMMA").await.unwrap();

        assert_eq!(signaleer(s, "2020-11-02").await, Signalering { geopend: 0, al_bekend: 0 });
        let lotte = mw(s, LPA).await;
        let start = async |van: &str, op: &str| {
            thuiszitters::start(s, &lotte, &z.id, ThuiszitSoort::LangdurigRelatief, d(van), d(op)).await
        };
        let w = weigering(start("2020-10-05", "2020-11-02").await.unwrap_err());
        assert_eq!(w.regel, "thuiszitter: vrijstelling");
        assert!(w.reden.contains("lopende vrijstelling"), "{w}");
        assert!(perioden(s, EMMA).await.is_empty());
    }
}

/// Registering by hand, and every refusal of it, of the offer and of the end.
#[tokio::test]
async fn registering_by_hand_refuses_what_the_rules_refuse() {
    for db in regio().await {
        let s = &db.store;
        let (lotte, admin) = (mw(s, LPA).await, mw(s, ADMIN).await);
        let z = zestien_uur(s, SARA, DUINLYCEUM, "2020-10-05").await;
        let start = async |door: &Medewerker, zaak: &str, soort, van: &str, op: &str| {
            thuiszitters::start(s, door, zaak, soort, d(van), d(op)).await
        };
        use ThuiszitSoort::*;

        let w = weigering(start(&admin, &z.id, LangdurigRelatief, "2020-10-05", "2020-11-02").await.unwrap_err());
        assert_eq!(w.regel, "rollen: zaken behandelen");
        let w = weigering(thuiszitters::signaleer(s, &mw(s, BELEID).await, d("2020-11-02")).await.unwrap_err());
        assert_eq!(w.regel, "rollen: zaken behandelen");
        match start(&lotte, &z.id, LangdurigRelatief, "2020-10-05", "2020-10-01").await.unwrap_err() {
            Fout::Invoer { veld, .. } => assert_eq!(veld, "vastgesteld_op"),
            f => panic!("invoerfout verwacht: {f}"),
        }
        let w = weigering(start(&lotte, &z.id, LangdurigRelatief, "2020-10-05", "2020-10-20").await.unwrap_err());
        assert_eq!(w.regel, "thuiszitter: 4 weken");
        assert!(w.reden.contains("15 dagen") && w.reden.contains("vanaf 2020-11-02"), "{w}");
        let w = weigering(start(&lotte, &z.id, Absoluut, "2020-10-05", "2020-11-02").await.unwrap_err());
        assert_eq!(w.regel, "thuiszitter: soort");

        let p = start(&lotte, &z.id, LangdurigRelatief, "2020-10-05", "2020-11-02").await.unwrap();
        let w = weigering(start(&lotte, &z.id, LangdurigRelatief, "2020-10-12", "2020-11-16").await.unwrap_err());
        assert_eq!(w.regel, "thuiszitter: één periode tegelijk");
        assert_eq!(signaleer(s, "2020-11-16").await, Signalering { geopend: 0, al_bekend: 1 });

        // The offer: a caseworker's, within the period, once.
        let aanbod = async |door: &Medewerker, op: &str| thuiszitters::registreer_aanbod(s, door, &p.id, d(op)).await;
        assert_eq!(weigering(aanbod(&admin, "2020-11-10").await.unwrap_err()).regel, "rollen: zaken behandelen");
        let w = weigering(aanbod(&lotte, "2020-10-01").await.unwrap_err());
        assert_eq!(w.regel, "thuiszitter: passend aanbod");
        aanbod(&lotte, "2020-11-10").await.unwrap();
        let w = weigering(aanbod(&lotte, "2020-11-20").await.unwrap_err());
        assert!(w.reden.contains("eerste aanbod"), "{w}");
        assert_eq!(thuiszitters::overzicht(s, d("2021-03-01")).await.unwrap()[0].aanbod_binnen_norm, Some(true));

        // The end: a caseworker's, not before the begin, once; the zaak may stay open.
        let einde = async |door: &Medewerker, op: &str| {
            thuiszitters::beeindig(s, door, &p.id, d(op), ThuiszitEinde::Opgelost).await
        };
        assert_eq!(weigering(einde(&admin, "2020-12-18").await.unwrap_err()).regel, "rollen: zaken behandelen");
        let w = weigering(einde(&lotte, "2020-10-04").await.unwrap_err());
        assert_eq!(w.regel, "thuiszitperiode beëindigen");
        assert!(w.reden.contains("begint op 2020-10-05"), "{w}");
        let p = einde(&lotte, "2020-12-18").await.unwrap();
        assert_eq!((p.einddatum, p.reden_einde), (Some(d("2020-12-18")), Some(ThuiszitEinde::Opgelost)));
        assert!(weigering(einde(&lotte, "2020-12-19").await.unwrap_err()).reden.contains("al beëindigd"));
        // The melding still shows her absent, but that absence was counted: no new period.
        assert_eq!(signaleer(s, "2021-01-11").await, Signalering { geopend: 0, al_bekend: 1 });

        zaak::sluit(s, &lotte, &z.id, d("2021-01-11"), "verzuim_gestopt").await.unwrap();
        let w = weigering(start(&lotte, &z.id, LangdurigRelatief, "2021-01-04", "2021-02-01").await.unwrap_err());
        assert_eq!(w.regel, "zaak gesloten");
    }
}

/// "Vier weken, vakanties niet meegeteld": the Duinlyceum's gemeente is in regio noord, whose
/// herfstvakantie ran from 10 to 18 October 2020. Sara, absent since 5 October, has been out of
/// school four weeks on 11 November, not on 2 November.
#[tokio::test]
async fn the_herfstvakantie_does_not_count_toward_the_four_weeks() {
    for db in regio().await {
        let s = &db.store;
        met_schoolkalender(s).await;
        let z = zestien_uur(s, SARA, DUINLYCEUM, "2020-10-05").await;
        assert_eq!(signaleer(s, "2020-11-02").await, Signalering { geopend: 0, al_bekend: 0 });
        let w = weigering(
            thuiszitters::start(
                s,
                &mw(s, LPA).await,
                &z.id,
                ThuiszitSoort::LangdurigRelatief,
                d("2020-10-05"),
                d("2020-11-10"),
            )
            .await
            .unwrap_err(),
        );
        assert!(w.reden.contains("vanaf 2020-11-11"), "{w}");
        assert_eq!(signaleer(s, "2020-11-11").await, Signalering { geopend: 1, al_bekend: 0 });
        let [p] = &perioden(s, SARA).await[..] else { panic!("één periode") };
        assert_eq!(p.begindatum, d("2020-10-05"), "vanaf de eerste verzuimdag");
    }
}

/// A school reporting that Sara comes late or misses some hours does not make her a thuiszitter,
/// however long the melding runs.
#[tokio::test]
async fn partial_absence_never_makes_a_thuiszitter() {
    for db in regio().await {
        let s = &db.store;
        let m = NieuweMelding {
            alle_lessen_gemist: Some(false),
            deels_lesbaar: None,
            ..gemeld(SARA, DUINLYCEUM, "wettelijk_16_uur", "2020-10-05", "2020-10-26")
        };
        melding::registreer(s, &mw(s, ADMIN).await, m).await.unwrap();
        assert_eq!(signaleer(s, "2021-01-04").await, Signalering { geopend: 0, al_bekend: 0 });
        assert!(perioden(s, SARA).await.is_empty());
    }
}

/// Absoluut verzuim by hand: Daan left school in July without startkwalificatie and is still
/// kwalificatieplichtig; Noor (19) is RMC's, not a thuiszitter.
#[tokio::test]
async fn absoluut_verzuim_by_hand_and_no_thuiszitter_past_the_plicht() {
    for db in regio().await {
        let s = &db.store;
        let (admin, lotte, rik) = (mw(s, ADMIN).await, mw(s, LPA).await, mw(s, RMC).await);
        let m = NieuweMelding {
            school: None,
            uren: None,
            ..gemeld(DAAN, DUINLYCEUM, "absoluut", "2020-08-01", "2020-09-01")
        };
        let daan = melding::registreer(s, &admin, m).await.unwrap().zaak.unwrap();
        assert_eq!(daan.soort, ZaakSoort::AbsoluutVerzuim);
        let w = weigering(
            thuiszitters::start(
                s,
                &lotte,
                &daan.id,
                ThuiszitSoort::LangdurigRelatief,
                d("2020-08-01"),
                d("2020-09-15"),
            )
            .await
            .unwrap_err(),
        );
        assert_eq!(w.regel, "thuiszitter: soort");
        assert!(w.reden.contains("niet ingeschreven"), "{w}");
        let p = thuiszitters::start(s, &lotte, &daan.id, ThuiszitSoort::Absoluut, d("2020-08-01"), d("2020-09-01"))
            .await
            .unwrap();
        assert_eq!((p.soort, p.jongere.as_str()), (ThuiszitSoort::Absoluut, DAAN));
        // The run sees the absoluut zaak too: this absence already has its period.
        assert_eq!(signaleer(s, "2020-11-02").await, Signalering { geopend: 0, al_bekend: 1 });
        zaak::sluit(s, &lotte, &daan.id, d("2020-11-20"), "verhuisd_buitenland").await.unwrap();
        let [p] = &perioden(s, DAAN).await[..] else { panic!("één periode") };
        assert_eq!(p.reden_einde, Some(ThuiszitEinde::VerhuisdOverleden));

        let noor = zestien_uur_rmc(s).await;
        let w = weigering(
            thuiszitters::start(s, &rik, &noor.id, ThuiszitSoort::LangdurigRelatief, d("2020-10-05"), d("2020-11-02"))
                .await
                .unwrap_err(),
        );
        assert_eq!(w.regel, "thuiszitter: leer- of kwalificatieplicht (Lpw art. 2, 4a)");
        assert!(w.reden.contains("op 2020-11-02 is de jongere rmc-doelgroep"), "{w}");
    }
}

async fn zestien_uur_rmc(s: &Store) -> Zaak {
    let m = gemeld(NOOR, ROC, "achttien_plus", "2020-10-05", "2020-10-26");
    let z = melding::registreer(s, &mw(s, ADMIN).await, m).await.unwrap().zaak.unwrap();
    assert_eq!(z.soort, ZaakSoort::Rmc);
    z
}
