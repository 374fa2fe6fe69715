//! Golden tests for the verzuim and population tables of the jaarverslag (docs/tabellen.md),
//! verslagjaar 2020-2021 with 2019-2020 beside it where the table shows two years:
//! `vrijstellingen`, `verzuim_schoolherkomst`, `halt_pv_soort`, `halt_pv_afhandeling`,
//! `thuiszitters`, `vsv_bestemming`, `ingeschreven_pct` and `verzuim_per_1000`.
//!
//! Each table gets its own small register of the region Westkust, imported like any data, so that
//! every expected cell can be worked out by hand from the table's definition; the comments at each
//! record say where it counts.
//!
//! Westkust has two subregio's: DL (Duinland) with Strandorp (GM9911) and Helmdal (GM9912), and HM
//! (Havenmond) with the gemeente Havenmond (GM9913), which does leerplicht itself: the region holds
//! only its 18-23 work there. A youth lives in Strandorp from birth unless the record says otherwise.
//! Schools: De Schelp (basisschool, WPO), VSO De Branding (WEC), the Duinlyceum (havo, WVO), ROC
//! Westkust (MBO and VAVO, WEB) and the private Zeewindschool (onderwijs onbekend).

// The record builders and table readers, shared with gouden.rs.
mod common;

use common::*;
use leerspoor_domain::model::*;
use leerspoor_domain::onderwijs::{Niveau, Onderwijssoort, VsoProfiel};
use leerspoor_testdb::TestDb;

const STRANDORP: &str = "GM9911";
const HELMDAL: &str = "GM9912";
const HAVENMOND: &str = "GM9913";

const DE_SCHELP: (&str, &str) = ("20CD", "00");
const DE_BRANDING: (&str, &str) = ("50JK", "00");
const ROC: (&str, &str) = ("30EF", "01");
const ZEEWIND: (&str, &str) = ("60LM", "00");

// ---------------------------------------------------------------------------------------------
// The region and the builders only these tables need.
// ---------------------------------------------------------------------------------------------

fn organisatie(ds: &mut Dataset) {
    ds.regio.push(Regio { code: "WK".into(), naam: "Westkust".into() });
    ds.subregios.push(Subregio { code: "DL".into(), naam: "Duinland".into() });
    ds.subregios.push(Subregio { code: "HM".into(), naam: "Havenmond".into() });
    for (code, naam, subregio, leerplicht_lokaal) in
        [(STRANDORP, "Strandorp", "DL", false), (HELMDAL, "Helmdal", "DL", false), (HAVENMOND, "Havenmond", "HM", true)]
    {
        ds.gemeenten.push(Gemeente {
            code: gm(code),
            naam: naam.into(),
            subregio: subregio.into(),
            leerplicht_lokaal,
            vakantieregio: None,
            bezwaarcommissie: false,
        });
    }
    for ((brin, vestiging), naam, gemeente) in [
        (DE_SCHELP, "Basisschool De Schelp", STRANDORP),
        (DE_BRANDING, "VSO De Branding", HELMDAL),
        (DUINLYCEUM, "Duinlyceum", STRANDORP),
        (ROC, "ROC Westkust", STRANDORP),
        (ZEEWIND, "Zeewindschool (particulier)", HELMDAL),
    ] {
        ds.scholen.push(School {
            brin: brin.into(),
            vestiging: vestiging.into(),
            naam: naam.into(),
            plaats: naam.into(),
            gemeente: Some(gm(gemeente)),
            ..School::default()
        });
    }
    medewerker(ds, BOA, Rol::Leerplichtambtenaar, true, "2015-01-01", None);
    medewerker(ds, LPA, Rol::Leerplichtambtenaar, false, "2015-01-01", None);
    medewerker(ds, RMC, Rol::RmcConsulent, false, "2015-01-01", None);
}

fn medewerker(ds: &mut Dataset, id: &str, rol: Rol, boa: bool, in_dienst: &str, uit_dienst: Option<&str>) {
    ds.medewerkers.push(Medewerker {
        id: id.into(),
        naam: id.into(),
        email: format!("{}@westkust.example", id.to_lowercase()),
        rol,
        boa,
        fte: 1.0,
        gemeente: None,
        in_dienst: d(in_dienst),
        uit_dienst: uit_dienst.map(d),
    });
}

/// An enrolment at the region's school of that kind.
fn school(ds: &mut Dataset, jongere: &str, soort: Onderwijssoort, van: &str, tot: Option<&str>) {
    use Onderwijssoort::*;
    let (school, niveau, profiel) = match soort {
        Bao | Sbo => (DE_SCHELP, None, None),
        So => (DE_BRANDING, None, None),
        Vso => (DE_BRANDING, None, Some(VsoProfiel::Vervolgonderwijs)),
        Vo => (DUINLYCEUM, Some(Niveau::Havo), None),
        Pro => (DUINLYCEUM, None, None),
        Mbo => (ROC, Some(Niveau::Mbo2), None),
        Vavo => (ROC, Some(Niveau::Havo), None),
        Ho | Onbekend => (ZEEWIND, None, None),
    };
    inschrijving(ds, jongere, school, soort, niveau, profiel, van, tot);
}

