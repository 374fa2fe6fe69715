//! Correcting what the register says about a youth or one of her parents (AVG art. 16, recht op
//! rectificatie; docs/beveiliging.md "Rechten van betrokkenen"). Every changed field goes into the
//! change log with its old and new value, who corrected it and why
//! ([`leerspoor_domain::rules::correctie::Reden`]).
//!
//! A form shows the record as it was read and sends back its [`versie`]: a record someone else
//! changed in between is a conflict, never overwritten unseen.
use crate::dossier::{Dossier, leerplichtfeiten};
use crate::{Fout, Result};
use leerspoor_domain::model::{Geslacht, Gezinsrelatie, Jongere, Medewerker, Ouder};
use leerspoor_domain::rules::Weigering;
use leerspoor_domain::rules::correctie::{Reden, mag_corrigeren};
use leerspoor_domain::{Bsn, Datum};
use leerspoor_store::StoreFout;
use leerspoor_store::rij::{Rij, Waarde};
use leerspoor_store::{Schrijver, Store};
use sha2::{Digest, Sha256};

/// The longest name part: as long as a form's one-line text.
const MAX_NAAM: usize = 200;
const MAX_EMAIL: usize = 254;

/// A youth's register facts as the employee corrected them (the BSN as typed: checked here).
#[derive(Debug, Clone)]
pub struct JongereCorrectie {
    pub jongere: String,
    /// The [`versie`] of her record that the form showed.
    pub versie: String,
    pub bsn: String,
    pub voornamen: String,
    pub tussenvoegsel: String,
    pub achternaam: String,
    pub geboortedatum: Datum,
    pub geslacht: Geslacht,
    pub overlijdensdatum: Option<Datum>,
}

/// A parent's names and contact details as the employee corrected them, from the dossier of a
/// youth she is linked to.
#[derive(Debug, Clone)]
pub struct OuderCorrectie {
    pub jongere: String,
    pub ouder: String,
    /// The [`versie`] of the parent's record that the form showed.
    pub versie: String,
    pub voornamen: String,
    pub tussenvoegsel: String,
    pub achternaam: String,
    pub telefoon: String,
    pub email: String,
}

/// Names a record's content whole (SHA-256 of every field), for a form to send back: it says
/// whether the record is still the one shown, without the form carrying the values twice.
pub fn versie<R: Rij>(r: &R) -> String {
    let mut h = Sha256::new();
    for w in r.waarden() {
        // A separator that no field holds, and empty apart from missing.
        let (soort, tekst) = if w.is_leeg() { ("-", String::new()) } else { ("+", w.als_tekst()) };
        h.update(soort);
        h.update(tekst.as_bytes());
        h.update([0x1f]);
    }
    format!("{:x}", h.finalize())
}

/// Corrects a youth's names, BSN, birth date, sex and date of death, with the reason on every
/// changed field. The number of fields changed.
pub async fn corrigeer_jongere(
    store: &Store,
    door: &Medewerker,
    c: JongereCorrectie,
    grond: &str,
    toelichting: &str,
) -> Result<usize> {
    let reden = toets_begin(door, grond, toelichting)?;
    let bsn = Bsn::parse(&c.bsn).map_err(|e| {
        // The message of the BSN check repeats the number: not in an error that may reach a log.
        let melding = match e {
            leerspoor_domain::bsn::BsnFout::Vorm(_) => "een BSN bestaat uit 9 cijfers",
            leerspoor_domain::bsn::BsnFout::Elfproef(_) => "dit is geen geldig BSN: het voldoet niet aan de elfproef",
        };
        Fout::invoer("bsn", melding)
    })?;
    let voornamen = naamdeel("voornamen", &c.voornamen, true)?;
    let tussenvoegsel = naamdeel("tussenvoegsel", &c.tussenvoegsel, false)?;
    let achternaam = naamdeel("achternaam", &c.achternaam, true)?;
    let vandaag = chrono::Local::now().date_naive();
    if c.geboortedatum > vandaag {
        return Err(Fout::invoer("geboortedatum", format!("{} ligt in de toekomst", c.geboortedatum)));
    }
    if let Some(o) = c.overlijdensdatum {
        if o < c.geboortedatum {
            return Err(Fout::invoer(
                "overlijdensdatum",
                format!("{o} ligt vóór de geboortedatum {}", c.geboortedatum),
            ));
        }
        if o > vandaag {
            return Err(Fout::invoer("overlijdensdatum", format!("{o} ligt in de toekomst")));
        }
    }

    let mut s = store.schrijver(&door.id, "gegevens corrigeren").await?.met_reden(reden.to_string());
    // The services that decide from her birth date (a melding, a vrijstelling) take turns with this.
    s.vergrendel(&c.jongere).await?;
    let oud = gezien::<Jongere>(&mut s, "jongere", &c.jongere, &c.versie).await?;
    let nieuw = Jongere {
        bsn,
        voornamen,
        tussenvoegsel,
        achternaam,
        geboortedatum: c.geboortedatum,
        geslacht: c.geslacht,
        overlijdensdatum: c.overlijdensdatum,
        ..oud.clone()
    };
    let aantal = gewijzigde_velden(&oud, &nieuw)?;
    if nieuw.bsn != oud.bsn {
        let met_bsn: Vec<Jongere> = s.lees_waar("bsn", &nieuw.bsn.as_digits()).await?;
        if met_bsn.iter().any(|j| j.id != oud.id) {
            return Err(Fout::invoer("bsn", "dit BSN hoort al bij een andere jongere in het register"));
        }
    }
    if nieuw.geboortedatum != oud.geboortedatum {
        let d = Dossier::laad(&mut s, &oud.id).await?;
        toets_geboortedatum(&nieuw, &d)?;
    }
    s.wijzig(&oud, &nieuw).await?;
    s.vastleggen("gegevens corrigeren", &format!("jongere:{}", oud.id)).await?;
    Ok(aantal)
}

