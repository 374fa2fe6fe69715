//! A youth's school career: enrolments, diplomas and drop-outs, consistent with age.
//!
//! The career is built as if the youth always lived in the region; [`crate::bevolking`] then cuts it
//! to the time the youth lived here and to the register's history.
use crate::kalender::{
    DATA_EIND, Datum, Rng, d, eerste_volgende_maand, getal, index, kans, kies, leeftijd, plus, schooljaar_van, sj_eind,
    tussen, verjaardag,
};
use crate::organisatie::{Soort, Wereld};
use chrono::Datelike;
use leerspoor_domain::onderwijs::{DiplomaSoort, Niveau, Onderwijssoort, VsoProfiel};
use rand::RngExt;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Insch {
    pub school: u32,
    pub soort: Onderwijssoort,
    pub niveau: Option<Niveau>,
    pub profiel: Option<VsoProfiel>,
    pub begin: Datum,
    /// Last day enrolled; `None`: still enrolled at the end of the data.
    pub eind: Option<Datum>,
}

impl Insch {
    pub(crate) fn omvat(&self, x: Datum) -> bool {
        self.begin <= x && self.eind.is_none_or(|e| x <= e)
    }

    pub(crate) fn overlapt(&self, van: Datum, tot: Datum) -> bool {
        self.begin <= tot && self.eind.is_none_or(|e| e >= van)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Dipl {
    pub soort: DiplomaSoort,
    pub datum: Datum,
    pub school: u32,
}

/// Leaving education without startkwalificatie: `datum` is the day after the last enrolled day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Uitval {
    pub datum: Datum,
    pub soort: Onderwijssoort,
    pub niveau: Option<Niveau>,
    pub school: u32,
}

#[derive(Default)]
pub(crate) struct Loopbaan {
    pub insch: Vec<Insch>,
    pub dipl: Vec<Dipl>,
    pub uitval: Vec<Uitval>,
}

pub(crate) fn is_sq(soort: DiplomaSoort) -> bool {
    matches!(
        soort,
        DiplomaSoort::Havo | DiplomaSoort::Vwo | DiplomaSoort::Mbo2 | DiplomaSoort::Mbo3 | DiplomaSoort::Mbo4
    )
}

fn diploma_van(niveau: Niveau) -> DiplomaSoort {
    match niveau {
        Niveau::VmboBb => DiplomaSoort::VmboBb,
        Niveau::VmboKb => DiplomaSoort::VmboKb,
        Niveau::VmboGt => DiplomaSoort::VmboGt,
        Niveau::Havo => DiplomaSoort::Havo,
        Niveau::Vwo => DiplomaSoort::Vwo,
        Niveau::Mbo1 => DiplomaSoort::Mbo1,
        Niveau::Mbo2 => DiplomaSoort::Mbo2,
        Niveau::Mbo3 => DiplomaSoort::Mbo3,
        Niveau::Mbo4 => DiplomaSoort::Mbo4,
    }
}

fn lager(n: Niveau) -> Niveau {
    match n {
        Niveau::Mbo4 => Niveau::Mbo3,
        Niveau::Mbo3 => Niveau::Mbo2,
        _ => Niveau::Mbo1,
    }
}

pub(crate) fn schoolsoort(o: Onderwijssoort) -> Soort {
    match o {
        Onderwijssoort::Bao => Soort::Bao,
        Onderwijssoort::Sbo => Soort::Sbo,
        Onderwijssoort::So => Soort::So,
        Onderwijssoort::Vso => Soort::Vso,
        Onderwijssoort::Vo => Soort::Vo,
        Onderwijssoort::Pro => Soort::Pro,
        Onderwijssoort::Mbo => Soort::Mbo,
        Onderwijssoort::Vavo => Soort::Vavo,
        Onderwijssoort::Ho | Onderwijssoort::Onbekend => Soort::Onbekend,
    }
}

#[derive(Clone, Copy)]
enum Route {
    Pro,
    Vso,
    Vo(Niveau),
    OnbekendVo,
}

struct Bouwer<'a> {
    rng: &'a mut Rng,
    w: &'a Wereld,
    geboren: Datum,
    /// (from, gemeente), sorted.
    woon: &'a [(Datum, u8)],
    lb: Loopbaan,
    sq: bool,
}

