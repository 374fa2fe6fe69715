-- Contact details of the youth and her parents (docs/brieven.md "Contactgegevens"): telephone,
-- e-mail address and preferred language, recorded in the youth's dossier with the day they are known
-- from and who gave them. A new one of a kind ends the open one of the same person (`tot`); a row
-- goes only with the person part of the dossier, under the archive decision.
CREATE TABLE contactgegeven (
    id TEXT PRIMARY KEY,
    jongere TEXT NOT NULL REFERENCES jongere (id),
    -- The parent it belongs to; empty for the youth's own.
    ouder TEXT REFERENCES ouder (id),
    soort TEXT NOT NULL CHECK (soort IN ('telefoon', 'email', 'voorkeurstaal')),
    -- Normalised: +31612345678, naam@voorbeeld.nl, or an ISO 639 code.
    waarde TEXT NOT NULL,
    vanaf DATE NOT NULL,
    -- No longer valid from this day on; on `vanaf` itself it never held (a mistake taken back).
    tot DATE CHECK (tot >= vanaf),
    bron TEXT NOT NULL,
    medewerker TEXT NOT NULL REFERENCES medewerker (id)
);
CREATE INDEX contactgegeven_jongere ON contactgegeven (jongere);
CREATE INDEX contactgegeven_ouder ON contactgegeven (ouder);
-- One open detail per person and kind: two caseworkers adding a number at once cannot leave two.
CREATE UNIQUE INDEX contactgegeven_open ON contactgegeven (jongere, COALESCE(ouder, ''), soort) WHERE tot IS NULL;

-- A destroyed contact detail's change-log lines go with it (0019's rule, with contact details).
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
    ELSIF OLD.tabel = 'contactgegeven' THEN bestaat := EXISTS (SELECT 1 FROM contactgegeven WHERE id = OLD.sleutel);
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
