-- Post digests and finding posts again (issue 15): a post keeps its author's own words
-- (quotes and signatures cut, as `understand` read them) for the daily post digest, the
-- weekly digest's conversations and SEARCH; and the post digest job that carried it to the
-- members whose delivery is `digest`, so that no post is in two digests (NULL: not yet).
-- The posts published before this migration are not digested again.
--
-- search_index.kind: topic | takeaway | post
-- jobs.kind: announcement | call-for-topics | agenda | reminder | takeaway-request | guest-followup | digest | post-digest
-- outbox.kind: announcement | call-for-topics | agenda | reminder | takeaway-request | guest-followup | digest | post-digest | invitation | guest-reminder | update | cancellation | welcome | notice | confirmation | confirmation-request | question | command-result | forwarded | post
ALTER TABLE posts ADD COLUMN words TEXT;
ALTER TABLE posts ADD COLUMN digest_job BIGINT;
UPDATE posts SET digest_job = 0 WHERE status <> 'held';
CREATE INDEX posts_undigested ON posts (community_id, status, digest_job);
