import { z } from 'zod';
import { AssociationTypeSchema } from './association-type.js';

/**
 * CLR 2.0 Association: a directed link between two achievements of a pathway (`isParentOf`,
 * `precedes`, …). `type` is the single string `"Association"`, as in the 1EdTech CLR test vector.
 */
export const AssociationSchema = z.looseObject({
  type: z.literal('Association'),
  associationType: AssociationTypeSchema,
  sourceId: z.string(),
  targetId: z.string(),
});
export type Association = z.output<typeof AssociationSchema>;
