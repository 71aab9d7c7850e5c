import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { PartnershipInputSchema } from '../../domain/pathway/manage-partnerships.js';
import type { Platform } from '../../domain/platform.js';
import type { Partnership } from '../../domain/ports/index.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import { BEARER_SECURITY, IdParamsSchema, jsonBody, jsonContent, timestamp } from './common-schemas.js';

const PartnershipCreateSchema = PartnershipInputSchema.openapi('PartnershipInput');

const PartnershipSchema = z
  .object({
    grantorIssuerId: z.uuid().openapi({ description: 'The issuer whose achievements may be required' }),
    granteeIssuerId: z.uuid().openapi({ description: 'The issuer whose pathways may require them' }),
    createdAt: timestamp,
  })
  .openapi('Partnership');

const PartnerParamsSchema = IdParamsSchema.extend({
  partnerId: z.uuid().openapi({ param: { name: 'partnerId', in: 'path' } }),
});

function present(partnership: Partnership) {
  return { ...partnership, createdAt: partnership.createdAt.toISOString() };
}

const listPartnerships = createRoute({
  method: 'get',
  path: '/issuers/{id}/partnerships',
  tags: ['Pathways'],
  summary: 'The partnership consents an issuer gave and received',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(z.array(PartnershipSchema), 'The partnerships'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const grantPartnership = createRoute({
  method: 'post',
  path: '/issuers/{id}/partnerships',
  tags: ['Pathways'],
  summary: "Let another issuer's pathways count this issuer's achievements (owner role)",
  description:
    "Consent is the granting issuer's owner's to give: e.g. an employer lets a university certificate count " +
    'its badge. Granting again is harmless.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(PartnershipCreateSchema) },
  responses: {
    201: jsonContent(PartnershipSchema, 'The partnership'),
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const withdrawPartnership = createRoute({
  method: 'delete',
  path: '/issuers/{id}/partnerships/{partnerId}',
  tags: ['Pathways'],
  summary: 'Withdraw consent (owner role)',
  description:
    'Published pathway versions keep their rules; new versions can no longer require the achievements.',
  security: BEARER_SECURITY,
  request: { params: PartnerParamsSchema },
  responses: { 204: { description: 'Withdrawn' }, ...problemResponses(400, 401, 403, 404) },
});

/** `/issuers/{id}/partnerships`: consent between issuers for pathways. */
export function partnershipRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();
  router.openapi(listPartnerships, async (c) =>
    c.json((await platform.partnerships.list(c.get('actor'), c.req.valid('param').id)).map(present), 200),
  );
  router.openapi(grantPartnership, async (c) =>
    c.json(
      present(
        await platform.partnerships.grant(c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
      ),
      201,
    ),
  );
  router.openapi(withdrawPartnership, async (c) => {
    const { id, partnerId } = c.req.valid('param');
    await platform.partnerships.withdraw(c.get('actor'), id, partnerId);
    return c.body(null, 204);
  });
  return router;
}
