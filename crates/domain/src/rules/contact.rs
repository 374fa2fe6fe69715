//! Contact details of the youth and her parents (docs/brieven.md "Contactgegevens"): telephone
//! numbers and e-mail addresses as people write them, brought to one form; the preferred language
//! from a fixed list; the days a detail holds; and which recorded detail a new one ends.
//!
//! Messages never repeat a telephone number or e-mail address: they may reach a log.
use super::Weigering;
use crate::code_enum::CodeEnum;
use crate::model::{ContactSoort, Contactgegeven, Rol};
use crate::{Datum, code_enum};

/// What is wrong with what was entered: the field (`waarde`, `vanaf`, `tot`, `bron`) and why.
pub type InvoerFout = (&'static str, String);

/// The longest e-mail address (RFC 5321: a path of 256 characters with its angle brackets).
pub const MAX_EMAIL: usize = 254;
/// The longest source: a note, not a report.
pub const MAX_BRON: usize = 200;
/// E.164: at most 15 digits, the country code included.
const MAX_CIJFERS: usize = 15;
/// Fewer digits than this is a number cut short, in any country the region's families come from.
const MIN_CIJFERS: usize = 8;

code_enum!(
    /// Languages a letter, a talk or an interpreter may be needed in, by ISO 639 code (639-1 where
    /// it has one, else 639-2/3: Dari, Papiaments, Tamazight, Sranantongo, Nederlandse
    /// Gebarentaal) with the Dutch name: Dutch and Frisian, the languages of labour migration, of
    /// refugees and of the EU's movers.
    Taal, "taal" {
        Nederlands = ("nl", "Nederlands"),
        Fries = ("fy", "Fries"),
        Gebarentaal = ("dse", "Nederlandse Gebarentaal"),
        Engels = ("en", "Engels"),
        Arabisch = ("ar", "Arabisch"),
        Tamazight = ("ber", "Tamazight"),
        Turks = ("tr", "Turks"),
        Koerdisch = ("ku", "Koerdisch"),
        Papiaments = ("pap", "Papiaments"),
        Sranantongo = ("srn", "Sranantongo"),
        Pools = ("pl", "Pools"),
        Roemeens = ("ro", "Roemeens"),
        Bulgaars = ("bg", "Bulgaars"),
        Hongaars = ("hu", "Hongaars"),
        Litouws = ("lt", "Litouws"),
        Oekraiens = ("uk", "Oekraïens"),
        Russisch = ("ru", "Russisch"),
        Tigrinya = ("ti", "Tigrinya"),
        Amhaars = ("am", "Amhaars"),
        Somalisch = ("so", "Somalisch"),
        Perzisch = ("fa", "Perzisch"),
        Dari = ("prs", "Dari"),
        Pasjtoe = ("ps", "Pasjtoe"),
        Spaans = ("es", "Spaans"),
        Portugees = ("pt", "Portugees"),
        Frans = ("fr", "Frans"),
        Duits = ("de", "Duits"),
        Italiaans = ("it", "Italiaans"),
        Chinees = ("zh", "Chinees"),
    }
);

/// Who records contact details: the roles that keep the dossier (as for a correction), not a
/// gemeente viewer, beleid or the beheerder.
pub fn mag_vastleggen(rol: Rol) -> Result<(), Weigering> {
    match rol {
        Rol::Leerplichtambtenaar | Rol::RmcConsulent | Rol::Administratief | Rol::Teamleider => Ok(()),
        rol => Err(Weigering::new(
            "rollen: contactgegevens",
            format!("een {} legt geen contactgegevens vast", rol.label().to_lowercase()),
        )),
    }
}

/// A value as entered, checked and brought to its one form for its kind.
pub fn waarde(soort: ContactSoort, invoer: &str) -> Result<String, String> {
    match soort {
        ContactSoort::Telefoon => telefoon(invoer),
        ContactSoort::Email => email(invoer),
        ContactSoort::Voorkeurstaal => taal(invoer).map(|t| t.code().to_string()),
    }
}

/// A telephone number as people write it, as E.164 (`+31612345678`): a Dutch number of ten digits
/// from 0 (`06-12345678`, `(010) 123 45 67`), the same after +31 or 0031 (also with the 0 people
/// put in brackets: `+31 (0)6 …`), or a foreign one after + or 00 of at most 15 digits. Spaces,
/// hyphens, dots and brackets are left out.
pub fn telefoon(invoer: &str) -> Result<String, String> {
    let w = invoer.trim();
    if w.is_empty() {
        return Err("vul een telefoonnummer in".into());
    }
    if w.chars().any(char::is_alphabetic) {
        return Err("een telefoonnummer bevat geen letters".into());
    }
    let mut cijfers = String::new();
    let mut plus = false;
    for (i, c) in w.chars().enumerate() {
        match c {
            '0'..='9' => cijfers.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            '+' if i == 0 => plus = true,
            _ => return Err("alleen cijfers, met spaties, streepjes, punten of haakjes, en een + vooraan".into()),
        }
    }
    let internationaal = if plus { Some(cijfers.as_str()) } else { cijfers.strip_prefix("00") };
    let Some(nummer) = internationaal else {
        if !cijfers.starts_with('0') {
            return Err("een Nederlands nummer begint met 0 (06-12345678); een buitenlands met + en de landcode".into());
        }
        if cijfers.len() != 10 {
            return Err(format!("een Nederlands nummer heeft 10 cijfers (nu {})", cijfers.len()));
        }
        return Ok(format!("+31{}", &cijfers[1..]));
    };
    // +31 (0)6 …: the 0 dialled inside the country, written after the country code.
    let nummer = match nummer.strip_prefix("310") {
        Some(rest) if rest.len() == 9 => format!("31{rest}"),
        _ => nummer.to_string(),
    };
    if let Some(nl) = nummer.strip_prefix("31")
        && (nl.len() != 9 || nl.starts_with('0'))
    {
        return Err(format!("een Nederlands nummer heeft na +31 negen cijfers, zonder 0 vooraan (nu {})", nl.len()));
    }
    if nummer.starts_with('0') {
        return Err("na + of 00 komt de landcode, en die begint niet met 0".into());
    }
    if nummer.len() > MAX_CIJFERS {
        return Err(format!("een internationaal nummer heeft ten hoogste {MAX_CIJFERS} cijfers (nu {})", nummer.len()));
    }
    if nummer.len() < MIN_CIJFERS {
        return Err(format!("te kort: een nummer met landcode heeft ten minste {MIN_CIJFERS} cijfers"));
    }
    Ok(format!("+{nummer}"))
}

/// An e-mail address: a name, one `@` and a domain with a dot, without spaces, at most
/// [`MAX_EMAIL`] characters. The domain is written in lower case (it is case-insensitive); the
/// name stays as typed, since its owner's server may tell cases apart.
pub fn email(invoer: &str) -> Result<String, String> {
    let w = invoer.trim();
    if w.is_empty() {
        return Err("vul een e-mailadres in".into());
    }
    let lengte = w.chars().count();
    if lengte > MAX_EMAIL {
        return Err(format!("een e-mailadres heeft ten hoogste {MAX_EMAIL} tekens (nu {lengte})"));
    }
    if w.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("een e-mailadres bevat geen spaties".into());
    }
    let Some((naam, domein)) = w.split_once('@') else {
        return Err("een e-mailadres heeft een @ tussen naam en domein (naam@voorbeeld.nl)".into());
    };
    if domein.contains('@') {
        return Err("een e-mailadres heeft één @".into());
    }
    if naam.is_empty() {
        return Err("vóór de @ ontbreekt de naam".into());
    }
    if naam.starts_with('.') || naam.ends_with('.') || naam.contains("..") {
        return Err("vóór de @: geen punt aan het begin of eind, en geen twee punten na elkaar".into());
    }
    let delen: Vec<&str> = domein.split('.').collect();
    if delen.len() < 2 || delen.iter().any(|d| d.is_empty()) {
        return Err("na de @ komt een domein met een punt, zoals voorbeeld.nl".into());
    }
    let goed_deel =
        |d: &&str| !d.starts_with('-') && !d.ends_with('-') && d.chars().all(|c| c.is_alphanumeric() || c == '-');
    if !delen.iter().all(goed_deel) {
        return Err("het domein na de @ bevat alleen letters, cijfers, streepjes en punten".into());
    }
    if delen.last().is_some_and(|d| d.chars().count() < 2) {
        return Err("het domein eindigt op ten minste twee letters, zoals .nl of .com".into());
    }
    Ok(format!("{naam}@{}", domein.to_lowercase()))
}

