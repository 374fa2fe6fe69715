//! Bewaren en vernietigen: the archive decision's periods applied to Zuidkust's dossiers, on
//! SQLite and PostgreSQL.
mod common;

use common::*;
use leerspoor_casework::Fout;
use leerspoor_casework::archief::{selecteer, vernietig};
use leerspoor_casework::contactgegevens::{self, NieuwContactgegeven};
use leerspoor_domain::model::*;
use leerspoor_domain::rules::bewaren::{Bewaartermijnen, Dossierdeel};
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_report::{Kader, Scope};
use leerspoor_store::Store;
use leerspoor_store::rij::{Type, Waarde};
use std::sync::Arc;

const STANDAARD: Bewaartermijnen = Bewaartermijnen { leerplicht_jaren: 19, rmc_jaren: 2 };

/// Daan's case of relatief verzuim in the autumn of 2020, closed; and Noor's, still open.
async fn met_dossiers(store: &Store) {
    let mut s = store.schrijver("test", "test").await.unwrap();
    let zaak = |id: &str, jongere: &str, open: bool| Zaak {
        id: id.into(),
        jongere: jongere.into(),
        soort: ZaakSoort::RelatiefVerzuim,
        medewerker: Some(LPA.into()),
        geopend_op: d("2020-09-01"),
        status: if open { ZaakStatus::InOnderzoek } else { ZaakStatus::Gesloten },
        gesloten_op: (!open).then(|| d("2020-11-01")),
        reden_sluiting: (!open).then(|| "verzuim_gestopt".to_string()),
    };
    s.nieuw(&zaak("Z-DAAN", DAAN, false)).await.unwrap();
    s.nieuw(&zaak("Z-NOOR", NOOR, true)).await.unwrap();
    for (id, jongere, zaak) in [("M-DAAN", DAAN, "Z-DAAN"), ("M-NOOR", NOOR, "Z-NOOR")] {
        s.nieuw(&Verzuimmelding {
            id: id.into(),
            jongere: jongere.into(),
            brin: None,
            vestiging: None,
            soort: "relatief_16_uur".into(),
            meldingsdatum: d("2020-08-28"),
            verzuim_van: d("2020-08-20"),
            verzuim_tot: None,
            uren: Some(16),
            reden: String::new(),
            status: "in_behandeling".into(),
            reden_afsluiting: None,
            zaak: Some(zaak.into()),
            preventief: false,
            vervolg_op: None,
            alle_lessen_gemist: None,
            deels_lesbaar: None,
        })
        .await
        .unwrap();
    }
    s.nieuw(&Actie {
        id: "A-DAAN".into(),
        jongere: DAAN.into(),
        zaak: Some("Z-DAAN".into()),
        soort: ActieSoort::Gesprek,
        datum: d("2020-09-10"),
        medewerker: Some(LPA.into()),
        pv_tegen: None,
        ouder: None,
        overmacht: None,
        uitkomst: None,
        uitkomst_datum: None,
        toelichting: "Daan vertelt over zijn bijbaan".into(),
    })
    .await
    .unwrap();
    // The letter that invited Daan, stored with his zaak.
    s.nieuw(&Document {
        id: "D-DAAN".into(),
        jongere: DAAN.into(),
        zaak: Some("Z-DAAN".into()),
        vrijstelling: None,
        actie: None,
        soort: "uitnodiging_gesprek".into(),
        ontvanger: Geadresseerde::Jongere,
        ouder: None,
        datum: d("2020-09-02"),
        auteur: LPA.into(),
        sjabloon: "uitnodiging_gesprek 0, briefhoofd 0".into(),
        sha256: "0".repeat(64),
        bytes: 4,
        vervangt: None,
        reeks: None,
        mediatype: "application/pdf".into(),
        adres: Vec::new(),
        ontvangst: None,
    })
    .await
    .unwrap();
    s.document_inhoud("D-DAAN", b"%PDF").await.unwrap();
    s.vastleggen("test", "dossiers").await.unwrap();
}

