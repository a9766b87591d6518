CREATE TYPE "public"."analysis_direction_kind" AS ENUM('budget', 'institutional');--> statement-breakpoint
CREATE TYPE "public"."analysis_effect_category" AS ENUM('expenditure_cut', 'revenue_gain');--> statement-breakpoint
CREATE TYPE "public"."analysis_effect_recurrence" AS ENUM('one_off', 'recurring');--> statement-breakpoint
CREATE TYPE "public"."analysis_effect_stage" AS ENUM('planned', 'actual');--> statement-breakpoint
CREATE TYPE "public"."analysis_version_status" AS ENUM('submitted', 'approved', 'returned', 'accepted', 'withdrawn', 'reported');--> statement-breakpoint
CREATE TYPE "public"."benchmark_direction" AS ENUM('lower_is_better', 'higher_is_better');--> statement-breakpoint
CREATE TYPE "public"."cluster_event_kind" AS ENUM('created', 'renamed', 'regrouped', 'renumbered', 'merged', 'split', 'retired', 'owners_changed');--> statement-breakpoint
CREATE TYPE "public"."analysis_review_status" AS ENUM('draft', 'submitted', 'approved', 'returned', 'accepted');--> statement-breakpoint
CREATE TABLE "analysis_benchmark_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"analysis_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"direction" "benchmark_direction" NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_benchmark_values" (
	"indicator_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"is_own_city" boolean DEFAULT false NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "analysis_benchmark_values_indicator_id_subject_year_pk" PRIMARY KEY("indicator_id","subject","year")
);
--> statement-breakpoint
CREATE TABLE "analysis_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"analysis_id" uuid NOT NULL,
	"version_number" integer,
	"section" text,
	"parent_id" uuid,
	"body" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_due_meetings" (
	"analysis_id" uuid NOT NULL,
	"stage" "analysis_stage" NOT NULL,
	"meeting_id" uuid NOT NULL,
	CONSTRAINT "analysis_due_meetings_analysis_id_stage_pk" PRIMARY KEY("analysis_id","stage")
);
--> statement-breakpoint
CREATE TABLE "analysis_effects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"analysis_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"end_fiscal_year" integer,
	"category" "analysis_effect_category" NOT NULL,
	"recurrence" "analysis_effect_recurrence" NOT NULL,
	"stage" "analysis_effect_stage" NOT NULL,
	"amount" bigint NOT NULL,
	"basis" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_reports" (
	"analysis_id" uuid PRIMARY KEY NOT NULL,
	"content" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"analysis_id" uuid NOT NULL,
	"from_stage" "analysis_stage" NOT NULL,
	"to_stage" "analysis_stage" NOT NULL,
	"meeting_id" uuid,
	"reported_on" date,
	"direction_kind" "analysis_direction_kind",
	"version_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"analysis_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"report" "analysis_stage" NOT NULL,
	"status" "analysis_version_status" DEFAULT 'submitted' NOT NULL,
	"content" jsonb NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"transition_id" uuid
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"kind" "cluster_event_kind" NOT NULL,
	"related_cluster_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "review_status" "analysis_review_status" DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "closed_reason" text;--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "rolled_over_from_id" uuid;--> statement-breakpoint
ALTER TABLE "analysis_benchmark_indicators" ADD CONSTRAINT "analysis_benchmark_indicators_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_benchmark_values" ADD CONSTRAINT "analysis_benchmark_values_indicator_id_analysis_benchmark_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."analysis_benchmark_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_comments" ADD CONSTRAINT "analysis_comments_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_comments" ADD CONSTRAINT "analysis_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_due_meetings" ADD CONSTRAINT "analysis_due_meetings_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_due_meetings" ADD CONSTRAINT "analysis_due_meetings_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_effects" ADD CONSTRAINT "analysis_effects_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_reports" ADD CONSTRAINT "analysis_reports_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_reports" ADD CONSTRAINT "analysis_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_transitions" ADD CONSTRAINT "analysis_transitions_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_transitions" ADD CONSTRAINT "analysis_transitions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_transitions" ADD CONSTRAINT "analysis_transitions_version_id_analysis_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."analysis_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_transitions" ADD CONSTRAINT "analysis_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_versions" ADD CONSTRAINT "analysis_versions_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_versions" ADD CONSTRAINT "analysis_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_versions" ADD CONSTRAINT "analysis_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_versions" ADD CONSTRAINT "analysis_versions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_events" ADD CONSTRAINT "cluster_events_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_events" ADD CONSTRAINT "cluster_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_benchmark_indicators_name_key" ON "analysis_benchmark_indicators" USING btree ("analysis_id","name");--> statement-breakpoint
CREATE INDEX "analysis_comments_analysis_idx" ON "analysis_comments" USING btree ("analysis_id","created_at");--> statement-breakpoint
CREATE INDEX "analysis_due_meetings_meeting_idx" ON "analysis_due_meetings" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "analysis_effects_analysis_idx" ON "analysis_effects" USING btree ("analysis_id","position");--> statement-breakpoint
CREATE INDEX "analysis_effects_year_idx" ON "analysis_effects" USING btree ("fiscal_year");--> statement-breakpoint
CREATE INDEX "analysis_transitions_analysis_idx" ON "analysis_transitions" USING btree ("analysis_id","created_at");--> statement-breakpoint
CREATE INDEX "analysis_transitions_meeting_idx" ON "analysis_transitions" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_versions_number_key" ON "analysis_versions" USING btree ("analysis_id","number");--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_type","owner_id","created_at");--> statement-breakpoint
CREATE INDEX "cluster_events_cluster_idx" ON "cluster_events" USING btree ("cluster_id","fiscal_year");