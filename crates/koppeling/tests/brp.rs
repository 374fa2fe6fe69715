//! The BRP check in Zuidkust (the casework stories' region), against SQLite and PostgreSQL, with the
//! local BRP that holds the client to the published contract.
#[path = "../../casework/tests/common/mod.rs"]
mod common;
use common::*;
use leerspoor_brp::client::{Brp, BrpInstellingen};
use leerspoor_brp::persoon::{BrpGezag, BrpOuder, Gezaghebber};
use leerspoor_brp::proefserver::{Proefpersoon, Proefserver};
use leerspoor_domain::Bsn;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{Gezinsrelatie, Jongere, Ouder, OuderRelatie, Woonadres};
use leerspoor_koppeling::brp::{self as koppeling, Verschil, Voorstellen, Wie, huisgenoten};
use leerspoor_koppeling::logboek::KoppelFout;
use leerspoor_koppeling::records::BrpVerzoek;
use leerspoor_store::toegang::Herkomst;

/// The day the tests run on, whatever the machine's clock says: Emma (2012) is a minor on it.
const VANDAAG: &str = "2026-12-06";

async fn controleer(
    s: &leerspoor_store::Store,
    brp: &Brp,
    door: &leerspoor_domain::model::Medewerker,
    wie: &Wie,
    voortgang: &(dyn Fn(usize, usize) + Sync),
) -> Result<koppeling::BrpControle, KoppelFout> {
    koppeling::controleer(s, brp, door, wie, d(VANDAAG), voortgang).await
}

async fn voorstellen(
    s: &leerspoor_store::Store,
    brp: &Brp,
    door: &leerspoor_domain::model::Medewerker,
    h: &Herkomst,
    jongere: &str,
) -> Result<Voorstellen, KoppelFout> {
    koppeling::voorstellen(s, brp, door, h, jongere, d(VANDAAG)).await
}

async fn neem_over(
    s: &leerspoor_store::Store,
    brp: &Brp,
    door: &leerspoor_domain::model::Medewerker,
    h: &Herkomst,
    jongere: &str,
    kenmerken: &[String],
) -> Result<usize, KoppelFout> {
    koppeling::neem_over(s, brp, door, h, jongere, kenmerken, d(VANDAAG)).await
}

const MARJA: &str = "100000046";
const JOOST: &str = "100000058";

/// Emma's parents in the BRP: Marja and Joost, both with gezag.
fn ouders_van_emma() -> (Vec<BrpOuder>, BrpGezag) {
    let ouder = |bsn, voornamen: &str, geslacht: &str| BrpOuder {
        bsn: Bsn::parse(bsn).ok(),
        voornamen: voornamen.into(),
        voorvoegsel: "de".into(),
        geslachtsnaam: "Vries".into(),
        geslacht: geslacht.into(),
        in_onderzoek: false,
    };
    let hebber = |bsn, naam: &str| Gezaghebber { bsn: Bsn::parse(bsn).ok(), naam: naam.into() };
    (
        vec![ouder(MARJA, "Marja", "V"), ouder(JOOST, "Joost", "M")],
        BrpGezag::GezamenlijkOuderlijk(vec![hebber(MARJA, "Marja de Vries"), hebber(JOOST, "Joost de Vries")]),
    )
}

/// Sara lives where the register says; Daan moved on 1 February 2021; Kevin died; Lieke is not in
/// this BRP at all; Emma (14) lives where the register says, with parents it does not have.
async fn brp() -> Proefserver {
    brp_met(|_| {}).await
}

