-- A meeting that took place is marked held (the schedule does it once its time and length have
-- passed), and a job counts the times it was claimed, so that one failing on every attempt is
-- given up (failed) instead of being tried for ever. The value sets of 0007, as they are now:
--
-- meetings.status: scheduled | cancelled | held
-- jobs.status: pending | done | skipped | cancelled | failed
ALTER TABLE jobs ADD COLUMN attempts BIGINT NOT NULL DEFAULT 0;
