CREATE TABLE dip_entries (
    entry_id             uuid PRIMARY KEY,
    unit_id              text NOT NULL,
    status               text NOT NULL,
    category             text NOT NULL,
    title                text NOT NULL,
    summary              text NOT NULL,
    responsible_official text NOT NULL,
    formats              text[] NOT NULL,
    retention_period     text NOT NULL,
    year                 int NOT NULL,
    exemption_clause     text,
    consequence_test     text,
    listed_at            timestamptz,
    url                  text,
    withdrawn_at         timestamptz,
    withdrawal_reason    text,
    version              bigint NOT NULL
);
CREATE INDEX dip_entries_listed ON dip_entries (unit_id, category) WHERE status IN ('published', 'recorded-as-exempt');
