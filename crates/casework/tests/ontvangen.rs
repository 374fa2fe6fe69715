//! Documents the office receives, told against SQLite and PostgreSQL: the doctor's statement for
//! Emma's art. 5 sub a request is uploaded, checked by its content, stored unchangeable, and the
//! request reads its date.
mod common;
use common::*;
use leerspoor_casework::ontvangen::{self, Binnengekomen};
use leerspoor_casework::vrijstellingen::{self, Aanvraag, Besluit};
use leerspoor_casework::{Fout, brieven};
use leerspoor_domain::model::*;
use leerspoor_domain::rules::inkomend::{InkomendSoort, MAX_BYTES};
use leerspoor_store::Store;
use leerspoor_store::rij::{Type, Waarde};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";

fn artsverklaring(v: &Vrijstelling, opgesteld: &str) -> Binnengekomen {
    Binnengekomen {
        jongere: v.jongere.clone(),
        soort: InkomendSoort::Artsverklaring,
        ontvangen_op: d("2021-02-05"),
        afzender: "GGD Kennemerland, jeugdarts".into(),
        opgesteld_op: Some(d(opgesteld)),
        vrijstelling: Some(v.id.clone()),
        zaak: None,
    }
}

async fn tellingen(s: &Store) -> [i64; 4] {
    let mut uit = [0; 4];
    for (i, t) in ["document", "document_inhoud", "wijzigingslog", "toegangslog"].into_iter().enumerate() {
        uit[i] = s.aantal(t).await.unwrap();
    }
    uit
}

fn invoer(f: Fout) -> (&'static str, String) {
    match f {
        Fout::Invoer { veld, melding } => (veld, melding),
        f => panic!("een invoerfout verwacht, kreeg: {f}"),
    }
}

