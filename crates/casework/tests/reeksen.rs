//! Letters in batches (docs/brieven.md "Reeksen"), told against SQLite and PostgreSQL: the
//! zomeractie letter to the oud-VSV-ers and the announcement of vrijstellingen that end. The
//! typesetter writes the fields as JSON, so each test reads what a template would get.
mod common;
use common::*;
use leerspoor_casework::brieven::reeks::{self, Reeksverzoek};
use leerspoor_casework::brieven::{self, Zetopdracht};
use leerspoor_casework::vrijstellingen::{self, Besluit};
use leerspoor_casework::{Fout, vsv};
use leerspoor_domain::model::*;
use leerspoor_domain::onderwijs::{Niveau, Onderwijssoort};
use leerspoor_domain::rules::brief::BriefSoort;
use leerspoor_store::Store;
use serde_json::Value;

fn als_json(o: &Zetopdracht) -> Result<Vec<u8>, String> {
    serde_json::to_vec(o.velden).map_err(|e| e.to_string())
}

/// Stands in for the PDF merge: the letters one after the other, one page each.
fn aan_elkaar(pdfs: &[&[u8]]) -> Result<(Vec<u8>, Vec<usize>), String> {
    Ok((pdfs.concat(), vec![1; pdfs.len()]))
}

/// Makes the batch as the web page and the CLI do: fields, typesetting, one transaction.
async fn maak(s: &Store, door: &str, r: &Reeksverzoek, vandaag: &str) -> leerspoor_casework::Result<reeks::Voorstel> {
    let door = mw(s, door).await;
    let voorstel = reeks::stel_op(s, &door, r, d(vandaag)).await?;
    let gezet = brieven::zet(&s.sjablonen().await?, voorstel.opgesteld.clone(), &als_json)?;
    reeks::leg_vast(s, &door, gezet).await?;
    Ok(voorstel)
}

/// Daan left the Duinlyceum on 31 July 2020 with a vmbo-kb diploma, no startkwalificatie.
async fn daan_uitgevallen(s: &Store) {
    let n = vsv::NieuweVsv {
        jongere: DAAN.into(),
        uitvaldatum: d("2020-08-01"),
        bron: VsvBron::School,
        onderwijssoort: Onderwijssoort::Vo,
        niveau: Some(Niveau::VmboKb),
        brin: Some(DUINLYCEUM.0.into()),
    };
    vsv::registreer(s, &mw(s, RMC).await, n).await.unwrap();
}

fn zomeractie(datum: &str) -> Reeksverzoek {
    Reeksverzoek { soort: BriefSoort::Zomeractie, datum: d(datum), gemeente: None, einde_tot: None }
}

