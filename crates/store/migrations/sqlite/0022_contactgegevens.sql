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
    vanaf TEXT NOT NULL,
    -- No longer valid from this day on; on `vanaf` itself it never held (a mistake taken back).
    tot TEXT CHECK (tot >= vanaf),
    bron TEXT NOT NULL,
    medewerker TEXT NOT NULL REFERENCES medewerker (id)
);
CREATE INDEX contactgegeven_jongere ON contactgegeven (jongere);
CREATE INDEX contactgegeven_ouder ON contactgegeven (ouder);
-- One open detail per person and kind: two caseworkers adding a number at once cannot leave two.
CREATE UNIQUE INDEX contactgegeven_open ON contactgegeven (jongere, COALESCE(ouder, ''), soort) WHERE tot IS NULL;

-- A destroyed contact detail's change-log lines go with it (0019's rule, with contact details).
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
        WHEN 'contactgegeven' THEN EXISTS (SELECT 1 FROM contactgegeven WHERE id = OLD.sleutel)
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
