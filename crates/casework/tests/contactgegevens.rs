//! Contact details of Sara and her mother Fatima, on SQLite and PostgreSQL: recorded with the day
//! they are known from and who gave them, a new number ending the old one in the same write, and
//! what may not be recorded writing nothing.
mod common;
use common::*;
use leerspoor_casework::contactgegevens::{self, NieuwContactgegeven};
use leerspoor_casework::{Dossier, Fout};
use leerspoor_domain::Datum;
use leerspoor_domain::model::*;
use leerspoor_store::Store;
use leerspoor_store::rij::{self, Type, Waarde};

fn gegeven(ouder: Option<&str>, soort: ContactSoort, waarde: &str, vanaf: &str) -> NieuwContactgegeven {
    NieuwContactgegeven {
        jongere: SARA.into(),
        ouder: ouder.map(str::to_string),
        soort,
        waarde: waarde.into(),
        vanaf: d(vanaf),
        bron: "moeder, telefonisch".into(),
    }
}

async fn logregels(s: &Store) -> (i64, i64) {
    (s.aantal("wijzigingslog").await.unwrap(), s.aantal("toegangslog").await.unwrap())
}

/// The change-log lines about one record: (handeling, veld, oud, nieuw, gebruiker).
async fn log_van(s: &Store, sleutel: &str) -> Vec<Vec<String>> {
    let rijen = s
        .vraag(
            "SELECT handeling, veld, oud, nieuw, gebruiker FROM wijzigingslog \
             WHERE tabel = 'contactgegeven' AND sleutel = $1 ORDER BY id",
            &[rij::tekst(sleutel)],
            &[Type::Tekst; 5],
        )
        .await
        .unwrap();
    rijen.into_iter().map(|r| r.iter().map(Waarde::als_tekst).collect()).collect()
}

fn invoer(f: Fout) -> (&'static str, String) {
    match f {
        Fout::Invoer { veld, melding } => (veld, melding),
        f => panic!("een invoerfout verwacht, kreeg: {f}"),
    }
}

/// Fatima gave her mobile number in January; in June she calls the administration with a new one.
/// The new number ends the old one on the day it is known from, in the same write, under the name
/// of who recorded it; Sara's own e-mail address and Fatima's preferred language stay as they are.
#[tokio::test]
async fn a_new_number_of_the_mother_ends_her_old_one_in_the_same_write() {
    for db in regio().await {
        let s = &db.store;
        let (lpa, admin) = (mw(s, LPA).await, mw(s, ADMIN).await);
        let oud = contactgegevens::leg_vast(
            s,
            &lpa,
            gegeven(Some(FATIMA), ContactSoort::Telefoon, "06-12345678", "2021-01-04"),
        )
        .await
        .unwrap();
        assert_eq!((oud.waarde.as_str(), oud.medewerker.as_str()), ("+31612345678", LPA), "{}", s.soort());
        let taal = gegeven(Some(FATIMA), ContactSoort::Voorkeurstaal, "Arabisch", "2021-01-04");
        assert_eq!(contactgegevens::leg_vast(s, &lpa, taal).await.unwrap().waarde, "ar");
        let mail = gegeven(None, ContactSoort::Email, "Sara.dV@Ziggo.NL", "2021-03-01");
        assert_eq!(contactgegevens::leg_vast(s, &lpa, mail).await.unwrap().waarde, "Sara.dV@ziggo.nl");

        let nieuw = gegeven(Some(FATIMA), ContactSoort::Telefoon, "+31 6 8765 4321", "2021-06-14");
        let nieuw = contactgegevens::leg_vast(s, &admin, nieuw).await.unwrap();

        let dossier = Dossier::laad(s, SARA).await.unwrap();
        let telefoon: Vec<(&str, Option<Datum>)> = dossier
            .contactgegevens
            .iter()
            .filter(|c| c.soort == ContactSoort::Telefoon)
            .map(|c| (c.waarde.as_str(), c.tot))
            .collect();
        assert_eq!(telefoon.len(), 2);
        assert!(telefoon.contains(&("+31612345678", Some(d("2021-06-14")))), "{telefoon:?}");
        assert!(telefoon.contains(&("+31687654321", None)), "{telefoon:?}");
        assert!(dossier.contactgegevens.iter().filter(|c| c.soort != ContactSoort::Telefoon).all(|c| c.tot.is_none()));
        // Who ended the old number and when, beside who recorded it.
        let log = log_van(s, &oud.id).await;
        assert_eq!(log[0][0], "nieuw");
        assert_eq!(log[0][4], LPA);
        assert_eq!(log[1], ["gewijzigd", "tot", "", "2021-06-14", ADMIN]);
        assert_eq!(log_van(s, &nieuw.id).await.len(), 1);
        let toegang = s.toegang_van(&format!("jongere:{SARA}")).await.unwrap();
        assert_eq!(
            (toegang[0].handeling.as_str(), toegang[0].gebruiker.as_str()),
            ("contactgegeven vastleggen", ADMIN)
        );
    }
}

