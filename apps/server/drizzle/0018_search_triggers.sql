-- Any write to a searchable record (or to a part of it) queues the record for the search index in
-- the writer's transaction; the index is rebuilt from the queue before the next search. Arguments:
-- the search kind and the column holding the record's id.
CREATE OR REPLACE FUNCTION enqueue_search_document() RETURNS trigger AS $$
DECLARE
  record_id text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    record_id := to_jsonb(OLD) ->> TG_ARGV[1];
  ELSE
    record_id := to_jsonb(NEW) ->> TG_ARGV[1];
  END IF;
  IF record_id IS NOT NULL THEN
    INSERT INTO search_queue (kind, record_id) VALUES (TG_ARGV[0], record_id) ON CONFLICT DO NOTHING;
  END IF;
  -- A part moved to another record (e.g. an agenda item to another meeting): the old one changes too.
  IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) ->> TG_ARGV[1]) IS DISTINCT FROM record_id AND (to_jsonb(OLD) ->> TG_ARGV[1]) IS NOT NULL THEN
    INSERT INTO search_queue (kind, record_id) VALUES (TG_ARGV[0], to_jsonb(OLD) ->> TG_ARGV[1]) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER clusters_search AFTER INSERT OR UPDATE OR DELETE ON clusters FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('cluster', 'id');
--> statement-breakpoint
CREATE TRIGGER cluster_revisions_search AFTER INSERT OR UPDATE OR DELETE ON cluster_revisions FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('cluster', 'cluster_id');
--> statement-breakpoint
CREATE TRIGGER cluster_owners_search AFTER INSERT OR UPDATE OR DELETE ON cluster_owners FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('cluster', 'cluster_id');
--> statement-breakpoint
CREATE TRIGGER meetings_search AFTER INSERT OR UPDATE OR DELETE ON meetings FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('meeting', 'id');
--> statement-breakpoint
CREATE TRIGGER agenda_items_search AFTER INSERT OR UPDATE OR DELETE ON agenda_items FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('meeting', 'meeting_id');
--> statement-breakpoint
CREATE TRIGGER meeting_materials_search AFTER INSERT OR UPDATE OR DELETE ON meeting_materials FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('meeting', 'meeting_id');
--> statement-breakpoint
CREATE TRIGGER meeting_decisions_search AFTER INSERT OR UPDATE OR DELETE ON meeting_decisions FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('meeting', 'meeting_id');
--> statement-breakpoint
CREATE TRIGGER meeting_minutes_search AFTER INSERT OR UPDATE OR DELETE ON meeting_minutes FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('meeting', 'meeting_id');
--> statement-breakpoint
CREATE TRIGGER meeting_actions_search AFTER INSERT OR UPDATE OR DELETE ON meeting_actions FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('meeting', 'meeting_id');
--> statement-breakpoint
CREATE TRIGGER users_search AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('user', 'id');
--> statement-breakpoint
CREATE TRIGGER platinum_ideas_search AFTER INSERT OR UPDATE OR DELETE ON platinum_ideas FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('idea', 'id');
--> statement-breakpoint
CREATE TRIGGER platinum_comments_search AFTER INSERT OR UPDATE OR DELETE ON platinum_comments FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('idea', 'idea_id');
--> statement-breakpoint
CREATE TRIGGER bureau_policies_search AFTER INSERT OR UPDATE OR DELETE ON bureau_policies FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('bureau_policy', 'id');
--> statement-breakpoint
CREATE TRIGGER bureau_policy_versions_search AFTER INSERT OR UPDATE OR DELETE ON bureau_policy_versions FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('bureau_policy', 'policy_id');
--> statement-breakpoint
CREATE TRIGGER bureau_policy_consultations_search AFTER INSERT OR UPDATE OR DELETE ON bureau_policy_consultations FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('bureau_policy_version', 'version_id');
--> statement-breakpoint
CREATE TRIGGER analyses_search AFTER INSERT OR UPDATE OR DELETE ON analyses FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('analysis', 'id');
--> statement-breakpoint
CREATE TRIGGER analysis_reports_search AFTER INSERT OR UPDATE OR DELETE ON analysis_reports FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('analysis', 'analysis_id');
--> statement-breakpoint
CREATE TRIGGER analysis_versions_search AFTER INSERT OR UPDATE OR DELETE ON analysis_versions FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('analysis', 'analysis_id');
--> statement-breakpoint
CREATE TRIGGER initiatives_search AFTER INSERT OR UPDATE OR DELETE ON initiatives FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('initiative', 'id');
--> statement-breakpoint
CREATE TRIGGER initiative_updates_search AFTER INSERT OR UPDATE OR DELETE ON initiative_updates FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('initiative', 'initiative_id');
--> statement-breakpoint
-- Records written before this migration are indexed on the first search.
INSERT INTO search_queue (kind, record_id) SELECT 'cluster', id::text FROM clusters ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO search_queue (kind, record_id) SELECT 'meeting', id::text FROM meetings ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO search_queue (kind, record_id) SELECT 'user', id::text FROM users ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO search_queue (kind, record_id) SELECT 'idea', id::text FROM platinum_ideas ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO search_queue (kind, record_id) SELECT 'bureau_policy', id::text FROM bureau_policies ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO search_queue (kind, record_id) SELECT 'analysis', id::text FROM analyses ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO search_queue (kind, record_id) SELECT 'initiative', id::text FROM initiatives ON CONFLICT DO NOTHING;