/// The same, with Emma's answer changed by `emma`.
async fn brp_met(emma_anders: impl FnOnce(&mut serde_json::Value)) -> Proefserver {
    let persoon = |bsn, voornamen, geboren, overleden: Option<&str>, adres| Proefpersoon {
        bsn,
        voornamen,
        voorvoegsel: "de",
        geslachtsnaam: "Vries",
        geboren: d(geboren),
        overleden: overleden.map(d),
        adres,
        ouders: Vec::new(),
        gezag: None,
    };
    let personen = [
        persoon(
            "111222333",
            "Sara",
            "2008-03-14",
            None,
            ("Strandweg", 1, "9901AA", "Zandvoorde", "9901", d("2008-03-14")),
        ),
        persoon(
            "123456782",
            "Daan",
            "2004-05-20",
            None,
            ("Duinpad", 4, "9901BB", "Zandvoorde", "9901", d("2021-02-01")),
        ),
        // Sara's mother, whom the register does not know.
        persoon(
            "100000046",
            "Marja",
            "1980-05-05",
            None,
            ("Strandweg", 1, "9901AA", "Zandvoorde", "9901", d("2008-03-14")),
        ),
        persoon(
            "100000022",
            "Kevin",
            "1996-02-02",
            Some("2020-10-13"),
            ("Strandweg", 5, "9901AA", "Zandvoorde", "9901", d("2000-01-01")),
        ),
    ];
    let (ouders, gezag) = ouders_van_emma();
    let emma = Proefpersoon {
        ouders,
        gezag: Some(gezag),
        ..persoon(
            "100000010",
            "Emma",
            "2012-09-01",
            None,
            ("Strandweg", 4, "9901AA", "Zandvoorde", "9901", d("2012-09-01")),
        )
    };
    let mut emma = emma.json();
    emma_anders(&mut emma);
    let mut alle: Vec<serde_json::Value> = personen.iter().map(Proefpersoon::json).collect();
    alle.push(emma);
    Proefserver::start(alle, "sleutel").await.unwrap()
}

fn client(url: &str) -> Brp {
    Brp::nieuw(BrpInstellingen {
        url: url.into(),
        api_key: "sleutel".into(),
        certificaat: None,
        ca: None,
        per_seconde: 100.0,
        time_out: std::time::Duration::from_secs(5),
    })
    .unwrap()
}

#[tokio::test]
async fn the_brp_check_names_every_difference_and_clears_the_list_of_whom_it_confirms() {
    for db in regio().await {
        let s = &db.store;
        let server = brp().await;
        let mut w = s.schrijver(ADMIN, "test").await.unwrap();
        for jongere in [SARA, DAAN] {
            w.nieuw(&BrpVerzoek {
                jongere: jongere.into(),
                sinds: d("2021-03-01"),
                reden: "nieuw".into(),
                levering: None,
            })
            .await
            .unwrap();
        }
        w.vastleggen("test", "brp").await.unwrap();

        let c = controleer(s, &client(&server.url), &mw(s, ADMIN).await, &Wie::Alle { vanaf: None }, &|_, _| {})
            .await
            .unwrap();
        assert_eq!(server.afwijkingen(), Vec::<String>::new(), "the client kept to the contract");
        assert_eq!(c.gevraagd, 6);
        assert!(!c.verschillen.contains_key(SARA), "{:?}", c.verschillen.get(SARA));
        assert_eq!(
            c.verschillen[DAAN],
            [Verschil::Adres {
                register: "9901AA 2 (GM9901)".into(),
                brp: "9901BB 4 (GM9901)".into(),
                sinds: Some(d("2021-02-01"))
            }]
        );
        assert_eq!(c.verschillen[KEVIN], [Verschil::Overleden { register: None, brp: Some(d("2020-10-13")) }]);
        assert_eq!(c.verschillen[LIEKE], [Verschil::NietInBrp]);
        // Sara is confirmed and leaves the list; Daan stays until his address is corrected.
        assert_eq!(c.van_de_lijst, 1);
        let lijst: Vec<BrpVerzoek> = s.lees().await.unwrap();
        assert_eq!(lijst.iter().map(|v| v.jongere.as_str()).collect::<Vec<_>>(), [DAAN]);
        // Each youth asked about has a line of its own in the access log.
        let log = s.toegang_van(&format!("jongere:{LIEKE}")).await.unwrap();
        assert_eq!((log[0].handeling.as_str(), log[0].gebruiker.as_str()), ("brp raadplegen", ADMIN));
    }
}

