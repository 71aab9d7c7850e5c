import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { EndorsementRequestView } from '../../domain/endorsement/endorsement-requests.js';
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
  timestamp,
} from './common-schemas.js';

// The request schemas are the HTTP contract; the use cases validate again with the same bounds.
const EndorsementRequestInputSchema = z
  .strictObject({
    achievementId: z.uuid().openapi({ description: 'A published achievement of the requesting issuer' }),
    employerId: z
      .uuid()
      .optional()
      .openapi({ description: 'Ask an employer; or else `issuerId` or `email`' }),
    issuerId: z.uuid().optional().openapi({ description: 'Ask another issuer' }),
    email: z
      .email()
      .max(320)
      .optional()
      .openapi({
        description:
          'Ask someone at an organisation not on the platform yet: they are mailed, and the request reaches ' +
          'the employer whose staff prove this address',
      }),
    message: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .openapi({ description: 'Why you ask (at most 2,000 characters)' }),
    sampleCredentialId: z.uuid().optional().openapi({
      description: 'One of the achievement’s credentials, shown to the organisation as an example',
    }),
  })
  .refine(
    (input) =>
      [input.employerId, input.issuerId, input.email].filter((target) => target !== undefined).length === 1,
    { message: 'name exactly one of employerId, issuerId and email', path: ['employerId'] },
  )
  .openapi('EndorsementRequestInput');

const CommentSchema = z
  .strictObject({
    comment: z.string().trim().min(1).max(2000).openapi({ description: 'At most 2,000 characters' }),
  })
  .openapi('EndorsementRequestComment');

const DeclineSchema = z
  .strictObject({
    comment: z.string().trim().max(2000).optional().openapi({ description: 'Why, if you wish' }),
  })
  .openapi('EndorsementRequestDecline');

const ListQuerySchema = z.object({
  direction: z.enum(['incoming', 'outgoing']).openapi({
    description: '`outgoing`: those the issuer sent; `incoming`: those the organisation received',
  }),
  organisationId: z.uuid().openapi({ description: 'An issuer’s id, or an employer’s (incoming only)' }),
});

const EndorsementRequestSchema = z
  .object({
    id: z.uuid(),
    achievement: z.object({ id: z.uuid(), name: z.string() }),
    requester: z.object({ id: z.uuid(), name: z.string() }).openapi({ description: 'The issuer that asks' }),
    target: z
      .object({ kind: z.enum(['employer', 'issuer', 'email']), id: z.uuid().nullable(), name: z.string() })
      .openapi({
        description:
          'The organisation asked; `email` (id null, name the address) until an employer answers an invited address',
      }),
    invitedEmail: z.string().nullable(),
    message: z.string(),
    sampleCredentialId: z.uuid().nullable(),
    state: z.enum(['pending', 'endorsed', 'declined', 'cancelled']),
    responseComment: z.string().nullable().openapi({ description: 'The organisation’s last comment' }),
    endorsementId: z
      .uuid()
      .nullable()
      .openapi({ description: 'Set once endorsed: see `/endorsements/{id}`' }),
    createdAt: timestamp,
    respondedAt: timestamp.nullable(),
  })
  .openapi('EndorsementRequest');

const TAG = 'Endorsement requests';

