import { z } from 'zod';
import { AlignmentSchema } from './alignment.js';
import { oneOrMany } from './one-or-many.js';
import { ResultStatusTypeSchema } from './result-status-type.js';
import { typeIncluding } from './type-including.js';

/** OB 3.0 Result: what the subject achieved against one ResultDescription of the Achievement. */
export const ResultSchema = z.looseObject({
  type: typeIncluding(['Result']),
  /** The `id` of a ResultDescription of the same Achievement. */
  resultDescription: z.string().optional(),
  /** The `id` of a RubricCriterionLevel. */
  achievedLevel: z.string().optional(),
  /** Required when the linked ResultDescription's `resultType` is `Status`. */
  status: ResultStatusTypeSchema.optional(),
  value: z.string().optional(),
  alignment: oneOrMany(AlignmentSchema).optional(),
});
export type Result = z.output<typeof ResultSchema>;
