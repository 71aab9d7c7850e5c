CREATE TABLE "log_witnesses" (
	"url" text PRIMARY KEY NOT NULL,
	"cosigned_size" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "log_checkpoints" ADD COLUMN "cosignatures" integer DEFAULT 0 NOT NULL;