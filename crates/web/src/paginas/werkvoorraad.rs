//! The caseworker's home page: what needs doing today, nearest deadline first.
use crate::AppState;
use crate::pagina::{self, Kop, Melding};
use crate::poort::Gebruiker;
use crate::rechten::{Recht, heeft, startpagina};
use askama::Template;
use axum::Extension;
use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{ZaakSoort, ZaakStatus};
use leerspoor_domain::rules::{thuiszitten, zaak::volgende_termijn};
use leerspoor_domain::{Datum, SchoolJaar};
use leerspoor_store::StoreFout;
use leerspoor_store::rij::{self, Type, Velden};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// How many rows a tile shows; the count above it says how many there are.
const PER_TEGEL: usize = 10;

#[derive(Clone)]
pub struct Regel {
    pub jongere: String,
    pub naam: String,
    pub wat: String,
    /// For sorting; `datum_tekst` for reading.
    pub datum: Option<Datum>,
    pub datum_tekst: String,
    /// The deadline has passed.
    pub te_laat: bool,
    pub zaak: Option<String>,
}

pub struct Tegel {
    pub titel: &'static str,
    pub leeg: &'static str,
    pub totaal: usize,
    pub regels: Vec<Regel>,
    /// Rows get a button to take the zaak on.
    pub toewijzen: bool,
}

#[derive(Template)]
#[template(path = "werkvoorraad.html")]
struct Werkvoorraad {
    kop: Kop,
    vandaag: String,
    tegels: Vec<Tegel>,
    /// For the teamleider: grants of access to personal records in the last 14 days.
    toekenningen: i64,
}

pub async fn pagina(State(state): State<AppState>, Extension(g): Extension<Gebruiker>) -> Response {
    if !heeft(g.medewerker.rol, Recht::Werkvoorraad) {
        return Redirect::to(startpagina(g.medewerker.rol)).into_response();
    }
    let toekenningen = async {
        if !heeft(g.medewerker.rol, Recht::AccountsLezen) {
            return Ok(0);
        }
        state.store.toekenningen_sinds(chrono::Utc::now() - chrono::Duration::days(14)).await
    };
    match (tegels(&state, &g).await, toekenningen.await) {
        (Ok(tegels), Ok(toekenningen)) => pagina::toon(&Werkvoorraad {
            kop: Kop::voor(&g, "/"),
            vandaag: pagina::datum(&state.vandaag()),
            tegels,
            toekenningen,
        }),
        (Err(e), _) | (_, Err(e)) => pagina::serverfout(&e),
    }
}

async fn tegels(state: &AppState, g: &Gebruiker) -> Result<Vec<Tegel>, StoreFout> {
    let vandaag = state.vandaag();
    let b = state.werkvoorraad.bronnen(state, vandaag).await?;
    let zaken = |welke: &dyn Fn(&OpenZaak) -> bool| -> Vec<Regel> {
        b.zaken.iter().filter(|z| welke(z)).map(|z| z.regel(vandaag)).collect()
    };
    let mijn = zaken(&|z| z.medewerker.as_deref() == Some(g.id()));
    let nieuw = zaken(&|z| z.medewerker.is_none());
    let absoluut = zaken(&|z| z.soort == ZaakSoort::AbsoluutVerzuim);
    Ok(vec![
        tegel("Mijn open zaken", "U hebt geen open zaken.", &mijn, false),
        tegel("Nieuwe meldingen, nog niet toegewezen", "Alle zaken zijn toegewezen.", &nieuw, true),
        tegel("Thuiszitters zonder passend aanbod", "Geen thuiszitters zonder aanbod.", &b.thuiszitters, false),
        tegel(
            "Vrijstellingen te verlengen (60 dagen)",
            "Geen vrijstellingen die binnenkort aflopen.",
            &b.te_verlengen,
            false,
        ),
        tegel(
            "Aanvragen: beslissen uiterlijk (Awb)",
            "Geen aanvragen die op een besluit wachten.",
            &b.beslistermijnen,
            false,
        ),
        tegel("Absoluut verzuim", "Geen open zaken van absoluut verzuim.", &absoluut, false),
        tegel(
            "RMC: jongeren te benaderen",
            "Alle voortijdig schoolverlaters van dit schooljaar hebben een traject.",
            &b.rmc,
            false,
        ),
    ])
}

