import { z } from 'zod';
import { CredentialSchemaSchema } from './credential-schema.js';
import { CredentialStatusSchema } from './credential-status.js';
import { DateTimeZSchema } from './date-time.js';
import { EvidenceSchema } from './evidence.js';
import { oneOrMany } from './one-or-many.js';
import { ProofSchema } from './proof.js';
import { RefreshServiceSchema } from './refresh-service.js';
import { TermsOfUseSchema } from './terms-of-use.js';

/**
 * The VC 2.0 envelope that OB 3.0 AchievementCredential, EndorsementCredential and CLR 2.0 ClrCredential
 * share (validity, evidence, proofs, schemas, status, refresh, terms of use), as read: single values or arrays.
 */
export const securedCredentialFields = {
  validFrom: DateTimeZSchema,
  validUntil: DateTimeZSchema.optional(),
  evidence: oneOrMany(EvidenceSchema).optional(),
  proof: oneOrMany(ProofSchema).optional(),
  credentialSchema: oneOrMany(CredentialSchemaSchema).optional(),
  // OB 3.0 has 0..1; VC 2.0 also allows a set (e.g. revocation + suspension entries, BSL §2.1).
  credentialStatus: z.union([CredentialStatusSchema, z.array(CredentialStatusSchema)]).optional(),
  refreshService: RefreshServiceSchema.optional(),
  termsOfUse: oneOrMany(TermsOfUseSchema).optional(),
};
