//! Five schooljaren (2016-2017 to 2020-2021) of the office's work, with per-year magnitudes close to
//! seed 000: verzuimmeldingen and zaken with their acties (HALT, PV), vrijstellingen, thuiszitters and
//! RMC-trajecten.
//!
//! Order matters: vrijstellingen van inschrijving and a few school switches with a gap change the
//! careers first; everything that refers to an enrolment is generated afterwards.
use crate::bevolking::{Bevolking, Persoon};
use crate::kalender::{
    DATA_EIND, Datum, EERSTE_JAAR, LAATSTE_JAAR, NORMAAL, Rng, VENSTER_VAN, aantal, d, dagen, getal, gewogen, index,
    kans, kies, leerplicht_begin, maandgewichten, plus, schooldag, schooljaar_van, sj_begin, sj_eind, tussen,
    verjaardag, werkdag,
};
use crate::loopbaan::{Insch, maak_gat, schoolsoort};
use crate::organisatie::{Wereld, is_zuid};
use chrono::Datelike;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{
    ActieSoort, PvTegen, Rol, ThuiszitEinde, ThuiszitSoort, TrajectSoort, Vertrek, VrijstellingStatus, ZaakSoort,
    ZaakStatus,
};
use leerspoor_domain::onderwijs::{Niveau, Onderwijssoort, Schoolherkomst, VsoProfiel};
use leerspoor_domain::rules::mas::uitkomst;
use std::collections::{BTreeMap, BTreeSet};

mod acties;
mod gaten;
mod rmc;
mod verzuim;
mod vrijstellingen;

// Magnitudes per schooljaar 2016-2017 … 2020-2021 at scale 1 (seed 000 Tabel 2-6, 9, 10).
const RELATIEF: [f64; 5] = [520.0, 545.0, 560.0, 496.0, 574.0];
const ACHTTIEN_ZUID: [f64; 5] = [265.0, 275.0, 285.0, 281.0, 294.0];
const ACHTTIEN_NOORD: [f64; 5] = [205.0, 215.0, 225.0, 231.0, 225.0];
const LUXE: [f64; 5] = [118.0, 124.0, 128.0, 132.0, 46.0];
const ABSOLUUT: [f64; 5] = [52.0, 56.0, 60.0, 58.0, 32.0];
const ZIEKTE: [f64; 5] = [14.0, 16.0, 18.0, 22.0, 20.0];
const HALT_RELATIEF: [f64; 5] = [22.0, 23.0, 24.0, 24.0, 20.0];
const PV_RELATIEF: [f64; 5] = [27.0, 28.0, 27.0, 26.0, 29.0];
const PV_LUXE: [f64; 5] = [33.0, 35.0, 36.0, 37.0, 14.0];
const PV_ABSOLUUT: [f64; 5] = [1.0, 2.0, 1.0, 1.0, 2.0];
const THUIS_RELATIEF_ZUID: [f64; 5] = [28.0, 31.0, 33.0, 25.0, 22.0];
const THUIS_NOORD: [f64; 5] = [25.0, 27.0, 25.0, 28.0, 16.0];
const PREVENTIEF: [f64; 5] = [260.0, 280.0, 300.0, 210.0, 240.0];
const RMC_TOTAAL: [f64; 5] = [2050.0, 2090.0, 2117.0, 2015.0, 3118.0];
const RMC_JIKP: [f64; 5] = [0.04, 0.05, 0.10, 0.12, 0.38];
/// Share of a year's trajecten that runs on into the next schooljaar.
const RMC_DOORLOOP: [f64; 5] = [0.12, 0.12, 0.13, 0.25, 0.05];
const RMC_WET: [f64; 5] = [35.0, 38.0, 40.0, 42.0, 39.0];
const RMC_LWM: [f64; 5] = [50.0, 52.0, 55.0, 60.0, 58.0];
const RMC_ZOMER: [f64; 5] = [110.0, 120.0, 130.0, 140.0, 150.0];
const RMC_STATUS: [f64; 5] = [18.0, 22.0, 25.0, 24.0, 23.0];
const RMC_OVERSTAP: [f64; 5] = [30.0, 32.0, 35.0, 38.0, 40.0];
const RMC_PWET: [f64; 5] = [140.0, 150.0, 160.0, 170.0, 223.0];

