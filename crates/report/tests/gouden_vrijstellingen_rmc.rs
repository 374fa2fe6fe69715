//! Golden tests for `vrijstellingen_gemeente`, `vrijstelling_aanvragen` and `rmc_trajecten`,
//! verslagjaar 2020-2021 (1 August 2020 – 31 July 2021, peildatum 1 October 2020).
//!
//! Each table gets its own small register of the region Noordkust, imported like any data, so that
//! every expected cell can be worked out by hand from the table's definition; the comments at each
//! record say where it counts.
//!
//! Noordkust has two subregio's: WD (Wadden) with Kwelderdorp (GM9921) and Slikveen (GM9922), and
//! TE with Terpum (GM9923). No gemeente does leerplicht itself. No schools are needed: these tables
//! read only vrijstellingen, trajecten, births and addresses.

// The record builders and table readers, shared with gouden.rs and gouden_verzuim.rs.
mod common;

use common::*;
use leerspoor_domain::codes::{Code, CodeLijst};
use leerspoor_domain::model::*;
use leerspoor_testdb::TestDb;

const KWELDERDORP: &str = "GM9921";
const SLIKVEEN: &str = "GM9922";
const TERPUM: &str = "GM9923";

// ---------------------------------------------------------------------------------------------
// The region and the builders only these tables need.
// ---------------------------------------------------------------------------------------------

fn organisatie(ds: &mut Dataset) {
    ds.regio.push(Regio { code: "NK".into(), naam: "Noordkust".into() });
    ds.subregios.push(Subregio { code: "WD".into(), naam: "Wadden".into() });
    ds.subregios.push(Subregio { code: "TE".into(), naam: "Terpum".into() });
    for (code, naam, subregio) in
        [(KWELDERDORP, "Kwelderdorp", "WD"), (SLIKVEEN, "Slikveen", "WD"), (TERPUM, "Terpum", "TE")]
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
    for (id, rol, boa) in
        [(BOA, Rol::Leerplichtambtenaar, true), (LPA, Rol::Leerplichtambtenaar, false), (RMC, Rol::RmcConsulent, false)]
    {
        ds.medewerkers.push(Medewerker {
            id: id.into(),
            naam: id.into(),
            email: format!("{}@noordkust.example", id.to_lowercase()),
            rol,
            boa,
            fte: 1.0,
            gemeente: None,
            in_dienst: d("2015-01-01"),
            uit_dienst: None,
        });
    }
}

/// A request of `artikel` made on `aanvraag` and standing at `status`; the leerplichtambtenaar
/// decides. A decision (toegekend, afgewezen) is taken the day of the request, a grant is valid from
/// that day with no end.
fn aanvraag<'a>(
    ds: &'a mut Dataset,
    jongere: &str,
    artikel: &str,
    status: VrijstellingStatus,
    aanvraag: &str,
) -> &'a mut Vrijstelling {
    use VrijstellingStatus::*;
    let besloten = matches!(status, Toegekend | Afgewezen | BezwaarBeroep);
    ds.vrijstellingen.push(Vrijstelling {
        id: format!("V-{}", ds.vrijstellingen.len() + 1),
        jongere: jongere.into(),
        artikel: artikel.into(),
        status,
        aanvraagdatum: d(aanvraag),
        besluitdatum: besloten.then(|| d(aanvraag)),
        geldig_van: (status == Toegekend).then(|| d(aanvraag)),
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

/// A vrijstelling granted by the leerplichtambtenaar, valid from `van` up to and including `tot`
/// (open-ended without); requested and decided on `van`.
fn geldig<'a>(ds: &'a mut Dataset, jongere: &str, artikel: &str, van: &str, tot: Option<&str>) -> &'a mut Vrijstelling {
    let v = aanvraag(ds, jongere, artikel, VrijstellingStatus::Toegekend, van);
    v.geldig_tot = tot.map(d);
    v
}

/// `n` youths born on `geboren` in `gemeente`, ids `{voorvoegsel}01`, `{voorvoegsel}02`, …
fn inwoners(ds: &mut Dataset, voorvoegsel: &str, n: usize, geboren: &str, gemeente: &str) {
    for i in 1..=n {
        jongere(ds, &format!("{voorvoegsel}{i:02}"), geboren, gemeente);
    }
}

