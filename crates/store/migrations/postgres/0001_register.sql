-- The register: organisation, youths, enrolments and the office's casework.
-- Keys are the office's stable external keys (text), so a bundle re-imports without duplicates.
-- Code-list columns (verzuimsoort, status, reden, artikel, resultaat) are checked by the application
-- against table codelijst on the record's date; they change with the law.

CREATE TABLE regio (
    code TEXT PRIMARY KEY,
    naam TEXT NOT NULL
);

CREATE TABLE subregio (
    code TEXT PRIMARY KEY,
    naam TEXT NOT NULL
);

CREATE TABLE gemeente (
    code TEXT PRIMARY KEY,
    naam TEXT NOT NULL,
    subregio TEXT NOT NULL REFERENCES subregio (code),
    leerplicht_lokaal BOOLEAN NOT NULL
);

CREATE TABLE school (
    brin TEXT NOT NULL,
    vestiging TEXT NOT NULL,
    naam TEXT NOT NULL,
    plaats TEXT NOT NULL,
    gemeente TEXT REFERENCES gemeente (code),
    PRIMARY KEY (brin, vestiging)
);

CREATE TABLE medewerker (
    id TEXT PRIMARY KEY,
    naam TEXT NOT NULL,
    email TEXT NOT NULL,
    rol TEXT NOT NULL,
    boa BOOLEAN NOT NULL,
    fte DOUBLE PRECISION NOT NULL,
    gemeente TEXT REFERENCES gemeente (code),
    in_dienst DATE NOT NULL,
    uit_dienst DATE
);

CREATE TABLE codelijst (
    lijst TEXT NOT NULL,
    code TEXT NOT NULL,
    omschrijving TEXT NOT NULL,
    geldig_van DATE NOT NULL,
    geldig_tot DATE,
    PRIMARY KEY (lijst, code)
);

CREATE TABLE jongere (
    id TEXT PRIMARY KEY,
    bsn TEXT NOT NULL UNIQUE,
    voornamen TEXT NOT NULL,
    tussenvoegsel TEXT,
    achternaam TEXT NOT NULL,
    geboortedatum DATE NOT NULL,
    geslacht TEXT NOT NULL,
    overlijdensdatum DATE
);

CREATE TABLE woonadres (
    id TEXT PRIMARY KEY,
    jongere TEXT NOT NULL REFERENCES jongere (id),
    gemeente TEXT NOT NULL REFERENCES gemeente (code),
    straat TEXT,
    huisnummer TEXT,
    postcode TEXT,
    woonplaats TEXT,
    begindatum DATE NOT NULL,
    einddatum DATE,
    vertrek TEXT
);
CREATE INDEX woonadres_jongere ON woonadres (jongere);

CREATE TABLE ouder (
    id TEXT PRIMARY KEY,
    bsn TEXT,
    voornamen TEXT NOT NULL,
    tussenvoegsel TEXT,
    achternaam TEXT NOT NULL,
    telefoon TEXT,
    email TEXT
);

CREATE TABLE gezinsrelatie (
    jongere TEXT NOT NULL REFERENCES jongere (id),
    ouder TEXT NOT NULL REFERENCES ouder (id),
    relatie TEXT NOT NULL,
    gezag BOOLEAN NOT NULL,
    PRIMARY KEY (jongere, ouder)
);

CREATE TABLE inschrijving (
    id TEXT PRIMARY KEY,
    jongere TEXT NOT NULL REFERENCES jongere (id),
    brin TEXT NOT NULL,
    vestiging TEXT NOT NULL,
    onderwijssoort TEXT NOT NULL,
    niveau TEXT,
    vso_profiel TEXT,
    begindatum DATE NOT NULL,
    einddatum DATE,
    FOREIGN KEY (brin, vestiging) REFERENCES school (brin, vestiging)
);
CREATE INDEX inschrijving_jongere ON inschrijving (jongere);

CREATE TABLE diploma (
    id TEXT PRIMARY KEY,
    jongere TEXT NOT NULL REFERENCES jongere (id),
    soort TEXT NOT NULL,
    datum DATE NOT NULL,
    brin TEXT
);
CREATE INDEX diploma_jongere ON diploma (jongere);

CREATE TABLE zaak (
    id TEXT PRIMARY KEY,
    jongere TEXT NOT NULL REFERENCES jongere (id),
    soort TEXT NOT NULL,
    medewerker TEXT REFERENCES medewerker (id),
    geopend_op DATE NOT NULL,
    status TEXT NOT NULL,
    gesloten_op DATE,
    reden_sluiting TEXT
);
CREATE INDEX zaak_jongere ON zaak (jongere);

