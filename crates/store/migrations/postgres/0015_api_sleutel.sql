-- Keys of machine clients (the office's DUO connection server) for the JSON endpoints of the
-- verzendingen under /api/v1. A key acts for the medewerker it was issued to, within that
-- medewerker's role, and only while she is in service; only the SHA-256 of its secret is kept
-- (the secret is 256 random bits: a slow hash would add nothing). Not part of the register, like
-- accounts: the exchange bundle never carries it.
CREATE TABLE api_sleutel (
    id TEXT PRIMARY KEY,
    naam TEXT NOT NULL,
    medewerker TEXT NOT NULL REFERENCES medewerker (id),
    geheim_hash TEXT NOT NULL,
    aangemaakt TIMESTAMPTZ NOT NULL,
    aangemaakt_door TEXT NOT NULL,
    ingetrokken TIMESTAMPTZ
);
