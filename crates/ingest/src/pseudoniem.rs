//! The pseudonymised export for research and policy (`docs/pseudonimisering.md`): every column of
//! the bundle classified once, here, and the office's key that turns BSNs and record ids into
//! pseudonyms.
//!
//! Pseudonymised is not anonymised (AVG overweging 26): with the key, or with the month of birth,
//! the postcode and the dates that remain, a person can still be found. The bundle stays personal
//! data; it only holds no direct identifier.
use crate::entiteit::Entiteit;
use hmac::{Hmac, KeyInit, Mac};
use leerspoor_domain::codes::Code;
use leerspoor_domain::model::*;
use leerspoor_store::rij::{Rij, Waarde};
use sha2::Sha256;
use std::path::Path;

/// What the pseudonymised export does with one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Klasse {
    /// Written as it is: codes, event dates, counts, the organisation's own reference data.
    Publiek,
    /// Replaced by a keyed hash. The domain (`bsn`, or the table of the record the id names) keeps
    /// kinds apart, and every column naming the same record uses the same one, so the files still join.
    Pseudonimiseren(&'static str),
    /// Left empty: names, addresses, contact details, and free text (which may hold any of those).
    Persoonsgegeven,
    /// A date written as its month, `JJJJ-MM`.
    Maand,
    /// A postcode written as its four digits.
    Postcode4,
}

use Klasse::*;

const BSN: Klasse = Pseudonimiseren("bsn");
const JONGERE: Klasse = Pseudonimiseren(Jongere::TABEL);
const OUDER: Klasse = Pseudonimiseren(Ouder::TABEL);
const ZAAK: Klasse = Pseudonimiseren(Zaak::TABEL);

