ALTER TABLE "issuers" ADD COLUMN "brand_color" text;--> statement-breakpoint
ALTER TABLE "issuers" ADD CONSTRAINT "issuers_brand_color_format" CHECK ("issuers"."brand_color" ~ '^#[0-9a-f]{6}$');