-- The id (a fingerprint) of the master key each subject key is wrapped by; NULL for keys
-- wrapped in the first format, before master keys could be rotated.
ALTER TABLE personal_data_keys ADD COLUMN master_key_id text;