/// A register of Noordkust with only the records `bouw` adds.
async fn noordkust(bouw: fn(&mut Dataset)) -> Vec<TestDb> {
    register_met(organisatie, bouw).await
}

// ---------------------------------------------------------------------------------------------
// vrijstellingen_gemeente (seeds 001, 004): the art. 25 count of 2020-2021, per 1000 youths of 5-17.
// ---------------------------------------------------------------------------------------------

fn lopend(ds: &mut Dataset) {
    // --- Kwelderdorp: 32 youths of 5-17 on 1 October (the 10 named below and 22 more). ---
    // Anke (8): 5 sub a granted on 1 October 2020 → granted later in the year.
    jongere(ds, "J-ANKE", "2012-04-04", KWELDERDORP);
    geldig(ds, "J-ANKE", "art5_sub_a", "2020-10-01", Some("2021-07-31"));
    // Bouke (9): 5 sub c valid until 30 September 2020 → ran on 1 August.
    jongere(ds, "J-BOUKE", "2011-05-05", KWELDERDORP);
    geldig(ds, "J-BOUKE", "art5_sub_c", "2019-10-01", Some("2020-09-30"));
    // Cato (7): 15 days of verlof (11 sub g) by the leerplichtambtenaar over 1 October: verlof is
    // no vrijstelling → not counted.
    jongere(ds, "J-CATO", "2013-06-06", KWELDERDORP);
    geldig(ds, "J-CATO", "art11_sub_g", "2020-09-21", Some("2020-10-09")).dagen = Some(15);
    // Douwe turns 18 on 1 October: not in the population of 5-17 then, but 17 on 1 August, when his
    // open art. 15 ran.
    jongere(ds, "J-DOUWE", "2002-10-01", KWELDERDORP);
    geldig(ds, "J-DOUWE", "art15", "2019-09-01", None);
    // Eelke (14) moved from Slikveen to Kwelderdorp on 1 October 2020: his 3a, granted on 15 August
    // while he lived in Slikveen, counts there; he is in Kwelderdorp's population.
    jongere(ds, "J-EELKE", "2006-03-03", SLIKVEEN);
    verhuist(ds, "J-EELKE", "2020-10-01", KWELDERDORP);
    geldig(ds, "J-EELKE", "art3a", "2020-08-15", None);
    // Femke (6): 5 sub b for the schooljaar → ran on 1 August.
    jongere(ds, "J-FEMKE", "2014-02-02", KWELDERDORP);
    geldig(ds, "J-FEMKE", "art5_sub_b", "2020-08-01", Some("2021-07-31"));
    // Gerrit (15): 3b, contested by bezwaar on 15 September 2020; the grant stands meanwhile (Awb
    // 6:16) → ran on 1 August.
    jongere(ds, "J-GERRIT", "2004-11-11", KWELDERDORP);
    geldig(ds, "J-GERRIT", "art3b", "2020-08-01", Some("2021-07-31")).bezwaar_op = Some(d("2020-09-15"));
    // Ids (10): 5 sub c refused → not counted.
    jongere(ds, "J-IDS", "2010-07-07", KWELDERDORP);
    aanvraag(ds, "J-IDS", "art5_sub_c", VrijstellingStatus::Afgewezen, "2020-08-20");
    // Jelle (7): 5 sub b granted on 2 October 2020 → granted later in the year.
    jongere(ds, "J-JELLE", "2013-08-08", KWELDERDORP);
    geldig(ds, "J-JELLE", "art5_sub_b", "2020-10-02", Some("2021-07-31"));
    // Vijf turns 5 on the peildatum: in the population. Vier, a day younger, is not.
    jongere(ds, "J-VIJF", "2015-10-01", KWELDERDORP);
    jongere(ds, "J-VIER", "2015-10-02", KWELDERDORP);
    // Zeventien turns 18 the day after the peildatum: still 17, in the population.
    jongere(ds, "J-ZEVENTIEN", "2002-10-02", KWELDERDORP);
    inwoners(ds, "J-KW", 22, "2010-01-15", KWELDERDORP);

    // --- Slikveen: 8 youths of 5-17 on 1 October (Klaas, Lieke and 6 more; not Eelke nor Mees). ---
    // Klaas (11) moves to Terpum on 2 October 2020: on 1 August in Slikveen. Trekkend (5a).
    jongere(ds, "J-KLAAS", "2009-09-09", SLIKVEEN);
    verhuist(ds, "J-KLAAS", "2020-10-02", TERPUM);
    geldig(ds, "J-KLAAS", "art5a", "2020-08-01", Some("2021-07-31"));
    // Lieke (12): 5 sub c for the schooljaar → ran on 1 August.
    jongere(ds, "J-LIEKE", "2008-08-08", SLIKVEEN);
    geldig(ds, "J-LIEKE", "art5_sub_c", "2020-08-01", Some("2021-07-31"));
    // Mees left for abroad on 20 September 2020: on 1 August he lived in Slikveen with his 5 sub c.
    jongere(ds, "J-MEES", "2009-03-03", SLIKVEEN);
    vertrekt(ds, "J-MEES", "2020-09-20");
    geldig(ds, "J-MEES", "art5_sub_c", "2020-08-01", None);
    inwoners(ds, "J-SL", 6, "2011-11-11", SLIKVEEN);

    // --- Terpum: 3 youths of 5-17 on 1 October (not Klaas, who arrives on 2 October). ---
    jongere(ds, "J-NINE", "2012-12-12", TERPUM);
    geldig(ds, "J-NINE", "art5_sub_b", "2020-08-01", Some("2021-07-31"));
    inwoners(ds, "J-TE", 2, "2007-07-07", TERPUM);
}

