//! DUO's weekly P-levering in Zuidkust (the casework stories' region), against SQLite and
//! PostgreSQL: every kind of mutation as dated facts, weeks in order, refusals by row and column.
#[path = "../../casework/tests/common/mod.rs"]
mod common;
use common::*;
use leerspoor_domain::model::*;
use leerspoor_koppeling::duo_p::{self, Gevolg, KOPPELTABEL, Mutatie, Verslag};
use leerspoor_koppeling::levering::Koppeltabel;
use leerspoor_koppeling::logboek::{Aanbod, KoppelFout};
use leerspoor_koppeling::records::{BrpVerzoek, Levering, Uitkomst};
use leerspoor_store::Store;

const KOP: &str = "Periode;Mutatie;Mutatiedatum;BSN;Achternaam;Voornamen;Geboortedatum;Woongemeente;Postcode;\
Huisnummer;Inschrijvingsnummer;BRIN;Vestiging;Onderwijssoort;Niveau;Inschrijvingsdatum;Uitschrijvingsdatum;\
Resultaatnummer;Diploma;Diplomadatum";

fn week(periode: &str, rijen: &[&str]) -> String {
    let mut t = KOP.to_string();
    for r in rijen {
        t.push('\n');
        t.push_str(&format!("{periode};{r}"));
    }
    t + "\n"
}

/// Week 42 of 2020 in Zuidkust.
fn week_42() -> String {
    week(
        "2020-42",
        &[
            // Sara moves within Zandvoorde.
            "Verhuisd binnen de gemeente;15-10-2020;111222333;;;;;9901BB;12;;;;;;;;;;",
            // Noor moves to Haarlem: she leaves the region.
            "Verhuisd naar een andere gemeente;12-10-2020;100000034;;;;GM0392;2011AA;1;;;;;;;;;;",
            // Daan enrols at the ROC.
            "Inschrijving toegevoegd;01-10-2020;123456782;;;;;;;77;30EF;01;mbo;mbo2;01-10-2020;;;;",
            // Noor gets her mbo-2 diploma, and with it a startkwalificatie; Sara has none.
            "Resultaat toegevoegd;09-10-2020;100000034;;;;;;;;;;;;;;9;mbo2;09-10-2020",
            "Startkwalificatie behaald;09-10-2020;100000034;;;;;;;;;;;;;;;;",
            "Startkwalificatie behaald;09-10-2020;111222333;;;;;;;;;;;;;;;;",
            // Kevin died.
            "Overleden;13-10-2020;100000022;;;;;;;;;;;;;;;;",
            // Milan turns four in Duinwijk: new to the register.
            "4 jaar geworden;14-10-2020;100000046;Jansen;Milan;14-10-2016;9902;9902CC;3;;;;;;;;;;",
            // Lieke was already known: her fourth birthday changes nothing.
            "4 jaar geworden;10-01-2014;100000009;;;;;;;;;;;;;;;;",
        ],
    )
}

async fn lever(store: &Store, inhoud: &str, proef: bool) -> Result<Verslag, KoppelFout> {
    lever_op(store, inhoud, proef, "2020-10-19").await
}

async fn lever_op(store: &Store, inhoud: &str, proef: bool, vandaag: &str) -> Result<Verslag, KoppelFout> {
    let tabel = Koppeltabel::lees("duo-p.toml", KOPPELTABEL).unwrap();
    let aanbod = Aanbod { bron: duo_p::BRON, bestand: "p-levering.csv", bytes: inhoud.as_bytes() };
    duo_p::verwerk(store, &mw(store, ADMIN).await, aanbod, None, &tabel, d(vandaag), proef).await
}

