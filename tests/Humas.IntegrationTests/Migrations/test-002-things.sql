CREATE TABLE things (stream_id text PRIMARY KEY, what text NOT NULL)
