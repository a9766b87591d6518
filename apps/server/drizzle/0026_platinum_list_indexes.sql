CREATE INDEX "platinum_ideas_campaign_status_supports_idx" ON "platinum_ideas" USING btree ("campaign_id","status","support_count" DESC NULLS LAST,"number" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "platinum_ideas_campaign_theme_status_supports_idx" ON "platinum_ideas" USING btree ("campaign_id","theme","status","support_count" DESC NULLS LAST,"number" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "platinum_ideas_number_idx" ON "platinum_ideas" USING btree ("number" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- Idea lists keep their totals (how many ideas a filter matches) under the topic 'platinum_idea_totals'.
-- A total changes only when an idea is added or removed or its campaign, theme, status, issue or author
-- changes, or an issue's status changes: only such statements bump it. A support moves support_count
-- alone, so supports (hundreds a second) never touch the topic's row.
CREATE TRIGGER platinum_ideas_totals_cache AFTER INSERT OR DELETE OR UPDATE OF campaign_id, theme, status, issue_id, author_id ON platinum_ideas FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('platinum_idea_totals');
--> statement-breakpoint
CREATE TRIGGER platinum_issues_totals_cache AFTER INSERT OR DELETE OR UPDATE OF status ON platinum_issues FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('platinum_idea_totals');
