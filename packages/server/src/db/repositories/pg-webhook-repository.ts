import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { formatEventCursor, parseEventCursor } from '../../domain/events/event-cursor.js';
import type { EventType } from '../../domain/ports/event-repository.js';
import type {
  DeliveryAttempt,
  NewDelivery,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookRepository,
} from '../../domain/ports/webhook-repository.js';
import type { Database } from '../database.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../schema/webhooks.js';
import { guarded, isUuid, onlyRow, pageLimit } from './query-helpers.js';

type EndpointRow = typeof webhookEndpoints.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    issuerId: row.issuerId,
    url: row.url,
    eventTypes: row.eventTypes,
    sealedSecret: row.secret,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince,
    lastCursor: formatEventCursor({ txid: BigInt(row.lastTxid), id: BigInt(row.lastEventId) }),
    createdAt: row.createdAt,
  };
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: String(row.eventId),
    messageId: row.messageId,
    type: row.type,
    body: row.body,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastStatus: row.lastStatus,
    createdAt: row.createdAt,
  };
}

function cursorColumns(cursor: string): { lastTxid: string; lastEventId: number } {
  const { txid, id } = parseEventCursor(cursor);
  return { lastTxid: String(txid), lastEventId: Number(id) };
}

/** `WebhookRepository` on PostgreSQL or PGlite. */
export class PgWebhookRepository implements WebhookRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async createEndpoint(endpoint: {
    readonly id: string;
    readonly issuerId: string;
    readonly url: string;
    readonly eventTypes: readonly EventType[];
    readonly sealedSecret: string;
    readonly lastCursor: string;
    readonly at: Date;
  }): Promise<WebhookEndpoint> {
    const rows = await guarded('webhook', () =>
      this.#db
        .insert(webhookEndpoints)
        .values({
          id: endpoint.id,
          issuerId: endpoint.issuerId,
          url: endpoint.url,
          eventTypes: [...endpoint.eventTypes],
          secret: endpoint.sealedSecret,
          ...cursorColumns(endpoint.lastCursor),
          createdAt: endpoint.at,
        })
        .returning(),
    );
    return toEndpoint(onlyRow(rows, 'webhook'));
  }

  async findEndpoint(options: { readonly id: string }): Promise<WebhookEndpoint | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('webhook', () =>
      this.#db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, options.id)),
    );
    return row === undefined ? null : toEndpoint(row);
  }

  async listEndpoints(options: {
    readonly issuerId?: string;
    readonly enabledOnly?: boolean;
  }): Promise<WebhookEndpoint[]> {
    if (options.issuerId !== undefined && !isUuid(options.issuerId)) return [];
    const rows = await guarded('webhook', () =>
      this.#db
        .select()
        .from(webhookEndpoints)
        .where(
          and(
            options.issuerId === undefined ? undefined : eq(webhookEndpoints.issuerId, options.issuerId),
            options.enabledOnly === true ? eq(webhookEndpoints.enabled, true) : undefined,
          ),
        )
        .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id)),
    );
    return rows.map(toEndpoint);
  }

  async deleteEndpoint(options: { readonly id: string }): Promise<boolean> {
    if (!isUuid(options.id)) return false;
    const rows = await guarded('webhook', () =>
      this.#db
        .delete(webhookEndpoints)
        .where(eq(webhookEndpoints.id, options.id))
        .returning({ id: webhookEndpoints.id }),
    );
    return rows.length > 0;
  }

  async lockEndpoint(options: { readonly id: string }): Promise<WebhookEndpoint | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('webhook', () =>
      this.#db
        .select()
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.id, options.id))
        .for('update', { skipLocked: true }),
    );
    return row === undefined ? null : toEndpoint(row);
  }

  async setLastCursor(options: { readonly id: string; readonly lastCursor: string }): Promise<void> {
    await guarded('webhook', () =>
      this.#db
        .update(webhookEndpoints)
        .set(cursorColumns(options.lastCursor))
        .where(eq(webhookEndpoints.id, options.id)),
    );
  }

  async setFailingSince(options: { readonly id: string; readonly failingSince: Date | null }): Promise<void> {
    await guarded('webhook', () =>
      this.#db
        .update(webhookEndpoints)
        .set({ failingSince: options.failingSince })
        .where(eq(webhookEndpoints.id, options.id)),
    );
  }

  async disableEndpoint(options: { readonly id: string; readonly reason: string }): Promise<void> {
    await guarded('webhook', () =>
      this.#db
        .update(webhookEndpoints)
        .set({ enabled: false, disabledReason: options.reason })
        .where(eq(webhookEndpoints.id, options.id)),
    );
  }

  async enableEndpoint(options: { readonly id: string }): Promise<void> {
    await guarded('webhook', () =>
      this.#db
        .update(webhookEndpoints)
        .set({ enabled: true, disabledReason: null, failingSince: null })
        .where(eq(webhookEndpoints.id, options.id)),
    );
  }

  async enqueueDeliveries(deliveries: readonly NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await guarded('webhook delivery', () =>
      this.#db
        .insert(webhookDeliveries)
        .values(
          deliveries.map((delivery) => ({
            endpointId: delivery.endpointId,
            eventId: Number(delivery.eventId),
            messageId: delivery.messageId,
            type: delivery.type,
            body: delivery.body,
            nextAttemptAt: delivery.nextAttemptAt,
          })),
        )
        .onConflictDoNothing({ target: [webhookDeliveries.endpointId, webhookDeliveries.eventId] }),
    );
  }

  async claimDue(options: {
    readonly now: Date;
    readonly limit: number;
    readonly leaseMs: number;
  }): Promise<WebhookDelivery[]> {
    return guarded('webhook delivery', () =>
      this.#db.transaction(async (tx) => {
        const due = await tx
          .select({ id: webhookDeliveries.id })
          .from(webhookDeliveries)
          .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
          .where(
            and(
              eq(webhookDeliveries.state, 'pending'),
              eq(webhookEndpoints.enabled, true),
              lte(webhookDeliveries.nextAttemptAt, options.now),
              or(isNull(webhookDeliveries.lockedUntil), lte(webhookDeliveries.lockedUntil, options.now)),
            ),
          )
          .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.eventId))
          .limit(pageLimit(options.limit, { fallback: 10, max: 100 }))
          .for('update', { of: webhookDeliveries, skipLocked: true });
        if (due.length === 0) return [];
        const rows = await tx
          .update(webhookDeliveries)
          .set({ lockedUntil: new Date(options.now.getTime() + options.leaseMs) })
          .where(
            inArray(
              webhookDeliveries.id,
              due.map((row) => row.id),
            ),
          )
          .returning();
        return rows.map(toDelivery).sort((a, b) => Number(a.eventId) - Number(b.eventId));
      }),
    );
  }

  async releaseDeliveries(options: {
    readonly ids: readonly string[];
    readonly leasedUntil: Date;
  }): Promise<number> {
    const ids = options.ids.filter(isUuid);
    if (ids.length === 0) return 0;
    const rows = await guarded('webhook delivery', () =>
      this.#db
        .update(webhookDeliveries)
        .set({ lockedUntil: null })
        .where(
          and(
            inArray(webhookDeliveries.id, ids),
            eq(webhookDeliveries.state, 'pending'),
            eq(webhookDeliveries.lockedUntil, options.leasedUntil),
          ),
        )
        .returning({ id: webhookDeliveries.id }),
    );
    return rows.length;
  }

  async recordAttempt(options: {
    readonly deliveryId: string;
    readonly at: Date;
    readonly statusCode: number | null;
    readonly ok: boolean;
    readonly excerpt: string;
    readonly nextAttemptAt: Date | null;
  }): Promise<WebhookDelivery> {
    return guarded('webhook delivery', () =>
      this.#db.transaction(async (tx) => {
        await tx.insert(webhookAttempts).values({
          deliveryId: options.deliveryId,
          at: options.at,
          statusCode: options.statusCode,
          ok: options.ok,
          excerpt: options.excerpt,
        });
        const rows = await tx
          .update(webhookDeliveries)
          .set({
            attempts: sql`${webhookDeliveries.attempts} + 1`,
            state: options.ok ? 'succeeded' : options.nextAttemptAt === null ? 'failed' : 'pending',
            nextAttemptAt: options.nextAttemptAt,
            lockedUntil: null,
            lastStatus: options.statusCode,
          })
          .where(eq(webhookDeliveries.id, options.deliveryId))
          .returning();
        return toDelivery(onlyRow(rows, 'webhook delivery'));
      }),
    );
  }

  async findDelivery(options: { readonly id: string }): Promise<WebhookDelivery | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('webhook delivery', () =>
      this.#db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, options.id)),
    );
    return row === undefined ? null : toDelivery(row);
  }

  async listDeliveries(options: {
    readonly endpointId: string;
    readonly limit: number;
  }): Promise<WebhookDelivery[]> {
    if (!isUuid(options.endpointId)) return [];
    const rows = await guarded('webhook delivery', () =>
      this.#db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, options.endpointId))
        .orderBy(desc(webhookDeliveries.eventId))
        .limit(pageLimit(options.limit, { fallback: 50, max: 500 })),
    );
    return rows.map(toDelivery);
  }

  async listAttempts(options: { readonly deliveryId: string }): Promise<DeliveryAttempt[]> {
    if (!isUuid(options.deliveryId)) return [];
    const rows = await guarded('webhook delivery', () =>
      this.#db
        .select()
        .from(webhookAttempts)
        .where(eq(webhookAttempts.deliveryId, options.deliveryId))
        .orderBy(asc(webhookAttempts.id)),
    );
    return rows.map((row) => ({
      id: String(row.id),
      deliveryId: row.deliveryId,
      at: row.at,
      statusCode: row.statusCode,
      ok: row.ok,
      excerpt: row.excerpt,
    }));
  }

  async replay(options: { readonly id: string; readonly at: Date }): Promise<WebhookDelivery> {
    const rows = await guarded('webhook delivery', () =>
      this.#db
        .update(webhookDeliveries)
        .set({ state: 'pending', nextAttemptAt: options.at, lockedUntil: null })
        .where(eq(webhookDeliveries.id, options.id))
        .returning(),
    );
    return toDelivery(onlyRow(rows, 'webhook delivery'));
  }
}
