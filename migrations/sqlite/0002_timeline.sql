-- The meeting timeline: persisted jobs, topics and votes, takeaways, attendance, and leases.

-- One row per mail-sending job: a meeting's announcement, call for topics, agenda, reminder,
-- takeaway request, guest follow-up, or a community's digest. `job_key` makes each job exist
-- once ("meeting:12:agenda", "digest:3:1796000000"); firing it queues one outbox row per
-- recipient (dedup "job:<id>:<person>") and marks it done in the same transaction.
CREATE TABLE jobs (
    id           INTEGER PRIMARY KEY,
    job_key      TEXT NOT NULL UNIQUE,
    community_id BIGINT NOT NULL REFERENCES communities(id),
    meeting_id   BIGINT REFERENCES meetings(id),
    kind         TEXT NOT NULL,
    due_at       BIGINT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending', -- pending | done | skipped | cancelled
    leased_until BIGINT,
    lease_owner  TEXT,
    done_at      BIGINT,
    detail       TEXT
);
CREATE INDEX jobs_due ON jobs (status, due_at);

-- Topics are numbered per community (#1, #2, …) so that "+1 #3" means the same to everyone.
CREATE TABLE topics (
    id           INTEGER PRIMARY KEY,
    community_id BIGINT NOT NULL REFERENCES communities(id),
    number       BIGINT NOT NULL,
    title        TEXT NOT NULL,
    details      TEXT,
    proposer_id  BIGINT REFERENCES people(id),
    status       TEXT NOT NULL DEFAULT 'open',   -- open | closed | deferred
    created_at   BIGINT NOT NULL,
    first_meeting_id BIGINT,                     -- the meeting it was first proposed for
    UNIQUE (community_id, number)
);

CREATE TABLE votes (
    topic_id  BIGINT NOT NULL REFERENCES topics(id),
    person_id BIGINT NOT NULL REFERENCES people(id),
    voted_at  BIGINT NOT NULL,
    PRIMARY KEY (topic_id, person_id)
);

CREATE TABLE takeaways (
    id             INTEGER PRIMARY KEY,
    meeting_id     BIGINT NOT NULL REFERENCES meetings(id),
    person_id      BIGINT NOT NULL REFERENCES people(id),
    text           TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    digest_job_id  BIGINT                         -- the digest that carried it (never repeated)
);
CREATE INDEX takeaways_undigested ON takeaways (digest_job_id, meeting_id);

-- Who attended, from the coordinator's ATTENDED list (else the YES answers count).
CREATE TABLE attendance (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    person_id  BIGINT NOT NULL REFERENCES people(id),
    PRIMARY KEY (meeting_id, person_id)
);

-- One holder at a time for things only one daemon should do (a mailbox).
CREATE TABLE leases (
    name   TEXT PRIMARY KEY,
    owner  TEXT NOT NULL,
    until  BIGINT NOT NULL
);

-- Recurring meetings from meeting_cron are created once per start time.
CREATE UNIQUE INDEX meetings_once_per_start ON meetings (community_id, starts_at) WHERE status = 'scheduled';
