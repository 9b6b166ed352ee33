-- The changes administrators made to Ppid's working-day calendar (NonWorkingDayChanged), applied
-- over the shipped holiday data in the order of calendar_version.
CREATE TABLE working_day_changes (
    calendar_version bigint PRIMARY KEY,
    date             date NOT NULL,
    non_working      boolean NOT NULL,
    kind             text,
    name_id          text,
    name_en          text,
    source           text,
    changed_at       timestamptz NOT NULL
);
