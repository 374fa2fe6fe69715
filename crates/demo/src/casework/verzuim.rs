//! Verzuimmeldingen and the zaken they open, per kind (absoluut, relatief, luxe, ziekte, 18+,
//! preventief) and year, with thuiszitters and the HALT and PV that follow.
use super::*;

impl Cw<'_> {
    pub(super) fn open_zaak(&self, j: u32, soort: ZaakSoort, op: Datum) -> Option<u32> {
        self.zaken_per.get(&j)?.iter().copied().find(|z| {
            let z = &self.uit.zaken[*z as usize];
            z.soort == soort
                && matches!(z.aard, Aard::Relatief | Aard::Ziekte | Aard::Rmc)
                && z.geopend <= op
                && op <= z.sluit
        })
    }

    pub(super) fn nieuwe_zaak(
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
    pub(super) fn melding(
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

    pub(super) fn absoluut(&mut self, jaar: i32, gaten: &mut [Gat]) {
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

    pub(super) fn gat_reden(&self, j: u32, einde: GatEinde) -> (&'static str, Option<ThuiszitEinde>) {
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

    pub(super) fn aanbod(&mut self, begin: Datum, eind: Option<Datum>) -> Option<Datum> {
        if !kans(self.rng, 0.6) {
            return None;
        }
        let x = plus(begin, getal(self.rng, 14, 100));
        (x <= eind.unwrap_or(DATA_EIND).min(DATA_EIND)).then_some(x)
    }

    pub(super) fn thuis_absoluut(
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
    pub(super) fn thuis_relatief(
        &mut self,
        j: u32,
        zaak: Option<u32>,
        begin: Datum,
        insch_eind: Option<Datum>,
    ) -> Option<Datum> {
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

    pub(super) fn relatief(&mut self, jaar: i32, pools: &Pools) {
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

    pub(super) fn luxe(&mut self, jaar: i32, pools: &Pools) {
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

    pub(super) fn ziekte(&mut self, jaar: i32, pools: &Pools) {
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

    pub(super) fn achttien_plus(&mut self, jaar: i32, pools: &Pools) {
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

    pub(super) fn thuis_noord(&mut self, jaar: i32, pools: &Pools, gaten: &mut [Gat]) {
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

    pub(super) fn preventief(&mut self, jaar: i32, pools: &Pools) {
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
    pub(super) fn maatregelen(&mut self, jaar: i32, vanaf: usize) {
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
}
