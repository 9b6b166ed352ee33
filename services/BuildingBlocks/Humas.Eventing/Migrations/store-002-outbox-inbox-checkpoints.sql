CREATE TABLE outbox (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id    uuid NOT NULL UNIQUE,
    message_type  text NOT NULL,
    body          jsonb NOT NULL,
    headers       jsonb NOT NULL DEFAULT '{}',
    created       timestamptz NOT NULL DEFAULT now(),
    attempts      int NOT NULL DEFAULT 0,
    sent          timestamptz
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent IS NULL;
CREATE TABLE inbox (
    consumer    text NOT NULL,
    message_id  uuid NOT NULL,
    received    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
CREATE TABLE checkpoints (
    name     text PRIMARY KEY,
    tx       xid8 NOT NULL DEFAULT '0',
    seq      bigint NOT NULL DEFAULT 0,
    updated  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE personal_data_keys (
    subject_id   uuid PRIMARY KEY,
    wrapped_key  bytea,
    created      timestamptz NOT NULL DEFAULT now(),
    erased       timestamptz
);