/// Every column of every file of the bundle. Record ids of the register's personal records are
/// pseudonymised, not only the youth's and the parent's: the office or an old system chose them,
/// and they may hold a BSN or a name (`Z-<bsn>-1`); hashed, they still join and sort in no telling order.
/// Staff stay by id: the export is about youths, and a caseworker's caseload is a research question.
pub const INDELING: &[(&str, &[(&str, Klasse)])] = &[
    (Regio::BESTAND, &[("code", Publiek), ("naam", Publiek)]),
    (Subregio::BESTAND, &[("code", Publiek), ("naam", Publiek)]),
    (
        Gemeente::BESTAND,
        &[
            ("code", Publiek),
            ("naam", Publiek),
            ("subregio", Publiek),
            ("leerplicht_lokaal", Publiek),
            ("vakantieregio", Publiek),
            ("bezwaarcommissie", Publiek),
        ],
    ),
    (
        School::BESTAND,
        &[
            ("brin", Publiek),
            ("vestiging", Publiek),
            ("naam", Publiek),
            ("plaats", Publiek),
            ("gemeente", Publiek),
            ("onderwijssoort", Publiek),
            // A school's address is public (RIO), not a person's.
            ("adres", Publiek),
            ("postcode", Publiek),
            ("begindatum", Publiek),
            ("einddatum", Publiek),
        ],
    ),
    (
        Vakantie::BESTAND,
        &[
            ("id", Publiek),
            ("soort", Publiek),
            ("regio", Publiek),
            ("brin", Publiek),
            ("vestiging", Publiek),
            ("begindatum", Publiek),
            ("einddatum", Publiek),
            ("advies", Publiek),
        ],
    ),
    (
        Medewerker::BESTAND,
        &[
            ("id", Publiek),
            ("naam", Persoonsgegeven),
            ("email", Persoonsgegeven),
            ("rol", Publiek),
            ("boa", Publiek),
            ("fte", Publiek),
            ("gemeente", Publiek),
            ("in_dienst", Publiek),
            ("uit_dienst", Publiek),
        ],
    ),
    (
        Code::BESTAND,
        &[
            ("lijst", Publiek),
            ("code", Publiek),
            ("omschrijving", Publiek),
            ("geldig_van", Publiek),
            ("geldig_tot", Publiek),
        ],
    ),
    (
        Jongere::BESTAND,
        &[
            ("id", JONGERE),
            ("bsn", BSN),
            ("voornamen", Persoonsgegeven),
            ("tussenvoegsel", Persoonsgegeven),
            ("achternaam", Persoonsgegeven),
            ("geboortedatum", Maand),
            ("geslacht", Publiek),
            ("overlijdensdatum", Maand),
            // Always a 31 July: says no more than the school year.
            ("twaalf_schooljaren_op", Publiek),
        ],
    ),
    (
        Woonadres::BESTAND,
        &[
            ("id", Pseudonimiseren(Woonadres::TABEL)),
            ("jongere", JONGERE),
            ("gemeente", Publiek),
            ("straat", Persoonsgegeven),
            ("huisnummer", Persoonsgegeven),
            ("postcode", Postcode4),
            ("woonplaats", Persoonsgegeven),
            // The first address begins on the day of birth, and a move's day is as telling: months.
            ("begindatum", Maand),
            ("einddatum", Maand),
            ("vertrek", Publiek),
        ],
    ),
    (
        Ouder::BESTAND,
        &[
            ("id", OUDER),
            ("bsn", BSN),
            ("voornamen", Persoonsgegeven),
            ("tussenvoegsel", Persoonsgegeven),
            ("achternaam", Persoonsgegeven),
            ("telefoon", Persoonsgegeven),
            ("email", Persoonsgegeven),
        ],
    ),
    (Gezinsrelatie::BESTAND, &[("jongere", JONGERE), ("ouder", OUDER), ("relatie", Publiek), ("gezag", Publiek)]),
    (
        Inschrijving::BESTAND,
        &[
            ("id", Pseudonimiseren(Inschrijving::TABEL)),
            ("jongere", JONGERE),
            ("brin", Publiek),
            ("vestiging", Publiek),
            ("onderwijssoort", Publiek),
            ("niveau", Publiek),
            ("vso_profiel", Publiek),
            ("begindatum", Publiek),
            ("einddatum", Publiek),
        ],
    ),
    (
        Diploma::BESTAND,
        &[
            ("id", Pseudonimiseren(Diploma::TABEL)),
            ("jongere", JONGERE),
            ("soort", Publiek),
            ("datum", Publiek),
            ("brin", Publiek),
        ],
    ),
    (
        Zaak::BESTAND,
        &[
            ("id", ZAAK),
            ("jongere", JONGERE),
            ("soort", Publiek),
            ("medewerker", Publiek),
            ("geopend_op", Publiek),
            ("status", Publiek),
            ("gesloten_op", Publiek),
            // A code from the list `zaak_reden_sluiting`, checked on every write.
            ("reden_sluiting", Publiek),
        ],
    ),
    (
        Verzuimmelding::BESTAND,
        &[
            ("id", Pseudonimiseren(Verzuimmelding::TABEL)),
            ("jongere", JONGERE),
            ("brin", Publiek),
            ("vestiging", Publiek),
            ("soort", Publiek),
            ("meldingsdatum", Publiek),
            ("verzuim_van", Publiek),
            ("verzuim_tot", Publiek),
            ("uren", Publiek),
            ("reden", Persoonsgegeven),
            ("status", Publiek),
            ("reden_afsluiting", Publiek),
            ("zaak", ZAAK),
            ("preventief", Publiek),
            ("vervolg_op", Pseudonimiseren(Verzuimmelding::TABEL)),
            ("alle_lessen_gemist", Publiek),
            ("deels_lesbaar", Publiek),
        ],
    ),
    (
        Actie::BESTAND,
        &[
            ("id", Pseudonimiseren(Actie::TABEL)),
            ("jongere", JONGERE),
            ("zaak", ZAAK),
            ("soort", Publiek),
            ("datum", Publiek),
            ("medewerker", Publiek),
            ("pv_tegen", Publiek),
            ("ouder", OUDER),
            ("overmacht", Persoonsgegeven),
            ("uitkomst", Publiek),
            ("uitkomst_datum", Publiek),
            ("toelichting", Persoonsgegeven),
        ],
    ),
    (
        Vrijstelling::BESTAND,
        &[
            ("id", Pseudonimiseren(Vrijstelling::TABEL)),
            ("jongere", JONGERE),
            ("artikel", Publiek),
            ("status", Publiek),
            ("aanvraagdatum", Publiek),
            ("besluitdatum", Publiek),
            ("geldig_van", Publiek),
            ("geldig_tot", Publiek),
            ("beslisser", Publiek),
            ("medewerker", Publiek),
            ("artsverklaring_datum", Publiek),
            ("swv_advies_datum", Publiek),
            ("dagen", Publiek),
            ("toelichting", Persoonsgegeven),
            ("bezwaar_op", Publiek),
            ("werkgeversverklaring_datum", Publiek),
            ("verdaagd_tot", Publiek),
            ("hoorzitting_op", Publiek),
        ],
    ),
    (
        Thuiszitperiode::BESTAND,
        &[
            ("id", Pseudonimiseren(Thuiszitperiode::TABEL)),
            ("jongere", JONGERE),
            ("zaak", ZAAK),
            ("soort", Publiek),
            ("begindatum", Publiek),
            ("einddatum", Publiek),
            ("reden_einde", Publiek),
            ("aanbod_datum", Publiek),
        ],
    ),
    (
        VsvMelding::BESTAND,
        &[
            ("id", Pseudonimiseren(VsvMelding::TABEL)),
            ("jongere", JONGERE),
            ("uitvaldatum", Publiek),
            ("bron", Publiek),
            ("onderwijssoort", Publiek),
            ("niveau", Publiek),
            ("brin", Publiek),
        ],
    ),
    (
        RmcTraject::BESTAND,
        &[
            ("id", Pseudonimiseren(RmcTraject::TABEL)),
            ("jongere", JONGERE),
            ("soort", Publiek),
            ("medewerker", Publiek),
            ("aangemeld_op", Publiek),
            ("begindatum", Publiek),
            ("einddatum", Publiek),
            ("resultaat", Publiek),
        ],
    ),
    (
        Dagbesteding::BESTAND,
        &[
            ("id", Pseudonimiseren(Dagbesteding::TABEL)),
            ("jongere", JONGERE),
            ("datum", Publiek),
            ("soort", Publiek),
            ("medewerker", Publiek),
            ("toelichting", Persoonsgegeven),
        ],
    ),
];

