//! A youth's dagbesteding (docs/regels.md "Dagbesteding"): what the RMC found the youth doing,
//! read as a destination.
use super::Weigering;
use super::vsv::Bestemming;
use crate::code_enum::CodeEnum;
use crate::model::Rol;

/// Who records a dagbesteding: those who meet the youth — the RMC-trajectbegeleider, the
/// leerplichtambtenaar (a kwalificatieplichtige who left school) and their teamleider.
pub fn mag_vastleggen(rol: Rol) -> Result<(), Weigering> {
    if matches!(rol, Rol::RmcConsulent | Rol::Leerplichtambtenaar | Rol::Teamleider) {
        Ok(())
    } else {
        Err(Weigering::new(
            "rollen: dagbesteding",
            format!("een {} legt geen dagbesteding vast", rol.label().to_lowercase()),
        ))
    }
}

/// The destination a code of the list `dagbesteding` says: werk, or an uitkering (from the gemeente
/// or UWV) or zorg — the annual report's "uitkering/zorg". A youth at home, or a code the office
/// added itself, says nothing about werk or income.
pub fn bestemming(code: &str) -> Option<Bestemming> {
    match code {
        "werk" => Some(Bestemming::Werk),
        "uitkering_gemeente" | "uitkering_uwv" | "zorg" => Some(Bestemming::Uitkering),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::{CodeLijst, standaard};

    // Seed 001, factsheet: "aan het werk", "uitkering van UWV of gemeente", "uitkering/zorg".
    #[test]
    fn who_meets_the_youth_records_what_they_do() {
        assert!(mag_vastleggen(Rol::RmcConsulent).is_ok());
        assert!(mag_vastleggen(Rol::Leerplichtambtenaar).is_ok());
        let w = mag_vastleggen(Rol::Beleidsmedewerker).unwrap_err();
        assert_eq!(w.reden, "een beleidsmedewerker legt geen dagbesteding vast");
    }

    #[test]
    fn werk_uitkering_and_zorg_are_destinations_thuis_is_not() {
        assert_eq!(bestemming("werk"), Some(Bestemming::Werk));
        assert_eq!(bestemming("uitkering_gemeente"), Some(Bestemming::Uitkering));
        assert_eq!(bestemming("uitkering_uwv"), Some(Bestemming::Uitkering));
        assert_eq!(bestemming("zorg"), Some(Bestemming::Uitkering));
        assert_eq!(bestemming("thuis"), None);
        assert_eq!(bestemming("eigen_code"), None);
        let geleverd: Vec<String> =
            standaard().into_iter().filter(|c| c.lijst == CodeLijst::Dagbesteding).map(|c| c.code).collect();
        assert_eq!(geleverd, ["werk", "uitkering_gemeente", "uitkering_uwv", "zorg", "thuis"]);
    }
}
