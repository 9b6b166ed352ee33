ALTER TABLE request_deadlines
    ADD COLUMN answered_at timestamptz,
    ADD COLUMN outcome text,
    ADD COLUMN overdue boolean NOT NULL DEFAULT false;
