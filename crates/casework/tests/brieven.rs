//! Letters from the dossier, told against SQLite and PostgreSQL. The typesetter here writes the
//! fields it receives as JSON, so each test reads back exactly what a template would get; the
//! shipped templates themselves are tested in `leerspoor-publicatie` and end to end in the CLI.
mod common;
use common::*;
use leerspoor_casework::actie::{self, NieuweActie};
use leerspoor_casework::brieven::{self, Gesprek, Onderwerp, Verzoek, Zetopdracht};
use leerspoor_casework::melding::{self, NieuweMelding};
use leerspoor_casework::vrijstellingen::{self, Besluit};
use leerspoor_casework::{Fout, Result};
use leerspoor_domain::model::*;
use leerspoor_domain::rules::brief::BriefSoort;
use leerspoor_store::Store;
use leerspoor_store::rij::Type;
use serde_json::{Value, json};

fn als_json(o: &Zetopdracht) -> std::result::Result<Vec<u8>, String> {
    serde_json::to_vec(o.velden).map_err(|e| e.to_string())
}

async fn velden(s: &Store, d: &Document) -> Value {
    let (_, inhoud) = brieven::inhoud(s, &d.id).await.unwrap();
    serde_json::from_slice(&inhoud).unwrap()
}

async fn maak(s: &Store, door: &str, v: &Verzoek, vandaag: &str) -> Result<Vec<Document>> {
    brieven::maak(s, &mw(s, door).await, v, d(vandaag), &als_json).await
}

/// Sara (born 14 March 2008) missed 25 hours in October 2020; the school reported it.
async fn sara_met_uitnodiging(s: &Store) -> (Zaak, Actie) {
    let m = NieuweMelding {
        jongere: SARA.into(),
        school: school(DUINLYCEUM),
        soort: "wettelijk_16_uur".into(),
        meldingsdatum: d("2020-10-12"),
        verzuim_van: d("2020-09-14"),
        verzuim_tot: Some(d("2020-10-09")),
        uren: Some(25),
        reden: String::new(),
        preventief: false,
        alle_lessen_gemist: None,
        deels_lesbaar: None,
    };
    let zaak = melding::registreer(s, &mw(s, ADMIN).await, m).await.unwrap().zaak.unwrap();
    let a = NieuweActie {
        jongere: SARA.into(),
        zaak: Some(zaak.id.clone()),
        soort: ActieSoort::Uitnodiging,
        datum: d("2020-10-14"),
        pv_tegen: None,
        ouder: None,
        overmacht: None,
        toelichting: String::new(),
    };
    let genomen = actie::neem(s, &mw(s, LPA).await, a).await.unwrap();
    (zaak, genomen.actie)
}

fn uitnodiging(actie: &Actie) -> Verzoek {
    Verzoek {
        soort: BriefSoort::UitnodigingGesprek,
        onderwerp: Onderwerp::Actie(actie.id.clone()),
        datum: d("2020-10-14"),
        gesprek: Some(Gesprek { datum: d("2020-10-21"), tijd: "9:30".into(), plaats: "Stadhuis Zandvoorde".into() }),
        inschrijven_voor: None,
        vervangt: None,
    }
}