/// Corrects the names, telephone number and e-mail address of a parent linked to `c.jongere`,
/// with the reason on every changed field. The parent's record is one for all her children: the
/// correction holds in each of their dossiers. The number of fields changed.
pub async fn corrigeer_ouder(
    store: &Store,
    door: &Medewerker,
    c: OuderCorrectie,
    grond: &str,
    toelichting: &str,
) -> Result<usize> {
    let reden = toets_begin(door, grond, toelichting)?;
    let voornamen = naamdeel("voornamen", &c.voornamen, true)?;
    let tussenvoegsel = naamdeel("tussenvoegsel", &c.tussenvoegsel, false)?;
    let achternaam = naamdeel("achternaam", &c.achternaam, true)?;
    let telefoon = telefoon(&c.telefoon)?;
    let email = email(&c.email)?;

    let mut s = store.schrijver(&door.id, "gegevens corrigeren").await?.met_reden(reden.to_string());
    s.vergrendel(&c.ouder).await?;
    let relaties: Vec<Gezinsrelatie> = s.lees_waar("jongere", &c.jongere).await?;
    if !relaties.iter().any(|r| r.ouder == c.ouder) {
        return Err(Fout::Onbekend { wat: "ouder", id: c.ouder });
    }
    let oud = gezien::<Ouder>(&mut s, "ouder", &c.ouder, &c.versie).await?;
    let nieuw = Ouder { voornamen, tussenvoegsel, achternaam, telefoon, email, ..oud.clone() };
    let aantal = gewijzigde_velden(&oud, &nieuw)?;
    s.wijzig(&oud, &nieuw).await?;
    // In the access log of the youth from whose dossier it was corrected (her audit page).
    s.vastleggen("gegevens corrigeren", &format!("jongere:{}", c.jongere)).await?;
    Ok(aantal)
}

/// Who may, and why: checked before anything is read.
fn toets_begin(door: &Medewerker, grond: &str, toelichting: &str) -> Result<Reden> {
    mag_corrigeren(door.rol)?;
    Reden::nieuw(grond, toelichting).map_err(|(veld, melding)| Fout::invoer(veld, melding))
}

/// The record as it is now, inside the write; a record changed since the form showed it is a
/// conflict.
async fn gezien<R: Rij>(s: &mut Schrijver, wat: &'static str, id: &str, versie_gezien: &str) -> Result<R> {
    let Some(r) = s.lees_waar::<R>(R::KOLOMMEN[0].naam, id).await?.pop() else {
        return Err(Fout::Onbekend { wat, id: id.to_string() });
    };
    if versie(&r) != versie_gezien {
        return Err(StoreFout::Gelijktijdig { tabel: R::TABEL, sleutel: id.to_string() }.into());
    }
    Ok(r)
}

/// How many fields differ; none is a refusal, so that a correction always changes something.
fn gewijzigde_velden<R: Rij>(oud: &R, nieuw: &R) -> Result<usize> {
    let (o, n): (Vec<Waarde>, Vec<Waarde>) = (oud.waarden(), nieuw.waarden());
    match o.iter().zip(&n).filter(|(o, n)| o != n).count() {
        0 => Err(Weigering::new(
            "correctie: niets gewijzigd",
            "er is niets gewijzigd: alle gegevens zijn gelijk aan wat het register al had",
        )
        .into()),
        aantal => Ok(aantal),
    }
}

