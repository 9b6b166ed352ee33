-- An objection belongs to the unit its request is at now: objections of requests routed before
-- the register followed routing move to the request's unit.
UPDATE ppid_objections o SET unit_id = r.unit_id
FROM ppid_requests r
WHERE r.request_id = o.request_id AND o.unit_id <> r.unit_id;

-- Requests routed before routing was published: tell the other services now, so that their
-- per-unit views (the Calendar's deadlines) follow. Consumers keep the highest request version.
INSERT INTO outbox (message_id, message_type, body)
SELECT gen_random_uuid(), 'Humas.Ppid.Contracts.InformationRequestRouted',
       jsonb_build_object('requestId', r.request_id, 'registrationNumber', r.registration_number,
           'fromUnitId', e.data->>'fromUnitId', 'toUnitId', e.data->>'toUnitId', 'routedAt', e.data->'at', 'requestVersion', e.version)
FROM events e
JOIN ppid_requests r ON e.stream_id = 'request-' || r.request_id::text
WHERE e.type = 'request-routed'
ORDER BY e.seq;
