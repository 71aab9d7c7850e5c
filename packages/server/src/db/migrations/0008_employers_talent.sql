CREATE TABLE "employer_members" (
	"employer_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employer_members_employer_id_email_pk" PRIMARY KEY("employer_id","email"),
	CONSTRAINT "employer_members_role" CHECK ("employer_members"."role" in ('owner', 'recruiter', 'viewer')),
	CONSTRAINT "employer_members_email_lower" CHECK ("employer_members"."email" = lower("employer_members"."email"))
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employers_slug_unique" UNIQUE("slug"),
	CONSTRAINT "employers_slug_format" CHECK ("employers"."slug" ~ '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$')
);
--> statement-breakpoint
CREATE TABLE "talent_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"earner_id" uuid NOT NULL,
	"employer_id" uuid,
	"show_name" boolean NOT NULL,
	"show_contact" boolean NOT NULL,
	"credential_ids" uuid[],
	"location" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "talent_consents_earner_employer" UNIQUE NULLS NOT DISTINCT("earner_id","employer_id")
);
--> statement-breakpoint
CREATE TABLE "talent_evidence" (
	"earner_id" uuid NOT NULL,
	"skill_uri" text NOT NULL,
	"credential_kind" text NOT NULL,
	"credential_id" uuid NOT NULL,
	"achievement_name" text NOT NULL,
	"issuer_name" text NOT NULL,
	"issuer_vetted" boolean NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	CONSTRAINT "talent_evidence_pk" PRIMARY KEY("earner_id","skill_uri","credential_id"),
	CONSTRAINT "talent_evidence_kind" CHECK ("talent_evidence"."credential_kind" in ('issued', 'imported'))
);
--> statement-breakpoint
ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_role";--> statement-breakpoint
ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_admin_has_no_issuer";--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "employer_id" uuid;--> statement-breakpoint
ALTER TABLE "employer_members" ADD CONSTRAINT "employer_members_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_consents" ADD CONSTRAINT "talent_consents_earner_id_earners_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_consents" ADD CONSTRAINT "talent_consents_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_evidence" ADD CONSTRAINT "talent_evidence_earner_id_earners_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_members_email_idx" ON "employer_members" USING btree ("email");--> statement-breakpoint
CREATE INDEX "talent_consents_employer_idx" ON "talent_consents" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "talent_evidence_skill_idx" ON "talent_evidence" USING btree ("skill_uri","earner_id","credential_id","issued_at","valid_until","issuer_name");--> statement-breakpoint
CREATE INDEX "talent_evidence_credential_idx" ON "talent_evidence" USING btree ("credential_id");--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_employer_role" CHECK (("api_keys"."role" = 'employer') = ("api_keys"."employer_id" is not null));--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_one_owner" CHECK ("api_keys"."issuer_id" is null or "api_keys"."employer_id" is null);--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_role" CHECK ("api_keys"."role" in ('admin', 'employer', 'owner', 'issuer', 'viewer'));--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_admin_has_no_issuer" CHECK (("api_keys"."role" = 'admin') = ("api_keys"."issuer_id" is null and "api_keys"."employer_id" is null));