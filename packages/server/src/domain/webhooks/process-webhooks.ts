import { composeMail } from '../earner/earner-mails.js';
import { compareEventCursors } from '../events/event-cursor.js';
import { eventMessage } from '../events/list-event-feed.js';
import type { PlatformContext } from '../platform-context.js';
import type { WebhookDelivery, WebhookEndpoint } from '../ports/webhook-repository.js';
import type { WebhookSender } from '../ports/webhook-sender.js';
import { webhookKeyId } from './manage-webhooks.js';
import { signWebhook } from './sign-webhook.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The wait after each failed attempt (the schedule Standard Webhooks suggests): 8 attempts over about
 * 27.5 hours, so a receiver down for a day still gets everything once it is back.
 */
export const RETRY_DELAYS_MS = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
] as const;
/** An endpoint none of whose attempts succeeded for this long is disabled, and its owners told. */
export const DISABLE_AFTER_MS = 24 * HOUR;
const FAN_OUT_BATCH = 500;
const LEASE_MS = 60 * SECOND;
const EXCERPT_CHARS = 1000;

/**
 * Turns new events into deliveries for every enabled endpoint that wants them: one per (endpoint, event),
 * in the transaction that moves the endpoint's cursor, so none is skipped or queued twice, even with many
 * workers. Resolves to how many deliveries were queued.
 */
export async function fanOutEvents(context: PlatformContext): Promise<number> {
  let queued = 0;
  // Every event up to this cursor was settled when it was read, and stays so: endpoints behind it are
  // scanned up to it; an endpoint already there costs no transaction (the common case on each poll).
  await context.pendingEvents.flush();
  const horizon = await context.storage.events.lastCursor();
  const endpoints = await context.storage.webhooks.listEndpoints({ enabledOnly: true });
  for (const { id, lastCursor } of endpoints) {
    if (compareEventCursors(lastCursor, horizon) >= 0) continue;
    queued += await context.storage.transaction(async (repositories) => {
      const endpoint = await repositories.webhooks.lockEndpoint({ id });
      if (endpoint === null || !endpoint.enabled) return 0;
      const events = await repositories.events.list({
        after: endpoint.lastCursor,
        issuerId: endpoint.issuerId,
        types: endpoint.eventTypes,
        limit: FAN_OUT_BATCH,
      });
      const last = events.at(-1)?.cursor ?? endpoint.lastCursor;
      // Less than a batch: nothing this endpoint wants lies between its cursor and the horizon any more.
      const reached =
        events.length < FAN_OUT_BATCH && compareEventCursors(horizon, last) > 0 ? horizon : last;
      if (compareEventCursors(reached, endpoint.lastCursor) > 0) {
        await repositories.webhooks.setLastCursor({ id: endpoint.id, lastCursor: reached });
      }
      await repositories.webhooks.enqueueDeliveries(
        events.map((event) => {
          const { id: _id, ...message } = eventMessage(event);
          return {
            endpointId: endpoint.id,
            eventId: event.id,
            messageId: `msg_${event.id}`,
            type: event.type,
            body: JSON.stringify(message),
            nextAttemptAt: context.now(),
          };
        }),
      );
      return events.length;
    });
  }
  return queued;
}

/** The headers of one attempt: the id stays, the timestamp and signature are of this attempt. */
export function webhookHeaders(options: {
  readonly secret: string;
  readonly messageId: string;
  readonly body: string;
  readonly at: Date;
}): Record<string, string> {
  const timestamp = Math.floor(options.at.getTime() / 1000);
  return {
    'webhook-id': options.messageId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook({
      secret: options.secret,
      id: options.messageId,
      timestamp,
      body: options.body,
    }),
  };
}

async function disable(context: PlatformContext, endpoint: WebhookEndpoint, since: Date): Promise<void> {
  const issuer = await context.storage.issuers.findById({ id: endpoint.issuerId });
  const memberships = await context.storage.users.listMemberships({ issuerId: endpoint.issuerId });
  const owners = await Promise.all(
    memberships
      .filter((membership) => membership.role === 'owner')
      .map((membership) => context.storage.users.findById({ id: membership.userId })),
  );
  await context.storage.transaction(async (repositories) => {
    await repositories.webhooks.disableEndpoint({
      id: endpoint.id,
      reason: `every delivery failed since ${since.toISOString()}`,
    });
    await repositories.mailOutbox.enqueue(
      owners.flatMap((owner) =>
        owner === null
          ? []
          : [
              composeMail({
                to: owner.email,
                locale: 'en',
                subject: 'mail.webhookDisabled.subject',
                body: 'mail.webhookDisabled.body',
                action: 'mail.webhookDisabled.action',
                note: 'mail.webhookDisabled.note',
                params: { issuer: issuer?.name ?? '', url: endpoint.url, since: since.toISOString() },
                link: `${context.publicUrl}/console/${issuer?.slug ?? ''}/organisation/webhooks`,
              }),
            ],
      ),
    );
  });
}

