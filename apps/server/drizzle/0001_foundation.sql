CREATE TYPE "public"."analysis_stage" AS ENUM('planned', 'started', 'progress_reported', 'direction_reported', 'final_reported', 'follow_up');--> statement-breakpoint
CREATE TYPE "public"."cluster_group" AS ENUM('policy_program', 'cross_cutting', 'organization');--> statement-breakpoint
CREATE TYPE "public"."cluster_kind" AS ENUM('operations', 'city_original', 'national_system');--> statement-breakpoint
CREATE TYPE "public"."org_unit_level" AS ENUM('bureau', 'ward', 'office', 'department', 'section', 'unit');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('reform_office', 'executive', 'bureau_head', 'department_staff', 'staff', 'pt_member', 'system_admin');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('day', 'early', 'mid', 'late', 'month', 'quarter', 'half', 'year');--> statement-breakpoint
CREATE TYPE "public"."schedule_lane" AS ENUM('x_meeting', 'bureau_policy', 'voluntary_reform', 'analysis', 'platinum');--> statement-breakpoint
CREATE TABLE "analyses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"stage" "analysis_stage" DEFAULT 'planned' NOT NULL,
	"lead_org_unit_id" uuid,
	"contact_user_id" uuid,
	"is_published" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_groups" (
	"code" "cluster_group" PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"subtitle" text,
	"approach" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_kinds" (
	"code" "cluster_kind" PRIMARY KEY NOT NULL,
	"group_code" "cluster_group" NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"approach" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_owners" (
	"cluster_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	CONSTRAINT "cluster_owners_cluster_id_org_unit_id_pk" PRIMARY KEY("cluster_id","org_unit_id")
);
--> statement-breakpoint
CREATE TABLE "cluster_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"valid_from_fiscal_year" integer NOT NULL,
	"valid_to_fiscal_year" integer,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"group_code" "cluster_group" NOT NULL,
	"kind_code" "cluster_kind",
	"change_kind" text DEFAULT 'created' NOT NULL,
	"change_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "fiscal_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_kana" text,
	"name_en" text,
	"level" "org_unit_level" NOT NULL,
	"parent_id" uuid,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttles" (
	"login" text PRIMARY KEY NOT NULL,
	"failure_count" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "system_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"org_unit_id" uuid
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"login" text NOT NULL,
	"display_name" text NOT NULL,
	"display_name_kana" text,
	"email" text,
	"org_unit_id" uuid,
	"password_hash" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"oidc_subject" text,
	"password_changed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"title" text NOT NULL,
	"planned_precision" date_precision NOT NULL,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"actual_date" date,
	"start_time" time,
	"place" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"video_url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"lane" "schedule_lane" NOT NULL,
	"label" text NOT NULL,
	"precision" date_precision NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"is_spanning_year" boolean DEFAULT false NOT NULL,
	"link_type" text,
	"link_id" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_lead_org_unit_id_org_units_id_fk" FOREIGN KEY ("lead_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_contact_user_id_users_id_fk" FOREIGN KEY ("contact_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_owners" ADD CONSTRAINT "cluster_owners_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_owners" ADD CONSTRAINT "cluster_owners_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_revisions" ADD CONSTRAINT "cluster_revisions_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "analyses_cluster_year_key" ON "analyses" USING btree ("cluster_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "analyses_year_stage_idx" ON "analyses" USING btree ("fiscal_year","stage");--> statement-breakpoint
CREATE INDEX "cluster_owners_org_idx" ON "cluster_owners" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "cluster_revisions_cluster_idx" ON "cluster_revisions" USING btree ("cluster_id","valid_from_fiscal_year");--> statement-breakpoint
CREATE INDEX "cluster_revisions_years_idx" ON "cluster_revisions" USING btree ("valid_from_fiscal_year","valid_to_fiscal_year");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_idx" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_code_key" ON "org_units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "user_roles_unique" ON "user_roles" USING btree ("user_id","role",coalesce("org_unit_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "user_roles_user_idx" ON "user_roles" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_login_key" ON "users" USING btree (lower("login"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_subject_key" ON "users" USING btree ("oidc_subject");--> statement-breakpoint
CREATE INDEX "users_org_unit_idx" ON "users" USING btree ("org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_year_sequence_key" ON "meetings" USING btree ("fiscal_year","sequence");--> statement-breakpoint
CREATE INDEX "schedule_items_year_idx" ON "schedule_items" USING btree ("fiscal_year","lane");