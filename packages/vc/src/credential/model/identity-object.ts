import { z } from 'zod';
import { IdentifierTypeSchema } from './identifier-type.js';

/**
 * OB 3.0 IdentityObject: a recipient identifier, plain (`hashed: false`) or as
 * `sha256$<hex>` / `md5$<hex>` of identifier + salt. `additionalProperties: false` in the schema.
 */
export const IdentityObjectSchema = z.strictObject({
  type: z.literal('IdentityObject'),
  hashed: z.boolean(),
  identityHash: z.string(),
  identityType: IdentifierTypeSchema,
  salt: z.string().optional(),
});
export type IdentityObject = z.output<typeof IdentityObjectSchema>;
