import { z } from 'zod';
import { AchievementSubjectSchema } from './achievement-subject.js';
import { ObContextSchema } from './credential-context.js';
import { DateTimeZSchema } from './date-time.js';
import { EndorsementCredentialSchema } from './endorsement-credential.js';
import { ImageSchema } from './image.js';
import { oneOrMany } from './one-or-many.js';
import { ProfileRefSchema } from './profile.js';
import { securedCredentialFields } from './secured-credential-fields.js';
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
  issuer: ProfileRefSchema,
  ...securedCredentialFields,
});
export type AchievementCredential = z.output<typeof AchievementCredentialSchema>;
