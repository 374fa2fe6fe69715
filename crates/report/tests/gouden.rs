//! Golden tests for the jaarverslag tables (docs/tabellen.md), verslagjaar 2020-2021.
//!
//! A small hand-made region, Zuidkust, imported like any data. Every expected cell below is worked
//! out by hand from the table's definition; the comments at each record say where it counts.
//!
//! Zuidkust has two subregio's: ZK with Zandvoorde (GM9901) and Duinwijk (GM9902), and HV with
//! Heiveen (GM9903). The peildatum of a schooljaar is 1 October. Who lived where on 1 October:
//!
//! | youth  | 1 Oct 2019 | 1 Oct 2020 | why it matters |
//! |--------|------------|------------|----------------|
//! | Mila   | Duinwijk   | Zandvoorde | moved on 16 Sep 2020 |
//! | Hanna  | Duinwijk   | Zandvoorde | moved on 1 Feb 2020 (JIKP counts her on 1 Oct 2019) |
//! | Umut   | Heiveen    | Zandvoorde | moved on 1 Oct 2020, the peildatum itself |
//! | Ezra   | Zandvoorde | —          | left for abroad on 20 Sep 2020 |
//! | Bart, Dewi, Puck, Wout, Zeno | Duinwijk | Duinwijk | |
//! | Fenna, Kim, Vera | Heiveen | Heiveen | |
//! | everyone else | Zandvoorde | Zandvoorde | |
// The record builders and table readers, shared with gouden_verzuim.rs.
mod common;

use common::*;
use leerspoor_domain::codes::{Code, CodeLijst};
use leerspoor_domain::model::*;
use leerspoor_domain::onderwijs::{DiplomaSoort, Niveau, Onderwijssoort, VsoProfiel};
use leerspoor_report::Fout;
use leerspoor_testdb::TestDb;

const ZANDVOORDE: &str = "GM9901";
const DUINWIJK: &str = "GM9902";
const HEIVEEN: &str = "GM9903";

const ROC: (&str, &str) = ("30EF", "01");
const DE_HAVEN: (&str, &str) = ("40GH", "00");
const DE_BRANDING: (&str, &str) = ("50JK", "00");

// ---------------------------------------------------------------------------------------------
// Building the records.
// ---------------------------------------------------------------------------------------------

fn havo(ds: &mut Dataset, jongere: &str) {
    inschrijving(ds, jongere, DUINLYCEUM, Onderwijssoort::Vo, Some(Niveau::Havo), None, "2017-08-01", None);
}

