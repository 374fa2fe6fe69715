//! Golden test for `art25_opgave`, verslagjaar 2020-2021 (1 August 2020 – 31 July 2021, peildatum
//! 1 October 2020, langdurig relatief verzuim from 1 September 2020), and its agreement with the
//! jaarverslag tables that count the same measures.
//!
//! The region Oostmeer: Rietveen (GM9931) and Bosdam (GM9932) leave leerplicht to the region,
//! Meerstad (GM9933) does it itself. Every expected cell is worked out by hand from the comments at
//! the records.

mod common;

use common::*;
use leerspoor_domain::model::*;
use leerspoor_testdb::TestDb;

const RIETVEEN: &str = "GM9931";
const BOSDAM: &str = "GM9932";
const MEERSTAD: &str = "GM9933";

fn organisatie(ds: &mut Dataset) {
    ds.regio.push(Regio { code: "OM".into(), naam: "Oostmeer".into() });
    ds.subregios.push(Subregio { code: "OM".into(), naam: "Oostmeer".into() });
    for (code, naam, leerplicht_lokaal) in
        [(RIETVEEN, "Rietveen", false), (BOSDAM, "Bosdam", false), (MEERSTAD, "Meerstad", true)]
    {
        ds.gemeenten.push(Gemeente {
            code: gm(code),
            naam: naam.into(),
            subregio: "OM".into(),
            leerplicht_lokaal,
            vakantieregio: None,
            bezwaarcommissie: false,
        });
    }
    ds.scholen.push(School {
        brin: DUINLYCEUM.0.into(),
        vestiging: DUINLYCEUM.1.into(),
        naam: "Duinlyceum".into(),
        plaats: "Rietveen".into(),
        gemeente: Some(gm(RIETVEEN)),
        ..School::default()
    });
    ds.medewerkers.push(Medewerker {
        id: LPA.into(),
        naam: LPA.into(),
        email: "lpa@oostmeer.example".into(),
        rol: Rol::Leerplichtambtenaar,
        boa: false,
        fte: 1.0,
        gemeente: None,
        in_dienst: d("2015-01-01"),
        uit_dienst: None,
    });
}

/// A vrijstelling or verlof of `artikel`, granted by the leerplichtambtenaar on `van`, valid up to
/// and including `tot` (open-ended without).
fn vrijstelling(ds: &mut Dataset, jongere: &str, artikel: &str, van: &str, tot: Option<&str>) {
    ds.vrijstellingen.push(Vrijstelling {
        id: format!("V-{}", ds.vrijstellingen.len() + 1),
        jongere: jongere.into(),
        artikel: artikel.into(),
        status: VrijstellingStatus::Toegekend,
        aanvraagdatum: d(van),
        besluitdatum: Some(d(van)),
        geldig_van: Some(d(van)),
        geldig_tot: tot.map(d),
        beslisser: Beslisser::Leerplichtambtenaar,
        medewerker: Some(LPA.into()),
        artsverklaring_datum: None,
        swv_advies_datum: None,
        werkgeversverklaring_datum: None,
        verdaagd_tot: None,
        hoorzitting_op: None,
        dagen: None,
        toelichting: String::new(),
        bezwaar_op: None,
    });
}