#[tokio::test]
async fn a_beleidsmedewerker_may_not_consult_the_brp_and_an_unknown_youth_is_said() {
    for db in regio().await {
        let s = &db.store;
        let server = brp().await;
        let brp = client(&server.url);
        assert!(controleer(s, &brp, &mw(s, BELEID).await, &Wie::Alle { vanaf: None }, &|_, _| {}).await.is_err());
        let fout =
            controleer(s, &brp, &mw(s, ADMIN).await, &Wie::Jongere("J-NIEMAND".into()), &|_, _| {}).await.unwrap_err();
        assert_eq!(fout.to_string(), "jongere 'J-NIEMAND' bestaat niet");
        assert_eq!(server.verzoeken(), 0, "nothing asked of the BRP");
        // The BRP is down at the first request: an error, and the access log says it failed.
        server.storing(&[503; 4]);
        let fout = controleer(s, &brp, &mw(s, ADMIN).await, &Wie::Alle { vanaf: None }, &|_, _| {}).await.unwrap_err();
        assert!(fout.to_string().starts_with("BRP niet bereikbaar"), "{fout}");
        // Each youth whose number went out has a line of her own.
        assert_eq!(s.toegang_van(&format!("jongere:{SARA}")).await.unwrap()[0].resultaat, "mislukt");
    }
}

/// BRP bijwerken: the employee sees the BRP's differences as proposals and takes over what she
/// chooses; the register then says what the BRP says, dated, and the proposal is gone.
#[tokio::test]
async fn a_move_and_a_death_the_brp_knows_are_taken_over_dated_and_an_unknown_bsn_cannot_be() {
    for db in regio().await {
        let s = &db.store;
        let server = brp().await;
        let brp = client(&server.url);
        let admin = mw(s, ADMIN).await;
        let v = voorstellen(s, &brp, &admin, &Herkomst::default(), DAAN).await.unwrap();
        let [verhuisd] = &v.voorstellen[..] else { panic!("{:?}", v.voorstellen) };
        assert_eq!(verhuisd.bezwaar, None);
        assert_eq!(
            neem_over(s, &brp, &admin, &Herkomst::default(), DAAN, std::slice::from_ref(&verhuisd.kenmerk))
                .await
                .unwrap(),
            1
        );
        let mut adressen: Vec<Woonadres> = s.lees_waar("jongere", DAAN).await.unwrap();
        adressen.sort_by_key(|a| a.begindatum);
        let [.., oud, nieuw] = &adressen[..] else { panic!("{adressen:?}") };
        assert_eq!(oud.einddatum, Some(d("2021-01-31")));
        assert_eq!(
            (nieuw.straat.as_str(), nieuw.huisnummer.as_str(), nieuw.begindatum),
            ("Duinpad", "4", d("2021-02-01"))
        );
        assert_eq!(nieuw.einddatum, None);
        assert!(
            voorstellen(s, &brp, &admin, &Herkomst::default(), DAAN).await.unwrap().voorstellen.is_empty(),
            "the register agrees now"
        );
        // The same proposal again: the BRP no longer makes it.
        let fout = neem_over(s, &brp, &admin, &Herkomst::default(), DAAN, std::slice::from_ref(&verhuisd.kenmerk))
            .await
            .unwrap_err();
        assert!(fout.to_string().starts_with("de BRP zegt inmiddels iets anders"), "{fout}");
        assert_eq!(
            s.toegang_van(&format!("jongere:{DAAN}"))
                .await
                .unwrap()
                .iter()
                .filter(|t| t.handeling == "brp bijwerken")
                .count(),
            1
        );

        let kevin = voorstellen(s, &brp, &admin, &Herkomst::default(), KEVIN).await.unwrap();
        let kenmerken: Vec<String> = kevin.voorstellen.iter().map(|v| v.kenmerk.clone()).collect();
        neem_over(s, &brp, &admin, &Herkomst::default(), KEVIN, &kenmerken).await.unwrap();
        let kevin: Jongere = s.lees_een(KEVIN).await.unwrap().unwrap();
        assert_eq!(kevin.overlijdensdatum, Some(d("2020-10-13")));

        // Lieke's BSN is unknown to the BRP: said, but nothing to take over.
        let lieke = voorstellen(s, &brp, &admin, &Herkomst::default(), LIEKE).await.unwrap();
        assert_eq!(lieke.voorstellen[0].verschil, Verschil::NietInBrp);
        assert!(lieke.voorstellen[0].bezwaar.is_some());
        assert!(
            neem_over(s, &brp, &admin, &Herkomst::default(), LIEKE, &[lieke.voorstellen[0].kenmerk.clone()])
                .await
                .is_err()
        );
        assert!(neem_over(s, &brp, &admin, &Herkomst::default(), LIEKE, &[]).await.is_err());
        assert!(
            voorstellen(s, &brp, &mw(s, BELEID).await, &Herkomst::default(), SARA).await.is_err(),
            "a beleidsmedewerker may not"
        );
    }
}

