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

struct VrijPlan {
    aanvraag: Datum,
    besluit: Datum,
    van: Datum,
    tot: Datum,
    arts: Option<Datum>,
    swv: Option<Datum>,
    dagen: Option<u32>,
    gat: bool,
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

fn vrij_toelichting(artikel: &str) -> &'static str {
    match artikel {
        "art5_sub_a" => "Verklaring onafhankelijk arts; advies samenwerkingsverband ingewonnen",
        "art5_sub_b" => "Overwegende bedenkingen tegen de richting van alle scholen binnen redelijke afstand",
        "art5_sub_c" => "Ingeschreven op en bezoekt een school in het buitenland",
        "art11_sub_g" => "Verlof wegens gewichtige omstandigheden, meer dan tien schooldagen",
        "art15" => "Volgt ander voldoende onderwijs (opleiding bij een bedrijf)",
        "art3a" => "Vervangende leerplicht: programma met praktijktijd",
        "art3b" => "Laatste leerplichtjaar op een mbo-instelling",
        "art5a" => "Ouders leiden een trekkend bestaan; kind reist mee",
        _ => "",
    }
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

    // ---------------------------------------------------------------- vrijstellingen

    fn vrijstellingen(&mut self, jong: &[u32]) {
        let mut vorige_5b: Vec<u32> = Vec::new();
        for jaar in EERSTE_JAAR..=LAATSTE_JAAR {
            let y = ji(jaar);
            let mut toegekend = 0usize;
            // Art. 5 sub b is renewed every year: last year's families first.
            let doel_5b = self.n(VRIJ[1].1[y]);
            let mut dit_jaar = Vec::new();
            for j in std::mem::take(&mut vorige_5b) {
                if dit_jaar.len() >= doel_5b || !kans(self.rng, 0.6) {
                    continue;
                }
                let vrij = self.vrij_per.get(&j);
                let p = &self.bev.personen[j as usize];
                if let Some(plan) = plan(self.rng, p, vrij, "art5_sub_b", jaar, true) {
                    self.ken_toe(j, "art5_sub_b", plan);
                    dit_jaar.push(j);
                }
            }
            while dit_jaar.len() < doel_5b {
                let vrij_per = &self.vrij_per;
                let Some((j, plan)) = zoek(self.rng, &self.bev.personen, jong, 400, |rng, j, p| {
                    plan(rng, p, vrij_per.get(&j), "art5_sub_b", jaar, false)
                }) else {
                    break;
                };
                self.ken_toe(j, "art5_sub_b", plan);
                dit_jaar.push(j);
            }
            toegekend += dit_jaar.len();
            vorige_5b = dit_jaar;
            for (artikel, per_jaar) in VRIJ.iter().filter(|v| v.0 != "art5_sub_b") {
                let n = self.n(per_jaar[y]);
                for _ in 0..n {
                    let vrij_per = &self.vrij_per;
                    if let Some((j, plan)) = zoek(self.rng, &self.bev.personen, jong, 400, |rng, j, p| {
                        plan(rng, p, vrij_per.get(&j), artikel, jaar, false)
                    }) {
                        self.ken_toe(j, artikel, plan);
                        toegekend += 1;
                    }
                }
            }
            self.niet_toegekend(jong, jaar, toegekend);
        }
    }

    fn ken_toe(&mut self, j: u32, artikel: &'static str, plan: VrijPlan) {
        if plan.gat {
            maak_gat(&mut self.bev.personen[j as usize].insch, plan.van, plan.tot);
            self.vrij_per.entry(j).or_default().push((plan.van, plan.tot));
        }
        let medewerker = self.lpa(plan.besluit);
        self.uit.vrijstellingen.push(Vrij {
            jongere: j,
            artikel,
            status: VrijstellingStatus::Toegekend,
            aanvraag: plan.aanvraag,
            besluit: Some(plan.besluit),
            van: Some(plan.van),
            tot: Some(plan.tot),
            medewerker,
            arts: plan.arts,
            swv: plan.swv,
            dagen: plan.dagen,
            toelichting: vrij_toelichting(artikel),
        });
    }

