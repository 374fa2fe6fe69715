//! The absoluut-verzuim run: youths who must be at school but are enrolled nowhere.
mod common;
use common::*;
use leerspoor_casework::{Fout, absoluut};
use leerspoor_domain::model::*;
use leerspoor_domain::onderwijs::{Niveau, Onderwijssoort};
use leerspoor_domain::rules::thuiszitten::langer_dan_drie_maanden;
use leerspoor_ingest::{ImportOpties, importeer_dataset};
use leerspoor_store::Store;

/// Records arriving later from BRON or BRP, through the same import as everything else.
async fn lever(s: &Store, ds: Dataset) {
    importeer_dataset(s, ds, "DUO/BRP", &ImportOpties { dry_run: false, gebruiker: "test".into() }).await.unwrap();
}

/// Seed 002: "jongeren die na het examen niet zijn ingeschreven worden opgespoord". Daan left the
/// Duinlyceum in July 2020 with a vmbo diploma (no startkwalificatie) and is 16: kwalificatieplichtig.
/// The October run finds him; he starts at the ROC in November; the December run closes his case,
/// and his thuiszitter period shows as longer than 3 months.
#[tokio::test]
async fn a_youth_missing_after_the_vo_exam_is_found_and_enrolled_in_mbo() {
    for db in regio().await {
        let s = &db.store;
        let anna = mw(s, ADMIN).await;
        let oktober = absoluut::controleer(s, &anna, d("2020-10-01")).await.unwrap();
        assert_eq!((oktober.niet_ingeschreven, oktober.nieuw.len(), oktober.al_open), (1, 1, 0));
        let zaak: Zaak = s.lees_een(&oktober.nieuw[0]).await.unwrap().unwrap();
        assert_eq!(
            (zaak.jongere.as_str(), zaak.soort, zaak.status),
            (DAAN, ZaakSoort::AbsoluutVerzuim, ZaakStatus::Nieuw)
        );
        let melding = &s.lees_waar::<Verzuimmelding>("zaak", &zaak.id).await.unwrap()[0];
        assert_eq!(
            (melding.soort.as_str(), melding.verzuim_van),
            ("absoluut", d("2020-08-01")),
            "de dag na de uitschrijving"
        );
        // The school he left, for the first call.
        assert_eq!(
            (melding.brin.as_deref(), melding.vestiging.as_deref()),
            (Some(DUINLYCEUM.0), Some(DUINLYCEUM.1)),
            "de laatste school"
        );
        let periode = &s.lees_waar::<Thuiszitperiode>("zaak", &zaak.id).await.unwrap()[0];
        assert_eq!((periode.soort, periode.begindatum), (ThuiszitSoort::Absoluut, d("2020-08-01")));

        // The office reports the same absence by hand, without a school: the same absoluut verzuim,
        // linked to the run's melding, which names the school he left.
        let hand = leerspoor_casework::melding::NieuweMelding {
            jongere: DAAN.into(),
            school: None,
            soort: "absoluut".into(),
            meldingsdatum: d("2020-10-05"),
            verzuim_van: d("2020-09-01"),
            verzuim_tot: None,
            uren: None,
            reden: "Niet op school gezien".into(),
            preventief: false,
            alle_lessen_gemist: None,
            deels_lesbaar: None,
        };
        let g = leerspoor_casework::melding::registreer(s, &anna, hand).await.unwrap();
        assert_eq!(g.afloop, leerspoor_casework::melding::Afloop::Herhaald { eerste: melding.id.clone() });
        assert_eq!(g.zaak.map(|z| z.id), Some(zaak.id.clone()));

        // Running it again changes nothing.
        let log = s.aantal("wijzigingslog").await.unwrap();
        let opnieuw = absoluut::controleer(s, &anna, d("2020-10-01")).await.unwrap();
        assert_eq!((opnieuw.nieuw.len(), opnieuw.al_open, opnieuw.gesloten.len()), (0, 1, 0));
        assert_eq!(s.aantal("wijzigingslog").await.unwrap(), log);

        lever(
            s,
            Dataset {
                inschrijvingen: vec![Inschrijving {
                    id: "I-DAAN-MBO".into(),
                    jongere: DAAN.into(),
                    brin: ROC.0.into(),
                    vestiging: ROC.1.into(),
                    onderwijssoort: Onderwijssoort::Mbo,
                    niveau: Some(Niveau::Mbo2),
                    vso_profiel: None,
                    begindatum: d("2020-11-16"),
                    einddatum: None,
                }],
                ..Dataset::default()
            },
        )
        .await;
        let december = absoluut::controleer(s, &anna, d("2020-12-01")).await.unwrap();
        assert_eq!(december.gesloten.get("ingeschreven"), Some(&1));
        assert!(december.nieuw.is_empty());
        let zaak: Zaak = s.lees_een(&zaak.id).await.unwrap().unwrap();
        assert_eq!((zaak.status, zaak.gesloten_op), (ZaakStatus::Gesloten, Some(d("2020-12-01"))));
        let periode: Thuiszitperiode = s.lees_een(&periode.id).await.unwrap().unwrap();
        assert_eq!((periode.einddatum, periode.reden_einde), (Some(d("2020-11-15")), Some(ThuiszitEinde::Opgelost)));
        assert!(langer_dan_drie_maanden(periode.begindatum, periode.einddatum, d("2021-07-31")), "> 3 maanden");
        assert_eq!(s.lees_waar::<Verzuimmelding>("zaak", &zaak.id).await.unwrap()[0].status, "afgesloten");
    }
}

