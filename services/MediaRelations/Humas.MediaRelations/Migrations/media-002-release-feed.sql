-- One row per release for the feeds: which unit and subjects, since when public (null while a
-- draft, scheduled or under embargo), withdrawn or not, and when it last changed in public.
CREATE TABLE press_release_feed (
    release_id    uuid PRIMARY KEY,
    unit_id       text NOT NULL,
    subjects      text[] NOT NULL,
    public_since  timestamptz,
    withdrawn     boolean NOT NULL DEFAULT false,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX press_release_feed_public ON press_release_feed (updated_at DESC) WHERE public_since IS NOT NULL;
CREATE INDEX press_release_feed_unit ON press_release_feed (unit_id, updated_at DESC) WHERE public_since IS NOT NULL;
