//! Golden tests for the last tables of the catalogue (docs/tabellen.md), verslagjaar 2020-2021
//! (1 August 2020 – 31 July 2021, peildatum 1 October 2020): `jongeren_schoolherkomst`,
//! `relatief_gemeente_onderwijssoort`, `pv_gemeente_onderwijssoort`, `verzuim_per_school`,
//! `vsv_nieuw`, `doelen` and `factsheet_gemeente`.
//!
//! Each table gets its own small register of the region Oostkust, imported like any data, so that
//! every expected cell can be worked out by hand from the table's definition; the comments at each
//! record say where it counts.
//!
//! Oostkust has two subregio's: BL (Binnenland) with Akkerdorp (GM9931) and Beekveld (GM9932), and
//! KM (Kustmond) with the gemeente Kustmond (GM9933), which does leerplicht itself: the region holds
//! only its 18-23 (RMC) work there. Schools: De Schelp (basisschool, WPO), VSO De Branding (WEC), the
//! Duinlyceum and Het Baken (VO, WVO), ROC Oostkust (MBO and VAVO, WEB) and the private
//! Zeewindschool (onderwijs onbekend).

// The record builders and table readers, shared with the other golden tests.
mod common;

use common::*;
use leerspoor_domain::model::*;
use leerspoor_domain::onderwijs::{DiplomaSoort, Niveau, Onderwijssoort, VsoProfiel};
use leerspoor_report::tabellen::{Landelijk, LandelijkCijfer};
use leerspoor_testdb::TestDb;

const AKKERDORP: &str = "GM9931";
const BEEKVELD: &str = "GM9932";
const KUSTMOND: &str = "GM9933";

const DE_SCHELP: (&str, &str) = ("20CD", "00");
const DE_BRANDING: (&str, &str) = ("50JK", "00");
const ROC: (&str, &str) = ("30EF", "01");
const ZEEWIND: (&str, &str) = ("60LM", "00");
const HET_BAKEN: (&str, &str) = ("70NP", "00");

const HERKOMST: [&str; 7] = ["wpo", "wec", "wvo", "web", "onbekend", "geen_inschrijving", "totaal"];
const ONDERWIJSSOORT: [&str; 7] = ["bo_sbo", "vo", "vso_so", "beroepsonderwijs", "onbekend", "geen", "totaal"];

// ---------------------------------------------------------------------------------------------
// The region and the builders only these tables need.
// ---------------------------------------------------------------------------------------------

fn organisatie(ds: &mut Dataset) {
    ds.regio.push(Regio { code: "OK".into(), naam: "Oostkust".into() });
    ds.subregios.push(Subregio { code: "BL".into(), naam: "Binnenland".into() });
    ds.subregios.push(Subregio { code: "KM".into(), naam: "Kustmond".into() });
    for (code, naam, subregio, leerplicht_lokaal) in
        [(AKKERDORP, "Akkerdorp", "BL", false), (BEEKVELD, "Beekveld", "BL", false), (KUSTMOND, "Kustmond", "KM", true)]
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
        (DE_SCHELP, "Basisschool De Schelp", AKKERDORP),
        (DE_BRANDING, "VSO De Branding", BEEKVELD),
        (DUINLYCEUM, "Duinlyceum", AKKERDORP),
        (HET_BAKEN, "Het Baken", BEEKVELD),
        (ROC, "ROC Oostkust", AKKERDORP),
        (ZEEWIND, "Zeewindschool (particulier)", BEEKVELD),
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
    for (id, rol, boa) in
        [(BOA, Rol::Leerplichtambtenaar, true), (LPA, Rol::Leerplichtambtenaar, false), (RMC, Rol::RmcConsulent, false)]
    {
        ds.medewerkers.push(Medewerker {
            id: id.into(),
            naam: id.into(),
            email: format!("{}@oostkust.example", id.to_lowercase()),
            rol,
            boa,
            fte: 1.0,
            gemeente: None,
            in_dienst: d("2015-01-01"),
            uit_dienst: None,
        });
    }
}

/// An enrolment at the region's school of that kind (VO: havo at the Duinlyceum).
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

/// A melding reported by `school`.
fn melding_van(ds: &mut Dataset, id: &str, jongere: &str, soort: &str, gemeld: &str, school: (&str, &str)) {
    let m = melding(ds, id, jongere, soort, gemeld, None);
    m.brin = Some(school.0.into());
    m.vestiging = Some(school.1.into());
}

/// A proces-verbaal against the youth on `datum`, in a zaak of its own.
fn pv(ds: &mut Dataset, jongere: &str, datum: &str) {
    let id = format!("Z-PV-{jongere}-{datum}");
    zaak(ds, &id, jongere, ZaakSoort::RelatiefVerzuim, datum, None);
    actie(ds, jongere, Some(&id), ActieSoort::ProcesVerbaal, datum);
}

/// A request of `artikel` made on `aanvraag`, standing at `status`, decided by the
/// leerplichtambtenaar; a grant runs from `geldig` (from, up to and including).
fn aanvraag(
    ds: &mut Dataset,
    jongere: &str,
    artikel: &str,
    aanvraag: &str,
    status: VrijstellingStatus,
    geldig: Option<(&str, Option<&str>)>,
) {
    let besloten = matches!(status, VrijstellingStatus::Toegekend | VrijstellingStatus::Afgewezen);
    ds.vrijstellingen.push(Vrijstelling {
        id: format!("V-{}", ds.vrijstellingen.len() + 1),
        jongere: jongere.into(),
        artikel: artikel.into(),
        status,
        aanvraagdatum: d(aanvraag),
        besluitdatum: besloten.then(|| d(aanvraag)),
        geldig_van: geldig.map(|(van, _)| d(van)),
        geldig_tot: geldig.and_then(|(_, tot)| tot.map(d)),
        beslisser: Beslisser::Leerplichtambtenaar,
        medewerker: Some(LPA.into()),
        artsverklaring_datum: (artikel == "art5_sub_a").then(|| d(aanvraag)),
        swv_advies_datum: (artikel == "art5_sub_a").then(|| d(aanvraag)),
        werkgeversverklaring_datum: None,
        verdaagd_tot: None,
        hoorzitting_op: None,
        dagen: (artikel == "art11_sub_g").then_some(15),
        toelichting: String::new(),
        bezwaar_op: None,
    });
}

/// A register of Oostkust with only the records `bouw` adds.
async fn oostkust(bouw: fn(&mut Dataset)) -> Vec<TestDb> {
    register_met(organisatie, bouw).await
}

/// Counts as expected cells, with `None` for an empty one.
fn leeg_of(getallen: &[Option<f64>]) -> Vec<Option<f64>> {
    getallen.to_vec()
}

// ---------------------------------------------------------------------------------------------
// jongeren_schoolherkomst (seed 000 Tabel 1).
// ---------------------------------------------------------------------------------------------

