CREATE TABLE "credential_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"credential_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"actor" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credential_events_kind" CHECK ("credential_events"."kind" in ('revoked', 'suspended', 'reinstated'))
);
--> statement-breakpoint
ALTER TABLE "achievements" ADD COLUMN "industry" text;--> statement-breakpoint
ALTER TABLE "achievements" ADD COLUMN "suspendable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "status_purpose" text DEFAULT 'revocation' NOT NULL;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "suspension_reason" text;--> statement-breakpoint
ALTER TABLE "credential_events" ADD CONSTRAINT "credential_events_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credential_events_credential_idx" ON "credential_events" USING btree ("credential_id","id");--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_status_purpose" CHECK ("credentials"."status_purpose" in ('revocation', 'suspension'));--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_suspension_needs_suspension_entry" CHECK ("credentials"."suspended_at" is null or "credentials"."status_purpose" = 'suspension');--> statement-breakpoint
-- The history of credentials revoked before there was one.
INSERT INTO "credential_events" ("credential_id", "kind", "reason", "at")
  SELECT "id", 'revoked', "revocation_reason", "revoked_at" FROM "credentials" WHERE "revoked_at" IS NOT NULL;