const VRIJSTELLING_KOLOMMEN: [&str; 9] =
    ["art_3a", "art_3b", "art_5a", "art_5b", "art_5c", "art_5a_trekkend", "art_15", "totaal", "per_1000"];

/// The art. 25 count of 2020-2021: "jongeren die op 1 augustus in de gemeente woonden met een
/// vrijstelling, plus de vrijstellingen die later in het schooljaar werden verleend".
#[tokio::test]
async fn vrijstellingen_gemeente_as_art_25_counts_them_per_gemeente_and_per_1000() {
    for db in noordkust(lopend).await {
        let s = &db.store;
        let t = tabel(s, "regio", "vrijstellingen_gemeente").await;
        klopt(&t);
        assert_eq!(kolommen(&t), VRIJSTELLING_KOLOMMEN);
        assert_eq!(rijen(&t), [KWELDERDORP, SLIKVEEN, TERPUM, "totaal"]);
        // On 1 August: Bouke 5 sub c (ran until 30 September), Douwe 15 (17 then), Femke 5 sub b,
        // Gerrit 3b (under bezwaar). Granted later: Anke 5 sub a (1 October), Jelle 5 sub b
        // (2 October). Not Cato (verlof) nor Ids (refused). 6 per 32 youths: 187,5.
        assert_eq!(rij(&t, KWELDERDORP), w(&[0.0, 1.0, 1.0, 2.0, 1.0, 0.0, 1.0, 6.0, 187.5]));
        // On 1 August: Klaas 5a, Lieke and Mees 5 sub c (Mees left in September). Granted later:
        // Eelke 3a on 15 August, while he lived here. 4 per 8: 500,0.
        assert_eq!(rij(&t, SLIKVEEN), w(&[1.0, 0.0, 0.0, 0.0, 2.0, 1.0, 0.0, 4.0, 500.0]));
        // Nine 5 sub b; 1 of 3: 333,33 → 333,3.
        assert_eq!(rij(&t, TERPUM), w(&[0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 333.3]));
        // 11 of 43 youths: 255,81 → 255,8.
        assert_eq!(rij(&t, "totaal"), w(&[1.0, 1.0, 1.0, 3.0, 3.0, 1.0, 1.0, 11.0, 255.8]));

        // Subregio WD: Kwelderdorp and Slikveen, 10 of 40 youths: 250,0.
        let t = tabel(s, "subregio:WD", "vrijstellingen_gemeente").await;
        klopt(&t);
        assert_eq!(rijen(&t), [KWELDERDORP, SLIKVEEN, "totaal"]);
        assert_eq!(rij(&t, "totaal"), w(&[1.0, 1.0, 1.0, 2.0, 3.0, 1.0, 1.0, 10.0, 250.0]));

        // Slikveen alone: Eelke counts here, where he lived when it was granted.
        let t = tabel(s, "gemeente:GM9922", "vrijstellingen_gemeente").await;
        klopt(&t);
        assert_eq!(rijen(&t), [SLIKVEEN, "totaal"]);
        assert_eq!(rij(&t, "totaal"), w(&[1.0, 0.0, 0.0, 0.0, 2.0, 1.0, 0.0, 4.0, 500.0]));
        // Terpum alone: Klaas arrives on 2 October; his 5a counts in Slikveen.
        let t = tabel(s, "gemeente:GM9923", "vrijstellingen_gemeente").await;
        klopt(&t);
        assert_eq!(rijen(&t), [TERPUM, "totaal"]);
        assert_eq!(rij(&t, "totaal"), w(&[0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 333.3]));
    }
}

