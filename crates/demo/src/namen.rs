//! Small fixed lists from which the obviously fictional names are combined.
//!
//! First names are ordinary Dutch names; surnames are invented compounds of coastal words
//! ("Kokkelkamp", "Zeekraalstra") that no real family carries, so no record points at a real person.

pub(crate) const JONGENS: &[&str] = &[
    "Daan", "Sem", "Lucas", "Levi", "Finn", "Milan", "Bram", "Luuk", "Noah", "Jesse", "Thijs", "Ruben", "Tim", "Lars",
    "Max", "Sven", "Stijn", "Thomas", "Jayden", "Mees", "Julian", "Tijn", "Gijs", "Joep", "Siem", "Olivier", "Hugo",
    "Floris", "Teun", "Jens", "Koen", "Niels", "Wouter", "Rick", "Mohammed", "Yusuf", "Adam", "Ilias", "Ayoub", "Mats",
    "Owen", "Dex", "Boaz", "Vince", "Kevin", "Dylan", "Jasper", "Pepijn", "Hidde", "Ties",
];

pub(crate) const MEISJES: &[&str] = &[
    "Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva", "Liv", "Lotte", "Anna", "Noor",
    "Evi", "Saar", "Lisa", "Fenna", "Fleur", "Isa", "Lieke", "Sanne", "Femke", "Iris", "Roos", "Esmee", "Merel",
    "Anouk", "Floor", "Maud", "Jasmijn", "Lana", "Nina", "Amira", "Yasmin", "Fatima", "Hanna", "Elin", "Vera", "Lynn",
    "Demi", "Britt", "Kim", "Romy", "Lina", "Ilse", "Puck", "Bo", "Jade", "Mirthe",
];

pub(crate) const MANNEN: &[&str] = &[
    "Peter", "Mark", "Dennis", "Erik", "Jeroen", "Martijn", "Bas", "Sander", "Paul", "Rob", "Hans", "Frank", "Marco",
    "Richard", "Vincent", "Arjen", "Michiel", "Remco", "Joost", "Ahmed", "Mustafa", "Hakan", "Wim", "Gerard", "Edwin",
    "Patrick", "Ronald", "Maarten", "Jan", "Kees",
];

pub(crate) const VROUWEN: &[&str] = &[
    "Linda", "Sandra", "Marieke", "Esther", "Monique", "Anja", "Ingrid", "Petra", "Wendy", "Karin", "Saskia", "Ellen",
    "Nicole", "Miranda", "Judith", "Marloes", "Annemiek", "Bianca", "Chantal", "Naima", "Samira", "Ayse", "Ilona",
    "Yvonne", "Mirjam", "Kirsten", "Hanneke", "Jolanda", "Brenda", "Karlijn",
];

const ACHTERNAAM_VOOR: &[&str] = &[
    "Schelp",
    "Kokkel",
    "Zeekraal",
    "Helmgras",
    "Meeuwen",
    "Wier",
    "Kwelder",
    "Pluim",
    "Zilt",
    "Duinroos",
    "Strandgaper",
    "Vloed",
    "Branding",
    "Zeester",
    "Jutter",
    "Kustwacht",
    "Golfslag",
    "Zandloper",
    "Lamsoor",
    "Wulk",
    "Keileem",
    "Duindoorn",
    "Stormvogel",
    "Ebbe",
];

const ACHTERNAAM_NA: &[&str] =
    &["stra", "kamp", "hoven", "man", "horst", "werf", "sma", "veld", "ink", "beek", "hout", "rade", "boer", "winkel"];

pub(crate) const AANTAL_ACHTERNAMEN: usize = ACHTERNAAM_VOOR.len() * ACHTERNAAM_NA.len();

/// Surname number `i` (`i < AANTAL_ACHTERNAMEN`).
pub(crate) fn achternaam(i: u16) -> String {
    let i = usize::from(i) % AANTAL_ACHTERNAMEN;
    let voor = ACHTERNAAM_VOOR[i / ACHTERNAAM_NA.len()];
    let na = ACHTERNAAM_NA[i % ACHTERNAAM_NA.len()];
    let mut s = String::with_capacity(voor.len() + na.len());
    s.push_str(voor);
    s.push_str(na);
    s
}

