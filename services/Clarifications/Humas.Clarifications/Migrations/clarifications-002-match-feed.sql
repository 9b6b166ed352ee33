-- The order in which published rows changed, so that every replica's in-memory match index
-- picks up new, corrected and retracted clarifications (see MatchIndexSync).
CREATE SEQUENCE clarifications_published_change;
ALTER TABLE clarifications_published ADD COLUMN change bigint NOT NULL DEFAULT nextval('clarifications_published_change');
CREATE INDEX clarifications_published_by_change ON clarifications_published (change);
