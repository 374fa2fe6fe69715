//! Every record type of the register as a row: its table, its columns (in bundle order) and the
//! conversion both ways. Column names are the bundle's CSV headers; `docs/uitwisselformaat.md`
//! documents them.
use crate::rij::Type::{Bool, Datum as D, Geheel, Getal, Tekst as T};
use crate::rij::*;
use leerspoor_domain::codes::{Code, CodeLijst};
use leerspoor_domain::model::*;
use leerspoor_domain::{Bsn, Gemeentecode};

fn bsn(s: &str) -> Result<Bsn, String> {
    Bsn::parse(s).map_err(|e| e.to_string())
}

fn gemeente(g: &Gemeentecode) -> Waarde {
    tekst(g.as_str())
}

impl Rij for Regio {
    const TABEL: &'static str = "regio";
    const KOLOMMEN: &'static [Kolom] = &[k("code", T), k("naam", T)];
    fn waarden(&self) -> Vec<Waarde> {
        vec![tekst(&self.code), tekst(&self.naam)]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Regio { code: v.tekst(), naam: v.tekst() };
        v.klaar(r)
    }
}

impl Rij for Subregio {
    const TABEL: &'static str = "subregio";
    const KOLOMMEN: &'static [Kolom] = &[k("code", T), k("naam", T)];
    fn waarden(&self) -> Vec<Waarde> {
        vec![tekst(&self.code), tekst(&self.naam)]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Subregio { code: v.tekst(), naam: v.tekst() };
        v.klaar(r)
    }
}

impl Rij for Gemeente {
    const TABEL: &'static str = "gemeente";
    const KOLOMMEN: &'static [Kolom] = &[
        k("code", T),
        k("naam", T),
        k("subregio", T),
        k("leerplicht_lokaal", Bool),
        o("vakantieregio", T),
        o("bezwaarcommissie", T),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            gemeente(&self.code),
            tekst(&self.naam),
            tekst(&self.subregio),
            Waarde::Bool(self.leerplicht_lokaal),
            opt_code(self.vakantieregio),
            opt_ja_nee(Some(self.bezwaarcommissie)),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Gemeente {
            code: v.parse(Gemeentecode::parse).unwrap_or_else(placeholder_gemeente),
            naam: v.tekst(),
            subregio: v.tekst(),
            leerplicht_lokaal: v.bool(),
            vakantieregio: v.opt_code(),
            bezwaarcommissie: v.opt_ja_nee().unwrap_or(false),
        };
        v.klaar(r)
    }
}

/// Stands in for an invalid required gemeentecode while the row's other errors are collected.
fn placeholder_gemeente() -> Gemeentecode {
    Gemeentecode::parse("GM0000").expect("geldige vorm")
}

impl Rij for School {
    const TABEL: &'static str = "school";
    const KOLOMMEN: &'static [Kolom] = &[
        k("brin", T),
        k("vestiging", T),
        k("naam", T),
        k("plaats", T),
        o("gemeente", T),
        o("onderwijssoort", T),
        o("adres", T),
        o("postcode", T),
        o("begindatum", D),
        o("einddatum", D),
    ];
    const SLEUTEL: usize = 2;
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.brin),
            tekst(&self.vestiging),
            tekst(&self.naam),
            tekst(&self.plaats),
            opt_tekst(self.gemeente.as_ref().map(Gemeentecode::as_str)),
            opt_code(self.onderwijssoort),
            vrije_tekst(&self.adres),
            vrije_tekst(&self.postcode),
            opt_datum(self.begindatum),
            opt_datum(self.einddatum),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = School {
            brin: v.parse(School::brin).unwrap_or_default(),
            vestiging: v.parse(School::vestiging).unwrap_or_default(),
            naam: v.tekst(),
            plaats: v.tekst(),
            gemeente: v.parse(Gemeentecode::parse),
            onderwijssoort: v.opt_code(),
            adres: v.tekst(),
            postcode: v.tekst(),
            begindatum: v.opt_datum(),
            einddatum: v.opt_datum(),
        };
        v.klaar(r)
    }
}