/// Emma's parents sent the request without the doctor's statement; it arrives a few days later.
#[tokio::test]
async fn the_doctors_statement_received_for_emmas_request_is_what_the_grant_reads() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let aanvraag = Aanvraag { artsverklaring_datum: None, ..emma_aanvraag() };
        let v = vrijstellingen::vraag_aan(s, &anna, aanvraag).await.unwrap();
        let toekennen = Besluit {
            toekennen: true,
            besluitdatum: d("2021-03-15"),
            geldig_van: None,
            geldig_tot: None,
            toelichting: String::new(),
        };
        assert!(vrijstellingen::besluit(s, &lotte, &v.id, toekennen.clone()).await.is_err());
        // The office waits for the statement and tells the parents so (Awb art. 4:14).
        let reden = "Wij wachten op de verklaring van de arts.";
        let v = vrijstellingen::verdaag(s, &lotte, &v.id, d("2021-04-15"), d("2021-02-08"), reden).await.unwrap();
        let vandaag = d("2021-02-10");
        // The parents' request, scanned as PNG (whatever its name): stored as what its bytes are,
        // and it sets no date of the request.
        let verzoek = Binnengekomen {
            soort: InkomendSoort::VerzoekOuders,
            afzender: "ouders".into(),
            opgesteld_op: None,
            ..artsverklaring(&v, "2021-01-20")
        };
        let scan = ontvangen::ontvang(s, &lotte, &verzoek, PNG, vandaag).await.unwrap();
        assert_eq!(scan.mediatype, "image/png");
        let ongewijzigd: Vrijstelling = s.lees_een(&v.id).await.unwrap().unwrap();
        assert_eq!(ongewijzigd, v);
        let voor = tellingen(s).await;

        let (veld, melding) = invoer(
            ontvangen::ontvang(s, &lotte, &artsverklaring(&v, "2021-01-20"), b"Hierbij verklaar ik", vandaag)
                .await
                .unwrap_err(),
        );
        assert_eq!(veld, "bestand");
        assert!(melding.contains("geen PDF, PNG of JPEG"), "{melding}");
        let mut groot = PDF.to_vec();
        groot.resize(MAX_BYTES + 1, b' ');
        let (veld, melding) = invoer(
            ontvangen::ontvang(s, &lotte, &artsverklaring(&v, "2021-01-20"), &groot, vandaag).await.unwrap_err(),
        );
        assert_eq!((veld, melding.as_str()), ("bestand", "het bestand is 11 MB; het grootste dat past is 10 MB"));
        // Lpw art. 7 lid 2: a statement older than 3 months at the request is refused, and nothing is stored.
        let fout = ontvangen::ontvang(s, &lotte, &artsverklaring(&v, "2020-10-30"), PDF, vandaag).await.unwrap_err();
        assert!(fout.to_string().contains("ouder dan 3 maanden"), "{fout}");
        // Another youth's request is unknown from Emma's dossier.
        let bij_sara = Binnengekomen { jongere: SARA.into(), ..artsverklaring(&v, "2021-01-20") };
        let fout = ontvangen::ontvang(s, &lotte, &bij_sara, PDF, vandaag).await.unwrap_err();
        assert!(matches!(fout, Fout::Onbekend { wat: "vrijstelling", .. }), "{fout}");
        assert_eq!(tellingen(s).await, voor, "een weigering schrijft niets, ook geen half document");

        let document = ontvangen::ontvang(s, &lotte, &artsverklaring(&v, "2021-01-20"), PDF, vandaag).await.unwrap();
        assert_eq!(
            (document.mediatype.as_str(), document.datum, document.ontvanger, document.bytes),
            ("application/pdf", d("2021-02-05"), Geadresseerde::Bureau, PDF.len() as i64)
        );
        let opgeslagen: Document = s.lees_een(&document.id).await.unwrap().unwrap();
        assert_eq!(opgeslagen, document);
        assert_eq!(
            opgeslagen.ontvangst,
            Some(Ontvangst { afzender: "GGD Kennemerland, jeugdarts".into(), opgesteld_op: Some(d("2021-01-20")) })
        );
        let (_, inhoud) = brieven::inhoud(s, &document.id).await.unwrap();
        assert_eq!(inhoud, PDF);
        // sha256sum of the same bytes, computed apart.
        assert_eq!(document.sha256, "4579fbf2740104b473bd355e10bad2bc7534f0496119a9390915199f1db01180");

        let aangevuld: Vrijstelling = s.lees_een(&v.id).await.unwrap().unwrap();
        assert_eq!(aangevuld.artsverklaring_datum, Some(d("2021-01-20")));
        assert_eq!(aangevuld.verdaagd_tot, Some(d("2021-04-15")), "de verdaging blijft staan");
        let toegekend = vrijstellingen::besluit(s, &lotte, &v.id, toekennen).await.unwrap();
        assert_eq!(toegekend.status, VrijstellingStatus::Toegekend);

        let gelogd = s
            .vraag(
                "SELECT object FROM toegangslog WHERE handeling = 'document ontvangen' ORDER BY object",
                &[],
                &[Type::Tekst],
            )
            .await
            .unwrap();
        let objecten: Vec<_> = gelogd.into_iter().map(|r| r[0].clone()).collect();
        assert!(
            objecten.contains(&Waarde::Tekst(Some(format!("document:{}, vrijstelling:{}", document.id, v.id)))),
            "{objecten:?}"
        );

        for sql in [
            "UPDATE document SET afzender = 'iemand anders' RETURNING id",
            "UPDATE document SET opgesteld_op = datum RETURNING id",
            "UPDATE document_inhoud SET inhoud = inhoud RETURNING document",
        ] {
            let mut poging = s.schrijver("iemand", "document aanpassen").await.unwrap();
            let fout = poging.vraag(sql, &[], &[Type::Tekst]).await.expect_err(sql).to_string();
            assert!(fout.contains("een document verandert niet"), "{sql}: {fout}");
        }
    }
}

/// A statement belongs with the request the law asks it for; a verzuimstaat with a zaak.
#[tokio::test]
async fn a_statement_for_another_kind_of_request_is_refused_and_writes_nothing() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let v = vrijstellingen::vraag_aan(s, &anna, emma_aanvraag()).await.unwrap();
        let voor = tellingen(s).await;
        let verkeerd = Binnengekomen { soort: InkomendSoort::Werkgeversverklaring, ..artsverklaring(&v, "2021-01-20") };
        let fout = ontvangen::ontvang(s, &lotte, &verkeerd, PDF, d("2021-02-10")).await.unwrap_err();
        assert!(fout.to_string().contains("art. 11 sub f"), "{fout}");
        let morgen = Binnengekomen { ontvangen_op: d("2021-02-11"), ..artsverklaring(&v, "2021-01-20") };
        let fout = ontvangen::ontvang(s, &lotte, &morgen, PDF, d("2021-02-10")).await.unwrap_err();
        assert!(fout.to_string().contains("na vandaag"), "{fout}");
        let zonder_afzender = Binnengekomen { afzender: "  ".into(), ..artsverklaring(&v, "2021-01-20") };
        let fout = ontvangen::ontvang(s, &lotte, &zonder_afzender, PDF, d("2021-02-10")).await.unwrap_err();
        assert_eq!(invoer(fout).0, "afzender");
        assert_eq!(tellingen(s).await, voor);
    }
}
