CREATE TABLE "committee_seats" (
	"plan_id" text NOT NULL,
	"user_id" text NOT NULL,
	"seat" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "committee_seats_plan_id_user_id_pk" PRIMARY KEY("plan_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"section" integer NOT NULL,
	"order" integer NOT NULL,
	"title" text NOT NULL,
	"ref_kind" text,
	"ref_id" text
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" text NOT NULL,
	"person" text NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"marked_by" text NOT NULL,
	"marked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_id_person_pk" PRIMARY KEY("meeting_id","person")
);
--> statement-breakpoint
CREATE TABLE "meeting_resolutions" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"agenda_item_id" text,
	"proposal_id" text,
	"decision" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"applied_change" text,
	"votes_for" integer,
	"votes_against" integer,
	"votes_abstain" integer,
	"version_id" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"committee" text NOT NULL,
	"kind" text NOT NULL,
	"number" integer NOT NULL,
	"year_be" integer NOT NULL,
	"date" text NOT NULL,
	"place" text NOT NULL,
	"chair_id" text NOT NULL,
	"secretary_id" text NOT NULL,
	"quorum" integer,
	"status" text NOT NULL,
	"current_item_id" text,
	"narrative" text DEFAULT '' NOT NULL,
	"recorder_name" text DEFAULT '' NOT NULL,
	"checker_name" text DEFAULT '' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"adopted_in_meeting_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_proposals" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"meeting_id" text,
	"change" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"proposed_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"resolution_id" text
);
--> statement-breakpoint
ALTER TABLE "committee_seats" ADD CONSTRAINT "committee_seats_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_seats" ADD CONSTRAINT "committee_seats_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda" ADD CONSTRAINT "meeting_agenda_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_resolutions" ADD CONSTRAINT "meeting_resolutions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_proposals" ADD CONSTRAINT "plan_proposals_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_agenda_meeting" ON "meeting_agenda" USING btree ("meeting_id","section","order");--> statement-breakpoint
CREATE INDEX "meeting_resolutions_meeting" ON "meeting_resolutions" USING btree ("meeting_id","recorded_at");--> statement-breakpoint
CREATE INDEX "meetings_plan" ON "meetings" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "plan_proposals_plan" ON "plan_proposals" USING btree ("plan_id","created_at");