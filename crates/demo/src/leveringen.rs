//! Example deliveries for the demo region, as DUO would send them to the office
//! (docs/koppelingen.md): made from the generated region, so that they fit it.
use leerspoor_domain::Datum;
use leerspoor_domain::bsn::elfproef;
use leerspoor_domain::code_enum::CodeEnum;
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
    let mut volgend_bsn = nieuwe_bsns(ds);
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

/// BSNs after the region's last one, for people DUO knows and the register does not.
fn nieuwe_bsns(ds: &Dataset) -> impl FnMut() -> String {
    let mut bsn = ds.jongeren.iter().map(|j| j.bsn.as_digits().parse::<u32>().expect("cijfers")).max().unwrap_or(0);
    move || {
        bsn = (bsn + 1..).find(|n| elfproef(*n)).expect("een volgend BSN");
        format!("{bsn:09}")
    }
}

/// The week of the example P-levering: the week of [`VERZUIMDAG`].
pub const P_WEEK: (i32, u32) = (2021, 11);

/// The headings, in the wording of the shipped koppeltabel `duo-p.toml`.
const P_KOP: &str = "Periode;Mutatie;Mutatiedatum;BSN;Achternaam;Voornamen;Geboortedatum;Woongemeente;Straat;\
                     Huisnummer;Postcode;Woonplaats;Inschrijvingsnummer;BRIN;Vestiging;Onderwijssoort;Niveau;\
                     Inschrijvingsdatum;Resultaatnummer;Diploma;Diplomadatum";