// ---------------------------------------------------------------------------------------------
// vrijstelling_aanvragen: the requests of 2020-2021 by where they stand.
// ---------------------------------------------------------------------------------------------

fn aanvragen(ds: &mut Dataset) {
    use VrijstellingStatus::*;
    // --- Toegekend ---
    // Arie: 3a requested on 1 August 2020, the first day of the verslagjaar.
    jongere(ds, "J-ARIE", "2006-02-02", KWELDERDORP);
    aanvraag(ds, "J-ARIE", "art3a", Toegekend, "2020-08-01");
    // Breg: 5 sub a requested on 31 July 2021, the last day.
    jongere(ds, "J-BREG", "2012-03-03", KWELDERDORP);
    aanvraag(ds, "J-BREG", "art5_sub_a", Toegekend, "2021-07-31");
    // Lolkje: 15 days of 11 sub g verlof, so the leerplichtambtenaar decides → art_11g.
    jongere(ds, "J-LOLKJE", "2011-01-01", KWELDERDORP);
    aanvraag(ds, "J-LOLKJE", "art11_sub_g", Toegekend, "2021-04-01").dagen = Some(15);

    // --- Outside the verslagjaar ---
    // Cees: requested 31 July 2020 (2019-2020); Dineke: requested 1 August 2021 (2021-2022).
    jongere(ds, "J-CEES", "2010-04-04", KWELDERDORP);
    aanvraag(ds, "J-CEES", "art5_sub_c", Toegekend, "2020-07-31");
    jongere(ds, "J-DINEKE", "2014-05-05", KWELDERDORP);
    aanvraag(ds, "J-DINEKE", "art5_sub_b", Aangevraagd, "2021-08-01");

    // --- Afgewezen ---
    // Evert (Slikveen): 3b refused.
    jongere(ds, "J-EVERT", "2004-06-06", SLIKVEEN);
    aanvraag(ds, "J-EVERT", "art3b", Afgewezen, "2020-09-01");
    // Nanne (Slikveen): 20 days of 11 sub g refused by the leerplichtambtenaar.
    jongere(ds, "J-NANNE", "2009-03-03", SLIKVEEN);
    aanvraag(ds, "J-NANNE", "art11_sub_g", Afgewezen, "2021-05-10").dagen = Some(20);

    // --- In behandeling (also bezwaar/beroep) ---
    // Fokke: 5 sub b refused, bezwaar made → in behandeling, not afgewezen.
    jongere(ds, "J-FOKKE", "2013-07-07", KWELDERDORP);
    aanvraag(ds, "J-FOKKE", "art5_sub_b", Afgewezen, "2020-11-02").bezwaar_op = Some(d("2020-12-01"));
    // Geertje: 15 granted, bezwaar made (by a third party) → in behandeling, not toegekend. She
    // lived in Slikveen on 1 October 2020 and moved to Terpum on 1 January 2021: Slikveen.
    jongere(ds, "J-GEERTJE", "2004-08-08", SLIKVEEN);
    verhuist(ds, "J-GEERTJE", "2021-01-01", TERPUM);
    aanvraag(ds, "J-GEERTJE", "art15", Toegekend, "2020-10-15").bezwaar_op = Some(d("2020-11-20"));
    // Hessel (Terpum): 5 sub c with the status bezwaar/beroep itself.
    jongere(ds, "J-HESSEL", "2011-09-09", TERPUM);
    aanvraag(ds, "J-HESSEL", "art5_sub_c", BezwaarBeroep, "2020-12-01");
    // Itske: 5a (trekkend) requested, not yet taken up. Moved from Kwelderdorp to Slikveen on
    // 1 October 2020: Slikveen.
    jongere(ds, "J-ITSKE", "2012-10-10", KWELDERDORP);
    verhuist(ds, "J-ITSKE", "2020-10-01", SLIKVEEN);
    aanvraag(ds, "J-ITSKE", "art5a", Aangevraagd, "2021-03-01");
    // Jouke: 5 sub a being handled.
    jongere(ds, "J-JOUKE", "2010-11-11", KWELDERDORP);
    aanvraag(ds, "J-JOUKE", "art5_sub_a", InBehandeling, "2021-06-01");

    // --- Ingetrokken ---
    jongere(ds, "J-KEIMPE", "2006-12-12", KWELDERDORP);
    aanvraag(ds, "J-KEIMPE", "art3a", Ingetrokken, "2021-02-01");

    // --- Leave the school head gave: only recorded, not a request to the office ---
    // Marrit: 5 days of 11 sub g; Oeds: 11 sub f (no column either).
    jongere(ds, "J-MARRIT", "2011-02-02", KWELDERDORP);
    let verlof = aanvraag(ds, "J-MARRIT", "art11_sub_g", Toegekend, "2021-04-06");
    (verlof.beslisser, verlof.medewerker, verlof.dagen) = (Beslisser::Schoolleider, None, Some(5));
    jongere(ds, "J-OEDS", "2012-04-04", KWELDERDORP);
    let verlof = aanvraag(ds, "J-OEDS", "art11_sub_f", Toegekend, "2021-03-01");
    (verlof.beslisser, verlof.medewerker, verlof.dagen) = (Beslisser::Schoolleider, None, Some(5));
}

