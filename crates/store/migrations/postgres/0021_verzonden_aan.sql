-- The address a letter was sent to, as printed in its window (name, then the address lines, one
-- per line): what the mail room's list of a batch shows, and the proof of where it went. Empty
-- for a received document and for letters made before this column.
ALTER TABLE document ADD COLUMN adres TEXT;
-- The letters of one batch (docs/brieven.md "Reeksen"), for its print file and mail list.
CREATE INDEX document_reeks ON document (reeks);