fn organisatie(ds: &mut Dataset) {
    ds.regio.push(Regio { code: "ZK".into(), naam: "Zuidkust".into() });
    ds.subregios.push(Subregio { code: "ZK".into(), naam: "Zuidkust".into() });
    ds.subregios.push(Subregio { code: "HV".into(), naam: "Heiveen".into() });
    for (code, naam, subregio) in
        [(ZANDVOORDE, "Zandvoorde", "ZK"), (DUINWIJK, "Duinwijk", "ZK"), (HEIVEEN, "Heiveen", "HV")]
    {
        ds.gemeenten.push(Gemeente {
            code: gm(code),
            naam: naam.into(),
            subregio: subregio.into(),
            leerplicht_lokaal: false,
            vakantieregio: None,
            bezwaarcommissie: false,
        });
    }
    for ((brin, vestiging), naam, gemeente) in [
        (DUINLYCEUM, "Duinlyceum", ZANDVOORDE),
        (ROC, "ROC Zuidkust", ZANDVOORDE),
        (DE_HAVEN, "Praktijkschool De Haven", ZANDVOORDE),
        (DE_BRANDING, "VSO De Branding", HEIVEEN),
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
    for (id, naam, rol, boa) in [
        (BOA, "Bram Boa", Rol::Leerplichtambtenaar, true),
        (LPA, "Lotte Leerplicht", Rol::Leerplichtambtenaar, false),
        (RMC, "Rik Rmc", Rol::RmcConsulent, false),
    ] {
        ds.medewerkers.push(Medewerker {
            id: id.into(),
            naam: naam.into(),
            email: format!("{}@zuidkust.example", id.to_lowercase()),
            rol,
            boa,
            fte: 1.0,
            gemeente: None,
            in_dienst: d("2015-01-01"),
            uit_dienst: None,
        });
    }
    // The office's own RMC outcome, beside the 17 shipped ones: a row after the subtotals.
    ds.codes.push(Code {
        lijst: CodeLijst::RmcResultaat,
        code: "buddy_traject".into(),
        omschrijving: "Doorverwezen naar buddytraject".into(),
        geldig_van: d("2020-01-01"),
        geldig_tot: None,
    });
}

/// Verzuim cases, their meldingen and the measures taken: `recidive` and `maatregelen_per_jaar`.
fn verzuim(ds: &mut Dataset) {
    use ActieSoort::*;
    use ZaakSoort::*;
    const GESTOPT: &str = "verzuim_gestopt";

    // --- Cases closed in 2020-2021: 16 youths (Femke's absoluut case is not a verzuim case). ---

    // Anna: zaak closed 2020-11-13, new melding 2021-02-03 → recidive 2020-2021. Her second zaak
    // also closes in 2020-2021: she counts once. HALT in 2020-2021; a PV against her mother too.
    jongere(ds, "J-ANNA", "2006-04-12", ZANDVOORDE);
    havo(ds, "J-ANNA");
    zaak(ds, "Z-ANNA-1", "J-ANNA", RelatiefVerzuim, "2020-09-14", Some(("2020-11-13", GESTOPT)));
    melding(ds, "M-ANNA-1", "J-ANNA", "wettelijk_16_uur", "2020-09-10", Some("Z-ANNA-1"));
    actie(ds, "J-ANNA", Some("Z-ANNA-1"), Halt, "2020-10-20");
    zaak(ds, "Z-ANNA-2", "J-ANNA", RelatiefVerzuim, "2021-02-03", Some(("2021-05-01", "proces_verbaal")));
    melding(ds, "M-ANNA-2", "J-ANNA", "wettelijk_16_uur", "2021-02-03", Some("Z-ANNA-2"));
    ds.ouders.push(Ouder {
        id: "O-ANNA".into(),
        bsn: None,
        voornamen: "Ans".into(),
        tussenvoegsel: String::new(),
        achternaam: "Zuidkust".into(),
        telefoon: "0612345678".into(),
        email: String::new(),
    });
    ds.gezinsrelaties.push(Gezinsrelatie {
        jongere: "J-ANNA".into(),
        ouder: "O-ANNA".into(),
        relatie: OuderRelatie::Moeder,
        gezag: true,
    });
    let pv = actie(ds, "J-ANNA", Some("Z-ANNA-2"), ProcesVerbaal, "2021-03-01");
    pv.pv_tegen = Some(PvTegen::Ouder);
    pv.ouder = Some("O-ANNA".into());

    // Bart (Duinwijk): closed 2020-12-01, reported again 2021-09-15 — the next schooljaar still
    // counts → recidive 2020-2021. PV in 2020-2021; a HALT in 2021-2022 is outside every row.
    jongere(ds, "J-BART", "2006-09-30", DUINWIJK);
    havo(ds, "J-BART");
    zaak(ds, "Z-BART", "J-BART", RelatiefVerzuim, "2020-09-01", Some(("2020-12-01", GESTOPT)));
    melding(ds, "M-BART-1", "J-BART", "luxe", "2020-08-31", Some("Z-BART"));
    actie(ds, "J-BART", Some("Z-BART"), ProcesVerbaal, "2020-11-20");
    zaak(ds, "Z-BART-2", "J-BART", RelatiefVerzuim, "2021-09-15", None);
    melding(ds, "M-BART-2", "J-BART", "luxe", "2021-09-15", Some("Z-BART-2"));
    actie(ds, "J-BART", Some("Z-BART-2"), Halt, "2021-09-20");

    // Cor: closed 2021-01-15, reported again 2022-08-22, the schooljaar after next → no recidive.
    // A talk (gesprek) is no measure of the table.
    jongere(ds, "J-COR", "2006-02-02", ZANDVOORDE);
    havo(ds, "J-COR");
    zaak(ds, "Z-COR", "J-COR", RelatiefVerzuim, "2020-11-02", Some(("2021-01-15", GESTOPT)));
    melding(ds, "M-COR-1", "J-COR", "signaal", "2020-10-30", Some("Z-COR"));
    actie(ds, "J-COR", Some("Z-COR"), Gesprek, "2020-12-01");
    melding(ds, "M-COR-2", "J-COR", "signaal", "2022-08-22", None);

    // Dirk: closed 2021-03-01, then only ill (zorgwekkend ziekteverzuim) → no recidive.
    jongere(ds, "J-DIRK", "2007-05-05", ZANDVOORDE);
    havo(ds, "J-DIRK");
    zaak(ds, "Z-DIRK", "J-DIRK", RelatiefVerzuim, "2021-01-04", Some(("2021-03-01", GESTOPT)));
    melding(ds, "M-DIRK-1", "J-DIRK", "wettelijk_16_uur", "2020-12-21", Some("Z-DIRK"));
    melding(ds, "M-DIRK-2", "J-DIRK", "zorgwekkend_ziekteverzuim", "2021-04-01", None);

    // Eef: closed 2021-03-10; the school reports the same absence again on 2021-03-20
    // (vervolg_op the case's melding) → not new verzuim, no recidive.
    jongere(ds, "J-EEF", "2006-11-11", ZANDVOORDE);
    havo(ds, "J-EEF");
    zaak(ds, "Z-EEF", "J-EEF", RelatiefVerzuim, "2021-01-11", Some(("2021-03-10", GESTOPT)));
    melding(ds, "M-EEF-1", "J-EEF", "wettelijk_16_uur", "2021-01-08", Some("Z-EEF"));
    let herhaald = melding(ds, "M-EEF-2", "J-EEF", "wettelijk_16_uur", "2021-03-20", None);
    herhaald.verzuim_van = d("2021-01-08");
    herhaald.vervolg_op = Some("M-EEF-1".into());

    // Femke: her case was absoluut verzuim (not enrolled): no verzuim case, not in the table at all,
    // although a melding follows.
    jongere(ds, "J-FEMKE", "2006-03-03", ZANDVOORDE);
    zaak(ds, "Z-FEMKE", "J-FEMKE", AbsoluutVerzuim, "2020-10-01", Some(("2020-12-01", "ingeschreven")));
    melding(ds, "M-FEMKE-1", "J-FEMKE", "absoluut", "2020-10-01", Some("Z-FEMKE"));
    inschrijving(ds, "J-FEMKE", DUINLYCEUM, Onderwijssoort::Vo, Some(Niveau::VmboGt), None, "2020-12-01", None);
    melding(ds, "M-FEMKE-2", "J-FEMKE", "signaal", "2021-01-10", None);

    // Guus (19): an RMC (18+) case closed 2021-06-30, 18+ verzuim again 2021-07-15 → recidive.
    jongere(ds, "J-GUUS", "2002-05-01", ZANDVOORDE);
    inschrijving(ds, "J-GUUS", ROC, Onderwijssoort::Mbo, Some(Niveau::Mbo3), None, "2019-08-01", None);
    zaak(ds, "Z-GUUS", "J-GUUS", Rmc, "2021-03-01", Some(("2021-06-30", GESTOPT)));
    melding(ds, "M-GUUS-1", "J-GUUS", "achttien_plus", "2021-02-22", Some("Z-GUUS"));
    melding(ds, "M-GUUS-2", "J-GUUS", "achttien_plus", "2021-07-15", None);

    // Hidde: closed 2020-10-01; a melding the school withdrew and a preventive one → no recidive.
    jongere(ds, "J-HIDDE", "2007-07-07", ZANDVOORDE);
    havo(ds, "J-HIDDE");
    zaak(ds, "Z-HIDDE", "J-HIDDE", RelatiefVerzuim, "2020-09-07", Some(("2020-10-01", GESTOPT)));
    melding(ds, "M-HIDDE-1", "J-HIDDE", "wettelijk_16_uur", "2020-09-04", Some("Z-HIDDE"));
    melding(ds, "M-HIDDE-2", "J-HIDDE", "signaal", "2020-11-02", None).status = "ingetrokken".into();
    melding(ds, "M-HIDDE-3", "J-HIDDE", "signaal", "2020-12-01", None).preventief = true;

    // Ivo: closed 2021-02-01, a melding that same day is not "after" the case → no recidive.
    jongere(ds, "J-IVO", "2006-12-12", ZANDVOORDE);
    havo(ds, "J-IVO");
    zaak(ds, "Z-IVO", "J-IVO", RelatiefVerzuim, "2020-11-16", Some(("2021-02-01", GESTOPT)));
    melding(ds, "M-IVO-1", "J-IVO", "wettelijk_16_uur", "2020-11-12", Some("Z-IVO"));
    melding(ds, "M-IVO-2", "J-IVO", "signaal", "2021-02-01", None);

    // Eight more whose case closed on 2021-06-01 and who stayed at school → no recidive.
    for i in 1..=8 {
        let j = format!("J-VOLG{i}");
        jongere(ds, &j, "2006-06-06", ZANDVOORDE);
        havo(ds, &j);
        zaak(ds, &format!("Z-VOLG{i}"), &j, RelatiefVerzuim, "2020-10-05", Some(("2021-06-01", GESTOPT)));
    }
    // 2020-2021: Anna … Ivo without Femke (8) + 8 = 16 youths, of whom Anna, Bart and Guus are
    // reported again: 3 / 16 = 18,75 % → 18,8 (half-up).

    // --- Cases closed in 2019-2020: Jesse, Kees and Mila. ---

    // Jesse: closed 2020-02-14, new melding 2020-09-07 (next schooljaar) → recidive 2019-2020. PV.
    jongere(ds, "J-JESSE", "2005-10-10", ZANDVOORDE);
    havo(ds, "J-JESSE");
    zaak(ds, "Z-JESSE", "J-JESSE", RelatiefVerzuim, "2019-11-01", Some(("2020-02-14", GESTOPT)));
    melding(ds, "M-JESSE-1", "J-JESSE", "wettelijk_16_uur", "2019-10-28", Some("Z-JESSE"));
    actie(ds, "J-JESSE", Some("Z-JESSE"), ProcesVerbaal, "2019-12-10");
    melding(ds, "M-JESSE-2", "J-JESSE", "signaal", "2020-09-07", None);

    // Kees: closed on 31 July 2020, the last day of 2019-2020; HALT that same day; no new melding.
    jongere(ds, "J-KEES", "2006-01-20", ZANDVOORDE);
    havo(ds, "J-KEES");
    zaak(ds, "Z-KEES", "J-KEES", RelatiefVerzuim, "2020-03-02", Some(("2020-07-31", "halt")));
    melding(ds, "M-KEES-1", "J-KEES", "luxe", "2020-02-28", Some("Z-KEES"));
    actie(ds, "J-KEES", Some("Z-KEES"), Halt, "2020-07-31");

    // Mila lived in Duinwijk until 15 September 2020, then Zandvoorde. Case closed 2020-01-20 (HALT
    // in 2019-2020, counted in Duinwijk); reported again 2020-09-28 → recidive 2019-2020. Then a
    // thuiszitter from 2020-09-29 until she turned 18 (16 March 2021), with a PV in 2020-2021,
    // counted in Zandvoorde.
    jongere(ds, "J-MILA", "2003-03-16", DUINWIJK);
    verhuist(ds, "J-MILA", "2020-09-16", ZANDVOORDE);
    havo(ds, "J-MILA");
    zaak(ds, "Z-MILA-1", "J-MILA", RelatiefVerzuim, "2019-10-14", Some(("2020-01-20", "halt")));
    melding(ds, "M-MILA-1", "J-MILA", "wettelijk_16_uur", "2019-10-10", Some("Z-MILA-1"));
    actie(ds, "J-MILA", Some("Z-MILA-1"), Halt, "2019-11-05");
    zaak(ds, "Z-MILA-2", "J-MILA", RelatiefVerzuim, "2020-09-28", None);
    ds.zaken.last_mut().expect("net toegevoegd").status = ZaakStatus::Maatregel;
    melding(ds, "M-MILA-2", "J-MILA", "wettelijk_16_uur", "2020-09-28", Some("Z-MILA-2")).verzuim_van = d("2020-09-01");
    actie(ds, "J-MILA", Some("Z-MILA-2"), ProcesVerbaal, "2020-12-15");
    thuiszit(
        ds,
        "J-MILA",
        ThuiszitSoort::LangdurigRelatief,
        "2020-09-29",
        Some(("2021-03-15", ThuiszitEinde::AchttienGeworden)),
        Some("Z-MILA-2"),
    );

    // --- Cases closed in 2018-2019: Lotte. ---

    // Lotte: closed 2018-10-01 (HALT 2018-09-20), reported again 2019-08-20 → recidive 2018-2019.
    jongere(ds, "J-LOTTE", "2004-01-15", ZANDVOORDE);
    havo(ds, "J-LOTTE");
    zaak(ds, "Z-LOTTE", "J-LOTTE", RelatiefVerzuim, "2018-09-03", Some(("2018-10-01", "halt")));
    melding(ds, "M-LOTTE-1", "J-LOTTE", "luxe", "2018-08-30", Some("Z-LOTTE"));
    actie(ds, "J-LOTTE", Some("Z-LOTTE"), Halt, "2018-09-20");
    melding(ds, "M-LOTTE-2", "J-LOTTE", "luxe", "2019-08-20", None);

    // Nina (18): preventive talks without a case on 2020-03-05 (2019-2020), and on the first and the
    // last day of 2020-2021.
    jongere(ds, "J-NINA", "2002-06-30", ZANDVOORDE);
    for datum in ["2020-03-05", "2020-08-01", "2021-07-31"] {
        actie(ds, "J-NINA", None, PreventiefGesprek, datum);
    }
}

/// Thuiszitter periods around 2020-2021: `thuiszitters_verloop` (Mila's is with her case above).
fn thuiszitters(ds: &mut Dataset) {
    use ThuiszitEinde::*;
    use ThuiszitSoort::*;
    // Bas: an earlier period ended before the year (not counted); the next one runs from
    // 2020-05-04 (bij aanvang) and is resolved 2020-10-30: > 3 months (2020-08-04 passed).
    jongere(ds, "J-BAS", "2006-08-08", ZANDVOORDE);
    havo(ds, "J-BAS");
    thuiszit(ds, "J-BAS", LangdurigRelatief, "2019-11-04", Some(("2020-02-28", Opgelost)), None);
    thuiszit(ds, "J-BAS", LangdurigRelatief, "2020-05-04", Some(("2020-10-30", Opgelost)), None);
    // Cas: not enrolled, new on 2020-11-02 and still at home on 31 July: > 3 months, actueel.
    jongere(ds, "J-CAS", "2007-04-04", ZANDVOORDE);
    thuiszit(ds, "J-CAS", Absoluut, "2020-11-02", None, None);
    // Dewi (Duinwijk): new 2021-01-11, resolved 2021-04-11: with its first and last day three months
    // and a day, so longer than 3 months. Her next period starts in 2021-2022: not counted.
    jongere(ds, "J-DEWI", "2008-02-29", DUINWIJK);
    havo(ds, "J-DEWI");
    thuiszit(ds, "J-DEWI", LangdurigRelatief, "2021-01-11", Some(("2021-04-11", Opgelost)), None);
    thuiszit(ds, "J-DEWI", LangdurigRelatief, "2021-08-02", None, None);
    // Ezra: new 2020-09-01, left for abroad 2020-09-20 (verhuisd). No address on 1 October: in
    // no gemeente's row, only in the region's total.
    jongere(ds, "J-EZRA", "2006-05-05", ZANDVOORDE);
    vertrekt(ds, "J-EZRA", "2020-09-20");
    thuiszit(ds, "J-EZRA", Absoluut, "2020-09-01", Some(("2020-09-20", VerhuisdOverleden)), None);
    // Fenna (Heiveen): since 31 July 2020, the day before the year (bij aanvang), still open.
    jongere(ds, "J-FENNA", "2007-01-01", HEIVEEN);
    thuiszit(ds, "J-FENNA", Absoluut, "2020-07-31", None, None);
}

/// Enrolments on 1 October 2019 and 1 October 2020: `jikp_door_uitstroom`.
fn jikp(ds: &mut Dataset) {
    use Onderwijssoort::*;
    let (bb, kb, mbo1, mbo2, mbo3) =
        (Some(Niveau::VmboBb), Some(Niveau::VmboKb), Some(Niveau::Mbo1), Some(Niveau::Mbo2), Some(Niveau::Mbo3));
    let (arbeid, vervolg) = (Some(VsoProfiel::Arbeidsmarkt), Some(VsoProfiel::Vervolgonderwijs));
    const EIND: Option<&str> = Some("2020-07-31");
    // MBO1: Ilse stays in MBO1 (counted as door_uitstroom to mbo1); Joep goes on to MBO2.
    jongere(ds, "J-ILSE", "2003-09-09", ZANDVOORDE);
    inschrijving(ds, "J-ILSE", ROC, Mbo, mbo1, None, "2019-08-01", None);
    jongere(ds, "J-JOEP", "2003-10-10", ZANDVOORDE);
    inschrijving(ds, "J-JOEP", ROC, Mbo, mbo1, None, "2019-08-01", Some("2020-06-30"));
    inschrijving(ds, "J-JOEP", ROC, Mbo, mbo2, None, "2020-08-01", None);
    // PRO: Gijs stays in PRO (not door_uitstroom); Hanna (Duinwijk on 1 Oct 2019) to MBO1; Olaf to
    // MBO2.
    jongere(ds, "J-GIJS", "2004-03-03", ZANDVOORDE);
    inschrijving(ds, "J-GIJS", DE_HAVEN, Pro, None, None, "2016-08-01", None);
    jongere(ds, "J-HANNA", "2004-02-11", DUINWIJK);
    verhuist(ds, "J-HANNA", "2020-02-01", ZANDVOORDE);
    inschrijving(ds, "J-HANNA", DE_HAVEN, Pro, None, None, "2015-08-01", EIND);
    inschrijving(ds, "J-HANNA", ROC, Mbo, mbo1, None, "2020-08-01", None);
    jongere(ds, "J-OLAF", "2003-12-12", ZANDVOORDE);
    inschrijving(ds, "J-OLAF", DE_HAVEN, Pro, None, None, "2015-08-01", EIND);
    inschrijving(ds, "J-OLAF", ROC, Mbo, mbo2, None, "2020-08-01", None);
    // Tess entered PRO on 2 October 2019: not on the peildatum, no deelnemer.
    jongere(ds, "J-TESS", "2006-07-07", ZANDVOORDE);
    inschrijving(ds, "J-TESS", DE_HAVEN, Pro, None, None, "2019-10-02", None);
    // VMBO-BBL: Kim (Heiveen) left education; Puck (Duinwijk) moved to vmbo-kb (elsewhere, not
    // kwetsbaar).
    jongere(ds, "J-KIM", "2004-04-04", HEIVEEN);
    inschrijving(ds, "J-KIM", DUINLYCEUM, Vo, bb, None, "2016-08-01", EIND);
    jongere(ds, "J-PUCK", "2004-05-05", DUINWIJK);
    inschrijving(ds, "J-PUCK", DUINLYCEUM, Vo, bb, None, "2016-08-01", EIND);
    inschrijving(ds, "J-PUCK", DUINLYCEUM, Vo, kb, None, "2020-08-01", None);
    // VSO-arbeidsmarkt: Mo stays in VSO.
    jongere(ds, "J-MO", "2003-06-06", ZANDVOORDE);
    inschrijving(ds, "J-MO", DE_BRANDING, Vso, None, arbeid, "2015-08-01", None);
    // VSO-vervolgonderwijs: Lars to havo, Quinn to MBO3 (both elsewhere, not kwetsbaar).
    jongere(ds, "J-LARS", "2004-08-08", ZANDVOORDE);
    inschrijving(ds, "J-LARS", DE_BRANDING, Vso, None, vervolg, "2015-08-01", EIND);
    inschrijving(ds, "J-LARS", DUINLYCEUM, Vo, Some(Niveau::Havo), None, "2020-08-01", None);
    jongere(ds, "J-QUINN", "2003-11-11", ZANDVOORDE);
    inschrijving(ds, "J-QUINN", DE_BRANDING, Vso, None, vervolg, "2015-08-01", EIND);
    inschrijving(ds, "J-QUINN", ROC, Mbo, mbo3, None, "2020-08-01", None);
    // VSO-dagbesteding is no JIKP group.
    jongere(ds, "J-ROOS", "2004-09-09", ZANDVOORDE);
    inschrijving(ds, "J-ROOS", DE_BRANDING, Vso, None, Some(VsoProfiel::Dagbesteding), "2016-08-01", None);
}

/// RMC-trajecten: `rmc_aantal` and `rmc_resultaat`.
fn rmc(ds: &mut Dataset) {
    use TrajectSoort::*;
    // Ruben: aangemeld 2019-06-10, traject 2019-06-17 – 2020-11-20 → scholing. Runs in 2018-2019,
    // 2019-2020 (nog in traject on 31 July 2020) and 2020-2021 (scholing); gemeld vóór both years.
    jongere(ds, "J-RUBEN", "2001-02-01", ZANDVOORDE);
    diploma(ds, "J-RUBEN", DiplomaSoort::VmboKb, "2018-07-06", DUINLYCEUM.0);
    traject(ds, "J-RUBEN", Regulier, "2019-06-10", "2019-06-17", Some(("2020-11-20", "scholing")));
    // Sanne: aangemeld 2020-07-20 (before 1 August: gemeld vóór verslagjaar), begun 2020-08-03,
    // → werk on 2021-03-01. Not in 2019-2020: the traject began after 31 July 2020.
    jongere(ds, "J-SANNE", "2001-03-03", ZANDVOORDE);
    traject(ds, "J-SANNE", Regulier, "2020-07-20", "2020-08-03", Some(("2021-03-01", "werk")));
    // Tim: two trajecten, both new in 2020-2021 and both counted: one still running, a WET → stage.
    jongere(ds, "J-TIM", "2001-04-04", ZANDVOORDE);
    traject(ds, "J-TIM", Regulier, "2020-09-01", "2020-09-07", None);
    traject(ds, "J-TIM", Wet, "2020-09-01", "2021-01-04", Some(("2021-05-31", "stage_wet")));
    // Umut: aangemeld in Heiveen, moved to Zandvoorde on 1 October 2020. His traject closes on
    // 2021-08-15: on 31 July 2021 still nog_in_traject.
    jongere(ds, "J-UMUT", "2000-04-04", HEIVEEN);
    verhuist(ds, "J-UMUT", "2020-10-01", ZANDVOORDE);
    traject(ds, "J-UMUT", Regulier, "2020-09-14", "2020-09-21", Some(("2021-08-15", "werk_en_scholing")));
    // Vera (Heiveen): new, niet herplaatst.
    jongere(ds, "J-VERA", "2002-02-02", HEIVEEN);
    traject(ds, "J-VERA", Regulier, "2020-11-01", "2020-11-02", Some(("2021-02-01", "niet_herplaatst")));
    // Wout (Duinwijk): only in 2019-2020, new, moved (overig).
    jongere(ds, "J-WOUT", "2000-05-05", DUINWIJK);
    traject(ds, "J-WOUT", Regulier, "2020-01-15", "2020-01-20", Some(("2020-06-30", "overig_verhuisd")));
    // Wiebe (Duinwijk): new; his traject came from the earlier system closed on 1 April 2021 without a
    // result: zonder_resultaat, not nog_in_traject.
    jongere(ds, "J-WIEBE", "2002-03-03", DUINWIJK);
    traject(ds, "J-WIEBE", Regulier, "2020-09-01", "2020-09-07", None);
    ds.rmc_trajecten.last_mut().unwrap().einddatum = Some(d("2021-04-01"));
    // Xena: ends on 31 July 2021, the last day: her result counts (jikp_arbeid), not nog_in_traject.
    jongere(ds, "J-XENA", "2002-06-06", ZANDVOORDE);
    traject(ds, "J-XENA", Regulier, "2021-02-01", "2021-02-08", Some(("2021-07-31", "jikp_arbeid")));
    // Yara: 2018-03-05 – 2019-05-01: only in rmc_aantal's 2018-2019.
    jongere(ds, "J-YARA", "1999-07-07", ZANDVOORDE);
    traject(ds, "J-YARA", Wet, "2018-03-01", "2018-03-05", Some(("2019-05-01", "stage_wet")));
    // Zeno (Duinwijk): aangemeld on 1 August 2020 exactly (new), the office's own outcome.
    jongere(ds, "J-ZENO", "2002-08-08", DUINWIJK);
    traject(ds, "J-ZENO", Regulier, "2020-08-01", "2020-08-10", Some(("2021-01-15", "buddy_traject")));
    // Quinten (25) applies for a benefit: the RMC's P-wet scholingsadvies, reported apart, no RMC-er.
    jongere(ds, "J-QUINTEN", "1995-09-09", ZANDVOORDE);
    traject(ds, "J-QUINTEN", PwetScholingsadvies, "2020-10-05", "2020-10-12", Some(("2020-12-01", "scholing")));
}

fn dataset() -> Dataset {
    let mut ds = Dataset::default();
    organisatie(&mut ds);
    verzuim(&mut ds);
    thuiszitters(&mut ds);
    jikp(&mut ds);
    rmc(&mut ds);
    ds
}

async fn zuidkust() -> Vec<TestDb> {
    register(dataset).await
}

const JAREN_4: [&str; 4] = ["2017_2018", "2018_2019", "2019_2020", "2020_2021"];

// ---------------------------------------------------------------------------------------------
// The tables, scope regio.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn maatregelen_per_jaar_counts_each_measure_in_the_schooljaar_of_its_date() {
    for db in zuidkust().await {
        let t = tabel(&db.store, "regio", "maatregelen_per_jaar").await;
        assert_eq!(kolommen(&t), ["preventief_gesprek", "halt", "pv"]);
        assert_eq!(rijen(&t), JAREN_4);
        assert_eq!(rij(&t, "2017_2018"), w(&[0.0, 0.0, 0.0]));
        // Lotte's HALT 2018-09-20.
        assert_eq!(rij(&t, "2018_2019"), w(&[0.0, 1.0, 0.0]));
        // Nina's talk 2020-03-05; HALT Mila 2019-11-05 and Kees 2020-07-31; PV Jesse 2019-12-10.
        assert_eq!(rij(&t, "2019_2020"), w(&[1.0, 2.0, 1.0]));
        // Nina's talks 2020-08-01 and 2021-07-31; HALT Anna; PV Bart, Mila and Anna's mother.
        // Cor's gesprek is no measure; Bart's HALT of 2021-09-20 falls in 2021-2022.
        assert_eq!(rij(&t, "2020_2021"), w(&[2.0, 1.0, 3.0]));
        assert_eq!(t.cel("2020_2021", "pv"), Some(3.0));
    }
}