/// The whole career of a youth born on `geboren` who lived in the gemeenten of `woon`.
pub(crate) fn bouw(rng: &mut Rng, w: &Wereld, geboren: Datum, woon: &[(Datum, u8)]) -> Loopbaan {
    let mut b = Bouwer { rng, w, geboren, woon, lb: Loopbaan::default(), sq: false };
    b.start();
    b.lb
}

impl Bouwer<'_> {
    fn gemeente(&self, x: Datum) -> u8 {
        let mut g = self.woon[0].1;
        for (van, gg) in self.woon {
            if *van <= x {
                g = *gg;
            } else {
                break;
            }
        }
        g
    }

    fn voeg(&mut self, school: u32, soort: Onderwijssoort, niveau: Option<Niveau>, begin: Datum, eind: Datum) {
        self.voeg_profiel(school, soort, niveau, None, begin, eind);
    }

    fn voeg_profiel(
        &mut self,
        school: u32,
        soort: Onderwijssoort,
        niveau: Option<Niveau>,
        profiel: Option<VsoProfiel>,
        begin: Datum,
        eind: Datum,
    ) {
        if begin <= eind {
            self.lb.insch.push(Insch { school, soort, niveau, profiel, begin, eind: Some(eind) });
        }
    }

    fn diploma(&mut self, soort: DiplomaSoort, datum: Datum, school: u32) {
        self.lb.dipl.push(Dipl { soort, datum, school });
        self.sq |= is_sq(soort);
    }

    fn uitval(&mut self, laatste: Datum, soort: Onderwijssoort, niveau: Option<Niveau>, school: u32) {
        let datum = plus(laatste, 1);
        let a = leeftijd(self.geboren, datum);
        if !self.sq && (12..23).contains(&a) {
            self.lb.uitval.push(Uitval { datum, soort, niveau, school });
        }
    }

    fn diplomadatum(&mut self, jaar: i32) -> Datum {
        tussen(self.rng, d(jaar, 6, 10), d(jaar, 7, 10))
    }

    /// A last school day before dropping out, between `van` and `tot`, not in the summer holiday.
    fn uitvaldag(&mut self, van: Datum, tot: Datum) -> Datum {
        let a = plus(van, 30);
        let b = plus(tot, -20).max(a);
        let mut x = tussen(self.rng, a, b);
        for _ in 0..4 {
            if !matches!(x.month(), 7 | 8) {
                break;
            }
            x = tussen(self.rng, a, b);
        }
        x
    }

    fn start(&mut self) {
        let g = self.geboren;
        let bao_start = verjaardag(g, 4);
        if bao_start > DATA_EIND {
            return;
        }
        let g3 = g.year() + 6 + i32::from(g.month() >= 10);
        let r = self.rng.random::<f64>();
        let vertraging = if r < 0.02 {
            -1
        } else if r < 0.14 {
            1
        } else {
            0
        };
        let vo_start = d(g3 + 6 + vertraging, 8, 1);
        let bao_eind = plus(vo_start, -1);
        let gem = self.gemeente(bao_start);
        let r = self.rng.random::<f64>();
        let route = if r < 0.01 {
            let s = self.w.school_sub(self.rng, Soort::So, gem);
            self.voeg(s, Onderwijssoort::So, None, bao_start, bao_eind);
            Route::Vso
        } else if r < 0.03 {
            let wissel = d(g3 + 1 + getal(self.rng, 0, 2) as i32, 8, 1);
            let sbo = self.w.school_sub(self.rng, Soort::Sbo, gem);
            if wissel > plus(bao_start, 90) && wissel < vo_start {
                let bao = self.w.school_in(self.rng, Soort::Bao, gem);
                self.voeg(bao, Onderwijssoort::Bao, None, bao_start, plus(wissel, -1));
                self.voeg(sbo, Onderwijssoort::Sbo, None, wissel, bao_eind);
            } else {
                self.voeg(sbo, Onderwijssoort::Sbo, None, bao_start, bao_eind);
            }
            kies(
                self.rng,
                &[
                    (Route::Pro, 0.35),
                    (Route::Vo(Niveau::VmboBb), 0.35),
                    (Route::Vo(Niveau::VmboKb), 0.15),
                    (Route::Vso, 0.15),
                ],
            )
        } else if r < 0.0315 {
            let s = self.w.school_sub(self.rng, Soort::Onbekend, gem);
            self.voeg(s, Onderwijssoort::Onbekend, None, bao_start, bao_eind);
            self.regulier()
        } else {
            let bao = self.w.school_in(self.rng, Soort::Bao, gem);
            let wissel = d(g3 - 1 + getal(self.rng, 1, 5) as i32, 8, 1);
            if kans(self.rng, 0.06) && wissel > plus(bao_start, 60) && wissel < vo_start {
                let gem = self.gemeente(wissel);
                let tweede = self.w.school_in(self.rng, Soort::Bao, gem);
                self.voeg(bao, Onderwijssoort::Bao, None, bao_start, plus(wissel, -1));
                self.voeg(tweede, Onderwijssoort::Bao, None, wissel, bao_eind);
            } else {
                self.voeg(bao, Onderwijssoort::Bao, None, bao_start, bao_eind);
            }
            self.regulier()
        };
        if vo_start > DATA_EIND {
            return;
        }
        match route {
            Route::Pro => self.pro(vo_start),
            Route::Vso => self.vso(vo_start),
            Route::Vo(n) => self.vo(n, vo_start),
            Route::OnbekendVo => {
                let gem = self.gemeente(vo_start);
                let s = self.w.school_sub(self.rng, Soort::Onbekend, gem);
                let eind = d(vo_start.year() + 3, 7, 31);
                self.voeg(s, Onderwijssoort::Onbekend, None, vo_start, eind);
                let gem = self.gemeente(eind);
                let vo = self.w.school_sub(self.rng, Soort::Vo, gem);
                self.havo_doorstroom(plus(eind, 1), vo);
            }
        }
    }

    fn regulier(&mut self) -> Route {
        kies(
            self.rng,
            &[
                (Route::Pro, 0.027),
                (Route::Vso, 0.015),
                (Route::OnbekendVo, 0.001),
                (Route::Vo(Niveau::VmboBb), 0.08),
                (Route::Vo(Niveau::VmboKb), 0.11),
                (Route::Vo(Niveau::VmboGt), 0.24),
                (Route::Vo(Niveau::Havo), 0.27),
                (Route::Vo(Niveau::Vwo), 0.257),
            ],
        )
    }

    fn vo(&mut self, niveau: Niveau, start: Datum) {
        let gem = self.gemeente(start);
        let school = self.w.school_sub(self.rng, Soort::Vo, gem);
        let y0 = start.year();
        let zitten = i32::from(kans(self.rng, 0.12));
        let brug = kans(self.rng, 0.2);
        let (eind_niveau, wissel, basis) = match niveau {
            Niveau::Vwo if kans(self.rng, 0.10) => (Niveau::Havo, Some(3), 5),
            Niveau::Havo if kans(self.rng, 0.08) => (Niveau::VmboGt, Some(2), 4),
            Niveau::Vwo => (niveau, None, 6),
            Niveau::Havo => (niveau, None, 5),
            _ => (niveau, None, 4),
        };
        let jaren = basis + zitten;
        let ander = if kans(self.rng, 0.04) {
            let k = 1 + index(self.rng, (jaren - 1) as usize) as i32;
            Some((k, self.w.andere_school(self.rng, Soort::Vo, gem, school)))
        } else {
            None
        };
        let attr = |off: i32| -> (Option<Niveau>, u32) {
            let niv = if brug && off == 0 {
                None
            } else if wissel.is_some_and(|w| off >= w) {
                Some(eind_niveau)
            } else {
                Some(niveau)
            };
            let sch = match ander {
                Some((k, s)) if off >= k => s,
                _ => school,
            };
            (niv, sch)
        };
        let uitval_jaar = if jaren >= 3 && kans(self.rng, 0.012) {
            Some(2 + index(self.rng, (jaren - 2) as usize) as i32)
        } else {
            None
        };
        let laatste_jaar = uitval_jaar.unwrap_or(jaren - 1);
        let eind = match uitval_jaar {
            Some(off) => self.uitvaldag(d(y0 + off, 8, 15), d(y0 + off + 1, 7, 1)),
            None => d(y0 + jaren, 7, 31),
        };
        let mut seg_start = start;
        let mut huidig = attr(0);
        for off in 1..=laatste_jaar {
            let a = attr(off);
            if a != huidig {
                let b = d(y0 + off, 8, 1);
                self.voeg(huidig.1, Onderwijssoort::Vo, huidig.0, seg_start, plus(b, -1));
                seg_start = b;
                huidig = a;
            }
        }
        self.voeg(huidig.1, Onderwijssoort::Vo, huidig.0, seg_start, eind);
        let (laatste_niveau, laatste_school) = huidig;
        if uitval_jaar.is_some() {
            self.uitval(eind, Onderwijssoort::Vo, laatste_niveau, laatste_school);
            if kans(self.rng, 0.75) {
                let terug = eerste_volgende_maand(plus(eind, getal(self.rng, 60, 240)));
                let n = if kans(self.rng, 0.5) { Niveau::Mbo1 } else { Niveau::Mbo2 };
                self.mbo(n, terug, 1);
            }
            return;
        }
        if eind > DATA_EIND {
            return;
        }
        let volgende = plus(eind, 1);
        let vmbo = matches!(eind_niveau, Niveau::VmboBb | Niveau::VmboKb | Niveau::VmboGt);
        if kans(self.rng, 0.06) {
            // No diploma.
            if vmbo {
                if kans(self.rng, 0.85) {
                    let n = if eind_niveau == Niveau::VmboBb { Niveau::Mbo1 } else { Niveau::Mbo2 };
                    self.mbo(n, volgende, 0);
                } else {
                    self.uitval(eind, Onderwijssoort::Vo, Some(eind_niveau), laatste_school);
                }
            } else {
                let r = self.rng.random::<f64>();
                if r < 0.45 {
                    self.vavo(eind_niveau, volgende);
                } else if r < 0.9 {
                    self.mbo(Niveau::Mbo4, volgende, 0);
                } else {
                    self.uitval(eind, Onderwijssoort::Vo, Some(eind_niveau), laatste_school);
                }
            }
            return;
        }
        let datum = self.diplomadatum(y0 + jaren);
        self.diploma(diploma_van(eind_niveau), datum, laatste_school);
        match eind_niveau {
            Niveau::VmboBb => {
                let n = kies(self.rng, &[(Niveau::Mbo2, 0.8), (Niveau::Mbo1, 0.12), (Niveau::Mbo3, 0.08)]);
                self.mbo(n, volgende, 0);
            }
            Niveau::VmboKb => {
                let n = kies(self.rng, &[(Niveau::Mbo2, 0.35), (Niveau::Mbo3, 0.45), (Niveau::Mbo4, 0.2)]);
                self.mbo(n, volgende, 0);
            }
            Niveau::VmboGt => {
                if kans(self.rng, 0.15) {
                    self.havo_doorstroom(volgende, laatste_school);
                } else {
                    let n = kies(self.rng, &[(Niveau::Mbo3, 0.2), (Niveau::Mbo4, 0.8)]);
                    self.mbo(n, volgende, 0);
                }
            }
            Niveau::Havo if kans(self.rng, 0.15) => self.mbo(Niveau::Mbo4, volgende, 0),
            _ => {}
        }
    }

    /// Two years havo after a vmbo-gt diploma (or after an unknown school).
    fn havo_doorstroom(&mut self, start: Datum, school: u32) {
        if start > DATA_EIND {
            return;
        }
        let eind = d(start.year() + 2, 7, 31);
        self.voeg(school, Onderwijssoort::Vo, Some(Niveau::Havo), start, eind);
        if eind > DATA_EIND {
            return;
        }
        if kans(self.rng, 0.8) {
            let datum = self.diplomadatum(eind.year());
            self.diploma(DiplomaSoort::Havo, datum, school);
        } else if kans(self.rng, 0.5) {
            self.mbo(Niveau::Mbo4, plus(eind, 1), 0);
        } else {
            self.uitval(eind, Onderwijssoort::Vo, Some(Niveau::Havo), school);
        }
    }

    fn vavo(&mut self, niveau: Niveau, start: Datum) {
        if start > DATA_EIND {
            return;
        }
        let gem = self.gemeente(start);
        let school = self.w.school_sub(self.rng, Soort::Vavo, gem);
        let eind = d(start.year() + 1, 7, 31);
        self.voeg(school, Onderwijssoort::Vavo, Some(niveau), start, eind);
        if eind > DATA_EIND {
            return;
        }
        if kans(self.rng, 0.65) {
            let datum = self.diplomadatum(eind.year());
            self.diploma(diploma_van(niveau), datum, school);
        } else if kans(self.rng, 0.5) {
            self.mbo(Niveau::Mbo4, plus(eind, 1), 0);
        } else {
            self.uitval(eind, Onderwijssoort::Vavo, Some(niveau), school);
        }
    }

    fn pro(&mut self, start: Datum) {
        let gem = self.gemeente(start);
        let school = self.w.school_sub(self.rng, Soort::Pro, gem);
        let eind = sj_eind(schooljaar_van(verjaardag(self.geboren, 18)));
        self.voeg(school, Onderwijssoort::Pro, None, start, eind);
        if eind > DATA_EIND {
            return;
        }
        if kans(self.rng, 0.6) {
            let datum = self.diplomadatum(eind.year());
            self.diploma(DiplomaSoort::Pro, datum, school);
        }
        if kans(self.rng, 0.4) {
            self.mbo(Niveau::Mbo1, plus(eind, 1), 0);
        }
    }

    fn vso(&mut self, start: Datum) {
        let gem = self.gemeente(start);
        let school = self.w.school_sub(self.rng, Soort::Vso, gem);
        let profiel = kies(
            self.rng,
            &[(VsoProfiel::Vervolgonderwijs, 0.4), (VsoProfiel::Arbeidsmarkt, 0.35), (VsoProfiel::Dagbesteding, 0.25)],
        );
        let leeftijd = kies(self.rng, &[(18, 0.6), (19, 0.25), (20, 0.15)]);
        let eind = sj_eind(schooljaar_van(verjaardag(self.geboren, leeftijd)));
        self.voeg_profiel(school, Onderwijssoort::Vso, None, Some(profiel), start, eind);
        if eind > DATA_EIND {
            return;
        }
        let volgende = plus(eind, 1);
        match profiel {
            VsoProfiel::Vervolgonderwijs => {
                let r = self.rng.random::<f64>();
                if r < 0.3 {
                    self.mbo(Niveau::Mbo2, volgende, 0);
                } else if r < 0.5 {
                    self.mbo(Niveau::Mbo1, volgende, 0);
                }
            }
            VsoProfiel::Arbeidsmarkt => {
                if kans(self.rng, 0.15) {
                    self.mbo(Niveau::Mbo1, volgende, 0);
                }
            }
            VsoProfiel::Dagbesteding => {}
        }
    }

    fn mbo(&mut self, niveau: Niveau, start: Datum, poging: u8) {
        if start > DATA_EIND || leeftijd(self.geboren, start) >= 24 {
            return;
        }
        let gem = self.gemeente(start);
        let school = self.w.school_sub(self.rng, Soort::Mbo, gem);
        let jaren = match niveau {
            Niveau::Mbo1 => 1,
            Niveau::Mbo2 => 2,
            Niveau::Mbo3 => 3,
            _ => 3 + i32::from(kans(self.rng, 0.5)),
        };
        let gepland_eind = if start.month() == 8 {
            d(start.year() + jaren, 7, 31)
        } else {
            plus(d(start.year() + jaren, start.month(), 1), -1)
        };
        let p_uitval = match niveau {
            Niveau::Mbo1 => 0.36,
            Niveau::Mbo2 => 0.31,
            Niveau::Mbo3 => 0.21,
            _ => 0.17,
        } * if poging > 0 { 0.6 } else { 1.0 };
        let r = self.rng.random::<f64>();
        if r < 0.07 && jaren >= 2 {
            let t = eerste_volgende_maand(plus(start, getal(self.rng, 150, 500)));
            if t < plus(gepland_eind, -60) {
                self.voeg(school, Onderwijssoort::Mbo, Some(niveau), start, plus(t, -1));
                let nieuw = if kans(self.rng, 0.5) { lager(niveau) } else { niveau };
                self.mbo(nieuw, t, poging + 1);
                return;
            }
        }
        if r < 0.07 + p_uitval {
            let laatste = self.uitvaldag(start, gepland_eind);
            self.voeg(school, Onderwijssoort::Mbo, Some(niveau), start, laatste);
            self.uitval(laatste, Onderwijssoort::Mbo, Some(niveau), school);
            if poging < 3 && kans(self.rng, 0.8) {
                let terug = eerste_volgende_maand(plus(laatste, getal(self.rng, 90, 420)));
                let n = if kans(self.rng, 0.5) { lager(niveau) } else { niveau };
                self.mbo(n, terug, poging + 1);
            }
            return;
        }
        let datum = if start.month() == 8 {
            plus(d(gepland_eind.year(), 6, 15), getal(self.rng, 0, 30))
        } else {
            plus(gepland_eind, -getal(self.rng, 5, 30))
        };
        let eind = if kans(self.rng, 0.5) { datum } else { gepland_eind };
        self.voeg(school, Onderwijssoort::Mbo, Some(niveau), start, eind);
        if datum > DATA_EIND {
            return;
        }
        self.diploma(diploma_van(niveau), datum, school);
        let volgende = if matches!(eind.month(), 6 | 7) { d(eind.year(), 8, 1) } else { plus(eind, 1) };
        let verder = match niveau {
            Niveau::Mbo1 => kans(self.rng, 0.7).then_some(Niveau::Mbo2),
            Niveau::Mbo2 => kans(self.rng, 0.45).then_some(Niveau::Mbo3),
            Niveau::Mbo3 => kans(self.rng, 0.25).then_some(Niveau::Mbo4),
            _ => None,
        };
        if let Some(n) = verder {
            self.mbo(n, volgende, 0);
        }
    }
}

