//! Everything the register holds about one youth, and what follows from it on a date.
use crate::{Fout, Result};
use leerspoor_domain::Datum;
use leerspoor_domain::model::*;
use leerspoor_domain::rules::startkwalificatie::eerste_diploma_praktijkonderwijs;
use leerspoor_domain::rules::thuiszitten::Situatie;
use leerspoor_domain::rules::{Leerplichtfeiten, Leerplichtstatus, eerste_startkwalificatie, vrijstelling};
use leerspoor_store::Lezer;

#[derive(Debug, Clone)]
pub struct Dossier {
    pub jongere: Jongere,
    pub woonadressen: Vec<Woonadres>,
    pub inschrijvingen: Vec<Inschrijving>,
    pub diplomas: Vec<Diploma>,
    pub zaken: Vec<Zaak>,
    pub meldingen: Vec<Verzuimmelding>,
    pub acties: Vec<Actie>,
    pub vrijstellingen: Vec<Vrijstelling>,
    pub thuiszitperioden: Vec<Thuiszitperiode>,
    pub vsv_meldingen: Vec<VsvMelding>,
    pub rmc_trajecten: Vec<RmcTraject>,
    pub dagbestedingen: Vec<Dagbesteding>,
    /// Of the youth and her parents, ended ones too.
    pub contactgegevens: Vec<Contactgegeven>,
}

impl Dossier {
    /// From the register, or from inside an open write (`&mut Schrijver`), which sees its own changes.
    pub async fn laad(mut store: impl Lezer, jongere: &str) -> Result<Dossier> {
        let jongere = store
            .lees_waar::<Jongere>("id", jongere)
            .await?
            .pop()
            .ok_or_else(|| Fout::Onbekend { wat: "jongere", id: jongere.into() })?;
        let id = jongere.id.as_str();
        Ok(Dossier {
            woonadressen: store.lees_waar("jongere", id).await?,
            inschrijvingen: store.lees_waar("jongere", id).await?,
            diplomas: store.lees_waar("jongere", id).await?,
            zaken: store.lees_waar("jongere", id).await?,
            meldingen: store.lees_waar("jongere", id).await?,
            acties: store.lees_waar("jongere", id).await?,
            vrijstellingen: store.lees_waar("jongere", id).await?,
            thuiszitperioden: store.lees_waar("jongere", id).await?,
            vsv_meldingen: store.lees_waar("jongere", id).await?,
            rmc_trajecten: store.lees_waar("jongere", id).await?,
            dagbestedingen: store.lees_waar("jongere", id).await?,
            contactgegevens: store.lees_waar("jongere", id).await?,
            jongere,
        })
    }

    /// A youth the register holds nothing else about yet.
    pub fn zonder_feiten(jongere: Jongere) -> Dossier {
        Dossier {
            jongere,
            woonadressen: Vec::new(),
            inschrijvingen: Vec::new(),
            diplomas: Vec::new(),
            zaken: Vec::new(),
            meldingen: Vec::new(),
            acties: Vec::new(),
            vrijstellingen: Vec::new(),
            thuiszitperioden: Vec::new(),
            vsv_meldingen: Vec::new(),
            rmc_trajecten: Vec::new(),
            dagbestedingen: Vec::new(),
            contactgegevens: Vec::new(),
        }
    }

    /// The facts the leerplicht rules need: birth, the first startkwalificatie, the VSO profile.
    pub fn feiten(&self) -> Result<Leerplichtfeiten> {
        leerplichtfeiten(&self.jongere, &self.diplomas, &self.inschrijvingen)
    }

    pub fn status_op(&self, datum: Datum) -> Result<Leerplichtstatus> {
        self.feiten()?.op(datum).map_err(|e| Fout::invoer("datum", e.to_string()))
    }

    pub fn ingeschreven_op(&self, datum: Datum) -> bool {
        self.inschrijving_op(datum).is_some()
    }

    /// The address the youth lived at on a date (the latest begun, if there are several).
    pub fn woonadres_op(&self, datum: Datum) -> Option<&Woonadres> {
        self.woonadressen
            .iter()
            .filter(|a| a.begindatum <= datum && a.einddatum.is_none_or(|e| datum <= e))
            .max_by_key(|a| a.begindatum)
    }

    /// The enrolment on a date (the latest begun, if there are several).
    pub fn inschrijving_op(&self, datum: Datum) -> Option<&Inschrijving> {
        self.inschrijvingen
            .iter()
            .filter(|i| i.begindatum <= datum && i.einddatum.is_none_or(|e| datum <= e))
            .max_by_key(|i| i.begindatum)
    }

    /// The first startkwalificatie obtained, if any.
    pub fn startkwalificatie(&self) -> Option<Datum> {
        eerste_startkwalificatie(&self.diplomas)
    }

    /// A running vrijstelling that frees the youth from enrolment or attendance (not verlof).
    pub fn vrijstelling_op(&self, datum: Datum) -> Option<&Vrijstelling> {
        self.vrijstellingen
            .iter()
            .find(|v| vrijstelling::vrijstelt_van_inschrijving(&v.artikel) && vrijstelling::loopt_op(v, datum))
    }

    pub fn situatie_op(&self, datum: Datum) -> Result<Situatie> {
        Ok(Situatie {
            status: self.status_op(datum)?.status,
            ingeschreven: self.ingeschreven_op(datum),
            vrijstelling: self.vrijstelling_op(datum).is_some(),
        })
    }

    pub fn open_zaak(&self, soort: ZaakSoort) -> Option<&Zaak> {
        self.zaken.iter().find(|z| z.soort == soort && z.status != ZaakStatus::Gesloten)
    }
}

/// Leerplichtfeiten from the records: the earliest diploma that is a startkwalificatie, the
/// earliest praktijkonderwijs diploma or verklaring, and the uitstroomprofiel of the latest VSO
/// enrolment.
pub fn leerplichtfeiten(
    j: &Jongere,
    diplomas: &[Diploma],
    inschrijvingen: &[Inschrijving],
) -> Result<Leerplichtfeiten> {
    let sq = eerste_startkwalificatie(diplomas);
    let vso = inschrijvingen
        .iter()
        .filter(|i| i.vso_profiel.is_some())
        .max_by_key(|i| i.begindatum)
        .and_then(|i| i.vso_profiel);
    Leerplichtfeiten::nieuw(j.geboortedatum, sq, j.twaalf_schooljaren_op, vso)
        .map(|f| f.met_diploma_praktijkonderwijs(eerste_diploma_praktijkonderwijs(diplomas)))
        .map_err(|e| Fout::invoer("jongere", e.to_string()))
}
