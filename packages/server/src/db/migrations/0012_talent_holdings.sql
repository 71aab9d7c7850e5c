CREATE TABLE "talent_holdings" (
	"workforce" boolean NOT NULL,
	"audience" uuid NOT NULL,
	"employer_id" uuid,
	"skill_key" integer NOT NULL,
	"earner_id" uuid NOT NULL,
	"latest" timestamp with time zone NOT NULL,
	"until" timestamp with time zone,
	"next_latest" timestamp with time zone,
	"next_until" timestamp with time zone,
	"more" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_issuer_names" (
	"name" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_skill_keys" (
	"key" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "talent_skill_keys_key_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"uri" text NOT NULL,
	CONSTRAINT "talent_skill_keys_uri" UNIQUE("uri")
);
--> statement-breakpoint
DROP INDEX "talent_listing_search_idx";--> statement-breakpoint
ALTER TABLE "talent_holdings" ADD CONSTRAINT "talent_holdings_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_holdings" ADD CONSTRAINT "talent_holdings_skill_key_talent_skill_keys_key_fk" FOREIGN KEY ("skill_key") REFERENCES "public"."talent_skill_keys"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_holdings" ADD CONSTRAINT "talent_holdings_earner_id_earners_id_fk" FOREIGN KEY ("earner_id") REFERENCES "public"."earners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talent_holdings_search_idx" ON "talent_holdings" USING btree ("workforce","audience","skill_key","earner_id","latest","until","next_latest","next_until","more");--> statement-breakpoint
CREATE INDEX "talent_holdings_earner_idx" ON "talent_holdings" USING btree ("earner_id");--> statement-breakpoint
CREATE INDEX "talent_listing_issuer_idx" ON "talent_listing" USING btree ("workforce","audience","issuer_name","skill_uri","earner_id","issued_at" DESC NULLS LAST,"valid_until");--> statement-breakpoint
-- Data: the holdings of the listing as it stands (the statements of rebuildHoldings, for every earner).
INSERT INTO "talent_issuer_names" ("name")
SELECT DISTINCT l."issuer_name" FROM "talent_listing" l ORDER BY l."issuer_name"
ON CONFLICT ("name") DO NOTHING;--> statement-breakpoint
INSERT INTO "talent_skill_keys" ("uri")
SELECT DISTINCT l."skill_uri" FROM "talent_listing" l ORDER BY l."skill_uri"
ON CONFLICT ("uri") DO NOTHING;--> statement-breakpoint
INSERT INTO "talent_holdings"
  ("workforce", "audience", "employer_id", "skill_key", "earner_id", "latest", "until", "next_latest", "next_until", "more")
WITH listed AS MATERIALIZED (
  SELECT l."workforce", l."audience", l."employer_id", k."key" AS skill_key, l."earner_id", l."issued_at", l."valid_until"
  FROM "talent_listing" l JOIN "talent_skill_keys" k ON k."uri" = l."skill_uri"
),
newest AS (
  SELECT DISTINCT ON (workforce, audience, skill_key, earner_id)
    workforce, audience, employer_id, skill_key, earner_id, issued_at AS latest, valid_until AS until
  FROM listed
  ORDER BY workforce, audience, skill_key, earner_id, issued_at DESC, valid_until DESC NULLS FIRST
),
outliving AS (
  SELECT DISTINCT ON (l.workforce, l.audience, l.skill_key, l.earner_id)
    l.workforce, l.audience, l.skill_key, l.earner_id, l.issued_at AS next_latest, l.valid_until AS next_until
  FROM listed l JOIN newest n USING (workforce, audience, skill_key, earner_id)
  WHERE n.until IS NOT NULL AND (l.valid_until IS NULL OR l.valid_until > n.until)
  ORDER BY l.workforce, l.audience, l.skill_key, l.earner_id, l.issued_at DESC, l.valid_until DESC NULLS FIRST
),
beyond AS (
  SELECT DISTINCT l.workforce, l.audience, l.skill_key, l.earner_id
  FROM listed l JOIN outliving o USING (workforce, audience, skill_key, earner_id)
  WHERE o.next_until IS NOT NULL AND (l.valid_until IS NULL OR l.valid_until > o.next_until)
)
SELECT n.workforce, n.audience, n.employer_id, n.skill_key, n.earner_id, n.latest, n.until,
  o.next_latest, o.next_until, b.earner_id IS NOT NULL
FROM newest n
LEFT JOIN outliving o USING (workforce, audience, skill_key, earner_id)
LEFT JOIN beyond b USING (workforce, audience, skill_key, earner_id);
