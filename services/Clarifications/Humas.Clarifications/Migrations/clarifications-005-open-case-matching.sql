-- Matching at intake also compares a new report with the open cases of its unit (issue 9, point 2).
-- Every replica's in-memory match index follows the cases by their change number, as it follows
-- the published clarifications: any change to a case row moves it, so a case that is merged,
-- resolved or published leaves the index within a second.
CREATE SEQUENCE clarification_cases_change;
ALTER TABLE clarification_cases ADD COLUMN change bigint NOT NULL DEFAULT nextval('clarification_cases_change');
CREATE INDEX clarification_cases_by_change ON clarification_cases (change);

CREATE FUNCTION clarification_cases_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change := nextval('clarification_cases_change');
    RETURN NEW;
END
$$;

CREATE TRIGGER clarification_cases_changed BEFORE UPDATE ON clarification_cases
    FOR EACH ROW EXECUTE FUNCTION clarification_cases_changed();

-- The open case a new report resembled below the confirmed threshold: an officer groups them or not.
ALTER TABLE clarification_cases ADD COLUMN similar_case_id uuid;

-- The officers' case list pages by keyset, newest first.
CREATE INDEX clarification_cases_unit_page ON clarification_cases (unit_id, opened_at DESC, case_id DESC);
