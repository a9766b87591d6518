-- A support changes only an idea's support_count, which no search document holds: it no longer
-- queues the idea for indexing again (at a thousand supports a second, the queue and the indexer
-- were doing work that changed nothing). Every other change of an idea queues it as before.
DROP TRIGGER IF EXISTS platinum_ideas_search ON platinum_ideas;
--> statement-breakpoint
CREATE TRIGGER platinum_ideas_search AFTER INSERT OR DELETE ON platinum_ideas FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('idea', 'id');
--> statement-breakpoint
CREATE TRIGGER platinum_ideas_search_update AFTER UPDATE ON platinum_ideas FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'support_count') IS DISTINCT FROM (to_jsonb(NEW) - 'support_count'))
  EXECUTE FUNCTION enqueue_search_document('idea', 'id');
