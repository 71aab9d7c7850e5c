import { z } from 'zod';
import { AlignmentSchema } from './alignment.js';
import { oneOrMany } from './one-or-many.js';
import { ResultTypeSchema } from './result-type.js';
import { RubricCriterionLevelSchema } from './rubric-criterion-level.js';
import { typeIncluding } from './type-including.js';

/** OB 3.0 ResultDescription: a possible result of an Achievement, referenced by `Result.resultDescription`. */
export const ResultDescriptionSchema = z.looseObject({
  id: z.string(),
  type: typeIncluding(['ResultDescription']),
  name: z.string(),
  resultType: ResultTypeSchema,
  /** Ordered from low to high (OB 3.0; an `@list` since context 3.0.2). */
  allowedValue: oneOrMany(z.string()).optional(),
  requiredLevel: z.string().optional(),
  requiredValue: z.string().optional(),
  rubricCriterionLevel: oneOrMany(RubricCriterionLevelSchema).optional(),
  valueMin: z.string().optional(),
  valueMax: z.string().optional(),
  alignment: oneOrMany(AlignmentSchema).optional(),
});
export type ResultDescription = z.output<typeof ResultDescriptionSchema>;
