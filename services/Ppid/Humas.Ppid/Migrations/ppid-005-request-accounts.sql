CREATE INDEX ppid_requests_account ON ppid_requests (requester_account) WHERE requester_account IS NOT NULL;
