-- A subscription's URL and secret are sealed together under its journalist's personal-data
-- subject (see docs/adr/0011-webhook-targets-sealed-per-journalist.md); url and sealed_secret
-- remain for subscriptions made before, and are emptied when their journalist is erased.
ALTER TABLE webhook_subscriptions
    ADD COLUMN personal_data_subject uuid,
    ADD COLUMN sealed_target text,
    ALTER COLUMN url DROP NOT NULL,
    ALTER COLUMN sealed_secret DROP NOT NULL;

-- Journalists already erased (their account unlinked): their subscriptions end and lose the URL here.
UPDATE webhook_deliveries SET status = 'cancelled'
WHERE status = 'pending' AND subscription_id IN (
    SELECT s.subscription_id FROM webhook_subscriptions s JOIN journalists j ON j.journalist_id = s.journalist_id WHERE j.account IS NULL);
UPDATE webhook_subscriptions SET active = false, url = NULL, sealed_secret = NULL
WHERE journalist_id IN (SELECT journalist_id FROM journalists WHERE account IS NULL);
