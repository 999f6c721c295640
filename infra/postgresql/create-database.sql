-- OneWindow Hub: the hub's user and database (docs/operations.md "PostgreSQL"). Run once, as a superuser:
--   psql -v ON_ERROR_STOP=1 -v hub_password='a long random secret' -f infra/postgresql/create-database.sql
-- The hub connects as onewindow (ONEWINDOW_DB_USER / ONEWINDOW_DB_PASSWORD) to jdbc:postgresql://host:port/onewindow
-- (ONEWINDOW_DB_URL) and creates its own tables with Flyway when it starts: the user owns the database and its
-- schema, and nothing else. Every hub sharing the database uses this one user.
-- The fault suite runs this file too (hub testkit/ProductionPostgres: it fills in :'hub_password' and follows
-- \connect itself), so keep to plain statements and \connect.

CREATE ROLE onewindow LOGIN PASSWORD :'hub_password';
CREATE DATABASE onewindow OWNER onewindow ENCODING 'UTF8' TEMPLATE template0;
-- only the hub's user (and superusers) may connect
REVOKE ALL ON DATABASE onewindow FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE onewindow TO onewindow;

\connect onewindow
-- the hub's tables live in its own schema, owned by its user; the search_path finds them without a prefix
REVOKE ALL ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA onewindow AUTHORIZATION onewindow;
ALTER ROLE onewindow IN DATABASE onewindow SET search_path = onewindow;