impl Rij for Vakantie {
    const TABEL: &'static str = "vakantie";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("soort", T),
        o("regio", T),
        o("brin", T),
        o("vestiging", T),
        k("begindatum", D),
        k("einddatum", D),
        k("advies", Bool),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            code(self.soort),
            opt_code(self.regio),
            opt_tekst(self.brin.as_deref()),
            opt_tekst(self.vestiging.as_deref()),
            datum(self.begindatum),
            datum(self.einddatum),
            Waarde::Bool(self.advies),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Vakantie {
            id: v.tekst(),
            soort: v.code(),
            regio: v.opt_code(),
            brin: v.parse(School::brin),
            vestiging: v.parse(School::vestiging),
            begindatum: v.datum(),
            einddatum: v.datum(),
            advies: v.bool(),
        };
        v.klaar(r)
    }
}

impl Rij for Medewerker {
    const TABEL: &'static str = "medewerker";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("naam", T),
        k("email", T),
        k("rol", T),
        k("boa", Bool),
        k("fte", Getal),
        o("gemeente", T),
        k("in_dienst", D),
        o("uit_dienst", D),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.naam),
            tekst(&self.email),
            code(self.rol),
            Waarde::Bool(self.boa),
            Waarde::Getal(Some(self.fte)),
            opt_tekst(self.gemeente.as_ref().map(Gemeentecode::as_str)),
            datum(self.in_dienst),
            opt_datum(self.uit_dienst),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Medewerker {
            id: v.tekst(),
            naam: v.tekst(),
            email: v.tekst(),
            rol: v.code(),
            boa: v.bool(),
            fte: v.getal(),
            gemeente: v.parse(Gemeentecode::parse),
            in_dienst: v.datum(),
            uit_dienst: v.opt_datum(),
        };
        v.klaar(r)
    }
}

impl Rij for Code {
    const TABEL: &'static str = "codelijst";
    const KOLOMMEN: &'static [Kolom] =
        &[k("lijst", T), k("code", T), k("omschrijving", T), k("geldig_van", D), o("geldig_tot", D)];
    const SLEUTEL: usize = 2;
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            code(self.lijst),
            tekst(&self.code),
            tekst(&self.omschrijving),
            datum(self.geldig_van),
            opt_datum(self.geldig_tot),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Code {
            lijst: v.code::<CodeLijst>(),
            code: v.tekst(),
            omschrijving: v.tekst(),
            geldig_van: v.datum(),
            geldig_tot: v.opt_datum(),
        };
        v.klaar(r)
    }
}

impl Rij for Jongere {
    const TABEL: &'static str = "jongere";
    const UNIEK: &'static [&'static str] = &["bsn"];
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("bsn", T),
        k("voornamen", T),
        o("tussenvoegsel", T),
        k("achternaam", T),
        k("geboortedatum", D),
        k("geslacht", T),
        o("overlijdensdatum", D),
        o("twaalf_schooljaren_op", D),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.bsn.as_digits()),
            tekst(&self.voornamen),
            vrije_tekst(&self.tussenvoegsel),
            tekst(&self.achternaam),
            datum(self.geboortedatum),
            code(self.geslacht),
            opt_datum(self.overlijdensdatum),
            opt_datum(self.twaalf_schooljaren_op),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Jongere {
            id: v.tekst(),
            bsn: v.parse(bsn).unwrap_or_else(|| Bsn::try_from(111_222_333).expect("geldig")),
            voornamen: v.tekst(),
            tussenvoegsel: v.tekst(),
            achternaam: v.tekst(),
            geboortedatum: v.datum(),
            geslacht: v.code(),
            overlijdensdatum: v.opt_datum(),
            twaalf_schooljaren_op: v.opt_datum(),
        };
        v.klaar(r)
    }
}

impl Rij for Woonadres {
    const TABEL: &'static str = "woonadres";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("jongere", T),
        k("gemeente", T),
        o("straat", T),
        o("huisnummer", T),
        o("postcode", T),
        o("woonplaats", T),
        k("begindatum", D),
        o("einddatum", D),
        o("vertrek", T),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.jongere),
            gemeente(&self.gemeente),
            vrije_tekst(&self.straat),
            vrije_tekst(&self.huisnummer),
            vrije_tekst(&self.postcode),
            vrije_tekst(&self.woonplaats),
            datum(self.begindatum),
            opt_datum(self.einddatum),
            opt_code(self.vertrek),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Woonadres {
            id: v.tekst(),
            jongere: v.tekst(),
            gemeente: v.parse(Gemeentecode::parse).unwrap_or_else(placeholder_gemeente),
            straat: v.tekst(),
            huisnummer: v.tekst(),
            postcode: v.tekst(),
            woonplaats: v.tekst(),
            begindatum: v.datum(),
            einddatum: v.opt_datum(),
            vertrek: v.opt_code(),
        };
        v.klaar(r)
    }
}