fn oostmeer(ds: &mut Dataset) {
    use ThuiszitEinde::*;
    use ThuiszitSoort::*;
    // --- Rietveen: 20 youths of 5-17 on 1 October 2020 (16 named, 4 more). ---
    // Absoluut verzuim. Abe (12): two meldingen, one youth.
    jongere(ds, "J-ABE", "2008-01-01", RIETVEEN);
    melding(ds, "M-ABE-1", "J-ABE", "absoluut", "2020-11-02", None);
    melding(ds, "M-ABE-2", "J-ABE", "absoluut", "2021-03-01", None);
    // Bea (13): the office closed her melding as legitimately absent (she had a vrijstelling after
    // all): an administrative correction, not an absoluut verzuimer.
    jongere(ds, "J-BEA", "2007-05-05", RIETVEEN);
    let m = melding(ds, "M-BEA", "J-BEA", "absoluut", "2020-09-10", None);
    (m.status, m.reden_afsluiting) = ("afgesloten".into(), Some("geen_verzuim_legitiem".into()));
    // Relatief verzuim. Dirk (14): two 16-uur meldingen, each a case → herhaald.
    jongere(ds, "J-DIRK", "2006-06-06", RIETVEEN);
    melding(ds, "M-DIRK-1", "J-DIRK", "wettelijk_16_uur", "2020-10-05", None);
    melding(ds, "M-DIRK-2", "J-DIRK", "wettelijk_16_uur", "2021-02-01", None);
    // Eva (12): the second melding reports the same absence again → not herhaald.
    jongere(ds, "J-EVA", "2008-03-03", RIETVEEN);
    melding(ds, "M-EVA-1", "J-EVA", "wettelijk_16_uur", "2020-10-12", None);
    melding(ds, "M-EVA-2", "J-EVA", "wettelijk_16_uur", "2020-11-09", None).vervolg_op = Some("M-EVA-1".into());
    // Floor (10): 8 hours of luxe verzuim → luxe verzuim, not relatief (under 16 hours).
    jongere(ds, "J-FLOOR", "2010-04-04", RIETVEEN);
    melding(ds, "M-FLOOR", "J-FLOOR", "luxe", "2021-05-20", None).uren = Some(8);
    // Gijs (11): 10 hours of signaalverzuim (not counted), then 24 hours of luxe verzuim → relatief
    // and luxe.
    jongere(ds, "J-GIJS", "2009-09-09", RIETVEEN);
    melding(ds, "M-GIJS-1", "J-GIJS", "signaal", "2021-01-11", None).uren = Some(10);
    melding(ds, "M-GIJS-2", "J-GIJS", "luxe", "2021-06-01", None).uren = Some(24);
    // Hugo (15): ill, which is no verzuim.
    jongere(ds, "J-HUGO", "2005-01-01", RIETVEEN);
    melding(ds, "M-HUGO", "J-HUGO", "zorgwekkend_ziekteverzuim", "2020-11-16", None).uren = Some(40);
    // Ruud (12) moved to Bosdam on 15 October 2020; his first melding was while he lived here:
    // relatief and herhaald in Rietveen.
    jongere(ds, "J-RUUD", "2008-02-02", RIETVEEN);
    verhuist(ds, "J-RUUD", "2020-10-15", BOSDAM);
    melding(ds, "M-RUUD-1", "J-RUUD", "wettelijk_16_uur", "2020-09-15", None);
    melding(ds, "M-RUUD-2", "J-RUUD", "langdurig_1_maand", "2021-01-10", None);
    // Vrijstellingen. Jan (8): 5 sub a since 2019, running on 1 August. Kim (7): 5 sub b granted
    // on 15 October, later in the year. Lex (15): art. 15, running on 1 August.
    jongere(ds, "J-JAN", "2012-01-01", RIETVEEN);
    vrijstelling(ds, "J-JAN", "art5_sub_a", "2019-09-01", None);
    jongere(ds, "J-KIM", "2013-02-02", RIETVEEN);
    vrijstelling(ds, "J-KIM", "art5_sub_b", "2020-10-15", Some("2021-07-31"));
    jongere(ds, "J-LEX", "2005-03-03", RIETVEEN);
    vrijstelling(ds, "J-LEX", "art15", "2020-06-01", None);
    // Langdurig relatief verzuim. Max (13): out since May, still on 1 September → bij aanvang,
    // longer than 3 months.
    jongere(ds, "J-MAX", "2007-07-07", RIETVEEN);
    thuiszit(ds, "J-MAX", LangdurigRelatief, "2020-05-04", None, None);
    // Noor (12): 5 October – 4 December → new, two months.
    jongere(ds, "J-NOOR", "2008-08-08", RIETVEEN);
    thuiszit(ds, "J-NOOR", LangdurigRelatief, "2020-10-05", Some(("2020-12-04", Opgelost)), None);
    // Otto (13): 2 November – 1 March, then moved to Bosdam → new, longer than 3 months, verhuisd;
    // in Rietveen, where he lived when it began.
    jongere(ds, "J-OTTO", "2006-10-10", RIETVEEN);
    verhuist(ds, "J-OTTO", "2021-03-02", BOSDAM);
    thuiszit(ds, "J-OTTO", LangdurigRelatief, "2020-11-02", Some(("2021-03-01", VerhuisdOverleden)), None);
    // Pim (10): a thuiszitter not enrolled → absoluut verzuim, not langdurig relatief (and no
    // melding, so not an absoluut verzuimer either).
    jongere(ds, "J-PIM", "2010-11-11", RIETVEEN);
    thuiszit(ds, "J-PIM", Absoluut, "2020-10-01", None, None);
    // Quinn (13): resolved on 20 August, before 1 September → not in this year's opgave.
    jongere(ds, "J-QUINN", "2006-12-12", RIETVEEN);
    thuiszit(ds, "J-QUINN", LangdurigRelatief, "2020-03-02", Some(("2020-08-20", Opgelost)), None);
    // Iris turned 18 on 1 September 2020: no longer leerplichtig, her melding is not counted and
    // she is not in the population.
    jongere(ds, "J-IRIS", "2002-09-01", RIETVEEN);
    melding(ds, "M-IRIS", "J-IRIS", "wettelijk_16_uur", "2020-10-01", None);
    for i in 1..=4 {
        jongere(ds, &format!("J-RV{i}"), "2010-01-15", RIETVEEN);
    }

    // --- Bosdam: 10 youths of 5-17 on 1 October 2020 (4 named, 6 more; Ruud came later). ---
    // Sem (10) moved here on 1 September 2020; out of school since 10 August → bij aanvang in
    // Bosdam, longer than 3 months.
    jongere(ds, "J-SEM", "2010-05-05", RIETVEEN);
    verhuist(ds, "J-SEM", "2020-09-01", BOSDAM);
    thuiszit(ds, "J-SEM", LangdurigRelatief, "2020-08-10", None, None);
    // Tess (9): 5 sub c for the year; 15 days of verlof (11 sub g) is no vrijstelling.
    jongere(ds, "J-TESS", "2011-06-06", BOSDAM);
    vrijstelling(ds, "J-TESS", "art5_sub_c", "2020-08-01", Some("2021-07-31"));
    vrijstelling(ds, "J-TESS", "art11_sub_g", "2021-03-01", Some("2021-03-19"));
    // Uma (13): absoluut verzuim.
    jongere(ds, "J-UMA", "2007-04-04", BOSDAM);
    melding(ds, "M-UMA", "J-UMA", "absoluut", "2020-12-01", None);
    // Vin (11): the school withdrew its melding.
    jongere(ds, "J-VIN", "2008-12-12", BOSDAM);
    melding(ds, "M-VIN", "J-VIN", "wettelijk_16_uur", "2021-02-15", None).status = "ingetrokken".into();
    for i in 1..=6 {
        jongere(ds, &format!("J-BD{i}"), "2012-03-15", BOSDAM);
    }

    // --- Meerstad does leerplicht itself: 3 youths, its verzuim not counted here. ---
    jongere(ds, "J-WES", "2009-01-01", MEERSTAD);
    melding(ds, "M-WES", "J-WES", "wettelijk_16_uur", "2020-10-19", None);
    for i in 1..=2 {
        jongere(ds, &format!("J-MS{i}"), "2011-07-15", MEERSTAD);
    }
}

