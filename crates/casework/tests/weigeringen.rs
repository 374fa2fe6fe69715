//! What the office refuses, and that a refusal writes nothing: assigning a zaak, recording how a
//! HALT or PV ended, taking an action, registering a melding, and the absoluut-verzuim run leaving
//! alone the youths it may not or cannot judge.
mod common;
use common::*;
use leerspoor_casework::actie::{self, NieuweActie, Vervolg};
use leerspoor_casework::melding::{self, NieuweMelding};
use leerspoor_casework::{Fout, absoluut, thuiszitters, zaak};
use leerspoor_domain::Bsn;
use leerspoor_domain::model::*;
use leerspoor_domain::onderwijs::DiplomaSoort;
use leerspoor_domain::rules::Weigering;
use leerspoor_ingest::{ImportOpties, importeer_dataset};
use leerspoor_store::Store;
use leerspoor_store::rij::{self, Type, Waarde};

/// Joep (born 15 June 2010) lives in Havenstad, a gemeente that does its own leerplicht.
const JOEP: &str = "J-JOEP";
const HAVENSTAD: &str = "GM9903";
/// Mila (born 1 April 2003) lives in Zandvoorde and is enrolled nowhere.
const MILA: &str = "J-MILA";

fn weigering(f: Fout) -> Weigering {
    match f {
        Fout::Weigering(w) => w,
        f => panic!("een weigering verwacht, kreeg: {f}"),
    }
}

fn invoer(f: Fout) -> (&'static str, String) {
    match f {
        Fout::Invoer { veld, melding } => (veld, melding),
        f => panic!("een invoerfout verwacht, kreeg: {f}"),
    }
}

/// What a refusal must leave as it was.
#[derive(Debug, PartialEq, Eq)]
struct Stand {
    zaken: i64,
    meldingen: i64,
    acties: i64,
    thuiszitperioden: i64,
    wijzigingslog: i64,
}

async fn stand(s: &Store) -> Stand {
    Stand {
        zaken: s.aantal("zaak").await.unwrap(),
        meldingen: s.aantal("verzuimmelding").await.unwrap(),
        acties: s.aantal("actie").await.unwrap(),
        thuiszitperioden: s.aantal("thuiszitperiode").await.unwrap(),
        wijzigingslog: s.aantal("wijzigingslog").await.unwrap(),
    }
}

/// Records arriving later from BRON or BRP, through the same import as everything else.
async fn lever(s: &Store, ds: Dataset) {
    importeer_dataset(s, ds, "DUO/BRP", &ImportOpties { dry_run: false, gebruiker: "test".into() }).await.unwrap();
}

fn signaal(jongere: &str) -> NieuweMelding {
    NieuweMelding {
        jongere: jongere.into(),
        school: school(DUINLYCEUM),
        soort: "signaal".into(),
        meldingsdatum: d("2020-10-12"),
        verzuim_van: d("2020-10-05"),
        verzuim_tot: Some(d("2020-10-09")),
        uren: Some(10),
        reden: "Komt elke ochtend te laat en mist de vrijdagen".into(),
        preventief: false,
        alle_lessen_gemist: None,
        deels_lesbaar: None,
    }
}

