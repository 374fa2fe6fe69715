//! The fictional region: gemeenten, schools and the office's staff.
use crate::kalender::{Datum, Rng, d, index, kans, kies};
use crate::namen;
use leerspoor_domain::model::Rol;

pub(crate) const REGIO_CODE: &str = "RMC99";
pub(crate) const REGIO_NAAM: &str = "Regio Duinkust";

/// (code, naam) of the subregio's; "zuid" does leerplicht regionally, "noord" locally.
pub(crate) const SUBREGIOS: [(&str, &str); 2] = [("zuid", "Duinkust-Zuid"), ("noord", "Duinkust-Noord")];

pub(crate) struct GemeenteDef {
    pub code: &'static str,
    pub naam: &'static str,
    /// In subregio "zuid" (regional leerplicht); otherwise "noord" (leerplicht lokaal).
    pub zuid: bool,
    /// Relative size (inhabitants in thousands of the real gemeente it is modelled on).
    pub gewicht: f64,
    pub pc_van: u32,
    pub pc_aantal: u32,
}

/// Sizes like Haarlem, Bloemendaal, Heemstede, Zandvoort (zuid) and Velsen, Beverwijk, Heemskerk
/// (noord); codes in the GM99xx range, which CBS does not use.
pub(crate) const GEMEENTEN: [GemeenteDef; 7] = [
    GemeenteDef { code: "GM9901", naam: "Zilverkust", zuid: true, gewicht: 162.0, pc_van: 9100, pc_aantal: 80 },
    GemeenteDef { code: "GM9902", naam: "Lindeduin", zuid: true, gewicht: 23.0, pc_van: 9180, pc_aantal: 10 },
    GemeenteDef { code: "GM9903", naam: "Helmrade", zuid: true, gewicht: 27.0, pc_van: 9190, pc_aantal: 10 },
    GemeenteDef { code: "GM9904", naam: "Meeuwstrand", zuid: true, gewicht: 17.0, pc_van: 9200, pc_aantal: 8 },
    GemeenteDef { code: "GM9905", naam: "Havenmonde", zuid: false, gewicht: 68.0, pc_van: 9300, pc_aantal: 40 },
    GemeenteDef { code: "GM9906", naam: "Wierwijk", zuid: false, gewicht: 41.0, pc_van: 9340, pc_aantal: 20 },
    GemeenteDef { code: "GM9907", naam: "Kroonkerk", zuid: false, gewicht: 39.0, pc_van: 9360, pc_aantal: 20 },
];

pub(crate) fn is_zuid(gemeente: u8) -> bool {
    GEMEENTEN[usize::from(gemeente)].zuid
}

pub(crate) fn subregio(gemeente: u8) -> usize {
    usize::from(!is_zuid(gemeente))
}

pub(crate) fn gemeente_gewichten() -> [f64; 7] {
    GEMEENTEN.map(|g| g.gewicht)
}

/// Kinds of school (a school location teaches one onderwijssoort).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Soort {
    Bao,
    Sbo,
    So,
    Vso,
    Vo,
    Pro,
    Mbo,
    Vavo,
    Onbekend,
}

impl Soort {
    const AANTAL: usize = 9;

    fn idx(self) -> usize {
        self as usize
    }
}

pub(crate) struct SchoolInfo {
    pub brin: String,
    pub vestiging: &'static str,
    pub naam: String,
    pub gemeente: Option<u8>,
}

pub(crate) struct MedewerkerInfo {
    pub naam: String,
    pub email: String,
    pub rol: Rol,
    pub boa: bool,
    pub fte: f64,
    pub gemeente: Option<u8>,
    pub in_dienst: Datum,
    pub uit_dienst: Option<Datum>,
}

impl MedewerkerInfo {
    pub(crate) fn actief(&self, van: Datum, tot: Datum) -> bool {
        self.in_dienst <= van && self.uit_dienst.is_none_or(|u| tot <= u)
    }
}

pub(crate) struct Wereld {
    pub scholen: Vec<SchoolInfo>,
    per_gemeente: Vec<[Vec<u32>; 7]>,
    per_subregio: Vec<[Vec<u32>; 2]>,
    alle: Vec<Vec<u32>>,
    pub medewerkers: Vec<MedewerkerInfo>,
}

const VESTIGINGEN: [&str; 4] = ["00", "01", "02", "03"];

