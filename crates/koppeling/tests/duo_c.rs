//! DUO's C-levering in Zuidkust (the casework stories' region), against SQLite and PostgreSQL:
//! held against the register on its peildatum, which it does not change.
#[path = "../../casework/tests/common/mod.rs"]
mod common;
use common::*;
use leerspoor_koppeling::duo_c::{self, KOPPELTABEL, Soort, Vergelijking};
use leerspoor_koppeling::levering::Koppeltabel;
use leerspoor_koppeling::logboek::{Aanbod, KoppelFout};
use leerspoor_koppeling::records::{Levering, Uitkomst};
use leerspoor_store::Store;

/// 1 October 2020: Sara at the Duinlyceum as the register has it; Lieke at the ROC's location
/// instead of De Wieken; Emma and Daan not at all; Noor (19) neither; someone the register does not
/// know; one row on onderwijsnummer; Kevin (24) at the ROC, which the register does not know of.
const OKTOBER: &str = "Peildatum;BSN;BRIN;Vestiging;Vrijstelling
01-10-2020;111222333;10AB;00;N
01-10-2020;100000009;30EF;01;N
01-10-2020;100000046;10AB;00;N
01-10-2020;101222331;20CD;00;N
01-10-2020;100000022;30EF;01;N
";

async fn vergelijk(
    store: &Store,
    inhoud: &str,
    peildatum: Option<&str>,
    proef: bool,
) -> Result<Vergelijking, KoppelFout> {
    let tabel = Koppeltabel::lees("duo-c.toml", KOPPELTABEL).unwrap();
    let aanbod = Aanbod { bron: duo_c::BRON, bestand: "c-levering.csv", bytes: inhoud.as_bytes() };
    duo_c::vergelijk(store, &mw(store, ADMIN).await, aanbod, peildatum.map(d), &tabel, proef).await
}

#[tokio::test]
async fn a_c_levering_names_who_must_be_enrolled_but_is_not_at_duo_and_every_other_difference() {
    for db in regio().await {
        let s = &db.store;
        let voor = s.aantal("inschrijving").await.unwrap();
        let v = vergelijk(s, OKTOBER, None, false).await.unwrap();
        let gevonden: Vec<(Soort, Option<&str>, &str, &str)> = v
            .verschillen
            .iter()
            .map(|d| (d.soort, d.jongere.as_deref(), d.register.as_str(), d.duo.as_str()))
            .collect();
        assert_eq!(
            gevonden,
            [
                // Daan (16, no startkwalificatie) is in no school by either account; Emma (8) is
                // at De Wieken by the register, not by DUO: both must be enrolled.
                (Soort::KandidaatAbsoluutVerzuim, Some(DAAN), "", ""),
                (Soort::KandidaatAbsoluutVerzuim, Some(EMMA), "20CD/00", ""),
                (Soort::AndereSchool, Some(LIEKE), "20CD/00", "30EF/01"),
                (Soort::AlleenBijDuoIngeschreven, Some(KEVIN), "", "30EF/01"),
                // Noor is 19: no longer kwalificatieplichtig, still a difference.
                (Soort::AlleenInRegister, Some(NOOR), "30EF/01", ""),
                (Soort::AlleenBijDuo, None, "", "10AB/00"),
            ]
        );
        assert_eq!((v.jongeren_bij_duo, v.onderwijsnummers), (4, 1));
        assert_eq!(s.aantal("inschrijving").await.unwrap(), voor, "the register does not change");
        let log: Levering = s.lees_een(&v.levering.id).await.unwrap().unwrap();
        assert_eq!((log.uitkomst, log.periode.as_deref(), log.rijen), (Uitkomst::Vergeleken, Some("2020-10-01"), 5));
        assert!(log.samenvatting.contains("kandidaat absoluut verzuim"), "{}", log.samenvatting);
        let csv = duo_c::als_csv(&v);
        assert!(
            csv.contains(&format!("bij DUO op een andere school dan in het register;{LIEKE};3;20CD/00;30EF/01")),
            "{csv}"
        );
        assert!(!csv.contains("100000046") && !csv.contains("111222333"), "no BSN in the file: {csv}");
    }
}

#[tokio::test]
async fn a_c_levering_needs_one_peildatum_and_a_trial_records_nothing() {
    for db in regio().await {
        let s = &db.store;
        let zonder = "BSN;BRIN;Vestiging\n111222333;10AB;00\n";
        let fout = |uit: Result<Vergelijking, KoppelFout>| match uit {
            Err(KoppelFout::Geweigerd { fouten, .. }) => fouten.iter().map(ToString::to_string).collect::<Vec<_>>(),
            other => panic!("een weigering verwacht: {other:?}"),
        };
        assert_eq!(
            fout(vergelijk(s, zonder, None, true).await),
            ["het bestand noemt geen peildatum: geef de peildatum op (--peildatum)"]
        );
        assert_eq!(
            fout(vergelijk(s, OKTOBER, Some("2020-10-02"), true).await),
            ["het bestand is van peildatum 2020-10-01, opgegeven is peildatum 2020-10-02"]
        );
        let twee = "Peildatum;BSN;BRIN;Vestiging\n01-10-2020;111222333;10AB;00\n01-11-2020;100000009;;\n";
        let f = fout(vergelijk(s, twee, None, true).await);
        assert!(
            f.iter().any(|f| f.contains("rij 3, kolom Peildatum: peildatum 2020-11-01 in een levering van 2020-10-01")),
            "{f:?}"
        );
        assert!(f.iter().any(|f| f.contains("rij 3, kolom BRIN: leeg")), "{f:?}");
        let v = vergelijk(s, zonder, Some("2020-10-01"), true).await.unwrap();
        assert!(v.proef && !v.verschillen.is_empty());
        assert!(s.lees::<Levering>().await.unwrap().is_empty(), "a trial records nothing");
    }
}