/// A request granted by the leerplichtambtenaar on `besluit`, valid from that day.
fn vrijstelling<'a>(ds: &'a mut Dataset, jongere: &str, artikel: &str, besluit: &str) -> &'a mut Vrijstelling {
    ds.vrijstellingen.push(Vrijstelling {
        id: format!("V-{}", ds.vrijstellingen.len() + 1),
        jongere: jongere.into(),
        artikel: artikel.into(),
        status: VrijstellingStatus::Toegekend,
        aanvraagdatum: d(besluit),
        besluitdatum: Some(d(besluit)),
        geldig_van: Some(d(besluit)),
        geldig_tot: None,
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
    ds.vrijstellingen.last_mut().expect("net toegevoegd")
}

/// A VSV-melding from DUO: the youth left MBO 2 on `uitval`.
fn vsv(ds: &mut Dataset, jongere: &str, uitval: &str) {
    ds.vsv_meldingen.push(VsvMelding {
        id: format!("VSV-{jongere}-{uitval}"),
        jongere: jongere.into(),
        uitvaldatum: d(uitval),
        bron: VsvBron::Duo,
        onderwijssoort: Onderwijssoort::Mbo,
        niveau: Some(Niveau::Mbo2),
        brin: Some(ROC.0.into()),
    });
}

/// A register of Westkust with only the records `bouw` adds.
async fn westkust(bouw: fn(&mut Dataset)) -> Vec<TestDb> {
    register_met(organisatie, bouw).await
}

// ---------------------------------------------------------------------------------------------
// vrijstellingen (seed 000 Tabel 2).
// ---------------------------------------------------------------------------------------------

fn vrijstellingen(ds: &mut Dataset) {
    // --- 2019-2020 ---
    // Cees (14): 3a on 1 August 2019, the first day of 2019-2020.
    jongere(ds, "J-CEES", "2005-03-03", STRANDORP);
    vrijstelling(ds, "J-CEES", "art3a", "2019-08-01");
    // Dirk: 3b on 31 July 2019 belongs to 2018-2019: in no column.
    jongere(ds, "J-DIRK", "2004-04-04", STRANDORP);
    vrijstelling(ds, "J-DIRK", "art3b", "2019-07-31");
    // Pien: 5 sub c on 31 July 2020, the last day of 2019-2020.
    jongere(ds, "J-PIEN", "2010-05-05", STRANDORP);
    vrijstelling(ds, "J-PIEN", "art5_sub_c", "2020-07-31");
    // Abel (Helmdal): 15 days of leave for important circumstances: more than 10 days, so the
    // leerplichtambtenaar decides → art_11g.
    jongere(ds, "J-ABEL", "2009-06-06", HELMDAL);
    vrijstelling(ds, "J-ABEL", "art11_sub_g", "2019-12-02").dagen = Some(15);

    // --- 2020-2021 ---
    // Noor: 5 sub a on 1 August 2020, the first day.
    jongere(ds, "J-NOOR", "2011-01-01", STRANDORP);
    vrijstelling(ds, "J-NOOR", "art5_sub_a", "2020-08-01");
    // Olle: 5 sub a on 31 July 2021, the last day. He lived in Helmdal on 1 October 2020 and moved
    // to Strandorp the next day: he counts in Helmdal.
    jongere(ds, "J-OLLE", "2012-02-02", HELMDAL);
    verhuist(ds, "J-OLLE", "2020-10-02", STRANDORP);
    vrijstelling(ds, "J-OLLE", "art5_sub_a", "2021-07-31");
    // Ruud: 5 sub c on 1 August 2021: 2021-2022.
    jongere(ds, "J-RUUD", "2010-03-03", STRANDORP);
    vrijstelling(ds, "J-RUUD", "art5_sub_c", "2021-08-01");
    // Sem turns 5 on the day of the decision: counted. Teun, a day younger, is still 4: not.
    jongere(ds, "J-SEM", "2015-09-01", STRANDORP);
    vrijstelling(ds, "J-SEM", "art5_sub_b", "2020-09-01");
    jongere(ds, "J-TEUN", "2015-09-02", STRANDORP);
    vrijstelling(ds, "J-TEUN", "art5_sub_b", "2020-09-01");
    // Born on 29 February 2016: 5 on 1 March 2021 (2021 has no 29 February). Xander's decision of
    // 28 February comes while he is 4: not counted; Yfke's of 1 March: counted.
    jongere(ds, "J-XANDER", "2016-02-29", STRANDORP);
    vrijstelling(ds, "J-XANDER", "art5_sub_b", "2021-02-28");
    jongere(ds, "J-YFKE", "2016-02-29", STRANDORP);
    vrijstelling(ds, "J-YFKE", "art5_sub_b", "2021-03-01");
    // Ute turns 18 on the day of the decision: not counted. Vince is 18 the next day: counted.
    jongere(ds, "J-UTE", "2002-11-20", STRANDORP);
    vrijstelling(ds, "J-UTE", "art15", "2020-11-20");
    jongere(ds, "J-VINCE", "2002-11-21", STRANDORP);
    vrijstelling(ds, "J-VINCE", "art15", "2020-11-20");
    // Eva: trekkend bestaan (5a).
    jongere(ds, "J-EVA", "2013-03-03", STRANDORP);
    vrijstelling(ds, "J-EVA", "art5a", "2021-01-15");
    // Fleur: 3b, contested by bezwaar; the grant stands meanwhile (Awb 6:16): counted.
    jongere(ds, "J-FLEUR", "2005-05-05", STRANDORP);
    vrijstelling(ds, "J-FLEUR", "art3b", "2020-09-10").bezwaar_op = Some(d("2020-10-01"));
    // Zara: 8 days of leave, decided by the school head: only recorded, not counted.
    jongere(ds, "J-ZARA", "2012-12-12", STRANDORP);
    let verlof = vrijstelling(ds, "J-ZARA", "art11_sub_g", "2020-10-05");
    verlof.beslisser = Beslisser::Schoolleider;
    verlof.medewerker = None;
    verlof.dagen = Some(8);
    // Bram: 3a refused.
    jongere(ds, "J-BRAM", "2006-06-06", STRANDORP);
    vrijstelling(ds, "J-BRAM", "art3a", "2020-10-10").status = VrijstellingStatus::Afgewezen;
}

#[tokio::test]
async fn vrijstellingen_granted_by_the_lpa_in_the_schooljaar_of_the_decision() {
    for db in westkust(vrijstellingen).await {
        let t = tabel(&db.store, "regio", "vrijstellingen").await;
        klopt(&t);
        assert_eq!(kolommen(&t), ["2019_2020", "2020_2021"]);
        assert_eq!(
            rijen(&t),
            ["art_3a", "art_3b", "art_5a", "art_5b", "art_5c", "art_5a_trekkend", "art_11g", "art_15", "totaal"]
        );
        // Cees (1 August 2019); Bram's 3a was refused.
        assert_eq!(rij(&t, "art_3a"), w(&[1.0, 0.0]));
        // Fleur, under bezwaar; Dirk's decision of 31 July 2019 is in 2018-2019.
        assert_eq!(rij(&t, "art_3b"), w(&[0.0, 1.0]));
        // Noor (1 August 2020) and Olle (31 July 2021).
        assert_eq!(rij(&t, "art_5a"), w(&[0.0, 2.0]));
        // Sem (5 that day) and Yfke (5 on 1 March 2021); not Teun nor Xander, still 4.
        assert_eq!(rij(&t, "art_5b"), w(&[0.0, 2.0]));
        // Pien (31 July 2020); Ruud's of 1 August 2021 is in 2021-2022.
        assert_eq!(rij(&t, "art_5c"), w(&[1.0, 0.0]));
        assert_eq!(rij(&t, "art_5a_trekkend"), w(&[0.0, 1.0]), "Eva");
        // Abel's 15 days by the leerplichtambtenaar; Zara's 8 days by the school head do not count.
        assert_eq!(rij(&t, "art_11g"), w(&[1.0, 0.0]));
        // Vince (17); Ute turned 18 on the decision date.
        assert_eq!(rij(&t, "art_15"), w(&[0.0, 1.0]));
        assert_eq!(rij(&t, "totaal"), w(&[3.0, 7.0]));

        // By residence on 1 October of the decision's schooljaar: Abel, and Olle who moved away
        // the day after.
        let t = tabel(&db.store, "gemeente:GM9912", "vrijstellingen").await;
        klopt(&t);
        assert_eq!(rij(&t, "art_11g"), w(&[1.0, 0.0]));
        assert_eq!(rij(&t, "art_5a"), w(&[0.0, 1.0]));
        assert_eq!(rij(&t, "totaal"), w(&[1.0, 1.0]));
        let t = tabel(&db.store, "gemeente:GM9911", "vrijstellingen").await;
        klopt(&t);
        assert_eq!(rij(&t, "art_5a"), w(&[0.0, 1.0]), "Noor");
        assert_eq!(rij(&t, "totaal"), w(&[2.0, 6.0]));
    }
}

// ---------------------------------------------------------------------------------------------
// verzuim_schoolherkomst (seed 000 Tabel 3).
// ---------------------------------------------------------------------------------------------

fn meldingen_per_herkomst(ds: &mut Dataset) {
    use Onderwijssoort::*;
    // --- 2020-2021, subregio DL ---
    // Ada (9, basisschool): a 16-uur melding on 1 August 2020, the first day → relatief, wpo.
    jongere(ds, "J-ADA", "2011-04-04", STRANDORP);
    school(ds, "J-ADA", Bao, "2015-08-01", None);
    melding(ds, "M-ADA", "J-ADA", "wettelijk_16_uur", "2020-08-01", None);
    // Bo (havo): signaal → relatief, wvo; luxe → luxe, wvo; a signaal on 1 August 2021 is 2021-2022.
    jongere(ds, "J-BO", "2006-05-05", STRANDORP);
    school(ds, "J-BO", Vo, "2018-08-01", None);
    melding(ds, "M-BO-1", "J-BO", "signaal", "2020-10-05", None);
    melding(ds, "M-BO-2", "J-BO", "luxe", "2021-03-01", None);
    melding(ds, "M-BO-3", "J-BO", "signaal", "2021-08-01", None);
    // Cato (Helmdal, VSO): beginnend verzuim → relatief, wec.
    jongere(ds, "J-CATO", "2008-06-06", HELMDAL);
    school(ds, "J-CATO", Vso, "2014-08-01", None);
    melding(ds, "M-CATO", "J-CATO", "beginnend", "2021-01-10", None);
    // Daan (MBO) turns 18 on 10 February 2021: the 16-uur melding of the 9th is relatief, the one of
    // the 10th goes to the 18+ row of DL, whatever its kind. Both web.
    jongere(ds, "J-DAAN", "2003-02-10", STRANDORP);
    school(ds, "J-DAAN", Mbo, "2019-08-01", None);
    melding(ds, "M-DAAN-1", "J-DAAN", "wettelijk_16_uur", "2021-02-09", None);
    melding(ds, "M-DAAN-2", "J-DAAN", "wettelijk_16_uur", "2021-02-10", None);
    // Eline (19, MBO): 18+ verzuim → 18+ DL, web.
    jongere(ds, "J-ELINE", "2001-07-07", STRANDORP);
    school(ds, "J-ELINE", Mbo, "2019-08-01", None);
    melding(ds, "M-ELINE", "J-ELINE", "achttien_plus", "2020-11-11", None);
    // Fedde (MBO) turns 23 on 1 April 2021: counted on 31 March (22), not on 1 April.
    jongere(ds, "J-FEDDE", "1998-04-01", STRANDORP);
    school(ds, "J-FEDDE", Mbo, "2019-08-01", None);
    melding(ds, "M-FEDDE-1", "J-FEDDE", "achttien_plus", "2021-03-31", None);
    melding(ds, "M-FEDDE-2", "J-FEDDE", "achttien_plus", "2021-04-01", None);
    // Gijs, born 29 February 2016, turns 5 on 1 March 2021: the melding of 28 February (still 4)
    // is not counted, the one of 1 March is → relatief, wpo.
    jongere(ds, "J-GIJS", "2016-02-29", STRANDORP);
    school(ds, "J-GIJS", Bao, "2020-08-20", None);
    melding(ds, "M-GIJS-1", "J-GIJS", "signaal", "2021-02-28", None);
    melding(ds, "M-GIJS-2", "J-GIJS", "signaal", "2021-03-01", None);
    // Kees (private school) lived in Havenmond until 30 November 2020: that day's melding is
    // Havenmond's own leerplicht work (not counted); the next, in Strandorp → relatief, onbekend.
    jongere(ds, "J-KEES", "2007-07-07", HAVENMOND);
    verhuist(ds, "J-KEES", "2020-12-01", STRANDORP);
    school(ds, "J-KEES", Onbekend, "2019-08-01", None);
    melding(ds, "M-KEES-1", "J-KEES", "wettelijk_16_uur", "2020-11-30", None);
    melding(ds, "M-KEES-2", "J-KEES", "signaal", "2020-12-01", None);
    // Lot left the Duinlyceum on 31 July 2020: absoluut verzuim by the education last followed → wvo.
    jongere(ds, "J-LOT", "2004-08-08", STRANDORP);
    school(ds, "J-LOT", Vo, "2016-08-01", Some("2020-07-31"));
    melding(ds, "M-LOT", "J-LOT", "absoluut", "2020-09-15", None);
    // Mees (7) was never enrolled → absoluut, geen_inschrijving.
    jongere(ds, "J-MEES", "2013-01-13", STRANDORP);
    melding(ds, "M-MEES", "J-MEES", "absoluut", "2020-10-01", None);
    // Noa: a preventive contact, a withdrawn melding and worrying illness: none counts.
    jongere(ds, "J-NOA", "2007-09-09", STRANDORP);
    school(ds, "J-NOA", Vo, "2019-08-01", None);
    melding(ds, "M-NOA-1", "J-NOA", "signaal", "2020-09-10", None).preventief = true;
    melding(ds, "M-NOA-2", "J-NOA", "wettelijk_16_uur", "2020-09-20", None).status = "ingetrokken".into();
    melding(ds, "M-NOA-3", "J-NOA", "zorgwekkend_ziekteverzuim", "2020-10-10", None);
    // Otto's enrolment ended on 31 December 2020; the school's melding of 5 January 2021 is relatief
    // verzuim without an enrolment that day (only absoluut verzuim looks back) → geen_inschrijving.
    jongere(ds, "J-OTTO", "2006-10-10", STRANDORP);
    school(ds, "J-OTTO", Vo, "2018-08-01", Some("2020-12-31"));
    melding(ds, "M-OTTO", "J-OTTO", "wettelijk_16_uur", "2021-01-05", None);
    // Pim (basisschool): luxe → luxe, wpo.
    jongere(ds, "J-PIM", "2012-12-12", STRANDORP);
    school(ds, "J-PIM", Bao, "2016-08-01", None);
    melding(ds, "M-PIM", "J-PIM", "luxe", "2021-05-20", None);
    // Roos is enrolled at the Duinlyceum until 31 January and at the ROC from 1 January 2021: on
    // 20 January the latest begun, the ROC → relatief, web.
    jongere(ds, "J-ROOS", "2004-11-11", STRANDORP);
    school(ds, "J-ROOS", Vo, "2016-08-01", Some("2021-01-31"));
    school(ds, "J-ROOS", Mbo, "2021-01-01", None);
    melding(ds, "M-ROOS", "J-ROOS", "wettelijk_16_uur", "2021-01-20", None);

    // Wim (19, ROC) left for abroad on 30 September 2020: the 18+ melding of 15 October finds him
    // without an address in the region → a row of its own (only in a year that has one), web.
    jongere(ds, "J-WIM", "2001-03-03", STRANDORP);
    vertrekt(ds, "J-WIM", "2020-09-30");
    school(ds, "J-WIM", Mbo, "2019-08-01", None);
    melding(ds, "M-WIM", "J-WIM", "achttien_plus", "2020-10-15", None);

    // --- 2020-2021, Havenmond (leerplicht lokaal) ---
    // Hanna (15): Havenmond's own leerplicht work → not counted.
    jongere(ds, "J-HANNA", "2005-05-15", HAVENMOND);
    school(ds, "J-HANNA", Vo, "2017-08-01", None);
    melding(ds, "M-HANNA", "J-HANNA", "wettelijk_16_uur", "2020-12-01", None);
    // Ivo (21): 18+ verzuim → 18+ HM, web.
    jongere(ds, "J-IVO", "2000-02-02", HAVENMOND);
    school(ds, "J-IVO", Mbo, "2018-08-01", None);
    melding(ds, "M-IVO", "J-IVO", "achttien_plus", "2021-02-02", None);
    // Jorn (18) reported with the 16-uur kind: 18 or older decides → 18+ HM, web.
    jongere(ds, "J-JORN", "2002-06-30", HAVENMOND);
    school(ds, "J-JORN", Mbo, "2019-08-01", None);
    melding(ds, "M-JORN", "J-JORN", "wettelijk_16_uur", "2020-10-20", None);

    // --- 2019-2020 ---
    // Sara (basisschool): 31 July 2020, the last day of 2019-2020 → relatief, wpo; the melding of
    // 31 July 2019 is 2018-2019.
    jongere(ds, "J-SARA", "2010-01-01", STRANDORP);
    school(ds, "J-SARA", Bao, "2014-08-01", None);
    melding(ds, "M-SARA-1", "J-SARA", "wettelijk_16_uur", "2020-07-31", None);
    melding(ds, "M-SARA-2", "J-SARA", "wettelijk_16_uur", "2019-07-31", None);
    // Tijn (18, MBO) → 18+ DL, web.
    jongere(ds, "J-TIJN", "2000-09-09", STRANDORP);
    school(ds, "J-TIJN", Mbo, "2018-08-01", None);
    melding(ds, "M-TIJN", "J-TIJN", "achttien_plus", "2019-09-01", None);
    // Uma (18, Havenmond, VAVO) → 18+ HM, web.
    jongere(ds, "J-UMA", "2000-10-10", HAVENMOND);
    school(ds, "J-UMA", Vavo, "2019-08-01", None);
    melding(ds, "M-UMA", "J-UMA", "achttien_plus", "2019-10-01", None);
    // Vos (basisschool): luxe → luxe, wpo.
    jongere(ds, "J-VOS", "2013-03-03", STRANDORP);
    school(ds, "J-VOS", Bao, "2017-08-01", None);
    melding(ds, "M-VOS", "J-VOS", "luxe", "2019-12-20", None);
}

#[tokio::test]
async fn verzuim_schoolherkomst_counts_meldingen_by_kind_and_enrolment_on_the_melding_date() {
    for db in westkust(meldingen_per_herkomst).await {
        let t = tabel(&db.store, "regio", "verzuim_schoolherkomst").await;
        klopt(&t);
        assert_eq!(kolommen(&t), ["wpo", "wec", "wvo", "web", "onbekend", "geen_inschrijving", "totaal"]);
        // 18+ of the subregio that leaves leerplicht to the region inside the subtotal, of the one
        // that does leerplicht itself after it; 18+ without an address in the region only in a year
        // that has such a melding (Wim, 2020-2021).
        let rijen_van = |jaar: &'static str, onbekend: bool| {
            let mut r = vec!["relatief", "relatief_18plus_DL", "luxe", "absoluut", "subtotaal", "relatief_18plus_HM"];
            r.extend(onbekend.then_some("relatief_18plus_onbekend"));
            r.push("totaal");
            r.into_iter().map(move |k| format!("{k}_{jaar}"))
        };
        let verwacht: Vec<String> = rijen_van("2019_2020", false).chain(rijen_van("2020_2021", true)).collect();
        assert_eq!(rijen(&t), verwacht);

        // 2020-2021, columns wpo, wec, wvo, web, onbekend, geen_inschrijving, totaal.
        // Ada and Gijs (1 March); Cato; Bo; Daan (17) and Roos; Kees; Otto.
        assert_eq!(rij(&t, "relatief_2020_2021"), w(&[2.0, 1.0, 1.0, 2.0, 1.0, 1.0, 8.0]));
        // Daan (18), Eline, Fedde (22). Not Fedde at 23.
        assert_eq!(rij(&t, "relatief_18plus_DL_2020_2021"), w(&[0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 3.0]));
        // Pim; Bo.
        assert_eq!(rij(&t, "luxe_2020_2021"), w(&[1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 2.0]));
        // Lot (last followed the Duinlyceum); Mees (never enrolled).
        assert_eq!(rij(&t, "absoluut_2020_2021"), w(&[0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 2.0]));
        assert_eq!(rij(&t, "subtotaal_2020_2021"), w(&[3.0, 1.0, 3.0, 5.0, 1.0, 2.0, 15.0]));
        // Ivo and Jorn; Hanna and Kees's melding of 30 November are Havenmond's own work.
        assert_eq!(rij(&t, "relatief_18plus_HM_2020_2021"), w(&[0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 2.0]));
        assert_eq!(rij(&t, "relatief_18plus_onbekend_2020_2021"), w(&[0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0]), "Wim");
        assert_eq!(rij(&t, "totaal_2020_2021"), w(&[3.0, 1.0, 3.0, 8.0, 1.0, 2.0, 18.0]));

        // 2019-2020: Sara (31 July 2020); Tijn; Vos; Uma.
        assert_eq!(rij(&t, "relatief_2019_2020"), w(&[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]));
        assert_eq!(rij(&t, "relatief_18plus_DL_2019_2020"), w(&[0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0]));
        assert_eq!(rij(&t, "luxe_2019_2020"), w(&[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]));
        assert_eq!(rij(&t, "absoluut_2019_2020"), w(&[0.0; 7]));
        assert_eq!(rij(&t, "subtotaal_2019_2020"), w(&[2.0, 0.0, 0.0, 1.0, 0.0, 0.0, 3.0]));
        assert_eq!(rij(&t, "relatief_18plus_HM_2019_2020"), w(&[0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0]));
        assert_eq!(rij(&t, "totaal_2019_2020"), w(&[2.0, 0.0, 0.0, 2.0, 0.0, 0.0, 4.0]));

        // Every row's totaal is the sum of its schoolherkomst columns.
        for r in rijen(&t) {
            let som: f64 = kolommen(&t)[..6].iter().map(|k| t.cel(r, k).unwrap()).sum();
            assert_eq!(t.cel(r, "totaal"), Some(som), "{r}");
        }

        // Subregio HM: only the meldingen of youths living in Havenmond on the melding date.
        let t = tabel(&db.store, "subregio:HM", "verzuim_schoolherkomst").await;
        klopt(&t);
        assert_eq!(t.cel("relatief_18plus_HM_2020_2021", "web"), Some(2.0), "Ivo and Jorn");
        assert_eq!(t.cel("totaal_2020_2021", "totaal"), Some(2.0));
        assert_eq!(t.cel("subtotaal_2020_2021", "totaal"), Some(0.0));
        assert_eq!(t.cel("totaal_2019_2020", "totaal"), Some(1.0), "Uma");
        assert!(!rijen(&t).contains(&"relatief_18plus_onbekend_2020_2021"), "Wim lives in no gemeente");
        // Gemeente Helmdal: Cato only.
        let t = tabel(&db.store, "gemeente:GM9912", "verzuim_schoolherkomst").await;
        klopt(&t);
        assert_eq!(rij(&t, "relatief_2020_2021"), w(&[0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0]));
        assert_eq!(t.cel("totaal_2020_2021", "totaal"), Some(1.0));
    }
}

