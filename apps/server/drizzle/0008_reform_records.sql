CREATE TYPE "public"."bureau_policy_consultation_decision" AS ENUM('pending', 'concurred', 'returned');--> statement-breakpoint
CREATE TYPE "public"."bureau_policy_status" AS ENUM('draft', 'consulting', 'awaiting_approval', 'returned', 'approved', 'published', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."bureau_policy_step_action" AS ENUM('create', 'revise', 'submit', 'withdraw', 'concur', 'return', 'approve', 'publish', 'supersede');--> statement-breakpoint
CREATE TYPE "public"."effect_category" AS ENUM('expenditure_cut', 'revenue_gain');--> statement-breakpoint
CREATE TYPE "public"."effect_recurrence" AS ENUM('one_off', 'recurring');--> statement-breakpoint
CREATE TYPE "public"."effect_source_kind" AS ENUM('initiative', 'analysis');--> statement-breakpoint
CREATE TYPE "public"."effect_stage" AS ENUM('planned', 'actual');--> statement-breakpoint
CREATE TYPE "public"."initiative_health" AS ENUM('on_track', 'at_risk', 'delayed');--> statement-breakpoint
CREATE TYPE "public"."initiative_source_kind" AS ENUM('bureau_policy', 'voluntary_reform', 'analysis_direction', 'platinum_response', 'meeting_instruction');--> statement-breakpoint
CREATE TYPE "public"."initiative_status" AS ENUM('not_started', 'in_progress', 'done', 'stopped');--> statement-breakpoint
CREATE TYPE "public"."initiative_update_cadence" AS ENUM('monthly', 'quarterly', 'half_yearly');--> statement-breakpoint
CREATE TYPE "public"."need_channel" AS ENUM('complaint', 'survey', 'hearing', 'suggestion_box', 'council', 'counter', 'other');--> statement-breakpoint
CREATE TYPE "public"."need_link_kind" AS ENUM('cluster', 'analysis', 'initiative');--> statement-breakpoint
CREATE TYPE "public"."need_side" AS ENUM('recipient', 'bearer');--> statement-breakpoint
CREATE TYPE "public"."need_status" AS ENUM('new', 'linked', 'answered', 'closed');--> statement-breakpoint
CREATE TABLE "bureau_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"latest_version_number" integer DEFAULT 1 NOT NULL,
	"published_version_number" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bureau_policy_consultations" (
	"version_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"decision" "bureau_policy_consultation_decision" DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"comment" text,
	CONSTRAINT "bureau_policy_consultations_version_id_round_org_unit_id_pk" PRIMARY KEY("version_id","round","org_unit_id")
);
--> statement-breakpoint
CREATE TABLE "bureau_policy_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"action" "bureau_policy_step_action" NOT NULL,
	"actor_id" uuid,
	"org_unit_id" uuid,
	"from_status" "bureau_policy_status",
	"to_status" "bureau_policy_status" NOT NULL,
	"comment" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bureau_policy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"status" "bureau_policy_status" DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"vision" text DEFAULT '' NOT NULL,
	"priority_themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cluster_ids" uuid[] DEFAULT '{}' NOT NULL,
	"kpis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"revision_note" text,
	"consultation_round" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"drafter_id" uuid,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "effect_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"amount" bigint NOT NULL,
	"start_fiscal_year" integer NOT NULL,
	"end_fiscal_year" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "effects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid,
	"title" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"end_fiscal_year" integer,
	"category" "effect_category" NOT NULL,
	"recurrence" "effect_recurrence" NOT NULL,
	"stage" "effect_stage" NOT NULL,
	"amount" bigint NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"source_kind" "effect_source_kind" NOT NULL,
	"source_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"cluster_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_clusters" (
	"initiative_id" uuid NOT NULL,
	"cluster_id" uuid NOT NULL,
	CONSTRAINT "initiative_clusters_initiative_id_cluster_id_pk" PRIMARY KEY("initiative_id","cluster_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_kpi_years" (
	"kpi_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"target" numeric(20, 4),
	"actual" numeric(20, 4),
	"actual_note" text,
	CONSTRAINT "initiative_kpi_years_kpi_id_fiscal_year_pk" PRIMARY KEY("kpi_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "initiative_kpis" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"baseline" numeric(20, 4),
	"baseline_fiscal_year" integer
);
--> statement-breakpoint
CREATE TABLE "initiative_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"from_fiscal_year" integer NOT NULL,
	"from_quarter" integer NOT NULL,
	"to_fiscal_year" integer NOT NULL,
	"to_quarter" integer NOT NULL,
	"is_done" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"body" text NOT NULL,
	"status" "initiative_status" NOT NULL,
	"health" "initiative_health" NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"source_kind" "initiative_source_kind" NOT NULL,
	"source_id" uuid,
	"owner_org_unit_id" uuid NOT NULL,
	"status" "initiative_status" DEFAULT 'not_started' NOT NULL,
	"health" "initiative_health" DEFAULT 'on_track' NOT NULL,
	"update_cadence" "initiative_update_cadence" DEFAULT 'quarterly' NOT NULL,
	"last_update_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text,
	"encoding" text NOT NULL,
	"row_count" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_links" (
	"need_id" uuid NOT NULL,
	"kind" "need_link_kind" NOT NULL,
	"target_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_links_need_id_kind_target_id_pk" PRIMARY KEY("need_id","kind","target_id")
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"side" "need_side" NOT NULL,
	"channel" "need_channel" NOT NULL,
	"body" text NOT NULL,
	"received_on" date NOT NULL,
	"fiscal_year" integer NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"status" "need_status" DEFAULT 'new' NOT NULL,
	"reporter_name" text,
	"reporter_contact" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"public_text" text,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"import_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bureau_policies" ADD CONSTRAINT "bureau_policies_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bureau_policy_consultations" ADD CONSTRAINT "bureau_policy_consultations_version_id_bureau_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."bureau_policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bureau_policy_consultations" ADD CONSTRAINT "bureau_policy_consultations_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bureau_policy_consultations" ADD CONSTRAINT "bureau_policy_consultations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bureau_policy_steps" ADD CONSTRAINT "bureau_policy_steps_version_id_bureau_policy_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."bureau_policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bureau_policy_steps" ADD CONSTRAINT "bureau_policy_steps_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bureau_policy_steps" ADD CONSTRAINT "bureau_policy_steps_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bureau_policy_versions" ADD CONSTRAINT "bureau_policy_versions_policy_id_bureau_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."bureau_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bureau_policy_versions" ADD CONSTRAINT "bureau_policy_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bureau_policy_versions" ADD CONSTRAINT "bureau_policy_versions_drafter_id_users_id_fk" FOREIGN KEY ("drafter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bureau_policy_versions" ADD CONSTRAINT "bureau_policy_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bureau_policy_versions" ADD CONSTRAINT "bureau_policy_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effects" ADD CONSTRAINT "effects_target_id_effect_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."effect_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effects" ADD CONSTRAINT "effects_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effects" ADD CONSTRAINT "effects_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effects" ADD CONSTRAINT "effects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_clusters" ADD CONSTRAINT "initiative_clusters_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_clusters" ADD CONSTRAINT "initiative_clusters_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_kpi_years" ADD CONSTRAINT "initiative_kpi_years_kpi_id_initiative_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."initiative_kpis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_kpis" ADD CONSTRAINT "initiative_kpis_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_milestones" ADD CONSTRAINT "initiative_milestones_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_updates" ADD CONSTRAINT "initiative_updates_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_updates" ADD CONSTRAINT "initiative_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_owner_org_unit_id_org_units_id_fk" FOREIGN KEY ("owner_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_imports" ADD CONSTRAINT "need_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_links" ADD CONSTRAINT "need_links_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_import_id_need_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."need_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bureau_policies_unit_year_key" ON "bureau_policies" USING btree ("org_unit_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "bureau_policies_year_idx" ON "bureau_policies" USING btree ("fiscal_year");--> statement-breakpoint
CREATE INDEX "bureau_policy_consultations_unit_idx" ON "bureau_policy_consultations" USING btree ("org_unit_id","decision");--> statement-breakpoint
CREATE INDEX "bureau_policy_steps_version_idx" ON "bureau_policy_steps" USING btree ("version_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "bureau_policy_versions_number_key" ON "bureau_policy_versions" USING btree ("policy_id","version_number");--> statement-breakpoint
CREATE INDEX "bureau_policy_versions_status_idx" ON "bureau_policy_versions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "effects_target_year_idx" ON "effects" USING btree ("target_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "effects_source_idx" ON "effects" USING btree ("source_kind","source_id");--> statement-breakpoint
CREATE INDEX "effects_year_unit_idx" ON "effects" USING btree ("fiscal_year","org_unit_id");--> statement-breakpoint
CREATE INDEX "initiative_clusters_cluster_idx" ON "initiative_clusters" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "initiative_kpis_initiative_idx" ON "initiative_kpis" USING btree ("initiative_id","position");--> statement-breakpoint
CREATE INDEX "initiative_milestones_initiative_idx" ON "initiative_milestones" USING btree ("initiative_id","position");--> statement-breakpoint
CREATE INDEX "initiative_updates_initiative_idx" ON "initiative_updates" USING btree ("initiative_id","reported_on");--> statement-breakpoint
CREATE INDEX "initiatives_year_owner_idx" ON "initiatives" USING btree ("fiscal_year","owner_org_unit_id");--> statement-breakpoint
CREATE INDEX "initiatives_source_idx" ON "initiatives" USING btree ("source_kind","source_id");--> statement-breakpoint
CREATE INDEX "initiatives_status_idx" ON "initiatives" USING btree ("fiscal_year","status","health");--> statement-breakpoint
CREATE INDEX "need_links_target_idx" ON "need_links" USING btree ("kind","target_id");--> statement-breakpoint
CREATE INDEX "needs_year_unit_idx" ON "needs" USING btree ("fiscal_year","org_unit_id");--> statement-breakpoint
CREATE INDEX "needs_status_idx" ON "needs" USING btree ("status","received_on");--> statement-breakpoint
CREATE INDEX "needs_public_idx" ON "needs" USING btree ("is_public","fiscal_year");