-- A member's own language (issue 13 item 2): their personal mail uses it instead of the
-- community's. NULL: the community's language. Set by `member add --language xx`, by
-- `member import` (its language column), and later by the LANGUAGE command. The value set,
-- the texts of crate::domain::Lang:
--
-- people.language: en | de | fr | es | nl | pt
ALTER TABLE people ADD COLUMN language TEXT;