/// A delivery offered with its week named, as `--week` does.
async fn lever_genoemd(store: &Store, inhoud: &str, genoemd: Option<&str>) -> Result<Verslag, KoppelFout> {
    let tabel = Koppeltabel::lees("duo-p.toml", KOPPELTABEL).unwrap();
    let aanbod = Aanbod { bron: duo_p::BRON, bestand: "p-levering.csv", bytes: inhoud.as_bytes() };
    let genoemd = genoemd.map(|w| duo_p::Week::lees(w).unwrap());
    duo_p::verwerk(store, &mw(store, ADMIN).await, aanbod, genoemd, &tabel, d("2020-11-09"), false).await
}

fn gevolg(v: &Verslag, rij: usize) -> (Mutatie, Gevolg) {
    v.per_mutatie.iter().find(|(r, _, _)| *r == rij).map(|(_, m, g)| (*m, *g)).unwrap()
}

fn geweigerd(uit: Result<Verslag, KoppelFout>) -> Vec<String> {
    match uit {
        Err(KoppelFout::Geweigerd { fouten, .. }) => fouten.iter().map(ToString::to_string).collect(),
        Err(e) => panic!("een weigering verwacht, kreeg: {e}"),
        Ok(v) => panic!("een weigering verwacht, kreeg: {}", v.levering.samenvatting),
    }
}

#[tokio::test]
async fn a_week_of_mutations_becomes_dated_facts_in_the_register() {
    for db in regio().await {
        let s = &db.store;
        let v = lever(s, &week_42(), false).await.unwrap();
        let sara: Vec<Woonadres> = s.lees_waar("jongere", SARA).await.unwrap();
        let oud = sara.iter().find(|a| a.postcode == "9901AA").unwrap();
        let nieuw = sara.iter().find(|a| a.postcode == "9901BB").unwrap();
        assert_eq!((oud.einddatum, nieuw.begindatum, nieuw.einddatum), (Some(d("2020-10-14")), d("2020-10-15"), None));
        let noor: Vec<Woonadres> = s.lees_waar("jongere", NOOR).await.unwrap();
        assert_eq!(noor.len(), 1, "no address outside the region");
        assert_eq!((noor[0].einddatum, noor[0].vertrek), (Some(d("2020-10-11")), Some(Vertrek::BuitenRegio)));
        let daan: Inschrijving = s.lees_een(&format!("DUO-I-{DAAN}-77")).await.unwrap().unwrap();
        assert_eq!((daan.jongere.as_str(), daan.brin.as_str(), daan.begindatum), (DAAN, "30EF", d("2020-10-01")));
        let diploma: Diploma = s.lees_een(&format!("DUO-R-{NOOR}-9")).await.unwrap().unwrap();
        assert_eq!((diploma.jongere.as_str(), diploma.datum), (NOOR, d("2020-10-09")));
        let kevin: Jongere = s.lees_een(KEVIN).await.unwrap().unwrap();
        assert_eq!(kevin.overlijdensdatum, Some(d("2020-10-13")));
        let milan = s.lees_waar::<Jongere>("bsn", "100000046").await.unwrap().pop().unwrap();
        assert_eq!((milan.achternaam.as_str(), milan.geboortedatum), ("Jansen", d("2016-10-14")));
        let brp: Vec<BrpVerzoek> = s.lees().await.unwrap();
        assert_eq!(brp.iter().map(|b| b.jongere.as_str()).collect::<Vec<_>>(), [milan.id.as_str()]);

        assert_eq!(gevolg(&v, 6), (Mutatie::StartkwalificatieBehaald, Gevolg::TerInformatie));
        assert_eq!(v.startkwalificatie_zonder_diploma, [7], "Sara's: DUO says so, the register has no diploma");
        assert_eq!(gevolg(&v, 10), (Mutatie::VierJaar, Gevolg::AlZo));
        assert_eq!(v.jongeren.len(), 5, "Sara, Noor, Daan, Kevin, Milan");
        let log: Levering = s.lees_een(&v.levering.id).await.unwrap().unwrap();
        assert_eq!(
            (log.uitkomst, log.periode.as_deref(), log.rijen, log.toegepast),
            (Uitkomst::Toegepast, Some("2020-42"), 9, 6)
        );
        assert!(
            log.samenvatting.contains("startkwalificatie volgens DUO, geen diploma in het register"),
            "{}",
            log.samenvatting
        );
    }
}

