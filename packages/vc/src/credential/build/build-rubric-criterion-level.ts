import type { RubricCriterionLevel } from '../model/index.js';
import { type AlignmentInput, buildAlignment } from './build-alignment.js';

export interface RubricCriterionLevelInput {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly level?: string;
  readonly points?: string;
  readonly alignment?: readonly AlignmentInput[];
}

/** An OB 3.0 RubricCriterionLevel. */
export function buildRubricCriterionLevel(input: RubricCriterionLevelInput): RubricCriterionLevel {
  return {
    id: input.id,
    type: ['RubricCriterionLevel'],
    name: input.name,
    description: input.description,
    level: input.level,
    points: input.points,
    alignment: input.alignment?.map(buildAlignment),
  };
}
