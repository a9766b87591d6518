ALTER TABLE "analysis_benchmark_indicators" DROP CONSTRAINT "analysis_benchmark_indicators_analysis_id_analyses_id_fk";
--> statement-breakpoint
ALTER TABLE "analysis_comments" DROP CONSTRAINT "analysis_comments_analysis_id_analyses_id_fk";
--> statement-breakpoint
ALTER TABLE "analysis_due_meetings" DROP CONSTRAINT "analysis_due_meetings_analysis_id_analyses_id_fk";
--> statement-breakpoint
ALTER TABLE "analysis_effects" DROP CONSTRAINT "analysis_effects_analysis_id_analyses_id_fk";
--> statement-breakpoint
ALTER TABLE "analysis_reports" DROP CONSTRAINT "analysis_reports_analysis_id_analyses_id_fk";
--> statement-breakpoint
ALTER TABLE "analysis_benchmark_indicators" ADD CONSTRAINT "analysis_benchmark_indicators_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_comments" ADD CONSTRAINT "analysis_comments_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_due_meetings" ADD CONSTRAINT "analysis_due_meetings_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_effects" ADD CONSTRAINT "analysis_effects_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_reports" ADD CONSTRAINT "analysis_reports_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;