fn jongeren(ds: &mut Dataset) {
    use Onderwijssoort::*;
    let man = |ds: &mut Dataset, id: &str| geslacht(ds, id, Geslacht::Man);
    let vrouw = |ds: &mut Dataset, id: &str| geslacht(ds, id, Geslacht::Vrouw);
    // Adam (10) and Luuk, who turns 5 on 1 October itself: jongens, WPO.
    jongere(ds, "J-ADAM", "2010-05-05", AKKERDORP);
    man(ds, "J-ADAM");
    school(ds, "J-ADAM", Bao, "2014-08-01", None);
    jongere(ds, "J-LUUK", "2015-10-01", AKKERDORP);
    man(ds, "J-LUUK");
    school(ds, "J-LUUK", Bao, "2019-10-01", None);
    // Max turns 5 the day after: not yet in the table.
    jongere(ds, "J-MAX", "2015-10-02", AKKERDORP);
    man(ds, "J-MAX");
    school(ds, "J-MAX", Bao, "2019-10-02", None);
    // Boaz (14): jongens, WVO.
    jongere(ds, "J-BOAZ", "2006-02-02", AKKERDORP);
    man(ds, "J-BOAZ");
    school(ds, "J-BOAZ", Vo, "2018-08-01", None);
    // Gijs turns 18 on 2 October: still 17 on the peildatum, jongens 5-18, VAVO (WEB).
    jongere(ds, "J-GIJS", "2002-10-02", AKKERDORP);
    man(ds, "J-GIJS");
    school(ds, "J-GIJS", Vavo, "2020-08-01", None);
    // Pim has two enrolments on 1 October: havo and, begun later, VSO → WEC.
    jongere(ds, "J-PIM", "2007-07-07", AKKERDORP);
    man(ds, "J-PIM");
    school(ds, "J-PIM", Vo, "2019-08-01", None);
    school(ds, "J-PIM", Vso, "2020-09-01", None);
    // Otto died before the peildatum; Quin left for abroad before it: neither counts.
    jongere(ds, "J-OTTO", "2006-06-06", AKKERDORP);
    man(ds, "J-OTTO");
    overlijdt(ds, "J-OTTO", "2020-09-15");
    jongere(ds, "J-QUIN", "2006-06-07", AKKERDORP);
    man(ds, "J-QUIN");
    vertrekt(ds, "J-QUIN", "2020-09-20");
    // Hugo (8) lives in Kustmond, which does leerplicht itself: not in 5-18, not in the total.
    jongere(ds, "J-HUGO", "2012-06-06", KUSTMOND);
    man(ds, "J-HUGO");
    school(ds, "J-HUGO", Bao, "2016-08-01", None);

    // Cato (13, Beekveld): meisjes, WEC. Demi (16): not enrolled. Noor (12) moves from Akkerdorp
    // to Beekveld on 2 October: she counts in Akkerdorp, WVO.
    jongere(ds, "J-CATO", "2007-03-03", BEEKVELD);
    vrouw(ds, "J-CATO");
    school(ds, "J-CATO", So, "2013-08-01", None);
    jongere(ds, "J-DEMI", "2004-04-04", AKKERDORP);
    vrouw(ds, "J-DEMI");
    jongere(ds, "J-NOOR", "2008-01-01", AKKERDORP);
    vrouw(ds, "J-NOOR");
    verhuist(ds, "J-NOOR", "2020-10-02", BEEKVELD);
    school(ds, "J-NOOR", Vo, "2020-08-01", None);
    // Flor (11), sex unknown, at the private Zeewindschool: overig, onderwijs onbekend.
    jongere(ds, "J-FLOR", "2009-09-09", AKKERDORP);
    school(ds, "J-FLOR", Onbekend, "2015-08-01", None);

    // 18-23. Evi turns 18 on 1 October exactly: 18-23 (Binnenland), MBO (WEB).
    jongere(ds, "J-EVI", "2002-10-01", AKKERDORP);
    vrouw(ds, "J-EVI");
    school(ds, "J-EVI", Mbo, "2019-08-01", None);
    // Roos (19): her enrolment ended the day before the peildatum → geen inschrijving.
    jongere(ds, "J-ROOS", "2001-05-05", AKKERDORP);
    vrouw(ds, "J-ROOS");
    school(ds, "J-ROOS", Vo, "2014-08-01", Some("2020-09-30"));
    // Kim turns 23 on 2 October: still 22, 18-23 Binnenland (Beekveld), not enrolled. Joop turns 23
    // on 1 October: out.
    jongere(ds, "J-KIM", "1997-10-02", BEEKVELD);
    vrouw(ds, "J-KIM");
    jongere(ds, "J-JOOP", "1997-10-01", BEEKVELD);
    man(ds, "J-JOOP");
    // Iris (20) in Kustmond: its 18-23 are the region's (RMC). Not enrolled.
    jongere(ds, "J-IRIS", "2000-01-01", KUSTMOND);
    vrouw(ds, "J-IRIS");
}

#[tokio::test]
async fn jongeren_schoolherkomst_by_sex_and_subregio_on_1_october() {
    for db in oostkust(jongeren).await {
        let t = tabel(&db.store, "regio", "jongeren_schoolherkomst").await;
        assert_eq!(kolommen(&t), HERKOMST);
        assert_eq!(
            rijen(&t),
            [
                "jongens_5_18",
                "meisjes_5_18",
                "overig_5_18",
                "subtotaal_5_18",
                "jongeren_18_23_BL",
                "jongeren_18_23_KM",
                "subtotaal_18_23",
                "totaal"
            ]
        );
        //                                  wpo  wec  wvo  web  onb  geen totaal
        // Adam, Luuk (WPO); Pim (WEC); Boaz (WVO); Gijs (WEB).
        assert_eq!(rij(&t, "jongens_5_18"), w(&[2.0, 1.0, 1.0, 1.0, 0.0, 0.0, 5.0]));
        // Cato (WEC); Noor (WVO); Demi (geen).
        assert_eq!(rij(&t, "meisjes_5_18"), w(&[0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 3.0]));
        assert_eq!(rij(&t, "overig_5_18"), w(&[0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0]), "Flor");
        assert_eq!(rij(&t, "subtotaal_5_18"), w(&[2.0, 2.0, 2.0, 1.0, 1.0, 1.0, 9.0]));
        // Evi (WEB, 18 on the day); Roos and Kim (geen).
        assert_eq!(rij(&t, "jongeren_18_23_BL"), w(&[0.0, 0.0, 0.0, 1.0, 0.0, 2.0, 3.0]));
        assert_eq!(rij(&t, "jongeren_18_23_KM"), w(&[0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0]), "Iris");
        assert_eq!(rij(&t, "subtotaal_18_23"), w(&[0.0, 0.0, 0.0, 1.0, 0.0, 3.0, 4.0]));
        // Not: Max (4), Otto (died), Quin (abroad), Hugo (Kustmond 5-18), Joop (23).
        assert_eq!(rij(&t, "totaal"), w(&[2.0, 2.0, 2.0, 2.0, 1.0, 4.0, 13.0]));
        klopt(&t);
        assert!(t.notes.iter().any(|n| n.contains("Kustmond voert de leerplicht zelf uit: alleen 18-23")));

        // Kustmond does leerplicht itself: only its 18-23.
        let t = tabel(&db.store, "gemeente:GM9933", "jongeren_schoolherkomst").await;
        assert_eq!(
            rijen(&t),
            [
                "jongens_5_18",
                "meisjes_5_18",
                "overig_5_18",
                "subtotaal_5_18",
                "jongeren_18_23_KM",
                "subtotaal_18_23",
                "totaal"
            ]
        );
        for r in ["jongens_5_18", "meisjes_5_18", "overig_5_18", "subtotaal_5_18"] {
            assert_eq!(rij(&t, r), [None; 7], "{r}");
        }
        assert_eq!(rij(&t, "totaal"), w(&[0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0]), "Iris");
        klopt(&t);

        // Beekveld: Cato and Kim; Noor moved in on 2 October, the day after the peildatum.
        let t = tabel(&db.store, "gemeente:GM9932", "jongeren_schoolherkomst").await;
        assert_eq!(rij(&t, "meisjes_5_18"), w(&[0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0]));
        assert_eq!(rij(&t, "jongens_5_18"), w(&[0.0; 7]));
        assert_eq!(rij(&t, "jongeren_18_23_BL"), w(&[0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0]));
        assert_eq!(rij(&t, "totaal"), w(&[0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 2.0]));
        klopt(&t);
    }
}

// ---------------------------------------------------------------------------------------------
// relatief_gemeente_onderwijssoort and pv_gemeente_onderwijssoort (seed 004).
// ---------------------------------------------------------------------------------------------

