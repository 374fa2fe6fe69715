//! A youth's dossier: who, the status the law gives today, what is open, and the timeline of
//! everything the register holds. Every opening is in the access log.
use crate::AppState;
use crate::codes::Labels;
use crate::pagina::{self, Kop, Melding};
use crate::poort::Gebruiker;
use crate::rechten::{Recht, heeft};
use askama::Template;
use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use leerspoor_casework::{Dossier, brieven};
use leerspoor_domain::Datum;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::codes::CodeLijst;
use leerspoor_domain::model::*;
use leerspoor_domain::rules::brief::BriefSoort;
use leerspoor_domain::rules::inkomend::InkomendSoort;
use leerspoor_domain::rules::{awb, contact, leeftijd_op, rmc_doelgroep, vrijstelling};

pub struct Gebeurtenis {
    pub datum: Datum,
    pub datum_tekst: String,
    pub soort: &'static str,
    pub tekst: String,
}

/// An open zaak with what can be done in it.
pub struct OpenZaak {
    pub id: String,
    pub soort: String,
    pub status: String,
    pub geopend: String,
    pub medewerker: String,
}

/// A HALT or PV whose outcome is not yet recorded.
pub struct OpenAfhandeling {
    pub id: String,
    pub tekst: String,
    pub uitkomsten: Vec<(String, String)>,
}

pub struct OpenVrijstelling {
    pub id: String,
    pub tekst: String,
    /// "Beslissen uiterlijk …" (Awb art. 4:13, 4:14, 7:10), for the office's own decisions.
    pub termijn: Option<String>,
    /// A request still before its decision: the office may verdagen its term.
    pub verdagen: bool,
    /// The pending bezwaar: when it came, whether in time, the hearing.
    pub bezwaar: Option<String>,
}

/// A decision of the office against which bezwaar can be recorded.
pub struct Besloten {
    pub id: String,
    pub tekst: String,
}

pub struct OpenTraject {
    pub id: String,
    pub tekst: String,
}

/// A stored letter of the dossier, with its link.
pub struct DocumentRegel {
    pub href: String,
    pub datum: String,
    pub soort: String,
    pub aan: String,
    pub kenmerk: String,
    pub vervangt: Option<String>,
}

/// A contact detail as the dossier shows it, with its `tel:` or `mailto:` link.
pub struct ContactRegel {
    pub id: String,
    pub soort: &'static str,
    pub waarde: String,
    pub href: Option<String>,
    /// Since when, until when, and from whom.
    pub herkomst: String,
}

/// The youth or a parent, with the contact details that hold today and those that no longer do.
pub struct ContactPersoon {
    pub naam: String,
    pub geldig: Vec<ContactRegel>,
    pub vervallen: Vec<ContactRegel>,
}

/// A letter the dossier allows now: the link to its form and what it is about.
pub struct NieuweBrief {
    pub href: String,
    pub tekst: String,
}

#[derive(Template)]
#[template(path = "dossier.html")]
struct DossierPagina {
    kop: Kop,
    melding: Option<Melding>,
    id: String,
    naam: String,
    bsn: String,
    geboren: String,
    leeftijd: u32,
    geslacht: String,
    adres: String,
    school: String,
    status: String,
    leerplicht_einde: String,
    /// Lpw art. 4 lid 1: twelve schooljaren completed, when the school reported it.
    twaalf_schooljaren: Option<String>,
    kwalificatieplicht_einde: String,
    rmc: bool,
    vrijstelling: String,
    zaken: Vec<OpenZaak>,
    afhandelingen: Vec<OpenAfhandeling>,
    vrijstellingen: Vec<OpenVrijstelling>,
    besloten: Vec<Besloten>,
    trajecten: Vec<OpenTraject>,
    redenen_sluiting: Vec<(String, String)>,
    resultaten: Vec<(String, String)>,
    tijdlijn: Vec<Gebeurtenis>,
    documenten: Vec<DocumentRegel>,
    nieuwe_brieven: Vec<NieuweBrief>,
    contactpersonen: Vec<ContactPersoon>,
    schrijven: bool,
    /// The BRP is configured: the dossier offers *BRP bijwerken*.
    brp: bool,
    audit: bool,
    vandaag: String,
}