fn tegel(titel: &'static str, leeg: &'static str, regels: &[Regel], toewijzen: bool) -> Tegel {
    let totaal = regels.len();
    let mut gesorteerd: Vec<&Regel> = regels.iter().collect();
    gesorteerd.sort_by(|a, b| (!a.te_laat, &a.datum).cmp(&(!b.te_laat, &b.datum)));
    let regels = gesorteerd.into_iter().take(PER_TEGEL).cloned().collect();
    Tegel { titel, leeg, totaal, regels, toewijzen }
}

/// What the werkvoorraad lists for the whole region: the same for every caseworker, and read
/// from several tables. Every caseworker opens it many times a day, so it is kept until the
/// register changes: any form sent through the app ([`Bewaarde::verouderd`], called by the
/// door after each POST), a new day, or [`VERS`] (for changes made outside the app, such as an
/// import or a `leerspoor controle` run from the command line).
struct Bronnen {
    zaken: Vec<OpenZaak>,
    thuiszitters: Vec<Regel>,
    te_verlengen: Vec<Regel>,
    beslistermijnen: Vec<Regel>,
    rmc: Vec<Regel>,
}

/// How long the werkvoorraad may show changes made outside the app late.
const VERS: std::time::Duration = std::time::Duration::from_secs(60);

struct Bewaard {
    versie: u64,
    vandaag: Datum,
    gemaakt: std::time::Instant,
    bronnen: Arc<Bronnen>,
}

/// The werkvoorraad lists kept, and the number of changes made through the app.
#[derive(Default)]
pub struct Bewaarde {
    versie: AtomicU64,
    bewaard: Mutex<Option<Bewaard>>,
}

impl std::fmt::Debug for Bewaarde {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Bewaarde(versie {})", self.versie.load(Ordering::Relaxed))
    }
}

impl Bewaarde {
    /// Something may have changed: the next visit reads the lists anew.
    pub fn verouderd(&self) {
        self.versie.fetch_add(1, Ordering::AcqRel);
    }

    async fn bronnen(&self, state: &AppState, vandaag: Datum) -> Result<Arc<Bronnen>, StoreFout> {
        // The version is taken before reading: a change committed while reading makes the result
        // old at once.
        let versie = self.versie.load(Ordering::Acquire);
        if let Some(b) = self.bewaard.lock().expect("werkvoorraad").as_ref()
            && b.versie == versie
            && b.vandaag == vandaag
            && b.gemaakt.elapsed() < VERS
        {
            return Ok(b.bronnen.clone());
        }
        let bronnen = Arc::new(Bronnen {
            zaken: open_zaken(state, vandaag).await?,
            thuiszitters: thuiszitters(state, vandaag).await?,
            te_verlengen: te_verlengen(state, vandaag).await?,
            beslistermijnen: beslistermijnen(state, vandaag).await?,
            rmc: rmc(state, vandaag).await?,
        });
        let bewaard = Bewaard { versie, vandaag, gemaakt: std::time::Instant::now(), bronnen: bronnen.clone() };
        *self.bewaard.lock().expect("werkvoorraad") = Some(bewaard);
        Ok(bronnen)
    }
}

struct OpenZaak {
    id: String,
    jongere: String,
    naam: String,
    soort: ZaakSoort,
    status: ZaakStatus,
    medewerker: Option<String>,
    geopend_op: Datum,
    laatste_actie: Option<Datum>,
}

impl OpenZaak {
    fn regel(&self, vandaag: Datum) -> Regel {
        let zaak = leerspoor_domain::model::Zaak {
            id: self.id.clone(),
            jongere: self.jongere.clone(),
            soort: self.soort,
            medewerker: self.medewerker.clone(),
            geopend_op: self.geopend_op,
            status: self.status,
            gesloten_op: None,
            reden_sluiting: None,
        };
        let termijn = volgende_termijn(&zaak, self.laatste_actie);
        Regel {
            jongere: self.jongere.clone(),
            naam: self.naam.clone(),
            wat: format!(
                "{} · {}{}",
                self.soort.label(),
                self.status.label(),
                termijn.map(|t| format!(" · {}", t.wat)).unwrap_or_default()
            ),
            datum: termijn.map(|t| t.datum),
            datum_tekst: pagina::datum_of_streep(&termijn.map(|t| t.datum)),
            te_laat: termijn.is_some_and(|t| t.datum < vandaag),
            zaak: Some(self.id.clone()),
        }
    }
}