/// A week of DUO's P-levering with `aantal` mutations, each about another youth: moves within the
/// region, new enrolments and results, four-year-olds new to the register, and a
/// startkwalificatie now and then. `aantal` large (10.000) for the benchmark.
pub fn duo_p_week(ds: &Dataset, aantal: usize) -> String {
    let (jaar, week) = P_WEEK;
    let maandag = Datum::from_isoywd_opt(jaar, week, chrono::Weekday::Mon).expect("geldige week");
    let datum = |n: usize| (maandag + chrono::Days::new((n % 5) as u64)).format("%d-%m-%Y").to_string();
    let periode = format!("{jaar}-{week:02}");
    let regionaal: HashSet<&Gemeentecode> = ds.gemeenten.iter().map(|g| &g.code).collect();
    let gemeente = ds.gemeenten.first().map(|g| g.code.as_str().to_string()).unwrap_or_default();
    // Each youth once: a second mutation the same week would move or enrol them twice.
    let mut gebruikt: HashSet<&str> = HashSet::new();
    let mut adressen = ds
        .woonadressen
        .iter()
        .filter(|a| a.einddatum.is_none() && a.begindatum < maandag && regionaal.contains(&a.gemeente));
    let mut inschrijvingen = ds.inschrijvingen.iter().filter(|i| i.einddatum.is_none() && i.begindatum < maandag);
    let jongeren: HashMap<&str, &Jongere> = ds.jongeren.iter().map(|j| (j.id.as_str(), j)).collect();
    let bsn = |id: &str| jongeren[id].bsn.as_digits();
    let mut volgend_bsn = nieuwe_bsns(ds);
    // A row from (heading, value) pairs; the other cells empty.
    let koppen: Vec<&str> = P_KOP.split(';').collect();
    let rij = |velden: &[(&str, String)]| {
        let cellen: Vec<&str> =
            koppen.iter().map(|k| velden.iter().find(|(kop, _)| kop == k).map_or("", |(_, w)| w.as_str())).collect();
        cellen.join(";")
    };
    let mut regels = vec![P_KOP.to_string()];
    for n in 0..aantal {
        let mut vrij = |id: &str| gebruikt.insert(jongeren.get_key_value(id).map(|(k, _)| *k).expect("jongere"));
        let basis = |mutatie: &str, bsn: String| {
            vec![
                ("Periode", periode.clone()),
                ("Mutatie", mutatie.to_string()),
                ("Mutatiedatum", datum(n)),
                ("BSN", bsn),
            ]
        };
        let velden = match n % 5 {
            0 => adressen.find(|a| vrij(&a.jongere)).map(|a| {
                let mut v = basis("Verhuisd binnen de gemeente", bsn(&a.jongere));
                v.extend([
                    ("Woongemeente", a.gemeente.to_string()),
                    ("Straat", "Duinpad".to_string()),
                    ("Huisnummer", (n % 200 + 1).to_string()),
                    ("Postcode", format!("{}ZZ", a.postcode.get(..4).unwrap_or("9999"))),
                    ("Woonplaats", a.woonplaats.clone()),
                ]);
                v
            }),
            1 => inschrijvingen.find(|i| vrij(&i.jongere)).map(|i| {
                let mut v = basis("Inschrijving toegevoegd", bsn(&i.jongere));
                v.extend([
                    ("Inschrijvingsnummer", (900_000 + n).to_string()),
                    ("BRIN", i.brin.clone()),
                    ("Vestiging", i.vestiging.clone()),
                    ("Onderwijssoort", i.onderwijssoort.code().to_string()),
                    ("Niveau", i.niveau.map(|v| v.code()).unwrap_or_default().to_string()),
                    ("Inschrijvingsdatum", datum(n)),
                ]);
                v
            }),
            // A diploma for a pupil of secondary school.
            2 => inschrijvingen.find(|i| i.onderwijssoort == Onderwijssoort::Vo && vrij(&i.jongere)).map(|i| {
                let mut v = basis("Resultaat toegevoegd", bsn(&i.jongere));
                v.extend([
                    ("Resultaatnummer", (800_000 + n).to_string()),
                    ("Diploma", "vmbo_gt".to_string()),
                    ("Diplomadatum", datum(n)),
                ]);
                v
            }),
            3 => {
                let geboren = Datum::from_ymd_opt(jaar - 4, 3, 15 + (n % 5) as u32).expect("geldige datum");
                let mut v = basis("4 jaar geworden", volgend_bsn());
                v.extend([
                    ("Achternaam", "Zeewind".to_string()),
                    ("Voornamen", "Noor".to_string()),
                    ("Geboortedatum", geboren.format("%d-%m-%Y").to_string()),
                    ("Woongemeente", gemeente.clone()),
                    ("Straat", "Duinpad".to_string()),
                    ("Huisnummer", (n % 200 + 1).to_string()),
                    ("Postcode", "9999ZZ".to_string()),
                    ("Woonplaats", "Duinkust".to_string()),
                ]);
                Some(v)
            }
            _ => inschrijvingen.find(|i| vrij(&i.jongere)).map(|i| basis("Startkwalificatie behaald", bsn(&i.jongere))),
        };
        match velden {
            Some(v) => regels.push(rij(&v)),
            None => break,
        }
    }
    regels.join("\r\n") + "\r\n"
}

/// The peildatum of the example C-levering: 1 October of the schooljaar with casework.
pub const C_PEILDATUM: (i32, u32, u32) = (2020, 10, 1);

