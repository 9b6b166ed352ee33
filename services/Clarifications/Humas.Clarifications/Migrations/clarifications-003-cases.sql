-- Reports, cases and what publishing from a case adds to a published clarification.
-- All kept inline from the report and case streams (the log is the truth; these are read models).

-- Report numbers per unit and year: KPU-33.21-LAP-2026-00001.
CREATE TABLE clarification_report_sequences (
    unit_id   text NOT NULL,
    year      int NOT NULL,
    last      int NOT NULL,
    PRIMARY KEY (unit_id, year)
);

CREATE TABLE clarification_reports (
    report_id      uuid PRIMARY KEY,
    number         text NOT NULL UNIQUE,
    unit_id        text NOT NULL,
    province_id    text NOT NULL,
    channel        text NOT NULL,
    received_at    timestamptz NOT NULL,
    case_id        uuid,
    -- The published clarification the report repeats (confirmed at intake, or an officer confirmed the suggestion).
    linked_number  text,
    match_tier     text
);

CREATE INDEX clarification_reports_unit ON clarification_reports (unit_id, received_at);
CREATE INDEX clarification_reports_case ON clarification_reports (case_id);

CREATE TABLE clarification_cases (
    case_id           uuid PRIMARY KEY,
    unit_id           text NOT NULL,
    province_id       text NOT NULL,
    status            text NOT NULL,
    track             text NOT NULL,
    claim             text NOT NULL,
    opened_at         timestamptz NOT NULL,
    due_at            timestamptz NOT NULL,
    flagged           boolean NOT NULL DEFAULT false,
    escalated_to      text,
    suggested_number  text,
    resolved_number   text,
    verifier          text,
    label             text,
    number            text,
    published_at      timestamptz,
    report_count      int NOT NULL DEFAULT 1,
    updated_at        timestamptz NOT NULL
);

CREATE INDEX clarification_cases_unit ON clarification_cases (unit_id, opened_at);
CREATE INDEX clarification_cases_open_due ON clarification_cases (due_at) WHERE status = 'open' AND NOT flagged;

ALTER TABLE clarifications_published
    ADD COLUMN case_id              uuid,
    ADD COLUMN track                text,
    ADD COLUMN appearance_url       text,
    ADD COLUMN first_seen_at        timestamptz,
    ADD COLUMN reach_shares         bigint,
    ADD COLUMN reach_views          bigint,
    ADD COLUMN quoted_by            text[] NOT NULL DEFAULT '{}',
    ADD COLUMN current_version      int NOT NULL DEFAULT 1,
    ADD COLUMN retracted_at         timestamptz,
    ADD COLUMN retraction_reason    text,
    ADD COLUMN statement_release_id uuid,
    ADD COLUMN statement_headline   text,
    ADD COLUMN updated_at           timestamptz NOT NULL DEFAULT now();

UPDATE clarifications_published SET updated_at = published_at;

-- Every correction of a published clarification: a new version with its note.
CREATE TABLE clarification_corrections (
    clarification_id uuid NOT NULL,
    version          int NOT NULL,
    note             text NOT NULL,
    corrected_at     timestamptz NOT NULL,
    PRIMARY KEY (clarification_id, version)
);
