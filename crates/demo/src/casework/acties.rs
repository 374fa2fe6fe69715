//! Every zaak's acties (gesprekken, brieven, HALT, proces-verbaal) and its closing status.
use super::*;

impl Cw<'_> {
    pub(super) fn afronden(&mut self) {
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

    pub(super) fn afsluiting(&mut self, zaakreden: &str, soort: &str) -> &'static str {
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

    pub(super) fn medewerker_op(&mut self, zaakmw: Option<u32>, rol: Rol, datum: Datum) -> Option<u32> {
        match zaakmw {
            Some(m) if self.w.medewerkers[m as usize].actief(datum, datum) => Some(m),
            _ => self.mw_voor(rol, false, datum, datum),
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn actie(
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

    pub(super) fn acties_voor(&mut self, zi: usize) {
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
    pub(super) fn halt(&mut self, j: u32, zaak: u32, datum: Datum, negatief: bool) -> Option<Datum> {
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
    pub(super) fn pv(&mut self, j: u32, zaak: u32, datum: Datum, aard: Aard) -> bool {
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
