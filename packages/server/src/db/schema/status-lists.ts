import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { STATUS_PURPOSES, type StatusPurpose } from '../../domain/ports/status-list-repository.js';
import { bytea, oneOf, timestamptz } from './columns.js';
import { issuers } from './issuers.js';

export const statusLists = pgTable(
  'status_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id),
    purpose: text('purpose').$type<StatusPurpose>().notNull(),
    length: integer('length').notNull(),
    // Uncompressed, bit 0 = most significant bit of byte 0 (Bitstring Status List §3.1).
    bits: bytea('bits').notNull(),
    version: integer('version').notNull().default(1),
    // Entries are handed out in order of position; position p gets index permutation(indexSeed)[p], so
    // indexes look random (herd privacy: an index says nothing about when it was issued) and never repeat.
    nextPosition: integer('next_position').notNull().default(0),
    indexSeed: bytea('index_seed').notNull(),
    isOpen: boolean('is_open').notNull().default(true),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('status_lists_issuer_idx').on(t.issuerId, t.purpose),
    // One open list per issuer and purpose: concurrent allocators agree on where to allocate.
    uniqueIndex('status_lists_one_open_idx').on(t.issuerId, t.purpose).where(sql`${t.isOpen}`),
    check('status_lists_purpose', oneOf(t.purpose, STATUS_PURPOSES)),
    check('status_lists_length', sql`${t.length} > 0 and ${t.length} % 8 = 0`),
    check('status_lists_bits_length', sql`octet_length(${t.bits}) * 8 = ${t.length}`),
    check('status_lists_next_position', sql`${t.nextPosition} between 0 and ${t.length}`),
    check('status_lists_index_seed', sql`octet_length(${t.indexSeed}) = 32`),
  ],
);
