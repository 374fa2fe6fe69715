-- Bewaren en vernietigen (docs/beheer.md): what `leerspoor archief` destroyed, and the report
-- tables of the years it touched.

-- The destruction list: per run and per part of the dossier, what kind, how many, which period,
-- on what ground, who approved and who ran it. No personal data: counts and dates only.
CREATE TABLE vernietiging (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tijdstip TEXT NOT NULL,
    peildatum TEXT NOT NULL,
    deel TEXT NOT NULL,
    grondslag TEXT NOT NULL,
    dossiers BIGINT NOT NULL,
    records BIGINT NOT NULL,
    -- Per table the number of records, e.g. "actie 40, zaak 12".
    tabellen TEXT NOT NULL,
    periode_van TEXT,
    periode_tot TEXT,
    goedgekeurd_door TEXT NOT NULL REFERENCES medewerker (id),
    uitgevoerd_door TEXT NOT NULL,
    -- The list's kenmerk the approver saw: what was approved is what was destroyed.
    kenmerk TEXT NOT NULL
);

-- Report tables of a completed schooljaar, kept before records it counts are destroyed: the
-- counts stay, the people go. A report of such a year reads these instead of the records.
CREATE TABLE vastgestelde_tabel (
    schooljaar BIGINT NOT NULL,
    scope TEXT NOT NULL,
    tabel TEXT NOT NULL,
    inhoud TEXT NOT NULL,
    vastgesteld TEXT NOT NULL,
    PRIMARY KEY (schooljaar, scope, tabel)
);

-- The change log stays append-only, except for a destruction under the archive decision: it keeps
-- every old value, so a destroyed record must go from it too. A destruction marks its own
-- transaction with a row here (removed before it commits, so no other transaction ever sees one);
-- without it a delete is refused as before. Changing a line stays refused always.
CREATE TABLE vernietiging_bezig (
    kenmerk TEXT PRIMARY KEY
);
DROP TRIGGER wijzigingslog_alleen_toevoegen_verwijder;
CREATE TRIGGER wijzigingslog_alleen_toevoegen_verwijder BEFORE DELETE ON wijzigingslog
WHEN NOT EXISTS (SELECT 1 FROM vernietiging_bezig)
BEGIN SELECT RAISE(ABORT, 'het wijzigingslog kan alleen aangevuld worden'); END;
