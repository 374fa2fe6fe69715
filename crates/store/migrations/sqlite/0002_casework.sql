-- Casework (issue 4): a repeated melding about the same absence points at the first one, and the
-- services look records up per youth, per zaak and per date.
-- vervolg_op has no foreign key: a bundle may list a melding before the one it follows, across
-- the import's multi-row statements; the import and the services check the reference instead.
ALTER TABLE verzuimmelding ADD COLUMN vervolg_op TEXT;
CREATE INDEX verzuimmelding_zaak ON verzuimmelding (zaak);
CREATE INDEX actie_jongere ON actie (jongere);
CREATE INDEX thuiszitperiode_jongere ON thuiszitperiode (jongere);
CREATE INDEX thuiszitperiode_zaak ON thuiszitperiode (zaak);
CREATE INDEX vsv_melding_jongere ON vsv_melding (jongere);
CREATE INDEX zaak_open ON zaak (status, soort);
CREATE INDEX jongere_geboortedatum ON jongere (geboortedatum);
