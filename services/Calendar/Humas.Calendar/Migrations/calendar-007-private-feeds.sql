-- Private calendar links: an officer's secret URL for their unit's internal calendar. Only the
-- token's hash is kept; revoking sets revoked_at and the link answers 404 from then on.
CREATE TABLE private_feeds (
    feed_id     uuid PRIMARY KEY,
    token_hash  text NOT NULL UNIQUE,
    unit_id     text NOT NULL,
    owner       text NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX private_feeds_owner ON private_feeds (owner);
