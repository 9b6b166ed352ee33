ALTER TABLE ppid_requests
    ADD COLUMN outcome text,
    ADD COLUMN extended boolean NOT NULL DEFAULT false,
    ADD COLUMN overdue boolean NOT NULL DEFAULT false,
    ADD COLUMN closed_at timestamptz,
    ADD COLUMN answer_working_days int,
    ADD COLUMN exemption text,
    ADD COLUMN requester_account text,
    ADD COLUMN requester_erased boolean NOT NULL DEFAULT false,
    ADD COLUMN information_requested text NOT NULL DEFAULT '',
    ADD COLUMN sealed_requester text NOT NULL DEFAULT '';
CREATE INDEX ppid_requests_open ON ppid_requests (due_date) WHERE status IN ('registered', 'awaiting-clarification');
