CREATE TABLE "platinum_response_signatures" (
	"response_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "platinum_response_signatures_response_id_org_unit_id_pk" PRIMARY KEY("response_id","org_unit_id")
);
--> statement-breakpoint
ALTER TABLE "platinum_response_signatures" ADD CONSTRAINT "platinum_response_signatures_response_id_platinum_responses_issue_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."platinum_responses"("issue_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_response_signatures" ADD CONSTRAINT "platinum_response_signatures_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platinum_response_signatures" ADD CONSTRAINT "platinum_response_signatures_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "platinum_response_signatures_org_unit_idx" ON "platinum_response_signatures" USING btree ("org_unit_id");