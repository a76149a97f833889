-- The same table as PostgreSQL's 0019, for one schema on both backends. Delivery on SQLite
-- keeps its sent journal in a file beside the database instead (`outbox::journal`: a write,
-- not a transaction), and leaves this table empty.
CREATE TABLE outbox_sent (
    lease_owner TEXT NOT NULL,
    outbox_id   BIGINT NOT NULL,
    sent_at     BIGINT NOT NULL
);