/// DUO's C-levering on `peildatum`: one row per enrolment of every youth of 4 to 22 who lives in
/// the region, as the register has it, with differences an office meets: one enrolment in 97 is
/// missing at DUO, another one in 97 is at another vestiging, and DUO knows five youths the
/// register does not.
pub fn duo_c_levering(ds: &Dataset, peildatum: Datum) -> String {
    let op = |van: Datum, tot: Option<Datum>| van <= peildatum && tot.is_none_or(|t| t >= peildatum);
    let regionaal: HashSet<&Gemeentecode> = ds.gemeenten.iter().map(|g| &g.code).collect();
    let woont: HashSet<&str> = ds
        .woonadressen
        .iter()
        .filter(|a| op(a.begindatum, a.einddatum) && regionaal.contains(&a.gemeente))
        .map(|a| a.jongere.as_str())
        .collect();
    let jongeren: HashMap<&str, &Jongere> = ds
        .jongeren
        .iter()
        .filter(|j| (4..=22).contains(&leeftijd_op(j.geboortedatum, peildatum)) && woont.contains(j.id.as_str()))
        .map(|j| (j.id.as_str(), j))
        .collect();
    let datum = peildatum.format("%d-%m-%Y").to_string();
    let mut regels = vec!["Peildatum;BSN;BRIN;Vestiging;Vrijstelling".to_string()];
    let mut inschrijvingen: Vec<_> = ds.inschrijvingen.iter().filter(|i| op(i.begindatum, i.einddatum)).collect();
    inschrijvingen.sort_by(|a, b| (&a.jongere, &a.id).cmp(&(&b.jongere, &b.id)));
    for (n, i) in inschrijvingen.iter().enumerate() {
        let Some(j) = jongeren.get(i.jongere.as_str()) else { continue };
        match n % 97 {
            0 => continue,
            44 => regels.push(format!("{datum};{};{};99;N", j.bsn.as_digits(), i.brin)),
            _ => regels.push(format!("{datum};{};{};{};N", j.bsn.as_digits(), i.brin, i.vestiging)),
        }
    }
    let mut volgend_bsn = nieuwe_bsns(ds);
    for i in inschrijvingen.iter().take(5) {
        regels.push(format!("{datum};{};{};{};N", volgend_bsn(), i.brin, i.vestiging));
    }
    regels.join("\r\n") + "\r\n"
}

/// The day of the example RIO export.
pub const RIO_DATUM: (i32, u32, u32) = (2021, 8, 2);

/// A RIO export of the region's schools on [`RIO_DATUM`] as an office downloads it: the register's
/// schools with what RIO adds (the onderwijssoort most of their pupils follow, in RIO's words where
/// it has its own, a fictional address and opening date), the first renamed, the second closed on
/// 31 July 2021, and one new vestiging.
pub fn rio_export(ds: &Dataset) -> String {
    let mut soorten: HashMap<(&str, &str), HashMap<Onderwijssoort, usize>> = HashMap::new();
    for i in &ds.inschrijvingen {
        *soorten.entry((&i.brin, &i.vestiging)).or_default().entry(i.onderwijssoort).or_default() += 1;
    }
    let soort = |brin: &str, vestiging: &str| {
        let meest = soorten.get(&(brin, vestiging)).and_then(|t| t.iter().max_by_key(|(s, n)| (**n, s.code())));
        match meest.map(|(s, _)| *s) {
            Some(Onderwijssoort::Bao) => "PO".to_string(),
            Some(s) => s.code().to_uppercase(),
            None => String::new(),
        }
    };
    let mut regels = vec![
        "BRIN;Vestigingsnummer;Vestigingsnaam;Plaatsnaam;Gemeentecode;Onderwijssoort;Straatnaam;Huisnummer;Postcode;\
         Datum in bedrijf;Einddatum"
            .to_string(),
    ];
    for (n, s) in ds.scholen.iter().enumerate() {
        let gemeente = s.gemeente.as_ref().map_or("", |g| g.as_str());
        let naam = if n == 0 { format!("{} (nieuwe naam)", s.naam) } else { s.naam.clone() };
        let einde = if n == 1 { "31-07-2021" } else { "" };
        let adres = format!("Schoolstraat;{};{} SC;01-08-{}", n + 1, 9000 + n % 1000, 1970 + n % 40);
        let soort = soort(&s.brin, &s.vestiging);
        regels.push(format!("{};{};{naam};{};{gemeente};{soort};{adres};{einde}", s.brin, s.vestiging, s.plaats));
    }
    if let Some(s) = ds.scholen.first() {
        let gemeente = s.gemeente.as_ref().map_or("", |g| g.as_str());
        let soort = soort(&s.brin, &s.vestiging);
        regels.push(format!(
            "{};98;{} nevenvestiging;{};{gemeente};{soort};Schoolpad;2;9998 SC;02-08-2021;",
            s.brin, s.naam, s.plaats
        ));
    }
    regels.join("\r\n") + "\r\n"
}