const requestRoute = createRoute({
  method: 'post',
  path: '/endorsement-requests',
  tags: [TAG],
  summary: 'Ask an organisation to endorse one of your published achievements',
  description:
    'An issuer’s staff or keys (issuer role) ask an employer, another issuer, or an address. The organisation’s ' +
    'owners and recruiters (an issuer’s owners; or the address) are mailed. Another issuer’s achievement answers ' +
    '404; a draft, a pending request to the same organisation, or one that endorses it already, 409.',
  security: BEARER_SECURITY,
  request: { body: jsonBody(EndorsementRequestInputSchema) },
  responses: {
    201: jsonContent(EndorsementRequestSchema, 'The request, pending'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/endorsement-requests',
  tags: [TAG],
  summary: 'The requests an issuer sent, or those an organisation received',
  description: 'Newest first; every member of the organisation reads them. Another organisation answers 404.',
  security: BEARER_SECURITY,
  request: { query: ListQuerySchema },
  responses: {
    200: jsonContent(z.array(EndorsementRequestSchema), 'The requests'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const ANSWER_RESPONSES = {
  200: jsonContent(EndorsementRequestSchema, 'The request as it now stands'),
  ...problemResponses(400, 401, 403, 404, 409, 413, 415),
};

const ANSWERED =
  'For the organisation asked (an employer’s recruiters and owners, an issuer’s issuer role and up); anyone ' +
  'else answers 404, a request no longer pending 409. The requester is mailed.';

const endorseRoute = createRoute({
  method: 'post',
  path: '/endorsement-requests/{id}/endorse',
  tags: [TAG],
  summary: 'Endorse the achievement as asked',
  description: `Signs an endorsement with the comment (as \`POST /endorsements\` does) and links it. ${ANSWERED}`,
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(CommentSchema) },
  responses: ANSWER_RESPONSES,
});

const declineRoute = createRoute({
  method: 'post',
  path: '/endorsement-requests/{id}/decline',
  tags: [TAG],
  summary: 'Decline the request',
  description: ANSWERED,
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(DeclineSchema) },
  responses: ANSWER_RESPONSES,
});

const commentRoute = createRoute({
  method: 'post',
  path: '/endorsement-requests/{id}/comment',
  tags: [TAG],
  summary: 'Answer with a comment; the request stays pending',
  description: ANSWERED,
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(CommentSchema) },
  responses: ANSWER_RESPONSES,
});

const cancelRoute = createRoute({
  method: 'post',
  path: '/endorsement-requests/{id}/cancel',
  tags: [TAG],
  summary: 'Cancel a pending request (the requesting issuer)',
  description:
    'For the requesting issuer’s issuer role and up; anyone else answers 404, an answered request 409.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: ANSWER_RESPONSES,
});

function presentRequest(request: EndorsementRequestView) {
  return {
    id: request.id,
    achievement: request.achievement,
    requester: { id: request.requester.id, name: request.requester.name },
    target: request.target,
    invitedEmail: request.invitedEmail,
    message: request.message,
    sampleCredentialId: request.sampleCredentialId,
    state: request.state,
    responseComment: request.responseComment,
    endorsementId: request.endorsementId,
    createdAt: request.createdAt.toISOString(),
    respondedAt: isoOrNull(request.respondedAt),
  };
}

/** `/endorsement-requests`: asking for endorsements, and answering them. */
export function endorsementRequestRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const requests = platform.endorsementRequests;
  const router = createRouter<ApiEnv>();
  router.openapi(requestRoute, async (c) =>
    c.json(presentRequest(await requests.request(c.get('actor'), c.req.valid('json'))), 201),
  );
  router.openapi(listRoute, async (c) =>
    c.json((await requests.list(c.get('actor'), c.req.valid('query'))).map(presentRequest), 200),
  );
  router.openapi(endorseRoute, async (c) =>
    c.json(
      presentRequest(await requests.endorse(c.get('actor'), c.req.valid('param').id, c.req.valid('json'))),
      200,
    ),
  );
  router.openapi(declineRoute, async (c) =>
    c.json(
      presentRequest(await requests.decline(c.get('actor'), c.req.valid('param').id, c.req.valid('json'))),
      200,
    ),
  );
  router.openapi(commentRoute, async (c) =>
    c.json(
      presentRequest(await requests.comment(c.get('actor'), c.req.valid('param').id, c.req.valid('json'))),
      200,
    ),
  );
  router.openapi(cancelRoute, async (c) =>
    c.json(presentRequest(await requests.cancel(c.get('actor'), c.req.valid('param').id)), 200),
  );
  return router;
}
