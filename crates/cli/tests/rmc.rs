//! `leerspoor rmc` on the small test bundle: Noor (J3, born 28 February 2002) left the ROC on
//! 31 January 2020 without a diploma; the bundle already holds her VSV-melding (S1).
mod common;
use common::*;
use std::process::Output;

fn uitvoer(o: Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn the_vsv_run_knows_a_registered_drop_out_and_she_is_oud_vsv_the_next_year() {
    let (_map, db) = database_met_klein();
    let run = uitvoer(leerspoor(&db, &["rmc", "vsv", "--schooljaar", "2019-2020", "--als", "MW002"]));
    assert!(run.contains("nieuwe VSV-meldingen                              0"), "{run}");
    assert!(run.contains("al geregistreerd                                  1"), "{run}");
    let lijst = uitvoer(leerspoor(&db, &["rmc", "oud-vsv", "--schooljaar", "2020-2021", "--als", "MW002"]));
    assert!(lijst.starts_with("Oud-VSV op 2020-10-01: 1 jongeren\n"), "{lijst}");
    assert!(
        lijst.contains("J3") && lijst.contains("Noor de Testkamp") && lijst.contains("uitgevallen 2020-02-01"),
        "{lijst}"
    );
}

#[test]
fn triage_shows_every_point_with_its_reason_and_reads_an_offices_own_factors() {
    let (map, db) = database_met_klein();
    let uit =
        uitvoer(leerspoor(&db, &["rmc", "triage", "--jongere", "J3", "--peildatum", "2020-02-10", "--als", "MW002"]));
    // No diploma, and the school reported her absence once before (melding VM2, an 18+ melding).
    assert_eq!(
        uit,
        "Risico J3: Middel (4 punten)\n  +3 diploma: geen diploma\n  +1 meldingen: 1 eerdere verzuimmelding(en)\n"
    );
    let eigen = map.path().join("factoren.json");
    std::fs::write(&eigen, r#"{"geen_diploma": 6}"#).unwrap();
    let uit = uitvoer(leerspoor(
        &db,
        &[
            "rmc",
            "triage",
            "--jongere",
            "J3",
            "--peildatum",
            "2020-02-10",
            "--factoren",
            eigen.to_str().unwrap(),
            "--als",
            "MW002",
        ],
    ));
    assert!(uit.starts_with("Risico J3: Hoog (7 punten)"), "{uit}");
    std::fs::write(&eigen, r#"{"geen_diplomas": 6}"#).unwrap();
    let fout = leerspoor(
        &db,
        &[
            "rmc",
            "triage",
            "--jongere",
            "J3",
            "--peildatum",
            "2020-02-10",
            "--factoren",
            eigen.to_str().unwrap(),
            "--als",
            "MW002",
        ],
    );
    assert_eq!(fout.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&fout.stderr).contains("unknown field `geen_diplomas`"));
    let zonder = leerspoor(&db, &["rmc", "triage", "--jongere", "J3", "--peildatum", "2020-02-10"]);
    assert_eq!(
        String::from_utf8_lossy(&zonder.stderr),
        "fout: ontbreekt: --als <MEDEWERKER> (of LEERSPOOR_MEDEWERKER)\n"
    );
}