fn verzuimers(ds: &mut Dataset) {
    use Onderwijssoort::*;
    // Anna (Akkerdorp, havo): two relatief meldingen, one youth → Akkerdorp VO once. Two PVs.
    jongere(ds, "J-ANNA", "2006-04-12", AKKERDORP);
    school(ds, "J-ANNA", Vo, "2018-08-01", None);
    melding(ds, "M-ANNA-1", "J-ANNA", "wettelijk_16_uur", "2020-10-05", None);
    melding(ds, "M-ANNA-2", "J-ANNA", "signaal", "2021-02-01", None);
    pv(ds, "J-ANNA", "2020-12-01");
    pv(ds, "J-ANNA", "2021-03-01");
    // Bart (Akkerdorp, basisschool): signaal → BO/SBO. His HALT is no PV.
    jongere(ds, "J-BART", "2008-09-30", AKKERDORP);
    school(ds, "J-BART", Bao, "2012-08-01", None);
    melding(ds, "M-BART", "J-BART", "signaal", "2020-11-01", None);
    zaak(ds, "Z-BART", "J-BART", ZaakSoort::RelatiefVerzuim, "2020-11-01", None);
    actie(ds, "J-BART", Some("Z-BART"), ActieSoort::Halt, "2020-12-01");
    // Cees (MBO) moves from Akkerdorp to Beekveld on 1 January 2021. His luxe melding of 16 hours
    // in Akkerdorp is relatief verzuim as art. 25 counts it ("luxe verzuim boven 16 uur
    // inbegrepen") and places him there; his beginnend verzuim in March is the same youth again.
    // One PV before the move (Akkerdorp), one after (Beekveld).
    jongere(ds, "J-CEES", "2004-05-05", AKKERDORP);
    verhuist(ds, "J-CEES", "2021-01-01", BEEKVELD);
    school(ds, "J-CEES", Mbo, "2020-08-01", None);
    melding(ds, "M-CEES-1", "J-CEES", "luxe", "2020-09-10", None);
    melding(ds, "M-CEES-2", "J-CEES", "beginnend", "2021-03-01", None);
    pv(ds, "J-CEES", "2020-11-15");
    pv(ds, "J-CEES", "2021-02-15");
    // Didi (Beekveld, VSO): verzuim van 1 maand of langer → VSO/SO. A withdrawn melding before it
    // does not count.
    jongere(ds, "J-DIDI", "2007-07-07", BEEKVELD);
    school(ds, "J-DIDI", Vso, "2019-08-01", None);
    melding(ds, "M-DIDI-0", "J-DIDI", "wettelijk_16_uur", "2020-09-01", None).status = "ingetrokken".into();
    melding(ds, "M-DIDI", "J-DIDI", "langdurig_1_maand", "2020-12-01", None);
    // Eva (Beekveld, private school): onderwijs onbekend.
    jongere(ds, "J-EVA", "2009-01-01", BEEKVELD);
    school(ds, "J-EVA", Onbekend, "2015-08-01", None);
    melding(ds, "M-EVA", "J-EVA", "wettelijk_16_uur", "2021-05-05", None);
    // Lars (Beekveld, VO): beginnend verzuim of 6 hours, under the 16 of art. 25: not relatief.
    jongere(ds, "J-LARS", "2008-03-03", BEEKVELD);
    school(ds, "J-LARS", Vo, "2020-08-01", None);
    melding(ds, "M-LARS", "J-LARS", "beginnend", "2021-02-02", None).uren = Some(6);
    // Femke (Akkerdorp): her enrolment ended on 31 December 2020; the melding of 15 January and the
    // PV of 1 April find her without one → geen.
    jongere(ds, "J-FEMKE", "2006-03-03", AKKERDORP);
    school(ds, "J-FEMKE", Vo, "2018-08-01", Some("2020-12-31"));
    melding(ds, "M-FEMKE", "J-FEMKE", "wettelijk_16_uur", "2021-01-15", None);
    pv(ds, "J-FEMKE", "2021-04-01");
    // Not relatief: 18+ verzuim (Guus), illness and a preventive contact (Ivo); Juul's melding was
    // in the year before; Femke's PV of August 2021 in the year after.
    jongere(ds, "J-GUUS", "2001-01-01", AKKERDORP);
    school(ds, "J-GUUS", Mbo, "2019-08-01", None);
    melding(ds, "M-GUUS", "J-GUUS", "achttien_plus", "2020-10-10", None);
    jongere(ds, "J-IVO", "2007-12-12", AKKERDORP);
    school(ds, "J-IVO", Vo, "2019-08-01", None);
    melding(ds, "M-IVO-1", "J-IVO", "zorgwekkend_ziekteverzuim", "2020-10-10", None);
    melding(ds, "M-IVO-2", "J-IVO", "signaal", "2020-11-10", None).preventief = true;
    jongere(ds, "J-JUUL", "2007-11-11", AKKERDORP);
    school(ds, "J-JUUL", Vo, "2019-08-01", None);
    melding(ds, "M-JUUL", "J-JUUL", "wettelijk_16_uur", "2020-07-15", None);
    pv(ds, "J-FEMKE", "2021-08-02");
    // Hugo lives in Kustmond, which does leerplicht itself: his row is empty, not in the total.
    jongere(ds, "J-HUGO", "2008-06-06", KUSTMOND);
    school(ds, "J-HUGO", Vo, "2020-08-01", None);
    melding(ds, "M-HUGO", "J-HUGO", "wettelijk_16_uur", "2020-11-11", None);
    pv(ds, "J-HUGO", "2021-01-20");
}

#[tokio::test]
async fn relatief_verzuimers_per_gemeente_once_per_youth_by_the_first_melding() {
    for db in oostkust(verzuimers).await {
        let t = tabel(&db.store, "regio", "relatief_gemeente_onderwijssoort").await;
        assert_eq!(kolommen(&t), ONDERWIJSSOORT);
        assert_eq!(rijen(&t), [AKKERDORP, BEEKVELD, KUSTMOND, "totaal"]);
        //                         bo_sbo vo vso_so beroeps onb geen totaal
        // Bart (BO, signaal of 16 hours), Anna (VO, once for two meldingen), Cees (MBO, luxe of 16
        // hours before his move), Femke (geen).
        assert_eq!(rij(&t, AKKERDORP), w(&[1.0, 1.0, 0.0, 1.0, 0.0, 1.0, 4.0]));
        // Didi (VSO), Eva (private); not Lars (6 hours).
        assert_eq!(rij(&t, BEEKVELD), w(&[0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 2.0]));
        assert_eq!(rij(&t, KUSTMOND), [None; 7], "eigen leerplicht");
        assert_eq!(rij(&t, "totaal"), w(&[1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 6.0]));
        klopt(&t);
        assert!(t.notes.iter().any(|n| n.starts_with("Per jongere (niet per melding)")));
        // One measure, one count: the relatief verzuimers of verzuim_per_1000 are these youths.
        let per_1000 = tabel(&db.store, "regio", "verzuim_per_1000").await;
        assert_eq!(per_1000.cel(AKKERDORP, "relatief"), Some(4.0));
        assert_eq!(per_1000.cel(BEEKVELD, "relatief"), Some(2.0));
        assert_eq!(leerspoor_report::controleer(&[per_1000.clone(), t.clone()]), Vec::<String>::new());
        let mut anders = t.clone();
        anders.rows[0].values[6] = leerspoor_report::Waarde::getal(5);
        let fouten = leerspoor_report::controleer(&[per_1000, anders]);
        assert!(fouten.iter().any(|f| f.contains("dezelfde maat")), "{fouten:?}");

        let t = tabel(&db.store, "gemeente:GM9932", "relatief_gemeente_onderwijssoort").await;
        assert_eq!(rijen(&t), [BEEKVELD, "totaal"]);
        assert_eq!(rij(&t, "totaal"), w(&[0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 2.0]));
        klopt(&t);
    }
}

#[tokio::test]
async fn processen_verbaal_per_gemeente_counted_per_pv_where_the_youth_lived_that_day() {
    for db in oostkust(verzuimers).await {
        let t = tabel(&db.store, "regio", "pv_gemeente_onderwijssoort").await;
        assert_eq!(kolommen(&t), ONDERWIJSSOORT);
        // Anna twice (VO), Cees before his move (MBO), Femke without enrolment.
        assert_eq!(rij(&t, AKKERDORP), w(&[0.0, 2.0, 0.0, 1.0, 0.0, 1.0, 4.0]));
        // Cees after his move.
        assert_eq!(rij(&t, BEEKVELD), w(&[0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0]));
        assert_eq!(rij(&t, KUSTMOND), [None; 7]);
        assert_eq!(rij(&t, "totaal"), w(&[0.0, 2.0, 0.0, 2.0, 0.0, 1.0, 5.0]));
        klopt(&t);
    }
}

// ---------------------------------------------------------------------------------------------
// meldtermijn_per_school: how late the schools report their 16-uur meldingen.
// ---------------------------------------------------------------------------------------------

