-- Cache topics of 経営分析 (see lib/response-cache.ts), bumped in the writer's transaction whoever writes:
-- - 'analysis:<id>': anything shown on one analysis's page (plan row, working copy, versions, stage
--   moves, due meetings, comments, effect lines, benchmark indicators and values). Row-level, so a
--   write to one analysis leaves every other analysis's cached answers standing. Drafts being typed
--   (analysis_report_drafts) are per-person working state, never cached, so they bump nothing.
-- - 'analysis_plan': the year's plan (the analysis list): analyses, due meetings, stage moves.
-- - 'analysis_refs': what analyses show from elsewhere: clusters as they stood, owners and org units
--   (which also decide who owns an analysis), meetings, fiscal years, settings (the effect period),
--   and people's display names.
-- None of these tables is written more than a few times a second.
CREATE OR REPLACE FUNCTION bump_analysis_topic(analysis uuid) RETURNS void AS $$
BEGIN
  IF analysis IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO cache_versions (key, version) VALUES ('analysis:' || analysis, 1)
  ON CONFLICT (key) DO UPDATE SET version = cache_versions.version + 1;
  PERFORM pg_notify('totonoe_cache', 'analysis:' || analysis);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_analysis_cache_by_id() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM bump_analysis_topic(OLD.id);
  ELSE
    PERFORM bump_analysis_topic(NEW.id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_analysis_cache_by_analysis_id() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM bump_analysis_topic(OLD.analysis_id);
  ELSE
    PERFORM bump_analysis_topic(NEW.analysis_id);
    IF TG_OP = 'UPDATE' AND OLD.analysis_id IS DISTINCT FROM NEW.analysis_id THEN
      PERFORM bump_analysis_topic(OLD.analysis_id);
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_analysis_cache_by_indicator() RETURNS trigger AS $$
DECLARE
  indicator uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN
    indicator := OLD.indicator_id;
  ELSE
    indicator := NEW.indicator_id;
  END IF;
  -- When the indicator itself is being deleted its own trigger bumps the analysis.
  PERFORM bump_analysis_topic((SELECT analysis_id FROM analysis_benchmark_indicators WHERE id = indicator));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER analyses_analysis_cache AFTER INSERT OR UPDATE OR DELETE ON analyses FOR EACH ROW EXECUTE FUNCTION bump_analysis_cache_by_id();
--> statement-breakpoint
CREATE TRIGGER analysis_reports_analysis_cache AFTER INSERT OR UPDATE OR DELETE ON analysis_reports FOR EACH ROW EXECUTE FUNCTION bump_analysis_cache_by_analysis_id();
--> statement-breakpoint
CREATE TRIGGER analysis_versions_analysis_cache AFTER INSERT OR UPDATE OR DELETE ON analysis_versions FOR EACH ROW EXECUTE FUNCTION bump_analysis_cache_by_analysis_id();
--> statement-breakpoint
CREATE TRIGGER analysis_transitions_analysis_cache AFTER INSERT OR UPDATE OR DELETE ON analysis_transitions FOR EACH ROW EXECUTE FUNCTION bump_analysis_cache_by_analysis_id();
--> statement-breakpoint
CREATE TRIGGER analysis_due_meetings_analysis_cache AFTER INSERT OR UPDATE OR DELETE ON analysis_due_meetings FOR EACH ROW EXECUTE FUNCTION bump_analysis_cache_by_analysis_id();
--> statement-breakpoint
CREATE TRIGGER analysis_comments_analysis_cache AFTER INSERT OR UPDATE OR DELETE ON analysis_comments FOR EACH ROW EXECUTE FUNCTION bump_analysis_cache_by_analysis_id();
--> statement-breakpoint
CREATE TRIGGER analysis_effects_analysis_cache AFTER INSERT OR UPDATE OR DELETE ON analysis_effects FOR EACH ROW EXECUTE FUNCTION bump_analysis_cache_by_analysis_id();
--> statement-breakpoint
CREATE TRIGGER analysis_benchmark_indicators_analysis_cache AFTER INSERT OR UPDATE OR DELETE ON analysis_benchmark_indicators FOR EACH ROW EXECUTE FUNCTION bump_analysis_cache_by_analysis_id();
--> statement-breakpoint
CREATE TRIGGER analysis_benchmark_values_analysis_cache AFTER INSERT OR UPDATE OR DELETE ON analysis_benchmark_values FOR EACH ROW EXECUTE FUNCTION bump_analysis_cache_by_indicator();
--> statement-breakpoint
CREATE TRIGGER analyses_plan_cache AFTER INSERT OR UPDATE OR DELETE ON analyses FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('analysis_plan');
--> statement-breakpoint
CREATE TRIGGER analysis_due_meetings_plan_cache AFTER INSERT OR UPDATE OR DELETE ON analysis_due_meetings FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('analysis_plan');
--> statement-breakpoint
CREATE TRIGGER analysis_transitions_plan_cache AFTER INSERT OR UPDATE OR DELETE ON analysis_transitions FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('analysis_plan');
--> statement-breakpoint
CREATE TRIGGER clusters_analysis_refs_cache AFTER INSERT OR UPDATE OR DELETE ON clusters FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('analysis_refs');
--> statement-breakpoint
CREATE TRIGGER cluster_revisions_analysis_refs_cache AFTER INSERT OR UPDATE OR DELETE ON cluster_revisions FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('analysis_refs');
--> statement-breakpoint
CREATE TRIGGER cluster_owners_analysis_refs_cache AFTER INSERT OR UPDATE OR DELETE ON cluster_owners FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('analysis_refs');
--> statement-breakpoint
CREATE TRIGGER cluster_groups_analysis_refs_cache AFTER INSERT OR UPDATE OR DELETE ON cluster_groups FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('analysis_refs');
--> statement-breakpoint
CREATE TRIGGER cluster_kinds_analysis_refs_cache AFTER INSERT OR UPDATE OR DELETE ON cluster_kinds FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('analysis_refs');
--> statement-breakpoint
CREATE TRIGGER org_units_analysis_refs_cache AFTER INSERT OR UPDATE OR DELETE ON org_units FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('analysis_refs');
--> statement-breakpoint
CREATE TRIGGER meetings_analysis_refs_cache AFTER INSERT OR UPDATE OR DELETE ON meetings FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('analysis_refs');
--> statement-breakpoint
CREATE TRIGGER fiscal_years_analysis_refs_cache AFTER INSERT OR UPDATE OR DELETE ON fiscal_years FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('analysis_refs');
--> statement-breakpoint
CREATE TRIGGER system_settings_analysis_refs_cache AFTER INSERT OR UPDATE OR DELETE ON system_settings FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('analysis_refs');
--> statement-breakpoint
CREATE TRIGGER users_analysis_refs_cache AFTER UPDATE OF display_name ON users FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name) EXECUTE FUNCTION bump_cache_version('analysis_refs');
