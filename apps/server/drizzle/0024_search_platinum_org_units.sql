-- Platinum issues and their responses (対応方針) enter the search index like every other searchable
-- record (see 0018_search_triggers). A change to a campaign or its project team re-indexes the
-- campaign's issues (the team reads unannounced drafts); a renamed or moved org unit re-indexes
-- every record that shows its name or whose readers follow the tree.
CREATE TRIGGER platinum_issues_search AFTER INSERT OR UPDATE OR DELETE ON platinum_issues FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('issue', 'id');
--> statement-breakpoint
CREATE TRIGGER platinum_assignments_search AFTER INSERT OR UPDATE OR DELETE ON platinum_assignments FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('issue', 'issue_id');
--> statement-breakpoint
CREATE TRIGGER platinum_responses_search AFTER INSERT OR UPDATE OR DELETE ON platinum_responses FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('issue', 'issue_id');
--> statement-breakpoint
CREATE TRIGGER platinum_team_members_search AFTER INSERT OR UPDATE OR DELETE ON platinum_team_members FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('platinum_campaign', 'campaign_id');
--> statement-breakpoint
CREATE TRIGGER platinum_campaigns_search AFTER UPDATE ON platinum_campaigns FOR EACH ROW EXECUTE FUNCTION enqueue_search_document('platinum_campaign', 'id');
--> statement-breakpoint
CREATE TRIGGER org_units_search AFTER UPDATE ON org_units FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.parent_id IS DISTINCT FROM NEW.parent_id) EXECUTE FUNCTION enqueue_search_document('org_unit', 'id');
--> statement-breakpoint
INSERT INTO search_queue (kind, record_id) SELECT 'issue', id::text FROM platinum_issues ON CONFLICT DO NOTHING;
