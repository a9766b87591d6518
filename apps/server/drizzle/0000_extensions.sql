-- pg_trgm powers Japanese substring search (trigram GIN indexes); present in PGlite's contrib and PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