// ---------------------------------------------------------------------------------------------
// halt_pv_soort and halt_pv_afhandeling (seed 000 Tabel 4 and 5).
// ---------------------------------------------------------------------------------------------

fn maatregelen(ds: &mut Dataset) {
    use ActieSoort::*;
    use ZaakSoort::*;
    // BOAs in service on 1 October: 2019 → BOA, Oud, Uit (3); 2020 → BOA, Nieuw, Laat, Uit (4).
    medewerker(ds, "MW-BOA-OUD", Rol::Leerplichtambtenaar, true, "2010-01-01", Some("2020-09-30"));
    medewerker(ds, "MW-BOA-NIEUW", Rol::Leerplichtambtenaar, true, "2020-10-01", None);
    medewerker(ds, "MW-BOA-LAAT", Rol::Leerplichtambtenaar, true, "2019-10-02", None);
    // Uit's last day in service is 1 October 2020 itself.
    medewerker(ds, "MW-BOA-UIT", Rol::Leerplichtambtenaar, true, "2012-01-01", Some("2020-10-01"));

    // --- 2020-2021 ---
    // Anna: relatief. HALT on 1 August 2020 (negative: still a leerstraf), a warning (no measure of
    // these tables), a PV → schikking.
    jongere(ds, "J-ANNA", "2007-01-01", STRANDORP);
    zaak(ds, "Z-ANNA", "J-ANNA", RelatiefVerzuim, "2020-07-01", None);
    melding(ds, "M-ANNA", "J-ANNA", "wettelijk_16_uur", "2020-06-29", Some("Z-ANNA"));
    actie(ds, "J-ANNA", Some("Z-ANNA"), Halt, "2020-08-01").uitkomst = Some("halt_negatief".into());
    actie(ds, "J-ANNA", Some("Z-ANNA"), Waarschuwing, "2020-10-01");
    actie(ds, "J-ANNA", Some("Z-ANNA"), ProcesVerbaal, "2020-11-02").uitkomst = Some("schikking".into());
    // Bas: a relatief zaak that also holds a luxe melding → luxe. PV on 31 July 2021, sepot → overig.
    jongere(ds, "J-BAS", "2008-02-02", STRANDORP);
    zaak(ds, "Z-BAS", "J-BAS", RelatiefVerzuim, "2021-03-01", None);
    melding(ds, "M-BAS-1", "J-BAS", "wettelijk_16_uur", "2021-02-26", Some("Z-BAS"));
    melding(ds, "M-BAS-2", "J-BAS", "luxe", "2021-05-03", Some("Z-BAS"));
    actie(ds, "J-BAS", Some("Z-BAS"), ProcesVerbaal, "2021-07-31").uitkomst = Some("sepot".into());
    // Cor: luxe. Lived in Helmdal until 30 September 2020, in Strandorp on 1 October. Two PVs on
    // one day, against him (zitting) and his father (overig, hulp en steun): two measures.
    jongere(ds, "J-COR", "2006-03-03", HELMDAL);
    verhuist(ds, "J-COR", "2020-10-01", STRANDORP);
    ds.ouders.push(Ouder {
        id: "O-COR".into(),
        bsn: None,
        voornamen: "Cornelis".into(),
        tussenvoegsel: String::new(),
        achternaam: "Westkust".into(),
        telefoon: "0612345678".into(),
        email: String::new(),
    });
    ds.gezinsrelaties.push(Gezinsrelatie {
        jongere: "J-COR".into(),
        ouder: "O-COR".into(),
        relatie: OuderRelatie::Vader,
        gezag: true,
    });
    zaak(ds, "Z-COR", "J-COR", RelatiefVerzuim, "2020-09-01", None);
    melding(ds, "M-COR", "J-COR", "luxe", "2020-08-31", Some("Z-COR"));
    actie(ds, "J-COR", Some("Z-COR"), ProcesVerbaal, "2020-09-10").uitkomst = Some("zitting".into());
    let pv = actie(ds, "J-COR", Some("Z-COR"), ProcesVerbaal, "2020-09-10");
    pv.pv_tegen = Some(PvTegen::Ouder);
    pv.ouder = Some("O-COR".into());
    pv.uitkomst = Some("overig".into());
    // Dex (Helmdal): absoluut verzuim; a PV without an outcome yet → onbekend.
    jongere(ds, "J-DEX", "2007-04-04", HELMDAL);
    zaak(ds, "Z-DEX", "J-DEX", AbsoluutVerzuim, "2020-11-02", None);
    melding(ds, "M-DEX", "J-DEX", "absoluut", "2020-11-02", Some("Z-DEX"));
    actie(ds, "J-DEX", Some("Z-DEX"), ProcesVerbaal, "2021-01-12");
    // Fay (18): a HALT in an RMC zaak is outside these tables.
    jongere(ds, "J-FAY", "2002-05-05", STRANDORP);
    zaak(ds, "Z-FAY", "J-FAY", Rmc, "2020-10-05", None);
    melding(ds, "M-FAY", "J-FAY", "achttien_plus", "2020-10-05", Some("Z-FAY"));
    actie(ds, "J-FAY", Some("Z-FAY"), Halt, "2020-12-01");
    // Gem: relatief; a PV with outcome "nog onbekend" → onbekend; a PV on 1 August 2021 is 2021-2022.
    jongere(ds, "J-GEM", "2006-06-06", STRANDORP);
    zaak(ds, "Z-GEM", "J-GEM", RelatiefVerzuim, "2021-01-04", None);
    melding(ds, "M-GEM", "J-GEM", "signaal", "2021-01-04", Some("Z-GEM"));
    actie(ds, "J-GEM", Some("Z-GEM"), ProcesVerbaal, "2021-03-03").uitkomst = Some("onbekend".into());
    actie(ds, "J-GEM", Some("Z-GEM"), ProcesVerbaal, "2021-08-01");
    // Jens: relatief; the OM sent his PV on to HALT. A PV in Tabel 4, a leerstraf in Tabel 5 (seed
    // 000, 2020-2021: 20 HALT-verwijzingen, 21 leerstraffen for relatief verzuim).
    jongere(ds, "J-JENS", "2007-07-07", STRANDORP);
    zaak(ds, "Z-JENS", "J-JENS", RelatiefVerzuim, "2020-10-05", None);
    melding(ds, "M-JENS", "J-JENS", "wettelijk_16_uur", "2020-10-05", Some("Z-JENS"));
    actie(ds, "J-JENS", Some("Z-JENS"), ProcesVerbaal, "2020-11-16").uitkomst = Some("om_halt".into());

    // --- 2019-2020 ---
    // Hugo: relatief. A PV on 31 July 2019 (2018-2019), a HALT on 1 August 2019 (positive) and a PV
    // on 31 July 2020 → schikking.
    jongere(ds, "J-HUGO", "2005-05-05", STRANDORP);
    zaak(ds, "Z-HUGO", "J-HUGO", RelatiefVerzuim, "2019-06-03", None);
    melding(ds, "M-HUGO", "J-HUGO", "wettelijk_16_uur", "2019-06-03", Some("Z-HUGO"));
    actie(ds, "J-HUGO", Some("Z-HUGO"), ProcesVerbaal, "2019-07-31");
    actie(ds, "J-HUGO", Some("Z-HUGO"), Halt, "2019-08-01").uitkomst = Some("halt_positief".into());
    actie(ds, "J-HUGO", Some("Z-HUGO"), ProcesVerbaal, "2020-07-31").uitkomst = Some("schikking".into());
    // Iris: luxe; PV → sepot, under overig.
    jongere(ds, "J-IRIS", "2006-09-09", STRANDORP);
    zaak(ds, "Z-IRIS", "J-IRIS", RelatiefVerzuim, "2019-10-01", None);
    melding(ds, "M-IRIS", "J-IRIS", "luxe", "2019-09-30", Some("Z-IRIS"));
    actie(ds, "J-IRIS", Some("Z-IRIS"), ProcesVerbaal, "2019-10-10").uitkomst = Some("sepot".into());
}

