-- A rendered mail's bytes live beside its outbox row, not in it (see the SQLite migration:
-- there every claim and every result rewrote the whole message). PostgreSQL keeps large
-- values out of line anyway (TOAST); the schema stays the same on both backends.
CREATE TABLE outbox_bodies (
    outbox_id BIGINT PRIMARY KEY REFERENCES outbox (id) ON DELETE CASCADE,
    body      BYTEA NOT NULL
);
INSERT INTO outbox_bodies (outbox_id, body) SELECT id, body FROM outbox;
ALTER TABLE outbox DROP COLUMN body;
