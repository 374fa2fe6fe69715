-- What RIO says of a school location beyond its name (issue 19): the kind of education given there,
-- its address, and when it opened and closed. Empty for schools typed in before, until a RIO export
-- fills them; a closed location stays (enrolments point at it), with its einddatum.
ALTER TABLE school ADD COLUMN onderwijssoort TEXT;
ALTER TABLE school ADD COLUMN adres TEXT;
ALTER TABLE school ADD COLUMN postcode TEXT;
ALTER TABLE school ADD COLUMN begindatum TEXT;
ALTER TABLE school ADD COLUMN einddatum TEXT;
