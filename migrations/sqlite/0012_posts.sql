-- Posts to the list (issue 15): a member's mail to the community's address goes to every
-- member who takes posts one by one. Its bytes are stored once, here, as they came; each
-- member's copy is an outbox row naming the post (outbox.post_id), whose outbox_bodies row
-- holds only that member's own parts (To, unsubscribe, footer, a few hundred bytes). The
-- copy is put together when it is sent (store::outbox::claim_outbox), never stored whole.
-- A held post waits here for a coordinator's APPROVE or REJECT, or expires.
--
-- posts.status: held | published | rejected | expired
-- people.delivery: each | digest | none
-- outbox.kind: announcement | call-for-topics | agenda | reminder | takeaway-request | guest-followup | digest | invitation | guest-reminder | update | cancellation | welcome | notice | confirmation | confirmation-request | question | command-result | forwarded | post
CREATE TABLE posts (
    id             INTEGER PRIMARY KEY,
    community_id   BIGINT NOT NULL REFERENCES communities (id),
    person_id      BIGINT REFERENCES people (id),
    author_address TEXT NOT NULL,
    author_name    TEXT,
    message_id     TEXT NOT NULL,
    thread_id      TEXT NOT NULL,
    subject        TEXT NOT NULL,
    status         TEXT NOT NULL,
    hold_reason    TEXT,
    size           BIGINT NOT NULL,
    -- The headers every copy shares (From munged, Subject prefixed, List-*), written once.
    headers        TEXT NOT NULL,
    raw            BLOB NOT NULL,
    created_at     BIGINT NOT NULL,
    decided_at     BIGINT,
    UNIQUE (community_id, message_id)
);
CREATE INDEX posts_thread ON posts (community_id, thread_id);
CREATE INDEX posts_author ON posts (community_id, author_address, created_at);
CREATE INDEX posts_status ON posts (status, created_at);
ALTER TABLE outbox ADD COLUMN post_id BIGINT REFERENCES posts (id);
ALTER TABLE people ADD COLUMN delivery TEXT NOT NULL DEFAULT 'each';
ALTER TABLE people ADD COLUMN moderated BIGINT NOT NULL DEFAULT 0;