async fn register() -> Vec<TestDb> {
    register_met(organisatie, oostmeer).await
}

const RIJEN: [&str; 18] = [
    "jongeren_5_17",
    "absoluut_verzuim",
    "vrijstelling_art_5a",
    "vrijstelling_art_5b",
    "vrijstelling_art_5c",
    "vrijstelling_art_5a_trekkend",
    "vrijstelling_art_15",
    "vrijstelling_art_3a",
    "vrijstelling_art_3b",
    "vrijstellingen_totaal",
    "relatief_verzuim",
    "relatief_herhaald",
    "luxe_verzuim",
    "lrv_bij_aanvang",
    "lrv_nieuw",
    "lrv_totaal",
    "lrv_langer_dan_3_maanden",
    "lrv_verhuisd_overleden",
];

/// A column's cells in the order of [`RIJEN`].
fn kolom(t: &leerspoor_report::Tabel, kolom: &str) -> Vec<Option<f64>> {
    RIJEN.iter().map(|r| t.cel(r, kolom)).collect()
}

#[tokio::test]
async fn art25_opgave_counts_the_forms_measures_per_gemeente() {
    for db in register().await {
        let s = &db.store;
        let t = tabel(s, "regio", "art25_opgave").await;
        klopt(&t);
        assert_eq!(rijen(&t), RIJEN);
        assert_eq!(kolommen(&t), [RIETVEEN, BOSDAM, MEERSTAD, "totaal"]);
        #[rustfmt::skip]
        let rietveen = w(&[
            20.0,                               // leerplichtigen
            1.0,                                // absoluut: Abe (not Bea)
            1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0,  // 5a Jan, 5b Kim, 15 Lex
            3.0,
            4.0, 2.0, 2.0,                      // Dirk, Eva, Gijs, Ruud; herhaald Dirk, Ruud; luxe Floor, Gijs
            1.0, 2.0, 3.0, 2.0, 1.0,            // Max; Noor, Otto; > 3 maanden Max, Otto; verhuisd Otto
        ]);
        assert_eq!(kolom(&t, RIETVEEN), rietveen);
        #[rustfmt::skip]
        let bosdam = w(&[
            10.0,
            1.0,                                // Uma
            0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0,  // 5c Tess (not her verlof)
            1.0,
            0.0, 0.0, 0.0,                      // Vin's melding was withdrawn
            1.0, 0.0, 1.0, 1.0, 0.0,            // Sem
        ]);
        assert_eq!(kolom(&t, BOSDAM), bosdam);
        // Meerstad: the population only.
        let mut meerstad = vec![Some(3.0)];
        meerstad.extend([None; 17]);
        assert_eq!(kolom(&t, MEERSTAD), meerstad);
        let totaal: Vec<Option<f64>> = rietveen
            .iter()
            .zip(&bosdam)
            .zip(&meerstad)
            .map(|((a, b), c)| Some(a.unwrap() + b.unwrap() + c.unwrap_or(0.0)))
            .collect();
        assert_eq!(kolom(&t, "totaal"), totaal);

        // Bosdam alone: the same column, and its total.
        let t = tabel(s, "gemeente:GM9932", "art25_opgave").await;
        klopt(&t);
        assert_eq!(kolommen(&t), [BOSDAM, "totaal"]);
        assert_eq!(kolom(&t, BOSDAM), bosdam);
        assert_eq!(kolom(&t, "totaal"), bosdam);
    }
}

