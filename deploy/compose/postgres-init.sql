-- Run once by the postgres image when its data volume is new (docker-entrypoint-initdb.d).
-- Each service connects with a role of its own that owns its database and can connect to no
-- other: PUBLIC loses the CONNECT right every new database grants it by default. The
-- passwords are development values, as everything in docker-compose.yml.
CREATE ROLE humas_ppid LOGIN PASSWORD 'humas_ppid';
CREATE DATABASE ppid OWNER humas_ppid;
REVOKE CONNECT, TEMPORARY ON DATABASE ppid FROM PUBLIC;

CREATE ROLE humas_calendar LOGIN PASSWORD 'humas_calendar';
CREATE DATABASE calendar OWNER humas_calendar;
REVOKE CONNECT, TEMPORARY ON DATABASE calendar FROM PUBLIC;

CREATE ROLE humas_mediarelations LOGIN PASSWORD 'humas_mediarelations';
CREATE DATABASE mediarelations OWNER humas_mediarelations;
REVOKE CONNECT, TEMPORARY ON DATABASE mediarelations FROM PUBLIC;

CREATE ROLE humas_clarifications LOGIN PASSWORD 'humas_clarifications';
CREATE DATABASE clarifications OWNER humas_clarifications;
REVOKE CONNECT, TEMPORARY ON DATABASE clarifications FROM PUBLIC;

CREATE ROLE humas_identity LOGIN PASSWORD 'humas_identity';
CREATE DATABASE identity OWNER humas_identity;
REVOKE CONNECT, TEMPORARY ON DATABASE identity FROM PUBLIC;
