//! Households, youths, their addresses, parents and school careers.
use crate::kalender::{
    DATA_EIND, Datum, HISTORIE_VAN, Rng, VENSTER_VAN, d, getal, gewogen, index, kans, kies, leeftijd, plus, tussen,
    verjaardag,
};
use crate::loopbaan::{self, Dipl, Insch, Uitval, is_sq};
use crate::namen;
use crate::organisatie::{GEMEENTEN, Wereld, gemeente_gewichten, is_zuid};
use chrono::Datelike;
use leerspoor_domain::Bsn;
use leerspoor_domain::model::{OuderRelatie, Vertrek};
use rand::RngExt;

/// Households at scale 1; calibrated so that about 54.000 youths aged 5-22 live in the region on
/// 1 October 2020.
const HUISHOUDENS: f64 = 57_700.0;
/// Cohorts born before this day are only partly in the register (older RMC and P-wet contacts).
const KERN_VAN: Datum = d(1993, 8, 1);
const OUDSTE: Datum = d(1989, 1, 1);
const JONGSTE: Datum = d(2016, 12, 31);

#[derive(Debug, Clone)]
pub(crate) struct Adres {
    pub gemeente: u8,
    pub straat: u16,
    pub huisnummer: u16,
    pub postcode: u16,
    pub letters: u16,
    pub begin: Datum,
    pub eind: Option<Datum>,
    pub vertrek: Option<Vertrek>,
}

pub(crate) struct Persoon {
    pub bsn: Bsn,
    pub geboren: Datum,
    pub man: bool,
    pub voornaam: u8,
    pub tussenvoegsel: u8,
    pub achternaam: u16,
    pub huishouden: u32,
    /// First day in the region (birth or arrival).
    pub regio_van: Datum,
    /// Last day in the region, if the youth left.
    pub regio_tot: Option<Datum>,
    /// Arrived from abroad.
    pub buitenland: bool,
    pub adressen: Vec<Adres>,
    pub insch: Vec<Insch>,
    pub dipl: Vec<Dipl>,
    pub uitval: Vec<Uitval>,
    /// Date of the first startkwalificatie.
    pub sq: Option<Datum>,
}

impl Persoon {
    pub(crate) fn leeftijd(&self, op: Datum) -> i32 {
        leeftijd(self.geboren, op)
    }

    pub(crate) fn gemeente_op(&self, op: Datum) -> Option<u8> {
        self.adressen.iter().find(|a| a.begin <= op && a.eind.is_none_or(|e| op <= e)).map(|a| a.gemeente)
    }

    pub(crate) fn zuid_op(&self, op: Datum) -> bool {
        self.gemeente_op(op).is_some_and(is_zuid)
    }

    pub(crate) fn insch_op(&self, op: Datum) -> Option<&Insch> {
        self.insch.iter().find(|e| e.omvat(op))
    }

    pub(crate) fn sq_op(&self, op: Datum) -> bool {
        self.sq.is_some_and(|s| s <= op)
    }

    pub(crate) fn vertrek(&self) -> Option<Vertrek> {
        self.adressen.last().and_then(|a| a.vertrek)
    }
}

pub(crate) struct OuderInfo {
    pub man: bool,
    pub voornaam: u8,
    pub tussenvoegsel: u8,
    pub achternaam: u16,
    pub bsn: Option<Bsn>,
    pub telefoon: u32,
    pub email: bool,
    pub relatie: OuderRelatie,
    pub gezag: bool,
}

pub(crate) struct Huishouden {
    pub ouder_van: u32,
    pub ouders: u8,
}

pub(crate) struct Bevolking {
    pub personen: Vec<Persoon>,
    pub huishoudens: Vec<Huishouden>,
    pub ouders: Vec<OuderInfo>,
}

impl Bevolking {
    /// The first parent with gezag of youth `j`.
    pub(crate) fn ouder_met_gezag(&self, j: u32) -> u32 {
        let h = &self.huishoudens[self.personen[j as usize].huishouden as usize];
        (h.ouder_van..h.ouder_van + u32::from(h.ouders)).find(|o| self.ouders[*o as usize].gezag).unwrap_or(h.ouder_van)
    }
}

/// Sequential fictional BSNs from 900000000 that pass the elfproef; after 999999999 the next
/// hundred million below.
struct BsnReeks {
    volgende: u32,
    blok: u32,
}

impl BsnReeks {
    fn nieuw() -> BsnReeks {
        BsnReeks { volgende: 900_000_000, blok: 900_000_000 }
    }

