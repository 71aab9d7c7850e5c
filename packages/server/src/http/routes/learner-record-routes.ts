import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Platform } from '../../domain/platform.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import { BEARER_SECURITY, IdParamsSchema, jsonBody, jsonContent } from './common-schemas.js';
import { ClrRequestBodySchema, IssuedClrSchema } from './pathway-schemas.js';

const issueRecordClr = createRoute({
  method: 'post',
  path: '/issuers/{id}/clr',
  tags: ['Pathways'],
  summary: "Issue a CLR 2.0 credential of an earner's whole record with this issuer (issuer role)",
  description:
    'Every standing credential the issuer gave the earner, each with its own proof, and the structure of the ' +
    "issuer's pathways they completed. 409 when there is nothing to bundle.",
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(ClrRequestBodySchema) },
  responses: {
    201: jsonContent(IssuedClrSchema, 'The signed CLR'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

/** `/issuers/{id}/clr`: an earner's record with an issuer, as one signed CLR. */
export function learnerRecordRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();
  router.openapi(issueRecordClr, async (c) => {
    const issued = await platform.pathways.issueRecordClr(
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ credential: issued.credential, partial: !issued.complete }, 201);
  });
  return router;
}
