-- Delivery records each mail sent with one UPDATE of its outbox row (status 'pending' →
-- 'sent'), and on SQLite that commit gates the next mail on its connection (BENCHMARKS.md,
-- "Session 8": the crash bound). `outbox_due` indexed every row by (status, next_attempt_at),
-- so marking a row sent moved its entry from one end of the index to the other: two index
-- pages written per commit, and an index that grew with every mail ever sent. What reads
-- it wants only the pending rows (the claim, the next due time) or the failed ones (the
-- health counts, RETRY): two partial indexes hold only those. Marking a row sent now
-- removes one entry, and the index stays the size of the queue.
-- The statements that use them name the status as a literal: a partial index serves only a
-- query whose WHERE implies the index's own at prepare time, which a bound parameter cannot.
DROP INDEX outbox_due;
CREATE INDEX outbox_pending ON outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX outbox_failed ON outbox (community_id) WHERE status = 'failed';
