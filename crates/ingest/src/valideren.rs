//! Checks across records: keys, references, dates in order, code lists valid on the record's date.
//! Field formats were already checked while reading; here every bundle row is checked against the
//! bundle and what the database already holds.
use crate::entiteit::Entiteit;
use crate::{Bundel, Fout, cel};
use foldhash::{HashMap, HashMapExt, HashSet};
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::codes::{Code, CodeLijst};
use leerspoor_domain::model::*;
use leerspoor_domain::onderwijs::{niveau_past_bij, profiel_past_bij};
use leerspoor_domain::rules::mas;

/// Every problem of `bundel` given the database's current content `bestaand`.
pub fn valideer(bundel: &Bundel, bestaand: &Dataset) -> Vec<Fout> {
    let mut c = Controle { bundel, fouten: Vec::new() };
    c.dubbele_sleutels();
    let ix = Index::new(bestaand, &bundel.dataset);
    c.organisatie(&ix);
    c.jongeren(&ix, bestaand);
    c.onderwijs(&ix);
    c.casework(&ix);
    c.fouten.sort_by(|a, b| (&a.bestand, a.rij).cmp(&(&b.bestand, b.rij)));
    c.fouten
}

struct Controle<'a> {
    bundel: &'a Bundel,
    fouten: Vec<Fout>,
}

