-- Each occurrence of a community's meeting_cron that has been planned as a meeting, once and
-- for all: a recurring meeting the coordinator cancelled or moved is never created again in
-- its old slot (the slot stays taken whatever became of its meeting).
CREATE TABLE recurring_slots (
    community_id BIGINT NOT NULL REFERENCES communities(id),
    starts_at    BIGINT NOT NULL,
    planned_at   BIGINT NOT NULL,
    PRIMARY KEY (community_id, starts_at)
);
