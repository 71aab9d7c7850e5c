import { z } from 'zod';
import { IdentifierTypeSchema } from './identifier-type.js';

/** OB 3.0 IdentifierEntry (`otherIdentifier`); `additionalProperties: false` in the schema. */
export const IdentifierEntrySchema = z.strictObject({
  type: z.literal('IdentifierEntry'),
  identifier: z.string(),
  identifierType: IdentifierTypeSchema,
});
export type IdentifierEntry = z.output<typeof IdentifierEntrySchema>;
