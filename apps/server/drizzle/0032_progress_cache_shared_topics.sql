-- The dashboard's cache follows the topics its tables already bump instead of a second shared row
-- per write: a writer that takes two cache_versions rows in one order while another takes them in
-- the other can deadlock (see 0031). So tables another topic covers lose their 'progress' trigger
-- (meetings, agenda items: public_meetings; policies and their versions: public_policies; needs:
-- public_needs; issues, assignments: public_platinum; due meetings: cluster_register), tables of
-- those streams that bumped nothing join their stream's topic, analysis versions join
-- 'cluster_register' after their own 'analysis:<id>' as every analysis write does, and 'progress'
-- stays only on the initiatives and the effect ledger, which bump nothing else.
DROP TRIGGER IF EXISTS meetings_progress_cache ON meetings;
--> statement-breakpoint
DROP TRIGGER IF EXISTS agenda_items_progress_cache ON agenda_items;
--> statement-breakpoint
DROP TRIGGER IF EXISTS agenda_item_links_progress_cache ON agenda_item_links;
--> statement-breakpoint
DROP TRIGGER IF EXISTS meeting_decisions_progress_cache ON meeting_decisions;
--> statement-breakpoint
DROP TRIGGER IF EXISTS meeting_actions_progress_cache ON meeting_actions;
--> statement-breakpoint
DROP TRIGGER IF EXISTS analysis_versions_progress_cache ON analysis_versions;
--> statement-breakpoint
DROP TRIGGER IF EXISTS analysis_due_meetings_progress_cache ON analysis_due_meetings;
--> statement-breakpoint
DROP TRIGGER IF EXISTS bureau_policies_progress_cache ON bureau_policies;
--> statement-breakpoint
DROP TRIGGER IF EXISTS bureau_policy_versions_progress_cache ON bureau_policy_versions;
--> statement-breakpoint
DROP TRIGGER IF EXISTS bureau_policy_consultations_progress_cache ON bureau_policy_consultations;
--> statement-breakpoint
DROP TRIGGER IF EXISTS platinum_campaigns_progress_cache ON platinum_campaigns;
--> statement-breakpoint
DROP TRIGGER IF EXISTS platinum_issues_progress_cache ON platinum_issues;
--> statement-breakpoint
DROP TRIGGER IF EXISTS platinum_assignments_progress_cache ON platinum_assignments;
--> statement-breakpoint
DROP TRIGGER IF EXISTS needs_progress_cache ON needs;
--> statement-breakpoint
CREATE TRIGGER agenda_item_links_public_cache AFTER INSERT OR UPDATE OR DELETE ON agenda_item_links FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_meetings');
--> statement-breakpoint
CREATE TRIGGER meeting_decisions_public_cache AFTER INSERT OR UPDATE OR DELETE ON meeting_decisions FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_meetings');
--> statement-breakpoint
CREATE TRIGGER meeting_actions_public_cache AFTER INSERT OR UPDATE OR DELETE ON meeting_actions FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_meetings');
--> statement-breakpoint
CREATE TRIGGER bureau_policy_consultations_public_cache AFTER INSERT OR UPDATE OR DELETE ON bureau_policy_consultations FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_policies');
--> statement-breakpoint
-- The columns the dashboard reads beyond the portal's (0025 covers fiscal_year and created_at); never next_idea_number.
CREATE TRIGGER platinum_campaigns_progress_cache AFTER UPDATE OF title, themes, phases ON platinum_campaigns FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('public_platinum');
--> statement-breakpoint
CREATE TRIGGER analysis_versions_cache AFTER INSERT OR UPDATE OR DELETE ON analysis_versions FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('cluster_register');
