-- The bytes of press-release attachments (PDF, PNG, JPEG), kept in the service's own database
-- next to the events that name them: see docs/adr/0008-press-release-attachments.md.
CREATE TABLE release_attachments (
    attachment_id  uuid PRIMARY KEY,
    release_id     uuid NOT NULL,
    content_type   text NOT NULL,
    size           bigint NOT NULL,
    sha256         text NOT NULL,
    content        bytea NOT NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX release_attachments_release ON release_attachments (release_id);
