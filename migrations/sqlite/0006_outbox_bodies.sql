-- A rendered mail's bytes live beside its outbox row, not in it. Claiming a row and recording
-- its result change the row's lease and status columns; SQLite rewrites a whole record (and
-- its overflow pages) when its size changes, so with the body inline every claim and every
-- result rewrote the ~12 KB message: 64 KB written to the WAL per mail sent (BENCHMARKS.md).
CREATE TABLE outbox_bodies (
    outbox_id INTEGER PRIMARY KEY REFERENCES outbox (id) ON DELETE CASCADE,
    body      BLOB NOT NULL
);
INSERT INTO outbox_bodies (outbox_id, body) SELECT id, body FROM outbox;
ALTER TABLE outbox DROP COLUMN body;
