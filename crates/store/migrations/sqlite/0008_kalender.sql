-- The school calendar (issue 23, docs/regels.md "Schoolkalender"): each gemeente's vakantieregio,
-- and the school holidays: OCW's dates per vakantieregio (regio set) or a school location's own
-- deviating holidays and free days (brin and vestiging set).
ALTER TABLE gemeente ADD COLUMN vakantieregio TEXT;

CREATE TABLE vakantie (
    id TEXT PRIMARY KEY,
    soort TEXT NOT NULL,
    regio TEXT,
    brin TEXT,
    vestiging TEXT,
    begindatum TEXT NOT NULL,
    einddatum TEXT NOT NULL,
    advies INTEGER NOT NULL,
    FOREIGN KEY (brin, vestiging) REFERENCES school (brin, vestiging),
    CHECK ((regio IS NULL) <> (brin IS NULL)),
    CHECK (einddatum >= begindatum)
);
CREATE INDEX vakantie_school ON vakantie (brin, vestiging);

-- DUO's "alle lessen gemist" (J/N) of a melding: full absence decides thuiszitten, not partial
-- absence. 'ja', 'nee' or NULL (unknown, meldingen from before it was recorded).
ALTER TABLE verzuimmelding ADD COLUMN alle_lessen_gemist TEXT;

-- Vakantieverlof (Lpw art. 11 sub f, 13a): the date of the employer's statement the school head
-- decided on.
ALTER TABLE vrijstelling ADD COLUMN werkgeversverklaring_datum TEXT;

-- Lpw art. 4 lid 1: the end (31 July) of the schooljaar in which the youth completed twelve full
-- schooljaren, as the school reported it.
ALTER TABLE jongere ADD COLUMN twaalf_schooljaren_op TEXT;

-- Awb art. 4:14 lid 3: the beslistermijn of a request as the office verdaagde it.
ALTER TABLE vrijstelling ADD COLUMN verdaagd_tot TEXT;

-- Awb art. 7:2: the hearing on a pending bezwaar.
ALTER TABLE vrijstelling ADD COLUMN hoorzitting_op TEXT;