#[tokio::test]
async fn recidive_counts_youths_reported_again_after_their_case_closed() {
    for db in zuidkust().await {
        let t = tabel(&db.store, "regio", "recidive").await;
        assert_eq!(kolommen(&t), ["jongeren", "recidive", "pct"]);
        assert_eq!(rijen(&t), JAREN_4);
        // No case closed in 2017-2018: the percentage is empty, not 0.
        assert_eq!(rij(&t, "2017_2018"), [Some(0.0), Some(0.0), None]);
        // Lotte: closed 2018-10-01, new melding 2019-08-20 (next schooljaar) → recidive.
        assert_eq!(rij(&t, "2018_2019"), w(&[1.0, 1.0, 100.0]));
        // Jesse (again 2020-09-07) and Mila (again 2020-09-28) of Jesse, Kees, Mila: 2/3 = 66,7.
        assert_eq!(rij(&t, "2019_2020"), w(&[3.0, 2.0, 66.7]));
        // 16 youths (Anna counted once, Femke's absoluut case left out); Anna, Bart, Guus again:
        // 3/16 = 18,75 → 18,8 rounded half-up.
        assert_eq!(rij(&t, "2020_2021"), w(&[16.0, 3.0, 18.8]));
    }
}

#[tokio::test]
async fn thuiszitters_verloop_per_gemeente_by_residence_on_1_october() {
    for db in zuidkust().await {
        let t = tabel(&db.store, "regio", "thuiszitters_verloop").await;
        assert_eq!(
            kolommen(&t),
            [
                "bij_aanvang",
                "nieuw",
                "totaal",
                "langer_dan_3_maanden",
                "opgelost",
                "verhuisd_overleden",
                "achttien_geworden",
                "actueel_einde"
            ]
        );
        assert_eq!(rijen(&t), [ZANDVOORDE, DUINWIJK, HEIVEEN, "elders", "totaal"]);
        // Zandvoorde: Bas (bij aanvang, > 3 mnd, opgelost), Cas (nieuw, > 3 mnd, open), Mila (nieuw,
        // moved in on 16 Sep 2020, > 3 mnd, 18 geworden).
        assert_eq!(rij(&t, ZANDVOORDE), w(&[1.0, 2.0, 3.0, 3.0, 1.0, 0.0, 1.0, 1.0]));
        // Duinwijk: Dewi (nieuw, 11 January to 11 April: > 3 mnd, opgelost). Not Mila.
        assert_eq!(rij(&t, DUINWIJK), w(&[0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0]));
        // Heiveen: Fenna (since 31 July 2020: bij aanvang, > 3 mnd, still open).
        assert_eq!(rij(&t, HEIVEEN), w(&[1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0]));
        // The region also counts Ezra, who had left by 1 October (nieuw, verhuisd): the row "elders",
        // so the gemeenten and he add up to the total.
        assert_eq!(rij(&t, "elders"), w(&[0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0]));
        assert_eq!(rij(&t, "totaal"), w(&[2.0, 4.0, 6.0, 5.0, 2.0, 1.0, 1.0, 2.0]));
        klopt(&t);
        for r in [ZANDVOORDE, DUINWIJK, HEIVEEN, "elders", "totaal"] {
            let c = |k| t.cel(r, k).unwrap();
            assert_eq!(c("totaal"), c("bij_aanvang") + c("nieuw"), "{r}");
            assert_eq!(
                c("totaal"),
                c("opgelost") + c("verhuisd_overleden") + c("achttien_geworden") + c("actueel_einde"),
                "{r}"
            );
        }
    }
}

