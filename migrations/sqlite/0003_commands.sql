-- Coordinator commands and member self-service: confirmations, the audit log, full-text
-- search over topics and takeaways, and the guest pipeline.

-- A command waiting for the coordinator to confirm it (coordinator_auth = confirm): single
-- use, expiring. The confirmation token in the reply address names this row.
CREATE TABLE confirmations (
    id           INTEGER PRIMARY KEY,
    community_id BIGINT NOT NULL REFERENCES communities(id),
    person_id    BIGINT NOT NULL REFERENCES people(id),
    command      TEXT NOT NULL,
    args         TEXT NOT NULL,          -- the Subject's arguments, one per line
    body         TEXT NOT NULL,          -- the sender's own words (ATTENDED lists)
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    used_at      BIGINT
);

-- Every command and what became of it.
CREATE TABLE audit (
    id           INTEGER PRIMARY KEY,
    community_id BIGINT,
    at           BIGINT NOT NULL,
    actor        TEXT NOT NULL,
    command      TEXT NOT NULL,
    auth         TEXT NOT NULL,          -- how the sender was trusted, or why not
    outcome      TEXT NOT NULL
);
CREATE INDEX audit_by_time ON audit (at);

-- What SEARCH looks through (SQLite FTS5 here; a tsvector column on PostgreSQL).
CREATE VIRTUAL TABLE search_index USING fts5(
    body,
    community_id UNINDEXED,
    kind UNINDEXED,
    author UNINDEXED,
    at UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The guest pipeline: when they were invited, followed up, reminded.
ALTER TABLE people ADD COLUMN invited_at BIGINT;
ALTER TABLE people ADD COLUMN followup_at BIGINT;
ALTER TABLE people ADD COLUMN nudged_at BIGINT;

-- When a non-member was last answered (one polite answer a day at most).
CREATE TABLE strangers (
    community_id BIGINT NOT NULL,
    address      TEXT NOT NULL,
    answered_at  BIGINT NOT NULL,
    PRIMARY KEY (community_id, address)
);