/// Lpw art. 2 lid 1 and 3: at 12 Sara answers for her attendance too, so the invitation goes to her
/// mother (gezag) and to her, each a letter of its own with every field from the dossier.
#[tokio::test]
async fn an_invitation_goes_to_the_mother_and_to_sara_with_the_fields_of_the_dossier() {
    for db in regio().await {
        let s = &db.store;
        let (zaak, uitgenodigd) = sara_met_uitnodiging(s).await;
        let documenten = maak(s, LPA, &uitnodiging(&uitgenodigd), "2020-10-14").await.unwrap();
        let aan: Vec<_> = documenten.iter().map(|d| (d.ontvanger, d.ouder.as_deref())).collect();
        assert_eq!(aan, [(Geadresseerde::Ouder, Some(FATIMA)), (Geadresseerde::Jongere, None)], "{}", s.soort());

        let moeder = &documenten[0];
        // Where each went is kept with it, as printed in the window.
        let bewaard = brieven::van_jongere(s, SARA).await.unwrap();
        let mut adressen: Vec<_> = bewaard.iter().map(|d| d.adres.join(" / ")).collect();
        adressen.sort();
        assert_eq!(
            adressen,
            ["Fatima de Vries / Strandweg 1 / 9901AA  Zandvoorde", "Sara de Vries / Strandweg 1 / 9901AA  Zandvoorde"]
        );
        assert_eq!(
            (moeder.zaak.as_deref(), moeder.actie.as_deref()),
            (Some(zaak.id.as_str()), Some(uitgenodigd.id.as_str()))
        );
        assert_eq!(moeder.sjabloon, "uitnodiging_gesprek 0, briefhoofd 0", "the shipped templates");
        let v = velden(s, moeder).await;
        // The whole set of fields the template receives, by hand from the fixture.
        let verwacht = json!({
            "soort": "uitnodiging_gesprek",
            "titel": "Uitnodiging gesprek",
            "kenmerk": moeder.id,
            "datum": "14 oktober 2020",
            "regio": "Zuidkust",
            "aan": "ouder",
            "geadresseerde": { "naam": "Fatima de Vries", "regels": ["Strandweg 1", "9901AA  Zandvoorde"] },
            "aanhef": "Geachte mevrouw De Vries,",
            "jongere": {
                "naam": "Sara de Vries",
                "roepnaam": "Sara",
                "geboortedatum": "14 maart 2008",
                "bsn": null,
                "adres": ["Strandweg 1", "9901AA  Zandvoorde"]
            },
            "gemeente": "Zandvoorde",
            "school": "Duinlyceum, Zandvoorde",
            "ouders": ["Fatima de Vries"],
            "afzender": { "naam": "Lotte Leerplicht", "functie": "Leerplichtambtenaar", "email": "mw-lpa@zuidkust.example" },
            "zaak": { "kenmerk": zaak.id, "soort": "Relatief verzuim", "geopend_op": "12 oktober 2020" },
            "meldingen": [{
                "meldingsdatum": "12 oktober 2020",
                "school": "Duinlyceum, Zandvoorde",
                "soort": "16 uur in 4 opeenvolgende lesweken",
                "verzuim_van": "14 september 2020",
                "verzuim_tot": "9 oktober 2020",
                "uren": 25,
                "reden": null
            }],
            "contacten": [],
            "gesprek": { "datum": "21 oktober 2020", "tijd": "09:30", "plaats": "Stadhuis Zandvoorde" },
            "inschrijven_voor": null,
            "aanvraag": null,
            "rechtsmiddel": null,
            "proces_verbaal": null,
            "taal": null,
            "uitval": null,
            "einde": null,
            "vervangt": null
        });
        assert_eq!(v, verwacht, "{}", s.soort());
        let sara = velden(s, &documenten[1]).await;
        assert_eq!((sara["aan"].as_str(), sara["aanhef"].as_str()), (Some("jongere"), Some("Beste Sara,")));
        assert_eq!(sara["geadresseerde"]["naam"], "Sara de Vries");

        // Listed with the dossier, newest first; the PDF's hash is of the stored bytes.
        let lijst = brieven::van_jongere(s, SARA).await.unwrap();
        assert_eq!(lijst.len(), 2);
        let (_, inhoud) = brieven::inhoud(s, &moeder.id).await.unwrap();
        assert_eq!(moeder.bytes as usize, inhoud.len());
        assert_eq!(moeder.sha256.len(), 64);
    }
}

/// A sent letter is what it was: the database refuses to change or remove it, even to the
/// application; a correction is a new letter that names the old one, which stays.
#[tokio::test]
async fn a_stored_letter_cannot_be_changed_and_a_correction_names_the_one_it_replaces() {
    for db in regio().await {
        let s = &db.store;
        let (_, uitgenodigd) = sara_met_uitnodiging(s).await;
        let eerste = maak(s, LPA, &uitnodiging(&uitgenodigd), "2020-10-14").await.unwrap();
        let id = eerste[0].id.clone();

        let tekst = [Type::Tekst];
        for sql in [
            "UPDATE document SET datum = '2020-10-15' RETURNING id",
            "UPDATE document_inhoud SET inhoud = inhoud RETURNING document",
            "DELETE FROM document_inhoud RETURNING document",
            "DELETE FROM document RETURNING id",
        ] {
            let mut poging = s.schrijver("iemand", "brief aanpassen").await.unwrap();
            let fout = poging.vraag(sql, &[], &tekst).await.expect_err(sql).to_string();
            assert!(fout.contains("een document"), "{sql}: {fout}");
        }
        assert_eq!(s.aantal("document").await.unwrap(), 2);

        let beter = Verzoek {
            vervangt: Some(id.clone()),
            gesprek: Some(Gesprek {
                datum: d("2020-10-22"),
                tijd: "10:00".into(),
                plaats: "Stadhuis Zandvoorde".into(),
            }),
            ..uitnodiging(&uitgenodigd)
        };
        let nieuw = maak(s, LPA, &beter, "2020-10-14").await.unwrap();
        assert_eq!(nieuw[0].vervangt.as_deref(), Some(id.as_str()));
        let v = velden(s, &nieuw[0]).await;
        assert_eq!(v["vervangt"], format!("{id} van 14 oktober 2020"));
        assert_eq!(v["gesprek"]["datum"], "22 oktober 2020");
        assert_eq!(s.aantal("document").await.unwrap(), 4, "the old letters stay");

        // A correction names a letter of the same kind from the same dossier.
        let elders = Verzoek { vervangt: Some("D-BESTAAT-NIET".into()), ..beter.clone() };
        assert!(matches!(maak(s, LPA, &elders, "2020-10-14").await, Err(Fout::Onbekend { .. })));
    }
}

