-- Meldingen from DUO about a youth who lives outside the region, sent on to her woongemeente: per
-- melding the verzending that carried it (a verzending to `doorsturen`), so that none is lost and
-- none goes twice.
CREATE TABLE doorgestuurd (
    meldingnummer TEXT PRIMARY KEY REFERENCES duo_melding (meldingnummer),
    woongemeente TEXT NOT NULL,
    verzending TEXT NOT NULL REFERENCES verzending (id)
);
CREATE INDEX doorgestuurd_verzending ON doorgestuurd (verzending);
