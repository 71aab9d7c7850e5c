import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  customType,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { JsonObject } from '../../domain/ports/common.js';
import { EVENT_TYPES, type EventType } from '../../domain/ports/event-repository.js';
import { oneOf, timestamptz } from './columns.js';

// The writing transaction's id: readers use it to see only rows no running transaction can still precede.
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * What happens to credentials and pathways, for analytics, the event feed and webhooks. Append-only; no
 * foreign key on the credential, so the record outlives an erased one. No personal data (see NewEvent).
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    txid: xid8('txid').notNull().default(sql`pg_current_xact_id()`),
    issuerId: uuid('issuer_id').notNull(),
    credentialId: uuid('credential_id'),
    achievementId: uuid('achievement_id'),
    type: text('type').$type<EventType>().notNull(),
    data: jsonb('data').$type<JsonObject>().notNull(),
    dedupeKey: text('dedupe_key'),
    at: timestamptz('at').notNull(),
  },
  (t) => [
    // The feed's order is the key: one index serves both, and every event written costs one index less.
    primaryKey({ name: 'events_pkey', columns: [t.txid, t.id] }),
    index('events_issuer_idx').on(t.issuerId, t.txid, t.id),
    index('events_credential_idx').on(t.credentialId, t.id),
    index('events_achievement_at_idx').on(t.achievementId, t.at),
    // Analytics: one issuer's events over a period.
    index('events_issuer_at_idx').on(t.issuerId, t.at),
    // Only the few events that must happen once carry a key: the others cost this index nothing.
    uniqueIndex('events_dedupe_key_idx').on(t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
    check('events_type', oneOf(t.type, EVENT_TYPES)),
  ],
);
