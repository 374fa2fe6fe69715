-- The region's verzuimers of a verslagjaar (beside every gemeente's report, as its population is)
-- are kept as a count too (`telling`). They are counted from the meldingen as well as the youths
-- and their addresses, so the meldingen get a stand of their own: a new melding makes the kept
-- verzuimers old, not the kept population. A count of both is valid for `stand + meldingen`:
-- both only go up, so their sum goes up with every change to either. Only youths who lived in one
-- of the region's gemeenten count, so a change to the gemeenten raises the register's stand too.
ALTER TABLE register_stand ADD COLUMN meldingen INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER verzuimmelding_stand_nieuw AFTER INSERT ON verzuimmelding BEGIN UPDATE register_stand SET meldingen = meldingen + 1; END;
CREATE TRIGGER verzuimmelding_stand_gewijzigd AFTER UPDATE ON verzuimmelding BEGIN UPDATE register_stand SET meldingen = meldingen + 1; END;
CREATE TRIGGER verzuimmelding_stand_weg AFTER DELETE ON verzuimmelding BEGIN UPDATE register_stand SET meldingen = meldingen + 1; END;
CREATE TRIGGER gemeente_stand_nieuw AFTER INSERT ON gemeente BEGIN UPDATE register_stand SET stand = stand + 1; END;
CREATE TRIGGER gemeente_stand_gewijzigd AFTER UPDATE ON gemeente BEGIN UPDATE register_stand SET stand = stand + 1; END;
CREATE TRIGGER gemeente_stand_weg AFTER DELETE ON gemeente BEGIN UPDATE register_stand SET stand = stand + 1; END;
