//! Vrijstellingen to DUO's register in Zuidkust, against SQLite and PostgreSQL: Emma's vrijstelling
//! goes once it is granted, again when a new decision changes it, and as withdrawn when the grant
//! is revoked; verlof never goes, and a verzending is acknowledged once.
#[path = "../../casework/tests/common/mod.rs"]
mod common;
use common::*;
use leerspoor_casework::vrijstellingen::{self, Besluit, Schoolverlof};
use leerspoor_koppeling::duo_vrijstellingen::{self, Verzameld};
use leerspoor_koppeling::records::VrijstellingMutatie::*;
use leerspoor_store::Store;

async fn verzamel(s: &Store) -> Verzameld {
    duo_vrijstellingen::verzamel(s, &mw(s, ADMIN).await, false).await.unwrap()
}

fn besluit(toekennen: bool, op: &str, tot: &str) -> Besluit {
    Besluit {
        toekennen,
        besluitdatum: d(op),
        geldig_van: None,
        geldig_tot: Some(d(tot)),
        toelichting: "na bezwaar".into(),
    }
}

#[tokio::test]
async fn a_granted_vrijstelling_goes_to_duo_once_then_its_change_and_its_withdrawal() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let v = vrijstellingen::vraag_aan(s, &anna, emma_aanvraag()).await.unwrap();
        assert!(verzamel(s).await.uitgaand.is_none(), "a request is not yet a vrijstelling");
        // The school head's leave for Sara: she stays enrolled, DUO's register does not hold it.
        let verlof = Schoolverlof {
            jongere: SARA.into(),
            artikel: "art11_sub_g".into(),
            aanvraagdatum: d("2021-02-01"),
            besluitdatum: d("2021-02-01"),
            geldig_van: d("2021-02-08"),
            geldig_tot: d("2021-02-09"),
            dagen: 2,
            werkgeversverklaring_datum: None,
            toelichting: String::new(),
        };
        vrijstellingen::leg_verlof_vast(s, &anna, verlof).await.unwrap();

        vrijstellingen::besluit(s, &lotte, &v.id, besluit(true, "2021-03-15", "2022-07-31")).await.unwrap();
        let eerste = verzamel(s).await.uitgaand.unwrap();
        let [m] = &eerste.meldingen[..] else { panic!("{:?}", eerste.meldingen) };
        assert_eq!((m.mutatie, m.bsn.as_str(), m.artikel.as_str()), (Nieuw, "100000010", "art5_sub_a"));
        assert_eq!((m.ingangsdatum, m.einddatum), (d("2021-04-01"), Some(d("2022-07-31"))));
        assert!(m.gemeente.starts_with("GM99"), "{}", m.gemeente);
        assert!(verzamel(s).await.uitgaand.is_none(), "nothing changed since");
        let csv = duo_vrijstellingen::als_csv(&eerste, &s.lees().await.unwrap());
        assert!(
            csv.starts_with("Mutatie;BSN;Artikel;Omschrijving;Woongemeente;Ingangsdatum;Einddatum;Datum besluit\n")
        );
        assert!(csv.contains("\nNieuw;100000010;art5_sub_a;"), "{csv}");
        assert!(csv.contains(";01-04-2021;31-07-2022;15-03-2021\n"), "{csv}");

        // Bezwaar, and a new decision that grants it for a shorter time: changed at DUO.
        vrijstellingen::bezwaar(s, &anna, &v.id, d("2021-03-20"), "te lang").await.unwrap();
        assert!(verzamel(s).await.uitgaand.is_none(), "under bezwaar the grant stands");
        vrijstellingen::besluit(s, &lotte, &v.id, besluit(true, "2021-04-20", "2021-07-31")).await.unwrap();
        let tweede = verzamel(s).await.uitgaand.unwrap();
        assert_eq!(
            tweede.meldingen.iter().map(|m| (m.mutatie, m.einddatum)).collect::<Vec<_>>(),
            [(Gewijzigd, Some(d("2021-07-31")))]
        );

        // A second bezwaar ends in a refusal: the grant is withdrawn at DUO, once.
        vrijstellingen::bezwaar(s, &anna, &v.id, d("2021-04-25"), "toch niet").await.unwrap();
        vrijstellingen::besluit(s, &lotte, &v.id, besluit(false, "2021-05-20", "2021-07-31")).await.unwrap();
        let derde = verzamel(s).await.uitgaand.unwrap();
        assert_eq!(derde.meldingen.iter().map(|m| m.mutatie).collect::<Vec<_>>(), [Ingetrokken]);
        assert!(verzamel(s).await.uitgaand.is_none());

        // Acknowledged once; another destination's verzending is not one of these.
        duo_vrijstellingen::bevestig(s, &anna, &eerste.verzending.id).await.unwrap();
        let weer = duo_vrijstellingen::bevestig(s, &anna, &eerste.verzending.id).await.unwrap_err();
        assert!(weer.to_string().contains("is al bevestigd"), "{weer}");
        assert_eq!(
            duo_vrijstellingen::verzendingen(s).await.unwrap()[0].id,
            derde.verzending.id,
            "unacknowledged first"
        );
        let inhoud = duo_vrijstellingen::inhoud(s, &tweede.verzending.id).await.unwrap().unwrap();
        assert_eq!(inhoud.meldingen, tweede.meldingen, "a verzending never changes");
        assert!(duo_vrijstellingen::verzamel(s, &mw(s, BELEID).await, false).await.is_err(), "beleid may not");
    }
}
