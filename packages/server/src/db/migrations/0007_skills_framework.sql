CREATE TABLE "occupation_skills" (
	"occupation_uri" text NOT NULL,
	"skill_uri" text NOT NULL,
	"relation" text NOT NULL,
	CONSTRAINT "occupation_skills_pk" PRIMARY KEY("occupation_uri","skill_uri"),
	CONSTRAINT "occupation_skills_relation" CHECK ("occupation_skills"."relation" in ('essential', 'optional'))
);
--> statement-breakpoint
CREATE TABLE "occupations" (
	"uri" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"label" text NOT NULL,
	"code" text,
	"alt_labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "skill_concepts" (
	"uri" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"alt_labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text,
	"broader_uri" text,
	"occupation_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "skill_concepts_kind" CHECK ("skill_concepts"."kind" in ('skill', 'knowledge', 'group'))
);
--> statement-breakpoint
CREATE TABLE "skill_frameworks" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"version" text NOT NULL,
	"attribution" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"skills" integer NOT NULL,
	"occupations" integer NOT NULL,
	"relations" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "occupations" ADD CONSTRAINT "occupations_framework_id_skill_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."skill_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_concepts" ADD CONSTRAINT "skill_concepts_framework_id_skill_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."skill_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "occupation_skills_skill_idx" ON "occupation_skills" USING btree ("skill_uri");--> statement-breakpoint
CREATE INDEX "occupations_framework_idx" ON "occupations" USING btree ("framework_id");--> statement-breakpoint
CREATE INDEX "skill_concepts_framework_idx" ON "skill_concepts" USING btree ("framework_id","kind");--> statement-breakpoint
CREATE INDEX "skill_concepts_label_idx" ON "skill_concepts" USING btree (lower("label"));