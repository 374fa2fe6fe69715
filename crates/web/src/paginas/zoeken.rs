//! Finding a youth by BSN, name or date of birth. The search is sent by POST, so that a BSN never
//! stands in a URL (browser history, proxy logs, the Referer). A gemeente viewer finds only the
//! youths who live in its gemeente, limited in the query itself. Every search is in the access
//! log, and so is every youth it shows (on `jongere:ID`, for the dossier's audit page).
use crate::AppState;
use crate::pagina::{self, Kop, Melding};
use crate::poort::Gebruiker;
use askama::Template;
use axum::Extension;
use axum::extract::{Form, State};
use axum::response::Response;
use leerspoor_domain::model::Rol;
use leerspoor_domain::rules::leeftijd_op;
use leerspoor_domain::{Bsn, Datum};
use leerspoor_store::rij::{self, Type, Velden, Waarde};

/// More hits than this: the user is asked to search more precisely.
const MAX_TREFFERS: usize = 50;

#[derive(serde::Deserialize, Default)]
pub struct Vraag {
    #[serde(default)]
    q: String,
}

pub struct Treffer {
    pub id: String,
    pub naam: String,
    pub bsn: String,
    pub geboren: String,
    pub leeftijd: u32,
    pub gemeentenaam: String,
}

#[derive(Template)]
#[template(path = "zoeken.html")]
struct Zoeken {
    kop: Kop,
    q: String,
    treffers: Vec<Treffer>,
    melding: Option<Melding>,
    gezocht: bool,
}

/// What the search box holds: a BSN, a date of birth, or (part of) a name.
#[derive(Debug, Clone, PartialEq)]
enum Zoekterm {
    Bsn(Bsn),
    Geboortedatum(Datum),
    Naam(String),
}

fn lees_zoekterm(q: &str) -> Result<Zoekterm, String> {
    let q = q.trim();
    if !q.is_empty() && q.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '.') {
        let cijfers: String = q.chars().filter(char::is_ascii_digit).collect();
        return Bsn::parse(&cijfers).map(Zoekterm::Bsn).map_err(|e| format!("Zoeken op BSN: {e}"));
    }
    if q.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '/') {
        return ["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"]
            .iter()
            .find_map(|f| Datum::parse_from_str(q, f).ok())
            .map(Zoekterm::Geboortedatum)
            .ok_or_else(|| format!("'{q}' is geen bestaande datum; schrijf een geboortedatum als dd-mm-jjjj"));
    }
    if q.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return Err("Geef een BSN, een geboortedatum (dd-mm-jjjj) of ten minste twee letters van de naam.".into());
    }
    Ok(Zoekterm::Naam(q.to_lowercase()))
}

/// The empty search form.
pub async fn pagina(Extension(g): Extension<Gebruiker>) -> Response {
    pagina::toon(&Zoeken {
        kop: Kop::voor(&g, "/zoeken"),
        q: String::new(),
        treffers: vec![],
        melding: None,
        gezocht: false,
    })
}

/// The results of a search.
pub async fn zoeken(
    State(state): State<AppState>,
    Extension(g): Extension<Gebruiker>,
    Form(v): Form<Vraag>,
) -> Response {
    let kop = Kop::voor(&g, "/zoeken");
    if v.q.trim().is_empty() {
        return pagina::toon(&Zoeken { kop, q: String::new(), treffers: vec![], melding: None, gezocht: false });
    }
    let q: String = v.q.chars().take(MAX_ZOEKTERM).collect();
    let term = match lees_zoekterm(&q) {
        Ok(t) => t,
        Err(e) => {
            return pagina::toon(&Zoeken { kop, q, treffers: vec![], melding: Some(Melding::fout(e)), gezocht: false });
        }
    };
    // A gemeente viewer searches its own gemeente only (none at all without one).
    let gemeente = match (g.medewerker.rol, &g.medewerker.gemeente) {
        (Rol::Gemeente, Some(c)) => Some(c.as_str()),
        (Rol::Gemeente, None) => Some(""),
        _ => None,
    };
    let mut treffers = match zoek(&state, &term, gemeente).await {
        Ok(t) => t,
        Err(e) => return pagina::serverfout(&e),
    };
    let melding = (treffers.len() > MAX_TREFFERS).then(|| {
        Melding::fout(format!(
            "Meer dan {MAX_TREFFERS} jongeren gevonden; de eerste {MAX_TREFFERS} staan hieronder. Zoek preciezer."
        ))
    });
    treffers.truncate(MAX_TREFFERS);
    let getoond: Vec<String> = treffers.iter().map(|t| format!("jongere:{}", t.id)).collect();
    let gelogd = async {
        g.log(&state, "zoeken", "jongeren", "gelukt", Some(q.trim())).await?;
        state.store.log_reeks(&g.herkomst, g.id(), "zoekresultaat", &getoond, Some(q.trim())).await
    };
    if let Err(e) = gelogd.await {
        return pagina::serverfout(&e);
    }
    pagina::toon(&Zoeken { kop, q, treffers, melding, gezocht: true })
}

