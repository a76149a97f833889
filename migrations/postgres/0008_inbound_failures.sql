-- Inbound messages that failed to be handled, by the SHA-256 of their bytes. Each failed
-- attempt counts; after a few (App::inbox_step) the message is recorded in `inbound` with
-- the reason, the coordinators are told once, and it is moved aside, so one message never
-- stops the ones behind it. Rows are kept as a record (a few bytes each, failures are rare).
CREATE TABLE inbound_failures (
    raw_sha256 TEXT PRIMARY KEY,
    attempts   BIGINT NOT NULL,
    last_error TEXT NOT NULL,
    failed_at  BIGINT NOT NULL
);