#[tokio::test]
async fn weeks_are_applied_in_order_each_once() {
    for db in regio().await {
        let s = &db.store;
        lever(s, &week_42(), false).await.unwrap();
        assert_eq!(lever(s, &week_42(), false).await.unwrap().levering.uitkomst, Uitkomst::Herhaald);
        let lieke = "4 jaar geworden;10-01-2014;100000009;;;;;;;;;;;;;;;;";
        let fout = geweigerd(lever(s, &week("2020-42", &[lieke, lieke]), false).await);
        assert_eq!(fout, ["week 2020-42 is al verwerkt (met een ander bestand); een week wordt één keer verwerkt"]);
        let fout = geweigerd(lever(s, &week("2020-41", &[lieke]), false).await);
        assert_eq!(fout, ["week 2020-41 ligt vóór week 2020-42, die al verwerkt is"]);
        let fout = geweigerd(lever(s, &week("2030-44", &[lieke]), false).await);
        assert_eq!(fout, ["week 2030-44 is nog niet begonnen (vandaag is het 2020-10-19)"]);
        let fout = geweigerd(lever_op(s, &week("2020-44", &[lieke]), false, "2020-11-02").await);
        assert_eq!(fout, ["week 2020-43 ontbreekt: verwerk die eerst (de laatst verwerkte is week 2020-42)"]);
        let later = |w: String| async move { lever_op(s, &week(&w, &[lieke]), false, "2021-02-01").await };
        assert_eq!(later("2020-43".into()).await.unwrap().levering.uitkomst, Uitkomst::Toegepast);
        // Over the turn of the year: 2020 has 53 ISO weeks.
        for w in 44..=53 {
            later(format!("2020-{w}")).await.unwrap();
        }
        later("2021-01".into()).await.unwrap();
    }
}

#[tokio::test]
async fn a_week_without_mutations_is_applied_when_its_week_is_named_so_the_next_can_follow() {
    for db in regio().await {
        let s = &db.store;
        lever(s, &week_42(), false).await.unwrap();
        let leeg = week("", &[]);
        let fout = geweigerd(lever_genoemd(s, &leeg, None).await);
        assert_eq!(
            fout,
            ["de levering bevat geen mutaties en dus geen week: geef de week op (jjjj-ww; --week of het veld Week)"]
        );
        // Two empty weeks are the same file, and still two weeks.
        for w in ["2020-43", "2020-44"] {
            let v = lever_genoemd(s, &leeg, Some(w)).await.unwrap();
            assert_eq!(
                (v.levering.uitkomst, v.levering.periode.as_deref(), v.levering.rijen),
                (Uitkomst::Toegepast, Some(w), 0)
            );
        }
        let lieke = "4 jaar geworden;10-01-2014;100000009;;;;;;;;;;;;;;;;";
        let fout = geweigerd(lever_genoemd(s, &week("2020-45", &[lieke]), Some("2020-46")).await);
        assert_eq!(fout, ["het bestand is van week 2020-45, opgegeven is week 2020-46"]);
        let v = lever_genoemd(s, &week("2020-45", &[lieke]), Some("2020-45")).await.unwrap();
        assert_eq!(v.levering.uitkomst, Uitkomst::Toegepast);
    }
}