    /// Rejected, withdrawn, pending and appealed requests.
    fn niet_toegekend(&mut self, jong: &[u32], jaar: i32, toegekend: usize) {
        let mut verzoeken: Vec<(VrijstellingStatus, &'static str)> = Vec::new();
        let afgewezen = aantal(self.rng, toegekend as f64 * 0.08, 1.0);
        for _ in 0..afgewezen {
            let art = kies(
                self.rng,
                &[
                    ("art11_sub_g", 0.35),
                    ("art5_sub_a", 0.3),
                    ("art15", 0.2),
                    ("art5_sub_b", 0.1),
                    ("art5_sub_c", 0.05),
                ],
            );
            verzoeken.push((VrijstellingStatus::Afgewezen, art));
        }
        for _ in 0..self.n(1.0) {
            verzoeken.push((VrijstellingStatus::Ingetrokken, "art5_sub_c"));
        }
        if jaar == 2019 {
            for _ in 0..self.n(1.0) {
                verzoeken.push((VrijstellingStatus::BezwaarBeroep, "art5_sub_a"));
            }
        }
        if jaar == LAATSTE_JAAR {
            for _ in 0..self.n(5.0) {
                verzoeken.push((VrijstellingStatus::InBehandeling, "art5_sub_a"));
            }
            for _ in 0..self.n(2.0) {
                verzoeken.push((VrijstellingStatus::Aangevraagd, "art15"));
            }
        }
        for (status, artikel) in verzoeken {
            let open = matches!(status, VrijstellingStatus::InBehandeling | VrijstellingStatus::Aangevraagd);
            let Some((j, aanvraag)) = zoek(self.rng, &self.bev.personen, jong, 400, |rng, _, p| {
                let aanvraag = if open {
                    werkdag(tussen(rng, d(jaar + 1, 6, 1), d(jaar + 1, 7, 23)), sj_begin(jaar), sj_eind(jaar))
                } else {
                    schooldag(rng, jaar, &NORMAAL)
                };
                let a = p.leeftijd(aanvraag);
                let leeftijd_ok = if artikel == "art15" { (16..=17).contains(&a) } else { (5..=16).contains(&a) };
                (leeftijd_ok && p.zuid_op(aanvraag) && !p.sq_op(aanvraag)).then_some(aanvraag)
            }) else {
                continue;
            };
            let besluit = (!open && status != VrijstellingStatus::Ingetrokken)
                .then(|| plus(aanvraag, getal(self.rng, 7, 40)).min(DATA_EIND));
            let (arts, swv) = if artikel == "art5_sub_a" && !open {
                (Some(plus(aanvraag, -getal(self.rng, 5, 60))), Some(plus(aanvraag, getal(self.rng, 3, 6))))
            } else {
                (None, None)
            };
            let dagen = (artikel == "art11_sub_g").then(|| getal(self.rng, 11, 20) as u32);
            let medewerker = self.lpa(besluit.unwrap_or(aanvraag));
            let toelichting = match status {
                VrijstellingStatus::Afgewezen => "Aanvraag voldoet niet aan de wettelijke eisen",
                VrijstellingStatus::Ingetrokken => "Aanvraag ingetrokken door de ouders",
                VrijstellingStatus::BezwaarBeroep => "Bezwaar ingediend tegen de afwijzing",
                _ => "Aanvraag in behandeling",
            };
            self.uit.vrijstellingen.push(Vrij {
                jongere: j,
                artikel,
                status,
                aanvraag,
                besluit: besluit.filter(|b| *b >= aanvraag),
                van: None,
                tot: None,
                medewerker,
                arts,
                swv: swv.filter(|s| Some(*s) <= besluit),
                dagen,
                toelichting,
            });
        }
    }

    // ---------------------------------------------------------------- gaps

    /// School switches with a gap: absoluut verzuim of younger pupils (about a third of the
    /// absoluut meldingen; the rest are natural gaps such as drop-outs and newcomers).
    fn kunstmatige_gaten(&mut self, jong: &[u32]) {
        for jaar in EERSTE_JAAR..=LAATSTE_JAAR {
            let n = self.n(ABSOLUUT[ji(jaar)] * 0.35);
            for _ in 0..n {
                let vrij_per = &self.vrij_per;
                let gevonden = zoek(self.rng, &self.bev.personen, jong, 300, |rng, j, p| {
                    let m0 = schooldag(rng, jaar, &NORMAAL);
                    if !matches!(m0.month(), 9..=12 | 1..=4) {
                        return None;
                    }
                    let lengte = if kans(rng, 0.3) { getal(rng, 21, 84) } else { getal(rng, 91, 240) };
                    let tot = plus(m0, lengte - 1);
                    let a = p.leeftijd(m0);
                    if !(6..=15).contains(&a) || !p.zuid_op(m0) || p.regio_tot.is_some_and(|t| t <= plus(tot, 30)) {
                        return None;
                    }
                    let e = p.insch_op(m0)?;
                    if dagen(e.begin, m0) < 30 || e.eind.is_some_and(|x| x < plus(tot, 30)) || plus(tot, 30) > DATA_EIND
                    {
                        return None;
                    }
                    gat_mag(p, vrij_per.get(&j), m0, tot).then_some((m0, tot, e.begin))
                });
                let Some((j, (m0, tot, begin))) = gevonden else { continue };
                let p = &mut self.bev.personen[j as usize];
                let gem = p.gemeente_op(plus(tot, 1)).unwrap_or(0);
                let i = p.insch.iter().position(|e| e.begin == begin).expect("inschrijving bestaat");
                let oud = p.insch[i].clone();
                let school = self.w.andere_school(self.rng, schoolsoort(oud.soort), gem, oud.school);
                p.insch[i].eind = Some(plus(m0, -1));
                p.insch.insert(i + 1, Insch { school, begin: plus(tot, 1), ..oud });
                self.kunstgaten.insert((j, m0));
            }
        }
    }

    fn gaten(&self) -> Vec<Gat> {
        let mut uit = Vec::new();
        let mut dekking: Vec<(Datum, Datum, bool)> = Vec::new();
        let ondergrens = plus(VENSTER_VAN, -400);
        for (j, p) in self.bev.personen.iter().enumerate() {
            let j = j as u32;
            let achttien = plus(verjaardag(p.geboren, 18), -1);
            if achttien < ondergrens {
                continue;
            }
            let lo = leerplicht_begin(p.geboren).max(p.regio_van).max(ondergrens);
            let (mut hi, mut einde) =
                if achttien <= DATA_EIND { (achttien, GatEinde::Achttien) } else { (DATA_EIND, GatEinde::Open) };
            if let Some(t) = p.regio_tot.filter(|t| *t <= hi) {
                hi = t;
                einde = GatEinde::Vertrokken;
            }
            if let Some(s) = p.sq.map(|s| plus(s, -1)).filter(|s| *s < hi) {
                hi = s;
                einde = GatEinde::NietMeerPlichtig;
            }
            if lo > hi {
                continue;
            }
            dekking.clear();
            dekking.extend(p.insch.iter().map(|e| (e.begin, e.eind.unwrap_or(DATA_EIND), false)));
            if let Some(v) = self.vrij_per.get(&j) {
                dekking.extend(v.iter().map(|(a, b)| (*a, *b, true)));
            }
            dekking.sort();
            let mut cur = lo;
            let mut voeg = |van: Datum, tot: Datum, einde: GatEinde| {
                let lang_genoeg = dagen(van, tot) >= 20;
                let zomer = matches!(van.month(), 6..=8) && tot <= d(van.year(), 8, 31);
                if lang_genoeg && !zomer {
                    let kunstmatig = self.kunstgaten.contains(&(j, van));
                    uit.push(Gat { jongere: j, van, tot, einde, gebruikt: false, kunstmatig });
                }
            };
            for (b, e, vrij) in dekking.iter().copied() {
                if e < cur {
                    continue;
                }
                if b > cur {
                    let tot = plus(b, -1).min(hi);
                    let reden = if b > hi {
                        einde
                    } else if vrij {
                        GatEinde::Vrijstelling
                    } else {
                        GatEinde::Ingeschreven
                    };
                    voeg(cur, tot, reden);
                }
                cur = cur.max(plus(e, 1));
                if cur > hi {
                    break;
                }
            }
            if cur <= hi {
                voeg(cur, hi, einde);
            }
        }
        uit
    }

    // ---------------------------------------------------------------- zaken and meldingen

    fn open_zaak(&self, j: u32, soort: ZaakSoort, op: Datum) -> Option<u32> {
        self.zaken_per.get(&j)?.iter().copied().find(|z| {
            let z = &self.uit.zaken[*z as usize];
            z.soort == soort
                && matches!(z.aard, Aard::Relatief | Aard::Ziekte | Aard::Rmc)
                && z.geopend <= op
                && op <= z.sluit
        })
    }

    fn nieuwe_zaak(
        &mut self,
        j: u32,
        soort: ZaakSoort,
        aard: Aard,
        open: Datum,
        sluit: Datum,
        reden: &'static str,
    ) -> u32 {
        let open = open.min(DATA_EIND);
        let mut sluit = sluit.max(plus(open, 1));
        let mut reden = reden;
        let p = &self.bev.personen[j as usize];
        if let Some(t) = p.regio_tot.filter(|t| *t < sluit) {
            sluit = plus(t, getal(self.rng, 3, 20)).max(plus(open, 1));
            reden = if p.vertrek() == Some(Vertrek::Buitenland) { "verhuisd_buitenland" } else { "verhuisd" };
        }
        let rol = if soort == ZaakSoort::Rmc { Rol::RmcConsulent } else { Rol::Leerplichtambtenaar };
        let medewerker = self.mw_voor(rol, false, open, sluit.min(DATA_EIND).max(open));
        let i = self.uit.zaken.len() as u32;
        self.uit.zaken.push(Zaak {
            jongere: j,
            soort,
            medewerker,
            geopend: open,
            sluit,
            reden,
            aard,
            maatregel: Maatregel::Geen,
            status: ZaakStatus::Nieuw,
        });
        self.zaken_per.entry(j).or_default().push(i);
        i
    }

    /// A melding that joins an open zaak of the same kind, or opens one.
    #[allow(clippy::too_many_arguments)]
    fn melding(
        &mut self,
        j: u32,
        school: Option<u32>,
        soort: &'static str,
        datum: Datum,
        van: Datum,
        tot: Option<Datum>,
        uren: Option<u32>,
        reden: &'static str,
        zaak: (ZaakSoort, Aard, i64, &'static str),
    ) -> u32 {
        let (zaaksoort, aard, duur, zaakreden) = zaak;
        let bestaand = if matches!(aard, Aard::Relatief | Aard::Ziekte | Aard::Rmc) {
            self.open_zaak(j, zaaksoort, datum)
        } else {
            None
        };
        let z = match bestaand {
            Some(z) => z,
            None => {
                let open = plus(datum, getal(self.rng, 0, 5));
                self.nieuwe_zaak(j, zaaksoort, aard, open, plus(open, duur), zaakreden)
            }
        };
        let kennisgeving = soort == "signaal" && kans(self.rng, 0.15);
        self.uit.meldingen.push(Melding {
            jongere: j,
            school,
            soort,
            datum,
            van,
            tot,
            uren,
            reden,
            status: "geregistreerd",
            afsluiting: None,
            zaak: z,
            kennisgeving,
        });
        z
    }

    fn absoluut(&mut self, jaar: i32, gaten: &mut [Gat]) {
        let n = self.n(ABSOLUUT[ji(jaar)]);
        let a = sj_begin(jaar);
        let b = sj_eind(jaar);
        let mut kunst: Vec<usize> = Vec::new();
        let mut natuurlijk: Vec<usize> = Vec::new();
        for (i, g) in gaten.iter().enumerate() {
            // Recently started gaps: the office notices absoluut verzuim within a few months.
            if !g.gebruikt && plus(g.van, 14) <= b && g.tot >= a && g.van >= plus(a, -90) {
                if g.kunstmatig { kunst.push(i) } else { natuurlijk.push(i) }
            }
        }
        let mut gemaakt = 0;
        while gemaakt < n {
            let gi = if !kunst.is_empty() {
                let k = index(self.rng, kunst.len());
                kunst.swap_remove(k)
            } else if !natuurlijk.is_empty() {
                let k = index(self.rng, natuurlijk.len());
                natuurlijk.swap_remove(k)
            } else {
                break;
            };
            let (j, van, tot, einde) = {
                let g = &gaten[gi];
                (g.jongere, g.van, g.tot, g.einde)
            };
            let lo = plus(van, 14).max(a);
            let hi = tot.min(b);
            if lo > hi {
                continue;
            }
            let m = werkdag(tussen(self.rng, lo, hi), lo, hi);
            if !self.bev.personen[j as usize].zuid_op(m) {
                continue;
            }
            gaten[gi].gebruikt = true;
            gemaakt += 1;
            let open_einde = einde == GatEinde::Open;
            let (zaakreden, thuis_reden) = self.gat_reden(j, einde);
            let sluit = if open_einde { plus(DATA_EIND, 200) } else { plus(tot, getal(self.rng, 3, 20)) };
            let open = plus(m, getal(self.rng, 0, 5)).min(DATA_EIND);
            let z = self.nieuwe_zaak(j, ZaakSoort::AbsoluutVerzuim, Aard::Absoluut, open, sluit, zaakreden);
            self.uit.meldingen.push(Melding {
                jongere: j,
                school: None,
                soort: "absoluut",
                datum: m,
                van,
                tot: (!open_einde).then_some(tot),
                uren: None,
                reden: "Niet ingeschreven op een school (signaal BRP/BRON)",
                status: "geregistreerd",
                afsluiting: None,
                zaak: z,
                kennisgeving: false,
            });
            self.thuis_absoluut(j, Some(z), van, tot, open_einde, thuis_reden);
        }
    }

    fn gat_reden(&self, j: u32, einde: GatEinde) -> (&'static str, Option<ThuiszitEinde>) {
        let buitenland = self.bev.personen[j as usize].vertrek() == Some(Vertrek::Buitenland);
        match einde {
            GatEinde::Ingeschreven => ("ingeschreven", Some(ThuiszitEinde::Opgelost)),
            GatEinde::Vrijstelling => ("vrijstelling", Some(ThuiszitEinde::Opgelost)),
            GatEinde::Achttien => ("niet_meer_plichtig", Some(ThuiszitEinde::AchttienGeworden)),
            GatEinde::NietMeerPlichtig => ("niet_meer_plichtig", Some(ThuiszitEinde::Opgelost)),
            GatEinde::Vertrokken if buitenland => ("verhuisd_buitenland", Some(ThuiszitEinde::VerhuisdOverleden)),
            GatEinde::Vertrokken => ("verhuisd", Some(ThuiszitEinde::VerhuisdOverleden)),
            GatEinde::Open => ("ingeschreven", None),
        }
    }

    fn aanbod(&mut self, begin: Datum, eind: Option<Datum>) -> Option<Datum> {
        if !kans(self.rng, 0.6) {
            return None;
        }
        let x = plus(begin, getal(self.rng, 14, 100));
        (x <= eind.unwrap_or(DATA_EIND).min(DATA_EIND)).then_some(x)
    }

    fn thuis_absoluut(
        &mut self,
        j: u32,
        zaak: Option<u32>,
        van: Datum,
        tot: Datum,
        open: bool,
        reden: Option<ThuiszitEinde>,
    ) {
        let eind = (!open).then_some(tot);
        let aanbod = self.aanbod(van, eind);
        self.uit.thuis.push(Thuis {
            jongere: j,
            zaak,
            soort: ThuiszitSoort::Absoluut,
            begin: van,
            eind,
            reden: if open { None } else { reden },
            aanbod,
        });
    }

    /// A period of langdurig relatief verzuim from `begin`, ended by a solution, the end of the
    /// enrolment, the 18th birthday or moving away. Returns the end (or `None`: still running).
    fn thuis_relatief(&mut self, j: u32, zaak: Option<u32>, begin: Datum, insch_eind: Option<Datum>) -> Option<Datum> {
        let duur = if kans(self.rng, 0.7) { getal(self.rng, 91, 280) } else { getal(self.rng, 28, 90) };
        let p = &self.bev.personen[j as usize];
        let mut eind = plus(begin, duur);
        let mut reden = ThuiszitEinde::Opgelost;
        if let Some(x) = insch_eind.filter(|x| *x < eind) {
            eind = x;
        }
        let achttien = plus(verjaardag(p.geboren, 18), -1);
        if achttien < eind {
            eind = achttien;
            reden = ThuiszitEinde::AchttienGeworden;
        }
        if let Some(t) = p.regio_tot.filter(|t| *t < eind) {
            eind = t;
            reden = ThuiszitEinde::VerhuisdOverleden;
        }
        let eind = eind.max(begin);
        let (eind, reden) = if eind > DATA_EIND { (None, None) } else { (Some(eind), Some(reden)) };
        let aanbod = self.aanbod(begin, eind);
        self.uit.thuis.push(Thuis {
            jongere: j,
            zaak,
            soort: ThuiszitSoort::LangdurigRelatief,
            begin,
            eind,
            reden,
            aanbod,
        });
        eind
    }

    fn relatief(&mut self, jaar: i32, pools: &Pools) {
        let y = ji(jaar);
        let n = self.n(RELATIEF[y]);
        let n_lang = self.n(THUIS_RELATIEF_ZUID[y]).min(n);
        let herk = if jaar == 2020 { &HERKOMST_RELATIEF_2020 } else { &HERKOMST_RELATIEF };
        let mg = maandgewichten(jaar);
        for i in 0..n {
            let soort = if i < n_lang {
                "langdurig_1_maand"
            } else {
                kies(self.rng, &[("wettelijk_16_uur", 0.78), ("signaal", 0.15), ("beginnend", 0.07)])
            };
            let h = gewogen(self.rng, herk);
            let recidive = !self.eerder_relatief.is_empty() && kans(self.rng, 0.2);
            let pool: &[u32] = if recidive { &self.eerder_relatief } else { &pools.lp[h] };
            let gevonden = zoek(self.rng, &self.bev.personen, pool, 300, |rng, _, p| {
                let m = schooldag(rng, jaar, mg);
                let e = lp_insch(p, m, (!recidive).then_some(h), true)?;
                Some((m, e.school, e.begin, e.eind))
            });
            let Some((j, (m, school, begin, insch_eind))) = gevonden else { continue };
            let (van, tot, uren, reden) = match soort {
                "langdurig_1_maand" => (
                    plus(m, -getal(self.rng, 28, 50)),
                    None,
                    getal(self.rng, 60, 200),
                    "Langdurig afwezig, thuiszitter",
                ),
                "signaal" => (
                    plus(m, -getal(self.rng, 14, 40)),
                    Some(plus(m, -getal(self.rng, 0, 5))),
                    getal(self.rng, 4, 15),
                    kies(self.rng, &[("Regelmatig te laat", 0.6), ("Zorgen over spijbelen", 0.4)]),
                ),
                "beginnend" => (
                    plus(m, -getal(self.rng, 7, 20)),
                    Some(plus(m, -getal(self.rng, 0, 3))),
                    getal(self.rng, 3, 12),
                    "Beginnend ongeoorloofd verzuim",
                ),
                _ => (
                    plus(m, -getal(self.rng, 12, 30)),
                    Some(plus(m, -getal(self.rng, 0, 3))),
                    getal(self.rng, 16, 60),
                    kies(
                        self.rng,
                        &[("Ongeoorloofd afwezig", 0.5), ("Spijbelen", 0.3), ("Structureel te laat en afwezig", 0.2)],
                    ),
                ),
            };
            let van = van.max(begin).max(leerplicht_begin(self.bev.personen[j as usize].geboren));
            let tot = tot.map(|t| t.max(van));
            let reden_zaak = if soort == "langdurig_1_maand" {
                "hulpverlening"
            } else {
                kies(self.rng, &[("verzuim_gestopt", 0.8), ("hulpverlening", 0.12), ("geen_verzuim", 0.08)])
            };
            let duur = getal(self.rng, 20, 90);
            let z = self.melding(
                j,
                Some(school),
                soort,
                m,
                van,
                tot,
                Some(uren as u32),
                reden,
                (ZaakSoort::RelatiefVerzuim, Aard::Relatief, duur, reden_zaak),
            );
            if !recidive {
                self.eerder_relatief.push(j);
            }
            if soort == "langdurig_1_maand" {
                let eind = self.thuis_relatief(j, Some(z), van, insch_eind);
                let zaak = &mut self.uit.zaken[z as usize];
                match eind {
                    Some(e) => zaak.sluit = zaak.sluit.max(plus(e, getal(self.rng, 5, 30))),
                    None => zaak.sluit = plus(DATA_EIND, 200),
                }
            }
        }
    }

    fn luxe(&mut self, jaar: i32, pools: &Pools) {
        let y = ji(jaar);
        let n = self.n(LUXE[y]);
        let n_pv = self.n(PV_LUXE[y]).min(n);
        let n_overmacht = ((n - n_pv) as f64 * 0.3).round() as usize;
        let herk = if jaar == 2020 { &HERKOMST_LUXE_2020 } else { &HERKOMST_LUXE };
        let mg = maandgewichten(jaar);
        for i in 0..n {
            let (pv, overmacht) = (i < n_pv, i >= n_pv && i < n_pv + n_overmacht);
            let dagen_weg = if pv {
                getal(self.rng, 2, 8)
            } else if overmacht {
                getal(self.rng, 2, 5)
            } else {
                1
            };
            let h = gewogen(self.rng, herk);
            let gehad = &self.luxe_gehad;
            let gevonden = zoek(self.rng, &self.bev.personen, &pools.lp[h], 300, |rng, j, p| {
                if gehad.contains(&j) {
                    return None;
                }
                let van = schooldag(rng, jaar, mg);
                if van > d(jaar + 1, 7, 5) {
                    return None;
                }
                let kalender = dagen_weg - 1 + 2 * ((dagen_weg - 1) / 5);
                let tot = plus(van, kalender);
                let m = werkdag(plus(tot, getal(rng, 1, 10)), van, sj_eind(jaar));
                if m <= tot || m > sj_eind(jaar) {
                    return None;
                }
                let e = lp_insch(p, van, Some(h), true)?;
                (e.omvat(m) && p.zuid_op(m) && p.leeftijd(plus(m, 60)) <= 17).then_some((van, tot, m, e.school))
            });
            let Some((j, (van, tot, m, school))) = gevonden else { continue };
            self.luxe_gehad.insert(j);
            let reden_zaak = if pv {
                "proces_verbaal"
            } else if overmacht {
                "geen_verzuim"
            } else {
                "verzuim_gestopt"
            };
            let duur = getal(self.rng, 14, 45);
            let uren = (dagen_weg * getal(self.rng, 5, 6)) as u32;
            let reden = kies(
                self.rng,
                &[("Vakantie buiten de schoolvakanties", 0.7), ("Verlof niet aangevraagd of geweigerd", 0.3)],
            );
            let z = self.melding(
                j,
                Some(school),
                "luxe",
                m,
                van,
                Some(tot),
                Some(uren),
                reden,
                (ZaakSoort::RelatiefVerzuim, Aard::Luxe { overmacht }, duur, reden_zaak),
            );
            if pv {
                self.uit.zaken[z as usize].maatregel = Maatregel::Pv;
            }
        }
    }

    fn ziekte(&mut self, jaar: i32, pools: &Pools) {
        let n = self.n(ZIEKTE[ji(jaar)]);
        let mg = maandgewichten(jaar);
        for _ in 0..n {
            let h = gewogen(self.rng, &HERKOMST_ZIEKTE);
            let gevonden = zoek(self.rng, &self.bev.personen, &pools.lp[h], 300, |rng, _, p| {
                let m = schooldag(rng, jaar, mg);
                let e = lp_insch(p, m, Some(h), true)?;
                Some((m, e.school, e.begin))
            });
            let Some((j, (m, school, begin))) = gevonden else { continue };
            let van = plus(m, -getal(self.rng, 20, 60)).max(begin);
            let tot = Some(plus(m, -getal(self.rng, 0, 5)).max(van));
            let uren = getal(self.rng, 20, 100) as u32;
            let reden_zaak = kies(self.rng, &[("hulpverlening", 0.6), ("geen_verzuim", 0.4)]);
            let duur = getal(self.rng, 30, 90);
            self.melding(
                j,
                Some(school),
                "zorgwekkend_ziekteverzuim",
                m,
                van,
                tot,
                Some(uren),
                "Zorgwekkend ziekteverzuim, jeugdarts ingeschakeld",
                (ZaakSoort::RelatiefVerzuim, Aard::Ziekte, duur, reden_zaak),
            );
        }
    }

    fn achttien_plus(&mut self, jaar: i32, pools: &Pools) {
        let y = ji(jaar);
        let mg = maandgewichten(jaar);
        for (zuid, doel) in [(true, ACHTTIEN_ZUID[y]), (false, ACHTTIEN_NOORD[y])] {
            let n = self.n(doel);
            for _ in 0..n {
                let h = gewogen(self.rng, &HERKOMST_ACHTTIEN);
                let gevonden = zoek(self.rng, &self.bev.personen, &pools.p18[h], 300, |rng, _, p| {
                    let m = schooldag(rng, jaar, mg);
                    let a = p.leeftijd(m);
                    if !(18..=22).contains(&a) || p.sq_op(m) || p.gemeente_op(m).map(is_zuid) != Some(zuid) {
                        return None;
                    }
                    let e = p.insch_op(m)?;
                    (herkomst(e.soort) == h && dagen(e.begin, m) >= 14).then_some((m, e.school, e.begin))
                });
                let Some((j, (m, school, begin))) = gevonden else { continue };
                let van = plus(m, -getal(self.rng, 14, 30)).max(begin);
                let tot = Some(plus(m, -getal(self.rng, 0, 3)).max(van));
                let uren = getal(self.rng, 16, 80) as u32;
                let reden_zaak =
                    kies(self.rng, &[("verzuim_gestopt", 0.65), ("hulpverlening", 0.2), ("geen_verzuim", 0.15)]);
                let duur = getal(self.rng, 14, 75);
                self.melding(
                    j,
                    Some(school),
                    "achttien_plus",
                    m,
                    van,
                    tot,
                    Some(uren),
                    "Ongeoorloofd afwezig (18+, geen startkwalificatie)",
                    (ZaakSoort::Rmc, Aard::Rmc, duur, reden_zaak),
                );
                if kans(self.rng, 0.4) {
                    let begin = plus(m, getal(self.rng, 3, 20)).min(DATA_EIND);
                    self.traject(j, TrajectSoort::Regulier, Cat::Mbo, jaar, m, begin);
                }
            }
        }
    }

    fn thuis_noord(&mut self, jaar: i32, pools: &Pools, gaten: &mut [Gat]) {
        let n = self.n(THUIS_NOORD[ji(jaar)]);
        let n_abs = (n as f64 * 0.3).round() as usize;
        let a = sj_begin(jaar);
        let b = sj_eind(jaar);
        let mut kand: Vec<usize> = gaten
            .iter()
            .enumerate()
            .filter(|(_, g)| !g.gebruikt && g.van <= b && g.tot >= a && dagen(g.van, g.tot) >= 28)
            .map(|(i, _)| i)
            .collect();
        let mut gemaakt = 0;
        while gemaakt < n_abs && !kand.is_empty() {
            let k = index(self.rng, kand.len());
            let gi = kand.swap_remove(k);
            let (j, van, tot, einde) = (gaten[gi].jongere, gaten[gi].van, gaten[gi].tot, gaten[gi].einde);
            let p = &self.bev.personen[j as usize];
            if p.gemeente_op(van.max(a)).is_none_or(is_zuid) {
                continue;
            }
            gaten[gi].gebruikt = true;
            gemaakt += 1;
            let (_, reden) = self.gat_reden(j, einde);
            self.thuis_absoluut(j, None, van, tot, einde == GatEinde::Open, reden);
        }
        let mg = maandgewichten(jaar);
        for _ in gemaakt..n {
            let gevonden = zoek(self.rng, &self.bev.personen, &pools.noord, 300, |rng, _, p| {
                let m = schooldag(rng, jaar, mg);
                let e = lp_insch(p, m, None, false)?;
                Some((m, e.eind))
            });
            if let Some((j, (m, eind))) = gevonden {
                self.thuis_relatief(j, None, m, eind);
            }
        }
    }

    fn preventief(&mut self, jaar: i32, pools: &Pools) {
        let n = self.n(PREVENTIEF[ji(jaar)]);
        let mg = maandgewichten(jaar);
        for _ in 0..n {
            let leerplicht = kans(self.rng, 0.6);
            let pool = if leerplicht { &pools.lp[2] } else { &pools.p18[3] };
            let gevonden = zoek(self.rng, &self.bev.personen, pool, 300, |rng, _, p| {
                let m = schooldag(rng, jaar, mg);
                let a = p.leeftijd(m);
                let e = p.insch_op(m)?;
                let ok = if leerplicht {
                    (12..=17).contains(&a)
                        && p.zuid_op(m)
                        && !p.sq_op(m)
                        && matches!(e.soort, Onderwijssoort::Vo | Onderwijssoort::Pro)
                } else {
                    (18..=22).contains(&a)
                        && p.gemeente_op(m).is_some()
                        && !p.sq_op(m)
                        && matches!(e.soort, Onderwijssoort::Mbo | Onderwijssoort::Vavo)
                };
                ok.then_some(m)
            });
            let Some((j, m)) = gevonden else { continue };
            let rol = if leerplicht { Rol::Leerplichtambtenaar } else { Rol::RmcConsulent };
            let medewerker = self.mw_voor(rol, false, m, m);
            self.uit.acties.push(Actie {
                jongere: j,
                zaak: None,
                soort: ActieSoort::PreventiefGesprek,
                datum: m,
                medewerker,
                pv_tegen: None,
                ouder: None,
                overmacht: None,
                uitkomst: None,
                uitkomst_datum: None,
                toelichting: "Preventief spreekuur op school",
            });
        }
    }

    /// HALT and PV for this year's relatief and absoluut zaken (luxe PVs were decided with the
    /// melding).
    fn maatregelen(&mut self, jaar: i32, vanaf: usize) {
        let y = ji(jaar);
        let leeftijd = |z: &Zaak, bev: &Bevolking, dagen_later: i64| {
            bev.personen[z.jongere as usize].leeftijd(plus(z.geopend, dagen_later))
        };
        let mut halt: Vec<usize> = (vanaf..self.uit.zaken.len())
            .filter(|i| {
                let z = &self.uit.zaken[*i];
                z.aard == Aard::Relatief
                    && z.maatregel == Maatregel::Geen
                    && leeftijd(z, self.bev, 30) >= 12
                    && leeftijd(z, self.bev, 150) <= 17
            })
            .collect();
        let n_halt = self.n(HALT_RELATIEF[y]);
        let mut n_pv = self.n(PV_RELATIEF[y]);
        for _ in 0..n_halt {
            if halt.is_empty() {
                break;
            }
            let k = index(self.rng, halt.len());
            let i = halt.swap_remove(k);
            let negatief = kans(self.rng, 0.15);
            let pv = negatief && n_pv > 0;
            n_pv -= usize::from(pv);
            self.uit.zaken[i].maatregel = Maatregel::Halt { negatief, pv };
        }
        let mut pv: Vec<usize> = (vanaf..self.uit.zaken.len())
            .filter(|i| {
                let z = &self.uit.zaken[*i];
                z.aard == Aard::Relatief && z.maatregel == Maatregel::Geen && leeftijd(z, self.bev, 150) <= 17
            })
            .collect();
        for _ in 0..n_pv {
            if pv.is_empty() {
                break;
            }
            let k = index(self.rng, pv.len());
            let i = pv.swap_remove(k);
            self.uit.zaken[i].maatregel = Maatregel::Pv;
        }
        let mut abs: Vec<usize> = (vanaf..self.uit.zaken.len())
            .filter(|i| {
                let z = &self.uit.zaken[*i];
                z.aard == Aard::Absoluut && leeftijd(z, self.bev, 90) <= 17
            })
            .collect();
        for _ in 0..self.n(PV_ABSOLUUT[y]) {
            if abs.is_empty() {
                break;
            }
            let k = index(self.rng, abs.len());
            let i = abs.swap_remove(k);
            self.uit.zaken[i].maatregel = Maatregel::Pv;
        }
    }

    // ---------------------------------------------------------------- RMC

    fn rmc(&mut self, jaar: i32, pools: &Pools) {
        let y = ji(jaar);
        let a = sj_begin(jaar);
        let b = sj_eind(jaar);
        if jaar == EERSTE_JAAR {
            // Trajecten from 2015-2016 that run on into the first schooljaar.
            let n = self.n(RMC_TOTAAL[0] * 0.12);
            for _ in 0..n {
                self.nieuw_traject(
                    jaar - 1,
                    TrajectSoort::Regulier,
                    Cat::Vsv,
                    pools,
                    Some((d(2016, 2, 1), d(2016, 7, 29))),
                );
            }
        }
        // Tabel 9's RMC-ers: the P-wet talks are made beside them, not counted among them.
        let rmcer = |soort| leerspoor_domain::rules::traject::telt_als_rmcer(soort);
        let actief =
            self.uit.rmc.iter().filter(|r| rmcer(r.soort) && r.begin <= b && r.eind.is_none_or(|e| e >= a)).count();
        let totaal = self.n(RMC_TOTAAL[y]);
        let jikp = self.n(RMC_TOTAAL[y] * RMC_JIKP[y]);
        let bijzonder = [
            (TrajectSoort::Wet, Cat::Vsv, RMC_WET[y]),
            (TrajectSoort::Leerwerkmakelaar, Cat::Mbo, RMC_LWM[y]),
            (TrajectSoort::Zomeractie, Cat::Zomer, RMC_ZOMER[y]),
            (TrajectSoort::Statushouder, Cat::Statushouder, RMC_STATUS[y]),
            (TrajectSoort::OverstapVoMbo, Cat::Overstap, RMC_OVERSTAP[y]),
            (TrajectSoort::PwetScholingsadvies, Cat::Pwet, RMC_PWET[y]),
        ];
        let mut gemaakt = 0;
        for (soort, cat, basis) in bijzonder {
            for _ in 0..self.n(basis) {
                gemaakt += usize::from(self.nieuw_traject(jaar, soort, cat, pools, None) && rmcer(soort));
            }
        }
        for _ in 0..jikp {
            gemaakt += usize::from(self.nieuw_traject(jaar, TrajectSoort::Regulier, Cat::Jikp, pools, None));
        }
        let regulier = totaal.saturating_sub(actief + gemaakt);
        for _ in 0..regulier {
            self.nieuw_traject(jaar, TrajectSoort::Regulier, Cat::Vsv, pools, None);
        }
    }

    fn nieuw_traject(
        &mut self,
        jaar: i32,
        soort: TrajectSoort,
        cat: Cat,
        pools: &Pools,
        venster: Option<(Datum, Datum)>,
    ) -> bool {
        let (pool, leeftijden): (&[u32], std::ops::RangeInclusive<i32>) = match cat {
            Cat::Vsv if soort == TrajectSoort::Wet => (&pools.vsv, 16..=22),
            Cat::Vsv | Cat::Zomer => (&pools.vsv, 18..=22),
            Cat::Jikp => (&pools.jikp, 16..=22),
            Cat::Pwet => (&pools.pwet, 23..=27),
            Cat::Statushouder => (&pools.statushouder, 18..=27),
            Cat::Overstap => (&pools.overstap, 15..=17),
            Cat::Mbo => (&pools.p18[3], 18..=22),
        };
        let (van, tot) = venster.unwrap_or(match cat {
            Cat::Zomer => (d(jaar + 1, 6, 1), d(jaar + 1, 7, 30)),
            Cat::Overstap => (d(jaar + 1, 3, 1), d(jaar + 1, 7, 15)),
            _ => (sj_begin(jaar), sj_eind(jaar)),
        });
        let uniek = matches!(cat, Cat::Vsv | Cat::Zomer);
        let rmc_jaar = &self.rmc_jaar;
        let zoek_jaar = jaar as i16;
        let vind = |rng: &mut Rng, personen: &[Persoon], streng: bool| {
            zoek(rng, personen, pool, 200, |rng, j, p| {
                if streng && uniek && rmc_jaar[j as usize] == zoek_jaar {
                    return None;
                }
                let begin = werkdag(tussen(rng, van, tot.min(DATA_EIND)), van, tot.min(DATA_EIND));
                if !leeftijden.contains(&p.leeftijd(begin)) || p.gemeente_op(begin).is_none() {
                    return None;
                }
                let ok = match cat {
                    Cat::Vsv | Cat::Zomer => !p.sq_op(begin) && (!streng || p.insch_op(begin).is_none()),
                    Cat::Mbo => !p.sq_op(begin) && p.insch_op(begin).is_some_and(|e| e.soort == Onderwijssoort::Mbo),
                    Cat::Overstap => p.insch_op(begin).is_some(),
                    _ => true,
                };
                ok.then_some(begin)
            })
        };
        let gevonden = vind(self.rng, &self.bev.personen, true).or_else(|| vind(self.rng, &self.bev.personen, false));
        let Some((j, begin)) = gevonden else { return false };
        let p = &self.bev.personen[j as usize];
        let vroegst = p.regio_van.max(verjaardag(p.geboren, 15));
        let aangemeld = if cat != Cat::Zomer && kans(self.rng, 0.12) {
            tussen(self.rng, plus(sj_begin(schooljaar_van(begin)), -400), plus(sj_begin(schooljaar_van(begin)), -1))
        } else {
            plus(begin, -getal(self.rng, 0, 30))
        };
        let aangemeld = if aangemeld < vroegst { begin } else { aangemeld };
        if uniek {
            self.rmc_jaar[j as usize] = jaar as i16;
        }
        self.traject(j, soort, cat, jaar, aangemeld, begin);
        true
    }

    fn traject(&mut self, j: u32, soort: TrajectSoort, cat: Cat, jaar: i32, aangemeld: Datum, begin: Datum) {
        let y = ji(jaar.max(EERSTE_JAAR));
        let eind_jaar = sj_eind(schooljaar_van(begin));
        let eind = if schooljaar_van(begin) >= LAATSTE_JAAR {
            if kans(self.rng, RMC_DOORLOOP[y]) {
                None
            } else {
                Some(tussen(self.rng, plus(begin, 14).min(DATA_EIND), DATA_EIND))
            }
        } else if kans(self.rng, RMC_DOORLOOP[y]) || jaar < EERSTE_JAAR {
            let volgend = plus(eind_jaar, 1);
            Some(tussen(self.rng, volgend, plus(volgend, 300)))
        } else {
            Some(tussen(self.rng, plus(begin, 14), eind_jaar.max(plus(begin, 14))))
        };
        let eind = eind.map(|e| e.min(DATA_EIND).max(begin));
        let resultaat = self.resultaat(j, soort, cat, begin, eind);
        let medewerker = self.mw_voor(Rol::RmcConsulent, false, begin, eind.unwrap_or(DATA_EIND));
        self.uit.rmc.push(Rmc { jongere: j, soort, medewerker, aangemeld, begin, eind, resultaat });
    }

    fn resultaat(
        &mut self,
        j: u32,
        soort: TrajectSoort,
        cat: Cat,
        begin: Datum,
        eind: Option<Datum>,
    ) -> Option<&'static str> {
        let Some(e) = eind else { return Some("nog_in_traject") };
        if cat == Cat::Jikp {
            return Some(kies(
                self.rng,
                &[("jikp_arbeid", 0.40), ("jikp_pwet", 0.18), ("jikp_wajong", 0.17), ("jikp_ketenpartner", 0.25)],
            ));
        }
        match soort {
            TrajectSoort::Statushouder => {
                return Some(kies(self.rng, &[("statushouder_inburgering", 0.7), ("statushouder_scholing", 0.3)]));
            }
            TrajectSoort::PwetScholingsadvies => {
                return Some(kies(self.rng, &[("scholing", 0.3), ("werk", 0.3), ("niet_herplaatst", 0.4)]));
            }
            _ => {}
        }
        let p = &self.bev.personen[j as usize];
        if p.regio_tot.is_some_and(|t| t <= plus(e, 30)) {
            return Some("overig_verhuisd");
        }
        if p.sq_op(e) {
            return Some("geen_rmc_vsv");
        }
        if p.insch.iter().any(|x| x.begin > begin && x.begin <= plus(e, 45)) {
            return Some(match soort {
                TrajectSoort::Leerwerkmakelaar => "werk_en_scholing",
                _ => kies(self.rng, &[("scholing", 0.9), ("opvangvoorziening", 0.1)]),
            });
        }
        Some(match soort {
            TrajectSoort::Wet => kies(
                self.rng,
                &[
                    ("stage_wet", 0.35),
                    ("scholing", 0.25),
                    ("niet_herplaatst", 0.2),
                    ("werk", 0.1),
                    ("overig_verhuisd", 0.1),
                ],
            ),
            TrajectSoort::Leerwerkmakelaar => {
                kies(self.rng, &[("werk_en_scholing", 0.3), ("werk", 0.3), ("niet_herplaatst", 0.4)])
            }
            TrajectSoort::OverstapVoMbo => kies(self.rng, &[("scholing", 0.85), ("niet_herplaatst", 0.15)]),
            _ => kies(
                self.rng,
                &[
                    ("werk", 0.33),
                    ("niet_herplaatst", 0.30),
                    ("scholing", 0.10),
                    ("opvangvoorziening", 0.04),
                    ("overig_verhuisd", 0.09),
                    ("niet_doelgroep", 0.06),
                    ("werk_en_scholing", 0.01),
                    ("stage_wet", 0.01),
                    ("geen_rmc_vsv", 0.01),
                    ("buitenlands_onderwijs", 0.004),
                ],
            ),
        })
    }

    // ---------------------------------------------------------------- acties and statuses

    fn afronden(&mut self) {
        for zi in 0..self.uit.zaken.len() {
            self.acties_voor(zi);
        }
        for i in 0..self.uit.meldingen.len() {
            let (zaak, soort, datum, kennisgeving) = {
                let m = &self.uit.meldingen[i];
                (m.zaak, m.soort, m.datum, m.kennisgeving)
            };
            let (gesloten, reden) = {
                let z = &self.uit.zaken[zaak as usize];
                (z.gesloten(), z.reden)
            };
            let (status, afsluiting) = if !gesloten {
                (if dagen(datum, DATA_EIND) < 5 { "geregistreerd" } else { "in_behandeling" }, None)
            } else if kennisgeving {
                ("ter_kennisgeving", None)
            } else {
                ("afgesloten", Some(self.afsluiting(reden, soort)))
            };
            let m = &mut self.uit.meldingen[i];
            m.status = status;
            m.afsluiting = afsluiting;
        }
    }

    fn afsluiting(&mut self, zaakreden: &str, soort: &str) -> &'static str {
        match zaakreden {
            "verzuim_gestopt" | "halt" | "proces_verbaal" | "ingeschreven" if soort == "achttien_plus" => kies(
                self.rng,
                &[
                    ("terug_naar_school", 0.6),
                    ("beeindigd_andere_opleiding", 0.15),
                    ("beeindigd_werk", 0.15),
                    ("beeindigd_overig", 0.1),
                ],
            ),
            "verzuim_gestopt" | "halt" | "proces_verbaal" | "ingeschreven" => "terug_naar_school",
            "hulpverlening" if soort == "zorgwekkend_ziekteverzuim" => "geen_verzuim_ziek",
            "hulpverlening" => kies(self.rng, &[("terug_naar_school", 0.7), ("geen_verzuim_ziek", 0.3)]),
            "geen_verzuim" if soort == "zorgwekkend_ziekteverzuim" => "geen_verzuim_ziek",
            "geen_verzuim" => "geen_verzuim_legitiem",
            _ => "beeindigd_overig",
        }
    }

