CREATE TABLE "progress_entries" (
	"org_id" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"row_id" text NOT NULL,
	"row_kind" text NOT NULL,
	"status" text NOT NULL,
	"contract_satang" bigint,
	"disbursed_satang" bigint NOT NULL,
	"start_date" text,
	"end_date" text,
	"note" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "progress_entries_org_id_fiscal_year_row_id_pk" PRIMARY KEY("org_id","fiscal_year","row_id")
);
--> statement-breakpoint
CREATE TABLE "progress_history" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"row_id" text NOT NULL,
	"data" text NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"plan_id" text NOT NULL,
	"period" text NOT NULL,
	"canonical_json" text NOT NULL,
	"sha256" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"presented_on" text,
	"announced_by" text,
	"announced_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "progress_entries" ADD CONSTRAINT "progress_entries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_history_year" ON "progress_history" USING btree ("org_id","fiscal_year","seq");--> statement-breakpoint
CREATE INDEX "progress_reports_year" ON "progress_reports" USING btree ("org_id","fiscal_year");