#[tokio::test]
async fn vrijstelling_aanvragen_of_the_verslagjaar_by_where_they_stand() {
    for db in noordkust(aanvragen).await {
        let s = &db.store;
        let t = tabel(s, "regio", "vrijstelling_aanvragen").await;
        klopt(&t);
        assert_eq!(
            kolommen(&t),
            ["art_3a", "art_3b", "art_5a", "art_5b", "art_5c", "art_5a_trekkend", "art_15", "art_11g", "totaal"]
        );
        assert_eq!(rijen(&t), ["toegekend", "afgewezen", "in_behandeling", "ingetrokken"]);
        // Arie (1 August 2020), Breg (31 July 2021), Lolkje's 15 days. Not Cees (31 July 2020),
        // not Marrit's or Oeds's leave from the school head.
        assert_eq!(rij(&t, "toegekend"), w(&[1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 3.0]));
        // Evert and Nanne; Fokke's refusal is under bezwaar.
        assert_eq!(rij(&t, "afgewezen"), w(&[0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.0]));
        // Jouke (in behandeling), Fokke (refused, bezwaar), Hessel (bezwaar/beroep), Itske
        // (aangevraagd), Geertje (granted, bezwaar). Not Dineke (1 August 2021).
        assert_eq!(rij(&t, "in_behandeling"), w(&[0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 5.0]));
        assert_eq!(rij(&t, "ingetrokken"), w(&[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]), "Keimpe");

        // Slikveen by residence on 1 October 2020: Evert, Nanne, Geertje (moved away in January)
        // and Itske (moved in on 1 October).
        let t = tabel(s, "gemeente:GM9922", "vrijstelling_aanvragen").await;
        klopt(&t);
        assert_eq!(rij(&t, "toegekend"), w(&[0.0; 9]));
        assert_eq!(rij(&t, "afgewezen"), w(&[0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.0]));
        assert_eq!(rij(&t, "in_behandeling"), w(&[0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 2.0]));
        assert_eq!(rij(&t, "ingetrokken"), w(&[0.0; 9]));
        // Kwelderdorp: not Itske, who left on the peildatum.
        let t = tabel(s, "gemeente:GM9921", "vrijstelling_aanvragen").await;
        klopt(&t);
        assert_eq!(rij(&t, "toegekend"), w(&[1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 3.0]));
        assert_eq!(rij(&t, "afgewezen"), w(&[0.0; 9]));
        assert_eq!(rij(&t, "in_behandeling"), w(&[0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 2.0]), "Jouke, Fokke");
        assert_eq!(rij(&t, "ingetrokken"), w(&[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]));
        // Terpum: Hessel only; Geertje arrived after the peildatum.
        let t = tabel(s, "gemeente:GM9923", "vrijstelling_aanvragen").await;
        klopt(&t);
        assert_eq!(rij(&t, "in_behandeling"), w(&[0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0]));
        let n: f64 = rijen(&t).iter().map(|r| t.cel(r, "totaal").unwrap()).sum();
        assert_eq!(n, 1.0);
    }
}

