-- Casework (issue 4): a repeated melding about the same absence points at the first one, and the
-- services look records up per youth, per zaak and per date.
-- vervolg_op has no foreign key: a bundle may list a melding before the one it follows, across
-- the import's multi-row statements; the import and the services check the reference instead.
ALTER TABLE verzuimmelding ADD COLUMN vervolg_op TEXT;
-- A pending bezwaar/beroep against a vrijstelling decision, which stands meanwhile (Awb 6:16).
ALTER TABLE vrijstelling ADD COLUMN bezwaar_op DATE;
CREATE INDEX verzuimmelding_zaak ON verzuimmelding (zaak);
CREATE INDEX actie_jongere ON actie (jongere);
CREATE INDEX thuiszitperiode_jongere ON thuiszitperiode (jongere);
CREATE INDEX thuiszitperiode_zaak ON thuiszitperiode (zaak);
CREATE INDEX vsv_melding_jongere ON vsv_melding (jongere);
CREATE INDEX zaak_open ON zaak (status, soort);
-- The absoluut-verzuim run compares every youth of leerplichtige age with enrolments and
-- addresses on a peildatum; covering indexes let it answer from the indexes alone (scale 65:
-- 39 s → 11 s on SQLite).
CREATE INDEX jongere_geboortedatum ON jongere (geboortedatum, id, overlijdensdatum);
DROP INDEX inschrijving_jongere;
CREATE INDEX inschrijving_jongere ON inschrijving (jongere, begindatum, einddatum);
DROP INDEX woonadres_jongere;
CREATE INDEX woonadres_jongere ON woonadres (jongere, begindatum, einddatum, gemeente);
