//! The round trip with DUO in Zuidkust, against SQLite and PostgreSQL: a day of meldingen in,
//! casework on them, and the terugmelding out — queued as the work goes on, sent, acknowledged.
#[path = "../../casework/tests/common/mod.rs"]
mod common;
use common::*;
use leerspoor_casework::zaak;
use leerspoor_domain::codes::Code;
use leerspoor_domain::model::*;
use leerspoor_domain::rules::terugmelding::GEEN_ACTIE;
use leerspoor_koppeling::duo_terugmelding::{self, Uitgaand};
use leerspoor_koppeling::duo_verzuim::{self, KOPPELTABEL};
use leerspoor_koppeling::levering::Koppeltabel;
use leerspoor_koppeling::logboek::{Aanbod, KoppelFout};
use leerspoor_koppeling::records::{DuoMelding, Terugmelding, Verzending};
use leerspoor_store::Store;

const DAG: &str = "Meldingnummer;BSN;BRIN;Leslocatie;Datum melding;Begindatum verzuim;Vermoedelijke soort verzuim\n\
                   DUO-1001;111222333;10AB;00;12-10-2020;05-10-2020;Luxe verzuim\n\
                   DUO-1003;100000022;30EF;01;12-10-2020;14-09-2020;Signaalverzuim\n";

async fn dag_in(s: &Store) {
    let aanbod = Aanbod { bron: duo_verzuim::BRON, bestand: "dag.csv", bytes: DAG.as_bytes() };
    let tabel = Koppeltabel::lees("duo-verzuim.toml", KOPPELTABEL).unwrap();
    duo_verzuim::verwerk(s, &mw(s, ADMIN).await, aanbod, &tabel, d("2020-10-12"), false).await.unwrap();
}

async fn verzamel(s: &Store, vandaag: &str) -> Option<Uitgaand> {
    duo_terugmelding::verzamel(s, &mw(s, ADMIN).await, d(vandaag), false).await.unwrap()
}

fn van<'u>(u: &'u Uitgaand, meldingnummer: &str) -> &'u Terugmelding {
    u.terugmeldingen.iter().find(|t| t.meldingnummer == meldingnummer).unwrap()
}

async fn zaak_van_sara(s: &Store) -> Zaak {
    let duo: DuoMelding = s.lees_een("DUO-1001").await.unwrap().unwrap();
    let m: Verzuimmelding = s.lees_een(&duo.melding.unwrap()).await.unwrap().unwrap();
    s.lees_een(&m.zaak.unwrap()).await.unwrap().unwrap()
}

#[tokio::test]
async fn a_day_of_duo_meldingen_in_casework_and_the_terugmelding_out() {
    for db in regio().await {
        let s = &db.store;
        dag_in(s).await;
        // Kevin (24) was taken ter kennisgeving at once; Sara's zaak waits unassigned: not yet.
        let eerste = verzamel(s, "2020-10-12").await.unwrap();
        assert_eq!(eerste.terugmeldingen.len(), 1);
        assert_eq!(van(&eerste, "DUO-1003").status, "ter_kennisgeving");

        // The teamleider gives Sara's zaak to Lotte: in behandeling, Lotte the contactpersoon. The
        // first verzending stays as it was made: this goes in a second.
        let z = zaak_van_sara(s).await;
        zaak::toewijzen(s, &mw(s, TEAMLEIDER).await, &z.id, &mw(s, LPA).await).await.unwrap();
        let tweede = verzamel(s, "2020-10-13").await.unwrap();
        assert_ne!(tweede.verzending.id, eerste.verzending.id);
        assert_eq!(tweede.terugmeldingen.len(), 1);
        let nog_eens = duo_terugmelding::inhoud(s, &eerste.verzending.id).await.unwrap().unwrap();
        assert_eq!(nog_eens.terugmeldingen, eerste.terugmeldingen, "a verzending never changes");
        let sara = van(&tweede, "DUO-1001");
        assert_eq!(sara.status, "in_behandeling");
        assert_eq!(
            (sara.contactpersoon.as_deref(), sara.contact_functie.as_deref(), sara.toelichting.as_deref()),
            (Some("Lotte Leerplicht"), Some("Leerplichtambtenaar"), None)
        );

        // DUO received both: acknowledged, and with nothing new there is nothing to send.
        duo_terugmelding::bevestig(s, &mw(s, ADMIN).await, &eerste.verzending.id).await.unwrap();
        let bevestigd = duo_terugmelding::bevestig(s, &mw(s, ADMIN).await, &tweede.verzending.id).await.unwrap();
        assert_eq!(bevestigd.bevestigd_door.as_deref(), Some(ADMIN));
        assert!(verzamel(s, "2020-10-14").await.is_none());
        let weer = duo_terugmelding::bevestig(s, &mw(s, ADMIN).await, &tweede.verzending.id).await.unwrap_err();
        assert!(matches!(&weer, KoppelFout::Ongeldig(m) if m.contains("is al bevestigd")), "{weer}");

        // The holiday turns out to have been allowed after all: the zaak closes as geen verzuim.
        zaak::sluit(s, &mw(s, LPA).await, &z.id, d("2020-10-16"), "geen_verzuim").await.unwrap();
        let derde = verzamel(s, "2020-10-19").await.unwrap();
        assert_ne!(derde.verzending.id, tweede.verzending.id);
        assert_eq!(derde.terugmeldingen.len(), 1, "only what changed since the verzending before");
        let sara = van(&derde, "DUO-1001");
        assert_eq!(
            (sara.status.as_str(), sara.reden_afsluiting.as_deref(), sara.toelichting.as_deref(), sara.datum),
            ("afgesloten", Some("geen_verzuim_legitiem"), Some(GEEN_ACTIE), d("2020-10-16"))
        );
        let codes: Vec<Code> = s.lees().await.unwrap();
        let bestand = duo_terugmelding::als_csv(&derde, &codes);
        assert_eq!(
            bestand.lines().nth(1).unwrap(),
            "DUO-1001;Afgesloten;Geen verzuim – legitiem afwezig;er loopt geen actie meer richting leerling / deelnemer;\
             16-10-2020;Lotte Leerplicht;Leerplichtambtenaar;;mw-lpa@zuidkust.example"
        );
        assert!(!bestand.contains("111222333"), "no BSN goes back: DUO knows its melding by number");
    }
}

#[tokio::test]
async fn a_trial_run_keeps_nothing_and_an_unknown_verzending_is_refused() {
    for db in regio().await {
        let s = &db.store;
        dag_in(s).await;
        let proef = duo_terugmelding::verzamel(s, &mw(s, ADMIN).await, d("2020-10-12"), true).await.unwrap().unwrap();
        assert_eq!(proef.terugmeldingen.len(), 1);
        assert!(s.lees::<Terugmelding>().await.unwrap().is_empty());
        assert!(s.lees::<Verzending>().await.unwrap().is_empty());
        let fout = duo_terugmelding::bevestig(s, &mw(s, ADMIN).await, "V-BESTAAT-NIET").await.unwrap_err();
        assert_eq!(fout.to_string(), "verzending 'V-BESTAAT-NIET' van de terugmelding bestaat niet");
        let fout = duo_terugmelding::verzamel(s, &mw(s, BELEID).await, d("2020-10-12"), false).await.unwrap_err();
        assert!(matches!(fout, KoppelFout::Niet(_)), "{fout}");
    }
}