/// Removes enrolment from `van` through `tot`: enrolments around the gap are cut and resume after it.
pub(crate) fn maak_gat(insch: &mut Vec<Insch>, van: Datum, tot: Datum) {
    let mut uit = Vec::with_capacity(insch.len() + 1);
    for e in insch.drain(..) {
        if !e.overlapt(van, tot) {
            uit.push(e);
            continue;
        }
        if e.begin < van {
            let mut a = e.clone();
            a.eind = Some(plus(van, -1));
            uit.push(a);
        }
        if e.eind.is_none_or(|x| x > tot) {
            let begin = plus(tot, 1);
            if begin <= DATA_EIND {
                let mut b = e;
                b.begin = begin;
                uit.push(b);
            }
        }
    }
    *insch = uit;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(begin: Datum, eind: Option<Datum>) -> Insch {
        Insch { school: 0, soort: Onderwijssoort::Bao, niveau: None, profiel: None, begin, eind }
    }

    #[test]
    fn een_gat_knipt_en_hervat() {
        let mut v = vec![e(d(2014, 8, 1), Some(d(2018, 7, 31))), e(d(2018, 8, 1), None)];
        maak_gat(&mut v, d(2017, 10, 1), d(2018, 7, 31));
        assert_eq!(v, vec![e(d(2014, 8, 1), Some(d(2017, 9, 30))), e(d(2018, 8, 1), None)]);
        let mut v = vec![e(d(2014, 8, 1), None)];
        maak_gat(&mut v, d(2017, 10, 1), d(2017, 12, 31));
        assert_eq!(v, vec![e(d(2014, 8, 1), Some(d(2017, 9, 30))), e(d(2018, 1, 1), None)]);
    }
}