#[tokio::test]
async fn a_week_with_bad_rows_is_refused_whole_with_every_error_by_row_and_column() {
    for db in regio().await {
        let s = &db.store;
        let slecht = week(
            "2020-42",
            &[
                // Fine on its own: must not be applied when the rest is refused.
                "Verhuisd binnen de gemeente;15-10-2020;111222333;;;;;9901BB;12;;;;;;;;;;",
                "Inschrijving gewijzigd;01-10-2020;123456782;;;;;;;999;;;;;;31-10-2020;;;",
                "Inschrijving toegevoegd;01-10-2020;100000058;;;;;;;78;30EF;01;mbo;mbo2;01-10-2020;;;;",
                "Inschrijving toegevoegd;01-10-2020;123456782;;;;;;;79;99ZZ;00;mbo;mbo2;01-10-2020;;;;",
                "Inschrijving toegevoegd;01-10-2020;123456782;;;;;;;80;30EF;01;vo;mbo2;01-10-2020;;;;",
                "Overleden;31-02-2020;100000022;;;;;;;;;;;;;;;;",
                "Geëmigreerd;13-10-2020;100000022;;;;;;;;;;;;;;;;",
            ],
        );
        let fouten = geweigerd(lever(s, &slecht, false).await);
        let heeft = |deel: &str| assert!(fouten.iter().any(|f| f.contains(deel)), "{deel} ontbreekt in {fouten:#?}");
        heeft("rij 7, kolom Mutatiedatum: '31-02-2020' is geen bestaande datum");
        heeft("rij 8, kolom Mutatie: mutatie 'Geëmigreerd' bestaat niet");
        assert_eq!(fouten.len(), 2, "the rows read well wait until every row reads: {fouten:#?}");
        let goed: Vec<&str> = slecht.lines().filter(|r| !r.contains("31-02") && !r.contains("Geëmigreerd")).collect();
        let fouten = geweigerd(lever(s, &(goed.join("\n") + "\n"), false).await);
        // A school the register lacks can be added, a level that does not fit is a wrong mapping:
        // refused. (Rows 3 and 4 do not fit the register: afwijkingen, see below.)
        heeft_alle(
            &fouten,
            &["rij 5, kolom BRIN: school 99ZZ vestiging 00 staat niet in het register", "rij 6, kolom Niveau: "],
        );
        assert_eq!(fouten.len(), 2, "{fouten:#?}");
        // Nothing was written: Sara still lives where she did.
        let sara: Vec<Woonadres> = s.lees_waar("jongere", SARA).await.unwrap();
        assert_eq!((sara.len(), sara[0].einddatum), (1, None));
        assert!(s.lees::<BrpVerzoek>().await.unwrap().is_empty());
    }
}

