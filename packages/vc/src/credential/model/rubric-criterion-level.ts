import { z } from 'zod';
import { AlignmentSchema } from './alignment.js';
import { oneOrMany } from './one-or-many.js';
import { typeIncluding } from './type-including.js';

/** OB 3.0 RubricCriterionLevel: one level of a rubric criterion, referenced by `Result.achievedLevel`. */
export const RubricCriterionLevelSchema = z.looseObject({
  id: z.string(),
  type: typeIncluding(['RubricCriterionLevel']),
  name: z.string(),
  description: z.string().optional(),
  level: z.string().optional(),
  points: z.string().optional(),
  alignment: oneOrMany(AlignmentSchema).optional(),
});
export type RubricCriterionLevel = z.output<typeof RubricCriterionLevelSchema>;
