-- Election timelines as the calendar shows them (kept inline from the election streams).
CREATE TABLE elections (
    election_id text PRIMARY KEY,
    name_id     text NOT NULL,
    name_en     text NOT NULL,
    source      text NOT NULL,
    version     bigint NOT NULL
);
CREATE TABLE election_stages (
    election_id text NOT NULL REFERENCES elections (election_id),
    stage_id    text NOT NULL,
    name_id     text NOT NULL,
    name_en     text NOT NULL,
    start_date  date NOT NULL,
    end_date    date NOT NULL,
    source      text,
    corrected   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (election_id, stage_id)
);
CREATE INDEX election_stages_dates ON election_stages (start_date, end_date);
