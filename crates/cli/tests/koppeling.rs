//! `leerspoor koppeling` as an office runs it: the demo region's example day of verzuimmeldingen
//! from DUO, applied once, offered again, and a broken copy refused.
mod common;
use common::leerspoor;

fn uitvoer(o: &std::process::Output) -> (String, String) {
    (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

/// A small demo region exported (with its example deliveries in `leveringen/`) and imported into a
/// fresh SQLite database: the folder, the bundle and the database URL.
fn demoregio() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let map = tempfile::tempdir().unwrap();
    let bundel = map.path().join("bundel");
    let db = format!("sqlite:{}", map.path().join("ls.sqlite").display());
    assert!(leerspoor(&db, &["demo", "--export", bundel.to_str().unwrap(), "--scale", "0.02"]).status.success());
    assert!(leerspoor(&db, &["import", bundel.to_str().unwrap()]).status.success());
    (map, bundel, db)
}

fn aantal(uitvoer: &str, begin: &str) -> u64 {
    let r =
        uitvoer.lines().find(|r| r.trim_start().starts_with(begin)).unwrap_or_else(|| panic!("{begin}:\n{uitvoer}"));
    r.split_whitespace().last().unwrap().parse().unwrap()
}

#[test]
fn the_demo_regions_day_of_duo_meldingen_is_applied_once_and_logged() {
    let (map, bundel, db) = demoregio();
    let dag = bundel.join("leveringen/duo-verzuim-2021-03-15.csv");
    let dag = dag.to_str().unwrap();

    let proef = leerspoor(&db, &["koppeling", "duo-verzuim", dag, "--als", "MW001", "--dry-run"]);
    let (uit, fout) = uitvoer(&proef);
    assert!(proef.status.success(), "{fout}");
    assert!(uit.starts_with("Proef, niets vastgelegd"), "{uit}");

    let echt = leerspoor(&db, &["koppeling", "duo-verzuim", dag, "--als", "MW001"]);
    let (uit, fout) = uitvoer(&echt);
    assert!(echt.status.success(), "{fout}");
    assert_eq!(aantal(&uit, "meldingen in de levering"), 15, "{uit}");
    assert_eq!(aantal(&uit, "ter kennisgeving"), 1, "{uit}");
    assert_eq!(aantal(&uit, "al ingetrokken door de school"), 1, "{uit}");
    assert_eq!(aantal(&uit, "door te sturen naar de woongemeente"), 1, "{uit}");
    assert_eq!(aantal(&uit, "nieuwe jongeren, klaargezet voor BRP-controle"), 1, "{uit}");
    assert_eq!(uit.lines().next().unwrap().split(':').next_back().unwrap().trim(), "toegepast", "{uit}");

    let weer = leerspoor(&db, &["koppeling", "duo-verzuim", dag, "--als", "MW001"]);
    let (uit, _) = uitvoer(&weer);
    assert!(weer.status.success());
    assert!(uit.contains("al eerder verwerkt"), "{uit}");

    // A copy broken in two places is refused whole, each error named by row and column.
    let tekst = std::fs::read_to_string(dag).unwrap();
    let kapot = tekst.replacen("01-03-2021", "31-02-2021", 1).replacen(";J;", ";Ja, vaak;", 1);
    let kapot_pad = map.path().join("kapot.csv");
    std::fs::write(&kapot_pad, kapot).unwrap();
    let geweigerd = leerspoor(&db, &["koppeling", "duo-verzuim", kapot_pad.to_str().unwrap(), "--als", "MW001"]);
    let (_, fout) = uitvoer(&geweigerd);
    assert_eq!(geweigerd.status.code(), Some(2), "{fout}");
    assert!(fout.starts_with("fout: levering geweigerd (in het logboek als L-"), "{fout}");
    assert!(fout.contains("  rij 2, kolom Begindatum verzuim: '31-02-2021' is geen bestaande datum"), "{fout}");
    assert!(fout.contains("  rij 2, kolom Alle lessen gemist: 'Ja, vaak' is geen J of N"), "{fout}");

    let log = leerspoor(&db, &["koppeling", "leveringen"]);
    let (uit, _) = uitvoer(&log);
    let uitkomsten: Vec<&str> = uit.lines().skip(1).map(|r| r.split_whitespace().nth(3).unwrap()).collect();
    assert_eq!(uitkomsten, ["geweigerd", "herhaald", "toegepast"], "{uit}");
    let id = uit.lines().nth(1).unwrap().split_whitespace().nth(2).unwrap();
    let een = leerspoor(&db, &["koppeling", "leveringen", "--levering", id]);
    assert!(uitvoer(&een).0.contains("rij 2, kolom Alle lessen gemist"));

    // New zaken wait unassigned and are not reported yet; a melding that joined a zaak a
    // caseworker already has is in behandeling; the student of 24 was taken ter kennisgeving.
    let pad = map.path().join("terugmelding.csv");
    let terug = leerspoor(&db, &["koppeling", "duo-terugmelding", "--uit", pad.to_str().unwrap(), "--als", "MW001"]);
    assert!(terug.status.success(), "{}", uitvoer(&terug).1);
    let bestand = std::fs::read_to_string(&pad).unwrap_or_default();
    assert!(
        bestand
            .lines()
            .skip(1)
            .all(|r| matches!(r.split(';').nth(1), Some("In behandeling" | "Ter kennisgeving aangenomen")))
            && bestand.contains("Ter kennisgeving aangenomen"),
        "{bestand}\n{}",
        uitvoer(&terug).0
    );
}

#[test]
fn the_terugmelding_is_written_whole_and_acknowledged_once() {
    let (map, _, db) = demoregio();
    // A school reports a 24-year-old: taken ter kennisgeving, which goes back to DUO at once.
    let dag = map.path().join("dag.csv");
    std::fs::write(
        &dag,
        "Meldingnummer;BSN;BRIN;Begindatum verzuim;Vermoedelijke soort verzuim;Geboortedatum;Achternaam\n\
         DUO-9;999999990;99AA;01-03-2021;Signaalverzuim;01-01-1997;Oud\n",
    )
    .unwrap();
    let uit = leerspoor(&db, &["koppeling", "duo-verzuim", dag.to_str().unwrap(), "--als", "MW001"]);
    assert!(uit.status.success(), "{}", uitvoer(&uit).1);
    let pad = map.path().join("terugmelding.csv");
    let terug = leerspoor(&db, &["koppeling", "duo-terugmelding", "--uit", pad.to_str().unwrap(), "--als", "MW001"]);
    let (uit, fout) = uitvoer(&terug);
    assert!(terug.status.success(), "{fout}");
    let bestand = std::fs::read_to_string(&pad).unwrap();
    assert!(bestand.lines().nth(1).unwrap().starts_with("DUO-9;Ter kennisgeving aangenomen;"), "{bestand}");
    let verzending = uit.split_whitespace().nth(1).unwrap();
    assert!(verzending.starts_with("V-"), "{uit}");
    let bevestig = ["koppeling", "duo-terugmelding", "--bevestig", verzending, "--als", "MW001"];
    assert!(leerspoor(&db, &bevestig).status.success());
    let weer = leerspoor(&db, &bevestig);
    assert_eq!(weer.status.code(), Some(2));
    assert!(uitvoer(&weer).1.contains("is al bevestigd"), "{}", uitvoer(&weer).1);
}

/// The demo region's granted vrijstellingen go to DUO's register as one file; a second run finds
/// nothing new, and the verzending is acknowledged once.
#[test]
fn the_demo_regions_vrijstellingen_go_to_duo_once() {
    let (map, _, db) = demoregio();
    let pad = map.path().join("vrijstellingen.csv");
    let proef = leerspoor(
        &db,
        &["koppeling", "duo-vrijstellingen", "--uit", pad.to_str().unwrap(), "--als", "MW001", "--dry-run"],
    );
    assert!(uitvoer(&proef).0.contains("Proef, niets vastgelegd"), "{}", uitvoer(&proef).0);
    assert!(!pad.exists());
    let eerst = leerspoor(&db, &["koppeling", "duo-vrijstellingen", "--uit", pad.to_str().unwrap(), "--als", "MW001"]);
    let (uit, fout) = uitvoer(&eerst);
    assert!(eerst.status.success(), "{fout}");
    let bestand = std::fs::read_to_string(&pad).unwrap();
    let rijen: Vec<&str> = bestand.lines().skip(1).collect();
    assert!(!rijen.is_empty() && rijen.iter().all(|r| r.starts_with("Nieuw;")), "{bestand}");
    assert!(!rijen.iter().any(|r| r.contains(";art11_")), "verlof does not go to DUO");
    let verzending =
        uit.lines().last().unwrap().split(" --bevestig ").nth(1).unwrap().split_whitespace().next().unwrap();
    let weer = leerspoor(&db, &["koppeling", "duo-vrijstellingen", "--uit", pad.to_str().unwrap(), "--als", "MW001"]);
    assert!(uitvoer(&weer).0.ends_with("Niets te verzenden: er is niets veranderd sinds de vorige verzending.\n"));
    // The file lost: the verzending is written again, the same.
    let opnieuw = map.path().join("opnieuw.csv");
    let args = [
        "koppeling",
        "duo-vrijstellingen",
        "--opnieuw",
        verzending,
        "--uit",
        opnieuw.to_str().unwrap(),
        "--als",
        "MW001",
    ];
    assert!(leerspoor(&db, &args).status.success());
    assert_eq!(std::fs::read_to_string(&opnieuw).unwrap(), bestand);
    let bevestig = ["koppeling", "duo-vrijstellingen", "--bevestig", verzending, "--als", "MW001"];
    assert!(leerspoor(&db, &bevestig).status.success());
    assert_eq!(leerspoor(&db, &bevestig).status.code(), Some(2));
}

/// The demo region's RIO export updates its schools, by an administratief medewerker only.
#[test]
fn the_demo_regions_rio_export_updates_the_schools_once() {
    let (_map, bundel, db) = demoregio();
    let medewerkers = std::fs::read_to_string(bundel.join("medewerkers.csv")).unwrap();
    let admin = medewerkers.lines().find(|r| r.contains(",administratief,")).unwrap().split(',').next().unwrap();
    let rio = bundel.join("leveringen/rio-2021-08-02.csv");
    let uit = leerspoor(&db, &["koppeling", "rio", rio.to_str().unwrap(), "--als", admin]);
    let (tekst, fout) = uitvoer(&uit);
    assert!(uit.status.success(), "{fout}");
    assert_eq!(aantal(&tekst, "nieuw in het register"), 1, "{tekst}");
    // Every school gets its onderwijssoort, address and opening date; the first a new name.
    let scholen = std::fs::read_to_string(bundel.join("scholen.csv")).unwrap().lines().count() as u64 - 1;
    assert_eq!(aantal(&tekst, "gewijzigd"), scholen, "{tekst}");
    assert!(tekst.contains("gesloten op 2021-07-31"), "{tekst}");
    let weer = leerspoor(&db, &["koppeling", "rio", rio.to_str().unwrap(), "--als", admin]);
    assert!(uitvoer(&weer).0.contains("al eerder verwerkt"));
    let lpa = leerspoor(&db, &["koppeling", "rio", rio.to_str().unwrap(), "--als", "MW001"]);
    assert_eq!(lpa.status.code(), Some(2));
    assert!(uitvoer(&lpa).1.contains("werkt het register van scholen niet bij"));
}

#[test]
fn an_unknown_medewerker_or_a_missing_file_is_refused_in_dutch() {
    let (_map, db) = common::database_met_klein();
    let uit = leerspoor(&db, &["koppeling", "duo-verzuim", "bestaat-niet.csv", "--als", "MW001"]);
    assert_eq!(uit.status.code(), Some(2));
    assert!(uitvoer(&uit).1.starts_with("fout: bestaat-niet.csv: niet te lezen"), "{}", uitvoer(&uit).1);
    let uit = leerspoor(&db, &["koppeling", "duo-verzuim", "x.csv", "--als", "MW999"]);
    assert_eq!(uitvoer(&uit).1, "fout: medewerker 'MW999' bestaat niet\n");
}

#[test]
fn the_demo_regions_week_of_p_mutations_is_applied_in_order() {
    let (map, bundel, db) = demoregio();
    let week = bundel.join("leveringen/duo-p-2021-11.csv");
    let echt = leerspoor(&db, &["koppeling", "duo-p", week.to_str().unwrap(), "--als", "MW001"]);
    let (uit, fout) = uitvoer(&echt);
    assert!(echt.status.success(), "{fout}");
    assert_eq!(aantal(&uit, "mutaties in de levering"), 40, "{uit}");
    assert_eq!(aantal(&uit, "nieuwe jongeren, klaargezet voor BRP-controle"), 8, "{uit}");
    // Week 13 after week 11: week 12 is missing.
    let later = std::fs::read_to_string(&week).unwrap().replace("2021-11;", "2021-13;");
    let pad = map.path().join("week-13.csv");
    std::fs::write(&pad, later).unwrap();
    let gat = leerspoor(&db, &["koppeling", "duo-p", pad.to_str().unwrap(), "--als", "MW001"]);
    assert_eq!(gat.status.code(), Some(2));
    assert!(uitvoer(&gat).1.contains("  week 2021-12 ontbreekt: verwerk die eerst"), "{}", uitvoer(&gat).1);
    // Week 12 had no mutations: its file is only the heading, and its week is named.
    let leeg = map.path().join("week-12.csv");
    std::fs::write(&leeg, std::fs::read_to_string(&week).unwrap().lines().next().unwrap()).unwrap();
    let w12 = leerspoor(&db, &["koppeling", "duo-p", leeg.to_str().unwrap(), "--week", "2021-12", "--als", "MW001"]);
    assert!(w12.status.success(), "{}", uitvoer(&w12).1);
    let w13 = leerspoor(&db, &["koppeling", "duo-p", pad.to_str().unwrap(), "--als", "MW001"]);
    assert!(w13.status.success(), "{}", uitvoer(&w13).1);
}

#[test]
fn the_demo_regions_c_levering_is_held_against_the_register_and_its_differences_written() {
    let (map, bundel, db) = demoregio();
    let c = bundel.join("leveringen/duo-c-2020-10-01.csv");
    let pad = map.path().join("verschillen.csv");
    let uit =
        leerspoor(&db, &["koppeling", "duo-c", c.to_str().unwrap(), "--uit", pad.to_str().unwrap(), "--als", "MW001"]);
    let (tekst, fout) = uitvoer(&uit);
    assert!(uit.status.success(), "{fout}");
    assert!(tekst.contains(": vergeleken met het register"), "{tekst}");
    assert_eq!(aantal(&tekst, "bij DUO, niet in het register"), 5, "{tekst}");
    let verschillen = std::fs::read_to_string(&pad).unwrap();
    assert!(verschillen.contains("kandidaat absoluut verzuim"), "{verschillen}");
    let negen_cijfers = |v: &str| v.len() == 9 && v.bytes().all(|b| b.is_ascii_digit());
    assert!(!verschillen.split([';', '\n']).any(negen_cijfers), "no BSN: {verschillen}");
    // A peildatum other than the file's is refused.
    let anders =
        leerspoor(&db, &["koppeling", "duo-c", c.to_str().unwrap(), "--peildatum", "2020-10-02", "--als", "MW001"]);
    assert_eq!(anders.status.code(), Some(2));
    assert!(uitvoer(&anders).1.contains("het bestand is van peildatum 2020-10-01, opgegeven is peildatum 2020-10-02"));
}

/// The BRP check from the command line, against the local BRP (which knows no one here): every youth
/// on the BRP list is "niet gevonden"; a wrong API key is refused with the BRP's own words.
#[tokio::test(flavor = "multi_thread")]
async fn the_brp_check_runs_from_the_command_line_against_the_local_brp() {
    let (_map, bundel, db) = demoregio();
    // The example week puts eight new youths on the BRP list.
    let week = bundel.join("leveringen/duo-p-2021-11.csv");
    assert!(leerspoor(&db, &["koppeling", "duo-p", week.to_str().unwrap(), "--als", "MW001"]).status.success());
    let server = leerspoor_brp::proefserver::Proefserver::start(Vec::new(), "sleutel").await.unwrap();
    let brp = |sleutel: &str| {
        let url = server.url.clone();
        let args = ["koppeling", "brp", "--lijst", "--als", "MW001", "--brp-url", &url, "--brp-api-key", sleutel]
            .map(str::to_string);
        leerspoor(&db, &args.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let uit = brp("sleutel");
    let (tekst, fout) = uitvoer(&uit);
    assert!(uit.status.success(), "{fout}");
    assert!(tekst.starts_with("BRP-controle: 8 jongere(n) gevraagd, 8 met verschillen"), "{tekst}");
    assert_eq!(tekst.matches("niet gevonden in de BRP").count(), 8, "{tekst}");
    assert!(server.afwijkingen().is_empty(), "{:?}", server.afwijkingen());
    let geweigerd = brp("verkeerd");
    assert_eq!(geweigerd.status.code(), Some(2));
    assert!(uitvoer(&geweigerd).1.contains("BRP weigert het verzoek (401)"), "{}", uitvoer(&geweigerd).1);
}

/// A run over the whole region that the BRP breaks off part-way keeps what it did, says so (exit 2)
/// and names the youth to go on from; going on from there covers the rest, exactly once.
#[tokio::test(flavor = "multi_thread")]
async fn an_interrupted_brp_run_over_the_region_goes_on_where_it_stopped() {
    let (_map, _bundel, db) = demoregio();
    let server = leerspoor_brp::proefserver::Proefserver::start(Vec::new(), "sleutel").await.unwrap();
    let brp = |meer: &[&str]| {
        let mut args = vec!["koppeling", "brp", "--alle", "--als", "MW001", "--brp-url", &server.url];
        args.extend(["--brp-api-key", "sleutel", "--brp-per-seconde", "1000"]);
        args.extend(meer);
        let uit = leerspoor(&db, &args);
        let (tekst, fout) = uitvoer(&uit);
        let gevraagd: usize = tekst.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or(0);
        (uit.status.code(), gevraagd, fout)
    };
    // The first request is answered; the second fails every time it is tried.
    server.storing(&[200, 503, 503, 503, 503]);
    let (code, eerst, fout) = brp(&[]);
    assert_eq!((code, eerst), (Some(2), 20), "{fout}");
    let vanaf = fout.split("--vanaf ").nth(1).and_then(|r| r.split_whitespace().next()).expect(&fout).to_string();
    assert!(fout.contains("de BRP-controle is onderbroken (BRP niet bereikbaar"), "{fout}");
    let (code, rest, fout) = brp(&["--vanaf", &vanaf]);
    assert_eq!(code, Some(0), "{fout}");
    let (_, alle, _) = brp(&[]);
    assert_eq!(eerst + rest, alle);
}
