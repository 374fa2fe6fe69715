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
    datum TEXT NOT NULL,
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
    inhoud BLOB NOT NULL
);

-- The office's templates (typst), versioned: a new version never overwrites an older one, so
-- every document names the version that made it. Without a row the shipped template is used.
CREATE TABLE sjabloon (
    naam TEXT NOT NULL,
    versie BIGINT NOT NULL,
    inhoud TEXT NOT NULL,
    gewijzigd TEXT NOT NULL,
    door TEXT NOT NULL,
    PRIMARY KEY (naam, versie)
);

CREATE TRIGGER document_onveranderlijk BEFORE UPDATE ON document
BEGIN SELECT RAISE(ABORT, 'een document verandert niet; maak een nieuw document dat het vervangt'); END;
CREATE TRIGGER document_inhoud_onveranderlijk BEFORE UPDATE ON document_inhoud
BEGIN SELECT RAISE(ABORT, 'een document verandert niet; maak een nieuw document dat het vervangt'); END;
CREATE TRIGGER document_alleen_bij_vernietiging BEFORE DELETE ON document
WHEN NOT EXISTS (SELECT 1 FROM vernietiging_bezig)
BEGIN SELECT RAISE(ABORT, 'een document wordt alleen vernietigd onder de bewaartermijnen'); END;
CREATE TRIGGER document_inhoud_alleen_bij_vernietiging BEFORE DELETE ON document_inhoud
WHEN NOT EXISTS (SELECT 1 FROM vernietiging_bezig)
BEGIN SELECT RAISE(ABORT, 'een document wordt alleen vernietigd onder de bewaartermijnen'); END;
CREATE TRIGGER sjabloon_alleen_toevoegen BEFORE UPDATE ON sjabloon
BEGIN SELECT RAISE(ABORT, 'een sjabloonversie verandert niet; sla een nieuwe versie op'); END;
CREATE TRIGGER sjabloon_niet_verwijderen BEFORE DELETE ON sjabloon
BEGIN SELECT RAISE(ABORT, 'een sjabloonversie verandert niet; sla een nieuwe versie op'); END;

-- A destroyed document's change-log lines go with it (0018's rule, with documents).
DROP TRIGGER wijzigingslog_alleen_toevoegen_verwijder;
CREATE TRIGGER wijzigingslog_alleen_toevoegen_verwijder BEFORE DELETE ON wijzigingslog
WHEN NOT EXISTS (SELECT 1 FROM vernietiging_bezig) OR CASE OLD.tabel
        WHEN 'terugmelding' THEN EXISTS (SELECT 1 FROM terugmelding WHERE id = OLD.sleutel)
        WHEN 'document' THEN EXISTS (SELECT 1 FROM document WHERE id = OLD.sleutel)
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
