import { z } from 'zod';
import { AlignmentTargetTypeSchema } from './alignment-target-type.js';
import { typeIncluding } from './type-including.js';

/** OB 3.0 Alignment: a link to a node in an educational framework (CASE, CTDL, …). */
export const AlignmentSchema = z.looseObject({
  type: typeIncluding(['Alignment']),
  targetName: z.string(),
  targetUrl: z.string(),
  targetCode: z.string().optional(),
  targetDescription: z.string().optional(),
  targetFramework: z.string().optional(),
  targetType: AlignmentTargetTypeSchema.optional(),
});
export type Alignment = z.output<typeof AlignmentSchema>;
