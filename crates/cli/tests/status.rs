//! `leerspoor status` end to end: the binary, its JSON line, its Dutch errors and exit codes.
use std::process::{Command, Output};

fn leerspoor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leerspoor")).arg("status").args(args).output().expect("leerspoor starts")
}

/// Runs a successful `status` and returns its single stdout line.
fn json(args: &[&str]) -> String {
    let uit = leerspoor(args);
    let stderr = String::from_utf8_lossy(&uit.stderr);
    assert!(uit.status.success(), "{args:?} failed: {stderr}");
    assert!(stderr.is_empty(), "unexpected stderr: {stderr}");
    let stdout = String::from_utf8(uit.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "exactly one line: {stdout}");
    assert!(stdout.ends_with('\n'));
    let regel = stdout.trim_end().to_string();
    let waarde: serde_json::Value = serde_json::from_str(&regel).expect("valid JSON");
    assert!(waarde.is_object());
    regel
}

fn verwacht(begin: &str, einde: &str, kwalificatie: Option<&str>, status: &str) -> String {
    let kwalificatie = kwalificatie.map_or("null".to_string(), |k| format!("\"{k}\""));
    format!(
        "{{\"leerplicht_begin\":\"{begin}\",\"leerplicht_einde\":\"{einde}\",\
         \"kwalificatieplicht_einde\":{kwalificatie},\"status\":\"{status}\"}}"
    )
}

