import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '../../domain/platform.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import { BEARER_SECURITY, IdParamsSchema, jsonContent } from './common-schemas.js';
import { IssuerSchema, presentIssuer } from './issuer-schemas.js';

const vetIssuer = createRoute({
  method: 'post',
  path: '/issuers/{id}/vetting',
  tags: ['Issuer trust'],
  summary: 'Vet an issuer (administrator)',
  description:
    "Lists the issuer in this platform's trust registry: verification reports of its credentials say it is vetted. Who vetted it and when are recorded; vetting again keeps the first record.",
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(IssuerSchema, 'The issuer, vetted'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const unvetIssuer = createRoute({
  method: 'delete',
  path: '/issuers/{id}/vetting',
  tags: ['Issuer trust'],
  summary: 'Withdraw the vetting of an issuer (administrator)',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(IssuerSchema, 'The issuer, no longer vetted'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const DidConfigurationSchema = z
  .object({
    '@context': z.string(),
    linked_dids: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('DidConfiguration', {
    description: 'DIF Well-Known DID Configuration resource with one signed Domain Linkage Credential',
  });

const didConfiguration = createRoute({
  method: 'get',
  path: '/issuers/{id}/did-configuration',
  tags: ['Issuer trust'],
  summary: "The issuer's did-configuration.json (owner)",
  description:
    "A Domain Linkage Credential for the origin of the issuer's `url`, signed by its active key, valid for a year. Publish it on that site as `/.well-known/did-configuration.json`, then run the domain check.",
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(DidConfigurationSchema, 'The resource to publish'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const DomainCheckSchema = z
  .object({
    linked: z.boolean(),
    origin: z.string().openapi({ example: 'https://badges.example.edu' }),
    reason: z.string().optional().openapi({ description: 'Why the domain is not linked' }),
    issuer: IssuerSchema,
  })
  .openapi('DomainCheck');

const checkDomain = createRoute({
  method: 'post',
  path: '/issuers/{id}/domain-check',
  tags: ['Issuer trust'],
  summary: "Check the issuer's domain linkage (owner)",
  description:
    "Fetches `{origin}/.well-known/did-configuration.json` (origin of the issuer's `url`) through the guarded outbound fetcher and records whether it links the issuer's DID; a failed check clears an earlier link.",
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(DomainCheckSchema, 'What the check found'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

/** Issuer trust: administrators vet issuers; issuers prove their web domain (DIF Well-Known DID Configuration). */
export function trustRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();

  router.openapi(vetIssuer, async (c) => {
    const issuer = await platform.trust.vet(c.get('actor'), c.req.valid('param').id);
    return c.json(presentIssuer(issuer), 200);
  });

  router.openapi(unvetIssuer, async (c) => {
    const issuer = await platform.trust.unvet(c.get('actor'), c.req.valid('param').id);
    return c.json(presentIssuer(issuer), 200);
  });

  router.openapi(didConfiguration, async (c) => {
    const { configuration } = await platform.trust.didConfiguration(c.get('actor'), c.req.valid('param').id);
    c.header('Content-Disposition', 'attachment; filename="did-configuration.json"');
    return c.json(configuration as z.infer<typeof DidConfigurationSchema>, 200);
  });

  router.openapi(checkDomain, async (c) => {
    const check = await platform.trust.checkDomain(c.get('actor'), c.req.valid('param').id);
    return c.json(
      {
        linked: check.linked,
        origin: check.origin,
        ...(check.reason === undefined ? {} : { reason: check.reason }),
        issuer: presentIssuer(check.issuer),
      },
      200,
    );
  });

  return router;
}
