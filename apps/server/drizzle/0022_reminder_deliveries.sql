CREATE TABLE "reminder_deliveries" (
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"reminded_for" date NOT NULL,
	"notification_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_deliveries_kind_subject_id_recipient_id_reminded_for_pk" PRIMARY KEY("kind","subject_id","recipient_id","reminded_for")
);
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminder_deliveries_subject_idx" ON "reminder_deliveries" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "reminder_deliveries_recipient_idx" ON "reminder_deliveries" USING btree ("recipient_id","created_at");