fn meldtermijnen(ds: &mut Dataset) {
    // Akkerdorp is in vakantieregio noord (herfstvakantie 10-18 October 2020); Beekveld's region is
    // not recorded, so Het Baken has only weekends and feestdagen.
    ds.gemeenten.iter_mut().filter(|g| g.code.as_str() == AKKERDORP).for_each(|g| {
        g.vakantieregio = Some(Vakantieregio::Noord);
    });
    ds.vakanties = leerspoor_domain::kalender::ocw_vakanties();
    let mut meld = |id: &str, school: (&str, &str), soort: &str, van: &str, gemeld: &str| {
        jongere(ds, &format!("J-{id}"), "2008-01-01", AKKERDORP);
        let m = melding(ds, &format!("M-{id}"), &format!("J-{id}"), soort, gemeld, None);
        (m.verzuim_van, m.brin, m.vestiging) = (d(van), Some(school.0.into()), Some(school.1.into()));
    };
    // Absent from Wednesday 30 September: at the Duinlyceum the fourth lesweek ends on Sunday
    // 1 November (the herfstvakantie is no lesweek); reported that day, in time.
    meld("OPTIJD", DUINLYCEUM, "wettelijk_16_uur", "2020-09-30", "2020-11-01");
    // Reported on Friday 6 November: five lesdagen late.
    meld("LAAT", DUINLYCEUM, "wettelijk_16_uur", "2020-09-30", "2020-11-06");
    // A signaal melding has no term: not in the table.
    meld("SIGNAAL", DUINLYCEUM, "signaal", "2020-09-01", "2020-12-01");
    // At Het Baken, without holidays, the fourth lesweek ended on 25 October: 1 November is five
    // lesdagen late.
    meld("BAKEN", HET_BAKEN, "wettelijk_16_uur", "2020-09-30", "2020-11-01");
}

#[tokio::test]
async fn meldtermijn_per_school_counts_16_uur_meldingen_after_the_fourth_lesweek() {
    for db in oostkust(meldtermijnen).await {
        let t = tabel(&db.store, "regio", "meldtermijn_per_school").await;
        klopt(&t);
        assert_eq!(kolommen(&t), ["meldingen", "te_laat", "pct_te_laat", "gemiddeld_lesdagen_te_laat"]);
        assert_eq!(rijen(&t), ["10AB00", "70NP00", "totaal"], "evenveel te laat: op sleutel");
        assert_eq!(rij(&t, "10AB00"), w(&[2.0, 1.0, 50.0, 5.0]));
        assert_eq!(rij(&t, "70NP00"), w(&[1.0, 1.0, 100.0, 5.0]));
        assert_eq!(rij(&t, "totaal"), w(&[3.0, 2.0, 66.7, 5.0]));
    }
}

// ---------------------------------------------------------------------------------------------
// verzuim_per_school (seed 002).
// ---------------------------------------------------------------------------------------------

fn per_school(ds: &mut Dataset) {
    use Onderwijssoort::*;
    // Anna: two meldingen of the Duinlyceum in 2020-2021, one youth.
    jongere(ds, "J-ANNA", "2006-04-12", AKKERDORP);
    school(ds, "J-ANNA", Vo, "2018-08-01", None);
    melding_van(ds, "M-ANNA-1", "J-ANNA", "wettelijk_16_uur", "2020-10-05", DUINLYCEUM);
    melding_van(ds, "M-ANNA-2", "J-ANNA", "signaal", "2021-02-01", DUINLYCEUM);
    // Bart: 2019-2020, and zorgwekkend ziekteverzuim in 2020-2021 (counted: seed 002 counts the
    // school's doubts about illness too).
    jongere(ds, "J-BART", "2006-09-30", AKKERDORP);
    school(ds, "J-BART", Vo, "2018-08-01", None);
    melding_van(ds, "M-BART-1", "J-BART", "signaal", "2019-11-01", DUINLYCEUM);
    melding_van(ds, "M-BART-2", "J-BART", "zorgwekkend_ziekteverzuim", "2020-11-01", DUINLYCEUM);
    // Cees: Het Baken in 2018-2019 and 2020-2021, then the Duinlyceum in 2020-2021 too: he counts
    // at both schools, once in the total.
    jongere(ds, "J-CEES", "2006-05-05", AKKERDORP);
    inschrijving(ds, "J-CEES", HET_BAKEN, Vo, Some(Niveau::VmboGt), None, "2018-08-01", Some("2021-01-31"));
    school(ds, "J-CEES", Vo, "2021-02-01", None);
    melding_van(ds, "M-CEES-1", "J-CEES", "wettelijk_16_uur", "2018-10-10", HET_BAKEN);
    melding_van(ds, "M-CEES-2", "J-CEES", "wettelijk_16_uur", "2020-12-12", HET_BAKEN);
    melding_van(ds, "M-CEES-3", "J-CEES", "signaal", "2021-03-03", DUINLYCEUM);
    // Didi: the ROC is no VO school.
    jongere(ds, "J-DIDI", "2004-07-07", AKKERDORP);
    school(ds, "J-DIDI", Mbo, "2020-08-01", None);
    melding_van(ds, "M-DIDI", "J-DIDI", "wettelijk_16_uur", "2020-10-10", ROC);
    // Eva: a withdrawn melding and a preventive one do not count.
    jongere(ds, "J-EVA", "2007-01-01", AKKERDORP);
    school(ds, "J-EVA", Vo, "2019-08-01", None);
    melding_van(ds, "M-EVA-1", "J-EVA", "signaal", "2020-11-11", DUINLYCEUM);
    ds.verzuimmeldingen.last_mut().unwrap().status = "ingetrokken".into();
    melding_van(ds, "M-EVA-2", "J-EVA", "signaal", "2020-12-11", DUINLYCEUM);
    ds.verzuimmeldingen.last_mut().unwrap().preventief = true;
    // Femke: 2017-2018, outside the three years.
    jongere(ds, "J-FEMKE", "2004-03-03", AKKERDORP);
    school(ds, "J-FEMKE", Vo, "2016-08-01", None);
    melding_van(ds, "M-FEMKE", "J-FEMKE", "signaal", "2017-10-10", DUINLYCEUM);
    // Gijs lives in Beekveld: in the region's table, not in Akkerdorp's.
    jongere(ds, "J-GIJS", "2007-02-02", BEEKVELD);
    school(ds, "J-GIJS", Vo, "2019-08-01", None);
    melding_van(ds, "M-GIJS", "J-GIJS", "luxe", "2020-10-20", DUINLYCEUM);
}

#[tokio::test]
async fn verzuim_per_school_counts_youths_per_vo_school_over_three_years() {
    for db in oostkust(per_school).await {
        let t = tabel(&db.store, "regio", "verzuim_per_school").await;
        assert_eq!(kolommen(&t), ["2018_2019", "2019_2020", "2020_2021"]);
        // Rows by school name; the key is BRIN + vestiging.
        assert_eq!(rijen(&t), ["10AB00", "70NP00", "totaal"]);
        assert_eq!(t.rows[0].label, "Duinlyceum");
        // Bart; Anna, Bart, Cees, Gijs.
        assert_eq!(rij(&t, "10AB00"), w(&[0.0, 1.0, 4.0]));
        assert_eq!(rij(&t, "70NP00"), w(&[1.0, 0.0, 1.0]), "Cees");
        // Cees at two schools counts once.
        assert_eq!(rij(&t, "totaal"), w(&[1.0, 1.0, 4.0]));
        klopt(&t);

        let t = tabel(&db.store, "gemeente:GM9931", "verzuim_per_school").await;
        assert_eq!(rij(&t, "10AB00"), w(&[0.0, 1.0, 3.0]), "zonder Gijs");
        assert_eq!(rij(&t, "totaal"), w(&[1.0, 1.0, 3.0]));
    }
}

// ---------------------------------------------------------------------------------------------
// vsv_nieuw (seed 000 Tabel 7).
// ---------------------------------------------------------------------------------------------

