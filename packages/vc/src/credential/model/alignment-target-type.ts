import type { z } from 'zod';
import { extensibleEnum } from './extensible-enum.js';

/** OB 3.0 AlignmentTargetType enumeration. */
export const ALIGNMENT_TARGET_TYPES = [
  'ceasn:Competency',
  'ceterms:Credential',
  'CFItem',
  'CFRubric',
  'CFRubricCriterion',
  'CFRubricCriterionLevel',
  'CTDL',
] as const;

/** `Alignment.targetType`: a spec value or an `ext:` extension. */
export const AlignmentTargetTypeSchema = extensibleEnum(ALIGNMENT_TARGET_TYPES);
export type AlignmentTargetType = z.output<typeof AlignmentTargetTypeSchema>;