/// What the rules refuse writes nothing: a talk on a Saturday, a letter dated ahead, a PV by a
/// leerplichtambtenaar without BOA status, a letter the record does not call for.
#[tokio::test]
async fn refused_letters_write_nothing() {
    for db in regio().await {
        let s = &db.store;
        let (zaak, uitgenodigd) = sara_met_uitnodiging(s).await;
        let zaterdag = Verzoek {
            gesprek: Some(Gesprek { datum: d("2020-10-17"), tijd: "10:00".into(), plaats: "Stadhuis".into() }),
            ..uitnodiging(&uitgenodigd)
        };
        let fout = maak(s, LPA, &zaterdag, "2020-10-14").await.unwrap_err();
        assert!(fout.to_string().contains("geen werkdag"), "{fout}");
        let vooruit = Verzoek { datum: d("2020-10-15"), ..uitnodiging(&uitgenodigd) };
        assert!(maak(s, LPA, &vooruit, "2020-10-14").await.unwrap_err().to_string().contains("vooruit"));
        let tijd = Verzoek {
            gesprek: Some(Gesprek { datum: d("2020-10-21"), tijd: "25:00".into(), plaats: "Stadhuis".into() }),
            ..uitnodiging(&uitgenodigd)
        };
        assert!(matches!(maak(s, LPA, &tijd, "2020-10-14").await, Err(Fout::Invoer { veld: "tijd", .. })));
        let zonder = Verzoek { gesprek: None, ..uitnodiging(&uitgenodigd) };
        assert!(matches!(maak(s, LPA, &zonder, "2020-10-14").await, Err(Fout::Invoer { veld: "gesprek", .. })));

        let pv = Verzoek { soort: BriefSoort::ProcesVerbaal, gesprek: None, ..uitnodiging(&uitgenodigd) };
        let fout = maak(s, LPA, &pv, "2020-10-14").await.unwrap_err();
        assert!(fout.to_string().contains("BOA"), "{fout}");
        let oproep = Verzoek {
            soort: BriefSoort::OproepInschrijving,
            onderwerp: Onderwerp::Zaak(zaak.id.clone()),
            gesprek: None,
            inschrijven_voor: Some(d("2020-10-28")),
            ..uitnodiging(&uitgenodigd)
        };
        let fout = maak(s, LPA, &oproep, "2020-10-14").await.unwrap_err();
        assert!(fout.to_string().contains("absoluut verzuim"), "{fout}");
        let fout = maak(s, BELEID, &uitnodiging(&uitgenodigd), "2020-10-14").await.unwrap_err();
        assert!(fout.to_string().contains("schrijft geen brieven"), "{fout}");
        assert_eq!(s.aantal("document").await.unwrap(), 0);
    }
}

