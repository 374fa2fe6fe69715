-- The enrolments of a school location by onderwijssoort: verzuim_per_school asks of each school
-- whether it enrols in the WVO (vo, pro), two look-ups per school instead of a pass over every
-- enrolment of the country. It also serves the foreign key to school.
CREATE INDEX inschrijving_school ON inschrijving (brin, vestiging, onderwijssoort);
