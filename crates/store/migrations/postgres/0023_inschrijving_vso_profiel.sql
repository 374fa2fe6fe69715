-- The reports read every enrolment from this index alone (Store::personen); the VSO profile
-- decides a pupil's JIKP group, so it is in the index too.
DROP INDEX inschrijving_jongere;
CREATE INDEX inschrijving_jongere ON inschrijving (jongere, begindatum, einddatum, onderwijssoort, niveau, vso_profiel);
