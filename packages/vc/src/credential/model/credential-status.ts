import { z } from 'zod';

/** The 1EdTech revocation list status type, defined by the OB extensions context. */
export const ONEEDTECH_REVOCATION_LIST = '1EdTechRevocationList';

/**
 * W3C Bitstring Status List v1.0 §2.1 entry. `statusListIndex` is an integer written as a base-10
 * string; `id` is optional in BSL (the OB model wants one, and builders always emit it).
 */
export const BitstringStatusListEntrySchema = z.looseObject({
  id: z.string().optional(),
  type: z.literal('BitstringStatusListEntry'),
  statusPurpose: z.string(),
  statusListIndex: z.string().regex(/^(0|[1-9][0-9]*)$/, 'statusListIndex must be a base-10 integer string'),
  statusListCredential: z.string(),
  statusSize: z.number().int().positive().optional(),
  statusMessage: z.array(z.looseObject({ status: z.string(), message: z.string().optional() })).optional(),
  statusReference: z.union([z.string(), z.array(z.string())]).optional(),
});
export type BitstringStatusListEntry = z.output<typeof BitstringStatusListEntrySchema>;

/** 1EdTech Revocation List status: `id` is the URL of the issuer's revocation list. */
export const RevocationListStatusSchema = z.looseObject({
  id: z.string(),
  type: z.literal(ONEEDTECH_REVOCATION_LIST),
});
export type RevocationListStatus = z.output<typeof RevocationListStatusSchema>;

const KNOWN_STATUS_TYPES: ReadonlySet<string> = new Set([
  'BitstringStatusListEntry',
  ONEEDTECH_REVOCATION_LIST,
]);

/**
 * Any `credentialStatus` entry (VC 2.0 §4.10: `type` required, `id` optional). The two methods
 * microcred checks must match their own schema; other methods pass through for the verifier to
 * report as unsupported.
 */
export const CredentialStatusSchema = z.union([
  BitstringStatusListEntrySchema,
  RevocationListStatusSchema,
  z.looseObject({
    id: z.string().optional(),
    type: z.string().refine((type) => !KNOWN_STATUS_TYPES.has(type), 'malformed status entry'),
  }),
]);
export type CredentialStatus = z.output<typeof CredentialStatusSchema>;
