-- Delivery's sent journal on PostgreSQL (issue 14; `outbox::journal` is SQLite's, a file).
-- A mail the server accepted is recorded first as a row here: an insert into a table without
-- an index, where marking its outbox row sent changes its status, which the partial index
-- `outbox_pending` names, and so writes an entry in each of the outbox's indexes (~60 µs of
-- the server's time a row in small groups against ~16 µs in a set of 200; BENCHMARKS.md,
-- "Session 14"). A delivery folds its rows into the outbox once per batch, in one statement;
-- the rows of one that died are folded by the next claim, anyone's, once their lease has run
-- out, so that a mail it sent is never claimed and sent again.
-- `lease_owner` is the owner the outbox row was claimed under: folding marks only rows still
-- leased by it, so folding twice, or after the row was taken over, changes nothing.
CREATE TABLE outbox_sent (
    lease_owner TEXT NOT NULL,
    outbox_id   BIGINT NOT NULL,
    sent_at     BIGINT NOT NULL
);
