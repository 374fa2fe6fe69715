//! Periods without enrolment: the natural ones (drop-outs, newcomers, moves) and school switches
//! with a gap, which become absoluut verzuim.
use super::*;

impl Cw<'_> {
    /// School switches with a gap: absoluut verzuim of younger pupils (about a third of the
    /// absoluut meldingen; the rest are natural gaps such as drop-outs and newcomers).
    pub(super) fn kunstmatige_gaten(&mut self, jong: &[u32]) {
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

    pub(super) fn gaten(&self) -> Vec<Gat> {
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
}
