-- Bounces scored per person: hard (5.x.x) and soft (4.x.x), from the VERP return path
-- (list+bounce-TOKEN@domain names the person) or the report's failed recipients.
ALTER TABLE people ADD COLUMN hard_bounces BIGINT NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN soft_bounces BIGINT NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN last_bounce_at BIGINT;
