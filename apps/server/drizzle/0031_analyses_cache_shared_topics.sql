-- The analysis answers share 'cluster_register' (0005) for what it already covers (clusters as they
-- stood, owners, org units, fiscal years, analyses) instead of a second topic bumped by the same
-- tables: a transaction writing an analysis now takes no shared cache_versions row but
-- 'cluster_register' (after its own 'analysis:<id>'), so two writers can never take two shared rows
-- in opposite orders and deadlock. Due meetings and stage moves join it (the plan shows them);
-- 'analysis_refs' keeps only what nothing else bumps: meetings, settings, display names.
DROP TRIGGER IF EXISTS analyses_plan_cache ON analyses;
--> statement-breakpoint
DROP TRIGGER IF EXISTS analysis_due_meetings_plan_cache ON analysis_due_meetings;
--> statement-breakpoint
DROP TRIGGER IF EXISTS analysis_transitions_plan_cache ON analysis_transitions;
--> statement-breakpoint
DROP TRIGGER IF EXISTS clusters_analysis_refs_cache ON clusters;
--> statement-breakpoint
DROP TRIGGER IF EXISTS cluster_revisions_analysis_refs_cache ON cluster_revisions;
--> statement-breakpoint
DROP TRIGGER IF EXISTS cluster_owners_analysis_refs_cache ON cluster_owners;
--> statement-breakpoint
DROP TRIGGER IF EXISTS cluster_groups_analysis_refs_cache ON cluster_groups;
--> statement-breakpoint
DROP TRIGGER IF EXISTS cluster_kinds_analysis_refs_cache ON cluster_kinds;
--> statement-breakpoint
DROP TRIGGER IF EXISTS org_units_analysis_refs_cache ON org_units;
--> statement-breakpoint
DROP TRIGGER IF EXISTS fiscal_years_analysis_refs_cache ON fiscal_years;
--> statement-breakpoint
CREATE TRIGGER analysis_due_meetings_cache AFTER INSERT OR UPDATE OR DELETE ON analysis_due_meetings FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('cluster_register');
--> statement-breakpoint
CREATE TRIGGER analysis_transitions_cache AFTER INSERT OR UPDATE OR DELETE ON analysis_transitions FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('cluster_register');