CREATE TABLE verzuimmelding (
    id TEXT PRIMARY KEY,
    jongere TEXT NOT NULL REFERENCES jongere (id),
    brin TEXT,
    vestiging TEXT,
    soort TEXT NOT NULL,
    meldingsdatum DATE NOT NULL,
    verzuim_van DATE NOT NULL,
    verzuim_tot DATE,
    uren BIGINT,
    reden TEXT,
    status TEXT NOT NULL,
    reden_afsluiting TEXT,
    zaak TEXT REFERENCES zaak (id),
    preventief BOOLEAN NOT NULL,
    FOREIGN KEY (brin, vestiging) REFERENCES school (brin, vestiging)
);
CREATE INDEX verzuimmelding_jongere ON verzuimmelding (jongere);
CREATE INDEX verzuimmelding_datum ON verzuimmelding (meldingsdatum);

CREATE TABLE actie (
    id TEXT PRIMARY KEY,
    jongere TEXT NOT NULL REFERENCES jongere (id),
    zaak TEXT REFERENCES zaak (id),
    soort TEXT NOT NULL,
    datum DATE NOT NULL,
    medewerker TEXT REFERENCES medewerker (id),
    pv_tegen TEXT,
    ouder TEXT REFERENCES ouder (id),
    overmacht TEXT,
    uitkomst TEXT,
    uitkomst_datum DATE,
    toelichting TEXT
);
CREATE INDEX actie_zaak ON actie (zaak);

CREATE TABLE vrijstelling (
    id TEXT PRIMARY KEY,
    jongere TEXT NOT NULL REFERENCES jongere (id),
    artikel TEXT NOT NULL,
    status TEXT NOT NULL,
    aanvraagdatum DATE NOT NULL,
    besluitdatum DATE,
    geldig_van DATE,
    geldig_tot DATE,
    beslisser TEXT NOT NULL,
    medewerker TEXT REFERENCES medewerker (id),
    artsverklaring_datum DATE,
    swv_advies_datum DATE,
    dagen BIGINT,
    toelichting TEXT
);
CREATE INDEX vrijstelling_jongere ON vrijstelling (jongere);

CREATE TABLE thuiszitperiode (
    id TEXT PRIMARY KEY,
    jongere TEXT NOT NULL REFERENCES jongere (id),
    zaak TEXT REFERENCES zaak (id),
    soort TEXT NOT NULL,
    begindatum DATE NOT NULL,
    einddatum DATE,
    reden_einde TEXT,
    aanbod_datum DATE
);

CREATE TABLE vsv_melding (
    id TEXT PRIMARY KEY,
    jongere TEXT NOT NULL REFERENCES jongere (id),
    uitvaldatum DATE NOT NULL,
    bron TEXT NOT NULL,
    onderwijssoort TEXT NOT NULL,
    niveau TEXT,
    brin TEXT
);

CREATE TABLE rmc_traject (
    id TEXT PRIMARY KEY,
    jongere TEXT NOT NULL REFERENCES jongere (id),
    soort TEXT NOT NULL,
    medewerker TEXT REFERENCES medewerker (id),
    aangemeld_op DATE NOT NULL,
    begindatum DATE NOT NULL,
    einddatum DATE,
    resultaat TEXT
);
CREATE INDEX rmc_traject_jongere ON rmc_traject (jongere);

-- Audit trail (DESIGN.md: two tables). The change log keeps old and new values per field; the
-- access log keeps views, searches, exports, imports, sign-ins and refusals (NORA audit fields).
CREATE TABLE wijzigingslog (
    id BIGSERIAL PRIMARY KEY,
    tijdstip TIMESTAMPTZ NOT NULL,
    gebruiker TEXT NOT NULL,
    tabel TEXT NOT NULL,
    sleutel TEXT NOT NULL,
    handeling TEXT NOT NULL,
    veld TEXT,
    oud TEXT,
    nieuw TEXT,
    bron TEXT NOT NULL
);
CREATE INDEX wijzigingslog_object ON wijzigingslog (tabel, sleutel);

CREATE TABLE toegangslog (
    id BIGSERIAL PRIMARY KEY,
    tijdstip TIMESTAMPTZ NOT NULL,
    gebruiker TEXT NOT NULL,
    handeling TEXT NOT NULL,
    object TEXT NOT NULL,
    resultaat TEXT NOT NULL,
    reden TEXT
);

-- Long work is a job row: one per import, with its counters.
CREATE TABLE importrun (
    id BIGSERIAL PRIMARY KEY,
    gestart TIMESTAMPTZ NOT NULL,
    bundel TEXT NOT NULL,
    gebruiker TEXT NOT NULL,
    nieuw BIGINT NOT NULL,
    gewijzigd BIGINT NOT NULL,
    ongewijzigd BIGINT NOT NULL
);
