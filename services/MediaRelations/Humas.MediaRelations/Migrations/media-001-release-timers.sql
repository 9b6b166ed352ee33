CREATE TABLE press_release_timers (
    release_id  uuid PRIMARY KEY,
    due_at      timestamptz NOT NULL
);
CREATE INDEX press_release_timers_due ON press_release_timers (due_at);