/// A language of [`Taal`], by its code or its Dutch name, in any case (`ar`, `Arabisch`).
pub fn taal(invoer: &str) -> Result<Taal, String> {
    let w = invoer.trim().to_lowercase();
    Taal::ALL.iter().copied().find(|t| t.code() == w || t.label().to_lowercase() == w).ok_or_else(|| {
        let lijst: Vec<String> = Taal::ALL.iter().map(|t| format!("{} ({})", t.label(), t.code())).collect();
        format!("kies een taal uit de lijst, met naam of code: {}", lijst.join(", "))
    })
}

/// Who gave the detail and how ("moeder, telefonisch"): required, one line, at most [`MAX_BRON`].
pub fn bron(invoer: &str) -> Result<String, String> {
    let w = invoer.split_whitespace().collect::<Vec<_>>().join(" ");
    if w.is_empty() {
        return Err("vul in van wie het gegeven komt en hoe (bijv. moeder, telefonisch)".into());
    }
    let lengte = w.chars().count();
    if lengte > MAX_BRON {
        return Err(format!("ten hoogste {MAX_BRON} tekens (nu {lengte})"));
    }
    if w.chars().any(char::is_control) {
        return Err("één regel tekst, zonder besturingstekens".into());
    }
    Ok(w)
}

/// The day a detail is known from: what the office heard, so not after today, and not before the
/// youth was born (also for a parent's: it is recorded in the youth's dossier).
pub fn toets_vanaf(vanaf: Datum, geboortedatum: Datum, vandaag: Datum) -> Result<(), String> {
    if vanaf > vandaag {
        return Err(format!("{vanaf} ligt na vandaag; leg een gegeven vast vanaf de dag dat het bekend werd"));
    }
    if vanaf < geboortedatum {
        return Err(format!("{vanaf} ligt vóór de geboortedatum van de jongere"));
    }
    Ok(())
}