/// OCW/DUO's 1-oktober method, verslagjaar 2020-2021: enrolled on 1 October 2020, enrolled nowhere
/// on 1 October 2021, no startkwalificatie by then, under 23 on 1 October 2020. The VSV-meldingen
/// are the casework's signal; the count does not read them.
fn vsv_ers(ds: &mut Dataset) {
    use Onderwijssoort::*;
    // VO deelnemers on 1 October 2020: Vos (havo), Vink (pro) and Valk, who drops out on 1 March
    // 2021, enrols at the ROC in April and drops out again on 1 June: one VSV-er, VO (his enrolment
    // on 1 October 2020).
    jongere(ds, "J-VOS", "2005-01-01", AKKERDORP);
    school(ds, "J-VOS", Vo, "2017-08-01", None);
    jongere(ds, "J-VINK", "2005-02-02", BEEKVELD);
    school(ds, "J-VINK", Pro, "2017-08-01", None);
    jongere(ds, "J-VALK", "2004-03-03", AKKERDORP);
    school(ds, "J-VALK", Vo, "2016-08-01", Some("2021-02-28"));
    vsv_melding(ds, "J-VALK", "2021-03-01", Vo, Some(Niveau::Havo));
    school(ds, "J-VALK", Mbo, "2021-04-01", Some("2021-05-31"));
    vsv_melding(ds, "J-VALK", "2021-06-01", Mbo, Some(Niveau::Mbo2));
    // Not VO deelnemers: Vera is 23 on 1 October; Vito is at VSO (no VSV sector).
    jongere(ds, "J-VERA", "1997-10-01", AKKERDORP);
    school(ds, "J-VERA", Vo, "2019-08-01", None);
    jongere(ds, "J-VITO", "2006-04-04", AKKERDORP);
    school(ds, "J-VITO", Vso, "2018-08-01", None);
    // 32 MBO deelnemers; M01 drops out on 1 December 2020: 1/32 = 3,125 % → 3,13 (half-up).
    for i in 1..=32 {
        let id = format!("J-M{i:02}");
        jongere(ds, &id, "2002-06-06", if i % 2 == 0 { BEEKVELD } else { KUSTMOND });
        school(ds, &id, Mbo, "2019-08-01", (i == 1).then_some("2020-11-30"));
    }
    vsv_melding(ds, "J-M01", "2020-12-01", Mbo, Some(Niveau::Mbo2));
    // M03's drop-out of July 2020 is the year before.
    vsv_melding(ds, "J-M03", "2020-07-15", Mbo, Some(Niveau::Mbo2));
    // VAVO: Ada, Bas, and Dubbel, who on 1 October is enrolled at MBO and (begun later) VAVO: he
    // counts once, at VAVO. Ada drops out on 1 May 2021.
    jongere(ds, "J-ADA", "2001-01-01", AKKERDORP);
    school(ds, "J-ADA", Vavo, "2019-08-01", Some("2021-04-30"));
    vsv_melding(ds, "J-ADA", "2021-05-01", Vavo, Some(Niveau::Havo));
    jongere(ds, "J-BAS", "2002-02-02", AKKERDORP);
    school(ds, "J-BAS", Vavo, "2020-08-01", None);
    jongere(ds, "J-DUBBEL", "2002-03-03", AKKERDORP);
    school(ds, "J-DUBBEL", Mbo, "2019-08-01", None);
    school(ds, "J-DUBBEL", Vavo, "2020-08-15", None);
    // Three more at VAVO. Vlam drops out in January (melding) but is back in September 2021: on
    // 1 October 2021 enrolled, no VSV-er. Zwaan leaves in June and no melding was made: a VSV-er.
    // Wieke leaves with her havo diploma: a startkwalificatie, no VSV-er.
    jongere(ds, "J-VLAM", "2002-04-04", AKKERDORP);
    school(ds, "J-VLAM", Vavo, "2020-08-01", Some("2021-01-31"));
    vsv_melding(ds, "J-VLAM", "2021-02-01", Vavo, Some(Niveau::Havo));
    school(ds, "J-VLAM", Vavo, "2021-09-01", None);
    jongere(ds, "J-ZWAAN", "2002-05-05", AKKERDORP);
    school(ds, "J-ZWAAN", Vavo, "2020-08-01", Some("2021-06-30"));
    jongere(ds, "J-WIEKE", "2002-06-06", AKKERDORP);
    school(ds, "J-WIEKE", Vavo, "2020-08-01", Some("2021-06-30"));
    diploma(ds, "J-WIEKE", DiplomaSoort::Havo, "2021-06-30", ROC.0);
}

#[tokio::test]
async fn vsv_nieuw_per_sector_with_vsv_pct_to_two_decimals() {
    for db in oostkust(vsv_ers).await {
        let t = tabel(&db.store, "regio", "vsv_nieuw").await;
        assert_eq!(
            kolommen(&t),
            ["deelnemers", "vsv", "pct", "landelijk_deelnemers", "landelijk_vsv", "landelijk_pct"]
        );
        assert_eq!(rijen(&t), ["vo", "mbo", "vavo", "mbo_incl_vavo", "totaal"]);
        let zonder_land = |v: &[f64]| leeg_of(&[Some(v[0]), Some(v[1]), Some(v[2]), None, None, None]);
        // Valk of Vos, Vink, Valk: 1/3 = 33,33 %.
        assert_eq!(rij(&t, "vo"), zonder_land(&[3.0, 1.0, 33.33]));
        // M01 of 32: 3,125 → 3,13.
        assert_eq!(rij(&t, "mbo"), zonder_land(&[32.0, 1.0, 3.13]));
        // Ada and Zwaan of Ada, Bas, Dubbel, Vlam, Zwaan, Wieke: not Vlam (back at school), not
        // Wieke (havo diploma), Zwaan without a melding.
        assert_eq!(rij(&t, "vavo"), zonder_land(&[6.0, 2.0, 33.33]));
        // 3/38 = 7,894 → 7,89.
        assert_eq!(rij(&t, "mbo_incl_vavo"), zonder_land(&[38.0, 3.0, 7.89]));
        // 4/41 = 9,756 → 9,76.
        assert_eq!(rij(&t, "totaal"), zonder_land(&[41.0, 4.0, 9.76]));
        klopt(&t);
        assert!(t.notes.iter().any(|n| n.starts_with("De landelijke cijfers zijn niet aangeleverd")));

        // With the national figures of seed 000 Tabel 7 as input.
        let mut k = kader(&db.store, "regio").await.unwrap();
        k.landelijk = Some(Landelijk {
            vo: LandelijkCijfer { deelnemers: 912_240, vsv: 3_607 },
            mbo: LandelijkCijfer { deelnemers: 403_254, vsv: 18_512 },
            vavo: LandelijkCijfer { deelnemers: 7_492, vsv: 666 },
        });
        let t = leerspoor_report::bereken(&std::sync::Arc::new(k), &["vsv_nieuw".into()]).await.unwrap().remove(0);
        // The seed's 0,40 %, 4,59 %, 8,89 %, 4,67 % and its "landelijk gemiddelde van 1,72%".
        assert_eq!(rij(&t, "vo"), w(&[3.0, 1.0, 33.33, 912_240.0, 3_607.0, 0.40]));
        assert_eq!(rij(&t, "mbo"), w(&[32.0, 1.0, 3.13, 403_254.0, 18_512.0, 4.59]));
        assert_eq!(rij(&t, "vavo"), w(&[6.0, 2.0, 33.33, 7_492.0, 666.0, 8.89]));
        assert_eq!(rij(&t, "mbo_incl_vavo"), w(&[38.0, 3.0, 7.89, 410_746.0, 19_178.0, 4.67]));
        assert_eq!(rij(&t, "totaal"), w(&[41.0, 4.0, 9.76, 1_322_986.0, 22_785.0, 1.72]));
        klopt(&t);

        // Before 1 October 2021 the register cannot know who is enrolled that day: no VSV-ers yet.
        let mut k = kader(&db.store, "regio").await.unwrap();
        k.stand = d("2021-09-30");
        let t = leerspoor_report::bereken(&std::sync::Arc::new(k), &["vsv_nieuw".into()]).await.unwrap().remove(0);
        assert_eq!(rij(&t, "vavo"), leeg_of(&[Some(6.0), None, None, None, None, None]));
        assert_eq!(rij(&t, "totaal"), leeg_of(&[Some(41.0), None, None, None, None, None]));
        klopt(&t);
        assert!(
            t.notes.iter().any(|n| n.starts_with("De VSV-ers van 2020-2021 zijn pas bekend na 2021-10-01")),
            "{:?}",
            t.notes
        );

        // Akkerdorp: Vos, Valk; the six at VAVO (M-youths live in Beekveld and Kustmond).
        let t = tabel(&db.store, "gemeente:GM9931", "vsv_nieuw").await;
        assert_eq!(rij(&t, "vo"), zonder_land(&[2.0, 1.0, 50.0]));
        assert_eq!(rij(&t, "mbo"), [Some(0.0), Some(0.0), None, None, None, None]);
        assert_eq!(rij(&t, "totaal"), zonder_land(&[8.0, 3.0, 37.5]));
        // Kustmond does leerplicht itself, but VSV is RMC work: its 16 MBO students count.
        let t = tabel(&db.store, "gemeente:GM9933", "vsv_nieuw").await;
        assert_eq!(rij(&t, "mbo"), zonder_land(&[16.0, 1.0, 6.25]), "M01");
    }
}