/// BRIN number `n`: "99AA", "99AB", … then "98AA", …; real BRINs do not start this high.
fn brin(n: usize) -> String {
    let prefix = 99 - (n / 676) % 100;
    let a = (b'A' + ((n % 676) / 26) as u8) as char;
    let b = (b'A' + (n % 26) as u8) as char;
    let mut s = format!("{prefix:02}");
    s.push(a);
    s.push(b);
    s
}

/// Order in which a kind with few schools is spread over the gemeenten: both subregio's first.
const ROTATIE: [u8; 14] = [0, 4, 0, 5, 2, 6, 0, 4, 1, 3, 0, 5, 2, 6];

/// How many of `n` schools each gemeente gets: few schools rotate, many follow the sizes with at
/// least `minimum` each.
fn verdeel(n: usize, minimum: usize) -> [usize; 7] {
    let mut uit = [0usize; 7];
    if n < 7 * minimum.max(1) {
        for i in 0..n {
            uit[usize::from(ROTATIE[i % ROTATIE.len()])] += 1;
        }
        return uit;
    }
    let vrij = n - 7 * minimum;
    let totaal: f64 = GEMEENTEN.iter().map(|g| g.gewicht).sum();
    let mut resten: Vec<(f64, usize)> = Vec::with_capacity(7);
    let mut verdeeld = 0;
    for (i, g) in GEMEENTEN.iter().enumerate() {
        let x = vrij as f64 * g.gewicht / totaal;
        uit[i] = minimum + x.floor() as usize;
        verdeeld += x.floor() as usize;
        resten.push((x - x.floor(), i));
    }
    resten.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in resten.into_iter().take(vrij - verdeeld) {
        uit[i] += 1;
    }
    uit
}

fn geschaald(basis: f64, scale: f64, minimum: usize) -> usize {
    ((basis * scale).round() as usize).max(minimum)
}

impl Wereld {
    pub(crate) fn nieuw(rng: &mut Rng, scale: f64) -> Wereld {
        let mut w = Wereld {
            scholen: Vec::new(),
            per_gemeente: (0..Soort::AANTAL).map(|_| Default::default()).collect(),
            per_subregio: (0..Soort::AANTAL).map(|_| Default::default()).collect(),
            alle: vec![Vec::new(); Soort::AANTAL],
            medewerkers: Vec::new(),
        };
        let mut n_brin = 0usize;
        let mut naam_i = 0usize;
        let mut volgende_naam = |rng: &mut Rng| {
            naam_i += 1 + index(rng, 3);
            namen::SCHOOLNAMEN[naam_i % namen::SCHOOLNAMEN.len()]
        };

        // Basisonderwijs: one location per BRIN.
        for (g, n) in verdeel(geschaald(100.0, scale, 7), 1).into_iter().enumerate() {
            for _ in 0..n {
                let naam = format!("{} {}", kies(rng, namen::BAO_VOORVOEGSEL), volgende_naam(rng));
                w.voeg_toe(Soort::Bao, brin(n_brin), 0, naam, Some(g as u8));
                n_brin += 1;
            }
        }
        for (g, n) in verdeel(geschaald(4.0, scale, 2), 1).into_iter().enumerate() {
            for _ in 0..n {
                let naam = format!("SBO {}", volgende_naam(rng));
                w.voeg_toe(Soort::Sbo, brin(n_brin), 0, naam, Some(g as u8));
                n_brin += 1;
            }
        }
        // Expertisecentra: SO at vestiging 00, VSO at 01 of the same BRIN.
        for (g, n) in verdeel(geschaald(3.0, scale, 2), 1).into_iter().enumerate() {
            for _ in 0..n {
                let kern = volgende_naam(rng);
                w.voeg_toe(Soort::So, brin(n_brin), 0, format!("SO Expertisecentrum {kern}"), Some(g as u8));
                w.voeg_toe(Soort::Vso, brin(n_brin), 1, format!("VSO Expertisecentrum {kern}"), Some(g as u8));
                n_brin += 1;
            }
        }
        // Voortgezet onderwijs: some schools have two locations.
        let mut vo_i = 0usize;
        for (g, n) in verdeel(geschaald(18.0, scale, 2), 1).into_iter().enumerate() {
            let mut over = n;
            while over > 0 {
                let vestigingen = if over >= 2 && kans(rng, 0.3) { 2 } else { 1 };
                let basis = namen::VO_NAMEN[vo_i % namen::VO_NAMEN.len()];
                vo_i += 1;
                for v in 0..vestigingen {
                    let naam = if vestigingen == 1 {
                        format!("{basis} {}", GEMEENTEN[g].naam)
                    } else {
                        format!("{basis} {} locatie {}", GEMEENTEN[g].naam, v + 1)
                    };
                    w.voeg_toe(Soort::Vo, brin(n_brin), v, naam, Some(g as u8));
                }
                n_brin += 1;
                over -= vestigingen;
            }
        }
        for (g, n) in verdeel(geschaald(2.0, scale, 2), 1).into_iter().enumerate() {
            for _ in 0..n {
                let naam = format!("Praktijkschool {} {}", volgende_naam(rng), GEMEENTEN[g].naam);
                w.voeg_toe(Soort::Pro, brin(n_brin), 0, naam, Some(g as u8));
                n_brin += 1;
            }
        }
        // MBO: an instelling has up to four locations, spread over the region.
        let n_mbo = geschaald(5.0, scale, 2);
        let verdeling = verdeel(n_mbo, 1);
        let mut locaties: Vec<u8> = Vec::with_capacity(n_mbo);
        for (g, n) in verdeling.iter().enumerate() {
            locaties.extend(std::iter::repeat_n(g as u8, *n));
        }
        for (i, chunk) in locaties.chunks(4).enumerate() {
            let naam = if i == 0 { "ROC Duinkust".to_string() } else { format!("ROC Duinkust {}", i + 1) };
            for (v, g) in chunk.iter().enumerate() {
                let loc = format!("{naam} locatie {}", GEMEENTEN[usize::from(*g)].naam);
                w.voeg_toe(Soort::Mbo, brin(n_brin), v, loc, Some(*g));
            }
            n_brin += 1;
        }
        for (g, n) in verdeel(geschaald(1.0, scale, 1), 1).into_iter().enumerate() {
            for _ in 0..n {
                let naam = format!("VAVO Duinkust {}", GEMEENTEN[g].naam);
                w.voeg_toe(Soort::Vavo, brin(n_brin), 0, naam, Some(g as u8));
                n_brin += 1;
            }
        }
        for (g, n) in verdeel(geschaald(1.0, scale, 1), 1).into_iter().enumerate() {
            for _ in 0..n {
                let naam = format!("Particuliere school De Vrije Horizon {}", GEMEENTEN[g].naam);
                w.voeg_toe(Soort::Onbekend, brin(n_brin), 0, naam, Some(g as u8));
                n_brin += 1;
            }
        }
        w.medewerkers = medewerkers(scale);
        w
    }

