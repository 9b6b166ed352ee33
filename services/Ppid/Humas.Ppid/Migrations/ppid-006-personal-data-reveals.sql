-- Each time an officer had a requester's masked personal data (NIK, phone) shown whole.
CREATE TABLE personal_data_reveals (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id           uuid NOT NULL,
    registration_number  text NOT NULL,
    actor                text NOT NULL,
    fields               text[] NOT NULL,
    at                   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personal_data_reveals_request ON personal_data_reveals (registration_number, at);