/// The PV goes to the Openbaar Ministerie with what identifies the youth and the facts: the
/// meldingen, the talks with what was said, the date of the verzuim, the verbalisant (a BOA).
#[tokio::test]
async fn a_proces_verbaal_carries_the_facts_and_the_bsn_for_the_openbaar_ministerie() {
    for db in regio().await {
        let s = &db.store;
        let (zaak, _) = sara_met_uitnodiging(s).await;
        let bram = mw(s, BOA).await;
        let gesprek = NieuweActie {
            jongere: SARA.into(),
            zaak: Some(zaak.id.clone()),
            soort: ActieSoort::Gesprek,
            datum: d("2020-10-21"),
            pv_tegen: None,
            ouder: None,
            overmacht: None,
            toelichting: "Moeder verklaart dat Sara niet naar school wil.".into(),
        };
        actie::neem(s, &bram, gesprek.clone()).await.unwrap();
        let pv = NieuweActie {
            soort: ActieSoort::ProcesVerbaal,
            datum: d("2020-11-02"),
            pv_tegen: Some(PvTegen::Ouder),
            ouder: Some(FATIMA.into()),
            toelichting: String::new(),
            ..gesprek
        };
        let pv = actie::neem(s, &bram, pv).await.unwrap().actie;
        let verzoek = Verzoek {
            soort: BriefSoort::ProcesVerbaal,
            onderwerp: Onderwerp::Actie(pv.id.clone()),
            datum: d("2020-11-02"),
            gesprek: None,
            inschrijven_voor: None,
            vervangt: None,
        };
        let documenten = maak(s, BOA, &verzoek, "2020-11-03").await.unwrap();
        assert_eq!(documenten.len(), 1);
        assert_eq!(documenten[0].ontvanger, Geadresseerde::OpenbaarMinisterie);
        let v = velden(s, &documenten[0]).await;
        assert_eq!(v["jongere"]["bsn"], "111222333", "{}", s.soort());
        assert_eq!(
            v["proces_verbaal"],
            json!({ "tegen": "Fatima de Vries", "tegen_soort": "ouder", "pleegdatum": "14 september 2020", "verbalisant": "Bram Boa" })
        );
        let contacten: Vec<&str> =
            v["contacten"].as_array().unwrap().iter().map(|c| c["soort"].as_str().unwrap()).collect();
        assert_eq!(contacten, ["Uitnodiging", "Gesprek"], "what went before the PV");
        assert_eq!(v["contacten"][1]["toelichting"], "Moeder verklaart dat Sara niet naar school wil.");
        assert_eq!(v["meldingen"][0]["uren"], 25);
    }
}

