-- The werkvoorraad is every caseworker's home page, asked on each visit: this schooljaar's VSV-ers
-- without a traject since they left, and each open zaak's last action, read from indexes alone
-- (issue 7's load benchmark; the tiles scanned vsv_melding and read actie rows). The two wider
-- indexes replace the ones on jongere and zaak alone.
CREATE INDEX vsv_melding_uitval ON vsv_melding (uitvaldatum, jongere);
DROP INDEX rmc_traject_jongere;
CREATE INDEX rmc_traject_begin ON rmc_traject (jongere, begindatum);
DROP INDEX actie_zaak;
CREATE INDEX actie_zaak_datum ON actie (zaak, datum);
