-- Awb art. 7:13: the college of the gemeente has set up an advisory committee for bezwaren; the
-- decision on a bezwaar then has twelve weeks instead of six (art. 7:10 lid 1). 'ja', 'nee' or NULL
-- (not known: six weeks).
ALTER TABLE gemeente ADD COLUMN bezwaarcommissie TEXT;
