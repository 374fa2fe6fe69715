//! Vrijstellingen (Leerplichtwet art. 5, 5a, 11 sub g, 15, 3a, 3b): granted ones, which take the
//! youth out of school for their period, and requests rejected, withdrawn, pending or appealed.
use super::*;

pub(super) struct VrijPlan {
    aanvraag: Datum,
    besluit: Datum,
    van: Datum,
    tot: Datum,
    arts: Option<Datum>,
    swv: Option<Datum>,
    dagen: Option<u32>,
    gat: bool,
}

impl Cw<'_> {
    pub(super) fn vrijstellingen(&mut self, jong: &[u32]) {
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

    pub(super) fn ken_toe(&mut self, j: u32, artikel: &'static str, plan: VrijPlan) {
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
    pub(super) fn niet_toegekend(&mut self, jong: &[u32], jaar: i32, toegekend: usize) {
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