async fn open_zaken(state: &AppState, vandaag: Datum) -> Result<Vec<OpenZaak>, StoreFout> {
    let rijen = state
        .store
        .vraag(
            "SELECT z.id, z.jongere, z.soort, z.status, z.medewerker, z.geopend_op, \
             j.voornamen, j.tussenvoegsel, j.achternaam, \
             (SELECT MAX(a.datum) FROM actie a WHERE a.zaak = z.id) \
             FROM zaak z JOIN jongere j ON j.id = z.jongere \
             WHERE z.status <> 'gesloten' AND z.geopend_op <= $1",
            &[rij::datum(vandaag)],
            &[
                Type::Tekst,
                Type::Tekst,
                Type::Tekst,
                Type::Tekst,
                Type::Tekst,
                Type::Datum,
                Type::Tekst,
                Type::Tekst,
                Type::Tekst,
                Type::Datum,
            ],
        )
        .await?;
    Ok(rijen
        .into_iter()
        .filter_map(|w| {
            let mut v = Velden::new(w);
            Some(OpenZaak {
                id: v.tekst(),
                jongere: v.tekst(),
                soort: v.opt_code()?,
                status: v.opt_code()?,
                medewerker: v.opt_tekst(),
                geopend_op: v.datum(),
                naam: pagina::naam(&v.tekst(), &v.tekst(), &v.tekst()),
                laatste_actie: v.opt_datum(),
            })
        })
        .collect())
}

async fn thuiszitters(state: &AppState, vandaag: Datum) -> Result<Vec<Regel>, StoreFout> {
    let rijen = state
        .store
        .vraag(
            "SELECT t.jongere, t.zaak, t.begindatum, j.voornamen, j.tussenvoegsel, j.achternaam \
             FROM thuiszitperiode t JOIN jongere j ON j.id = t.jongere \
             WHERE t.begindatum <= $1 AND (t.einddatum IS NULL OR t.einddatum >= $1) AND t.aanbod_datum IS NULL",
            &[rij::datum(vandaag)],
            &[Type::Tekst, Type::Tekst, Type::Datum, Type::Tekst, Type::Tekst, Type::Tekst],
        )
        .await?;
    Ok(rijen
        .into_iter()
        .map(|w| {
            let mut v = Velden::new(w);
            let (jongere, zaak, begin) = (v.tekst(), v.opt_tekst(), v.datum());
            let uiterlijk = thuiszitten::aanbod_uiterlijk(begin);
            Regel {
                jongere,
                naam: pagina::naam(&v.tekst(), &v.tekst(), &v.tekst()),
                wat: format!("thuis sinds {}; aanbod uiterlijk", pagina::datum(&begin)),
                datum: Some(uiterlijk),
                datum_tekst: pagina::datum(&uiterlijk),
                te_laat: uiterlijk < vandaag,
                zaak,
            }
        })
        .collect())
}

async fn te_verlengen(state: &AppState, vandaag: Datum) -> Result<Vec<Regel>, StoreFout> {
    let lijst = match leerspoor_casework::vrijstellingen::te_verlengen(&state.store, vandaag, 60).await {
        Ok(l) => l,
        Err(leerspoor_casework::Fout::Store(e)) => return Err(e),
        Err(e) => return Err(StoreFout::Inhoud { tabel: "vrijstelling", melding: e.to_string() }),
    };
    let mut uit = Vec::new();
    for (v, j) in lijst {
        let naam = pagina::naam(&j.voornamen, &j.tussenvoegsel, &j.achternaam);
        let tot = v.geldig_tot.unwrap_or(vandaag);
        uit.push(Regel {
            jongere: v.jongere.clone(),
            naam,
            wat: format!("{} · geldig tot", leerspoor_domain::rules::vrijstelling::artikelnaam(&v.artikel)),
            datum: Some(tot),
            datum_tekst: pagina::datum(&tot),
            te_laat: false,
            zaak: None,
        });
    }
    Ok(uit)
}

