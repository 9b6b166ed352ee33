-- The compliance view: each berkala obligation the Calendar tracks for a unit, as its latest
-- message said (scheduled, due or overdue). Messages can arrive out of order: the highest
-- version wins.
CREATE TABLE periodic_obligations (
    obligation_id     uuid PRIMARY KEY,
    unit_id           text NOT NULL,
    title             text NOT NULL,
    category          text NOT NULL,
    due_date          date NOT NULL,
    state             text NOT NULL,
    last_published_at timestamptz,
    changed_at        timestamptz,
    version           bigint NOT NULL
);
CREATE INDEX periodic_obligations_unit ON periodic_obligations (unit_id, due_date);
