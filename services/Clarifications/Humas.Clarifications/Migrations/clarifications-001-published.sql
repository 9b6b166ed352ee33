-- Published clarifications, as the public reads them and as matching at intake searches them.
-- Kept inline from the clarification streams (the log is the truth; this is its read model).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE clarifications_published (
    clarification_id uuid PRIMARY KEY,
    number           text NOT NULL UNIQUE,
    unit_id          text NOT NULL,
    province_id      text NOT NULL,
    label            text NOT NULL,
    title            text NOT NULL,
    claim            text NOT NULL,
    explanation      text NOT NULL,
    source_url       text,
    published_at     timestamptz NOT NULL,
    imported         boolean NOT NULL DEFAULT false,
    retracted        boolean NOT NULL DEFAULT false,
    -- The claim normalised for matching (informal spellings, place names, affixes): see ClaimText.
    match_text       text NOT NULL,
    version          bigint NOT NULL
);

CREATE INDEX clarifications_published_unit ON clarifications_published (unit_id, published_at DESC);
CREATE INDEX clarifications_published_province ON clarifications_published (province_id, published_at DESC);
CREATE INDEX clarifications_published_match ON clarifications_published USING gin (match_text gin_trgm_ops);

-- Numbers per unit and year: KPU-33.21-KLR-2026-00001.
CREATE TABLE clarification_number_sequences (
    unit_id   text NOT NULL,
    year      int NOT NULL,
    last      int NOT NULL,
    PRIMARY KEY (unit_id, year)
);