// ---------------------------------------------------------------------------------------------
// doelen (seed 003).
// ---------------------------------------------------------------------------------------------

fn doelen(ds: &mut Dataset) {
    use Onderwijssoort::*;
    use ThuiszitSoort::*;
    let opgelost = ThuiszitEinde::Opgelost;
    // Thuiszitters 2018-2019: four periods. T1 got an offer within 3 months, T2 only after 4
    // months; T3 ended within 3 months without one (needed none); T4 began on 1 June 2019 and on
    // 31 July had neither an offer nor 3 months behind it. Aanbod: 1 of 2 = 50 %.
    for (i, (begin, einde, aanbod)) in [
        ("2018-09-03", Some("2019-03-01"), Some("2018-10-15")),
        ("2018-10-01", Some("2019-06-01"), Some("2019-02-15")),
        ("2018-11-01", Some("2018-12-01"), None),
        ("2019-06-01", None::<&str>, None),
    ]
    .into_iter()
    .enumerate()
    {
        let j = format!("J-T{}", i + 1);
        jongere(ds, &j, "2006-01-01", AKKERDORP);
        thuiszit(ds, &j, Absoluut, begin, einde.map(|e| (e, opgelost)), None);
        ds.thuiszitperioden.last_mut().unwrap().aanbod_datum = aanbod.map(d);
    }
    // 2020-2021: three periods (T4's still runs), all judged ones with an offer in time: T4 got
    // one on 1 August 2019, T5 within a month; T6 began in June 2021 (too early). Aanbod: 2 of 2.
    ds.thuiszitperioden.last_mut().unwrap().aanbod_datum = Some(d("2019-08-01"));
    jongere(ds, "J-T5", "2006-01-01", AKKERDORP);
    thuiszit(ds, "J-T5", LangdurigRelatief, "2020-10-01", Some(("2021-02-01", opgelost)), None);
    ds.thuiszitperioden.last_mut().unwrap().aanbod_datum = Some(d("2020-10-20"));
    jongere(ds, "J-T6", "2006-01-01", BEEKVELD);
    thuiszit(ds, "J-T6", LangdurigRelatief, "2021-06-01", None, None);

    // Relatief verzuimers (5-17 on 1 October of the year): 5 in 2018-2019, 6 in 2020-2021.
    for i in 1..=6 {
        let j = format!("J-R{i}");
        jongere(ds, &j, "2008-01-01", AKKERDORP);
        school(ds, &j, Vo, "2020-08-01", None);
        melding(ds, &format!("M-R{i}-2020"), &j, "signaal", "2020-11-02", None);
        if i <= 5 {
            melding(ds, &format!("M-R{i}-2018"), &j, "wettelijk_16_uur", "2018-11-05", None);
        }
    }
    // Kustmond's youth is the region's only for 18-23: not a verzuimer here.
    jongere(ds, "J-KUST", "2008-01-01", KUSTMOND);
    school(ds, "J-KUST", Vo, "2020-08-01", None);
    melding(ds, "M-KUST", "J-KUST", "signaal", "2020-11-02", None);

    // New VSV-ers (1-oktober method): 3 in 2018-2019, 1 in 2020-2021. Each at the ROC on 1 October
    // and enrolled nowhere a year later.
    for (i, uitval) in ["2018-12-01", "2019-01-01", "2019-05-01", "2021-01-01"].into_iter().enumerate() {
        let j = format!("J-V{i}");
        jongere(ds, &j, "2001-01-01", AKKERDORP);
        let laatste_dag = d(uitval).pred_opt().unwrap().to_string();
        school(ds, &j, Mbo, "2017-08-01", Some(&laatste_dag));
        vsv_melding(ds, &j, uitval, Mbo, Some(Niveau::Mbo2));
    }
}

#[tokio::test]
async fn doelen_against_base_year_2018_2019_with_the_tables_own_counts() {
    for db in oostkust(doelen).await {
        let t = tabel(&db.store, "regio", "doelen").await;
        assert_eq!(kolommen(&t), ["basisjaar", "streefwaarde", "actueel", "verschil_pct", "op_koers"]);
        assert_eq!(rijen(&t), ["thuiszitters", "verzuimers_18min", "vsv_nieuw", "aanbod_binnen_3_maanden"]);
        // 4 → streef 3,6 → 4; actueel T4, T5, T6 = 3: −25,0 %, on target.
        assert_eq!(rij(&t, "thuiszitters"), w(&[4.0, 4.0, 3.0, -25.0, 1.0]));
        // 5 → 4,5 → 5 (half-up); 6: +20,0 %, not on target.
        assert_eq!(rij(&t, "verzuimers_18min"), w(&[5.0, 5.0, 6.0, 20.0, 0.0]));
        // 3 → 2,7 → 3; 1: −66,67 → −66,7 %.
        assert_eq!(rij(&t, "vsv_nieuw"), w(&[3.0, 3.0, 1.0, -66.7, 1.0]));
        // 50 % then 100 %; the norm is every thuiszitter, no change figure.
        assert_eq!(
            rij(&t, "aanbod_binnen_3_maanden"),
            leeg_of(&[Some(50.0), Some(100.0), Some(100.0), None, Some(1.0)])
        );
        klopt(&t);
        // The same counts as the tables that define them.
        let thuis = tabel(&db.store, "regio", "thuiszitters").await;
        assert_eq!(thuis.cel("aantal", "totaal_2020_2021"), t.cel("thuiszitters", "actueel"));
        let vsv = tabel(&db.store, "regio", "vsv_nieuw").await;
        assert_eq!(vsv.cel("totaal", "vsv"), t.cel("vsv_nieuw", "actueel"));

        // Kustmond: no verzuim of its own in the register; its thuiszitters and VSV are none.
        let t = tabel(&db.store, "gemeente:GM9933", "doelen").await;
        assert_eq!(rij(&t, "verzuimers_18min"), [None; 5]);
        assert_eq!(rij(&t, "thuiszitters"), [Some(0.0), Some(0.0), Some(0.0), None, Some(1.0)]);
        // Beekveld: T6 is too early to judge, so no share.
        let t = tabel(&db.store, "gemeente:GM9932", "doelen").await;
        assert_eq!(rij(&t, "aanbod_binnen_3_maanden"), [None, Some(100.0), None, None, None]);
    }
}

// ---------------------------------------------------------------------------------------------
// factsheet_gemeente (seed 001).
// ---------------------------------------------------------------------------------------------