#[derive(serde::Deserialize, Default)]
pub struct Gelukt {
    #[serde(default)]
    gelukt: String,
}

pub async fn pagina(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path(jongere): Path<String>,
    Query(q): Query<Gelukt>,
) -> Response {
    let kop = Kop::voor(&g, "/zoeken");
    let dossier = match Dossier::laad(&state.store, &jongere).await {
        Ok(d) => d,
        Err(leerspoor_casework::Fout::Onbekend { .. }) => return crate::poort::niet_gevonden(&g),
        Err(e) => return pagina::serverfout(&e),
    };
    if let Err(e) = g.log(&state, "inzage dossier", &format!("jongere:{jongere}"), "gelukt", None).await {
        return pagina::serverfout(&e);
    }
    let labels = match Labels::laad(&state.store).await {
        Ok(l) => l,
        Err(e) => return pagina::serverfout(&e),
    };
    let medewerkers: Vec<Medewerker> = match state.store.lees().await {
        Ok(m) => m,
        Err(e) => return pagina::serverfout(&e),
    };
    let gemeenten: Vec<Gemeente> = match state.store.lees().await {
        Ok(g) => g,
        Err(e) => return pagina::serverfout(&e),
    };
    let documenten = match brieven::van_jongere(&state.store, &jongere).await {
        Ok(d) => d,
        Err(e) => return pagina::serverfout(&e),
    };
    let ouders = match ouders(&state, &dossier).await {
        Ok(o) => o,
        Err(e) => return pagina::serverfout(&e),
    };
    let mogelijk = if heeft(g.medewerker.rol, Recht::CasusSchrijven) {
        match brieven::mogelijk(&state.store, &g.medewerker, &dossier, &documenten, state.vandaag()).await {
            Ok(m) => m,
            Err(e) => return pagina::serverfout(&e),
        }
    } else {
        Vec::new()
    };
    let melding = match q.gelukt.as_str() {
        "" => None,
        "melding" => Some(Melding::ok("De melding is geregistreerd.")),
        "actie" => Some(Melding::ok("De actie is vastgelegd.")),
        "uitkomst" => Some(Melding::ok("De afloop is vastgelegd.")),
        "uitkomst_pv" => {
            Some(Melding::ok("De afloop is vastgelegd. HALT negatief: in beginsel volgt een proces-verbaal."))
        }
        "zaak_gesloten" => Some(Melding::ok("De zaak is gesloten.")),
        "toegewezen" => Some(Melding::ok("De zaak is toegewezen.")),
        "vrijstelling" => Some(Melding::ok("De aanvraag is geregistreerd.")),
        "verlof" => Some(Melding::ok("Het verlof van de directeur is vastgelegd.")),
        "besluit" => Some(Melding::ok("Het besluit is vastgelegd.")),
        "bezwaar" => Some(Melding::ok(
            "Het bezwaar is geregistreerd; het besluit blijft gelden tot er op het bezwaar is beslist.",
        )),
        "hoorzitting" => Some(Melding::ok("De hoorzitting is vastgelegd.")),
        "verdaagd" => {
            Some(Melding::ok("De beslistermijn is verdaagd; laat de aanvrager de reden en de nieuwe termijn weten."))
        }
        "traject" => Some(Melding::ok("Het RMC-traject is gestart.")),
        "traject_gesloten" => Some(Melding::ok("Het RMC-traject is afgesloten.")),
        "dagbesteding" => Some(Melding::ok("De dagbesteding is vastgelegd.")),
        "brp" => Some(Melding::ok("De gekozen gegevens uit de BRP zijn overgenomen.")),
        "brief" => Some(Melding::ok("De brief is gemaakt en bij het dossier bewaard (zie Brieven en documenten).")),
        "document" => Some(Melding::ok("Het document is bij het dossier bewaard (zie Brieven en documenten).")),
        "contactgegeven" => Some(Melding::ok("Het contactgegeven is vastgelegd.")),
        "contactgegeven_beeindigd" => Some(Melding::ok("Het contactgegeven is beëindigd; het blijft zichtbaar.")),
        "correctie" => {
            Some(Melding::ok("De correctie is vastgelegd, met uw naam en de reden in de wijzigingshistorie."))
        }
        _ => None,
    };
    let mut p = opbouw(&state, &g, kop, melding, &dossier, (&labels, &medewerkers, &gemeenten));
    brieven_erbij(&mut p, &documenten, &mogelijk);
    p.contactpersonen = contactpersonen(&dossier, &ouders, state.vandaag());
    pagina::toon(&p)
}

