import { z } from 'zod';
import { type Actor, authorize, issuerScope } from '../auth/actor.js';
import type { PlatformContext } from '../platform-context.js';
import type { JsonObject } from '../ports/common.js';
import { EVENT_TYPES, type EventType, type StoredEvent } from '../ports/event-repository.js';
import { isEventCursor } from './event-cursor.js';

export const EventFeedQuerySchema = z.strictObject({
  after: z
    .string()
    .refine(isEventCursor, 'a cursor is the `next` of a previous page ("0" or "<txid>.<id>")')
    .optional(),
  type: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length).optional(),
  limit: z.number().int().min(1).max(500).optional(),
  issuerId: z.uuid().optional(),
});

/** One event as the feed and webhook deliveries give it. */
export interface EventMessage {
  readonly id: string;
  readonly type: EventType;
  readonly timestamp: string;
  readonly data: JsonObject;
}

export function eventMessage(event: StoredEvent): EventMessage {
  return { id: event.id, type: event.type, timestamp: event.at.toISOString(), data: event.data };
}

/**
 * A page of events after the cursor, oldest first: an issuer's own (its key), or every issuer's or one's
 * (the administrator). `next` is the cursor of the following page: the last event's, or `after` again
 * when nothing new has happened, so a poller just keeps passing `next` back (see event-cursor.ts).
 */
export async function listEventFeed(
  context: PlatformContext,
  actor: Actor,
  raw: z.input<typeof EventFeedQuerySchema>,
): Promise<{ readonly events: EventMessage[]; readonly next: string }> {
  const query = EventFeedQuerySchema.parse(raw);
  const scope = issuerScope(actor);
  if (query.issuerId !== undefined) authorize(actor, query.issuerId, 'viewer', { notFound: 'issuer' });
  const issuerId = query.issuerId ?? scope ?? undefined;
  await context.pendingEvents.flush();
  const events = await context.storage.events.list({
    ...(query.after === undefined ? {} : { after: query.after }),
    ...(issuerId === undefined ? {} : { issuerId }),
    ...(query.type === undefined ? {} : { types: query.type }),
    limit: query.limit ?? 100,
  });
  return { events: events.map(eventMessage), next: events.at(-1)?.cursor ?? query.after ?? '0' };
}
