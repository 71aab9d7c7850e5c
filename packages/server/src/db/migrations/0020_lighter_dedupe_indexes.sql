DROP INDEX "events_type_at_idx";--> statement-breakpoint
DROP INDEX "events_dedupe_key_idx";--> statement-breakpoint
DROP INDEX "mail_outbox_dedupe_key_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "events_dedupe_key_idx" ON "events" USING btree ("dedupe_key") WHERE "events"."dedupe_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_dedupe_key_unique" ON "mail_outbox" USING btree ("dedupe_key") WHERE "mail_outbox"."dedupe_key" is not null;