async function attempt(
  context: PlatformContext,
  sender: WebhookSender,
  delivery: WebhookDelivery,
): Promise<boolean> {
  const endpoint = await context.storage.webhooks.findEndpoint({ id: delivery.endpointId });
  if (endpoint === null) return false;
  const secret = new TextDecoder().decode(
    await context.keyStore.decrypt({
      keyId: webhookKeyId(endpoint.id),
      sealed: Buffer.from(endpoint.sealedSecret, 'base64'),
    }),
  );
  const at = context.now();
  const answer = await sender.send({
    url: endpoint.url,
    headers: webhookHeaders({
      secret,
      messageId: delivery.messageId,
      body: delivery.body,
      at,
    }),
    body: delivery.body,
  });
  const ok = answer.status !== null && answer.status >= 200 && answer.status < 300;
  const delay = RETRY_DELAYS_MS[delivery.attempts];
  await context.storage.webhooks.recordAttempt({
    deliveryId: delivery.id,
    at,
    statusCode: answer.status,
    ok,
    excerpt: answer.excerpt.slice(0, EXCERPT_CHARS),
    nextAttemptAt: ok || delay === undefined ? null : new Date(at.getTime() + delay),
  });
  context.metrics.webhookDelivered(ok ? 'delivered' : delay === undefined ? 'failed' : 'retrying');
  if (ok) {
    if (endpoint.failingSince !== null) {
      await context.storage.webhooks.setFailingSince({ id: endpoint.id, failingSince: null });
    }
  } else if (endpoint.failingSince === null) {
    await context.storage.webhooks.setFailingSince({ id: endpoint.id, failingSince: at });
  } else if (at.getTime() - endpoint.failingSince.getTime() >= DISABLE_AFTER_MS) {
    await disable(context, endpoint, endpoint.failingSince);
  }
  return ok;
}

/**
 * One worker step: queues deliveries for new events, then sends those due (at `context.now()`), each
 * signed per Standard Webhooks, recording every attempt and scheduling the next with exponential backoff.
 * Resolves to how many attempts were made; 0 means nothing is due.
 */
export async function processWebhooks(
  context: PlatformContext,
  sender: WebhookSender,
  options: {
    readonly limit?: number;
    /** Aborted when the worker is told to stop: attempts in flight finish, the others are released. */
    readonly signal?: AbortSignal;
  } = {},
): Promise<number> {
  await fanOutEvents(context);
  const now = context.now();
  const due = await context.storage.webhooks.claimDue({ now, limit: options.limit ?? 20, leaseMs: LEASE_MS });
  const unattempted: WebhookDelivery[] = [];
  // One endpoint at a time in event order; endpoints in parallel, so one slow receiver holds up only itself.
  const byEndpoint = new Map<string, WebhookDelivery[]>();
  for (const delivery of due) {
    byEndpoint.set(delivery.endpointId, [...(byEndpoint.get(delivery.endpointId) ?? []), delivery]);
  }
  await Promise.all(
    [...byEndpoint.values()].map(async (deliveries) => {
      for (const delivery of deliveries) {
        if (options.signal?.aborted === true) {
          unattempted.push(delivery);
          continue;
        }
        try {
          await attempt(context, sender, delivery);
        } catch (error) {
          context.logger.warn(
            { err: error, deliveryId: delivery.id },
            'a webhook attempt could not be recorded',
          );
        }
      }
    }),
  );
  if (unattempted.length > 0) {
    // Given back rather than held for the lease: another process sends them now.
    await context.storage.webhooks.releaseDeliveries({
      ids: unattempted.map((delivery) => delivery.id),
      leasedUntil: new Date(now.getTime() + LEASE_MS),
    });
  }
  return due.length - unattempted.length;
}
