-- Two lookups the inbound path makes for many replies scanned a whole table (measured with
-- sqlx's statement log on a 10,000-reply backlog, BENCHMARKS.md): the community's coordinators
-- (for every reply forwarded to them or answered with their names) read all of `people`, and
-- the per-sender cap on forwarded words counted a person's messages by reading all of `inbound`,
-- which keeps every message ever handled. Together 3 of the 4.8 s spent in statements.
CREATE INDEX people_by_role ON people (community_id, role, status);
CREATE INDEX inbound_by_person ON inbound (person_id, received_at);
