import { z } from '@hono/zod-openapi';
import { ErrorCode, problemTypeOf, type VerificationReport } from '@microcred/vc';

export const VcVerifyRequestSchema = z
  .strictObject({
    verifiableCredential: z
      .union([z.record(z.string(), z.unknown()), z.string().min(1)])
      .optional()
      .openapi({
        description:
          'The credential as JSON, or a VC-JWT (compact JWS) as a string; an Open Badges 2.0 signed assertion ' +
          '(RS256 compact JWS) is accepted here too',
      }),
    openBadgeAssertion: z
      .union([z.record(z.string(), z.unknown()), z.string().min(1)])
      .optional()
      .openapi({
        description:
          'Instead of `verifiableCredential`: an Open Badges 2.0 assertion, hosted as its JSON (its `id` is ' +
          'where its issuer hosts it) or signed as its compact JWS (RS256)',
      }),
    options: z
      .strictObject({
        checks: z
          .array(z.string())
          .optional()
          .openapi({ description: 'Accepted for compatibility; every check always runs' }),
      })
      .optional(),
  })
  .refine((body) => (body.verifiableCredential === undefined) !== (body.openBadgeAssertion === undefined), {
    message: 'give exactly one of verifiableCredential and openBadgeAssertion',
    path: ['verifiableCredential'],
  })
  // The two fields are alternatives, so no field is required: the example shows the common one.
  .openapi('VcVerifyRequest', {
    example: { verifiableCredential: 'eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln' },
  });

const CheckSchema = z
  .object({
    id: z.string().openapi({ example: 'status' }),
    ok: z.boolean(),
    code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]).optional(),
    message: z.string(),
    warning: z.boolean().optional(),
  })
  .openapi('VerificationCheck');

const VerificationProblemSchema = z
  .object({ type: z.string(), code: z.string().optional(), title: z.string(), detail: z.string() })
  .openapi('VerificationProblem');

export const VerificationResultSchema = z
  .object({
    verified: z.boolean(),
    checks: z.array(CheckSchema).openapi({ description: 'Every named check that ran, in order' }),
    warnings: z.array(VerificationProblemSchema),
    errors: z.array(VerificationProblemSchema).openapi({
      description:
        'The failed checks as VC 2.0 §7.2 problem details (e.g. code REVOKED from the status check)',
    }),
    format: z.enum(['json', 'jwt', 'png', 'svg']).optional(),
    signer: z
      .object({ verificationMethod: z.string(), controller: z.string(), publicKeyMultibase: z.string() })
      .optional(),
    authorship: z
      .enum(['unproven'])
      .optional()
      .openapi({
        description:
          '`unproven` when the verdict relied on a compatibility concession (VERIFIER_COMPAT=1edtech): the ' +
          'signature holds, but nothing shows that the issuer made it. Never present such a result as verified.',
      }),
    authorshipReason: z.string().optional(),
    issuerTrust: z
      .object({
        level: z.enum(['vetted', 'domain-linked', 'unknown']),
        registry: z
          .string()
          .optional()
          .openapi({ description: 'The registry that lists the issuer (vetted)' }),
        name: z.string().optional().openapi({ description: 'The issuer as that registry names it (vetted)' }),
        domain: z
          .string()
          .optional()
          .openapi({ description: "The web origin linked to the issuer's DID (domain-linked)" }),
      })
      .optional()
      .openapi({
        description:
          'Who vouches for the issuer (the `issuer-trust` check). `unknown` is not a failure of `verified`, and ' +
          'a credential whose authorship is not proven is always `unknown`.',
      }),
  })
  .openapi('VerificationResult');
export type VerificationResultJson = z.infer<typeof VerificationResultSchema>;

/** The VC API verification result: our named checks, with failures and caveats also as problem details. */
export function presentVerificationResult(report: VerificationReport): VerificationResultJson {
  return {
    verified: report.verified,
    checks: report.checks.map((check) => ({
      id: check.id,
      ok: check.ok,
      ...(check.code === undefined ? {} : { code: check.code }),
      message: check.message,
      ...(check.warning === true ? { warning: true } : {}),
    })),
    warnings: [
      ...(report.authorship === 'unproven'
        ? [
            {
              type: 'https://microcred.dev/problems/warnings/authorship-unproven',
              title: 'authorship',
              detail: `authorship unproven (compatibility mode): ${report.authorshipReason ?? ''}`,
            },
          ]
        : []),
      ...report.checks
        .filter((check) => check.ok && check.warning === true)
        .map((check) => ({
          type: `https://microcred.dev/problems/warnings/${check.id}`,
          title: check.id,
          detail: check.message,
        })),
    ],
    errors: report.checks
      .filter((check) => !check.ok)
      .map((check) => {
        const code = check.code ?? ErrorCode.MALFORMED_VALUE_ERROR;
        return { type: problemTypeOf(code), code, title: check.id, detail: check.message };
      }),
    ...(report.format === undefined ? {} : { format: report.format }),
    ...(report.signer === undefined ? {} : { signer: { ...report.signer } }),
    ...(report.authorship === undefined
      ? {}
      : {
          authorship: report.authorship,
          ...(report.authorshipReason === undefined ? {} : { authorshipReason: report.authorshipReason }),
        }),
    ...(report.issuerTrust === undefined ? {} : { issuerTrust: { ...report.issuerTrust } }),
  };
}