impl Controle<'_> {
    fn fout<R: Entiteit>(&mut self, index: usize, kolom: &str, melding: impl Into<String>) {
        self.fouten.push(Fout {
            bestand: R::BESTAND.to_string(),
            rij: Some(self.bundel.regel::<R>(index)),
            kolom: Some(kolom.to_string()),
            melding: melding.into(),
        });
    }

    /// A key may appear once per file.
    fn dubbele_sleutels(&mut self) {
        crate::voor_elke_entiteit!(|R| {
            let mut gezien: HashMap<Vec<String>, usize> = HashMap::new();
            for (i, r) in R::lijst(&self.bundel.dataset).iter().enumerate() {
                let sleutel: Vec<String> = R::sleutel(&r.waarden()).iter().map(cel::schrijf).collect();
                if let Some(&eerder) = gezien.get(&sleutel) {
                    let regel = self.bundel.regel::<R>(eerder);
                    self.fout::<R>(
                        i,
                        R::KOLOMMEN[0].naam,
                        format!("dubbele sleutel '{}': staat ook op rij {regel}", sleutel.join("/")),
                    );
                } else {
                    gezien.insert(sleutel, i);
                }
            }
        });
    }

    /// `tot` may not be before `van`.
    fn volgorde<R: Entiteit>(&mut self, i: usize, van: Datum, kolom: &str, tot: Option<Datum>, van_naam: &str) {
        if let Some(tot) = tot.filter(|t| *t < van) {
            self.fout::<R>(i, kolom, format!("{kolom} {tot} ligt vóór {van_naam} {van}"));
        }
    }

    /// A reference to a record of file `Doel`: unknown unless it is in the bundle but could not be
    /// read (that row's error is already listed).
    fn bestaat<R: Entiteit, Doel: Entiteit>(
        &mut self,
        i: usize,
        kolom: &str,
        sleutel: &str,
        set: &HashSet<&str>,
        wat: &str,
    ) {
        if !set.contains(sleutel) && !self.bundel.onleesbaar(Doel::BESTAND, sleutel) {
            self.fout::<R>(i, kolom, format!("onbekende {wat} '{sleutel}'"));
        }
    }

    fn jongere<'j, R: Entiteit>(&mut self, i: usize, ix: &Index<'j>, id: &str) -> Option<&'j Jongere> {
        let j = ix.jongeren.get(id).copied();
        if j.is_none() && !self.bundel.onleesbaar(Jongere::BESTAND, id) {
            self.fout::<R>(i, "jongere", format!("onbekende jongere '{id}'"));
        }
        j
    }

    /// Events about a youth cannot happen before birth.
    fn na_geboorte<R: Entiteit>(&mut self, i: usize, j: Option<&Jongere>, kolom: &str, datum: Datum) {
        if let Some(j) = j.filter(|j| datum < j.geboortedatum) {
            self.fout::<R>(i, kolom, format!("{kolom} {datum} ligt vóór de geboortedatum {}", j.geboortedatum));
        }
    }

    fn code<R: Entiteit>(&mut self, i: usize, ix: &Index, kolom: &str, lijst: CodeLijst, code: &str, op: Datum) {
        match ix.codes.get(&(lijst, code)) {
            None => {
                let mut bekend: Vec<&str> = ix.codes.keys().filter(|(l, _)| *l == lijst).map(|(_, c)| *c).collect();
                bekend.sort();
                self.fout::<R>(
                    i,
                    kolom,
                    format!("onbekende code '{code}' in codelijst {}; bekend: {}", lijst.code(), bekend.join(", ")),
                );
            }
            Some(c) if !c.geldig_op(op) => {
                let tot = c.geldig_tot.map_or(String::new(), |t| format!(" t/m {t}"));
                self.fout::<R>(
                    i,
                    kolom,
                    format!("code '{code}' is op {op} niet geldig (geldig van {}{tot})", c.geldig_van),
                );
            }
            Some(_) => {}
        }
    }

    fn zaak_van<R: Entiteit>(&mut self, i: usize, ix: &Index, zaak: &Option<String>, jongere: &str) {
        let Some(z) = zaak else { return };
        match ix.zaken.get(z.as_str()) {
            None if self.bundel.onleesbaar(Zaak::BESTAND, z) => {}
            None => self.fout::<R>(i, "zaak", format!("onbekende zaak '{z}'")),
            Some(zaak) if zaak.jongere != jongere => self.fout::<R>(
                i,
                "zaak",
                format!("zaak '{z}' gaat over jongere '{}', niet over '{jongere}'", zaak.jongere),
            ),
            Some(_) => {}
        }
    }

    fn medewerker<R: Entiteit>(&mut self, i: usize, ix: &Index, m: &Option<String>) {
        if let Some(m) = m {
            self.bestaat::<R, Medewerker>(i, "medewerker", m, &ix.medewerkers, "medewerker");
        }
    }

    fn organisatie(&mut self, ix: &Index) {
        let ds = &self.bundel.dataset;
        if ix.regio_aantal > 1 {
            self.fout::<Regio>(0, "code", "een database bevat één regio; met regio.csv zouden het er meer worden");
        }
        for (i, g) in ds.gemeenten.iter().enumerate() {
            self.bestaat::<Gemeente, Subregio>(i, "subregio", &g.subregio, &ix.subregios, "subregio");
        }
        for (i, s) in ds.scholen.iter().enumerate() {
            if let Some(g) = &s.gemeente {
                self.bestaat::<School, Gemeente>(i, "gemeente", g.as_str(), &ix.gemeenten, "gemeente");
            }
        }
        for (i, v) in ds.vakanties.iter().enumerate() {
            if let Err((kolom, m)) = leerspoor_domain::kalender::toets_vakantie(v) {
                self.fout::<Vakantie>(i, kolom, m);
            }
            if let (Some(b), Some(s)) = (&v.brin, &v.vestiging)
                && !ix.scholen.contains(&(b.as_str(), s.as_str()))
            {
                self.fout::<Vakantie>(i, "brin", format!("onbekende school {b} vestiging {s}"));
            }
        }
        for (i, m) in ds.medewerkers.iter().enumerate() {
            match (&m.gemeente, m.rol) {
                (Some(g), _) => {
                    self.bestaat::<Medewerker, Gemeente>(i, "gemeente", g.as_str(), &ix.gemeenten, "gemeente")
                }
                (None, Rol::Gemeente) => {
                    self.fout::<Medewerker>(i, "gemeente", "een gemeente-medewerker hoort bij een gemeente")
                }
                (None, _) => {}
            }
            if !(m.fte > 0.0 && m.fte <= 1.5) {
                let fte = m.fte.to_string().replace('.', ",");
                self.fout::<Medewerker>(i, "fte", format!("fte {fte} moet groter dan 0 en hoogstens 1,5 zijn"));
            }
            self.volgorde::<Medewerker>(i, m.in_dienst, "uit_dienst", m.uit_dienst, "in_dienst");
        }
        for (i, c) in ds.codes.iter().enumerate() {
            self.volgorde::<Code>(i, c.geldig_van, "geldig_tot", c.geldig_tot, "geldig_van");
        }
    }

    fn jongeren(&mut self, ix: &Index, bestaand: &Dataset) {
        let ds = &self.bundel.dataset;
        // A BSN belongs to one youth, in the bundle and in the database.
        let mut bsn_van: HashMap<leerspoor_domain::Bsn, &str> =
            bestaand.jongeren.iter().map(|j| (j.bsn, j.id.as_str())).collect();
        let vervangen: HashSet<&str> = ds.jongeren.iter().map(|j| j.id.as_str()).collect();
        bsn_van.retain(|_, id| !vervangen.contains(id));
        for (i, j) in ds.jongeren.iter().enumerate() {
            match bsn_van.get(&j.bsn) {
                Some(ander) => self.fout::<Jongere>(i, "bsn", format!("BSN {} hoort al bij jongere '{ander}'", j.bsn)),
                None => {
                    bsn_van.insert(j.bsn, &j.id);
                }
            }
            self.volgorde::<Jongere>(i, j.geboortedatum, "overlijdensdatum", j.overlijdensdatum, "geboortedatum");
            // The rule's own check: a 31 July, and old enough to have done twelve schooljaren.
            if let Err(e) =
                leerspoor_domain::rules::Leerplichtfeiten::nieuw(j.geboortedatum, None, j.twaalf_schooljaren_op, None)
            {
                self.fout::<Jongere>(i, "twaalf_schooljaren_op", e.to_string());
            }
        }
        for (i, a) in ds.woonadressen.iter().enumerate() {
            let j = self.jongere::<Woonadres>(i, ix, &a.jongere);
            self.bestaat::<Woonadres, Gemeente>(i, "gemeente", a.gemeente.as_str(), &ix.gemeenten, "gemeente");
            self.volgorde::<Woonadres>(i, a.begindatum, "einddatum", a.einddatum, "begindatum");
            if a.vertrek.is_some() && a.einddatum.is_none() {
                self.fout::<Woonadres>(i, "vertrek", "vertrek zonder einddatum: vul de datum van vertrek in");
            }
            self.na_geboorte::<Woonadres>(i, j, "begindatum", a.begindatum);
        }
        // One address at a time: a youth lives in one gemeente on a peildatum.
        let mut per_jongere: HashMap<&str, Vec<(&Woonadres, Option<usize>)>> = HashMap::new();
        let in_bundel: HashMap<&str, usize> =
            ds.woonadressen.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        for a in &bestaand.woonadressen {
            if !in_bundel.contains_key(a.id.as_str()) {
                per_jongere.entry(&a.jongere).or_default().push((a, None));
            }
        }
        for (i, a) in ds.woonadressen.iter().enumerate() {
            per_jongere.entry(&a.jongere).or_default().push((a, Some(i)));
        }
        let mut overlappend = Vec::new();
        for adressen in per_jongere.values_mut().filter(|v| v.iter().any(|(_, i)| i.is_some())) {
            adressen.sort_by_key(|(a, _)| a.begindatum);
            for paar in adressen.windows(2) {
                let ((a, ai), (b, bi)) = (paar[0], paar[1]);
                // Two database rows that overlap were not imported by this bundle: not its error.
                let Some(i) = bi.or(ai) else { continue };
                if a.einddatum.is_none_or(|eind| eind >= b.begindatum) {
                    overlappend.push((
                        i,
                        format!("woonadres '{}' overlapt met woonadres '{}' van dezelfde jongere", b.id, a.id),
                    ));
                }
            }
        }
        overlappend.sort();
        for (i, m) in overlappend {
            self.fout::<Woonadres>(i, "begindatum", m);
        }
        for (i, r) in ds.gezinsrelaties.iter().enumerate() {
            self.jongere::<Gezinsrelatie>(i, ix, &r.jongere);
            self.bestaat::<Gezinsrelatie, Ouder>(i, "ouder", &r.ouder, &ix.ouders, "ouder");
        }
    }

    fn onderwijs(&mut self, ix: &Index) {
        let ds = &self.bundel.dataset;
        for (i, s) in ds.inschrijvingen.iter().enumerate() {
            let j = self.jongere::<Inschrijving>(i, ix, &s.jongere);
            if !ix.scholen.contains(&(s.brin.as_str(), s.vestiging.as_str())) {
                self.fout::<Inschrijving>(i, "brin", format!("onbekende school {} vestiging {}", s.brin, s.vestiging));
            }
            if let Err(m) = niveau_past_bij(s.onderwijssoort, s.niveau) {
                self.fout::<Inschrijving>(i, "niveau", m);
            }
            if let Err(m) = profiel_past_bij(s.onderwijssoort, s.vso_profiel) {
                self.fout::<Inschrijving>(i, "vso_profiel", m);
            }
            self.volgorde::<Inschrijving>(i, s.begindatum, "einddatum", s.einddatum, "begindatum");
            self.na_geboorte::<Inschrijving>(i, j, "begindatum", s.begindatum);
        }
        for (i, d) in ds.diplomas.iter().enumerate() {
            let j = self.jongere::<Diploma>(i, ix, &d.jongere);
            self.na_geboorte::<Diploma>(i, j, "datum", d.datum);
        }
        for (i, v) in ds.vsv_meldingen.iter().enumerate() {
            let j = self.jongere::<VsvMelding>(i, ix, &v.jongere);
            if let Err(m) = niveau_past_bij(v.onderwijssoort, v.niveau) {
                self.fout::<VsvMelding>(i, "niveau", m);
            }
            self.na_geboorte::<VsvMelding>(i, j, "uitvaldatum", v.uitvaldatum);
        }
    }

    fn casework(&mut self, ix: &Index) {
        let ds = &self.bundel.dataset;
        for (i, z) in ds.zaken.iter().enumerate() {
            let j = self.jongere::<Zaak>(i, ix, &z.jongere);
            self.medewerker::<Zaak>(i, ix, &z.medewerker);
            self.na_geboorte::<Zaak>(i, j, "geopend_op", z.geopend_op);
            self.volgorde::<Zaak>(i, z.geopend_op, "gesloten_op", z.gesloten_op, "geopend_op");
            let gesloten = z.status == ZaakStatus::Gesloten;
            match (&z.gesloten_op, &z.reden_sluiting) {
                (Some(op), Some(reden)) if gesloten => {
                    self.code::<Zaak>(i, ix, "reden_sluiting", CodeLijst::ZaakRedenSluiting, reden, *op)
                }
                (None, _) if gesloten => {
                    self.fout::<Zaak>(i, "gesloten_op", "een gesloten zaak heeft een datum van sluiting")
                }
                (_, None) if gesloten => {
                    self.fout::<Zaak>(i, "reden_sluiting", "een gesloten zaak heeft een reden van sluiting")
                }
                (Some(_), _) | (_, Some(_)) if !gesloten => self.fout::<Zaak>(
                    i,
                    "status",
                    format!(
                        "zaak met status '{}' heeft een sluitingsdatum of -reden; status moet dan 'gesloten' zijn",
                        z.status
                    ),
                ),
                _ => {}
            }
        }
        for (i, m) in ds.verzuimmeldingen.iter().enumerate() {
            let j = self.jongere::<Verzuimmelding>(i, ix, &m.jongere);
            match (&m.brin, &m.vestiging) {
                (Some(b), Some(v)) if !ix.scholen.contains(&(b.as_str(), v.as_str())) => {
                    self.fout::<Verzuimmelding>(i, "brin", format!("onbekende school {b} vestiging {v}"))
                }
                (Some(_), None) | (None, Some(_)) => {
                    self.fout::<Verzuimmelding>(i, "vestiging", "vul brin en vestiging allebei in, of allebei niet")
                }
                _ => {}
            }
            if m.deels_lesbaar.is_some() && m.soort != "zorgwekkend_ziekteverzuim" {
                self.fout::<Verzuimmelding>(
                    i,
                    "deels_lesbaar",
                    "een plan om deels naar school te gaan hoort bij een melding van zorgwekkend ziekteverzuim",
                );
            }
            self.code::<Verzuimmelding>(i, ix, "soort", CodeLijst::Verzuimsoort, &m.soort, m.meldingsdatum);
            self.code::<Verzuimmelding>(i, ix, "status", CodeLijst::Meldingstatus, &m.status, m.meldingsdatum);
            if let Some(r) = &m.reden_afsluiting {
                self.code::<Verzuimmelding>(i, ix, "reden_afsluiting", CodeLijst::RedenAfsluiting, r, m.meldingsdatum);
            }
            self.zaak_van::<Verzuimmelding>(i, ix, &m.zaak, &m.jongere);
            if let Some(eerste) = &m.vervolg_op {
                match ix.meldingen.get(eerste.as_str()) {
                    None => self.fout::<Verzuimmelding>(i, "vervolg_op", format!("onbekende melding '{eerste}'")),
                    Some(_) if *eerste == m.id => {
                        self.fout::<Verzuimmelding>(i, "vervolg_op", "een melding kan geen vervolg op zichzelf zijn")
                    }
                    Some(j) if *j != m.jongere => self.fout::<Verzuimmelding>(
                        i,
                        "vervolg_op",
                        format!("melding '{eerste}' gaat over jongere '{j}', niet over '{}'", m.jongere),
                    ),
                    Some(_) => {}
                }
            }
            self.volgorde::<Verzuimmelding>(i, m.verzuim_van, "verzuim_tot", m.verzuim_tot, "verzuim_van");
            self.volgorde::<Verzuimmelding>(i, m.verzuim_van, "meldingsdatum", Some(m.meldingsdatum), "verzuim_van");
            self.na_geboorte::<Verzuimmelding>(i, j, "verzuim_van", m.verzuim_van);
        }
        for (i, a) in ds.acties.iter().enumerate() {
            let j = self.jongere::<Actie>(i, ix, &a.jongere);
            self.na_geboorte::<Actie>(i, j, "datum", a.datum);
            self.medewerker::<Actie>(i, ix, &a.medewerker);
            if a.zaak.is_none() && a.soort != ActieSoort::PreventiefGesprek {
                self.fout::<Actie>(
                    i,
                    "zaak",
                    format!("een {} hoort bij een zaak; alleen een preventief spreekuurgesprek niet", a.soort.label()),
                );
            }
            self.zaak_van::<Actie>(i, ix, &a.zaak, &a.jongere);
            if let Some(o) = &a.ouder {
                self.bestaat::<Actie, Ouder>(i, "ouder", o, &ix.ouders, "ouder");
                if a.pv_tegen != Some(PvTegen::Ouder) {
                    self.fout::<Actie>(
                        i,
                        "ouder",
                        "een ouder hoort alleen bij een proces-verbaal tegen een ouder (pv_tegen = ouder)",
                    );
                }
            }
            let pv = a.soort == ActieSoort::ProcesVerbaal;
            match (pv, a.pv_tegen, &a.ouder) {
                (true, None, _) => self.fout::<Actie>(
                    i,
                    "pv_tegen",
                    "een proces-verbaal is tegen de jongere of een ouder: vul pv_tegen in",
                ),
                (false, Some(_), _) => {
                    self.fout::<Actie>(i, "pv_tegen", "pv_tegen hoort alleen bij een proces-verbaal")
                }
                (true, Some(PvTegen::Ouder), None) => {
                    self.fout::<Actie>(i, "ouder", "een proces-verbaal tegen een ouder noemt die ouder")
                }
                (true, Some(PvTegen::Ouder), Some(o)) if !ix.gezin.contains(&(a.jongere.as_str(), o.as_str())) => {
                    self.fout::<Actie>(i, "ouder", format!("'{o}' is geen ouder/verzorger van jongere '{}'", a.jongere))
                }
                _ => {}
            }
            if let Some(u) = &a.uitkomst {
                let op = a.uitkomst_datum.unwrap_or(a.datum);
                self.code::<Actie>(i, ix, "uitkomst", CodeLijst::MaatregelUitkomst, u, op);
                if let Err(w) = mas::uitkomst_past(a.soort, u) {
                    self.fout::<Actie>(i, "uitkomst", w.reden);
                }
            }
            self.volgorde::<Actie>(i, a.datum, "uitkomst_datum", a.uitkomst_datum, "datum");
        }
        for (i, v) in ds.vrijstellingen.iter().enumerate() {
            let j = self.jongere::<Vrijstelling>(i, ix, &v.jongere);
            self.na_geboorte::<Vrijstelling>(i, j, "aanvraagdatum", v.aanvraagdatum);
            self.medewerker::<Vrijstelling>(i, ix, &v.medewerker);
            self.code::<Vrijstelling>(i, ix, "artikel", CodeLijst::VrijstellingArtikel, &v.artikel, v.aanvraagdatum);
            self.volgorde::<Vrijstelling>(i, v.aanvraagdatum, "besluitdatum", v.besluitdatum, "aanvraagdatum");
            if let Some(besluit) = v.besluitdatum {
                self.volgorde::<Vrijstelling>(i, besluit, "bezwaar_op", v.bezwaar_op, "besluitdatum");
            }
            if let Some(van) = v.geldig_van {
                self.volgorde::<Vrijstelling>(i, van, "geldig_tot", v.geldig_tot, "geldig_van");
            }
            if v.status == VrijstellingStatus::Toegekend {
                if v.besluitdatum.is_none() {
                    self.fout::<Vrijstelling>(i, "besluitdatum", "een toegekende vrijstelling heeft een besluitdatum");
                }
                if v.geldig_van.is_none() {
                    self.fout::<Vrijstelling>(
                        i,
                        "geldig_van",
                        "een toegekende vrijstelling heeft een begin van de geldigheid",
                    );
                }
            }
        }
        for (i, t) in ds.thuiszitperioden.iter().enumerate() {
            let j = self.jongere::<Thuiszitperiode>(i, ix, &t.jongere);
            self.na_geboorte::<Thuiszitperiode>(i, j, "begindatum", t.begindatum);
            self.zaak_van::<Thuiszitperiode>(i, ix, &t.zaak, &t.jongere);
            self.volgorde::<Thuiszitperiode>(i, t.begindatum, "einddatum", t.einddatum, "begindatum");
            self.volgorde::<Thuiszitperiode>(i, t.begindatum, "aanbod_datum", t.aanbod_datum, "begindatum");
            match (t.einddatum, t.reden_einde) {
                (Some(_), None) => {
                    self.fout::<Thuiszitperiode>(i, "reden_einde", "een beëindigde periode heeft een reden van einde")
                }
                (None, Some(_)) => self.fout::<Thuiszitperiode>(i, "einddatum", "een reden van einde zonder einddatum"),
                _ => {}
            }
        }
        for (i, b) in ds.dagbestedingen.iter().enumerate() {
            let j = self.jongere::<Dagbesteding>(i, ix, &b.jongere);
            self.na_geboorte::<Dagbesteding>(i, j, "datum", b.datum);
            self.medewerker::<Dagbesteding>(i, ix, &b.medewerker);
            self.code::<Dagbesteding>(i, ix, "soort", CodeLijst::Dagbesteding, &b.soort, b.datum);
        }
        for (i, r) in ds.rmc_trajecten.iter().enumerate() {
            let j = self.jongere::<RmcTraject>(i, ix, &r.jongere);
            self.na_geboorte::<RmcTraject>(i, j, "aangemeld_op", r.aangemeld_op);
            self.medewerker::<RmcTraject>(i, ix, &r.medewerker);
            self.volgorde::<RmcTraject>(i, r.aangemeld_op, "begindatum", Some(r.begindatum), "aangemeld_op");
            self.volgorde::<RmcTraject>(i, r.begindatum, "einddatum", r.einddatum, "begindatum");
            if let Some(res) = &r.resultaat {
                self.code::<RmcTraject>(
                    i,
                    ix,
                    "resultaat",
                    CodeLijst::RmcResultaat,
                    res,
                    r.einddatum.unwrap_or(r.begindatum),
                );
            }
        }
    }
}

