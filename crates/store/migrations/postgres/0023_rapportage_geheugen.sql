-- The reports read every youth's addresses, enrolments and diplomas once, each from its index
-- alone (Store::personen): what they ask of those records is in the index. The VSO profile decides
-- a pupil's JIKP group; an address ended with a vertrek means the youth left the region; a diploma
-- counts by its kind and date.
DROP INDEX inschrijving_jongere;
CREATE INDEX inschrijving_jongere ON inschrijving (jongere, begindatum, einddatum, onderwijssoort, niveau, vso_profiel);
DROP INDEX woonadres_jongere;
CREATE INDEX woonadres_jongere ON woonadres (jongere, begindatum, einddatum, gemeente, vertrek);
DROP INDEX diploma_jongere;
CREATE INDEX diploma_jongere ON diploma (jongere, datum, soort);