/// The day a detail no longer holds: not before its `vanaf` (on that day itself: it never held,
/// a mistake taken back), and not after today (an end is heard, not foreseen).
pub fn toets_tot(vanaf: Datum, tot: Datum, vandaag: Datum) -> Result<(), String> {
    if tot < vanaf {
        return Err(format!("{tot} ligt vóór de dag dat het gegeven bekend werd ({vanaf})"));
    }
    if tot > vandaag {
        return Err(format!("{tot} ligt na vandaag; beëindig een gegeven als bekend is dat het niet meer klopt"));
    }
    Ok(())
}

/// Whether a detail holds on `dag`: from `vanaf`, up to (not including) `tot`.
pub fn geldig_op(c: &Contactgegeven, dag: Datum) -> bool {
    c.vanaf <= dag && c.tot.is_none_or(|tot| dag < tot)
}

/// The recorded details a new one ends, each with what it becomes: the open ones of the same
/// person and kind, up to the new one's `vanaf` (a new telephone number replaces the old one).
/// Refused: the same value again while it holds, and a new one dated before an open one, which is
/// the newer of the two.
pub fn beeindigt<'a>(
    bestaand: &'a [Contactgegeven],
    nieuw: &Contactgegeven,
) -> Result<Vec<(&'a Contactgegeven, Contactgegeven)>, InvoerFout> {
    let open = bestaand
        .iter()
        .filter(|c| c.id != nieuw.id && c.jongere == nieuw.jongere && c.ouder == nieuw.ouder && c.soort == nieuw.soort);
    let open: Vec<&Contactgegeven> = open.filter(|c| c.tot.is_none()).collect();
    if let Some(c) = open.iter().find(|c| c.waarde == nieuw.waarde) {
        return Err(("waarde", format!("dit gegeven staat al in het dossier, sinds {}", c.vanaf)));
    }
    if let Some(c) = open.iter().filter(|c| c.vanaf > nieuw.vanaf).max_by_key(|c| c.vanaf) {
        return Err((
            "vanaf",
            format!(
                "er is al een nieuwer gegeven van deze soort, sinds {}; vul een datum vanaf {} in",
                c.vanaf, c.vanaf
            ),
        ));
    }
    Ok(open.into_iter().map(|c| (c, Contactgegeven { tot: Some(nieuw.vanaf), ..c.clone() })).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    #[test]
    fn dutch_numbers_as_people_write_them_become_one_form() {
        for (geschreven, als) in [
            ("06-12345678", "+31612345678"),
            ("06 1234 5678", "+31612345678"),
            ("(06) 12.34.56.78", "+31612345678"),
            ("+31 6 1234 5678", "+31612345678"),
            ("+31 (0)6 12345678", "+31612345678"),
            ("0031 6 12345678", "+31612345678"),
            ("0031 (0)6-12345678", "+31612345678"),
            ("(010) 123 45 67", "+31101234567"),
            ("023-5123456", "+31235123456"),
            ("  088 123 4567 ", "+31881234567"),
        ] {
            assert_eq!(telefoon(geschreven).as_deref(), Ok(als), "{geschreven}");
        }
    }

    #[test]
    fn foreign_numbers_keep_their_country_code_up_to_fifteen_digits() {
        assert_eq!(telefoon("+32 470 12 34 56").as_deref(), Ok("+32470123456"), "a Belgian mobile");
        assert_eq!(telefoon("0049 30 1234567").as_deref(), Ok("+49301234567"), "Berlin, dialled with 00");
        assert_eq!(telefoon("+212 6 12 34 56 78").as_deref(), Ok("+212612345678"), "a Moroccan mobile");
        assert_eq!(telefoon("+599 9 123 4567").as_deref(), Ok("+59991234567"), "Curaçao");
        assert_eq!(telefoon("+123456789012345").as_deref(), Ok("+123456789012345"), "15 digits");
        assert!(telefoon("+1234567890123456").unwrap_err().contains("ten hoogste 15 cijfers (nu 16)"));
    }

    #[test]
    fn letters_short_long_and_misplaced_signs_are_refused() {
        assert_eq!(telefoon(" ").unwrap_err(), "vul een telefoonnummer in");
        assert_eq!(telefoon("06-1234567B").unwrap_err(), "een telefoonnummer bevat geen letters");
        assert_eq!(telefoon("bel na 18 uur").unwrap_err(), "een telefoonnummer bevat geen letters");
        assert!(telefoon("06-1234567").unwrap_err().contains("10 cijfers (nu 9)"));
        assert!(telefoon("06-123456789").unwrap_err().contains("10 cijfers (nu 11)"));
        assert!(telefoon("612345678").unwrap_err().starts_with("een Nederlands nummer begint met 0"));
        assert!(telefoon("06+12345678").unwrap_err().contains("een + vooraan"));
        assert!(telefoon("06/12345678").unwrap_err().contains("alleen cijfers"));
        assert!(telefoon("+31 6 1234567").unwrap_err().contains("na +31 negen cijfers"));
        assert!(telefoon("+31 0 12345678").unwrap_err().contains("na +31 negen cijfers"));
        assert!(telefoon("+0612345678").unwrap_err().contains("landcode"));
        assert!(telefoon("+44 123").unwrap_err().starts_with("te kort"));
        assert!(telefoon("+").unwrap_err().starts_with("te kort"));
    }

    #[test]
    fn no_message_repeats_the_number() {
        for fout in ["06-1234567", "+31 6 1234567", "+1234567890123456", "06+12345678", "0612345678x"] {
            assert!(!telefoon(fout).unwrap_err().contains("1234567"), "{fout}");
        }
    }

    #[test]
    fn e_mail_addresses_keep_their_name_and_lower_case_their_domain() {
        assert_eq!(email(" Fatima.ElAmrani@Hotmail.COM ").as_deref(), Ok("Fatima.ElAmrani@hotmail.com"));
        assert_eq!(
            email("j.de-vries+school@mail.gemeente-haarlem.nl").as_deref(),
            Ok("j.de-vries+school@mail.gemeente-haarlem.nl")
        );
        assert_eq!(email("ouder@café.nl").as_deref(), Ok("ouder@café.nl"), "an internationalised domain");
    }

    #[test]
    fn e_mail_addresses_people_mistype_are_refused() {
        for (fout, want) in [
            ("", "vul een e-mailadres in"),
            ("fatima", "een @ tussen naam en domein"),
            ("fatima@hotmail", "een domein met een punt"),
            ("fatima@hotmail,com", "een domein met een punt"),
            ("fatima@@hotmail.com", "één @"),
            ("fatima@hotmail.com@werk.nl", "één @"),
            ("@hotmail.com", "ontbreekt de naam"),
            ("fatima.@hotmail.com", "punt"),
            ("jan..jansen@ziggo.nl", "punt"),
            ("fatima@.nl", "een domein met een punt"),
            ("fatima@hotmail.com.", "een domein met een punt"),
            ("fatima@hot_mail.com", "alleen letters, cijfers, streepjes"),
            ("fatima@-ziggo.nl", "alleen letters, cijfers, streepjes"),
            ("fatima@ziggo.n", "ten minste twee letters"),
            ("fatima el@ziggo.nl", "geen spaties"),
        ] {
            let melding = email(fout).unwrap_err();
            assert!(melding.contains(want), "{fout}: {melding}");
            assert!(fout.is_empty() || !melding.contains(fout), "{fout}: the address is not repeated");
        }
        let lang = format!("{}@ziggo.nl", "a".repeat(245));
        assert_eq!(email(&lang).unwrap().len(), MAX_EMAIL);
        let te_lang = format!("{}@ziggo.nl", "a".repeat(246));
        assert!(email(&te_lang).unwrap_err().contains("ten hoogste 254 tekens (nu 255)"));
    }

    #[test]
    fn a_preferred_language_by_code_or_dutch_name() {
        assert_eq!(taal("ar"), Ok(Taal::Arabisch));
        assert_eq!(taal(" Tigrinya "), Ok(Taal::Tigrinya));
        assert_eq!(taal("oekraïens"), Ok(Taal::Oekraiens));
        assert_eq!(taal("PRS"), Ok(Taal::Dari));
        assert_eq!(taal("pap"), Ok(Taal::Papiaments));
        assert_eq!(waarde(ContactSoort::Voorkeurstaal, "Turks").as_deref(), Ok("tr"));
        let melding = taal("Klingon").unwrap_err();
        assert!(melding.starts_with("kies een taal uit de lijst") && melding.contains("Somalisch (so)"), "{melding}");
        assert!(taal("").is_err());
    }

    #[test]
    fn every_language_has_its_own_code_and_name() {
        let mut codes: Vec<&str> = Taal::ALL.iter().map(|t| t.code()).collect();
        let mut namen: Vec<String> = Taal::ALL.iter().map(|t| t.label().to_lowercase()).collect();
        codes.sort_unstable();
        codes.dedup();
        namen.sort();
        namen.dedup();
        assert_eq!((codes.len(), namen.len()), (Taal::ALL.len(), Taal::ALL.len()));
        assert!(codes.iter().all(|c| (2..=3).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_lowercase())));
        // A name is never another language's code: typed either way, it means one language.
        assert!(namen.iter().all(|n| !codes.contains(&n.as_str())));
    }

    #[test]
    fn the_value_is_checked_by_its_kind() {
        assert_eq!(waarde(ContactSoort::Telefoon, "06-12345678").as_deref(), Ok("+31612345678"));
        assert_eq!(waarde(ContactSoort::Email, "a@B.nl").as_deref(), Ok("a@b.nl"));
        assert!(waarde(ContactSoort::Email, "06-12345678").is_err());
        assert!(waarde(ContactSoort::Telefoon, "a@b.nl").is_err());
    }

    #[test]
    fn the_source_is_one_required_line() {
        assert_eq!(bron("  moeder,\n telefonisch ").as_deref(), Ok("moeder, telefonisch"));
        assert!(bron(" ").unwrap_err().starts_with("vul in van wie"));
        assert!(bron(&"x".repeat(201)).unwrap_err().contains("ten hoogste 200 tekens (nu 201)"));
        assert!(bron("moeder\u{7}").is_err());
    }

    #[test]
    fn known_from_a_day_not_ahead_and_not_before_birth() {
        let (geboren, vandaag) = (d("2008-02-29"), d("2021-06-15"));
        assert!(toets_vanaf(d("2021-06-15"), geboren, vandaag).is_ok(), "today");
        assert!(toets_vanaf(d("2008-02-29"), geboren, vandaag).is_ok(), "the day she was born");
        assert!(toets_vanaf(d("2021-06-16"), geboren, vandaag).unwrap_err().contains("ligt na vandaag"));
        assert!(toets_vanaf(d("2008-02-28"), geboren, vandaag).unwrap_err().contains("vóór de geboortedatum"));
    }

    #[test]
    fn an_end_not_before_its_start_nor_ahead() {
        let vandaag = d("2021-06-15");
        assert!(toets_tot(d("2021-03-01"), d("2021-03-01"), vandaag).is_ok(), "a mistake taken back the same day");
        assert!(toets_tot(d("2021-03-01"), vandaag, vandaag).is_ok());
        assert!(toets_tot(d("2021-03-01"), d("2021-02-28"), vandaag).unwrap_err().contains("vóór de dag"));
        assert!(toets_tot(d("2021-03-01"), d("2021-06-16"), vandaag).unwrap_err().contains("na vandaag"));
    }

    fn gegeven(id: &str, ouder: Option<&str>, soort: ContactSoort, waarde: &str, vanaf: &str) -> Contactgegeven {
        Contactgegeven {
            id: id.into(),
            jongere: "J1".into(),
            ouder: ouder.map(str::to_string),
            soort,
            waarde: waarde.into(),
            vanaf: d(vanaf),
            tot: None,
            bron: "moeder, telefonisch".into(),
            medewerker: "MW1".into(),
        }
    }

    #[test]
    fn a_new_number_ends_the_old_one_of_the_same_person_only() {
        use ContactSoort::*;
        let oud_mobiel = gegeven("C1", Some("O1"), Telefoon, "+31612345678", "2020-09-01");
        let vader = gegeven("C2", Some("O2"), Telefoon, "+31687654321", "2020-09-01");
        let eigen = gegeven("C3", None, Telefoon, "+31611112222", "2020-09-01");
        let mail = gegeven("C4", Some("O1"), Email, "moeder@ziggo.nl", "2020-09-01");
        let al_weg = Contactgegeven {
            tot: Some(d("2020-10-01")),
            ..gegeven("C5", Some("O1"), Telefoon, "+31633334444", "2019-01-01")
        };
        let bestaand = [oud_mobiel.clone(), vader, eigen, mail, al_weg];
        let nieuw = gegeven("C6", Some("O1"), Telefoon, "+31699998888", "2021-06-14");
        let beeindigd: Vec<Contactgegeven> =
            beeindigt(&bestaand, &nieuw).unwrap().into_iter().map(|(_, c)| c).collect();
        assert_eq!(beeindigd, [Contactgegeven { tot: Some(d("2021-06-14")), ..oud_mobiel }]);
        assert!(!geldig_op(&beeindigd[0], d("2021-06-14")) && geldig_op(&beeindigd[0], d("2021-06-13")));
        assert!(geldig_op(&nieuw, d("2021-06-14")) && !geldig_op(&nieuw, d("2021-06-13")));
    }

    #[test]
    fn a_number_typed_wrong_and_replaced_the_same_day_never_held() {
        let fout = gegeven("C1", None, ContactSoort::Telefoon, "+31612345687", "2021-06-15");
        let goed = gegeven("C2", None, ContactSoort::Telefoon, "+31612345678", "2021-06-15");
        let bestaand = [fout];
        let beeindigd = beeindigt(&bestaand, &goed).unwrap();
        assert_eq!((beeindigd[0].0.tot, beeindigd[0].1.tot), (None, Some(d("2021-06-15"))));
        assert!(!geldig_op(&beeindigd[0].1, d("2021-06-15")));
    }

    #[test]
    fn the_same_value_again_or_an_older_one_after_a_newer_is_refused() {
        let huidig = gegeven("C1", None, ContactSoort::Voorkeurstaal, "ar", "2021-01-04");
        let nog_eens = gegeven("C2", None, ContactSoort::Voorkeurstaal, "ar", "2021-06-15");
        assert_eq!(beeindigt(std::slice::from_ref(&huidig), &nog_eens).unwrap_err().0, "waarde");
        let ouder = gegeven("C3", None, ContactSoort::Voorkeurstaal, "ti", "2020-12-01");
        let (veld, melding) = beeindigt(&[huidig], &ouder).unwrap_err();
        assert_eq!(veld, "vanaf");
        assert!(melding.contains("sinds 2021-01-04"), "{melding}");
    }

    #[test]
    fn those_who_keep_the_dossier_record_contact_details_others_do_not() {
        for rol in [Rol::Leerplichtambtenaar, Rol::RmcConsulent, Rol::Administratief, Rol::Teamleider] {
            assert!(mag_vastleggen(rol).is_ok(), "{rol}");
        }
        for rol in [Rol::Gemeente, Rol::Beleidsmedewerker, Rol::Beheerder] {
            assert!(mag_vastleggen(rol).unwrap_err().reden.contains("legt geen contactgegevens vast"), "{rol}");
        }
    }
}