/// What DUO says that does not fit the register is not applied, and listed; the week is applied,
/// so the next one can follow.
#[tokio::test]
async fn a_fact_that_does_not_fit_the_register_is_listed_as_an_afwijking_and_the_week_applied() {
    for db in regio().await {
        let s = &db.store;
        lever(s, &week_42(), false).await.unwrap();
        let v = lever(
            s,
            &week(
                "2020-43",
                &[
                    // A youth by onderwijsnummer (nine digits, no BSN).
                    "Inschrijving toegevoegd;19-10-2020;101222331;;;;;;;81;30EF;01;mbo;mbo2;19-10-2020;;;;",
                    // Sara's move on the day her new address began last week.
                    "Verhuisd binnen de gemeente;15-10-2020;111222333;;;;;9901CC;4;;;;;;;;;;",
                    // A change to an enrolment the register lacks, without what it needs to make it.
                    "Inschrijving gewijzigd;19-10-2020;123456782;;;;;;;999;;;;;;31-10-2020;;;",
                    // Someone the register does not know, without birth date or surname.
                    "Inschrijving gewijzigd;19-10-2020;100000058;;;;;;;5;30EF;01;mbo;mbo2;01-10-2020;;;;",
                    // DUO's enrolment 77 of Daan, now at level 3: the register follows DUO.
                    "Inschrijving toegevoegd;19-10-2020;123456782;;;;;;;77;30EF;01;mbo;mbo3;01-10-2020;;;;",
                    // A removal of what the register never had: already so.
                    "Resultaat verwijderd;19-10-2020;123456782;;;;;;;;;;;;;;12;;",
                    // Noor back in Zandvoorde on a day before she left for Haarlem: the periods would overlap.
                    "Verhuisd binnen de gemeente;05-10-2020;100000034;;;;GM9901;9901DD;7;;;;;;;;;;",
                    // Noor moving on from Haarlem: nothing of the region's to end.
                    "Verhuisd naar een andere gemeente;20-10-2020;100000034;;;;GM0363;1012AB;2;;;;;;;;;;",
                ],
            ),
            false,
        )
        .await
        .unwrap();
        assert_eq!(v.levering.uitkomst, Uitkomst::Toegepast);
        let rijen: Vec<usize> = v.afwijkingen.iter().map(|(r, _)| *r).collect();
        assert_eq!(rijen, [2, 3, 4, 5, 8]);
        assert!(
            v.afwijkingen[4].1.contains("ligt niet na het einde van het vorige adres (2020-10-11)"),
            "{:?}",
            v.afwijkingen
        );
        assert_eq!(gevolg(&v, 9), (Mutatie::VerhuisdBuiten, Gevolg::TerInformatie));
        assert!(v.afwijkingen[0].1.contains("onderwijsnummer"));
        assert!(v.afwijkingen[1].1.contains("ligt niet na het begin van het huidige adres"));
        assert_eq!(gevolg(&v, 6), (Mutatie::InschrijvingToegevoegd, Gevolg::Toegepast));
        assert_eq!(gevolg(&v, 7), (Mutatie::ResultaatVerwijderd, Gevolg::AlZo));
        let daan: Inschrijving = s.lees_een(&format!("DUO-I-{DAAN}-77")).await.unwrap().unwrap();
        assert_eq!(daan.niveau, Some(leerspoor_domain::onderwijs::Niveau::Mbo3));
        // Sara's addresses stay as they were; the BRP is to say where she lives.
        let sara: Vec<Woonadres> = s.lees_waar("jongere", SARA).await.unwrap();
        assert_eq!(sara.len(), 2);
        let brp: Vec<BrpVerzoek> = s.lees().await.unwrap();
        assert!(brp.iter().any(|b| b.jongere == SARA && b.reden.contains("verhuizing")), "{brp:?}");
        let log: Levering = s.lees_een(&v.levering.id).await.unwrap().unwrap();
        assert!(log.samenvatting.contains("afwijkingen, niet verwerkt: na te gaan"), "{}", log.samenvatting);
        assert!(log.samenvatting.contains("rij 2: op onderwijsnummer"), "{}", log.samenvatting);
        assert!(!log.samenvatting.contains("101222331"), "no number in the log");
    }
}

fn heeft_alle(fouten: &[String], delen: &[&str]) {
    for deel in delen {
        assert!(fouten.iter().any(|f| f.contains(deel)), "{deel} ontbreekt in {fouten:#?}");
    }
}

#[tokio::test]
async fn an_enrolment_duo_removed_is_gone_and_kept_whole_in_the_change_log() {
    for db in regio().await {
        let s = &db.store;
        lever(s, &week_42(), false).await.unwrap();
        let weg = week("2020-43", &["Inschrijving verwijderd;19-10-2020;123456782;;;;;;;77;;;;;;;;;"]);
        let v = lever(s, &weg, false).await.unwrap();
        assert_eq!(gevolg(&v, 2), (Mutatie::InschrijvingVerwijderd, Gevolg::Toegepast));
        assert!(s.lees_een::<Inschrijving>(&format!("DUO-I-{DAAN}-77")).await.unwrap().is_none());
        let log = s
            .vraag(
                "SELECT sleutel, veld FROM wijzigingslog WHERE tabel = 'inschrijving' AND handeling = 'verwijderd' \
                 ORDER BY id",
                &[],
                &[leerspoor_store::rij::Type::Tekst, leerspoor_store::rij::Type::Tekst],
            )
            .await
            .unwrap();
        let sleutel = format!("DUO-I-{DAAN}-77");
        let velden: Vec<String> =
            log.iter().filter(|r| r[0].als_tekst() == sleutel).map(|r| r[1].als_tekst()).collect();
        assert!(velden.contains(&"brin".to_string()) && velden.contains(&"begindatum".to_string()), "{velden:?}");
    }
}