/// Granted vrijstellingen per article (seed 000 Tabel 2, Zuid-Kennemerland).
const VRIJ: [(&str, [f64; 5]); 8] = [
    ("art5_sub_a", [58.0, 63.0, 61.0, 60.0, 72.0]),
    ("art5_sub_b", [18.0, 20.0, 21.0, 19.0, 22.0]),
    ("art5_sub_c", [27.0, 25.0, 29.0, 26.0, 33.0]),
    ("art11_sub_g", [3.0, 2.0, 4.0, 4.0, 1.0]),
    ("art15", [18.0, 20.0, 24.0, 22.0, 50.0]),
    ("art3a", [2.0, 1.0, 2.0, 1.0, 2.0]),
    ("art3b", [1.0, 2.0, 1.0, 2.0, 1.0]),
    ("art5a", [1.0, 1.0, 0.0, 1.0, 1.0]),
];

/// Schoolherkomst of relatief verzuim (wpo, wec, wvo, web, onbekend), seed 000 Tabel 3.
const HERKOMST_RELATIEF: [f64; 5] = [44.0, 40.0, 223.0, 182.0, 7.0];
const HERKOMST_RELATIEF_2020: [f64; 5] = [28.0, 47.0, 308.0, 168.0, 23.0];
const HERKOMST_LUXE: [f64; 5] = [98.0, 4.0, 28.0, 1.0, 1.0];
const HERKOMST_LUXE_2020: [f64; 5] = [16.0, 1.0, 20.0, 0.0, 9.0];
const HERKOMST_ACHTTIEN: [f64; 5] = [0.0, 1.0, 13.0, 500.0, 2.0];
const HERKOMST_ZIEKTE: [f64; 5] = [20.0, 5.0, 60.0, 15.0, 0.0];

fn ji(jaar: i32) -> usize {
    (jaar - EERSTE_JAAR) as usize
}

/// Index of the schoolherkomst (wpo, wec, wvo, web, onbekend) of an onderwijssoort, by the rule.
pub(crate) fn herkomst(o: Onderwijssoort) -> usize {
    let h = leerspoor_domain::rules::schoolherkomst(Some(o));
    Schoolherkomst::ALL.iter().position(|s| *s == h).expect("elke schoolherkomst staat in de lijst")
}

