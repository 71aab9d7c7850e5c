import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, oneOf, timestamptz } from './columns.js';

/**
 * The next leaf index, in a single row (id 1, inserted by the migration). An issuing transaction takes
 * its indexes with `UPDATE … SET next = next + n RETURNING`: the row lock held until it commits makes
 * appenders take turns, so indexes are gapless in commit order and a rollback gives them back.
 */
export const logSequence = pgTable(
  'log_sequence',
  {
    id: smallint('id').primaryKey(),
    next: bigint('next', { mode: 'number' }).notNull(),
  },
  (t) => [check('log_sequence_single_row', sql`${t.id} = 1`)],
);

export const LOG_ENTRY_KINDS = ['credential', 'issuer-key'] as const;

/** Every sequenced leaf: its data (what the entry bundles serve) and its RFC 9162 leaf hash. */
export const logLeaves = pgTable(
  'log_leaves',
  {
    index: bigint('index', { mode: 'number' }).primaryKey(),
    kind: text('kind').$type<(typeof LOG_ENTRY_KINDS)[number]>().notNull(),
    entry: bytea('entry').notNull(),
    leafHash: bytea('leaf_hash').notNull(),
    // A credential is logged once, whichever path (issuance, catch-up) got there first. No foreign key:
    // the log is append-only and outlives any row it names.
    credentialId: uuid('credential_id'),
    loggedAt: timestamptz('logged_at').notNull(),
  },
  (t) => [
    check('log_leaves_kind', oneOf(t.kind, LOG_ENTRY_KINDS)),
    uniqueIndex('log_leaves_credential_idx').on(t.credentialId),
  ],
);

/** Every complete subtree hash the integrator computed, level 0 (the leaf hashes) included: never rewritten. */
export const logHashes = pgTable(
  'log_hashes',
  {
    level: smallint('level').notNull(),
    index: bigint('index', { mode: 'number' }).notNull(),
    hash: bytea('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.index] })],
);

/** The integrated tree, in a single row (id 1, inserted by the migration): locked by the integrator. */
export const logTree = pgTable(
  'log_tree',
  {
    id: smallint('id').primaryKey(),
    size: bigint('size', { mode: 'number' }).notNull(),
    rootHash: bytea('root_hash').notNull(),
  },
  (t) => [check('log_tree_single_row', sql`${t.id} = 1`)],
);

/** Every checkpoint the log signed, by tree size. */
export const logCheckpoints = pgTable('log_checkpoints', {
  treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
  /** The log's signed note, with the witnesses' cosignatures appended as they come. */
  note: text('note').notNull(),
  createdAt: timestamptz('created_at').notNull(),
  /** Cosignatures appended to `note` that verified with a configured witness's key. */
  cosignatures: integer('cosignatures').notNull().default(0),
});

/** Per witness (by base URL): the tree size it last cosigned, the old size of the next request. */
export const logWitnesses = pgTable('log_witnesses', {
  url: text('url').primaryKey(),
  cosignedSize: bigint('cosigned_size', { mode: 'number' }).notNull(),
});

/** The log's own Ed25519 keys, sealed by the KeyStore under their `key_id` (`transparency-log#1`). */
export const logKeys = pgTable('log_keys', {
  keyId: text('key_id').primaryKey(),
  publicKey: bytea('public_key').notNull(),
  sealedSecret: bytea('sealed_secret').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});
