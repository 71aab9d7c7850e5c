CREATE TABLE "endorsement_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"achievement_id" uuid NOT NULL,
	"requester_issuer_id" uuid NOT NULL,
	"target_employer_id" uuid,
	"target_issuer_id" uuid,
	"invited_email" text,
	"message" text NOT NULL,
	"sample_credential_id" uuid,
	"state" text DEFAULT 'pending' NOT NULL,
	"response_comment" text,
	"endorsement_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_by" text,
	"responded_at" timestamp with time zone,
	CONSTRAINT "endorsement_requests_state" CHECK ("endorsement_requests"."state" in ('pending', 'endorsed', 'declined', 'cancelled')),
	CONSTRAINT "endorsement_requests_target" CHECK (num_nonnulls("endorsement_requests"."target_employer_id", "endorsement_requests"."target_issuer_id", "endorsement_requests"."invited_email") = 1 or ("endorsement_requests"."target_issuer_id" is null and "endorsement_requests"."target_employer_id" is not null and "endorsement_requests"."invited_email" is not null)),
	CONSTRAINT "endorsement_requests_email_lower" CHECK ("endorsement_requests"."invited_email" = lower("endorsement_requests"."invited_email"))
);
--> statement-breakpoint
ALTER TABLE "endorsement_requests" ADD CONSTRAINT "endorsement_requests_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsement_requests" ADD CONSTRAINT "endorsement_requests_requester_issuer_id_issuers_id_fk" FOREIGN KEY ("requester_issuer_id") REFERENCES "public"."issuers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsement_requests" ADD CONSTRAINT "endorsement_requests_target_employer_id_employers_id_fk" FOREIGN KEY ("target_employer_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsement_requests" ADD CONSTRAINT "endorsement_requests_target_issuer_id_issuers_id_fk" FOREIGN KEY ("target_issuer_id") REFERENCES "public"."issuers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsement_requests" ADD CONSTRAINT "endorsement_requests_sample_credential_id_credentials_id_fk" FOREIGN KEY ("sample_credential_id") REFERENCES "public"."credentials"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsement_requests" ADD CONSTRAINT "endorsement_requests_endorsement_id_endorsements_id_fk" FOREIGN KEY ("endorsement_id") REFERENCES "public"."endorsements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "endorsement_requests_pending_employer_unique" ON "endorsement_requests" USING btree ("achievement_id","target_employer_id") WHERE "endorsement_requests"."state" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "endorsement_requests_pending_issuer_unique" ON "endorsement_requests" USING btree ("achievement_id","target_issuer_id") WHERE "endorsement_requests"."state" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "endorsement_requests_pending_email_unique" ON "endorsement_requests" USING btree ("achievement_id","invited_email") WHERE "endorsement_requests"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "endorsement_requests_requester_idx" ON "endorsement_requests" USING btree ("requester_issuer_id");--> statement-breakpoint
CREATE INDEX "endorsement_requests_employer_idx" ON "endorsement_requests" USING btree ("target_employer_id");--> statement-breakpoint
CREATE INDEX "endorsement_requests_issuer_idx" ON "endorsement_requests" USING btree ("target_issuer_id");--> statement-breakpoint
CREATE INDEX "endorsement_requests_email_idx" ON "endorsement_requests" USING btree ("invited_email");