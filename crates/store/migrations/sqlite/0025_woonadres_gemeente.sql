-- The youths who ever lived in a gemeente: a report for a gemeente or subregio reads only them
-- (`Kring`), not the whole register. Also serves the foreign key to gemeente.
CREATE INDEX woonadres_gemeente ON woonadres (gemeente, jongere);
