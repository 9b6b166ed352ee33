-- Webhook subscriptions (from their events) and the deliveries owed to them. A delivery is
-- written in the transaction that appends the release's event, so none is lost; the delivery
-- service sends it, retries with back-off, and marks it dead after the last attempt.
CREATE TABLE webhook_subscriptions (
    subscription_id  uuid PRIMARY KEY,
    journalist_id    uuid NOT NULL,
    unit_ids         text[] NOT NULL,
    subjects         text[] NOT NULL,
    url              text NOT NULL,
    sealed_secret    text NOT NULL,
    active           boolean NOT NULL
);

CREATE TABLE webhook_deliveries (
    seq              bigserial PRIMARY KEY,
    delivery_id      uuid NOT NULL UNIQUE,
    subscription_id  uuid NOT NULL REFERENCES webhook_subscriptions (subscription_id),
    release_id       uuid NOT NULL,
    stream_version   bigint NOT NULL,
    kind             text NOT NULL,
    status           text NOT NULL DEFAULT 'pending',
    attempts         integer NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    delivered_at     timestamptz
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, seq DESC);

CREATE TABLE webhook_delivery_attempts (
    delivery_id  uuid NOT NULL REFERENCES webhook_deliveries (delivery_id),
    attempt      integer NOT NULL,
    at           timestamptz NOT NULL,
    status_code  integer,
    error        text,
    PRIMARY KEY (delivery_id, attempt)
);
