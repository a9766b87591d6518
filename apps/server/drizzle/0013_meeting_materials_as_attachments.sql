-- Meeting materials keep their files as attachments (the shared attachment store) instead of meeting_files.
ALTER TABLE "meeting_materials" DROP CONSTRAINT IF EXISTS "meeting_materials_file_id_meeting_files_id_fk";--> statement-breakpoint
ALTER TABLE "meeting_materials" DROP CONSTRAINT IF EXISTS "meeting_materials_redacted_file_id_meeting_files_id_fk";--> statement-breakpoint
INSERT INTO "attachments" ("id", "owner_type", "owner_id", "file_name", "content_type", "byte_size", "sha256", "content", "title", "uploaded_by", "created_at")
SELECT f."id", 'meeting_material', m."id", f."file_name", f."content_type", f."byte_size", f."sha256", f."content", '', f."uploaded_by", f."created_at"
FROM "meeting_files" f JOIN "meeting_materials" m ON m."file_id" = f."id" OR m."redacted_file_id" = f."id"
ON CONFLICT ("id") DO NOTHING;--> statement-breakpoint
DROP TABLE "meeting_files" CASCADE;--> statement-breakpoint
ALTER TABLE "meeting_materials" ADD CONSTRAINT "meeting_materials_file_id_attachments_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_materials" ADD CONSTRAINT "meeting_materials_redacted_file_id_attachments_id_fk" FOREIGN KEY ("redacted_file_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;
