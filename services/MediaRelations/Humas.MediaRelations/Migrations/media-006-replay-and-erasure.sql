-- A dead delivery an officer replays gets a fresh set of attempts, counted from where it died;
-- a cancelled one (its subscription cancelled, or its journalist's accreditation revoked) is
-- never sent.
ALTER TABLE webhook_deliveries ADD COLUMN attempts_before_replay integer NOT NULL DEFAULT 0;
CREATE INDEX webhook_deliveries_dead ON webhook_deliveries (subscription_id) WHERE status = 'dead';

-- A journalist whose personal data is erased is unlinked from their account.
ALTER TABLE journalists ALTER COLUMN account DROP NOT NULL;