    fn volgende(&mut self) -> Bsn {
        loop {
            let n = self.volgende;
            if n > self.blok + 99_999_999 {
                self.blok -= 100_000_000;
                self.volgende = self.blok;
                continue;
            }
            self.volgende += 1;
            if leerspoor_domain::bsn::elfproef(n) {
                return Bsn::try_from(n).expect("elfproef is gecontroleerd");
            }
        }
    }
}

struct Maker<'a> {
    rng: &'a mut Rng,
    w: &'a Wereld,
    bsn: BsnReeks,
    gewichten: [f64; 7],
    tussen_gewichten: Vec<f64>,
    uit: Bevolking,
    geboorten: Vec<Datum>,
}

pub(crate) fn genereer(rng: &mut Rng, w: &Wereld, scale: f64) -> Bevolking {
    let n = (HUISHOUDENS * scale).round() as usize;
    let verwacht = (n as f64 * 1.45) as usize;
    let mut m = Maker {
        rng,
        w,
        bsn: BsnReeks::nieuw(),
        gewichten: gemeente_gewichten(),
        tussen_gewichten: namen::TUSSENVOEGSELS.iter().map(|t| t.1).collect(),
        uit: Bevolking {
            personen: Vec::with_capacity(verwacht),
            huishoudens: Vec::with_capacity(n),
            ouders: Vec::with_capacity(n * 2),
        },
        geboorten: Vec::with_capacity(4),
    };
    for _ in 0..n {
        m.huishouden();
    }
    m.uit
}

