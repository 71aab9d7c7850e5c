import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ErrorCode, MicrocredError } from '@microcred/vc';
import type { IssuerPublicKey } from '../../domain/issuer/manage-issuers.js';
import type { Platform } from '../../domain/platform.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import {
  BEARER_SECURITY,
  IdParamsSchema,
  isoOrNull,
  jsonBody,
  jsonContent,
  PageQuerySchema,
  timestamp,
} from './common-schemas.js';
import { IssuerCreateSchema, IssuerSchema, IssuerUpdateSchema, presentIssuer } from './issuer-schemas.js';

const IssuerKeySchema = z
  .object({
    keyId: z.string().openapi({ example: 'key-2' }),
    verificationMethod: z
      .string()
      .openapi({ example: 'did:web:badges.example.edu:issuers:demo-university#key-2' }),
    type: z.literal('Multikey'),
    publicKeyMultibase: z.string(),
    active: z.boolean().openapi({ description: 'True for the one key that signs new credentials' }),
    createdAt: timestamp,
    retiredAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
  })
  .openapi('IssuerKey');

function presentKey(key: IssuerPublicKey): z.infer<typeof IssuerKeySchema> {
  return {
    keyId: key.keyId,
    verificationMethod: key.verificationMethod,
    type: 'Multikey',
    publicKeyMultibase: key.publicKeyMultibase,
    active: key.active,
    createdAt: key.createdAt.toISOString(),
    retiredAt: isoOrNull(key.retiredAt),
    revokedAt: isoOrNull(key.revokedAt),
  };
}

const listIssuers = createRoute({
  method: 'get',
  path: '/issuers',
  tags: ['Issuers'],
  summary: 'List issuers',
  description: 'The administrator sees every issuer; an issuer API key sees its own issuer only.',
  security: BEARER_SECURITY,
  request: { query: PageQuerySchema },
  responses: {
    200: jsonContent(z.array(IssuerSchema), 'The issuers, oldest first'),
    ...problemResponses(400, 401),
  },
});

const createIssuer = createRoute({
  method: 'post',
  path: '/issuers',
  tags: ['Issuers'],
  summary: 'Create an issuer (administrator)',
  description: 'Creates the organization and its first Ed25519 signing key; its did:web is served at once.',
  security: BEARER_SECURITY,
  request: { body: jsonBody(IssuerCreateSchema) },
  responses: {
    201: jsonContent(IssuerSchema, 'The new issuer'),
    ...problemResponses(400, 401, 403, 409, 413, 415),
  },
});

const getIssuer = createRoute({
  method: 'get',
  path: '/issuers/{id}',
  tags: ['Issuers'],
  summary: 'Get an issuer',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(IssuerSchema, 'The issuer'), ...problemResponses(400, 401, 404) },
});

const updateIssuer = createRoute({
  method: 'patch',
  path: '/issuers/{id}',
  tags: ['Issuers'],
  summary: "Update an issuer's profile (owner)",
  description: 'Fields left out stay as they are. The slug (and so the DID) cannot change.',
  security: BEARER_SECURITY,
  request: {
    params: IdParamsSchema,
    body: jsonBody(IssuerUpdateSchema),
  },
  responses: {
    200: jsonContent(IssuerSchema, 'The updated issuer'),
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const rotateKey = createRoute({
  method: 'post',
  path: '/issuers/{id}/keys/rotate',
  tags: ['Issuers'],
  summary: "Rotate an issuer's signing key (owner)",
  description:
    'A new key signs from now on; the previous one stays in the DID document, so every credential issued before still verifies.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    201: jsonContent(IssuerKeySchema, 'The new active key'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const listKeys = createRoute({
  method: 'get',
  path: '/issuers/{id}/keys',
  tags: ['Issuers'],
  summary: "List an issuer's signing keys (public parts only)",
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(z.array(IssuerKeySchema), 'Every key, oldest first'),
    ...problemResponses(400, 401, 404),
  },
});

/** `/issuers`: the organizations that issue, and their signing keys. */
export function issuerRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();

  router.openapi(listIssuers, async (c) => {
    const page = c.req.valid('query');
    const issuers = await platform.issuers.list(c.get('actor'), page);
    return c.json(issuers.map(presentIssuer), 200);
  });

  router.openapi(createIssuer, async (c) => {
    const issuer = await platform.issuers.create(c.get('actor'), c.req.valid('json'));
    return c.json(presentIssuer(issuer), 201);
  });

  router.openapi(getIssuer, async (c) => {
    const issuer = await platform.issuers.get(c.get('actor'), c.req.valid('param').id);
    return c.json(presentIssuer(issuer), 200);
  });

  router.openapi(updateIssuer, async (c) => {
    const issuer = await platform.issuers.update(
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(presentIssuer(issuer), 200);
  });

  router.openapi(rotateKey, async (c) => {
    const actor = c.get('actor');
    const { id } = c.req.valid('param');
    const rotated = await platform.issuers.rotateKey(actor, id);
    // The use case returns the stored record, sealed secret included: answer with the public view.
    const key = (await platform.issuers.keys(actor, id)).find((item) => item.keyId === rotated.keyId);
    if (key === undefined) throw new MicrocredError(ErrorCode.INTERNAL, 'the rotated key is not listed');
    return c.json(presentKey(key), 201);
  });

  router.openapi(listKeys, async (c) => {
    const keys = await platform.issuers.keys(c.get('actor'), c.req.valid('param').id);
    return c.json(keys.map(presentKey), 200);
  });

  return router;
}
