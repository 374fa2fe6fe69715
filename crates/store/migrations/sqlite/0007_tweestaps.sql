-- Two-factor sign-in (issue 18, docs/beveiliging.md): the TOTP secret (base32; NULL until the
-- account enrolled), the last time step a code was accepted for (a code counts once), and the
-- SHA-256 hashes of the unused recovery codes, comma-separated.
ALTER TABLE account ADD COLUMN totp_geheim TEXT;
ALTER TABLE account ADD COLUMN totp_stap INTEGER NOT NULL DEFAULT 0;
ALTER TABLE account ADD COLUMN herstelcodes TEXT NOT NULL DEFAULT '';