// ---------------------------------------------------------------------------------------------
// rmc_trajecten (seed 000, RMC's specific tasks): per kind, where the year's trajecten led.
// ---------------------------------------------------------------------------------------------

fn trajecten(ds: &mut Dataset) {
    use TrajectSoort::*;
    // The office's own outcome beside the shipped ones: in no group, so overig.
    ds.codes.push(Code {
        lijst: CodeLijst::RmcResultaat,
        code: "buddy_traject".into(),
        omschrijving: "Doorverwezen naar buddytraject".into(),
        geldig_van: d("2020-01-01"),
        geldig_tot: None,
    });

    // --- Regulier: 6 in the year. ---
    // Roel → scholing.
    jongere(ds, "J-ROEL", "2002-01-01", KWELDERDORP);
    traject(ds, "J-ROEL", Regulier, "2020-08-20", "2020-09-01", Some(("2021-03-01", "scholing")));
    // Sietske ends on 31 July 2021, the last day: her result counts (werk en scholing → scholing).
    jongere(ds, "J-SIETSKE", "2001-02-02", KWELDERDORP);
    traject(ds, "J-SIETSKE", Regulier, "2020-10-01", "2020-10-05", Some(("2021-07-31", "werk_en_scholing")));
    // Tjeerd ends on 1 August 2021 with werk: on 31 July still running → nog in traject.
    jongere(ds, "J-TJEERD", "2001-03-03", KWELDERDORP);
    traject(ds, "J-TJEERD", Regulier, "2020-10-26", "2020-11-02", Some(("2021-08-01", "werk")));
    // Ulbe: still open → nog in traject. Moved from Slikveen to Kwelderdorp on 1 October 2020.
    jongere(ds, "J-ULBE", "2002-04-04", SLIKVEEN);
    verhuist(ds, "J-ULBE", "2020-10-01", KWELDERDORP);
    traject(ds, "J-ULBE", Regulier, "2020-09-01", "2020-09-07", None);
    // Wietske ended on 31 July 2020, the day before the year: not counted.
    jongere(ds, "J-WIETSKE", "2000-05-05", KWELDERDORP);
    traject(ds, "J-WIETSKE", Regulier, "2019-08-26", "2019-09-02", Some(("2020-07-31", "scholing")));
    // Yde ended on 1 August 2020, the first day: counted, niet herplaatst. In Kwelderdorp on
    // 1 October 2020; moved to Slikveen in January.
    jongere(ds, "J-YDE", "2001-06-06", KWELDERDORP);
    verhuist(ds, "J-YDE", "2021-01-01", SLIKVEEN);
    traject(ds, "J-YDE", Regulier, "2020-01-27", "2020-02-03", Some(("2020-08-01", "niet_herplaatst")));
    // Auke begins on 1 August 2021 (aangemeld in July): the next year, not counted.
    jongere(ds, "J-AUKE", "2003-07-07", KWELDERDORP);
    traject(ds, "J-AUKE", Regulier, "2021-07-20", "2021-08-01", None);
    // Baukje (Slikveen): moved away → overig.
    jongere(ds, "J-BAUKJE", "2001-08-08", SLIKVEEN);
    traject(ds, "J-BAUKJE", Regulier, "2020-08-24", "2020-09-01", Some(("2021-02-15", "overig_verhuisd")));

    // --- WET: 2. ---
    // Doeke → stage/WET (scholing group).
    jongere(ds, "J-DOEKE", "2001-09-09", KWELDERDORP);
    traject(ds, "J-DOEKE", Wet, "2020-09-21", "2020-10-01", Some(("2021-05-31", "stage_wet")));
    // Feikje (Slikveen) → werk.
    jongere(ds, "J-FEIKJE", "2000-10-10", SLIKVEEN);
    traject(ds, "J-FEIKJE", Wet, "2020-09-07", "2020-09-14", Some(("2021-04-30", "werk")));

    // --- Leerwerkmakelaar: 3. ---
    // Gosse → JIKP arbeid zonder bemiddeling (naar werk).
    jongere(ds, "J-GOSSE", "1999-11-11", KWELDERDORP);
    traject(ds, "J-GOSSE", Leerwerkmakelaar, "2020-07-27", "2020-08-03", Some(("2021-01-29", "jikp_arbeid")));
    // Hidde (Terpum) → JIKP via a re-integratiepartner (naar werk).
    jongere(ds, "J-HIDDE", "2000-12-12", TERPUM);
    traject(ds, "J-HIDDE", Leerwerkmakelaar, "2020-08-24", "2020-09-01", Some(("2021-06-30", "jikp_ketenpartner")));
    // Janke → JIKP P-wet: not naar werk in this table → overig.
    jongere(ds, "J-JANKE", "2000-01-15", KWELDERDORP);
    traject(ds, "J-JANKE", Leerwerkmakelaar, "2020-10-05", "2020-10-12", Some(("2021-03-31", "jikp_pwet")));

    // --- Scholingsadvies P-wet (23-27): 2, both in Terpum. ---
    // Lutsen → opvangvoorziening (scholing group).
    jongere(ds, "J-LUTSEN", "1996-02-02", TERPUM);
    traject(ds, "J-LUTSEN", PwetScholingsadvies, "2020-10-26", "2020-11-02", Some(("2021-02-26", "opvangvoorziening")));
    // Minke begins on 31 July 2021, the last day: counted, nog in traject.
    jongere(ds, "J-MINKE", "1995-03-03", TERPUM);
    traject(ds, "J-MINKE", PwetScholingsadvies, "2021-07-26", "2021-07-31", None);

    // --- Statushouder: 2, both overig. ---
    // Oane → advies inburgering (a monitoring code, none of the named columns).
    jongere(ds, "J-OANE", "2002-04-14", KWELDERDORP);
    traject(ds, "J-OANE", Statushouder, "2020-08-24", "2020-09-01", Some(("2021-04-01", "statushouder_inburgering")));
    // Pytsje → the office's own buddy_traject.
    jongere(ds, "J-PYTSJE", "2003-05-05", KWELDERDORP);
    traject(ds, "J-PYTSJE", Statushouder, "2020-09-24", "2020-10-01", Some(("2021-05-01", "buddy_traject")));

    // --- Zomeractie: 1. ---
    // Rinse: from 6 July to 14 August 2020, running into the year → scholing.
    jongere(ds, "J-RINSE", "2004-06-06", KWELDERDORP);
    traject(ds, "J-RINSE", Zomeractie, "2020-07-01", "2020-07-06", Some(("2020-08-14", "scholing")));
    // --- Overstap VO-MBO: none. ---
}