/// A search term longer than any name, BSN or date is cut off.
const MAX_ZOEKTERM: usize = 100;

/// The search query with its condition: today's address and gemeente beside each youth, and for a
/// gemeente viewer only the youths living in its gemeente today (`$3`; NULL for the region).
macro_rules! zoekvraag {
    ($waar:literal) => {
        concat!(
            "SELECT j.id, j.bsn, j.voornamen, j.tussenvoegsel, j.achternaam, j.geboortedatum, w.gemeente, g.naam \
             FROM jongere j \
             LEFT JOIN woonadres w ON w.jongere = j.id AND w.begindatum <= $1 AND (w.einddatum IS NULL OR w.einddatum >= $1) \
             LEFT JOIN gemeente g ON g.code = w.gemeente WHERE ",
            $waar,
            " AND ($3 IS NULL OR w.gemeente = $3) ORDER BY j.achternaam, j.voornamen LIMIT 51"
        )
    };
}

async fn zoek(
    state: &AppState,
    term: &Zoekterm,
    gemeente: Option<&str>,
) -> Result<Vec<Treffer>, leerspoor_store::StoreFout> {
    let vandaag = state.vandaag();
    let typen = [Type::Tekst, Type::Tekst, Type::Tekst, Type::Tekst, Type::Tekst, Type::Datum, Type::Tekst];
    let (sql, bind): (&'static str, Waarde) = match term {
        Zoekterm::Bsn(b) => (zoekvraag!("j.bsn = $2"), rij::tekst(&b.as_digits())),
        Zoekterm::Geboortedatum(d) => (zoekvraag!("j.geboortedatum = $2"), rij::datum(*d)),
        Zoekterm::Naam(n) => (
            zoekvraag!("LOWER(j.voornamen || ' ' || COALESCE(j.tussenvoegsel, '') || ' ' || j.achternaam) LIKE $2"),
            rij::tekst(&format!("%{}%", n.split_whitespace().collect::<Vec<_>>().join("%"))),
        ),
    };
    let binds = [rij::datum(vandaag), bind, Waarde::Tekst(gemeente.map(str::to_string))];
    let rijen = state.store.vraag(sql, &binds, &typen).await?;
    Ok(rijen
        .into_iter()
        .map(|w| {
            let mut v = Velden::new(w);
            let (id, bsn) = (v.tekst(), v.tekst());
            let naam = pagina::naam(&v.tekst(), &v.tekst(), &v.tekst());
            let geboren = v.datum();
            Treffer {
                id,
                naam,
                bsn,
                geboren: pagina::datum(&geboren),
                leeftijd: leeftijd_op(geboren, vandaag.max(geboren)),
                gemeentenaam: v.tekst(),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_box_tells_a_bsn_a_date_of_birth_and_a_name_apart() {
        assert!(matches!(lees_zoekterm("1112.22.333"), Ok(Zoekterm::Bsn(_))));
        assert!(lees_zoekterm("123456789").unwrap_err().contains("elfproef"));
        assert_eq!(lees_zoekterm("29-02-2008"), Ok(Zoekterm::Geboortedatum("2008-02-29".parse().unwrap())));
        assert!(lees_zoekterm("29-02-2009").unwrap_err().contains("geen bestaande datum"), "geen schrikkeljaar");
        assert_eq!(lees_zoekterm("2008-08-01"), Ok(Zoekterm::Geboortedatum("2008-08-01".parse().unwrap())));
        assert_eq!(lees_zoekterm("  Van der Berg "), Ok(Zoekterm::Naam("van der berg".into())));
        assert!(lees_zoekterm("a").is_err());
    }
}
