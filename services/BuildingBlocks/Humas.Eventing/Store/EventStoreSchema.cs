namespace Humas.Eventing.Store;

/// <summary>The tables every service database has: the log, the outbox, the inbox, checkpoints and personal-data keys.</summary>
internal static class EventStoreSchema
{
    public static readonly IReadOnlyList<SchemaMigration> Migrations =
    [
        new("store-001-streams-and-events", """
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
            """),
        new("store-002-outbox-inbox-checkpoints", """
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
            """),
        new("store-003-idempotency-keys", """
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
            """),
    ];
}
