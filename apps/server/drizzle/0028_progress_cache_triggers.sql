-- The progress dashboard is cached (response-cache.ts) under 'progress', with 'cluster_register' (0005:
-- clusters, revisions, owners, groups, kinds, analyses, org units, fiscal years) and
-- 'platinum_idea_totals' (0026: an idea added, removed or changing campaign, theme, status, issue or
-- author; an issue's status), so every table it reads bumps one of them in the writer's transaction.
-- Statement triggers: one bump per statement, however many rows. Hot tables get none: supports
-- (platinum_supports, and platinum_ideas.support_count, which 0026 leaves out by column), sessions
-- and audit events are never read by the dashboard.
CREATE TRIGGER meetings_progress_cache AFTER INSERT OR UPDATE OR DELETE ON meetings FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER agenda_items_progress_cache AFTER INSERT OR UPDATE OR DELETE ON agenda_items FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER agenda_item_links_progress_cache AFTER INSERT OR UPDATE OR DELETE ON agenda_item_links FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER meeting_decisions_progress_cache AFTER INSERT OR UPDATE OR DELETE ON meeting_decisions FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER meeting_actions_progress_cache AFTER INSERT OR UPDATE OR DELETE ON meeting_actions FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER analysis_versions_progress_cache AFTER INSERT OR UPDATE OR DELETE ON analysis_versions FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER analysis_due_meetings_progress_cache AFTER INSERT OR UPDATE OR DELETE ON analysis_due_meetings FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER bureau_policies_progress_cache AFTER INSERT OR UPDATE OR DELETE ON bureau_policies FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER bureau_policy_versions_progress_cache AFTER INSERT OR UPDATE OR DELETE ON bureau_policy_versions FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER bureau_policy_consultations_progress_cache AFTER INSERT OR UPDATE OR DELETE ON bureau_policy_consultations FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER initiatives_progress_cache AFTER INSERT OR UPDATE OR DELETE ON initiatives FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER initiative_updates_progress_cache AFTER INSERT OR UPDATE OR DELETE ON initiative_updates FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER effects_progress_cache AFTER INSERT OR UPDATE OR DELETE ON effects FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER effect_targets_progress_cache AFTER INSERT OR UPDATE OR DELETE ON effect_targets FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
-- Only the columns the dashboard reads: posting an idea bumps next_idea_number, which must not touch the cache.
CREATE TRIGGER platinum_campaigns_progress_cache AFTER INSERT OR DELETE OR UPDATE OF fiscal_year, title, themes, phases, created_at ON platinum_campaigns FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER platinum_issues_progress_cache AFTER INSERT OR UPDATE OR DELETE ON platinum_issues FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER platinum_assignments_progress_cache AFTER INSERT OR UPDATE OR DELETE ON platinum_assignments FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
--> statement-breakpoint
CREATE TRIGGER needs_progress_cache AFTER INSERT OR UPDATE OR DELETE ON needs FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('progress');