#[tokio::test]
async fn jikp_door_uitstroom_from_1_october_2019_to_1_october_2020() {
    for db in zuidkust().await {
        let t = tabel(&db.store, "regio", "jikp_door_uitstroom").await;
        assert_eq!(kolommen(&t), ["deelnemers", "door_uitstroom", "mbo1", "mbo2", "uitstroom", "kwetsbaar", "pct"]);
        assert_eq!(rijen(&t), ["mbo1", "pro", "vmbo_bbl", "vso_arbeidsmarkt", "vso_vervolgonderwijs", "totaal"]);
        // Ilse stays in MBO1 and counts as mbo1; Joep to MBO2.
        assert_eq!(rij(&t, "mbo1"), w(&[2.0, 2.0, 1.0, 1.0, 0.0, 2.0, 100.0]));
        // Gijs stays in PRO: a deelnemer, no door_uitstroom. Hanna to MBO1, Olaf to MBO2. Tess began
        // on 2 October 2019: no deelnemer.
        assert_eq!(rij(&t, "pro"), w(&[3.0, 2.0, 1.0, 1.0, 0.0, 2.0, 100.0]));
        // Kim out of education, Puck to vmbo-kb: 1 of 2 kwetsbaar.
        assert_eq!(rij(&t, "vmbo_bbl"), w(&[2.0, 2.0, 0.0, 0.0, 1.0, 1.0, 50.0]));
        // Mo stays in VSO: no door_uitstroom, so no percentage.
        assert_eq!(
            rij(&t, "vso_arbeidsmarkt"),
            [Some(1.0), Some(0.0), Some(0.0), Some(0.0), Some(0.0), Some(0.0), None]
        );
        // Lars to havo, Quinn to MBO3: door_uitstroom, not kwetsbaar. Roos (dagbesteding) not here.
        assert_eq!(rij(&t, "vso_vervolgonderwijs"), w(&[2.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0]));
        // 5 kwetsbaar of 8: 62,5 % → 63 (whole percent, half-up).
        assert_eq!(rij(&t, "totaal"), w(&[10.0, 8.0, 2.0, 2.0, 1.0, 5.0, 63.0]));
        for k in ["deelnemers", "door_uitstroom", "mbo1", "mbo2", "uitstroom", "kwetsbaar"] {
            let som: f64 = t.rows.iter().filter(|r| r.key != "totaal").map(|r| t.cel(&r.key, k).unwrap()).sum();
            assert_eq!(t.cel("totaal", k), Some(som), "{k}");
        }
    }
}

