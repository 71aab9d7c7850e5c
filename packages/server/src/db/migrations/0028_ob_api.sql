CREATE TABLE "ob_api_clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"secret_hash" text,
	"name" text NOT NULL,
	"client_uri" text NOT NULL,
	"logo_uri" text,
	"tos_uri" text,
	"policy_uri" text,
	"software_id" text,
	"software_version" text,
	"redirect_uris" jsonb NOT NULL,
	"scope" text NOT NULL,
	"token_endpoint_auth_method" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ob_api_clients_auth_method" CHECK ("ob_api_clients"."token_endpoint_auth_method" in ('none', 'client_secret_basic', 'client_secret_post')),
	CONSTRAINT "ob_api_clients_secret" CHECK (("ob_api_clients"."token_endpoint_auth_method" = 'none') = ("ob_api_clients"."secret_hash" is null))
);
--> statement-breakpoint
CREATE TABLE "ob_api_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"earner_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ob_api_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"grant_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"code_challenge" text,
	"redirect_uri" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "ob_api_tokens_kind" CHECK ("ob_api_tokens"."kind" in ('code', 'access', 'refresh')),
	CONSTRAINT "ob_api_tokens_hash_format" CHECK ("ob_api_tokens"."token_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "ob_api_tokens_code_fields" CHECK (("ob_api_tokens"."kind" = 'code') = ("ob_api_tokens"."code_challenge" is not null and "ob_api_tokens"."redirect_uri" is not null))
);
--> statement-breakpoint
CREATE TABLE "ob_backpack_connections" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"earner_id" uuid NOT NULL,
	"host" text NOT NULL,
	"token_url" text NOT NULL,
	"credentials_url" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret" text,
	"code_verifier" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ob_api_grants" ADD CONSTRAINT "ob_api_grants_client_id_ob_api_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."ob_api_clients"("client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ob_api_grants" ADD CONSTRAINT "ob_api_grants_earner_id_earners_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ob_api_tokens" ADD CONSTRAINT "ob_api_tokens_grant_id_ob_api_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."ob_api_grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ob_backpack_connections" ADD CONSTRAINT "ob_backpack_connections_earner_id_earners_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ob_api_grants_earner_idx" ON "ob_api_grants" USING btree ("earner_id","client_id");--> statement-breakpoint
CREATE INDEX "ob_api_tokens_grant_idx" ON "ob_api_tokens" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "ob_api_tokens_expires_idx" ON "ob_api_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "ob_backpack_connections_earner_idx" ON "ob_backpack_connections" USING btree ("earner_id");