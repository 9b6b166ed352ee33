-- Journalists, for finding one by account, unit or token: the personal data stays sealed in the
-- events; this table holds none of it.
CREATE TABLE journalists (
    journalist_id  uuid PRIMARY KEY,
    unit_id        text NOT NULL,
    account        text NOT NULL,
    status         text NOT NULL,
    token_hash     text,
    registered_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX journalists_account_unit ON journalists (account, unit_id);
CREATE UNIQUE INDEX journalists_token ON journalists (token_hash) WHERE token_hash IS NOT NULL;
CREATE INDEX journalists_unit ON journalists (unit_id, registered_at DESC);

-- Releases published under an embargo still in force, for the journalists' channel.
ALTER TABLE press_release_feed ADD COLUMN embargo_until timestamptz;
CREATE INDEX press_release_feed_embargoed ON press_release_feed (unit_id) WHERE embargo_until IS NOT NULL AND public_since IS NULL AND NOT withdrawn;
