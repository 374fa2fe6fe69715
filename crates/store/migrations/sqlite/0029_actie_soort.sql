-- The HALT referrals and processen-verbaal of two schooljaren (halt_pv_soort: the kind of their
-- zaak, and the zaken with a luxe melding) are found by kind and date in an index, not by a pass
-- through every action of the register (national register: 10.000 of 975.000 actions).
CREATE INDEX actie_soort_datum ON actie (soort, datum, zaak);
