//! Vrijstellingen and verlof (docs/regels.md): a request is registered, completed, decided by the
//! leerplichtambtenaar and perhaps contested; leave the school head gives is only recorded. The
//! rules of [`leerspoor_domain::rules::vrijstelling`] decide; this module gathers their facts and
//! writes, keeping each step's date and reasons in the toelichting.
use crate::dossier::Dossier;
use crate::{Fout, Result, bestaand, code_geldig, ids};
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::codes::CodeLijst;
use leerspoor_domain::model::*;
use leerspoor_domain::rules::awb;
use leerspoor_domain::rules::vrijstelling as regels;
use leerspoor_store::{Store, rij};
use std::collections::HashMap;

/// A request for a vrijstelling, or for leave the leerplichtambtenaar decides (art. 11 sub g over
/// 10 school days per schooljaar).
#[derive(Debug, Clone)]
pub struct Aanvraag {
    pub jongere: String,
    /// Code of the list `vrijstelling_artikel`.
    pub artikel: String,
    pub aanvraagdatum: Datum,
    pub geldig_van: Option<Datum>,
    pub geldig_tot: Option<Datum>,
    /// Verlof (art. 11): school days.
    pub dagen: Option<u32>,
    /// Art. 5 sub a: the independent doctor's statement and the samenwerkingsverband's advice.
    pub artsverklaring_datum: Option<Datum>,
    pub swv_advies_datum: Option<Datum>,
    pub toelichting: String,
}

/// Leave the school head granted (art. 11 sub f; art. 11 sub g up to 10 school days per
/// schooljaar): the office records it.
#[derive(Debug, Clone)]
pub struct Schoolverlof {
    pub jongere: String,
    /// `art11_sub_f` or `art11_sub_g`.
    pub artikel: String,
    pub aanvraagdatum: Datum,
    pub besluitdatum: Datum,
    pub geldig_van: Datum,
    pub geldig_tot: Datum,
    pub dagen: u32,
    /// Art. 11 sub f: the employer's statement the school head decided on.
    pub werkgeversverklaring_datum: Option<Datum>,
    pub toelichting: String,
}

