//! What a delivery says about a person (from BRON: name, birth, where DUO says they live), the
//! youth made from it when the register does not know them yet, and the region a delivery is
//! checked against.
use crate::levering::Rij;
use crate::records::BrpVerzoek;
use leerspoor_casework::{Fout, ids};
use leerspoor_domain::model::{Gemeente, Geslacht, Jongere, Woonadres};
use leerspoor_domain::rules::status::Plichtstatus;
use leerspoor_domain::{Bsn, Datum, Gemeentecode};
use leerspoor_store::{Schrijver, StoreFout};
use std::collections::HashSet;

/// The youth as DUO knows them, and where DUO says they live.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Persoon {
    pub voornamen: String,
    pub tussenvoegsel: String,
    pub achternaam: String,
    pub geboortedatum: Option<Datum>,
    pub geslacht: Option<Geslacht>,
    pub woongemeente: Option<Gemeentecode>,
    pub straat: String,
    pub huisnummer: String,
    pub postcode: String,
    pub woonplaats: String,
}

impl Persoon {
    /// The person's fields of a row (all optional); an unreadable one is reported through `f`
    /// (field, message).
    pub fn lees(r: &Rij, f: &mut dyn FnMut(&str, String)) -> Persoon {
        let tekst = |veld: &str| r.tekst(veld).unwrap_or_default().to_string();
        let geboortedatum = r.datum("geboortedatum").unwrap_or_else(|e| {
            f("geboortedatum", e.melding);
            None
        });
        let geslacht = r.tekst("geslacht").and_then(|t| match t.to_lowercase().as_str() {
            "m" | "man" => Some(Geslacht::Man),
            "v" | "vrouw" => Some(Geslacht::Vrouw),
            "o" | "x" | "onbekend" => Some(Geslacht::Onbekend),
            _ => {
                f("geslacht", format!("'{t}' is geen geslacht; verwacht M, V of O"));
                None
            }
        });
        let woongemeente = r.tekst("woongemeente").and_then(|t| {
            let code = if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) { format!("GM{t}") } else { t.into() };
            Gemeentecode::parse(&code).map_err(|m| f("woongemeente", m)).ok()
        });
        Persoon {
            voornamen: tekst("voornamen"),
            tussenvoegsel: tekst("tussenvoegsel"),
            achternaam: tekst("achternaam"),
            geboortedatum,
            geslacht,
            woongemeente,
            straat: tekst("straat"),
            huisnummer: tekst("huisnummer"),
            postcode: tekst("postcode"),
            woonplaats: tekst("woonplaats"),
        }
    }

    /// A youth the register does not know yet, living where the delivery says from `woont_sinds`:
    /// the BRP check that follows corrects and completes it. Without a birth date nothing can be
    /// decided about them, without a name no one can be found.
    pub fn nieuwe_jongere(&self, bsn: Bsn, woont_sinds: Datum) -> Result<(Jongere, Option<Woonadres>), Fout> {
        let ontbreekt = |veld| Fout::Invoer {
            veld,
            melding: "de jongere staat niet in het register; de rij moet dan een geboortedatum en achternaam noemen"
                .into(),
        };
        let geboortedatum = self.geboortedatum.ok_or_else(|| ontbreekt("geboortedatum"))?;
        if self.achternaam.is_empty() {
            return Err(ontbreekt("achternaam"));
        }
        let jongere = Jongere {
            id: ids::nieuw("J"),
            bsn,
            voornamen: self.voornamen.clone(),
            tussenvoegsel: self.tussenvoegsel.clone(),
            achternaam: self.achternaam.clone(),
            geboortedatum,
            geslacht: self.geslacht.unwrap_or(Geslacht::Onbekend),
            overlijdensdatum: None,
            twaalf_schooljaren_op: None,
        };
        let adres = self.woongemeente.clone().map(|g| self.woonadres(&jongere.id, g, woont_sinds.max(geboortedatum)));
        Ok((jongere, adres))
    }

    /// The address the delivery gives, in `gemeente`, from `begindatum`.
    pub fn woonadres(&self, jongere: &str, gemeente: Gemeentecode, begindatum: Datum) -> Woonadres {
        Woonadres {
            id: ids::nieuw("W"),
            jongere: jongere.to_string(),
            gemeente,
            straat: self.straat.clone(),
            huisnummer: self.huisnummer.clone(),
            postcode: self.postcode.clone(),
            woonplaats: self.woonplaats.clone(),
            begindatum,
            einddatum: None,
            vertrek: None,
        }
    }
}

/// Puts youths on the list for a BRP check, those not on it yet: the list read once, not per youth.
pub async fn zet_op_brp_lijst<'a>(
    s: &mut Schrijver,
    verzoeken: impl IntoIterator<Item = &'a BrpVerzoek>,
) -> Result<(), StoreFout> {
    let al: HashSet<String> = s.lees::<BrpVerzoek>().await?.into_iter().map(|v| v.jongere).collect();
    for v in verzoeken.into_iter().filter(|v| !al.contains(&v.jongere)) {
        s.nieuw(v).await?;
    }
    Ok(())
}

/// The region's gemeenten: what concerns a youth living elsewhere is not the office's.
pub struct Regio {
    gemeenten: Vec<Gemeente>,
}

impl Regio {
    /// Read inside the delivery's write.
    pub async fn lees(s: &mut Schrijver) -> Result<Regio, StoreFout> {
        Ok(Regio { gemeenten: s.lees().await? })
    }

    pub fn omvat(&self, gemeente: &Gemeentecode) -> bool {
        self.gemeenten.iter().any(|g| &g.code == gemeente)
    }

    /// Whether the office handles a melding about a youth living in `gemeente` with this status: a
    /// gemeente of the region, and for leer- and kwalificatieplicht one that left that to the region.
    pub fn behandelt(&self, gemeente: &Gemeentecode, status: Plichtstatus) -> bool {
        let plicht = matches!(status, Plichtstatus::Leerplichtig | Plichtstatus::Kwalificatieplichtig);
        self.gemeenten.iter().any(|g| &g.code == gemeente && !(plicht && g.leerplicht_lokaal))
    }
}