/// Runs a failing `status`: exit code 2, nothing on stdout; returns stderr.
fn fout(args: &[&str]) -> String {
    let uit = leerspoor(args);
    let stderr = String::from_utf8(uit.stderr).unwrap();
    assert_eq!(uit.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(uit.stdout.is_empty(), "{args:?} printed {:?}", String::from_utf8_lossy(&uit.stdout));
    stderr
}

#[test]
fn the_example_of_the_brief() {
    assert_eq!(
        json(&["--geboortedatum", "2004-09-10", "--peildatum", "2021-08-01"]),
        r#"{"leerplicht_begin":"2009-10-01","leerplicht_einde":"2021-07-31","kwalificatieplicht_einde":"2022-09-10","status":"kwalificatieplichtig"}"#
    );
}

// docs/regels.md: "Born 2015-03-14 → leerplichtig from 2020-04-01. Born 2015-12-02 → from 2021-01-01."
#[test]
fn leerplicht_begins_the_month_after_the_fifth_birthday() {
    let g = ["--geboortedatum", "2015-03-14"];
    assert_eq!(
        json(&[&g[..], &["--peildatum", "2020-03-31"]].concat()),
        verwacht("2020-04-01", "2031-07-31", Some("2033-03-14"), "nog_niet_leerplichtig")
    );
    assert_eq!(
        json(&[&g[..], &["--peildatum", "2020-04-01"]].concat()),
        verwacht("2020-04-01", "2031-07-31", Some("2033-03-14"), "leerplichtig")
    );
    let g = ["--geboortedatum", "2015-12-02"];
    assert_eq!(
        json(&[&g[..], &["--peildatum", "2020-12-31"]].concat()),
        verwacht("2021-01-01", "2032-07-31", Some("2033-12-02"), "nog_niet_leerplichtig")
    );
    assert_eq!(
        json(&[&g[..], &["--peildatum", "2021-01-01"]].concat()),
        verwacht("2021-01-01", "2032-07-31", Some("2033-12-02"), "leerplichtig")
    );
}

#[test]
fn born_on_the_first_or_the_last_day_of_a_month() {
    assert!(
        json(&["--geboortedatum", "2015-03-01", "--peildatum", "2020-01-01"])
            .starts_with(r#"{"leerplicht_begin":"2020-04-01","#)
    );
    assert!(
        json(&["--geboortedatum", "2015-01-31", "--peildatum", "2020-01-01"])
            .starts_with(r#"{"leerplicht_begin":"2020-02-01","#)
    );
}

#[test]
fn a_schrikkelkind_turns_5_and_18_on_1_march() {
    assert_eq!(
        json(&["--geboortedatum", "2016-02-29", "--peildatum", "2021-03-31"]),
        verwacht("2021-04-01", "2032-07-31", Some("2034-03-01"), "nog_niet_leerplichtig")
    );
    assert_eq!(
        json(&["--geboortedatum", "2012-02-29", "--peildatum", "2017-04-01"]),
        verwacht("2017-04-01", "2028-07-31", Some("2030-03-01"), "leerplichtig")
    );
    assert_eq!(
        json(&["--geboortedatum", "2004-02-29", "--peildatum", "2022-02-28"]),
        verwacht("2009-04-01", "2020-07-31", Some("2022-03-01"), "kwalificatieplichtig")
    );
    assert_eq!(
        json(&["--geboortedatum", "2004-02-29", "--peildatum", "2022-03-01"]),
        verwacht("2009-04-01", "2020-07-31", Some("2022-03-01"), "rmc_doelgroep")
    );
}

// Lpw art. 4 lid 1: "aan het einde van het schooljaar waarin de jongere de leeftijd van zestien
// jaren heeft bereikt".
#[test]
fn sixteen_on_31_july_or_on_1_august() {
    assert_eq!(
        json(&["--geboortedatum", "2005-07-31", "--peildatum", "2021-07-31"]),
        verwacht("2010-08-01", "2021-07-31", Some("2023-07-31"), "leerplichtig")
    );
    assert_eq!(
        json(&["--geboortedatum", "2005-07-31", "--peildatum", "2021-08-01"]),
        verwacht("2010-08-01", "2021-07-31", Some("2023-07-31"), "kwalificatieplichtig")
    );
    assert_eq!(
        json(&["--geboortedatum", "2005-08-01", "--peildatum", "2021-08-01"]),
        verwacht("2010-09-01", "2022-07-31", Some("2023-08-01"), "leerplichtig")
    );
}

// Lpw art. 4 lid 1: "aan het einde van het schooljaar na afloop waarvan de jongere ten minste
// twaalf volledige schooljaren een of meer scholen heeft bezocht".
#[test]
fn twelve_full_schooljaren_end_leerplicht_earlier() {
    assert_eq!(
        json(&["--geboortedatum", "2005-08-01", "--peildatum", "2021-08-01", "--twaalf-schooljaren-op", "2021-07-31"]),
        verwacht("2010-09-01", "2021-07-31", Some("2023-08-01"), "kwalificatieplichtig")
    );
}

// Lpw art. 4a: kwalificatieplicht until the 18th birthday or an earlier startkwalificatie.
#[test]
fn startkwalificatie_ends_kwalificatieplicht() {
    let basis = ["--geboortedatum", "2004-09-10", "--startkwalificatie", "2022-06-30"];
    assert_eq!(
        json(&[&basis[..], &["--peildatum", "2022-06-29"]].concat()),
        verwacht("2009-10-01", "2021-07-31", Some("2022-06-30"), "kwalificatieplichtig")
    );
    // 17 with a startkwalificatie: nothing applies.
    assert_eq!(
        json(&[&basis[..], &["--peildatum", "2022-06-30"]].concat()),
        verwacht("2009-10-01", "2021-07-31", Some("2022-06-30"), "geen")
    );
    // Obtained during leerplicht: kwalificatieplicht never applied.
    assert_eq!(
        json(&["--geboortedatum", "2005-06-10", "--startkwalificatie", "2021-06-30", "--peildatum", "2021-07-01"]),
        verwacht("2010-07-01", "2021-07-31", None, "leerplichtig")
    );
}

#[test]
fn rmc_doelgroep_from_18_until_23_without_startkwalificatie() {
    let g = ["--geboortedatum", "2004-09-10"];
    let mut rmc = verwacht("2009-10-01", "2021-07-31", Some("2022-09-10"), "rmc_doelgroep");
    assert_eq!(json(&[&g[..], &["--peildatum", "2022-09-10"]].concat()), rmc);
    assert_eq!(json(&[&g[..], &["--peildatum", "2027-09-09"]].concat()), rmc);
    rmc = verwacht("2009-10-01", "2021-07-31", Some("2022-09-10"), "geen");
    assert_eq!(json(&[&g[..], &["--peildatum", "2027-09-10"]].concat()), rmc);
    // A startkwalificatie at 20 ends it.
    assert_eq!(
        json(&[&g[..], &["--startkwalificatie", "2024-06-30", "--peildatum", "2024-06-30"]].concat()),
        verwacht("2009-10-01", "2021-07-31", Some("2022-09-10"), "geen")
    );
}

#[test]
fn vso_profiles() {
    let basis = ["--geboortedatum", "2004-09-10", "--peildatum", "2021-08-01"];
    for profiel in ["arbeidsmarkt", "dagbesteding"] {
        assert_eq!(
            json(&[&basis[..], &["--vso-profiel", profiel]].concat()),
            verwacht("2009-10-01", "2021-07-31", None, "geen"),
            "{profiel}"
        );
    }
    assert_eq!(
        json(&[&basis[..], &["--vso-profiel", "vervolgonderwijs"]].concat()),
        verwacht("2009-10-01", "2021-07-31", Some("2022-09-10"), "kwalificatieplichtig")
    );
}

// Lpw art. 4a lid 2: no kwalificatieplicht for "jongeren die in het bezit zijn van een schooldiploma
// praktijkonderwijs".
#[test]
fn a_praktijkonderwijs_diploma_ends_the_kwalificatieplicht() {
    let basis = ["--geboortedatum", "2004-09-10", "--diploma-praktijkonderwijs", "2022-07-08"];
    assert_eq!(
        json(&[&basis[..], &["--peildatum", "2022-07-07"]].concat()),
        verwacht("2009-10-01", "2021-07-31", Some("2022-07-08"), "kwalificatieplichtig")
    );
    assert_eq!(
        json(&[&basis[..], &["--peildatum", "2022-07-08"]].concat()),
        verwacht("2009-10-01", "2021-07-31", Some("2022-07-08"), "geen")
    );
    let stderr = fout(&[
        "--geboortedatum",
        "2004-09-10",
        "--peildatum",
        "2022-07-08",
        "--diploma-praktijkonderwijs",
        "2022-13-01",
    ]);
    assert!(stderr.contains("--diploma-praktijkonderwijs: "), "{stderr}");
}

#[test]
fn an_impossible_date_names_the_option() {
    assert_eq!(
        fout(&["--geboortedatum", "2021-02-30", "--peildatum", "2021-08-01"]),
        "fout: --geboortedatum: '2021-02-30' is geen bestaande datum (verwacht JJJJ-MM-DD)\n"
    );
    assert_eq!(
        fout(&["--geboortedatum", "2004-09-10", "--peildatum", "2021-13-01"]),
        "fout: --peildatum: '2021-13-01' is geen bestaande datum (verwacht JJJJ-MM-DD)\n"
    );
}

#[test]
fn a_date_in_another_shape_is_refused() {
    for datum in ["10-09-2004", "2004-9-10", "2004/09/10", "gisteren", "20040910"] {
        assert_eq!(
            fout(&["--geboortedatum", datum, "--peildatum", "2021-08-01"]),
            format!("fout: --geboortedatum: '{datum}' is geen datum (verwacht JJJJ-MM-DD)\n")
        );
    }
    assert_eq!(
        fout(&["--geboortedatum", "2004-09-10", "--peildatum", "2021-08-01", "--startkwalificatie", "juni"]),
        "fout: --startkwalificatie: 'juni' is geen datum (verwacht JJJJ-MM-DD)\n"
    );
}

#[test]
fn every_wrong_option_is_named_at_once() {
    let stderr = fout(&["--geboortedatum", "2004-02-30", "--twaalf-schooljaren-op", "x", "--vso-profiel", "praktijk"]);
    assert_eq!(
        stderr,
        "fout: --geboortedatum: '2004-02-30' is geen bestaande datum (verwacht JJJJ-MM-DD)\n\
         fout: --peildatum: ontbreekt (verwacht een datum JJJJ-MM-DD)\n\
         fout: --twaalf-schooljaren-op: 'x' is geen datum (verwacht JJJJ-MM-DD)\n\
         fout: --vso-profiel: VSO-uitstroomprofiel 'praktijk' bestaat niet; toegestaan: vervolgonderwijs, arbeidsmarkt, dagbesteding\n"
    );
}

#[test]
fn missing_options_are_named() {
    assert_eq!(
        fout(&[]),
        "fout: --geboortedatum: ontbreekt (verwacht een datum JJJJ-MM-DD)\n\
         fout: --peildatum: ontbreekt (verwacht een datum JJJJ-MM-DD)\n"
    );
}

#[test]
fn a_peildatum_before_birth_is_refused() {
    assert_eq!(
        fout(&["--geboortedatum", "2004-09-10", "--peildatum", "2004-09-09"]),
        "fout: --peildatum: de peildatum 2004-09-09 ligt vóór de geboortedatum 2004-09-10\n"
    );
    // The day of birth itself is a valid peildatum.
    assert_eq!(
        json(&["--geboortedatum", "2004-09-10", "--peildatum", "2004-09-10"]),
        verwacht("2009-10-01", "2021-07-31", Some("2022-09-10"), "nog_niet_leerplichtig")
    );
}

#[test]
fn a_startkwalificatie_before_12_is_refused() {
    assert_eq!(
        fout(&["--geboortedatum", "2004-09-10", "--peildatum", "2021-08-01", "--startkwalificatie", "2016-09-09"]),
        "fout: --startkwalificatie: een startkwalificatie op 2016-09-09 is onmogelijk: \
         de jongere wordt pas op 2016-09-10 12 jaar\n"
    );
}

#[test]
fn twaalf_schooljaren_op_must_be_a_plausible_31_july() {
    let basis = ["--geboortedatum", "2005-08-01", "--peildatum", "2021-08-01"];
    assert_eq!(
        fout(&[&basis[..], &["--twaalf-schooljaren-op", "2021-06-30"]].concat()),
        "fout: --twaalf-schooljaren-op: twaalf volledige schooljaren eindigen aan het einde van een \
         schooljaar (31 juli), niet op 2021-06-30\n"
    );
    assert_eq!(
        fout(&[&basis[..], &["--twaalf-schooljaren-op", "2012-07-31"]].concat()),
        "fout: --twaalf-schooljaren-op: twaalf volledige schooljaren voltooid op 2012-07-31 is \
         onmogelijk: de jongere is dan pas 6 jaar (vroegst mogelijk: 2018-07-31)\n"
    );
}

#[test]
fn the_help_is_dutch() {
    let uit = leerspoor(&["--help"]);
    assert!(uit.status.success());
    let hulp = String::from_utf8(uit.stdout).unwrap();
    for tekst in
        ["--geboortedatum <JJJJ-MM-DD>", "Geboortedatum van de jongere", "--vso-profiel <PROFIEL>", "Uitstroomprofiel"]
    {
        assert!(hulp.contains(tekst), "{tekst} missing from:\n{hulp}");
    }
}
