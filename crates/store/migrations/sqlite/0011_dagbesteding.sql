-- What a youth out of school does, as the RMC finds it at a contact (werk, an uitkering, zorg),
-- dated: the destination of VSV-ers, oud-VSV-ers and JIKP pupils follows the latest
-- (docs/regels.md "Dagbesteding").
CREATE TABLE dagbesteding (
    id TEXT PRIMARY KEY,
    jongere TEXT NOT NULL REFERENCES jongere (id),
    datum TEXT NOT NULL,
    soort TEXT NOT NULL,
    medewerker TEXT REFERENCES medewerker (id),
    toelichting TEXT
);
CREATE INDEX dagbesteding_jongere ON dagbesteding (jongere);