fn opbouw(
    state: &AppState,
    g: &Gebruiker,
    kop: Kop,
    melding: Option<Melding>,
    d: &Dossier,
    (labels, medewerkers, gemeenten): (&Labels, &[Medewerker], &[Gemeente]),
) -> DossierPagina {
    let vandaag = state.vandaag();
    let j = &d.jongere;
    let wie = |id: &Option<String>| {
        id.as_ref()
            .map(|id| medewerkers.iter().find(|m| &m.id == id).map(|m| m.naam.clone()).unwrap_or_else(|| id.clone()))
            .unwrap_or_else(|| "niet toegewezen".to_string())
    };
    let status = d.status_op(vandaag.max(j.geboortedatum)).ok();
    let adres = d
        .woonadressen
        .iter()
        .filter(|a| a.begindatum <= vandaag && a.einddatum.is_none_or(|e| vandaag <= e))
        .max_by_key(|a| a.begindatum)
        .map(|a| format!("{} {}, {} {} ({})", a.straat, a.huisnummer, a.postcode, a.woonplaats, a.gemeente))
        .unwrap_or_else(|| "geen adres in de regio".to_string());
    let school = d
        .inschrijving_op(vandaag)
        .map(|i| format!("{} · {}", labels.school(&i.brin, &i.vestiging), i.onderwijssoort.label()))
        .unwrap_or_else(|| "niet ingeschreven".to_string());
    let open_zaken: Vec<&Zaak> = d.zaken.iter().filter(|z| z.status != ZaakStatus::Gesloten).collect();
    let afhandelingen = d
        .acties
        .iter()
        .filter(|a| matches!(a.soort, ActieSoort::Halt | ActieSoort::ProcesVerbaal) && a.uitkomst.is_none())
        .map(|a| OpenAfhandeling {
            id: a.id.clone(),
            tekst: format!("{} van {}", a.soort.label(), pagina::datum(&a.datum)),
            uitkomsten: labels
                .keuzes(CodeLijst::MaatregelUitkomst)
                .into_iter()
                .filter(|(u, _)| leerspoor_domain::rules::mas::uitkomst_past(a.soort, u).is_ok())
                .collect(),
        })
        .collect();
    let vrijstellingen = d
        .vrijstellingen
        .iter()
        .filter(|v| {
            use VrijstellingStatus::*;
            matches!(vrijstelling::stand(v), Aangevraagd | InBehandeling | BezwaarBeroep)
        })
        .map(|v| OpenVrijstelling {
            id: v.id.clone(),
            tekst: format!(
                "{}, aangevraagd op {}",
                vrijstelling::artikelnaam(&v.artikel),
                pagina::datum(&v.aanvraagdatum)
            ),
            termijn: leerspoor_casework::vrijstellingen::beslissen_uiterlijk(v, gemeenten, &d.woonadressen).map(|t| {
                let verdaagd = if v.verdaagd_tot.is_some() { " (verdaagd)" } else { "" };
                let verlopen = if t < vandaag { " — de termijn is verstreken" } else { "" };
                format!("Beslissen uiterlijk {}{verdaagd}{verlopen}", pagina::datum(&t))
            }),
            verdagen: v.bezwaar_op.is_none() && v.beslisser == Beslisser::Leerplichtambtenaar,
            bezwaar: v.bezwaar_op.map(|b| bezwaar_tekst(v, b)),
        })
        .collect();
    let besloten = d
        .vrijstellingen
        .iter()
        .filter(|v| {
            v.beslisser == Beslisser::Leerplichtambtenaar
                && v.bezwaar_op.is_none()
                && matches!(v.status, VrijstellingStatus::Toegekend | VrijstellingStatus::Afgewezen)
        })
        .filter_map(|v| {
            // A late bezwaar is recorded too, but not half a year after the term.
            let besluit = v.besluitdatum.filter(|b| awb::bezwaartermijn(*b) + chrono::Days::new(182) >= vandaag)?;
            Some(Besloten {
                id: v.id.clone(),
                tekst: format!(
                    "{}, {} op {}; bezwaar tot en met {}",
                    vrijstelling::artikelnaam(&v.artikel),
                    v.status.label().to_lowercase(),
                    pagina::datum(&besluit),
                    pagina::datum(&awb::bezwaartermijn(besluit))
                ),
            })
        })
        .collect();
    let trajecten = d
        .rmc_trajecten
        .iter()
        .filter(|t| t.einddatum.is_none())
        .map(|t| OpenTraject {
            id: t.id.clone(),
            tekst: format!("{} sinds {}", t.soort.label(), pagina::datum(&t.begindatum)),
        })
        .collect();
    DossierPagina {
        melding,
        id: j.id.clone(),
        naam: pagina::naam(&j.voornamen, &j.tussenvoegsel, &j.achternaam),
        bsn: j.bsn.as_digits(),
        geboren: pagina::datum(&j.geboortedatum),
        leeftijd: leeftijd_op(j.geboortedatum, vandaag.max(j.geboortedatum)),
        geslacht: j.geslacht.label().to_string(),
        adres,
        school,
        status: status.map(|s| s.status.label().to_string()).unwrap_or_else(|| "onbekend".into()),
        leerplicht_einde: status.map(|s| pagina::datum(&s.leerplicht_einde)).unwrap_or_default(),
        twaalf_schooljaren: j.twaalf_schooljaren_op.as_ref().map(pagina::datum),
        kwalificatieplicht_einde: status
            .map(|s| pagina::datum_of_streep(&s.kwalificatieplicht_einde))
            .unwrap_or_default(),
        rmc: rmc_doelgroep(j.geboortedatum, d.startkwalificatie(), vandaag),
        vrijstelling: d
            .vrijstelling_op(vandaag)
            .map(|v| {
                format!("{} tot {}", vrijstelling::artikelnaam(&v.artikel), pagina::datum_of_streep(&v.geldig_tot))
            })
            .unwrap_or_else(|| "geen".into()),
        zaken: open_zaken
            .iter()
            .map(|z| OpenZaak {
                id: z.id.clone(),
                soort: z.soort.label().to_string(),
                status: z.status.label().to_string(),
                geopend: pagina::datum(&z.geopend_op),
                medewerker: wie(&z.medewerker),
            })
            .collect(),
        afhandelingen,
        vrijstellingen,
        besloten,
        trajecten,
        redenen_sluiting: labels.keuzes(CodeLijst::ZaakRedenSluiting),
        resultaten: labels.keuzes(CodeLijst::RmcResultaat),
        tijdlijn: tijdlijn(d, labels, &wie),
        documenten: Vec::new(),
        nieuwe_brieven: Vec::new(),
        contactpersonen: Vec::new(),
        schrijven: heeft(g.medewerker.rol, Recht::CasusSchrijven),
        brp: state.brp.is_some(),
        audit: heeft(g.medewerker.rol, Recht::AuditLezen),
        vandaag: vandaag.to_string(),
        kop,
    }
}

