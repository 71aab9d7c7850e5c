DROP INDEX "events_issuer_idx";--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "last_txid" text DEFAULT '0' NOT NULL;--> statement-breakpoint
CREATE INDEX "events_cursor_idx" ON "events" USING btree ("txid","id");--> statement-breakpoint
CREATE INDEX "events_issuer_idx" ON "events" USING btree ("issuer_id","txid","id");