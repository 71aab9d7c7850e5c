import type { z } from 'zod';
import { extensibleEnum } from './extensible-enum.js';

/** OB 3.0 ResultType enumeration (ResultDescription.resultType). */
export const RESULT_TYPES = [
  'GradePointAverage',
  'LetterGrade',
  'Percent',
  'PerformanceLevel',
  'PredictedScore',
  'RawScore',
  'Result',
  'RubricCriterion',
  'RubricCriterionLevel',
  'RubricScore',
  'ScaledScore',
  'Status',
] as const;

/** `ResultDescription.resultType`: a spec value or an `ext:` extension. */
export const ResultTypeSchema = extensibleEnum(RESULT_TYPES);
export type ResultType = z.output<typeof ResultTypeSchema>;
