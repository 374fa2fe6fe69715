//! A day of verzuimmeldingen from DUO in Zuidkust (the casework stories' region), against SQLite and
//! PostgreSQL: registered as the office's own, known again by DUO's number, refused whole.
#[path = "../../casework/tests/common/mod.rs"]
mod common;
use common::*;
use leerspoor_casework::melding::Afloop;
use leerspoor_domain::model::*;
use leerspoor_koppeling::duo_verzuim::{self, Gevolg, KOPPELTABEL, Verslag};
use leerspoor_koppeling::levering::Koppeltabel;
use leerspoor_koppeling::logboek::{Aanbod, KoppelFout};
use leerspoor_koppeling::records::{Afhandeling, BrpVerzoek, DuoMelding, Levering, LeveringFout, Uitkomst};
use leerspoor_store::Store;

const KOP: &str = "Meldingnummer;BSN/Onderwijsnummer;BRIN;Leslocatie;Datum melding;Begindatum verzuim;\
Einddatum verzuim;Vermoedelijke soort verzuim;Vermoedelijke reden;Alle lessen gemist;Actie gemeente gewenst;\
Naam melder;Status;Achternaam;Voornamen;Geboortedatum;Woongemeente";

/// Monday 12 October 2020: the Duinlyceum reports Sara's week of holiday, the ROC a 19-year-old's
/// (Noor's) and a 24-year-old's (Kevin's), and two pupils the register does not know yet: Milan,
/// who lives in Duinwijk, and Jesse, who lives in Haarlem.
fn dag() -> String {
    [
        KOP,
        "DUO-1001;111222333;10AB;00;12-10-2020;05-10-2020;09-10-2020;Luxe verzuim;Vakantie;J;J;M. Mentor;Geregistreerd;;;;",
        "DUO-1002;100000034;30EF;01;12-10-2020;14-09-2020;;16 uur in 4 opeenvolgende lesweken;Onbekend;N;J;;;;;;",
        "DUO-1003;100000022;30EF;01;12-10-2020;14-09-2020;;Signaalverzuim;;N;N;;;;;;",
        "DUO-1004;100000046;10AB;00;12-10-2020;21-09-2020;;16 uur in 4 opeenvolgende lesweken;;J;J;;;Jansen;Milan;03-04-2007;9902",
        "DUO-1005;100000058;10AB;00;12-10-2020;21-09-2020;;Luxe verzuim;;J;J;;;Bakker;Jesse;08-08-2008;GM0392",
    ]
    .join("\n")
}

fn tabel() -> Koppeltabel {
    Koppeltabel::lees("duo-verzuim.toml", KOPPELTABEL).unwrap()
}

async fn lever(store: &Store, door: &str, bestand: &str, inhoud: &str, proef: bool) -> Result<Verslag, KoppelFout> {
    let aanbod = Aanbod { bron: duo_verzuim::BRON, bestand, bytes: inhoud.as_bytes() };
    duo_verzuim::verwerk(store, &mw(store, door).await, aanbod, &tabel(), d("2020-10-12"), proef).await
}

fn gevolg(v: &Verslag, rij: usize) -> &Gevolg {
    &v.per_melding.iter().find(|(r, _)| *r == rij).unwrap().1
}

async fn melding_van(store: &Store, meldingnummer: &str) -> Option<Verzuimmelding> {
    let duo: DuoMelding = store.lees_een(meldingnummer).await.unwrap()?;
    store.lees_een(&duo.melding?).await.unwrap()
}

