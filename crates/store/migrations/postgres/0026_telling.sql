-- Counts a report keeps between runs (the region's population on a peildatum, which every
-- gemeente's report sets beside its own), valid for one stand of the register.
--
-- `register_stand` goes up with every change to the youths or their addresses, in the same
-- transaction as the change (once per statement: a COPY of millions of rows adds one): a kept
-- count with an older stand is not used. A count is stored with the stand read before its records
-- were, so a change that commits while it is counted makes it old at once.
CREATE TABLE register_stand (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    stand BIGINT NOT NULL
);
INSERT INTO register_stand (id, stand) VALUES (1, 0);

CREATE TABLE telling (
    soort TEXT NOT NULL,
    peildatum DATE NOT NULL,
    stand BIGINT NOT NULL,
    inhoud TEXT NOT NULL,
    PRIMARY KEY (soort, peildatum)
);

CREATE FUNCTION register_stand_op() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE register_stand SET stand = stand + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER jongere_stand AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON jongere
    FOR EACH STATEMENT EXECUTE FUNCTION register_stand_op();
CREATE TRIGGER woonadres_stand AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON woonadres
    FOR EACH STATEMENT EXECUTE FUNCTION register_stand_op();
