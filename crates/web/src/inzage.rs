//! Inzage (AVG art. 15; docs/beveiliging.md, "Rechten van betrokkenen"): everything the register
//! holds about one youth — the register's facts, meldingen, zaken, actions, decisions, what went
//! to DUO about her, her parents as linked, her and their contact details — and who viewed her
//! dossier and when, with every change to those records (and a correction's reason). As JSON and
//! as a readable PDF; making it is itself in the access log.
//!
//! Each kind of record is read by its `jongere` column and written out by its columns, so a new
//! column is in the inzage by itself; a new kind of record about a youth must be added to the list
//! in [`verzamel`].
use crate::rechten::{Recht, heeft};
use leerspoor_domain::model::*;
use leerspoor_koppeling::records::{BrpVerzoek, DuoMelding, Terugmelding, VrijstellingMelding};
use leerspoor_store::rij::{Rij, Waarde};
use leerspoor_store::toegang::{Herkomst, Toegang, Wijziging};
use leerspoor_store::{Store, StoreFout};

/// One kind of record: its table and its rows as (column, value as text).
#[derive(Debug, Clone, PartialEq)]
pub struct Deel {
    pub tabel: &'static str,
    pub titel: &'static str,
    pub kolommen: Vec<&'static str>,
    pub rijen: Vec<Vec<String>>,
    /// The keys of the rows, for their change log.
    sleutels: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Inzage {
    pub jongere: String,
    pub gemaakt: chrono::DateTime<chrono::Utc>,
    pub door: String,
    pub delen: Vec<Deel>,
    pub toegang: Vec<Toegang>,
    pub wijzigingen: Vec<Wijziging>,
}

#[derive(Debug, thiserror::Error)]
pub enum InzageFout {
    #[error("{0}")]
    Geweigerd(String),
    #[error("jongere: '{0}' bestaat niet")]
    Onbekend(String),
    #[error(transparent)]
    Store(#[from] StoreFout),
}

fn tekst(w: &Waarde) -> String {
    match w {
        Waarde::Tekst(Some(t)) => t.clone(),
        w => w.als_tekst(),
    }
}

fn deel<R: Rij>(titel: &'static str, rijen: &[R]) -> Deel {
    let waarden: Vec<Vec<Waarde>> = rijen.iter().map(Rij::waarden).collect();
    Deel {
        tabel: R::TABEL,
        titel,
        kolommen: R::KOLOMMEN.iter().map(|k| k.naam).collect(),
        sleutels: waarden
            .iter()
            .map(|w| R::sleutel(w).iter().map(Waarde::als_tekst).collect::<Vec<_>>().join("/"))
            .collect(),
        rijen: waarden.iter().map(|w| w.iter().map(tekst).collect()).collect(),
    }
}

async fn van<R: Rij>(store: &Store, titel: &'static str, jongere: &str) -> Result<(Deel, Vec<R>), StoreFout> {
    let rijen: Vec<R> = store.lees_waar("jongere", jongere).await?;
    Ok((deel(titel, &rijen), rijen))
}

/// Gathers the inzage of `jongere` for `door` (who handles AVG requests: the teamleider, who also
/// reads the access log) and logs it on the youth.
pub async fn verzamel(
    store: &Store,
    herkomst: &Herkomst,
    door: &Medewerker,
    jongere: &str,
    formaat: &str,
) -> Result<Inzage, InzageFout> {
    if !heeft(door.rol, Recht::AuditLezen) {
        return Err(InzageFout::Geweigerd(
            "een inzageverzoek (AVG art. 15) handelt de teamleider af: uw rol geeft geen inzage in het toegangslog"
                .into(),
        ));
    }
    let Some(j) = store.lees_een::<Jongere>(jongere).await? else {
        return Err(InzageFout::Onbekend(jongere.to_string()));
    };
    let mut delen = vec![deel("Jongere", std::slice::from_ref(&j))];
    delen.push(van::<Woonadres>(store, "Woonadressen", jongere).await?.0);
    let (gezin, relaties) = van::<Gezinsrelatie>(store, "Ouders en verzorgers (koppeling)", jongere).await?;
    delen.push(gezin);
    let mut ouders = Vec::new();
    for r in &relaties {
        ouders.extend(store.lees_een::<Ouder>(&r.ouder).await?);
    }
    delen.push(deel("Ouders en verzorgers", &ouders));
    delen.push(van::<Contactgegeven>(store, "Contactgegevens (jongere en ouders)", jongere).await?.0);
    delen.push(van::<Inschrijving>(store, "Inschrijvingen", jongere).await?.0);
    delen.push(van::<Diploma>(store, "Diploma's", jongere).await?.0);
    let (meldingen_deel, meldingen) = van::<Verzuimmelding>(store, "Verzuimmeldingen", jongere).await?;
    delen.push(meldingen_deel);
    delen.push(van::<Zaak>(store, "Zaken", jongere).await?.0);
    delen.push(van::<Actie>(store, "Acties", jongere).await?.0);
    let (vrijstellingen_deel, vrijstellingen) = van::<Vrijstelling>(store, "Vrijstellingen en verlof", jongere).await?;
    delen.push(vrijstellingen_deel);
    delen.push(van::<Thuiszitperiode>(store, "Thuiszitperioden", jongere).await?.0);
    delen.push(van::<VsvMelding>(store, "Voortijdig schoolverlaten", jongere).await?.0);
    delen.push(van::<RmcTraject>(store, "RMC-trajecten", jongere).await?.0);
    delen.push(van::<Dagbesteding>(store, "Dagbesteding", jongere).await?.0);
    delen.push(van::<BrpVerzoek>(store, "BRP-controle", jongere).await?.0);
    let (documenten_deel, documenten) = van::<Document>(store, "Brieven en documenten", jongere).await?;
    delen.push(documenten_deel);
    let mut duo = Vec::new();
    let mut terug = Vec::new();
    for m in &meldingen {
        for d in store.lees_waar::<DuoMelding>("melding", &m.id).await? {
            terug.extend(store.lees_waar::<Terugmelding>("meldingnummer", &d.meldingnummer).await?);
            duo.push(d);
        }
    }
    delen.push(deel("Meldingen van DUO", &duo));
    delen.push(deel("Teruggemeld aan DUO", &terug));
    let mut naar_duo = Vec::new();
    for v in &vrijstellingen {
        naar_duo.extend(store.lees_waar::<VrijstellingMelding>("vrijstelling", &v.id).await?);
    }
    delen.push(deel("Vrijstellingen gemeld aan DUO", &naar_duo));

    let sleutels: Vec<(&str, &str)> =
        delen.iter().flat_map(|d| d.sleutels.iter().map(move |s| (d.tabel, s.as_str()))).collect();
    let wijzigingen = store.wijzigingen_van(&sleutels).await?;
    let object = format!("jongere:{jongere}");
    let mut toegang = store.toegang_van(&object).await?;
    // Who opened the letters and documents of the dossier (logged on `document:ID`).
    for d in &documenten {
        toegang.extend(store.toegang_van(&format!("document:{}", d.id)).await?);
    }
    let reden = format!("AVG art. 15, {formaat}");
    store.log_van(herkomst, &door.id, "inzage-export", &object, "gelukt", Some(&reden)).await?;
    Ok(Inzage { jongere: j.id, gemaakt: chrono::Utc::now(), door: door.id.clone(), delen, toegang, wijzigingen })
}

impl Inzage {
    pub fn json(&self) -> serde_json::Value {
        let gegevens: serde_json::Map<String, serde_json::Value> = self
            .delen
            .iter()
            .map(|d| {
                let rijen: Vec<serde_json::Value> = d
                    .rijen
                    .iter()
                    .map(|r| d.kolommen.iter().zip(r).map(|(k, v)| (k.to_string(), serde_json::json!(v))).collect())
                    .collect();
                (d.tabel.to_string(), serde_json::Value::Array(rijen))
            })
            .collect();
        let toegang: Vec<_> = self
            .toegang
            .iter()
            .map(|t| {
                serde_json::json!({ "tijdstip": t.tijdstip.to_rfc3339(), "medewerker": t.gebruiker,
                    "handeling": t.handeling, "resultaat": t.resultaat })
            })
            .collect();
        let wijzigingen: Vec<_> = self
            .wijzigingen
            .iter()
            .map(|w| {
                serde_json::json!({ "tijdstip": w.tijdstip.to_rfc3339(), "medewerker": w.gebruiker, "tabel": w.tabel,
                    "sleutel": w.sleutel, "handeling": w.handeling, "veld": w.veld, "oud": w.oud, "nieuw": w.nieuw,
                    "reden": w.reden })
            })
            .collect();
        serde_json::json!({
            "grondslag": "AVG art. 15: inzage door de betrokkene",
            "jongere": self.jongere,
            "gemaakt": self.gemaakt.to_rfc3339(),
            "door": self.door,
            "gegevens": gegevens,
            "inzage_in_het_dossier": toegang,
            "wijzigingen": wijzigingen,
        })
    }

