CREATE TABLE "employer_employees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"email" text NOT NULL,
	"team" text,
	"invited_by" text,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"earner_id" uuid,
	"credential_ids" uuid[],
	"connected_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	CONSTRAINT "employer_employees_employer_email" UNIQUE("employer_id","email"),
	CONSTRAINT "employer_employees_email_lower" CHECK ("employer_employees"."email" = lower("employer_employees"."email")),
	CONSTRAINT "employer_employees_connection" CHECK (("employer_employees"."earner_id" is null) = ("employer_employees"."connected_at" is null) and ("employer_employees"."earner_id" is null or "employer_employees"."declined_at" is null))
);
--> statement-breakpoint
CREATE TABLE "employer_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"occupation_uri" text,
	"skills" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_listing" (
	"earner_id" uuid NOT NULL,
	"employer_id" uuid,
	"workforce" boolean NOT NULL,
	"audience" uuid GENERATED ALWAYS AS (coalesce(employer_id, '00000000-0000-0000-0000-000000000000'::uuid)) STORED NOT NULL,
	"skill_uri" text NOT NULL,
	"credential_id" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"issuer_name" text NOT NULL,
	CONSTRAINT "talent_listing_workforce_employer" CHECK (not "talent_listing"."workforce" or "talent_listing"."employer_id" is not null)
);
--> statement-breakpoint
DROP INDEX "talent_evidence_skill_idx";--> statement-breakpoint
ALTER TABLE "employer_employees" ADD CONSTRAINT "employer_employees_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_employees" ADD CONSTRAINT "employer_employees_earner_id_earners_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_roles" ADD CONSTRAINT "employer_roles_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_listing" ADD CONSTRAINT "talent_listing_earner_id_earners_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_listing" ADD CONSTRAINT "talent_listing_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_employees_email_idx" ON "employer_employees" USING btree ("email");--> statement-breakpoint
CREATE INDEX "employer_employees_earner_idx" ON "employer_employees" USING btree ("earner_id");--> statement-breakpoint
CREATE INDEX "employer_roles_employer_idx" ON "employer_roles" USING btree ("employer_id","title");--> statement-breakpoint
CREATE INDEX "talent_listing_search_idx" ON "talent_listing" USING btree ("workforce","audience","skill_uri","earner_id","issued_at" DESC NULLS LAST,"valid_until","issuer_name","credential_id");--> statement-breakpoint
CREATE INDEX "talent_listing_earner_idx" ON "talent_listing" USING btree ("earner_id");--> statement-breakpoint
CREATE INDEX "talent_listing_credential_idx" ON "talent_listing" USING btree ("credential_id");--> statement-breakpoint
-- Data: the listing of the consents given before it existed (there are no workforce connections yet).
INSERT INTO "talent_listing" ("earner_id", "employer_id", "workforce", "skill_uri", "credential_id", "issued_at", "valid_until", "issuer_name")
SELECT e."earner_id", c."employer_id", false, e."skill_uri", e."credential_id", e."issued_at", e."valid_until", e."issuer_name"
FROM "talent_evidence" e
JOIN "talent_consents" c ON c."earner_id" = e."earner_id"
WHERE c."credential_ids" IS NULL OR e."credential_id" = ANY (c."credential_ids");
