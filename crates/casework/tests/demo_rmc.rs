//! The demo region's RMC results are of the same order as the seed's (seed 000 Tabel 10), so the
//! reports and screens built on them look like a real office's.
use leerspoor_domain::SchoolJaar;
use leerspoor_domain::rules::traject;

/// Seed 000 Tabel 10, column "Totaal" for 2019-2020 and 2020-2021, per outcome code; `u32::MAX`
/// where the seed has no figure (the row "behoort niet tot de doelgroep" is new in 2020-2021).
const GEEN: u32 = u32::MAX;
const TABEL_10: &[(&str, u32, u32)] = &[
    ("scholing", 374, 364),
    ("werk_en_scholing", 10, 10),
    ("stage_wet", 16, 10),
    ("opvangvoorziening", 39, 41),
    ("werk", 451, 478),
    ("niet_herplaatst", 389, 445),
    ("geen_rmc_vsv", 23, 8),
    ("overig_verhuisd", 161, 289),
    ("niet_doelgroep", GEEN, 96),
    ("nog_in_traject", 306, 152),
    ("jikp_arbeid", 176, 479),
    ("jikp_pwet", 7, 214),
    ("jikp_wajong", 18, 201),
    ("jikp_ketenpartner", 42, 304),
    ("buitenlands_onderwijs", 1, 4),
    ("statushouder_inburgering", 2, 23),
    ("statushouder_scholing", 1, 0),
];

#[test]
fn the_demo_regions_rmc_results_are_of_the_order_of_tabel_10() {
    let ds = leerspoor_demo::genereer(&leerspoor_demo::DemoOpties::default());
    for (jaar, kolom, totaal) in [(2019, 1, 2015), (2020, 2, 3118)] {
        let tabel = traject::resultaten(&ds.rmc_trajecten, SchoolJaar::beginnend_in(jaar));
        let demo = |code: &str| tabel.get(code).map_or(0, |v| v[0] + v[1]);
        let n: u32 = tabel.values().map(|v| v[0] + v[1]).sum();
        assert!(n.abs_diff(totaal) * 20 <= totaal, "{jaar}: {n} RMC-ers, Tabel 9: {totaal}");
        for &(code, a, b) in TABEL_10 {
            let (seed, demo) = (if kolom == 1 { a } else { b }, demo(code));
            if seed == GEEN {
                continue;
            }
            // The same order of magnitude; the big rows within a factor 2,5.
            assert!(demo <= 10 * seed.max(1) && seed <= 10 * demo.max(1), "{jaar} {code}: demo {demo}, seed {seed}");
            if seed >= 100 {
                assert!(5 * demo >= 2 * seed && 2 * demo <= 5 * seed, "{jaar} {code}: demo {demo}, seed {seed}");
            }
        }
        assert!(tabel.keys().all(|k| TABEL_10.iter().any(|(c, _, _)| c == k)), "alleen codes uit Tabel 10");
    }
}