    fn voeg_toe(&mut self, soort: Soort, brin: String, vestiging: usize, naam: String, gemeente: Option<u8>) {
        let i = self.scholen.len() as u32;
        self.scholen.push(SchoolInfo { brin, vestiging: VESTIGINGEN[vestiging], naam, gemeente });
        if let Some(g) = gemeente {
            self.per_gemeente[soort.idx()][usize::from(g)].push(i);
            self.per_subregio[soort.idx()][subregio(g)].push(i);
        }
        self.alle[soort.idx()].push(i);
    }

    /// A school of `soort` in the gemeente, else in its subregio, else anywhere.
    pub(crate) fn school_in(&self, rng: &mut Rng, soort: Soort, gemeente: u8) -> u32 {
        let eigen = &self.per_gemeente[soort.idx()][usize::from(gemeente)];
        if !eigen.is_empty() {
            return eigen[index(rng, eigen.len())];
        }
        self.school_sub(rng, soort, gemeente)
    }

    /// A school of `soort` in the subregio (half of the time in the own gemeente if it has one).
    pub(crate) fn school_sub(&self, rng: &mut Rng, soort: Soort, gemeente: u8) -> u32 {
        let eigen = &self.per_gemeente[soort.idx()][usize::from(gemeente)];
        if !eigen.is_empty() && kans(rng, 0.5) {
            return eigen[index(rng, eigen.len())];
        }
        let sub = &self.per_subregio[soort.idx()][subregio(gemeente)];
        if !sub.is_empty() {
            return sub[index(rng, sub.len())];
        }
        let alle = &self.alle[soort.idx()];
        alle[index(rng, alle.len())]
    }

    /// Another school of the same kind near `gemeente`, if there is one.
    pub(crate) fn andere_school(&self, rng: &mut Rng, soort: Soort, gemeente: u8, niet: u32) -> u32 {
        for _ in 0..8 {
            let s = self.school_sub(rng, soort, gemeente);
            if s != niet {
                return s;
            }
        }
        niet
    }