/// The dossier's letters: in their list, on the timeline, and the ones that can be made now.
fn brieven_erbij(p: &mut DossierPagina, documenten: &[Document], mogelijk: &[brieven::Mogelijk]) {
    let soort = |code: &str| BriefSoort::from_code(code).map_or(code.to_string(), |s| s.label().to_string());
    for d in documenten {
        // A received document: "Ontvangen: artsverklaring van GGD, jeugdarts".
        let (wat, aan) = match &d.ontvangst {
            Some(o) => {
                let label = InkomendSoort::from_code(&d.soort).map_or(d.soort.as_str(), |s| s.label());
                (format!("Ontvangen: {label}"), format!("van {}", o.afzender))
            }
            None => (soort(&d.soort), format!("aan {}", d.ontvanger.label())),
        };
        let tekst = format!("{wat} {aan} ({})", d.id);
        let gebeurtenis = if d.ontvangst.is_some() { "Document" } else { "Brief" };
        p.tijdlijn.push(Gebeurtenis {
            datum: d.datum,
            datum_tekst: pagina::datum(&d.datum),
            soort: gebeurtenis,
            tekst,
        });
        p.documenten.push(DocumentRegel {
            href: format!("/jongeren/{}/documenten/{}", p.id, d.id),
            datum: pagina::datum(&d.datum),
            soort: wat,
            aan,
            kenmerk: d.id.clone(),
            vervangt: d.vervangt.clone(),
        });
    }
    p.tijdlijn.sort_by_key(|g| std::cmp::Reverse(g.datum));
    p.nieuwe_brieven = mogelijk
        .iter()
        .map(|m| NieuweBrief {
            href: super::brief::adres(&p.id, m.soort, &m.onderwerp),
            tekst: format!("{} — bij {}", m.soort.label(), m.omschrijving),
        })
        .collect();
}