/// The zomeractie writes to who will be oud-VSV on the coming 1 October unless they enrol. Leaving on
/// 31 July 2020 makes Daan a drop-out of the schooljaar 2020/21 (from 1 August), not oud-VSV on
/// 1 October 2020; towards 1 October 2021 he is, at 17, so the letter goes to his parents and him —
/// none with gezag is registered, so he is skipped with the reason; in 2022, at 18, to him alone.
#[tokio::test]
async fn the_zomeractie_writes_to_every_oud_vsv_er_once_a_schooljaar() {
    for db in regio().await {
        let s = &db.store;
        daan_uitgevallen(s).await;
        let rik = mw(s, RMC).await;
        let nieuw = reeks::kandidaten(s, &rik, &zomeractie("2020-09-15"), d("2020-09-15")).await.unwrap();
        assert!(nieuw.is_empty(), "{nieuw:?}");
        let zeventien = reeks::stel_op(s, &rik, &zomeractie("2021-06-15"), d("2021-06-15")).await.unwrap();
        assert!(zeventien.opgesteld.is_empty());
        let [zonder_ouders] = zeventien.overgeslagen.as_slice() else { panic!("{:?}", zeventien.overgeslagen) };
        assert_eq!(zonder_ouders.kandidaat.jongere, DAAN);
        assert!(zonder_ouders.reden.contains("met gezag"), "{}", zonder_ouders.reden);
        // Who was shown is in the access log on the youth: her inzage shows it.
        let getoond = s.toegang_van(&format!("jongere:{DAAN}")).await.unwrap();
        assert!(getoond.iter().any(|r| r.handeling == "reeks samengesteld"), "{getoond:?}");

        let voorstel = maak(s, RMC, &zomeractie("2022-06-15"), "2022-06-15").await.unwrap();
        assert!(voorstel.overgeslagen.is_empty(), "{:?}", voorstel.overgeslagen);
        assert_eq!(voorstel.opgesteld.len(), 1);
        let documenten = brieven::van_jongere(s, DAAN).await.unwrap();
        let [brief] = documenten.as_slice() else { panic!("{documenten:?}") };
        assert_eq!((brief.ontvanger, brief.reeks.as_ref()), (Geadresseerde::Jongere, Some(&voorstel.reeks)));
        assert_eq!(brief.adres, ["Daan de Vries", "Strandweg 2", "9901AA  Zandvoorde"]);
        let (_, inhoud) = brieven::inhoud(s, &brief.id).await.unwrap();
        let v: Value = serde_json::from_slice(&inhoud).unwrap();
        assert_eq!(v["uitval"]["datum"], "1 augustus 2020");
        assert_eq!(v["uitval"]["school"], "Duinlyceum, Zandvoorde");
        assert_eq!(v["afzender"]["naam"], "Rik Rmc", "signed by who makes the batch");

        // Made again towards the same 1 October, also after 1 August: Daan had his letter.
        for datum in ["2022-07-01", "2022-08-01"] {
            let nogmaals = reeks::stel_op(s, &rik, &zomeractie(datum), d(datum)).await.unwrap();
            assert!(nogmaals.opgesteld.is_empty() && nogmaals.overgeslagen.is_empty(), "{datum}");
        }
        // Two batches composed before either is stored (a double click): the second stores nothing.
        let tweede = reeks::stel_op(s, &rik, &zomeractie("2023-06-15"), d("2023-06-15")).await.unwrap();
        let derde = reeks::stel_op(s, &rik, &zomeractie("2023-06-15"), d("2023-06-15")).await.unwrap();
        for (v, n) in [(tweede, 1), (derde, 0)] {
            let gezet = brieven::zet(&[], v.opgesteld, &als_json).unwrap();
            assert_eq!(reeks::leg_vast(s, &rik, gezet).await.unwrap().len(), n);
        }
        let gemeenten = Reeksverzoek { gemeente: Some("0363".into()), ..zomeractie("2023-06-15") };
        let fout = reeks::kandidaten(s, &rik, &gemeenten, d("2023-06-15")).await.unwrap_err();
        assert!(matches!(fout, Fout::Invoer { veld: "gemeente", .. }), "{fout}");
        // Another gemeente's batch does not hold him.
        let elders = Reeksverzoek { gemeente: Some("GM9902".into()), ..zomeractie("2022-09-01") };
        assert!(reeks::kandidaten(s, &rik, &elders, d("2022-09-01")).await.unwrap().is_empty());

        let overzicht = reeks::reeksen(s).await.unwrap();
        assert_eq!(overzicht.len(), 2);
        let eerste = overzicht.iter().find(|r| r.id == voorstel.reeks).unwrap();
        assert_eq!((eerste.brieven, eerste.soort), (1, BriefSoort::Zomeractie));
        let afdruk = reeks::stukken(s, &rik, &voorstel.reeks).await.unwrap().afdruk(&aan_elkaar).unwrap();
        assert_eq!(afdruk.pdf, inhoud);
        let csv = String::from_utf8(afdruk.csv).unwrap();
        assert_eq!(
            csv.trim_start_matches('\u{feff}').lines().collect::<Vec<_>>(),
            [
                "volgnummer;kenmerk;brief;eerste pagina;pagina's;naam;adres;postcode en plaats",
                &format!("1;{};Zomeractie oud-VSV;1;1;Daan de Vries;Strandweg 2;9901AA  Zandvoorde", brief.id),
            ]
        );
        // The print file holds every letter: in the access log, and not for a beleidsmedewerker.
        let gelogd = s.toegang_van(&format!("document:{}", brief.id)).await.unwrap();
        assert!(gelogd.iter().any(|r| r.handeling == "reeks afgedrukt" && r.gebruiker == RMC), "{gelogd:?}");
        for rol in [BELEID, ADMIN] {
            let fout = reeks::stukken(s, &mw(s, rol).await, &voorstel.reeks).await.err().unwrap();
            assert!(matches!(fout, Fout::Weigering(_)), "{rol}: {fout}");
        }
        assert!(matches!(reeks::stukken(s, &rik, "R-BESTAATNIET").await.err().unwrap(), Fout::Onbekend { .. }));
    }
}

