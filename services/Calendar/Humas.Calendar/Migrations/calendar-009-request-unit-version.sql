-- The request version that last set unit_id: a routing message older than it changes nothing.
ALTER TABLE request_deadlines ADD COLUMN unit_version bigint NOT NULL DEFAULT 1;
