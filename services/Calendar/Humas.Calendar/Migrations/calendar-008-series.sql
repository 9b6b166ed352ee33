-- Recurring items, for the sweep that generates their occurrences ahead as time passes.
CREATE TABLE series (
    series_id    uuid PRIMARY KEY,
    unit_id      text NOT NULL,
    generated_to date NOT NULL
);
