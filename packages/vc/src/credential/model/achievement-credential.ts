import { z } from 'zod';
import { AchievementSubjectSchema } from './achievement-subject.js';
import { ObContextSchema } from './credential-context.js';
import { CredentialSchemaSchema } from './credential-schema.js';
import { CredentialStatusSchema } from './credential-status.js';
import { DateTimeZSchema } from './date-time.js';
import { EndorsementCredentialSchema } from './endorsement-credential.js';
import { EvidenceSchema } from './evidence.js';
import { ImageSchema } from './image.js';
import { oneOrMany } from './one-or-many.js';
import { ProfileRefSchema } from './profile.js';
import { ProofSchema } from './proof.js';
import { RefreshServiceSchema } from './refresh-service.js';
import { TermsOfUseSchema } from './terms-of-use.js';
import { typeIncluding } from './type-including.js';

/** The two aliases OB 3.0 gives the credential type; either one, plus `VerifiableCredential`. */
export const ACHIEVEMENT_CREDENTIAL_TYPES = ['AchievementCredential', 'OpenBadgeCredential'] as const;

/**
 * OB 3.0 AchievementCredential / OpenBadgeCredential on VC 2.0 (STANDARDS.md §1.1), as read: accepts
 * the compacted JSON-LD forms and keeps unknown properties; the output uses arrays throughout.
 */
export const AchievementCredentialSchema = z.looseObject({
  '@context': ObContextSchema,
  id: z.string(),
  type: typeIncluding(['VerifiableCredential', ACHIEVEMENT_CREDENTIAL_TYPES]),
  name: z.string().optional(),
  description: z.string().optional(),
  image: ImageSchema.optional(),
  awardedDate: DateTimeZSchema.optional(),
  credentialSubject: AchievementSubjectSchema,
  endorsement: oneOrMany(EndorsementCredentialSchema).optional(),
  endorsementJwt: oneOrMany(z.string()).optional(),
  evidence: oneOrMany(EvidenceSchema).optional(),
  issuer: ProfileRefSchema,
  validFrom: DateTimeZSchema,
  validUntil: DateTimeZSchema.optional(),
  proof: oneOrMany(ProofSchema).optional(),
  credentialSchema: oneOrMany(CredentialSchemaSchema).optional(),
  // OB 3.0 has 0..1; VC 2.0 also allows a set (e.g. revocation + suspension entries, BSL §2.1).
  credentialStatus: z.union([CredentialStatusSchema, z.array(CredentialStatusSchema)]).optional(),
  refreshService: RefreshServiceSchema.optional(),
  termsOfUse: oneOrMany(TermsOfUseSchema).optional(),
});
export type AchievementCredential = z.output<typeof AchievementCredentialSchema>;
