CREATE TABLE "endorsements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"endorser_id" uuid NOT NULL,
	"achievement_id" uuid,
	"endorsed_issuer_id" uuid,
	"comment" text NOT NULL,
	"document" jsonb NOT NULL,
	"status_list_id" uuid NOT NULL,
	"status_index" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	CONSTRAINT "endorsements_status_entry_unique" UNIQUE("status_list_id","status_index"),
	CONSTRAINT "endorsements_one_subject" CHECK (("endorsements"."achievement_id" is null) <> ("endorsements"."endorsed_issuer_id" is null))
);
--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "profile_issuer_id" uuid;--> statement-breakpoint
ALTER TABLE "issuers" ADD COLUMN "kind" text DEFAULT 'issuer' NOT NULL;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_endorser_id_issuers_id_fk" FOREIGN KEY ("endorser_id") REFERENCES "public"."issuers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_endorsed_issuer_id_issuers_id_fk" FOREIGN KEY ("endorsed_issuer_id") REFERENCES "public"."issuers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_status_list_id_status_lists_id_fk" FOREIGN KEY ("status_list_id") REFERENCES "public"."status_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "endorsements_achievement_idx" ON "endorsements" USING btree ("achievement_id");--> statement-breakpoint
CREATE INDEX "endorsements_endorsed_issuer_idx" ON "endorsements" USING btree ("endorsed_issuer_id");--> statement-breakpoint
CREATE INDEX "endorsements_endorser_idx" ON "endorsements" USING btree ("endorser_id");--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_profile_issuer_id_issuers_id_fk" FOREIGN KEY ("profile_issuer_id") REFERENCES "public"."issuers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_profile_issuer_id_unique" UNIQUE("profile_issuer_id");--> statement-breakpoint
ALTER TABLE "issuers" ADD CONSTRAINT "issuers_kind" CHECK ("issuers"."kind" in ('issuer', 'employer'));