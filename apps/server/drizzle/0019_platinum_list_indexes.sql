DROP INDEX "platinum_ideas_campaign_theme_idx";--> statement-breakpoint
CREATE INDEX "platinum_ideas_campaign_supports_idx" ON "platinum_ideas" USING btree ("campaign_id","support_count" DESC NULLS LAST,"number" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "platinum_ideas_campaign_theme_idx" ON "platinum_ideas" USING btree ("campaign_id","theme","number");