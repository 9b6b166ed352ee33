-- The body of the version each release is at, rendered from its Markdown and sanitised once when
-- it is written (drafted, revised, corrected) instead of on every feed request. Null for rows
-- written before: the feeds render those on reading, as they did.
ALTER TABLE press_release_feed ADD COLUMN body_html text;