/// The classes of `R`'s columns, in column order. A column nobody classified is left empty rather
/// than leaked; the test `elke_kolom_van_de_bundel_is_ingedeeld` keeps there from being one.
fn klassen<R: Entiteit>() -> Vec<Klasse> {
    let indeling = INDELING.iter().find(|(bestand, _)| *bestand == R::BESTAND).map_or(&[][..], |(_, k)| k);
    R::KOLOMMEN
        .iter()
        .map(|kolom| indeling.iter().find(|(naam, _)| *naam == kolom.naam).map_or(Persoonsgegeven, |(_, k)| *k))
        .collect()
}

/// The length of a key file, and the least a key file may hold.
pub const SLEUTEL_BYTES: usize = 32;
/// Hex digits kept of each pseudonym: 128 bits, so that millions of people never share one.
pub const PSEUDONIEM_TEKENS: usize = 32;

#[derive(Debug, thiserror::Error)]
pub enum SleutelFout {
    #[error("sleutelbestand {0} bestaat niet; maak er een met: leerspoor export --nieuwe-sleutel {0}")]
    Ontbreekt(String),
    #[error("sleutelbestand {pad} is te kort: {lengte} bytes, er zijn er minstens {SLEUTEL_BYTES} nodig")]
    TeKort { pad: String, lengte: usize },
    #[error(
        "sleutelbestand {0} bestaat al; een sleutel wordt nooit overschreven (de pseudoniemen van eerdere exports hangen ervan af)"
    )]
    BestaatAl(String),
    #[error("sleutelbestand {sleutel} staat in de exportmap {map}; de sleutel blijft bij het bureau en gaat nooit mee")]
    InExportmap { sleutel: String, map: String },
    #[error("sleutelbestand {pad}: {bron}")]
    Io { pad: String, bron: std::io::Error },
}

fn io_fout(pad: &Path) -> impl FnOnce(std::io::Error) -> SleutelFout {
    let pad = pad.display().to_string();
    move |bron| SleutelFout::Io { pad, bron }
}

/// The office's key, ready to make pseudonyms. No `Debug`: it must never reach a log.
pub(crate) struct Sleutel {
    mac: Hmac<Sha256>,
}

