CREATE TABLE ppid_requests (
    request_id           uuid PRIMARY KEY,
    registration_number  text NOT NULL UNIQUE,
    unit_id              text NOT NULL,
    channel              text NOT NULL,
    status               text NOT NULL,
    received_at          timestamptz NOT NULL,
    due_date             date NOT NULL,
    due_date_provisional boolean NOT NULL,
    requester_subject    uuid NOT NULL,
    access_code_hash     text NOT NULL,
    version              bigint NOT NULL
);
CREATE INDEX ppid_requests_unit ON ppid_requests (unit_id, received_at);
CREATE TABLE registration_counters (
    unit_id      text NOT NULL,
    year         int NOT NULL,
    last_number  int NOT NULL,
    PRIMARY KEY (unit_id, year)
);
