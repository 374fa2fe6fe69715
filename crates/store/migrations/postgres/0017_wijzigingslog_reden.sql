-- Why a change was made (AVG art. 16, rectificatie): a correction of a youth's or a parent's register facts
-- carries its ground and explanation on every field it changed. Empty for every other change, and for the
-- changes before this column existed.
ALTER TABLE wijzigingslog ADD COLUMN reden TEXT;
