import type { Result, ResultStatusType } from '../model/index.js';
import { type AlignmentInput, buildAlignment } from './build-alignment.js';

export interface ResultInput {
  /** The id of a ResultDescription of the awarded Achievement. */
  readonly resultDescription?: string;
  /** The id of a RubricCriterionLevel of the awarded Achievement. */
  readonly achievedLevel?: string;
  /** Required when the ResultDescription's resultType is `Status`. */
  readonly status?: ResultStatusType;
  readonly value?: string;
  readonly alignment?: readonly AlignmentInput[];
}

/** An OB 3.0 Result. */
export function buildResult(input: ResultInput): Result {
  return {
    type: ['Result'],
    resultDescription: input.resultDescription,
    achievedLevel: input.achievedLevel,
    status: input.status,
    value: input.value,
    alignment: input.alignment?.map(buildAlignment),
  };
}
