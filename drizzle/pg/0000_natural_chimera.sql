CREATE TABLE "doc_snapshots" (
	"doc_name" text PRIMARY KEY NOT NULL,
	"state" "bytea" NOT NULL,
	"upto_seq" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_updates" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"doc_name" text NOT NULL,
	"data" "bytea" NOT NULL,
	"user_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text,
	"fiscal_year" integer NOT NULL,
	"edition" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "doc_updates_doc_seq" ON "doc_updates" USING btree ("doc_name","seq");