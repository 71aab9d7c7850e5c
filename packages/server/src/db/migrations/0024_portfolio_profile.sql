ALTER TABLE "earners" ADD COLUMN "headline" text;--> statement-breakpoint
ALTER TABLE "earners" ADD COLUMN "links" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "earners" ADD COLUMN "featured" jsonb DEFAULT '[]'::jsonb NOT NULL;