#[tokio::test]
async fn halt_pv_soort_counts_measures_by_the_kind_of_verzuim_of_their_zaak() {
    for db in westkust(maatregelen).await {
        let t = tabel(&db.store, "regio", "halt_pv_soort").await;
        klopt(&t);
        assert_eq!(
            kolommen(&t),
            [
                "halt_2019_2020",
                "pv_2019_2020",
                "totaal_2019_2020",
                "halt_2020_2021",
                "pv_2020_2021",
                "totaal_2020_2021"
            ]
        );
        assert_eq!(rijen(&t), ["relatief", "luxe", "absoluut", "totaal", "aantal_boas"]);
        // 2019-2020: Hugo's HALT (1 August 2019) and PV (31 July 2020). 2020-2021: Anna's HALT
        // (1 August 2020); Anna's, Gem's and Jens's PV.
        assert_eq!(rij(&t, "relatief"), w(&[1.0, 1.0, 2.0, 1.0, 3.0, 4.0]));
        // Iris; Bas (his relatief zaak holds a luxe melding) and Cor twice (him and his father).
        assert_eq!(rij(&t, "luxe"), w(&[0.0, 1.0, 1.0, 0.0, 3.0, 3.0]));
        assert_eq!(rij(&t, "absoluut"), w(&[0.0, 0.0, 0.0, 0.0, 1.0, 1.0]), "Dex");
        // Fay's HALT (RMC), Anna's warning and the PVs of 31 July 2019 and 1 August 2021 are not here.
        assert_eq!(rij(&t, "totaal"), w(&[1.0, 2.0, 3.0, 1.0, 7.0, 8.0]));
        // Only the totaal columns: BOA, Oud and Uit on 1 October 2019; BOA, Nieuw (began that day),
        // Laat (began 2 October 2019) and Uit (last day 1 October 2020) on 1 October 2020.
        assert_eq!(rij(&t, "aantal_boas"), [None, None, Some(3.0), None, None, Some(4.0)]);

        // Helmdal by residence on 1 October 2020: Dex only; Cor had moved to Strandorp that day.
        let t = tabel(&db.store, "gemeente:GM9912", "halt_pv_soort").await;
        klopt(&t);
        assert_eq!(rij(&t, "luxe"), w(&[0.0; 6]));
        assert_eq!(rij(&t, "totaal"), w(&[0.0, 0.0, 0.0, 0.0, 1.0, 1.0]));
        let t = tabel(&db.store, "gemeente:GM9911", "halt_pv_soort").await;
        klopt(&t);
        assert_eq!(rij(&t, "luxe"), w(&[0.0, 1.0, 1.0, 0.0, 3.0, 3.0]), "Iris; Bas and Cor twice");
    }
}