impl Maker<'_> {
    fn nieuw_adres(&mut self, gemeente: u8, begin: Datum) -> Adres {
        let g = &GEMEENTEN[usize::from(gemeente)];
        Adres {
            gemeente,
            straat: index(self.rng, namen::STRATEN.len()) as u16,
            huisnummer: 1 + index(self.rng, 180) as u16,
            postcode: (g.pc_van + index(self.rng, g.pc_aantal as usize) as u32) as u16,
            letters: index(self.rng, 676) as u16,
            begin,
            eind: None,
            vertrek: None,
        }
    }

    fn gemeente(&mut self) -> u8 {
        gewogen(self.rng, &self.gewichten) as u8
    }

    fn vertrek(&mut self, buitenland: f64) -> Vertrek {
        if kans(self.rng, buitenland) { Vertrek::Buitenland } else { Vertrek::BuitenRegio }
    }

    fn huishouden(&mut self) {
        let solo = kans(self.rng, 0.05);
        self.geboorten.clear();
        let (start, buitenland) = if solo {
            let b = tussen(self.rng, d(1990, 1, 1), d(2003, 12, 31));
            let aankomst = tussen(self.rng, verjaardag(b, 17), verjaardag(b, 21));
            if aankomst > DATA_EIND {
                return;
            }
            self.geboorten.push(b);
            (aankomst, kans(self.rng, 0.15))
        } else {
            let k = kies(self.rng, &[(1, 0.33), (2, 0.45), (3, 0.17), (4, 0.05)]);
            let mut b = tussen(self.rng, d(1985, 1, 1), JONGSTE);
            for i in 0..k {
                if i > 0 {
                    b = plus(b, getal(self.rng, 450, 1900));
                }
                if b > JONGSTE {
                    break;
                }
                self.geboorten.push(b);
            }
            let eerste = self.geboorten[0];
            if kans(self.rng, 0.2) {
                (tussen(self.rng, eerste.max(d(2000, 1, 1)), DATA_EIND), kans(self.rng, 0.2))
            } else {
                (eerste, false)
            }
        };
        // Older cohorts are only partly in the register.
        let mut kinderen: Vec<Datum> = Vec::with_capacity(self.geboorten.len());
        for i in 0..self.geboorten.len() {
            let b = self.geboorten[i];
            if b < OUDSTE || (b < KERN_VAN && !kans(self.rng, 0.12)) {
                continue;
            }
            kinderen.push(b);
        }
        if kinderen.is_empty() {
            return;
        }
        let hh_adressen = self.adressen_huishouden(start);
        let hh = self.uit.huishoudens.len() as u32;
        let achternaam = index(self.rng, namen::AANTAL_ACHTERNAMEN) as u16;
        let tussenvoegsel = gewogen(self.rng, &self.tussen_gewichten) as u8;
        let mut aantal = 0;
        for b in kinderen {
            let van = b.max(start);
            if van > DATA_EIND {
                continue;
            }
            let Some(adressen) = self.adressen_kind(&hh_adressen, b, van) else { continue };
            let last = adressen.last().expect("minstens één adres");
            let regio_tot = if last.vertrek.is_some() { last.eind } else { None };
            if regio_tot.is_some_and(|t| t < VENSTER_VAN) {
                continue;
            }
            let uit_buitenland = buitenland && van > b;
            let woon: Vec<(Datum, u8)> = adressen.iter().map(|a| (a.begin, a.gemeente)).collect();
            let lb = loopbaan::bouw(self.rng, self.w, b, &woon);
            let school_van = if uit_buitenland {
                let r = self.rng.random::<f64>();
                let vertraging = if r < 0.7 {
                    getal(self.rng, 5, 30)
                } else if r < 0.95 {
                    getal(self.rng, 31, 90)
                } else {
                    getal(self.rng, 91, 200)
                };
                plus(van, vertraging)
            } else {
                van
            };
            let man = kans(self.rng, 0.51);
            let lijst = if man { namen::JONGENS.len() } else { namen::MEISJES.len() };
            let mut p = Persoon {
                bsn: self.bsn.volgende(),
                geboren: b,
                man,
                voornaam: index(self.rng, lijst) as u8,
                tussenvoegsel,
                achternaam,
                huishouden: hh,
                regio_van: van,
                regio_tot,
                buitenland: uit_buitenland,
                adressen,
                insch: Vec::new(),
                dipl: Vec::new(),
                uitval: Vec::new(),
                sq: None,
            };
            knip(&mut p, lb, school_van);
            self.uit.personen.push(p);
            aantal += 1;
        }
        if aantal == 0 {
            return;
        }
        let ouder_van = self.uit.ouders.len() as u32;
        let n_ouders = if solo {
            1 + u8::from(kans(self.rng, 0.6))
        } else if kans(self.rng, 0.72) {
            2
        } else {
            1
        };
        for i in 0..n_ouders {
            let (relatie, gezag) = match (n_ouders, i) {
                (2, 0) => (OuderRelatie::Moeder, true),
                (2, _) => {
                    if kans(self.rng, 0.03) {
                        (OuderRelatie::Verzorger, kans(self.rng, 0.5))
                    } else {
                        (OuderRelatie::Vader, kans(self.rng, 0.98))
                    }
                }
                _ => {
                    if kans(self.rng, 0.85) {
                        (OuderRelatie::Moeder, true)
                    } else {
                        (OuderRelatie::Vader, true)
                    }
                }
            };
            let man = match relatie {
                OuderRelatie::Moeder => false,
                OuderRelatie::Vader => true,
                OuderRelatie::Verzorger => kans(self.rng, 0.5),
            };
            let eigen_naam = !man && kans(self.rng, 0.5);
            let (an, tv) = if eigen_naam {
                (index(self.rng, namen::AANTAL_ACHTERNAMEN) as u16, gewogen(self.rng, &self.tussen_gewichten) as u8)
            } else {
                (achternaam, tussenvoegsel)
            };
            let lijst = if man { namen::MANNEN.len() } else { namen::VROUWEN.len() };
            let bsn = if kans(self.rng, 0.55) { Some(self.bsn.volgende()) } else { None };
            self.uit.ouders.push(OuderInfo {
                man,
                voornaam: index(self.rng, lijst) as u8,
                tussenvoegsel: tv,
                achternaam: an,
                bsn,
                telefoon: index(self.rng, 1_000_000) as u32,
                email: kans(self.rng, 0.7),
                relatie,
                gezag,
            });
        }
        self.uit.huishoudens.push(Huishouden { ouder_van, ouders: n_ouders });
    }

    /// The household's addresses from `start`: moves within the region (3% a year) and leaving it
    /// (1,2% a year), simulated from 2014 on.
    fn adressen_huishouden(&mut self, start: Datum) -> Vec<Adres> {
        let g = self.gemeente();
        let mut uit = vec![self.nieuw_adres(g, start)];
        for jaar in start.year().max(2014)..=DATA_EIND.year() {
            let huidig = uit.last().expect("adres");
            let van = d(jaar, 1, 1).max(plus(huidig.begin, 30));
            let tot = d(jaar, 12, 31).min(DATA_EIND);
            if van > tot {
                continue;
            }
            if kans(self.rng, 0.012) {
                let t = tussen(self.rng, van, tot);
                let v = self.vertrek(0.25);
                let a = uit.last_mut().expect("adres");
                a.eind = Some(t);
                a.vertrek = Some(v);
                break;
            }
            if kans(self.rng, 0.03) {
                let t = tussen(self.rng, van, tot);
                let oud = uit.last().expect("adres").gemeente;
                let g = if kans(self.rng, 0.6) { oud } else { self.gemeente() };
                uit.last_mut().expect("adres").eind = Some(plus(t, -1));
                let nieuw = self.nieuw_adres(g, t);
                uit.push(nieuw);
            }
        }
        uit
    }

    /// A child's addresses (`None`: the household left before `van`): the household's from `van`,
    /// until the child (18 or older) leaves home, within the region (4,5% a year) or out of it
    /// (3,5% a year).
    fn adressen_kind(&mut self, hh: &[Adres], geboren: Datum, van: Datum) -> Option<Vec<Adres>> {
        let mut uit: Vec<Adres> = hh.iter().filter(|a| a.eind.is_none_or(|e| e >= van)).cloned().collect();
        if uit.is_empty() {
            return None;
        }
        if uit[0].begin < van {
            uit[0].begin = van;
        }
        let vanaf = verjaardag(geboren, 18).max(van).max(d(2014, 1, 1));
        let mut zelfstandig = false;
        for jaar in vanaf.year()..=DATA_EIND.year() {
            let laatste = uit.last().expect("adres");
            if laatste.vertrek.is_some() {
                break;
            }
            let a = d(jaar, 1, 1).max(vanaf);
            let b = d(jaar, 12, 31).min(DATA_EIND);
            if a > b {
                continue;
            }
            let r = self.rng.random::<f64>();
            let (weg, verhuis) = (r < 0.035, r >= 0.035 && r < if zelfstandig { 0.065 } else { 0.08 });
            if !weg && !verhuis {
                continue;
            }
            let t = tussen(self.rng, a, b);
            let Some(i) = uit.iter().position(|x| x.begin <= t && x.eind.is_none_or(|e| t <= e)) else {
                continue;
            };
            if crate::kalender::dagen(uit[i].begin, t) < 30 {
                continue;
            }
            uit.truncate(i + 1);
            let huidig = &mut uit[i];
            huidig.vertrek = None;
            if weg {
                huidig.eind = Some(t);
                huidig.vertrek = Some(Vertrek::BuitenRegio);
                break;
            }
            huidig.eind = Some(plus(t, -1));
            let oud = huidig.gemeente;
            let g = if kans(self.rng, 0.5) { oud } else { self.gemeente() };
            let nieuw = self.nieuw_adres(g, t);
            uit.push(nieuw);
            zelfstandig = true;
        }
        Some(uit)
    }
}