    /// Medewerkers with `rol` (and BOA if asked) employed from `van` through `tot`.
    pub(crate) fn kies_medewerker(&self, rng: &mut Rng, rol: Rol, boa: bool, van: Datum, tot: Datum) -> Option<u32> {
        let n = self.medewerkers.len();
        let start = index(rng, n);
        (0..n).map(|k| (start + k) % n).find_map(|i| {
            let m = &self.medewerkers[i];
            (m.rol == rol && (!boa || m.boa) && m.actief(van, tot)).then_some(i as u32)
        })
    }
}

/// The office: per team of the base size 10 leerplichtambtenaren (9 BOA on 2020-10-01; one BOA
/// left on 2020-07-31 and a new officer without BOA status started), 5 RMC-trajectbegeleiders,
/// 2 administratief, a teamleider; once: a beleidsmedewerker, a beheerder and a viewer per gemeente.
/// At scale 1 the staff on 2020-10-01 add up to 18,7 fte.
fn medewerkers(scale: f64) -> Vec<MedewerkerInfo> {
    let teams = (scale.round() as usize).max(1);
    let mut uit = Vec::new();
    let mut nummer = 0usize;
    let mut nieuw =
        |rol: Rol, boa: bool, fte: f64, gemeente: Option<u8>, in_dienst: Datum, uit_dienst: Option<Datum>| {
            let voornaam = namen::MEDEWERKER_VOORNAMEN[nummer % namen::MEDEWERKER_VOORNAMEN.len()];
            let achternaam = namen::achternaam(((nummer * 37 + 11) % namen::AANTAL_ACHTERNAMEN) as u16);
            nummer += 1;
            let email = format!("{}.{}@leerspoor.example", voornaam.to_lowercase(), achternaam.to_lowercase());
            MedewerkerInfo {
                naam: format!("{voornaam} {achternaam}"),
                email,
                rol,
                boa,
                fte,
                gemeente,
                in_dienst,
                uit_dienst,
            }
        };
    let lpa_fte = [1.0, 0.9, 1.0, 1.0, 0.8, 1.0, 1.0, 0.9, 1.0];
    let rmc_fte = [1.0, 1.0, 0.9, 0.9, 0.8];
    for t in 0..teams {
        let jaar = 2004 + (t % 6) as i32;
        for (i, fte) in lpa_fte.iter().enumerate() {
            uit.push(nieuw(Rol::Leerplichtambtenaar, true, *fte, None, d(jaar + i as i32 % 5, 1 + i as u32, 1), None));
        }
        uit.push(nieuw(Rol::Leerplichtambtenaar, true, 1.0, None, d(jaar, 9, 1), Some(d(2020, 7, 31))));
        uit.push(nieuw(Rol::Leerplichtambtenaar, false, 1.0, None, d(2020, 8, 1), None));
        for (i, fte) in rmc_fte.iter().enumerate() {
            uit.push(nieuw(Rol::RmcConsulent, false, *fte, None, d(jaar + 1 + i as i32 % 6, 2 + i as u32, 1), None));
        }
        uit.push(nieuw(Rol::Administratief, false, 1.0, None, d(jaar + 2, 3, 1), None));
        uit.push(nieuw(Rol::Administratief, false, 0.8, None, d(jaar + 4, 5, 1), None));
        uit.push(nieuw(Rol::Teamleider, false, 1.0, None, d(jaar, 1, 1), None));
    }
    uit.push(nieuw(Rol::Beleidsmedewerker, false, 0.8, None, d(2012, 4, 1), None));
    uit.push(nieuw(Rol::Beheerder, false, 0.2, None, d(2014, 6, 1), None));
    for g in 0..GEMEENTEN.len() {
        uit.push(nieuw(Rol::Gemeente, false, 0.1, Some(g as u8), d(2015, 1, 1), None));
    }
    uit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brin_nummers_zijn_twee_cijfers_en_twee_letters() {
        assert_eq!(brin(0), "99AA");
        assert_eq!(brin(27), "99BB");
        assert_eq!(brin(676), "98AA");
    }

    #[test]
    fn verdeling_telt_op() {
        for n in [1, 2, 5, 7, 18, 100, 6500] {
            assert_eq!(verdeel(n, 1).iter().sum::<usize>(), n, "{n}");
        }
        let v = verdeel(2, 1);
        assert!(v[0] == 1 && v[4] == 1, "beide subregio's eerst");
    }

    #[test]
    fn formatie_op_1_oktober_2020_is_18_7_fte() {
        let peil = d(2020, 10, 1);
        let fte: f64 = medewerkers(1.0).iter().filter(|m| m.actief(peil, peil)).map(|m| m.fte).sum();
        assert!((fte - 18.7).abs() < 1e-9, "{fte}");
    }
}
