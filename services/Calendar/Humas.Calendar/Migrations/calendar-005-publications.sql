-- Planned (and unplanned) publications as agendas, roll-ups and feeds read them; kept inline
-- from the publication streams. planned_date is the local date in the unit's zone; agenda_date
-- is the planned date, or for an unplanned publication the local date it went out.
CREATE TABLE publications (
    publication_id  uuid PRIMARY KEY,
    unit_id         text NOT NULL,
    institution     text NOT NULL,
    province_code   text,
    time_zone       text NOT NULL,
    title           text NOT NULL,
    kind            text NOT NULL,
    channels        text[] NOT NULL,
    owner           text NOT NULL,
    election_id     text,
    stage_id        text,
    notes           text,
    visibility      text NOT NULL,
    content_ref     text,
    planned_at      timestamptz,
    agenda_date     date,
    status          text NOT NULL,
    published_at    timestamptz,
    late            boolean NOT NULL DEFAULT false,
    url             text,
    unplanned       boolean NOT NULL DEFAULT false,
    series_id       uuid,
    occurrence_date date,
    version         bigint NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX publications_unit_date ON publications (unit_id, agenda_date);
CREATE INDEX publications_province_date ON publications (institution, province_code, agenda_date);
CREATE INDEX publications_open_planned ON publications (planned_at) WHERE status IN ('planned', 'in-progress') AND planned_at IS NOT NULL;
CREATE INDEX publications_content_ref ON publications (unit_id, content_ref) WHERE content_ref IS NOT NULL;
