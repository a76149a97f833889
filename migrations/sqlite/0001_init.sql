-- roundtable schema, SQLite flavour. migrations/postgres/ holds the same schema for
-- PostgreSQL: same tables, columns and meanings; only the id and byte column types differ.
-- Times are Unix seconds (UTC) in BIGINT columns: one representation on both backends.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE communities (
    id       INTEGER PRIMARY KEY,
    slug     TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    address  TEXT NOT NULL UNIQUE,
    timezone TEXT NOT NULL
);

CREATE TABLE people (
    id           INTEGER PRIMARY KEY,
    community_id BIGINT NOT NULL REFERENCES communities(id),
    address      TEXT NOT NULL,
    name         TEXT,
    role         TEXT NOT NULL,          -- member | guest | coordinator
    status       TEXT NOT NULL DEFAULT 'active', -- active | paused | left
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    UNIQUE (community_id, address)
);

CREATE TABLE meetings (
    id           INTEGER PRIMARY KEY,
    community_id BIGINT NOT NULL REFERENCES communities(id),
    starts_at    BIGINT NOT NULL,
    place        TEXT,
    status       TEXT NOT NULL DEFAULT 'scheduled', -- scheduled | cancelled
    sequence     BIGINT NOT NULL DEFAULT 0,         -- iCalendar SEQUENCE
    thread_id    TEXT NOT NULL,                     -- Message-ID every mail of the meeting refers to
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX meetings_by_start ON meetings (community_id, starts_at);

CREATE TABLE rsvps (
    meeting_id  BIGINT NOT NULL REFERENCES meetings(id),
    person_id   BIGINT NOT NULL REFERENCES people(id),
    response    TEXT NOT NULL,           -- yes | no | maybe
    note        TEXT,
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);

-- One row per inbound message handled: the "handled" record that makes effects exactly-once.
CREATE TABLE inbound (
    id           INTEGER PRIMARY KEY,
    dedup_key    TEXT NOT NULL UNIQUE,
    message_id   TEXT,
    from_address TEXT,
    community_id BIGINT,
    person_id    BIGINT,
    received_at  BIGINT NOT NULL,
    kind         TEXT NOT NULL,          -- the reading's kind, or 'unreadable'
    outcome      TEXT NOT NULL,          -- what was done, one line
    raw          BLOB                    -- kept when nobody could read it
);

-- Every outgoing mail, one row per recipient, rendered once; delivery claims rows with a lease.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    dedup_key       TEXT NOT NULL UNIQUE,  -- job x recipient: enqueuing twice is a no-op
    community_id    BIGINT,
    meeting_id      BIGINT,
    person_id       BIGINT,
    kind            TEXT NOT NULL,         -- X-Roundtable-Kind
    recipient       TEXT NOT NULL,
    envelope_from   TEXT NOT NULL,
    message_id      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            BLOB NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending', -- pending | sent | failed
    attempts        BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    leased_until    BIGINT,
    lease_owner     TEXT,
    last_error      TEXT,
    sent_at         BIGINT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_by_message_id ON outbox (message_id);
