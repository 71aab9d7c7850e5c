import { z } from 'zod';
import { ObContextSchema } from './credential-context.js';
import { DateTimeZSchema } from './date-time.js';
import { ProfileRefSchema } from './profile.js';
import { securedCredentialFields } from './secured-credential-fields.js';
import { typeIncluding } from './type-including.js';

/** OB 3.0 EndorsementSubject: `id` is the endorsed Profile, Achievement or credential. */
export const EndorsementSubjectSchema = z.looseObject({
  id: z.string(),
  type: typeIncluding(['EndorsementSubject']),
  /** Markdown. */
  endorsementComment: z.string().optional(),
});
export type EndorsementSubject = z.output<typeof EndorsementSubjectSchema>;

/** OB 3.0 EndorsementCredential (VC 2.0): a third party's endorsement of an issuer, achievement or credential. */
export const EndorsementCredentialSchema = z.looseObject({
  '@context': ObContextSchema,
  id: z.string(),
  type: typeIncluding(['VerifiableCredential', 'EndorsementCredential']),
  name: z.string(),
  description: z.string().optional(),
  credentialSubject: EndorsementSubjectSchema,
  awardedDate: DateTimeZSchema.optional(),
  // A getter because ProfileRef -> Profile -> endorsement closes a cycle with this schema.
  get issuer(): typeof ProfileRefSchema {
    return ProfileRefSchema;
  },
  ...securedCredentialFields,
});
export type EndorsementCredential = z.output<typeof EndorsementCredentialSchema>;
