-- Bewaren en vernietigen (docs/beheer.md): what `leerspoor archief` destroyed, and the report
-- tables of the years it touched.

-- The destruction list: per run and per part of the dossier, what kind, how many, which period,
-- on what ground, who approved and who ran it. No personal data: counts and dates only.
CREATE TABLE vernietiging (
    id BIGSERIAL PRIMARY KEY,
    tijdstip TIMESTAMPTZ NOT NULL,
    peildatum DATE NOT NULL,
    deel TEXT NOT NULL,
    grondslag TEXT NOT NULL,
    dossiers BIGINT NOT NULL,
    records BIGINT NOT NULL,
    -- Per table the number of records, e.g. "actie 40, zaak 12".
    tabellen TEXT NOT NULL,
    periode_van DATE,
    periode_tot DATE,
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
    vastgesteld TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (schooljaar, scope, tabel)
);

-- The change log stays append-only, except for a destruction under the archive decision: it keeps
-- every old value, so a destroyed record must go from it too. A line may be removed only by a
-- transaction that marks itself a destruction with a row here (removed before it commits, so no
-- other transaction ever sees one), and only the lines of a record of the dossier that no longer
-- exists: whoever could write the marker still cannot erase the history of a record that is there.
-- Changing a line, and TRUNCATE, stay refused always.
CREATE TABLE vernietiging_bezig (
    kenmerk TEXT PRIMARY KEY
);
CREATE FUNCTION wijzigingslog_alleen_bij_vernietiging() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bestaat BOOLEAN := TRUE;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM vernietiging_bezig) THEN
        RAISE EXCEPTION 'het % kan alleen aangevuld worden', TG_TABLE_NAME;
    END IF;
    IF OLD.tabel = 'terugmelding' THEN bestaat := EXISTS (SELECT 1 FROM terugmelding WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'actie' THEN bestaat := EXISTS (SELECT 1 FROM actie WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'thuiszitperiode' THEN bestaat := EXISTS (SELECT 1 FROM thuiszitperiode WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'verzuimmelding' THEN bestaat := EXISTS (SELECT 1 FROM verzuimmelding WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'zaak' THEN bestaat := EXISTS (SELECT 1 FROM zaak WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'vrijstelling_melding' THEN bestaat := EXISTS (SELECT 1 FROM vrijstelling_melding WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'vrijstelling' THEN bestaat := EXISTS (SELECT 1 FROM vrijstelling WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'vsv_melding' THEN bestaat := EXISTS (SELECT 1 FROM vsv_melding WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'rmc_traject' THEN bestaat := EXISTS (SELECT 1 FROM rmc_traject WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'dagbesteding' THEN bestaat := EXISTS (SELECT 1 FROM dagbesteding WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'woonadres' THEN bestaat := EXISTS (SELECT 1 FROM woonadres WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'inschrijving' THEN bestaat := EXISTS (SELECT 1 FROM inschrijving WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'diploma' THEN bestaat := EXISTS (SELECT 1 FROM diploma WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'jongere' THEN bestaat := EXISTS (SELECT 1 FROM jongere WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'ouder' THEN bestaat := EXISTS (SELECT 1 FROM ouder WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'duo_melding' THEN bestaat := EXISTS (SELECT 1 FROM duo_melding WHERE meldingnummer = OLD.sleutel);
    ELSIF OLD.tabel = 'doorgestuurd' THEN bestaat := EXISTS (SELECT 1 FROM doorgestuurd WHERE meldingnummer = OLD.sleutel);
    ELSIF OLD.tabel = 'brp_verzoek' THEN bestaat := EXISTS (SELECT 1 FROM brp_verzoek WHERE jongere = OLD.sleutel);
    ELSIF OLD.tabel = 'gezinsrelatie' THEN
        bestaat := EXISTS (SELECT 1 FROM gezinsrelatie WHERE jongere || '/' || ouder = OLD.sleutel);
    END IF;
    IF bestaat THEN
        RAISE EXCEPTION 'het % kan alleen aangevuld worden', TG_TABLE_NAME;
    END IF;
    RETURN OLD;
END;
$$;
DROP TRIGGER wijzigingslog_alleen_toevoegen ON wijzigingslog;
CREATE TRIGGER wijzigingslog_alleen_toevoegen BEFORE UPDATE ON wijzigingslog
    FOR EACH ROW EXECUTE FUNCTION log_alleen_toevoegen();
CREATE TRIGGER wijzigingslog_alleen_bij_vernietiging BEFORE DELETE ON wijzigingslog
    FOR EACH ROW EXECUTE FUNCTION wijzigingslog_alleen_bij_vernietiging();

-- What a destruction deletes by is found without reading the whole table.
CREATE INDEX actie_ouder ON actie (ouder);
CREATE INDEX gezinsrelatie_ouder ON gezinsrelatie (ouder);
CREATE INDEX wijzigingslog_jongere ON wijzigingslog (oud) WHERE veld = 'jongere';
