import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type Member, MemberInputSchema } from '../../domain/issuer/manage-members.js';
import type { Platform } from '../../domain/platform.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import { BEARER_SECURITY, IdParamsSchema, jsonBody, jsonContent, timestamp } from './common-schemas.js';

const MemberCreateSchema = MemberInputSchema.openapi('MemberInput');

const MemberSchema = z
  .object({
    userId: z.uuid(),
    email: z.email(),
    name: z.string().nullable(),
    role: z.enum(['owner', 'issuer', 'viewer']),
    since: timestamp,
  })
  .openapi('Member');

const MemberParamsSchema = IdParamsSchema.extend({
  userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }),
});

function present(member: Member) {
  return { ...member, since: member.since.toISOString() };
}

const listMembers = createRoute({
  method: 'get',
  path: '/issuers/{id}/members',
  tags: ['Issuers'],
  summary: 'The people who work for an issuer, with their roles',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(z.array(MemberSchema), 'The members'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const addMember = createRoute({
  method: 'put',
  path: '/issuers/{id}/members',
  tags: ['Issuers'],
  summary: 'Add a person to an issuer by email, or change their role (owner role)',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(MemberCreateSchema) },
  responses: {
    200: jsonContent(MemberSchema, 'The member'),
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const removeMember = createRoute({
  method: 'delete',
  path: '/issuers/{id}/members/{userId}',
  tags: ['Issuers'],
  summary: 'Remove a person from an issuer (owner role); the last owner stays',
  security: BEARER_SECURITY,
  request: { params: MemberParamsSchema },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404, 409) },
});

/** `/issuers/{id}/members`: people and their roles (owner, issuer, viewer). */
export function memberRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();
  router.openapi(listMembers, async (c) =>
    c.json((await platform.members.list(c.get('actor'), c.req.valid('param').id)).map(present), 200),
  );
  router.openapi(addMember, async (c) =>
    c.json(
      present(await platform.members.add(c.get('actor'), c.req.valid('param').id, c.req.valid('json'))),
      200,
    ),
  );
  router.openapi(removeMember, async (c) => {
    const { id, userId } = c.req.valid('param');
    await platform.members.remove(c.get('actor'), id, userId);
    return c.body(null, 204);
  });
  return router;
}
