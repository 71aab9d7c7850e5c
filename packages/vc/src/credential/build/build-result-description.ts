import type { ResultDescription, ResultType } from '../model/index.js';
import { type AlignmentInput, buildAlignment } from './build-alignment.js';
import { buildRubricCriterionLevel, type RubricCriterionLevelInput } from './build-rubric-criterion-level.js';

export interface ResultDescriptionInput {
  readonly id: string;
  readonly name: string;
  readonly resultType: ResultType;
  /** Ordered from low to high. */
  readonly allowedValue?: readonly string[];
  /** The id of the RubricCriterionLevel required to pass. */
  readonly requiredLevel?: string;
  readonly requiredValue?: string;
  readonly rubricCriterionLevel?: readonly RubricCriterionLevelInput[];
  readonly valueMin?: string;
  readonly valueMax?: string;
  readonly alignment?: readonly AlignmentInput[];
}

/** An OB 3.0 ResultDescription, the definition a `Result` points to. */
export function buildResultDescription(input: ResultDescriptionInput): ResultDescription {
  return {
    id: input.id,
    type: ['ResultDescription'],
    name: input.name,
    resultType: input.resultType,
    allowedValue: input.allowedValue === undefined ? undefined : [...input.allowedValue],
    requiredLevel: input.requiredLevel,
    requiredValue: input.requiredValue,
    rubricCriterionLevel: input.rubricCriterionLevel?.map(buildRubricCriterionLevel),
    valueMin: input.valueMin,
    valueMax: input.valueMax,
    alignment: input.alignment?.map(buildAlignment),
  };
}