    /// The PDF: one section per kind of record (a kind without records says so), then who viewed
    /// the dossier, then the changes.
    pub fn pdf(&self) -> Result<Vec<u8>, leerspoor_publicatie::Fout> {
        use leerspoor_publicatie::Sectie;
        let mut secties: Vec<Sectie> = self
            .delen
            .iter()
            .map(|d| Sectie {
                titel: d.titel.to_string(),
                kop: d.kolommen.iter().map(|k| k.to_string()).collect(),
                rijen: d.rijen.clone(),
            })
            .collect();
        let tijd = |t: &chrono::DateTime<chrono::Utc>| crate::pagina::tijdstip(t);
        secties.push(Sectie {
            titel: "Wie het dossier inzag of bewerkte".into(),
            kop: ["tijdstip", "medewerker", "handeling", "resultaat"].map(String::from).to_vec(),
            rijen: self
                .toegang
                .iter()
                .map(|t| vec![tijd(&t.tijdstip), t.gebruiker.clone(), t.handeling.clone(), t.resultaat.clone()])
                .collect(),
        });
        secties.push(Sectie {
            titel: "Wijzigingen".into(),
            kop: ["tijdstip", "medewerker", "gegeven", "veld", "oud", "nieuw", "reden"].map(String::from).to_vec(),
            rijen: self
                .wijzigingen
                .iter()
                .map(|w| {
                    vec![
                        tijd(&w.tijdstip),
                        w.gebruiker.clone(),
                        format!("{} {} ({})", w.tabel, w.sleutel, w.handeling),
                        w.veld.clone().unwrap_or_default(),
                        w.oud.clone().unwrap_or_default(),
                        w.nieuw.clone().unwrap_or_default(),
                        w.reden.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        });
        let ondertitel = format!(
            "Alle gegevens over jongere {} in het register, op {} (AVG art. 15)",
            self.jongere,
            tijd(&self.gemaakt)
        );
        leerspoor_publicatie::overzicht("Inzage in persoonsgegevens", &ondertitel, &secties, self.gemaakt.date_naive())
    }
}
