import { z } from '@hono/zod-openapi';
import { IssueCredentialInputSchema } from '../../domain/credential/issue-credential.js';
import {
  ReinstateInputSchema,
  RevokeInputSchema,
  SuspendInputSchema,
} from '../../domain/credential/manage-credentials.js';
import type { CredentialRecord } from '../../domain/ports/index.js';
import { isoOrNull, PageQuerySchema, timestamp } from './common-schemas.js';

export const CredentialIssueSchema = IssueCredentialInputSchema.openapi('IssueCredentialInput');
export const CredentialRevokeSchema = RevokeInputSchema.openapi('RevokeInput');
export const CredentialSuspendSchema = SuspendInputSchema.openapi('SuspendInput');
export const CredentialReinstateSchema = ReinstateInputSchema.openapi('ReinstateInput');

export const CredentialQuerySchema = PageQuerySchema.extend({
  recipient: z
    .string()
    .max(500)
    .optional()
    .openapi({ description: "The recipient's email address (matched through its keyed hash) or DID" }),
  achievementId: z.uuid().optional(),
  issuerId: z.uuid().optional(),
});

export const CredentialSchema = z
  .object({
    id: z.uuid(),
    url: z.url().openapi({ description: 'Where the credential is served: its `id`' }),
    issuerId: z.uuid(),
    achievementId: z.uuid(),
    format: z.enum(['di', 'jwt']),
    credential: z.record(z.string(), z.unknown()).openapi({
      description: 'The signed OB 3.0 credential (for `jwt`, the payload of `jwt`)',
    }),
    jwt: z.string().optional().openapi({ description: 'The VC-JWT (compact JWS), for format `jwt`' }),
    recipientName: z.string().nullable(),
    recipientDid: z.string().nullable(),
    idempotencyKey: z.string().nullable(),
    issuedAt: timestamp,
    validUntil: timestamp.nullable(),
    statusPurpose: z.enum(['revocation', 'suspension']).openapi({
      description:
        'The purpose of its one status entry: `suspension` for credentials of suspendable achievements, which can be ' +
        'suspended and reinstated (a revocation is then a suspension never lifted)',
    }),
    revokedAt: timestamp.nullable(),
    revocationReason: z.string().nullable(),
    suspendedAt: timestamp.nullable(),
    suspensionReason: z.string().nullable(),
  })
  .openapi('Credential');
export type CredentialJson = z.infer<typeof CredentialSchema>;

/**
 * Field by field: the recipient's keyed lookup hash and the bulk bookkeeping stay inside. (The email
 * itself was never stored.)
 */
export function presentCredential(record: CredentialRecord): CredentialJson {
  return {
    id: record.id,
    url: String(record.document.id),
    issuerId: record.issuerId,
    achievementId: record.achievementId,
    format: record.format,
    credential: record.document,
    ...(record.jwt === null ? {} : { jwt: record.jwt }),
    recipientName: record.recipientName,
    recipientDid: record.recipientDid,
    idempotencyKey: record.idempotencyKey,
    issuedAt: record.issuedAt.toISOString(),
    validUntil: isoOrNull(record.validUntil),
    statusPurpose: record.statusPurpose,
    revokedAt: isoOrNull(record.revokedAt),
    revocationReason: record.revocationReason,
    suspendedAt: isoOrNull(record.suspendedAt),
    suspensionReason: record.suspensionReason,
  };
}
