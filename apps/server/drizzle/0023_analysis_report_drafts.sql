CREATE TABLE "analysis_report_drafts" (
	"analysis_id" uuid NOT NULL,
	"section" text NOT NULL,
	"content" jsonb NOT NULL,
	"base_version" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_report_drafts_analysis_id_section_pk" PRIMARY KEY("analysis_id","section")
);
--> statement-breakpoint
ALTER TABLE "analysis_report_drafts" ADD CONSTRAINT "analysis_report_drafts_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_report_drafts" ADD CONSTRAINT "analysis_report_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;