/// The opgave and the jaarverslag count the same measures with the same code: the self-check finds
/// nothing, and the cells agree where the opgave's column meets the jaarverslag's row.
#[tokio::test]
async fn art25_opgave_agrees_with_the_jaarverslag_tables_of_the_same_measures() {
    for db in register().await {
        let k = std::sync::Arc::new(kader(&db.store, "regio").await.unwrap());
        let tabellen = leerspoor_report::bereken(&k, &leerspoor_report::art25_met_controle()).await.unwrap();
        let ids: Vec<&str> = tabellen.iter().map(|t| t.id).collect();
        assert_eq!(ids, ["vrijstellingen_gemeente", "verzuim_per_1000", "art25_opgave"]);
        assert_eq!(leerspoor_report::controleer(&tabellen), Vec::<String>::new());
        let (vrij, per_1000, opgave) = (&tabellen[0], &tabellen[1], &tabellen[2]);
        assert_eq!(per_1000.cel(RIETVEEN, "absoluut"), Some(1.0), "Bea niet, zoals de opgave");
        assert_eq!(per_1000.cel(RIETVEEN, "relatief"), opgave.cel("relatief_verzuim", RIETVEEN));
        assert_eq!(vrij.cel("totaal", "totaal"), Some(4.0));

        // A slip in one table is found and named.
        let mut anders = tabellen.clone();
        let r = anders[2].rows.iter().position(|r| r.key == "absoluut_verzuim").unwrap();
        anders[2].rows[r].values[1] = leerspoor_report::Waarde::getal(2);
        anders[2].rows[r].values[3] = leerspoor_report::Waarde::getal(3);
        assert_eq!(
            leerspoor_report::controleer(&anders),
            [
                "tabel verzuim_per_1000 telt in rij 'GM9932' 1 in kolom 'absoluut', tabel art25_opgave 2 in rij 'absoluut_verzuim'; dezelfde maat hoort gelijk te zijn"
            ]
        );
    }
}