#[tokio::test]
async fn halt_pv_afhandeling_counts_every_halt_as_leerstraf_and_sepot_under_overig() {
    for db in westkust(maatregelen).await {
        let t = tabel(&db.store, "regio", "halt_pv_afhandeling").await;
        klopt(&t);
        let mut verwacht = Vec::new();
        for jaar in ["2019_2020", "2020_2021"] {
            for k in ["halt_leerstraf", "schikking", "zitting", "overig", "onbekend", "totaal"] {
                verwacht.push(format!("{k}_{jaar}"));
            }
        }
        assert_eq!(kolommen(&t), verwacht);
        assert_eq!(rijen(&t), ["relatief", "luxe", "absoluut", "totaal"]);
        // 2019-2020: Hugo's positive HALT, his PV → schikking. 2020-2021: Anna's negative HALT
        // (still a leerstraf) and Jens's PV the OM sent to HALT (a leerstraf too), Anna's PV →
        // schikking, Gem's PV "nog onbekend".
        assert_eq!(rij(&t, "relatief"), w(&[1.0, 1.0, 0.0, 0.0, 0.0, 2.0, 2.0, 1.0, 0.0, 0.0, 1.0, 4.0]));
        // Iris's sepot → overig. Cor's zitting, his father's overig and Bas's sepot (overig).
        assert_eq!(rij(&t, "luxe"), w(&[0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 2.0, 0.0, 3.0]));
        // Dex: no outcome yet → onbekend.
        assert_eq!(rij(&t, "absoluut"), w(&[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0]));
        assert_eq!(rij(&t, "totaal"), w(&[1.0, 1.0, 0.0, 1.0, 0.0, 3.0, 2.0, 1.0, 1.0, 2.0, 2.0, 8.0]));
        // The same measures as halt_pv_soort.
        let soort = tabel(&db.store, "regio", "halt_pv_soort").await;
        klopt(&soort);
        for r in ["relatief", "luxe", "absoluut", "totaal"] {
            for jaar in ["2019_2020", "2020_2021"] {
                let k = format!("totaal_{jaar}");
                assert_eq!(t.cel(r, &k), soort.cel(r, &k), "{r} {jaar}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// thuiszitters (seed 000 Tabel 6).
// ---------------------------------------------------------------------------------------------

fn thuiszitters(ds: &mut Dataset) {
    use ThuiszitEinde::*;
    use ThuiszitSoort::*;
    // Aart: 4 November 2019 – 30 October 2020, opgelost. 2019-2020: > 3 months by 31 July (4 February
    // passed), not yet opgelost. 2020-2021: > 3 months, opgelost.
    jongere(ds, "J-AART", "2006-08-08", STRANDORP);
    thuiszit(ds, "J-AART", LangdurigRelatief, "2019-11-04", Some(("2020-10-30", Opgelost)), None);
    // Kim (Helmdal): absoluut 1 August – 31 October 2019, opgelost: not longer than 3 months (that
    // would take until after 1 November).
    jongere(ds, "J-KIM", "2008-08-08", HELMDAL);
    thuiszit(ds, "J-KIM", Absoluut, "2019-08-01", Some(("2019-10-31", Opgelost)), None);
    // Gerrit: until 31 July 2020, the day before he turned 18: only in 2019-2020, > 3 months.
    jongere(ds, "J-GERRIT", "2002-08-01", STRANDORP);
    thuiszit(ds, "J-GERRIT", LangdurigRelatief, "2020-01-06", Some(("2020-07-31", AchttienGeworden)), None);
    // Eef (Havenmond): 2 June 2020 – 31 July 2021, opgelost. 2019-2020: not 3 months by 31 July.
    // 2020-2021: > 3 months, and opgelost on 31 July, the year's last day.
    jongere(ds, "J-EEF", "2009-09-09", HAVENMOND);
    thuiszit(ds, "J-EEF", LangdurigRelatief, "2020-06-02", Some(("2021-07-31", Opgelost)), None);
    // Britt: absoluut since 30 April 2021: 3 months are over on 30 July, so on 31 July she is longer.
    jongere(ds, "J-BRITT", "2007-07-07", STRANDORP);
    thuiszit(ds, "J-BRITT", Absoluut, "2021-04-30", None, None);
    // Cas (Helmdal): absoluut since 1 May 2021: 3 months only on 1 August → not longer.
    jongere(ds, "J-CAS", "2008-05-10", HELMDAL);
    thuiszit(ds, "J-CAS", Absoluut, "2021-05-01", None, None);
    // Dina (Havenmond): 11 January – 10 April 2021, first and last day counted exactly 3 months:
    // not longer; opgelost.
    jongere(ds, "J-DINA", "2010-10-10", HAVENMOND);
    thuiszit(ds, "J-DINA", LangdurigRelatief, "2021-01-11", Some(("2021-04-10", Opgelost)), None);
    // Fien: 1 March – 1 August 2021: > 3 months counted to 31 July; opgelost only on 1 August, too
    // late for 2020-2021.
    jongere(ds, "J-FIEN", "2006-06-16", STRANDORP);
    thuiszit(ds, "J-FIEN", LangdurigRelatief, "2021-03-01", Some(("2021-08-01", Opgelost)), None);
    // Hein: from 1 August 2021: in neither year.
    jongere(ds, "J-HEIN", "2009-01-01", STRANDORP);
    thuiszit(ds, "J-HEIN", Absoluut, "2021-08-01", None, None);
    // Ilse: absoluut from 17 August 2020, left for abroad on 25 September: no gemeente on 1 October,
    // so in the region's totaal only.
    jongere(ds, "J-ILSE", "2007-02-02", STRANDORP);
    vertrekt(ds, "J-ILSE", "2020-09-25");
    thuiszit(ds, "J-ILSE", Absoluut, "2020-08-17", Some(("2020-09-25", VerhuisdOverleden)), None);
    // Joost moved from Helmdal (DL) to Havenmond (HM) on 1 October 2020, the peildatum: HM.
    jongere(ds, "J-JOOST", "2008-03-03", HELMDAL);
    verhuist(ds, "J-JOOST", "2020-10-01", HAVENMOND);
    thuiszit(ds, "J-JOOST", LangdurigRelatief, "2020-09-07", None, None);
}

#[tokio::test]
async fn thuiszitters_per_subregio_by_residence_on_1_october() {
    for db in westkust(thuiszitters).await {
        let t = tabel(&db.store, "regio", "thuiszitters").await;
        klopt(&t);
        assert_eq!(
            kolommen(&t),
            [
                "DL_2019_2020",
                "HM_2019_2020",
                "totaal_2019_2020",
                "DL_2020_2021",
                "HM_2020_2021",
                "elders_2020_2021",
                "totaal_2020_2021"
            ]
        );
        assert_eq!(
            rijen(&t),
            ["aantal", "waarvan_absoluut", "waarvan_langdurig_relatief", "langer_dan_3_maanden", "opgelost"]
        );
        // 2019-2020: DL Aart, Kim, Gerrit; HM Eef. 2020-2021: DL Aart, Britt, Cas, Fien; HM Dina, Eef,
        // Joost; Ilse lived abroad on 1 October: a column "elders" so the totaal adds up.
        assert_eq!(rij(&t, "aantal"), w(&[3.0, 1.0, 4.0, 4.0, 3.0, 1.0, 8.0]));
        // Kim; Britt, Cas, Ilse.
        assert_eq!(rij(&t, "waarvan_absoluut"), w(&[1.0, 0.0, 1.0, 2.0, 0.0, 1.0, 3.0]));
        assert_eq!(rij(&t, "waarvan_langdurig_relatief"), w(&[2.0, 1.0, 3.0, 2.0, 3.0, 0.0, 5.0]));
        // Aart, Gerrit; Aart, Britt, Fien | Eef, Joost. Not Kim, Cas (1 May), Dina (exactly 3 months).
        assert_eq!(rij(&t, "langer_dan_3_maanden"), w(&[2.0, 0.0, 2.0, 3.0, 2.0, 0.0, 5.0]));
        // Kim; Aart | Dina, Eef (31 July). Not Fien (1 August), nor Ilse (verhuisd).
        assert_eq!(rij(&t, "opgelost"), w(&[1.0, 0.0, 1.0, 1.0, 2.0, 0.0, 3.0]));

        // Subregio DL: its column and a totaal of the same, without Ilse and Joost.
        let t = tabel(&db.store, "subregio:DL", "thuiszitters").await;
        klopt(&t);
        assert_eq!(kolommen(&t), ["DL_2019_2020", "totaal_2019_2020", "DL_2020_2021", "totaal_2020_2021"]);
        assert_eq!(rij(&t, "aantal"), w(&[3.0, 3.0, 4.0, 4.0]));
        assert_eq!(rij(&t, "langer_dan_3_maanden"), w(&[2.0, 2.0, 3.0, 3.0]));
        assert_eq!(rij(&t, "opgelost"), w(&[1.0, 1.0, 1.0, 1.0]));
    }
}

// ---------------------------------------------------------------------------------------------
// vsv_bestemming (seed 002 "Bestemming VSV").
// ---------------------------------------------------------------------------------------------

fn vsv_ers(ds: &mut Dataset) {
    use Onderwijssoort::*;
    use TrajectSoort::Regulier;
    // Anouk dropped out on 1 August 2020, the first day; back at the ROC from 1 February 2021 →
    // weer op school.
    jongere(ds, "J-ANOUK", "2003-03-03", STRANDORP);
    school(ds, "J-ANOUK", Mbo, "2019-08-01", Some("2020-07-31"));
    school(ds, "J-ANOUK", Mbo, "2021-02-01", None);
    vsv(ds, "J-ANOUK", "2020-08-01");
    // Bart dropped out on 31 July 2021, the last day; his new school starts on 1 August: on 31 July
    // not enrolled and nothing else known → onbekend.
    jongere(ds, "J-BART", "2003-04-04", STRANDORP);
    school(ds, "J-BART", Mbo, "2019-08-01", Some("2021-07-30"));
    school(ds, "J-BART", Mbo, "2021-08-01", None);
    vsv(ds, "J-BART", "2021-07-31");
    // Cees dropped out on 31 July 2020: a VSV-er of 2019-2020, not in this table.
    jongere(ds, "J-CEES", "2003-05-05", STRANDORP);
    school(ds, "J-CEES", Mbo, "2019-08-01", Some("2020-07-30"));
    vsv(ds, "J-CEES", "2020-07-31");
    // Dirk (Helmdal): a traject that ended in work on 1 May 2021 → werk.
    jongere(ds, "J-DIRK", "2002-06-06", HELMDAL);
    vsv(ds, "J-DIRK", "2020-10-15");
    traject(ds, "J-DIRK", Regulier, "2020-10-20", "2020-11-01", Some(("2021-05-01", "werk")));
    // Elin: traject closed on 31 July 2021 itself, Wajong → uitkering.
    jongere(ds, "J-ELIN", "2002-07-07", STRANDORP);
    vsv(ds, "J-ELIN", "2020-11-01");
    traject(ds, "J-ELIN", Regulier, "2020-11-10", "2020-11-10", Some(("2021-07-31", "jikp_wajong")));
    // Femke: her traject closes on 15 August with work, so on 31 July it runs → in begeleiding.
    jongere(ds, "J-FEMKE", "2003-08-08", STRANDORP);
    vsv(ds, "J-FEMKE", "2021-01-10");
    traject(ds, "J-FEMKE", Regulier, "2021-01-20", "2021-01-20", Some(("2021-08-15", "werk")));
    // Guus dropped out at 22 and turned 23 on 1 June 2021; nothing known → ouder dan 23.
    jongere(ds, "J-GUUS", "1998-06-01", STRANDORP);
    vsv(ds, "J-GUUS", "2020-09-01");
    // Hidde: traject closed niet herplaatst, not enrolled → onbekend.
    jongere(ds, "J-HIDDE", "2002-09-09", STRANDORP);
    vsv(ds, "J-HIDDE", "2020-12-01");
    traject(ds, "J-HIDDE", Regulier, "2020-12-10", "2020-12-10", Some(("2021-03-01", "niet_herplaatst")));
    // Ilona: a traject to work that began more than a month before this drop-out belongs to an
    // earlier one → onbekend.
    jongere(ds, "J-ILONA", "2002-10-10", STRANDORP);
    traject(ds, "J-ILONA", Regulier, "2020-06-01", "2020-06-01", Some(("2020-12-31", "werk")));
    school(ds, "J-ILONA", Mbo, "2021-01-04", Some("2021-01-31"));
    vsv(ds, "J-ILONA", "2021-02-01");
    // Jan: two trajecten after dropping out; the last closed one decides: ketenpartner → werk.
    jongere(ds, "J-JAN", "2002-11-11", STRANDORP);
    vsv(ds, "J-JAN", "2021-03-01");
    traject(ds, "J-JAN", Regulier, "2021-03-05", "2021-03-05", Some(("2021-04-01", "niet_herplaatst")));
    traject(ds, "J-JAN", Regulier, "2021-04-15", "2021-04-15", Some(("2021-06-30", "jikp_ketenpartner")));
    // Kim (Havenmond): VSV is RMC work, also where the gemeente does leerplicht itself. Back at
    // school (VAVO) → weer op school.
    jongere(ds, "J-KIM", "2003-12-12", HAVENMOND);
    vsv(ds, "J-KIM", "2021-05-01");
    school(ds, "J-KIM", Vavo, "2021-06-15", None);
    // Lara came to live in Strandorp on 1 November 2020: no gemeente on 1 October → onbekend, in
    // the region's table only.
    jongere(ds, "J-LARA", "2002-01-20", STRANDORP);
    ds.woonadressen.last_mut().expect("net toegevoegd").begindatum = d("2020-11-01");
    vsv(ds, "J-LARA", "2021-02-15");
}

#[tokio::test]
async fn vsv_bestemming_where_the_years_vsv_ers_are_on_31_july() {
    for db in westkust(vsv_ers).await {
        let t = tabel(&db.store, "regio", "vsv_bestemming").await;
        klopt(&t);
        assert_eq!(kolommen(&t), ["aantal"]);
        // The VSV rows, then JIKP's (none in this register; see gouden_rest).
        assert_eq!(
            rijen(&t)[..7],
            ["weer_op_school", "werk", "uitkering", "in_begeleiding", "ouder_dan_23", "onbekend", "totaal"]
        );
        assert_eq!(t.cel("jikp_totaal", "aantal"), Some(0.0));
        assert_eq!(t.cel("weer_op_school", "aantal"), Some(2.0), "Anouk, Kim");
        assert_eq!(t.cel("werk", "aantal"), Some(2.0), "Dirk, Jan");
        assert_eq!(t.cel("uitkering", "aantal"), Some(1.0), "Elin");
        assert_eq!(t.cel("in_begeleiding", "aantal"), Some(1.0), "Femke");
        assert_eq!(t.cel("ouder_dan_23", "aantal"), Some(1.0), "Guus");
        assert_eq!(t.cel("onbekend", "aantal"), Some(4.0), "Bart, Hidde, Ilona, Lara");
        // Eleven drop-outs from 1 August 2020 up to and including 31 July 2021; not Cees.
        assert_eq!(t.cel("totaal", "aantal"), Some(11.0));

        // By residence on 1 October 2020: Strandorp without Dirk, Kim and Lara.
        let t = tabel(&db.store, "gemeente:GM9911", "vsv_bestemming").await;
        klopt(&t);
        assert_eq!(rij(&t, "onbekend"), w(&[3.0]), "Bart, Hidde, Ilona");
        assert_eq!(rij(&t, "werk"), w(&[1.0]), "Jan");
        assert_eq!(rij(&t, "totaal"), w(&[8.0]));
        let t = tabel(&db.store, "gemeente:GM9913", "vsv_bestemming").await;
        klopt(&t);
        assert_eq!(rij(&t, "weer_op_school"), w(&[1.0]), "Kim");
        assert_eq!(rij(&t, "totaal"), w(&[1.0]));
    }
}

// ---------------------------------------------------------------------------------------------
// ingeschreven_pct (seed 001) and verzuim_per_1000 (seed 004): youths of 5-17 on 1 October 2020.
// ---------------------------------------------------------------------------------------------

fn bevolking(ds: &mut Dataset) {
    use Onderwijssoort::*;
    // --- Strandorp: 8 youths of 5-17 (5-15: Ruben, Abby, Vijf, Blijver, Stijn; 16-17: Zestien,
    // Zeventien, Schrikkel), 7 enrolled (not Abby). ---
    // Ruben (13): a signaal and a 16-uur melding on 31 July 2021: one relatief verzuimer.
    jongere(ds, "J-RUBEN", "2007-03-03", STRANDORP);
    school(ds, "J-RUBEN", Vo, "2019-08-01", None);
    melding(ds, "M-RUBEN-1", "J-RUBEN", "signaal", "2020-11-11", None);
    melding(ds, "M-RUBEN-2", "J-RUBEN", "wettelijk_16_uur", "2021-07-31", None);
    // Abby (12), never enrolled: absoluut verzuim reported on 1 August 2020 while she lived in
    // Helmdal; on 1 October she lives in Strandorp → an absoluut verzuimer of Strandorp.
    jongere(ds, "J-ABBY", "2008-05-05", HELMDAL);
    verhuist(ds, "J-ABBY", "2020-10-01", STRANDORP);
    melding(ds, "M-ABBY", "J-ABBY", "absoluut", "2020-08-01", None);
    // Vijf turns 5 on the peildatum: counted (5-15).
    jongere(ds, "J-VIJF", "2015-10-01", STRANDORP);
    school(ds, "J-VIJF", Bao, "2019-10-01", None);
    // Zestien turns 16 on the peildatum: 16-17.
    jongere(ds, "J-ZESTIEN", "2004-10-01", STRANDORP);
    school(ds, "J-ZESTIEN", Vo, "2016-08-01", None);
    // Zeventien turns 18 the day after the peildatum: still 17.
    jongere(ds, "J-ZEVENTIEN", "2002-10-02", STRANDORP);
    school(ds, "J-ZEVENTIEN", Mbo, "2019-08-01", None);
    // Schrikkel, born 29 February 2004: 16.
    jongere(ds, "J-SCHRIKKEL", "2004-02-29", STRANDORP);
    school(ds, "J-SCHRIKKEL", Vo, "2016-08-01", None);
    // Blijver moves to Helmdal on 2 October: Strandorp on the peildatum.
    jongere(ds, "J-BLIJVER", "2010-01-01", STRANDORP);
    verhuist(ds, "J-BLIJVER", "2020-10-02", HELMDAL);
    school(ds, "J-BLIJVER", Bao, "2014-08-01", None);
    // Stijn (8): no melding of his makes him a relatief verzuimer: illness, a day of luxe verzuim
    // (8 hours, under the 16 of art. 25), a preventive contact, a withdrawn melding, and meldingen
    // of 31 July 2020 and 1 August 2021.
    jongere(ds, "J-STIJN", "2012-06-06", STRANDORP);
    school(ds, "J-STIJN", Bao, "2016-08-01", None);
    melding(ds, "M-STIJN-1", "J-STIJN", "zorgwekkend_ziekteverzuim", "2020-10-10", None);
    melding(ds, "M-STIJN-2", "J-STIJN", "luxe", "2020-11-02", None).uren = Some(8);
    melding(ds, "M-STIJN-3", "J-STIJN", "signaal", "2020-12-01", None).preventief = true;
    melding(ds, "M-STIJN-4", "J-STIJN", "wettelijk_16_uur", "2021-01-04", None).status = "ingetrokken".into();
    melding(ds, "M-STIJN-5", "J-STIJN", "signaal", "2020-07-31", None);
    melding(ds, "M-STIJN-6", "J-STIJN", "signaal", "2021-08-01", None);
    // Not counted: Vier (5 the day after the peildatum), Achttien (18 on it; his melding counts
    // nowhere), Overleden (died 30 September 2020), Weg (left for abroad on 30 September 2020).
    jongere(ds, "J-VIER", "2015-10-02", STRANDORP);
    jongere(ds, "J-ACHTTIEN", "2002-10-01", STRANDORP);
    school(ds, "J-ACHTTIEN", Mbo, "2019-08-01", None);
    melding(ds, "M-ACHTTIEN", "J-ACHTTIEN", "wettelijk_16_uur", "2020-10-15", None);
    jongere(ds, "J-OVERLEDEN", "2009-09-09", STRANDORP);
    ds.jongeren.last_mut().expect("net toegevoegd").overlijdensdatum = Some(d("2020-09-30"));
    jongere(ds, "J-WEG", "2011-11-11", STRANDORP);
    vertrekt(ds, "J-WEG", "2020-09-30");

    // --- Helmdal: 24 youths (5-15: 20 at the basisschool, Nieuw, Habs, Morgen; 16-17: Oud), 23
    // enrolled (not Habs). ---
    for i in 1..=20 {
        let j = format!("J-HEL{i:02}");
        jongere(ds, &j, "2010-01-15", HELMDAL);
        school(ds, &j, Bao, "2014-08-01", None);
    }
    // Nieuw moved in from Strandorp on the peildatum and started school that day.
    jongere(ds, "J-NIEUW", "2011-02-02", STRANDORP);
    verhuist(ds, "J-NIEUW", "2020-10-01", HELMDAL);
    school(ds, "J-NIEUW", Bao, "2020-10-01", None);
    // Habs left school on 30 September 2020: not enrolled on the peildatum; absoluut verzuimer.
    jongere(ds, "J-HABS", "2006-06-06", HELMDAL);
    school(ds, "J-HABS", Vo, "2018-08-01", Some("2020-09-30"));
    melding(ds, "M-HABS", "J-HABS", "absoluut", "2020-10-05", None);
    // Morgen turns 16 the day after the peildatum: 5-15. Oud (17): 16-17.
    jongere(ds, "J-MORGEN", "2004-10-02", HELMDAL);
    school(ds, "J-MORGEN", Vo, "2016-08-01", None);
    jongere(ds, "J-OUD", "2003-10-01", HELMDAL);
    school(ds, "J-OUD", Vo, "2015-08-01", None);

    // --- Havenmond (leerplicht lokaal): 16 youths (14 of 11, 2 of 16), 13 enrolled. Its meldingen
    // are not the region's verzuim. ---
    for i in 1..=14 {
        let j = format!("J-HAV{i:02}");
        jongere(ds, &j, "2009-03-03", HAVENMOND);
        if i <= 13 {
            school(ds, &j, Bao, "2013-08-01", None);
        }
    }
    jongere(ds, "J-HAV15", "2004-01-01", HAVENMOND);
    jongere(ds, "J-HAV16", "2004-01-01", HAVENMOND);
    melding(ds, "M-HAV01", "J-HAV01", "wettelijk_16_uur", "2020-10-12", None);
    melding(ds, "M-HAV14", "J-HAV14", "absoluut", "2020-10-12", None);
}

#[tokio::test]
async fn ingeschreven_pct_per_gemeente_on_1_october() {
    for db in westkust(bevolking).await {
        let t = tabel(&db.store, "regio", "ingeschreven_pct").await;
        klopt(&t);
        assert_eq!(kolommen(&t), ["aantal", "ingeschreven", "pct"]);
        assert_eq!(rijen(&t), [STRANDORP, HELMDAL, HAVENMOND, "totaal"]);
        // 7 of 8: not Abby. 87,5 %.
        assert_eq!(rij(&t, STRANDORP), w(&[8.0, 7.0, 87.5]));
        // 23 of 24 (Habs left school the day before): 95,83 → 95,8.
        assert_eq!(rij(&t, HELMDAL), w(&[24.0, 23.0, 95.8]));
        // Population is shown for a gemeente with its own leerplicht too: 13 of 16 = 81,25 → 81,3
        // (half-up).
        assert_eq!(rij(&t, HAVENMOND), w(&[16.0, 13.0, 81.3]));
        // 43 of 48 = 89,58 → 89,6.
        assert_eq!(rij(&t, "totaal"), w(&[48.0, 43.0, 89.6]));

        let t = tabel(&db.store, "gemeente:GM9912", "ingeschreven_pct").await;

        klopt(&t);
        assert_eq!(rijen(&t), [HELMDAL, "totaal"]);
        assert_eq!(rij(&t, "totaal"), w(&[24.0, 23.0, 95.8]));
    }
}

#[tokio::test]
async fn verzuim_per_1000_per_gemeente_with_the_regio_without_own_leerplicht() {
    for db in westkust(bevolking).await {
        let t = tabel(&db.store, "regio", "verzuim_per_1000").await;
        klopt(&t);
        assert_eq!(
            kolommen(&t),
            [
                "pop_5_15",
                "pop_16_17",
                "pop_5_17",
                "absoluut",
                "absoluut_per_1000",
                "relatief",
                "relatief_per_1000",
                "regio_gemiddelde"
            ]
        );
        assert_eq!(rijen(&t), [STRANDORP, HELMDAL, HAVENMOND, "regio"]);
        // Abby (absoluut) and Ruben (relatief) of 8: 1/8 = 125,0 per 1000 each.
        assert_eq!(rij(&t, STRANDORP), w(&[5.0, 3.0, 8.0, 1.0, 125.0, 1.0, 125.0, 31.3]));
        // Habs of 24: 41,67 → 41,7; no relatief verzuimer.
        assert_eq!(rij(&t, HELMDAL), w(&[23.0, 1.0, 24.0, 1.0, 41.7, 0.0, 0.0, 31.3]));
        // Own leerplicht: population only; its meldingen are not counted.
        assert_eq!(rij(&t, HAVENMOND), [Some(14.0), Some(2.0), Some(16.0), None, None, None, None, Some(31.3)]);
        // Strandorp and Helmdal, 32 youths: absoluut 2/32 = 62,5; relatief 1/32 = 31,25 → 31,3
        // (half-up), also the regio_gemiddelde of every row.
        assert_eq!(rij(&t, "regio"), w(&[28.0, 4.0, 32.0, 2.0, 62.5, 1.0, 31.3, 31.3]));

        // A gemeente's report keeps the region's row as its benchmark.
        let t = tabel(&db.store, "gemeente:GM9912", "verzuim_per_1000").await;
        klopt(&t);
        assert_eq!(rijen(&t), [HELMDAL, "regio"]);
        assert_eq!(rij(&t, HELMDAL), w(&[23.0, 1.0, 24.0, 1.0, 41.7, 0.0, 0.0, 31.3]));
        assert_eq!(rij(&t, "regio"), w(&[28.0, 4.0, 32.0, 2.0, 62.5, 1.0, 31.3, 31.3]));
    }
}
