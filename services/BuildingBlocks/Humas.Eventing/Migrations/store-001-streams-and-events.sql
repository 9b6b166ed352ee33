CREATE TABLE streams (
    id       text PRIMARY KEY,
    type     text NOT NULL,
    version  bigint NOT NULL CHECK (version > 0),
    created  timestamptz NOT NULL DEFAULT now(),
    updated  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE events (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id         uuid NOT NULL,
    stream_id  text NOT NULL REFERENCES streams (id),
    version    bigint NOT NULL,
    type       text NOT NULL,
    data       jsonb NOT NULL,
    metadata   jsonb NOT NULL DEFAULT '{}',
    created    timestamptz NOT NULL DEFAULT now(),
    tx         xid8 NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT events_stream_id_version_key UNIQUE (stream_id, version)
);
-- Followers of the log read in commit-safe order: (tx, seq) below the snapshot's xmin.
CREATE INDEX events_tx_seq ON events (tx, seq);