#[tokio::test]
async fn a_trial_week_writes_nothing_and_does_not_count_as_applied() {
    for db in regio().await {
        let s = &db.store;
        let v = lever(s, &week_42(), true).await.unwrap();
        assert_eq!(v.levering.toegepast, 6);
        assert!(s.lees_een::<Inschrijving>(&format!("DUO-I-{DAAN}-77")).await.unwrap().is_none());
        assert!(s.lees::<Levering>().await.unwrap().is_empty());
        assert_eq!(lever(s, &week_42(), false).await.unwrap().levering.uitkomst, Uitkomst::Toegepast);
    }
}

/// Daan (16) left the Duinlyceum on 31 July 2020 with a vmbo diploma, no startkwalificatie, and no
/// one has run the absoluut-verzuim check since. The weeks that touch him are followed by the checks
/// for him alone: no one else's case is opened or closed.
#[tokio::test]
async fn after_a_week_the_youths_it_changed_are_checked_for_absoluut_verzuim_and_drop_out() {
    for db in regio().await {
        let s = &db.store;
        let zaken = |soort| async move {
            s.lees::<Zaak>()
                .await
                .unwrap()
                .into_iter()
                .filter(|z| z.soort == soort && z.status != ZaakStatus::Gesloten)
                .count()
        };
        let daan = "Verhuisd binnen de gemeente;15-10-2020;123456782;;;;;9901BB;12;;;;;;;;;;";
        let v = lever_op(s, &week("2020-42", &[daan]), false, "2020-12-01").await.unwrap();
        let c = v.controles.clone().unwrap();
        assert_eq!((c.absoluut_nieuw.len(), c.absoluut_gesloten, c.niet_uitgevoerd.len()), (1, 0, 0), "{c:?}");
        assert_eq!(c.vsv_nieuw.len(), 1, "his leaving school in the summer, found at last: {c:?}");
        assert_eq!(zaken(ZaakSoort::AbsoluutVerzuim).await, 1, "Daan's only");
        assert!(v.levering.samenvatting.contains("nieuwe zaken absoluut verzuim"), "{}", v.levering.samenvatting);
        let log: Levering = s.lees_een(&v.levering.id).await.unwrap().unwrap();
        assert_eq!(log.samenvatting, v.levering.samenvatting, "the log has what the checks found");
        // He enrols at the ROC: his case is solved. Then he leaves again without a startkwalificatie:
        // a drop-out, and absent again.
        let in_ = "Inschrijving toegevoegd;19-10-2020;123456782;;;;;;;77;30EF;01;mbo;mbo2;19-10-2020;;;;";
        let c = lever_op(s, &week("2020-43", &[in_]), false, "2020-12-01").await.unwrap().controles.unwrap();
        assert_eq!((c.absoluut_nieuw.len(), c.absoluut_gesloten), (0, 1), "{c:?}");
        let uit = "Inschrijving gewijzigd;30-10-2020;123456782;;;;;;;77;;;;;;30-10-2020;;;";
        let c = lever_op(s, &week("2020-44", &[uit]), false, "2020-12-01").await.unwrap().controles.unwrap();
        assert_eq!((c.absoluut_nieuw.len(), c.vsv_nieuw.len()), (1, 1), "{c:?}");
        let vsv: Vec<VsvMelding> = s.lees_waar("jongere", DAAN).await.unwrap();
        assert_eq!(vsv.iter().map(|v| v.uitvaldatum).collect::<Vec<_>>(), [d("2020-08-01"), d("2020-10-31")]);
    }
}
