import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { EventType } from '../../domain/ports/event-repository.js';
import { DELIVERY_STATES, type DeliveryState } from '../../domain/ports/webhook-repository.js';
import { oneOf, timestamptz } from './columns.js';
import { issuers } from './issuers.js';

/** An issuer's registered receiver and the event types it wants. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    eventTypes: jsonb('event_types').$type<EventType[]>().notNull(),
    // Sealed by the key store (base64), never the plain `whsec_` secret.
    secret: text('secret').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),
    failingSince: timestamptz('failing_since'),
    // The event cursor (transaction id, event id) this endpoint's deliveries were queued up to.
    lastTxid: text('last_txid').notNull().default('0'),
    lastEventId: bigint('last_event_id', { mode: 'number' }).notNull().default(0),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [index('webhook_endpoints_issuer_idx').on(t.issuerId)],
);

/** One event for one endpoint: the durable delivery queue. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    messageId: text('message_id').notNull(),
    type: text('type').$type<EventType>().notNull(),
    body: text('body').notNull(),
    state: text('state').$type<DeliveryState>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at'),
    lockedUntil: timestamptz('locked_until'),
    lastStatus: integer('last_status'),
    createdAt: timestamptz('created_at').notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_endpoint_event_idx').on(t.endpointId, t.eventId),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.state} = 'pending'`),
    check('webhook_deliveries_state', oneOf(t.state, DELIVERY_STATES)),
  ],
);

/** Every attempt of a delivery, with what the receiver answered. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    at: timestamptz('at').notNull(),
    statusCode: integer('status_code'),
    ok: boolean('ok').notNull(),
    excerpt: text('excerpt').notNull(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.id)],
);
