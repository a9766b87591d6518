CREATE TABLE "search_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"record_id" text NOT NULL,
	"tier" text NOT NULL,
	"fiscal_year" integer,
	"fiscal_year_to" integer,
	"org_unit_path" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"search_title" text NOT NULL,
	"search_text" text NOT NULL,
	"bigrams" text[] NOT NULL,
	"link" text NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"is_for_signed_in" boolean DEFAULT false NOT NULL,
	"reader_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"reader_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"reader_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"sort_at" timestamp with time zone DEFAULT now() NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_queue" (
	"kind" text NOT NULL,
	"record_id" text NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_queue_kind_record_id_pk" PRIMARY KEY("kind","record_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "search_documents_record_key" ON "search_documents" USING btree ("kind","record_id","tier");--> statement-breakpoint
CREATE INDEX "search_documents_bigrams_idx" ON "search_documents" USING gin ("bigrams");--> statement-breakpoint
CREATE INDEX "search_documents_year_idx" ON "search_documents" USING btree ("kind","fiscal_year");