fn is_jikp(e: &Insch) -> bool {
    match e.soort {
        Onderwijssoort::Pro => true,
        Onderwijssoort::Vso => matches!(e.profiel, Some(VsoProfiel::Arbeidsmarkt | VsoProfiel::Vervolgonderwijs)),
        Onderwijssoort::Mbo => e.niveau == Some(Niveau::Mbo1),
        Onderwijssoort::Vo => e.niveau == Some(Niveau::VmboBb),
        _ => false,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Aard {
    Relatief,
    Luxe { overmacht: bool },
    Ziekte,
    Absoluut,
    Rmc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Maatregel {
    Geen,
    Halt { negatief: bool, pv: bool },
    Pv,
}

pub(crate) struct Zaak {
    pub jongere: u32,
    pub soort: ZaakSoort,
    pub medewerker: Option<u32>,
    pub geopend: Datum,
    /// Closing date; after [`DATA_EIND`] means still open.
    pub sluit: Datum,
    pub reden: &'static str,
    pub aard: Aard,
    pub maatregel: Maatregel,
    pub status: ZaakStatus,
}

impl Zaak {
    pub(crate) fn gesloten(&self) -> bool {
        self.status == ZaakStatus::Gesloten
    }
}

pub(crate) struct Melding {
    pub jongere: u32,
    pub school: Option<u32>,
    pub soort: &'static str,
    pub datum: Datum,
    pub van: Datum,
    pub tot: Option<Datum>,
    pub uren: Option<u32>,
    pub reden: &'static str,
    pub status: &'static str,
    pub afsluiting: Option<&'static str>,
    pub zaak: u32,
    kennisgeving: bool,
}

pub(crate) struct Actie {
    pub jongere: u32,
    pub zaak: Option<u32>,
    pub soort: ActieSoort,
    pub datum: Datum,
    pub medewerker: Option<u32>,
    pub pv_tegen: Option<PvTegen>,
    pub ouder: Option<u32>,
    pub overmacht: Option<&'static str>,
    /// A code of the list `maatregel_uitkomst`.
    pub uitkomst: Option<&'static str>,
    pub uitkomst_datum: Option<Datum>,
    pub toelichting: &'static str,
}

pub(crate) struct Vrij {
    pub jongere: u32,
    pub artikel: &'static str,
    pub status: VrijstellingStatus,
    pub aanvraag: Datum,
    pub besluit: Option<Datum>,
    pub van: Option<Datum>,
    pub tot: Option<Datum>,
    pub medewerker: Option<u32>,
    pub arts: Option<Datum>,
    pub swv: Option<Datum>,
    pub dagen: Option<u32>,
    pub toelichting: &'static str,
}

pub(crate) struct Thuis {
    pub jongere: u32,
    pub zaak: Option<u32>,
    pub soort: ThuiszitSoort,
    pub begin: Datum,
    pub eind: Option<Datum>,
    pub reden: Option<ThuiszitEinde>,
    pub aanbod: Option<Datum>,
}

pub(crate) struct Rmc {
    pub jongere: u32,
    pub soort: TrajectSoort,
    pub medewerker: Option<u32>,
    pub aangemeld: Datum,
    pub begin: Datum,
    pub eind: Option<Datum>,
    pub resultaat: Option<&'static str>,
}

#[derive(Default)]
pub(crate) struct Werk {
    pub zaken: Vec<Zaak>,
    pub meldingen: Vec<Melding>,
    pub acties: Vec<Actie>,
    pub vrijstellingen: Vec<Vrij>,
    pub thuis: Vec<Thuis>,
    pub rmc: Vec<Rmc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GatEinde {
    Ingeschreven,
    Vrijstelling,
    Achttien,
    NietMeerPlichtig,
    Vertrokken,
    Open,
}

/// A period in which a leer- or kwalificatieplichtige youth living in the region was not enrolled.
struct Gat {
    jongere: u32,
    van: Datum,
    /// Last day of the gap.
    tot: Datum,
    einde: GatEinde,
    gebruikt: bool,
    kunstmatig: bool,
}

#[derive(Default)]
struct Pools {
    /// Zuid, 5-17, by schoolherkomst of an enrolment in the year.
    lp: [Vec<u32>; 5],
    /// Region, 18-22 without startkwalificatie, by schoolherkomst.
    p18: [Vec<u32>; 5],
    /// Noord, 5-17, enrolled.
    noord: Vec<u32>,
    /// 18-22 without startkwalificatie who dropped out or were not enrolled.
    vsv: Vec<u32>,
    jikp: Vec<u32>,
    pwet: Vec<u32>,
    statushouder: Vec<u32>,
    overstap: Vec<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Vsv,
    Jikp,
    Zomer,
    Pwet,
    Statushouder,
    Overstap,
    Mbo,
}

struct Cw<'a> {
    rng: &'a mut Rng,
    w: &'a Wereld,
    bev: &'a mut Bevolking,
    scale: f64,
    uit: Werk,
    vrij_per: BTreeMap<u32, Vec<(Datum, Datum)>>,
    zaken_per: BTreeMap<u32, Vec<u32>>,
    eerder_relatief: Vec<u32>,
    luxe_gehad: BTreeSet<u32>,
    /// Per youth: the last schooljaar in which a regular RMC-traject started.
    rmc_jaar: Vec<i16>,
    kunstgaten: BTreeSet<(u32, Datum)>,
}

pub(crate) fn genereer(rng: &mut Rng, w: &Wereld, bev: &mut Bevolking, scale: f64) -> Werk {
    let n = bev.personen.len();
    let mut cw = Cw {
        rng,
        w,
        bev,
        scale,
        uit: Werk::default(),
        vrij_per: BTreeMap::new(),
        zaken_per: BTreeMap::new(),
        eerder_relatief: Vec::new(),
        luxe_gehad: BTreeSet::new(),
        rmc_jaar: vec![0; n],
        kunstgaten: BTreeSet::new(),
    };
    let jong: Vec<u32> = (0..n as u32)
        .filter(|j| {
            let p = &cw.bev.personen[*j as usize];
            p.geboren >= d(1997, 1, 1) && p.adressen.iter().any(|a| is_zuid(a.gemeente))
        })
        .collect();
    cw.vrijstellingen(&jong);
    cw.kunstmatige_gaten(&jong);
    let mut gaten = cw.gaten();
    for jaar in EERSTE_JAAR..=LAATSTE_JAAR {
        let pools = pools(&cw.bev.personen, jaar);
        let eerste_zaak = cw.uit.zaken.len();
        cw.absoluut(jaar, &mut gaten);
        cw.relatief(jaar, &pools);
        cw.luxe(jaar, &pools);
        cw.ziekte(jaar, &pools);
        cw.maatregelen(jaar, eerste_zaak);
        cw.achttien_plus(jaar, &pools);
        cw.thuis_noord(jaar, &pools, &mut gaten);
        cw.preventief(jaar, &pools);
        cw.rmc(jaar, &pools);
    }
    cw.afronden();
    cw.uit
}

/// Tries random youths of `pool` until `f` accepts one.
fn zoek<T>(
    rng: &mut Rng,
    personen: &[Persoon],
    pool: &[u32],
    pogingen: usize,
    mut f: impl FnMut(&mut Rng, u32, &Persoon) -> Option<T>,
) -> Option<(u32, T)> {
    if pool.is_empty() {
        return None;
    }
    for _ in 0..pogingen {
        let j = pool[index(rng, pool.len())];
        if let Some(t) = f(rng, j, &personen[j as usize]) {
            return Some((j, t));
        }
    }
    None
}

/// The enrolment of a leer- or kwalificatieplichtige youth (5-17, no startkwalificatie) on `m`, of
/// schoolherkomst `h`, living in zuid (or noord), enrolled for at least two weeks.
fn lp_insch(p: &Persoon, m: Datum, h: Option<usize>, zuid: bool) -> Option<&Insch> {
    let a = p.leeftijd(m);
    if !(5..=17).contains(&a) || m < leerplicht_begin(p.geboren) || p.sq_op(m) {
        return None;
    }
    if is_zuid(p.gemeente_op(m)?) != zuid {
        return None;
    }
    let e = p.insch_op(m)?;
    if h.is_some_and(|h| herkomst(e.soort) != h) || dagen(e.begin, m) < 14 {
        return None;
    }
    Some(e)
}

/// May enrolment be removed from `van` through `tot` without breaking diplomas, drop-outs or
/// another vrijstelling?
fn gat_mag(p: &Persoon, vrij: Option<&Vec<(Datum, Datum)>>, van: Datum, tot: Datum) -> bool {
    !p.dipl.iter().any(|x| x.datum >= van && x.datum <= tot)
        && !p.uitval.iter().any(|u| u.datum >= van && u.datum <= plus(tot, 1))
        && vrij.is_none_or(|v| v.iter().all(|(a, b)| *b < van || *a > tot))
}

fn pools(personen: &[Persoon], jaar: i32) -> Pools {
    let a = sj_begin(jaar);
    let b = sj_eind(jaar);
    let vorig = sj_begin(jaar - 1);
    let mut uit = Pools::default();
    for (j, p) in personen.iter().enumerate() {
        let j = j as u32;
        if p.regio_van > b || p.regio_tot.is_some_and(|t| t < a) {
            continue;
        }
        let la = p.leeftijd(a);
        let lb = p.leeftijd(b);
        if lb < 5 || la > 27 {
            continue;
        }
        let (mut zuid, mut noord) = (false, false);
        for ad in &p.adressen {
            if ad.begin <= b && ad.eind.is_none_or(|e| e >= a) {
                if is_zuid(ad.gemeente) {
                    zuid = true;
                } else {
                    noord = true;
                }
            }
        }
        let mut mask = 0u8;
        let (mut jikp, mut overstap) = (false, false);
        for e in &p.insch {
            if e.overlapt(a, b) {
                mask |= 1 << herkomst(e.soort);
            }
            jikp |= e.overlapt(vorig, b) && is_jikp(e);
            overstap |= e.soort == Onderwijssoort::Vo
                && matches!(e.niveau, Some(Niveau::VmboBb | Niveau::VmboKb))
                && e.eind == Some(b);
        }
        if lb >= 5 && la <= 17 {
            if zuid {
                for (h, v) in uit.lp.iter_mut().enumerate() {
                    if mask & (1 << h) != 0 {
                        v.push(j);
                    }
                }
            }
            if noord && mask != 0 {
                uit.noord.push(j);
            }
        }
        let zonder_sq = p.sq.is_none_or(|s| s > a);
        if lb >= 18 && la <= 22 && zonder_sq {
            for (h, v) in uit.p18.iter_mut().enumerate() {
                if mask & (1 << h) != 0 {
                    v.push(j);
                }
            }
            if mask == 0 || p.uitval.iter().any(|u| u.datum <= b) {
                uit.vsv.push(j);
            }
        }
        if lb >= 16 && la <= 22 && jikp {
            uit.jikp.push(j);
        }
        if lb >= 23 && la <= 27 {
            uit.pwet.push(j);
        }
        if p.buitenland && lb >= 18 && la <= 27 {
            uit.statushouder.push(j);
        }
        if lb >= 15 && la <= 17 && overstap {
            uit.overstap.push(j);
        }
    }
    uit
}

impl Cw<'_> {
    fn n(&mut self, basis: f64) -> usize {
        aantal(self.rng, basis, self.scale)
    }

    fn lpa(&mut self, datum: Datum) -> Option<u32> {
        self.w.kies_medewerker(self.rng, Rol::Leerplichtambtenaar, false, datum, datum)
    }

    fn mw_voor(&mut self, rol: Rol, boa: bool, van: Datum, tot: Datum) -> Option<u32> {
        self.w
            .kies_medewerker(self.rng, rol, boa, van, tot)
            .or_else(|| self.w.kies_medewerker(self.rng, rol, boa, van, van))
    }
}
