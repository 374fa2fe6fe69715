-- Documents of the dossier (docs/brieven.md): the letters and decisions the office sends, made from
-- the dossier by a template. A document is never changed: a correction is a new document naming
-- the one it replaces, and only a destruction under the archive decision removes one.
CREATE TABLE document (
    id TEXT PRIMARY KEY,
    jongere TEXT NOT NULL REFERENCES jongere (id),
    zaak TEXT REFERENCES zaak (id),
    vrijstelling TEXT REFERENCES vrijstelling (id),
    actie TEXT REFERENCES actie (id),
    soort TEXT NOT NULL,
    -- jongere, ouder (with its id), halt or openbaar_ministerie
    ontvanger TEXT NOT NULL,
    ouder TEXT REFERENCES ouder (id),
    datum DATE NOT NULL,
    auteur TEXT NOT NULL REFERENCES medewerker (id),
    -- Which template versions made it: "uitnodiging_gesprek 3, briefhoofd 1" (0: as shipped).
    sjabloon TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    -- Checked at commit: a destruction removes a letter and its correction in one transaction, in
    -- whatever order.
    vervangt TEXT REFERENCES document (id) DEFERRABLE INITIALLY DEFERRED,
    -- The batch it was printed in, if any.
    reeks TEXT
);
CREATE INDEX document_jongere ON document (jongere);
CREATE INDEX document_vervangt ON document (vervangt);

-- The PDF itself, apart: listings of a dossier's documents never read the bytes.
CREATE TABLE document_inhoud (
    document TEXT PRIMARY KEY REFERENCES document (id),
    inhoud BYTEA NOT NULL
);

-- The office's templates (typst), versioned: a new version never overwrites an older one, so
-- every document names the version that made it. Without a row the shipped template is used.
CREATE TABLE sjabloon (
    naam TEXT NOT NULL,
    versie BIGINT NOT NULL,
    inhoud TEXT NOT NULL,
    gewijzigd TIMESTAMPTZ NOT NULL,
    door TEXT NOT NULL,
    PRIMARY KEY (naam, versie)
);

CREATE FUNCTION document_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' OR TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'een document verandert niet; maak een nieuw document dat het vervangt';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM vernietiging_bezig) THEN
        RAISE EXCEPTION 'een document wordt alleen vernietigd onder de bewaartermijnen';
    END IF;
    RETURN OLD;
END;
$$;
CREATE TRIGGER document_onveranderlijk BEFORE UPDATE OR DELETE ON document
    FOR EACH ROW EXECUTE FUNCTION document_onveranderlijk();
CREATE TRIGGER document_inhoud_onveranderlijk BEFORE UPDATE OR DELETE ON document_inhoud
    FOR EACH ROW EXECUTE FUNCTION document_onveranderlijk();
CREATE TRIGGER document_niet_legen BEFORE TRUNCATE ON document
    FOR EACH STATEMENT EXECUTE FUNCTION document_onveranderlijk();
CREATE TRIGGER document_inhoud_niet_legen BEFORE TRUNCATE ON document_inhoud
    FOR EACH STATEMENT EXECUTE FUNCTION document_onveranderlijk();
CREATE FUNCTION sjabloon_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'een sjabloonversie verandert niet; sla een nieuwe versie op';
END;
$$;
CREATE TRIGGER sjabloon_alleen_toevoegen BEFORE UPDATE OR DELETE ON sjabloon
    FOR EACH ROW EXECUTE FUNCTION sjabloon_alleen_toevoegen();
CREATE TRIGGER sjabloon_niet_legen BEFORE TRUNCATE ON sjabloon
    FOR EACH STATEMENT EXECUTE FUNCTION sjabloon_alleen_toevoegen();

-- A destroyed document's change-log lines go with it (0018's rule, with documents).
CREATE OR REPLACE FUNCTION wijzigingslog_alleen_bij_vernietiging() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bestaat BOOLEAN := TRUE;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM vernietiging_bezig) THEN
        RAISE EXCEPTION 'het % kan alleen aangevuld worden', TG_TABLE_NAME;
    END IF;
    IF OLD.tabel = 'terugmelding' THEN bestaat := EXISTS (SELECT 1 FROM terugmelding WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'actie' THEN bestaat := EXISTS (SELECT 1 FROM actie WHERE id = OLD.sleutel);
    ELSIF OLD.tabel = 'document' THEN bestaat := EXISTS (SELECT 1 FROM document WHERE id = OLD.sleutel);
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