/// A new birth date must leave the rest of the dossier possible: no school before birth, and the
/// leerplicht facts (a startkwalificatie at 12 or later, twelve schooljaren) still hold.
fn toets_geboortedatum(j: &Jongere, d: &Dossier) -> Result<()> {
    let geboren = j.geboortedatum;
    if let Some(i) = d.inschrijvingen.iter().filter(|i| i.begindatum < geboren).min_by_key(|i| i.begindatum) {
        return Err(Fout::invoer(
            "geboortedatum",
            format!("{geboren} ligt na het begin van inschrijving {} ({})", i.id, i.begindatum),
        ));
    }
    if let Some(dip) = d.diplomas.iter().filter(|x| x.datum < geboren).min_by_key(|x| x.datum) {
        return Err(Fout::invoer("geboortedatum", format!("{geboren} ligt na diploma {} ({})", dip.id, dip.datum)));
    }
    leerplichtfeiten(j, &d.diplomas, &d.inschrijvingen).map(|_| ()).map_err(|e| match e {
        Fout::Invoer { melding, .. } => Fout::invoer("geboortedatum", melding),
        e => e,
    })
}

/// A part of a name: spaces collapsed, one line, not too long; required or not.
fn naamdeel(veld: &'static str, waarde: &str, verplicht: bool) -> Result<String> {
    let w = waarde.split_whitespace().collect::<Vec<_>>().join(" ");
    if w.is_empty() && verplicht {
        return Err(Fout::invoer(veld, "vul dit gegeven in"));
    }
    if w.chars().count() > MAX_NAAM {
        return Err(Fout::invoer(veld, format!("ten hoogste {MAX_NAAM} tekens")));
    }
    if w.chars().any(|c| c.is_control() || c.is_ascii_digit()) {
        return Err(Fout::invoer(veld, "een naam bevat geen cijfers of besturingstekens"));
    }
    Ok(w)
}

/// A telephone number as people write it (`06-12345678`, `+31 6 1234 5678`): empty, or 8 to 15
/// digits with spaces, hyphens, brackets and a leading `+`.
fn telefoon(waarde: &str) -> Result<String> {
    let w = waarde.trim();
    let cijfers = w.chars().filter(char::is_ascii_digit).count();
    let tekens_goed =
        w.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || " -()".contains(c) || (c == '+' && i == 0));
    if !w.is_empty() && (!tekens_goed || !(8..=15).contains(&cijfers)) {
        return Err(Fout::invoer(
            "telefoon",
            "geen telefoonnummer: 8 tot 15 cijfers, met alleen spaties, streepjes, haakjes of een + vooraan",
        ));
    }
    Ok(w.to_string())
}

/// An e-mail address: empty, or one `@` between a name and a domain with a dot, without spaces.
fn email(waarde: &str) -> Result<String> {
    let w = waarde.trim();
    if w.is_empty() {
        return Ok(String::new());
    }
    let goed = match w.split_once('@') {
        Some((naam, domein)) => {
            !naam.is_empty()
                && !domein.contains('@')
                && domein.split('.').count() >= 2
                && domein.split('.').all(|d| !d.is_empty())
                && !w.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    };
    if !goed || w.chars().count() > MAX_EMAIL {
        return Err(Fout::invoer("email", "geen e-mailadres (zoals naam@voorbeeld.nl)"));
    }
    Ok(w.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn telephone_numbers_as_people_write_them() {
        for goed in ["", "0612345678", "06-12345678", "+31 6 1234 5678", "(010) 123 45 67"] {
            assert!(telefoon(goed).is_ok(), "{goed}");
        }
        for fout in ["06", "bel mij", "0612345678 of 0201234567", "06+12345678", "1234567890123456"] {
            assert_eq!(telefoon(fout).unwrap_err().to_string().split(':').next(), Some("telefoon"), "{fout}");
        }
    }

    #[test]
    fn e_mail_addresses() {
        for goed in ["", "fatima@voorbeeld.nl", " a.b@c.d.nl "] {
            assert!(email(goed).is_ok(), "{goed}");
        }
        for fout in ["fatima", "@voorbeeld.nl", "fatima@", "fatima@voorbeeld", "a@b@c.nl", "fa tima@x.nl", "a@.nl"] {
            assert!(email(fout).is_err(), "{fout}");
        }
    }

    #[test]
    fn name_parts_are_one_line_without_digits() {
        assert_eq!(naamdeel("achternaam", "  van  der Berg ", true).unwrap(), "van der Berg");
        assert!(naamdeel("voornamen", " ", true).is_err());
        assert_eq!(naamdeel("tussenvoegsel", "", false).unwrap(), "");
        assert!(naamdeel("achternaam", "Berg2", true).is_err());
    }
}