#[tokio::test]
async fn a_day_of_meldingen_becomes_casework_waiting_to_be_assigned() {
    for db in regio().await {
        let s = &db.store;
        let v = lever(s, ADMIN, "/downloads/verzuim-2020-10-12.csv", &dag(), false).await.unwrap();
        assert_eq!(*gevolg(&v, 2), Gevolg::Geregistreerd { afloop: Afloop::NieuweZaak, nieuwe_jongere: false });
        // Noor is 19 without a startkwalificatie: the school's kind becomes the RMC's 18+ verzuim.
        let noor = melding_van(s, "DUO-1002").await.unwrap();
        assert_eq!((noor.jongere.as_str(), noor.soort.as_str()), (NOOR, "achttien_plus"));
        let zaak_noor: Zaak = s.lees_een(noor.zaak.as_deref().unwrap()).await.unwrap().unwrap();
        assert_eq!(zaak_noor.soort, ZaakSoort::Rmc);
        // Kevin is 24: outside the office's care, noted and no more.
        assert_eq!(*gevolg(&v, 4), Gevolg::TerKennisgeving);
        let kevin: DuoMelding = s.lees_een("DUO-1003").await.unwrap().unwrap();
        assert_eq!((kevin.afhandeling, kevin.melding), (Afhandeling::TerKennisgeving, None));
        // Milan is new: created from the melding, living in Duinwijk, on the list for the BRP.
        assert_eq!(*gevolg(&v, 5), Gevolg::Geregistreerd { afloop: Afloop::NieuweZaak, nieuwe_jongere: true });
        let milan = melding_van(s, "DUO-1004").await.unwrap();
        let jongere: Jongere = s.lees_een(&milan.jongere).await.unwrap().unwrap();
        assert_eq!((jongere.achternaam.as_str(), jongere.geboortedatum), ("Jansen", d("2007-04-03")));
        let adres: Vec<Woonadres> = s.lees_waar("jongere", &jongere.id).await.unwrap();
        assert_eq!(adres[0].gemeente.as_str(), "GM9902");
        let brp: Vec<BrpVerzoek> = s.lees().await.unwrap();
        assert_eq!(brp.len(), 1);
        assert_eq!(brp[0].jongere, jongere.id);
        // Jesse lives in Haarlem: to be sent on; not taken into the register.
        assert_eq!(*gevolg(&v, 6), Gevolg::Doorsturen);
        assert!(s.lees_waar::<Jongere>("bsn", "100000058").await.unwrap().is_empty());
        // Every new zaak waits in the werkvoorraad, not assigned.
        let zaken: Vec<Zaak> = s.lees().await.unwrap();
        assert_eq!(zaken.len(), 3);
        assert!(zaken.iter().all(|z| z.status == ZaakStatus::Nieuw && z.medewerker.is_none()));
        // DUO's extra facts are kept with the melding; the log says what happened.
        let sara: DuoMelding = s.lees_een("DUO-1001").await.unwrap().unwrap();
        assert_eq!((sara.melder_naam.as_deref(), sara.actie_gemeente_gewenst), (Some("M. Mentor"), Some(true)));
        let log: Vec<Levering> = s.lees().await.unwrap();
        assert_eq!(log.len(), 1);
        assert_eq!((log[0].uitkomst, log[0].rijen, log[0].toegepast), (Uitkomst::Toegepast, 5, 5));
        assert_eq!((log[0].bestand.as_str(), log[0].door.as_str()), ("verzuim-2020-10-12.csv", ADMIN));
        assert!(
            log[0].samenvatting.contains("nieuwe jongeren, klaargezet voor BRP-controle"),
            "{}",
            log[0].samenvatting
        );
    }
}

#[tokio::test]
async fn a_delivery_offered_again_changes_nothing_and_a_melding_delivered_again_is_known() {
    for db in regio().await {
        let s = &db.store;
        lever(s, ADMIN, "verzuim.csv", &dag(), false).await.unwrap();
        let zelfde = lever(s, ADMIN, "verzuim-kopie.csv", &dag(), false).await.unwrap();
        assert_eq!(zelfde.levering.uitkomst, Uitkomst::Herhaald);
        // The next day's file repeats Sara's melding beside a new one about Lieke.
        let volgende = format!(
            "{}\nDUO-1006;100000009;20CD;00;13-10-2020;01-10-2020;;Signaalverzuim;;N;N;;;;;;",
            dag().lines().take(2).collect::<Vec<_>>().join("\n")
        );
        let v = lever(s, ADMIN, "verzuim-2.csv", &volgende, false).await.unwrap();
        assert_eq!(*gevolg(&v, 2), Gevolg::Ongewijzigd);
        assert!(matches!(gevolg(&v, 3), Gevolg::Geregistreerd { .. }));
        assert_eq!(s.lees::<Verzuimmelding>().await.unwrap().len(), 4);
        assert_eq!(v.levering.toegepast, 1);
    }
}