impl Rij for Ouder {
    const TABEL: &'static str = "ouder";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        o("bsn", T),
        k("voornamen", T),
        o("tussenvoegsel", T),
        k("achternaam", T),
        o("telefoon", T),
        o("email", T),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            opt_tekst(self.bsn.map(|b| b.as_digits()).as_deref()),
            tekst(&self.voornamen),
            vrije_tekst(&self.tussenvoegsel),
            tekst(&self.achternaam),
            vrije_tekst(&self.telefoon),
            vrije_tekst(&self.email),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Ouder {
            id: v.tekst(),
            bsn: v.parse(bsn),
            voornamen: v.tekst(),
            tussenvoegsel: v.tekst(),
            achternaam: v.tekst(),
            telefoon: v.tekst(),
            email: v.tekst(),
        };
        v.klaar(r)
    }
}

impl Rij for Gezinsrelatie {
    const TABEL: &'static str = "gezinsrelatie";
    const KOLOMMEN: &'static [Kolom] = &[k("jongere", T), k("ouder", T), k("relatie", T), k("gezag", Bool)];
    const SLEUTEL: usize = 2;
    fn waarden(&self) -> Vec<Waarde> {
        vec![tekst(&self.jongere), tekst(&self.ouder), code(self.relatie), Waarde::Bool(self.gezag)]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Gezinsrelatie { jongere: v.tekst(), ouder: v.tekst(), relatie: v.code(), gezag: v.bool() };
        v.klaar(r)
    }
}

impl Rij for Inschrijving {
    const TABEL: &'static str = "inschrijving";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("jongere", T),
        k("brin", T),
        k("vestiging", T),
        k("onderwijssoort", T),
        o("niveau", T),
        o("vso_profiel", T),
        k("begindatum", D),
        o("einddatum", D),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.jongere),
            tekst(&self.brin),
            tekst(&self.vestiging),
            code(self.onderwijssoort),
            opt_code(self.niveau),
            opt_code(self.vso_profiel),
            datum(self.begindatum),
            opt_datum(self.einddatum),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Inschrijving {
            id: v.tekst(),
            jongere: v.tekst(),
            brin: v.tekst(),
            vestiging: v.tekst(),
            onderwijssoort: v.code(),
            niveau: v.opt_code(),
            vso_profiel: v.opt_code(),
            begindatum: v.datum(),
            einddatum: v.opt_datum(),
        };
        v.klaar(r)
    }
}

impl Rij for Diploma {
    const TABEL: &'static str = "diploma";
    const KOLOMMEN: &'static [Kolom] = &[k("id", T), k("jongere", T), k("soort", T), k("datum", D), o("brin", T)];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.jongere),
            code(self.soort),
            datum(self.datum),
            opt_tekst(self.brin.as_deref()),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Diploma {
            id: v.tekst(),
            jongere: v.tekst(),
            soort: v.code(),
            datum: v.datum(),
            brin: v.parse(School::brin),
        };
        v.klaar(r)
    }
}

impl Rij for Zaak {
    const TABEL: &'static str = "zaak";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("jongere", T),
        k("soort", T),
        o("medewerker", T),
        k("geopend_op", D),
        k("status", T),
        o("gesloten_op", D),
        o("reden_sluiting", T),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.jongere),
            code(self.soort),
            opt_tekst(self.medewerker.as_deref()),
            datum(self.geopend_op),
            code(self.status),
            opt_datum(self.gesloten_op),
            opt_tekst(self.reden_sluiting.as_deref()),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Zaak {
            id: v.tekst(),
            jongere: v.tekst(),
            soort: v.code(),
            medewerker: v.opt_tekst(),
            geopend_op: v.datum(),
            status: v.code(),
            gesloten_op: v.opt_datum(),
            reden_sluiting: v.opt_tekst(),
        };
        v.klaar(r)
    }
}

