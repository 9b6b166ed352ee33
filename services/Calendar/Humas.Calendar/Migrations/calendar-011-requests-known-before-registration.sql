-- Messages of one request travel on different queues: a due-date change, an answer, an overdue
-- flag or a routing can arrive before the registration (a backlog on the registrations' queue on
-- a busy day). Each is kept at once in a row that waits for its registration; only registered
-- rows are listed. What the registration does not know yet stays empty until then.
ALTER TABLE request_deadlines
    ALTER COLUMN received_at DROP NOT NULL,
    ALTER COLUMN due_date DROP NOT NULL,
    ALTER COLUMN due_date_provisional SET DEFAULT false,
    ADD COLUMN registered boolean NOT NULL DEFAULT true;
