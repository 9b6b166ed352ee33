-- One row per change of the working-day calendar, written in the transaction of the change: the
-- open due dates are then counted again by a background job (DueDateRecomputer) that keeps its
-- place here, so that a restart resumes it and a failing stream is tried again.
CREATE TABLE ppid_due_date_recomputations (
    calendar_version    bigint PRIMARY KEY,
    cause               text NOT NULL,
    requested_at        timestamptz NOT NULL DEFAULT now(),
    started_at          timestamptz,
    completed_at        timestamptz,
    -- The calendar version whose pass did this change's work (a later change covers an earlier one).
    covered_by          bigint,
    -- Where the pass is: 'requests' then 'objections', and the last id done in that phase.
    phase               text NOT NULL DEFAULT 'requests',
    checkpoint          uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    requests_changed    int NOT NULL DEFAULT 0,
    objections_changed  int NOT NULL DEFAULT 0,
    -- Streams the current pass could not recompute, and how many the last finished pass could not.
    pass_failures       int NOT NULL DEFAULT 0,
    failed_streams      int NOT NULL DEFAULT 0,
    passes              int NOT NULL DEFAULT 0,
    retry_at            timestamptz
);
CREATE INDEX ppid_due_date_recomputations_pending ON ppid_due_date_recomputations (calendar_version) WHERE completed_at IS NULL;