impl Rij for Verzuimmelding {
    const TABEL: &'static str = "verzuimmelding";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("jongere", T),
        o("brin", T),
        o("vestiging", T),
        k("soort", T),
        k("meldingsdatum", D),
        k("verzuim_van", D),
        o("verzuim_tot", D),
        o("uren", Geheel),
        o("reden", T),
        k("status", T),
        o("reden_afsluiting", T),
        o("zaak", T),
        k("preventief", Bool),
        o("vervolg_op", T),
        o("alle_lessen_gemist", T),
        o("deels_lesbaar", T),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.jongere),
            opt_tekst(self.brin.as_deref()),
            opt_tekst(self.vestiging.as_deref()),
            tekst(&self.soort),
            datum(self.meldingsdatum),
            datum(self.verzuim_van),
            opt_datum(self.verzuim_tot),
            opt_aantal(self.uren),
            vrije_tekst(&self.reden),
            tekst(&self.status),
            opt_tekst(self.reden_afsluiting.as_deref()),
            opt_tekst(self.zaak.as_deref()),
            Waarde::Bool(self.preventief),
            opt_tekst(self.vervolg_op.as_deref()),
            opt_ja_nee(self.alle_lessen_gemist),
            opt_ja_nee(self.deels_lesbaar),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Verzuimmelding {
            id: v.tekst(),
            jongere: v.tekst(),
            brin: v.opt_tekst(),
            vestiging: v.opt_tekst(),
            soort: v.tekst(),
            meldingsdatum: v.datum(),
            verzuim_van: v.datum(),
            verzuim_tot: v.opt_datum(),
            uren: v.opt_aantal(),
            reden: v.tekst(),
            status: v.tekst(),
            reden_afsluiting: v.opt_tekst(),
            zaak: v.opt_tekst(),
            preventief: v.bool(),
            vervolg_op: v.opt_tekst(),
            alle_lessen_gemist: v.opt_ja_nee(),
            deels_lesbaar: v.opt_ja_nee(),
        };
        v.klaar(r)
    }
}

impl Rij for Actie {
    const TABEL: &'static str = "actie";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("jongere", T),
        o("zaak", T),
        k("soort", T),
        k("datum", D),
        o("medewerker", T),
        o("pv_tegen", T),
        o("ouder", T),
        o("overmacht", T),
        o("uitkomst", T),
        o("uitkomst_datum", D),
        o("toelichting", T),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.jongere),
            opt_tekst(self.zaak.as_deref()),
            code(self.soort),
            datum(self.datum),
            opt_tekst(self.medewerker.as_deref()),
            opt_code(self.pv_tegen),
            opt_tekst(self.ouder.as_deref()),
            opt_tekst(self.overmacht.as_deref()),
            opt_tekst(self.uitkomst.as_deref()),
            opt_datum(self.uitkomst_datum),
            vrije_tekst(&self.toelichting),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Actie {
            id: v.tekst(),
            jongere: v.tekst(),
            zaak: v.opt_tekst(),
            soort: v.code(),
            datum: v.datum(),
            medewerker: v.opt_tekst(),
            pv_tegen: v.opt_code(),
            ouder: v.opt_tekst(),
            overmacht: v.opt_tekst(),
            uitkomst: v.opt_tekst(),
            uitkomst_datum: v.opt_datum(),
            toelichting: v.tekst(),
        };
        v.klaar(r)
    }
}

