CREATE TABLE "wallet_copies" (
	"credential_id" uuid PRIMARY KEY NOT NULL,
	"original_id" uuid NOT NULL,
	"holder_did" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wallet_copies_original_holder_unique" UNIQUE("original_id","holder_did")
);
--> statement-breakpoint
CREATE TABLE "wallet_exchanges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"credential_id" uuid NOT NULL,
	"challenge" text NOT NULL,
	"bind_to_holder" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "wallet_exchanges_challenge_unique" UNIQUE("challenge")
);
--> statement-breakpoint
CREATE TABLE "wallet_nonces" (
	"nonce" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wallet_offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"credential_id" uuid NOT NULL,
	"pre_authorized_code" text NOT NULL,
	"tx_code_hash" text,
	"tx_code_failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"redeemed_at" timestamp with time zone,
	"access_token_hash" text,
	"access_expires_at" timestamp with time zone,
	CONSTRAINT "wallet_offers_pre_authorized_code_unique" UNIQUE("pre_authorized_code"),
	CONSTRAINT "wallet_offers_access_token_hash_unique" UNIQUE("access_token_hash"),
	CONSTRAINT "wallet_offers_access_pair" CHECK (("wallet_offers"."access_token_hash" is null) = ("wallet_offers"."access_expires_at" is null))
);
--> statement-breakpoint
ALTER TABLE "wallet_copies" ADD CONSTRAINT "wallet_copies_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_copies" ADD CONSTRAINT "wallet_copies_original_id_credentials_id_fk" FOREIGN KEY ("original_id") REFERENCES "public"."credentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_exchanges" ADD CONSTRAINT "wallet_exchanges_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_offers" ADD CONSTRAINT "wallet_offers_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallet_exchanges_credential_idx" ON "wallet_exchanges" USING btree ("credential_id");--> statement-breakpoint
CREATE INDEX "wallet_offers_credential_idx" ON "wallet_offers" USING btree ("credential_id");