impl Sleutel {
    /// Reads the key for an export to `map`. A key inside `map` is refused: it would be handed
    /// over with the bundle and undo the pseudonyms.
    pub(crate) fn lees(pad: &Path, map: &Path) -> Result<Sleutel, SleutelFout> {
        let bytes = std::fs::read(pad).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => SleutelFout::Ontbreekt(pad.display().to_string()),
            _ => io_fout(pad)(e),
        })?;
        if bytes.len() < SLEUTEL_BYTES {
            return Err(SleutelFout::TeKort { pad: pad.display().to_string(), lengte: bytes.len() });
        }
        if let (Ok(sleutel), Ok(map)) = (pad.canonicalize(), map.canonicalize())
            && sleutel.starts_with(&map)
        {
            return Err(SleutelFout::InExportmap {
                sleutel: pad.display().to_string(),
                map: map.display().to_string(),
            });
        }
        Ok(Sleutel::uit_bytes(&bytes))
    }

    fn uit_bytes(bytes: &[u8]) -> Sleutel {
        Sleutel { mac: Hmac::new_from_slice(bytes).expect("HMAC neemt een sleutel van elke lengte") }
    }

    /// `hex(HMAC-SHA256(sleutel, domein ":" waarde))`, its first [`PSEUDONIEM_TEKENS`] digits.
    fn pseudoniem(&self, domein: &str, waarde: &str) -> String {
        let mut mac = self.mac.clone();
        mac.update(domein.as_bytes());
        mac.update(b":");
        mac.update(waarde.as_bytes());
        let hash = mac.finalize().into_bytes();
        let mut hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
        hex.truncate(PSEUDONIEM_TEKENS);
        hex
    }

    fn pas_toe(&self, klasse: Klasse, waarde: Waarde) -> Waarde {
        if waarde.is_leeg() {
            return waarde;
        }
        // What is left out becomes an empty text cell: the bundle writes every empty cell alike.
        match (klasse, waarde) {
            (Publiek, w) => w,
            (Pseudonimiseren(domein), w) => Waarde::Tekst(Some(self.pseudoniem(domein, &w.als_tekst()))),
            (Maand, Waarde::Datum(Some(d))) => Waarde::Tekst(Some(d.format("%Y-%m").to_string())),
            (Postcode4, Waarde::Tekst(Some(t))) => Waarde::Tekst(postcode4(&t)),
            // Persoonsgegeven, and a class that does not fit the column's type (the test checks there is none).
            (Persoonsgegeven | Maand | Postcode4, _) => Waarde::Tekst(None),
        }
    }
}

/// `2011 AB` → `2011`; anything not starting with four digits (a foreign postcode) is left out.
fn postcode4(postcode: &str) -> Option<String> {
    let cijfers = postcode.trim().get(..4)?;
    cijfers.bytes().all(|b| b.is_ascii_digit()).then(|| cijfers.to_string())
}

/// Turns `R`'s rows into their pseudonymised form: the classes looked up once per file.
pub(crate) struct Pseudonimisering<'a> {
    sleutel: &'a Sleutel,
    klassen: Vec<Klasse>,
}

impl<'a> Pseudonimisering<'a> {
    pub(crate) fn voor<R: Entiteit>(sleutel: &'a Sleutel) -> Self {
        Pseudonimisering { sleutel, klassen: klassen::<R>() }
    }

    pub(crate) fn rij(&self, waarden: Vec<Waarde>) -> Vec<Waarde> {
        self.klassen.iter().zip(waarden).map(|(k, w)| self.sleutel.pas_toe(*k, w)).collect()
    }
}