#[tokio::test]
async fn rmc_aantal_counts_every_traject_that_ran_in_the_schooljaar() {
    for db in zuidkust().await {
        let t = tabel(&db.store, "regio", "rmc_aantal").await;
        assert_eq!(kolommen(&t), ["aantal", "pwet"]);
        assert_eq!(rijen(&t), ["2018_2019", "2019_2020", "2020_2021"]);
        // Yara (until 2019-05-01) and Ruben (from 2019-06-17).
        assert_eq!(t.cel("2018_2019", "aantal"), Some(2.0));
        // Ruben and Wout.
        assert_eq!(t.cel("2019_2020", "aantal"), Some(2.0));
        // Ruben, Sanne, Tim twice, Umut, Vera, Wiebe, Xena, Zeno; not Quinten's P-wet talk, which
        // stands apart.
        assert_eq!(t.cel("2020_2021", "aantal"), Some(9.0));
        assert_eq!(t.cel("2020_2021", "pwet"), Some(1.0));
        assert_eq!(t.cel("2019_2020", "pwet"), Some(0.0));
    }
}

const RMC_RIJEN: [&str; 24] = [
    "scholing",
    "werk_en_scholing",
    "stage_wet",
    "opvangvoorziening",
    "subtotaal_scholing",
    "werk",
    "niet_herplaatst",
    "subtotaal_niet_naar_scholing",
    "geen_rmc_vsv",
    "overig_verhuisd",
    "niet_doelgroep",
    "zonder_resultaat",
    "subtotaal_overig",
    "nog_in_traject",
    "jikp_arbeid",
    "jikp_pwet",
    "jikp_wajong",
    "jikp_ketenpartner",
    "buitenlands_onderwijs",
    "statushouder_inburgering",
    "statushouder_scholing",
    "subtotaal_monitoring",
    "buddy_traject",
    "totaal",
];

