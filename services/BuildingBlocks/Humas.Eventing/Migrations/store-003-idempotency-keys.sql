CREATE TABLE idempotency_keys (
    scope         text NOT NULL,
    key           text NOT NULL,
    request_hash  text NOT NULL,
    status        int NOT NULL DEFAULT 0,
    location      text,
    body          text,
    created       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
