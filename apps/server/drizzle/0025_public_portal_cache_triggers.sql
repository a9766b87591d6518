-- What the public portal publishes is cached (response-cache.ts) under a few topics; any change to a
-- table it reads bumps its topic in the writer's transaction, whoever writes it. Reference data the
-- portal shares with the cluster register (clusters and their revisions, owners, groups, kinds,
-- analyses, org units, fiscal years) already bumps 'cluster_register' (0005). Hot tables
-- (platinum_ideas, platinum_supports, sessions, audit_events) get no trigger: the portal reads none of them.
CREATE TRIGGER meetings_public_cache AFTER INSERT OR UPDATE OR DELETE ON meetings FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_meetings');
--> statement-breakpoint
CREATE TRIGGER agenda_items_public_cache AFTER INSERT OR UPDATE OR DELETE ON agenda_items FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_meetings');
--> statement-breakpoint
CREATE TRIGGER meeting_materials_public_cache AFTER INSERT OR UPDATE OR DELETE ON meeting_materials FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_meetings');
--> statement-breakpoint
CREATE TRIGGER meeting_minutes_public_cache AFTER INSERT OR UPDATE OR DELETE ON meeting_minutes FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_meetings');
--> statement-breakpoint
-- A published material may be served from a redacted file: its name, type and size are shown.
-- Inserting a file changes nothing shown until a material points at it (an update of meeting_materials).
CREATE TRIGGER attachments_public_cache AFTER UPDATE OR DELETE ON attachments FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_meetings');
--> statement-breakpoint
CREATE TRIGGER bureau_policies_public_cache AFTER INSERT OR UPDATE OR DELETE ON bureau_policies FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_policies');
--> statement-breakpoint
CREATE TRIGGER bureau_policy_versions_public_cache AFTER INSERT OR UPDATE OR DELETE ON bureau_policy_versions FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_policies');
--> statement-breakpoint
CREATE TRIGGER needs_public_cache AFTER INSERT OR UPDATE OR DELETE ON needs FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_needs');
--> statement-breakpoint
CREATE TRIGGER need_links_public_cache AFTER INSERT OR UPDATE OR DELETE ON need_links FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_needs');
--> statement-breakpoint
-- Only the columns the portal reads: posting an idea bumps next_idea_number, which must not touch the cache.
CREATE TRIGGER platinum_campaigns_public_cache AFTER INSERT OR DELETE OR UPDATE OF fiscal_year, created_at ON platinum_campaigns FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_platinum');
--> statement-breakpoint
CREATE TRIGGER platinum_issues_public_cache AFTER INSERT OR UPDATE OR DELETE ON platinum_issues FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_platinum');
--> statement-breakpoint
CREATE TRIGGER platinum_assignments_public_cache AFTER INSERT OR UPDATE OR DELETE ON platinum_assignments FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_platinum');
--> statement-breakpoint
CREATE TRIGGER platinum_responses_public_cache AFTER INSERT OR UPDATE OR DELETE ON platinum_responses FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_platinum');
