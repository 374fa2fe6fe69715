//! Correcting the register's facts about a youth or a parent (AVG art. 16, recht op rectificatie;
//! docs/beveiliging.md "Rechten van betrokkenen"): who may, and the reason every correction carries
//! into the change log beside who made it.
use super::Weigering;
use crate::code_enum;
use crate::code_enum::CodeEnum;
use crate::model::Rol;

code_enum!(
    /// Why a register fact is corrected.
    Grond, "grond" {
        VerzoekBetrokkene = ("verzoek_betrokkene", "Verzoek van de betrokkene (AVG art. 16)"),
        Invoerfout = ("invoerfout", "Invoerfout"),
        BerichtBron = ("bericht_bron", "Bericht van DUO of BRP"),
        Anders = ("anders", "Anders"),
    }
);

/// The longest explanation: a reason, not a letter (it is repeated on every changed field).
pub const MAX_TOELICHTING: usize = 500;

/// The caseworkers and the administration that keeps the register, and their teamleider: those
/// who register meldingen and take over the BRP's facts. A gemeente viewer, beleid and the
/// beheerder open no dossier to correct.
pub fn mag_corrigeren(rol: Rol) -> Result<(), Weigering> {
    match rol {
        Rol::Leerplichtambtenaar | Rol::RmcConsulent | Rol::Administratief | Rol::Teamleider => Ok(()),
        rol => Err(Weigering::new(
            "rollen: gegevens corrigeren",
            format!("een {} corrigeert geen gegevens in het register", rol.label().to_lowercase()),
        )),
    }
}

/// The reason of a correction: its ground, with an explanation that `anders` cannot do without.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reden {
    grond: Grond,
    toelichting: String,
}

/// What is wrong with a reason: the field (`grond` or `toelichting`) and why.
pub type RedenFout = (&'static str, String);

impl Reden {
    /// From the ground's code and the explanation as entered.
    pub fn nieuw(grond: &str, toelichting: &str) -> Result<Reden, RedenFout> {
        let grond = match grond.trim() {
            "" => return Err(("grond", "kies de reden van de correctie".into())),
            code => Grond::parse_code(code).map_err(|e| ("grond", e))?,
        };
        let toelichting = toelichting.trim().to_string();
        let lengte = toelichting.chars().count();
        if toelichting.is_empty() && grond == Grond::Anders {
            return Err(("toelichting", "licht de reden toe: bij 'anders' is een toelichting verplicht".into()));
        }
        if lengte > MAX_TOELICHTING {
            return Err(("toelichting", format!("ten hoogste {MAX_TOELICHTING} tekens (nu {lengte})")));
        }
        if toelichting.chars().any(char::is_control) {
            return Err(("toelichting", "één regel tekst, zonder tabs of regeleinden".into()));
        }
        Ok(Reden { grond, toelichting })
    }

    pub fn grond(&self) -> Grond {
        self.grond
    }

    pub fn toelichting(&self) -> &str {
        &self.toelichting
    }
}

/// As the change log keeps it: the ground's label, then the explanation.
impl std::fmt::Display for Reden {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.grond.label())?;
        if !self.toelichting.is_empty() {
            write!(f, ": {}", self.toelichting)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_correction_requested_by_the_youth_needs_no_explanation_but_anders_does() {
        let r = Reden::nieuw("verzoek_betrokkene", "").unwrap();
        assert_eq!(r.to_string(), "Verzoek van de betrokkene (AVG art. 16)");
        let r = Reden::nieuw("invoerfout", " dag en maand verwisseld ").unwrap();
        assert_eq!(r.to_string(), "Invoerfout: dag en maand verwisseld");
        assert_eq!(Reden::nieuw("anders", "  ").unwrap_err().0, "toelichting");
        assert!(Reden::nieuw("anders", "uitspraak van de rechter").is_ok());
    }

    #[test]
    fn no_reason_an_unknown_ground_or_a_letter_is_refused() {
        assert_eq!(Reden::nieuw("", "").unwrap_err(), ("grond", "kies de reden van de correctie".into()));
        assert_eq!(Reden::nieuw("omdat", "").unwrap_err().0, "grond");
        assert_eq!(Reden::nieuw("invoerfout", &"x".repeat(501)).unwrap_err().0, "toelichting");
        assert_eq!(Reden::nieuw("invoerfout", "regel\nregel").unwrap_err().0, "toelichting");
    }

    #[test]
    fn caseworkers_and_the_administration_correct_the_gemeente_beleid_and_beheer_do_not() {
        for rol in [Rol::Leerplichtambtenaar, Rol::RmcConsulent, Rol::Administratief, Rol::Teamleider] {
            assert!(mag_corrigeren(rol).is_ok(), "{rol}");
        }
        for rol in [Rol::Gemeente, Rol::Beleidsmedewerker, Rol::Beheerder] {
            assert!(mag_corrigeren(rol).unwrap_err().reden.contains("corrigeert geen"), "{rol}");
        }
    }
}