/// A number with a letter, a parent who is not Sara's, a date before she was born or ahead, the
/// same number again, an older number after a newer one, or a role that keeps no dossier: refused
/// with the field and why, and nothing written, not even in the logs.
#[tokio::test]
async fn what_may_not_be_recorded_writes_nothing() {
    for db in regio().await {
        let s = &db.store;
        let lpa = mw(s, LPA).await;
        let telefoon = |waarde: &str, vanaf: &str| gegeven(Some(FATIMA), ContactSoort::Telefoon, waarde, vanaf);
        contactgegevens::leg_vast(s, &lpa, telefoon("0612345678", "2021-01-04")).await.unwrap();
        let voor = logregels(s).await;

        let (veld, melding) =
            invoer(contactgegevens::leg_vast(s, &lpa, telefoon("06-1234567O", "2021-06-14")).await.unwrap_err());
        assert_eq!((veld, melding.as_str()), ("waarde", "een telefoonnummer bevat geen letters"), "{}", s.soort());
        let (veld, melding) =
            invoer(contactgegevens::leg_vast(s, &lpa, telefoon("06 1234 5678", "2021-06-14")).await.unwrap_err());
        assert_eq!(veld, "waarde");
        assert!(melding.contains("staat al in het dossier, sinds 2021-01-04"), "{melding}");
        let (veld, melding) =
            invoer(contactgegevens::leg_vast(s, &lpa, telefoon("0687654321", "2020-12-01")).await.unwrap_err());
        assert_eq!(veld, "vanaf");
        assert!(melding.contains("er is al een nieuwer gegeven"), "{melding}");
        // Sara was born on 14 March 2008.
        let (veld, _) =
            invoer(contactgegevens::leg_vast(s, &lpa, telefoon("0687654321", "2008-03-13")).await.unwrap_err());
        assert_eq!(veld, "vanaf");
        let morgen = (chrono::Local::now().date_naive() + chrono::Days::new(1)).to_string();
        let (veld, _) = invoer(contactgegevens::leg_vast(s, &lpa, telefoon("0687654321", &morgen)).await.unwrap_err());
        assert_eq!(veld, "vanaf");
        let geen_bron = NieuwContactgegeven { bron: " ".into(), ..telefoon("0687654321", "2021-06-14") };
        assert_eq!(invoer(contactgegevens::leg_vast(s, &lpa, geen_bron).await.unwrap_err()).0, "bron");
        // Fatima is Sara's mother, not Daan's.
        let bij_daan = NieuwContactgegeven { jongere: DAAN.into(), ..telefoon("0687654321", "2021-06-14") };
        match contactgegevens::leg_vast(s, &lpa, bij_daan).await.unwrap_err() {
            Fout::Onbekend { wat, .. } => assert_eq!(wat, "ouder"),
            f => panic!("{f}"),
        }
        match contactgegevens::leg_vast(s, &mw(s, BELEID).await, telefoon("0687654321", "2021-06-14"))
            .await
            .unwrap_err()
        {
            Fout::Weigering(w) => assert_eq!(w.regel, "rollen: contactgegevens"),
            f => panic!("{f}"),
        }
        assert_eq!(logregels(s).await, voor, "nothing written");
        let dossier = Dossier::laad(s, SARA).await.unwrap();
        assert_eq!(dossier.contactgegevens.len(), 1);
    }
}

/// Sara's e-mail address bounces: the administration ends it. Not before it was known, not
/// twice, and not through Daan's dossier.
#[tokio::test]
async fn an_address_that_bounces_is_ended_and_stays_visible() {
    for db in regio().await {
        let s = &db.store;
        let admin = mw(s, ADMIN).await;
        let mail =
            contactgegevens::leg_vast(s, &admin, gegeven(None, ContactSoort::Email, "sara@ziggo.nl", "2021-03-01"))
                .await
                .unwrap();
        let voor = logregels(s).await;
        let (veld, melding) =
            invoer(contactgegevens::beeindig(s, &admin, SARA, &mail.id, d("2021-02-28")).await.unwrap_err());
        assert_eq!(veld, "tot", "{}", s.soort());
        assert!(melding.contains("vóór de dag dat het gegeven bekend werd"), "{melding}");
        match contactgegevens::beeindig(s, &admin, DAAN, &mail.id, d("2021-06-14")).await.unwrap_err() {
            Fout::Onbekend { wat, .. } => assert_eq!(wat, "contactgegeven"),
            f => panic!("{f}"),
        }
        assert_eq!(logregels(s).await, voor, "nothing written");

        let beeindigd = contactgegevens::beeindig(s, &admin, SARA, &mail.id, d("2021-06-14")).await.unwrap();
        assert_eq!(beeindigd.tot, Some(d("2021-06-14")));
        let (veld, melding) =
            invoer(contactgegevens::beeindig(s, &admin, SARA, &mail.id, d("2021-06-15")).await.unwrap_err());
        assert_eq!((veld, melding.as_str()), ("tot", "dit gegeven geldt al niet meer sinds 2021-06-14"));
        let dossier = Dossier::laad(s, SARA).await.unwrap();
        assert_eq!(dossier.contactgegevens, [beeindigd], "kept, with its end");
        let toegang = s.toegang_van(&format!("jongere:{SARA}")).await.unwrap();
        assert_eq!(toegang[0].handeling, "contactgegeven beëindigen");
    }
}
