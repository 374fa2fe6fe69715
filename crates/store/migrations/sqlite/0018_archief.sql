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
-- every old value, so a destroyed record must go from it too. A line may be removed only by a
-- transaction that marks itself a destruction with a row here (removed before it commits, so no
-- other transaction ever sees one), and only the lines of a record of the dossier that no longer
-- exists: whoever could write the marker still cannot erase the history of a record that is there.
-- Changing a line stays refused always.
CREATE TABLE vernietiging_bezig (
    kenmerk TEXT PRIMARY KEY
);
DROP TRIGGER wijzigingslog_alleen_toevoegen_verwijder;
CREATE TRIGGER wijzigingslog_alleen_toevoegen_verwijder BEFORE DELETE ON wijzigingslog
WHEN NOT EXISTS (SELECT 1 FROM vernietiging_bezig) OR CASE OLD.tabel
        WHEN 'terugmelding' THEN EXISTS (SELECT 1 FROM terugmelding WHERE id = OLD.sleutel)
        WHEN 'actie' THEN EXISTS (SELECT 1 FROM actie WHERE id = OLD.sleutel)
        WHEN 'thuiszitperiode' THEN EXISTS (SELECT 1 FROM thuiszitperiode WHERE id = OLD.sleutel)
        WHEN 'verzuimmelding' THEN EXISTS (SELECT 1 FROM verzuimmelding WHERE id = OLD.sleutel)
        WHEN 'zaak' THEN EXISTS (SELECT 1 FROM zaak WHERE id = OLD.sleutel)
        WHEN 'vrijstelling_melding' THEN EXISTS (SELECT 1 FROM vrijstelling_melding WHERE id = OLD.sleutel)
        WHEN 'vrijstelling' THEN EXISTS (SELECT 1 FROM vrijstelling WHERE id = OLD.sleutel)
        WHEN 'vsv_melding' THEN EXISTS (SELECT 1 FROM vsv_melding WHERE id = OLD.sleutel)
        WHEN 'rmc_traject' THEN EXISTS (SELECT 1 FROM rmc_traject WHERE id = OLD.sleutel)
        WHEN 'dagbesteding' THEN EXISTS (SELECT 1 FROM dagbesteding WHERE id = OLD.sleutel)
        WHEN 'woonadres' THEN EXISTS (SELECT 1 FROM woonadres WHERE id = OLD.sleutel)
        WHEN 'inschrijving' THEN EXISTS (SELECT 1 FROM inschrijving WHERE id = OLD.sleutel)
        WHEN 'diploma' THEN EXISTS (SELECT 1 FROM diploma WHERE id = OLD.sleutel)
        WHEN 'jongere' THEN EXISTS (SELECT 1 FROM jongere WHERE id = OLD.sleutel)
        WHEN 'ouder' THEN EXISTS (SELECT 1 FROM ouder WHERE id = OLD.sleutel)
        WHEN 'duo_melding' THEN EXISTS (SELECT 1 FROM duo_melding WHERE meldingnummer = OLD.sleutel)
        WHEN 'doorgestuurd' THEN EXISTS (SELECT 1 FROM doorgestuurd WHERE meldingnummer = OLD.sleutel)
        WHEN 'brp_verzoek' THEN EXISTS (SELECT 1 FROM brp_verzoek WHERE jongere = OLD.sleutel)
        WHEN 'gezinsrelatie' THEN EXISTS (SELECT 1 FROM gezinsrelatie WHERE jongere || '/' || ouder = OLD.sleutel)
        ELSE 1
    END
BEGIN SELECT RAISE(ABORT, 'het wijzigingslog kan alleen aangevuld worden'); END;

-- What a destruction deletes by is found without reading the whole table.
CREATE INDEX actie_ouder ON actie (ouder);
CREATE INDEX gezinsrelatie_ouder ON gezinsrelatie (ouder);
CREATE INDEX wijzigingslog_jongere ON wijzigingslog (oud) WHERE veld = 'jongere';