impl Rij for Vrijstelling {
    const TABEL: &'static str = "vrijstelling";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("jongere", T),
        k("artikel", T),
        k("status", T),
        k("aanvraagdatum", D),
        o("besluitdatum", D),
        o("geldig_van", D),
        o("geldig_tot", D),
        k("beslisser", T),
        o("medewerker", T),
        o("artsverklaring_datum", D),
        o("swv_advies_datum", D),
        o("dagen", Geheel),
        o("toelichting", T),
        o("bezwaar_op", D),
        o("werkgeversverklaring_datum", D),
        o("verdaagd_tot", D),
        o("hoorzitting_op", D),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.jongere),
            tekst(&self.artikel),
            code(self.status),
            datum(self.aanvraagdatum),
            opt_datum(self.besluitdatum),
            opt_datum(self.geldig_van),
            opt_datum(self.geldig_tot),
            code(self.beslisser),
            opt_tekst(self.medewerker.as_deref()),
            opt_datum(self.artsverklaring_datum),
            opt_datum(self.swv_advies_datum),
            opt_aantal(self.dagen),
            vrije_tekst(&self.toelichting),
            opt_datum(self.bezwaar_op),
            opt_datum(self.werkgeversverklaring_datum),
            opt_datum(self.verdaagd_tot),
            opt_datum(self.hoorzitting_op),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Vrijstelling {
            id: v.tekst(),
            jongere: v.tekst(),
            artikel: v.tekst(),
            status: v.code(),
            aanvraagdatum: v.datum(),
            besluitdatum: v.opt_datum(),
            geldig_van: v.opt_datum(),
            geldig_tot: v.opt_datum(),
            beslisser: v.code(),
            medewerker: v.opt_tekst(),
            artsverklaring_datum: v.opt_datum(),
            swv_advies_datum: v.opt_datum(),
            dagen: v.opt_aantal(),
            toelichting: v.tekst(),
            bezwaar_op: v.opt_datum(),
            werkgeversverklaring_datum: v.opt_datum(),
            verdaagd_tot: v.opt_datum(),
            hoorzitting_op: v.opt_datum(),
        };
        v.klaar(r)
    }
}

impl Rij for Thuiszitperiode {
    const TABEL: &'static str = "thuiszitperiode";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("jongere", T),
        o("zaak", T),
        k("soort", T),
        k("begindatum", D),
        o("einddatum", D),
        o("reden_einde", T),
        o("aanbod_datum", D),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.jongere),
            opt_tekst(self.zaak.as_deref()),
            code(self.soort),
            datum(self.begindatum),
            opt_datum(self.einddatum),
            opt_code(self.reden_einde),
            opt_datum(self.aanbod_datum),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Thuiszitperiode {
            id: v.tekst(),
            jongere: v.tekst(),
            zaak: v.opt_tekst(),
            soort: v.code(),
            begindatum: v.datum(),
            einddatum: v.opt_datum(),
            reden_einde: v.opt_code(),
            aanbod_datum: v.opt_datum(),
        };
        v.klaar(r)
    }
}

impl Rij for VsvMelding {
    const TABEL: &'static str = "vsv_melding";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("jongere", T),
        k("uitvaldatum", D),
        k("bron", T),
        k("onderwijssoort", T),
        o("niveau", T),
        o("brin", T),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.jongere),
            datum(self.uitvaldatum),
            code(self.bron),
            code(self.onderwijssoort),
            opt_code(self.niveau),
            opt_tekst(self.brin.as_deref()),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = VsvMelding {
            id: v.tekst(),
            jongere: v.tekst(),
            uitvaldatum: v.datum(),
            bron: v.code(),
            onderwijssoort: v.code(),
            niveau: v.opt_code(),
            brin: v.parse(School::brin),
        };
        v.klaar(r)
    }
}

impl Rij for RmcTraject {
    const TABEL: &'static str = "rmc_traject";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("jongere", T),
        k("soort", T),
        o("medewerker", T),
        k("aangemeld_op", D),
        k("begindatum", D),
        o("einddatum", D),
        o("resultaat", T),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.jongere),
            code(self.soort),
            opt_tekst(self.medewerker.as_deref()),
            datum(self.aangemeld_op),
            datum(self.begindatum),
            opt_datum(self.einddatum),
            opt_tekst(self.resultaat.as_deref()),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = RmcTraject {
            id: v.tekst(),
            jongere: v.tekst(),
            soort: v.code(),
            medewerker: v.opt_tekst(),
            aangemeld_op: v.datum(),
            begindatum: v.datum(),
            einddatum: v.opt_datum(),
            resultaat: v.opt_tekst(),
        };
        v.klaar(r)
    }
}

impl Rij for Dagbesteding {
    const TABEL: &'static str = "dagbesteding";
    const KOLOMMEN: &'static [Kolom] =
        &[k("id", T), k("jongere", T), k("datum", D), k("soort", T), o("medewerker", T), o("toelichting", T)];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.jongere),
            datum(self.datum),
            tekst(&self.soort),
            opt_tekst(self.medewerker.as_deref()),
            vrije_tekst(&self.toelichting),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Dagbesteding {
            id: v.tekst(),
            jongere: v.tekst(),
            datum: v.datum(),
            soort: v.tekst(),
            medewerker: v.opt_tekst(),
            toelichting: v.tekst(),
        };
        v.klaar(r)
    }
}