/// Who lives with Sara according to the BRP: her mother too, whom the register does not know;
/// asked in the access log, kept nowhere.
#[tokio::test]
async fn the_household_at_a_youths_address_is_found_in_the_brp() {
    for db in regio().await {
        let s = &db.store;
        let server = brp().await;
        let admin = mw(s, ADMIN).await;
        let (adres, thuis) = huisgenoten(s, &client(&server.url), &admin, &Herkomst::default(), SARA).await.unwrap();
        assert_eq!(adres, "9901AA 1 (GM9901)");
        assert_eq!(thuis.iter().map(|h| h.naam.as_str()).collect::<Vec<_>>(), ["Marja de Vries", "Sara de Vries"]);
        assert_eq!(s.toegang_van(&format!("jongere:{SARA}")).await.unwrap()[0].handeling, "brp zoeken op adres");
        assert!(server.afwijkingen().is_empty(), "{:?}", server.afwijkingen());
        let beleid = huisgenoten(s, &client(&server.url), &mw(s, BELEID).await, &Herkomst::default(), SARA).await;
        assert!(beleid.is_err());
    }
}

/// Emma's relations (mother first) and the number of parent records in the register.
async fn gezin(s: &leerspoor_store::Store) -> (Vec<Gezinsrelatie>, usize) {
    let mut r: Vec<Gezinsrelatie> = s.lees_waar("jongere", EMMA).await.unwrap();
    r.sort_by_key(|r| r.relatie.code());
    (r, s.lees::<Ouder>().await.unwrap().len())
}

