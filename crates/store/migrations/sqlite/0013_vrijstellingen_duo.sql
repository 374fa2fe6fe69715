-- Vrijstellingen and vervangende leerplicht for DUO's register (register onderwijsdeelnemers), sent through the
-- package like the terugmelding: per vrijstelling, each change of what the register should hold
-- (new, changed, withdrawn), in the verzending that sends it. The BSN is kept as it was sent: the
-- file of a verzending can be made again, and must say the same.
CREATE TABLE vrijstelling_melding (
    id TEXT PRIMARY KEY,
    -- Not a reference: a vrijstelling that leaves the register (a bundle without it) is withdrawn at DUO.
    vrijstelling TEXT NOT NULL,
    mutatie TEXT NOT NULL,
    bsn TEXT NOT NULL,
    artikel TEXT NOT NULL,
    gemeente TEXT NOT NULL,
    ingangsdatum TEXT NOT NULL,
    einddatum TEXT,
    besluitdatum TEXT,
    klaargezet TEXT NOT NULL,
    -- The order messages were made in, one series under the outbox's lock: which one is the last
    -- sent about a vrijstelling does not depend on clocks.
    volgnummer BIGINT NOT NULL,
    verzending TEXT NOT NULL REFERENCES verzending (id)
);
CREATE INDEX vrijstelling_melding_vrijstelling ON vrijstelling_melding (vrijstelling);
CREATE INDEX vrijstelling_melding_verzending ON vrijstelling_melding (verzending);
