//! Corrections of register facts (AVG art. 16): each changed field in the change log with who
//! corrected it and why; a correction without a reason, with an impossible value, by a role that
//! may not, or over someone else's change writes nothing.
mod common;
use common::*;
use leerspoor_casework::Fout;
use leerspoor_casework::correctie::{self, JongereCorrectie, OuderCorrectie, versie};
use leerspoor_domain::model::*;
use leerspoor_store::rij::{self, Type, Waarde};
use leerspoor_store::{Store, StoreFout};

async fn sara(s: &Store) -> Jongere {
    s.lees_een(SARA).await.unwrap().expect("Sara")
}

/// Sara's record as the form shows it: every field as the register has it.
fn formulier(j: &Jongere) -> JongereCorrectie {
    JongereCorrectie {
        jongere: j.id.clone(),
        versie: versie(j),
        bsn: j.bsn.as_digits(),
        voornamen: j.voornamen.clone(),
        tussenvoegsel: j.tussenvoegsel.clone(),
        achternaam: j.achternaam.clone(),
        geboortedatum: j.geboortedatum,
        geslacht: j.geslacht,
        overlijdensdatum: j.overlijdensdatum,
    }
}

/// The change-log lines about one record: (veld, oud, nieuw, gebruiker, reden).
async fn log_van(s: &Store, tabel: &str, sleutel: &str) -> Vec<[String; 5]> {
    let rijen = s
        .vraag(
            "SELECT veld, oud, nieuw, gebruiker, reden FROM wijzigingslog \
             WHERE tabel = $1 AND sleutel = $2 AND handeling = 'gewijzigd' ORDER BY id",
            &[rij::tekst(tabel), rij::tekst(sleutel)],
            &[Type::Tekst; 5],
        )
        .await
        .unwrap();
    rijen
        .into_iter()
        .map(|r| {
            let tekst: Vec<String> = r
                .into_iter()
                .map(|w| match w {
                    Waarde::Tekst(t) => t.unwrap_or_default(),
                    w => panic!("tekst verwacht, kreeg {w:?}"),
                })
                .collect();
            tekst.try_into().unwrap()
        })
        .collect()
}

async fn logregels(s: &Store) -> (i64, i64) {
    (s.aantal("wijzigingslog").await.unwrap(), s.aantal("toegangslog").await.unwrap())
}

fn invoer(f: Fout) -> (&'static str, String) {
    match f {
        Fout::Invoer { veld, melding } => (veld, melding),
        f => panic!("een invoerfout verwacht, kreeg: {f}"),
    }
}

/// The school wrote Sara's birth date with day and month swapped, and her name as "de vries":
/// the leerplichtambtenaar corrects both. The change log has each field with old and new value,
/// her id and the reason; her BSN, which did not change, is not in it.
#[tokio::test]
async fn a_correction_records_each_changed_field_with_who_and_why() {
    for db in regio().await {
        let s = &db.store;
        let lpa = mw(s, LPA).await;
        let oud = sara(s).await;
        let c = JongereCorrectie {
            geboortedatum: d("2008-02-14"),
            tussenvoegsel: "de".into(),
            achternaam: "Vries".into(),
            ..formulier(&oud)
        };
        let aantal = correctie::corrigeer_jongere(s, &lpa, c, "invoerfout", "dag en maand verwisseld door de school")
            .await
            .unwrap();
        assert_eq!(aantal, 3);
        let nu = sara(s).await;
        assert_eq!(
            (nu.geboortedatum, nu.tussenvoegsel.as_str(), nu.achternaam.as_str()),
            (d("2008-02-14"), "de", "Vries")
        );
        let reden = "Invoerfout: dag en maand verwisseld door de school";
        let regel = |veld: &str, o: &str, n: &str| [veld, o, n, LPA, reden].map(String::from);
        assert_eq!(
            log_van(s, "jongere", SARA).await,
            vec![
                regel("tussenvoegsel", "", "de"),
                regel("achternaam", "de Vries", "Vries"),
                regel("geboortedatum", "2008-03-14", "2008-02-14"),
            ],
            "{}",
            s.soort()
        );
        let toegang = s.toegang_van(&format!("jongere:{SARA}")).await.unwrap();
        assert_eq!((toegang[0].handeling.as_str(), toegang[0].gebruiker.as_str()), ("gegevens corrigeren", LPA));

        // Every other change (the fixture's import) has none.
        let met_reden =
            s.vraag("SELECT COUNT(*) FROM wijzigingslog WHERE reden IS NOT NULL", &[], &[Type::Geheel]).await.unwrap();
        assert_eq!(met_reden, vec![vec![Waarde::Geheel(Some(3))]]);
    }
}

