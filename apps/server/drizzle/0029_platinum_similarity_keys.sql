CREATE TABLE "platinum_idea_similarity_keys" (
	"idea_id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"similarity_key" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "platinum_ideas_similarity_key_trgm";--> statement-breakpoint
ALTER TABLE "platinum_idea_similarity_keys" ADD CONSTRAINT "platinum_idea_similarity_keys_idea_id_platinum_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."platinum_ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "platinum_idea_similarity_keys_campaign_idx" ON "platinum_idea_similarity_keys" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "platinum_idea_similarity_keys_trgm" ON "platinum_idea_similarity_keys" USING gin ("similarity_key" gin_trgm_ops);--> statement-breakpoint
-- The similarity key follows its idea: written with the idea, and again only when the key or the
-- campaign changes (a support, which changes the count alone, fires nothing here).
CREATE OR REPLACE FUNCTION platinum_idea_similarity_key_sync() RETURNS trigger AS $$
BEGIN
  INSERT INTO platinum_idea_similarity_keys (idea_id, campaign_id, similarity_key)
  VALUES (NEW.id, NEW.campaign_id, NEW.similarity_key)
  ON CONFLICT (idea_id) DO UPDATE
    SET campaign_id = EXCLUDED.campaign_id, similarity_key = EXCLUDED.similarity_key;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER platinum_ideas_similarity_key_insert AFTER INSERT ON platinum_ideas FOR EACH ROW EXECUTE FUNCTION platinum_idea_similarity_key_sync();
--> statement-breakpoint
CREATE TRIGGER platinum_ideas_similarity_key_update AFTER UPDATE OF similarity_key, campaign_id ON platinum_ideas FOR EACH ROW
  WHEN (OLD.similarity_key IS DISTINCT FROM NEW.similarity_key OR OLD.campaign_id IS DISTINCT FROM NEW.campaign_id)
  EXECUTE FUNCTION platinum_idea_similarity_key_sync();
--> statement-breakpoint
INSERT INTO platinum_idea_similarity_keys (idea_id, campaign_id, similarity_key)
SELECT id, campaign_id, similarity_key FROM platinum_ideas
ON CONFLICT (idea_id) DO NOTHING;