/// (tussenvoegsel, weight).
pub(crate) const TUSSENVOEGSELS: &[(&str, f64)] = &[
    ("", 62.0),
    ("van", 10.0),
    ("de", 10.0),
    ("van der", 5.0),
    ("van den", 4.0),
    ("van de", 5.0),
    ("ter", 2.0),
    ("in 't", 2.0),
];

pub(crate) const STRATEN: &[&str] = &[
    "Zeereep",
    "Helmgrasweg",
    "Schelpenpad",
    "Duinroosstraat",
    "Meeuwenlaan",
    "Kokkelkade",
    "Strandloperstraat",
    "Brandingweg",
    "Vuurtorenweg",
    "Jutterspad",
    "Wierlaan",
    "Kwelderstraat",
    "Zilthof",
    "Lamsoorplein",
    "Ebbeweg",
    "Vloedlijn",
    "Golfbrekerstraat",
    "Zeesterlaan",
    "Kustwachtweg",
    "Stormvogelstraat",
    "Duindoornlaan",
    "Zandloperpad",
    "Keileemweg",
    "Wulkstraat",
    "Pluimgraslaan",
    "Schuimkoppad",
    "Zeepaardjesweg",
    "Reddingsbootstraat",
    "Lichtbaken",
    "Getijdenlaan",
    "Wadpierstraat",
    "Zeekraalhof",
    "Strandwalweg",
    "Duinpieperlaan",
    "Kustlijnstraat",
    "Baakweg",
    "Schorrenpad",
    "Slufterlaan",
    "Strandhoekstraat",
    "Zilvermeeuwplein",
];

pub(crate) const BAO_VOORVOEGSEL: &[(&str, f64)] = &[
    ("Basisschool", 40.0),
    ("OBS", 20.0),
    ("CBS", 15.0),
    ("RKBS", 10.0),
    ("Montessorischool", 6.0),
    ("Daltonschool", 5.0),
    ("Jenaplanschool", 4.0),
];

pub(crate) const SCHOOLNAMEN: &[&str] = &[
    "De Zeester",
    "Het Duinpad",
    "De Schelp",
    "De Vuurtoren",
    "Het Kompas",
    "De Branding",
    "De Meeuw",
    "Het Helmgras",
    "De Jutter",
    "De Strandloper",
    "Het Anker",
    "De Golfslag",
    "De Windroos",
    "Het Zeepaardje",
    "De Kokkel",
    "De Duinroos",
    "Het Lichtbaken",
    "De Zandloper",
    "De Kustlijn",
    "Het Getij",
    "De Vloedlijn",
    "De Wadpier",
    "De Zeearend",
    "De Reddingsboot",
    "De Duinpieper",
    "Het Baken",
    "De Golfbreker",
    "De Wierde",
    "Het Strandhuis",
    "De Kwelder",
    "De Zilvermeeuw",
    "De Schuimkop",
    "De Lamsoor",
    "De Slufter",
    "De Schorre",
    "De Zeekraal",
];

pub(crate) const VO_NAMEN: &[&str] = &[
    "Duinkust College",
    "Kustlyceum",
    "Helmgras Scholengemeenschap",
    "Strandwal College",
    "Het Baken Lyceum",
    "Vuurtoren Mavo",
    "Golfslag Gymnasium",
    "Brandingcollege",
    "Zeereep Lyceum",
    "Lichtbaken College",
    "Getijden Scholengemeenschap",
    "Kwelder College",
];

/// Parts of the medewerkers' names, kept apart from the youths' lists only for variety.
pub(crate) const MEDEWERKER_VOORNAMEN: &[&str] = &[
    "Anneke",
    "Bart",
    "Carola",
    "Dirk",
    "Els",
    "Frits",
    "Greetje",
    "Henk",
    "Inge",
    "Jurgen",
    "Klaartje",
    "Leon",
    "Margriet",
    "Nico",
    "Oda",
    "Pim",
    "Quirine",
    "Reinout",
    "Stella",
    "Tjeerd",
    "Ursula",
    "Victor",
    "Willemijn",
    "Xander",
    "Yvette",
    "Zeger",
];