fn factsheet(ds: &mut Dataset) {
    use Onderwijssoort::*;
    use VrijstellingStatus::*;
    // --- Akkerdorp, leerplicht. Youths of 5-17 on 1 October 2020: Aaf, Bep, Cor, Dok, Eef, Fay,
    // Gus, Hen = 8, of whom Aaf, Bep, Eef, Gus, Hen enrolled: 62,5 %.
    // Aaf: luxe (in her zaak, closed 1 December) and signaal after it → recidive.
    jongere(ds, "J-AAF", "2008-01-01", AKKERDORP);
    school(ds, "J-AAF", Vo, "2020-08-01", None);
    zaak(ds, "Z-AAF", "J-AAF", ZaakSoort::RelatiefVerzuim, "2020-10-12", Some(("2020-12-01", "verzuim_gestopt")));
    melding(ds, "M-AAF-1", "J-AAF", "luxe", "2020-10-10", Some("Z-AAF"));
    melding(ds, "M-AAF-2", "J-AAF", "signaal", "2021-01-10", None);
    // Bep: 16 uur (signaal on the sheet), zaak closed, not again.
    jongere(ds, "J-BEP", "2009-02-02", AKKERDORP);
    school(ds, "J-BEP", Bao, "2013-08-01", None);
    zaak(ds, "Z-BEP", "J-BEP", ZaakSoort::RelatiefVerzuim, "2020-11-12", Some(("2021-02-01", "verzuim_gestopt")));
    melding(ds, "M-BEP", "J-BEP", "wettelijk_16_uur", "2020-11-11", Some("Z-BEP"));
    // Cor and Dok: absoluut verzuim; Cor enrols a month later, Dok does not.
    jongere(ds, "J-COR", "2007-03-03", AKKERDORP);
    school(ds, "J-COR", Vo, "2019-08-01", Some("2020-06-30"));
    melding(ds, "M-COR", "J-COR", "absoluut", "2020-10-05", None);
    school(ds, "J-COR", Vo, "2020-11-01", None);
    jongere(ds, "J-DOK", "2006-04-04", AKKERDORP);
    melding(ds, "M-DOK", "J-DOK", "absoluut", "2021-03-01", None);
    // Eef moves to Beekveld on 1 January 2021: luxe in Akkerdorp, signaal in Beekveld; a youth
    // with verzuim in each.
    jongere(ds, "J-EEF", "2008-05-05", AKKERDORP);
    verhuist(ds, "J-EEF", "2021-01-01", BEEKVELD);
    school(ds, "J-EEF", Vo, "2020-08-01", None);
    melding(ds, "M-EEF-1", "J-EEF", "luxe", "2020-11-20", None);
    melding(ds, "M-EEF-2", "J-EEF", "signaal", "2021-02-02", None);
    // Fay: vrijstelling 5 sub a since 2019, running; her request for 5 sub b this year was refused.
    jongere(ds, "J-FAY", "2010-06-06", AKKERDORP);
    aanvraag(ds, "J-FAY", "art5_sub_a", "2019-08-15", Toegekend, Some(("2019-09-01", None)));
    aanvraag(ds, "J-FAY", "art5_sub_b", "2021-03-01", Afgewezen, None);
    // Gus: leave (11 sub g) from 21 September to 15 October 2020, requested this year: running on
    // 1 October and granted.
    jongere(ds, "J-GUS", "2011-07-07", AKKERDORP);
    school(ds, "J-GUS", Bao, "2015-08-01", None);
    aanvraag(ds, "J-GUS", "art11_sub_g", "2020-09-15", Toegekend, Some(("2020-09-21", Some("2020-10-15"))));
    // Hen: a request for art. 15 in behandeling.
    jongere(ds, "J-HEN", "2005-07-07", AKKERDORP);
    school(ds, "J-HEN", Vo, "2017-08-01", None);
    aanvraag(ds, "J-HEN", "art15", "2021-06-01", InBehandeling, None);

    // --- Akkerdorp, RMC (all 18 or older on 1 October 2020).
    // VSV of the year: Ida to work, Jan back to school, Kay a P-wet benefit.
    jongere(ds, "J-IDA", "2002-01-01", AKKERDORP);
    school(ds, "J-IDA", Mbo, "2019-08-01", Some("2020-11-30"));
    vsv_melding(ds, "J-IDA", "2020-12-01", Mbo, Some(Niveau::Mbo2));
    traject(ds, "J-IDA", TrajectSoort::Regulier, "2020-12-02", "2020-12-05", Some(("2021-03-01", "werk")));
    jongere(ds, "J-JAN", "2001-02-02", AKKERDORP);
    school(ds, "J-JAN", Mbo, "2019-08-01", Some("2021-01-31"));
    vsv_melding(ds, "J-JAN", "2021-02-01", Mbo, Some(Niveau::Mbo2));
    school(ds, "J-JAN", Mbo, "2021-05-01", None);
    jongere(ds, "J-KAY", "2002-03-03", AKKERDORP);
    vsv_melding(ds, "J-KAY", "2021-03-01", Mbo, Some(Niveau::Mbo2));
    traject(ds, "J-KAY", TrajectSoort::Regulier, "2021-03-02", "2021-03-03", Some(("2021-06-01", "jikp_pwet")));
    // Oud-VSV on 1 October 2020: Lex (to work) and Mel (back to school in January). Not Noa (23 on
    // 1 October) and not Ole (havo diploma in 2020).
    jongere(ds, "J-LEX", "2000-05-05", AKKERDORP);
    vsv_melding(ds, "J-LEX", "2019-03-01", Mbo, Some(Niveau::Mbo2));
    traject(ds, "J-LEX", TrajectSoort::Regulier, "2020-10-05", "2020-10-10", Some(("2021-02-01", "werk")));
    jongere(ds, "J-MEL", "1998-11-11", AKKERDORP);
    vsv_melding(ds, "J-MEL", "2018-06-01", Mbo, Some(Niveau::Mbo2));
    school(ds, "J-MEL", Mbo, "2021-01-04", None);
    jongere(ds, "J-NOA", "1997-10-01", AKKERDORP);
    vsv_melding(ds, "J-NOA", "2019-02-01", Mbo, Some(Niveau::Mbo2));
    jongere(ds, "J-OLE", "2001-06-06", AKKERDORP);
    vsv_melding(ds, "J-OLE", "2019-09-01", Vo, Some(Niveau::Havo));
    diploma(ds, "J-OLE", DiplomaSoort::Havo, "2020-07-01", DUINLYCEUM.0);
    // JIKP pupils on 1 October 2019 (all 18 by 1 October 2020): Pia stays in pro, Uul in vso; Rik
    // goes from Entree to mbo 2, Sam from vmbo-basis to Entree; Qui (vso) and Tim (Entree) leave
    // school: Qui has a Wajong benefit, Tim no known income.
    let (mbo1, mbo2, bb) = (Some(Niveau::Mbo1), Some(Niveau::Mbo2), Some(Niveau::VmboBb));
    let arbeid = Some(VsoProfiel::Arbeidsmarkt);
    jongere(ds, "J-PIA", "2002-02-02", AKKERDORP);
    inschrijving(ds, "J-PIA", DUINLYCEUM, Pro, None, None, "2016-08-01", None);
    jongere(ds, "J-UUL", "2002-02-03", AKKERDORP);
    inschrijving(ds, "J-UUL", DE_BRANDING, Vso, None, arbeid, "2016-08-01", None);
    jongere(ds, "J-RIK", "2002-02-04", AKKERDORP);
    inschrijving(ds, "J-RIK", ROC, Mbo, mbo1, None, "2019-08-01", Some("2020-07-31"));
    inschrijving(ds, "J-RIK", ROC, Mbo, mbo2, None, "2020-08-01", None);
    jongere(ds, "J-SAM", "2002-02-05", AKKERDORP);
    inschrijving(ds, "J-SAM", DUINLYCEUM, Vo, bb, None, "2016-08-01", Some("2020-07-31"));
    inschrijving(ds, "J-SAM", ROC, Mbo, mbo1, None, "2020-08-01", None);
    jongere(ds, "J-QUI", "2002-02-06", AKKERDORP);
    inschrijving(ds, "J-QUI", DE_BRANDING, Vso, None, arbeid, "2016-08-01", Some("2020-07-31"));
    traject(ds, "J-QUI", TrajectSoort::Regulier, "2020-09-01", "2020-09-07", Some(("2021-01-15", "jikp_wajong")));
    jongere(ds, "J-TIM", "2002-02-07", AKKERDORP);
    inschrijving(ds, "J-TIM", ROC, Mbo, mbo1, None, "2019-08-01", Some("2020-06-30"));

    // --- Beekveld: Vera (5-17, enrolled); Eef's signaal after her move.
    jongere(ds, "J-VERA", "2010-01-01", BEEKVELD);
    school(ds, "J-VERA", Bao, "2014-08-01", None);

    // --- Kustmond (own leerplicht): Wim (5-17, enrolled); Xem drops out of MBO (RMC: counted).
    jongere(ds, "J-WIM", "2009-01-01", KUSTMOND);
    school(ds, "J-WIM", Bao, "2013-08-01", None);
    jongere(ds, "J-XEM", "2001-03-03", KUSTMOND);
    vsv_melding(ds, "J-XEM", "2020-10-15", Mbo, Some(Niveau::Mbo2));
}