#[tokio::test]
async fn rmc_trajecten_per_kind_with_the_result_on_31_july() {
    for db in noordkust(trajecten).await {
        let s = &db.store;
        let t = tabel(s, "regio", "rmc_trajecten").await;
        klopt(&t);
        assert_eq!(
            kolommen(&t),
            ["aantal", "naar_scholing", "naar_werk", "niet_herplaatst", "nog_in_traject", "overig"]
        );
        assert_eq!(
            rijen(&t),
            [
                "regulier",
                "wet",
                "leerwerkmakelaar",
                "pwet_scholingsadvies",
                "statushouder",
                "zomeractie",
                "overstap_vo_mbo",
                "totaal"
            ]
        );
        // Roel, Sietske (31 July: result) → scholing; Yde (ended 1 August 2020) niet herplaatst;
        // Tjeerd (ends 1 August 2021) and Ulbe (open) nog in traject; Baukje overig. Not Wietske
        // (ended 31 July 2020) nor Auke (begins 1 August 2021).
        assert_eq!(rij(&t, "regulier"), w(&[6.0, 2.0, 0.0, 1.0, 2.0, 1.0]));
        // Doeke stage/WET, Feikje werk.
        assert_eq!(rij(&t, "wet"), w(&[2.0, 1.0, 1.0, 0.0, 0.0, 0.0]));
        // Gosse and Hidde naar werk (JIKP arbeid, ketenpartner); Janke's JIKP P-wet overig.
        assert_eq!(rij(&t, "leerwerkmakelaar"), w(&[3.0, 0.0, 2.0, 0.0, 0.0, 1.0]));
        // Lutsen opvangvoorziening; Minke begun on 31 July.
        assert_eq!(rij(&t, "pwet_scholingsadvies"), w(&[2.0, 1.0, 0.0, 0.0, 1.0, 0.0]));
        // Oane (inburgering) and Pytsje (the office's own code).
        assert_eq!(rij(&t, "statushouder"), w(&[2.0, 0.0, 0.0, 0.0, 0.0, 2.0]));
        assert_eq!(rij(&t, "zomeractie"), w(&[1.0, 1.0, 0.0, 0.0, 0.0, 0.0]), "Rinse");
        assert_eq!(rij(&t, "overstap_vo_mbo"), w(&[0.0; 6]));
        assert_eq!(rij(&t, "totaal"), w(&[16.0, 5.0, 3.0, 1.0, 3.0, 4.0]));

        // Kwelderdorp by residence on 1 October 2020: Ulbe (moved in that day) and Yde (moved away
        // later) count here; Baukje, Feikje, Hidde, Lutsen and Minke do not.
        let t = tabel(s, "gemeente:GM9921", "rmc_trajecten").await;
        klopt(&t);
        assert_eq!(rij(&t, "regulier"), w(&[5.0, 2.0, 0.0, 1.0, 2.0, 0.0]));
        assert_eq!(rij(&t, "wet"), w(&[1.0, 1.0, 0.0, 0.0, 0.0, 0.0]), "Doeke");
        assert_eq!(rij(&t, "leerwerkmakelaar"), w(&[2.0, 0.0, 1.0, 0.0, 0.0, 1.0]), "Gosse, Janke");
        assert_eq!(rij(&t, "pwet_scholingsadvies"), w(&[0.0; 6]));
        assert_eq!(rij(&t, "totaal"), w(&[11.0, 4.0, 1.0, 1.0, 2.0, 3.0]));
        // Slikveen: Baukje and Feikje; not Ulbe (left on 1 October) nor Yde (arrived in January).
        let t = tabel(s, "gemeente:GM9922", "rmc_trajecten").await;
        klopt(&t);
        assert_eq!(rij(&t, "regulier"), w(&[1.0, 0.0, 0.0, 0.0, 0.0, 1.0]), "Baukje");
        assert_eq!(rij(&t, "wet"), w(&[1.0, 0.0, 1.0, 0.0, 0.0, 0.0]), "Feikje");
        assert_eq!(rij(&t, "totaal"), w(&[2.0, 0.0, 1.0, 0.0, 0.0, 1.0]));
        // Subregio TE: Hidde, Lutsen, Minke.
        let t = tabel(s, "subregio:TE", "rmc_trajecten").await;
        klopt(&t);
        assert_eq!(rij(&t, "totaal"), w(&[3.0, 1.0, 1.0, 0.0, 1.0, 0.0]));
    }
}
