-- The answers' bodies (outbox_bodies.body, ~8 KB each) are compressed by PostgreSQL when they
-- are stored; with the default method, pglz, that was ~11 % of the server's CPU in an inbound
-- batch (BENCHMARKS.md, "Session 12"). lz4 compresses as well at a fraction of the cost.
-- Only values written from now on use it; old ones stay readable. A server built without lz4
-- (or older than PostgreSQL 14) keeps pglz: this is about speed, never about what is stored.
DO $$
BEGIN
    EXECUTE 'ALTER TABLE outbox_bodies ALTER COLUMN body SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE posts ALTER COLUMN raw SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE inbound ALTER COLUMN raw SET COMPRESSION lz4';
EXCEPTION WHEN feature_not_supported OR syntax_error OR undefined_object THEN
    RAISE NOTICE 'lz4 compression is not available: the bodies stay compressed with pglz';
END
$$;

-- Delivery changes each outbox row twice: its claim (the lease) and its result. With every page
-- packed full by the inserts, the claim's new row version went to another page, and with it
-- an entry in each of the table's six indexes: ~10 ms of the server's time per claim of 200
-- (BENCHMARKS.md, "Session 12"). Pages filled to half leave the claim room to write its
-- version beside the old one (a HOT update: no index touched, as no indexed column changes).
ALTER TABLE outbox SET (fillfactor = 50);
