CREATE TABLE "log_checkpoints" (
	"tree_size" bigint PRIMARY KEY NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "log_hashes" (
	"level" smallint NOT NULL,
	"index" bigint NOT NULL,
	"hash" "bytea" NOT NULL,
	CONSTRAINT "log_hashes_level_index_pk" PRIMARY KEY("level","index")
);
--> statement-breakpoint
CREATE TABLE "log_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"public_key" "bytea" NOT NULL,
	"sealed_secret" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "log_leaves" (
	"index" bigint PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"entry" "bytea" NOT NULL,
	"leaf_hash" "bytea" NOT NULL,
	"credential_id" uuid,
	"logged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "log_leaves_kind" CHECK ("log_leaves"."kind" in ('credential', 'issuer-key'))
);
--> statement-breakpoint
CREATE TABLE "log_sequence" (
	"id" smallint PRIMARY KEY NOT NULL,
	"next" bigint NOT NULL,
	CONSTRAINT "log_sequence_single_row" CHECK ("log_sequence"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "log_tree" (
	"id" smallint PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"root_hash" "bytea" NOT NULL,
	CONSTRAINT "log_tree_single_row" CHECK ("log_tree"."id" = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "log_leaves_credential_idx" ON "log_leaves" USING btree ("credential_id");--> statement-breakpoint
-- Hand-written (drizzle-kit does not generate data): the single rows the appenders and the integrator lock.
-- The empty tree's root is SHA-256 of the empty string (RFC 9162 §2.1.1).
INSERT INTO "log_sequence" ("id", "next") VALUES (1, 0);--> statement-breakpoint
INSERT INTO "log_tree" ("id", "size", "root_hash") VALUES (1, 0, decode('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'hex'));
