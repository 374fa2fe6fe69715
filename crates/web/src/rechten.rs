//! What each role may open in the web application (docs/regels.md): need-to-know, one table.
//!
//! These are the coarse rights of the door ([`crate::poort`]): which pages and forms a role
//! reaches. The legal limits inside a form (only a BOA issues HALT or PV, an RMC-consulent has only
//! the first means, only a leerplichtambtenaar decides on a vrijstelling) stay in
//! `leerspoor_domain::rules`, which the service layer applies and whose refusals the form shows.
use leerspoor_domain::model::Rol;

/// A right: a resource with an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Recht {
    /// The caseworker's home page: zaken, meldingen, thuiszitters, vrijstellingen, RMC.
    Werkvoorraad,
    /// Search youths and read their dossier (personal records).
    DossierLezen,
    /// Register meldingen, take MAS actions, handle vrijstellingen and RMC-trajecten.
    CasusSchrijven,
    /// Aggregate report tables and their downloads.
    Rapportage,
    /// The audit trail of a dossier.
    AuditLezen,
    /// Users, gemeenten, schools and bundle uploads.
    Beheer,
    /// The account audit page: sign-ins, account changes and grants of access.
    AccountsLezen,
}

impl Recht {
    pub const ALLE: [Recht; 7] = [
        Recht::Werkvoorraad,
        Recht::DossierLezen,
        Recht::CasusSchrijven,
        Recht::Rapportage,
        Recht::AuditLezen,
        Recht::Beheer,
        Recht::AccountsLezen,
    ];
}

/// Whether a role holds a right. A gemeente viewer's dossier right is limited to its own gemeente
/// by the door; a beleidsmedewerker sees aggregates only.
pub fn heeft(rol: Rol, recht: Recht) -> bool {
    use Recht::*;
    use Rol::*;
    match recht {
        Werkvoorraad | CasusSchrijven => {
            matches!(rol, Leerplichtambtenaar | RmcConsulent | Administratief | Teamleider)
        }
        DossierLezen => matches!(rol, Leerplichtambtenaar | RmcConsulent | Administratief | Teamleider | Gemeente),
        Rapportage => matches!(rol, Leerplichtambtenaar | RmcConsulent | Teamleider | Beleidsmedewerker | Gemeente),
        AuditLezen => matches!(rol, Teamleider),
        Beheer => matches!(rol, Beheerder),
        // The beheerder who changes accounts, and the teamleider who answers for who sees what.
        AccountsLezen => matches!(rol, Teamleider | Beheerder),
    }
}

/// Whether report tables on screen may show counts under the publication threshold: only to the
/// roles that read every dossier of the region anyway. Aggregate-only roles (beleid) and the
/// gemeente get them as the downloads have them, hidden, so a count of 1 cannot point at a youth.
pub fn ziet_kleine_aantallen(rol: Rol) -> bool {
    heeft(rol, Recht::DossierLezen) && rol != Rol::Gemeente
}

/// Whether a role signs in with a second step (BIO: for access to personal records). The
/// beheerder too: it manages the accounts that have that access.
pub fn tweestaps_verplicht(rol: Rol) -> bool {
    heeft(rol, Recht::DossierLezen) || rol == Rol::Beheerder
}

/// The page a role starts on after signing in.
pub fn startpagina(rol: Rol) -> &'static str {
    if heeft(rol, Recht::Werkvoorraad) {
        "/"
    } else if heeft(rol, Recht::DossierLezen) {
        "/zoeken"
    } else if heeft(rol, Recht::Rapportage) {
        "/rapportages"
    } else {
        "/beheer"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use leerspoor_domain::code_enum::CodeEnum;

    #[test]
    fn a_beleidsmedewerker_sees_aggregates_and_no_personal_record() {
        assert!(heeft(Rol::Beleidsmedewerker, Recht::Rapportage));
        assert!(!heeft(Rol::Beleidsmedewerker, Recht::DossierLezen));
        assert!(!heeft(Rol::Beleidsmedewerker, Recht::Werkvoorraad));
    }

    #[test]
    fn a_gemeente_viewer_reads_but_does_not_write() {
        assert!(heeft(Rol::Gemeente, Recht::DossierLezen));
        assert!(!heeft(Rol::Gemeente, Recht::CasusSchrijven));
        assert!(!heeft(Rol::Gemeente, Recht::AuditLezen));
    }

    #[test]
    fn the_beheerder_manages_the_system_but_opens_no_dossier() {
        assert!(heeft(Rol::Beheerder, Recht::Beheer));
        assert!(!heeft(Rol::Beheerder, Recht::DossierLezen));
        assert!(!heeft(Rol::Beheerder, Recht::Rapportage));
    }

    #[test]
    fn only_the_teamleider_reads_the_audit_trail() {
        for rol in Rol::ALL {
            assert_eq!(heeft(*rol, Recht::AuditLezen), *rol == Rol::Teamleider, "{rol}");
        }
    }

    #[test]
    fn small_counts_show_on_screen_only_to_who_reads_every_dossier_of_the_region() {
        assert!(ziet_kleine_aantallen(Rol::Leerplichtambtenaar));
        assert!(ziet_kleine_aantallen(Rol::Teamleider));
        assert!(!ziet_kleine_aantallen(Rol::Beleidsmedewerker));
        assert!(!ziet_kleine_aantallen(Rol::Gemeente));
    }

    #[test]
    fn every_role_lands_on_a_page_it_may_open() {
        for rol in Rol::ALL {
            let recht = match startpagina(*rol) {
                "/" => Recht::Werkvoorraad,
                "/zoeken" => Recht::DossierLezen,
                "/rapportages" => Recht::Rapportage,
                _ => Recht::Beheer,
            };
            assert!(heeft(*rol, recht), "{rol}");
        }
    }
}
