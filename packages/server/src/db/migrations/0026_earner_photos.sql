CREATE TABLE "earner_photos" (
	"earner_id" uuid PRIMARY KEY NOT NULL,
	"digest" text NOT NULL,
	"small" "bytea" NOT NULL,
	"large" "bytea" NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "earner_photos" ADD CONSTRAINT "earner_photos_earner_id_earners_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("id") ON DELETE cascade ON UPDATE no action;