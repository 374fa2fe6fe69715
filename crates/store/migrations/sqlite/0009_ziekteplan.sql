-- An ill youth who, by a plan made with the jeugdarts, could attend school part of the time (J/N) on
-- a melding of zorgwekkend ziekteverzuim: one who then misses every lesson can be a thuiszitter
-- (docs/regels.md "Thuiszitter"). 'ja', 'nee' or NULL (no such plan recorded).
ALTER TABLE verzuimmelding ADD COLUMN deels_lesbaar TEXT;
