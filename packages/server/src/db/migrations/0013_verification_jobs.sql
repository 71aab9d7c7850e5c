CREATE TABLE "verification_job_items" (
	"job_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"input" jsonb,
	"recipient" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"result" jsonb,
	"verified" boolean,
	CONSTRAINT "verification_job_items_job_id_position_pk" PRIMARY KEY("job_id","position"),
	CONSTRAINT "verification_job_items_state" CHECK ("verification_job_items"."state" in ('pending', 'running', 'done')),
	CONSTRAINT "verification_job_items_lease" CHECK (("verification_job_items"."state" = 'running') = ("verification_job_items"."locked_until" is not null)),
	CONSTRAINT "verification_job_items_done" CHECK (("verification_job_items"."state" = 'done') = ("verification_job_items"."result" is not null and "verification_job_items"."input" is null))
);
--> statement-breakpoint
CREATE TABLE "verification_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner" text NOT NULL,
	"state" text DEFAULT 'receiving' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"unverified" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_jobs_state" CHECK ("verification_jobs"."state" in ('receiving', 'queued', 'running', 'completed')),
	CONSTRAINT "verification_jobs_counts" CHECK ("verification_jobs"."done" >= 0 and "verification_jobs"."unverified" >= 0 and "verification_jobs"."unverified" <= "verification_jobs"."done" and "verification_jobs"."done" <= "verification_jobs"."total")
);
--> statement-breakpoint
ALTER TABLE "verification_job_items" ADD CONSTRAINT "verification_job_items_job_id_verification_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."verification_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "verification_job_items_claim_idx" ON "verification_job_items" USING btree ("job_id","position") WHERE "verification_job_items"."state" in ('pending', 'running');--> statement-breakpoint
CREATE INDEX "verification_jobs_active_idx" ON "verification_jobs" USING btree ("created_at") WHERE "verification_jobs"."state" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "verification_jobs_expires_idx" ON "verification_jobs" USING btree ("expires_at");