CREATE TABLE "achievements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_id" uuid NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"document" jsonb NOT NULL,
	"name" text NOT NULL,
	"achievement_type" text DEFAULT 'Achievement' NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"level" text,
	"credits" numeric,
	"hours" numeric,
	"delivery_mode" text,
	"language" text,
	"validity_months" integer,
	"image" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "achievements_id_issuer_unique" UNIQUE("id","issuer_id"),
	CONSTRAINT "achievements_status" CHECK ("achievements"."status" in ('draft', 'published', 'archived')),
	CONSTRAINT "achievements_delivery_mode" CHECK ("achievements"."delivery_mode" in ('online', 'in-person', 'hybrid')),
	CONSTRAINT "achievements_validity_months" CHECK ("achievements"."validity_months" is null or "achievements"."validity_months" > 0),
	CONSTRAINT "achievements_amounts" CHECK (coalesce("achievements"."credits", 0) >= 0 and coalesce("achievements"."hours", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_id" uuid,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_prefix_unique" UNIQUE("prefix"),
	CONSTRAINT "api_keys_role" CHECK ("api_keys"."role" in ('admin', 'owner', 'issuer', 'viewer')),
	CONSTRAINT "api_keys_admin_has_no_issuer" CHECK (("api_keys"."role" = 'admin') = ("api_keys"."issuer_id" is null)),
	CONSTRAINT "api_keys_hash_format" CHECK ("api_keys"."hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "bulk_job_rows" (
	"job_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"input" jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"error" text,
	"credential_id" uuid,
	CONSTRAINT "bulk_job_rows_job_id_row_number_pk" PRIMARY KEY("job_id","row_number"),
	CONSTRAINT "bulk_job_rows_state" CHECK ("bulk_job_rows"."state" in ('pending', 'running', 'done', 'failed')),
	CONSTRAINT "bulk_job_rows_lease" CHECK (("bulk_job_rows"."state" = 'running') = ("bulk_job_rows"."locked_until" is not null))
);
--> statement-breakpoint
CREATE TABLE "bulk_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_id" uuid NOT NULL,
	"achievement_id" uuid NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"total" integer NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "bulk_jobs_state" CHECK ("bulk_jobs"."state" in ('queued', 'running', 'completed', 'failed', 'cancelled')),
	CONSTRAINT "bulk_jobs_counts" CHECK ("bulk_jobs"."done" >= 0 and "bulk_jobs"."failed" >= 0 and "bulk_jobs"."done" + "bulk_jobs"."failed" <= "bulk_jobs"."total")
);
--> statement-breakpoint
CREATE TABLE "credentials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"issuer_id" uuid NOT NULL,
	"achievement_id" uuid NOT NULL,
	"recipient_email_hash" text,
	"recipient_lookup_hash" text,
	"recipient_did" text,
	"recipient_name" text,
	"idempotency_key" text,
	"format" text NOT NULL,
	"document" jsonb NOT NULL,
	"jwt" text,
	"status_list_id" uuid,
	"status_index" integer,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"bulk_job_id" uuid,
	"bulk_row" integer,
	CONSTRAINT "credentials_issuer_idempotency_key_unique" UNIQUE("issuer_id","idempotency_key"),
	CONSTRAINT "credentials_bulk_row_unique" UNIQUE("bulk_job_id","bulk_row"),
	CONSTRAINT "credentials_status_entry_unique" UNIQUE("status_list_id","status_index"),
	CONSTRAINT "credentials_format" CHECK ("credentials"."format" in ('di', 'jwt')),
	CONSTRAINT "credentials_jwt_present" CHECK (("credentials"."format" = 'jwt') = ("credentials"."jwt" is not null)),
	CONSTRAINT "credentials_bulk_pair" CHECK (("credentials"."bulk_job_id" is null) = ("credentials"."bulk_row" is null)),
	CONSTRAINT "credentials_status_pair" CHECK (("credentials"."status_list_id" is null) = ("credentials"."status_index" is null))
);
--> statement-breakpoint
CREATE TABLE "issuer_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_id" uuid NOT NULL,
	"key_id" text NOT NULL,
	"public_key_multibase" text NOT NULL,
	"encrypted_secret" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "issuer_keys_issuer_key_id_unique" UNIQUE("issuer_id","key_id")
);
--> statement-breakpoint
CREATE TABLE "issuers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"url" text,
	"email" text,
	"description" text,
	"image" jsonb,
	"address" jsonb,
	"linkedin_organization_id" text,
	"verified" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "issuers_slug_unique" UNIQUE("slug"),
	CONSTRAINT "issuers_slug_format" CHECK ("issuers"."slug" ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$')
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "jobs_state" CHECK ("jobs"."state" in ('pending', 'running', 'done', 'failed')),
	CONSTRAINT "jobs_max_attempts" CHECK ("jobs"."max_attempts" > 0)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"issuer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_issuer_id_user_id_pk" PRIMARY KEY("issuer_id","user_id"),
	CONSTRAINT "memberships_role" CHECK ("memberships"."role" in ('owner', 'issuer', 'viewer'))
);
--> statement-breakpoint
CREATE TABLE "status_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"length" integer NOT NULL,
	"bits" "bytea" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"next_position" integer DEFAULT 0 NOT NULL,
	"index_seed" "bytea" NOT NULL,
	"is_open" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_lists_purpose" CHECK ("status_lists"."purpose" in ('revocation', 'suspension')),
	CONSTRAINT "status_lists_length" CHECK ("status_lists"."length" > 0 and "status_lists"."length" % 8 = 0),
	CONSTRAINT "status_lists_bits_length" CHECK (octet_length("status_lists"."bits") * 8 = "status_lists"."length"),
	CONSTRAINT "status_lists_next_position" CHECK ("status_lists"."next_position" between 0 and "status_lists"."length"),
	CONSTRAINT "status_lists_index_seed" CHECK (octet_length("status_lists"."index_seed") = 32)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_issuer_id_issuers_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_issuer_id_issuers_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_job_rows" ADD CONSTRAINT "bulk_job_rows_job_id_bulk_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."bulk_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_job_rows" ADD CONSTRAINT "bulk_job_rows_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD CONSTRAINT "bulk_jobs_issuer_id_issuers_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD CONSTRAINT "bulk_jobs_achievement_of_issuer_fk" FOREIGN KEY ("achievement_id","issuer_id") REFERENCES "public"."achievements"("id","issuer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_issuer_id_issuers_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_status_list_id_status_lists_id_fk" FOREIGN KEY ("status_list_id") REFERENCES "public"."status_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_bulk_job_id_bulk_jobs_id_fk" FOREIGN KEY ("bulk_job_id") REFERENCES "public"."bulk_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_achievement_of_issuer_fk" FOREIGN KEY ("achievement_id","issuer_id") REFERENCES "public"."achievements"("id","issuer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issuer_keys" ADD CONSTRAINT "issuer_keys_issuer_id_issuers_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_issuer_id_issuers_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_lists" ADD CONSTRAINT "status_lists_issuer_id_issuers_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "achievements_issuer_status_idx" ON "achievements" USING btree ("issuer_id","status");--> statement-breakpoint
CREATE INDEX "achievements_tags_idx" ON "achievements" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "api_keys_issuer_id_idx" ON "api_keys" USING btree ("issuer_id");--> statement-breakpoint
CREATE INDEX "bulk_job_rows_claim_idx" ON "bulk_job_rows" USING btree ("job_id","row_number") WHERE "bulk_job_rows"."state" in ('pending', 'running');--> statement-breakpoint
CREATE INDEX "bulk_jobs_issuer_idx" ON "bulk_jobs" USING btree ("issuer_id","created_at");--> statement-breakpoint
CREATE INDEX "bulk_jobs_active_idx" ON "bulk_jobs" USING btree ("created_at") WHERE "bulk_jobs"."state" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "credentials_recipient_lookup_idx" ON "credentials" USING btree ("recipient_lookup_hash");--> statement-breakpoint
CREATE INDEX "credentials_recipient_did_idx" ON "credentials" USING btree ("recipient_did");--> statement-breakpoint
CREATE INDEX "credentials_issuer_issued_idx" ON "credentials" USING btree ("issuer_id","issued_at");--> statement-breakpoint
CREATE INDEX "credentials_achievement_idx" ON "credentials" USING btree ("achievement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "issuer_keys_one_active_idx" ON "issuer_keys" USING btree ("issuer_id") WHERE "issuer_keys"."retired_at" is null and "issuer_keys"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("kind","run_at") WHERE "jobs"."state" in ('pending', 'running');--> statement-breakpoint
CREATE INDEX "memberships_user_id_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "status_lists_issuer_idx" ON "status_lists" USING btree ("issuer_id","purpose");--> statement-breakpoint
CREATE UNIQUE INDEX "status_lists_one_open_idx" ON "status_lists" USING btree ("issuer_id","purpose") WHERE "status_lists"."is_open";