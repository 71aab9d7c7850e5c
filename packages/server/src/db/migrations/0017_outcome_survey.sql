CREATE TABLE "outcome_surveys" (
	"credential_id" uuid NOT NULL,
	"wave" integer NOT NULL,
	"earner_id" uuid NOT NULL,
	"achievement_id" uuid NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"outcomes" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "outcome_surveys_credential_id_wave_pk" PRIMARY KEY("credential_id","wave"),
	CONSTRAINT "outcome_surveys_wave" CHECK ("outcome_surveys"."wave" in (3, 6, 12)),
	CONSTRAINT "outcome_surveys_outcomes" CHECK ("outcome_surveys"."outcomes" <@ array['promotion', 'new-job', 'raise', 'responsibilities', 'none']::text[]),
	CONSTRAINT "outcome_surveys_answered" CHECK (("outcome_surveys"."answered_at" is null) = (cardinality("outcome_surveys"."outcomes") = 0))
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind";--> statement-breakpoint
ALTER TABLE "outcome_surveys" ADD CONSTRAINT "outcome_surveys_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_surveys" ADD CONSTRAINT "outcome_surveys_earner_id_earners_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outcome_surveys_achievement_idx" ON "outcome_surveys" USING btree ("achievement_id");--> statement-breakpoint
CREATE INDEX "outcome_surveys_earner_idx" ON "outcome_surveys" USING btree ("earner_id");--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind" CHECK ("notification_preferences"."kind" in ('pathway-award', 'expiry', 'pathway-progress', 'new-achievement', 'outcome-survey'));