/// Emma's parents: the decision on their request states the bezwaar term (six weeks from the
/// letter, Awb art. 6:7, 6:8) and the body to object to; after a bezwaar the decision on it points
/// to the rechtbank instead. Without a parent with gezag on record there is no one to address.
#[tokio::test]
async fn a_decision_names_the_bezwaar_term_and_a_decision_on_bezwaar_the_rechtbank() {
    for db in regio().await {
        let s = &db.store;
        let (anna, lotte) = (mw(s, ADMIN).await, mw(s, LPA).await);
        let v = vrijstellingen::vraag_aan(s, &anna, emma_aanvraag()).await.unwrap();
        let bevestiging = Verzoek {
            soort: BriefSoort::Ontvangstbevestiging,
            onderwerp: Onderwerp::Vrijstelling(v.id.clone()),
            datum: d("2021-02-03"),
            gesprek: None,
            inschrijven_voor: None,
            vervangt: None,
        };
        let fout = maak(s, ADMIN, &bevestiging, "2021-02-03").await.unwrap_err();
        assert!(matches!(fout, Fout::Invoer { veld: "ouders", .. }), "{fout}");

        emma_vader_met_gezag(s).await;

        let ontvangen = maak(s, ADMIN, &bevestiging, "2021-02-03").await.unwrap();
        let b = velden(s, &ontvangen[0]).await;
        assert_eq!(b["aanhef"], "Geachte heer Van Dijk,");
        // Awb art. 4:13: eight weeks after 1 February 2021.
        assert_eq!(b["aanvraag"]["beslistermijn"], "29 maart 2021");
        assert_eq!(b["rechtsmiddel"], Value::Null, "an acknowledgement is no decision");

        let besluit = Besluit {
            toekennen: false,
            besluitdatum: d("2021-03-15"),
            geldig_van: None,
            geldig_tot: None,
            toelichting: "Het advies van het samenwerkingsverband ontbreekt.".into(),
        };
        vrijstellingen::besluit(s, &lotte, &v.id, besluit).await.unwrap();
        let afwijzing =
            Verzoek { soort: BriefSoort::BeschikkingAfwijzing, datum: d("2021-03-15"), ..bevestiging.clone() };
        let brief = maak(s, LPA, &afwijzing, "2021-03-15").await.unwrap();
        let b = velden(s, &brief[0]).await;
        // 42 days after Monday 15 March is Monday 26 April; no feestdag in between moves it.
        assert_eq!(
            b["rechtsmiddel"],
            json!({
                "soort": "bezwaar",
                "bij": "het college van burgemeester en wethouders van de gemeente Zandvoorde",
                "uiterlijk": "26 april 2021"
            })
        );
        // The reasons of this decision only, not the request's other notes (Awb art. 3:46).
        assert_eq!(b["aanvraag"]["motivering"], "Het advies van het samenwerkingsverband ontbreekt.");
        assert_eq!(b["aanvraag"]["besluit"], "afgewezen");
        assert_eq!(b["afzender"]["naam"], "Lotte Leerplicht", "signed by who decided");
        // Made known once: a second letter about the same decision is refused unless it corrects the first.
        let fout = maak(s, LPA, &afwijzing, "2021-03-15").await.unwrap_err();
        assert!(fout.to_string().contains("al bekendgemaakt"), "{fout}");
        // Dated back, a decision's bezwaar term would start before it was sent.
        let terug = Verzoek { datum: d("2021-03-15"), ..afwijzing.clone() };
        assert!(maak(s, LPA, &terug, "2021-03-16").await.unwrap_err().to_string().contains("Awb art. 3:41"));

        vrijstellingen::bezwaar(s, &anna, &v.id, d("2021-04-06"), "Het advies is er nu wel.").await.unwrap();
        let te_vroeg =
            Verzoek { soort: BriefSoort::BeslissingOpBezwaar, datum: d("2021-04-07"), ..bevestiging.clone() };
        assert!(maak(s, LPA, &te_vroeg, "2021-04-07").await.is_err(), "nog niet op het bezwaar beslist");
        let opnieuw =
            Besluit { besluitdatum: d("2021-05-03"), toelichting: "Bezwaar ongegrond.".into(), ..besluit_kopie() };
        vrijstellingen::besluit(s, &lotte, &v.id, opnieuw).await.unwrap();
        let beslissing = Verzoek { datum: d("2021-05-03"), ..te_vroeg };
        let brief = maak(s, LPA, &beslissing, "2021-05-03").await.unwrap();
        let b = velden(s, &brief[0]).await;
        assert_eq!(b["aanvraag"]["bezwaar_ontvangen"], "6 april 2021");
        assert_eq!(
            (b["aanvraag"]["besluit"].as_str(), b["aanvraag"]["motivering"].as_str()),
            (Some("afgewezen"), Some("Bezwaar ongegrond."))
        );
        assert_eq!(b["rechtsmiddel"]["soort"], "beroep");
        assert!(b["rechtsmiddel"]["bij"].as_str().unwrap().contains("rechtbank"));
        // A first-decision letter no longer fits: this decision answered a bezwaar.
        let fout =
            maak(s, LPA, &Verzoek { soort: BriefSoort::BeschikkingAfwijzing, ..beslissing.clone() }, "2021-05-03")
                .await
                .unwrap_err();
        assert!(fout.to_string().contains("beslissing op bezwaar"), "{fout}");
    }
}

fn besluit_kopie() -> Besluit {
    Besluit {
        toekennen: false,
        besluitdatum: d("2021-03-15"),
        geldig_van: None,
        geldig_tot: None,
        toelichting: String::new(),
    }
}

/// The mother's preferred language is Arabic: her letter offers to go through it with an
/// interpreter; Sara's, whose language is Dutch, does not.
#[tokio::test]
async fn a_letter_names_the_addressees_preferred_language_when_it_is_not_dutch() {
    use leerspoor_casework::contactgegevens::{self, NieuwContactgegeven};
    for db in regio().await {
        let s = &db.store;
        let (_, uitgenodigd) = sara_met_uitnodiging(s).await;
        let lotte = mw(s, LPA).await;
        for (ouder, taal) in [(Some(FATIMA), "Arabisch"), (None, "nl")] {
            let n = NieuwContactgegeven {
                jongere: SARA.into(),
                ouder: ouder.map(Into::into),
                soort: ContactSoort::Voorkeurstaal,
                waarde: taal.into(),
                vanaf: d("2020-09-01"),
                bron: "moeder, telefonisch".into(),
            };
            contactgegevens::leg_vast(s, &lotte, n).await.unwrap();
        }
        let documenten = maak(s, LPA, &uitnodiging(&uitgenodigd), "2020-10-14").await.unwrap();
        let talen: Vec<Value> = {
            let mut t = Vec::new();
            for d in &documenten {
                t.push(velden(s, d).await["taal"].clone());
            }
            t
        };
        assert_eq!(talen, [json!("Arabisch"), Value::Null], "{}", s.soort());
    }
}
