-- Screenshots of a reported claim, stored in the service's own database (docs/adr/0008): the bytes
-- with the content type found from them and their SHA-256, written in the transaction that records
-- the report's event, so the log and the evidence never disagree.
CREATE TABLE clarification_screenshots (
    screenshot_id uuid PRIMARY KEY,
    report_id     uuid NOT NULL,
    media_type    text NOT NULL,
    size          int NOT NULL CHECK (size > 0),
    sha256        text NOT NULL,
    content       bytea NOT NULL,
    added_at      timestamptz NOT NULL
);

CREATE INDEX clarification_screenshots_report ON clarification_screenshots (report_id);
