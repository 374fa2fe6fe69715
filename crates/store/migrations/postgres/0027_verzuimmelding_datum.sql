-- The youths with a verzuimmelding in a period (`Kring::gemeld`: the region's verzuimers beside a
-- gemeente's report) are found in the index alone, without a look-up of each melding's row
-- (national register: 77.000 meldingen of a year, their youths' addresses 0,23 → 0,15 s on SQLite).
DROP INDEX verzuimmelding_datum;
CREATE INDEX verzuimmelding_datum ON verzuimmelding (meldingsdatum, jongere);