#[tokio::test]
async fn a_melding_withdrawn_by_the_school_is_withdrawn_not_deleted() {
    for db in regio().await {
        let s = &db.store;
        lever(s, ADMIN, "verzuim.csv", &dag(), false).await.unwrap();
        let later = [
            KOP,
            "DUO-1001;111222333;10AB;00;12-10-2020;05-10-2020;09-10-2020;Luxe verzuim;Vakantie;J;J;M. Mentor;Ingetrokken;;;;",
            "DUO-1002;100000034;30EF;01;12-10-2020;14-09-2020;02-10-2020;16 uur in 4 opeenvolgende lesweken;Onbekend;N;J;;;;;;",
        ]
        .join("\n");
        let v = lever(s, ADMIN, "verzuim-later.csv", &later, false).await.unwrap();
        assert_eq!((gevolg(&v, 2), gevolg(&v, 3)), (&Gevolg::Ingetrokken, &Gevolg::Einddatum));
        let sara = melding_van(s, "DUO-1001").await.unwrap();
        assert_eq!(sara.status, "ingetrokken");
        assert!(!leerspoor_domain::rules::melding::telt(&sara));
        assert_eq!(melding_van(s, "DUO-1002").await.unwrap().verzuim_tot, Some(d("2020-10-02")));
        let log = s
            .vraag(
                "SELECT nieuw FROM wijzigingslog WHERE tabel = 'verzuimmelding' AND sleutel = $1 AND veld = 'status'",
                &[leerspoor_store::rij::tekst(&sara.id)],
                &[leerspoor_store::rij::Type::Tekst],
            )
            .await
            .unwrap();
        assert_eq!(log, vec![vec![leerspoor_store::rij::tekst("ingetrokken")]], "the withdrawal is in the change log");
    }
}

#[tokio::test]
async fn a_delivery_with_bad_rows_is_refused_whole_with_every_error_by_row_and_column() {
    for db in regio().await {
        let s = &db.store;
        let slecht = [
            KOP,
            // Fine on its own: must not be applied when the rest is refused.
            "DUO-2001;111222333;10AB;00;12-10-2020;05-10-2020;09-10-2020;Luxe verzuim;;J;J;;;;;;",
            "DUO-2002;123456789;10AB;00;12-10-2020;05-10-2020;;Luxe verzuim;;J;J;;;;;;",
            "DUO-2003;100000009;99ZZ;00;12-10-2020;05-10-2020;;Luxe verzuim;;J;J;;;;;;",
            "DUO-2004;100000009;20CD;00;12-10-2020;31-09-2020;;Luxe verzuim;;J;J;;;;;;",
            "DUO-2005;100000009;20CD;00;12-10-2020;05-10-2020;;Spijbelen;;J;J;;;;;;",
            "DUO-2006;100000071;20CD;00;12-10-2020;05-10-2020;;Luxe verzuim;;J;J;;;Smit;Eva;;",
            "DUO-2001;100000009;20CD;00;12-10-2020;05-10-2020;;Luxe verzuim;;misschien;J;;;;;;",
        ]
        .join("\n");
        let Err(KoppelFout::Geweigerd { levering, fouten }) = lever(s, ADMIN, "slecht.csv", &slecht, false).await
        else {
            panic!("de levering had geweigerd moeten worden")
        };
        let tekst: Vec<String> = fouten.iter().map(ToString::to_string).collect();
        let heeft = |deel: &str| assert!(tekst.iter().any(|t| t.contains(deel)), "{deel} ontbreekt in {tekst:#?}");
        heeft("rij 3, kolom BSN/Onderwijsnummer: geen geldig BSN");
        heeft("rij 5, kolom Begindatum verzuim: '31-09-2020' is geen bestaande datum");
        heeft("rij 8, kolom Alle lessen gemist: 'misschien' is geen J of N");
        heeft("rij 8, kolom Meldingnummer: dezelfde melding staat ook in rij 2");
        assert!(!tekst.iter().any(|t| t.contains("123456789")), "a BSN is never repeated in a message");
        // The rows read well are then checked against the register, all of them.
        let Err(KoppelFout::Geweigerd { fouten, .. }) = lever(
            s,
            ADMIN,
            "slecht-2.csv",
            &slecht
                .lines()
                .filter(|r| !r.contains(";misschien;") && !r.contains("31-09") && !r.contains("123456789"))
                .collect::<Vec<_>>()
                .join("\n"),
            false,
        )
        .await
        else {
            panic!("de levering had geweigerd moeten worden")
        };
        let tekst: Vec<String> = fouten.iter().map(ToString::to_string).collect();
        let heeft = |deel: &str| assert!(tekst.iter().any(|t| t.contains(deel)), "{deel} ontbreekt in {tekst:#?}");
        heeft("rij 3, kolom BRIN: school 99ZZ staat niet in het register");
        heeft("rij 4, kolom Vermoedelijke soort verzuim: code 'Spijbelen' bestaat niet");
        heeft("rij 5, kolom Geboortedatum: de jongere staat niet in het register");
        assert_eq!(fouten.len(), 3, "{tekst:#?}");
        // Nothing was written but the two refusals in the log, each with its reasons.
        assert!(s.lees::<Verzuimmelding>().await.unwrap().is_empty());
        assert!(s.lees::<Zaak>().await.unwrap().is_empty());
        assert!(s.lees::<DuoMelding>().await.unwrap().is_empty());
        let log: Vec<Levering> = s.lees().await.unwrap();
        assert_eq!(log.iter().filter(|l| l.uitkomst == Uitkomst::Geweigerd).count(), 2);
        let redenen: Vec<LeveringFout> = s.lees_waar("levering", &levering.unwrap()).await.unwrap();
        assert_eq!(redenen.len(), 4);
    }
}

