import { z } from 'zod';
import { AchievementSchema } from './achievement.js';
import { ACHIEVEMENT_CREDENTIAL_TYPES, AchievementCredentialSchema } from './achievement-credential.js';
import { AssociationSchema } from './association.js';
import { ClrContextSchema } from './credential-context.js';
import { DateTimeZSchema } from './date-time.js';
import { EndorsementCredentialSchema } from './endorsement-credential.js';
import { IdentityObjectSchema } from './identity-object.js';
import { ImageSchema } from './image.js';
import { oneOrMany } from './one-or-many.js';
import { ProfileRefSchema } from './profile.js';
import { securedCredentialFields } from './secured-credential-fields.js';
import { typeIncluding } from './type-including.js';

const isAchievementCredentialType = (type: unknown): boolean => {
  const types = Array.isArray(type) ? type : [type];
  return types.some((name) => (ACHIEVEMENT_CREDENTIAL_TYPES as readonly unknown[]).includes(name));
};

/**
 * A credential bundled in a CLR. AchievementCredentials must be well-formed OB 3.0 credentials
 * (the 1EdTech CLR inspector verifies each one as OB 3.0); other VCs only need a VC shape.
 */
export const ClrVerifiableCredentialSchema = z.union([
  AchievementCredentialSchema,
  z.looseObject({
    '@context': z.array(z.unknown()),
    type: typeIncluding(['VerifiableCredential']).refine(
      (type) => !isAchievementCredentialType(type),
      'malformed AchievementCredential',
    ),
  }),
]);
export type ClrVerifiableCredential = z.output<typeof ClrVerifiableCredentialSchema>;

/** CLR 2.0 ClrSubject: the learner, their signed credentials, and the pathway's achievements and links. */
export const ClrSubjectSchema = z
  .looseObject({
    id: z.string().optional(),
    type: typeIncluding(['ClrSubject']),
    identifier: oneOrMany(IdentityObjectSchema).optional(),
    verifiableCredential: oneOrMany(ClrVerifiableCredentialSchema).refine(
      (credentials) => credentials.length > 0,
      'a ClrSubject bundles at least one credential',
    ),
    achievement: oneOrMany(AchievementSchema).optional(),
    association: oneOrMany(AssociationSchema).optional(),
  })
  .refine((subject) => subject.id !== undefined || (subject.identifier?.length ?? 0) > 0, {
    message: 'a ClrSubject needs an id or at least one identifier',
  });
export type ClrSubject = z.output<typeof ClrSubjectSchema>;

/** CLR 2.0 ClrCredential (VC 2.0): a learner record bundling individually signed credentials. */
export const ClrCredentialSchema = z.looseObject({
  '@context': ClrContextSchema,
  id: z.string(),
  type: typeIncluding(['VerifiableCredential', 'ClrCredential']),
  name: z.string(),
  description: z.string().optional(),
  image: ImageSchema.optional(),
  awardedDate: DateTimeZSchema.optional(),
  credentialSubject: ClrSubjectSchema,
  /** True when the CLR does not hold every assertion the publisher knows of (verify against CLR 2.0). */
  partial: z.boolean().optional(),
  endorsement: oneOrMany(EndorsementCredentialSchema).optional(),
  endorsementJwt: oneOrMany(z.string()).optional(),
  issuer: ProfileRefSchema,
  ...securedCredentialFields,
});
export type ClrCredential = z.output<typeof ClrCredentialSchema>;
