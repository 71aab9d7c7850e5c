import { z } from 'zod';
import { AddressSchema } from './address.js';
import { DateSchema } from './date-time.js';
import { EndorsementCredentialSchema } from './endorsement-credential.js';
import { IdentifierEntrySchema } from './identifier-entry.js';
import { ImageSchema } from './image.js';
import { type OneOrMany, oneOrMany } from './one-or-many.js';
import { typeIncluding } from './type-including.js';

/**
 * OB 3.0 Profile: an issuer, creator, source or endorser. Recursive through `parentOrg` and through
 * `endorsement` (whose issuer is a Profile), hence the getters.
 */
export const ProfileSchema = z.looseObject({
  id: z.string(),
  type: typeIncluding(['Profile']),
  name: z.string().optional(),
  url: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  description: z.string().optional(),
  image: ImageSchema.optional(),
  address: AddressSchema.optional(),
  otherIdentifier: oneOrMany(IdentifierEntrySchema).optional(),
  official: z.string().optional(),
  get parentOrg(): z.ZodOptional<typeof ProfileSchema> {
    return ProfileSchema.optional();
  },
  get endorsement(): z.ZodOptional<OneOrMany<typeof EndorsementCredentialSchema>> {
    return oneOrMany(EndorsementCredentialSchema).optional();
  },
  endorsementJwt: oneOrMany(z.string()).optional(),
  givenName: z.string().optional(),
  familyName: z.string().optional(),
  additionalName: z.string().optional(),
  patronymicName: z.string().optional(),
  honorificPrefix: z.string().optional(),
  honorificSuffix: z.string().optional(),
  familyNamePrefix: z.string().optional(),
  dateOfBirth: DateSchema.optional(),
});
export type Profile = z.output<typeof ProfileSchema>;

/** OB 3.0 ProfileRef: an issuer given as a bare URI or as a Profile object. */
export const ProfileRefSchema = z.union([z.string(), ProfileSchema]);
export type ProfileRef = z.output<typeof ProfileRefSchema>;
