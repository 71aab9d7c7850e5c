import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { isOb2Assertion, isOb2Jws } from '@microcred/vc';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Platform } from '../../domain/platform.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { bearerAuth } from '../middleware/bearer-auth.js';
import { problemResponses } from '../problem/problem-details.js';
import { BEARER_SECURITY, jsonBody, jsonContent } from './common-schemas.js';
import { type MappedIssueRequest, mapVcIssueRequest, VcIssueRequestSchema } from './vc-issue-request.js';
import {
  presentVerificationResult,
  VcVerifyRequestSchema,
  VerificationResultSchema,
} from './vc-verification-result.js';

const IssueResponseSchema = z
  .object({ verifiableCredential: z.record(z.string(), z.unknown()) })
  .openapi('VcIssueResponse');

function isOb2Input(value: Record<string, unknown> | string): boolean {
  return typeof value === 'string' ? isOb2Jws(value.trim()) : isOb2Assertion(value);
}

/** The VC API's own paths (W3C VC API): issuing for an authenticated issuer, verifying for anyone. */
export function vcApiRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const { publicUrl } = platform;
  const router = createRouter<ApiEnv>();

  const issue = createRoute({
    method: 'post',
    path: '/credentials/issue',
    tags: ['VC API'],
    summary: 'Issue a credential (VC API)',
    description:
      "Issues one of this platform's achievements to one recipient, from an unsigned OpenBadgeCredential " +
      'template. Anything the platform would not honour is refused with a 400 naming the field.',
    security: BEARER_SECURITY,
    middleware: [bearerAuth({ platform })] as const,
    request: { body: jsonBody(VcIssueRequestSchema) },
    responses: {
      201: jsonContent(IssueResponseSchema, 'The signed credential'),
      200: jsonContent(IssueResponseSchema, 'Already issued under this idempotency key'),
      ...problemResponses(400, 401, 403, 404, 409, 413, 415, 429),
    },
  });

  const verify = createRoute({
    method: 'post',
    path: '/credentials/verify',
    tags: ['VC API'],
    summary: 'Verify a credential (VC API, public)',
    description:
      'Runs every check (proof, issuer key, dates, status, schema…) and reports each by name. A credential ' +
      'that does not verify is a 200 with `verified: false`; only an unreadable request is a 4xx. Open Badges ' +
      '2.0 assertions are verified too (same check ids), sent as `{"openBadgeAssertion": <assertion JSON or ' +
      'compact JWS string>}` or, when signed, as the JWS in `verifiableCredential`; a hosted assertion, its badge ' +
      'class, issuer profile, key and revocation list are fetched from their URLs.',
    request: { body: jsonBody(VcVerifyRequestSchema) },
    responses: {
      200: jsonContent(VerificationResultSchema, 'The verification result'),
      ...problemResponses(400, 413, 415, 429),
    },
  });

  /** A template naming an issuer or a key must name the achievement's issuer and its active key (I4, I5). */
  async function assertRequestedSigner(actor: ApiEnv['Variables']['actor'], mapped: MappedIssueRequest) {
    if (mapped.issuer === undefined && mapped.assertionMethod === undefined) return;
    const achievement = await platform.achievements.get(actor, mapped.input.achievementId);
    const issuer = await platform.issuers.get(actor, achievement.issuerId);
    if (mapped.issuer !== undefined && mapped.issuer !== issuer.did) {
      throw new ServerError(
        ServerErrorCode.FORBIDDEN,
        `credential.issuer must be the achievement's issuer, ${issuer.did}; it is issued under that identity only`,
      );
    }
    if (mapped.assertionMethod !== undefined) {
      const active = (await platform.issuers.keys(actor, issuer.id)).find((key) => key.active);
      if (active?.verificationMethod !== mapped.assertionMethod) {
        throw new ServerError(
          ServerErrorCode.VALIDATION_ERROR,
          "options.assertionMethod is not the issuer's active key",
          {
            details: {
              errors: [
                {
                  path: 'options.assertionMethod',
                  in: 'body',
                  message: `use ${active?.verificationMethod ?? 'the active key'}`,
                },
              ],
            },
          },
        );
      }
    }
  }

  router.openapi(issue, async (c) => {
    const actor = c.get('actor');
    const mapped = mapVcIssueRequest({ request: c.req.valid('json'), publicUrl });
    await assertRequestedSigner(actor, mapped);
    const { record, created } = await platform.credentials.issue(actor, mapped.input);
    const body = { verifiableCredential: record.document };
    return created ? c.json(body, 201) : c.json(body, 200);
  });

  router.openapi(verify, async (c) => {
    const body = c.req.valid('json');
    if (body.openBadgeAssertion !== undefined && !isOb2Input(body.openBadgeAssertion)) {
      throw new ServerError(
        ServerErrorCode.VALIDATION_ERROR,
        'openBadgeAssertion is not an Open Badges 2.0 assertion',
        {
          details: {
            errors: [
              {
                path: 'openBadgeAssertion',
                in: 'body',
                message: 'give an OB 2.0 assertion JSON or its RS256 compact JWS',
              },
            ],
          },
        },
      );
    }
    // The schema lets exactly one of the two through.
    const report = await platform.verify(body.openBadgeAssertion ?? body.verifiableCredential ?? {});
    // Counted with the next batch of events: the answer does not wait for it.
    void platform.events.recordVerification(report, 'vc-api');
    return c.json(presentVerificationResult(report), 200);
  });

  return router;
}
