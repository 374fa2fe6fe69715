//! Example deliveries for the demo region, as DUO would send them to the office
//! (docs/koppelingen.md): made from the generated region, so that they fit it.
use leerspoor_domain::Datum;
use leerspoor_domain::bsn::elfproef;
use leerspoor_domain::model::{Dataset, Gemeentecode, Jongere};
use leerspoor_domain::onderwijs::Onderwijssoort;
use leerspoor_domain::rules::leeftijd_op;
use std::collections::{HashMap, HashSet};

/// The day of the example verzuimmeldingen: a Monday of the last schooljaar with casework.
pub const VERZUIMDAG: (i32, u32, u32) = (2021, 3, 15);

/// The headings, in the wording of the shipped koppeltabel `duo-verzuim.toml`.
const KOP: &str = "Meldingnummer;BSN/Onderwijsnummer;BRIN;Leslocatie;Datum melding;Begindatum verzuim;\
                   Einddatum verzuim;Vermoedelijke soort verzuim;Vermoedelijke reden;Alle lessen gemist;\
                   Door school ondernomen actie;Actie gemeente gewenst;Naam melder;Functie melder;Status;\
                   Achternaam;Voornamen;Geboortedatum;Geslacht;Woongemeente";

const SOORTEN: [&str; 5] = [
    "16 uur in 4 opeenvolgende lesweken",
    "Signaalverzuim",
    "Luxe verzuim",
    "Beginnend verzuim",
    "Verzuim van 1 maand of langer",
];

/// A day of verzuimmeldingen from DUO (`;`, `dd-mm-jjjj`, as a Dutch spreadsheet saves it): a
/// dozen pupils living where the region does leerplicht, one of them withdrawn by the school the
/// same day; a pupil the register does not know yet; one who lives outside the region; and a
/// student of 24, outside the office's care (ter kennisgeving).
pub fn duo_verzuimmeldingen(ds: &Dataset) -> String {
    let (j, m, d) = VERZUIMDAG;
    let dag = Datum::from_ymd_opt(j, m, d).expect("geldige datum");
    let begin = dag - chrono::Days::new(14);
    let datum = |d: Datum| d.format("%d-%m-%Y").to_string();
    let regionaal: Vec<&Gemeentecode> = ds.gemeenten.iter().filter(|g| !g.leerplicht_lokaal).map(|g| &g.code).collect();
    // Who lives where the region does leerplicht during the absence.
    let woont_in_regio: HashSet<&str> = ds
        .woonadressen
        .iter()
        .filter(|a| regionaal.contains(&&a.gemeente) && a.begindatum <= begin && a.einddatum.is_none_or(|e| dag <= e))
        .map(|a| a.jongere.as_str())
        .collect();
    let jongeren: HashMap<&str, &Jongere> = ds.jongeren.iter().map(|j| (j.id.as_str(), j)).collect();
    // Pupils of 6 to 17 (a four-year-old is not leerplichtig yet) of primary, secondary and mbo
    // schools on the day, in a fixed order.
    let mut leerlingen: Vec<_> = ds
        .inschrijvingen
        .iter()
        .filter(|i| i.begindatum <= begin && i.einddatum.is_none_or(|e| dag <= e))
        .filter(|i| matches!(i.onderwijssoort, Onderwijssoort::Bao | Onderwijssoort::Vo | Onderwijssoort::Mbo))
        .filter(|i| woont_in_regio.contains(i.jongere.as_str()))
        .filter(|i| {
            jongeren.get(i.jongere.as_str()).is_some_and(|j| (6..18).contains(&leeftijd_op(j.geboortedatum, begin)))
        })
        .collect();
    leerlingen.sort_by(|a, b| a.id.cmp(&b.id));
    let stap = (leerlingen.len() / 12).max(1);
    let mut regels = vec![KOP.to_string()];
    let nummer = |n: usize| format!("DUO-{}-{n:03}", dag.format("%Y%m%d"));
    for (n, i) in leerlingen.iter().step_by(stap).take(12).enumerate() {
        let jongere = jongeren[i.jongere.as_str()];
        let soort = SOORTEN[n % SOORTEN.len()];
        let einde = if soort == "Luxe verzuim" { datum(begin + chrono::Days::new(4)) } else { String::new() };
        let status = if n == 3 { "Ingetrokken" } else { "Geregistreerd" };
        regels.push(format!(
            "{};{};{};{};{};{};{einde};{soort};;J;Gesprek met ouders;J;Mentor;Mentor;{status};;;;;",
            nummer(n + 1),
            jongere.bsn.as_digits(),
            i.brin,
            i.vestiging,
            datum(dag),
            datum(begin),
        ));
    }
    // Pupils DUO knows and the register does not: BSNs after the region's last one.
    let mut bsn = ds.jongeren.iter().map(|j| j.bsn.as_digits().parse::<u32>().expect("cijfers")).max().unwrap_or(0);
    let mut volgend_bsn = || {
        bsn = (bsn + 1..).find(|n| elfproef(*n)).expect("een volgend BSN");
        format!("{bsn:09}")
    };
    let school = leerlingen.first().map(|i| (i.brin.clone(), i.vestiging.clone())).unwrap_or_default();
    let in_regio = regionaal.first().map(|g| (*g).clone());
    let buiten = Gemeentecode::parse("GM9950").expect("gemeentecode");
    for (n, (achternaam, voornaam, geboren, gemeente)) in [
        ("Zeewind", "Mila", "17-05-2008", in_regio.clone()),
        ("Klifstra", "Ties", "02-11-2007", Some(buiten)),
        ("Duinhof", "Kees", "12-01-1997", in_regio),
    ]
    .into_iter()
    .enumerate()
    {
        let gemeente = gemeente.map(|g| g.as_str().to_string()).unwrap_or_default();
        regels.push(format!(
            "{};{};{};{};{};{};;{};;J;Gesprek met leerling;J;Mentor;Mentor;Geregistreerd;{achternaam};{voornaam};{geboren};O;{gemeente}",
            nummer(101 + n),
            volgend_bsn(),
            school.0,
            school.1,
            datum(dag),
            datum(begin),
            SOORTEN[0],
        ));
    }
    regels.join("\r\n") + "\r\n"
}
