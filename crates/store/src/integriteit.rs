//! `leerspoor controle integriteit` (issue 20): after a crash, a restore or a bulk change, does the
//! register hold together? Every check is a read that lists what is wrong (by id, never by name);
//! none changes anything. Each transaction of Leerspoor is whole or absent, so a crash may lose
//! the work of the moment, never leave half of it: these checks find the half if it were there.
use crate::rij::{Type, Waarde};
use crate::{Result, Store};

/// One check: what it looks for, and for which backends (PostgreSQL enforces foreign keys itself).
struct Controle {
    wat: &'static str,
    sql: &'static str,
    alleen_sqlite: bool,
}

/// The periods of one table whose end lies before their start.
macro_rules! einde_voor_begin {
    ($tabel:literal, $begin:literal, $einde:literal) => {
        Controle {
            wat: concat!($tabel, ": einde vóór begin"),
            sql: concat!("SELECT id FROM ", $tabel, " WHERE ", $einde, " < ", $begin, " ORDER BY id"),
            alleen_sqlite: false,
        }
    };
}

const CONTROLES: &[Controle] = &[
    Controle {
        wat: "verwijzing naar een record dat niet bestaat",
        sql: "SELECT \"table\" || ' rij ' || rowid || ' -> ' || parent FROM pragma_foreign_key_check ORDER BY 1",
        alleen_sqlite: true,
    },
    Controle {
        wat: "woonadressen van één jongere die elkaar overlappen",
        sql: "SELECT a.id || ' en ' || b.id FROM woonadres a JOIN woonadres b ON a.jongere = b.jongere AND a.id < b.id \
              AND (b.einddatum IS NULL OR a.begindatum <= b.einddatum) \
              AND (a.einddatum IS NULL OR b.begindatum <= a.einddatum) ORDER BY 1",
        alleen_sqlite: false,
    },
    einde_voor_begin!("woonadres", "begindatum", "einddatum"),
    einde_voor_begin!("inschrijving", "begindatum", "einddatum"),
    einde_voor_begin!("thuiszitperiode", "begindatum", "einddatum"),
    einde_voor_begin!("rmc_traject", "begindatum", "einddatum"),
    einde_voor_begin!("vrijstelling", "geldig_van", "geldig_tot"),
    einde_voor_begin!("verzuimmelding", "verzuim_van", "verzuim_tot"),
    einde_voor_begin!("zaak", "geopend_op", "gesloten_op"),
    Controle {
        wat: "open zaak over verzuim zonder melding",
        sql: "SELECT z.id FROM zaak z WHERE z.status <> 'gesloten' \
              AND z.soort IN ('relatief_verzuim', 'absoluut_verzuim') \
              AND NOT EXISTS (SELECT 1 FROM verzuimmelding m WHERE m.zaak = z.id) ORDER BY 1",
        alleen_sqlite: false,
    },
    Controle {
        wat: "zaak gesloten zonder datum, of open met een sluitdatum",
        sql: "SELECT id FROM zaak WHERE (status = 'gesloten') <> (gesloten_op IS NOT NULL) ORDER BY id",
        alleen_sqlite: false,
    },
    Controle {
        wat: "actie bij de zaak van een andere jongere",
        sql: "SELECT a.id FROM actie a JOIN zaak z ON z.id = a.zaak WHERE a.jongere <> z.jongere ORDER BY 1",
        alleen_sqlite: false,
    },
    Controle {
        wat: "melding bij de zaak van een andere jongere",
        sql: "SELECT m.id FROM verzuimmelding m JOIN zaak z ON z.id = m.zaak WHERE m.jongere <> z.jongere ORDER BY 1",
        alleen_sqlite: false,
    },
    Controle {
        wat: "thuiszitperiode bij de zaak van een andere jongere",
        sql: "SELECT t.id FROM thuiszitperiode t JOIN zaak z ON z.id = t.zaak WHERE t.jongere <> z.jongere ORDER BY 1",
        alleen_sqlite: false,
    },
];

/// What one check found: the ids or pairs, the first [`VOORBEELDEN`] of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Bevinding {
    pub wat: &'static str,
    pub aantal: usize,
    pub voorbeelden: Vec<String>,
}

/// The ids a finding names at most.
pub const VOORBEELDEN: usize = 10;

/// Runs every check; the findings of those that found something.
pub async fn controleer(store: &Store) -> Result<Vec<Bevinding>> {
    let mut bevindingen = Vec::new();
    for c in CONTROLES {
        if c.alleen_sqlite && matches!(store, Store::Postgres(_)) {
            continue;
        }
        let rijen = store.vraag(c.sql, &[], &[Type::Tekst]).await?;
        if rijen.is_empty() {
            continue;
        }
        let voorbeelden = rijen
            .iter()
            .take(VOORBEELDEN)
            .map(|r| match &r[0] {
                Waarde::Tekst(Some(t)) => t.clone(),
                w => w.als_tekst(),
            })
            .collect();
        bevindingen.push(Bevinding { wat: c.wat, aantal: rijen.len(), voorbeelden });
    }
    Ok(bevindingen)
}

/// Rows per table of the register (every table the migrations made), for the report.
pub async fn tellingen(store: &Store) -> Result<Vec<(String, i64)>> {
    let sql = match store {
        Store::Sqlite(..) => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name <> '_sqlx_migrations' ORDER BY name"
        }
        Store::Postgres(_) => {
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' \
             AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations' ORDER BY 1"
        }
    };
    let mut uit = Vec::new();
    for rij in store.vraag(sql, &[], &[Type::Tekst]).await? {
        let naam = rij[0].als_tekst();
        let n = store.aantal(&naam).await?;
        uit.push((naam, n));
    }
    Ok(uit)
}