/// Sara's zaak, opened on 12 October 2020 by the administration: not yet assigned.
async fn zaak_van_sara(s: &Store) -> Zaak {
    let z = melding::registreer(s, &mw(s, ADMIN).await, signaal(SARA)).await.unwrap().zaak.unwrap();
    assert_eq!((z.geopend_op, z.medewerker.as_deref()), (d("2020-10-12"), None));
    z
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

async fn lees_zaak(s: &Store, id: &str) -> Zaak {
    s.lees_een(id).await.unwrap().expect("de zaak bestaat")
}

/// The change-log lines of a zaak's changed fields: (veld, oud, nieuw, gebruiker).
async fn wijzigingen_van_zaak(s: &Store, zaak: &str) -> Vec<(String, String, String, String)> {
    let rijen = s
        .vraag(
            "SELECT veld, oud, nieuw, gebruiker FROM wijzigingslog \
             WHERE tabel = 'zaak' AND sleutel = $1 AND handeling = 'gewijzigd' ORDER BY id",
            &[rij::tekst(zaak)],
            &[Type::Tekst, Type::Tekst, Type::Tekst, Type::Tekst],
        )
        .await
        .unwrap();
    rijen
        .into_iter()
        .map(|r| {
            let tekst = |w: &Waarde| match w {
                Waarde::Tekst(t) => t.clone().unwrap_or_default(),
                w => panic!("tekst verwacht, kreeg {w:?}"),
            };
            (tekst(&r[0]), tekst(&r[1]), tekst(&r[2]), tekst(&r[3]))
        })
        .collect()
}

/// The teamleider distributes the werkvoorraad; a beleidsmedewerker does not, and an
/// administratief medewerker gets no zaken to handle.
#[tokio::test]
async fn only_caseworkers_and_their_teamleider_assign_a_zaak_and_only_to_a_caseworker() {
    for db in regio().await {
        let s = &db.store;
        let z = zaak_van_sara(s).await;
        let (tom, lotte) = (mw(s, TEAMLEIDER).await, mw(s, LPA).await);
        let voor = stand(s).await;

        let w = weigering(zaak::toewijzen(s, &mw(s, BELEID).await, &z.id, &lotte).await.unwrap_err());
        assert_eq!(w.regel, "rollen: zaken behandelen");
        assert_eq!(w.reden, "een beleidsmedewerker behandelt geen zaken");

        let w = weigering(zaak::toewijzen(s, &tom, &z.id, &mw(s, ADMIN).await).await.unwrap_err());
        assert_eq!(w.regel, "rollen: zaken behandelen");
        assert_eq!(w.reden, "een administratief medewerker behandelt geen zaken");

        assert_eq!(stand(s).await, voor, "een weigering schrijft niets");
        assert_eq!(lees_zaak(s, &z.id).await, z);

        // Tom gives it to Lotte: one field changes, one line in the change log, by Tom.
        let toegewezen = zaak::toewijzen(s, &tom, &z.id, &lotte).await.unwrap();
        assert_eq!(toegewezen.medewerker.as_deref(), Some(LPA));
        assert_eq!(lees_zaak(s, &z.id).await, Zaak { medewerker: Some(LPA.into()), ..z.clone() });
        assert_eq!(stand(s).await, Stand { wijzigingslog: voor.wijzigingslog + 1, ..voor });
        assert_eq!(
            wijzigingen_van_zaak(s, &z.id).await,
            vec![("medewerker".into(), String::new(), LPA.into(), TEAMLEIDER.into())]
        );
    }
}

#[tokio::test]
async fn a_closed_zaak_is_not_assigned() {
    for db in regio().await {
        let s = &db.store;
        let z = zaak_van_sara(s).await;
        let lotte = mw(s, LPA).await;
        zaak::toewijzen(s, &mw(s, TEAMLEIDER).await, &z.id, &lotte).await.unwrap();
        let gesloten = zaak::sluit(s, &lotte, &z.id, d("2020-10-20"), "verzuim_gestopt").await.unwrap();
        assert_eq!(gesloten.status, ZaakStatus::Gesloten);
        let voor = stand(s).await;

        let w = weigering(zaak::toewijzen(s, &mw(s, TEAMLEIDER).await, &z.id, &mw(s, RMC).await).await.unwrap_err());
        assert_eq!(w.regel, "zaak gesloten");
        assert!(w.reden.starts_with("de zaak is gesloten"), "{w}");
        assert_eq!(stand(s).await, voor, "een weigering schrijft niets");
        assert_eq!(lees_zaak(s, &z.id).await, gesloten, "nog steeds van Lotte");
    }
}

/// Bram (BOA) makes a PV against Sara's mother on 28 October 2020. Who records the OM's decision,
/// and with which date.
#[tokio::test]
async fn the_outcome_of_a_pv_needs_the_right_role_and_a_date_not_before_the_pv() {
    for db in regio().await {
        let s = &db.store;
        let z = zaak_van_sara(s).await;
        let pv = NieuweActie {
            pv_tegen: Some(PvTegen::Ouder),
            ouder: Some(FATIMA.into()),
            ..actie(&z, ActieSoort::ProcesVerbaal, "2020-10-28")
        };
        let pv = actie::neem(s, &mw(s, BOA).await, pv).await.unwrap().actie;
        let voor = stand(s).await;
        let anna = mw(s, ADMIN).await;

        // The RMC-consulent takes no PV and records no outcome of one.
        let w = weigering(
            actie::leg_uitkomst_vast(s, &mw(s, RMC).await, &pv.id, "schikking", Some(d("2021-01-15")))
                .await
                .unwrap_err(),
        );
        assert_eq!(w.regel, "rollen: afhandeling HALT/PV");
        assert!(w.reden.ends_with("legt geen afhandeling van HALT of PV vast"), "{w}");
        assert!(w.reden.to_lowercase().contains("rmc"), "noemt de rol: {w}");

        // The OM cannot have decided before the PV was made.
        let (veld, melding) =
            invoer(actie::leg_uitkomst_vast(s, &anna, &pv.id, "schikking", Some(d("2020-10-27"))).await.unwrap_err());
        assert_eq!(veld, "uitkomst_datum");
        assert!(melding.contains("ligt vóór") && melding.contains("2020-10-28"), "{melding}");

        // A decision has a date.
        let (veld, melding) = invoer(actie::leg_uitkomst_vast(s, &anna, &pv.id, "schikking", None).await.unwrap_err());
        assert_eq!(veld, "uitkomst_datum");
        assert!(melding.contains("op welke datum"), "{melding}");

        // The outcome is a code of the list; one the list does not know is refused by name.
        let (veld, melding) =
            invoer(actie::leg_uitkomst_vast(s, &anna, &pv.id, "taakstraf", Some(d("2021-01-15"))).await.unwrap_err());
        assert_eq!(veld, "uitkomst");
        assert!(melding.contains("'taakstraf' bestaat niet") && melding.contains("om_halt"), "{melding}");

        assert_eq!(stand(s).await, voor, "een weigering schrijft niets");
        let opgeslagen: Actie = s.lees_een(&pv.id).await.unwrap().unwrap();
        assert_eq!((opgeslagen.uitkomst, opgeslagen.uitkomst_datum), (None, None));

        // "Nog onbekend" needs no date and stores none.
        let (na, vervolg) = actie::leg_uitkomst_vast(s, &anna, &pv.id, "onbekend", None).await.unwrap();
        assert_eq!((na.uitkomst, na.uitkomst_datum, vervolg), (Some("onbekend".to_string()), None, Vervolg::Geen));
        let opgeslagen: Actie = s.lees_een(&pv.id).await.unwrap().unwrap();
        assert_eq!((opgeslagen.uitkomst, opgeslagen.uitkomst_datum), (Some("onbekend".to_string()), None));
        assert_eq!(stand(s).await, Stand { wijzigingslog: voor.wijzigingslog + 1, ..voor }, "alleen de uitkomst");
    }
}

/// A PV names whom it is against, and only a PV against a parent names a parent.
#[tokio::test]
async fn a_pv_names_the_youth_or_one_parent_and_other_actions_name_nobody() {
    for db in regio().await {
        let s = &db.store;
        let z = zaak_van_sara(s).await;
        let bram = mw(s, BOA).await;
        let voor = stand(s).await;
        let gesprek = || actie(&z, ActieSoort::Gesprek, "2020-10-14");
        let pv = || actie(&z, ActieSoort::ProcesVerbaal, "2020-10-28");
        let gevallen = [
            (NieuweActie { pv_tegen: Some(PvTegen::Jongere), ..gesprek() }, "pv_tegen", "alleen een proces-verbaal"),
            (pv(), "pv_tegen", "tegen wie is het proces-verbaal"),
            (
                NieuweActie { pv_tegen: Some(PvTegen::Jongere), ouder: Some(FATIMA.into()), ..pv() },
                "ouder",
                "tegen de jongere noemt geen ouder",
            ),
            (NieuweActie { pv_tegen: Some(PvTegen::Ouder), ..pv() }, "ouder", "welke ouder?"),
            (NieuweActie { ouder: Some(FATIMA.into()), ..gesprek() }, "ouder", "alleen bij een proces-verbaal"),
        ];
        for (a, verwacht_veld, verwacht) in gevallen {
            let beschrijving = format!("{} pv_tegen={:?} ouder={:?}", a.soort, a.pv_tegen, a.ouder);
            let (veld, melding) = invoer(actie::neem(s, &bram, a).await.unwrap_err());
            assert_eq!(veld, verwacht_veld, "{beschrijving}: {melding}");
            assert!(melding.contains(verwacht), "{beschrijving}: {melding}");
        }
        assert_eq!(stand(s).await, voor, "een weigering schrijft niets");
        assert_eq!(lees_zaak(s, &z.id).await, z, "de zaak is niet aan Bram toegewezen en nog nieuw");
    }
}

#[tokio::test]
async fn an_action_belongs_to_the_youths_own_zaak_after_it_opened_and_only_a_preventive_talk_to_none() {
    for db in regio().await {
        let s = &db.store;
        let z = zaak_van_sara(s).await;
        let lotte = mw(s, LPA).await;
        let voor = stand(s).await;

        // Lieke's name on Sara's zaak.
        let a = NieuweActie { jongere: LIEKE.into(), ..actie(&z, ActieSoort::Uitnodiging, "2020-10-14") };
        let (veld, melding) = invoer(actie::neem(s, &lotte, a).await.unwrap_err());
        assert_eq!(veld, "zaak");
        assert!(melding.contains(&z.id) && melding.contains("andere jongere"), "{melding}");

        // The day before the zaak opened.
        let (veld, melding) =
            invoer(actie::neem(s, &lotte, actie(&z, ActieSoort::Uitnodiging, "2020-10-11")).await.unwrap_err());
        assert_eq!(veld, "datum");
        assert!(melding.contains("pas geopend op 2020-10-12"), "{melding}");

        // A talk outside a zaak.
        let los = NieuweActie { zaak: None, ..actie(&z, ActieSoort::Gesprek, "2020-10-14") };
        let (veld, melding) = invoer(actie::neem(s, &lotte, los).await.unwrap_err());
        assert_eq!(veld, "zaak");
        assert!(melding.contains("hoort bij een zaak"), "{melding}");

        assert_eq!(stand(s).await, voor, "een weigering schrijft niets");
        assert_eq!(lees_zaak(s, &z.id).await, z);

        // A preventive spreekuur talk with Kevin (24) needs no zaak, and counts as an action.
        let spreekuur = NieuweActie {
            jongere: KEVIN.into(),
            zaak: None,
            toelichting: "Vraagt hoe hij alsnog een mbo-opleiding kan volgen".into(),
            ..actie(&z, ActieSoort::PreventiefGesprek, "2020-10-14")
        };
        let genomen = actie::neem(s, &lotte, spreekuur).await.unwrap();
        assert!(genomen.zaak.is_none());
        assert_eq!((genomen.actie.zaak, genomen.actie.medewerker.as_deref()), (None, Some(LPA)));
        let na = stand(s).await;
        assert_eq!((na.zaken, na.acties), (voor.zaken, voor.acties + 1));
        let van_kevin: Vec<Actie> = s.lees_waar("jongere", KEVIN).await.unwrap();
        assert_eq!(van_kevin.len(), 1);
        assert_eq!((van_kevin[0].soort, van_kevin[0].zaak.as_deref()), (ActieSoort::PreventiefGesprek, None));
    }
}

/// A melding's fields are checked before anything is written.
#[tokio::test]
async fn a_melding_with_impossible_fields_is_refused_with_the_field_to_correct() {
    for db in regio().await {
        let s = &db.store;
        let anna = mw(s, ADMIN).await;
        let voor = stand(s).await;
        let goed = signaal(SARA);
        let gevallen = [
            (
                NieuweMelding { deels_lesbaar: Some(true), ..goed.clone() },
                "deels_lesbaar",
                vec!["plan", "zorgwekkend ziekteverzuim"],
            ),
            (
                NieuweMelding { soort: "absoluut".into(), school: Some(("99ZZ".into(), "00".into())), ..goed.clone() },
                "school",
                vec!["onbekende school 99ZZ"],
            ),
            (NieuweMelding { soort: "luxe".into(), school: None, ..goed.clone() }, "school", vec!["welke school"]),
            (
                NieuweMelding { meldingsdatum: d("2020-10-04"), ..goed.clone() },
                "meldingsdatum",
                vec!["vóór de eerste verzuimdag"],
            ),
            (
                NieuweMelding { verzuim_tot: Some(d("2020-10-04")), ..goed.clone() },
                "verzuim_tot",
                vec!["laatste verzuimdag ligt vóór de eerste"],
            ),
            (NieuweMelding { school: school(("99ZZ", "00")), ..goed.clone() }, "school", vec!["99ZZ", "vestiging 00"]),
            // The Duinlyceum exists, its vestiging 07 does not.
            (
                NieuweMelding { school: school((DUINLYCEUM.0, "07")), ..goed.clone() },
                "school",
                vec![DUINLYCEUM.0, "vestiging 07"],
            ),
            (
                NieuweMelding { soort: "spijbelen".into(), ..goed.clone() },
                "soort",
                vec!["'spijbelen' bestaat niet", "toegestaan:", "luxe", "wettelijk_16_uur", "absoluut"],
            ),
        ];
        for (m, verwacht_veld, verwacht) in gevallen {
            let beschrijving = format!("{m:?}");
            let (veld, melding) = invoer(melding::registreer(s, &anna, m).await.unwrap_err());
            assert_eq!(veld, verwacht_veld, "{melding}\n{beschrijving}");
            for deel in verwacht {
                assert!(melding.contains(deel), "'{deel}' ontbreekt in: {melding}\n{beschrijving}");
            }
        }

        let fout = melding::registreer(s, &anna, signaal("J-ONBEKEND")).await.unwrap_err();
        assert!(matches!(&fout, Fout::Onbekend { wat: "jongere", id } if id == "J-ONBEKEND"), "{fout}");

        assert_eq!(stand(s).await, voor, "een weigering schrijft niets");
        // The same melding, corrected, is registered.
        melding::registreer(s, &anna, goed).await.unwrap();
        assert_eq!(stand(s).await.meldingen, voor.meldingen + 1);
    }
}

/// Havenstad does its own leerplicht: the region's run does not look at Joep (10, enrolled nowhere)
/// until he moves to Zandvoorde.
#[tokio::test]
async fn the_run_skips_a_youth_in_a_gemeente_that_does_its_own_leerplicht() {
    for db in regio().await {
        let s = &db.store;
        let adres = |id: &str, gemeente: &str, van: &str, tot: Option<&str>| Woonadres {
            id: id.into(),
            jongere: JOEP.into(),
            gemeente: Gemeentecode::parse(gemeente).unwrap(),
            straat: "Kade".into(),
            huisnummer: "3".into(),
            postcode: "9903AB".into(),
            woonplaats: "Havenstad".into(),
            begindatum: d(van),
            einddatum: tot.map(d),
            vertrek: None,
        };
        lever(
            s,
            Dataset {
                gemeenten: vec![Gemeente {
                    code: Gemeentecode::parse(HAVENSTAD).unwrap(),
                    naam: "Havenstad".into(),
                    subregio: "ZK".into(),
                    leerplicht_lokaal: true,
                    vakantieregio: None,
                    bezwaarcommissie: false,
                }],
                jongeren: vec![Jongere {
                    id: JOEP.into(),
                    bsn: Bsn::parse("100000071").expect("geldig BSN"),
                    voornamen: "Joep".into(),
                    tussenvoegsel: String::new(),
                    achternaam: "Bakker".into(),
                    geboortedatum: d("2010-06-15"),
                    geslacht: Geslacht::Man,
                    overlijdensdatum: None,
                    twaalf_schooljaren_op: None,
                }],
                woonadressen: vec![adres("W-JOEP-1", HAVENSTAD, "2010-06-15", None)],
                ..Dataset::default()
            },
        )
        .await;
        let anna = mw(s, ADMIN).await;

        let oktober = absoluut::controleer(s, &anna, d("2020-10-01")).await.unwrap();
        assert_eq!((oktober.niet_ingeschreven, oktober.nieuw.len()), (1, 1), "alleen Daan: {oktober:?}");
        assert_eq!(lees_zaak(s, &oktober.nieuw[0]).await.jongere, DAAN);
        assert!(oktober.onjuiste_gegevens.is_empty());
        assert!(s.lees_waar::<Zaak>("jongere", JOEP).await.unwrap().is_empty());
        assert!(s.lees_waar::<Verzuimmelding>("jongere", JOEP).await.unwrap().is_empty());
        assert!(s.lees_waar::<Thuiszitperiode>("jongere", JOEP).await.unwrap().is_empty());

        // He moves to Zandvoorde on 1 November: now the region's run finds him.
        let havenstad = adres("W-JOEP-1", HAVENSTAD, "2010-06-15", Some("2020-10-31"));
        let zandvoorde =
            Woonadres { woonplaats: "Zandvoorde".into(), ..adres("W-JOEP-2", "GM9901", "2020-11-01", None) };
        lever(s, Dataset { woonadressen: vec![havenstad, zandvoorde], ..Dataset::default() }).await;
        let november = absoluut::controleer(s, &anna, d("2020-11-15")).await.unwrap();
        assert_eq!((november.niet_ingeschreven, november.nieuw.len(), november.al_open), (2, 1, 1), "{november:?}");
        let zaak = lees_zaak(s, &november.nieuw[0]).await;
        assert_eq!((zaak.jongere.as_str(), zaak.soort), (JOEP, ZaakSoort::AbsoluutVerzuim));
        // Two weeks out of school is not yet thuiszitten ("langer dan vier weken niet naar school").
        assert!(s.lees_waar::<Thuiszitperiode>("jongere", JOEP).await.unwrap().is_empty());
        // Four weeks after he came to live in the office's leerplicht area he is a thuiszitter, and
        // the office answers for his absence from that first day.
        let signalering = thuiszitters::signaleer(s, &mw(s, LPA).await, d("2020-11-29")).await.unwrap();
        assert_eq!(signalering.geopend, 1);
        let periode = &s.lees_waar::<Thuiszitperiode>("jongere", JOEP).await.unwrap()[0];
        assert_eq!(periode.begindatum, d("2020-11-01"), "sinds hij in Zandvoorde woont");
        assert_eq!(periode.soort, ThuiszitSoort::Absoluut);
    }
}

/// Mila (17) is enrolled nowhere: the October run opens her case. Then DUO delivers a havo diploma
/// dated when she was 11 — impossible. The run names her for correction and leaves her case open
/// rather than closing it on that diploma; once the date is corrected, the case closes.
#[tokio::test]
async fn the_run_names_a_youth_whose_records_contradict_the_rules_and_leaves_her_case_alone() {
    for db in regio().await {
        let s = &db.store;
        lever(
            s,
            Dataset {
                jongeren: vec![Jongere {
                    id: MILA.into(),
                    bsn: Bsn::parse("100000083").expect("geldig BSN"),
                    voornamen: "Mila".into(),
                    tussenvoegsel: "van".into(),
                    achternaam: "Dijk".into(),
                    geboortedatum: d("2003-04-01"),
                    geslacht: Geslacht::Vrouw,
                    overlijdensdatum: None,
                    twaalf_schooljaren_op: None,
                }],
                woonadressen: vec![Woonadres {
                    id: "W-MILA".into(),
                    jongere: MILA.into(),
                    gemeente: Gemeentecode::parse("GM9901").unwrap(),
                    straat: "Duinpad".into(),
                    huisnummer: "12".into(),
                    postcode: "9901BB".into(),
                    woonplaats: "Zandvoorde".into(),
                    begindatum: d("2003-04-01"),
                    einddatum: None,
                    vertrek: None,
                }],
                ..Dataset::default()
            },
        )
        .await;
        let anna = mw(s, ADMIN).await;
        let oktober = absoluut::controleer(s, &anna, d("2020-10-01")).await.unwrap();
        assert_eq!((oktober.niet_ingeschreven, oktober.nieuw.len()), (2, 2), "Daan en Mila: {oktober:?}");
        let zaken: Vec<Zaak> = s.lees_waar("jongere", MILA).await.unwrap();
        assert_eq!(zaken.len(), 1);
        let zaak_van_mila = zaken[0].clone();

        let diploma = |datum: &str| Diploma {
            id: "D-MILA".into(),
            jongere: MILA.into(),
            soort: DiplomaSoort::Havo,
            datum: d(datum),
            brin: Some(DUINLYCEUM.0.into()),
        };
        lever(s, Dataset { diplomas: vec![diploma("2014-07-07")], ..Dataset::default() }).await;
        let voor = stand(s).await;
        let november = absoluut::controleer(s, &anna, d("2020-11-01")).await.unwrap();
        assert_eq!(november.onjuiste_gegevens.len(), 1, "{november:?}");
        let (wie, waarom) = &november.onjuiste_gegevens[0];
        assert_eq!(wie, MILA);
        assert!(waarom.contains("startkwalificatie op 2014-07-07 is onmogelijk"), "{waarom}");
        assert!(waarom.contains("2015-04-01"), "noemt de 12e verjaardag: {waarom}");
        assert!(november.nieuw.is_empty() && november.gesloten.is_empty(), "{november:?}");
        assert_eq!(november.al_open, 1, "alleen Daan telt als absoluut verzuim");
        let na = stand(s).await;
        assert_eq!((na.zaken, na.meldingen, na.thuiszitperioden), (voor.zaken, voor.meldingen, voor.thuiszitperioden));
        assert_eq!(lees_zaak(s, &zaak_van_mila.id).await, zaak_van_mila, "Mila's zaak blijft zoals hij was");

        // DUO corrects the date: a havo diploma this summer ends her kwalificatieplicht.
        lever(s, Dataset { diplomas: vec![diploma("2020-07-07")], ..Dataset::default() }).await;
        let december = absoluut::controleer(s, &anna, d("2020-12-01")).await.unwrap();
        assert!(december.onjuiste_gegevens.is_empty(), "{december:?}");
        assert_eq!(december.gesloten.get("niet_meer_plichtig"), Some(&1), "{december:?}");
        assert_eq!(lees_zaak(s, &zaak_van_mila.id).await.status, ZaakStatus::Gesloten);
    }
}