#[tokio::test]
async fn a_trial_run_shows_what_would_happen_and_writes_nothing() {
    for db in regio().await {
        let s = &db.store;
        let v = lever(s, ADMIN, "verzuim.csv", &dag(), true).await.unwrap();
        assert!(v.proef);
        assert_eq!(v.levering.toegepast, 5);
        assert!(s.lees::<Verzuimmelding>().await.unwrap().is_empty());
        assert!(s.lees::<Jongere>().await.unwrap().iter().all(|j| j.achternaam != "Jansen"));
        assert!(s.lees::<Levering>().await.unwrap().is_empty());
        // …and the real run after it does what the trial said.
        assert_eq!(lever(s, ADMIN, "verzuim.csv", &dag(), false).await.unwrap().per_melding, v.per_melding);
    }
}

#[tokio::test]
async fn only_staff_who_may_register_meldingen_may_apply_a_delivery() {
    for db in regio().await {
        let s = &db.store;
        let fout = lever(s, BELEID, "verzuim.csv", &dag(), false).await.unwrap_err();
        assert!(matches!(fout, KoppelFout::Niet(_)), "{fout}");
        assert!(s.lees::<Levering>().await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn where_a_gemeente_does_leerplicht_itself_the_office_keeps_only_the_rmc_meldingen() {
    for db in regio().await {
        let s = &db.store;
        let oud: Gemeente = s.lees_een("GM9902").await.unwrap().unwrap();
        let mut w = s.schrijver("test", "test").await.unwrap();
        w.wijzig(&oud, &Gemeente { leerplicht_lokaal: true, ..oud.clone() }).await.unwrap();
        w.klaar(0).await.unwrap();
        // Milan (13) and Fenna (19, no startkwalificatie) both live in Duinwijk.
        let levering = [
            KOP,
            "DUO-3001;100000046;10AB;00;12-10-2020;21-09-2020;;Signaalverzuim;;J;J;;;Jansen;Milan;03-04-2007;GM9902",
            "DUO-3002;100000083;30EF;01;12-10-2020;21-09-2020;;Signaalverzuim;;J;J;;;Dekker;Fenna;01-01-2001;GM9902",
        ]
        .join("\n");
        let v = lever(s, ADMIN, "duinwijk.csv", &levering, false).await.unwrap();
        assert_eq!(*gevolg(&v, 2), Gevolg::Doorsturen);
        assert_eq!(*gevolg(&v, 3), Gevolg::Geregistreerd { afloop: Afloop::NieuweZaak, nieuwe_jongere: true });
        let fenna = melding_van(s, "DUO-3002").await.unwrap();
        assert_eq!(fenna.soort, "achttien_plus");
    }
}

#[tokio::test]
async fn an_offices_own_koppeltabel_cannot_make_a_required_field_optional() {
    for db in regio().await {
        let s = &db.store;
        let eigen = KOPPELTABEL.replace(
            "brin = { kop = [\"BRIN\", \"Brinnummer\", \"Instellingscode\"], verplicht = true }",
            "brin = { kop = [\"BRIN\"] }",
        );
        assert_ne!(eigen, KOPPELTABEL);
        let tabel = Koppeltabel::lees("eigen.toml", &eigen).unwrap();
        let inhoud = "Meldingnummer;BSN;BRIN;Begindatum verzuim;Vermoedelijke soort verzuim\nDUO-1;111222333;;05-10-2020;Luxe verzuim\n";
        let aanbod = Aanbod { bron: duo_verzuim::BRON, bestand: "eigen.csv", bytes: inhoud.as_bytes() };
        let Err(KoppelFout::Geweigerd { fouten, .. }) =
            duo_verzuim::verwerk(s, &mw(s, ADMIN).await, aanbod, &tabel, d("2020-10-12"), false).await
        else {
            panic!("een lege BRIN had geweigerd moeten worden")
        };
        assert_eq!(
            fouten.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["rij 2, kolom BRIN: leeg, maar verplicht"]
        );
    }
}
