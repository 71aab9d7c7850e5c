-- The feed's (txid, id) order becomes the primary key: the separate cursor index and the id key go.
ALTER TABLE "events" DROP CONSTRAINT "events_pkey";--> statement-breakpoint
DROP INDEX "events_cursor_idx";--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_pkey" PRIMARY KEY("txid","id");--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "announces" jsonb;
