-- The audit log of accounts: append-only. The service's role may insert and read; no one
-- (the owner included) may change or remove a row, which a trigger enforces.
CREATE TABLE audit_log (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL,
    kind text NOT NULL,
    account_id text,
    actor_id text,
    unit text,
    role text,
    previous_role text,
    previous_unit text
);
CREATE INDEX audit_log_unit ON audit_log (unit, seq DESC);
CREATE INDEX audit_log_previous_unit ON audit_log (previous_unit, seq DESC) WHERE previous_unit IS NOT NULL;

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
