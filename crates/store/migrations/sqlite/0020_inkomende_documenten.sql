-- Documents the office receives (docs/brieven.md, "Ontvangen documenten"): a doctor's statement, the
-- samenwerkingsverband's advice, a school's verzuimstaat, a parent's request. Same table as the
-- letters, so the immutability triggers of 0019 and the archive decision hold for them unchanged.
-- For a received document `datum` is the day it came in, `ontvanger` is 'bureau', `sjabloon` empty.
ALTER TABLE document ADD COLUMN richting TEXT NOT NULL DEFAULT 'uitgaand' CHECK (richting IN ('uitgaand', 'inkomend'));
-- Who sent it (free text), and the date on the document itself: the date the vrijstelling rules read.
ALTER TABLE document ADD COLUMN afzender TEXT;
ALTER TABLE document ADD COLUMN opgesteld_op TEXT;
-- What the bytes are, checked by their content on upload; every letter made so far is a PDF.
ALTER TABLE document ADD COLUMN mediatype TEXT NOT NULL DEFAULT 'application/pdf';
