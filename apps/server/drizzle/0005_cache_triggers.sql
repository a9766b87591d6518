-- Any change to what the cluster register shows bumps its cache version in the same transaction,
-- whoever writes it, and notifies listening app processes (after commit) to drop their cached copies.
CREATE OR REPLACE FUNCTION bump_cache_version() RETURNS trigger AS $$
BEGIN
  INSERT INTO cache_versions (key, version) VALUES (TG_ARGV[0], 1)
  ON CONFLICT (key) DO UPDATE SET version = cache_versions.version + 1;
  PERFORM pg_notify('totonoe_cache', TG_ARGV[0]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER clusters_cache AFTER INSERT OR UPDATE OR DELETE ON clusters FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('cluster_register');
--> statement-breakpoint
CREATE TRIGGER cluster_revisions_cache AFTER INSERT OR UPDATE OR DELETE ON cluster_revisions FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('cluster_register');
--> statement-breakpoint
CREATE TRIGGER cluster_owners_cache AFTER INSERT OR UPDATE OR DELETE ON cluster_owners FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('cluster_register');
--> statement-breakpoint
CREATE TRIGGER cluster_groups_cache AFTER INSERT OR UPDATE OR DELETE ON cluster_groups FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('cluster_register');
--> statement-breakpoint
CREATE TRIGGER cluster_kinds_cache AFTER INSERT OR UPDATE OR DELETE ON cluster_kinds FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('cluster_register');
--> statement-breakpoint
CREATE TRIGGER analyses_cache AFTER INSERT OR UPDATE OR DELETE ON analyses FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('cluster_register');
--> statement-breakpoint
CREATE TRIGGER org_units_cache AFTER INSERT OR UPDATE OR DELETE ON org_units FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('cluster_register');
--> statement-breakpoint
CREATE TRIGGER fiscal_years_cache AFTER INSERT OR UPDATE OR DELETE ON fiscal_years FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('cluster_register');