#[tokio::test]
async fn a_case_closes_when_the_youth_moves_abroad_and_a_vrijstelling_prevents_one() {
    for db in regio().await {
        let s = &db.store;
        let anna = mw(s, ADMIN).await;
        absoluut::controleer(s, &anna, d("2020-10-01")).await.unwrap();
        let mut adres: Woonadres = s.lees_een("W-Daan").await.unwrap().unwrap();
        adres.einddatum = Some(d("2020-10-20"));
        adres.vertrek = Some(Vertrek::Buitenland);
        lever(s, Dataset { woonadressen: vec![adres], ..Dataset::default() }).await;
        let november = absoluut::controleer(s, &anna, d("2020-11-01")).await.unwrap();
        assert_eq!(november.gesloten.get("verhuisd_buitenland"), Some(&1));
        assert_eq!(november.niet_ingeschreven, 0, "Daan woont niet meer in de regio");
        let periode = &s.lees_waar::<Thuiszitperiode>("jongere", DAAN).await.unwrap()[0];
        assert_eq!(
            (periode.einddatum, periode.reden_einde),
            (Some(d("2020-10-20")), Some(ThuiszitEinde::VerhuisdOverleden))
        );
    }
    for db in regio().await {
        let s = &db.store;
        let vrijstelling = Vrijstelling {
            id: "V-DAAN".into(),
            jongere: DAAN.into(),
            artikel: "art15".into(),
            status: VrijstellingStatus::Toegekend,
            aanvraagdatum: d("2020-08-10"),
            besluitdatum: Some(d("2020-09-01")),
            geldig_van: Some(d("2020-09-01")),
            geldig_tot: Some(d("2021-07-31")),
            beslisser: Beslisser::Leerplichtambtenaar,
            medewerker: Some(LPA.into()),
            artsverklaring_datum: None,
            swv_advies_datum: None,
            werkgeversverklaring_datum: None,
            verdaagd_tot: None,
            hoorzitting_op: None,
            dagen: None,
            toelichting: "Volgt een particuliere opleiding tot kok".into(),
            bezwaar_op: None,
        };
        lever(s, Dataset { vrijstellingen: vec![vrijstelling], ..Dataset::default() }).await;
        let oktober = absoluut::controleer(s, &mw(s, ADMIN).await, d("2020-10-01")).await.unwrap();
        assert_eq!((oktober.niet_ingeschreven, oktober.met_vrijstelling, oktober.nieuw.len()), (1, 1, 0));
    }
}

/// Lpw art. 4a lid 2: no kwalificatieplicht for "jongeren die in het bezit zijn van een
/// schooldiploma praktijkonderwijs … of een verklaring". Had Daan left with a verklaring
/// praktijkonderwijs instead, at 16 he is not kwalificatieplichtig and not absent: no case. The
/// diploma is no startkwalificatie, so he stays an RMC youth.
#[tokio::test]
async fn a_verklaring_praktijkonderwijs_lifts_the_kwalificatieplicht_so_no_case_opens() {
    for db in regio().await {
        let s = &db.store;
        let verklaring = Diploma {
            id: "D-DAAN-PRO".into(),
            jongere: DAAN.into(),
            soort: leerspoor_domain::onderwijs::DiplomaSoort::ProVerklaring,
            datum: d("2020-07-10"),
            brin: Some(DUINLYCEUM.0.into()),
        };
        lever(s, Dataset { diplomas: vec![verklaring], ..Dataset::default() }).await;
        let oktober = absoluut::controleer(s, &mw(s, ADMIN).await, d("2020-10-01")).await.unwrap();
        assert_eq!((oktober.niet_ingeschreven, oktober.niet_plichtig, oktober.nieuw.len()), (1, 1, 0));
        let dossier = leerspoor_casework::Dossier::laad(s, DAAN).await.unwrap();
        assert_eq!(dossier.startkwalificatie(), None);
        // Had before leerplicht ended (31 July 2020): the kwalificatieplicht never applied.
        assert_eq!(dossier.status_op(d("2020-10-01")).unwrap().kwalificatieplicht_einde, None);
    }
}

#[tokio::test]
async fn only_those_who_register_meldingen_run_the_check() {
    for db in regio().await {
        let s = &db.store;
        let fout = absoluut::controleer(s, &mw(s, BELEID).await, d("2020-10-01")).await.unwrap_err();
        assert!(matches!(&fout, Fout::Weigering(w) if w.regel == "rollen: meldingen registreren"), "{fout}");
        assert_eq!(s.aantal("zaak").await.unwrap(), 0);
    }
}

/// A run for an earlier peildatum, after a later one, does not open a second case beside the first.
#[tokio::test]
async fn a_run_on_an_earlier_date_does_not_open_a_second_case() {
    for db in regio().await {
        let s = &db.store;
        let anna = mw(s, ADMIN).await;
        assert_eq!(absoluut::controleer(s, &anna, d("2020-12-01")).await.unwrap().nieuw.len(), 1);
        let oktober = absoluut::controleer(s, &anna, d("2020-10-01")).await.unwrap();
        assert_eq!((oktober.nieuw.len(), oktober.al_open, oktober.gesloten.len()), (0, 1, 0));
        assert_eq!(s.aantal("zaak").await.unwrap(), 1);
    }
}