/// The parents linked to the youth with how, and any other parent her contact details name (no
/// longer linked).
async fn ouders(
    state: &AppState,
    d: &Dossier,
) -> Result<Vec<(Ouder, Option<OuderRelatie>)>, leerspoor_store::StoreFout> {
    let relaties: Vec<Gezinsrelatie> = state.store.lees_waar("jongere", &d.jongere.id).await?;
    let mut ids: Vec<(&str, Option<OuderRelatie>)> =
        relaties.iter().map(|r| (r.ouder.as_str(), Some(r.relatie))).collect();
    for o in d.contactgegevens.iter().filter_map(|c| c.ouder.as_deref()) {
        if !ids.iter().any(|(id, _)| *id == o) {
            ids.push((o, None));
        }
    }
    let mut ouders = Vec::new();
    for (id, relatie) in ids {
        ouders.extend(state.store.lees_een::<Ouder>(id).await?.map(|o| (o, relatie)));
    }
    Ok(ouders)
}

/// The contact details per person: the youth first, then each parent.
fn contactpersonen(d: &Dossier, ouders: &[(Ouder, Option<OuderRelatie>)], vandaag: Datum) -> Vec<ContactPersoon> {
    let j = &d.jongere;
    let jongere = (None, format!("{} (jongere)", pagina::naam(&j.voornamen, &j.tussenvoegsel, &j.achternaam)));
    let ouders = ouders.iter().map(|(o, relatie)| {
        let wie = relatie.map_or("ouder of verzorger, niet meer gekoppeld", |r| r.label());
        (Some(o.id.as_str()), format!("{} ({wie})", pagina::naam(&o.voornamen, &o.tussenvoegsel, &o.achternaam)))
    });
    std::iter::once(jongere)
        .chain(ouders)
        .map(|(ouder, naam)| {
            let (mut geldig, mut vervallen): (Vec<&Contactgegeven>, Vec<&Contactgegeven>) = d
                .contactgegevens
                .iter()
                .filter(|c| c.ouder.as_deref() == ouder)
                .partition(|c| contact::geldig_op(c, vandaag));
            // Telephone, e-mail, language; what no longer holds, the last to end first.
            geldig.sort_by_key(|c| c.soort);
            vervallen.sort_by_key(|c| std::cmp::Reverse((c.tot, c.vanaf)));
            ContactPersoon {
                naam,
                geldig: geldig.into_iter().map(contactregel).collect(),
                vervallen: vervallen.into_iter().map(contactregel).collect(),
            }
        })
        .collect()
}