fn deel<'a>(s: &'a leerspoor_casework::archief::Selectie, deel: Dossierdeel, jongere: &str) -> Option<&'a [String]> {
    s.kandidaten.iter().find(|k| k.deel == deel && k.jongere == jongere).map(|k| k.records["jongere"].as_slice())
}

async fn regels_in_wijzigingslog(store: &Store, tabel: &str, sleutel: &str) -> usize {
    let binds = [Waarde::Tekst(Some(tabel.into())), Waarde::Tekst(Some(sleutel.into()))];
    store
        .vraag("SELECT id FROM wijzigingslog WHERE tabel = $1 AND sleutel = $2", &binds, &[Type::Geheel])
        .await
        .unwrap()
        .len()
}

#[tokio::test(flavor = "multi_thread")]
async fn daans_verzuim_at_sixteen_goes_two_years_after_his_eighteenth_birthday_and_not_a_day_before() {
    for db in regio().await {
        let store = &db.store;
        met_dossiers(store).await;
        // Born 20 May 2004, verzuim in the autumn of 2020: kwalificatieplicht, so 12.1.4 keeps it
        // two years after his 18th birthday, longer than 12.1.3's 19 years from birth.
        let dag_ervoor = selecteer(store, d("2024-05-19"), STANDAARD).await.unwrap();
        assert!(!dag_ervoor.kandidaten.iter().any(|k| k.jongere == DAAN), "{}", db.store.soort());
        let s = selecteer(store, d("2024-05-20"), STANDAARD).await.unwrap();
        let daan = s.kandidaten.iter().find(|k| k.jongere == DAAN).expect("Daan's leerplicht part");
        assert_eq!(daan.deel, Dossierdeel::Leerplicht);
        assert_eq!(daan.records["zaak"], ["Z-DAAN"]);
        assert_eq!(daan.records["verzuimmelding"], ["M-DAAN"]);
        assert_eq!(daan.records["actie"], ["A-DAAN"]);
        // His person stays: without startkwalificatie the RMC follows him up to 23.
        assert_eq!(deel(&s, Dossierdeel::Persoon, DAAN), None);
        // Kevin (23 in February 2019, havo at 17) is past every period: his person goes.
        assert_eq!(deel(&s, Dossierdeel::Persoon, KEVIN), Some(&[KEVIN.to_string()][..]));
        // Noor's zaak is still open: past its period (19 on 5 June 2020) but held.
        assert!(!s.kandidaten.iter().any(|k| k.jongere == NOOR));
        assert_eq!(s.aangehouden.get("zaak nog open"), Some(&1));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn destruction_takes_exactly_the_approved_list_and_keeps_a_list_without_names() {
    for db in regio().await {
        let store = &db.store;
        met_dossiers(store).await;
        // Kevin's telephone number, changed once: two records, each in the change log.
        let mut kevins_nummers = Vec::new();
        for (nummer, vanaf) in [("06-11112222", "2018-03-01"), ("06-33334444", "2019-01-07")] {
            let n = NieuwContactgegeven {
                jongere: KEVIN.into(),
                ouder: None,
                soort: ContactSoort::Telefoon,
                waarde: nummer.into(),
                vanaf: d(vanaf),
                bron: "Kevin zelf".into(),
            };
            kevins_nummers.push(contactgegevens::leg_vast(store, &mw(store, RMC).await, n).await.unwrap().id);
        }
        let peildatum = d("2024-05-20");
        let s = selecteer(store, peildatum, STANDAARD).await.unwrap();
        assert_eq!(regels_in_wijzigingslog(store, "zaak", "Z-DAAN").await, 1, "{}", db.store.soort());
        assert_eq!(regels_in_wijzigingslog(store, "contactgegeven", &kevins_nummers[0]).await, 2, "new, then ended");

        // Even a transaction marked as a destruction cannot erase the history of a record that is there.
        let tekst = [Type::Tekst];
        let mut poging = store.schrijver("iemand", "sporen wissen").await.unwrap();
        poging
            .vraag("INSERT INTO vernietiging_bezig (kenmerk) VALUES ('x') RETURNING kenmerk", &[], &tekst)
            .await
            .unwrap();
        let gewist = poging
            .vraag("DELETE FROM wijzigingslog WHERE tabel = 'zaak' AND sleutel = 'Z-DAAN' RETURNING tabel", &[], &tekst)
            .await;
        assert!(gewist.is_err_and(|e| e.to_string().contains("kan alleen aangevuld worden")), "{}", store.soort());
        drop(poging);
        assert_eq!(regels_in_wijzigingslog(store, "zaak", "Z-DAAN").await, 1);

        // A peildatum ahead would destroy before the period ends: refused whoever approved.
        let fout =
            vernietig(store, d("2099-01-01"), STANDAARD, &s.kenmerk(), TEAMLEIDER, "cli:test").await.unwrap_err();
        assert!(fout.to_string().contains("kan niet vooruit"), "{fout}");
        // Approved by a leerplichtambtenaar: refused, nothing goes.
        let fout = vernietig(store, peildatum, STANDAARD, &s.kenmerk(), LPA, "cli:test").await.unwrap_err();
        assert!(matches!(fout, Fout::Weigering(_)), "{fout}");
        // Another list than the one approved: refused, naming the kenmerk of the list now.
        let fout =
            vernietig(store, peildatum, STANDAARD, "0123456789abcdef", TEAMLEIDER, "cli:test").await.unwrap_err();
        assert!(fout.to_string().contains(&s.kenmerk()), "{fout}");
        assert!(store.lees_een::<Zaak>("Z-DAAN").await.unwrap().is_some());

        let regels = vernietig(store, peildatum, STANDAARD, &s.kenmerk(), TEAMLEIDER, "cli:test").await.unwrap();
        assert!(store.lees_een::<Zaak>("Z-DAAN").await.unwrap().is_none());
        assert!(store.lees_een::<Verzuimmelding>("M-DAAN").await.unwrap().is_none());
        assert!(store.lees_een::<Actie>("A-DAAN").await.unwrap().is_none());
        // His letter with it, the PDF too.
        assert!(store.lees_een::<Document>("D-DAAN").await.unwrap().is_none());
        assert_eq!(store.document_inhoud("D-DAAN").await.unwrap(), None);
        assert_eq!(regels_in_wijzigingslog(store, "document", "D-DAAN").await, 0);
        assert!(store.lees_een::<Jongere>(KEVIN).await.unwrap().is_none());
        assert!(store.lees_een::<Diploma>("D-KEVIN").await.unwrap().is_none());
        // His telephone numbers with his person, and every value the change log held of them.
        for id in &kevins_nummers {
            assert!(store.lees_een::<Contactgegeven>(id).await.unwrap().is_none());
            assert_eq!(regels_in_wijzigingslog(store, "contactgegeven", id).await, 0);
        }
        // The change log held every value (the action's text): gone with the records.
        assert_eq!(regels_in_wijzigingslog(store, "zaak", "Z-DAAN").await, 0);
        assert_eq!(regels_in_wijzigingslog(store, "actie", "A-DAAN").await, 0);
        assert_eq!(regels_in_wijzigingslog(store, "jongere", KEVIN).await, 0);
        // What stays stays: Daan himself, Noor's open case.
        assert!(store.lees_een::<Jongere>(DAAN).await.unwrap().is_some());
        assert!(store.lees_een::<Zaak>("Z-NOOR").await.unwrap().is_some());
        assert!(leerspoor_store::integriteit::controleer(store).await.unwrap().iter().all(|b| b.aantal == 0));

        // The destruction list: kinds, counts, period, ground, who approved; no one named.
        assert_eq!(regels, store.vernietigingen().await.unwrap());
        let leerplicht = regels.iter().find(|r| r.deel == "leerplicht").expect("leerplicht");
        assert_eq!((leerplicht.dossiers, leerplicht.records), (1, 4));
        assert_eq!(leerplicht.tabellen, "actie 1, document 1, verzuimmelding 1, zaak 1");
        assert_eq!(leerplicht.periode, Some((d("2020-08-20"), d("2020-11-01"))));
        assert!(leerplicht.grondslag.contains("12.1.3"));
        assert_eq!(leerplicht.goedgekeurd_door, TEAMLEIDER);
        let persoon = regels.iter().find(|r| r.deel == "persoon").expect("persoon");
        assert_eq!(persoon.tabellen, "contactgegeven 2, diploma 1, jongere 1, woonadres 1");
        let lijst = format!("{regels:?}");
        for naam in
            ["Daan", "Kevin", "J-DAAN", "J-KEVIN", "Z-DAAN", "123456782", "100000022", "Strandweg", "bijbaan", "+316"]
        {
            assert!(!lijst.contains(naam), "{naam} op de vernietigingslijst");
        }
        // Nothing is due twice.
        let daarna = selecteer(store, peildatum, STANDAARD).await.unwrap();
        assert!(daarna.kandidaten.is_empty(), "{:?}", daarna.kandidaten);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_longer_period_in_the_archive_decision_keeps_the_dossier_longer() {
    for db in regio().await {
        met_dossiers(&db.store).await;
        let langer = Bewaartermijnen { leerplicht_jaren: 21, rmc_jaren: 2 };
        let s = selecteer(&db.store, d("2024-05-20"), langer).await.unwrap();
        assert!(!s.kandidaten.iter().any(|k| k.jongere == DAAN), "{}", db.store.soort());
        let s = selecteer(&db.store, d("2025-05-20"), langer).await.unwrap();
        assert!(s.kandidaten.iter().any(|k| k.jongere == DAAN && k.deel == Dossierdeel::Leerplicht));
    }
}

async fn jaarverslag(store: &Store, jaar: SchoolJaar) -> Vec<leerspoor_report::Tabel> {
    let kader = Arc::new(Kader::nieuw(store, jaar, Scope::Regio).await.unwrap());
    leerspoor_report::bereken(&kader, &[]).await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn last_years_report_counts_the_same_after_the_people_behind_it_are_gone() {
    for db in regio().await {
        let store = &db.store;
        met_dossiers(store).await;
        let jaar = SchoolJaar::beginnend_in(2020);
        let voor = jaarverslag(store, jaar).await;
        let meldingen = |tabellen: &[leerspoor_report::Tabel]| -> Vec<(String, Vec<Option<f64>>)> {
            let t = tabellen.iter().find(|t| t.id == "verzuim_per_1000").expect("verzuim_per_1000");
            t.rows.iter().map(|r| (r.key.clone(), r.values.iter().map(|w| w.0).collect())).collect()
        };
        // Daan's melding counts in his gemeente's row: the test would see it go.
        assert!(
            meldingen(&voor).iter().any(|(_, v)| v.iter().any(|x| x.is_some_and(|x| x > 0.0))),
            "{}",
            db.store.soort()
        );
        let peildatum: Datum = d("2024-05-20");
        let s = selecteer(store, peildatum, STANDAARD).await.unwrap();
        // From the year before the first casework (2020-2021) to two years before the peildatum's.
        let (van, tot) = s.vast_te_stellen().expect("jaren vast te stellen");
        assert_eq!((van, tot), (jaar.vorig(), jaar.volgend()), "{}", db.store.soort());
        let gedaan = leerspoor_report::vastgesteld::stel_vast(store, van, tot).await.unwrap();
        assert_eq!(gedaan, [jaar.vorig(), jaar, jaar.volgend()]);
        vernietig(store, peildatum, STANDAARD, &s.kenmerk(), TEAMLEIDER, "cli:test").await.unwrap();

        let na = jaarverslag(store, jaar).await;
        assert_eq!(meldingen(&na), meldingen(&voor));
        assert_eq!(na.len(), voor.len());
        for (a, b) in voor.iter().zip(&na) {
            assert_eq!((a.id, &a.rows, &a.columns), (b.id, &b.rows, &b.columns));
            assert!(b.notes.last().is_some_and(|n| n.starts_with("Vastgesteld op")), "{}", b.id);
        }
        // Made final once: a second run finds nothing left to do.
        assert!(leerspoor_report::vastgesteld::stel_vast(store, jaar, jaar).await.unwrap().is_empty());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_decision_under_bezwaar_holds_the_dossier_past_its_period() {
    for db in regio().await {
        let store = &db.store;
        met_dossiers(store).await;
        let mut s = store.schrijver("test", "test").await.unwrap();
        s.nieuw(&Vrijstelling {
            id: "V-DAAN".into(),
            jongere: DAAN.into(),
            artikel: "art11_sub_g".into(),
            status: VrijstellingStatus::Afgewezen,
            aanvraagdatum: d("2020-09-01"),
            besluitdatum: Some(d("2020-09-20")),
            geldig_van: None,
            geldig_tot: None,
            beslisser: Beslisser::Leerplichtambtenaar,
            medewerker: Some(LPA.into()),
            artsverklaring_datum: None,
            swv_advies_datum: None,
            werkgeversverklaring_datum: None,
            verdaagd_tot: None,
            hoorzitting_op: None,
            dagen: Some(3),
            toelichting: String::new(),
            // Awb: bezwaar made against the refusal, not yet decided.
            bezwaar_op: Some(d("2020-10-15")),
        })
        .await
        .unwrap();
        s.vastleggen("test", "bezwaar").await.unwrap();
        let selectie = selecteer(store, d("2024-05-20"), STANDAARD).await.unwrap();
        assert!(!selectie.kandidaten.iter().any(|k| k.jongere == DAAN), "{}", store.soort());
        assert_eq!(selectie.aangehouden.get("aanvraag, bezwaar of beroep nog niet beslist"), Some(&1));
    }
}

/// Kevin's mother was linked to Sara too, and gave her number in Sara's dossier; the BRP has since
/// removed that link. When Kevin's person goes, his mother stays: Sara's dossier, which stays,
/// still names her in a contact detail.
#[tokio::test(flavor = "multi_thread")]
async fn a_parent_named_in_a_contact_detail_that_stays_stays_with_it() {
    for db in regio().await {
        let store = &db.store;
        met_dossiers(store).await;
        let mut s = store.schrijver("test", "test").await.unwrap();
        s.nieuw(&Ouder {
            id: "O-KEVIN".into(),
            bsn: None,
            voornamen: "Ingrid".into(),
            tussenvoegsel: String::new(),
            achternaam: "Bakker".into(),
            telefoon: String::new(),
            email: String::new(),
        })
        .await
        .unwrap();
        s.nieuw(&Gezinsrelatie {
            jongere: KEVIN.into(),
            ouder: "O-KEVIN".into(),
            relatie: OuderRelatie::Moeder,
            gezag: false,
        })
        .await
        .unwrap();
        s.nieuw(&Contactgegeven {
            id: "CG-INGRID".into(),
            jongere: SARA.into(),
            ouder: Some("O-KEVIN".into()),
            soort: ContactSoort::Telefoon,
            waarde: "+31655556666".into(),
            vanaf: d("2020-01-06"),
            tot: None,
            bron: "Ingrid, aan de balie".into(),
            medewerker: LPA.into(),
        })
        .await
        .unwrap();
        s.vastleggen("test", "ouder").await.unwrap();

        let selectie = selecteer(store, d("2024-05-20"), STANDAARD).await.unwrap();
        let kevin = selectie.kandidaten.iter().find(|k| k.jongere == KEVIN && k.deel == Dossierdeel::Persoon).unwrap();
        assert!(kevin.records.contains_key("gezinsrelatie"), "{}", store.soort());
        assert!(!kevin.records.contains_key("ouder"), "his mother stays: {:?}", kevin.records);
        vernietig(store, d("2024-05-20"), STANDAARD, &selectie.kenmerk(), TEAMLEIDER, "cli:test").await.unwrap();
        assert!(store.lees_een::<Jongere>(KEVIN).await.unwrap().is_none());
        assert!(store.lees_een::<Ouder>("O-KEVIN").await.unwrap().is_some());
        assert!(store.lees_een::<Contactgegeven>("CG-INGRID").await.unwrap().is_some());
    }
}
