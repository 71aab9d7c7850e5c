ALTER TABLE "bulk_job_rows" DROP CONSTRAINT "bulk_job_rows_state";--> statement-breakpoint
ALTER TABLE "bulk_jobs" DROP CONSTRAINT "bulk_jobs_counts";--> statement-breakpoint
ALTER TABLE "bulk_job_rows" ADD COLUMN "duplicate_of" uuid;--> statement-breakpoint
ALTER TABLE "bulk_job_rows" ADD COLUMN "duplicate_of_row" integer;--> statement-breakpoint
ALTER TABLE "bulk_job_rows" ADD COLUMN "status_list_id" uuid;--> statement-breakpoint
ALTER TABLE "bulk_job_rows" ADD COLUMN "status_index" integer;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD COLUMN "duplicates" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Before these columns, a row's bookkeeping was kept under "$bulk" in its input, a duplicate row was stored
-- failed with the error 'duplicate' (and the credential held in credential_id), and a job's duplicates were
-- counted under "$duplicates" in its options as well as in failed. Moved here, before the checks return.
UPDATE "bulk_job_rows" SET "status_list_id" = ("input" #>> '{$bulk,statusEntry,statusListId}')::uuid, "status_index" = ("input" #>> '{$bulk,statusEntry,index}')::integer WHERE jsonb_typeof("input" #> '{$bulk,statusEntry,statusListId}') = 'string' AND jsonb_typeof("input" #> '{$bulk,statusEntry,index}') = 'number';--> statement-breakpoint
UPDATE "bulk_job_rows" SET "state" = 'duplicate', "duplicate_of" = "credential_id", "duplicate_of_row" = CASE WHEN jsonb_typeof("input" #> '{$bulk,duplicateOfRow}') = 'number' THEN ("input" #>> '{$bulk,duplicateOfRow}')::integer END, "credential_id" = NULL, "error" = NULL WHERE "state" = 'failed' AND "error" = 'duplicate' AND ("credential_id" IS NOT NULL OR jsonb_typeof("input" #> '{$bulk,duplicateOfRow}') = 'number');--> statement-breakpoint
UPDATE "bulk_job_rows" SET "input" = "input" - '$bulk' WHERE "input" ? '$bulk';--> statement-breakpoint
UPDATE "bulk_jobs" SET "duplicates" = "counted"."rows", "failed" = "bulk_jobs"."failed" - "counted"."rows" FROM (SELECT "job_id", count(*)::integer AS "rows" FROM "bulk_job_rows" WHERE "state" = 'duplicate' GROUP BY "job_id") AS "counted" WHERE "counted"."job_id" = "bulk_jobs"."id";--> statement-breakpoint
UPDATE "bulk_jobs" SET "options" = "options" - '$duplicates' WHERE "options" ? '$duplicates';--> statement-breakpoint
ALTER TABLE "bulk_job_rows" ADD CONSTRAINT "bulk_job_rows_duplicate_of_credentials_id_fk" FOREIGN KEY ("duplicate_of") REFERENCES "public"."credentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_job_rows" ADD CONSTRAINT "bulk_job_rows_status_list_id_status_lists_id_fk" FOREIGN KEY ("status_list_id") REFERENCES "public"."status_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_job_rows" ADD CONSTRAINT "bulk_job_rows_duplicate" CHECK (("bulk_job_rows"."state" = 'duplicate') = ("bulk_job_rows"."duplicate_of" is not null or "bulk_job_rows"."duplicate_of_row" is not null));--> statement-breakpoint
ALTER TABLE "bulk_job_rows" ADD CONSTRAINT "bulk_job_rows_status_pair" CHECK (("bulk_job_rows"."status_list_id" is null) = ("bulk_job_rows"."status_index" is null));--> statement-breakpoint
ALTER TABLE "bulk_job_rows" ADD CONSTRAINT "bulk_job_rows_state" CHECK ("bulk_job_rows"."state" in ('pending', 'running', 'done', 'failed', 'duplicate'));--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD CONSTRAINT "bulk_jobs_counts" CHECK ("bulk_jobs"."done" >= 0 and "bulk_jobs"."failed" >= 0 and "bulk_jobs"."duplicates" >= 0 and "bulk_jobs"."done" + "bulk_jobs"."failed" + "bulk_jobs"."duplicates" <= "bulk_jobs"."total");