-- Whether a request was answered after its due date, so that the annual report is counted by
-- the database from this table alone. Requests answered before this column existed take it
-- from their request-answered event.
ALTER TABLE ppid_requests ADD COLUMN answered_late boolean;
UPDATE ppid_requests r
SET answered_late = (e.data ->> 'late')::boolean
FROM events e
WHERE e.stream_id = 'request-' || r.request_id::text AND e.type = 'request-answered';
