CREATE TABLE "earner_credentials" (
	"credential_id" uuid PRIMARY KEY NOT NULL,
	"earner_id" uuid,
	"choice" text NOT NULL,
	"visibility" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "earner_credentials_choice" CHECK ("earner_credentials"."choice" in ('accepted', 'declined')),
	CONSTRAINT "earner_credentials_visibility" CHECK ("earner_credentials"."visibility" in ('public', 'private'))
);
--> statement-breakpoint
CREATE TABLE "earner_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"earner_id" uuid NOT NULL,
	"email" text NOT NULL,
	"lookup_hash" text NOT NULL,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "earner_emails_lower" CHECK ("earner_emails"."email" = lower("earner_emails"."email"))
);
--> statement-breakpoint
CREATE TABLE "earner_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"earner_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "earners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"display_name" text,
	"handle" text,
	"locale" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "earners_handle_unique" UNIQUE("handle"),
	CONSTRAINT "earners_handle_format" CHECK ("earners"."handle" ~ '^[a-z0-9](?:[a-z0-9-]{1,30}[a-z0-9])$')
);
--> statement-breakpoint
CREATE TABLE "email_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"email" text NOT NULL,
	"earner_id" uuid,
	"credential_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "email_tokens_purpose" CHECK ("email_tokens"."purpose" in ('sign-in', 'claim', 'verify-email'))
);
--> statement-breakpoint
CREATE TABLE "imported_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"earner_id" uuid NOT NULL,
	"document" jsonb NOT NULL,
	"jwt" text,
	"source_url" text,
	"verified" boolean NOT NULL,
	"report" jsonb NOT NULL,
	"visibility" text DEFAULT 'private' NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imported_credentials_visibility" CHECK ("imported_credentials"."visibility" in ('public', 'private')),
	CONSTRAINT "imported_credentials_unverified_private" CHECK ("imported_credentials"."verified" or "imported_credentials"."visibility" = 'private')
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "pathway_follows" (
	"earner_id" uuid NOT NULL,
	"pathway_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_follows_earner_id_pathway_id_pk" PRIMARY KEY("earner_id","pathway_id")
);
--> statement-breakpoint
ALTER TABLE "earner_credentials" ADD CONSTRAINT "earner_credentials_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earner_credentials" ADD CONSTRAINT "earner_credentials_earner_id_earners_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earner_emails" ADD CONSTRAINT "earner_emails_earner_id_earners_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "earner_sessions" ADD CONSTRAINT "earner_sessions_earner_id_earners_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_earner_id_earners_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imported_credentials" ADD CONSTRAINT "imported_credentials_earner_id_earners_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_follows" ADD CONSTRAINT "pathway_follows_earner_id_earners_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_follows" ADD CONSTRAINT "pathway_follows_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "earner_credentials_earner_idx" ON "earner_credentials" USING btree ("earner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "earner_emails_earner_address_unique" ON "earner_emails" USING btree ("earner_id","lookup_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "earner_emails_verified_unique" ON "earner_emails" USING btree ("lookup_hash") WHERE "earner_emails"."verified_at" is not null;--> statement-breakpoint
CREATE INDEX "earner_emails_lookup_idx" ON "earner_emails" USING btree ("lookup_hash");--> statement-breakpoint
CREATE INDEX "earner_sessions_earner_idx" ON "earner_sessions" USING btree ("earner_id");--> statement-breakpoint
CREATE INDEX "email_tokens_credential_idx" ON "email_tokens" USING btree ("credential_id");--> statement-breakpoint
CREATE INDEX "imported_credentials_earner_idx" ON "imported_credentials" USING btree ("earner_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox" USING btree ("next_attempt_at") WHERE "mail_outbox"."sent_at" is null;