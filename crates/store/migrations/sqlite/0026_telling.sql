-- Counts a report keeps between runs (the region's population on a peildatum, which every
-- gemeente's report sets beside its own), valid for one stand of the register.
--
-- `register_stand` goes up with every change to the youths or their addresses, in the same
-- transaction as the change: a kept count with an older stand is not used. A count is stored with
-- the stand read before its records were, so a change that commits while it is counted makes it
-- old at once.
CREATE TABLE register_stand (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    stand INTEGER NOT NULL
);
INSERT INTO register_stand (id, stand) VALUES (1, 0);

CREATE TABLE telling (
    soort TEXT NOT NULL,
    peildatum TEXT NOT NULL,
    stand INTEGER NOT NULL,
    inhoud TEXT NOT NULL,
    PRIMARY KEY (soort, peildatum)
);

CREATE TRIGGER jongere_stand_nieuw AFTER INSERT ON jongere BEGIN UPDATE register_stand SET stand = stand + 1; END;
CREATE TRIGGER jongere_stand_gewijzigd AFTER UPDATE ON jongere BEGIN UPDATE register_stand SET stand = stand + 1; END;
CREATE TRIGGER jongere_stand_weg AFTER DELETE ON jongere BEGIN UPDATE register_stand SET stand = stand + 1; END;
CREATE TRIGGER woonadres_stand_nieuw AFTER INSERT ON woonadres BEGIN UPDATE register_stand SET stand = stand + 1; END;
CREATE TRIGGER woonadres_stand_gewijzigd AFTER UPDATE ON woonadres BEGIN UPDATE register_stand SET stand = stand + 1; END;
CREATE TRIGGER woonadres_stand_weg AFTER DELETE ON woonadres BEGIN UPDATE register_stand SET stand = stand + 1; END;
