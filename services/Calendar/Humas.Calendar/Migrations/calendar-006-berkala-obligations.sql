-- Berkala obligations: one row per DIP entry whose category has a period, with its next due date,
-- and one row per period (cycle) to count obligations met on time, late or overdue.
CREATE TABLE berkala_obligations (
    obligation_id     uuid PRIMARY KEY,
    unit_id           text NOT NULL,
    institution       text NOT NULL,
    province_code     text,
    title             text NOT NULL,
    category          text NOT NULL,
    last_published_at timestamptz NOT NULL,
    due_date          date NOT NULL,
    due_noticed       boolean NOT NULL DEFAULT false,
    overdue           boolean NOT NULL DEFAULT false,
    version           bigint NOT NULL
);
CREATE INDEX berkala_obligations_unit ON berkala_obligations (unit_id, due_date);
CREATE INDEX berkala_obligations_pending ON berkala_obligations (due_date) WHERE NOT overdue;
CREATE TABLE berkala_cycles (
    obligation_id uuid NOT NULL REFERENCES berkala_obligations (obligation_id),
    unit_id       text NOT NULL,
    due_date      date NOT NULL,
    met_at        timestamptz,
    met_late      boolean NOT NULL DEFAULT false,
    overdue       boolean NOT NULL DEFAULT false,
    PRIMARY KEY (obligation_id, due_date)
);
CREATE INDEX berkala_cycles_unit_due ON berkala_cycles (unit_id, due_date);
