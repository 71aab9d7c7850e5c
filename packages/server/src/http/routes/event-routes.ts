import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { EventMessage } from '../../domain/events/list-event-feed.js';
import type { Platform } from '../../domain/platform.js';
import { EVENT_TYPES } from '../../domain/ports/event-repository.js';
import { DELIVERY_STATES } from '../../domain/ports/webhook-repository.js';
import type { DeliveryLogEntry, WebhookEndpointView } from '../../domain/webhooks/manage-webhooks.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import {
  BEARER_SECURITY,
  IdParamsSchema,
  isoOrNull,
  jsonBody,
  jsonContent,
  timestamp,
} from './common-schemas.js';

const EventTypeSchema = z.enum(EVENT_TYPES).openapi('EventType');

const EventSchema = z
  .object({
    id: z
      .string()
      .openapi({ description: "The event's id; webhook deliveries of it carry `webhook-id: msg_<id>`" }),
    type: EventTypeSchema,
    timestamp,
    data: z.record(z.string(), z.unknown()).openapi({
      description:
        'Ids (`credentialId`, `achievementId`, `issuerId`) and the details of the type (`via`, `channel`, `format`, `reason`…); never personal data',
    }),
  })
  .openapi('Event');

const EventPageSchema = z
  .object({
    events: z.array(EventSchema),
    next: z
      .string()
      .openapi({ description: 'The `after` of the next page (the same cursor when nothing is new)' }),
  })
  .openapi('EventPage');

