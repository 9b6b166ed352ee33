-- Failures the row itself is blamed for (a type nobody knows, a body that cannot be read, a
-- message the broker refuses while it takes others); a broker outage counts in attempts only.
ALTER TABLE outbox
    ADD COLUMN failures int NOT NULL DEFAULT 0,
    ADD COLUMN last_error text;

-- Outbox rows that failed too often to keep trying: moved here so that they stop holding back
-- the rows after them. outbox_replay() puts them back once the cause is fixed.
CREATE TABLE outbox_dead_letters (
    seq            bigint PRIMARY KEY,
    message_id     uuid NOT NULL UNIQUE,
    message_type   text NOT NULL,
    body           jsonb NOT NULL,
    headers        jsonb NOT NULL,
    created        timestamptz NOT NULL,
    attempts       int NOT NULL,
    failures       int NOT NULL,
    last_error     text,
    dead_lettered  timestamptz NOT NULL DEFAULT now()
);

-- Moves one dead letter (by its seq) or all of them back into the outbox, with the same message
-- id (a consumer that had in fact received it ignores it again) and no failures counted, and
-- wakes the relay. Returns how many were moved.
CREATE FUNCTION outbox_replay(only_seq bigint DEFAULT NULL) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    replayed bigint;
BEGIN
    WITH moved AS (
        DELETE FROM outbox_dead_letters WHERE only_seq IS NULL OR seq = only_seq
        RETURNING seq, message_id, message_type, body, headers, created)
    INSERT INTO outbox (message_id, message_type, body, headers, created)
    SELECT message_id, message_type, body, headers, created FROM moved ORDER BY seq;
    GET DIAGNOSTICS replayed = ROW_COUNT;
    PERFORM pg_notify('humas_outbox', '');
    RETURN replayed;
END
$$;