/// Requests the office decides on, by their beslistermijn (Awb art. 4:13, 4:14); a lapsed one is
/// late.
async fn beslistermijnen(state: &AppState, vandaag: Datum) -> Result<Vec<Regel>, StoreFout> {
    let lijst = match leerspoor_casework::vrijstellingen::beslistermijnen(&state.store).await {
        Ok(l) => l,
        Err(leerspoor_casework::Fout::Store(e)) => return Err(e),
        Err(e) => return Err(StoreFout::Inhoud { tabel: "vrijstelling", melding: e.to_string() }),
    };
    Ok(lijst
        .into_iter()
        .map(|(v, j, termijn)| Regel {
            jongere: v.jongere.clone(),
            naam: pagina::naam(&j.voornamen, &j.tussenvoegsel, &j.achternaam),
            wat: format!(
                "{} · {}beslissen uiterlijk",
                leerspoor_domain::rules::vrijstelling::artikelnaam(&v.artikel),
                match (v.bezwaar_op, v.verdaagd_tot) {
                    (Some(_), _) => "bezwaar, ",
                    (None, Some(_)) => "verdaagd, ",
                    (None, None) => "",
                }
            ),
            datum: Some(termijn),
            datum_tekst: pagina::datum(&termijn),
            te_laat: termijn < vandaag,
            zaak: None,
        })
        .collect())
}

/// Voortijdig schoolverlaters of this schooljaar without an RMC-traject since they left.
async fn rmc(state: &AppState, vandaag: Datum) -> Result<Vec<Regel>, StoreFout> {
    let jaar = SchoolJaar::van(vandaag);
    let rijen = state
        .store
        .vraag(
            "SELECT v.jongere, v.uitvaldatum, j.voornamen, j.tussenvoegsel, j.achternaam \
             FROM vsv_melding v JOIN jongere j ON j.id = v.jongere \
             WHERE v.uitvaldatum >= $1 AND v.uitvaldatum <= $2 \
             AND NOT EXISTS (SELECT 1 FROM rmc_traject t WHERE t.jongere = v.jongere AND t.begindatum >= v.uitvaldatum)",
            &[rij::datum(jaar.eerste_dag()), rij::datum(vandaag)],
            &[Type::Tekst, Type::Datum, Type::Tekst, Type::Tekst, Type::Tekst],
        )
        .await?;
    Ok(rijen
        .into_iter()
        .map(|w| {
            let mut v = Velden::new(w);
            let (jongere, uitval) = (v.tekst(), v.datum());
            Regel {
                jongere,
                naam: pagina::naam(&v.tekst(), &v.tekst(), &v.tekst()),
                wat: "van school zonder startkwalificatie".to_string(),
                datum: Some(uitval),
                datum_tekst: pagina::datum(&uitval),
                te_laat: false,
                zaak: None,
            }
        })
        .collect())
}

#[derive(serde::Deserialize)]
pub struct Toewijzing {
    /// The caseworker to assign to; empty: the one signed in.
    #[serde(default)]
    aan: String,
}

/// Assigns a zaak (a caseworker takes it on, a teamleider distributes).
pub async fn toewijzen(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Path((jongere, zaak)): Path<(String, String)>,
    Form(f): Form<Toewijzing>,
) -> Response {
    let aan = if f.aan.trim().is_empty() {
        g.medewerker.clone()
    } else {
        match leerspoor_casework::medewerker(&state.store, f.aan.trim()).await {
            Ok(m) => m,
            Err(e) => return pagina::met_kop(422, &Kop::voor(&g, "/"), "Toewijzen", Melding::fout(e.to_string())),
        }
    };
    match leerspoor_casework::zaak::toewijzen(&state.store, &g.medewerker, &zaak, &aan).await {
        Ok(_) => Redirect::to(&format!("/jongeren/{jongere}?gelukt=toegewezen")).into_response(),
        // A colleague assigned or closed it meanwhile: nothing written, and the user told why.
        Err(e @ leerspoor_casework::Fout::Store(leerspoor_store::StoreFout::Gelijktijdig { .. })) => {
            pagina::met_kop(409, &Kop::voor(&g, "/"), "Toewijzen", Melding::fout(e.to_string()))
        }
        Err(leerspoor_casework::Fout::Store(e)) => pagina::serverfout(&e),
        Err(e) => pagina::met_kop(422, &Kop::voor(&g, "/"), "Toewijzen", Melding::fout(e.to_string())),
    }
}