    fn medewerker_op(&mut self, zaakmw: Option<u32>, rol: Rol, datum: Datum) -> Option<u32> {
        match zaakmw {
            Some(m) if self.w.medewerkers[m as usize].actief(datum, datum) => Some(m),
            _ => self.mw_voor(rol, false, datum, datum),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn actie(
        &mut self,
        j: u32,
        zaak: u32,
        soort: ActieSoort,
        datum: Datum,
        medewerker: Option<u32>,
        overmacht: Option<&'static str>,
        toelichting: &'static str,
    ) -> bool {
        if datum > DATA_EIND {
            return false;
        }
        self.uit.acties.push(Actie {
            jongere: j,
            zaak: Some(zaak),
            soort,
            datum,
            medewerker,
            pv_tegen: None,
            ouder: None,
            overmacht,
            uitkomst: None,
            uitkomst_datum: None,
            toelichting,
        });
        true
    }

    fn acties_voor(&mut self, zi: usize) {
        let (j, open, aard, maatregel, zaakmw, soort) = {
            let z = &self.uit.zaken[zi];
            (z.jongere, z.geopend, z.aard, z.maatregel, z.medewerker, z.soort)
        };
        let zaak = zi as u32;
        let rol = if soort == ZaakSoort::Rmc { Rol::RmcConsulent } else { Rol::Leerplichtambtenaar };
        let mut laatste;
        let mut gesprek = false;
        let mut maatregel_gedaan = false;
        match aard {
            Aard::Luxe { overmacht } => {
                if overmacht {
                    let g = plus(open, getal(self.rng, 3, 14)).min(DATA_EIND);
                    let mw = self.medewerker_op(zaakmw, rol, g);
                    let reden = kies(
                        self.rng,
                        &[
                            ("Overlijden van een grootouder in het buitenland; overlijdensakte overgelegd", 0.5),
                            ("Ernstige ziekte van een familielid; verklaring arts overgelegd", 0.3),
                            ("Vlucht geannuleerd door staking; bewijs van de luchtvaartmaatschappij", 0.2),
                        ],
                    );
                    gesprek = self.actie(j, zaak, ActieSoort::Gesprek, g, mw, Some(reden), "Overmacht aangetoond");
                    laatste = g;
                } else if maatregel == Maatregel::Pv {
                    let u = plus(open, getal(self.rng, 1, 5)).min(DATA_EIND);
                    let mw = self.medewerker_op(zaakmw, rol, u);
                    self.actie(j, zaak, ActieSoort::Uitnodiging, u, mw, None, "Uitnodiging ouders voor verhoor");
                    let pvd = plus(u, getal(self.rng, 7, 30)).min(DATA_EIND);
                    maatregel_gedaan = self.pv(j, zaak, pvd, aard);
                    laatste = pvd;
                } else {
                    let w = plus(open, getal(self.rng, 2, 10)).min(DATA_EIND);
                    let mw = self.medewerker_op(zaakmw, rol, w);
                    maatregel_gedaan = self.actie(
                        j,
                        zaak,
                        ActieSoort::Waarschuwing,
                        w,
                        mw,
                        None,
                        "Schriftelijke waarschuwing aan ouders",
                    );
                    laatste = w;
                }
            }
            _ => {
                let u = plus(open, getal(self.rng, 1, 5));
                let mw = self.medewerker_op(zaakmw, rol, u.min(DATA_EIND));
                let tekst = if aard == Aard::Absoluut {
                    "Brief aan ouders/verzorgers en navraag bij de laatste school"
                } else {
                    "Uitnodiging voor een gesprek"
                };
                self.actie(j, zaak, ActieSoort::Uitnodiging, u, mw, None, tekst);
                let g = plus(u, getal(self.rng, 4, 14));
                let mw = self.medewerker_op(zaakmw, rol, g.min(DATA_EIND));
                gesprek = self.actie(j, zaak, ActieSoort::Gesprek, g, mw, None, "Gesprek met jongere en ouders");
                laatste = g;
                if aard == Aard::Relatief && maatregel == Maatregel::Geen && kans(self.rng, 0.25) {
                    let w = plus(g, getal(self.rng, 0, 3));
                    let mw = self.medewerker_op(zaakmw, rol, w.min(DATA_EIND));
                    maatregel_gedaan |= self.actie(j, zaak, ActieSoort::Waarschuwing, w, mw, None, "Waarschuwing");
                    laatste = laatste.max(w);
                }
                let p_hulp = match aard {
                    Aard::Relatief => 0.25,
                    Aard::Ziekte => 0.8,
                    Aard::Rmc => 0.2,
                    _ => 0.1,
                };
                if kans(self.rng, p_hulp) {
                    let h = plus(g, getal(self.rng, 5, 30));
                    let mw = self.medewerker_op(zaakmw, rol, h.min(DATA_EIND));
                    maatregel_gedaan |= self.actie(
                        j,
                        zaak,
                        ActieSoort::Hulpverlening,
                        h,
                        mw,
                        None,
                        "Doorverwezen naar het CJG / jeugdhulp",
                    );
                    laatste = laatste.max(h);
                }
                match maatregel {
                    Maatregel::Halt { negatief, pv } => {
                        let hd = plus(g, getal(self.rng, 10, 35));
                        let terug = self.halt(j, zaak, hd, negatief);
                        maatregel_gedaan |= hd <= DATA_EIND;
                        laatste = laatste.max(hd);
                        if pv {
                            let pvd = plus(terug.unwrap_or(plus(hd, 60)), getal(self.rng, 7, 20));
                            maatregel_gedaan |= self.pv(j, zaak, pvd, aard);
                            laatste = laatste.max(pvd);
                        }
                    }
                    Maatregel::Pv => {
                        let pvd = plus(g, getal(self.rng, 10, 50));
                        maatregel_gedaan |= self.pv(j, zaak, pvd, aard);
                        laatste = laatste.max(pvd);
                    }
                    Maatregel::Geen => {}
                }
                if aard != Aard::Rmc && kans(self.rng, 0.03) {
                    let e = plus(laatste, getal(self.rng, 10, 40));
                    let mw = self.mw_voor(Rol::Teamleider, false, e.min(DATA_EIND), e.min(DATA_EIND));
                    maatregel_gedaan |= self.actie(
                        j,
                        zaak,
                        ActieSoort::Escalatie,
                        e,
                        mw,
                        None,
                        "Casus opgeschaald (doorzettingsmacht)",
                    );
                    laatste = laatste.max(e);
                }
            }
        }
        let extra = getal(self.rng, 3, 20);
        let z = &mut self.uit.zaken[zi];
        z.sluit = z.sluit.max(plus(laatste, extra));
        if !z.reden.starts_with("verhuisd") && z.aard != Aard::Absoluut {
            match z.maatregel {
                Maatregel::Pv | Maatregel::Halt { pv: true, .. } => z.reden = "proces_verbaal",
                Maatregel::Halt { pv: false, .. } => z.reden = "halt",
                Maatregel::Geen => {}
            }
        }
        z.status = if z.sluit <= DATA_EIND {
            ZaakStatus::Gesloten
        } else if maatregel_gedaan {
            ZaakStatus::Maatregel
        } else if gesprek {
            ZaakStatus::InOnderzoek
        } else {
            ZaakStatus::Nieuw
        };
    }

    /// A HALT-verwijzing by a BOA; returns the date of the outcome if known.
    fn halt(&mut self, j: u32, zaak: u32, datum: Datum, negatief: bool) -> Option<Datum> {
        if datum > DATA_EIND || !(12..=17).contains(&self.bev.personen[j as usize].leeftijd(datum)) {
            return None;
        }
        let medewerker = self.mw_voor(Rol::Leerplichtambtenaar, true, datum, datum);
        let terug = plus(datum, getal(self.rng, 40, 100));
        let (uitkomst, uitkomst_datum) = if terug > DATA_EIND {
            (None, None)
        } else if negatief {
            (Some(uitkomst::HALT_NEGATIEF), Some(terug))
        } else {
            (Some(uitkomst::HALT_POSITIEF), Some(terug))
        };
        self.uit.acties.push(Actie {
            jongere: j,
            zaak: Some(zaak),
            soort: ActieSoort::Halt,
            datum,
            medewerker,
            pv_tegen: None,
            ouder: None,
            overmacht: None,
            uitkomst,
            uitkomst_datum,
            toelichting: "HALT-verwijzing (leerstraf)",
        });
        uitkomst_datum
    }

    /// A proces-verbaal by a BOA, against the youth (12 or older) or a parent with gezag.
    fn pv(&mut self, j: u32, zaak: u32, datum: Datum, aard: Aard) -> bool {
        let a = self.bev.personen[j as usize].leeftijd(datum);
        if datum > DATA_EIND || a >= 18 {
            return false;
        }
        let p_jongere = match aard {
            Aard::Relatief => 0.65,
            Aard::Luxe { .. } => 0.15,
            _ => 0.25,
        };
        let (pv_tegen, ouder) = if a >= 12 && kans(self.rng, p_jongere) {
            (PvTegen::Jongere, None)
        } else {
            (PvTegen::Ouder, Some(self.bev.ouder_met_gezag(j)))
        };
        let medewerker = self.mw_voor(Rol::Leerplichtambtenaar, true, datum, datum);
        let laatste = schooljaar_van(datum) >= LAATSTE_JAAR;
        let tabel: &[(&str, f64)] = match aard {
            Aard::Luxe { .. } => &[
                (uitkomst::SCHIKKING, 0.50),
                (uitkomst::ZITTING, 0.05),
                (uitkomst::OVERIG, 0.25),
                (uitkomst::SEPOT, 0.12),
                (uitkomst::ONBEKEND, 0.08),
            ],
            Aard::Absoluut => &[
                (uitkomst::OVERIG, 0.5),
                (uitkomst::SCHIKKING, 0.2),
                (uitkomst::SEPOT, 0.2),
                (uitkomst::ONBEKEND, 0.1),
            ],
            // Now and then the OM sends a youth's PV on to HALT (seed 000 Tabel 5: 21 leerstraffen
            // beside 20 HALT-verwijzingen).
            _ => &[
                (uitkomst::SCHIKKING, 0.12),
                (uitkomst::ZITTING, 0.35),
                (uitkomst::OM_HALT, 0.04),
                (uitkomst::OVERIG, 0.26),
                (uitkomst::SEPOT, 0.15),
                (uitkomst::ONBEKEND, 0.08),
            ],
        };
        let mut uitkomst = if laatste && kans(self.rng, 0.45) { uitkomst::ONBEKEND } else { kies(self.rng, tabel) };
        let mut uitkomst_datum = None;
        if uitkomst != uitkomst::ONBEKEND {
            let u = plus(datum, getal(self.rng, 60, 200));
            if u > DATA_EIND {
                uitkomst = uitkomst::ONBEKEND;
            } else {
                uitkomst_datum = Some(u);
            }
        }
        self.uit.acties.push(Actie {
            jongere: j,
            zaak: Some(zaak),
            soort: ActieSoort::ProcesVerbaal,
            datum,
            medewerker,
            pv_tegen: Some(pv_tegen),
            ouder,
            overmacht: None,
            uitkomst: Some(uitkomst),
            uitkomst_datum,
            toelichting: "Proces-verbaal ingezonden naar het Openbaar Ministerie",
        });
        true
    }
}

/// A plan for a vrijstelling of `artikel` in schooljaar `jaar` for youth `p`, if the youth fits.
fn plan(
    rng: &mut Rng,
    p: &Persoon,
    vrij: Option<&Vec<(Datum, Datum)>>,
    artikel: &str,
    jaar: i32,
    verlenging: bool,
) -> Option<VrijPlan> {
    let a = sj_begin(jaar);
    let b = sj_eind(jaar);
    let wd = |x: Datum| werkdag(x, plus(a, -200), b);
    let ingeschreven = |x: Datum| p.insch_op(x).is_some() || p.insch_op(plus(x, -1)).is_some();
    match artikel {
        "art5_sub_a" => {
            let aanvraag = wd(tussen(rng, plus(a, 14), d(jaar + 1, 5, 15)));
            let arts = plus(aanvraag, -getal(rng, 5, 60));
            let swv = plus(aanvraag, getal(rng, 7, 35));
            let besluit = plus(swv, getal(rng, 3, 20));
            let tot = if kans(rng, 0.3) { sj_eind(jaar + 1) } else { b };
            let l = p.leeftijd(besluit);
            let ok = (5..=15).contains(&l)
                && besluit >= leerplicht_begin(p.geboren)
                && p.zuid_op(aanvraag)
                && p.zuid_op(besluit)
                && ingeschreven(besluit)
                && gat_mag(p, vrij, besluit, tot);
            ok.then_some(VrijPlan {
                aanvraag,
                besluit,
                van: besluit,
                tot,
                arts: Some(arts),
                swv: Some(swv),
                dagen: None,
                gat: true,
            })
        }
        "art5_sub_b" => {
            let aanvraag = wd(tussen(rng, d(jaar, 3, 1), d(jaar, 6, 26)));
            let besluit = plus(aanvraag, getal(rng, 10, 25));
            let l = p.leeftijd(a);
            let ok = (5..=15).contains(&l)
                && p.zuid_op(aanvraag)
                && p.zuid_op(a)
                && (verlenging || ingeschreven(a))
                && gat_mag(p, vrij, a, b);
            ok.then_some(VrijPlan { aanvraag, besluit, van: a, tot: b, arts: None, swv: None, dagen: None, gat: true })
        }
        "art5_sub_c" | "art5a" => {
            let aanvraag = wd(tussen(rng, d(jaar, 8, 20), d(jaar, 10, 31)));
            let besluit = plus(aanvraag, getal(rng, 5, 25));
            let l = p.leeftijd(aanvraag);
            let max = if artikel == "art5a" { 15 } else { 17 };
            let ok = (5..=max).contains(&l)
                && aanvraag >= leerplicht_begin(p.geboren)
                && !p.sq_op(aanvraag)
                && p.zuid_op(aanvraag)
                && ingeschreven(aanvraag)
                && gat_mag(p, vrij, aanvraag, b);
            ok.then_some(VrijPlan {
                aanvraag,
                besluit,
                van: aanvraag,
                tot: b,
                arts: None,
                swv: None,
                dagen: None,
                gat: true,
            })
        }
        "art15" => {
            let aanvraag = wd(tussen(rng, plus(a, 20), d(jaar + 1, 4, 30)));
            let besluit = plus(aanvraag, getal(rng, 7, 30));
            let tot = plus(verjaardag(p.geboren, 18), -1).min(b);
            let l = p.leeftijd(besluit);
            let ok = (16..=17).contains(&l)
                && dagen(besluit, tot) >= 30
                && !p.sq_op(besluit)
                && p.zuid_op(besluit)
                && p.insch_op(besluit).is_some()
                && gat_mag(p, vrij, besluit, tot);
            ok.then_some(VrijPlan {
                aanvraag,
                besluit,
                van: besluit,
                tot,
                arts: None,
                swv: None,
                dagen: None,
                gat: true,
            })
        }
        "art3a" | "art3b" => {
            let aanvraag = wd(tussen(rng, plus(a, 14), d(jaar + 1, 5, 31)));
            let besluit = plus(aanvraag, getal(rng, 7, 25));
            let l = p.leeftijd(besluit);
            let (leeftijden, tot) = if artikel == "art3a" {
                (14..=15, sj_eind(schooljaar_van(verjaardag(p.geboren, 16))))
            } else {
                (15..=16, b)
            };
            let ok = leeftijden.contains(&l)
                && tot >= besluit
                && p.zuid_op(besluit)
                && !p.sq_op(besluit)
                && p.insch_op(besluit).is_some();
            ok.then_some(VrijPlan {
                aanvraag,
                besluit,
                van: besluit,
                tot,
                arts: None,
                swv: None,
                dagen: None,
                gat: false,
            })
        }
        "art11_sub_g" => {
            let van = wd(tussen(rng, d(jaar, 9, 15), d(jaar + 1, 6, 15)));
            let n = getal(rng, 11, 30);
            let tot = plus(van, n - 1 + 2 * ((n - 1) / 5));
            let aanvraag = wd(plus(van, -getal(rng, 14, 45)));
            let besluit = plus(aanvraag, getal(rng, 3, 10)).min(plus(van, -1));
            let l = p.leeftijd(van);
            let ok = (5..=17).contains(&l)
                && van >= leerplicht_begin(p.geboren)
                && besluit >= aanvraag
                && p.zuid_op(van)
                && p.insch_op(van).is_some_and(|e| e.omvat(tot));
            ok.then_some(VrijPlan {
                aanvraag,
                besluit,
                van,
                tot,
                arts: None,
                swv: None,
                dagen: Some(n as u32),
                gat: false,
            })
        }
        _ => None,
    }
}