#[tokio::test]
async fn rmc_resultaat_by_outcome_with_subtotals_and_kind_of_rmcer() {
    for db in zuidkust().await {
        let t = tabel(&db.store, "regio", "rmc_resultaat").await;
        assert_eq!(
            kolommen(&t),
            [
                "gemeld_voor_verslagjaar_2019_2020",
                "nieuw_2019_2020",
                "totaal_2019_2020",
                "gemeld_voor_verslagjaar_2020_2021",
                "nieuw_2020_2021",
                "totaal_2020_2021"
            ]
        );
        // The shipped order, each group followed by its subtotal; the office's own code after.
        assert_eq!(rijen(&t), RMC_RIJEN);
        // 2019-2020: Ruben (gemeld vóór, nog in traject on 31 July 2020), Wout (nieuw, verhuisd).
        // 2020-2021: Ruben → scholing and Sanne → werk, both gemeld vóór 1 August 2020.
        assert_eq!(rij(&t, "scholing"), w(&[0.0, 0.0, 0.0, 1.0, 0.0, 1.0]));
        assert_eq!(rij(&t, "stage_wet"), w(&[0.0, 0.0, 0.0, 0.0, 1.0, 1.0]), "Tim's WET");
        assert_eq!(rij(&t, "subtotaal_scholing"), w(&[0.0, 0.0, 0.0, 1.0, 1.0, 2.0]));
        assert_eq!(rij(&t, "werk"), w(&[0.0, 0.0, 0.0, 1.0, 0.0, 1.0]), "Sanne: aangemeld 2020-07-20");
        assert_eq!(rij(&t, "niet_herplaatst"), w(&[0.0, 0.0, 0.0, 0.0, 1.0, 1.0]), "Vera");
        assert_eq!(rij(&t, "subtotaal_niet_naar_scholing"), w(&[0.0, 0.0, 0.0, 1.0, 1.0, 2.0]));
        assert_eq!(rij(&t, "overig_verhuisd"), w(&[0.0, 1.0, 1.0, 0.0, 0.0, 0.0]), "Wout");
        assert_eq!(rij(&t, "zonder_resultaat"), w(&[0.0, 0.0, 0.0, 0.0, 1.0, 1.0]), "Wiebe, not nog in traject");
        assert_eq!(rij(&t, "subtotaal_overig"), w(&[0.0, 1.0, 1.0, 0.0, 1.0, 1.0]));
        // Ruben still running on 31 July 2020; Tim's open traject and Umut's (closes 2021-08-15)
        // on 31 July 2021.
        assert_eq!(rij(&t, "nog_in_traject"), w(&[1.0, 0.0, 1.0, 0.0, 2.0, 2.0]));
        // Xena closed on 31 July 2021 itself: her result counts.
        assert_eq!(rij(&t, "jikp_arbeid"), w(&[0.0, 0.0, 0.0, 0.0, 1.0, 1.0]));
        assert_eq!(rij(&t, "subtotaal_monitoring"), w(&[1.0, 0.0, 1.0, 0.0, 3.0, 3.0]));
        // Zeno, aangemeld on 1 August 2020: nieuw.
        assert_eq!(rij(&t, "buddy_traject"), w(&[0.0, 0.0, 0.0, 0.0, 1.0, 1.0]));
        assert_eq!(rij(&t, "totaal"), w(&[1.0, 1.0, 2.0, 2.0, 7.0, 9.0]));
        for r in ["werk_en_scholing", "opvangvoorziening", "geen_rmc_vsv", "niet_doelgroep", "statushouder_scholing"] {
            assert_eq!(rij(&t, r), w(&[0.0; 6]), "{r}");
        }
        for k in kolommen(&t) {
            // Each subtotal is the sum of its rows; the total is the subtotals plus the own code.
            let mut groep = 0.0;
            let mut subtotalen = 0.0;
            for r in &RMC_RIJEN[..RMC_RIJEN.len() - 2] {
                let v = t.cel(r, k).unwrap();
                if r.starts_with("subtotaal_") {
                    assert_eq!(v, groep, "{r} {k}");
                    subtotalen += v;
                    groep = 0.0;
                } else {
                    groep += v;
                }
            }
            assert_eq!(t.cel("totaal", k), Some(subtotalen + t.cel("buddy_traject", k).unwrap()), "{k}");
        }
        // Per traject, as Tabel 9 counts: the totals equal rmc_aantal.
        let aantal = tabel(&db.store, "regio", "rmc_aantal").await;
        assert_eq!(t.cel("totaal", "totaal_2020_2021"), aantal.cel("2020_2021", "aantal"));
        assert_eq!(t.cel("totaal", "totaal_2019_2020"), aantal.cel("2019_2020", "aantal"));
    }
}

