//! A melding about a youth who lives outside Zuidkust is sent on to her woongemeente, once, and
//! nothing of the youth goes with it; against SQLite and PostgreSQL.
#[path = "../../casework/tests/common/mod.rs"]
mod common;
use common::*;
use leerspoor_koppeling::doorsturen;
use leerspoor_koppeling::duo_verzuim::{self, KOPPELTABEL};
use leerspoor_koppeling::levering::Koppeltabel;
use leerspoor_koppeling::logboek::Aanbod;

const DAG: &str = "Meldingnummer;BSN;BRIN;Leslocatie;Datum melding;Begindatum verzuim;Vermoedelijke soort verzuim;\
                   Naam melder;Achternaam;Voornamen;Geboortedatum;Woongemeente\n\
                   DUO-1001;111222333;10AB;00;12-10-2020;05-10-2020;Luxe verzuim;M. Mentor;;;;\n\
                   DUO-1005;100000058;10AB;00;12-10-2020;21-09-2020;Luxe verzuim;M. Mentor;Bakker;Jesse;08-08-2008;GM0392\n";

#[tokio::test]
async fn a_melding_for_a_youth_elsewhere_goes_to_her_woongemeente_once_without_her_data() {
    for db in regio().await {
        let s = &db.store;
        let admin = mw(s, ADMIN).await;
        let aanbod = Aanbod { bron: duo_verzuim::BRON, bestand: "dag.csv", bytes: DAG.as_bytes() };
        let tabel = Koppeltabel::lees("duo-verzuim.toml", KOPPELTABEL).unwrap();
        duo_verzuim::verwerk(s, &admin, aanbod, &tabel, d("2020-10-12"), false).await.unwrap();

        assert!(doorsturen::verzamel(s, &admin, true).await.unwrap().is_some(), "a trial shows it");
        let u = doorsturen::verzamel(s, &admin, false).await.unwrap().expect("one to send on");
        assert_eq!(u.meldingen.len(), 1, "only Jesse's: Sara lives in the region");
        let csv = doorsturen::als_csv(&u);
        assert_eq!(
            csv,
            "Woongemeente;Meldingnummer DUO;Ontvangen op;Verzuimdagen;Naam melder;Functie melder;Telefoon melder;E-mail melder\n\
             GM0392;DUO-1005;12-10-2020;;M. Mentor;;;\n"
        );
        assert!(!csv.contains("100000058") && !csv.contains("Jesse"), "nothing of the youth");
        assert!(doorsturen::verzamel(s, &admin, false).await.unwrap().is_none(), "sent once");
        assert_eq!(doorsturen::inhoud(s, &u.verzending.id).await.unwrap().unwrap().meldingen, u.meldingen);
        doorsturen::bevestig(s, &admin, &u.verzending.id).await.unwrap();
        assert!(doorsturen::bevestig(s, &admin, &u.verzending.id).await.is_err(), "acknowledged once");
        assert!(doorsturen::verzamel(s, &mw(s, BELEID).await, false).await.is_err());
    }
}