const EventQuerySchema = z.object({
  after: z
    .string()
    .optional()
    .openapi({ description: 'The `next` of the previous page; from the first event when absent' }),
  type: z
    .string()
    .optional()
    .openapi({ description: 'Only these types, comma-separated (`credential.issued,credential.revoked`)' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .openapi({ description: 'At most this many (default 100)' }),
  issuerId: z
    .uuid()
    .optional()
    .openapi({ description: "Administrator: one issuer's events (an issuer key sees its own)" }),
});

const WebhookInputSchema = z
  .object({
    issuerId: z.uuid().optional().openapi({ description: "Left out with an issuer's key: its own issuer" }),
    url: z.string().openapi({
      description: 'https, public address (loopback/private only with MICROCRED_WEBHOOK_ALLOW_PRIVATE=1)',
    }),
    events: z.array(EventTypeSchema).min(1),
    secret: z
      .string()
      .optional()
      .openapi({ description: '`whsec_` + base64 of 24 to 64 random bytes; generated when left out' }),
  })
  .openapi('WebhookInput');

const WebhookSchema = z
  .object({
    id: z.uuid(),
    issuerId: z.uuid(),
    url: z.string(),
    events: z.array(EventTypeSchema),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    failingSince: timestamp.nullable(),
    createdAt: timestamp,
  })
  .openapi('Webhook');

const CreatedWebhookSchema = z
  .object({
    id: z.uuid(),
    secret: z
      .string()
      .openapi({ description: 'The signing secret (`whsec_…`). Shown in this response only.' }),
    webhook: WebhookSchema,
  })
  .openapi('CreatedWebhook');

const DeliverySchema = z
  .object({
    id: z.uuid(),
    eventId: z.string(),
    webhookId: z
      .string()
      .openapi({ description: 'The `webhook-id` header, the same on every attempt and replay' }),
    type: EventTypeSchema,
    state: z.enum(DELIVERY_STATES),
    attempts: z.number().int(),
    nextAttemptAt: timestamp.nullable(),
    lastStatus: z.number().int().nullable(),
    createdAt: timestamp,
    attemptLog: z.array(
      z.object({
        at: timestamp,
        statusCode: z.number().int().nullable(),
        ok: z.boolean(),
        excerpt: z.string().openapi({ description: "The start of the receiver's answer, or why none came" }),
      }),
    ),
  })
  .openapi('WebhookDelivery');

const WebhookParamsSchema = IdParamsSchema;
const DeliveryParamsSchema = IdParamsSchema.extend({
  deliveryId: z.uuid().openapi({ param: { name: 'deliveryId', in: 'path' } }),
});

function presentEvent(event: EventMessage): z.infer<typeof EventSchema> {
  return { id: event.id, type: event.type, timestamp: event.timestamp, data: event.data };
}

function presentWebhook(endpoint: WebhookEndpointView): z.infer<typeof WebhookSchema> {
  return {
    id: endpoint.id,
    issuerId: endpoint.issuerId,
    url: endpoint.url,
    events: [...endpoint.eventTypes],
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    failingSince: isoOrNull(endpoint.failingSince),
    createdAt: endpoint.createdAt.toISOString(),
  };
}

function presentDelivery(
  delivery: Omit<DeliveryLogEntry, 'attemptLog'> & Partial<Pick<DeliveryLogEntry, 'attemptLog'>>,
) {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    webhookId: delivery.messageId,
    type: delivery.type,
    state: delivery.state,
    attempts: delivery.attempts,
    nextAttemptAt: isoOrNull(delivery.nextAttemptAt),
    lastStatus: delivery.lastStatus,
    createdAt: delivery.createdAt.toISOString(),
    attemptLog: (delivery.attemptLog ?? []).map((attempt) => ({
      at: attempt.at.toISOString(),
      statusCode: attempt.statusCode,
      ok: attempt.ok,
      excerpt: attempt.excerpt,
    })),
  };
}

const listEvents = createRoute({
  method: 'get',
  path: '/events',
  tags: ['Events'],
  summary: 'Read the event feed (cursor-paginated, oldest first)',
  description:
    "What happened to credentials: issued, claimed, viewed, shared, verified, revoked… An issuer's key reads its own issuer's events; the administrator every issuer's, or one's with `issuerId`. Poll with `after` = the previous `next`: no event is skipped or repeated. The same shapes as webhook deliveries.",
  security: BEARER_SECURITY,
  request: { query: EventQuerySchema },
  responses: {
    200: jsonContent(EventPageSchema, 'A page of events'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const createWebhook = createRoute({
  method: 'post',
  path: '/webhooks',
  tags: ['Webhooks'],
  summary: 'Register a webhook endpoint (owner)',
  description:
    'Each event of the chosen types is POSTed as `{type, timestamp, data}` with the Standard Webhooks headers `webhook-id`, `webhook-timestamp` and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` under the secret), retried with exponential backoff for about 27 hours. An endpoint failing for 24 hours is disabled and its owners mailed.',
  security: BEARER_SECURITY,
  request: { body: jsonBody(WebhookInputSchema) },
  responses: {
    201: jsonContent(CreatedWebhookSchema, 'The endpoint and its signing secret'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const listWebhooks = createRoute({
  method: 'get',
  path: '/webhooks',
  tags: ['Webhooks'],
  summary: "List webhook endpoints (an issuer key: its own; the administrator: all, or one issuer's)",
  security: BEARER_SECURITY,
  request: { query: z.object({ issuerId: z.uuid().optional() }) },
  responses: {
    200: jsonContent(z.array(WebhookSchema), 'The endpoints, never their secrets'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const getWebhook = createRoute({
  method: 'get',
  path: '/webhooks/{id}',
  tags: ['Webhooks'],
  summary: 'Read a webhook endpoint',
  security: BEARER_SECURITY,
  request: { params: WebhookParamsSchema },
  responses: { 200: jsonContent(WebhookSchema, 'The endpoint'), ...problemResponses(400, 401, 403, 404) },
});

const deleteWebhook = createRoute({
  method: 'delete',
  path: '/webhooks/{id}',
  tags: ['Webhooks'],
  summary: 'Remove a webhook endpoint and its delivery log (owner)',
  security: BEARER_SECURITY,
  request: { params: WebhookParamsSchema },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
});

const listDeliveries = createRoute({
  method: 'get',
  path: '/webhooks/{id}/deliveries',
  tags: ['Webhooks'],
  summary: "A webhook endpoint's delivery log, newest first, each with every attempt",
  security: BEARER_SECURITY,
  request: {
    params: WebhookParamsSchema,
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }),
  },
  responses: {
    200: jsonContent(z.array(DeliverySchema), 'The deliveries'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const replayDelivery = createRoute({
  method: 'post',
  path: '/webhooks/{id}/deliveries/{deliveryId}/replay',
  tags: ['Webhooks'],
  summary: 'Send a delivery again now, with its original webhook-id (enables a disabled endpoint)',
  security: BEARER_SECURITY,
  request: { params: DeliveryParamsSchema },
  responses: { 202: jsonContent(DeliverySchema, 'Queued again'), ...problemResponses(400, 401, 403, 404) },
});

/** `/events` (the feed integrators poll) and `/webhooks` (the endpoints events are pushed to). */
export function eventRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();

  router.openapi(listEvents, async (c) => {
    const query = c.req.valid('query');
    const page = await platform.events.feed(c.get('actor'), {
      ...(query.after === undefined ? {} : { after: query.after }),
      ...(query.limit === undefined ? {} : { limit: query.limit }),
      ...(query.issuerId === undefined ? {} : { issuerId: query.issuerId }),
      ...(query.type === undefined
        ? {}
        : {
            type: query.type
              .split(',')
              .map((type) => type.trim())
              .filter((type) => type !== '') as (typeof EVENT_TYPES)[number][],
          }),
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ events: page.events.map(presentEvent), next: page.next }, 200);
  });

  router.openapi(createWebhook, async (c) => {
    const created = await platform.webhooks.create(c.get('actor'), c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(
      { id: created.endpoint.id, secret: created.secret, webhook: presentWebhook(created.endpoint) },
      201,
    );
  });

  router.openapi(listWebhooks, async (c) => {
    const { issuerId } = c.req.valid('query');
    const endpoints = await platform.webhooks.list(
      c.get('actor'),
      issuerId === undefined ? {} : { issuerId },
    );
    return c.json(endpoints.map(presentWebhook), 200);
  });

  router.openapi(getWebhook, async (c) => {
    return c.json(presentWebhook(await platform.webhooks.get(c.get('actor'), c.req.valid('param').id)), 200);
  });

  router.openapi(deleteWebhook, async (c) => {
    await platform.webhooks.delete(c.get('actor'), c.req.valid('param').id);
    return c.body(null, 204);
  });

  router.openapi(listDeliveries, async (c) => {
    const { limit } = c.req.valid('query');
    const deliveries = await platform.webhooks.deliveries(
      c.get('actor'),
      c.req.valid('param').id,
      limit === undefined ? {} : { limit },
    );
    return c.json(deliveries.map(presentDelivery), 200);
  });

  router.openapi(replayDelivery, async (c) => {
    const { id, deliveryId } = c.req.valid('param');
    const replayed = await platform.webhooks.replay(c.get('actor'), id, deliveryId);
    return c.json(presentDelivery(replayed), 202);
  });

  return router;
}
