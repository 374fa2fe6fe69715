//! The entities of the bundle: one CSV file each, in the order they must be written.
use leerspoor_domain::codes::Code;
use leerspoor_domain::model::*;
use leerspoor_store::rij::Rij;

/// A record type that is one file of the bundle and one list of a [`Dataset`].
pub trait Entiteit: Rij {
    const BESTAND: &'static str;
    fn lijst(ds: &Dataset) -> &Vec<Self>;
    fn lijst_mut(ds: &mut Dataset) -> &mut Vec<Self>;
}

macro_rules! entiteit {
    ($t:ty, $veld:ident, $bestand:literal) => {
        impl Entiteit for $t {
            const BESTAND: &'static str = $bestand;
            fn lijst(ds: &Dataset) -> &Vec<Self> {
                &ds.$veld
            }
            fn lijst_mut(ds: &mut Dataset) -> &mut Vec<Self> {
                &mut ds.$veld
            }
        }
    };
}

entiteit!(Regio, regio, "regio.csv");
entiteit!(Subregio, subregios, "subregios.csv");
entiteit!(Gemeente, gemeenten, "gemeenten.csv");
entiteit!(School, scholen, "scholen.csv");
entiteit!(Vakantie, vakanties, "vakanties.csv");
entiteit!(Medewerker, medewerkers, "medewerkers.csv");
entiteit!(Code, codes, "codelijsten.csv");
entiteit!(Jongere, jongeren, "jongeren.csv");
entiteit!(Woonadres, woonadressen, "woonadressen.csv");
entiteit!(Ouder, ouders, "ouders.csv");
entiteit!(Gezinsrelatie, gezinsrelaties, "gezinsrelaties.csv");
entiteit!(Inschrijving, inschrijvingen, "inschrijvingen.csv");
entiteit!(Diploma, diplomas, "diplomas.csv");
entiteit!(Zaak, zaken, "zaken.csv");
entiteit!(Verzuimmelding, verzuimmeldingen, "verzuimmeldingen.csv");
entiteit!(Actie, acties, "acties.csv");
entiteit!(Vrijstelling, vrijstellingen, "vrijstellingen.csv");
entiteit!(Thuiszitperiode, thuiszitperioden, "thuiszitperioden.csv");
entiteit!(VsvMelding, vsv_meldingen, "vsv_meldingen.csv");
entiteit!(RmcTraject, rmc_trajecten, "rmc_trajecten.csv");
entiteit!(Dagbesteding, dagbestedingen, "dagbestedingen.csv");

/// The files about the organisation itself (region, gemeenten, schools, staff, code lists), which
/// hold nothing about a youth: the only ones beheer may upload through the web application.
pub fn organisatiebestanden() -> [&'static str; 7] {
    [
        Regio::BESTAND,
        Subregio::BESTAND,
        Gemeente::BESTAND,
        School::BESTAND,
        Vakantie::BESTAND,
        Medewerker::BESTAND,
        Code::BESTAND,
    ]
}

/// Runs a block once per entity type, in write order, with `$t` naming the type.
/// (A macro rather than a loop: each entity is a different type.)
#[macro_export]
macro_rules! voor_elke_entiteit {
    (|$t:ident| $body:block) => {{
        #[allow(unused_imports, reason = "the block may use either trait's items")]
        use {leerspoor_domain::model::*, leerspoor_store::rij::Rij as _, $crate::entiteit::Entiteit as _};
        {
            type $t = Regio;
            $body
        }
        {
            type $t = Subregio;
            $body
        }
        {
            type $t = Gemeente;
            $body
        }
        {
            type $t = School;
            $body
        }
        {
            type $t = Vakantie;
            $body
        }
        {
            type $t = Medewerker;
            $body
        }
        {
            type $t = leerspoor_domain::codes::Code;
            $body
        }
        {
            type $t = Jongere;
            $body
        }
        {
            type $t = Woonadres;
            $body
        }
        {
            type $t = Ouder;
            $body
        }
        {
            type $t = Gezinsrelatie;
            $body
        }
        {
            type $t = Inschrijving;
            $body
        }
        {
            type $t = Diploma;
            $body
        }
        {
            type $t = Zaak;
            $body
        }
        {
            type $t = Verzuimmelding;
            $body
        }
        {
            type $t = Actie;
            $body
        }
        {
            type $t = Vrijstelling;
            $body
        }
        {
            type $t = Thuiszitperiode;
            $body
        }
        {
            type $t = VsvMelding;
            $body
        }
        {
            type $t = RmcTraject;
            $body
        }
        {
            type $t = Dagbesteding;
            $body
        }
    }};
}

/// Every file name a bundle may contain.
pub fn bestanden() -> Vec<&'static str> {
    let mut namen = Vec::new();
    voor_elke_entiteit!(|R| {
        namen.push(R::BESTAND);
    });
    namen
}
