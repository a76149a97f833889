-- The per-sender throttle counts the automatic answers a recipient got in the last hour
-- (store::answers_since) for every message that may be answered. Without this index that was a
-- scan of the whole outbox, which keeps every mail ever sent: inbound slowed down as the
-- outbox grew (BENCHMARKS.md).
CREATE INDEX outbox_by_recipient ON outbox (recipient, created_at);