fn contactregel(c: &Contactgegeven) -> ContactRegel {
    let (waarde, href) = match c.soort {
        ContactSoort::Telefoon => (c.waarde.clone(), Some(format!("tel:{}", c.waarde))),
        ContactSoort::Email => (c.waarde.clone(), Some(format!("mailto:{}", mailto(&c.waarde)))),
        ContactSoort::Voorkeurstaal => {
            (contact::Taal::from_code(&c.waarde).map_or(c.waarde.clone(), |t| t.label().to_string()), None)
        }
    };
    let periode = match c.tot {
        Some(tot) => format!("{} tot {}", pagina::datum(&c.vanaf), pagina::datum(&tot)),
        None => format!("sinds {}", pagina::datum(&c.vanaf)),
    };
    ContactRegel {
        id: c.id.clone(),
        soort: c.soort.label(),
        waarde,
        href,
        herkomst: format!("{periode}, van {}", c.bron),
    }
}

/// An address as a `mailto:` target (RFC 6068): every byte but the plain ones percent-encoded, so
/// that a `?` or `&` an address may hold does not start a header.
fn mailto(adres: &str) -> String {
    adres
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'@' | b'.' | b'-' | b'_' | b'~' | b'+' => {
                (b as char).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// Everything dated in the dossier, newest first.
fn tijdlijn(d: &Dossier, labels: &Labels, wie: &dyn Fn(&Option<String>) -> String) -> Vec<Gebeurtenis> {
    let mut t = Vec::new();
    let mut voeg = |datum: Datum, soort: &'static str, tekst: String| {
        t.push(Gebeurtenis { datum, datum_tekst: pagina::datum(&datum), soort, tekst });
    };
    for a in &d.woonadressen {
        voeg(
            a.begindatum,
            "Adres",
            format!("Woont in {} ({}), {} {}", a.woonplaats, a.gemeente, a.straat, a.huisnummer),
        );
        if let (Some(e), Some(v)) = (a.einddatum, a.vertrek) {
            voeg(e, "Adres", v.label().to_string());
        }
    }
    for i in &d.inschrijvingen {
        let school = labels.school(&i.brin, &i.vestiging);
        voeg(i.begindatum, "Inschrijving", format!("Ingeschreven bij {school} ({})", i.onderwijssoort.label()));
        if let Some(e) = i.einddatum {
            voeg(e, "Uitschrijving", format!("Uitgeschreven bij {school}"));
        }
    }
    for dip in &d.diplomas {
        voeg(dip.datum, "Diploma", dip.soort.label().to_string());
    }
    for m in &d.meldingen {
        let mut tekst = format!(
            "{}{}",
            labels.code(CodeLijst::Verzuimsoort, &m.soort),
            m.uren.map(|u| format!(", {u} uur")).unwrap_or_default()
        );
        if let Some(b) = &m.brin {
            tekst.push_str(&format!(" · gemeld door {}", labels.school(b, m.vestiging.as_deref().unwrap_or(""))));
        }
        if m.vervolg_op.is_some() {
            tekst.push_str(" · herhaalde melding van hetzelfde verzuim");
        }
        voeg(m.meldingsdatum, "Verzuimmelding", tekst);
    }
    for z in &d.zaken {
        voeg(z.geopend_op, "Zaak", format!("Zaak {} geopend ({})", z.soort.label().to_lowercase(), wie(&z.medewerker)));
        if let Some(s) = z.gesloten_op {
            let reden =
                z.reden_sluiting.as_deref().map(|r| labels.code(CodeLijst::ZaakRedenSluiting, r)).unwrap_or_default();
            voeg(s, "Zaak", format!("Zaak gesloten: {reden}"));
        }
    }
    for a in &d.acties {
        let mut tekst = a.soort.label().to_string();
        if !a.toelichting.is_empty() {
            tekst.push_str(&format!(": {}", a.toelichting));
        }
        tekst.push_str(&format!(" ({})", wie(&a.medewerker)));
        voeg(a.datum, "Actie", tekst);
        if let (Some(u), Some(ud)) = (&a.uitkomst, a.uitkomst_datum) {
            voeg(ud, "Afloop", format!("{}: {}", a.soort.label(), labels.code(CodeLijst::MaatregelUitkomst, u)));
        }
    }
    for v in &d.vrijstellingen {
        voeg(v.aanvraagdatum, "Vrijstelling", format!("Aanvraag {}", vrijstelling::artikelnaam(&v.artikel)));
        if let Some(b) = v.besluitdatum {
            voeg(b, "Vrijstelling", format!("{}: {}", v.status.label(), vrijstelling::artikelnaam(&v.artikel)));
        }
    }
    for p in &d.thuiszitperioden {
        voeg(p.begindatum, "Thuiszitter", format!("Thuiszitter ({})", p.soort.label().to_lowercase()));
        if let Some(a) = p.aanbod_datum {
            voeg(a, "Thuiszitter", "Passend aanbod gedaan".to_string());
        }
        if let (Some(e), Some(r)) = (p.einddatum, p.reden_einde) {
            voeg(e, "Thuiszitter", format!("Niet meer thuis: {}", r.label().to_lowercase()));
        }
    }
    for v in &d.vsv_meldingen {
        voeg(v.uitvaldatum, "VSV", format!("Voortijdig schoolverlater ({})", v.bron.label()));
    }
    for r in &d.rmc_trajecten {
        voeg(r.begindatum, "RMC-traject", format!("{} gestart ({})", r.soort.label(), wie(&r.medewerker)));
        if let Some(e) = r.einddatum {
            let res = r.resultaat.as_deref().map(|c| labels.code(CodeLijst::RmcResultaat, c)).unwrap_or_default();
            voeg(e, "RMC-traject", format!("{} afgesloten: {res}", r.soort.label()));
        }
    }
    for b in &d.dagbestedingen {
        let mut tekst = labels.code(CodeLijst::Dagbesteding, &b.soort);
        if !b.toelichting.is_empty() {
            tekst.push_str(&format!(": {}", b.toelichting));
        }
        voeg(b.datum, "Dagbesteding", format!("{tekst} ({})", wie(&b.medewerker)));
    }
    t.sort_by_key(|g| std::cmp::Reverse(g.datum));
    t
}

/// The pending bezwaar as the caseworker needs it: received when, in time or not (Awb art. 6:7,
/// 6:11), and the hearing (art. 7:2).
fn bezwaar_tekst(v: &Vrijstelling, ontvangen: Datum) -> String {
    let tijdig = match v.besluitdatum {
        Some(b) if !awb::bezwaar_tijdig(b, ontvangen) => format!(
            ", na de bezwaartermijn (tot en met {}): niet-ontvankelijk tenzij verschoonbaar (Awb art. 6:11)",
            pagina::datum(&awb::bezwaartermijn(b))
        ),
        _ => ", binnen de bezwaartermijn".to_string(),
    };
    let gehoord = v.hoorzitting_op.map(|h| format!("; hoorzitting op {}", pagina::datum(&h))).unwrap_or_default();
    format!("Bezwaar ontvangen op {}{tijdig}{gehoord}", pagina::datum(&ontvangen))
}