/// Fatima asks for her new telephone number and e-mail address to be used (AVG art. 16): the
/// administration corrects them from Sara's dossier, which is where her audit page shows it.
#[tokio::test]
async fn a_parent_asks_for_her_contact_details_to_be_corrected() {
    for db in regio().await {
        let s = &db.store;
        let admin = mw(s, ADMIN).await;
        let fatima: Ouder = s.lees_een(FATIMA).await.unwrap().unwrap();
        let c = OuderCorrectie {
            jongere: SARA.into(),
            ouder: FATIMA.into(),
            versie: versie(&fatima),
            voornamen: fatima.voornamen.clone(),
            tussenvoegsel: String::new(),
            achternaam: fatima.achternaam.clone(),
            telefoon: "06-87654321".into(),
            email: "fatima@voorbeeld.nl".into(),
        };
        assert_eq!(correctie::corrigeer_ouder(s, &admin, c.clone(), "verzoek_betrokkene", "").await.unwrap(), 2);
        let reden = "Verzoek van de betrokkene (AVG art. 16)";
        assert_eq!(
            log_van(s, "ouder", FATIMA).await,
            vec![
                ["telefoon", "0612345678", "06-87654321", ADMIN, reden].map(String::from),
                ["email", "", "fatima@voorbeeld.nl", ADMIN, reden].map(String::from),
            ]
        );
        assert_eq!(s.toegang_van(&format!("jongere:{SARA}")).await.unwrap()[0].handeling, "gegevens corrigeren");

        // Not Daan's mother: from his dossier she cannot be corrected.
        let fatima: Ouder = s.lees_een(FATIMA).await.unwrap().unwrap();
        let via_daan =
            OuderCorrectie { jongere: DAAN.into(), versie: versie(&fatima), telefoon: "0611111111".into(), ..c };
        let f = correctie::corrigeer_ouder(s, &admin, via_daan, "invoerfout", "").await.unwrap_err();
        assert!(matches!(f, Fout::Onbekend { wat: "ouder", .. }), "{f}");
    }
}

/// Without a reason, with a bad BSN, a BSN another youth has, a birth date after her first school
/// day or in the future, or a death before birth: refused, naming the field, and nothing written.
#[tokio::test]
async fn a_correction_without_reason_or_with_an_impossible_value_writes_nothing() {
    for db in regio().await {
        let s = &db.store;
        let lpa = mw(s, LPA).await;
        let oud = sara(s).await;
        let voor = logregels(s).await;
        let nieuw_bsn = || JongereCorrectie { bsn: "100000046".into(), ..formulier(&oud) };
        let gevallen: Vec<(JongereCorrectie, &str, &str, &str)> = vec![
            (nieuw_bsn(), "", "", "grond"),
            (nieuw_bsn(), "anders", "  ", "toelichting"),
            (nieuw_bsn(), "omdat het kan", "", "grond"),
            (JongereCorrectie { bsn: "123456789".into(), ..formulier(&oud) }, "invoerfout", "", "bsn"),
            (JongereCorrectie { bsn: "12345".into(), ..formulier(&oud) }, "invoerfout", "", "bsn"),
            (JongereCorrectie { bsn: "123456782".into(), ..formulier(&oud) }, "invoerfout", "", "bsn"),
            (JongereCorrectie { geboortedatum: d("2013-01-01"), ..formulier(&oud) }, "invoerfout", "", "geboortedatum"),
            (JongereCorrectie { geboortedatum: d("2099-01-01"), ..formulier(&oud) }, "invoerfout", "", "geboortedatum"),
            (
                JongereCorrectie { overlijdensdatum: Some(d("2007-12-31")), ..formulier(&oud) },
                "bericht_bron",
                "",
                "overlijdensdatum",
            ),
            (JongereCorrectie { voornamen: " ".into(), ..formulier(&oud) }, "invoerfout", "", "voornamen"),
        ];
        for (c, grond, toelichting, veld) in gevallen {
            let (gekregen, melding) =
                invoer(correctie::corrigeer_jongere(s, &lpa, c, grond, toelichting).await.unwrap_err());
            assert_eq!(gekregen, veld, "{melding}");
            assert!(!melding.contains("123456"), "geen BSN in een foutmelding: {melding}");
        }
        assert_eq!(sara(s).await, oud, "{}", s.soort());
        assert_eq!(logregels(s).await, voor, "niets geschreven, ook niet in het toegangslog");

        // Nothing changed: a Dutch refusal, nothing written.
        let f = correctie::corrigeer_jongere(s, &lpa, formulier(&oud), "invoerfout", "").await.unwrap_err();
        assert!(f.to_string().contains("er is niets gewijzigd"), "{f}");
        assert_eq!(logregels(s).await, voor);
    }
}

/// The gemeente viewer and beleid read, but correct nothing; the refusal comes before anything is
/// read or written.
#[tokio::test]
async fn a_role_without_the_right_to_correct_is_refused() {
    for db in regio().await {
        let s = &db.store;
        let oud = sara(s).await;
        let voor = logregels(s).await;
        let c = JongereCorrectie { voornamen: "Sarah".into(), ..formulier(&oud) };
        let f = correctie::corrigeer_jongere(s, &mw(s, BELEID).await, c, "verzoek_betrokkene", "").await.unwrap_err();
        match f {
            Fout::Weigering(w) => assert_eq!(w.regel, "rollen: gegevens corrigeren"),
            f => panic!("een weigering verwacht, kreeg: {f}"),
        }
        assert_eq!((sara(s).await, logregels(s).await), (oud, voor));
    }
}

/// Two employees open Sara's form; the first corrects her name. The second's correction, made on
/// what the register held before, is a conflict: nothing of it is written.
#[tokio::test]
async fn a_correction_over_someone_elses_change_is_a_conflict() {
    for db in regio().await {
        let s = &db.store;
        let oud = sara(s).await;
        let eerste = JongereCorrectie { voornamen: "Sarah".into(), ..formulier(&oud) };
        correctie::corrigeer_jongere(s, &mw(s, LPA).await, eerste, "verzoek_betrokkene", "").await.unwrap();
        let na_eerste = (sara(s).await, logregels(s).await);
        let tweede = JongereCorrectie { geboortedatum: d("2008-03-15"), ..formulier(&oud) };
        let f = correctie::corrigeer_jongere(s, &mw(s, ADMIN).await, tweede, "invoerfout", "").await.unwrap_err();
        assert!(matches!(f, Fout::Store(StoreFout::Gelijktijdig { tabel: "jongere", .. })), "{f}");
        assert_eq!((sara(s).await, logregels(s).await), na_eerste, "{}", s.soort());
    }
}
