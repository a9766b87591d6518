-- Needs enter the search index like every other searchable record (see 0018_search_triggers).
CREATE TRIGGER needs_search AFTER INSERT OR UPDATE OR DELETE ON needs FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('need', 'id');
--> statement-breakpoint
INSERT INTO search_queue (kind, record_id) SELECT 'need', id::text FROM needs ON CONFLICT DO NOTHING;
