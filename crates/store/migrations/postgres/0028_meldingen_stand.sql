-- The region's verzuimers of a verslagjaar (beside every gemeente's report, as its population is)
-- are kept as a count too (`telling`). They are counted from the meldingen as well as the youths
-- and their addresses, so the meldingen get a stand of their own: a new melding makes the kept
-- verzuimers old, not the kept population. A count of both is valid for `stand + meldingen`:
-- both only go up, so their sum goes up with every change to either. Only youths who lived in one
-- of the region's gemeenten count, so a change to the gemeenten raises the register's stand too.
ALTER TABLE register_stand ADD COLUMN meldingen BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION meldingen_stand_op() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE register_stand SET meldingen = meldingen + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER verzuimmelding_stand AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON verzuimmelding
    FOR EACH STATEMENT EXECUTE FUNCTION meldingen_stand_op();
CREATE TRIGGER gemeente_stand AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON gemeente
    FOR EACH STATEMENT EXECUTE FUNCTION register_stand_op();
