import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type Actor, authorize, issuerScope } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import { EVENT_TYPES } from '../ports/event-repository.js';
import type { MembershipRole } from '../ports/user-repository.js';
import type { DeliveryAttempt, WebhookDelivery, WebhookEndpoint } from '../ports/webhook-repository.js';
import type { WebhookSender } from '../ports/webhook-sender.js';
import { newWebhookSecret, webhookKey } from './sign-webhook.js';

const MAX_ENDPOINTS_PER_ISSUER = 20;

export const CreateWebhookInputSchema = z.strictObject({
  issuerId: z.uuid().optional(),
  url: z.string().trim().min(1).max(2048),
  events: z.array(z.enum(EVENT_TYPES)).min(1).max(EVENT_TYPES.length),
  secret: z.string().max(200).optional(),
});

/** An endpoint as its issuer sees it: never its secret, which is shown once, at creation. */
export type WebhookEndpointView = Omit<WebhookEndpoint, 'sealedSecret' | 'lastCursor'>;

function view(endpoint: WebhookEndpoint): WebhookEndpointView {
  const { sealedSecret: _sealed, lastCursor: _lastCursor, ...shown } = endpoint;
  return shown;
}

/** What a webhook secret is sealed under: the endpoint's own id, so sealed secrets cannot be swapped. */
export function webhookKeyId(endpointId: string): string {
  return `webhook:${endpointId}`;
}

function resolveIssuer(actor: Actor, issuerId: string | undefined): string {
  const own = issuerScope(actor);
  const chosen = issuerId ?? own;
  if (chosen === null) {
    throw new ServerError(ServerErrorCode.VALIDATION_ERROR, 'issuerId is required for the administrator');
  }
  return chosen;
}

/**
 * Registers a receiver for some event types of an issuer; it gets the events from now on. The URL is
 * checked as a delivery would be (https, a public address, unless the operator allows private ones).
 * Returns the endpoint and its signing secret (generated unless given), shown only here.
 */
export async function createWebhook(
  context: PlatformContext,
  sender: WebhookSender,
  actor: Actor,
  raw: z.input<typeof CreateWebhookInputSchema>,
): Promise<{ readonly endpoint: WebhookEndpointView; readonly secret: string }> {
  const input = CreateWebhookInputSchema.parse(raw);
  const issuerId = resolveIssuer(actor, input.issuerId);
  authorize(actor, issuerId, 'owner', { notFound: 'issuer' });
  if ((await context.storage.issuers.findById({ id: issuerId })) === null) throw resourceNotFound('issuer');
  const secret = input.secret ?? newWebhookSecret(randomBytes);
  webhookKey(secret);
  try {
    await sender.check(input.url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'it cannot be reached';
    throw new ServerError(ServerErrorCode.VALIDATION_ERROR, `this webhook URL is refused: ${reason}`, {
      details: { errors: [{ path: 'url', in: 'body', message: reason }] },
    });
  }
  const existing = await context.storage.webhooks.listEndpoints({ issuerId });
  if (existing.length >= MAX_ENDPOINTS_PER_ISSUER) {
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      `an issuer has at most ${MAX_ENDPOINTS_PER_ISSUER} webhook endpoints`,
    );
  }
  const id = randomUUID();
  const sealed = await context.keyStore.encrypt({
    keyId: webhookKeyId(id),
    secret: new TextEncoder().encode(secret),
  });
  // Events held for the next batch happened before the endpoint: it starts after them.
  await context.pendingEvents.flush();
  const endpoint = await context.storage.webhooks.createEndpoint({
    id,
    issuerId,
    url: input.url,
    eventTypes: [...new Set(input.events)],
    sealedSecret: Buffer.from(sealed).toString('base64'),
    lastCursor: await context.storage.events.lastCursor(),
    at: context.now(),
  });
  return { endpoint: view(endpoint), secret };
}

/** The endpoints of the caller's issuer (or of `issuerId`; every issuer's for the administrator). */
export async function listWebhooks(
  context: PlatformContext,
  actor: Actor,
  options: { readonly issuerId?: string } = {},
): Promise<WebhookEndpointView[]> {
  const scope = issuerScope(actor);
  if (options.issuerId !== undefined) authorize(actor, options.issuerId, 'viewer', { notFound: 'issuer' });
  const issuerId = options.issuerId ?? scope ?? undefined;
  const endpoints = await context.storage.webhooks.listEndpoints(issuerId === undefined ? {} : { issuerId });
  return endpoints.map(view);
}

async function ownEndpoint(
  context: PlatformContext,
  actor: Actor,
  id: string,
  role: MembershipRole,
): Promise<WebhookEndpoint> {
  const endpoint = await context.storage.webhooks.findEndpoint({ id });
  if (endpoint === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such webhook endpoint');
  try {
    authorize(actor, endpoint.issuerId, role, { notFound: 'issuer' });
  } catch (error) {
    if (error instanceof ServerError && error.code === ServerErrorCode.NOT_FOUND) {
      throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such webhook endpoint');
    }
    throw error;
  }
  return endpoint;
}

export async function getWebhook(
  context: PlatformContext,
  actor: Actor,
  id: string,
): Promise<WebhookEndpointView> {
  return view(await ownEndpoint(context, actor, id, 'viewer'));
}

/** Removes an endpoint, its queued deliveries and their log. */
export async function deleteWebhook(context: PlatformContext, actor: Actor, id: string): Promise<void> {
  await ownEndpoint(context, actor, id, 'owner');
  await context.storage.webhooks.deleteEndpoint({ id });
}

export interface DeliveryLogEntry extends Omit<WebhookDelivery, 'body'> {
  readonly attemptLog: readonly DeliveryAttempt[];
}

/** The latest deliveries of an endpoint, newest first, each with every attempt and what it got. */
export async function listWebhookDeliveries(
  context: PlatformContext,
  actor: Actor,
  id: string,
  options: { readonly limit?: number } = {},
): Promise<DeliveryLogEntry[]> {
  await ownEndpoint(context, actor, id, 'viewer');
  const deliveries = await context.storage.webhooks.listDeliveries({
    endpointId: id,
    limit: options.limit ?? 50,
  });
  return Promise.all(
    deliveries.map(async ({ body: _body, ...delivery }) => ({
      ...delivery,
      attemptLog: await context.storage.webhooks.listAttempts({ deliveryId: delivery.id }),
    })),
  );
}

/**
 * Sends a delivery again, now, with its original `webhook-id` (receivers drop what they already have). A
 * disabled endpoint is enabled again first: replaying is how an issuer says its receiver is back.
 */
export async function replayWebhookDelivery(
  context: PlatformContext,
  actor: Actor,
  endpointId: string,
  deliveryId: string,
): Promise<Omit<WebhookDelivery, 'body'>> {
  const endpoint = await ownEndpoint(context, actor, endpointId, 'issuer');
  const delivery = await context.storage.webhooks.findDelivery({ id: deliveryId });
  if (delivery === null || delivery.endpointId !== endpoint.id) {
    throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such delivery');
  }
  const replayed = await context.storage.transaction(async (repositories) => {
    if (!endpoint.enabled) {
      await repositories.webhooks.enableEndpoint({ id: endpoint.id });
    }
    return repositories.webhooks.replay({ id: delivery.id, at: context.now() });
  });
  const { body: _body, ...shown } = replayed;
  return shown;
}
