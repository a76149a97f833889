-- A post's copies are an outbox row each (migration 0012), all carrying the author's
-- Message-ID and each its member's address. Nothing looks a copy up by either: a reply to a
-- post is placed by `posts` (its Message-ID and thread) before any look-up in the outbox, and
-- the per-sender counts of answers and questions count other kinds of mail. Yet each copy
-- wrote an entry in both indexes when it was queued and another when it was marked sent (the
-- status changes, so the new row version is indexed anew): at 10,000 copies sharing one
-- Message-ID, 40,000 entries in indexes for look-ups that never find them, and on PostgreSQL
-- about a quarter of the time a fold of the sent journal takes (BENCHMARKS.md, "Session 15").
-- Both indexes now hold only the mail that is not a post's copy, and the statements that use
-- them say so (`post_id IS NULL`: a partial index serves only a statement whose WHERE implies
-- its own).
DROP INDEX outbox_by_message_id;
CREATE INDEX outbox_by_message_id ON outbox (message_id) WHERE post_id IS NULL;
DROP INDEX outbox_by_recipient;
CREATE INDEX outbox_by_recipient ON outbox (recipient, created_at) WHERE post_id IS NULL;