/// The factsheet's register with three more JIKP pupils of 1 October 2019, for `vsv_bestemming`'s
/// JIKP rows: Isa goes from Entree to mbo 2 and leaves with its diploma (a startkwalificatie); Vigo
/// leaves pro and moves abroad; Wout leaves Entree and finds work through the RMC.
fn jikp_bestemming(ds: &mut Dataset) {
    factsheet(ds);
    let (mbo1, mbo2) = (Some(Niveau::Mbo1), Some(Niveau::Mbo2));
    jongere(ds, "J-ISA", "2002-03-01", AKKERDORP);
    inschrijving(ds, "J-ISA", ROC, Onderwijssoort::Mbo, mbo1, None, "2019-08-01", Some("2020-07-31"));
    inschrijving(ds, "J-ISA", ROC, Onderwijssoort::Mbo, mbo2, None, "2020-08-01", Some("2021-06-30"));
    diploma(ds, "J-ISA", DiplomaSoort::Mbo2, "2021-06-30", ROC.0);
    jongere(ds, "J-VIGO", "2002-03-02", BEEKVELD);
    inschrijving(ds, "J-VIGO", DUINLYCEUM, Onderwijssoort::Pro, None, None, "2016-08-01", Some("2020-07-31"));
    vertrekt(ds, "J-VIGO", "2021-01-31");
    jongere(ds, "J-WOUT", "2002-03-03", AKKERDORP);
    inschrijving(ds, "J-WOUT", ROC, Onderwijssoort::Mbo, mbo1, None, "2019-08-01", Some("2020-12-31"));
    traject(ds, "J-WOUT", TrajectSoort::Regulier, "2021-01-04", "2021-01-11", Some(("2021-05-01", "werk")));
    // Qui's Wajong ended with her traject in January; in May the RMC hears she works: the newer news.
    ds.dagbestedingen.push(Dagbesteding {
        id: "DB-QUI".into(),
        jongere: "J-QUI".into(),
        datum: d("2021-05-03"),
        soort: "werk".into(),
        medewerker: None,
        toelichting: "Werkt in een kwekerij".into(),
    });
    // Tim lives on a benefit from the gemeente.
    ds.dagbestedingen.push(Dagbesteding {
        id: "DB-TIM".into(),
        jongere: "J-TIM".into(),
        datum: d("2021-02-01"),
        soort: "uitkering_gemeente".into(),
        medewerker: None,
        toelichting: String::new(),
    });
}

// Seed 002, "Bestemming jkp": the JIKP pupils of 1 October 2019 on 31 July 2021.
#[tokio::test]
async fn vsv_bestemming_follows_the_jikp_cohort_to_the_end_of_the_verslagjaar() {
    for db in oostkust(jikp_bestemming).await {
        let t = tabel(&db.store, "regio", "vsv_bestemming").await;
        klopt(&t);
        let jikp: Vec<&str> = t.rows.iter().map(|r| r.key.as_str()).filter(|k| k.starts_with("jikp_")).collect();
        assert_eq!(
            jikp,
            [
                "jikp_volgt_opleiding",
                "jikp_werk",
                "jikp_uitkering",
                "jikp_startkwalificatie",
                "jikp_verhuisd",
                "jikp_in_begeleiding",
                "jikp_onbekend",
                "jikp_totaal"
            ]
        );
        // Pia (pro), Uul (vso), Rik (mbo 2), Sam (Entree) are at school.
        assert_eq!(t.cel("jikp_volgt_opleiding", "aantal"), Some(4.0));
        // Wout by his traject; Qui by the dagbesteding recorded after her traject closed.
        assert_eq!(t.cel("jikp_werk", "aantal"), Some(2.0), "Wout, Qui");
        assert_eq!(t.cel("jikp_uitkering", "aantal"), Some(1.0), "Tim's uitkering of the gemeente");
        assert_eq!(t.cel("jikp_startkwalificatie", "aantal"), Some(1.0), "Isa");
        assert_eq!(t.cel("jikp_verhuisd", "aantal"), Some(1.0), "Vigo");
        assert_eq!(t.cel("jikp_in_begeleiding", "aantal"), Some(0.0));
        assert_eq!(t.cel("jikp_onbekend", "aantal"), Some(0.0));
        assert_eq!(t.cel("jikp_totaal", "aantal"), Some(9.0));
        // By residence on 1 October 2019: Vigo lived in Beekveld.
        let t = tabel(&db.store, "gemeente:GM9932", "vsv_bestemming").await;
        assert_eq!(t.cel("jikp_verhuisd", "aantal"), Some(1.0));
        assert_eq!(t.cel("jikp_totaal", "aantal"), Some(1.0));
    }
}

#[tokio::test]
async fn factsheet_one_column_per_gemeente_from_the_tables_that_define_each_figure() {
    for db in oostkust(factsheet).await {
        let t = tabel(&db.store, "regio", "factsheet_gemeente").await;
        assert_eq!(kolommen(&t), [AKKERDORP, BEEKVELD, KUSTMOND]);
        assert_eq!(t.columns[0].label, "Akkerdorp");
        let n = |v: f64| Some(v);
        let verwacht: &[(&str, [Option<f64>; 3])] = &[
            ("jongeren_5_17", [n(8.0), n(1.0), n(1.0)]),
            // 5 of 8: 62,5 % (1 decimal, as ingeschreven_pct).
            ("ingeschreven_pct", [n(62.5), n(100.0), n(100.0)]),
            // Aaf, Eef (before her move); Kustmond's leerplicht is its own: empty.
            ("meldingen_luxe", [n(2.0), n(0.0), None]),
            // Aaf's signaal, Bep's 16 uur; Eef after her move.
            ("meldingen_signaal", [n(2.0), n(1.0), None]),
            ("jongeren_verzuim", [n(3.0), n(1.0), None]),
            // Aaf and Bep's zaken closed; Aaf reported again: 1 of 2 did not → 50 %.
            ("niet_opnieuw_pct", [n(50.0), None, None]),
            ("meldingen_absoluut", [n(2.0), n(0.0), None]),
            ("absoluut_naar_school", [n(1.0), n(0.0), None]),
            ("absoluut_naar_school_pct", [n(50.0), None, None]),
            // Ida, Jan, Kay; Xem in Kustmond (RMC is the region's there too).
            ("vsv_meldingen", [n(3.0), n(0.0), n(1.0)]),
            ("vsv_werk", [n(1.0), n(0.0), n(0.0)]),
            ("vsv_school_sq", [n(1.0), n(0.0), n(0.0)]),
            ("vsv_uitkering_zorg", [n(1.0), n(0.0), n(0.0)]),
            ("oud_vsv_gevolgd", [n(2.0), n(0.0), n(0.0)]),
            ("oud_vsv_werk", [n(1.0), n(0.0), n(0.0)]),
            ("oud_vsv_uitkering", [n(0.0), n(0.0), n(0.0)]),
            ("oud_vsv_school", [n(1.0), n(0.0), n(0.0)]),
            ("jikp_gevolgd", [n(2.0), n(0.0), n(0.0)]),
            ("jikp_werk", [n(0.0), n(0.0), n(0.0)]),
            ("jikp_uitkering", [n(1.0), n(0.0), n(0.0)]),
            ("jikp_geen_inkomen", [n(1.0), n(0.0), n(0.0)]),
            ("jikp_pro", [n(1.0), n(0.0), n(0.0)]),
            ("jikp_vso", [n(1.0), n(0.0), n(0.0)]),
            ("jikp_entree", [n(1.0), n(0.0), n(0.0)]),
            ("jikp_mbo2_4", [n(1.0), n(0.0), n(0.0)]),
            ("vrijstelling_art_3a", [n(0.0), n(0.0), None]),
            ("vrijstelling_art_3b", [n(0.0), n(0.0), None]),
            ("vrijstelling_art_5a", [n(1.0), n(0.0), None]),
            ("vrijstelling_art_5b", [n(0.0), n(0.0), None]),
            ("vrijstelling_art_5c", [n(0.0), n(0.0), None]),
            ("vrijstelling_art_5a_trekkend", [n(0.0), n(0.0), None]),
            ("vrijstelling_art_11g", [n(1.0), n(0.0), None]),
            ("vrijstelling_art_15", [n(0.0), n(0.0), None]),
            ("aanvragen_toegekend", [n(1.0), n(0.0), None]),
            ("aanvragen_afgewezen", [n(1.0), n(0.0), None]),
            ("aanvragen_in_behandeling", [n(1.0), n(0.0), None]),
        ];
        assert_eq!(rijen(&t), verwacht.iter().map(|(k, _)| *k).collect::<Vec<_>>());
        for (key, cellen) in verwacht {
            assert_eq!(rij(&t, key), cellen.to_vec(), "{key}");
        }
        klopt(&t);

        // One gemeente: its own column, the same figures.
        let t = tabel(&db.store, "gemeente:GM9932", "factsheet_gemeente").await;
        assert_eq!(kolommen(&t), [BEEKVELD]);
        assert_eq!(rij(&t, "meldingen_signaal"), w(&[1.0]));
        assert_eq!(rij(&t, "jongeren_5_17"), w(&[1.0]));
    }
}