/// Emma's vrijstelling (art. 5 sub a) ends on 31 July 2022; at nine she is leerplichtig after, so
/// her parents hear in time that she must be enrolled again, or that they can ask anew.
#[tokio::test]
async fn a_vrijstelling_that_ends_is_announced_to_the_parents_unless_renewed() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let v = vrijstellingen::vraag_aan(s, &anna, emma_aanvraag()).await.unwrap();
        let besluit = Besluit {
            toekennen: true,
            besluitdatum: d("2021-03-15"),
            geldig_van: Some(d("2021-04-01")),
            geldig_tot: Some(d("2022-07-31")),
            toelichting: String::new(),
        };
        vrijstellingen::besluit(s, &lotte, &v.id, besluit).await.unwrap();
        let r = Reeksverzoek {
            soort: BriefSoort::EindeVrijstelling,
            datum: d("2022-06-01"),
            gemeente: Some("GM9901".into()),
            einde_tot: Some(d("2022-07-31")),
        };
        // No parent with gezag registered: left out, with the reason, and nothing written.
        let voorstel = maak(s, LPA, &r, "2022-06-01").await.unwrap();
        assert!(voorstel.opgesteld.is_empty());
        let [overgeslagen] = voorstel.overgeslagen.as_slice() else { panic!("{:?}", voorstel.overgeslagen) };
        assert_eq!(overgeslagen.kandidaat.jongere, EMMA);
        assert!(overgeslagen.reden.contains("geen ouder of verzorger met gezag"), "{}", overgeslagen.reden);
        assert!(brieven::van_jongere(s, EMMA).await.unwrap().is_empty());

        emma_vader_met_gezag(s).await;

        // The period must hold the last day.
        let te_kort = Reeksverzoek { einde_tot: Some(d("2022-07-30")), ..r.clone() };
        assert!(reeks::kandidaten(s, &lotte, &te_kort, d("2022-06-01")).await.unwrap().is_empty());
        let voorstel = maak(s, LPA, &r, "2022-06-01").await.unwrap();
        let [brief] = voorstel.opgesteld.as_slice() else { panic!("{:?}", voorstel.overgeslagen) };
        assert_eq!(brief.document.ontvanger, Geadresseerde::Ouder);
        assert_eq!(brief.document.vrijstelling.as_ref(), Some(&v.id));
        let e = serde_json::to_value(&brief.velden.einde).unwrap();
        assert_eq!(
            e,
            serde_json::json!({"laatste_dag": "31 juli 2022", "vanaf": "1 augustus 2022", "plicht": "leerplichtig"})
        );
        assert_eq!(brief.velden.rechtsmiddel, None, "an announcement is no decision");
        assert_eq!(brief.velden.afzender.naam, "Lotte Leerplicht");
        // Announced once.
        assert!(reeks::kandidaten(s, &lotte, &r, d("2022-06-01")).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn a_batch_of_another_kind_or_dated_ahead_is_refused() {
    for db in regio().await {
        let s = &db.store;
        let lotte = mw(s, LPA).await;
        let anders = Reeksverzoek { soort: BriefSoort::Waarschuwing, ..zomeractie("2021-06-15") };
        let fout = reeks::kandidaten(s, &lotte, &anders, d("2021-06-15")).await.unwrap_err();
        assert!(fout.to_string().contains("per dossier"), "{fout}");
        let fout = reeks::kandidaten(s, &lotte, &zomeractie("2021-06-16"), d("2021-06-15")).await.unwrap_err();
        assert!(matches!(fout, Fout::Invoer { veld: "datum", .. }), "{fout}");
        let zonder = Reeksverzoek { soort: BriefSoort::EindeVrijstelling, ..zomeractie("2021-06-15") };
        let fout = reeks::kandidaten(s, &lotte, &zonder, d("2021-06-15")).await.unwrap_err();
        assert!(matches!(fout, Fout::Invoer { veld: "einde_tot", .. }), "{fout}");
        let fout =
            reeks::kandidaten(s, &mw(s, BELEID).await, &zomeractie("2021-06-15"), d("2021-06-15")).await.unwrap_err();
        assert!(matches!(fout, Fout::Weigering(_)), "{fout}");
    }
}