/// What a pending request gets on the way: each field given replaces the recorded one.
#[derive(Debug, Clone, Default)]
pub struct Aanvulling {
    pub artsverklaring_datum: Option<Datum>,
    pub swv_advies_datum: Option<Datum>,
    pub werkgeversverklaring_datum: Option<Datum>,
    pub geldig_van: Option<Datum>,
    pub geldig_tot: Option<Datum>,
    pub dagen: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct Besluit {
    pub toekennen: bool,
    pub besluitdatum: Datum,
    /// The validity granted; empty keeps what was requested.
    pub geldig_van: Option<Datum>,
    pub geldig_tot: Option<Datum>,
    /// The reasons; a refusal must state them (Awb art. 3:46).
    pub toelichting: String,
}

pub async fn vraag_aan(store: &Store, door: &Medewerker, a: Aanvraag) -> Result<Vrijstelling> {
    regels::mag_registreren(door.rol)?;
    let dossier = Dossier::laad(store, &a.jongere).await?;
    code_geldig(store, "artikel", CodeLijst::VrijstellingArtikel, &a.artikel, a.aanvraagdatum).await?;
    let v = Vrijstelling {
        id: ids::nieuw("V"),
        jongere: a.jongere,
        artikel: a.artikel,
        status: VrijstellingStatus::Aangevraagd,
        aanvraagdatum: a.aanvraagdatum,
        besluitdatum: None,
        geldig_van: a.geldig_van,
        geldig_tot: a.geldig_tot,
        beslisser: Beslisser::Leerplichtambtenaar,
        medewerker: None,
        artsverklaring_datum: a.artsverklaring_datum,
        swv_advies_datum: a.swv_advies_datum,
        werkgeversverklaring_datum: None,
        verdaagd_tot: None,
        hoorzitting_op: None,
        dagen: a.dagen,
        toelichting: a.toelichting.trim().to_string(),
        bezwaar_op: None,
    };
    controleer(&dossier, &v)?;
    // Leave the school head decides is not requested from the office (Lpw art. 13a, 14).
    let eerder = regels::eerder_verlof(&v, &dossier.vrijstellingen);
    regels::toets_beslisser(&v.artikel, v.dagen, eerder.dagen_11g, Beslisser::Leerplichtambtenaar)?;
    schrijf(store, door, "vrijstelling aanvragen", None, v).await
}

/// Records leave the school head granted, checked as if granted: only art. 11 leave within the
/// school head's 10 days, 11 sub f once per schooljaar and not in its first two lesweken (the school calendar decides).
pub async fn leg_verlof_vast(store: &Store, door: &Medewerker, l: Schoolverlof) -> Result<Vrijstelling> {
    regels::mag_registreren(door.rol)?;
    let dossier = Dossier::laad(store, &l.jongere).await?;
    code_geldig(store, "artikel", CodeLijst::VrijstellingArtikel, &l.artikel, l.aanvraagdatum).await?;
    if l.besluitdatum < l.aanvraagdatum {
        return Err(Fout::invoer("besluitdatum", format!("het besluit ligt vóór de aanvraag ({})", l.aanvraagdatum)));
    }
    let v = Vrijstelling {
        id: ids::nieuw("V"),
        jongere: l.jongere,
        artikel: l.artikel,
        status: VrijstellingStatus::Toegekend,
        aanvraagdatum: l.aanvraagdatum,
        besluitdatum: Some(l.besluitdatum),
        geldig_van: Some(l.geldig_van),
        geldig_tot: Some(l.geldig_tot),
        beslisser: Beslisser::Schoolleider,
        medewerker: Some(door.id.clone()),
        artsverklaring_datum: None,
        swv_advies_datum: None,
        werkgeversverklaring_datum: l.werkgeversverklaring_datum,
        verdaagd_tot: None,
        hoorzitting_op: None,
        dagen: Some(l.dagen),
        toelichting: l.toelichting.trim().to_string(),
        bezwaar_op: None,
    };
    // First whether the school head could give it at all: only leave, within 10 days a schooljaar.
    let eerder = regels::eerder_verlof(&v, &dossier.vrijstellingen);
    regels::toets_beslisser(&v.artikel, v.dagen, eerder.dagen_11g, v.beslisser)?;
    controleer(&dossier, &v)?;
    let rooster = dossier.rooster_op(&crate::kalender::laad(store).await?, l.geldig_van);
    regels::toets_toekenning(&v, &dossier.feiten()?, eerder, &rooster)?;
    schrijf(store, door, "verlof vastleggen", None, v).await
}

/// Takes a new request into handling; a leerplichtambtenaar taking it on becomes its caseworker.
pub async fn in_behandeling(store: &Store, door: &Medewerker, id: &str) -> Result<Vrijstelling> {
    regels::mag_registreren(door.rol)?;
    let oud: Vrijstelling = bestaand(store, "vrijstelling", id).await?;
    regels::overgang(regels::stand(&oud), VrijstellingStatus::InBehandeling)?;
    let lpa = (door.rol == Rol::Leerplichtambtenaar).then(|| door.id.clone());
    let nieuw = Vrijstelling {
        status: VrijstellingStatus::InBehandeling,
        medewerker: oud.medewerker.clone().or(lpa),
        ..oud.clone()
    };
    schrijf(store, door, "vrijstelling in behandeling", Some(&oud), nieuw).await
}

/// Completes a request while no decision stands: the doctor's statement and the SWV's advice
/// (art. 5 sub a), the employer's statement (art. 11 sub f), the period, the number of days.
pub async fn vul_aan(store: &Store, door: &Medewerker, id: &str, a: Aanvulling) -> Result<Vrijstelling> {
    let (oud, nieuw) = aangevuld(store, door, id, a).await?;
    schrijf(store, door, "vrijstelling aanvullen", Some(&oud), nieuw).await
}

/// The request before and after [`vul_aan`], checked, not written: for a caller that writes it in
/// its own transaction (a statement received with it, `ontvangen::ontvang`).
pub(crate) async fn aangevuld(
    store: &Store,
    door: &Medewerker,
    id: &str,
    a: Aanvulling,
) -> Result<(Vrijstelling, Vrijstelling)> {
    regels::mag_registreren(door.rol)?;
    let oud: Vrijstelling = bestaand(store, "vrijstelling", id).await?;
    regels::nog_open(regels::stand(&oud))?;
    // What is not completed stays as it was (the verdaging and hearing included).
    let nieuw = Vrijstelling {
        artsverklaring_datum: a.artsverklaring_datum.or(oud.artsverklaring_datum),
        swv_advies_datum: a.swv_advies_datum.or(oud.swv_advies_datum),
        werkgeversverklaring_datum: a.werkgeversverklaring_datum.or(oud.werkgeversverklaring_datum),
        geldig_van: a.geldig_van.or(oud.geldig_van),
        geldig_tot: a.geldig_tot.or(oud.geldig_tot),
        dagen: a.dagen.or(oud.dagen),
        ..oud.clone()
    };
    controleer(&Dossier::laad(store, &oud.jongere).await?, &nieuw)?;
    Ok((oud, nieuw))
}

/// Verdaagt the beslistermijn of a pending request to `tot` (Awb art. 4:14 lid 3), on `op`, for
/// `reden` (what the applicant is told): within the term, to a later day; the note keeps it.
pub async fn verdaag(
    store: &Store,
    door: &Medewerker,
    id: &str,
    tot: Datum,
    op: Datum,
    reden: &str,
) -> Result<Vrijstelling> {
    regels::mag_beslissen(door.rol)?;
    let oud: Vrijstelling = bestaand(store, "vrijstelling", id).await?;
    regels::nog_open(regels::stand(&oud))?;
    if reden.trim().is_empty() {
        return Err(Fout::invoer(
            "reden",
            "waarom kan het besluit niet binnen de termijn? Die reden krijgt de aanvrager",
        ));
    }
    awb::toets_verdaging(oud.aanvraagdatum, oud.verdaagd_tot, tot, op)?;
    let nieuw = Vrijstelling {
        verdaagd_tot: Some(tot),
        toelichting: met_notitie(&oud.toelichting, &format!("Beslistermijn verdaagd op {op} tot {tot}"), reden),
        ..oud.clone()
    };
    schrijf(store, door, "beslistermijn verdagen", Some(&oud), nieuw).await
}

/// By when the office must decide on `v` ([`regels::beslissen_uiterlijk`]), a bezwaar with the
/// advisory committee (Awb art. 7:13) of the college that decided: of the gemeente the youth lived in
/// on the besluitdatum.
pub fn beslissen_uiterlijk(v: &Vrijstelling, gemeenten: &[Gemeente], adressen: &[Woonadres]) -> Option<Datum> {
    let commissie = v.bezwaar_op.map(|b| v.besluitdatum.unwrap_or(b)).is_some_and(|op| {
        crate::kalender::woongemeente(adressen, op)
            .and_then(|c| gemeenten.iter().find(|g| &g.code == c))
            .is_some_and(|g| g.bezwaarcommissie)
    });
    regels::beslissen_uiterlijk(v, commissie)
}

/// Requests and bezwaren the office must decide on, with their term ([`beslissen_uiterlijk`]), the
/// earliest first: for the werkvoorraad, before a term lapses.
pub async fn beslistermijnen(store: &Store) -> Result<Vec<(Vrijstelling, Jongere, Datum)>> {
    macro_rules! open {
        () => {
            "(status IN ($1, $2) OR bezwaar_op IS NOT NULL) AND beslisser = $3"
        };
    }
    let binds = [
        rij::code(VrijstellingStatus::Aangevraagd),
        rij::code(VrijstellingStatus::InBehandeling),
        rij::code(Beslisser::Leerplichtambtenaar),
    ];
    let open: Vec<Vrijstelling> = store.lees_met(concat!("WHERE ", open!()), &binds).await?;
    let jongeren: HashMap<String, Jongere> = store
        .lees_met::<Jongere>(concat!("WHERE id IN (SELECT jongere FROM vrijstelling WHERE ", open!(), ")"), &binds)
        .await?
        .into_iter()
        .map(|j| (j.id.clone(), j))
        .collect();
    let mut adressen: HashMap<String, Vec<Woonadres>> = HashMap::new();
    for a in store
        .lees_met::<Woonadres>(
            concat!("WHERE jongere IN (SELECT jongere FROM vrijstelling WHERE ", open!(), ")"),
            &binds,
        )
        .await?
    {
        adressen.entry(a.jongere.clone()).or_default().push(a);
    }
    let gemeenten: Vec<Gemeente> = store.lees().await?;
    let mut uit: Vec<(Vrijstelling, Jongere, Datum)> = open
        .into_iter()
        .filter_map(|v| {
            let termijn = beslissen_uiterlijk(&v, &gemeenten, adressen.get(&v.jongere).map_or(&[][..], Vec::as_slice))?;
            Some((v.clone(), jongeren.get(&v.jongere)?.clone(), termijn))
        })
        .collect();
    uit.sort_by(|a, b| (a.2, &a.0.id).cmp(&(b.2, &b.0.id)));
    Ok(uit)
}

/// The leerplichtambtenaar's decision on a pending or contested request. Granting checks the
/// article's rules on the youth's facts; refusing needs its reasons.
pub async fn besluit(store: &Store, door: &Medewerker, id: &str, b: Besluit) -> Result<Vrijstelling> {
    regels::mag_beslissen(door.rol)?;
    let oud: Vrijstelling = bestaand(store, "vrijstelling", id).await?;
    let status = if b.toekennen { VrijstellingStatus::Toegekend } else { VrijstellingStatus::Afgewezen };
    regels::overgang(regels::stand(&oud), status)?;
    regels::motivering(b.toekennen, &b.toelichting)?;
    if b.besluitdatum < oud.aanvraagdatum {
        return Err(Fout::invoer("besluitdatum", format!("het besluit ligt vóór de aanvraag ({})", oud.aanvraagdatum)));
    }
    if let Some(vorig) = oud.besluitdatum.filter(|vorig| b.besluitdatum < *vorig) {
        return Err(Fout::invoer("besluitdatum", format!("het besluit ligt vóór het bestreden besluit ({vorig})")));
    }
    let mut nieuw = Vrijstelling {
        status,
        bezwaar_op: None,
        hoorzitting_op: None,
        besluitdatum: Some(b.besluitdatum),
        beslisser: Beslisser::Leerplichtambtenaar,
        medewerker: Some(door.id.clone()),
        toelichting: met_notitie(
            &oud.toelichting,
            &format!("{} op {}", status.label(), b.besluitdatum),
            &b.toelichting,
        ),
        ..oud.clone()
    };
    if b.toekennen {
        nieuw.geldig_van = b.geldig_van.or(oud.geldig_van);
        nieuw.geldig_tot = b.geldig_tot.or(oud.geldig_tot);
        if nieuw.geldig_van.is_none() {
            return Err(Fout::invoer("geldig_van", "vanaf welke datum geldt de vrijstelling?"));
        }
        let dossier = Dossier::laad(store, &oud.jongere).await?;
        controleer(&dossier, &nieuw)?;
        let rooster =
            dossier.rooster_op(&crate::kalender::laad(store).await?, nieuw.geldig_van.unwrap_or(b.besluitdatum));
        let eerder = regels::eerder_verlof(&nieuw, &dossier.vrijstellingen);
        regels::toets_toekenning(&nieuw, &dossier.feiten()?, eerder, &rooster)?;
    }
    schrijf(store, door, "besluit vrijstelling", Some(&oud), nieuw).await
}

/// Bezwaar or beroep against a decision, received on `datum`, with its grounds (Awb art. 6:5); a new
/// decision ends it. One received after the six weeks (Awb art. 6:7) is recorded too, with a note
/// that it is niet-ontvankelijk unless the lateness is verschoonbaar (Awb art. 6:11): deciding that
/// is the leerplichtambtenaar's.
pub async fn bezwaar(store: &Store, door: &Medewerker, id: &str, datum: Datum, gronden: &str) -> Result<Vrijstelling> {
    regels::mag_registreren(door.rol)?;
    let oud: Vrijstelling = bestaand(store, "vrijstelling", id).await?;
    regels::overgang(regels::stand(&oud), VrijstellingStatus::BezwaarBeroep)?;
    if gronden.trim().is_empty() {
        return Err(Fout::invoer("gronden", "waarom is de indiener het niet eens met het besluit?"));
    }
    if let Some(besluit) = oud.besluitdatum.filter(|b| datum < *b) {
        return Err(Fout::invoer("datum", format!("het bezwaar ligt vóór het besluit ({besluit})")));
    }
    // The decision (made known the day it was taken) stays in `status` and in force meanwhile
    // (Awb 6:16).
    let kop = match oud.besluitdatum.filter(|b| !awb::bezwaar_tijdig(*b, datum)) {
        Some(b) => format!(
            "Bezwaar/beroep op {datum}, na de bezwaartermijn (tot en met {}): niet-ontvankelijk tenzij de termijnoverschrijding verschoonbaar is (Awb art. 6:11)",
            awb::bezwaartermijn(b)
        ),
        None => format!("Bezwaar/beroep op {datum}"),
    };
    let nieuw = Vrijstelling {
        bezwaar_op: Some(datum),
        hoorzitting_op: None,
        toelichting: met_notitie(&oud.toelichting, &kop, gronden),
        ..oud.clone()
    };
    schrijf(store, door, "bezwaar vrijstelling", Some(&oud), nieuw).await
}

/// The hearing on a pending bezwaar (Awb art. 7:2), held on `datum`.
pub async fn hoorzitting(store: &Store, door: &Medewerker, id: &str, datum: Datum) -> Result<Vrijstelling> {
    regels::mag_beslissen(door.rol)?;
    let oud: Vrijstelling = bestaand(store, "vrijstelling", id).await?;
    let Some(bezwaar) = oud.bezwaar_op.filter(|_| regels::stand(&oud) == VrijstellingStatus::BezwaarBeroep) else {
        return Err(Fout::invoer("datum", "er loopt geen bezwaar tegen dit besluit"));
    };
    if datum < bezwaar {
        return Err(Fout::invoer("datum", format!("de hoorzitting ligt vóór het bezwaar ({bezwaar})")));
    }
    let nieuw = Vrijstelling {
        hoorzitting_op: Some(datum),
        toelichting: met_notitie(&oud.toelichting, &format!("Hoorzitting op {datum}"), ""),
        ..oud.clone()
    };
    schrijf(store, door, "hoorzitting bezwaar", Some(&oud), nieuw).await
}

/// The applicant withdraws the request, before it is decided.
pub async fn trek_in(store: &Store, door: &Medewerker, id: &str, toelichting: &str) -> Result<Vrijstelling> {
    regels::mag_registreren(door.rol)?;
    let oud: Vrijstelling = bestaand(store, "vrijstelling", id).await?;
    regels::overgang(regels::stand(&oud), VrijstellingStatus::Ingetrokken)?;
    let nieuw = Vrijstelling {
        status: VrijstellingStatus::Ingetrokken,
        toelichting: met_notitie(&oud.toelichting, "Ingetrokken", toelichting),
        ..oud.clone()
    };
    schrijf(store, door, "vrijstelling intrekken", Some(&oud), nieuw).await
}

/// The granted vrijstellingen and leave running on a peildatum (for the reports' "lopende"
/// count); [`regels::vrijstelt_van_inschrijving`] tells the vrijstellingen from the leave.
pub async fn lopend_op(store: &Store, datum: Datum) -> Result<Vec<Vrijstelling>> {
    let toegekend: Vec<Vrijstelling> = store.lees_waar("status", VrijstellingStatus::Toegekend.code()).await?;
    Ok(toegekend.into_iter().filter(|v| regels::loopt_op(v, datum)).collect())
}

/// Werkvoorraad: granted vrijstellingen ending within `binnen` days from `datum` for which no
/// later request of the same youth and article is pending or granted, each with its youth.
pub async fn te_verlengen(store: &Store, datum: Datum, binnen: u32) -> Result<Vec<(Vrijstelling, Jongere)>> {
    // Only the youths with a vrijstelling ending in the window, with all their requests (to see a
    // renewal): the werkvoorraad asks this on every visit, and a register holds many thousands.
    macro_rules! in_venster {
        () => {
            "(SELECT jongere FROM vrijstelling WHERE geldig_tot >= $1 AND geldig_tot <= $2)"
        };
    }
    let venster = [rij::datum(datum), rij::datum(datum + chrono::Days::new(binnen.into()))];
    let alle: Vec<Vrijstelling> = store.lees_met(concat!("WHERE jongere IN ", in_venster!()), &venster).await?;
    let jongeren: HashMap<String, Jongere> = store
        .lees_met::<Jongere>(concat!("WHERE id IN ", in_venster!()), &venster)
        .await?
        .into_iter()
        .map(|j| (j.id.clone(), j))
        .collect();
    let verlengd = |v: &Vrijstelling| {
        alle.iter().any(|n| {
            n.jongere == v.jongere
                && n.artikel == v.artikel
                && n.aanvraagdatum > v.aanvraagdatum
                && !matches!(n.status, VrijstellingStatus::Afgewezen | VrijstellingStatus::Ingetrokken)
        })
    };
    alle.iter()
        .filter(|v| regels::te_verlengen(v, datum, binnen) && !verlengd(v))
        .map(|v| match jongeren.get(&v.jongere) {
            Some(j) => Ok((v.clone(), j.clone())),
            None => Err(Fout::Onbekend { wat: "jongere", id: v.jongere.clone() }),
        })
        .collect()
}

/// The field checks every step repeats on the whole record.
fn controleer(dossier: &Dossier, v: &Vrijstelling) -> Result<()> {
    let geboren = dossier.jongere.geboortedatum;
    if v.aanvraagdatum < geboren {
        return Err(Fout::invoer("aanvraagdatum", format!("ligt vóór de geboortedatum van de jongere ({geboren})")));
    }
    if v.geldig_van.is_some_and(|van| van < geboren) {
        return Err(Fout::invoer("geldig_van", format!("ligt vóór de geboortedatum van de jongere ({geboren})")));
    }
    if let (Some(van), Some(tot)) = (v.geldig_van, v.geldig_tot)
        && tot < van
    {
        return Err(Fout::invoer("geldig_tot", format!("de geldigheid eindigt vóór ze begint ({van})")));
    }
    let verlof = !regels::vrijstelt_van_inschrijving(&v.artikel);
    match v.dagen {
        None if verlof => Err(Fout::invoer("dagen", "hoeveel schooldagen verlof?")),
        Some(0) => Err(Fout::invoer("dagen", "verlof is ten minste één schooldag")),
        Some(_) if !verlof => Err(Fout::invoer("dagen", "alleen verlof (art. 11) telt schooldagen")),
        _ if verlof && v.geldig_van.is_none() => Err(Fout::invoer("geldig_van", "vanaf welke dag is het verlof?")),
        _ => Ok(()),
    }
}

/// Keeps each step's reasons under the earlier ones: "Afgewezen op 2021-03-15: …".
/// The reasons given with the decision in force (Awb art. 3:46): the text of its own note (`Afgewezen
/// op 2021-03-15: …`), not the request's other notes (intake, verdaging, bezwaar, hoorzitting).
pub fn motivering(v: &Vrijstelling) -> String {
    let Some(besluit) = v.besluitdatum else { return String::new() };
    let kop = format!("{} op {besluit}", v.status.label());
    v.toelichting
        .lines()
        .rev()
        .find_map(|regel| regel.strip_prefix(&kop))
        .map(|rest| rest.trim_start_matches(':').trim().to_string())
        .unwrap_or_default()
}

fn met_notitie(oud: &str, kop: &str, tekst: &str) -> String {
    let regel = match tekst.trim() {
        "" => kop.to_string(),
        t => format!("{kop}: {t}"),
    };
    if oud.is_empty() { regel } else { format!("{oud}\n{regel}") }
}

/// One transaction per step, with the change log.
async fn schrijf(
    store: &Store,
    door: &Medewerker,
    handeling: &str,
    oud: Option<&Vrijstelling>,
    nieuw: Vrijstelling,
) -> Result<Vrijstelling> {
    let mut s = store.schrijver(&door.id, handeling).await?;
    match oud {
        Some(oud) => s.wijzig(oud, &nieuw).await?,
        None => s.nieuw(&nieuw).await?,
    }
    s.vastleggen(handeling, &nieuw.id).await?;
    Ok(nieuw)
}
