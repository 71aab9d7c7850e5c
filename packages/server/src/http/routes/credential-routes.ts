import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '../../domain/platform.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import { BEARER_SECURITY, IdParamsSchema, jsonBody, jsonContent } from './common-schemas.js';
import {
  CredentialIssueSchema,
  CredentialQuerySchema,
  CredentialReinstateSchema,
  CredentialRevokeSchema,
  CredentialSchema,
  CredentialSuspendSchema,
  presentCredential,
} from './credential-schemas.js';

const issueCredential = createRoute({
  method: 'post',
  path: '/credentials',
  tags: ['Credentials'],
  summary: 'Issue a credential (issuer role)',
  description:
    'Signs an OB 3.0 credential for one recipient (email, stored only as hashes, or DID). With an `idempotencyKey`, ' +
    'a retried request answers 200 with the credential the first one issued, and never issues twice.',
  security: BEARER_SECURITY,
  request: { body: jsonBody(CredentialIssueSchema) },
  responses: {
    201: jsonContent(CredentialSchema, 'Issued'),
    200: jsonContent(CredentialSchema, 'Already issued under this idempotency key'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const listCredentials = createRoute({
  method: 'get',
  path: '/credentials',
  tags: ['Credentials'],
  summary: 'Find credentials',
  description: 'By recipient (email or DID) and/or achievement; an issuer API key sees its own issuer only.',
  security: BEARER_SECURITY,
  request: { query: CredentialQuerySchema },
  responses: {
    200: jsonContent(z.array(CredentialSchema), 'The credentials, newest first'),
    ...problemResponses(400, 401),
  },
});

const getCredential = createRoute({
  method: 'get',
  path: '/credentials/{id}',
  tags: ['Credentials'],
  summary: 'Get a credential with its issuing record',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(CredentialSchema, 'The credential'), ...problemResponses(400, 401, 404) },
});

const revokeCredential = createRoute({
  method: 'post',
  path: '/credentials/{id}/revoke',
  tags: ['Credentials'],
  summary: 'Revoke a credential (issuer role)',
  description:
    "Permanent. The issuer's status list changes at once, so verifiers see it on their next check. " +
    'Revoking again with the same reason is a no-op; with another reason, a conflict.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(CredentialRevokeSchema) },
  responses: {
    200: jsonContent(CredentialSchema, 'The revoked credential'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const suspendCredential = createRoute({
  method: 'post',
  path: '/credentials/{id}/suspend',
  tags: ['Credentials'],
  summary: 'Suspend a credential (issuer role)',
  description:
    'Reversible: sets its bit on the suspension status list, so verifiers report it suspended until it is reinstated. ' +
    'Only credentials of suspendable achievements carry a suspension entry (OB 3.0 allows one status entry); ' +
    'for others, and for revoked credentials, the answer is a conflict. Suspending a suspended credential is a no-op.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(CredentialSuspendSchema) },
  responses: {
    200: jsonContent(CredentialSchema, 'The suspended credential'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const reinstateCredential = createRoute({
  method: 'post',
  path: '/credentials/{id}/reinstate',
  tags: ['Credentials'],
  summary: 'Lift a suspension (issuer role)',
  description:
    'Clears its bit on the suspension list: the credential verifies again. Reinstating a valid one is a no-op.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(CredentialReinstateSchema) },
  responses: {
    200: jsonContent(CredentialSchema, 'The reinstated credential'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const CredentialEventSchema = z
  .object({
    kind: z.enum(['issued', 'revoked', 'suspended', 'reinstated']),
    reason: z.string().nullable(),
    actor: z.string().nullable().openapi({ description: 'Who did it: a console member or an API key' }),
    at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('CredentialEvent');

const credentialHistory = createRoute({
  method: 'get',
  path: '/credentials/{id}/history',
  tags: ['Credentials'],
  summary: "A credential's history: issued, then each revocation, suspension and reinstatement",
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(z.array(CredentialEventSchema), 'Oldest first'),
    ...problemResponses(400, 401, 404),
  },
});

/** `/credentials`: issuing, finding, revoking, suspending and reinstating. */
export function credentialRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();

  router.openapi(issueCredential, async (c) => {
    const { record, created } = await platform.credentials.issue(c.get('actor'), c.req.valid('json'));
    return created ? c.json(presentCredential(record), 201) : c.json(presentCredential(record), 200);
  });

  router.openapi(listCredentials, async (c) => {
    const records = await platform.credentials.list(c.get('actor'), c.req.valid('query'));
    return c.json(records.map(presentCredential), 200);
  });

  router.openapi(getCredential, async (c) => {
    const record = await platform.credentials.get(c.get('actor'), c.req.valid('param').id);
    return c.json(presentCredential(record), 200);
  });

  router.openapi(revokeCredential, async (c) => {
    const { id } = c.req.valid('param');
    const record = await platform.credentials.revoke(c.get('actor'), id, c.req.valid('json'));
    return c.json(presentCredential(record), 200);
  });

  router.openapi(credentialHistory, async (c) => {
    const events = await platform.credentials.history(c.get('actor'), c.req.valid('param').id);
    return c.json(
      events.map((event) => ({ ...event, at: event.at.toISOString() })),
      200,
    );
  });

  router.openapi(suspendCredential, async (c) => {
    const { id } = c.req.valid('param');
    const record = await platform.credentials.suspend(c.get('actor'), id, c.req.valid('json'));
    return c.json(presentCredential(record), 200);
  });

  router.openapi(reinstateCredential, async (c) => {
    const { id } = c.req.valid('param');
    const record = await platform.credentials.reinstate(c.get('actor'), id, c.req.valid('json'));
    return c.json(presentCredential(record), 200);
  });

  return router;
}
