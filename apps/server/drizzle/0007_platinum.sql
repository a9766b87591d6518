CREATE TYPE "public"."platinum_decision" AS ENUM('adopted', 'partly_adopted', 'continue_study', 'not_adopted');--> statement-breakpoint
CREATE TYPE "public"."platinum_idea_status" AS ENUM('submitted', 'grouped', 'merged', 'withdrawn', 'hidden');--> statement-breakpoint
CREATE TYPE "public"."platinum_issue_status" AS ENUM('open', 'on_hold', 'declined', 'sent_on', 'decided', 'announced', 'implemented');--> statement-breakpoint
CREATE TYPE "public"."platinum_response_status" AS ENUM('draft', 'pending_approval', 'published');--> statement-breakpoint
CREATE TYPE "public"."platinum_theme" AS ENUM('workstyle', 'office', 'rules');--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "platinum_assignments" (
	"issue_id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"due_on" date,
	"assigned_by_id" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision" "platinum_decision",
	"decision_reason" text,
	"implementation_precision" date_precision,
	"implementation_start" date,
	"implementation_end" date,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"implementation_started_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platinum_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"themes" "platinum_theme"[] NOT NULL,
	"phases" jsonb NOT NULL,
	"next_idea_number" integer DEFAULT 1 NOT NULL,
	"next_issue_number" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platinum_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idea_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"is_hidden" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platinum_ideas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"theme" "platinum_theme" NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"proposal" text NOT NULL,
	"expected_effect" text DEFAULT '' NOT NULL,
	"author_id" uuid NOT NULL,
	"author_org_unit_id" uuid,
	"is_anonymous" boolean DEFAULT false NOT NULL,
	"status" "platinum_idea_status" DEFAULT 'submitted' NOT NULL,
	"status_reason" text,
	"issue_id" uuid,
	"merged_into_id" uuid,
	"support_count" integer DEFAULT 0 NOT NULL,
	"comment_count" integer DEFAULT 0 NOT NULL,
	"search_key" text NOT NULL,
	"similarity_key" text NOT NULL,
	"grouped_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platinum_ideas_support_count_check" CHECK ("platinum_ideas"."support_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "platinum_issue_scores" (
	"issue_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"impact" smallint NOT NULL,
	"feasibility" smallint NOT NULL,
	"breadth" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platinum_issue_scores_issue_id_reviewer_id_pk" PRIMARY KEY("issue_id","reviewer_id"),
	CONSTRAINT "platinum_issue_scores_impact_check" CHECK ("platinum_issue_scores"."impact" between 1 and 5),
	CONSTRAINT "platinum_issue_scores_feasibility_check" CHECK ("platinum_issue_scores"."feasibility" between 1 and 5),
	CONSTRAINT "platinum_issue_scores_breadth_check" CHECK ("platinum_issue_scores"."breadth" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "platinum_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"theme" "platinum_theme" NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" "platinum_issue_status" DEFAULT 'open' NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"sent_on_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"announced_at" timestamp with time zone,
	"implemented_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platinum_responses" (
	"issue_id" uuid PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"status" "platinum_response_status" DEFAULT 'draft' NOT NULL,
	"drafted_by_id" uuid,
	"announced_by_org_unit_id" uuid,
	"submitted_at" timestamp with time zone,
	"return_reason" text,
	"approved_by_id" uuid,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platinum_supports" (
	"idea_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"carried_from_idea_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platinum_supports_idea_id_user_id_pk" PRIMARY KEY("idea_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "platinum_team_members" (
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platinum_team_members_campaign_id_user_id_pk" PRIMARY KEY("campaign_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_assignments" ADD CONSTRAINT "platinum_assignments_issue_id_platinum_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."platinum_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_assignments" ADD CONSTRAINT "platinum_assignments_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_assignments" ADD CONSTRAINT "platinum_assignments_assigned_by_id_users_id_fk" FOREIGN KEY ("assigned_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_assignments" ADD CONSTRAINT "platinum_assignments_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_comments" ADD CONSTRAINT "platinum_comments_idea_id_platinum_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."platinum_ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_comments" ADD CONSTRAINT "platinum_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_ideas" ADD CONSTRAINT "platinum_ideas_campaign_id_platinum_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."platinum_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_ideas" ADD CONSTRAINT "platinum_ideas_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_ideas" ADD CONSTRAINT "platinum_ideas_author_org_unit_id_org_units_id_fk" FOREIGN KEY ("author_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_ideas" ADD CONSTRAINT "platinum_ideas_issue_id_platinum_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."platinum_issues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_ideas" ADD CONSTRAINT "platinum_ideas_merged_into_id_platinum_ideas_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."platinum_ideas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_issue_scores" ADD CONSTRAINT "platinum_issue_scores_issue_id_platinum_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."platinum_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_issue_scores" ADD CONSTRAINT "platinum_issue_scores_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_issues" ADD CONSTRAINT "platinum_issues_campaign_id_platinum_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."platinum_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_issues" ADD CONSTRAINT "platinum_issues_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_responses" ADD CONSTRAINT "platinum_responses_issue_id_platinum_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."platinum_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_responses" ADD CONSTRAINT "platinum_responses_drafted_by_id_users_id_fk" FOREIGN KEY ("drafted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_responses" ADD CONSTRAINT "platinum_responses_announced_by_org_unit_id_org_units_id_fk" FOREIGN KEY ("announced_by_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_responses" ADD CONSTRAINT "platinum_responses_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_supports" ADD CONSTRAINT "platinum_supports_idea_id_platinum_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."platinum_ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_supports" ADD CONSTRAINT "platinum_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_supports" ADD CONSTRAINT "platinum_supports_carried_from_idea_id_platinum_ideas_id_fk" FOREIGN KEY ("carried_from_idea_id") REFERENCES "public"."platinum_ideas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_team_members" ADD CONSTRAINT "platinum_team_members_campaign_id_platinum_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."platinum_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_team_members" ADD CONSTRAINT "platinum_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "platinum_assignments_org_unit_idx" ON "platinum_assignments" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "platinum_campaigns_year_idx" ON "platinum_campaigns" USING btree ("fiscal_year");--> statement-breakpoint
CREATE INDEX "platinum_comments_idea_idx" ON "platinum_comments" USING btree ("idea_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "platinum_ideas_number_key" ON "platinum_ideas" USING btree ("campaign_id","number");--> statement-breakpoint
CREATE INDEX "platinum_ideas_campaign_status_idx" ON "platinum_ideas" USING btree ("campaign_id","status","number");--> statement-breakpoint
CREATE INDEX "platinum_ideas_campaign_theme_idx" ON "platinum_ideas" USING btree ("campaign_id","theme");--> statement-breakpoint
CREATE INDEX "platinum_ideas_issue_idx" ON "platinum_ideas" USING btree ("issue_id");--> statement-breakpoint
CREATE INDEX "platinum_ideas_author_idx" ON "platinum_ideas" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "platinum_ideas_merged_into_idx" ON "platinum_ideas" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "platinum_ideas_search_key_trgm" ON "platinum_ideas" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "platinum_ideas_similarity_key_trgm" ON "platinum_ideas" USING gin ("similarity_key" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "platinum_issues_number_key" ON "platinum_issues" USING btree ("campaign_id","number");--> statement-breakpoint
CREATE INDEX "platinum_issues_status_idx" ON "platinum_issues" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "platinum_supports_user_idx" ON "platinum_supports" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "platinum_supports_carried_idx" ON "platinum_supports" USING btree ("carried_from_idea_id");--> statement-breakpoint
CREATE INDEX "platinum_team_members_user_idx" ON "platinum_team_members" USING btree ("user_id");