CREATE TABLE ppid_objections (
    objection_id         uuid PRIMARY KEY,
    objection_number     text NOT NULL UNIQUE,
    request_id           uuid NOT NULL,
    registration_number  text NOT NULL,
    unit_id              text NOT NULL,
    grounds              text[] NOT NULL,
    status               text NOT NULL,
    filed_at             timestamptz NOT NULL,
    decision_due_date    date NOT NULL,
    decision             text,
    decided_at           timestamptz,
    decided_late         boolean,
    dispute_due_date     date,
    dispute_filed_at     timestamptz,
    version              bigint NOT NULL
);
CREATE INDEX ppid_objections_unit ON ppid_objections (unit_id, filed_at);
CREATE INDEX ppid_objections_request ON ppid_objections (request_id);
