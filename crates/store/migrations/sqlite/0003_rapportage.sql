-- The jaarverslag counts every youth's enrolment on a peildatum: with the onderwijssoort and niveau
-- in the index, that is one index lookup per youth and no table read (docs/tabellen.md; measured at
-- national scale in issue 6). It replaces the narrower index of 0002.
DROP INDEX inschrijving_jongere;
CREATE INDEX inschrijving_jongere ON inschrijving (jongere, begindatum, einddatum, onderwijssoort, niveau);
