CREATE TABLE request_deadlines (
    request_id           uuid PRIMARY KEY,
    registration_number  text NOT NULL,
    unit_id              text NOT NULL,
    received_at          timestamptz NOT NULL,
    due_date             date NOT NULL,
    due_date_provisional boolean NOT NULL
);
CREATE INDEX request_deadlines_unit_due ON request_deadlines (unit_id, due_date);
-- A running count per unit: an effect that would double if a message were handled twice.
CREATE TABLE unit_request_counts (
    unit_id     text PRIMARY KEY,
    registered  int NOT NULL
);
