CREATE TABLE "pathway_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pathway_id" uuid NOT NULL,
	"achievement_id" uuid NOT NULL,
	"earner" text NOT NULL,
	"generation" integer NOT NULL,
	"version" integer NOT NULL,
	"credential_id" uuid NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "pathway_awards_once" UNIQUE("pathway_id","achievement_id","earner","generation"),
	CONSTRAINT "pathway_awards_state" CHECK ("pathway_awards"."state" in ('active', 'revoked')),
	CONSTRAINT "pathway_awards_generation" CHECK ("pathway_awards"."generation" >= 0),
	CONSTRAINT "pathway_awards_revoked" CHECK (("pathway_awards"."state" = 'revoked') = ("pathway_awards"."revoked_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "pathway_enrollments" (
	"pathway_id" uuid NOT NULL,
	"earner" text NOT NULL,
	"version" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_enrollments_pathway_id_earner_pk" PRIMARY KEY("pathway_id","earner")
);
--> statement-breakpoint
CREATE TABLE "pathway_partnerships" (
	"grantor_issuer_id" uuid NOT NULL,
	"grantee_issuer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_partnerships_grantor_issuer_id_grantee_issuer_id_pk" PRIMARY KEY("grantor_issuer_id","grantee_issuer_id"),
	CONSTRAINT "pathway_partnerships_distinct" CHECK ("pathway_partnerships"."grantor_issuer_id" <> "pathway_partnerships"."grantee_issuer_id")
);
--> statement-breakpoint
CREATE TABLE "pathway_versions" (
	"pathway_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"completion_achievement_id" uuid NOT NULL,
	"required_achievement_ids" uuid[] NOT NULL,
	"milestone_achievement_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "pathway_versions_pathway_id_version_pk" PRIMARY KEY("pathway_id","version")
);
--> statement-breakpoint
CREATE TABLE "pathways" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathways_status" CHECK ("pathways"."status" in ('draft', 'published')),
	CONSTRAINT "pathways_current_version" CHECK ("pathways"."current_version" > 0)
);
--> statement-breakpoint
ALTER TABLE "pathway_awards" ADD CONSTRAINT "pathway_awards_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_awards" ADD CONSTRAINT "pathway_awards_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_enrollments" ADD CONSTRAINT "pathway_enrollments_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_partnerships" ADD CONSTRAINT "pathway_partnerships_grantor_issuer_id_issuers_id_fk" FOREIGN KEY ("grantor_issuer_id") REFERENCES "public"."issuers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_partnerships" ADD CONSTRAINT "pathway_partnerships_grantee_issuer_id_issuers_id_fk" FOREIGN KEY ("grantee_issuer_id") REFERENCES "public"."issuers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_versions" ADD CONSTRAINT "pathway_versions_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_issuer_id_issuers_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pathway_awards_earner_idx" ON "pathway_awards" USING btree ("pathway_id","earner");--> statement-breakpoint
CREATE INDEX "pathway_enrollments_earner_idx" ON "pathway_enrollments" USING btree ("earner");--> statement-breakpoint
CREATE INDEX "pathway_partnerships_grantee_idx" ON "pathway_partnerships" USING btree ("grantee_issuer_id");--> statement-breakpoint
CREATE INDEX "pathway_versions_required_idx" ON "pathway_versions" USING gin ("required_achievement_ids");--> statement-breakpoint
CREATE INDEX "pathways_issuer_idx" ON "pathways" USING btree ("issuer_id","created_at");