/// Emma's parents from the BRP: Marja new to the register, Joost known as Daan's father and linked
/// as that record; once, however often the form is sent. Then gezag the register lost is set again.
#[tokio::test]
async fn parents_the_brp_names_are_linked_once_with_their_gezag_and_gezag_is_set_again() {
    for db in regio().await {
        let s = &db.store;
        let server = brp().await;
        let brp = client(&server.url);
        let admin = mw(s, ADMIN).await;
        let h = Herkomst::default();
        let joost = Ouder {
            id: "O-JOOST".into(),
            bsn: Bsn::parse(JOOST).ok(),
            voornamen: "Joost".into(),
            tussenvoegsel: "de".into(),
            achternaam: "Vries".into(),
            telefoon: String::new(),
            email: String::new(),
        };
        let mut w = s.schrijver(ADMIN, "test").await.unwrap();
        w.nieuw(&joost).await.unwrap();
        w.nieuw(&Gezinsrelatie {
            jongere: DAAN.into(),
            ouder: joost.id.clone(),
            relatie: OuderRelatie::Vader,
            gezag: false,
        })
        .await
        .unwrap();
        w.vastleggen("test", "gezin").await.unwrap();

        let v = voorstellen(s, &brp, &admin, &h, EMMA).await.unwrap();
        assert_eq!(
            v.voorstellen.iter().map(|p| (p.verschil.omschrijving(), p.bezwaar.clone())).collect::<Vec<_>>(),
            [
                ("ouder volgens de BRP: Marja de Vries (moeder, met gezag) (nieuw)".to_string(), None),
                (
                    "ouder volgens de BRP: Joost de Vries (vader, met gezag) (in het register bij een andere jongere)"
                        .to_string(),
                    None
                ),
            ]
        );
        let kenmerken: Vec<String> = v.voorstellen.iter().map(|p| p.kenmerk.clone()).collect();
        let log = s.aantal("wijzigingslog").await.unwrap();
        assert_eq!(neem_over(s, &brp, &admin, &h, EMMA, &kenmerken).await.unwrap(), 2);
        let (relaties, ouders) = gezin(s).await;
        // In the change log exactly: Marja's new record and Emma's two relations, by the employee.
        assert_eq!(s.aantal("wijzigingslog").await.unwrap(), log + 3);
        let marja_id = relaties[0].ouder.clone();
        let rijen = s
            .wijzigingen_van(&[
                ("ouder", &marja_id),
                ("gezinsrelatie", &format!("{EMMA}/{marja_id}")),
                ("gezinsrelatie", &format!("{EMMA}/O-JOOST")),
            ])
            .await
            .unwrap();
        assert_eq!(
            rijen.iter().map(|w| (w.tabel.as_str(), w.handeling.as_str(), w.gebruiker.as_str())).collect::<Vec<_>>(),
            [("ouder", "nieuw", ADMIN), ("gezinsrelatie", "nieuw", ADMIN), ("gezinsrelatie", "nieuw", ADMIN)]
        );
        assert!(rijen.iter().all(|w| w.veld.is_none()));
        assert_eq!(ouders, 3, "Fatima, Joost, and Marja new");
        let [moeder, vader] = &relaties[..] else { panic!("{relaties:?}") };
        assert_eq!((moeder.relatie, moeder.gezag), (OuderRelatie::Moeder, true));
        assert_eq!((vader.ouder.as_str(), vader.relatie, vader.gezag), ("O-JOOST", OuderRelatie::Vader, true));
        let marja: Ouder = s.lees_een(&moeder.ouder).await.unwrap().unwrap();
        assert_eq!(
            (marja.voornamen.as_str(), marja.tussenvoegsel.as_str(), marja.achternaam.as_str()),
            ("Marja", "de", "Vries")
        );
        // The form sent again (a double click): refused, and nothing linked twice.
        let log = s.aantal("wijzigingslog").await.unwrap();
        assert!(neem_over(s, &brp, &admin, &h, EMMA, &kenmerken).await.is_err());
        assert_eq!(gezin(s).await, (relaties.clone(), 3));
        assert_eq!(s.aantal("wijzigingslog").await.unwrap(), log);
        assert!(voorstellen(s, &brp, &admin, &h, EMMA).await.unwrap().voorstellen.is_empty(), "the register agrees");

        // Joost's gezag taken away in the register by mistake: the BRP sets it again.
        let mut w = s.schrijver(ADMIN, "test").await.unwrap();
        w.wijzig(vader, &Gezinsrelatie { gezag: false, ..vader.clone() }).await.unwrap();
        w.vastleggen("test", "gezin").await.unwrap();
        let v = voorstellen(s, &brp, &admin, &h, EMMA).await.unwrap();
        let [gezag] = &v.voorstellen[..] else { panic!("{:?}", v.voorstellen) };
        assert!(matches!(gezag.verschil, Verschil::Gezag { register: false, brp: true, .. }), "{gezag:?}");
        neem_over(s, &brp, &admin, &h, EMMA, std::slice::from_ref(&gezag.kenmerk)).await.unwrap();
        assert_eq!(gezin(s).await, (relaties, 3));
        assert_eq!(server.afwijkingen(), Vec::<String>::new(), "the client kept to the contract");
    }
}

