import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ApiKeyInputSchema } from '../../domain/auth/api-tokens.js';
import type { Platform } from '../../domain/platform.js';
import { API_KEY_ROLES, type ApiKey } from '../../domain/ports/index.js';
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

const ApiKeyCreateSchema = ApiKeyInputSchema.openapi('ApiKeyInput');

const ApiKeySchema = z
  .object({
    id: z.uuid(),
    issuerId: z.uuid().nullable(),
    name: z.string(),
    prefix: z
      .string()
      .openapi({ description: 'The public part of the token (`mc_<prefix>.…`), to tell keys apart' }),
    role: z.enum(API_KEY_ROLES),
    scopes: z.array(z.string()),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
  })
  .openapi('ApiKey');

const CreatedApiKeySchema = z
  .object({
    apiKey: ApiKeySchema,
    token: z
      .string()
      .openapi({ description: 'The bearer token. Shown in this response only: store it now.' }),
  })
  .openapi('CreatedApiKey');

const KeyParamsSchema = IdParamsSchema.extend({
  keyId: z.uuid().openapi({ param: { name: 'keyId', in: 'path' } }),
});

/** Field by field: the stored hash of the secret must never leave the server. */
function presentApiKey(key: Omit<ApiKey, 'hash'>): z.infer<typeof ApiKeySchema> {
  return {
    id: key.id,
    issuerId: key.issuerId,
    name: key.name,
    prefix: key.prefix,
    role: key.role,
    scopes: [...key.scopes],
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: isoOrNull(key.lastUsedAt),
    revokedAt: isoOrNull(key.revokedAt),
  };
}

const listKeys = createRoute({
  method: 'get',
  path: '/issuers/{id}/api-keys',
  tags: ['API keys'],
  summary: "List an issuer's API keys (owner)",
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(z.array(ApiKeySchema), 'The keys, newest first; never their secrets'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const createKey = createRoute({
  method: 'post',
  path: '/issuers/{id}/api-keys',
  tags: ['API keys'],
  summary: 'Create an API key for an issuer (owner)',
  description: 'The response carries the token once; only a hash of its secret is kept.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(ApiKeyCreateSchema) },
  responses: {
    201: jsonContent(CreatedApiKeySchema, 'The key and its token'),
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const revokeKey = createRoute({
  method: 'delete',
  path: '/issuers/{id}/api-keys/{keyId}',
  tags: ['API keys'],
  summary: 'Revoke an API key (owner)',
  description: 'The token stops working at once. Revoking a revoked key again is a no-op.',
  security: BEARER_SECURITY,
  request: { params: KeyParamsSchema },
  responses: { 204: { description: 'Revoked' }, ...problemResponses(400, 401, 403, 404) },
});

/** `/issuers/{id}/api-keys`: bearer tokens acting within one issuer, with a role. */
export function apiKeyRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();

  router.openapi(listKeys, async (c) => {
    const keys = await platform.apiKeys.list(c.get('actor'), c.req.valid('param').id);
    return c.json(keys.map(presentApiKey), 200);
  });

  router.openapi(createKey, async (c) => {
    const created = await platform.apiKeys.create(
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ apiKey: presentApiKey(created.apiKey), token: created.token }, 201);
  });

  router.openapi(revokeKey, async (c) => {
    const { id, keyId } = c.req.valid('param');
    await platform.apiKeys.revoke(c.get('actor'), id, keyId);
    return c.body(null, 204);
  });

  return router;
}
