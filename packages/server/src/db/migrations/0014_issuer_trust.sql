ALTER TABLE "issuers" ADD COLUMN "verified_by" text;--> statement-breakpoint
ALTER TABLE "issuers" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "issuers" ADD COLUMN "linked_domain" text;--> statement-breakpoint
ALTER TABLE "issuers" ADD COLUMN "domain_linked_at" timestamp with time zone;