/// What exists after the import: the database's records with the bundle's laid over them.
struct Index<'a> {
    regio_aantal: usize,
    subregios: HashSet<&'a str>,
    gemeenten: HashSet<&'a str>,
    scholen: HashSet<(&'a str, &'a str)>,
    medewerkers: HashSet<&'a str>,
    ouders: HashSet<&'a str>,
    gezin: HashSet<(&'a str, &'a str)>,
    codes: HashMap<(CodeLijst, &'a str), &'a Code>,
    jongeren: HashMap<&'a str, &'a Jongere>,
    zaken: HashMap<&'a str, &'a Zaak>,
    /// Melding id → its youth, for `vervolg_op`.
    meldingen: HashMap<&'a str, &'a str>,
}

impl<'a> Index<'a> {
    fn new(bestaand: &'a Dataset, bundel: &'a Dataset) -> Index<'a> {
        let beide = [bestaand, bundel];
        let regio: HashSet<&str> = beide.iter().flat_map(|d| &d.regio).map(|r| r.code.as_str()).collect();
        Index {
            regio_aantal: regio.len(),
            subregios: beide.iter().flat_map(|d| &d.subregios).map(|s| s.code.as_str()).collect(),
            gemeenten: beide.iter().flat_map(|d| &d.gemeenten).map(|g| g.code.as_str()).collect(),
            scholen: beide.iter().flat_map(|d| &d.scholen).map(|s| (s.brin.as_str(), s.vestiging.as_str())).collect(),
            medewerkers: beide.iter().flat_map(|d| &d.medewerkers).map(|m| m.id.as_str()).collect(),
            ouders: beide.iter().flat_map(|d| &d.ouders).map(|o| o.id.as_str()).collect(),
            gezin: beide
                .iter()
                .flat_map(|d| &d.gezinsrelaties)
                .map(|r| (r.jongere.as_str(), r.ouder.as_str()))
                .collect(),
            codes: beide.iter().flat_map(|d| &d.codes).map(|c| ((c.lijst, c.code.as_str()), c)).collect(),
            jongeren: beide.iter().flat_map(|d| &d.jongeren).map(|j| (j.id.as_str(), j)).collect(),
            zaken: beide.iter().flat_map(|d| &d.zaken).map(|z| (z.id.as_str(), z)).collect(),
            meldingen: beide
                .iter()
                .flat_map(|d| &d.verzuimmeldingen)
                .map(|m| (m.id.as_str(), m.jongere.as_str()))
                .collect(),
        }
    }
}
