//! RMC-trajecten of youths 18-22 without startkwalificatie: who gets one, its kind and its result.
use super::*;

impl Cw<'_> {
    pub(super) fn rmc(&mut self, jaar: i32, pools: &Pools) {
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

    pub(super) fn nieuw_traject(
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

    pub(super) fn traject(&mut self, j: u32, soort: TrajectSoort, cat: Cat, jaar: i32, aangemeld: Datum, begin: Datum) {
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

    pub(super) fn resultaat(
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
}