// ---------------------------------------------------------------------------------------------
// Scopes.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_gemeente_counts_who_lived_there_on_1_october() {
    for db in zuidkust().await {
        let s = &db.store;
        // Duinwijk: Mila lived there until 15 September 2020. Her 2019-2020 HALT and case count
        // there; her 2020-2021 PV and thuiszitter period do not (Zandvoorde on 1 October 2020).
        let t = tabel(s, "gemeente:GM9902", "maatregelen_per_jaar").await;
        assert_eq!(rij(&t, "2019_2020"), w(&[0.0, 1.0, 0.0]), "Mila's HALT");
        assert_eq!(rij(&t, "2020_2021"), w(&[0.0, 0.0, 1.0]), "Bart's PV, not Mila's");
        let t = tabel(s, "gemeente:GM9902", "recidive").await;
        assert_eq!(rij(&t, "2019_2020"), w(&[1.0, 1.0, 100.0]), "Mila");
        assert_eq!(rij(&t, "2020_2021"), w(&[1.0, 1.0, 100.0]), "Bart");
        let t = tabel(s, "gemeente:GM9902", "thuiszitters_verloop").await;
        assert_eq!(rijen(&t), [DUINWIJK, "totaal"]);
        assert_eq!(rij(&t, DUINWIJK), w(&[0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0]), "Dewi only");
        assert_eq!(rij(&t, "totaal"), rij(&t, DUINWIJK));
        // JIKP counts its 2019-2020 pupils where they lived on 1 October 2019: Hanna (moved away in
        // February 2020) and Puck.
        let t = tabel(s, "gemeente:GM9902", "jikp_door_uitstroom").await;
        assert_eq!(rij(&t, "pro"), w(&[1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 100.0]), "Hanna");
        assert_eq!(rij(&t, "vmbo_bbl"), w(&[1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]), "Puck");
        assert_eq!(rij(&t, "mbo1"), [Some(0.0), Some(0.0), Some(0.0), Some(0.0), Some(0.0), Some(0.0), None]);
        assert_eq!(rij(&t, "totaal"), w(&[2.0, 2.0, 1.0, 0.0, 0.0, 1.0, 50.0]));
        let t = tabel(s, "gemeente:GM9902", "rmc_aantal").await;
        assert_eq!(rij(&t, "2018_2019"), w(&[0.0, 0.0]));
        assert_eq!(rij(&t, "2019_2020"), w(&[1.0, 0.0]), "Wout");
        assert_eq!(rij(&t, "2020_2021"), w(&[2.0, 0.0]), "Zeno, Wiebe");

        // Zandvoorde: Mila counts here in 2020-2021; Ezra, gone by 1 October, in no gemeente.
        let t = tabel(s, "gemeente:GM9901", "thuiszitters_verloop").await;
        assert_eq!(rijen(&t), [ZANDVOORDE, "totaal"]);
        assert_eq!(rij(&t, "totaal"), w(&[1.0, 2.0, 3.0, 3.0, 1.0, 0.0, 1.0, 1.0]));
        let t = tabel(s, "gemeente:GM9901", "maatregelen_per_jaar").await;
        assert_eq!(rij(&t, "2020_2021"), w(&[2.0, 1.0, 2.0]), "Nina ×2; Anna; Mila and Anna's mother");
        let t = tabel(s, "gemeente:GM9901", "recidive").await;
        // 15 of the 16 (not Bart); Anna and Guus again: 2/15 = 13,33 → 13,3.
        assert_eq!(rij(&t, "2020_2021"), w(&[15.0, 2.0, 13.3]));

        // Heiveen: Umut was aangemeld while living there but moved to Zandvoorde on 1 October 2020,
        // the peildatum: only Vera counts.
        let t = tabel(s, "gemeente:GM9903", "rmc_resultaat").await;
        assert_eq!(rij(&t, "niet_herplaatst"), w(&[0.0, 0.0, 0.0, 0.0, 1.0, 1.0]), "Vera");
        assert_eq!(rij(&t, "nog_in_traject"), w(&[0.0; 6]), "Umut niet");
        assert_eq!(rij(&t, "totaal"), w(&[0.0, 0.0, 0.0, 0.0, 1.0, 1.0]));
        let t = tabel(s, "gemeente:GM9903", "rmc_aantal").await;
        assert_eq!(t.cel("2020_2021", "aantal"), Some(1.0));
        let t = tabel(s, "gemeente:GM9901", "rmc_resultaat").await;
        assert_eq!(rij(&t, "nog_in_traject"), w(&[1.0, 0.0, 1.0, 0.0, 2.0, 2.0]), "Ruben; Tim and Umut");
        assert_eq!(rij(&t, "totaal"), w(&[1.0, 0.0, 1.0, 2.0, 4.0, 6.0]));
    }
}

