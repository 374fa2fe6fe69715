-- Security of accounts and logs (issue 18, docs/beveiliging.md).

-- One account per medewerker, so that every action is the medewerker's own. Before this
-- migration beheer could make a second account for a medewerker and showed only the first (by
-- name); the others are removed here, before any register went into production.
DELETE FROM account WHERE gebruikersnaam NOT IN (SELECT MIN(gebruikersnaam) FROM account GROUP BY medewerker);
DROP INDEX account_medewerker;
CREATE UNIQUE INDEX account_medewerker ON account (medewerker);

-- `generatie` goes up whenever the account is deactivated, its password reset or its role changed:
-- a session remembers the generation it signed in with and ends when they differ.
ALTER TABLE account ADD COLUMN generatie INTEGER NOT NULL DEFAULT 0;
-- Set when a beheerder chose the password: the owner must choose a new one before anything else.
ALTER TABLE account ADD COLUMN moet_wijzigen INTEGER NOT NULL DEFAULT 0;

-- Who asked: the client's address and user agent, for every line of the access log.
ALTER TABLE toegangslog ADD COLUMN adres TEXT;
ALTER TABLE toegangslog ADD COLUMN agent TEXT;

-- The logs are append-only: no one, not even the application, changes or removes a line.
CREATE TRIGGER toegangslog_alleen_toevoegen_wijzig BEFORE UPDATE ON toegangslog
BEGIN SELECT RAISE(ABORT, 'het toegangslog kan alleen aangevuld worden'); END;
CREATE TRIGGER toegangslog_alleen_toevoegen_verwijder BEFORE DELETE ON toegangslog
BEGIN SELECT RAISE(ABORT, 'het toegangslog kan alleen aangevuld worden'); END;
CREATE TRIGGER wijzigingslog_alleen_toevoegen_wijzig BEFORE UPDATE ON wijzigingslog
BEGIN SELECT RAISE(ABORT, 'het wijzigingslog kan alleen aangevuld worden'); END;
CREATE TRIGGER wijzigingslog_alleen_toevoegen_verwijder BEFORE DELETE ON wijzigingslog
BEGIN SELECT RAISE(ABORT, 'het wijzigingslog kan alleen aangevuld worden'); END;

-- Facts about the database itself, such as that `leerspoor demo` made it (only then may demo
-- make its accounts with the published password).
CREATE TABLE systeem (
    sleutel TEXT PRIMARY KEY,
    waarde TEXT NOT NULL
);