impl Rij for Document {
    const TABEL: &'static str = "document";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("jongere", T),
        o("zaak", T),
        o("vrijstelling", T),
        o("actie", T),
        k("soort", T),
        k("ontvanger", T),
        o("ouder", T),
        k("datum", D),
        k("auteur", T),
        k("sjabloon", T),
        k("sha256", T),
        k("bytes", Geheel),
        o("vervangt", T),
        o("reeks", T),
        k("richting", T),
        o("afzender", T),
        o("opgesteld_op", D),
        k("mediatype", T),
        o("adres", T),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        let o = self.ontvangst.as_ref();
        vec![
            tekst(&self.id),
            tekst(&self.jongere),
            opt_tekst(self.zaak.as_deref()),
            opt_tekst(self.vrijstelling.as_deref()),
            opt_tekst(self.actie.as_deref()),
            tekst(&self.soort),
            code(self.ontvanger),
            opt_tekst(self.ouder.as_deref()),
            datum(self.datum),
            tekst(&self.auteur),
            tekst(&self.sjabloon),
            tekst(&self.sha256),
            Waarde::Geheel(Some(self.bytes)),
            opt_tekst(self.vervangt.as_deref()),
            opt_tekst(self.reeks.as_deref()),
            tekst(if o.is_some() { "inkomend" } else { "uitgaand" }),
            opt_tekst(o.map(|o| o.afzender.as_str())),
            opt_datum(o.and_then(|o| o.opgesteld_op)),
            tekst(&self.mediatype),
            opt_tekst(Some(self.adres.join("\n")).filter(|a| !a.is_empty()).as_deref()),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Document {
            id: v.tekst(),
            jongere: v.tekst(),
            zaak: v.opt_tekst(),
            vrijstelling: v.opt_tekst(),
            actie: v.opt_tekst(),
            soort: v.tekst(),
            ontvanger: v.code(),
            ouder: v.opt_tekst(),
            datum: v.datum(),
            auteur: v.tekst(),
            sjabloon: v.tekst(),
            sha256: v.tekst(),
            bytes: v.opt_geheel().unwrap_or_default(),
            vervangt: v.opt_tekst(),
            reeks: v.opt_tekst(),
            ontvangst: None,
            mediatype: String::new(),
            adres: Vec::new(),
        };
        let inkomend = v.tekst() == "inkomend";
        let (afzender, opgesteld_op) = (v.opt_tekst(), v.opt_datum());
        let r = Document {
            ontvangst: inkomend.then(|| Ontvangst { afzender: afzender.unwrap_or_default(), opgesteld_op }),
            mediatype: v.tekst(),
            adres: v.opt_tekst().map(|a| a.lines().map(str::to_string).collect()).unwrap_or_default(),
            ..r
        };
        v.klaar(r)
    }
}

impl Rij for Contactgegeven {
    const TABEL: &'static str = "contactgegeven";
    const KOLOMMEN: &'static [Kolom] = &[
        k("id", T),
        k("jongere", T),
        o("ouder", T),
        k("soort", T),
        k("waarde", T),
        k("vanaf", D),
        o("tot", D),
        k("bron", T),
        k("medewerker", T),
    ];
    fn waarden(&self) -> Vec<Waarde> {
        vec![
            tekst(&self.id),
            tekst(&self.jongere),
            opt_tekst(self.ouder.as_deref()),
            code(self.soort),
            tekst(&self.waarde),
            datum(self.vanaf),
            opt_datum(self.tot),
            tekst(&self.bron),
            tekst(&self.medewerker),
        ]
    }
    fn uit_waarden(w: Vec<Waarde>) -> Result<Self, Vec<VeldFout>> {
        let mut v = Velden::new(w);
        let r = Contactgegeven {
            id: v.tekst(),
            jongere: v.tekst(),
            ouder: v.opt_tekst(),
            soort: v.code(),
            waarde: v.tekst(),
            vanaf: v.datum(),
            tot: v.opt_datum(),
            bron: v.tekst(),
            medewerker: v.tekst(),
        };
        v.klaar(r)
    }
}
