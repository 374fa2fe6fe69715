-- Sign-in for the web application (issue 7). An account belongs to a medewerker, whose role and
-- gemeente decide what it may see; the password is an argon2id PHC string, never the password.
-- Failed sign-ins are counted per account for the lock-out.
CREATE TABLE account (
    gebruikersnaam TEXT PRIMARY KEY,
    medewerker TEXT NOT NULL REFERENCES medewerker (id),
    wachtwoord_hash TEXT NOT NULL,
    mislukte_pogingen INTEGER NOT NULL,
    geblokkeerd_tot TEXT,
    actief INTEGER NOT NULL
);
CREATE INDEX account_medewerker ON account (medewerker);

-- Server-side sessions: the cookie holds only the random id; signing out deletes the row.
CREATE TABLE sessie (
    id TEXT PRIMARY KEY,
    gegevens TEXT NOT NULL,
    verloopt TEXT NOT NULL
);

-- A teamleider reads the access log of one dossier.
CREATE INDEX toegangslog_object ON toegangslog (object);
