ALTER TABLE request_deadlines ADD COLUMN due_date_version bigint NOT NULL DEFAULT 1;