/// Makes a new key file: [`SLEUTEL_BYTES`] random bytes from the operating system, readable by its
/// owner only. An existing file is never overwritten: every earlier export's pseudonyms hang on it.
pub fn maak_sleutel(pad: &Path) -> Result<(), SleutelFout> {
    use std::io::Write;
    let mut bytes = [0u8; SLEUTEL_BYTES];
    getrandom::fill(&mut bytes).expect("willekeurige bytes van het besturingssysteem");
    let mut opties = std::fs::OpenOptions::new();
    opties.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opties, 0o600);
    let mut bestand = opties.open(pad).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => SleutelFout::BestaatAl(pad.display().to_string()),
        _ => io_fout(pad)(e),
    })?;
    bestand.write_all(&bytes).and_then(|()| bestand.sync_all()).map_err(|e| {
        // A half-written key would be refused as short and block the name: gone instead.
        let _ = std::fs::remove_file(pad);
        io_fout(pad)(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use leerspoor_store::rij::Type;

    #[test]
    fn elke_kolom_van_de_bundel_is_ingedeeld() {
        let mut fouten = Vec::new();
        crate::voor_elke_entiteit!(|R| {
            let indeling = INDELING.iter().find(|(b, _)| *b == R::BESTAND).map_or(&[][..], |(_, k)| k);
            for kolom in R::KOLOMMEN {
                match indeling.iter().find(|(naam, _)| *naam == kolom.naam) {
                    None => fouten.push(format!(
                        "{}: kolom {} is niet ingedeeld in pseudoniem::INDELING (publiek, pseudonimiseren, \
                         persoonsgegeven, maand of postcode4?)",
                        R::BESTAND,
                        kolom.naam
                    )),
                    Some((_, Maand)) if kolom.ty != Type::Datum => {
                        fouten.push(format!("{}: kolom {} is geen datum, dus niet Maand", R::BESTAND, kolom.naam))
                    }
                    Some((_, Postcode4 | Pseudonimiseren(_))) if kolom.ty != Type::Tekst => fouten.push(format!(
                        "{}: kolom {} is geen tekst voor Postcode4/Pseudonimiseren",
                        R::BESTAND,
                        kolom.naam
                    )),
                    Some(_) => {}
                }
            }
            for (naam, _) in indeling {
                if !R::KOLOMMEN.iter().any(|k| k.naam == *naam) {
                    fouten.push(format!("{}: ingedeelde kolom {naam} bestaat niet (meer)", R::BESTAND));
                }
            }
        });
        for (bestand, _) in INDELING {
            if !crate::entiteit::bestanden().contains(bestand) {
                fouten.push(format!("ingedeeld bestand {bestand} zit niet in de bundel"));
            }
        }
        assert!(fouten.is_empty(), "{}", fouten.join("\n"));
    }

    #[test]
    fn de_documentatie_noemt_elke_kolom_zoals_ze_is_ingedeeld() {
        let mut tabel = String::from("| bestand | kolom | in de gepseudonimiseerde export |\n|---|---|---|\n");
        for (bestand, kolommen) in INDELING {
            for (kolom, klasse) in *kolommen {
                let wat = match klasse {
                    Publiek => continue,
                    Pseudonimiseren(domein) => format!("pseudoniem (`{domein}`)"),
                    Persoonsgegeven => "leeg".to_string(),
                    Maand => "maand (`JJJJ-MM`)".to_string(),
                    Postcode4 => "4 cijfers".to_string(),
                };
                tabel.push_str(&format!("| `{bestand}` | `{kolom}` | {wat} |\n"));
            }
        }
        let pad = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/pseudonimisering.md");
        let doc = std::fs::read_to_string(&pad).unwrap();
        assert!(doc.contains(&tabel), "docs/pseudonimisering.md moet deze tabel bevatten:\n{tabel}");
    }

    #[test]
    fn een_pseudoniem_is_hmac_sha256_met_het_domein_ervoor() {
        // Computed apart: python3 -c 'import hmac,hashlib;
        //   print(hmac.new(bytes(range(32)), b"bsn:999990007", hashlib.sha256).hexdigest()[:32])'
        let sleutel = Sleutel::uit_bytes(&(0..32).collect::<Vec<u8>>());
        assert_eq!(sleutel.pseudoniem("bsn", "999990007"), "1e525a212adaeb64380caeba1d7d2e76");
        assert_ne!(sleutel.pseudoniem("jongere", "999990007"), sleutel.pseudoniem("bsn", "999990007"));
    }

    #[test]
    fn postcodes_worden_vier_cijfers_en_de_rest_valt_weg() {
        assert_eq!(postcode4("2011 AB"), Some("2011".into()));
        assert_eq!(postcode4("2011AB"), Some("2011".into()));
        assert_eq!(postcode4("B-1000"), None);
        assert_eq!(postcode4("20"), None);
        assert_eq!(postcode4("2€11"), None);
    }
}
