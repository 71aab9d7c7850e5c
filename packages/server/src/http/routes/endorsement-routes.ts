import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { EndorsementView } from '../../domain/endorsement/endorsements.js';
import type { Platform } from '../../domain/platform.js';
import type { PublicEnv } from '../../edge/public-env.js';
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

/**
 * Paths under the API prefix that anyone may read (GET, HEAD) without a token: what an organisation
 * vouches for is public, as the signed credentials are. Endorsing and withdrawing need one.
 */
export const PUBLIC_ENDORSEMENT_READS: readonly RegExp[] = [/^\/endorsements$/, /^\/endorsements\/[^/]+$/];

// The request schemas are the HTTP contract; the use case validates again with the same bounds.
const EndorsementInputSchema = z
  .strictObject({
    endorserId: z
      .uuid()
      .openapi({ description: 'The organisation that endorses: an issuer’s id, or an employer’s' }),
    achievementId: z
      .uuid()
      .optional()
      .openapi({ description: 'A published achievement of another issuer; or else `issuerId`' }),
    issuerId: z.uuid().optional().openapi({ description: 'Another issuer, endorsed as a whole' }),
    comment: z.string().trim().min(1).max(2000).openapi({
      description: 'What the endorser says, signed into the credential (at most 2,000 characters)',
    }),
  })
  .refine((input) => (input.achievementId === undefined) !== (input.issuerId === undefined), {
    message: 'name exactly one of achievementId and issuerId',
    path: ['achievementId'],
  })
  .openapi('EndorsementInput');

const WithdrawEndorsementSchema = z
  .strictObject({
    reason: z.string().trim().max(500).optional().openapi({ description: 'Kept with the endorsement' }),
  })
  .openapi('EndorsementWithdrawal');

const EndorsementQuerySchema = z.object({
  achievementId: z.uuid().optional().openapi({ description: 'Only the endorsements of this achievement' }),
  issuerId: z.uuid().optional().openapi({ description: 'Only the endorsements of this issuer as a whole' }),
  endorserId: z
    .uuid()
    .optional()
    .openapi({ description: 'Only those this organisation gives (an issuer’s id, or an employer’s)' }),
});

const EndorsementSchema = z
  .object({
    id: z.uuid(),
    endorser: z
      .object({ id: z.uuid(), name: z.string(), kind: z.enum(['issuer', 'employer']) })
      .openapi({ description: 'The organisation that endorses, by the id the API knows it by' }),
    subject: z.object({ kind: z.enum(['achievement', 'issuer']), id: z.uuid(), name: z.string() }),
    comment: z.string(),
    createdAt: timestamp,
    withdrawnAt: timestamp
      .nullable()
      .openapi({ description: 'Set once withdrawn: its status entry is revoked from then on' }),
    credential: z.record(z.string(), z.unknown()).openapi({
      description:
        'The OB 3.0 EndorsementCredential, signed eddsa-rdfc-2022 by the endorser’s did:web; also served ' +
        'at its `id`',
    }),
  })
  .openapi('Endorsement');

const listEndorsements = createRoute({
  method: 'get',
  path: '/endorsements',
  tags: ['Endorsements'],
  summary: 'Endorsements in force of an achievement or an issuer, or by an organisation (no token)',
  description: 'Newest first; withdrawn endorsements are left out. Without a filter, every one in force.',
  request: { query: EndorsementQuerySchema },
  responses: {
    200: jsonContent(z.array(EndorsementSchema), 'The endorsements in force'),
    ...problemResponses(400),
  },
});

const getEndorsement = createRoute({
  method: 'get',
  path: '/endorsements/{id}',
  tags: ['Endorsements'],
  summary: 'One endorsement, withdrawn or not (no token)',
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(EndorsementSchema, 'The endorsement'), ...problemResponses(400, 404) },
});

const endorse = createRoute({
  method: 'post',
  path: '/endorsements',
  tags: ['Endorsements'],
  summary: 'Endorse a published achievement or an issuer, as an issuer or an employer',
  description:
    'An issuer’s staff or keys (issuer role) endorse for their issuer, an employer’s recruiters, owners and ' +
    'keys for their employer, the administrator for any. Another organisation answers 404, as an unknown ' +
    'one does; a draft achievement 409. Credentials of the achievement issued from now on embed it ' +
    '(`credentialSubject.achievement.endorsement`), and verifiers check it.',
  security: BEARER_SECURITY,
  request: { body: jsonBody(EndorsementInputSchema) },
  responses: {
    201: jsonContent(EndorsementSchema, 'The endorsement and its signed credential'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const withdrawEndorsement = createRoute({
  method: 'post',
  path: '/endorsements/{id}/withdraw',
  tags: ['Endorsements'],
  summary: 'Withdraw an endorsement (whoever may endorse for its endorser)',
  description:
    'Permanent: its revocation bit is set, so every copy, served or embedded in credentials issued before, ' +
    'fails the `endorsements` check from now on; credentials issued afterwards no longer carry it. ' +
    'Withdrawing again is a no-op.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(WithdrawEndorsementSchema) },
  responses: {
    200: jsonContent(EndorsementSchema, 'The withdrawn endorsement'),
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

function presentEndorsement(endorsement: EndorsementView) {
  return {
    id: endorsement.id,
    endorser: endorsement.endorser,
    subject: endorsement.subject,
    comment: endorsement.comment,
    createdAt: endorsement.createdAt.toISOString(),
    withdrawnAt: isoOrNull(endorsement.withdrawnAt),
    credential: endorsement.document,
  };
}

/** The public reads of `/endorsements`: mounted before bearer authentication. */
export function endorsementReadRoutes(options: { readonly platform: Platform }): OpenAPIHono<PublicEnv> {
  const { platform } = options;
  const router = createRouter<PublicEnv>();
  router.openapi(listEndorsements, async (c) => {
    const query = c.req.valid('query');
    const endorsements = await platform.endorsements.list({
      ...(query.achievementId === undefined ? {} : { achievementId: query.achievementId }),
      ...(query.issuerId === undefined ? {} : { issuerId: query.issuerId }),
      ...(query.endorserId === undefined ? {} : { endorserId: query.endorserId }),
    });
    return c.json(endorsements.map(presentEndorsement), 200);
  });
  router.openapi(getEndorsement, async (c) =>
    c.json(presentEndorsement(await platform.endorsements.get(c.req.valid('param').id)), 200),
  );
  return router;
}

/** `/endorsements`: endorsing and withdrawing, for who may speak for the endorser. */
export function endorsementRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();
  router.openapi(endorse, async (c) =>
    c.json(presentEndorsement(await platform.endorsements.endorse(c.get('actor'), c.req.valid('json'))), 201),
  );
  router.openapi(withdrawEndorsement, async (c) => {
    const withdrawn = await platform.endorsements.withdraw(
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(presentEndorsement(withdrawn), 200);
  });
  return router;
}