#[tokio::test]
async fn a_subregio_counts_its_gemeenten() {
    for db in zuidkust().await {
        let s = &db.store;
        let t = tabel(s, "subregio:HV", "thuiszitters_verloop").await;
        assert_eq!(rijen(&t), [HEIVEEN, "totaal"]);
        assert_eq!(rij(&t, "totaal"), w(&[1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0]), "Fenna");
        let t = tabel(s, "subregio:HV", "jikp_door_uitstroom").await;
        assert_eq!(rij(&t, "vmbo_bbl"), w(&[1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 100.0]), "Kim");
        assert_eq!(rij(&t, "totaal"), rij(&t, "vmbo_bbl"));
        let t = tabel(s, "subregio:HV", "rmc_aantal").await;
        // Umut lived in Heiveen on 1 October 2019, but his traject began in September 2020.
        assert_eq!(rij(&t, "2019_2020"), w(&[0.0, 0.0]));
        assert_eq!(rij(&t, "2020_2021"), w(&[1.0, 0.0]), "Vera");
        let t = tabel(s, "subregio:ZK", "thuiszitters_verloop").await;
        assert_eq!(rijen(&t), [ZANDVOORDE, DUINWIJK, "totaal"]);
        assert_eq!(rij(&t, "totaal"), w(&[1.0, 3.0, 4.0, 4.0, 2.0, 0.0, 1.0, 1.0]), "Bas, Cas, Mila, Dewi");
    }
}

#[tokio::test]
async fn an_unknown_gemeente_or_subregio_is_a_scope_error() {
    for db in zuidkust().await {
        let s = &db.store;
        for scope in ["gemeente:GM9999", "subregio:XX"] {
            match kader(s, scope).await.err() {
                Some(Fout::Scope(m)) => assert!(!m.is_empty(), "{scope}"),
                Some(f) => panic!("{scope}: verkeerde fout {f}"),
                None => panic!("{scope}: geen fout"),
            }
        }
        let k = std::sync::Arc::new(kader(s, "regio").await.unwrap());
        let fout = leerspoor_report::bereken(&k, &["bestaat_niet".to_string()]).await.unwrap_err();
        assert!(matches!(fout, Fout::OnbekendeTabel(ref id, _) if id == "bestaat_niet"), "{fout}");
    }
}

// ---------------------------------------------------------------------------------------------
// Machine output.
// ---------------------------------------------------------------------------------------------

const ZES: [&str; 6] =
    ["maatregelen_per_jaar", "recidive", "thuiszitters_verloop", "jikp_door_uitstroom", "rmc_aantal", "rmc_resultaat"];

#[tokio::test]
async fn the_json_document_has_the_agreed_shape() {
    use serde_json::Value;
    for db in zuidkust().await {
        let k = std::sync::Arc::new(kader(&db.store, "regio").await.unwrap());
        let ids: Vec<String> = ZES.iter().map(|s| s.to_string()).collect();
        let tabellen = leerspoor_report::bereken(&k, &ids).await.unwrap();
        let json = leerspoor_report::uitvoer::json(VERSLAGJAAR, "regio", &tabellen);
        let doc: Value = serde_json::from_str(&json).expect("geldige JSON");
        let sleutels = |v: &Value| -> Vec<String> {
            let mut s: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
            s.sort();
            s
        };
        assert_eq!(sleutels(&doc), ["jaar", "scope", "tables"]);
        assert_eq!(doc["jaar"], "2020-2021");
        assert_eq!(doc["scope"], "regio");
        let tables = doc["tables"].as_array().expect("tables is een lijst");
        let mut gekregen: Vec<&str> = tables.iter().map(|t| t["id"].as_str().unwrap()).collect();
        gekregen.sort();
        let mut verwacht = ZES.to_vec();
        verwacht.sort();
        assert_eq!(gekregen, verwacht);
        for t in tables {
            assert_eq!(sleutels(t), ["columns", "id", "notes", "rows", "title"]);
            assert!(t["title"].as_str().is_some_and(|s| !s.is_empty()));
            assert!(t["notes"].as_array().unwrap().iter().all(Value::is_string));
            let columns = t["columns"].as_array().unwrap();
            for c in columns {
                assert_eq!(sleutels(c), ["key", "label"]);
                assert!(c["key"].is_string() && c["label"].is_string());
            }
            for r in t["rows"].as_array().unwrap() {
                assert_eq!(sleutels(r), ["key", "label", "values"]);
                let values = r["values"].as_array().unwrap();
                assert_eq!(values.len(), columns.len());
                for v in values {
                    // A whole number is written as an integer (18437, not 18437.0); empty is null.
                    let ok = v.is_null() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() != 0.0);
                    assert!(ok, "{}/{}: {v}", t["id"], r["key"]);
                }
            }
        }
        let tabel = |id: &str| tables.iter().find(|t| t["id"] == id).unwrap();
        let rij =
            |t: &Value, key: &str| t["rows"].as_array().unwrap().iter().find(|r| r["key"] == key).unwrap().clone();
        let recidive = tabel("recidive");
        assert_eq!(recidive["columns"][2], serde_json::json!({"key": "pct", "label": "% opnieuw gemeld"}));
        assert_eq!(rij(recidive, "2020_2021")["values"], serde_json::json!([16, 3, 18.8]));
        assert_eq!(rij(recidive, "2020_2021")["label"], "2020-2021");
        assert_eq!(rij(recidive, "2017_2018")["values"], serde_json::json!([0, 0, null]));
        assert_eq!(rij(tabel("jikp_door_uitstroom"), "totaal")["values"], serde_json::json!([10, 8, 2, 2, 1, 5, 63]));
        assert_eq!(rij(tabel("rmc_aantal"), "2020_2021")["values"], serde_json::json!([9, 1]));
        // And in the text itself: no "16.0" and the like.
        assert!(json.contains("18.8"));
        for (i, _) in json.match_indices(".0") {
            let na = json[i + 2..].chars().next().unwrap_or(' ');
            assert!(na.is_ascii_digit(), "een geheel getal met .0 op positie {i}");
        }
    }
}
