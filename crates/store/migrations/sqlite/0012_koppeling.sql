-- Koppelingen (docs/koppelingen.md): what came in from DUO and other sources, and what it became.

-- Every delivery offered, applied or refused: when, by whom, what it held and what it did. A
-- refused delivery changes nothing else; its errors are kept with row and column.
CREATE TABLE levering (
    id TEXT PRIMARY KEY,
    bron TEXT NOT NULL,
    bestand TEXT NOT NULL,
    -- SHA-256 of the file: the same delivery offered again changes nothing.
    inhoud TEXT NOT NULL,
    ontvangen TEXT NOT NULL,
    door TEXT NOT NULL,
    uitkomst TEXT NOT NULL,
    rijen BIGINT NOT NULL,
    toegepast BIGINT NOT NULL,
    samenvatting TEXT NOT NULL,
    -- The period a source numbers its deliveries by (DUO's P-levering: jjjj-ww), to apply them in order.
    periode TEXT
);
CREATE INDEX levering_inhoud ON levering (inhoud);

CREATE TABLE levering_fout (
    levering TEXT NOT NULL REFERENCES levering (id),
    volgnummer BIGINT NOT NULL,
    rij BIGINT,
    kolom TEXT,
    melding TEXT NOT NULL,
    PRIMARY KEY (levering, volgnummer)
);

-- A verzuimmelding as DUO delivered it, by DUO's own number: a melding delivered again is
-- recognised, one withdrawn by the school is withdrawn here. What DUO carries beyond the
-- register's verzuimmelding (the school's action, the melder) is kept with it. A melding not taken
-- into casework (outside the office's care, or for a youth living elsewhere) has no melding.
CREATE TABLE duo_melding (
    meldingnummer TEXT PRIMARY KEY,
    melding TEXT REFERENCES verzuimmelding (id),
    afhandeling TEXT NOT NULL,
    woongemeente TEXT,
    levering TEXT NOT NULL REFERENCES levering (id),
    ontvangen_op TEXT NOT NULL,
    actie_school TEXT,
    actie_gemeente_gewenst TEXT,
    verzuimdagen BIGINT,
    melder_naam TEXT,
    melder_functie TEXT,
    melder_telefoon TEXT,
    melder_email TEXT,
    afwijkend_verblijfadres TEXT
);
CREATE INDEX duo_melding_melding ON duo_melding (melding);

-- A youth whose data should be checked against the BRP: created from a melding with only what the
-- school knew, or a melding that disagrees with the register.
CREATE TABLE brp_verzoek (
    jongere TEXT PRIMARY KEY REFERENCES jongere (id),
    sinds TEXT NOT NULL,
    reden TEXT NOT NULL,
    levering TEXT REFERENCES levering (id)
);

-- The terugmelding to DUO: per DUO melding, each change of what the office reports (status, reden
-- and toelichting afsluiting, contactpersoon), in the verzending that sends it. A verzending holds
-- the changes since the one before and never changes; it is acknowledged when DUO received it.
CREATE TABLE verzending (
    id TEXT PRIMARY KEY,
    bestemming TEXT NOT NULL,
    aangemaakt TEXT NOT NULL,
    door TEXT NOT NULL,
    bevestigd TEXT,
    bevestigd_door TEXT
);

CREATE TABLE terugmelding (
    id TEXT PRIMARY KEY,
    meldingnummer TEXT NOT NULL REFERENCES duo_melding (meldingnummer),
    status TEXT NOT NULL,
    reden_afsluiting TEXT,
    toelichting TEXT,
    contactpersoon TEXT,
    contact_functie TEXT,
    contact_email TEXT,
    datum TEXT NOT NULL,
    klaargezet TEXT NOT NULL,
    verzending TEXT NOT NULL REFERENCES verzending (id)
);
CREATE INDEX terugmelding_meldingnummer ON terugmelding (meldingnummer);
CREATE INDEX terugmelding_verzending ON terugmelding (verzending);