/// Family data Leerspoor cannot read (a parent whose number fails the elfproef, gezag that leaves
/// out whom it is about: both within the contract) stops neither the request of 20 nor the check of
/// Emma herself: her address is compared, and the family is shown as unreadable.
#[tokio::test]
async fn unreadable_family_data_stops_neither_the_check_nor_the_person() {
    for db in regio().await {
        let s = &db.store;
        let server = brp_met(|emma| {
            emma["ouders"][1]["burgerservicenummer"] = "123456789".into();
            emma["gezag"] = serde_json::json!([{"type": "EenhoofdigOuderlijkGezag",
                "minderjarige": {"burgerservicenummer": "100000010"}}]);
            emma["verblijfplaats"]["verblijfadres"]["huisnummer"] = 6.into();
            emma["verblijfplaats"]["datumVan"] = leerspoor_brp::proefserver::datum(d("2026-01-01"));
        })
        .await;
        let admin = mw(s, ADMIN).await;
        let c = controleer(s, &client(&server.url), &admin, &Wie::Alle { vanaf: None }, &|_, _| {}).await.unwrap();
        assert_eq!(server.afwijkingen(), Vec::<String>::new(), "within the contract");
        assert_eq!(c.gevraagd, 6);
        assert_eq!(c.onderbroken, None);
        assert_eq!(c.verschillen[KEVIN], [Verschil::Overleden { register: None, brp: Some(d("2020-10-13")) }]);
        let emma = &c.verschillen[EMMA];
        assert!(matches!(&emma[0], Verschil::Adres { brp, .. } if brp == "9901AA 6 (GM9901)"), "{emma:?}");
        assert!(
            emma.contains(&Verschil::OuderOnleesbaar {
                reden: "ouders[1].burgerservicenummer: geen geldig BSN".into()
            })
        );
        assert!(emma.contains(&Verschil::GezagOnleesbaar { reden: "gezag[0].ouder: de BRP noemt niet wie".into() }));
        // In BRP bijwerken: the address to take over, the family only shown, Marja not without
        // gezag the BRP did not say.
        let v = voorstellen(s, &client(&server.url), &admin, &Herkomst::default(), EMMA).await.unwrap();
        let over: Vec<(&str, bool)> = v.voorstellen.iter().map(|p| (p.verschil.soort(), p.bezwaar.is_none())).collect();
        assert_eq!(over, [("adres", true), ("ouder onleesbaar", false), ("ouder", false), ("gezag onleesbaar", false)]);
        let adres = v.voorstellen[0].kenmerk.clone();
        assert_eq!(neem_over(s, &client(&server.url), &admin, &Herkomst::default(), EMMA, &[adres]).await.unwrap(), 1);
        assert_eq!(gezin(s).await, (vec![], 1), "no parent linked (Fatima, the one there was)");
    }
}

/// Between the proposals and their taking over a colleague links Marja to Emma's brother Daan, as
/// a new record: the write reads the register again and takes nothing over (Marja would otherwise
/// be in the register twice).
#[tokio::test]
async fn a_parent_made_in_between_by_a_colleague_makes_the_write_take_nothing_over() {
    for db in regio().await {
        let s = &db.store;
        let server = brp().await;
        let brp = client(&server.url);
        let admin = mw(s, ADMIN).await;
        let v = voorstellen(s, &brp, &admin, &Herkomst::default(), EMMA).await.unwrap();
        let kenmerken: Vec<String> = v.voorstellen.iter().map(|p| p.kenmerk.clone()).collect();
        assert_eq!(kenmerken.len(), 2);
        let marja = Ouder {
            id: "O-MARJA".into(),
            bsn: Bsn::parse(MARJA).ok(),
            voornamen: "Marja".into(),
            tussenvoegsel: "de".into(),
            achternaam: "Vries".into(),
            telefoon: String::new(),
            email: String::new(),
        };
        let mut w = s.schrijver(ADMIN, "test").await.unwrap();
        w.nieuw(&marja).await.unwrap();
        w.nieuw(&Gezinsrelatie {
            jongere: DAAN.into(),
            ouder: marja.id.clone(),
            relatie: OuderRelatie::Moeder,
            gezag: true,
        })
        .await
        .unwrap();
        w.vastleggen("test", "gezin").await.unwrap();
        let log = s.aantal("wijzigingslog").await.unwrap();
        let fout = koppeling::neem_voorstellen_over(s, &admin, &v, &kenmerken).await.unwrap_err();
        assert_eq!(fout.to_string(), "het register is intussen gewijzigd: vraag de voorstellen opnieuw op");
        assert_eq!(gezin(s).await, (vec![], 2), "nothing linked, no second Marja");
        assert_eq!(s.aantal("wijzigingslog").await.unwrap(), log);
        // Asked again, Marja is proposed as the record the register has now.
        let v = voorstellen(s, &brp, &admin, &Herkomst::default(), EMMA).await.unwrap();
        assert!(matches!(&v.voorstellen[0].verschil, Verschil::Ouder { bestaand: Some(id), .. } if id == "O-MARJA"));
    }
}