/// Cuts a career to the time the youth lived in the region and to the register's history.
fn knip(p: &mut Persoon, lb: loopbaan::Loopbaan, school_van: Datum) {
    let eind = p.regio_tot.unwrap_or(DATA_EIND).min(DATA_EIND);
    let vertrokken = p.regio_tot.is_some();
    let mut insch = lb.insch;
    insch.retain(|e| e.begin <= eind && e.eind.is_none_or(|x| x >= school_van && x >= HISTORIE_VAN));
    for e in &mut insch {
        if e.begin < school_van {
            e.begin = school_van;
        }
        if e.eind.is_none_or(|x| x > eind) {
            e.eind = if vertrokken { Some(eind) } else { None };
        }
    }
    insch.retain(|e| e.begin <= eind && e.eind.is_none_or(|x| e.begin <= x));
    let mut dipl = lb.dipl;
    dipl.retain(|x| x.datum <= eind);
    let mut uitval = lb.uitval;
    uitval.retain(|u| {
        u.datum >= p.regio_van.max(HISTORIE_VAN)
            && u.datum <= eind
            && insch.iter().any(|e| e.eind == Some(plus(u.datum, -1)) && e.soort == u.soort)
    });
    p.sq = dipl.iter().filter(|x| is_sq(x.soort)).map(|x| x.datum).min();
    p.insch = insch;
    p.dipl = dipl;
    p.uitval = uitval;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bsn_reeks_geeft_geldige_oplopende_nummers() {
        let mut r = BsnReeks::nieuw();
        let a = r.volgende();
        let b = r.volgende();
        assert!(a < b);
        assert!(a.to_string().starts_with('9'));
    }
}
